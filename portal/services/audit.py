"""The audit log: written by services, inside the same transaction as the change itself; read by
admins at /admin/audit. Entries are never changed or deleted (see `portal/models/audit.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_
from sqlalchemy.orm import joinedload

from portal.extensions import db
from portal.models import AuditEntry
from portal.models.base import utcnow


def record(actor, action: str, obj=None, summary: str = "", object_type: str | None = None) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        actor_id=getattr(actor, "id", None),
        action=action,
        object_type=object_type or (type(obj).__name__.lower() if obj is not None else ""),
        object_id=getattr(obj, "id", None),
        summary=summary,
    )
    db.session.add(entry)
    return entry


def history(object_type: str, object_id: int) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            db.select(AuditEntry)
            .filter_by(object_type=object_type, object_id=object_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        )
    )


# --- browsing (admins) ---------------------------------------------------------------------------

@dataclass
class AuditFilters:
    actor_id: int | None = None
    kind: str = ""  # an action ("feedback.status") or its area ("feedback")
    object_type: str = ""
    object_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None


def browse(filters: AuditFilters, page: int = 1, per_page: int = 50):
    """Audit entries, newest first, as a Flask-SQLAlchemy page."""
    query = db.select(AuditEntry).options(joinedload(AuditEntry.actor))
    if filters.actor_id:
        query = query.where(AuditEntry.actor_id == filters.actor_id)
    if filters.kind:
        query = query.where(or_(AuditEntry.action == filters.kind, AuditEntry.action.startswith(filters.kind + ".")))
    if filters.object_type:
        query = query.where(AuditEntry.object_type == filters.object_type)
    if filters.object_id:
        query = query.where(AuditEntry.object_id == filters.object_id)
    if filters.date_from:
        query = query.where(AuditEntry.at >= datetime.combine(filters.date_from, time.min, UTC))
    if filters.date_to and filters.date_to < date.max:
        query = query.where(AuditEntry.at < datetime.combine(filters.date_to + timedelta(days=1), time.min, UTC))
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    return db.paginate(query, page=min(max(page, 1), 100_000), per_page=per_page, error_out=False)


def kinds() -> list[str]:
    """Every action written so far, for the filter's list."""
    return list(db.session.scalars(db.select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


def object_types() -> list[str]:
    return list(db.session.scalars(db.select(AuditEntry.object_type).distinct().order_by(AuditEntry.object_type)))


# What each kind of entry means, in the reader's language (the summary itself stays technical).
ACTION_LABELS = {
    "activity.create": _l("logged the activity"), "activity.update": _l("changed the activity"),
    "activity.export": _l("exported activities"),
    "follow_up.create": _l("added a follow-up"), "follow_up.update": _l("changed a follow-up"),
    "feedback.status": _l("moved it"), "feedback.answer": _l("answered the resident"),
    "feedback.read": _l("read the resident's message"), "feedback.assign": _l("assigned it"),
    "feedback.note": _l("changed the note"), "feedback.category": _l("changed the category"),
    "feedback.tag": _l("changed the tags"), "feedback.link": _l("changed the links"),
    "feedback.redaction": _l("worked on the public version"), "feedback.publish": _l("published it"),
    "feedback.unpublish": _l("unpublished it"),
    "rumour_report.status": _l("moved it"), "rumour_report.assign": _l("assigned it"),
    "rumour_report.note": _l("changed the note"), "rumour_report.group": _l("grouped it under a rumour"),
    "rumour.create": _l("started tracking the rumour"), "rumour.update": _l("changed the rumour"),
    "rumour.publish": _l("published the counter-evidence"), "rumour.unpublish": _l("unpublished the counter-evidence"),
    "moderation.bulk": _l("acted on several items at once"),
    "partner.create": _l("added a partner organisation"), "partner.update": _l("changed a partner organisation"),
    "partner.activate": _l("showed a partner organisation"), "partner.deactivate": _l("hid a partner organisation"),
    "user.create": _l("created an account"), "user.password": _l("changed a password"),
    "user.deactivate": _l("deactivated an account"), "retention.purge": _l("erased old residents' words"),
    "practice.create": _l("added a good practice"), "practice.update": _l("changed a good practice"),
    "practice.text": _l("changed a good practice's text"),
}
