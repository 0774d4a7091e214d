"""The public version of a feedback item, and publishing it.

Publishing is optional and only ever shows the public version: `redacted_text` (the resident's words
with personal details removed) and `public_answer` (the moderators' answer as anyone may read it).
The resident's own words (`text`) never leave the moderators' area.

Until a moderator saves a public version, the draft is the resident's text and the latest answer.
The redaction check (`redaction.propose`) marks spans that look like personal data, each with its
reason; the moderator removes each one (it becomes "[…]"), confirms it is not personal data, or
edits the text freely. Publishing scans both public texts again: any proposal that remains blocks
it until the moderator confirms, for those spans, that they are not personal data. A confirmation
is kept as a keyed hash of the span (`RedactionKept`), never as the words.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from flask import current_app
from flask_babel import lazy_gettext as _l

from portal.extensions import db
from portal.models import Feedback, RedactionKept
from portal.services import DomainError, dates
from portal.services.audit import record
from portal.vocab import FeedbackStatus

# The redaction check is imported where it runs: its rules (phone numbering plans, national id
# formats, word lists) take 3 MiB that a worker serving residents never needs (README, Memory).
if TYPE_CHECKING:
    from portal.services.moderation import redaction

PUBLIC_MAX = 4000
FIELDS = ("text", "answer")


class PublishError(DomainError):
    """Publishing refused: the item's state, or personal data that may remain."""


@dataclass(frozen=True)
class Marked:
    """A proposal on one of the two public texts."""

    field: str  # "text" or "answer"
    proposal: redaction.Proposal
    kept: bool  # a moderator confirmed it is not personal data


def draft_text(feedback: Feedback) -> str:
    return feedback.redacted_text if feedback.redacted_text is not None else (feedback.text or "")


def draft_answer(feedback: Feedback) -> str:
    if feedback.public_answer is not None:
        return feedback.public_answer
    answers = [m.body for m in feedback.messages if not m.from_resident]
    return answers[-1] if answers else ""


def _draft(feedback: Feedback, field: str) -> str:
    return draft_text(feedback) if field == "text" else draft_answer(feedback)


def fingerprint(proposal: redaction.Proposal) -> str:
    """A keyed hash of a span: lets a confirmation be recognised without keeping the words."""
    secret = current_app.config["SECRET_KEY"]
    key = hmac.new(secret.encode() if isinstance(secret, str) else secret, b"portal/redaction-kept/v1",
                   hashlib.sha256).digest()
    message = f"{proposal.kind}\0{' '.join(proposal.span.casefold().split())}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def marks(feedback: Feedback) -> list[Marked]:
    """Every proposal on the current drafts, with whether it was confirmed as not personal data."""
    from portal.services.moderation import redaction
    kept = {row.fingerprint for row in feedback.kept_spans}
    out = []
    for field in FIELDS:
        for proposal in redaction.propose(_draft(feedback, field), feedback.language):
            out.append(Marked(field, proposal, fingerprint(proposal) in kept))
    return out


def segments(feedback: Feedback, field: str, found: list[Marked]) -> list[tuple[str, Marked | None]]:
    """The draft of `field` cut into plain pieces and marked pieces, for showing marks in place."""
    text = _draft(feedback, field)
    out, at = [], 0
    for mark in sorted((m for m in found if m.field == field), key=lambda m: m.proposal.start):
        if mark.proposal.start < at:
            continue
        out.append((text[at:mark.proposal.start], None))
        out.append((text[mark.proposal.start:mark.proposal.end], mark))
        at = mark.proposal.end
    out.append((text[at:], None))
    return [(piece, mark) for piece, mark in out if piece]


def remaining(feedback: Feedback) -> list[Marked]:
    return [mark for mark in marks(feedback) if not mark.kept]


def _find(feedback: Feedback, field: str, start: int, end: int, span: str) -> redaction.Proposal:
    from portal.services.moderation import redaction
    if field in FIELDS:
        for proposal in redaction.propose(_draft(feedback, field), feedback.language):
            if (proposal.start, proposal.end, proposal.span) == (start, end, span):
                return proposal
    raise PublishError(_l("The text has changed since this page was shown. Look at the marked words again."))


def _store(feedback: Feedback, field: str, value: str) -> None:
    if field == "text":
        feedback.redacted_text = value
    else:
        feedback.public_answer = value


def remove_span(actor, feedback: Feedback, field: str, start: int, end: int, span: str) -> None:
    """Accept a proposal: its span becomes "[…]" in the public version."""
    from portal.services.moderation import redaction
    proposal = _find(feedback, field, start, end, span)
    _store(feedback, field, redaction.apply(_draft(feedback, field), [(proposal, None)]))
    db.session.flush()
    record(actor, "feedback.redaction", feedback, f"accepted: {proposal.kind} removed from the public {field}")


def remove_all(actor, feedback: Feedback) -> int:
    """Accept every proposal that nobody confirmed as not personal data."""
    from portal.services.moderation import redaction
    count = 0
    for field in FIELDS:
        text = _draft(feedback, field)
        kept = {row.fingerprint for row in feedback.kept_spans}
        proposals = [p for p in redaction.propose(text, feedback.language) if fingerprint(p) not in kept]
        if proposals:
            _store(feedback, field, redaction.apply(text, [(p, None) for p in proposals]))
            count += len(proposals)
            kinds = ", ".join(sorted({p.kind for p in proposals}))
            record(actor, "feedback.redaction", feedback, f"accepted: {len(proposals)} removed from the public {field} ({kinds})")
    db.session.flush()
    return count


def keep_span(actor, feedback: Feedback, field: str, start: int, end: int, span: str) -> None:
    """Reject a proposal: a moderator confirms the span is not personal data."""
    proposal = _find(feedback, field, start, end, span)
    _keep(feedback, proposal)
    db.session.flush()
    record(actor, "feedback.redaction", feedback, f"rejected: {proposal.kind} in the public {field} is not personal data")


def _keep(feedback: Feedback, proposal: redaction.Proposal) -> None:
    value = fingerprint(proposal)
    if value not in {row.fingerprint for row in feedback.kept_spans}:
        feedback.kept_spans.append(RedactionKept(fingerprint=value))


def save_public_version(actor, feedback: Feedback, text: str, answer: str) -> bool:
    """The moderator's own edit of the public text and answer; False when nothing changed. A
    published item stays published only if nothing personal is proposed in the new words."""
    text, answer = (text or "").strip(), (answer or "").strip()
    for value, name in ((text, "public_text"), (answer, "public_answer")):
        if len(value) > PUBLIC_MAX:
            raise PublishError(_l("Please write at most %(max)d characters.", max=PUBLIC_MAX), name)
    if text == draft_text(feedback) and answer == draft_answer(feedback) \
            and feedback.redacted_text is not None and feedback.public_answer is not None:
        return False
    feedback.redacted_text, feedback.public_answer = text, answer
    db.session.flush()
    record(actor, "feedback.redaction", feedback, f"public version edited ({len(text)} + {len(answer)} characters)")
    if feedback.is_published and remaining(feedback):
        feedback.is_published = False
        record(actor, "feedback.unpublish", feedback, "the edited public version needs checking again")
    return True


def can_publish(feedback: Feedback) -> bool:
    return feedback.status in (FeedbackStatus.IN_REVIEW, FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED)


def publish(actor, feedback: Feedback, *, confirm_remaining: bool = False, today: date | None = None) -> None:
    """Show the public version outside the moderators' area. The public texts are scanned again;
    anything still proposed blocks publishing unless the moderator confirms it is not personal data."""
    if not can_publish(feedback):
        raise PublishError(_l("Only reviewed items can be published, never rejected ones."))
    text, answer = draft_text(feedback).strip(), draft_answer(feedback).strip()
    if not text and not answer:
        raise PublishError(_l("There is nothing to publish: the public text and the answer are empty."))
    left = remaining(feedback)
    if left and not confirm_remaining:
        raise PublishError(_l("Some words may still be personal data (marked below). Remove them, or confirm "
                              "that they are not personal data."), "confirm")
    for mark in left:
        _keep(feedback, mark.proposal)
    feedback.redacted_text, feedback.public_answer = text, answer
    feedback.is_published = True
    feedback.published_on = today or dates.today()
    db.session.flush()
    if left:
        record(actor, "feedback.redaction", feedback,
               f"rejected: {len(left)} confirmed not personal data ({', '.join(sorted({m.proposal.kind for m in left}))})")
    record(actor, "feedback.publish", feedback, "published")


def unpublish(actor, feedback: Feedback) -> bool:
    if not feedback.is_published:
        return False
    feedback.is_published = False
    db.session.flush()
    record(actor, "feedback.unpublish", feedback, "unpublished")
    return True
