"""Rumour reports (Anti-Rumours method): a resident tells what they heard, about whom, where it
circulates and in which town. Moderators later group reports under one rumour and answer it.

Same privacy rules as feedback: no request details reach this module, the day is the only date.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l

from portal.extensions import db
from portal.models import Rumour, RumourReport
from portal.services import DomainError, dates, places
from portal.services.feedback.intake import Submission
from portal.services.feedback.receipts import issue_receipt
from portal.services.feedback.submissions import Token, claim
from portal.vocab import Channel, FeedbackStatus, RumourSpread, RumourTarget

HEARD_MAX = 1000


class RumourError(DomainError):
    """A rumour report broke a rule."""


def report_rumour(
    *,
    heard_text: str,
    about: RumourTarget,
    where: RumourSpread,
    municipality: str | None,
    area_id: int | None,
    wants_answer: bool,
    language: str,
    today: date | None = None,
    token: Token | None = None,
) -> Submission:
    """Check and add one rumour report (flushed, not committed); a receipt code when asked for
    (derived from the form's one-time `token` when there is one, see `submissions.py`)."""
    heard_text = (heard_text or "").strip()
    if not heard_text:
        raise RumourError(_l("Write what you heard."), "heard_text")
    if len(heard_text) > HEARD_MAX:
        raise RumourError(_l("Please write at most %(max)d characters.", max=HEARD_MAX), "heard_text")
    place = places.municipality_by_slug(municipality)
    if place is None:
        raise RumourError(_l("Choose a town from the list."), "municipality")
    received_on = today or dates.today()
    area = places.area_in_municipality(place, area_id)
    code = receipt_hash = None
    if token is not None:
        code, receipt_hash = claim(token, wants_receipt=bool(wants_answer), today=received_on)
    elif wants_answer:
        code, receipt_hash = issue_receipt()
    report = RumourReport(
        municipality=place,
        area=area,
        heard_text=heard_text,
        about=RumourTarget(about),
        where=RumourSpread(where),
        language=language[:16],
        channel=Channel.WEB,
        wants_answer=bool(wants_answer),
        status=FeedbackStatus.RECEIVED,
        received_on=received_on,
        receipt_hash=receipt_hash,
    )
    db.session.add(report)
    db.session.flush()
    return Submission(report, code)


def published_answer(report: RumourReport) -> Rumour | None:
    """The moderators' published answer to the rumour this report was grouped under, if any."""
    rumour = report.rumour
    return rumour if rumour is not None and rumour.is_published else None
