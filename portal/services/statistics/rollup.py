"""Keeping the aggregates (`portal.models.rollup`) in step with the rows, in the same transaction.

How. Every feedback row contributes one unit to one cell of `feedback_rollup`: its cell is its
area and the month it was received, its municipality, category, police body, channel and gender; what
it adds there is one answer at its rating, and, once moderators acknowledged or answered it, one
in the day range it took. A rejected feedback contributes nothing. Rumour reports and activities work
the same way.

Before every flush (`before_flush`), for each feedback, rumour report or activity that is new,
changed or deleted, the contribution it had (read from the database, locked on PostgreSQL so two
moderators changing the same item cannot both subtract the same old value) is taken away and the
contribution it has now is added. Whatever code changes a row through the ORM, a submission, a
rejection, a category correction, an answer, an activity edited, keeps the figures right; nothing
has to remember to call this.
Bulk statements bypass the ORM: `demo-data` rebuilds afterwards, and retention only erases words,
which no figure counts.

`rebuild()` recomputes every cell from the rows with one grouped query per table of rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import Date, bindparam, case, delete, event, func, insert, inspect, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.models import Activity, Feedback, RumourReport
from portal.models.rollup import (
    ACK,
    ACTIVITY_KEYS,
    ACTIVITY_MEASURES,
    ANSWERED,
    CHANNEL_KEYS,
    COARSE_KEYS,
    DAY_RANGES,
    FEEDBACK_KEYS,
    MEASURES,
    NO_AREA,
    NO_RUMOUR,
    RATINGS,
    RUMOUR_KEYS,
    ActivityRollup,
    FeedbackRollup,
    FeedbackRollupChannel,
    FeedbackRollupCoarse,
    RumourRollup,
)
from portal.vocab import Channel, FeedbackStatus

FEEDBACK_COLUMNS = ("status", "received_on", "municipality_id", "area_id", "category_id", "police_body", "channel",
                    "gender", "treatment", "acknowledged_on", "answered_on")
REPORT_COLUMNS = ("status", "received_on", "municipality_id", "area_id", "rumour_id")
ACTIVITY_COLUMNS = ("starts_at", "municipality_id", "area_id", "type", "participants_count", "roma_count",
                    "mediator_present", "interpretation_provided")


def day_range(days: int) -> int:
    """The index in DAY_RANGES of a number of days."""
    for index, (_low, high) in enumerate(DAY_RANGES):
        if high is None or days <= high:
            return index
    raise AssertionError("the last range is open")


def _value(value):
    return getattr(value, "value", value)


def feedback_cell(values: dict) -> tuple[tuple, dict[str, int]] | None:
    """The cell a feedback row counts in and what it adds there; None for a rejected one."""
    if values["status"] == FeedbackStatus.REJECTED or values["status"] == FeedbackStatus.REJECTED.value:
        return None
    channel = "web" if _value(values["channel"]) == Channel.WEB.value else "mediator"
    key = (values["area_id"] or NO_AREA, values["received_on"].replace(day=1), values["municipality_id"],
           values["category_id"], _value(values["police_body"]), channel, _value(values["gender"]) or "")
    measures = {RATINGS[int(values["treatment"]) - 1]: 1}
    if values["acknowledged_on"] is not None:
        measures[ACK[day_range((values["acknowledged_on"] - values["received_on"]).days)]] = 1
    if values["answered_on"] is not None:
        measures[ANSWERED[day_range((values["answered_on"] - values["received_on"]).days)]] = 1
    return key, measures


def report_cell(values: dict) -> tuple[tuple, dict[str, int]] | None:
    if values["status"] in (FeedbackStatus.REJECTED, FeedbackStatus.REJECTED.value):
        return None
    return (values["received_on"].replace(day=1), values["municipality_id"], values["area_id"] or NO_AREA,
            values["rumour_id"] or NO_RUMOUR), {"reports": 1}


def activity_cell(values: dict) -> tuple[tuple, dict[str, int]]:
    participants, roma = values["participants_count"], values["roma_count"]
    measures = {"activities": 1, "estimated": int(participants is not None), "participants": participants or 0,
                "roma": roma or 0, "mediator": int(bool(values["mediator_present"])),
                "interpreted": int(bool(values["interpretation_provided"]))}
    return (values["starts_at"].date().replace(day=1), values["municipality_id"], values["area_id"] or NO_AREA,
            _value(values["type"])), measures


# --- following the session ----------------------------------------------------------------------------

def _current(obj, columns: Iterable[str]) -> dict:
    """The row's values as they will be written, foreign keys taken from relationships set but not
    yet flushed (`feedback.category = …` sets category_id only at flush)."""
    values = {}
    table = type(obj).__table__
    state = inspect(obj)
    for name in columns:
        relationship = name[:-3] if name.endswith("_id") else None
        value = getattr(obj, name)
        if relationship in state.attrs and state.attrs[relationship].history.has_changes():
            related = state.attrs[relationship].value  # set since the last flush: it wins over the column
            value = related.id if related is not None else None
        default = table.c[name].default
        if value is None and default is not None and default.is_scalar:  # a new row's column default
            value = default.arg
        values[name] = value
    return values


def _stored(model, columns: tuple[str, ...], ids: list[int], session: Session) -> dict[int, dict]:
    if not ids:
        return {}
    query = select(model.id, *(getattr(model, c) for c in columns)).where(model.id.in_(ids))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    return {row[0]: dict(zip(columns, row[1:], strict=True)) for row in session.execute(query)}


def _deltas(session: Session, model, columns, cell_of) -> dict[tuple, dict[str, int]]:
    changes: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    changed = [o for o in session.dirty if isinstance(o, model) and session.is_modified(o, include_collections=False)]
    deleted = [o for o in session.deleted if isinstance(o, model)]
    with session.no_autoflush:
        stored = _stored(model, columns, [o.id for o in changed + deleted if o.id is not None], session)
        for obj in [o for o in session.new if isinstance(o, model)] + changed + deleted:
            before = cell_of(stored[obj.id]) if obj.id in stored else None
            after = None if obj in session.deleted else cell_of(_current(obj, columns))
            for found, sign in ((before, -1), (after, 1)):
                if found is not None:
                    for measure, n in found[1].items():
                        changes[found[0]][measure] += sign * n
    return {key: {m: n for m, n in values.items() if n} for key, values in changes.items() if any(values.values())}


def _upsert(session: Session, model, keys: tuple[str, ...], deltas: dict[tuple, dict[str, int]]) -> None:
    """Add `deltas` to their cells: one INSERT … ON CONFLICT DO UPDATE a cell (a concurrent first
    insert of the same cell adds up), on the table itself, so the ORM has nothing to synchronise."""
    dialect = session.get_bind().dialect.name
    for key, measures in deltas.items():
        names = tuple(sorted(measures))
        session.execute(_upsert_statement(dialect, model, keys, names),
                        dict(zip(keys, key, strict=True)) | measures)


_statements: dict[tuple, object] = {}


def _upsert_statement(dialect: str, model, keys: tuple[str, ...], measures: tuple[str, ...]):
    """Built once per table and set of measures: building it cost more than running it."""
    found = _statements.get((dialect, model, measures))
    if found is None:
        table = model.__table__
        statement = (postgresql if dialect == "postgresql" else sqlite).insert(table).values(
            {name: bindparam(name) for name in keys + measures})
        found = _statements[(dialect, model, measures)] = statement.on_conflict_do_update(
            index_elements=list(keys), set_={name: table.c[name] + statement.excluded[name] for name in measures})
    return found


# The smaller rollups: each is the full one summed over the keys it leaves out.
DERIVED = ((FeedbackRollupCoarse, COARSE_KEYS), (FeedbackRollupChannel, CHANNEL_KEYS))


def _project(deltas: dict[tuple, dict[str, int]], keys: tuple[str, ...]) -> dict[tuple, dict[str, int]]:
    """The same changes keyed by `keys`, a selection of FEEDBACK_KEYS."""
    positions = [FEEDBACK_KEYS.index(k) for k in keys]
    out: dict[tuple, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, measures in deltas.items():
        for measure, n in measures.items():
            out[tuple(key[i] for i in positions)][measure] += n
    return {key: {m: n for m, n in values.items() if n} for key, values in out.items() if any(values.values())}


@event.listens_for(Session, "before_flush")
def _follow(session: Session, _context, _instances) -> None:
    feedback = _deltas(session, Feedback, FEEDBACK_COLUMNS, feedback_cell)
    reports = _deltas(session, RumourReport, REPORT_COLUMNS, report_cell)
    activities = _deltas(session, Activity, ACTIVITY_COLUMNS, activity_cell)
    if activities:
        _upsert(session, ActivityRollup, ACTIVITY_KEYS, activities)
    if feedback:
        _upsert(session, FeedbackRollup, FEEDBACK_KEYS, feedback)
        for model, keys in DERIVED:
            _upsert(session, model, keys, _project(feedback, keys))
    if reports:
        _upsert(session, RumourRollup, RUMOUR_KEYS, reports)


# --- from scratch ------------------------------------------------------------------------------------

def month_of(column, dialect: str):
    """The first day of the month of a date column, in the database's own words."""
    if dialect == "sqlite":
        return func.date(column, "start of month")
    return func.cast(func.date_trunc("month", column), Date)


def _days_between(later, earlier, dialect: str):
    if dialect == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return later - earlier


def _in_range(days, index: int):
    low, high = DAY_RANGES[index]
    return (days >= low) if high is None else days.between(low, high)


def rebuild(connection=None) -> dict[str, int]:
    """Recompute the aggregates from the rows (flushed, not committed); returns the cell counts.
    `connection`: run on it instead of the session (the migration that creates the tables does)."""
    run = connection.execute if connection is not None else db.session.execute
    dialect = (connection or db.session.get_bind()).dialect.name
    if connection is None:
        db.session.flush()
    for model in (FeedbackRollup, *(model for model, _keys in DERIVED), RumourRollup, ActivityRollup):
        run(delete(model))
    f = Feedback
    channel = case((f.channel == Channel.WEB, literal("web")), else_=literal("mediator"))
    keys = [func.coalesce(f.area_id, NO_AREA), month_of(f.received_on, dialect), f.municipality_id, f.category_id,
            f.police_body, channel, func.coalesce(f.gender, "")]
    ack_days = _days_between(f.acknowledged_on, f.received_on, dialect)
    answer_days = _days_between(f.answered_on, f.received_on, dialect)
    sums = [func.sum(case((f.treatment == level, 1), else_=0)) for level in range(1, 6)]
    sums += [func.sum(case((_in_range(ack_days, i), 1), else_=0)) for i in range(len(ACK))]
    sums += [func.sum(case((_in_range(answer_days, i), 1), else_=0)) for i in range(len(ANSWERED))]
    feedback_rows = select(*keys, *sums).where(f.status != FeedbackStatus.REJECTED).group_by(*keys)
    run(insert(FeedbackRollup).from_select(list(FEEDBACK_KEYS) + list(MEASURES), feedback_rows))
    for model, names in DERIVED:
        keys = [getattr(FeedbackRollup, k) for k in names]
        rows = select(*keys, *(func.sum(getattr(FeedbackRollup, m)) for m in MEASURES)).group_by(*keys)
        run(insert(model).from_select(list(names) + list(MEASURES), rows))
    r = RumourReport
    report_keys = [month_of(r.received_on, dialect), r.municipality_id, func.coalesce(r.area_id, NO_AREA),
                   func.coalesce(r.rumour_id, NO_RUMOUR)]
    report_rows = select(*report_keys, func.count()).where(r.status != FeedbackStatus.REJECTED).group_by(*report_keys)
    run(insert(RumourRollup).from_select(list(RUMOUR_KEYS) + ["reports"], report_rows))
    a = Activity
    activity_keys = [month_of(a.starts_at, dialect), a.municipality_id, func.coalesce(a.area_id, NO_AREA), a.type]
    activity_rows = select(*activity_keys, func.count(), func.count(a.participants_count),
                           func.coalesce(func.sum(a.participants_count), 0), func.coalesce(func.sum(a.roma_count), 0),
                           func.sum(case((a.mediator_present.is_(True), 1), else_=0)),
                           func.sum(case((a.interpretation_provided.is_(True), 1), else_=0))).group_by(*activity_keys)
    run(insert(ActivityRollup).from_select(list(ACTIVITY_KEYS) + list(ACTIVITY_MEASURES), activity_rows))
    if connection is None:
        db.session.flush()
    return {"feedback cells": run(select(func.count()).select_from(FeedbackRollup)).scalar() or 0,
            "rumour cells": run(select(func.count()).select_from(RumourRollup)).scalar() or 0,
            "activity cells": run(select(func.count()).select_from(ActivityRollup)).scalar() or 0}


def snapshot() -> dict[str, dict[tuple, tuple]]:
    """Every non-empty cell with its measures: for comparing the maintained figures with a rebuild."""
    out = {}
    for model, keys, measures in ((FeedbackRollup, FEEDBACK_KEYS, MEASURES),
                                  *((model, keys, MEASURES) for model, keys in DERIVED),
                                  (RumourRollup, RUMOUR_KEYS, ("reports",)),
                                  (ActivityRollup, ACTIVITY_KEYS, ACTIVITY_MEASURES)):
        cells = {}
        for row in db.session.scalars(select(model)):
            values = tuple(getattr(row, m) for m in measures)
            if any(values):
                key = tuple(getattr(row, k) for k in keys)
                cells[tuple(k.isoformat() if isinstance(k, date) else k for k in key)] = values
        out[model.__tablename__] = cells
    return out
