"""Writing the audit log. Called by services, inside the same transaction as the change itself."""

from __future__ import annotations

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
