"""Issue 11, point 11: argon2id at or above OWASP's parameters and rehashed on login when they
change; at least 12 characters, no composition rules, common and breached-looking passwords
refused from lists that ship with zxcvbn; staff change their own password and every other session
ends."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type, extract_parameters

from portal.extensions import db
from portal.models import AuditEntry, User
from portal.services.accounts import passwords
from portal.services.accounts.passwords import OWASP_MINIMUM, PasswordError, check_new_password
from tests import factories
from tests.conftest import csrf_from, get_csrf, login


def test_hashes_are_argon2id_at_or_above_owasp_parameters(app):
    params = extract_parameters(passwords.hash_password("a sufficiently long passphrase"))
    assert params.type is Type.ID
    assert params.memory_cost >= OWASP_MINIMUM["memory_cost"] == 19456
    assert params.time_cost >= OWASP_MINIMUM["time_cost"] == 2
    assert params.parallelism >= OWASP_MINIMUM["parallelism"]


def test_a_login_for_an_unknown_e_mail_verifies_against_a_hash_as_costly_as_a_real_one(client):
    """The stand-in hash has the parameters every password gets, so an unknown e-mail takes as long
    to refuse as a known one with a wrong password; and it opens nothing."""
    from portal.services.accounts import users

    assert extract_parameters(users._DUMMY_HASH) == extract_parameters(passwords.hash_password("any long password 1"))
    assert not passwords.needs_rehash(users._DUMMY_HASH)
    token = get_csrf(client, "/login")
    response = client.post("/login", data={"csrf_token": token, "email": "nobody@example.org", "password": "whatever it is"})
    assert response.status_code == 400  # the form again, with its message
    assert client.get("/activities").status_code == 302  # still not logged in


def test_a_hash_made_with_older_parameters_is_replaced_at_login(client, make_user):
    officer = make_user("officer")
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(factories.PASSWORD)
    officer.password_hash = weak
    db.session.commit()
    assert login(client, officer.email).status_code == 302
    db.session.expire_all()
    renewed = db.session.get(User, officer.id).password_hash
    assert renewed != weak and not passwords.needs_rehash(renewed)
    assert extract_parameters(renewed).memory_cost >= OWASP_MINIMUM["memory_cost"]


@pytest.mark.parametrize("password", [
    "password1234", "iloveyoubaby", "qwertyuiopasdf", "aaaaaaaaaaaa", "123456789012", "Password123!",
    "letmein12345", "monkey123456", "dragondragon", "safetytogether", "portalportal1",
])
def test_common_and_guessable_passwords_are_refused(app, password):
    with pytest.raises(PasswordError):
        check_new_password(password, email="someone@example.org")


@pytest.mark.parametrize("password", [
    "correct horse battery staple",  # no digit, no capital, no symbol: no composition rules
    "lisboa tram seventeen ochre",
    "zQ3-vL9_pR2xW8kM4nB7",
    "Кирилица е добра за пароли",  # any script
    "x" * 3 + " the river bends twice near the mill",
])
def test_long_unpredictable_passwords_are_accepted_without_composition_rules(app, password):
    check_new_password(password, email="someone@example.org")


def test_short_and_personal_passwords_are_refused(app):
    with pytest.raises(PasswordError):
        check_new_password("Ab1!Ab1!Ab1", email="x@example.org")  # 11 characters
    with pytest.raises(PasswordError):
        check_new_password("maria.lopez@fuenlabrada.es", email="maria.lopez@fuenlabrada.es")


def test_the_policy_needs_no_network(app, monkeypatch):
    import socket

    def no_network(*_args, **_kwargs):
        raise AssertionError("the password check tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(PasswordError):
        check_new_password("password12345", email="x@example.org")


def change(client, current, new, confirm=None):
    page = client.get("/account/password")
    assert page.status_code == 200
    return client.post("/account/password", data={"csrf_token": csrf_from(page.get_data(as_text=True)),
                                                  "current_password": current, "new_password": new,
                                                  "confirm": confirm if confirm is not None else new})


def test_staff_change_their_password_and_every_other_session_ends(app, staff_client):
    client, officer = staff_client("officer")
    other_browser = app.test_client()
    assert login(other_browser, officer.email).status_code == 302
    new = "ochre tram bends near the mill"
    response = change(client, factories.PASSWORD, new)
    assert response.status_code == 302
    assert client.get("/account").status_code == 200  # this session goes on
    assert other_browser.get("/account").status_code == 302  # every other one ended
    fresh = app.test_client()
    assert login(fresh, officer.email).status_code == 400  # the old password is gone
    assert login(fresh, officer.email, new).status_code == 302
    entry = db.session.scalar(db.select(AuditEntry).filter_by(action="user.password", object_id=officer.id))
    assert entry is not None and entry.actor_id == officer.id


def test_a_refused_password_change_says_why_and_changes_nothing(staff_client):
    client, officer = staff_client("officer")
    cases = [
        (("wrong current password", "ochre tram bends near the mill"), "not your current password"),
        ((factories.PASSWORD, "password12345"), "too easy to guess"),
        ((factories.PASSWORD, "short"), "between 12 and 256 characters"),
        ((factories.PASSWORD, factories.PASSWORD), "must be different"),
    ]
    for (current, new), message in cases:
        response = change(client, current, new)
        assert response.status_code == 400 and message in response.get_data(as_text=True), message
    response = change(client, factories.PASSWORD, "ochre tram bends near the mill", confirm="something else entirely")
    assert response.status_code == 400 and "not the same" in response.get_data(as_text=True)
    db.session.expire_all()
    assert passwords.verify(db.session.get(User, officer.id).password_hash, factories.PASSWORD)


def test_password_change_needs_a_login(client):
    assert client.get("/account/password").status_code == 302
    assert client.post("/account/password", data={"csrf_token": get_csrf(client, "/login")}).status_code == 302
