"""Staff sessions and the rules around them, over HTTP and HTTPS."""

import os

import pytest
from sqlalchemy import text

from portal.extensions import db
from portal.models import User
from tests.conftest import get_csrf, login
from tests.factories import PASSWORD


def test_forms_work_over_https_without_a_referer(client, make_user):
    """Every page sends Referrer-Policy: no-referrer, so HTTPS posts arrive without a Referer."""
    user = make_user("officer")  # a password-only login: moderators have a second step as well
    token = get_csrf(client, "https://localhost/login")
    response = client.post("/login", base_url="https://localhost",
                           data={"csrf_token": token, "email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    token = get_csrf(client, "https://localhost/account")
    response = client.post("/logout", base_url="https://localhost", data={"csrf_token": token})
    assert response.status_code == 302
    assert client.get("/account", base_url="https://localhost").status_code == 302


def test_https_pages_ask_for_https_next_time(client):
    assert "max-age=" in client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"]
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_logout_ends_a_copied_session_too(app, staff_client):
    c, _user = staff_client("officer")
    thief = app.test_client()
    cookie = c.get_cookie("portal_session")
    thief.set_cookie("portal_session", cookie.value)
    assert thief.get("/account").status_code == 200
    c.post("/logout", data={"csrf_token": get_csrf(c, "/account")})
    assert thief.get("/account").status_code == 302


def test_only_failed_logins_count_towards_the_limit(app_factory, make_user):
    app = app_factory(LOGIN_RATE_LIMIT="3 per minute")
    with app.app_context():
        from tests import factories

        user = factories.user("moderator")
        db.session.commit()
        statuses = []
        for _ in range(5):
            client = app.test_client()
            statuses.append(login(client, user.email).status_code)
        assert statuses == [302] * 5
        client = app.test_client()
        failures = [login(client, user.email, "wrong password!!").status_code for _ in range(4)]
        assert failures == [400, 400, 400, 429]


def test_mediator_logins_leave_no_time(app, client, make_user):
    mediator = make_user("mediator")
    officer = make_user("officer")
    login(client, mediator.email)
    login(app.test_client(), officer.email)
    db.session.expire_all()
    assert db.session.get(User, mediator.id).last_login_at is None
    assert db.session.get(User, officer.id).last_login_at is not None


def test_a_failed_statement_never_shows_its_values(app):
    marker = "RESIDENT-WORDS-4711"
    with pytest.raises(Exception) as failure:
        db.session.execute(text("INSERT INTO municipality (id, slug, name, country, default_language, is_active) "
                                "VALUES (1, :slug, :name, 'ES', 'es', true)"), {"slug": "fuenlabrada", "name": marker})
    db.session.rollback()
    assert marker not in str(failure.value)


def test_the_language_cookie_lasts_only_for_the_browser_session(client):
    cookie = next(v for k, v in client.get("/?lang=rom").headers.items() if k == "Set-Cookie" and v.startswith("lang="))
    assert "Max-Age" not in cookie and "Expires" not in cookie


REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.skipif(not _redis_up() and os.environ.get("CI") != "true", reason="no Redis on 127.0.0.1:6379")
def test_processes_sharing_redis_share_limits_without_storing_a_usable_key(app_factory):
    import hashlib
    import hmac

    import redis

    from portal.ratelimit import daily_key

    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    first = app_factory(RATELIMIT_STORAGE_URI=REDIS_URL, LOGIN_RATE_LIMIT="2 per minute")
    second = app_factory(RATELIMIT_STORAGE_URI=REDIS_URL, LOGIN_RATE_LIMIT="2 per minute")
    try:
        with first.test_request_context():
            key_one = daily_key()
        with second.test_request_context():
            assert daily_key() == key_one  # both processes hash addresses alike
        stored = [store.get(k) for k in store.keys("portal:ratelimit-key:*")]
        assert len(stored) == 1 and stored[0] != key_one
        assert key_one == hmac.new(first.config["SECRET_KEY"].encode(), stored[0], hashlib.sha256).digest()
        with first.app_context():
            statuses = [login(first.test_client(), "a@example.org", "wrong password!!").status_code for _ in range(2)]
        with second.app_context():
            statuses.append(login(second.test_client(), "b@example.org", "wrong password!!").status_code)
        assert statuses == [400, 400, 429]  # the second process sees the first one's counts
    finally:
        store.flushdb()
