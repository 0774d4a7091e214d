"""The public statistics: what anyone may read about residents' feedback, per municipality and
calendar quarter, on /stats, on the home page, in the open-data files and from /api/v1/stats.

What is published, for each municipality and for all of them together: feedback received, by
topic, with every total; how much of it got a first answer within 7 days, and the rest; how people
felt treated (the index, 0 to 100, with its 95 % interval); public activities by type. And for each
good practice, the practice view's indices with and without it, before and after, with no counts.

One release per quarter. The figures of a quarter are computed once it has ended, for every
municipality at once, and stored (`FigureRelease`, audience "public"); the page, the home page, the
downloads and the API all show that stored release and nothing else, so together they show no more
than one release does. Quarters are fixed calendar windows that do not overlap and a release never
changes afterwards, so no two published figures are about groups of people that differ by a few:
there is no difference between periods to subtract.

Protection. Counts from 1 to threshold - 1 (9 with the default public threshold of 10) are hidden,
and more are hidden (secondary suppression) until no hidden count can be worked out from the rest:
the whole release is one system (see `suppression`), with every total and both breakdowns of each
municipality's feedback (by topic; by answered within 7 days or not). A reader also knows something
the tables do not say: published feedback can be counted by municipality and topic, so a hidden
count is at least the number of published items in it. Each topic count gets that floor (counting
an item in the quarter it was received, which is more than a reader can tell: the list dates items
by the month they were published). An item published after its quarter's release can raise a floor
the release did not know: a reader then learns that a hidden count is at least the number of items
now published in it, and only when every message of a small topic is published, its exact value
(the messages themselves being public by then). Indices are averages: one is shown only for a group whose count
is shown and has at least MIN_ANSWERS answers. Activities are the municipalities' own work, not
residents' data: counted without suppression, and only those the public calendar shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from flask import current_app
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Activity, Feedback, FeedbackCategory, FeedbackRollupCoarse, Municipality
from portal.services import dates, places
from portal.services.activities.calendar import shown_publicly_clause
from portal.services.activities.log import SENSITIVE_TYPES
from portal.services.feedback.published import published_clause
from portal.services.statistics import figures, practices
from portal.services.statistics.index import MIN_ANSWERS, Difference, Index, index_of
from portal.services.statistics.releases import QUARTER, closed_quarters, quarter_start, released
from portal.services.statistics.suppression import protect
from portal.vocab import ActivityType

AUDIENCE = "public"
EVERY_MUNICIPALITY = 0  # the public release covers all municipalities at once
SHOWN_QUARTERS = 8  # two years to choose from
PRACTICE_MONTHS = 12  # the practice view's period: the year up to the end of the quarter
ANSWERED = slice(11, 14)  # measures: first answered after 0–1, 2–3 and 4–7 days (see figures.MEASURE_COLUMNS)
PUBLIC_TYPES = [t for t in ActivityType if t not in SENSITIVE_TYPES]
_QUARTER_ID = re.compile(r"^(\d{4})-Q([1-4])$")


def threshold() -> int:
    return current_app.config["SUPPRESS_BELOW_PUBLIC"]


# --- quarters --------------------------------------------------------------------------------------

def quarter_id(quarter: date) -> str:
    """2026-07-01 → "2026-Q3", as addresses, downloads and the API name a quarter."""
    return f"{quarter.year}-Q{(quarter.month - 1) // QUARTER + 1}"


def parse_quarter(value: str | None) -> date | None:
    found = _QUARTER_ID.match(value or "")
    if not found or not 1 <= int(found[1]) <= 9999:
        return None
    return date(int(found[1]), QUARTER * (int(found[2]) - 1) + 1, 1)


def quarter_months(quarter: date) -> tuple[date, date]:
    return quarter, dates.add_months(quarter, QUARTER - 1)


def available(today: date | None = None) -> list[date]:
    """The quarters anyone can read, newest first: the last SHOWN_QUARTERS that have ended, from the
    first quarter with any feedback or activity (at least the last one, even on a new portal)."""
    ended = closed_quarters(min(today or dates.today(), dates.today()), count=SHOWN_QUARTERS)
    first_feedback = db.session.scalar(select(func.min(FeedbackRollupCoarse.month)))
    first_activity = db.session.scalar(select(func.min(Activity.starts_at)))
    firsts = [d for d in (first_feedback, first_activity) if d is not None]
    if not firsts:
        return ended[:1]
    first = quarter_start(min(d.date() if isinstance(d, datetime) else d for d in firsts))
    return [q for q in ended if q >= first] or ended[:1]


def release(quarter: date) -> dict:
    """The stored public release of an ended quarter, made the first time anyone asks for it. The
    caller commits (a GET that stores it once; every later request reads it)."""
    return released(AUDIENCE, EVERY_MUNICIPALITY, quarter, lambda _all, q: build(q, threshold()))


# --- building a release ----------------------------------------------------------------------------

def _index(index: Index, shown_count: int | None) -> dict | None:
    if shown_count is None or shown_count < MIN_ANSWERS or index.value is None:
        return None
    return {"value": round(index.value, 1), "low": round(index.low, 1), "high": round(index.high, 1)}


def _plain_index(index: Index | None) -> dict | None:
    """An index shown without its count (the practice evidence): only with enough answers."""
    if index is None or index.value is None:
        return None
    return {"value": round(index.value, 1), "low": round(index.low, 1), "high": round(index.high, 1)}


def _difference(found: Difference | None) -> dict | None:
    if found is None or not found.enough:
        return None
    return {"value": round(found.value, 1), "low": round(found.low, 1), "high": round(found.high, 1)}


def build(quarter: date, limit: int) -> dict:
    """The public release of one quarter (JSON, stored as it is). See the module docstring."""
    first, last = quarter_months(quarter)
    scope = figures.Filters(first_month=first, last_month=last)
    by_town_category = figures.grouped(scope, "municipality_id", "category_id")
    by_town = figures.grouped(scope, "municipality_id")
    with_data = {m for (m,) in by_town}
    towns = [m for m in places.all_municipalities() if m.is_active or m.id in with_data]
    categories = [c for c in db.session.scalars(select(FeedbackCategory).order_by(FeedbackCategory.sort_order, FeedbackCategory.id))
                  if c.is_active or any(key[1] == c.id for key in by_town_category)]
    cells = [[sum(figures.ratings(by_town_category.get((m.id, c.id)))) for c in categories] for m in towns]
    within = [sum(by_town.get((m.id,), [0] * 17)[ANSWERED]) for m in towns]
    floors = _published_floors(quarter, [m.id for m in towns], [c.id for c in categories])
    system = _System.of(cells, within, floors)
    hidden = protect(system.values, system.edges, limit, system.is_total, system.minimum)

    def shown(key) -> int | None:
        return None if system.index[key] in hidden else system.values[system.index[key]]

    all_ratings = figures.ratings(figures.grouped(scope).get(()))
    activities = _public_activities(quarter, [m.id for m in towns])
    return {
        "quarter": quarter.isoformat(), "threshold": limit,
        "categories": [c.slug for c in categories],
        "activity_types": [t.value for t in PUBLIC_TYPES],
        "municipalities": [{
            "slug": m.slug,
            "feedback": {"total": shown(("row", i)), "by_category": [shown(("cell", i, j)) for j in range(len(categories))],
                         "answered_within_7_days": shown(("within", i)), "answered_later_or_not_yet": shown(("other", i))},
            "treatment_index": _index(index_of(figures.ratings(by_town.get((m.id,)))), shown(("row", i))),
            "activities": activities[m.id],
        } for i, m in enumerate(towns)],
        "all": {
            "feedback": {"total": shown(("grand",)), "by_category": [shown(("col", j)) for j in range(len(categories))],
                         "answered_within_7_days": shown(("all-within",)),
                         "answered_later_or_not_yet": shown(("all-other",))},
            "treatment_index": _index(index_of(all_ratings), shown(("grand",))),
            "treatment_index_by_category": [
                _index(index_of([sum(figures.ratings(by_town_category.get((m.id, c.id)))[k] for m in towns) for k in range(5)]),
                       shown(("col", j))) for j, c in enumerate(categories)],
            "activities": {t.value: sum(activities[m.id][t.value] for m in towns) for t in PUBLIC_TYPES},
        },
        "practices": _practices(quarter),
    }


@dataclass
class _System:
    """The release's counts as one circulation (see `suppression`): the grand total flows to the
    totals answered within 7 days and not, those to each municipality's two parts, which flow into
    its total, which flows into its topic counts, which flow into the topic totals, which flow back
    into the grand total."""

    values: list[int]
    edges: list[tuple]
    is_total: list[bool]
    minimum: list[int]
    index: dict

    @classmethod
    def of(cls, cells: list[list[int]], within: list[int], floors: list[list[int]]) -> _System:
        system = cls([], [], [], [], {})
        n_cols = len(cells[0]) if cells else 0
        totals = [sum(row) for row in cells]
        for i, row in enumerate(cells):
            system.add(("within", i), within[i], "within", ("town", i))
            system.add(("other", i), totals[i] - within[i], "other", ("town", i))
            system.add(("row", i), totals[i], ("town", i), ("row", i), total=True)
            for j, value in enumerate(row):
                system.add(("cell", i, j), value, ("row", i), ("col", j), floor=floors[i][j])
        for j in range(n_cols):
            system.add(("col", j), sum(row[j] for row in cells), ("col", j), "bottom", total=True)
        system.add(("grand",), sum(totals), "bottom", "top", total=True)
        system.add(("all-within",), sum(within), "top", "within", total=True)
        system.add(("all-other",), sum(totals) - sum(within), "top", "other", total=True)
        return system

    def add(self, key, value: int, tail, head, total: bool = False, floor: int = 0) -> None:
        self.index[key] = len(self.values)
        self.values.append(value)
        self.edges.append((tail, head))
        self.is_total.append(total)
        self.minimum.append(min(floor, value))


def _published_floors(quarter: date, town_ids: list[int], category_ids: list[int]) -> list[list[int]]:
    """Published items received in the quarter, by municipality and topic: what a reader can count."""
    first, last = quarter_months(quarter)
    rows = db.session.execute(
        select(Feedback.municipality_id, Feedback.category_id, func.count())
        .where(*published_clause(), Feedback.received_on >= first, Feedback.received_on < dates.add_months(last, 1))
        .group_by(Feedback.municipality_id, Feedback.category_id)).all()
    counts = {(m, c): n for m, c, n in rows}
    return [[counts.get((m, c), 0) for c in category_ids] for m in town_ids]


def _public_activities(quarter: date, town_ids: list[int]) -> dict[int, dict[str, int]]:
    first, last = quarter_months(quarter)
    rows = db.session.execute(
        select(Activity.municipality_id, Activity.type, func.count())
        .where(*shown_publicly_clause(), Activity.starts_at >= datetime.combine(first, time.min),
               Activity.starts_at < datetime.combine(dates.add_months(last, 1), time.min))
        .group_by(Activity.municipality_id, Activity.type)).all()
    out = {m: {t.value: 0 for t in PUBLIC_TYPES} for m in town_ids}
    for municipality_id, kind, n in rows:
        if municipality_id in out:
            out[municipality_id][ActivityType(kind).value] += n
    return out


def _practices(quarter: date) -> list[dict]:
    """The practice view for the year up to the end of the quarter, indices only."""
    last = quarter_months(quarter)[1]
    scope = figures.Filters(first_month=dates.add_months(last, 1 - PRACTICE_MONTHS), last_month=last)
    out = []
    for evidence in practices.practice_view(scope, until=last):
        together = next((row for row in evidence.before_after if row.municipality is None), None)
        if together is None and len(evidence.before_after) == 1:
            together = evidence.before_after[0]
        out.append({
            "slug": evidence.practice.slug, "from": scope.first_month.isoformat(), "to": last.isoformat(),
            "with_practice": _plain_index(evidence.with_practice), "without_practice": _plain_index(evidence.without_practice),
            "difference": _difference(evidence.with_without),
            "before": _plain_index(together.before) if together else None,
            "after": _plain_index(together.after) if together else None,
            "change": _difference(together.change) if together else None,
        })
    return out


# --- reading a release -----------------------------------------------------------------------------

def names() -> dict[str, str]:
    """Municipality names by slug (a release stores slugs; names are shown as they are today)."""
    return dict(db.session.execute(select(Municipality.slug, Municipality.name)).all())


def category_labels() -> dict[str, object]:
    return {c.slug: c.label for c in db.session.scalars(select(FeedbackCategory))}


def share(part: int | None, whole: int | None) -> float | None:
    return part / whole if part is not None and whole else None


@dataclass(frozen=True)
class Summary:
    """The home page's few figures: the last quarter that ended, for every municipality."""

    quarter: date
    received: int | None
    answered_within_7_days: int | None
    activities: int


def latest(today: date | None = None) -> date:
    """The newest quarter anyone can read: `available()[0]`, which is always the last quarter that
    ended (with no data yet, that one quarter is still shown), found without reading the data."""
    return closed_quarters(min(today or dates.today(), dates.today()), count=1)[0]


def home_summary(today: date | None = None) -> Summary:
    quarter = latest(today)
    found = release(quarter)
    feedback = found["all"]["feedback"]
    return Summary(quarter, feedback["total"], feedback["answered_within_7_days"], sum(found["all"]["activities"].values()))


@dataclass(frozen=True)
class PracticeEvidence:
    """One practice in the latest public release: indices (dicts with value, low, high) or None
    where there were too few answers; `found` is False for a practice published after it."""

    quarter: date
    first_month: date
    last_month: date
    found: bool
    with_practice: dict | None = None
    without_practice: dict | None = None
    difference: dict | None = None
    before: dict | None = None
    after: dict | None = None
    change: dict | None = None

    @property
    def anything(self) -> bool:
        return any((self.difference, self.change, self.with_practice, self.before))


def practice_evidence(slug: str, today: date | None = None) -> PracticeEvidence:
    """The latest release's evidence for one practice (the caller commits: see `release`)."""
    quarter = latest(today)
    last = quarter_months(quarter)[1]
    row = next((row for row in release(quarter)["practices"] if row["slug"] == slug), None)
    if row is None:
        return PracticeEvidence(quarter, dates.add_months(last, 1 - PRACTICE_MONTHS), last, False)
    return PracticeEvidence(quarter, date.fromisoformat(row["from"]), date.fromisoformat(row["to"]), True,
                            **{k: row[k] for k in ("with_practice", "without_practice", "difference", "before", "after", "change")})


def document(quarter: date, found: dict, town_names: dict[str, str]) -> dict:
    """A release as the API and the JSON download give it: quarters named like 2026-Q3."""
    first, last = quarter_months(quarter)
    return {
        "quarter": quarter_id(quarter), "first_month": first.strftime("%Y-%m"), "last_month": last.strftime("%Y-%m"),
        "threshold": found["threshold"], "categories": found["categories"], "activity_types": found["activity_types"],
        "municipalities": [{"slug": m["slug"], "name": town_names.get(m["slug"], m["slug"]), "feedback": m["feedback"],
                            "treatment_index": m["treatment_index"], "activities": m["activities"]}
                           for m in found["municipalities"]],
        "all": found["all"], "practices": found["practices"],
    }


# --- the open-data files ---------------------------------------------------------------------------

CSV_COLUMNS = ("quarter", "municipality", "figure", "group", "value", "low", "high", "note")


def documents(today: date | None = None) -> list[dict]:
    """Every quarter anyone can read, newest first, as the API gives one."""
    town_names = names()
    return [document(q, release(q), town_names) for q in available(today)]


def csv_rows(today: date | None = None) -> list[tuple]:
    """The same figures as the JSON file, one per row (see the data dictionary on /open-data)."""
    rows = []
    for doc in documents(today):
        places_ = [(m["slug"], m) for m in doc["municipalities"]] + [("all", doc["all"])]
        for slug, place in places_:
            feedback = place["feedback"]
            rows.append(_count_row(doc, slug, "messages", "all", feedback["total"]))
            rows += [_count_row(doc, slug, "messages", category, value)
                     for category, value in zip(doc["categories"], feedback["by_category"], strict=True)]
            rows.append(_count_row(doc, slug, "answered_within_7_days", "all", feedback["answered_within_7_days"]))
            rows.append(_count_row(doc, slug, "answered_later_or_not_yet", "all", feedback["answered_later_or_not_yet"]))
            index = place["treatment_index"]
            rows.append((doc["quarter"], slug, "treatment_index", "all", *(
                (index["value"], index["low"], index["high"], "") if index else ("", "", "", "too few answers"))))
            rows += [(doc["quarter"], slug, "activities", kind, n, "", "", "") for kind, n in place["activities"].items()]
    return rows


def _count_row(doc: dict, slug: str, figure: str, group: str, value: int | None) -> tuple:
    return (doc["quarter"], slug, figure, group, "" if value is None else value, "", "", "hidden" if value is None else "")
