"""The rumour tracker: the Anti-Rumours method as a tool.

Moderators group residents' rumour reports under one rumour, word the rumour neutrally (whom it
targets, where it circulates, in which municipalities), write the counter-evidence the method asks
for (facts with their sources, and an emotional argument), link the activities and campaigns that
answered it and the good practices used, and follow its status (circulating, being countered,
countered). Publishing a rumour makes its counter-evidence public; the reports stay private.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import Activity, GoodPractice, Municipality, Rumour, RumourReport
from portal.services import DomainError, dates
from portal.services.audit import record
from portal.vocab import FeedbackStatus, RumourSpread, RumourStatus, RumourTarget

TEXT_LIMITS = {"title": 200, "summary": 2000, "counter_data": 8000, "counter_sources": 4000, "emotional_argument": 4000}


class RumourError(DomainError):
    """A rumour's details broke a rule."""


@dataclass
class RumourInput:
    title: str
    summary: str = ""
    about: RumourTarget | None = None
    spread: RumourSpread | None = None
    status: RumourStatus = RumourStatus.CIRCULATING
    municipality_ids: list[int] | None = None
    counter_data: str = ""
    counter_sources: str = ""
    emotional_argument: str = ""
    activity_ids: list[int] | None = None
    practice_ids: list[int] | None = None


def _clean(data: RumourInput) -> dict:
    values = {}
    for name, limit in TEXT_LIMITS.items():
        value = (getattr(data, name) or "").strip()
        if len(value) > limit:
            raise RumourError(_l("Please write at most %(max)d characters.", max=limit), name)
        values[name] = value
    if not values["title"]:
        raise RumourError(_l("Write the rumour in a few neutral words."), "title")
    values["municipalities"] = _rows(Municipality, data.municipality_ids, "municipalities")
    values["activities"] = _rows(Activity, data.activity_ids, "activities")
    values["practices"] = _rows(GoodPractice, data.practice_ids, "practices")
    values["about"], values["spread"], values["status"] = data.about, data.spread, RumourStatus(data.status)
    return values


def _rows(model, ids, name: str) -> list:
    ids = set(ids or [])
    rows = list(db.session.scalars(select(model).where(model.id.in_(ids)))) if ids else []
    if len(rows) != len(ids):
        raise RumourError(_l("Choose from the list."), name)
    return rows


def _describe(rumour: Rumour) -> dict:
    return {
        "title": rumour.title, "summary": rumour.summary, "about": rumour.about, "spread": rumour.spread,
        "status": rumour.status, "counter_data": rumour.counter_data, "counter_sources": rumour.counter_sources,
        "emotional_argument": rumour.emotional_argument,
        "municipalities": sorted(m.slug for m in rumour.municipalities),
        "activities": sorted(a.id for a in rumour.activities),
        "practices": sorted(p.slug for p in rumour.practices),
    }


def _changes(before: dict, after: dict) -> list[str]:
    out = []
    for name, old in before.items():
        new = after[name]
        if old == new:
            continue
        if name in ("status", "about", "spread"):
            out.append(f"{name}: {getattr(old, 'value', old) or '-'} → {getattr(new, 'value', new) or '-'}")
        elif isinstance(old, list):
            added, removed = sorted(set(new) - set(old)), sorted(set(old) - set(new))
            out.append(f"{name}: " + " ".join([f"+{v}" for v in added] + [f"-{v}" for v in removed]))
        else:
            out.append(f"{name}: changed")
    return out


def create_rumour(actor, data: RumourInput, reports: list[RumourReport] = ()) -> Rumour:
    rumour = Rumour()
    for name, value in _clean(data).items():
        setattr(rumour, name, value)
    db.session.add(rumour)
    db.session.flush()
    record(actor, "rumour.create", rumour, f"{rumour.title} ({rumour.status.value})")
    for report in reports:
        group_report(actor, report, rumour)
    return rumour


def update_rumour(actor, rumour: Rumour, data: RumourInput) -> list[str]:
    before = _describe(rumour)
    for name, value in _clean(data).items():
        setattr(rumour, name, value)
    changes = _changes(before, _describe(rumour))
    if changes:
        db.session.flush()
        record(actor, "rumour.update", rumour, "; ".join(changes))
    return changes


def group_report(actor, report: RumourReport, rumour: Rumour | None) -> bool:
    """Put a report under a rumour (None: take it out of its group)."""
    if report.rumour_id == (rumour.id if rumour else None):
        return False
    old = f"rumour #{report.rumour_id}" if report.rumour_id else "no rumour"
    report.rumour = rumour
    db.session.flush()
    record(actor, "rumour_report.group", report, f"{old} → " + (f"rumour #{rumour.id}" if rumour else "no rumour"))
    return True


def publish(actor, rumour: Rumour, today: date | None = None) -> None:
    if not (rumour.counter_data.strip() or rumour.emotional_argument.strip()):
        raise RumourError(_l("Write the counter-evidence before publishing."), "counter_data")
    if rumour.is_published:
        return
    rumour.is_published = True
    rumour.published_on = today or dates.today()
    db.session.flush()
    record(actor, "rumour.publish", rumour, "published")


def unpublish(actor, rumour: Rumour) -> bool:
    if not rumour.is_published:
        return False
    rumour.is_published = False
    db.session.flush()
    record(actor, "rumour.unpublish", rumour, "unpublished")
    return True


# --- reading ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TrackedRumour:
    rumour: Rumour
    reports: int
    last_report: date | None


def tracker(status: RumourStatus | None = None) -> list[TrackedRumour]:
    """Every rumour with its number of reports (rejected ones left out), newest activity first."""
    counted = (select(RumourReport.rumour_id, func.count(RumourReport.id).label("n"),
                      func.max(RumourReport.received_on).label("last"))
               .where(RumourReport.status != FeedbackStatus.REJECTED).group_by(RumourReport.rumour_id).subquery())
    query = (select(Rumour, counted.c.n, counted.c.last).outerjoin(counted, counted.c.rumour_id == Rumour.id)
             .options(selectinload(Rumour.municipalities))
             .order_by(counted.c.last.desc().nulls_last(), Rumour.id.desc()))
    if status:
        query = query.where(Rumour.status == status)
    return [TrackedRumour(rumour, n or 0, last) for rumour, n, last in db.session.execute(query)]


def ungrouped_reports(limit: int = 50) -> list[RumourReport]:
    return list(db.session.scalars(
        select(RumourReport).where(RumourReport.rumour_id.is_(None), RumourReport.status != FeedbackStatus.REJECTED)
        .options(selectinload(RumourReport.municipality))  # the list names each report's town
        .order_by(RumourReport.received_on.desc(), RumourReport.id.desc()).limit(limit)))


def reports_per_month(rumour: Rumour, months: int = 12, today: date | None = None) -> list[tuple[date, int]]:
    """Reports received each month, the last `months` months, oldest first (rejected ones left out)."""
    last = dates.first_of_month(today or dates.today())
    first = dates.add_months(last, -(months - 1))
    counts: dict[date, int] = {}
    for day, in db.session.execute(select(RumourReport.received_on).where(
            RumourReport.rumour_id == rumour.id, RumourReport.received_on >= first,
            RumourReport.status != FeedbackStatus.REJECTED)):
        counts[dates.first_of_month(day)] = counts.get(dates.first_of_month(day), 0) + 1
    return [(month, counts.get(month, 0)) for month in dates.months_from(first, last)]


def all_rumours() -> list[Rumour]:
    return list(db.session.scalars(select(Rumour).order_by(Rumour.title)))


def activity_choices(rumour: Rumour | None, limit: int = 100) -> list[Activity]:
    """Recent activities, anti-rumour ones first, plus any already linked."""
    from portal.vocab import ActivityType

    linked = [a.id for a in rumour.activities] if rumour else []
    rows = list(db.session.scalars(
        select(Activity).options(selectinload(Activity.municipality))
        .order_by((Activity.type != ActivityType.ANTI_RUMOUR), Activity.starts_at.desc()).limit(limit)))
    extra = [a for a in (rumour.activities if rumour else []) if a.id not in {r.id for r in rows}]
    return rows + extra if linked else rows
