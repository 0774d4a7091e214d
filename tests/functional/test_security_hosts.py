"""Issue 11, point 6: an absolute link (poster, QR code, calendar feed) is never built from an
untrusted Host header. Without PORTAL_PUBLIC_URL the portal answers only for the names in
TRUSTED_HOSTS (by default the loopback names `make run` uses); with it, links use PUBLIC_URL."""

from __future__ import annotations

from portal.extensions import db
from portal.security import LOOPBACK_HOSTS, trusted_hosts
from tests import factories
from tests.conftest import login


def test_without_a_public_url_a_forged_host_is_refused_everywhere(app, client):
    factories.activity(title="Open meeting", is_public=True, feedback_code="HOSTX1")
    db.session.commit()
    for path in ("/", "/calendar/fuenlabrada.ics", "/calendar/fuenlabrada", "/a/HOSTX1", "/login"):
        response = client.get(path, headers={"Host": "evil.example"})
        body = response.get_data(as_text=True)
        assert response.status_code == 400, path
        assert "evil.example" not in body
        assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert client.get("/", headers={"Host": "127.0.0.1:5000"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_posters_built_through_a_forged_host_are_refused(app, make_user):
    officer = make_user("officer")
    activity = factories.activity(feedback_code="HOSTX2")
    db.session.commit()
    client = app.test_client()
    login(client, officer.email)
    for path in (f"/activities/{activity.id}/poster", f"/activities/{activity.id}/qr.svg"):
        response = client.get(path, headers={"Host": "evil.example"})
        assert response.status_code == 400 and b"evil.example" not in response.data
    assert b"http://localhost/a/HOSTX2" in client.get(f"/activities/{activity.id}/qr.svg").data


def test_trusted_hosts_can_be_named_and_public_url_frees_the_host(app_factory):
    named = app_factory(TRUSTED_HOSTS="portal.example.org, .example.net")
    with named.app_context():
        c = named.test_client()
        assert c.get("/", headers={"Host": "portal.example.org"}).status_code == 200
        assert c.get("/", headers={"Host": "a.example.net"}).status_code == 200
        assert c.get("/", headers={"Host": "evil.example"}).status_code == 400
    with_url = app_factory(PUBLIC_URL="https://portal.example.org")
    with with_url.app_context():
        assert with_url.test_client().get("/", headers={"Host": "behind.proxy.internal"}).status_code == 200


def test_the_default_trusted_hosts():
    assert trusted_hosts({}) == list(LOOPBACK_HOSTS)
    assert trusted_hosts({"PUBLIC_URL": "https://p.example"}) is None
    assert trusted_hosts({"TRUSTED_HOSTS": "a.example,b.example"}) == ["a.example", "b.example"]
