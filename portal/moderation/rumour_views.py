"""The rumour tracker: `/moderation/rumours` lists the rumours moderators follow; each rumour has its
page at `/moderation/rumours/tracker/<id>` with its counter-evidence, the reports grouped under it and
their number per month. (`/moderation/rumours/<id>` is one resident's report: see item_views.py.)"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.forms import attach_error
from portal.models import Rumour
from portal.moderation.blueprint import bp
from portal.moderation.forms import EmptyForm, RumourForm
from portal.moderation.item_views import activity_label
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, audit, places
from portal.services.moderation import items
from portal.services.moderation import rumours as tracker
from portal.vocab import RumourStatus

ID = "<int(max=2147483647):rumour_id>"


def _load(rumour_id: int) -> Rumour:
    rumour = db.session.get(Rumour, rumour_id)
    if rumour is None:
        abort(404)
    return rumour


def _form(rumour: Rumour | None, formdata=None) -> RumourForm:
    data = {}
    if rumour is not None and formdata is None:
        data = {name: getattr(rumour, name) for name in ("title", "summary", "counter_data", "counter_sources", "emotional_argument")}
        data |= {"about": rumour.about.value if rumour.about else "", "spread": rumour.spread.value if rumour.spread else "",
                 "status": rumour.status.value, "municipalities": [m.id for m in rumour.municipalities],
                 "activities": [a.id for a in rumour.activities], "practices": [p.id for p in rumour.practices]}
    form = RumourForm(formdata=formdata, data=data) if formdata is not None else RumourForm(formdata=None, data=data)
    form.set_choices(places.all_municipalities(), tracker.activity_choices(rumour), items.published_practices(), activity_label)
    return form


@bp.route("/moderation/rumours", endpoint="rumours")
def rumour_list():
    status = request.args.get("status", "")
    chosen = RumourStatus(status) if status in {s.value for s in RumourStatus} else None
    return render_template("moderation/rumours.html", tracked=tracker.tracker(chosen), chosen=chosen,
                           statuses=list(RumourStatus), ungrouped=tracker.ungrouped_reports())


@bp.route("/moderation/rumours/tracker/new", methods=["GET", "POST"], endpoint="new_rumour")
@keeps_input_on_csrf_error
def new_rumour():
    form = _form(None, request.form if request.method == "POST" else None)
    if request.method == "GET":
        form.status.data = RumourStatus.CIRCULATING.value
    if form.validate_on_submit():
        try:
            rumour = tracker.create_rumour(current_user, form.to_input())
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            flash(_("The rumour is saved."), "success")
            return redirect(url_for(".rumour", rumour_id=rumour.id))
    return render_template("moderation/rumour_form.html", form=form, rumour=None), (400 if request.method == "POST" else 200)


@bp.route(f"/moderation/rumours/tracker/{ID}", endpoint="rumour")
def rumour_page(rumour_id: int):
    rumour = _load(rumour_id)
    return render_template("moderation/rumour.html", rumour=rumour, per_month=tracker.reports_per_month(rumour),
                           history=audit.history("rumour", rumour.id), action_labels=audit.ACTION_LABELS)


@bp.route(f"/moderation/rumours/tracker/{ID}/edit", methods=["GET", "POST"], endpoint="edit_rumour")
@keeps_input_on_csrf_error
def edit_rumour(rumour_id: int):
    rumour = _load(rumour_id)
    form = _form(rumour, request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        try:
            changes = tracker.update_rumour(current_user, rumour, form.to_input())
        except DomainError as error:
            attach_error(form, error)
            rumour = _load(rumour_id)
        else:
            db.session.commit()
            flash(_("The changes are saved.") if changes else _("Nothing was changed."), "success")
            return redirect(url_for(".rumour", rumour_id=rumour.id))
    return render_template("moderation/rumour_form.html", form=form, rumour=rumour), (400 if request.method == "POST" else 200)


@bp.route(f"/moderation/rumours/tracker/{ID}/publish", methods=["POST"], endpoint="publish_rumour")
def publish_rumour(rumour_id: int):
    rumour = _load(rumour_id)
    form = EmptyForm()
    if form.validate_on_submit():
        try:
            tracker.publish(current_user, rumour)
        except DomainError as error:
            flash(str(error.message), "error")
            return redirect(url_for(".rumour", rumour_id=rumour.id))
        db.session.commit()
        flash(_("Published. Residents who reported it can read the counter-evidence."), "success")
    return redirect(url_for(".rumour", rumour_id=rumour.id))


@bp.route(f"/moderation/rumours/tracker/{ID}/unpublish", methods=["POST"], endpoint="unpublish_rumour")
def unpublish_rumour(rumour_id: int):
    rumour = _load(rumour_id)
    if EmptyForm().validate_on_submit():
        tracker.unpublish(current_user, rumour)
        db.session.commit()
        flash(_("It is no longer public."), "success")
    return redirect(url_for(".rumour", rumour_id=rumour.id))
