"""One item: `/moderation/feedback/<id>` and `/moderation/rumours/<id>` (a rumour report).

The page shows everything about the item and one small form per action. Each action is a POST to
`…/<id>/<action>`: the view binds that action's form, calls one service, commits, and returns to the
page; when the service refuses, the page comes back with the input kept and the reason beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.forms import attach_error
from portal.models import Activity, Feedback, GoodPractice, RumourReport
from portal.moderation import forms as f
from portal.moderation.blueprint import bp
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, audit
from portal.services.feedback.intake import active_categories
from portal.services.moderation import items, publishing, states
from portal.services.moderation import rumours as tracker
from portal.services.moderation.states import StateError
from portal.vocab import FeedbackStatus, RejectionReason

ID = "<int(max=2147483647):item_id>"


@dataclass(frozen=True)
class Action:
    form: type
    run: Callable  # (item, form) -> flash message
    anchor: str


FEEDBACK_ACTIONS: dict[str, Action] = {}
REPORT_ACTIONS: dict[str, Action] = {}


def action(registry: dict, name: str, form: type, anchor: str):
    def register(run):
        registry[name] = Action(form, run, anchor)
        return run

    return register


def activity_label(activity: Activity) -> str:
    return f"{format_date(activity.starts_at.date(), 'medium')} · {activity.title}"


def _load(model, item_id: int):
    item = db.session.get(model, item_id)
    if item is None:
        abort(404)
    return item


# --- the pages ---------------------------------------------------------------------------------

@bp.route(f"/moderation/feedback/{ID}", endpoint="feedback")
def feedback_page(item_id: int):
    item = items.load_for_page(item_id) or abort(404)
    return _render_feedback(item)


def _forms_for_feedback(item: Feedback, failed: dict) -> dict:
    def make(name, cls, **data):
        return failed.get(name) or cls(formdata=None, **data)

    forms = {
        "status": make("status", f.StatusForm), "answer": make("answer", f.AnswerForm),
        "assign": make("assign", f.AssignForm, assignee=str(item.assigned_to_id or "")),
        "note": make("note", f.NoteForm, note=item.moderator_note), "category": make("category", f.CategoryForm, category=item.category.slug),
        "tag": make("tag", f.TagForm), "practice": make("practice", f.PracticeForm),
        "activity": make("activity", f.ActivityLinkForm),
        "public": make("public", f.PublicVersionForm, public_text=publishing.draft_text(item), public_answer=publishing.draft_answer(item)),
        "publish": make("publish", f.PublishForm), "button": f.EmptyForm(formdata=None),
    }
    forms["status"].set_choices(states.allowed_moves(item))
    forms["assign"].set_choices(items.moderators())
    forms["category"].set_choices(active_categories() if item.category.is_active else [item.category, *active_categories()])
    forms["practice"].set_choices([p for p in items.published_practices() if p not in item.practices])
    choices = items.activity_choices(item)
    linked = {a.id for a in item.linked_activities}
    forms["activity"].set_choices([a for a in choices.near if a.id not in linked], [a for a in choices.other if a.id not in linked],
                                  activity_label)
    return forms


def _render_feedback(item: Feedback, failed: dict | None = None, status: int = 200):
    from portal.services.moderation import redaction  # 3 MiB: imported where used (see publishing)

    failed = failed or {}
    marks = publishing.marks(item)
    return render_template(
        "moderation/feedback.html", item=item, forms=_forms_for_feedback(item, failed), failed=failed, marks=marks,
        previews={field: publishing.segments(item, field, marks) for field in publishing.FIELDS},
        action_labels=audit.ACTION_LABELS, kind_labels=redaction.KIND_LABELS, can_publish=publishing.can_publish(item),
        can_answer=states.can_answer(item), suggestions=items.practice_suggestions(item),
        duplicates=items.possible_duplicates(item), tags_in_use=items.tags_in_use(),
        history=audit.history("feedback", item.id), overdue=states.waiting_too_long(item),
        activity_label=activity_label,
    ), status


@bp.route(f"/moderation/rumours/{ID}", endpoint="report")
def report_page(item_id: int):
    return _render_report(_load(RumourReport, item_id))


def _render_report(item: RumourReport, failed: dict | None = None, status: int = 200):
    failed = failed or {}
    forms = {
        "status": failed.get("status") or f.StatusForm(formdata=None),
        "assign": failed.get("assign") or f.AssignForm(formdata=None, assignee=str(item.assigned_to_id or "")),
        "note": failed.get("note") or f.NoteForm(formdata=None, note=item.moderator_note),
        "group": failed.get("group") or f.GroupForm(formdata=None, rumour=item.rumour_id),
    }
    forms["status"].set_choices(states.allowed_moves(item))
    forms["assign"].set_choices(items.moderators())
    forms["group"].set_choices(tracker.all_rumours())
    return render_template(
        "moderation/report.html", item=item, forms=forms, failed=failed, duplicates=items.possible_duplicates(item),
        action_labels=audit.ACTION_LABELS,
        history=audit.history("rumourreport", item.id), overdue=states.waiting_too_long(item),
    ), status


# --- the actions -------------------------------------------------------------------------------

def _run(model, registry: dict, item_id: int, name: str, render, endpoint: str):
    item = _load(model, item_id)
    found = registry.get(name) or abort(404)
    form = found.form()
    _prepare(form, item)
    if form.validate_on_submit():
        try:
            message = found.run(item, form)
        except DomainError as error:
            attach_error(form, error)
            item = _load(model, item_id)
        else:
            db.session.commit()
            flash(message, "success")
            return redirect(url_for(endpoint, item_id=item.id, _anchor=found.anchor))
    if model is Feedback:
        item = items.load_for_page(item_id)
    return render(item, {name: form}, 400)


def _prepare(form, item) -> None:
    """Choices a bound form checks its input against."""
    if isinstance(form, f.StatusForm):
        form.set_choices(states.allowed_moves(item))
    elif isinstance(form, f.AssignForm):
        form.set_choices(items.moderators())
    elif isinstance(form, f.CategoryForm):
        form.set_choices(active_categories())
    elif isinstance(form, f.PracticeForm):
        form.set_choices(items.published_practices())
    elif isinstance(form, f.ActivityLinkForm):
        choices = items.activity_choices(item)
        form.set_choices(choices.near, choices.other, activity_label)
    elif isinstance(form, f.GroupForm):
        form.set_choices(tracker.all_rumours())


@bp.route(f"/moderation/feedback/{ID}/<name>", methods=["POST"], endpoint="feedback_action")
@keeps_input_on_csrf_error
def feedback_action(item_id: int, name: str):
    return _run(Feedback, FEEDBACK_ACTIONS, item_id, name, _render_feedback, ".feedback")


@bp.route(f"/moderation/rumours/{ID}/<name>", methods=["POST"], endpoint="report_action")
@keeps_input_on_csrf_error
def report_action(item_id: int, name: str):
    return _run(RumourReport, REPORT_ACTIONS, item_id, name, _render_report, ".report")


# Shared by both kinds of item.

def _move(item, form):
    to = FeedbackStatus(form.status.data)
    reason = RejectionReason(form.reason.data) if to == FeedbackStatus.REJECTED and form.reason.data else None
    original = None
    if reason == RejectionReason.DUPLICATE:
        original = db.session.get(type(item), form.duplicate_of.data)
        if original is None:
            raise StateError(_("There is no item with this number."), "duplicate_of")
    states.move(current_user, item, to, reason=reason, duplicate_of=original)
    return _("Moved to \"%(status)s\".", status=to.label)


def _assign(item, form):
    person = next((u for u in items.moderators() if str(u.id) == form.assignee.data), None) if form.assignee.data else None
    if form.assignee.data and person is None:
        raise items.ItemError(_("Choose a moderator from the list."), "assignee")
    changed = items.assign(current_user, item, person)
    if not changed:
        return _("Nothing was changed.")
    return _("Assigned to %(who)s.", who=person.email) if person else _("Assigned to nobody.")


def _take(item, _form):
    items.assign(current_user, item, current_user)
    return _("It is yours now.")


def _note(item, form):
    return _("The note is saved.") if items.set_note(current_user, item, form.note.data) else _("Nothing was changed.")


for registry in (FEEDBACK_ACTIONS, REPORT_ACTIONS):
    action(registry, "status", f.StatusForm, "state")(_move)
    action(registry, "assign", f.AssignForm, "work")(_assign)
    action(registry, "take", f.EmptyForm, "work")(_take)
    action(registry, "note", f.NoteForm, "work")(_note)


@action(FEEDBACK_ACTIONS, "answer", f.AnswerForm, "thread")
def _answer(item, form):
    states.answer(current_user, item, form.body.data)
    return _("Your answer was sent. The resident reads it with their receipt code.")


@action(FEEDBACK_ACTIONS, "read", f.EmptyForm, "thread")
def _read(item, _form):
    states.mark_read(current_user, item)
    return _("Marked as read.")


@action(FEEDBACK_ACTIONS, "category", f.CategoryForm, "category")
def _category(item, form):
    changed = items.change_category(current_user, item, form.category.data)
    return _("The category is changed.") if changed else _("Nothing was changed.")


@action(FEEDBACK_ACTIONS, "tag", f.TagForm, "category")
def _tag(item, form):
    return _("The tag is added.") if items.add_tag(current_user, item, form.tag.data) else _("It has this tag already.")


@action(FEEDBACK_ACTIONS, "untag", f.RemoveTagForm, "category")
def _untag(item, form):
    items.remove_tag(current_user, item, form.tag.data)
    return _("The tag is removed.")


def _practice(slug: str) -> GoodPractice | None:
    return db.session.scalar(db.select(GoodPractice).filter_by(slug=slug))


@action(FEEDBACK_ACTIONS, "practice", f.PracticeForm, "links")
def _link_practice(item, form):
    items.link_practice(current_user, item, _practice(form.practice.data))
    return _("The good practice is linked.")


@action(FEEDBACK_ACTIONS, "suggestion", f.HiddenPracticeForm, "links")
def _accept_suggestion(item, form):
    items.link_practice(current_user, item, _practice(form.practice.data))
    return _("The suggested good practice is linked.")


@action(FEEDBACK_ACTIONS, "unpractice", f.HiddenPracticeForm, "links")
def _unlink_practice(item, form):
    items.unlink_practice(current_user, item, _practice(form.practice.data))
    return _("The link is removed.")


@action(FEEDBACK_ACTIONS, "activity", f.ActivityLinkForm, "links")
def _link_activity(item, form):
    items.link_activity(current_user, item, db.session.get(Activity, form.activity.data))
    return _("The activity is linked.")


@action(FEEDBACK_ACTIONS, "unactivity", f.HiddenActivityForm, "links")
def _unlink_activity(item, form):
    activity = db.session.get(Activity, int(form.activity.data)) if form.activity.data.isdigit() else None
    items.unlink_activity(current_user, item, activity)
    return _("The link is removed.")


@action(FEEDBACK_ACTIONS, "public", f.PublicVersionForm, "public")
def _public(item, form):
    changed = publishing.save_public_version(current_user, item, form.public_text.data, form.public_answer.data)
    return _("The public version is saved.") if changed else _("Nothing was changed.")


@action(FEEDBACK_ACTIONS, "redaction", f.RedactionForm, "public")
def _redaction(item, form):
    position = form.position()
    if position is None or form.decision.data not in ("remove", "keep"):
        abort(400)
    if form.decision.data == "remove":
        publishing.remove_span(current_user, item, *position)
        return _("Removed from the public version.")
    publishing.keep_span(current_user, item, *position)
    return _("Kept: you confirmed it is not personal data.")


@action(FEEDBACK_ACTIONS, "remove-all", f.EmptyForm, "public")
def _remove_all(item, _form):
    count = publishing.remove_all(current_user, item)
    return _("%(count)d marked words were removed from the public version.", count=count)


@action(FEEDBACK_ACTIONS, "publish", f.PublishForm, "public")
def _publish(item, form):
    publishing.publish(current_user, item, confirm_remaining=bool(form.confirm.data))
    return _("Published. Anyone can now read the public version.")


@action(FEEDBACK_ACTIONS, "unpublish", f.EmptyForm, "public")
def _unpublish(item, _form):
    publishing.unpublish(current_user, item)
    return _("It is no longer public.")


@action(REPORT_ACTIONS, "group", f.GroupForm, "group")
def _group(item, form):
    title = (form.new_title.data or "").strip()
    if title:
        rumour = tracker.create_rumour(current_user, tracker.RumourInput(title=title, municipality_ids=[item.municipality_id]),
                                       [item])
        return _("A new rumour was started with this report.") if rumour else ""
    rumour = db.session.get(tracker.Rumour, form.rumour.data) if form.rumour.data else None
    tracker.group_report(current_user, item, rumour)
    return _("The report is grouped.") if rumour else _("The report is no longer grouped.")
