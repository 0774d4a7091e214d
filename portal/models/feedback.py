"""Resident feedback, its thread of messages, and the categories it is filed under.

Privacy by construction: no column can hold an address, a user agent, a cookie value or an exact
time. Dates are days (`received_on`) or months (`occurred_month`). A receipt code is kept only as a
keyed slow hash (`receipt_hash`) so a resident can come back without the portal knowing who they are.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, SmallInteger, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, enum_column
from portal.vocab import (
    AgeBand,
    Channel,
    FeedbackStatus,
    Gender,
    PartOfDay,
    PoliceBody,
    YesNoUnsure,
    category_hint,
    category_label,
)

feedback_practice = Table(
    "feedback_practice",
    Base.metadata,
    Column("feedback_id", ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True),
    Column("practice_id", ForeignKey("good_practice.id", ondelete="CASCADE"), primary_key=True),
)


class FeedbackCategory(Base):
    __tablename__ = "feedback_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(48), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    @property
    def label(self):
        return category_label(self.slug)

    @property
    def hint(self):
        return category_hint(self.slug)

    def __repr__(self) -> str:
        return f"<FeedbackCategory {self.slug}>"


class Feedback(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), default=Channel.WEB)
    # Mediator-assisted entries: the account and organisation that entered it, never the resident.
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    organisation: Mapped[str] = mapped_column(String(160), default="")
    consent_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)

    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"), index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("feedback_category.id"), index=True)
    police_body: Mapped[PoliceBody] = mapped_column(enum_column(PoliceBody))
    occurred_month: Mapped[date] = mapped_column(Date)  # always the 1st of the month
    part_of_day: Mapped[PartOfDay | None] = mapped_column(enum_column(PartOfDay))
    treatment: Mapped[int] = mapped_column(SmallInteger)  # 1 very badly .. 5 very well
    text: Mapped[str] = mapped_column(Text, default="")
    reported_elsewhere: Mapped[YesNoUnsure | None] = mapped_column(enum_column(YesNoUnsure))
    gender: Mapped[Gender | None] = mapped_column(enum_column(Gender))
    age_band: Mapped[AgeBand | None] = mapped_column(enum_column(AgeBand))
    language: Mapped[str] = mapped_column(String(16))  # the language the form was filled in

    wants_answer: Mapped[bool] = mapped_column(Boolean, default=False)
    receipt_hash: Mapped[str | None] = mapped_column(String(128), unique=True)

    status: Mapped[FeedbackStatus] = mapped_column(enum_column(FeedbackStatus), default=FeedbackStatus.RECEIVED, index=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)  # day only, never the time
    # Moderation: the text as it may be shown beyond moderators (names and details removed).
    redacted_text: Mapped[str | None] = mapped_column(Text)
    is_published: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    published_on: Mapped[date | None] = mapped_column(Date)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    municipality = relationship("Municipality")
    area = relationship("Area")
    activity = relationship("Activity", back_populates="feedback")
    category: Mapped[FeedbackCategory] = relationship()
    entered_by = relationship("User", foreign_keys=[entered_by_id])
    assigned_to = relationship("User", foreign_keys=[assigned_to_id])
    practices = relationship("GoodPractice", secondary=feedback_practice, order_by="GoodPractice.title")
    messages: Mapped[list[FeedbackMessage]] = relationship(
        back_populates="feedback", order_by="FeedbackMessage.id", cascade="all, delete-orphan"
    )
    tag_rows: Mapped[list[FeedbackTag]] = relationship(cascade="all, delete-orphan", order_by="FeedbackTag.tag")

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]


class FeedbackMessage(Base):
    """One message in a feedback thread: a resident's follow-up or a moderator's answer."""

    __tablename__ = "feedback_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"), index=True)
    from_resident: Mapped[bool] = mapped_column(Boolean)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))  # staff only
    body: Mapped[str] = mapped_column(Text)
    created_on: Mapped[date] = mapped_column(Date)  # day only, like the feedback itself

    feedback: Mapped[Feedback] = relationship(back_populates="messages")
    author = relationship("User")


class FeedbackTag(Base):
    """Moderators' free tags, for grouping and reports."""

    __tablename__ = "feedback_tag"

    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(48), primary_key=True, index=True)
