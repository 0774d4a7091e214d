"""Countered rumours: each rumour moderators published, with its counter-evidence (facts, sources,
an argument that speaks to feelings), where it stands, the municipalities where it was heard and
the public activities that answered it.

A rumour is written by moderators in neutral words; the residents' reports grouped under it stay
private, and nothing here reads them: `PublicRumour` has no field for a report, and no count of
reports is shown (a count of one would point at one resident's report).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import Activity, Municipality, Rumour
from portal.services.activities.calendar import PublicActivity
from portal.services.activities.log import shown_publicly
from portal.vocab import RumourSpread, RumourStatus, RumourTarget

PER_PAGE = 20


@dataclass(frozen=True)
class PublicRumour:
    id: int
    title: str
    summary: str
    about: RumourTarget | None
    spread: RumourSpread | None
    status: RumourStatus
    published_on: date | None
    counter_data: str
    counter_sources: str
    emotional_argument: str
    municipalities: tuple[tuple[str, str], ...]  # (slug, name)
    activities: tuple[PublicActivity, ...]
    practices: tuple[tuple[str, str], ...]  # (slug, English title) of published practices


@dataclass(frozen=True)
class RumourFilters:
    municipality_id: int | None = None
    status: RumourStatus | None = None


def _public(rumour: Rumour) -> PublicRumour:
    return PublicRumour(
        id=rumour.id, title=rumour.title, summary=rumour.summary or "", about=rumour.about, spread=rumour.spread,
        status=rumour.status, published_on=rumour.published_on, counter_data=rumour.counter_data or "",
        counter_sources=rumour.counter_sources or "", emotional_argument=rumour.emotional_argument or "",
        municipalities=tuple((m.slug, m.name) for m in rumour.municipalities),
        activities=tuple(PublicActivity.of(a) for a in rumour.activities if shown_publicly(a)),
        practices=tuple((p.slug, p.title) for p in rumour.practices if p.is_published),
    )


def browse(filters: RumourFilters, page: int = 1, per_page: int = PER_PAGE):
    """A Flask-SQLAlchemy page whose items are PublicRumour, most recently published first."""
    query = (select(Rumour).where(Rumour.is_published.is_(True))
             .options(selectinload(Rumour.municipalities),
                      selectinload(Rumour.activities).joinedload(Activity.municipality),
                      selectinload(Rumour.activities).joinedload(Activity.area),
                      selectinload(Rumour.activities).selectinload(Activity.practices),
                      selectinload(Rumour.practices)))
    if filters.municipality_id:
        query = query.where(Rumour.municipalities.any(Municipality.id == filters.municipality_id))
    if filters.status:
        query = query.where(Rumour.status == filters.status)
    query = query.order_by(Rumour.published_on.desc(), Rumour.id.desc())
    result = db.paginate(query, page=page, per_page=per_page, error_out=False)
    result.items = [_public(rumour) for rumour in result.items]
    return result
