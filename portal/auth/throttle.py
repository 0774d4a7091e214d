"""Throttling login guesses without letting a stranger lock anyone out (OWASP "device cookies").

A browser that has logged in to an account before holds a signed device cookie for that account.
Its tries count against its own allowance only. Every other try (an unknown browser, or a device
cookie for another account) counts against the client's address and against the account's
allowance for unknown browsers. So an attacker who spends an account's allowance for unknown
browsers stops only unknown browsers: its owner, on a browser they used before, logs in at once.

Only failed tries count (a correct password never uses an allowance up). The same three limits
guard the second step of the login (one-time code, recovery code, passkey).

The device cookie carries the account's id and a random nonce, signed with SECRET_KEY; it is
sent only to /login pages (its Path), lives 180 days, and nothing about it is stored on the server.
Staff browsers only: residents never log in, so never get one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import current_app, g, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from portal.extensions import limiter
from portal.ratelimit import client_key, daily_key

DEVICE_COOKIE = "portal_device"
DEVICE_COOKIE_PATH = "/login"
DEVICE_MAX_AGE = 180 * 24 * 3600
_SALT = "portal.device-cookie"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def issue_device_cookie(response, user_id: int):
    """Remember this browser for `user_id` (called once a whole login succeeded)."""
    value = _serializer().dumps({"u": user_id, "n": secrets.token_urlsafe(16)})
    response.set_cookie(DEVICE_COOKIE, value, max_age=DEVICE_MAX_AGE, path=DEVICE_COOKIE_PATH, httponly=True,
                        samesite="Strict", secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))
    return response


def _device() -> dict | None:
    if "portal_device" not in g:
        raw = request.cookies.get(DEVICE_COOKIE)
        data = None
        if raw and len(raw) < 512:
            try:
                data = _serializer().loads(raw, max_age=DEVICE_MAX_AGE)
            except BadSignature:
                data = None
        g.portal_device = data if isinstance(data, dict) and isinstance(data.get("u"), int) else None
    return g.portal_device


# --- whose account a try is for ---------------------------------------------------------------------

def _typed_account_id() -> int | None:
    """The account the password step names (None when no account has that e-mail)."""
    if "portal_typed_account" not in g:
        from portal.services.accounts.users import get_by_email

        email = request.form.get("email", "")
        user = get_by_email(email) if isinstance(email, str) and len(email) <= 254 else None
        g.portal_typed_account = user.id if user is not None else None
    return g.portal_typed_account


def pending_account_id() -> int | None:
    """The account waiting for its second step (see portal/auth/sessions.py)."""
    if "portal_pending_account" not in g:
        from portal.auth.sessions import pending_user

        user = pending_user()
        g.portal_pending_account = user.id if user is not None else None
    return g.portal_pending_account


def _known_device(account_id: int | None) -> bool:
    device = _device()
    return account_id is not None and device is not None and device["u"] == account_id


# --- limiter keys ------------------------------------------------------------------------------------

def _keyed(kind: str, value: str) -> str:
    return kind + ":" + hmac.new(daily_key()[:32], value.encode(), hashlib.sha256).hexdigest()[:32]


def _account_key(account_id: int | None, fallback: str) -> str:
    """Per account; an e-mail without an account gets its own (keyed, never the e-mail itself)."""
    if account_id is not None:
        return _keyed("account", str(account_id))
    return _keyed("no-account", fallback)


def _device_key() -> str:
    device = _device() or {}
    return _keyed("device", str(device.get("n", "")))


def failed(response) -> bool:
    """Only failed tries count: a correct login never uses an allowance up."""
    return response.status_code >= 400


def login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def second_factor_limit() -> str:
    return current_app.config["SECOND_FACTOR_RATE_LIMIT"]


def _normalised_email() -> str:
    email = request.form.get("email", "")
    return email.strip().lower() if isinstance(email, str) else ""


def _password_step_trusted() -> bool:
    return _known_device(_typed_account_id())


def _password_step_untrusted() -> bool:
    return not _password_step_trusted()


def _password_step_account() -> str:
    return _account_key(_typed_account_id(), _normalised_email())


def _second_step_trusted() -> bool:
    return _known_device(pending_account_id())


def _second_step_untrusted() -> bool:
    return not _second_step_trusted()


def _second_step_account() -> str:
    return _account_key(pending_account_id(), "no pending login")


def throttle_password_step(view):
    """The three limits of the password step (see the module's docstring)."""
    common = {"methods": ["POST"], "deduct_when": failed}
    view = limiter.limit(login_limit, key_func=_device_key, exempt_when=_password_step_untrusted, **common)(view)
    view = limiter.limit(login_limit, key_func=_password_step_account, exempt_when=_password_step_trusted, **common)(view)
    return limiter.limit(login_limit, key_func=client_key, exempt_when=_password_step_trusted, **common)(view)


def throttle_second_step(view):
    """The same limits for the second step, one allowance shared by its one-time code, recovery
    code and passkey answers."""
    common = {"methods": ["POST"], "deduct_when": failed}
    view = limiter.shared_limit(second_factor_limit, "second-factor-device", key_func=_device_key,
                                exempt_when=_second_step_untrusted, **common)(view)
    view = limiter.shared_limit(second_factor_limit, "second-factor-account", key_func=_second_step_account,
                                exempt_when=_second_step_trusted, **common)(view)
    return limiter.shared_limit(second_factor_limit, "second-factor-client", key_func=client_key,
                                exempt_when=_second_step_trusted, **common)(view)
