"""Community policing activities: logging and editing them, their follow-up actions, and the
officers' filtered list. Every change is written to the audit log in the same transaction.

Scope: an officer works in their own municipality only; moderators and admins everywhere. The
views check it when they load a record, and these functions check it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, or_, select

from portal.extensions import db
from portal.models import Activity, Area, FeedbackCategory, FollowUp, GoodPractice, Municipality
from portal.permissions import can_manage_municipality
from portal.services import DomainError, dates
from portal.services.activities.codes import new_activity_code
from portal.services.activities.history import SIMPLE_FIELDS, TEXT_FIELDS, diff, follow_up_line, short, show, snapshot
from portal.services.audit import record
from portal.vocab import ActivityFormat, ActivityType, FollowUpStatus, Role

OPEN_STATUSES = (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)
DEFAULT_DURATION = timedelta(hours=1)
# Dates outside these years are typing mistakes (and 9999-12-31 plus one hour does not exist).
MIN_YEAR, MAX_YEAR = 2000, 2100
# Never in the public calendar, and /a/<code> names no detail of them: showing when and where they
# happen could point at the residents who took part.
SENSITIVE_TYPES = frozenset({ActivityType.MEDIATION, ActivityType.HATE_INCIDENT_FOLLOW_UP, ActivityType.LEGAL_CLINIC})


def year_in_range(value: date | datetime | None) -> bool:
    return value is None or MIN_YEAR <= value.year <= MAX_YEAR


def year_message():
    return _l("Give a year between %(first)d and %(last)d.", first=MIN_YEAR, last=MAX_YEAR)


def shown_publicly(activity: Activity) -> bool:
    """Marked public, and of a type that may ever be public (old rows may say public)."""
    return bool(activity.is_public) and activity.type not in SENSITIVE_TYPES


def private_type_message():
    return _l("This type of activity is never shown to the public. Untick this box.")


class ActivityError(DomainError):
    """A rule about activities was broken."""


class OutOfScopeError(ActivityError):
    """The account may not act in that municipality."""


class CodeExhaustedError(DomainError):
    """No free feedback code after several tries (the code space is nearly full)."""


@dataclass
class ActivityInput:
    municipality_id: int
    type: ActivityType
    title: str
    starts_at: datetime
    ends_at: datetime | None = None  # None: one hour after the start
    format: ActivityFormat = ActivityFormat.IN_PERSON
    area_id: int | None = None
    organising_unit: str = ""
    partner_organisations: str = ""
    officers_count: int = 0
    participants_count: int | None = None
    women_count: int | None = None
    roma_count: int | None = None
    languages: str = ""
    interpretation_provided: bool = False
    mediator_present: bool = False
    topic_ids: list[int] = field(default_factory=list)
    practice_ids: list[int] = field(default_factory=list)
    objectives: str = ""
    outcomes: str = ""
    public_summary: str = ""
    is_public: bool = False


@dataclass
class FollowUpInput:
    description: str
    responsible: str = ""
    due_on: date | None = None
    status: FollowUpStatus = FollowUpStatus.OPEN


# --- writing ---------------------------------------------------------------------------------

def unique_feedback_code(generate=new_activity_code, attempts: int = 20) -> str:
    """A feedback code no activity uses yet; a new one is drawn on a collision."""
    for _ in range(attempts):
        code = generate()
        if db.session.scalar(select(Activity.id).filter_by(feedback_code=code)) is None:
            return code
    raise CodeExhaustedError(_l("No free feedback code was found. Please try again."))


def log_activity(actor, data: ActivityInput, follow_ups: list[FollowUpInput] = ()) -> Activity:
    """Record a new activity (and the follow-up actions agreed at it)."""
    _check_scope(actor, data.municipality_id)
    activity = Activity(created_by_id=actor.id, feedback_code=unique_feedback_code())
    _apply(activity, data, _clean(data, activity=None))
    for item in follow_ups:
        activity.follow_ups.append(_new_follow_up(item))
    db.session.add(activity)
    db.session.flush()
    record(actor, "activity.create", activity, f"{activity.title} ({activity.type.value})")
    for item in activity.follow_ups:
        record(actor, "follow_up.create", activity, follow_up_line(item))
    return activity


def update_activity(actor, activity: Activity, data: ActivityInput) -> list[str]:
    """Save changes; returns the lines written to the audit log (empty: nothing changed)."""
    _check_scope(actor, activity.municipality_id)
    _check_scope(actor, data.municipality_id)
    clean = _clean(data, activity=activity)
    before = snapshot(activity)
    _apply(activity, data, clean)
    changes = diff(before, snapshot(activity))
    if changes:
        db.session.flush()
        record(actor, "activity.update", activity, "; ".join(changes))
    return changes


def add_follow_up(actor, activity: Activity, data: FollowUpInput) -> FollowUp:
    _check_scope(actor, activity.municipality_id)
    item = _new_follow_up(data)
    activity.follow_ups.append(item)
    db.session.flush()
    record(actor, "follow_up.create", activity, follow_up_line(item))
    return item


def update_follow_up(actor, item: FollowUp, data: FollowUpInput, today: date | None = None) -> list[str]:
    activity = item.activity
    _check_scope(actor, activity.municipality_id)
    description = _required_text(data.description, "description", 2000)
    before = {"description": item.description, "responsible": item.responsible, "due_on": item.due_on,
              "status": item.status}
    item.description = description
    item.responsible = (data.responsible or "").strip()[:160]
    item.due_on = data.due_on
    if data.status == FollowUpStatus.DONE and item.status != FollowUpStatus.DONE:
        item.completed_on = today or dates.today()
    elif data.status != FollowUpStatus.DONE:
        item.completed_on = None
    item.status = data.status
    after = {"description": item.description, "responsible": item.responsible, "due_on": item.due_on,
             "status": item.status}
    changes = [
        f"{name}: changed" if name == "description" else f"{name}: {show(before[name])} → {show(after[name])}"
        for name in before if before[name] != after[name]
    ]
    if changes:
        db.session.flush()
        record(actor, "follow_up.update", activity, f"{short(before['description'])}: " + "; ".join(changes))
    return changes


def defaults_for(user) -> dict:
    """What an officer usually types: taken from the last activity they logged."""
    last = db.session.scalar(
        select(Activity).filter_by(created_by_id=user.id).order_by(Activity.created_at.desc(), Activity.id.desc()).limit(1)
    )
    if last is None:
        return {}
    return {"organising_unit": last.organising_unit, "languages": last.languages, "format": last.format}


# --- rules -----------------------------------------------------------------------------------

def _check_scope(actor, municipality_id: int | None) -> None:
    if actor is None or actor.role not in (Role.OFFICER, Role.MODERATOR, Role.ADMIN) \
            or not can_manage_municipality(actor, municipality_id):
        raise OutOfScopeError(_l("You can only log activities in your own municipality."), "municipality")


def _required_text(value: str, name: str, limit: int) -> str:
    value = (value or "").strip()
    if not value:
        raise ActivityError(_l("This is needed."), name)
    if len(value) > limit:
        raise ActivityError(_l("This is too long."), name)
    return value


def _clean(data: ActivityInput, activity: Activity | None) -> dict:
    """Check the rules that need the database or several fields; returns the related rows."""
    municipality = db.session.get(Municipality, data.municipality_id)
    if municipality is None:
        raise ActivityError(_l("Choose a municipality."), "municipality")
    _required_text(data.title, "title", 200)
    for name in ("starts_at", "ends_at"):
        if not year_in_range(getattr(data, name)):
            raise ActivityError(year_message(), name)
    ends_at = data.ends_at or data.starts_at + DEFAULT_DURATION
    if ends_at <= data.starts_at:
        raise ActivityError(_l("The end must be after the start."), "ends_at")
    for name in ("officers_count", "participants_count", "women_count", "roma_count"):
        value = getattr(data, name)
        if value is not None and value < 0:
            raise ActivityError(_l("This cannot be below zero."), name)
    for name in ("women_count", "roma_count"):
        value = getattr(data, name)
        if value is None:
            continue
        if data.participants_count is None:
            raise ActivityError(_l("Give the number of participants first."), name)
        if value > data.participants_count:
            raise ActivityError(_l("This cannot be more than the number of participants."), name)
    if data.is_public and data.type in SENSITIVE_TYPES:
        raise ActivityError(private_type_message(), "is_public")
    area = None
    if data.area_id is not None:
        area = db.session.get(Area, data.area_id)
        if area is None or area.municipality_id != municipality.id:
            raise ActivityError(_l("Choose an area of this municipality."), "area")
    # Retired practices and topics already linked stay allowed, so an edit does not drop them.
    kept_practices = {p.id for p in activity.practices} if activity is not None else set()
    practices = list(db.session.scalars(select(GoodPractice).where(
        GoodPractice.id.in_(set(data.practice_ids)),
        or_(GoodPractice.is_published.is_(True), GoodPractice.id.in_(kept_practices)),
    )))
    if len(practices) != len(set(data.practice_ids)):
        raise ActivityError(_l("Choose good practices from the list."), "practices")
    kept_topics = {t.id for t in activity.topics} if activity is not None else set()
    topics = list(db.session.scalars(select(FeedbackCategory).where(
        FeedbackCategory.id.in_(set(data.topic_ids)),
        or_(FeedbackCategory.is_active.is_(True), FeedbackCategory.id.in_(kept_topics)),
    )))
    if len(topics) != len(set(data.topic_ids)):
        raise ActivityError(_l("Choose topics from the list."), "topics")
    return {"municipality": municipality, "area": area, "ends_at": ends_at, "practices": practices, "topics": topics}


def _apply(activity: Activity, data: ActivityInput, clean: dict) -> None:
    for name in SIMPLE_FIELDS + TEXT_FIELDS:
        value = getattr(data, name)
        setattr(activity, name, value.strip() if type(value) is str else value)  # enums are str too
    activity.ends_at = clean["ends_at"]
    activity.municipality = clean["municipality"]
    activity.area = clean["area"]
    activity.practices = sorted(clean["practices"], key=lambda p: p.title)
    activity.topics = sorted(clean["topics"], key=lambda t: t.sort_order)


def _new_follow_up(data: FollowUpInput) -> FollowUp:
    return FollowUp(
        description=_required_text(data.description, "description", 2000),
        responsible=(data.responsible or "").strip()[:160], due_on=data.due_on, status=data.status,
        completed_on=dates.today() if data.status == FollowUpStatus.DONE else None,
    )


def form_choices(user, activity: Activity | None = None) -> dict:
    """What the activity forms offer this account: municipalities (moderators and admins only),
    areas in scope, published good practices and active topics (plus any the activity has)."""
    scope = scope_of(user)
    municipalities = [] if scope is not None else list(db.session.scalars(
        select(Municipality).where(or_(Municipality.is_active.is_(True),
                                       Municipality.id == (activity.municipality_id if activity else -1)))
        .order_by(Municipality.name)))
    areas = select(Area).join(Area.municipality).order_by(Municipality.name, Area.name)
    areas = areas.where(Area.municipality_id == scope) if scope is not None else \
        areas.where(Area.municipality_id.in_([m.id for m in municipalities]))
    linked_practices = [p.id for p in activity.practices] if activity else []
    linked_topics = [t.id for t in activity.topics] if activity else []
    return {
        "municipalities": municipalities,
        "areas": list(db.session.scalars(areas)),
        "practices": list(db.session.scalars(select(GoodPractice).where(
            or_(GoodPractice.is_published.is_(True), GoodPractice.id.in_(linked_practices))).order_by(GoodPractice.title))),
        "topics": list(db.session.scalars(select(FeedbackCategory).where(
            or_(FeedbackCategory.is_active.is_(True), FeedbackCategory.id.in_(linked_topics)))
            .order_by(FeedbackCategory.sort_order))),
    }


# --- reading ---------------------------------------------------------------------------------

SORTS = {
    "newest": (Activity.starts_at.desc(), Activity.id.desc()),
    "oldest": (Activity.starts_at.asc(), Activity.id.asc()),
    "title": (Activity.title.asc(), Activity.id.asc()),
    "updated": (Activity.updated_at.desc(), Activity.id.desc()),
}


@dataclass
class ActivityFilters:
    municipality_id: int | None = None  # moderators and admins only; officers always see their own
    date_from: date | None = None
    date_to: date | None = None
    type: ActivityType | None = None
    area_id: int | None = None
    practice_id: int | None = None
    open_follow_ups: bool = False
    text: str = ""
    sort: str = "newest"


def scope_of(user) -> int | None:
    """The municipality a user's lists are limited to; None means every municipality."""
    if user.role == Role.OFFICER:
        return user.municipality_id if user.municipality_id is not None else -1  # -1: nothing
    if user.role in (Role.MODERATOR, Role.ADMIN):
        return None
    raise OutOfScopeError(_l("You cannot see activities."))


def has_open_follow_ups():
    return exists().where(FollowUp.activity_id == Activity.id, FollowUp.status.in_(OPEN_STATUSES))


def activity_query(user, filters: ActivityFilters):
    """The activities `user` may see, filtered and sorted."""
    query = select(Activity)
    scope = scope_of(user)
    municipality_id = scope if scope is not None else filters.municipality_id
    if municipality_id is not None:
        query = query.where(Activity.municipality_id == municipality_id)
    if filters.date_from:
        query = query.where(Activity.starts_at >= datetime.combine(filters.date_from, datetime.min.time()))
    if filters.date_to and filters.date_to < date.max:  # the last day has no next day to stop before
        query = query.where(Activity.starts_at < datetime.combine(filters.date_to + timedelta(days=1), datetime.min.time()))
    if filters.type:
        query = query.where(Activity.type == filters.type)
    if filters.area_id:
        query = query.where(Activity.area_id == filters.area_id)
    if filters.practice_id:
        query = query.where(Activity.practices.any(GoodPractice.id == filters.practice_id))
    if filters.open_follow_ups:
        query = query.where(has_open_follow_ups())
    if filters.text.strip():
        words = filters.text.strip()[:100].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Activity.title.ilike(f"%{words}%", escape="\\"))
    return query.order_by(*SORTS.get(filters.sort, SORTS["newest"]))


MAX_PAGE = 100_000


def list_activities(user, filters: ActivityFilters, page: int = 1, per_page: int = 20):
    """One page of the list (a Flask-SQLAlchemy Pagination), with what the table shows loaded."""
    from sqlalchemy.orm import joinedload, selectinload

    page = min(max(page, 1), MAX_PAGE)  # an absurd page number is the last page anyone could reach

    query = activity_query(user, filters).options(
        joinedload(Activity.area), joinedload(Activity.municipality),
        selectinload(Activity.practices), selectinload(Activity.follow_ups),
    )
    return db.paginate(query, page=page, per_page=per_page, max_per_page=100, error_out=False, count=True)


def open_follow_up_count(activity: Activity) -> int:
    return sum(1 for item in activity.follow_ups if item.status in OPEN_STATUSES)
