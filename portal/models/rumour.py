"""Anti-Rumours: residents report what they heard; moderators group reports under one rumour and
answer it with counter-evidence and the activities that addressed it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, String, Table, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, StaffTimestamps, enum_column
from portal.models.feedback import create_text_search
from portal.vocab import Channel, FeedbackStatus, RejectionReason, RumourSpread, RumourStatus, RumourTarget

rumour_activity = Table(
    "rumour_activity",
    Base.metadata,
    Column("rumour_id", ForeignKey("rumour.id", ondelete="CASCADE"), primary_key=True),
    Column("activity_id", ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True),
)

rumour_municipality = Table(
    "rumour_municipality",
    Base.metadata,
    Column("rumour_id", ForeignKey("rumour.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_id", ForeignKey("municipality.id", ondelete="CASCADE"), primary_key=True, index=True),
)

rumour_practice = Table(
    "rumour_practice",
    Base.metadata,
    Column("rumour_id", ForeignKey("rumour.id", ondelete="CASCADE"), primary_key=True),
    Column("practice_id", ForeignKey("good_practice.id", ondelete="CASCADE"), primary_key=True),
)


class Rumour(StaffTimestamps, Base):
    """One rumour as moderators track it (Anti-Rumours method): the statement in neutral words, whom
    it targets, where it circulates, and the counter-evidence. Written by staff, never by residents;
    the reports grouped under it stay private."""

    __tablename__ = "rumour"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))  # the statement, as moderators word it
    summary: Mapped[str] = mapped_column(Text, default="")
    about: Mapped[RumourTarget | None] = mapped_column(enum_column(RumourTarget))
    spread: Mapped[RumourSpread | None] = mapped_column(enum_column(RumourSpread))
    status: Mapped[RumourStatus] = mapped_column(enum_column(RumourStatus), default=RumourStatus.CIRCULATING)
    published_on: Mapped[date | None] = mapped_column(Date)
    counter_data: Mapped[str] = mapped_column(Text, default="")  # facts and figures
    counter_sources: Mapped[str] = mapped_column(Text, default="")
    emotional_argument: Mapped[str] = mapped_column(Text, default="")
    is_published: Mapped[bool] = mapped_column(Boolean, default=False)

    reports: Mapped[list[RumourReport]] = relationship(back_populates="rumour", order_by="RumourReport.id")
    activities = relationship("Activity", secondary=rumour_activity, order_by="Activity.starts_at")
    practices = relationship("GoodPractice", secondary=rumour_practice, order_by="GoodPractice.title")
    municipalities = relationship("Municipality", secondary=rumour_municipality, order_by="Municipality.name")


class RumourReport(Base):
    """What a resident heard. Private to moderators, like feedback text; never published."""

    __tablename__ = "rumour_report"
    __table_args__ = (
        Index("ix_rumour_report_queue", "received_on", "id"),
        *(Index(f"ix_rumour_report_queue_{column}", column, "received_on", "id")
          for column in ("status", "municipality_id", "assigned_to_id", "rumour_id", "area_id", "channel")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"))
    heard_text: Mapped[str] = mapped_column(Text)
    about: Mapped[RumourTarget] = mapped_column(enum_column(RumourTarget))
    where: Mapped[RumourSpread] = mapped_column(enum_column(RumourSpread))
    language: Mapped[str] = mapped_column(String(16))
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), default=Channel.WEB)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    wants_answer: Mapped[bool] = mapped_column(Boolean, default=False)
    receipt_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    status: Mapped[FeedbackStatus] = mapped_column(enum_column(FeedbackStatus), default=FeedbackStatus.RECEIVED)
    received_on: Mapped[date] = mapped_column(Date)
    rumour_id: Mapped[int | None] = mapped_column(ForeignKey("rumour.id"))
    # Moderation, as for feedback (days only).
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    rejection_reason: Mapped[RejectionReason | None] = mapped_column(enum_column(RejectionReason))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("rumour_report.id", ondelete="SET NULL"))
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    moderator_note: Mapped[str] = mapped_column(Text, default="")

    municipality = relationship("Municipality")
    area = relationship("Area")
    rumour: Mapped[Rumour | None] = relationship(back_populates="reports")
    assigned_to = relationship("User", foreign_keys=[assigned_to_id])
    entered_by = relationship("User", foreign_keys=[entered_by_id])
    duplicate_of = relationship("RumourReport", remote_side=[id])


# The moderators' queue searches reports' words through a trigram index (see models/feedback.py).
event.listen(RumourReport.__table__, "after_create", create_text_search)
