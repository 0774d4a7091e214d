"""Administration: partner organisations (help without the police) and the audit log."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.admin.forms import AuditFilterForm, PartnerForm
from portal.extensions import db
from portal.forms import attach_error, page_number
from portal.permissions import guard_blueprint
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, audit, places
from portal.services.accounts import partners
from portal.services.accounts import users as accounts
from portal.services.accounts.partners import EVERYWHERE
from portal.vocab import Role

bp = Blueprint("admin", __name__, url_prefix="/admin")
guard_blueprint(bp, Role.ADMIN)


def _partner_or_404(partner_id: int):
    partner = partners.get_partner(partner_id)
    if partner is None:
        abort(404)
    return partner


@bp.route("/")
def index():
    return render_template("admin/index.html")


@bp.route("/partners")
def partners_list():
    scope = request.args.get("municipality", "", type=str)[:64] or None
    page = partners.list_partners(scope, page=request.args.get("page", 1, type=page_number))
    return render_template(
        "admin/partners.html", page=page, municipalities=places.all_municipalities(), scope=scope,
        everywhere=EVERYWHERE,
    )


def _partner_form_page(form, partner=None):
    status = 400 if request.method == "POST" else 200
    history = audit.history("partnerorganisation", partner.id) if partner is not None else []
    return render_template("admin/partner_form.html", form=form, partner=partner, history=history), status


@bp.route("/partners/new", methods=["GET", "POST"])
@keeps_input_on_csrf_error
def new_partner():
    form = PartnerForm()
    form.set_choices(places.all_municipalities())
    if form.validate_on_submit():
        try:
            partner = partners.create_partner(current_user, **form.values())
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            flash(_("%(name)s was added.", name=partner.name), "success")
            return redirect(url_for("admin.partners_list"))
    return _partner_form_page(form)


@bp.route("/partners/<int(max=2147483647):partner_id>/edit", methods=["GET", "POST"])
@keeps_input_on_csrf_error
def edit_partner(partner_id: int):
    partner = _partner_or_404(partner_id)
    form = PartnerForm()
    form.set_choices(places.all_municipalities())
    if not form.is_submitted():
        form.fill_from(partner)
    elif form.validate_on_submit():
        try:
            changed = partners.update_partner(current_user, partner, **form.values())
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            flash(_("%(name)s was saved.", name=partner.name) if changed else _("Nothing was changed."), "success")
            return redirect(url_for("admin.partners_list"))
    return _partner_form_page(form, partner)


def _set_active(partner_id: int, active: bool):
    partner = _partner_or_404(partner_id)
    partners.set_partner_active(current_user, partner, active)
    db.session.commit()
    if active:
        flash(_("%(name)s is shown to residents again.", name=partner.name), "success")
    else:
        flash(_("%(name)s is no longer shown to residents.", name=partner.name), "success")
    return redirect(url_for("admin.partners_list"))


@bp.route("/partners/<int(max=2147483647):partner_id>/deactivate", methods=["POST"])
def deactivate_partner(partner_id: int):
    return _set_active(partner_id, False)


@bp.route("/partners/<int(max=2147483647):partner_id>/activate", methods=["POST"])
def activate_partner(partner_id: int):
    return _set_active(partner_id, True)


# --- the audit log ---------------------------------------------------------------------------------

@bp.route("/audit")
def audit_log():
    """Every staff action, newest first, filtered by who, what kind, which record and when. Read
    only: nothing here (or anywhere) can change or delete an entry."""
    form = AuditFilterForm(request.args, people=accounts.list_users(), kinds=audit.kinds(),
                           object_types=audit.object_types())
    valid = form.validate()
    page = audit.browse(form.to_filters(), page=request.args.get("page", 1, type=page_number))
    return render_template("admin/audit.html", form=form, page=page, labels=audit.ACTION_LABELS,
                           filtered=any(v for k, v in request.args.items() if k not in ("page", "lang"))), (200 if valid else 400)


from portal.admin import account_views, practice_views  # noqa: E402,F401  (they add routes to bp)
