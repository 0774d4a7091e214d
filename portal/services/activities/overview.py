"""The officers' home: this month's work, open follow-ups, and how residents see policing.

Residents' feedback appears here only as released figures: one calendar quarter at a time, once
the quarter has ended, with every small count hidden, computed once and never changed afterwards
(`portal.services.statistics.releases`), plus the items a moderator chose to publish in redacted
form. An officer never sees a resident's own words, cannot watch one answer arrive, and cannot
subtract two releases to recover a hidden count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from portal.extensions import db
from portal.models import Activity, Feedback, FeedbackCategory, FollowUp, GoodPractice, activity_practice
from portal.services import dates
from portal.services.activities.log import OPEN_STATUSES
from portal.services.statistics import releases
from portal.vocab import ActivityType, FeedbackStatus, Gender, PoliceBody


def _in_scope(query, column, municipality_id: int | None):
    return query if municipality_id is None else query.where(column == municipality_id)


# --- this month ------------------------------------------------------------------------------

@dataclass(frozen=True)
class MonthSummary:
    month: date
    by_type: list[tuple[ActivityType, int]]
    total: int
    participants: int
    practices: list[tuple[GoodPractice, int]]


def month_summary(municipality_id: int | None, today: date) -> MonthSummary:
    """Activities that start this month, by type, and the good practices they applied."""
    start = datetime.combine(dates.first_of_month(today), datetime.min.time())
    end = datetime.combine(dates.add_months(today, 1), datetime.min.time())
    in_month = (Activity.starts_at >= start, Activity.starts_at < end)
    rows = db.session.execute(_in_scope(
        select(Activity.type, func.count(Activity.id), func.coalesce(func.sum(Activity.participants_count), 0))
        .where(*in_month).group_by(Activity.type), Activity.municipality_id, municipality_id))
    counts, participants = {}, 0
    for kind, n, people in rows:
        counts[kind] = n
        participants += int(people or 0)
    by_type = [(kind, counts[kind]) for kind in ActivityType if kind in counts]
    practice_rows = db.session.execute(_in_scope(
        select(GoodPractice, func.count(Activity.id))
        .join(activity_practice, activity_practice.c.practice_id == GoodPractice.id)
        .join(Activity, Activity.id == activity_practice.c.activity_id)
        .where(*in_month).group_by(GoodPractice.id).order_by(func.count(Activity.id).desc(), GoodPractice.title),
        Activity.municipality_id, municipality_id))
    return MonthSummary(month=dates.first_of_month(today), by_type=by_type, total=sum(counts.values()),
                        participants=participants, practices=[(p, n) for p, n in practice_rows])


# --- follow-ups ------------------------------------------------------------------------------

@dataclass(frozen=True)
class FollowUpCounts:
    open: int
    overdue: int


def follow_up_counts(municipality_id: int | None, today: date) -> FollowUpCounts:
    base = _in_scope(select(func.count(FollowUp.id)).join(FollowUp.activity).where(FollowUp.status.in_(OPEN_STATUSES)),
                     Activity.municipality_id, municipality_id)
    return FollowUpCounts(
        open=db.session.scalar(base) or 0,
        overdue=db.session.scalar(base.where(FollowUp.due_on < today)) or 0,
    )


def open_follow_ups_query(municipality_id: int | None, today: date, overdue_only: bool = False):
    """Open and in-progress follow-ups, the most overdue first, undated ones last."""
    query = _in_scope(
        select(FollowUp).join(FollowUp.activity).where(FollowUp.status.in_(OPEN_STATUSES))
        .options(joinedload(FollowUp.activity).joinedload(Activity.municipality)),
        Activity.municipality_id, municipality_id)
    if overdue_only:
        query = query.where(FollowUp.due_on < today)
    return query.order_by(FollowUp.due_on.is_(None), FollowUp.due_on, FollowUp.id)


def list_open_follow_ups(municipality_id: int | None, today: date, overdue_only: bool = False,
                         page: int = 1, per_page: int = 50):
    return db.paginate(open_follow_ups_query(municipality_id, today, overdue_only), page=page,
                       per_page=per_page, max_per_page=200, error_out=False)


# --- how residents see policing --------------------------------------------------------------

@dataclass(frozen=True)
class Perception:
    """Residents' feedback as officers see it: the release of one ended quarter (see
    `portal.services.statistics.releases`), and what moderators published."""

    quarter: date
    quarters: list[date]  # the quarters an officer can choose, newest first
    release: dict | None  # None for moderators and admins: they read the dashboard
    categories: dict[int, FeedbackCategory]
    published: list[Feedback]

    @property
    def months(self) -> list[date]:
        return [date.fromisoformat(m) for m in self.release["months"]] if self.release else []

    @property
    def choices(self) -> list[tuple[date, date]]:
        """(first month, last month) of each quarter on offer."""
        return [(q, dates.add_months(q, releases.QUARTER - 1)) for q in self.quarters]

    @property
    def police_labels(self) -> dict:
        return {p.value: p.label for p in PoliceBody}

    @property
    def gender_labels(self) -> dict:
        return {g.value: g.label for g in Gender}

    @cached_property  # the template asks for it once per practice row: one query, not one per row
    def practice_titles(self) -> dict[int, str]:
        ids = [row["practice"] for row in (self.release or {}).get("practices", [])]
        return dict(db.session.execute(select(GoodPractice.id, GoodPractice.title).where(GoodPractice.id.in_(ids))).all())


def perception(municipality_id: int | None, today: date, threshold: int, quarter: date | None = None,
               published_limit: int = 5) -> Perception:
    """The officers' release for `quarter` (default: the last one that ended) of one municipality."""
    quarters = releases.closed_quarters(min(today, dates.today()), count=8)
    chosen = quarter if quarter in quarters else quarters[0]
    release = None
    if municipality_id is not None:
        release = releases.released("officers", municipality_id, chosen,
                                    lambda m, q: releases.officers_release(m, q, threshold))
    categories = {c.id: c for c in db.session.scalars(select(FeedbackCategory))}
    published = list(db.session.scalars(_in_scope(
        select(Feedback).where(Feedback.is_published.is_(True), Feedback.status != FeedbackStatus.REJECTED,
                               Feedback.redacted_text.is_not(None), Feedback.redacted_text != "")
        .options(joinedload(Feedback.category))
        .order_by(Feedback.published_on.desc(), Feedback.id.desc()).limit(published_limit),
        Feedback.municipality_id, municipality_id)))
    return Perception(quarter=chosen, quarters=quarters, release=release, categories=categories, published=published)


@dataclass(frozen=True)
class ActivityFeedbackCount:
    """Feedback given on one activity, as an officer may see it."""

    shown_from: date  # the first day of the quarter after the one the activity took place in
    count: int | None  # None while it is too early, or below the threshold (zero included)
    ready: bool


def activity_feedback_count(activity: Activity, threshold: int, today: date | None = None) -> ActivityFeedbackCount:
    """Feedback given on one activity and received by the end of the calendar quarter it took place
    in, shown once that quarter has ended. The window is fixed, so the count never moves afterwards
    (a later count could be subtracted from an earlier one). Below `threshold` it is hidden, zero
    included, so that 'nobody' and 'one person' look the same."""
    today = min(today or dates.today(), dates.today())
    shown_from = dates.add_months(releases.quarter_start(activity.ends_at.date()), releases.QUARTER)
    count = None
    if today >= shown_from:
        n = db.session.scalar(select(func.count(Feedback.id)).where(
            Feedback.activity_id == activity.id, Feedback.received_on < shown_from,
            Feedback.status != FeedbackStatus.REJECTED)) or 0
        count = n if n >= threshold else None
    return ActivityFeedbackCount(shown_from=shown_from, count=count, ready=today >= shown_from)


# --- all of it -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Home:
    month: MonthSummary
    follow_up_counts: FollowUpCounts
    next_follow_ups: list[FollowUp]
    perception: Perception


def home(municipality_id: int | None, today: date, threshold: int, quarter: date | None = None) -> Home:
    """Everything the officers' home shows, for one municipality (None: all of them)."""
    return Home(
        month=month_summary(municipality_id, today),
        follow_up_counts=follow_up_counts(municipality_id, today),
        next_follow_ups=list(db.session.scalars(open_follow_ups_query(municipality_id, today).limit(5))),
        perception=perception(municipality_id, today, threshold, quarter),
    )
