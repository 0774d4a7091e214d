"""Deny by default: every route of a staff blueprint refuses visitors and wrong roles, whatever it is."""

import pytest
from werkzeug.routing import AnyConverter, IntegerConverter

from tests.conftest import get_csrf

PUBLIC_BLUEPRINTS = {"public", "auth", "api", "calendar"}
STAFF_BLUEPRINTS = {
    "activities": {"officer", "moderator", "admin"},
    "mediators": {"mediator"},
    "moderation": {"moderator", "admin"},
    "dashboard": {"moderator", "admin"},
    "admin": {"admin"},
}
ROLES = ("mediator", "officer", "moderator", "admin")


def staff_routes(app):
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.rpartition(".")[0]
        if blueprint not in STAFF_BLUEPRINTS:
            continue
        values = {name: 1 if isinstance(conv, IntegerConverter) else sorted(conv.items)[0] if isinstance(conv, AnyConverter)
                  else "x" for name, conv in rule._converters.items()}
        url = rule.build(values, append_unknown=False)[1]
        for method in sorted(rule.methods & {"GET", "POST"}):
            yield blueprint, method, url


def test_every_blueprint_is_classified(app):
    unknown = {bp for bp in app.blueprints if bp not in PUBLIC_BLUEPRINTS and bp not in STAFF_BLUEPRINTS}
    assert not unknown, f"decide whether these blueprints are public or staff: {unknown}"


def test_visitors_are_sent_to_login_from_every_staff_route(app, client):
    token = get_csrf(client, "/login")
    checked = 0
    for _blueprint, method, url in staff_routes(app):
        response = client.open(url, method=method, data={"csrf_token": token})
        assert response.status_code == 302, (method, url, response.status_code)
        assert "/login" in response.headers["Location"], (method, url)
        checked += 1
    if app.blueprints.keys() & STAFF_BLUEPRINTS.keys():
        assert checked > 0


@pytest.mark.parametrize("role", ROLES)
def test_wrong_roles_get_403_on_every_staff_route(app, staff_client, role):
    c, _user = staff_client(role)
    token = get_csrf(c, "/account")
    for blueprint, method, url in staff_routes(app):
        if role in STAFF_BLUEPRINTS[blueprint]:
            continue
        response = c.open(url, method=method, data={"csrf_token": token})
        assert response.status_code == 403, (role, method, url, response.status_code)
