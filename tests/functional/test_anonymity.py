"""Anonymity, proven from the outside: a resident's address, browser, referrer and cookies are sent
with every request, and afterwards none of them is found in the raw database (SQLite file and its
write-ahead log, or a pg_dump of PostgreSQL), in the logs, or on stdout/stderr."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import DateTime
from sqlalchemy.engine import make_url

from portal.extensions import db
from portal.models import Feedback, FeedbackMessage, RumourReport
from portal.services import dates
from tests import factories
from tests.conftest import csrf_from, once_from
from tests.functional.test_feedback_views import feedback_data, post_form, receipt_from
from tests.functional.test_rumour_views import rumour_data

ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.99"
USER_AGENT = "MarkerBrowser/9.1 UA-MARKER-5f3a"
REFERRER = "https://referrer-marker.example/REF-MARKER-9c1d"
COOKIE = "COOKIE-MARKER-2b7e"
MARKERS = [ADDRESS, FORWARDED, "UA-MARKER-5f3a", "REF-MARKER-9c1d", "referrer-marker.example", COOKIE]
# What the resident wrote must be stored: finding these proves the search reads real data.
CONTROLS = ["TEXT-CONTROL-4d2e", "FOLLOWUP-CONTROL-8a1f", "RUMOUR-CONTROL-3c9b"]

HEADERS = {"User-Agent": USER_AGENT, "Referer": REFERRER, "X-Forwarded-For": FORWARDED, "X-Real-IP": FORWARDED,
           "Forwarded": f"for={FORWARDED}"}
ENVIRON = {"REMOTE_ADDR": ADDRESS}


def database_bytes(app) -> bytes:
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite":
        path = Path(url.database)
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert path.exists()
        return b"".join(f.read_bytes() for f in files if f.exists())
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    dump = subprocess.run(["pg_dump", "--no-owner", "--no-privileges", dsn], capture_output=True, check=True, timeout=120)
    return dump.stdout


def test_nothing_identifying_reaches_the_database_or_the_logs(app, client, caplog, capfd):
    caplog.set_level(logging.DEBUG)  # every logger, at its most talkative
    activity = factories.activity("fuenlabrada", feedback_code="ANON42")
    db.session.commit()
    client.set_cookie("tracker", COOKIE)
    client.set_cookie("_ga", COOKIE)
    send = {"headers": HEADERS, "environ_overrides": ENVIRON}

    # Feedback asking for an answer, then a follow-up through the receipt code.
    response = post_form(client, "/feedback/new", feedback_data(text="They were rude. TEXT-CONTROL-4d2e", wants_answer="y"), **send)
    assert response.status_code == 200
    code = receipt_from(response.get_data(as_text=True))
    token = csrf_from(client.get("/feedback/status", **send).get_data(as_text=True))
    page = client.post("/feedback/status", data={"csrf_token": token, "code": code}, **send)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    reply = client.post("/feedback/status/reply", data={"csrf_token": csrf_from(html), "code": code, "submission_token": once_from(html),
                                                        "body": "One more thing. FOLLOWUP-CONTROL-8a1f"}, **send)
    assert reply.status_code == 200
    # A rumour report, feedback on an activity, a refused form and a wrong code.
    assert post_form(client, "/rumours/new", rumour_data(heard_text="They say... RUMOUR-CONTROL-3c9b", wants_answer="y"),
                     form_name="rumour", **send).status_code == 200
    assert post_form(client, "/a/ANON42", feedback_data(municipality=None), **send).status_code == 200
    assert post_form(client, "/feedback/new", feedback_data(category=None), **send).status_code == 400
    assert client.post("/feedback/status", data={"csrf_token": csrf_from(html), "code": "1" * 20}, **send).status_code == 400
    assert client.get("/help", **send).status_code == 200

    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count()).select_from(Feedback)) == 2
    assert db.session.scalar(db.select(db.func.count()).select_from(FeedbackMessage)) == 1
    assert db.session.scalar(db.select(db.func.count()).select_from(RumourReport)) == 1
    assert db.session.scalar(db.select(Feedback.activity_id).where(Feedback.activity_id.is_not(None))) == activity.id

    raw = database_bytes(app)
    for control in CONTROLS:
        assert control.encode() in raw, f"the search does not see stored data ({control})"
    for marker in MARKERS + [code.replace(" ", ""), code]:
        assert marker.encode() not in raw, f"{marker!r} was written to the database"

    captured = capfd.readouterr()
    logs = caplog.text + "\n".join(repr(record.args) for record in caplog.records)
    for marker in MARKERS + [code.replace(" ", "")]:
        assert marker not in logs, f"{marker!r} reached a log"
        assert marker not in captured.out and marker not in captured.err, f"{marker!r} was printed"


def test_the_only_dates_on_resident_rows_are_days(app, client):
    response = post_form(client, "/feedback/new", feedback_data(wants_answer="y"))
    assert response.status_code == 200
    row = db.session.scalar(db.select(Feedback))
    assert row.received_on == dates.today() and row.occurred_month.day == 1
    for model in (Feedback, FeedbackMessage, RumourReport):
        for column in model.__table__.columns:
            assert not isinstance(column.type, DateTime), f"{model.__name__}.{column.name} could hold a time of day"
            words = set(column.name.split("_"))
            assert not words & {"ip", "agent", "referrer", "referer", "cookie", "address", "time", "at"}, column.name


def test_the_session_cookie_holds_only_the_csrf_token(app, client):
    response = post_form(client, "/feedback/new", feedback_data(wants_answer="y"))
    code = receipt_from(response.get_data(as_text=True))
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    session = app.session_interface.get_signing_serializer(app).loads(cookie.value)
    assert set(session) == {"csrf_token"}
    assert code.replace(" ", "") not in cookie.value
    assert "Set-Cookie" not in response.headers or "receipt" not in response.headers["Set-Cookie"]


@pytest.mark.parametrize("path", ["/feedback/new", "/rumours/new", "/feedback/status", "/help"])
def test_resident_pages_are_not_cached_and_send_no_referrer(client, path):
    response = client.get(path)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert '<meta name="referrer" content="no-referrer">' in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/feedback/new", "/rumours/new", "/feedback/status"])
def test_a_shared_phone_does_not_remember_what_was_typed(client, path):
    html = client.get(path).get_data(as_text=True)
    assert 'class="form' in html and 'novalidate autocomplete="off"' in html
