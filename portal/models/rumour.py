"""Anti-Rumours: residents report what they heard; moderators group reports under one rumour and
answer it with counter-evidence and the activities that addressed it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, StaffTimestamps, enum_column
from portal.vocab import Channel, FeedbackStatus, RumourSpread, RumourTarget

rumour_activity = Table(
    "rumour_activity",
    Base.metadata,
    Column("rumour_id", ForeignKey("rumour.id", ondelete="CASCADE"), primary_key=True),
    Column("activity_id", ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True),
)

rumour_practice = Table(
    "rumour_practice",
    Base.metadata,
    Column("rumour_id", ForeignKey("rumour.id", ondelete="CASCADE"), primary_key=True),
    Column("practice_id", ForeignKey("good_practice.id", ondelete="CASCADE"), primary_key=True),
)


class Rumour(StaffTimestamps, Base):
    __tablename__ = "rumour"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    counter_data: Mapped[str] = mapped_column(Text, default="")  # facts and figures
    counter_sources: Mapped[str] = mapped_column(Text, default="")
    emotional_argument: Mapped[str] = mapped_column(Text, default="")
    is_published: Mapped[bool] = mapped_column(Boolean, default=False)

    reports: Mapped[list[RumourReport]] = relationship(back_populates="rumour")
    activities = relationship("Activity", secondary=rumour_activity)
    practices = relationship("GoodPractice", secondary=rumour_practice)


class RumourReport(Base):
    __tablename__ = "rumour_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"))
    heard_text: Mapped[str] = mapped_column(Text)
    about: Mapped[RumourTarget] = mapped_column(enum_column(RumourTarget))
    where: Mapped[RumourSpread] = mapped_column(enum_column(RumourSpread))
    language: Mapped[str] = mapped_column(String(16))
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), default=Channel.WEB)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    wants_answer: Mapped[bool] = mapped_column(Boolean, default=False)
    receipt_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    status: Mapped[FeedbackStatus] = mapped_column(enum_column(FeedbackStatus), default=FeedbackStatus.RECEIVED, index=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    rumour_id: Mapped[int | None] = mapped_column(ForeignKey("rumour.id"), index=True)

    municipality = relationship("Municipality")
    area = relationship("Area")
    rumour: Mapped[Rumour | None] = relationship(back_populates="reports")
