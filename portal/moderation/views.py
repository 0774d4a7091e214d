"""The moderators' area: the queue (their home after login) and bulk actions. The item pages are in
`item_views.py`, the rumour tracker in `rumour_views.py`; all share this blueprint and its guard.

Moderators and admins only. Residents' own words are shown here and nowhere else; nothing changes on
a GET, and every bulk action is confirmed on a second page before it is done.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.forms import page_number
from portal.moderation import item_views, rumour_views  # noqa: F401  (they add routes to bp)
from portal.moderation.blueprint import bp
from portal.moderation.forms import BULK_LABELS, BulkForm, QueueFilterForm
from portal.security import keeps_input_on_csrf_error
from portal.services import places
from portal.services.feedback.intake import active_categories
from portal.services.moderation import items, queue

__all__ = ["bp"]


def _filter_form(moderators) -> QueueFilterForm:
    return QueueFilterForm(request.args, categories=active_categories(), municipalities=places.active_municipalities(),
                           areas=queue.areas_by_municipality(), moderators=moderators, current_user_id=current_user.id)


def _is_filtered() -> bool:
    return any(value for key, value in request.args.items() if key not in ("page", "sort", "lang", "kind"))


@bp.route("/moderation", endpoint="queue")
def queue_page():
    moderators = items.moderators()
    form = _filter_form(moderators)
    valid = form.validate()
    filters = form.to_filters()
    page = queue.page_of(current_user, filters, page=request.args.get("page", 1, type=page_number))
    bulk = BulkForm(formdata=None)
    bulk.set_choices(moderators)
    return render_template("moderation/queue.html", form=form, page=page, bulk=bulk, filtered=_is_filtered(),
                           filters=filters), (200 if valid else 400)


@bp.route("/moderation/bulk", methods=["POST"])
@keeps_input_on_csrf_error
def bulk():
    """First step: show what will happen to which items; nothing changes yet."""
    form = BulkForm()
    form.set_choices(items.moderators())
    selected = queue.selected_items(request.form.getlist("item"))
    if not form.validate_on_submit() or not selected:
        if not selected:
            flash(_("Select at least one item first."), "error")
        elif form.errors:
            flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")
        return redirect(url_for(".queue", **_back_args()))
    assignee = _assignee(form.assignee.data)
    if form.confirmed.data == "yes":
        result = queue.apply_bulk(current_user, form.action.data, [item for _kind, item in selected], assignee=assignee)
        db.session.commit()
        flash(_("%(done)d items changed, %(skipped)d left as they were.", done=result.done, skipped=result.skipped), "success")
        return redirect(url_for(".queue", **_back_args()))
    return render_template("moderation/bulk_confirm.html", form=form, selected=selected, assignee=assignee,
                           action_label=BULK_LABELS[form.action.data], back=_back_args())


def _assignee(value: str | None):
    if not value:
        return None
    found = next((u for u in items.moderators() if str(u.id) == value), None)
    if found is None:
        abort(400)
    return found


def _back_args() -> dict:
    """The queue's filters, carried through the bulk pages so the moderator returns to the same view."""
    return {key[5:]: value for key, value in request.form.items() if key.startswith("back-") and value}
