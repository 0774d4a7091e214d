"""The practice view: which good practices go with better relations, honestly.

For each good practice:

* where it was applied: the municipalities and activities that applied it, with the first and the
  latest date; the feedback and rumours moderators linked to it;
* with and without: the treatment index in municipality-months where the practice was applied in
  the previous six months (an activity applying it in one of the six months before), against all
  other municipality-months in the period;
* before and after: for each municipality that applied it, the six months before its first activity
  with the practice against the six months after (the month of the activity itself is in neither);
  and all those municipalities together.

Differences come with a 95 % interval (see `index.py`). They show an association, not proof of
cause: a municipality that starts a practice may also change other things, and residents who answer
are not a random sample. Practices are ranked by the lower end of the with/without interval, so a
practice ranks high only when even the cautious reading of its evidence is good; practices without
enough answers on both sides come last.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import exists, func, select

from portal.extensions import db
from portal.models import Activity, Feedback, GoodPractice, Municipality, Rumour, activity_practice, feedback_practice
from portal.models.rumour import rumour_practice
from portal.services import dates
from portal.services.statistics.figures import Filters, town_months
from portal.services.statistics.index import Difference, Index, add, difference, index_of
from portal.vocab import FeedbackStatus

WINDOW = 6  # months


@dataclass
class Application:
    municipality: Municipality
    activities: int
    first: date
    latest: date


@dataclass
class BeforeAfter:
    municipality: Municipality | None  # None: every municipality that applied it, together
    first_month: date | None
    before: Index
    after: Index
    change: Difference


@dataclass
class PracticeEvidence:
    practice: GoodPractice
    applications: list[Application] = field(default_factory=list)
    linked_feedback: int = 0
    linked_rumours: int = 0
    with_practice: Index | None = None
    without_practice: Index | None = None
    with_without: Difference | None = None
    before_after: list[BeforeAfter] = field(default_factory=list)

    @property
    def rank_key(self) -> tuple:
        d = self.with_without
        if d is None or not d.enough:
            return (1, 0.0, self.practice.title)
        return (0, -d.low, self.practice.title)


def _activity_months(filters: Filters, until: date | None) -> dict[int, dict[int, list[date]]]:
    """practice id -> municipality id -> the days its activities applying the practice started."""
    query = (select(activity_practice.c.practice_id, Activity.municipality_id, Activity.starts_at)
             .join(Activity, Activity.id == activity_practice.c.activity_id))
    if until is not None:
        query = query.where(Activity.starts_at < datetime.combine(dates.add_months(until, 1), time.min))
    if filters.municipality_id:
        query = query.where(Activity.municipality_id == filters.municipality_id)
    if filters.area_id:
        query = query.where(Activity.area_id == filters.area_id)
    out: dict[int, dict[int, list[date]]] = defaultdict(lambda: defaultdict(list))
    for practice_id, municipality_id, starts_at in db.session.execute(query):
        out[practice_id][municipality_id].append(starts_at.date())
    return out


def _applied(month: date, activity_days: list[date]) -> bool:
    """An activity with the practice in one of the six months before `month`."""
    first = dates.add_months(month, -WINDOW)
    return any(first <= dates.first_of_month(day) < month for day in activity_days)


def _linked_counts(filters: Filters) -> tuple[dict[int, int], dict[int, int]]:
    """Feedback in the period and rumours moderators linked to each practice. The links are few,
    so the query walks them and looks each feedback up by its id (never the other way round)."""
    f = Feedback
    in_scope = [f.id == feedback_practice.c.feedback_id, f.received_on >= filters.first_month, f.received_on < filters.end,
                f.status != FeedbackStatus.REJECTED]
    if filters.municipality_id:
        in_scope.append(f.municipality_id == filters.municipality_id)
    feedback_query = (select(feedback_practice.c.practice_id, func.count()).where(exists().where(*in_scope))
                      .group_by(feedback_practice.c.practice_id))
    rumour_query = select(rumour_practice.c.practice_id, func.count()).group_by(rumour_practice.c.practice_id)
    if filters.municipality_id:
        rumour_query = rumour_query.join(Rumour, Rumour.id == rumour_practice.c.rumour_id).where(
            Rumour.municipalities.any(Municipality.id == filters.municipality_id))
    return dict(db.session.execute(feedback_query).all()), dict(db.session.execute(rumour_query).all())


def practice_view(filters: Filters, practice_id: int | None = None, until: date | None = None) -> list[PracticeEvidence]:
    """Evidence for every published practice (or one), ranked best evidence first. With `until`
    (a month), nothing after that month is used: activities, answers, or the six months after."""
    return practice_view_and_cells(filters, practice_id, until)[0]


def practice_view_and_cells(filters: Filters, practice_id: int | None = None, until: date | None = None
                            ) -> tuple[list[PracticeEvidence], dict[tuple[int, date], list[int]]]:
    """The practice view, and the ratings by municipality and month it read: the period and the
    six months around each first application (the dashboard's treatment figure reuses them)."""
    query = select(GoodPractice).where(GoodPractice.is_published.is_(True)).order_by(GoodPractice.title)
    if practice_id:
        query = query.where(GoodPractice.id == practice_id)
    practices = list(db.session.scalars(query))
    applied = _activity_months(filters, until)
    firsts = [min(days) for by_town in applied.values() for days in by_town.values()]
    earliest = min([filters.first_month] + [dates.add_months(d, -WINDOW) for d in firsts])
    latest = max([filters.last_month] + [dates.add_months(d, WINDOW) for d in firsts])
    if until is not None:
        latest = min(latest, until)
    cells = town_months(filters, dates.first_of_month(earliest), dates.first_of_month(latest))
    towns = {m.id: m for m in db.session.scalars(select(Municipality))}
    linked_feedback, linked_rumours = _linked_counts(filters)
    period = set(filters.months)
    evidence = []
    for practice in practices:
        by_town = applied.get(practice.id, {})
        found = PracticeEvidence(practice, linked_feedback=linked_feedback.get(practice.id, 0),
                                 linked_rumours=linked_rumours.get(practice.id, 0))
        found.applications = sorted((Application(towns[m], len(days), min(days), max(days)) for m, days in by_town.items()),
                                    key=lambda a: a.first)
        with_cells = [c for (m, month), c in cells.items() if month in period and _applied(month, by_town.get(m, []))]
        other = [c for (m, month), c in cells.items() if month in period and not _applied(month, by_town.get(m, []))]
        found.with_practice, found.without_practice = index_of(add(*with_cells) if with_cells else [0] * 5), \
            index_of(add(*other) if other else [0] * 5)
        found.with_without = difference(found.with_practice, found.without_practice)
        found.before_after = _before_after(by_town, cells, towns)
        evidence.append(found)
    return sorted(evidence, key=lambda e: e.rank_key), cells


def _before_after(by_town: dict[int, list[date]], cells: dict, towns: dict) -> list[BeforeAfter]:
    rows, all_before, all_after = [], [], []
    for municipality_id, days in sorted(by_town.items(), key=lambda kv: towns[kv[0]].name):
        first = dates.first_of_month(min(days))
        before = [cells.get((municipality_id, dates.add_months(first, -k)), [0] * 5) for k in range(1, WINDOW + 1)]
        after = [cells.get((municipality_id, dates.add_months(first, k)), [0] * 5) for k in range(1, WINDOW + 1)]
        b, a = index_of(add(*before)), index_of(add(*after))
        rows.append(BeforeAfter(towns[municipality_id], first, b, a, difference(a, b)))
        all_before += before
        all_after += after
    if len(rows) > 1:
        b, a = index_of(add(*all_before)), index_of(add(*all_after))
        rows.insert(0, BeforeAfter(None, None, b, a, difference(a, b)))
    return rows
