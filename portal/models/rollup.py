"""Aggregates maintained as data arrives, so that figures never scan the feedback table.

`FeedbackRollup` holds, for every combination of the month a feedback was received, its
municipality, area, category, police body, channel (web or mediator) and self-described gender,
how many answers gave each treatment rating (1..5) and how quickly moderators acknowledged and first
answered them (in day ranges), keyed by the area first so that an area's cells lie together.
`FeedbackRollupCoarse` holds the same without area and channel, for every page that filters on
neither: a table about eight times smaller, whose cells stop multiplying once every combination has
occurred, so its figures cost the same at ten thousand rows as at a million. `FeedbackRollupChannel`
adds the channel back, keyed by it first, for a filter on the channel. Rejected feedback is never
counted. `RumourRollup` does the same for rumour reports by month, municipality, area and the rumour
they are grouped under, and `ActivityRollup` for activities by month, municipality, area and type.

The rows are updated in the same transaction as every change that moves a figure (a submission,
a rejection or reopening, a category correction, an acknowledgement, an answer, an activity logged
or edited): see
`portal.services.statistics.rollup`. `flask --app portal aggregates rebuild` recomputes them from
the rows; a property-based test checks that both always agree.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.models.base import Base

# Day ranges for "days from arrival to acknowledgement / to first answer": a median is reported as
# the range it falls in. The last range is open.
DAY_RANGES = ((0, 1), (2, 3), (4, 7), (8, 14), (15, 30), (31, None))
NO_AREA = 0  # area_key of feedback given for no particular area
NO_RUMOUR = 0


def _count():
    return mapped_column(Integer, default=0, server_default="0")


class _Measures:
    """Answers by treatment rating (r1 = "very badly" … r5 = "very well"); items acknowledged after
    0–1, 2–3, 4–7, 8–14, 15–30, 31+ days (ack0 … ack5, see DAY_RANGES; the rest not yet); items
    first answered after the same day ranges (ans0 … ans5)."""

    r1: Mapped[int] = _count()
    r2: Mapped[int] = _count()
    r3: Mapped[int] = _count()
    r4: Mapped[int] = _count()
    r5: Mapped[int] = _count()
    ack0: Mapped[int] = _count()
    ack1: Mapped[int] = _count()
    ack2: Mapped[int] = _count()
    ack3: Mapped[int] = _count()
    ack4: Mapped[int] = _count()
    ack5: Mapped[int] = _count()
    ans0: Mapped[int] = _count()
    ans1: Mapped[int] = _count()
    ans2: Mapped[int] = _count()
    ans3: Mapped[int] = _count()
    ans4: Mapped[int] = _count()
    ans5: Mapped[int] = _count()


class FeedbackRollup(_Measures, Base):
    """Every dimension a filter can ask for; read when an area is asked for."""

    __tablename__ = "feedback_rollup"

    # The key's order is the order of the rows on disk (and of the primary key's index): an area's
    # months, then each month's cells, so an area's period is one contiguous stretch.
    area_key: Mapped[int] = mapped_column(Integer, primary_key=True)  # area id, or NO_AREA
    month: Mapped[date] = mapped_column(Date, primary_key=True)  # first day of the month received
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    police_body: Mapped[str] = mapped_column(String(16), primary_key=True)
    channel: Mapped[str] = mapped_column(String(8), primary_key=True)  # "web" or "mediator"
    gender: Mapped[str] = mapped_column(String(8), primary_key=True)  # "" when not given

    # WITHOUT ROWID on SQLite: the rows are stored in key order, so a stretch of keys is read as
    # one contiguous run instead of one lookup per row.
    __table_args__ = ({"sqlite_with_rowid": False},)


class FeedbackRollupCoarse(_Measures, Base):
    """The same without area and channel: what every page asks for unless it filters on them."""

    __tablename__ = "feedback_rollup_coarse"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    police_body: Mapped[str] = mapped_column(String(16), primary_key=True)
    gender: Mapped[str] = mapped_column(String(8), primary_key=True)

    __table_args__ = (
        Index("ix_feedback_rollup_coarse_municipality_month", "municipality_id", "month"),
        {"sqlite_with_rowid": False},
    )


class FeedbackRollupChannel(_Measures, Base):
    """The same without the area, keyed by the channel first: one channel's period is one stretch."""

    __tablename__ = "feedback_rollup_channel"

    channel: Mapped[str] = mapped_column(String(8), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    police_body: Mapped[str] = mapped_column(String(16), primary_key=True)
    gender: Mapped[str] = mapped_column(String(8), primary_key=True)

    __table_args__ = ({"sqlite_with_rowid": False},)


RATINGS = ("r1", "r2", "r3", "r4", "r5")
ACK = tuple(f"ack{i}" for i in range(len(DAY_RANGES)))
ANSWERED = tuple(f"ans{i}" for i in range(len(DAY_RANGES)))
MEASURES = RATINGS + ACK + ANSWERED
FEEDBACK_KEYS = ("area_key", "month", "municipality_id", "category_id", "police_body", "channel", "gender")
COARSE_KEYS = ("month", "municipality_id", "category_id", "police_body", "gender")
CHANNEL_KEYS = ("channel", "month", "municipality_id", "category_id", "police_body", "gender")


class RumourRollup(Base):
    __tablename__ = "rumour_rollup"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    rumour_key: Mapped[int] = mapped_column(Integer, primary_key=True)  # the rumour id, or NO_RUMOUR
    reports: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    __table_args__ = (Index("ix_rumour_rollup_municipality_month", "municipality_id", "month"), {"sqlite_with_rowid": False})


RUMOUR_KEYS = ("month", "municipality_id", "area_key", "rumour_key")


class ActivityRollup(Base):
    """Activities by the month they started, municipality, area and type: how many; how many gave a
    number of participants; participants and Roma participants (officers' estimates, summed where
    given); with a mediator present; with interpretation."""

    __tablename__ = "activity_rollup"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(32), primary_key=True)  # ActivityType's value
    activities: Mapped[int] = _count()
    estimated: Mapped[int] = _count()
    participants: Mapped[int] = _count()
    roma: Mapped[int] = _count()
    mediator: Mapped[int] = _count()
    interpreted: Mapped[int] = _count()

    __table_args__ = ({"sqlite_with_rowid": False},)


ACTIVITY_KEYS = ("month", "municipality_id", "area_key", "type")
ACTIVITY_MEASURES = ("activities", "estimated", "participants", "roma", "mediator", "interpreted")


class FigureRelease(Base):
    """Figures as they were published for one audience, one municipality and one calendar quarter,
    kept unchanged from then on. Officers (and the public) only ever see released figures: a closed
    quarter's figures never move afterwards, so comparing two days' pages reveals nothing, and no
    window slides over the months to let two releases be subtracted."""

    __tablename__ = "figure_release"

    audience: Mapped[str] = mapped_column(String(16), primary_key=True)  # "officers" or "public"
    municipality_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0: every municipality
    period_start: Mapped[date] = mapped_column(Date, primary_key=True)  # the first day of the quarter
    released_on: Mapped[date] = mapped_column(Date)
    payload: Mapped[dict] = mapped_column(JSON)
