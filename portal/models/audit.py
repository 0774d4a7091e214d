"""The audit log of staff actions.

Nothing in the application can change or delete an audit entry: the ORM refuses before it tries,
and the database itself refuses any UPDATE or DELETE on the table (triggers made with the table, on
SQLite and PostgreSQL alike), so a bulk statement or a bug cannot rewrite history either.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, DateTime, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base


class AuditEntry(Base):
    """Who did what to which record, for staff actions only. Residents' actions are never audited,
    and no resident's words are ever copied into `summary`."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)  # NULL: command line
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")

    actor = relationship("User")

    __table_args__ = (Index("ix_audit_entry_object", "object_type", "object_id"),)


class AuditEntryImmutableError(Exception):
    """Raised when code tries to change or delete an audit entry."""


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _refuse_change(_mapper, _connection, entry: AuditEntry) -> None:
    raise AuditEntryImmutableError(f"audit entry {entry.id} cannot be changed or deleted")


# The same rule in the database. Also run by the migration that introduced it.
SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END",
)
POSTGRESQL_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION audit_entry_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit entries cannot be changed or deleted'; END $$",
    "CREATE TRIGGER audit_entry_immutable BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION audit_entry_immutable()",
)
for _statement in SQLITE_TRIGGERS:
    event.listen(AuditEntry.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRESQL_TRIGGERS:
    event.listen(AuditEntry.__table__, "after_create", DDL(_statement).execute_if(dialect="postgresql"))
