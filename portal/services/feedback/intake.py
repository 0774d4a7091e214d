"""Resident feedback: what the form offers, taking a submission, and the receipt-code thread.

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
from datetime import date, datetime, timezone

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import Activity, Area, Feedback, FeedbackCategory, FeedbackMessage, Municipality, User
from portal.services import DomainError
from portal.services.codes import normalise_activity_code
from portal.services.receipts import issue_receipt
from portal.vocab import AgeBand, Channel, FeedbackStatus, Gender, PartOfDay, PoliceBody, YesNoUnsure

TEXT_MAX = 2000
MESSAGE_MAX = 2000
MONTHS_BACK = 24
MAX_RESIDENT_MESSAGES = 20
OPEN_STATUSES = (FeedbackStatus.RECEIVED, FeedbackStatus.IN_REVIEW, FeedbackStatus.ANSWERED)
ASSISTED_CHANNELS = tuple(c for c in Channel if c != Channel.WEB)


class FeedbackError(DomainError):
    """A submission broke a rule. `field` names the form field the message belongs next to."""

    def __init__(self, field: str | None, message):
        super().__init__(message)
        self.field = field
        self.message = message


class ThreadClosedError(DomainError):
    pass


@dataclass(frozen=True)
class Submission:
    """What the confirmation page needs: the row, and the receipt code (shown once, never stored)."""

    record: object
    receipt_code: str | None


def today_utc() -> date:
    return datetime.now(timezone.utc).date()


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def recent_months(today: date | None = None, count: int = MONTHS_BACK) -> list[date]:
    """The first day of this month and of the `count - 1` months before it, newest first."""
    year, month = (today or today_utc()).year, (today or today_utc()).month
    months = []
    for _ in range(count):
        months.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return months


# --- what the form offers -------------------------------------------------------------------------


def active_categories() -> list[FeedbackCategory]:
    return list(
        db.session.scalars(
            db.select(FeedbackCategory).filter_by(is_active=True).order_by(FeedbackCategory.sort_order, FeedbackCategory.id)
        )
    )


def active_municipalities() -> list[Municipality]:
    """Active municipalities by name, their areas loaded (the form lists both)."""
    return list(
        db.session.scalars(
            db.select(Municipality).filter_by(is_active=True).options(selectinload(Municipality.areas)).order_by(Municipality.name)
        )
    )


def find_activity(code: str) -> Activity | None:
    """The activity behind /a/<code>; codes are printed in capitals but typed in any case."""
    code = normalise_activity_code(code or "")
    if not code or len(code) > 16:
        return None
    return db.session.scalar(
        db.select(Activity).options(selectinload(Activity.municipality)).filter_by(feedback_code=code)
    )


# --- taking a submission ----------------------------------------------------------------------------


def _municipality(slug: str | None) -> Municipality:
    municipality = db.session.scalar(db.select(Municipality).filter_by(slug=slug or "", is_active=True))
    if municipality is None:
        raise FeedbackError("municipality", _l("Choose a town from the list."))
    return municipality


def area_in_municipality(municipality: Municipality, area_id: int | None) -> Area | None:
    if area_id is None:
        return None
    area = db.session.get(Area, area_id)
    if area is None or area.municipality_id != municipality.id:
        raise FeedbackError("area", _l("This neighbourhood is not in the town you chose."))
    return area


def _category(slug: str | None) -> FeedbackCategory:
    category = db.session.scalar(db.select(FeedbackCategory).filter_by(slug=slug or "", is_active=True))
    if category is None:
        raise FeedbackError("category", _l("Choose what it was about."))
    return category


def _month(value: date | None, today: date) -> date:
    if value is None or value.day != 1 or value not in recent_months(today):
        raise FeedbackError("occurred_month", _l("Choose a month from the list."))
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
) -> Submission:
    """Check and add one feedback row (flushed, not committed). With `wants_answer`, a receipt code
    is issued and returned; only its hash is stored."""
    today = today or today_utc()
    if activity is not None:
        place = activity.municipality
    else:
        place = _municipality(municipality)
    area = area_in_municipality(place, area_id)
    if treatment not in range(1, 6):
        raise FeedbackError("treatment", _l("Choose how you were treated."))
    text = (text or "").strip()
    if len(text) > TEXT_MAX:
        raise FeedbackError("text", _l("Please write at most %(max)d characters.", max=TEXT_MAX))
    if entered_by is None and channel != Channel.WEB:
        raise FeedbackError("channel", _l("Only a mediator can enter feedback given in another way."))
    if entered_by is not None:
        if channel not in ASSISTED_CHANNELS:
            raise FeedbackError("channel", _l("Choose how the resident gave this feedback."))
        if not consent_confirmed:
            raise FeedbackError("consent", _l("Confirm that the resident agreed."))

    row = Feedback(
        channel=channel,
        entered_by_id=entered_by.id if entered_by is not None else None,
        organisation=(entered_by.organisation or "")[:160] if entered_by is not None else "",
        consent_confirmed=bool(consent_confirmed) if entered_by is not None else False,
        municipality=place,
        area=area,
        activity=activity,
        category=_category(category),
        police_body=PoliceBody(police_body),
        occurred_month=_month(occurred_month, today),
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
    )
    code = None
    if wants_answer:
        code, row.receipt_hash = issue_receipt()
    db.session.add(row)
    db.session.flush()
    return Submission(row, code)


# --- the thread behind a receipt code ------------------------------------------------------------


def can_reply(feedback: Feedback) -> bool:
    return feedback.status in OPEN_STATUSES and resident_message_count(feedback) < MAX_RESIDENT_MESSAGES


def resident_message_count(feedback: Feedback) -> int:
    return sum(1 for m in feedback.messages if m.from_resident)


def add_follow_up(feedback: Feedback, body: str, *, today: date | None = None) -> FeedbackMessage | None:
    """A resident's follow-up message. Sending the same words twice (a reloaded page) adds nothing.
    A message after an answer puts the feedback back in review, so moderators see it."""
    body = (body or "").strip()
    if not body:
        raise FeedbackError("body", _l("Write your message."))
    if len(body) > MESSAGE_MAX:
        raise FeedbackError("body", _l("Please write at most %(max)d characters.", max=MESSAGE_MAX))
    if feedback.status not in OPEN_STATUSES:
        raise ThreadClosedError(_l("This feedback is closed. You can send new feedback instead."))
    if resident_message_count(feedback) >= MAX_RESIDENT_MESSAGES:
        raise ThreadClosedError(_l("You cannot add more messages here. You can send new feedback instead."))
    last = feedback.messages[-1] if feedback.messages else None
    if last is not None and last.from_resident and last.body == body:
        return None
    message = FeedbackMessage(from_resident=True, body=body, created_on=today or today_utc())
    feedback.messages.append(message)
    if feedback.status == FeedbackStatus.ANSWERED:
        feedback.status = FeedbackStatus.IN_REVIEW
    db.session.flush()
    return message


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
