"""Staff login, second factor, password and account forms. Plain labels; no composition rules for
passwords (see services/accounts/passwords.py)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length

from portal.services.accounts.passwords import MAX_LENGTH, MIN_LENGTH

CODE_ATTRS = {"autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "off", "spellcheck": "false"}


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(message=_l("Enter your e-mail address.")), Length(max=254)],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[DataRequired(message=_l("Enter your password.")), Length(max=1024)],
                             render_kw={"autocomplete": "current-password"})


class OneTimeCodeForm(FlaskForm):
    """The six digits of an authenticator app."""

    kind = HiddenField(default="totp")
    code = StringField(_l("One-time code"), description=_l("The six digits your authenticator app shows now."),
                       validators=[InputRequired(message=_l("Enter the code.")), Length(max=20, message=_l("Enter the six digits."))],
                       render_kw={**CODE_ATTRS, "maxlength": 20})


class RecoveryCodeForm(FlaskForm):
    kind = HiddenField(default="recovery")
    recovery_code = StringField(
        _l("Recovery code"), description=_l("One of the ten codes you kept when you set up your second factor. Each works once."),
        validators=[InputRequired(message=_l("Enter a recovery code.")), Length(max=40, message=_l("This is not a recovery code."))],
        render_kw={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false", "maxlength": 40})


class PasskeyNameForm(FlaskForm):
    """Read by static/js/passkeys.js; the name helps tell several passkeys apart."""

    name = StringField(_l("Name of the passkey"), description=_l("For example: work laptop, or blue security key."),
                       validators=[Length(max=80)], render_kw={"maxlength": 80, "autocomplete": "off"})


class PasswordChangeForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(message=_l("Enter your current password.")), Length(max=1024)],
        render_kw={"autocomplete": "current-password"})
    new_password = PasswordField(
        _l("New password"),
        description=_l("At least 12 characters. A few unrelated words are easy to remember and hard to guess."),
        validators=[DataRequired(message=_l("Enter a new password.")),
                    Length(min=MIN_LENGTH, max=MAX_LENGTH, message=_l("Use between %(min)d and %(max)d characters."))],
        render_kw={"autocomplete": "new-password", "maxlength": MAX_LENGTH})
    confirm = PasswordField(
        _l("New password again"),
        validators=[DataRequired(message=_l("Enter the new password again.")),
                    EqualTo("new_password", message=_l("The two new passwords are not the same.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "new-password", "maxlength": MAX_LENGTH})


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token."""
