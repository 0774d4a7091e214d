"""Issue 11, points 1, 3 and 12: no stranger can lock a staff account out; a login link's `next`
is checked before anything is written; staff sessions are fresh at login, end after 30 idle minutes
and 8 hours, and every login success and failure is in the audit log (never a mediator's)."""

from __future__ import annotations

import time

from portal.extensions import db
from portal.models import AuditEntry
from tests import factories
from tests.conftest import get_csrf, login


def try_password(client, email, password, **kwargs):
    token = get_csrf(client, "/login")
    return client.post("/login", data={"csrf_token": token, "email": email, "password": password}, **kwargs)


# --- point 1: throttling without lock-out ----------------------------------------------------------


def test_fifty_wrong_tries_by_an_attacker_do_not_stop_the_owner_on_a_known_device(app_factory):
    app = app_factory()  # the configured limit: 10 failed tries per 15 minutes
    with app.app_context():
        owner = factories.user("officer")
        db.session.commit()
        owners_browser = app.test_client()
        assert login(owners_browser, owner.email).status_code == 302  # this browser is now known
        owners_browser.post("/logout", data={"csrf_token": get_csrf(owners_browser, "/account")})

        attacker = app.test_client()
        statuses = [try_password(attacker, owner.email, f"guess number {n} wrong").status_code for n in range(50)]
        assert statuses[:10] == [400] * 10 and set(statuses[10:]) == {429}  # the attacker is stopped
        # another unknown browser, from the same address or not, is stopped too...
        assert try_password(app.test_client(), owner.email, factories.PASSWORD).status_code == 429
        # ...but the owner, on the browser they used before, from the same address, gets in at once
        response = try_password(owners_browser, owner.email, factories.PASSWORD)
        assert response.status_code == 302 and owners_browser.get("/account").status_code == 200


def test_a_known_browser_has_its_own_allowance_and_a_device_cookie_for_another_account_is_no_key(app_factory):
    app = app_factory(LOGIN_RATE_LIMIT="3 per 15 minutes")
    with app.app_context():
        owner, other = factories.user("officer"), factories.user("officer")
        db.session.commit()
        browser = app.test_client()
        login(browser, other.email)  # a device cookie, but for `other`
        cookie = browser.get_cookie("portal_device", path="/login")
        assert cookie is not None and cookie.http_only and cookie.same_site == "Strict"
        browser.post("/logout", data={"csrf_token": get_csrf(browser, "/account")})
        assert [try_password(browser, owner.email, "not it at all!!").status_code for _ in range(4)] == [400, 400, 400, 429]
        # the known browser's own tries for `other` are throttled on their own too
        assert [try_password(browser, other.email, "not it at all!!").status_code for _ in range(4)] == [400, 400, 400, 429]
        forged = app.test_client()
        forged.set_cookie("portal_device", cookie.value[:-4] + "AAAA", path="/login")
        assert try_password(forged, other.email, "not it at all!!").status_code == 429  # a forged cookie is no cookie


def test_the_second_step_is_throttled_the_same_way(app_factory):
    app = app_factory(SECOND_FACTOR_RATE_LIMIT="3 per 15 minutes")
    with app.app_context():
        moderator = factories.user("moderator")
        db.session.commit()
        owners_browser = app.test_client()
        assert login(owners_browser, moderator.email).status_code == 302
        attacker = app.test_client()  # knows the password, not the second factor
        try_password(attacker, moderator.email, factories.PASSWORD)
        token = get_csrf(attacker, "/login/two-factor")
        statuses = [attacker.post("/login/two-factor", data={"csrf_token": token, "kind": "totp", "code": f"{n:06d}"}).status_code
                    for n in range(5)]
        assert statuses == [400, 400, 400, 429, 429]
        owners_browser.post("/logout", data={"csrf_token": get_csrf(owners_browser, "/account")})
        assert login(owners_browser, moderator.email).status_code == 302  # the owner's known browser goes on


def test_a_refused_login_keeps_the_email_and_says_why(app_factory):
    app = app_factory(LOGIN_RATE_LIMIT="1 per 15 minutes")
    with app.app_context():
        client = app.test_client()
        try_password(client, "someone@example.org", "wrong password!!")
        response = try_password(client, "someone@example.org", "wrong password!!")
        html = response.get_data(as_text=True)
        assert response.status_code == 429
        assert 'value="someone@example.org"' in html and "Too many tries" in html and 'id="password"' in html


# --- point 3: `next` with a line break ---------------------------------------------------------------


def test_a_next_with_a_line_break_is_ignored_before_anything_is_written(client, make_user):
    officer = make_user("officer")
    for bad in ("/activities\r\nSet-Cookie: x=1", "/activities\n", "/\u2028", "/ x", "\\\\evil.example", "//evil.example",
                "https://evil.example/", "/activities\x00", "/a\tb"):
        before = db.session.scalar(db.select(db.func.count(AuditEntry.id)))
        token = get_csrf(client, "/login")
        response = client.post("/login", query_string={"next": bad},
                               data={"csrf_token": token, "email": officer.email, "password": factories.PASSWORD})
        assert response.status_code == 302, bad
        assert response.headers["Location"] == "/activities", bad  # the officer's home: `next` was dropped
        assert db.session.scalar(db.select(db.func.count(AuditEntry.id))) == before + 1  # one login, recorded once
        client.post("/logout", data={"csrf_token": get_csrf(client, "/account")})
    token = get_csrf(client, "/login")
    good = client.post("/login?next=/activities/new", data={"csrf_token": token, "email": officer.email,
                                                            "password": factories.PASSWORD})
    assert good.headers["Location"] == "/activities/new"


def test_next_survives_the_second_step(client, make_user):
    moderator = make_user("moderator")
    token = get_csrf(client, "/login")
    client.post("/login?next=/moderation/rumours", data={"csrf_token": token, "email": moderator.email,
                                                          "password": factories.PASSWORD})
    from tests.conftest import complete_second_factor

    assert complete_second_factor(client, moderator.email).headers["Location"] == "/moderation/rumours"


# --- point 12: sessions ------------------------------------------------------------------------------


def test_the_login_starts_a_fresh_session(client, make_user):
    officer = make_user("officer")
    planted = get_csrf(client, "/login")  # a session (and CSRF token) made before the login
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    assert login(client, officer.email).status_code == 302
    with client.session_transaction() as session:
        assert "planted" not in session and "login_at" in session
    refused = client.post("/logout", data={"csrf_token": planted})
    assert refused.status_code == 400  # the token from before the login no longer works


def _age_session(client, *, idle: int = 0, since_login: int = 0):
    with client.session_transaction() as session:
        session["seen_at"] = int(time.time()) - idle
        session["login_at"] = int(time.time()) - since_login


def test_staff_sessions_end_after_30_idle_minutes(staff_client):
    client, _user = staff_client("officer")
    _age_session(client, idle=29 * 60, since_login=29 * 60)
    assert client.get("/account").status_code == 200  # and the request moves the idle clock on
    with client.session_transaction() as session:
        assert time.time() - session["seen_at"] < 5
    _age_session(client, idle=31 * 60, since_login=31 * 60)
    response = client.get("/activities")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert "Your session has ended" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_staff_sessions_end_8_hours_after_the_login_even_when_used(staff_client):
    client, _user = staff_client("moderator")
    _age_session(client, idle=10, since_login=8 * 3600 - 60)
    assert client.get("/moderation").status_code == 200
    _age_session(client, idle=10, since_login=8 * 3600 + 60)
    assert client.get("/moderation").status_code == 302


def _entries(action):
    return list(db.session.scalars(db.select(AuditEntry).filter_by(action=action).order_by(AuditEntry.id)))


def test_every_login_success_and_failure_is_in_the_audit_log(app, make_user):
    officer, moderator = make_user("officer"), make_user("moderator")
    client = app.test_client()
    try_password(client, officer.email, "not the password!!")
    try_password(client, "nobody@example.org", "not the password!!")
    login(client, officer.email)
    other = app.test_client()
    try_password(other, moderator.email, factories.PASSWORD)
    other.post("/login/two-factor", data={"csrf_token": get_csrf(other, "/login/two-factor"), "kind": "totp", "code": "000000"})
    failures = _entries("auth.login_failed")
    assert [(e.object_id, e.summary) for e in failures] == [
        (officer.id, "wrong password"), (None, "unknown account"), (moderator.id, "wrong second factor")]
    assert all(e.actor_id is None and e.at is not None for e in failures)
    assert "nobody@example.org" not in " ".join(e.summary for e in failures)  # what was typed is not kept
    successes = _entries("auth.login")
    assert [(e.actor_id, e.object_id, e.summary) for e in successes] == [(officer.id, officer.id, "password")]


def test_mediators_logins_leave_no_trace(app, make_user):
    mediator = make_user("mediator")
    client = app.test_client()
    try_password(client, mediator.email, "not the password!!")
    login(client, mediator.email)
    assert not db.session.scalars(db.select(AuditEntry).filter_by(object_type="user", object_id=mediator.id)).all()
