"""A form sent twice is stored once and answered the same way (issue 12, point 5), on SQLite and
PostgreSQL: the residents' feedback (/feedback/new and /a/<code>), rumour reports, a follow-up under
a receipt code and the mediators' form. Each form is filled once, as a browser would, and the very
same body is sent again, as a reload or a retry after a dropped connection does."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta

import pytest

from portal.extensions import db
from portal.models import Feedback, FeedbackMessage, RumourReport, UsedSubmission
from portal.public.antispam import issue_started
from portal.services import dates
from portal.services.feedback import submissions
from portal.services.feedback.receipts import find_receipt, normalise_code
from portal.vocab import FeedbackStatus
from tests import factories
from tests.conftest import csrf_from, once_from
from tests.functional.test_feedback_views import count, feedback_data, receipt_from
from tests.functional.test_receipt_status_views import with_code
from tests.functional.test_rumour_views import rumour_data

STAMP_RE = re.compile(r'name="started" type="hidden" value="([^"]+)"')


def filled(client, url: str, data: dict, *, form_name: str = "feedback") -> dict:
    """The body a browser sends for this page's form: its CSRF token, and its stamp as if the page
    had been open for a minute (a person's pace); the stamp is the page's one-time token."""
    html = client.get(url).get_data(as_text=True)
    assert STAMP_RE.search(html), "the form carries its stamp"
    return {**data, "csrf_token": csrf_from(html), "started": issue_started(form_name, now=time.time() - 60)}


def rows(model) -> int:
    return count(model)


def test_the_same_feedback_sent_twice_is_stored_once_with_the_same_receipt_code(client):
    body = filled(client, "/feedback/new", feedback_data(wants_answer="y"))
    first = client.post("/feedback/new", data=body)
    again = client.post("/feedback/new", data=body)
    assert first.status_code == again.status_code == 200
    code = receipt_from(first.get_data(as_text=True))
    assert receipt_from(again.get_data(as_text=True)) == code
    assert rows(Feedback) == 1
    row = db.session.scalar(db.select(Feedback))
    assert find_receipt(normalise_code(code)).id == row.id  # the code shown twice is the stored one
    # The pages differ only in their CSRF tokens (none is on a confirmation page): the same answer.
    assert first.get_data(as_text=True) == again.get_data(as_text=True)


def test_without_a_receipt_code_the_copy_gets_the_same_page_and_no_code(client):
    body = filled(client, "/feedback/new", feedback_data())
    first, again = client.post("/feedback/new", data=body), client.post("/feedback/new", data=body)
    assert first.status_code == again.status_code == 200
    assert 'id="receipt-code"' not in again.get_data(as_text=True)
    assert first.get_data(as_text=True) == again.get_data(as_text=True)
    assert rows(Feedback) == 1


def test_a_used_token_cannot_post_a_second_different_submission(client):
    body = filled(client, "/feedback/new", feedback_data(text="The first words.", wants_answer="y"))
    code = receipt_from(client.post("/feedback/new", data=body).get_data(as_text=True))
    other = {**body, "text": "Something else entirely.", "category": "force", "treatment": "5"}
    response = client.post("/feedback/new", data=other)
    assert response.status_code == 200 and receipt_from(response.get_data(as_text=True)) == code
    without_answer = {k: v for k, v in other.items() if k != "wants_answer"}
    assert receipt_from(client.post("/feedback/new", data=without_answer).get_data(as_text=True)) == code
    assert rows(Feedback) == 1
    assert db.session.scalar(db.select(Feedback.text)) == "The first words."


def test_two_forms_are_two_submissions_with_different_codes(client):
    codes = set()
    for _ in range(2):
        body = filled(client, "/feedback/new", feedback_data(wants_answer="y"))
        codes.add(receipt_from(client.post("/feedback/new", data=body).get_data(as_text=True)))
    assert len(codes) == 2 and rows(Feedback) == 2


def test_a_copy_that_loses_the_race_gets_the_first_answer(client, monkeypatch):
    """Two copies sent at the same moment both find the token unused; the database's key lets one
    in, and the other is answered as a copy (same code), storing nothing."""
    body = filled(client, "/feedback/new", feedback_data(wants_answer="y"))
    code = receipt_from(client.post("/feedback/new", data=body).get_data(as_text=True))
    real_previous = submissions.previous
    calls = []

    def not_yet(token):  # the copy checked before the first one was committed
        calls.append(token)
        return None if len(calls) == 1 else real_previous(token)

    monkeypatch.setattr(submissions, "previous", not_yet)
    response = client.post("/feedback/new", data=body)
    assert response.status_code == 200 and receipt_from(response.get_data(as_text=True)) == code
    assert len(calls) == 2  # the race was lost, then answered from the stored token
    assert rows(Feedback) == 1


def test_a_stamp_of_another_form_or_a_forged_one_stores_nothing(client):
    body = filled(client, "/feedback/new", feedback_data())
    body["started"] = issue_started("rumour", now=time.time() - 60)
    assert client.post("/feedback/new", data=body).status_code == 400
    body["started"] = body["started"][:-3] + "AAA"
    assert client.post("/feedback/new", data=body).status_code == 400
    assert rows(Feedback) == 0


def test_feedback_on_an_activity_is_stored_once(client):
    activity = factories.activity(feedback_code="ONCE42")
    db.session.commit()
    body = filled(client, "/a/ONCE42", feedback_data(municipality=None, wants_answer="y"))
    first, again = client.post("/a/ONCE42", data=body), client.post("/a/ONCE42", data=body)
    assert receipt_from(first.get_data(as_text=True)) == receipt_from(again.get_data(as_text=True))
    assert rows(Feedback) == 1 and db.session.scalar(db.select(Feedback.activity_id)) == activity.id


def test_a_rumour_report_sent_twice_is_stored_once(client):
    body = filled(client, "/rumours/new", rumour_data(wants_answer="y"), form_name="rumour")
    first, again = client.post("/rumours/new", data=body), client.post("/rumours/new", data=body)
    assert first.status_code == again.status_code == 200
    assert receipt_from(first.get_data(as_text=True)) == receipt_from(again.get_data(as_text=True))
    assert rows(RumourReport) == 1
    # A feedback stamp does not open the rumour form (the kind is signed into the token).
    body["started"] = issue_started("feedback", now=time.time() - 60)
    assert client.post("/rumours/new", data=body).status_code == 400 and rows(RumourReport) == 1


def test_a_follow_up_sent_twice_is_stored_once(client):
    row = factories.feedback(status=FeedbackStatus.ANSWERED)
    digits = with_code(row)
    page = client.post("/feedback/status", data={"csrf_token": csrf_from(client.get("/feedback/status").get_data(as_text=True)),
                                                 "code": digits}).get_data(as_text=True)
    body = {"csrf_token": csrf_from(page), "code": digits, "body": "Any news?", "submission_token": once_from(page)}
    first, again = client.post("/feedback/status/reply", data=body), client.post("/feedback/status/reply", data=body)
    assert first.status_code == again.status_code == 200
    assert "Your message was sent." in again.get_data(as_text=True)
    # Different words under the same token are not a second message either.
    assert client.post("/feedback/status/reply", data={**body, "body": "Hello again"}).status_code == 200
    db.session.expire_all()
    assert [m.body for m in db.session.scalars(db.select(FeedbackMessage).filter_by(from_resident=True))] == ["Any news?"]
    # Without a token, nothing is stored and the words are kept.
    response = client.post("/feedback/status/reply", data={**body, "submission_token": "", "body": "Third"})
    assert response.status_code == 400 and "This form was open for too long" in response.get_data(as_text=True)
    assert "Third</textarea>" in response.get_data(as_text=True)


def test_the_mediators_form_sent_twice_is_stored_once_with_the_same_code(staff_client):
    client, _user = staff_client("mediator", municipality_slug="lisboa", organisation="Roma mediators")
    page = client.get("/mediator/feedback/new").get_data(as_text=True)
    body = {**feedback_data(channel="in-person", consent="y", website=None, wants_answer="y"),
            "csrf_token": csrf_from(page), "submission_token": once_from(page)}
    body = {k: v for k, v in body.items() if v is not None}
    first, again = client.post("/mediator/feedback/new", data=body), client.post("/mediator/feedback/new", data=body)
    assert first.status_code == again.status_code == 200
    assert receipt_from(first.get_data(as_text=True)) == receipt_from(again.get_data(as_text=True))
    assert rows(Feedback) == 1
    # Without an answer asked for, the copy gets the same way back to the list.
    page = client.get("/mediator/feedback/new").get_data(as_text=True)
    body = {**body, "csrf_token": csrf_from(page), "submission_token": once_from(page)}
    body.pop("wants_answer")
    first, again = client.post("/mediator/feedback/new", data=body), client.post("/mediator/feedback/new", data=body)
    assert first.status_code == again.status_code == 302 and first.headers["Location"] == again.headers["Location"]
    assert rows(Feedback) == 2
    response = client.post("/mediator/feedback/new", data={**body, "submission_token": "forged"})
    assert response.status_code == 400 and "This form was open for too long" in response.get_data(as_text=True)
    assert rows(Feedback) == 2


def test_what_is_kept_of_a_token_is_a_keyed_hash_for_a_day(client, app):
    body = filled(client, "/feedback/new", feedback_data(wants_answer="y"))
    code = receipt_from(client.post("/feedback/new", data=body).get_data(as_text=True)).replace(" ", "")
    kept = db.session.scalars(db.select(UsedSubmission)).all()
    assert len(kept) == 1
    stored = repr([(k.digest, k.receipt, k.day) for k in kept]) + repr(db.session.scalar(db.select(Feedback)).__dict__)
    nonce = body["started"].split(".")[1]
    for secret in (nonce, body["started"], code):
        assert secret not in stored
    assert kept[0].day == dates.today() and kept[0].receipt == 0 and re.fullmatch(r"[0-9a-f]{64}", kept[0].digest)
    # Under another secret key the same token has another hash: it cannot be tested without the key.
    app.config["SECRET_KEY"], real = "another-secret", app.config["SECRET_KEY"]
    try:
        assert submissions.Token("feedback", nonce).digest != kept[0].digest
    finally:
        app.config["SECRET_KEY"] = real
    # Rows older than yesterday go at the next submission (a token lives hours, never days).
    kept[0].day = date.today() - timedelta(days=2)
    db.session.commit()
    client.post("/feedback/new", data=filled(client, "/feedback/new", feedback_data()))
    assert [k.day for k in db.session.scalars(db.select(UsedSubmission))] == [dates.today()]


@pytest.mark.parametrize("url", ["/feedback/new", "/rumours/new"])
def test_every_showing_of_a_form_carries_a_new_token(client, url):
    stamps = {STAMP_RE.search(client.get(url).get_data(as_text=True)).group(1) for _ in range(3)}
    assert len(stamps) == 3
