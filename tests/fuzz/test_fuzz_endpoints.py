"""Issue 11, point 13: hypothesis drives every form and every query string of the portal with bad
input: wrong types, sizes, whitespace, control characters, mixed scripts and injection strings.
Whatever comes in: no 5xx; a refused request (4xx) stores nothing; nothing is logged from a
resident's request (a log line's time would place them), and nothing at WARNING or above from any.

The forms are found on the pages that show them (tests/security_forms.py), so a new form is fuzzed
without being listed here, and `test_every_endpoint_is_fuzzed` fails for a route nobody covers.

`make test` runs a few examples per endpoint; `make fuzz` runs PORTAL_FUZZ_EXAMPLES (2,000) each.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from portal import create_app
from portal.extensions import db
from portal.models import Base
from tests import factories
from tests.conftest import BACKENDS, IsolatedClient, _config, _truncate_and_seed, csrf_from, login
from tests.security_forms import form_pages, forms_on, sample_rows

EXAMPLES = int(os.environ.get("PORTAL_FUZZ_EXAMPLES", "5"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES < 100,
                suppress_health_check=list(HealthCheck))
RESIDENT_BLUEPRINTS = ("public", "calendar")
NOT_FUZZED = {"auth.logout": "ends the session that every other example needs; covered by tests/functional"}
JSON_ENDPOINTS = ("auth.passkey_login_options", "auth.passkey_login", "auth.passkey_options", "auth.add_passkey")

NASTY = [
    "", " ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\x00", "\x1b[31m", "\x7f", "\ufeff", "\u202eevil", "%00", "%s%s%n",
    "' OR '1'='1' --", "\"; DROP TABLE feedback; --", "<script>alert(1)</script>", "{{ 7*7 }}", "${7*7}", "../../etc/passwd",
    "javascript:alert(1)", "http://evil.example/", "//evil.example", "-1", "0", "1.5", "1e309", "NaN", "99999999999999999999",
    "2147483648", "2026-02-30", "9999-12-31", "0000-00-00", "true", "null", "[]", "{}", "😀" * 20, "Ρομά Рома Rroma روما 罗姆",
    "Ⅻ١٢٣", "a" * 3000, "𐌰" * 500, "x\ny", "municipal", "fuenlabrada", "respect", "on", "y",
]
CHARS = st.characters(codec="utf-8")
VALUE = st.one_of(st.sampled_from(NASTY), st.text(CHARS, max_size=200), st.integers().map(str),
                  st.text(CHARS, min_size=2000, max_size=6000))
ROLE_OF_BLUEPRINT = {"public": None, "calendar": None, "mediators": "mediator", "activities": "officer",
                     "moderation": "moderator", "admin": "admin", "auth": "officer"}


def _endpoints(method: str) -> list[str]:
    app = create_app(_config("sqlite://"))
    return sorted({rule.endpoint for rule in app.url_map.iter_rules()
                   if method in rule.methods and rule.endpoint != "static" and rule.endpoint not in NOT_FUZZED})


POST_ENDPOINTS = [e for e in _endpoints("POST") if e not in JSON_ENDPOINTS]
GET_ENDPOINTS = _endpoints("GET")


# --- one app per backend for the whole module ------------------------------------------------------

class Env:
    def __init__(self, app, rows):
        self.app, self.rows = app, rows
        self.clients: dict = {}
        self.forms: dict[str, list] = {}

    def client(self, role):
        """A client of this role, logged in again (as a new account) if an example ended its session."""
        c = self.clients.get(role)
        if c is None or (role and c.get("/account").status_code != 200):
            c = self.app.test_client()
            if role:
                user = factories.user(role)
                db.session.commit()
                assert login(c, user.email).status_code == 302
            self.clients[role] = c
        return c

    def pending_client(self):
        """A client whose password step is done (for the second step and the set-up)."""
        c = self.app.test_client()
        user = factories.user("moderator")
        db.session.commit()
        token = csrf_from(c.get("/login").get_data(as_text=True))
        c.post("/login", data={"csrf_token": token, "email": user.email, "password": factories.PASSWORD})
        return c


@pytest.fixture(scope="module", params=BACKENDS)
def env(request, tmp_path_factory):
    config = {"LOGIN_RATE_LIMIT": "100000 per minute", "SECOND_FACTOR_RATE_LIMIT": "100000 per minute",
              "PUBLIC_FORM_RATE_LIMIT": "100000 per minute", "RECEIPT_GUESS_RATE_LIMIT": "100000 per minute",
              "ACTIVITY_CODE_RATE_LIMIT": "100000 per minute", "FORM_MIN_SECONDS": 0}
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("fuzz") / "portal.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        app = create_app(_config(f"sqlite:///{path}", **config))
    else:
        app = create_app(_config(request.getfixturevalue("pg_schema"), **config))
    app.test_client_class = IsolatedClient
    app.instance_path = str(tmp_path_factory.mktemp("fuzz-instance"))
    with app.app_context():
        if request.param == "postgresql":
            _truncate_and_seed()
        environment = Env(app, sample_rows())
        adapter = app.url_map.bind("localhost")
        for role, page in form_pages(environment.rows):
            html = environment.client(role).get(page).get_data(as_text=True)
            for form in forms_on(html, page):
                if form.method != "post":
                    continue
                path = urlsplit(form.action).path
                try:
                    endpoint, _args = adapter.match(path, method="POST")
                except Exception:  # noqa: S112 (a form posting elsewhere is not ours to fuzz)
                    continue
                environment.forms.setdefault(endpoint, []).append((role, form))
        yield environment
        db.session.remove()
        db.engine.dispose()


def _counts() -> dict[str, int]:
    tables = [t.name for t in Base.metadata.sorted_tables]
    query = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM \"{t}\"" for t in tables)  # noqa: S608 (model table names)
    return dict(db.session.execute(text(query)).all())


def _check(env, caplog, endpoint: str, send):
    """Send one request and hold it to the rules of the module docstring."""
    db.session.remove()
    before = _counts()
    caplog.clear()
    response = send()
    status = response.status_code
    assert status < 500, (endpoint, status)
    db.session.remove()
    if status >= 400:
        after = _counts()
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        if endpoint.startswith("auth."):
            changed.pop("audit_entry", None)  # failed logins are audited on purpose
        assert not changed, (endpoint, status, changed)
    loud = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not loud, (endpoint, loud)
    if endpoint.split(".")[0] in RESIDENT_BLUEPRINTS:
        assert not caplog.records, (endpoint, [r.getMessage() for r in caplog.records])


# --- forms -------------------------------------------------------------------------------------------

def _field_values(form):
    """Per field: its own options, a nasty value, or left out; plus, now and then, a field nobody asked for."""
    fields = {}
    for name, f in form.fields.items():
        if name == "csrf_token":
            continue
        choices = st.sampled_from(f.options) if f.options else VALUE
        fields[name] = st.one_of(st.none(), VALUE, choices, st.lists(st.one_of(VALUE, choices), max_size=3))
    return st.fixed_dictionaries(fields, optional={"surprise": VALUE, "csrf_token": st.sampled_from(["", "x" * 90])})


def _token(client, role) -> str:
    return csrf_from(client.get("/login" if role in (None, "pending") else "/account").get_data(as_text=True))


MANUAL_FORMS = {  # forms shown only in states a crawl does not reach
    "public.feedback_reply": ("/feedback/status/reply", None, ["code", "body"]),
    "auth.remove_passkey": ("/account/passkeys/{n}/remove", "officer", []),
    "auth.second_factor": ("/login/two-factor", "pending", ["kind", "code", "recovery_code"]),
    "auth.set_up": ("/login/set-up", "pending", ["code"]),
    "auth.recovery_codes": ("/account/recovery-codes", "officer", []),
    "auth.remove_totp": ("/account/totp/remove", "officer", []),
    "admin.activate_partner": ("/admin/partners/{partner}/activate", "admin", []),
    "moderation.unpublish_rumour": ("/moderation/rumours/tracker/{rumour}/unpublish", "moderator", []),
}


@pytest.mark.parametrize("endpoint", POST_ENDPOINTS)
def test_fuzz_form(env, caplog, endpoint):
    caplog.set_level(logging.INFO)
    if endpoint in MANUAL_FORMS:
        path, role, names = MANUAL_FORMS[endpoint]
        from tests.security_forms import Field, Form

        form = Form(action=path, method="post", fields={n: Field(n, "text") for n in names})
        targets = [(role, form)]
    else:
        targets = env.forms.get(endpoint)
        assert targets, f"no page shows a form for {endpoint}: add its page to tests/security_forms.form_pages"

    clients = {role: (env.pending_client() if role == "pending" else env.client(role)) for role, _form in targets}
    tokens = {role: _token(client, role) for role, client in clients.items()}

    @FUZZ
    @given(data=st.data())
    def run(data):
        role, form = data.draw(st.sampled_from(targets))
        client, token = clients[role], tokens[role]
        action = form.action.replace("{n}", str(data.draw(st.integers(1, 2**31 - 1))))
        action = action.replace("{partner}", str(env.rows["partner"])).replace("{rumour}", str(env.rows["rumour"]))
        values = data.draw(_field_values(form))
        body = {k: v for k, v in values.items() if v is not None}
        body.setdefault("csrf_token", token)
        _check(env, caplog, endpoint, lambda: client.post(action, data=body))

    run()


@pytest.mark.parametrize("endpoint", JSON_ENDPOINTS)
def test_fuzz_passkey_json(env, caplog, endpoint):
    caplog.set_level(logging.INFO)
    path = {"auth.passkey_login_options": "/login/passkey/options", "auth.passkey_login": "/login/passkey",
            "auth.passkey_options": "/account/passkeys/options", "auth.add_passkey": "/account/passkeys"}[endpoint]
    json_value = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(CHARS, max_size=50)),
                              lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                              max_leaves=20)
    credential = st.fixed_dictionaries({}, optional={"id": st.text(max_size=60), "rawId": st.text(max_size=60),
                                                     "type": st.just("public-key"), "response": json_value})

    clients = {True: env.pending_client(), False: env.client("officer")}
    tokens = {pending: _token(client, "pending" if pending else "officer") for pending, client in clients.items()}

    @FUZZ
    @given(body=st.one_of(json_value, st.fixed_dictionaries({"credential": credential}, optional={"name": VALUE})),
           pending=st.booleans())
    def run(body, pending):
        client, token = clients[pending], tokens[pending]
        _check(env, caplog, endpoint, lambda: client.post(path, json=body, headers={"X-CSRFToken": token}))

    run()


# --- query strings -----------------------------------------------------------------------------------

KNOWN_PARAMS = ["page", "lang", "next", "q", "type", "status", "municipality", "category", "area", "sort", "order",
                "assignee", "channel", "unread", "overdue", "from", "to", "date_from", "date_to", "actor", "kind",
                "object_type", "object_id", "practice", "size", "format", "month", "view", "tag", "police_body",
                "treatment", "scope"]


def _path_for(env, endpoint: str) -> str:
    app, rows = env.app, env.rows
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = {"code": "FUZZ42", "municipality_slug": "fuenlabrada", "activity_id": rows["activity"],
              "follow_up_id": rows["follow_up"], "partner_id": rows["partner"], "rumour_id": rows["rumour"],
              "item_id": rows["report"] if "report" in endpoint else rows["feedback"], "user_id": 1, "passkey_id": 1,
              "name": "status"}
    with app.test_request_context():
        from flask import url_for
        from werkzeug.routing import IntegerConverter

        def fallback(name):
            converter = rule._converters.get(name)
            if isinstance(converter, IntegerConverter):
                return 1
            choices = getattr(converter, "items", None)
            return sorted(choices)[0] if choices else "fuzz"

        return url_for(endpoint, **{k: values[k] if k in values else fallback(k) for k in rule.arguments})


@pytest.mark.parametrize("endpoint", GET_ENDPOINTS)
def test_fuzz_query_string(env, caplog, endpoint):
    caplog.set_level(logging.INFO)
    role = ROLE_OF_BLUEPRINT.get(endpoint.split(".")[0])  # a new (public) area: as a resident
    if endpoint in ("auth.login", "auth.second_factor", "auth.set_up"):
        role = None
    path = _path_for(env, endpoint)
    names = st.one_of(st.sampled_from(KNOWN_PARAMS), st.text(CHARS, min_size=1, max_size=20))

    client = env.client(role)

    @FUZZ
    @given(params=st.lists(st.tuples(names, VALUE), max_size=6), raw=st.one_of(st.none(), st.sampled_from(
        ["%", "%zz", "a=%FF%FE", "&&&", "=x", "page=%00", "type=%20", "lang=../../", "next=%0D%0ASet-Cookie:x"])))
    def run(params, raw):
        query = raw if raw is not None else params
        _check(env, caplog, endpoint, lambda: client.get(path, query_string=query))

    run()


def test_every_endpoint_is_fuzzed(env):
    """Every POST route has a form on some page (or a manual entry); every GET route is fuzzed."""
    missing = [e for e in POST_ENDPOINTS if e not in env.forms and e not in MANUAL_FORMS]
    assert not missing, missing
    assert set(GET_ENDPOINTS) >= {"public.home", "activities.index", "moderation.queue", "admin.audit_log"}
    assert re.fullmatch(r"\d+", str(EXAMPLES))
