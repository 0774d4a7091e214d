"""The figures of the dashboard, read from the maintained aggregates (`portal.models.rollup`).

Every figure answers the same filters: municipality (or all), area, period (first and last month
received), category, police body and channel. Feedback figures come from `feedback_rollup` with one
grouped query each, so their cost depends on the number of cells in the period, never on the number
of feedback rows; the few figures that need the rows themselves (items still open, unread messages)
read only open items through their status index. Activities have no category, police body or channel:
their figures answer the municipality, area and period from their own aggregate (and a category,
through the topics discussed, from the rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, select

from portal.extensions import db
from portal.models import (
    Activity,
    ActivityRollup,
    Feedback,
    FeedbackRollup,
    FeedbackRollupChannel,
    FeedbackRollupCoarse,
    FollowUp,
    Rumour,
    RumourRollup,
    activity_topic,
)
from portal.models.rollup import ACK, ACTIVITY_MEASURES, ANSWERED, DAY_RANGES, NO_AREA, NO_RUMOUR, RATINGS
from portal.services import dates
from portal.services.activities.log import OPEN_STATUSES as OPEN_FOLLOW_UPS
from portal.services.statistics import rollup
from portal.services.statistics.index import Index, difference, index_of
from portal.vocab import ActivityType, FeedbackStatus

OPEN_ITEMS = (FeedbackStatus.RECEIVED, FeedbackStatus.IN_REVIEW)
AGE_RANGES = ((0, 7), (8, 30), (31, 90), (91, None))


@dataclass
class Filters:
    first_month: date
    last_month: date
    municipality_id: int | None = None
    area_id: int | None = None
    category_id: int | None = None
    police_body: str | None = None
    channel: str | None = None  # "web" or "mediator"

    @property
    def months(self) -> list[date]:
        return dates.months_from(self.first_month, self.last_month)

    @property
    def end(self) -> date:
        """The first day after the period."""
        return dates.add_months(self.last_month, 1)


def default_filters(today: date | None = None, months: int = 12) -> Filters:
    last = dates.first_of_month(today or dates.today())
    return Filters(first_month=dates.add_months(last, -(months - 1)), last_month=last)


# --- reading the aggregates ---------------------------------------------------------------------

def _rollup(filters: Filters):
    """The smallest aggregate that holds what the filters ask for, and holds it in one stretch: the
    full one (keyed by area first) for an area, the channel one (keyed by channel first) for a
    channel, otherwise the coarse one."""
    if filters.area_id:
        return FeedbackRollup
    return FeedbackRollupChannel if filters.channel else FeedbackRollupCoarse


def _conditions(filters: Filters, months: bool = True) -> list:
    r = _rollup(filters)
    out = []
    if months:
        out += [r.month >= filters.first_month, r.month <= filters.last_month]
    if filters.municipality_id:
        out.append(r.municipality_id == filters.municipality_id)
    if filters.area_id:
        out.append(r.area_key == filters.area_id)
    if filters.category_id:
        out.append(r.category_id == filters.category_id)
    if filters.police_body:
        out.append(r.police_body == filters.police_body)
    if filters.channel:
        out.append(r.channel == filters.channel)
    return out


MEASURE_COLUMNS = RATINGS + ACK + ANSWERED


def grouped(filters: Filters, *columns: str, months: bool = True, measures=MEASURE_COLUMNS) -> dict[tuple, list[int]]:
    """Sum of `measures` (all of them, or the ratings) of the cells matching the filters, grouped by
    `columns` of the rollup."""
    r = _rollup(filters)
    keys = [getattr(r, c) for c in columns]
    query = (select(*keys, *(func.sum(getattr(r, m)) for m in measures))
             .where(*_conditions(filters, months)).group_by(*keys))
    out = {}
    for row in db.session.execute(query):
        out[tuple(row[:len(keys)])] = [int(v or 0) for v in row[len(keys):]]
    return out


def ratings(measures: list[int] | None) -> list[int]:
    return list(measures[:5]) if measures else [0] * 5


# --- the figures --------------------------------------------------------------------------------

@dataclass
class Volume:
    months: list[date]
    by_category: dict[int, list[int]]  # category id -> count per month
    per_month: list[int]
    rumour_reports: list[int]

    @property
    def totals(self) -> list[tuple[int, int]]:
        """(category id, feedback over the period), the most first."""
        return sorted(((c, sum(counts)) for c, counts in self.by_category.items()), key=lambda kv: (-kv[1], kv[0]))


def volume(filters: Filters) -> Volume:
    months = filters.months
    position = {m: i for i, m in enumerate(months)}
    by_category: dict[int, list[int]] = {}
    for (month, category_id), measures in grouped(filters, "month", "category_id", measures=RATINGS).items():
        by_category.setdefault(category_id, [0] * len(months))[position[month]] += sum(ratings(measures))
    per_month = [sum(row[i] for row in by_category.values()) for i in range(len(months))]
    return Volume(months, by_category, per_month, rumours_per_month(filters))


def _place_and_period(table, filters: Filters) -> list:
    """The period, municipality and area of `filters` on an aggregate keyed by month, municipality
    and area (rumour reports, activities)."""
    conditions = [table.month >= filters.first_month, table.month <= filters.last_month]
    if filters.municipality_id:
        conditions.append(table.municipality_id == filters.municipality_id)
    if filters.area_id:
        conditions.append(table.area_key == filters.area_id)
    return conditions


def rumours_per_month(filters: Filters, rumour_key: int | None = None) -> list[int]:
    r = RumourRollup
    conditions = _place_and_period(r, filters)
    if rumour_key is not None:
        conditions.append(r.rumour_key == rumour_key)
    counts = dict(db.session.execute(select(r.month, func.sum(r.reports)).where(*conditions).group_by(r.month)).all())
    return [int(counts.get(m, 0)) for m in filters.months]


@dataclass
class IndexSeries:
    """The index month by month for one group (a municipality, or all together)."""

    label: str
    key: object
    months: list[date]
    points: list[Index]
    overall: Index
    trend: object  # Difference: second half of the period − first half


def _series(label, key, months: list[date], by_month: dict[date, list[int]]) -> IndexSeries:
    points = [index_of(by_month.get(m, [0] * 5)) for m in months]
    half = len(months) // 2
    first = index_of([sum(by_month.get(m, [0] * 5)[k] for m in months[:half]) for k in range(5)])
    second = index_of([sum(by_month.get(m, [0] * 5)[k] for m in months[half:]) for k in range(5)])
    overall = index_of([sum(by_month.get(m, [0] * 5)[k] for m in months) for k in range(5)])
    return IndexSeries(label, key, months, points, overall, difference(second, first))


def town_months(filters: Filters, first: date | None = None, last: date | None = None) -> dict[tuple[int, date], list[int]]:
    """The ratings by (municipality, month) under the filters, over the period or from `first` to `last`."""
    window = replace(filters, first_month=first or filters.first_month, last_month=last or filters.last_month)
    return {key: ratings(measures) for key, measures in grouped(window, "municipality_id", "month", measures=RATINGS).items()}


def treatment_by_municipality(filters: Filters, names: dict[int, str],
                              cells: dict[tuple[int, date], list[int]] | None = None) -> tuple[IndexSeries, list[IndexSeries]]:
    """All municipalities in scope together, then each one, month by month. `cells`: `town_months`
    already read over the period or a longer window (the practice view reads one), to read it once."""
    months = filters.months
    period = set(months)
    together: dict[date, list[int]] = {}
    each: dict[int, dict[date, list[int]]] = {}
    for (municipality_id, month), rated in (town_months(filters) if cells is None else cells).items():
        if month not in period:
            continue
        together[month] = [a + b for a, b in zip(together.get(month, [0] * 5), rated, strict=True)]
        each.setdefault(municipality_id, {})[month] = rated
    series = [_series(names.get(m, str(m)), m, months, each[m]) for m in sorted(each, key=lambda m: names.get(m, ""))]
    return _series("", None, months, together), series


def treatment_by(filters: Filters, column: str) -> list[tuple[object, Index]]:
    """The index over the period for each category, police body or gender."""
    return [(key[0], index_of(ratings(measures)))
            for key, measures in sorted(grouped(filters, column, measures=RATINGS).items(), key=lambda kv: str(kv[0][0]))]


@dataclass
class Answering:
    received: int
    acknowledged_by_range: list[int]
    answered_by_range: list[int]
    within_7_days: float | None
    median_acknowledgement: tuple | None  # the day range (low, high) the median falls in
    median_answer: tuple | None
    open_by_status_and_age: dict[str, list[int]]
    unread: int


def _median_range(by_range: list[int], total: int) -> tuple | None:
    """The day range that holds the median item; items not (yet) acknowledged count as the slowest."""
    if not total or sum(by_range) * 2 < total:
        return None
    running = 0
    for index, n in enumerate(by_range):
        running += n
        if running * 2 >= total:
            return DAY_RANGES[index]
    return None


def answering(filters: Filters, today: date | None = None) -> Answering:
    today = today or dates.today()
    totals = grouped(filters, *(), months=True).get((), [0] * len(MEASURE_COLUMNS))
    received = sum(totals[:5])
    acknowledged = totals[5:5 + len(ACK)]
    answered = totals[5 + len(ACK):]
    within = (acknowledged[0] + acknowledged[1] + acknowledged[2]) / received if received else None
    return Answering(received, acknowledged, answered, within, _median_range(acknowledged, received),
                     _median_range(answered, received), open_items(filters, today), unread(filters))


def _feedback_conditions(filters: Filters) -> list:
    """The filters on the feedback rows themselves, for the two figures that read open items. Open
    items are few and are counted from the status or unread index alone, which carries every column
    a filter asks for (`ix_feedback_queue_status`, `ix_feedback_queue_has_unread`). The municipality,
    area, category, police body and channel are written so that no other index can serve them (`+ 0`,
    `lower()`): a planner that took, say, the municipality's index would walk every item of the period."""
    f = Feedback
    out = [f.received_on >= filters.first_month, f.received_on < filters.end]
    if filters.municipality_id:
        out.append(f.municipality_id + 0 == filters.municipality_id)
    if filters.area_id:
        out.append(f.area_id + 0 == filters.area_id)
    if filters.category_id:
        out.append(f.category_id + 0 == filters.category_id)
    if filters.police_body:
        out.append(func.lower(f.police_body) == filters.police_body)
    if filters.channel == "web":
        out.append(func.lower(f.channel) == "web")
    elif filters.channel == "mediator":
        out.append(func.lower(f.channel) != "web")
    return out


def open_items(filters: Filters, today: date) -> dict[str, list[int]]:
    """Items not yet answered, by status and by how long they have waited (AGE_RANGES, in days)."""
    f = Feedback
    age = case(*((f.received_on >= today - timedelta(days=high), i) for i, (_low, high) in enumerate(AGE_RANGES) if high),
               else_=len(AGE_RANGES) - 1)
    out = {status.value: [0] * len(AGE_RANGES) for status in OPEN_ITEMS}
    query = (select(f.status, age, func.count()).where(f.status.in_(OPEN_ITEMS), *_feedback_conditions(filters))
             .group_by(f.status, age))
    for status, bucket, n in db.session.execute(query):
        out[getattr(status, "value", status)][int(bucket)] = n
    return out


def unread(filters: Filters) -> int:
    f = Feedback
    return db.session.scalar(select(func.count()).select_from(f).where(
        f.has_unread == True, *_feedback_conditions(filters))) or 0  # noqa: E712  (= true, which the index serves)


@dataclass
class ActivityFigures:
    months: list[date]
    by_type: dict[ActivityType, list[int]]
    participants: int
    roma: int
    with_estimates: int  # activities that gave a number of participants
    total: int
    with_mediator: int
    with_interpretation: int
    follow_ups_open: int
    follow_ups_overdue: int

    @property
    def per_month(self) -> list[int]:
        return [sum(counts[i] for counts in self.by_type.values()) for i in range(len(self.months))]

    @property
    def roma_share(self) -> float | None:
        return self.roma / self.participants if self.participants else None


def _activity_conditions(filters: Filters) -> list:
    a = Activity
    out = [a.starts_at >= datetime.combine(filters.first_month, time.min), a.starts_at < datetime.combine(filters.end, time.min)]
    if filters.municipality_id:
        out.append(a.municipality_id == filters.municipality_id)
    if filters.area_id:
        out.append(a.area_id == filters.area_id)
    if filters.category_id:
        out.append(a.id.in_(select(activity_topic.c.activity_id).where(activity_topic.c.category_id == filters.category_id)))
    return out


def _activity_cells(filters: Filters):
    """(type, month, activities, estimated, participants, roma, mediator, interpreted) per type and
    month: from the activities' aggregate, or, for a category (a topic discussed, which the aggregate
    does not hold), from the activity rows through their covering index."""
    if not filters.category_id:
        r = ActivityRollup
        return db.session.execute(select(r.type, r.month, *(func.sum(getattr(r, m)) for m in ACTIVITY_MEASURES))
                                  .where(*_place_and_period(r, filters)).group_by(r.type, r.month))
    a = Activity
    month = rollup.month_of(a.starts_at, db.session.get_bind().dialect.name)
    return db.session.execute(select(
        a.type, month, func.count(), func.count(a.participants_count), func.coalesce(func.sum(a.participants_count), 0),
        func.coalesce(func.sum(case((a.roma_count.is_not(None), a.roma_count), else_=0)), 0),
        func.coalesce(func.sum(case((a.mediator_present.is_(True), 1), else_=0)), 0),
        func.coalesce(func.sum(case((a.interpretation_provided.is_(True), 1), else_=0)), 0),
    ).where(*_activity_conditions(filters)).group_by(a.type, month))


def activities(filters: Filters, today: date | None = None) -> ActivityFigures:
    today = today or dates.today()
    months = filters.months
    position = {m: i for i, m in enumerate(months)}
    by_type: dict[ActivityType, list[int]] = {}
    total = estimated = people = roma = mediator = interpreted = 0
    for kind, month, n, n_estimated, n_people, n_roma, n_mediator, n_interpreted in _activity_cells(filters):
        month = date.fromisoformat(month) if isinstance(month, str) else month
        by_type.setdefault(ActivityType(kind), [0] * len(months))[position[month]] += n
        total, estimated, people = total + n, estimated + n_estimated, people + n_people
        roma, mediator, interpreted = roma + n_roma, mediator + n_mediator, interpreted + n_interpreted
    open_q = select(func.count()).select_from(FollowUp).join(FollowUp.activity).where(
        FollowUp.status.in_(OPEN_FOLLOW_UPS), *_activity_conditions(filters))
    return ActivityFigures(months, {k: by_type[k] for k in ActivityType if k in by_type}, int(people), int(roma),
                           int(estimated), int(total), int(mediator), int(interpreted), db.session.scalar(open_q) or 0,
                           db.session.scalar(open_q.where(FollowUp.due_on < today)) or 0)


@dataclass
class RumourFigures:
    months: list[date]
    rows: list[tuple[Rumour | None, list[int]]] = field(default_factory=list)  # None: reports not grouped yet


def rumours(filters: Filters) -> RumourFigures:
    r = RumourRollup
    conditions = [r.month >= filters.first_month, r.month <= filters.last_month]
    if filters.municipality_id:
        conditions.append(r.municipality_id == filters.municipality_id)
    if filters.area_id:
        conditions.append(r.area_key == filters.area_id)
    months = filters.months
    position = {m: i for i, m in enumerate(months)}
    counts: dict[int, list[int]] = {}
    for key, month, n in db.session.execute(select(r.rumour_key, r.month, func.sum(r.reports)).where(*conditions)
                                            .group_by(r.rumour_key, r.month)):
        counts.setdefault(key, [0] * len(months))[position[month]] += int(n)
    named = {x.id: x for x in db.session.scalars(select(Rumour).where(Rumour.id.in_([k for k in counts if k != NO_RUMOUR])))}
    rows = [(named.get(key), values) for key, values in counts.items() if key in named or key == NO_RUMOUR]
    rows.sort(key=lambda row: (row[0] is None, -sum(row[1]), row[0].title if row[0] else ""))
    return RumourFigures(months, rows)


__all__ = ["NO_AREA", "Filters", "activities", "answering", "default_filters", "grouped", "rumours",
           "treatment_by", "treatment_by_municipality", "volume"]
