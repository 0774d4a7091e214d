"""Released figures: what officers see of residents' feedback, one closed calendar quarter at a time.

Why quarters, and why frozen. A window that slides (the last twelve months, say) lets anyone
subtract two days' pages: the difference is the people who arrived or dropped out in between, and
in a quiet month that is one resident. Here the figures of a calendar quarter are computed only once
the quarter has ended, from the maintained aggregates, with every small count hidden (below the
officers' threshold, plus secondary suppression across the table and every breakdown of the same
people), and stored (`FigureRelease`). Every later page shows exactly that release. Two releases are
either the same release or about different people, so no subtraction recovers a hidden count.

What is not released as a count. An index (how well people felt treated) is shown only for a group
whose count is shown and has at least MIN_ANSWERS answers: an index is an average, which does not
give the counts behind it. The practice view spans months of several quarters, so it shows no
counts at all to officers, only whether there were enough answers and what the index says.

The public statistics (`public`) are released the same way, with the public threshold.
"""

from __future__ import annotations

from datetime import date

from flask import current_app
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.models import FeedbackCategory, FigureRelease, Rumour, RumourRollup
from portal.models.rollup import DAY_RANGES, NO_RUMOUR
from portal.services import dates
from portal.services.statistics import figures, practices
from portal.services.statistics.index import MIN_ANSWERS, Index, index_of
from portal.services.statistics.suppression import suppress_count, suppress_table, suppress_table_with_breakdowns
from portal.vocab import Gender, PoliceBody

QUARTER = 3  # months


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def closed_quarters(today: date, count: int = 4) -> list[date]:
    """The last `count` quarters that have ended, newest first."""
    current = quarter_start(today)
    return [dates.add_months(current, -QUARTER * n) for n in range(1, count + 1)]


# Releases read back from the database, kept per process: a stored release never changes, so every
# later page can show it without reading it again (the home page and /stats did, on every request).
# About 40 KB each in memory; when this many are kept, they are all let go and read again as asked.
KEPT_RELEASES = 64


def released(audience: str, municipality_id: int, quarter: date, build, today: date | None = None) -> dict:
    """The release for this audience, municipality and quarter: stored, or built now and stored.
    Only quarters that have ended can be released. The payload is shared: read it, never change it."""
    key = (audience, municipality_id, quarter)
    kept = current_app.extensions.setdefault("portal_releases", {})
    payload = kept.get(key)
    if payload is not None:
        return payload
    found = db.session.get(FigureRelease, key)
    built_here = db.session.info.setdefault("releases_built", set())
    if found is not None:
        # Only what was read back is kept: one built in this transaction is stored only if it commits.
        if key not in built_here:
            if len(kept) >= KEPT_RELEASES:
                kept.clear()
            kept[key] = found.payload
        return found.payload
    today = today or dates.today()
    if quarter_start(quarter) != quarter or quarter >= quarter_start(today):
        raise ValueError("only a quarter that has ended can be released")
    payload = build(municipality_id, quarter)
    built_here.add(key)
    try:
        with db.session.begin_nested():
            db.session.add(FigureRelease(audience=audience, municipality_id=municipality_id, period_start=quarter,
                                         released_on=today, payload=payload))
    except IntegrityError:  # another request released it a moment ago: theirs stands
        return db.session.get(FigureRelease, (audience, municipality_id, quarter)).payload
    return payload


@event.listens_for(Session, "after_transaction_end")
def _forget_built_releases(session, transaction) -> None:
    """Once the request's transaction ends, what it built is stored, or gone: either way a later
    read finds the truth in the database."""
    if transaction.parent is None:
        session.info.pop("releases_built", None)


# --- the officers' release -------------------------------------------------------------------------

def _index(index: Index, shown_count: int | None) -> dict | None:
    if shown_count is None or shown_count < MIN_ANSWERS or index.value is None:
        return None
    return {"value": round(index.value, 1), "low": round(index.low, 1), "high": round(index.high, 1)}


def _table(table) -> dict:
    return {"cells": table.cells, "row_totals": table.row_totals, "column_totals": table.column_totals, "total": table.total}


def officers_release(municipality_id: int, quarter: date, threshold: int) -> dict:
    """Everything the officers' page shows for one municipality and one ended quarter (JSON)."""
    scope = figures.Filters(first_month=quarter, last_month=dates.add_months(quarter, QUARTER - 1),
                            municipality_id=municipality_id)
    months = scope.months
    by_month_category = figures.grouped(scope, "month", "category_id")
    category_ids = sorted({c for _m, c in by_month_category}, key=_category_order())
    ratings = {key: figures.ratings(values) for key, values in by_month_category.items()}
    cells = [[sum(ratings.get((m, c), [0])) for c in category_ids] for m in months]
    police = _breakdown(figures.grouped(scope, "police_body"), [p.value for p in PoliceBody])
    gender = _breakdown(figures.grouped(scope, "gender"), [g.value for g in Gender] + [""])
    totals = figures.grouped(scope).get((), [0] * 17)
    total = sum(totals[:5])
    acknowledged = totals[5:5 + len(DAY_RANGES)]
    # Coarse on purpose: fine day ranges would be mostly small counts, hidden anyway.
    within = sum(acknowledged[:3])  # 0–1, 2–3 and 4–7 days
    ack = [("within-7-days", within), ("later", sum(acknowledged) - within), ("not-yet", total - sum(acknowledged))]
    table, (police_shown, gender_shown, ack_shown) = suppress_table_with_breakdowns(cells, [police, gender, ack], threshold)

    def month_index(i, m):
        return _index(index_of([sum(ratings.get((m, c), [0] * 5)[k] for c in category_ids) for k in range(5)]),
                      table.row_totals[i])

    def category_index(j, c):
        return _index(index_of([sum(ratings.get((m, c), [0] * 5)[k] for m in months) for k in range(5)]),
                      table.column_totals[j])

    by_police, by_gender = figures.grouped(scope, "police_body"), figures.grouped(scope, "gender")
    return {
        "quarter": quarter.isoformat(), "months": [m.isoformat() for m in months], "threshold": threshold,
        "categories": category_ids, "volume": _table(table),
        "index": {"months": [month_index(i, m) for i, m in enumerate(months)],
                  "categories": [category_index(j, c) for j, c in enumerate(category_ids)],
                  "overall": _index(index_of(totals[:5]), table.total),
                  "police": [[key, value, _index(index_of(figures.ratings(by_police.get((key,)))), value)]
                             for key, value in police_shown.items],
                  "gender": [[key, value, _index(index_of(figures.ratings(by_gender.get((key,)))), value)]
                             for key, value in gender_shown.items]},
        "acknowledged": _acknowledged(ack_shown, table.total),
        "open": _open_items(scope, threshold), "rumours": _rumours(scope, threshold),
        "activities": _activities(scope),
        "practices": _practices(scope),
    }


def _category_order():
    order = dict(db.session.execute(select(FeedbackCategory.id, FeedbackCategory.sort_order)).all())
    return lambda category_id: order.get(category_id, 0)


def _breakdown(grouped: dict, keys: list[str]) -> list[tuple[str, int]]:
    return [(key, sum(figures.ratings(grouped.get((key,))))) for key in keys]


def _acknowledged(shown, total: int | None) -> dict:
    within, later, not_yet = (value for _key, value in shown.items)
    share = within / total if total and within is not None else None
    return {"within_7_days": share, "counts": [within, later, not_yet],
            "median_within_7_days": None if share is None else share >= 0.5}


def _open_items(scope, threshold: int) -> dict:
    today = min(dates.today(), scope.end)
    found = figures.open_items(scope, today)
    statuses = list(found)
    table = suppress_table([found[s] for s in statuses], threshold)
    return {"statuses": statuses, "table": _table(table),
            "unread": suppress_count(figures.unread(scope), threshold)}


def _rumours(scope, threshold: int) -> dict:
    r = RumourRollup
    rows = db.session.execute(select(r.rumour_key, r.month, func.sum(r.reports)).where(
        r.municipality_id == scope.municipality_id, r.month >= scope.first_month, r.month <= scope.last_month)
        .group_by(r.rumour_key, r.month)).all()
    keys = sorted({key for key, _m, _n in rows})
    position = {m: i for i, m in enumerate(scope.months)}
    cells = [[0] * len(scope.months) for _ in keys]
    for key, month, n in rows:
        cells[keys.index(key)][position[month]] += int(n)
    titles = {x.id: x.title for x in db.session.scalars(select(Rumour).where(Rumour.id.in_(keys)))}
    table = suppress_table(cells, threshold) if keys else None
    return {"titles": [titles.get(k) if k != NO_RUMOUR else None for k in keys],
            "table": _table(table) if table else None}


def _activities(scope) -> dict:
    found = figures.activities(scope, scope.end)
    return {"per_month": found.per_month, "by_type": {kind.value: sum(counts) for kind, counts in found.by_type.items()},
            "total": found.total, "participants": found.participants, "roma_share": found.roma_share,
            "with_mediator": found.with_mediator, "with_interpretation": found.with_interpretation}


def _practices(scope) -> list[dict]:
    out = []
    for evidence in practices.practice_view(scope, until=scope.last_month):
        mine = [a for a in evidence.applications if a.municipality.id == scope.municipality_id]
        if not mine:
            continue
        change = next((row for row in evidence.before_after if row.municipality is not None), None)
        out.append({
            "practice": evidence.practice.id, "first": mine[0].first.isoformat(), "activities": mine[0].activities,
            "before": _index(change.before, change.before.n) if change else None,
            "after": _index(change.after, change.after.n) if change else None,
            "change": None if change is None or not change.change.enough else
            {"value": round(change.change.value, 1), "low": round(change.change.low, 1), "high": round(change.change.high, 1)},
        })
    return out
