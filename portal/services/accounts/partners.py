"""Partner organisations: help without the police (legal clinics, mediators, equality bodies).

Admins keep the directory; residents read it on /help. The portal never passes resident data to a
partner: residents contact them themselves. Every admin change is written to the audit log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import Municipality, PartnerOrganisation, User
from portal.services import DomainError, places
from portal.services.audit import record
from portal.vocab import PartnerKind

# Column name -> longest value the column takes.
TEXT_FIELDS = {
    "name": 160,
    "description": 2000,
    "phone": 40,
    "email": 160,
    "website": 255,
    "address": 255,
    "opening_hours": 160,
    "languages": 160,
}
EVERYWHERE = "everywhere"  # filter value: partners that serve every municipality
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HOST = re.compile(r"[\w-]+(\.[\w-]+)+")


class PartnerError(DomainError):
    """A partner organisation's details broke a rule."""


@dataclass
class HelpDirectory:
    """What /help shows: partners for everyone, then partners per municipality."""

    everywhere: list[PartnerOrganisation] = field(default_factory=list)
    local: list[tuple[Municipality, list[PartnerOrganisation]]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.everywhere and not any(partners for _m, partners in self.local)


def help_directory(municipality: Municipality | None = None) -> HelpDirectory:
    """Active partners of one municipality (or of all active ones) plus those serving everyone."""
    query = (
        db.select(PartnerOrganisation)
        .filter_by(is_active=True)
        .options(selectinload(PartnerOrganisation.municipality))
        .order_by(PartnerOrganisation.name, PartnerOrganisation.id)
    )
    if municipality is not None:
        query = query.where(
            or_(PartnerOrganisation.municipality_id == municipality.id, PartnerOrganisation.municipality_id.is_(None))
        )
    directory = HelpDirectory()
    grouped: dict[int, list[PartnerOrganisation]] = {}
    for partner in db.session.scalars(query):
        if partner.municipality_id is None:
            directory.everywhere.append(partner)
        elif partner.municipality.is_active:
            grouped.setdefault(partner.municipality_id, []).append(partner)
    places = db.session.scalars(
        db.select(Municipality).where(Municipality.id.in_(grouped)).order_by(Municipality.name)
    ) if grouped else []
    directory.local = [(place, grouped[place.id]) for place in places]
    return directory


# --- admin ----------------------------------------------------------------------------------------------


def list_partners(scope: str | None = None, *, page: int = 1, per_page: int = 50):
    """Every partner, active or not, for admins. `scope`: a municipality slug, EVERYWHERE, or None."""
    query = db.select(PartnerOrganisation).options(selectinload(PartnerOrganisation.municipality))
    if scope == EVERYWHERE:
        query = query.where(PartnerOrganisation.municipality_id.is_(None))
    elif scope:
        query = query.join(Municipality).where(Municipality.slug == scope)
    query = query.order_by(PartnerOrganisation.is_active.desc(), PartnerOrganisation.name, PartnerOrganisation.id)
    page = min(max(page, 1), 100_000)  # an absurd page number would overflow the database's offset
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def get_partner(partner_id: int) -> PartnerOrganisation | None:
    return db.session.get(PartnerOrganisation, partner_id)


def _is_web_address(value: str) -> bool:
    """http(s) with a real host name: never javascript: or data: links on the residents' page."""
    try:
        parts = urlsplit(value)  # raises on a broken [IPv6] host such as "http://[::1"
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname and _HOST.fullmatch(parts.hostname))
        and not any(c.isspace() for c in value)
    )


def _clean(values: dict) -> dict:
    out = {}
    for name, limit in TEXT_FIELDS.items():
        value = (values.get(name) or "").strip()
        if len(value) > limit:
            raise PartnerError(_l("Please write at most %(max)d characters.", max=limit), name)
        out[name] = value
    if not out["name"]:
        raise PartnerError(_l("Enter the name of the organisation."), "name")
    if out["email"] and not _EMAIL.match(out["email"]):
        raise PartnerError(_l("Enter an e-mail address like name@example.org."), "email")
    if out["website"]:
        if "://" not in out["website"]:
            out["website"] = "https://" + out["website"]
        if not _is_web_address(out["website"]):
            raise PartnerError(_l("Enter a web address like https://example.org."), "website")
    if not (out["phone"] or out["email"] or out["website"] or out["address"]):
        raise PartnerError(_l("Give at least one way to reach them: phone, e-mail, website or address."), "phone")
    try:
        out["kind"] = PartnerKind(values.get("kind"))
    except ValueError:
        raise PartnerError(_l("Choose a kind of organisation from the list."), "kind") from None
    slug = values.get("municipality") or ""
    if slug in ("", EVERYWHERE):
        out["municipality_id"] = None
    else:
        place = places.municipality_by_slug(slug, active_only=False)
        if place is None:
            raise PartnerError(_l("Choose a municipality from the list."), "municipality")
        out["municipality_id"] = place.id
    return out


def create_partner(actor: User, **values) -> PartnerOrganisation:
    """values: name, kind, municipality (slug, or '' for every municipality), and the contact fields."""
    partner = PartnerOrganisation(is_active=True, **_clean(values))
    db.session.add(partner)
    db.session.flush()
    record(actor, "partner.create", partner, f"created {partner.name!r}")
    return partner


def update_partner(actor: User, partner: PartnerOrganisation, **values) -> list[str]:
    """Apply the changes; returns the names of the fields that changed (audited), [] for none."""
    changed = []
    for name, value in _clean(values).items():
        if getattr(partner, name) != value:
            setattr(partner, name, value)
            changed.append(name)
    if changed:
        db.session.flush()
        record(actor, "partner.update", partner, "changed " + ", ".join(changed))
    return changed


def set_partner_active(actor: User, partner: PartnerOrganisation, active: bool) -> bool:
    """Show or hide a partner on /help; returns False when nothing changed."""
    if partner.is_active == active:
        return False
    partner.is_active = active
    db.session.flush()
    record(actor, "partner.activate" if active else "partner.deactivate", partner, partner.name)
    return True
