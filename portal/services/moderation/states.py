"""Where an item stands: the moves moderators may make, and answering a resident.

An item is a resident's feedback or rumour report. Its states::

    received ──► in review ──► answered ──► closed
        │            │  ▲          │           │
        └────────────┴──┼──────────┴──► rejected (spam, abusive, duplicate, not about policing)
                        └── reopen (from answered, closed or rejected)

* "Acknowledged" is the first move out of `received`, whichever it is (review, answer or
  rejection); its day is kept (`acknowledged_on`) because residents are owed an acknowledgement
  within 7 days (the EU whistleblower directive's period, which we keep to).
* Feedback reaches `answered` only by answering the resident, who reads the answer under their
  receipt code; the day of the first answer is kept (`answered_on`). A rumour report is answered by
  the published counter-evidence of the rumour it is grouped under.
* A rejected item is never public: rejecting unpublishes it, and it cannot be published.

Every move is written to the audit log (who, old → new, the reason), never with a resident's words.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l

from portal.extensions import db
from portal.models import Feedback, FeedbackMessage, RumourReport
from portal.services import DomainError, dates
from portal.services.audit import record
from portal.vocab import FeedbackStatus, RejectionReason

S = FeedbackStatus
MOVES: dict[FeedbackStatus, tuple[FeedbackStatus, ...]] = {
    S.RECEIVED: (S.IN_REVIEW, S.REJECTED),
    S.IN_REVIEW: (S.CLOSED, S.REJECTED),
    S.ANSWERED: (S.IN_REVIEW, S.CLOSED, S.REJECTED),
    S.CLOSED: (S.IN_REVIEW,),
    S.REJECTED: (S.IN_REVIEW,),
}
ANSWER_MAX = 4000
ACKNOWLEDGE_WITHIN_DAYS = 7


class StateError(DomainError):
    """A move that the item's state does not allow."""


def kind_of(item) -> str:
    return "feedback" if isinstance(item, Feedback) else "rumour_report"


def allowed_moves(item) -> tuple[FeedbackStatus, ...]:
    """The states this item may be moved to by hand (answering is its own action)."""
    moves = MOVES[item.status]
    if isinstance(item, RumourReport) and item.status == S.IN_REVIEW and _rumour_answered(item):
        moves = (S.ANSWERED, *moves)
    return moves


def _rumour_answered(report: RumourReport) -> bool:
    return report.rumour is not None and report.rumour.is_published


def can_answer(item) -> bool:
    return isinstance(item, Feedback) and item.status in (S.RECEIVED, S.IN_REVIEW, S.ANSWERED)


def _acknowledge(item, today: date) -> None:
    if item.acknowledged_on is None:
        item.acknowledged_on = today


def move(actor, item, to: FeedbackStatus, *, reason: RejectionReason | None = None, duplicate_of=None,
         today: date | None = None, note: str = "") -> None:
    """Move `item` to `to`, checking the rule; `reason` is needed for a rejection."""
    today = today or dates.today()
    to = FeedbackStatus(to)
    if to not in allowed_moves(item):
        raise StateError(_l("This item cannot be moved from \"%(old)s\" to \"%(new)s\".",
                            old=item.status.label, new=to.label), "status")
    if to == S.REJECTED:
        if reason is None:
            raise StateError(_l("Choose why it is not accepted."), "reason")
        if reason == RejectionReason.DUPLICATE:
            _check_duplicate(item, duplicate_of)
    old = item.status
    item.status = to
    _acknowledge(item, today)
    if to == S.REJECTED:
        item.rejection_reason = RejectionReason(reason)
        item.duplicate_of = duplicate_of if reason == RejectionReason.DUPLICATE else None
        if isinstance(item, Feedback) and item.is_published:
            item.is_published = False
            record(actor, "feedback.unpublish", item, "rejected items are never public")
    elif old == S.REJECTED:
        item.rejection_reason = None
        item.duplicate_of = None
    if to == S.ANSWERED and item.answered_on is None:
        item.answered_on = today
    db.session.flush()
    summary = f"{old.value} → {to.value}"
    if to == S.REJECTED:
        summary += f" ({item.rejection_reason.value}" + (f" of #{duplicate_of.id}" if duplicate_of else "") + ")"
    record(actor, f"{kind_of(item)}.status", item, summary + (f" {note}" if note else ""))


def _check_duplicate(item, original) -> None:
    if original is None or type(original) is not type(item) or original.id == item.id:
        raise StateError(_l("Name the item this one repeats."), "duplicate_of")
    if original.status == S.REJECTED:
        raise StateError(_l("That item was not accepted either. Name the one that was."), "duplicate_of")


def answer(actor, feedback: Feedback, body: str, *, today: date | None = None) -> FeedbackMessage:
    """The moderators' answer to the resident, in the thread they read with their receipt code.
    It acknowledges the item if nobody had, marks the resident's messages as read, and moves the
    item to `answered`."""
    today = today or dates.today()
    body = (body or "").strip()
    if not body:
        raise StateError(_l("Write the answer."), "body")
    if len(body) > ANSWER_MAX:
        raise StateError(_l("Please write at most %(max)d characters.", max=ANSWER_MAX), "body")
    if not can_answer(feedback):
        raise StateError(_l("Closed or rejected items cannot be answered. Reopen it first."), "body")
    message = FeedbackMessage(from_resident=False, author_id=actor.id, body=body, created_on=today)
    feedback.messages.append(message)
    old = feedback.status
    feedback.status = S.ANSWERED
    feedback.has_unread = False
    _acknowledge(feedback, today)
    if feedback.answered_on is None:
        feedback.answered_on = today
    db.session.flush()
    record(actor, "feedback.answer", feedback, f"{old.value} → answered; answer of {len(body)} characters")
    return message


def mark_read(actor, feedback: Feedback) -> bool:
    """The resident's latest messages have been read; False when nothing was unread."""
    if not feedback.has_unread:
        return False
    feedback.has_unread = False
    db.session.flush()
    record(actor, "feedback.read", feedback, "resident's message marked as read")
    return True


def waiting_too_long(item, today: date | None = None) -> bool:
    """Received and not acknowledged within ACKNOWLEDGE_WITHIN_DAYS days."""
    today = today or dates.today()
    return item.status == S.RECEIVED and (today - item.received_on).days > ACKNOWLEDGE_WITHIN_DAYS
