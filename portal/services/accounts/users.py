"""Staff accounts: creation, authentication, deactivation. Passwords are argon2id hashes."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from portal.extensions import db
from portal.models import Municipality, User
from portal.models.base import utcnow
from portal.services import DomainError
from portal.services.audit import record
from portal.vocab import Role

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verifying against this keeps a login for an unknown e-mail as slow as one for a known e-mail.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

MIN_PASSWORD_LENGTH = 12


class AccountError(DomainError):
    pass


def generate_password() -> str:
    return secrets.token_urlsafe(15)  # 20 characters, ~120 bits


def hash_password(password: str) -> str:
    return _hasher.hash(password)


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
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
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


def authenticate(email: str, password: str) -> User | None:
    """The active account with this e-mail and password, or None. Takes the same time either way."""
    user = get_by_email(email)
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if user.role != Role.MEDIATOR:
        # A mediator's login time could date the feedback they enter right after meeting a resident.
        user.last_login_at = utcnow()
    return user


def end_sessions(user: User) -> None:
    """Every session of this account stops working (used at logout)."""
    user.session_token = secrets.token_hex(32)


def set_password(user: User, password: str, actor: User | None = None) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    user.password_hash = hash_password(password)
    user.session_token = secrets.token_hex(32)  # logs out other sessions
    record(actor, "user.password", user, user.email)


def deactivate_user(user: User, actor: User | None = None) -> None:
    user.active = False
    user.session_token = secrets.token_hex(32)
    record(actor, "user.deactivate", user, user.email)


def list_users() -> list[User]:
    return list(db.session.scalars(db.select(User).order_by(User.role, User.email)))
