"""Resident feedback: what the form offers and taking a submission (the thread is in `thread.py`).

Nothing here sees a request. A submission carries only what the resident chose or wrote, the
language of the form and the day it arrived; no address, browser, cookie or time of day ever
reaches these functions, so none can be stored.

Mediator-assisted entries keep the mediator's account and organisation on the row, which is what
makes them accountable. They are deliberately not written to the audit log: an audit entry carries
an exact time, and "mediator X entered something at 14:05" next to the row could point at the
resident they had just met.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, selectinload

from portal.extensions import db
from portal.models import Activity, Feedback, FeedbackCategory, Municipality, User
from portal.services import DomainError, dates, places
from portal.services.activities.codes import normalise_activity_code
from portal.services.feedback.receipts import issue_receipt
from portal.services.feedback.submissions import Token, claim
from portal.vocab import AgeBand, Channel, FeedbackStatus, Gender, PartOfDay, PoliceBody, YesNoUnsure

TEXT_MAX = 2000
ASSISTED_CHANNELS = tuple(c for c in Channel if c != Channel.WEB)


class FeedbackError(DomainError):
    """A submission or a resident's message broke a rule."""


@dataclass(frozen=True)
class Submission:
    """What the confirmation page needs: the row, and the receipt code (shown once, never stored)."""

    record: object
    receipt_code: str | None


# --- what the form offers -------------------------------------------------------------------------


def active_categories() -> list[FeedbackCategory]:
    return list(
        db.session.scalars(
            db.select(FeedbackCategory).filter_by(is_active=True).order_by(FeedbackCategory.sort_order, FeedbackCategory.id)
        )
    )


def find_activity(code: str) -> Activity | None:
    """The activity behind /a/<code>; codes are printed in capitals but typed in any case."""
    code = normalise_activity_code(code or "")
    if not code or len(code) > 16:
        return None
    return db.session.scalar(
        db.select(Activity).options(joinedload(Activity.municipality)).filter_by(feedback_code=code)
    )


def activity_page_facts(code: str) -> tuple | None:
    """What the empty form of /a/<code> shows of its activity, as one plain row (id, code, type,
    start, municipality id, area id, is public, municipality is active), or None for an unknown
    code: enough to find the kept page without loading the activity (`portal.public.page_cache`)."""
    code = normalise_activity_code(code or "")
    if not code or len(code) > 16:
        return None
    return db.session.execute(_PAGE_FACTS, {"code": code}).first()


# Built once: the page is asked for at the rate of a QR code at a meeting, and building the query
# cost as much as running it.
_activity, _town = Activity.__table__.c, Municipality.__table__.c
_PAGE_FACTS = (
    db.select(_activity.id, _activity.feedback_code, _activity.type, _activity.starts_at, _activity.municipality_id,
              _activity.area_id, _activity.is_public, _town.is_active)
    .join_from(Activity.__table__, Municipality.__table__, _town.id == _activity.municipality_id)
    .where(_activity.feedback_code == db.bindparam("code"))
)


# --- taking a submission ----------------------------------------------------------------------------


def _municipality(slug: str | None) -> Municipality:
    municipality = places.municipality_by_slug(slug)
    if municipality is None:
        raise FeedbackError(_l("Choose a town from the list."), "municipality")
    return municipality


def _category(slug: str | None) -> FeedbackCategory:
    category = db.session.scalar(db.select(FeedbackCategory).filter_by(slug=slug or "", is_active=True))
    if category is None:
        raise FeedbackError(_l("Choose what it was about."), "category")
    return category


def _month(value: date | None, today: date) -> date:
    if value is None or value.day != 1 or value not in dates.recent_months(today):
        raise FeedbackError(_l("Choose a month from the list."), "occurred_month")
    return value


def submit_feedback(
    *,
    category: str,
    police_body: PoliceBody,
    municipality: str | None,
    area_id: int | None,
    occurred_month: date,
    part_of_day: PartOfDay | None,
    treatment: int,
    text: str,
    reported_elsewhere: YesNoUnsure | None,
    gender: Gender | None,
    age_band: AgeBand | None,
    wants_answer: bool,
    language: str,
    activity: Activity | None = None,
    channel: Channel = Channel.WEB,
    entered_by: User | None = None,
    consent_confirmed: bool = False,
    today: date | None = None,
    token: Token | None = None,
) -> Submission:
    """Check and add one feedback row (flushed, not committed). With `wants_answer`, a receipt code
    is issued and returned; only its hash is stored. With the form's one-time `token`, the token is
    marked used in the same transaction and the code is derived from it (`submissions.py`)."""
    today = today or dates.today()
    if activity is not None:
        place = activity.municipality
    else:
        place = _municipality(municipality)
    area = places.area_in_municipality(place, area_id)
    if treatment not in range(1, 6):
        raise FeedbackError(_l("Choose how you were treated."), "treatment")
    text = (text or "").strip()
    if len(text) > TEXT_MAX:
        raise FeedbackError(_l("Please write at most %(max)d characters.", max=TEXT_MAX), "text")
    if entered_by is None and channel != Channel.WEB:
        raise FeedbackError(_l("Only a mediator can enter feedback given in another way."), "channel")
    if entered_by is not None:
        if channel not in ASSISTED_CHANNELS:
            raise FeedbackError(_l("Choose how the resident gave this feedback."), "channel")
        if not consent_confirmed:
            raise FeedbackError(_l("Confirm that the resident agreed."), "consent")

    category_row = _category(category)
    month = _month(occurred_month, today)
    code = receipt_hash = None
    if token is not None:
        code, receipt_hash = claim(token, wants_receipt=bool(wants_answer), today=today)
    elif wants_answer:
        code, receipt_hash = issue_receipt()
    row = Feedback(
        channel=channel,
        entered_by_id=entered_by.id if entered_by is not None else None,
        organisation=(entered_by.organisation or "")[:160] if entered_by is not None else "",
        consent_confirmed=bool(consent_confirmed) if entered_by is not None else False,
        municipality=place,
        area=area,
        activity=activity,
        category=category_row,
        police_body=PoliceBody(police_body),
        occurred_month=month,
        part_of_day=part_of_day,
        treatment=treatment,
        text=text,
        reported_elsewhere=reported_elsewhere,
        gender=gender,
        age_band=age_band,
        language=language[:16],
        wants_answer=bool(wants_answer),
        status=FeedbackStatus.RECEIVED,
        received_on=today,
        receipt_hash=receipt_hash,
    )
    db.session.add(row)
    db.session.flush()
    return Submission(row, code)


# --- mediators ----------------------------------------------------------------------------------------


def entered_by(user: User, *, page: int = 1, per_page: int = 25):
    """What one mediator entered, newest first, as a Flask-SQLAlchemy page."""
    query = (
        db.select(Feedback)
        .filter_by(entered_by_id=user.id)
        .options(selectinload(Feedback.category), selectinload(Feedback.municipality))
        .order_by(Feedback.received_on.desc(), Feedback.id.desc())
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
