"""Working on one item: assignment, the moderators' note, category and tags, links to good practices
and activities, suggestions and possible duplicates.

An item is a resident's feedback or rumour report. Every change is audited with old → new values;
a note's or a resident's words never reach the audit log (only that the note changed).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import Activity, Feedback, FeedbackCategory, FeedbackTag, GoodPractice, RumourReport, User
from portal.services import DomainError, dates
from portal.services.audit import record
from portal.services.moderation import suggestions
from portal.services.moderation.states import kind_of
from portal.vocab import FeedbackStatus, Role

NOTE_MAX = 4000
TAG_MAX = 48
MODERATOR_ROLES = (Role.MODERATOR, Role.ADMIN)


class ItemError(DomainError):
    """A change to an item that breaks a rule."""


def load(kind: str, item_id: int):
    """The feedback or rumour report with this id, or None."""
    model = Feedback if kind == "feedback" else RumourReport
    return db.session.get(model, item_id)


# --- assignment and note ---------------------------------------------------------------------

def moderators() -> list[User]:
    """Accounts an item can be assigned to: active moderators and admins."""
    return list(db.session.scalars(
        select(User).where(User.role.in_(MODERATOR_ROLES), User.active.is_(True)).order_by(User.email)))


def assign(actor, item, assignee: User | None) -> bool:
    """Give the item to a moderator (None: to nobody); False when nothing changed."""
    if assignee is not None and (assignee.role not in MODERATOR_ROLES or not assignee.active):
        raise ItemError(_l("Choose a moderator from the list."), "assignee")
    if item.assigned_to_id == (assignee.id if assignee else None):
        return False
    old = item.assigned_to.email if item.assigned_to else "nobody"
    item.assigned_to = assignee
    db.session.flush()
    record(actor, f"{kind_of(item)}.assign", item, f"{old} → {assignee.email if assignee else 'nobody'}")
    return True


def set_note(actor, item, note: str) -> bool:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ItemError(_l("Please write at most %(max)d characters.", max=NOTE_MAX), "note")
    if note == (item.moderator_note or ""):
        return False
    item.moderator_note = note
    db.session.flush()
    record(actor, f"{kind_of(item)}.note", item, f"note changed ({len(note)} characters)")
    return True


# --- category and tags -------------------------------------------------------------------------

def change_category(actor, feedback: Feedback, slug: str) -> bool:
    category = db.session.scalar(select(FeedbackCategory).filter_by(slug=slug or ""))
    if category is None:
        raise ItemError(_l("Choose a category from the list."), "category")
    if category.id == feedback.category_id:
        return False
    old = feedback.category.slug
    feedback.category = category
    db.session.flush()
    record(actor, "feedback.category", feedback, f"{old} → {category.slug}")
    return True


def normalise_tag(tag: str) -> str:
    return " ".join((tag or "").split()).lower()


def add_tag(actor, feedback: Feedback, tag: str) -> bool:
    tag = normalise_tag(tag)
    if not tag:
        raise ItemError(_l("Write a tag."), "tag")
    if len(tag) > TAG_MAX:
        raise ItemError(_l("Please write at most %(max)d characters.", max=TAG_MAX), "tag")
    if tag in feedback.tags:
        return False
    feedback.tag_rows.append(FeedbackTag(tag=tag))
    db.session.flush()
    record(actor, "feedback.tag", feedback, f"+{tag}")
    return True


def remove_tag(actor, feedback: Feedback, tag: str) -> bool:
    row = next((r for r in feedback.tag_rows if r.tag == tag), None)
    if row is None:
        return False
    feedback.tag_rows.remove(row)
    db.session.flush()
    record(actor, "feedback.tag", feedback, f"-{tag}")
    return True


def tags_in_use(limit: int = 200) -> list[str]:
    """Tags moderators already use, most used first: offered as suggestions."""
    rows = db.session.execute(
        select(FeedbackTag.tag, db.func.count()).group_by(FeedbackTag.tag)
        .order_by(db.func.count().desc(), FeedbackTag.tag).limit(limit))
    return [tag for tag, _n in rows]


# --- links ---------------------------------------------------------------------------------------

def published_practices() -> list[GoodPractice]:
    return list(db.session.scalars(select(GoodPractice).where(GoodPractice.is_published.is_(True))
                                   .order_by(GoodPractice.title)))


def link_practice(actor, item, practice: GoodPractice | None) -> bool:
    if practice is None:
        raise ItemError(_l("Choose a good practice from the list."), "practice")
    if practice in item.practices:
        return False
    item.practices.append(practice)
    db.session.flush()
    record(actor, f"{kind_of(item)}.link", item, f"+practice {practice.slug}")
    return True


def unlink_practice(actor, item, practice: GoodPractice | None) -> bool:
    if practice is None or practice not in item.practices:
        return False
    item.practices.remove(practice)
    db.session.flush()
    record(actor, f"{kind_of(item)}.link", item, f"-practice {practice.slug}")
    return True


@dataclass(frozen=True)
class ActivityChoices:
    """Activities of the feedback's municipality: those of the month before, the month of and the
    month after the feedback's month first, then the most recent others."""

    near: list[Activity]
    other: list[Activity]


def activity_choices(feedback: Feedback, other_limit: int = 50) -> ActivityChoices:
    from datetime import datetime, time

    start = datetime.combine(dates.add_months(feedback.occurred_month, -1), time.min)
    end = datetime.combine(dates.add_months(feedback.occurred_month, 2), time.min)
    base = select(Activity).where(Activity.municipality_id == feedback.municipality_id)
    near_window = (Activity.starts_at >= start, Activity.starts_at < end)
    near = list(db.session.scalars(base.where(*near_window).order_by(Activity.starts_at, Activity.id)))
    other = list(db.session.scalars(base.where(or_(Activity.starts_at < start, Activity.starts_at >= end))
                                    .order_by(Activity.starts_at.desc(), Activity.id.desc()).limit(other_limit)))
    return ActivityChoices(near=near, other=other)


def link_activity(actor, feedback: Feedback, activity: Activity | None) -> bool:
    if activity is None or activity.municipality_id != feedback.municipality_id:
        raise ItemError(_l("Choose an activity of the same municipality."), "activity")
    if activity in feedback.linked_activities:
        return False
    feedback.linked_activities.append(activity)
    db.session.flush()
    record(actor, "feedback.link", feedback, f"+activity #{activity.id}")
    return True


def unlink_activity(actor, feedback: Feedback, activity: Activity | None) -> bool:
    if activity is None or activity not in feedback.linked_activities:
        return False
    feedback.linked_activities.remove(activity)
    db.session.flush()
    record(actor, "feedback.link", feedback, f"-activity #{activity.id}")
    return True


# --- suggestions and duplicates ------------------------------------------------------------------

@dataclass(frozen=True)
class PracticeSuggestion:
    practice: GoodPractice
    reasons: tuple


def practice_suggestions(feedback: Feedback, limit: int = 3) -> list[PracticeSuggestion]:
    """Good practices this feedback may be about, with the reason each is suggested."""
    practices = {p.slug: p for p in published_practices()}
    texts = [suggestions.PracticeText(slug=p.slug, title=p.title, summary=p.summary, tags=tuple(p.tags))
             for p in practices.values()]
    found = suggestions.suggest_practices(
        feedback.category.slug, feedback.text or "", feedback.language, texts,
        exclude=[p.slug for p in feedback.practices], limit=limit)
    return [PracticeSuggestion(practice=practices[s.slug], reasons=s.reasons) for s in found]


@dataclass(frozen=True)
class PossibleDuplicate:
    item: object
    similarity: float


DUPLICATE_CANDIDATES = 200


def possible_duplicates(item, limit: int = 5) -> list[PossibleDuplicate]:
    """Items of the same municipality, category and month (feedback) or the same municipality and
    month received (rumour reports) whose words are alike; rejected ones are left out."""
    if isinstance(item, Feedback):
        query = select(Feedback).where(
            Feedback.municipality_id == item.municipality_id, Feedback.category_id == item.category_id,
            Feedback.occurred_month == item.occurred_month)
        text_of = "text"
    else:
        month = dates.first_of_month(item.received_on)
        query = select(RumourReport).where(
            RumourReport.municipality_id == item.municipality_id,
            RumourReport.received_on >= month, RumourReport.received_on < dates.add_months(month, 1))
        text_of = "heard_text"
    model = type(item)
    rows = list(db.session.scalars(
        query.where(model.id != item.id, model.status != FeedbackStatus.REJECTED)
        .order_by(model.id.desc()).limit(DUPLICATE_CANDIDATES)))
    by_id = {row.id: row for row in rows}
    found = suggestions.likely_duplicates(getattr(item, text_of) or "", [(row.id, getattr(row, text_of) or "")
                                                                         for row in rows], limit=limit)
    return [PossibleDuplicate(item=by_id[row_id], similarity=score) for row_id, score in found]


def load_for_page(feedback_id: int) -> Feedback | None:
    """A feedback item with what its page shows loaded in a fixed number of queries."""
    return db.session.scalar(
        select(Feedback).where(Feedback.id == feedback_id).options(
            selectinload(Feedback.messages), selectinload(Feedback.practices), selectinload(Feedback.tag_rows),
            selectinload(Feedback.linked_activities), selectinload(Feedback.kept_spans)))
