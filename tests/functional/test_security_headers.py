import pytest
from flask import abort

from portal.security import CSP


@pytest.mark.parametrize("path", ["/", "/login", "/does-not-exist"])
def test_every_page_has_strict_headers(client, path):
    response = client.get(path)
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_static_files_may_be_cached(client):
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert response.headers.get("Cache-Control") != "no-store"
    response.close()


def test_session_cookie_is_strict_and_http_only(client, make_user):
    from tests.conftest import login

    user = make_user("moderator")
    response = login(client, user.email)
    cookie = next(v for k, v in response.headers.items() if k == "Set-Cookie" and v.startswith("portal_session="))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_error_pages_show_no_internals(app_factory):
    app = app_factory(PROPAGATE_EXCEPTIONS=False)

    @app.route("/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    @app.route("/forbidden")
    def forbidden():
        abort(403)

    client = app.test_client()
    with app.app_context():
        response = client.get("/boom")
        assert response.status_code == 500
        html = response.get_data(as_text=True)
        assert "secret internal detail" not in html and "Traceback" not in html
        assert "Something went wrong on our side" in html
        assert client.get("/forbidden").status_code == 403
        assert "Page not found" in client.get("/nowhere").get_data(as_text=True)


def test_csp_constant_has_no_inline_allowance():
    assert "'unsafe-inline'" not in CSP


def test_a_view_may_set_its_own_headers_and_https_gets_hsts(app_factory):
    """The security headers are defaults: a view's own value stands, except the two every page gets."""
    app = app_factory()

    @app.get("/own-headers")
    def own_headers():
        return "ok", 200, {"X-Frame-Options": "SAMEORIGIN", "Cache-Control": "max-age=60",
                           "Expires": "Thu, 01 Jan 2099 00:00:00 GMT", "Referrer-Policy": "origin"}

    response = app.test_client().get("/own-headers", base_url="https://localhost")
    headers = response.headers
    assert headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    assert headers.getlist("Cache-Control") == ["no-store"] and "Expires" not in headers
    assert headers.getlist("Referrer-Policy") == ["no-referrer"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    assert headers.getlist("Content-Security-Policy") == [CSP]
    assert "Strict-Transport-Security" not in app.test_client().get("/own-headers").headers
