"""Resident feedback, its thread of messages, and the categories it is filed under.

Privacy by construction: no column can hold an address, a user agent, a cookie value or an exact
time. Dates are days (`received_on`) or months (`occurred_month`). A receipt code is kept only as a
keyed slow hash (`receipt_hash`) so a resident can come back without the portal knowing who they are.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, SmallInteger, String, Table, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, enum_column
from portal.vocab import (
    AgeBand,
    Channel,
    FeedbackStatus,
    Gender,
    LabelledCategory,
    PartOfDay,
    PoliceBody,
    RejectionReason,
    YesNoUnsure,
)

feedback_practice = Table(
    "feedback_practice",
    Base.metadata,
    Column("feedback_id", ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True),
    Column("practice_id", ForeignKey("good_practice.id", ondelete="CASCADE"), primary_key=True),
)

# Moderators' links from feedback to the municipality's activities (beside `Feedback.activity`, the
# activity a resident gave feedback on through its QR code).
feedback_activity = Table(
    "feedback_activity",
    Base.metadata,
    Column("feedback_id", ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True),
    Column("activity_id", ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True, index=True),
)

# The moderators' queue reads the newest first under one filter at a time: each filter column leads
# an index that ends in the queue's order, so the first page is read from the index, never sorted.
QUEUE_ORDER = ("received_on", "id")
QUEUE_FILTERS = ("status", "municipality_id", "category_id", "assigned_to_id", "has_unread", "channel",
                 "police_body", "treatment", "area_id")
# The dashboard counts open items and unread messages under any filter from the status and unread
# indexes alone: they carry, after the queue's order, every column a filter asks for.
FIGURE_FILTERS = ("municipality_id", "area_id", "category_id", "police_body", "channel")
COVERING = {"status": FIGURE_FILTERS, "has_unread": FIGURE_FILTERS}


class FeedbackCategory(LabelledCategory, Base):
    __tablename__ = "feedback_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(48), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

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

    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("feedback_category.id"))
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

    status: Mapped[FeedbackStatus] = mapped_column(enum_column(FeedbackStatus), default=FeedbackStatus.RECEIVED)
    received_on: Mapped[date] = mapped_column(Date)  # day only, never the time
    # Moderation: the text as it may be shown beyond moderators (names and details removed).
    redacted_text: Mapped[str | None] = mapped_column(Text)
    is_published: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    published_on: Mapped[date | None] = mapped_column(Date)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    # Moderation. Days only, like the rest of the row: enough for "acknowledged within 7 days".
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)  # the first answer to the resident
    rejection_reason: Mapped[RejectionReason | None] = mapped_column(enum_column(RejectionReason))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("feedback.id", ondelete="SET NULL"))
    has_unread: Mapped[bool] = mapped_column(Boolean, default=False)  # a resident's message nobody has read
    moderator_note: Mapped[str] = mapped_column(Text, default="")  # moderators only, never shown outside
    # Shown with the published text: the moderators' answer as it may be read by anyone.
    public_answer: Mapped[str | None] = mapped_column(Text)

    municipality = relationship("Municipality")
    area = relationship("Area")
    activity = relationship("Activity", back_populates="feedback")
    category: Mapped[FeedbackCategory] = relationship()
    entered_by = relationship("User", foreign_keys=[entered_by_id])
    assigned_to = relationship("User", foreign_keys=[assigned_to_id])
    duplicate_of = relationship("Feedback", remote_side=[id])
    practices = relationship("GoodPractice", secondary=feedback_practice, order_by="GoodPractice.title")
    linked_activities = relationship("Activity", secondary=feedback_activity, order_by="Activity.starts_at")
    messages: Mapped[list[FeedbackMessage]] = relationship(
        back_populates="feedback", order_by="FeedbackMessage.id", cascade="all, delete-orphan"
    )
    tag_rows: Mapped[list[FeedbackTag]] = relationship(cascade="all, delete-orphan", order_by="FeedbackTag.tag")
    kept_spans: Mapped[list[RedactionKept]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_feedback_queue", *QUEUE_ORDER),
        *(Index(f"ix_feedback_queue_{column}", column, *QUEUE_ORDER, *COVERING.get(column, ())) for column in QUEUE_FILTERS),
    )

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


class RedactionKept(Base):
    """A span the redaction check proposed and a moderator confirmed is not personal data, so it no
    longer blocks publishing. Only a keyed hash of it is kept, never the words themselves."""

    __tablename__ = "redaction_kept"

    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)


# Searching residents' words in the moderators' queue without reading every row: a trigram index
# answers `LIKE '%words%'` for three characters or more, in any script. PostgreSQL: pg_trgm's GIN
# index on the column. SQLite: an FTS5 trigram table kept in step with the rows by triggers.
# Also run by the migration that introduced them.
TEXT_SEARCH = {
    "feedback": "text",
    "rumour_report": "heard_text",
}


def is_schema_object(name: str | None, type_: str, _parents=None) -> bool:
    """For Alembic: the search tables (and FTS5's own shadow tables) are made by `text_search_ddl`,
    not by the models, so comparing the models with the database leaves them out."""
    if type_ == "table" and name and any(name.startswith(f"{t}_search") for t in TEXT_SEARCH):
        return False
    return not (type_ == "index" and name and name.endswith("_trgm"))


def text_search_ddl(dialect: str, table: str) -> list[str]:
    column = TEXT_SEARCH[table]
    if dialect == "postgresql":
        return ["CREATE EXTENSION IF NOT EXISTS pg_trgm",
                f"CREATE INDEX IF NOT EXISTS ix_{table}_{column}_trgm ON {table} USING gin ({column} gin_trgm_ops)"]
    if dialect == "sqlite":
        fts = f"{table}_search"
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({column}, content='{table}', content_rowid='id', "
            "tokenize='trigram')",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
    return []


def create_text_search(target, connection, **_kw) -> None:
    for statement in text_search_ddl(connection.dialect.name, target.name):
        connection.exec_driver_sql(statement)


event.listen(Feedback.__table__, "after_create", create_text_search)
