"""The audit log: admins browse it with filters; nothing in the application can change or delete an
entry, not the ORM and not a bulk statement; residents and their words are never in it."""

from datetime import timedelta

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DatabaseError

from portal.extensions import db
from portal.models import AuditEntry
from portal.models.audit import AuditEntryImmutableError
from portal.services import dates
from portal.services.audit import record
from portal.services.moderation import states
from portal.vocab import FeedbackStatus
from tests import factories


@pytest.fixture
def entry(app):
    moderator = factories.user("moderator")
    item = factories.feedback()
    states.move(moderator, item, FeedbackStatus.IN_REVIEW)
    db.session.commit()
    return db.session.scalar(db.select(AuditEntry).filter_by(action="feedback.status"))


def test_the_orm_refuses_to_change_or_delete_an_entry(entry):
    entry.summary = "rewritten"
    with pytest.raises(AuditEntryImmutableError):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEntry, entry.id))
    with pytest.raises(AuditEntryImmutableError):
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize("statement", [
    update(AuditEntry).values(summary="rewritten"),
    delete(AuditEntry),
    text("UPDATE audit_entry SET actor_id = NULL"),
    text("DELETE FROM audit_entry"),
])
def test_the_database_refuses_bulk_changes_too(entry, statement):
    with pytest.raises(DatabaseError):
        db.session.execute(statement)
        db.session.flush()
    db.session.rollback()
    kept = db.session.get(AuditEntry, entry.id)
    assert kept is not None and kept.summary == "received → in-review"


def test_new_entries_are_still_written(entry):
    record(None, "retention.purge", None, "before 2024-01-01", object_type="retention")
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)) == 2


def test_admins_browse_and_filter_the_log(app, staff_client, make_user, entry):
    client, admin = staff_client("admin")
    other = make_user("moderator")
    record(other, "feedback.note", None, "note changed (5 characters)", object_type="feedback")
    db.session.commit()
    html = client.get("/admin/audit").get_data(as_text=True)
    assert "moved it" in html and "changed the note" in html and "received → in-review" in html
    by_actor = client.get("/admin/audit", query_string={"actor": other.id}).get_data(as_text=True)
    assert "changed the note" in by_actor and "moved it" not in by_actor
    by_kind = client.get("/admin/audit", query_string={"kind": "feedback.status"}).get_data(as_text=True)
    assert "moved it" in by_kind and "changed the note" not in by_kind
    by_area = client.get("/admin/audit", query_string={"kind": "feedback"}).get_data(as_text=True)
    assert "moved it" in by_area and "changed the note" in by_area
    by_object = client.get("/admin/audit", query_string={"object_type": "feedback", "object_id": entry.object_id})
    assert "moved it" in by_object.get_data(as_text=True)
    tomorrow = (dates.today() + timedelta(days=1)).isoformat()
    assert "No entries." in client.get("/admin/audit", query_string={"date_from": tomorrow}).get_data(as_text=True)
    assert client.get("/admin/audit", query_string={"date_from": tomorrow, "date_to": "2020-01-01"}).status_code == 400
    assert client.get("/admin/audit", query_string={"object_id": "x", "actor": " "}).status_code == 400
    assert admin.id  # the admin's own login may be in the log too; the filters above do not depend on it


def test_only_admins_read_the_log(staff_client):
    for role in ("mediator", "officer", "moderator"):
        client, _user = staff_client(role)
        assert client.get("/admin/audit").status_code == 403
