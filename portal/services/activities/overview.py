"""The officers' home: this month's work, open follow-ups, and how residents see policing.

Residents' feedback appears here only as aggregates, with every small count hidden
(`portal.services.statistics.suppression`), plus the items a moderator chose to publish in redacted form. An
officer never sees a resident's own words.

Feedback is counted by the month it was received (`Feedback.received_on`, set by the server, so a
sender cannot choose it), and only for months that have ended. The figures are therefore a snapshot
that stays the same for a whole month: an officer cannot watch one new answer arrive, nor send a
few fake ones and see the moment a real resident's answer tips a count over the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from portal.extensions import db
from portal.models import Activity, Feedback, FeedbackCategory, FollowUp, GoodPractice, activity_practice
from portal.services import dates
from portal.services.activities.log import OPEN_STATUSES
from portal.services.statistics.suppression import Breakdown, Table, suppress_table_and_breakdown
from portal.vocab import ActivityType, FeedbackStatus, Treatment

PERCEPTION_MONTHS = 12


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
    since: date  # the first day counted
    until: date  # the first day not counted: the 1st of the current month
    months: list[date]
    levels: list[Treatment]
    by_month: Table  # rows: months (oldest first), columns: treatment 1..5
    categories: Breakdown  # keys: FeedbackCategory
    average: float | None  # shown only when nothing in the treatment totals is hidden
    published: list[Feedback]

    @property
    def last_month(self) -> date:
        return dates.add_months(self.until, -1)


def counted_until(today: date) -> date:
    """The 1st of the current month: feedback received from then on is not counted yet. The
    caller's day is never later than the server's own (UTC) day, the one `received_on` is set by."""
    return dates.first_of_month(min(today, dates.today()))


def perception(municipality_id: int | None, today: date, threshold: int, published_limit: int = 5) -> Perception:
    """Feedback received in the last twelve finished months, rejected reports left out."""
    until = counted_until(today)
    since = dates.add_months(until, -PERCEPTION_MONTHS)
    months = [dates.add_months(until, -back) for back in range(PERCEPTION_MONTHS, 0, -1)]
    counted = (Feedback.received_on >= since, Feedback.received_on < until,
               Feedback.treatment.between(1, 5), Feedback.status != FeedbackStatus.REJECTED)

    grid = {(m, level): 0 for m in months for level in range(1, 6)}
    rows = db.session.execute(_in_scope(
        select(Feedback.received_on, Feedback.treatment, func.count(Feedback.id)).where(*counted)
        .group_by(Feedback.received_on, Feedback.treatment), Feedback.municipality_id, municipality_id))
    for day, level, n in rows:
        grid[(dates.first_of_month(day), int(level))] += n
    cells = [[grid[(m, level)] for level in range(1, 6)] for m in months]

    per_category = dict(db.session.execute(_in_scope(
        select(Feedback.category_id, func.count(Feedback.id)).where(*counted).group_by(Feedback.category_id),
        Feedback.municipality_id, municipality_id)).all())
    categories = [c for c in db.session.scalars(select(FeedbackCategory).order_by(FeedbackCategory.sort_order))
                  if c.is_active or per_category.get(c.id)]
    # Both count the same feedback, so they are protected together (they share the grand total).
    by_month, breakdown = suppress_table_and_breakdown(
        cells, [(c, per_category.get(c.id, 0)) for c in categories], threshold)

    # The average follows from the answer totals: shown only when all of them are.
    average = None
    if by_month.total and not any(v is None for v in by_month.column_totals):
        average = round(sum(level * n for level, n in zip(range(1, 6), by_month.column_totals)) / by_month.total, 1)

    published = list(db.session.scalars(_in_scope(
        select(Feedback).where(Feedback.is_published.is_(True), Feedback.redacted_text.is_not(None),
                               Feedback.redacted_text != "")
        .options(joinedload(Feedback.category))
        .order_by(Feedback.published_on.desc(), Feedback.id.desc()).limit(published_limit),
        Feedback.municipality_id, municipality_id)))
    return Perception(since=since, until=until, months=months, levels=list(Treatment), by_month=by_month,
                      categories=breakdown, average=average, published=published)


@dataclass(frozen=True)
class ActivityFeedbackCount:
    """Feedback given on one activity, as an officer may see it."""

    shown_from: date  # the 1st of the second month after the activity ended
    until: date  # feedback received from this day on is not counted yet
    count: int | None  # None while it is too early, or below the threshold (zero included)

    @property
    def ready(self) -> bool:
        return self.until >= self.shown_from

    @property
    def last_month(self) -> date:
        return dates.add_months(self.until, -1)


def activity_feedback_count(activity: Activity, threshold: int, today: date | None = None) -> ActivityFeedbackCount:
    """Feedback given on one activity and received in finished months, shown only once a whole
    calendar month has passed after the activity: a count never moves while the officer watches,
    and the first one already covers a full month. Below `threshold` it is hidden (zero included,
    so that 'nobody' and 'one person' look the same)."""
    until = counted_until(today or dates.today())
    shown_from = dates.add_months(activity.ends_at.date(), 2)
    count = None
    if until >= shown_from:
        n = db.session.scalar(select(func.count(Feedback.id)).where(
            Feedback.activity_id == activity.id, Feedback.received_on < until,
            Feedback.status != FeedbackStatus.REJECTED)) or 0
        count = n if n >= threshold else None
    return ActivityFeedbackCount(shown_from=shown_from, until=until, count=count)


# --- all of it -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Home:
    month: MonthSummary
    follow_up_counts: FollowUpCounts
    next_follow_ups: list[FollowUp]
    perception: Perception


def home(municipality_id: int | None, today: date, threshold: int) -> Home:
    """Everything the officers' home shows, for one municipality (None: all of them)."""
    return Home(
        month=month_summary(municipality_id, today),
        follow_up_counts=follow_up_counts(municipality_id, today),
        next_follow_ups=list(db.session.scalars(open_follow_ups_query(municipality_id, today).limit(5))),
        perception=perception(municipality_id, today, threshold),
    )
