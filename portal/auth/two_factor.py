"""The second step of a staff login: a passkey, a one-time code, or a recovery code.

Moderators and admins must pass it; officers and mediators do once they set up a second factor.
The step is reached only with a pending login (a right password in the last ten minutes, see
sessions.py) and is throttled like the password (throttle.py: a known browser keeps its own
allowance). A moderator or admin without a second factor sets one up here before going further.
"""

from __future__ import annotations

import base64
import time

from flask import current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from portal.auth import sessions
from portal.auth.blueprint import bp
from portal.auth.forms import OneTimeCodeForm, RecoveryCodeForm
from portal.auth.throttle import throttle_second_step
from portal.refusals import refusal
from portal.security import keeps_input_on_csrf_error
from portal.services.accounts import second_factor as factors

CEREMONY = "webauthn"
CEREMONY_SECONDS = 5 * 60


# --- helpers shared with enrolment.py -----------------------------------------------------------

def relying_party() -> tuple[str, str]:
    """WebAuthn's relying party: the host name and origin of PUBLIC_URL, else of this request (a
    trusted host: see portal/security.py)."""
    from urllib.parse import urlsplit

    parts = urlsplit(current_app.config.get("PUBLIC_URL") or request.host_url)
    return parts.hostname or "localhost", f"{parts.scheme}://{parts.netloc}"


def keep_challenge(kind: str, challenge: bytes) -> None:
    session[CEREMONY] = {"kind": kind, "challenge": base64.b64encode(challenge).decode(), "at": int(time.time())}


def take_challenge(kind: str) -> bytes | None:
    """The challenge of the ceremony under way, once (a second answer finds none)."""
    data = session.pop(CEREMONY, None)
    if not isinstance(data, dict) or data.get("kind") != kind or time.time() - int(data.get("at") or 0) > CEREMONY_SECONDS:
        return None
    try:
        return base64.b64decode(data["challenge"])
    except (KeyError, ValueError, TypeError):
        return None


def browser_answer() -> tuple[str | None, str]:
    """The JSON the browser sent: the credential (as JSON text for py_webauthn) and a name."""
    import json

    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("credential"), dict):
        return None, ""
    name = body.get("name") if isinstance(body.get("name"), str) else ""
    return json.dumps(body["credential"]), name


def json_error(message, status: int = 400):
    return jsonify(error=str(message)), status


# --- the step ------------------------------------------------------------------------------------

def _start_again():
    flash(_("Please log in again."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/login/two-factor", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@throttle_second_step
def second_factor():
    user = sessions.pending_user()
    if user is None:
        return _start_again()
    if not user.has_second_factor:
        return redirect(url_for("auth.set_up"))
    code_form, recovery_form = OneTimeCodeForm(), RecoveryCodeForm()
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and refusal() is None:
        if request.form.get("kind") == "recovery":
            form, field = recovery_form, recovery_form.recovery_code
            ok = form.validate_on_submit() and factors.use_recovery_code(user, field.data)
            method, wrong = "password + recovery code", _("This recovery code is not right, or it was used already.")
        else:
            form, field = code_form, code_form.code
            ok = form.validate_on_submit() and factors.check_totp(user, field.data)
            method, wrong = "password + one-time code", factors.BAD_CODE
        if ok:
            notice = None
            if method.endswith("recovery code"):
                notice = _("You used a recovery code. Recovery codes left: %(num)d.", num=factors.recovery_codes_left(user))
            return sessions.finish_login(user, method, sessions.pending_next(), notice=notice)
        if not form.errors:
            sessions.record_failure(user, "wrong second factor")
            field.errors = [*field.errors, wrong]
    return render_template("auth/second_factor.html", user=user, code_form=code_form, recovery_form=recovery_form,
                           has_totp=factors.has_totp(user)), status


@bp.route("/login/passkey/options", methods=["POST"])
def passkey_login_options():
    user = sessions.pending_user()
    if user is None or not user.passkeys:
        return json_error(_("Please log in again."))
    rp_id, _origin = relying_party()
    ceremony = factors.authentication_ceremony(user, rp_id=rp_id)
    keep_challenge("login", ceremony.challenge)
    return current_app.response_class(ceremony.options, mimetype="application/json")


@bp.route("/login/passkey", methods=["POST"])
@throttle_second_step
def passkey_login():
    user = sessions.pending_user()
    challenge = take_challenge("login")
    answer, _name = browser_answer()
    if user is None or challenge is None or answer is None:
        return json_error(_("Please try again."))
    rp_id, origin = relying_party()
    if not factors.check_passkey(user, answer, challenge=challenge, rp_id=rp_id, origin=origin):
        sessions.record_failure(user, "wrong passkey")
        return json_error(_("This passkey was not accepted. Try again, or use a one-time code."))
    return sessions.finish_login(user, "password + passkey", sessions.pending_next(), as_json=True)
