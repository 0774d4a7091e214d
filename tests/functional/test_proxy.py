"""Behind a reverse proxy (PROXY_COUNT=1) each visitor keeps their own rate limit; without it, the
forwarded header is ignored, so nobody can dodge a limit by inventing addresses."""

from tests.conftest import get_csrf


def failed_logins(client, forwarded_for: str, times: int, email: str = "x@example.org") -> list[int]:
    statuses = []
    for _ in range(times):
        token = get_csrf(client, "/login")
        response = client.post("/login", data={"csrf_token": token, "email": email, "password": "wrong password!!"},
                               headers={"X-Forwarded-For": forwarded_for})
        statuses.append(response.status_code)
    return statuses


def test_behind_a_proxy_visitors_are_told_apart(app_factory):
    app = app_factory(PROXY_COUNT=1, LOGIN_RATE_LIMIT="2 per minute")
    with app.app_context():
        first, second = app.test_client(), app.test_client()
        assert failed_logins(first, "203.0.113.7", 3)[-1] == 429
        # another e-mail too: the per-account limit is not what this test is about
        assert failed_logins(second, "198.51.100.9", 1, email="y@example.org") == [400]


def test_without_a_proxy_the_header_is_ignored(app_factory):
    app = app_factory(LOGIN_RATE_LIMIT="2 per minute")
    with app.app_context():
        client = app.test_client()
        statuses = [failed_logins(client, f"203.0.113.{n}", 1, email=f"{n}@example.org")[0] for n in range(3)]
        assert statuses[-1] == 429
