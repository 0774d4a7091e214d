"""Administrators and their colleagues' accounts: who has which role and whether they log in with
a second factor, and resetting a lost second factor (a lost phone or security key). A reset
removes every passkey, the one-time codes and the recovery codes, ends the colleague's sessions
and is written to the audit log; a moderator or admin then sets up a new factor at the next login.
Administrators reset their own factors from their account page, never here."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from portal.admin.views import bp
from portal.extensions import db
from portal.models import User
from portal.services.accounts import second_factor as factors
from portal.services.accounts import users as accounts


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


@bp.route("/accounts")
def accounts_list():
    return render_template("admin/accounts.html", users=accounts.list_users(), confirm=ConfirmForm())


@bp.route("/accounts/<int(max=2147483647):user_id>/reset-second-factor", methods=["POST"])
def reset_second_factor(user_id: int):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if user.id == current_user.id:
        flash(_("Change your own second factor on your account page."), "error")
        return redirect(url_for("admin.accounts_list"))
    if not ConfirmForm().validate_on_submit():
        abort(400)
    factors.reset_second_factor(user, actor=current_user)
    db.session.commit()
    flash(_("The second factor of %(email)s is reset. They set up a new one at their next login.", email=user.email),
          "success")
    return redirect(url_for("admin.accounts_list"))
