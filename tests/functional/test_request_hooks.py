"""What every request passes through, made cheaper for residents' pages (README, Performance),
still doing what it did: limits counted where they apply, sessions signed with today's key."""

import pytest
from itsdangerous import BadSignature

from tests.functional.test_feedback_views import post_form
from tests.functional.test_rumour_views import rumour_data


def test_reading_a_form_never_uses_up_its_limit_and_every_limit_still_holds(app_factory):
    app = app_factory(PUBLIC_FORM_RATE_LIMIT="1 per hour", RECEIPT_GUESS_RATE_LIMIT="1 per hour",
                      API_RATE_LIMIT="3 per minute")
    with app.app_context():
        client = app.test_client()
        for url in ("/feedback/new", "/rumours/new", "/feedback/status", "/help", "/"):
            assert [client.get(url).status_code for _ in range(4)] == [200] * 4, url
        assert post_form(client, "/rumours/new", rumour_data(), form_name="rumour").status_code == 200
        assert post_form(client, "/rumours/new", rumour_data(), form_name="rumour").status_code == 429
        assert [client.get("/api/v1/stats").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_a_new_secret_key_takes_effect_for_sessions(app):
    with app.test_request_context():
        interface = app.session_interface
        old = interface.get_signing_serializer(app)
        assert interface.get_signing_serializer(app) is old  # built once per key
        cookie = old.dumps({"csrf_token": "x"})
        app.secret_key = "another-secret-key-" + "z" * 30
        new = interface.get_signing_serializer(app)
        assert new is not old
        with pytest.raises(BadSignature):
            new.loads(cookie)
