"""Staff login and logout. Residents never log in."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from portal.auth.forms import LoginForm
from portal.extensions import db, limiter
from portal.ratelimit import daily_key
from portal.security import keeps_input_on_csrf_error
from portal.services.accounts import users as accounts
from portal.vocab import Role

bp = Blueprint("auth", __name__)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_key() -> str:
    """Throttle guesses against one account from many addresses too (keyed, never the e-mail itself)."""
    email = accounts.normalise_email(request.form.get("email", ""))
    return "account:" + hashlib.blake2b(email.encode(), key=daily_key()[:32], digest_size=16).hexdigest()


def _failed(response) -> bool:
    """Only failed logins count: nobody can lock a colleague out by logging in as themselves, nor
    by using up the limit with correct passwords."""
    return response.status_code != 302


def home_for(user) -> str:
    """Where each role starts its day."""
    endpoints = {
        Role.OFFICER: "activities.index",
        Role.MEDIATOR: "mediators.index",
        Role.MODERATOR: "moderation.queue",
        Role.ADMIN: "admin.index",
    }
    return url_for(endpoints[user.role])


def _safe_next(target: str | None) -> str | None:
    """Only a path on this site: never an open redirect."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_key, deduct_when=_failed)
def login():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is not None:
            db.session.commit()
            login_user(user)
            flash(_("You are logged in."), "success")
            return redirect(_safe_next(request.args.get("next")) or home_for(user))
        form.password.errors.append(_("The e-mail address or the password is not right."))
        status = 400
    elif request.method == "POST":
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
def logout():
    # POST with a CSRF token (checked by CSRFProtect), so another site cannot log staff out.
    if current_user.is_authenticated:
        accounts.end_sessions(current_user)  # a copied session cookie stops working too
        db.session.commit()
    logout_user()
    flash(_("You are logged out."), "success")
    return redirect(url_for("public.home"))


@bp.route("/account")
def account():
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    return render_template("auth/account.html")
