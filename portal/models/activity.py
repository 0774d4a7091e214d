"""Community policing activities logged by officers, and their follow-up actions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, StaffTimestamps, enum_column
from portal.vocab import ActivityFormat, ActivityType, FollowUpStatus

activity_practice = Table(
    "activity_practice",
    Base.metadata,
    Column("activity_id", ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True),
    Column("practice_id", ForeignKey("good_practice.id", ondelete="CASCADE"), primary_key=True),
)

activity_topic = Table(
    "activity_topic",
    Base.metadata,
    Column("activity_id", ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("feedback_category.id", ondelete="CASCADE"), primary_key=True),
)


class Activity(StaffTimestamps, Base):
    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"))
    type: Mapped[ActivityType] = mapped_column(enum_column(ActivityType), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), index=True)  # local wall time
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    format: Mapped[ActivityFormat] = mapped_column(enum_column(ActivityFormat), default=ActivityFormat.IN_PERSON)
    organising_unit: Mapped[str] = mapped_column(String(160), default="")
    partner_organisations: Mapped[str] = mapped_column(Text, default="")
    officers_count: Mapped[int] = mapped_column(Integer, default=0)  # a number, never names
    participants_count: Mapped[int | None] = mapped_column(Integer)
    women_count: Mapped[int | None] = mapped_column(Integer)
    roma_count: Mapped[int | None] = mapped_column(Integer)
    languages: Mapped[str] = mapped_column(String(200), default="")
    interpretation_provided: Mapped[bool] = mapped_column(Boolean, default=False)
    mediator_present: Mapped[bool] = mapped_column(Boolean, default=False)
    objectives: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")
    public_summary: Mapped[str] = mapped_column(Text, default="")
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    # Short code for /a/<code>: printed on posters as a QR code.
    feedback_code: Mapped[str] = mapped_column(String(16), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    municipality = relationship("Municipality")
    area = relationship("Area")
    created_by = relationship("User")
    practices = relationship("GoodPractice", secondary=activity_practice, order_by="GoodPractice.title")
    topics = relationship("FeedbackCategory", secondary=activity_topic, order_by="FeedbackCategory.sort_order")
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="activity", order_by="FollowUp.due_on", cascade="all, delete-orphan"
    )
    feedback = relationship("Feedback", back_populates="activity")

    # Every column the figures of activities read (dashboard, officers' home): their grouped counts
    # and sums are read from this index alone, never from the rows with their long texts.
    __table_args__ = (
        Index("ix_activity_figures", "starts_at", "type", "municipality_id", "area_id", "participants_count",
              "roma_count", "mediator_present", "interpretation_provided"),
    )

    def __repr__(self) -> str:
        return f"<Activity {self.id} {self.title!r}>"


class FollowUp(StaffTimestamps, Base):
    """An action agreed at an activity: what, who (a unit or role), by when, and where it stands."""

    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(160), default="")
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[FollowUpStatus] = mapped_column(enum_column(FollowUpStatus), default=FollowUpStatus.OPEN, index=True)
    completed_on: Mapped[date | None] = mapped_column(Date)

    activity: Mapped[Activity] = relationship(back_populates="follow_ups")
