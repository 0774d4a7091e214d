"""Issue 11, point 4: the request-size limit fits every form filled to its limits in any script, and
no refusal page (413, 429, CSRF) loses what was typed: the form comes back with the input and the
reason, and nothing is stored."""

from __future__ import annotations

import re

import pytest

from portal.extensions import db
from portal.models import Activity, Feedback, RumourReport
from tests import factories
from tests.conftest import csrf_from, login
from tests.functional.test_feedback_views import feedback_data, post_form
from tests.functional.test_rumour_views import rumour_data
from tests.security_forms import encoded_size, form_pages, forms_on, sample_rows

FOUR_BYTES = "𐌰"  # Gothic letter ahsa: 4 bytes in UTF-8, 12 once percent-encoded
CYRILLIC = "Полицията ни спря без причина и не ни обясни нищо. "
GREEK = "Η αστυνομία μάς σταμάτησε χωρίς λόγο και δεν εξήγησε τίποτα. "


def filled_to_the_limit(form) -> list[tuple[str, str]]:
    """Every field at its longest: text to its maxlength in 4-byte characters, every checkbox ticked."""
    pairs = []
    for f in form.fields.values():
        if f.kind in ("text", "textarea", "email", "search", "url", "tel", "password"):
            pairs.append((f.name, FOUR_BYTES * (f.maxlength or 0)))
        elif f.kind in ("checkbox", "select", "radio"):
            pairs += [(f.name, option) for option in (f.options if f.kind != "radio" else f.options[:1])]
        else:
            pairs.append((f.name, f.value or "2026-01-01"))
    return pairs


def test_every_form_filled_to_its_limits_in_any_script_fits_the_request_limit(app, make_user):
    rows = sample_rows()
    clients = {}
    limit = app.config["MAX_CONTENT_LENGTH"]
    seen = 0
    for role, page in form_pages(rows):
        if role not in clients:
            clients[role] = app.test_client()
            if role:
                login(clients[role], make_user(role).email)
        response = clients[role].get(page)
        assert response.status_code == 200, (role, page, response.status_code)
        for form in forms_on(response.get_data(as_text=True), page):
            if form.method != "post":
                continue
            texts = [f for f in form.fields.values() if f.kind in ("text", "textarea")]
            assert all(f.maxlength for f in texts), (page, [f.name for f in texts if not f.maxlength])
            size = encoded_size(filled_to_the_limit(form))
            assert size <= limit, (page, form.action, size)
            seen += 1
    assert seen >= 20


@pytest.mark.parametrize("words", [CYRILLIC, GREEK, FOUR_BYTES], ids=["cyrillic", "greek", "4-byte"])
def test_long_valid_texts_in_other_scripts_are_accepted(client, words):
    text = (words * 2000)[:2000]
    response = post_form(client, "/feedback/new", feedback_data(text=text))
    assert response.status_code == 200
    db.session.expire_all()
    assert db.session.scalar(db.select(Feedback.text)) == text


def test_too_large_a_body_brings_the_form_back_with_the_input_and_the_reason(client):
    data = feedback_data(text="Они кричали на нас. " * 40)
    data["zz_padding"] = "x" * (client.application.config["MAX_CONTENT_LENGTH"] + 10)  # after every real field
    response = post_form(client, "/feedback/new", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "What you sent is too long" in html and "Они кричали на нас." in html  # the input is back
    assert re.search(r'<input[^>]* checked [^>]*name="category"[^>]*value="respect"', html)  # choices kept too
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Feedback.id))) == 0


def test_a_rate_limit_brings_the_form_back_with_the_input_and_the_reason(app_factory):
    app = app_factory(PUBLIC_FORM_RATE_LIMIT="1 per hour")
    with app.app_context():
        client = app.test_client()
        assert post_form(client, "/rumours/new", rumour_data(), form_name="rumour").status_code == 200
        typed = "They say the new families steal from the shop on Rua Direita."
        response = post_form(client, "/rumours/new", rumour_data(heard_text=typed), form_name="rumour")
        html = response.get_data(as_text=True)
        assert response.status_code == 429
        assert "Too many tries" in html and typed in html and 'name="heard_text"' in html
        assert "Retry" not in html
        db.session.expire_all()
        assert db.session.scalar(db.select(db.func.count(RumourReport.id))) == 1  # only the first one


def test_a_rate_limit_on_the_activity_form_keeps_the_input_and_stores_nothing(app_factory):
    app = app_factory(PUBLIC_FORM_RATE_LIMIT="1 per hour")
    with app.app_context():
        factories.activity(feedback_code="KEEP42", is_public=True)
        db.session.commit()
        client = app.test_client()
        data = feedback_data()
        data.pop("municipality")
        assert post_form(client, "/a/KEEP42", data).status_code == 200
        data["text"] = "Η αστυνομία μάς σταμάτησε χωρίς λόγο."
        response = post_form(client, "/a/KEEP42", data)
        assert response.status_code == 429 and data["text"] in response.get_data(as_text=True)
        db.session.expire_all()
        assert db.session.scalar(db.select(db.func.count(Feedback.id))) == 1


def test_a_guessing_limit_never_runs_the_form_again(app_factory):
    """Receipt-code guesses: a refused guess is never looked up (that would answer it)."""
    app = app_factory(RECEIPT_GUESS_RATE_LIMIT="1 per hour")
    with app.app_context():
        client = app.test_client()
        for expected in (400, 429, 429):
            page = client.get("/feedback/status")
            response = client.post("/feedback/status", data={"csrf_token": csrf_from(page.get_data(as_text=True)),
                                                             "code": "1234 5678 9012 3456 7890"})
            assert response.status_code == expected
        assert "We found nothing for this code" not in response.get_data(as_text=True)


def test_a_stale_csrf_token_brings_staff_forms_back_with_the_input(staff_client):
    client, _officer = staff_client("officer")
    page = client.get("/activities/new")
    assert page.status_code == 200
    response = client.post("/activities/new", data={"csrf_token": "stale", "title": "Dialogue café with the youth club"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Dialogue café with the youth club" in html and "send it again" in html
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Activity.id))) == 0


def test_a_nul_character_is_refused_with_the_input_kept_and_nothing_stored(client, staff_client):
    """Found by the fuzzer: PostgreSQL cannot store a NUL, so it was a 500; now every form refuses it."""
    response = post_form(client, "/feedback/new", feedback_data(text="They stopped us\x00 at night."))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "cannot be stored" in html and "They stopped us at night." in html
    moderator_client, _moderator = staff_client("moderator")
    report = factories.rumour_report()
    db.session.commit()
    page = moderator_client.get(f"/moderation/rumours/{report.id}")
    response = moderator_client.post(f"/moderation/rumours/{report.id}/note",
                                     data={"csrf_token": csrf_from(page.get_data(as_text=True)), "moderator_note": "a\x00b"})
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Feedback.id))) == 0
    assert db.session.get(RumourReport, report.id).moderator_note == ""
