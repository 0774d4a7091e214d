"""Staff accounts: creation, authentication, password changes, deactivation. Passwords are argon2id
hashes (see `passwords.py` for the parameters and the policy)."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l

from portal.extensions import db
from portal.models import Municipality, User
from portal.models.base import utcnow
from portal.services import DomainError
from portal.services.accounts import passwords
from portal.services.accounts.passwords import MIN_LENGTH as MIN_PASSWORD_LENGTH  # noqa: F401  (re-exported)
from portal.services.accounts.passwords import PasswordError, hash_password  # noqa: F401  (re-exported)
from portal.services.audit import record
from portal.vocab import Role

WRONG_CURRENT = _l("This is not your current password.")
SAME_PASSWORD = _l("The new password must be different from the current one.")
# Verifying against this keeps a login for an unknown e-mail as slow as one for a known e-mail. It
# is the hash of a random password nobody kept, made once with the same parameters as every hash
# (a test checks they still match): hashing one when each worker starts would cost every worker the
# hash's 64 MiB at start-up, whether or not it ever serves a login.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$whtstTz0u/K8zrJNo+kz4w$dr1OUeHsyK3/l+HWg1q64ankOtHn+bsgQqlmlpdnKDc"


class AccountError(DomainError):
    pass


def generate_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, ~120 bits


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_by_email(email: str) -> User | None:
    return db.session.execute(db.select(User).filter_by(email=normalise_email(email))).scalar_one_or_none()


def create_user(
    email: str,
    role: Role,
    password: str,
    *,
    municipality: Municipality | None = None,
    organisation: str = "",
    actor: User | None = None,
) -> User:
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise AccountError(f"not an e-mail address: {email!r}")
    try:
        passwords.check_new_password(password, email=email)
    except PasswordError as error:
        raise AccountError(str(error.message)) from error
    if role == Role.OFFICER and municipality is None:
        raise AccountError("an officer account needs a municipality")
    if get_by_email(email) is not None:
        raise AccountError(f"an account for {email} exists already")
    user = User(
        email=email,
        role=role,
        password_hash=hash_password(password),
        municipality=municipality,
        organisation=organisation,
        active=True,
        session_token=secrets.token_hex(32),
    )
    db.session.add(user)
    db.session.flush()
    record(actor, "user.create", user, f"{email} as {role.value}")
    return user


def check_password(email: str, password: str) -> User | None:
    """The active account with this e-mail and password, or None. Takes the same time either way.
    A hash made with older parameters is replaced (the caller commits)."""
    user = get_by_email(email)
    if not passwords.verify(user.password_hash if user else _DUMMY_HASH, password):
        return None
    if user is None or not user.active:
        return None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def mark_logged_in(user: User) -> None:
    """Called once the whole login (with its second factor) succeeded."""
    if user.role != Role.MEDIATOR:
        # A mediator's login time could date the feedback they enter right after meeting a resident.
        user.last_login_at = utcnow()


def authenticate(email: str, password: str) -> User | None:
    """Password check and login in one step, for accounts without a second factor (and the CLI)."""
    user = check_password(email, password)
    if user is not None:
        mark_logged_in(user)
    return user


def end_sessions(user: User) -> None:
    """Every session of this account stops working (used at logout)."""
    user.session_token = secrets.token_hex(32)


def set_password(user: User, password: str, actor: User | None = None) -> None:
    """Set a new password (policy checked) and end every session of the account; a view that keeps
    its own session logs in again with the new token."""
    passwords.check_new_password(password, email=user.email)
    user.password_hash = hash_password(password)
    end_sessions(user)
    record(actor, "user.password", user, user.email)


def change_own_password(user: User, current: str, new: str) -> None:
    """The account's owner changes their password; the current one must be right."""
    if not passwords.verify(user.password_hash, current):
        raise AccountError(WRONG_CURRENT, "current_password")
    if current == new:
        raise AccountError(SAME_PASSWORD, "new_password")
    try:
        set_password(user, new, actor=user)
    except PasswordError as error:
        raise AccountError(error.message, "new_password") from error


def deactivate_user(user: User, actor: User | None = None) -> None:
    user.active = False
    end_sessions(user)
    record(actor, "user.deactivate", user, user.email)


def list_users() -> list[User]:
    return list(db.session.scalars(db.select(User).order_by(User.role, User.email)))
