"""The thread behind a receipt code: a resident's follow-up messages.

Like the submission itself, a message carries the day only, never the time, and nothing about the
sender. A follow-up after an answer puts the item back in review and marks it unread for moderators.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l

from portal.extensions import db
from portal.models import Feedback, FeedbackMessage
from portal.services import DomainError, dates
from portal.services.feedback.intake import FeedbackError
from portal.services.feedback.submissions import Token, claim
from portal.vocab import FeedbackStatus

MESSAGE_MAX = 2000
MAX_RESIDENT_MESSAGES = 20
OPEN_STATUSES = (FeedbackStatus.RECEIVED, FeedbackStatus.IN_REVIEW, FeedbackStatus.ANSWERED)


class ThreadClosedError(DomainError):
    """The item no longer takes messages (closed, rejected, or too many messages already)."""


def can_reply(feedback: Feedback) -> bool:
    return feedback.status in OPEN_STATUSES and resident_message_count(feedback) < MAX_RESIDENT_MESSAGES


def resident_message_count(feedback: Feedback) -> int:
    return sum(1 for m in feedback.messages if m.from_resident)


def add_follow_up(feedback: Feedback, body: str, *, today: date | None = None,
                  token: Token | None = None) -> FeedbackMessage | None:
    """A resident's follow-up message. Sending the same words twice (a reloaded page) adds nothing.
    A message after an answer puts the feedback back in review, so moderators see it. With the
    form's one-time `token`, the token is marked used in the same transaction (`submissions.py`)."""
    body = (body or "").strip()
    if not body:
        raise FeedbackError(_l("Write your message."), "body")
    if len(body) > MESSAGE_MAX:
        raise FeedbackError(_l("Please write at most %(max)d characters.", max=MESSAGE_MAX), "body")
    if feedback.status not in OPEN_STATUSES:
        raise ThreadClosedError(_l("This feedback is closed. You can send new feedback instead."))
    if resident_message_count(feedback) >= MAX_RESIDENT_MESSAGES:
        raise ThreadClosedError(_l("You cannot add more messages here. You can send new feedback instead."))
    if token is not None:
        claim(token, wants_receipt=False, today=today)
    last = feedback.messages[-1] if feedback.messages else None
    if last is not None and last.from_resident and last.body == body:
        db.session.flush()  # the token, if any
        return None
    message = FeedbackMessage(from_resident=True, body=body, created_on=today or dates.today())
    feedback.messages.append(message)
    feedback.has_unread = True
    if feedback.status == FeedbackStatus.ANSWERED:
        feedback.status = FeedbackStatus.IN_REVIEW
    db.session.flush()
    return message
