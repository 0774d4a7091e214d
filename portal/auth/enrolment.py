"""Setting up second factors: passkeys, one-time codes (TOTP) and recovery codes.

Two people get here: a staff member who is logged in (from their account page), and a moderator
or admin whose password was right but who has no second factor yet (a new account, or one an
admin reset): they must set one up before the login goes on. Nobody else can add a factor, so a
password alone never adds one to an account that has one already.

The TOTP secret being set up lives in the session until a code made from it checks out; the QR
code is drawn here on the server. New recovery codes are shown once, on the page after the change,
and only their hashes are kept.
"""

from __future__ import annotations

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.auth import sessions
from portal.auth.blueprint import bp, home_for
from portal.auth.forms import ConfirmForm, OneTimeCodeForm, PasskeyNameForm
from portal.auth.two_factor import browser_answer, json_error, keep_challenge, relying_party, take_challenge
from portal.extensions import db
from portal.forms import attach_error
from portal.models import User
from portal.security import keeps_input_on_csrf_error
from portal.services.accounts import second_factor as factors

TOTP_ENROL = "totp_enrol"
NEW_CODES = "new_recovery_codes"
AFTER_CODES = "after_recovery_codes"
RP_NAME = "Safety together"


def enrolling_user() -> tuple[User | None, bool]:
    """(the account a factor is being set up for, whether that is the mandatory set-up of a login)."""
    if current_user.is_authenticated:
        return current_user._get_current_object(), False
    user = sessions.pending_user()
    if user is not None and not user.has_second_factor:
        return user, True
    return None, False


def _refuse(setting_up: bool):
    if setting_up:
        return redirect(url_for("auth.login"))
    return current_app.login_manager.unauthorized()


def _after_change(user: User, setting_up: bool, codes: list[str], method: str, *, as_json: bool = False):
    """Commit, finish a pending login, and show new recovery codes when there are any."""
    then = url_for("auth.recovery_codes") if codes else None
    if setting_up:
        after = sessions.pending_next() or home_for(user)
        response = sessions.finish_login(user, method, after, then=then, as_json=as_json)
    else:
        db.session.commit()
        flash(_("Your second factor is set up."), "success")
        target = then or url_for("auth.two_factor")
        response = jsonify(redirect=target) if as_json else redirect(target)
        after = url_for("auth.two_factor")
    if codes:
        session[NEW_CODES] = codes
        session[AFTER_CODES] = after
    return response


def _totp_secret() -> str:
    secret = session.get(TOTP_ENROL)
    if not isinstance(secret, str) or len(secret) != 32:
        secret = session[TOTP_ENROL] = factors.new_totp_secret()
    return secret


def _set_up_page(user: User, setting_up: bool, form: OneTimeCodeForm, status: int = 200):
    secret = _totp_secret()
    return render_template("auth/set_up.html", user=user, setting_up=setting_up, form=form,
                           name_form=PasskeyNameForm(formdata=None), secret=secret,
                           qr=factors.qr_svg(factors.totp_uri(secret, user.email))), status


@bp.route("/login/set-up", methods=["GET", "POST"], endpoint="set_up")
@bp.route("/account/totp", methods=["GET", "POST"], endpoint="add_totp")
@keeps_input_on_csrf_error
def set_up():
    """A passkey or one-time codes: during a login that needs them, or from the account page."""
    user, setting_up = enrolling_user()
    if user is None:
        return _refuse(request.endpoint == "auth.set_up")
    form = OneTimeCodeForm()
    if form.validate_on_submit():
        try:
            codes = factors.enable_totp(user, _totp_secret(), form.code.data)
        except factors.SecondFactorError as error:
            attach_error(form, error)
        else:
            session.pop(TOTP_ENROL, None)
            return _after_change(user, setting_up, codes, "password + new one-time codes")
    return _set_up_page(user, setting_up, form, 400 if request.method == "POST" else 200)


@bp.route("/account/passkeys/options", methods=["POST"])
def passkey_options():
    user, _setting_up = enrolling_user()
    if user is None:
        return json_error(_("Please log in again."), 401)
    rp_id, _origin = relying_party()
    ceremony = factors.registration_ceremony(user, rp_id=rp_id, rp_name=RP_NAME)
    db.session.commit()  # the account's random WebAuthn handle, made on first use
    keep_challenge("register", ceremony.challenge)
    return current_app.response_class(ceremony.options, mimetype="application/json")


@bp.route("/account/passkeys", methods=["POST"])
def add_passkey():
    user, setting_up = enrolling_user()
    challenge = take_challenge("register")
    answer, name = browser_answer()
    if user is None or challenge is None or answer is None:
        return json_error(_("Please try again."))
    rp_id, origin = relying_party()
    try:
        _key, codes = factors.add_passkey(user, answer, challenge=challenge, rp_id=rp_id, origin=origin, name=name)
    except factors.SecondFactorError as error:
        db.session.rollback()
        return json_error(error.message)
    return _after_change(user, setting_up, codes, "password + new passkey", as_json=True)


# --- the account's second factors -----------------------------------------------------------------

@bp.route("/account/two-factor")
def two_factor():
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    user = current_user._get_current_object()
    return render_template("auth/two_factor.html", user=user, has_totp=factors.has_totp(user),
                           codes_left=factors.recovery_codes_left(user), confirm=ConfirmForm(),
                           name_form=PasskeyNameForm(formdata=None))


def _change(action):
    """Run `action` for the logged-in account, commit, and go back to the second-factor page."""
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        action(current_user._get_current_object())
    except factors.SecondFactorError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return redirect(url_for("auth.two_factor"))
    db.session.commit()
    flash(_("Saved."), "success")
    return redirect(url_for("auth.two_factor"))


@bp.route("/account/passkeys/<int(max=2147483647):passkey_id>/remove", methods=["POST"])
def remove_passkey(passkey_id: int):
    return _change(lambda user: factors.remove_passkey(user, passkey_id))


@bp.route("/account/totp/remove", methods=["POST"])
def remove_totp():
    return _change(factors.disable_totp)


@bp.route("/account/recovery-codes", methods=["GET", "POST"])
def recovery_codes():
    """GET: new codes once, right after they were made. POST: make new ones (the old ones stop working)."""
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    user = current_user._get_current_object()
    if request.method == "POST":
        if not ConfirmForm().validate_on_submit() or not user.has_second_factor:
            abort(400)
        session[NEW_CODES] = factors.new_recovery_codes(user)
        session[AFTER_CODES] = url_for("auth.two_factor")
        db.session.commit()
        return redirect(url_for("auth.recovery_codes"))
    codes = session.pop(NEW_CODES, None)
    after = session.pop(AFTER_CODES, None) or url_for("auth.two_factor")
    return render_template("auth/recovery_codes.html", codes=codes if isinstance(codes, list) else None,
                           after=after, codes_left=factors.recovery_codes_left(user))
