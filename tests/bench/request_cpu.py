"""CPU time of one request to each residents' page and of one stored form, in-process: the WSGI
app called the way gunicorn calls it (a new visitor each time, no cookie), so what is measured is
portal's own work without HTTP. With PROFILE=1, the cProfile share of what each GET page spends
its time on. On a database that already holds the rows (`demo-data`):

    PORTAL_DATABASE_URL=sqlite:////tmp/q/portal.sqlite3 PORTAL_SECRET_KEY=… \
        .venv/bin/python tests/bench/request_cpu.py
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import re
import sys
import time
from datetime import date

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

# Limits no run reaches: what is measured is the limiter's work, not its refusals.
for name in ("PUBLIC_FORM", "ACTIVITY_CODE"):
    os.environ[f"PORTAL_{name}_RATE_LIMIT"] = "100000000 per hour"

from portal import create_app  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.public.antispam import issue_started  # noqa: E402

GETS = int(os.environ.get("GETS", "3000"))
POSTS = int(os.environ.get("POSTS", "300"))
PROFILE = os.environ.get("PROFILE") == "1"

# What a GET's time goes to: (label, test on a cProfile key (file, line, function)).
PARTS = (
    ("signing the session cookie", lambda k: k[2] == "save_session"),
    ("the CSRF token", lambda k: k[2] == "generate_csrf"),
    ("the form's one-time stamp", lambda k: k[2] == "issue_started"),
    ("finding and filling the kept page", lambda k: k[2] == "page" and "page_cache" in k[0]),
    ("the language", lambda k: k[2] == "select_language"),
    ("security headers", lambda k: k[2] == "set_security_headers"),
    ("the rate limit (/a/<code>)", lambda k: k[2] == "_check_request_limit"),
    ("finding the activity (/a/<code>)", lambda k: k[2] == "activity_page_facts"),
    ("Flask's contexts (the database session ends there)",
     lambda k: k[2] in ("push", "pop") and k[0].endswith("flask/ctx.py") and k[1] > 300),
    ("before-request hooks", lambda k: k[2] == "preprocess_request"),
    ("after-request hooks (session included)", lambda k: k[2] == "process_response"),
    ("teardown", lambda k: k[2] == "do_teardown_request"),
)


def environ(path: str) -> dict:
    return {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1:8000", "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.multithread": False, "wsgi.multiprocess": True,
            "wsgi.run_once": False, "wsgi.version": (1, 0), "HTTP_ACCEPT_LANGUAGE": "en"}


def get(app, path: str) -> None:
    statuses = []
    body = app.wsgi_app(environ(path), lambda status, _headers, _exc=None: statuses.append(status))
    b"".join(body)
    getattr(body, "close", lambda: None)()
    assert statuses[0].startswith("200"), (path, statuses[0])


def cpu_ms(run, n: int) -> float:
    for _ in range(max(20, n // 10)):
        run()
    started = time.process_time()
    for _ in range(n):
        run()
    return (time.process_time() - started) / n * 1000


def shares(run, n: int) -> list[tuple[str, float]]:
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(n):
        run()
    profile.disable()
    stats = pstats.Stats(profile).stats
    whole = sum(v[3] for k, v in stats.items() if k[2] == "wsgi_app" and k[0].endswith("flask/app.py"))
    return [(label, sum(v[3] for k, v in stats.items() if test(k)) / whole * 100) for label, test in PARTS]


def poster(app):
    client = app.test_client()
    page = client.get("/feedback/new").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    answers = {"csrf_token": csrf, "category": "respect", "treatment": "4", "police_body": "municipal",
               "municipality": "lisboa", "area": "", "occurred_month": date.today().strftime("%Y-%m"),
               "website": "", "text": "They listened."}

    def post():
        with app.test_request_context():
            started = issue_started("feedback", now=time.time() - 60)
        response = client.post("/feedback/new", data={**answers, "started": started})
        assert response.status_code == 200, response.status_code

    return post


def main() -> None:
    app = create_app()
    with app.app_context():
        code = db.session.scalar(db.text("SELECT feedback_code FROM activity WHERE is_public ORDER BY id LIMIT 1"))
    for path in ("/healthz", "/", "/help", "/feedback/new", "/rumours/new", f"/a/{code}"):
        run = lambda path=path: get(app, path)  # noqa: E731
        print(f"GET {path:20s} {cpu_ms(run, GETS):6.3f} ms of CPU a request")
        if PROFILE:
            for label, share in shares(run, GETS):
                print(f"      {label:52s} {share:5.1f} %")
    print(f"POST /feedback/new       {cpu_ms(poster(app), POSTS):6.2f} ms of CPU a stored form")


if __name__ == "__main__":
    main()
