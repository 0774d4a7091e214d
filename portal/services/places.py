"""Municipalities and their areas: the one place that looks them up, for every area of the portal."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import Area, Municipality
from portal.services import DomainError


class PlaceError(DomainError):
    """A municipality or area that does not exist, or is not where it was said to be."""


def municipality_by_slug(slug: str | None, *, active_only: bool = True) -> Municipality | None:
    if not slug:
        return None
    query = db.select(Municipality).filter_by(slug=slug)
    if active_only:
        query = query.filter_by(is_active=True)
    return db.session.scalar(query)


def active_municipalities() -> list[Municipality]:
    """Active municipalities by name, their areas loaded (forms list both)."""
    return list(db.session.scalars(
        db.select(Municipality).filter_by(is_active=True).options(selectinload(Municipality.areas))
        .order_by(Municipality.name)))


def all_municipalities(order_by: str = "name") -> list[Municipality]:
    """Every municipality, retired ones too (staff lists and the command line)."""
    column = Municipality.slug if order_by == "slug" else Municipality.name
    return list(db.session.scalars(
        db.select(Municipality).options(selectinload(Municipality.areas)).order_by(column)))


def area_in_municipality(municipality: Municipality, area_id: int | None) -> Area | None:
    """The area with this id, which must lie in `municipality`; None when no area was given."""
    if area_id is None:
        return None
    area = db.session.get(Area, area_id)
    if area is None or area.municipality_id != municipality.id:
        raise PlaceError(_l("This neighbourhood is not in the town you chose."), "area")
    return area
