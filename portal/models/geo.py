"""Municipalities, their coarse areas, and the partner organisations shown to residents."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, enum_column
from portal.vocab import PartnerKind


class Municipality(Base):
    __tablename__ = "municipality"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    # The language most residents read; used for posters and as a hint, never forced.
    default_language: Mapped[str] = mapped_column(String(16), default="en")
    # IANA time zone of the municipality's clocks: activities are logged in local wall time, and
    # calendar feeds give that zone (TZID) so a subscriber elsewhere sees the right hour.
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    areas: Mapped[list[Area]] = relationship(
        back_populates="municipality", order_by="Area.name", cascade="all, delete-orphan"
    )
    partners: Mapped[list[PartnerOrganisation]] = relationship(
        back_populates="municipality", order_by="PartnerOrganisation.name"
    )

    def __repr__(self) -> str:
        return f"<Municipality {self.slug}>"


class Area(Base):
    """A neighbourhood or district: coarse enough that it never points at a street or a house."""

    __tablename__ = "area"
    __table_args__ = (UniqueConstraint("municipality_id", "slug", name="uq_area_municipality_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(120))

    municipality: Mapped[Municipality] = relationship(back_populates="areas")


class PartnerOrganisation(Base):
    """Help without the police: legal clinics, mediators, equality bodies. Receives no resident data."""

    __tablename__ = "partner_organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    # NULL: serves residents of every municipality (a national equality body, say).
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    kind: Mapped[PartnerKind] = mapped_column(enum_column(PartnerKind))
    description: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(160), default="")
    website: Mapped[str] = mapped_column(String(255), default="")
    address: Mapped[str] = mapped_column(String(255), default="")
    opening_hours: Mapped[str] = mapped_column(String(160), default="")
    languages: Mapped[str] = mapped_column(String(160), default="")  # e.g. "Romani, Spanish"
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    municipality: Mapped[Municipality | None] = relationship(back_populates="partners")
