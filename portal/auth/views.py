"""Staff login (its password step), logout, the account page and password changes. Residents
never log in. The second step of the login and the second factors themselves are in
`two_factor.py` and `enrolment.py`, which add their routes to this blueprint."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from portal.auth import enrolment, sessions, two_factor  # noqa: F401  (enrolment and two_factor add routes to bp)
from portal.auth.blueprint import bp, home_for, safe_next
from portal.auth.forms import LoginForm, PasswordChangeForm
from portal.auth.throttle import failed, login_limit, throttle_password_step
from portal.extensions import db, limiter
from portal.forms import attach_error
from portal.refusals import refusal
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError
from portal.services.accounts import users as accounts

__all__ = ["bp", "home_for", "safe_next"]

sessions.register(bp)


def _failure_reason(email: str) -> tuple[object, str]:
    user = accounts.get_by_email(email)
    if user is None:
        return None, "unknown account"
    return user, ("inactive account" if not user.active else "wrong password")


@bp.route("/login", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@throttle_password_step
def login():
    # `next` is checked before anything else happens, so a bad one can never fail a login that
    # was already recorded.
    next_url = safe_next(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(next_url or home_for(current_user))
    form = LoginForm()
    if refusal() is not None:  # too many tries: the form again, and no password is checked
        return render_template("auth/login.html", form=form, next_url=next_url), 400
    status = 400 if request.method == "POST" else 200
    if form.validate_on_submit():
        user = accounts.check_password(form.email.data, form.password.data)
        if user is None:
            sessions.record_failure(*_failure_reason(form.email.data))
            form.password.errors.append(_("The e-mail address or the password is not right."))
        elif user.has_second_factor or user.needs_second_factor:
            db.session.commit()  # a password hash renewed with today's parameters
            sessions.start_pending(user, next_url)
            return redirect(url_for("auth.second_factor"))
        else:
            return sessions.finish_login(user, "password", next_url)
    return render_template("auth/login.html", form=form, next_url=next_url), status


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


@bp.route("/account/password", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@limiter.limit(login_limit, methods=["POST"], deduct_when=failed)
def change_password():
    """The owner changes their password; every other session of the account ends, this one goes on."""
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    form = PasswordChangeForm()
    if refusal() is None and form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            accounts.change_own_password(user, form.current_password.data, form.new_password.data)
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            sessions.relogin_after_password_change(user)
            flash(_("Your password is changed. You are logged out everywhere else."), "success")
            return redirect(url_for("auth.account"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/password.html", form=form), status

