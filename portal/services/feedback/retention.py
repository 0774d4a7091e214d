"""Retention: after RETENTION_MONTHS, what a resident wrote in their own words is erased, with the
whole answer thread (staff answers may quote them) and any unpublished redaction, and their receipt
code stops working. Categories, months and ratings stay, for statistics; a redacted text that a
moderator published stays published."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, or_, select, update

from portal.extensions import db
from portal.models import Feedback, FeedbackMessage, RumourReport
from portal.services import dates
from portal.services.audit import record


def purge(months: int, *, today: date | None = None, dry_run: bool = False) -> dict[str, int]:
    cutoff = dates.same_day_months_before(today or dates.today(), months)
    old_feedback = select(Feedback.id).where(Feedback.received_on < cutoff)
    counts = {
        "feedback": db.session.scalar(
            select(db.func.count()).select_from(Feedback).where(
                Feedback.received_on < cutoff,
                or_(Feedback.text != "", Feedback.receipt_hash.is_not(None)),
            )
        ) or 0,
        "messages": db.session.scalar(
            select(db.func.count()).select_from(FeedbackMessage).where(FeedbackMessage.feedback_id.in_(old_feedback))
        ) or 0,
        "rumour_reports": db.session.scalar(
            select(db.func.count()).select_from(RumourReport).where(
                RumourReport.received_on < cutoff, RumourReport.heard_text != ""
            )
        ) or 0,
    }
    if dry_run:
        return counts
    db.session.execute(
        update(Feedback).where(Feedback.received_on < cutoff).values(text="", receipt_hash=None)
    )
    db.session.execute(
        update(Feedback)
        .where(Feedback.received_on < cutoff, Feedback.is_published.is_(False))
        .values(redacted_text=None)
    )
    db.session.execute(delete(FeedbackMessage).where(FeedbackMessage.feedback_id.in_(old_feedback)))
    db.session.execute(
        update(RumourReport).where(RumourReport.received_on < cutoff).values(heard_text="", receipt_hash=None)
    )
    record(None, "retention.purge", None, f"before {cutoff.isoformat()}: {counts}", object_type="retention")
    return counts
