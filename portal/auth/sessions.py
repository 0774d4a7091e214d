"""Staff sessions: the login in two steps, a fresh session once it succeeds, and the timeouts.

* Between the password and the second factor the session holds only a *pending* login: the
  account's session token (so a password change or deactivation cancels it), where to go next and
  when the password was right. It is good for ten minutes and grants nothing else.
* Once the whole login succeeded the old session is thrown away (nothing from before the login,
  not even the CSRF token, carries over) and a new one starts with the login time.
* A staff session ends after 30 minutes without a request (idle) and 8 hours after the login
  (absolute), whatever the browser says: both times are in the signed session and checked on every
  request.

Every login success and failure goes to the audit log (account, outcome, time), except for
mediators: a mediator's login time could date the feedback they enter right after meeting a
resident, so their logins leave no trace at all (see README, Security).
"""

from __future__ import annotations

import time

from flask import Blueprint, current_app, flash, jsonify, redirect, request, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from portal.auth.throttle import issue_device_cookie
from portal.db import mark_private_write
from portal.extensions import db
from portal.models import User
from portal.services import audit
from portal.services.accounts import users as accounts
from portal.vocab import Role

PENDING = "pending_login"
PENDING_SECONDS = 10 * 60
SEEN_EVERY = 60  # seconds: how often the idle clock in the cookie is moved on

audit.ACTION_LABELS.update({
    "auth.login": _l("logged in"), "auth.login_failed": _l("failed to log in"),
    "user.totp_enable": _l("set up one-time codes"), "user.totp_disable": _l("turned one-time codes off"),
    "user.passkey_add": _l("added a passkey"), "user.passkey_remove": _l("removed a passkey"),
    "user.recovery_codes": _l("made new recovery codes"),
    "user.second_factor_reset": _l("reset a second factor"),
})


# --- the pending login -----------------------------------------------------------------------------

def start_pending(user: User, next_url: str | None) -> None:
    session.pop(PENDING, None)
    session[PENDING] = {"token": user.session_token, "next": next_url, "at": int(time.time())}


def pending_user() -> User | None:
    data = session.get(PENDING)
    if not isinstance(data, dict) or not isinstance(data.get("token"), str):
        return None
    if time.time() - int(data.get("at") or 0) > PENDING_SECONDS:
        return None
    user = db.session.execute(db.select(User).filter_by(session_token=data["token"])).scalar_one_or_none()
    return user if user is not None and user.active else None


def pending_next() -> str | None:
    data = session.get(PENDING)
    return data.get("next") if isinstance(data, dict) else None


# --- audit -------------------------------------------------------------------------------------------

def record_failure(user: User | None, reason: str) -> None:
    """A failed try, committed at once (the refused request commits nothing else)."""
    if user is not None and user.role == Role.MEDIATOR:
        return
    audit.record(None, "auth.login_failed", user, reason, object_type="user")
    db.session.commit()


def finish_login(user: User, method: str, next_url: str | None, *, then: str | None = None, as_json: bool = False,
                 notice: str | None = None):
    """The whole login succeeded: record it, start a fresh session, remember this browser. The
    answer sends the browser to `then`, else `next_url`, else the role's home page."""
    accounts.mark_logged_in(user)
    if user.role == Role.MEDIATOR:
        mark_private_write()  # a rehashed password or a passkey's counter must not date this login
    else:
        audit.record(user, "auth.login", user, method)
    db.session.commit()
    session.clear()
    login_user(user)
    now = int(time.time())
    session["login_at"] = now
    session["seen_at"] = now
    flash(_("You are logged in."), "success")
    if notice:
        flash(notice, "info")
    from portal.auth.blueprint import home_for

    target = then or next_url or home_for(user)
    return issue_device_cookie(jsonify(redirect=target) if as_json else redirect(target), user.id)


def relogin_after_password_change(user: User) -> None:
    """The password change rotated the session token; keep this session, end all the others."""
    login_at = session.get("login_at")
    session.clear()
    login_user(user)
    session["login_at"] = login_at or int(time.time())
    session["seen_at"] = int(time.time())


# --- timeouts ----------------------------------------------------------------------------------------

def expire_idle_sessions():
    """Before every request: end a staff session past its idle or absolute timeout."""
    if request.endpoint == "static" or "_user_id" not in session:
        return None
    now = time.time()
    login_at, seen_at = session.get("login_at"), session.get("seen_at")
    config = current_app.config
    expired = (
        not isinstance(login_at, int | float) or not isinstance(seen_at, int | float)
        or now - login_at > config["SESSION_ABSOLUTE_TIMEOUT"]
        or now - seen_at > config["SESSION_IDLE_TIMEOUT"]
    )
    if expired:
        logout_user()
        session.clear()
        flash(_("Your session has ended. Please log in again."), "info")
        return None  # the staff areas' guards send the browser to the login page
    if current_user.is_authenticated and now - seen_at >= SEEN_EVERY:
        session["seen_at"] = int(now)
    return None


def register(bp: Blueprint) -> None:
    bp.before_app_request(expire_idle_sessions)
