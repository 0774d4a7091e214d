"""The CSV export: the filtered list, within the user's scope, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from portal.extensions import db
from portal.models import AuditEntry
from portal.vocab import ActivityType
from tests import factories


def _rows(response) -> list[list[str]]:
    body = response.get_data()
    assert body.startswith("\ufeff".encode())  # UTF-8 byte order mark: spreadsheets read the accents
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_export_follows_the_filters_and_names_the_file(staff_client):
    c, _officer = staff_client("officer")
    factories.activity(title="Evening patrol", type=ActivityType.PATROL, starts_at=datetime(2026, 10, 2, 19))
    factories.activity(title="Audit walk in Loranca", type=ActivityType.SAFETY_AUDIT,
                       starts_at=datetime(2026, 10, 9, 17), languages="Romani, Español")
    db.session.commit()
    response = c.get("/activities/export.csv?type=safety-audit")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="activities-')
    rows = _rows(response)
    assert rows[0][:5] == ["Number", "Municipality", "Area", "Type", "Title"]
    assert [row[4] for row in rows[1:]] == ["Audit walk in Loranca"]
    assert "Romani, Español" in rows[1] and "Local safety audit workshop" in rows[1]


def test_export_respects_the_officers_scope(staff_client):
    c, _officer = staff_client("officer", municipality_slug="fuenlabrada")
    factories.activity("fuenlabrada", title="Ours")
    factories.activity("lisboa", title="Not ours")
    db.session.commit()
    lisbon = factories.municipality("lisboa")
    for url in ("/activities/export.csv", f"/activities/export.csv?municipality={lisbon.id}"):
        titles = [row[4] for row in _rows(c.get(url))[1:]]
        assert titles == ["Ours"], url


def test_moderators_export_everything_or_one_municipality(staff_client):
    c, _moderator = staff_client("moderator")
    factories.activity("fuenlabrada", title="Ours")
    factories.activity("lisboa", title="Lisbon's")
    db.session.commit()
    assert sorted(row[4] for row in _rows(c.get("/activities/export.csv"))[1:]) == ["Lisbon's", "Ours"]
    lisbon = factories.municipality("lisboa")
    assert [row[4] for row in _rows(c.get(f"/activities/export.csv?municipality={lisbon.id}"))[1:]] == ["Lisbon's"]


def test_formulas_are_neutralised_in_the_download(staff_client):
    c, _officer = staff_client("officer")
    factories.activity(title='=HYPERLINK("http://evil.example","Click")', organising_unit="+31 555",
                       languages="@Romani", objectives="-2+3")
    db.session.commit()
    row = _rows(c.get("/activities/export.csv"))[1]
    assert row[4] == '\'=HYPERLINK("http://evil.example","Click")'
    assert "'+31 555" in row and "'@Romani" in row and "'-2+3" in row
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_the_export_is_audited(staff_client):
    c, officer = staff_client("officer")
    c.get("/activities/export.csv?type=patrol")
    entry = db.session.scalar(db.select(AuditEntry).filter_by(action="activity.export"))
    assert entry.actor_id == officer.id
    assert f"municipality: {officer.municipality_id}" in entry.summary and "type: patrol" in entry.summary


def test_large_exports_arrive_complete(staff_client):
    c, _moderator = staff_client("moderator")
    for n in range(1, 1203):
        factories.activity(title=f"Activity {n:04d}", feedback_code=f"X{n:05d}")
    db.session.commit()
    rows = _rows(c.get("/activities/export.csv?sort=title"))
    assert len(rows) == 1 + 1202
    assert [row[4] for row in rows[1:]] == [f"Activity {n:04d}" for n in range(1, 1203)]


def test_bad_filters_give_400_not_a_file(staff_client):
    c, _officer = staff_client("officer")
    response = c.get("/activities/export.csv?date_from=yesterday")
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert db.session.scalar(db.select(AuditEntry).filter_by(action="activity.export")) is None
