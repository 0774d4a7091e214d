"""`make bench`: portal under gunicorn against a bare WSGI app under the same gunicorn, on loopback
ports chosen here, driven by wrk; then a reliability run (workers killed with SIGKILL) and a
scale-out run (two instances on PostgreSQL and Redis behind nginx). Prints one table.

Everything is started here and stopped by the process ids it started (pid files); nothing else on
the machine is touched: its own temporary folder, its own PostgreSQL database (BENCH_PG_DB, dropped
and made anew), its own Redis database number (BENCH_REDIS_DB) for the rate limits.

Knobs (environment):
  DURATION=10            seconds of each wrk run
  CONNECTIONS=16         wrk connections for residents' pages and submissions
  FIGURE_CONNECTIONS=4   wrk connections for the officers' home, the dashboard and the statistics
  WORKERS=2              gunicorn sync workers per instance (the bare app gets the same)
  ROWS="10000 100000 1000000"   feedback rows on SQLite (loaded one on top of the other)
  PG_ROWS=100000         feedback rows on PostgreSQL, one or several ("" or 0: skip)
  RELIABILITY=20         seconds of the crash run (0: skip); KILL_EVERY=2
  SCALE_OUT=1            the nginx run (0: skip)
  REPEAT=1               runs per measurement; the table shows the median
  PAGES=all              "figures": only the officers' home, the dashboard (under each filter) and the
                         statistics, for a quicker look at how the figures grow with the rows
  PG_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/postgres   BENCH_PG_DB=portal_perf_bench
  REDIS_URL=redis://127.0.0.1:6379   BENCH_REDIS_DB=11
"""

# ruff: noqa: S310  (every address opened here is on loopback, made by this script)
from __future__ import annotations

import hashlib
import http.cookiejar
import json
import multiprocessing
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import suppress
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "tests" / "bench"
VENV = ROOT / ".venv" / "bin"
DURATION = int(os.environ.get("DURATION", "10"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "16"))
FIGURE_CONNECTIONS = int(os.environ.get("FIGURE_CONNECTIONS", "4"))
WORKERS = int(os.environ.get("WORKERS", "2"))
ROWS = [int(n) for n in os.environ.get("ROWS", "10000 100000 1000000").split()]
PG_ROWS = [int(n) for n in os.environ.get("PG_ROWS", "100000").split() if int(n)]
RELIABILITY = int(os.environ.get("RELIABILITY", "20"))
KILL_EVERY = float(os.environ.get("KILL_EVERY", "2"))
SCALE_OUT = os.environ.get("SCALE_OUT", "1") not in ("", "0")
REPEAT = max(1, int(os.environ.get("REPEAT", "1")))
FIGURES_ONLY = os.environ.get("PAGES", "all") == "figures"
PG_ADMIN_URL = os.environ.get("PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_DB = os.environ.get("BENCH_PG_DB", "portal_perf_bench")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379")
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "11"))
THREADS = 2  # wrk threads
SECRET = "bench-secret-" + os.urandom(8).hex()
MONTH = date.today().strftime("%Y-%m")
FEEDBACK_FIELDS = {"category": "respect", "treatment": "4", "police_body": "municipal", "municipality": "lisboa",
                   "area": "", "occurred_month": MONTH, "website": ""}

WORK = Path(tempfile.mkdtemp(prefix="portal-bench-"))
STARTED: list[Path] = []  # pid files of everything started here
rows_out: list[tuple] = []


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_url(database: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + "/" + database


# --- processes -----------------------------------------------------------------------------------

def env_for(instance: Path, database_url: str | None = None, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env.update(PORTAL_INSTANCE_PATH=str(instance), PORTAL_SECRET_KEY=SECRET)
    # The limiter runs as in production (its cost is measured), with limits no benchmark reaches.
    for name in ("PUBLIC_FORM", "ACTIVITY_CODE", "LOGIN", "SECOND_FACTOR", "RECEIPT_GUESS", "API"):
        env[f"PORTAL_{name}_RATE_LIMIT"] = "100000000 per hour"
    if database_url:
        env["PORTAL_DATABASE_URL"] = database_url
    env.update({k: str(v) for k, v in extra.items()})
    return env


def flask(env: dict, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([str(VENV / "flask"), "--app", "portal", *args], env=env, cwd=ROOT, input=stdin,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def python(env: dict, code: str) -> str:
    done = subprocess.run([str(VENV / "python"), "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                          check=False)
    if done.returncode:
        raise SystemExit(f"python failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def gunicorn(name: str, env: dict, port: int, app: str = "portal:create_app()", chdir: Path = ROOT) -> Path:
    pidfile = WORK / f"{name}.pid"
    subprocess.run([str(VENV / "gunicorn"), "--chdir", str(chdir), "--bind", f"127.0.0.1:{port}", "--workers",
                    str(WORKERS), "--log-level", "error", "--pid", str(pidfile), "--daemon", app], env=env, cwd=ROOT,
                   check=True)
    STARTED.append(pidfile)
    wait_for(f"http://127.0.0.1:{port}/healthz" if app.startswith("portal") else f"http://127.0.0.1:{port}/")
    return pidfile


def stop(pidfile: Path, sig=signal.SIGTERM) -> None:
    with suppress(FileNotFoundError, ValueError, ProcessLookupError):
        pid = int(pidfile.read_text().strip())
        workers = children(pid)
        os.kill(pid, sig)
        if sig == signal.SIGKILL:
            for worker in workers:
                with suppress(ProcessLookupError):
                    os.kill(worker, signal.SIGKILL)
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.1)
    if pidfile in STARTED:
        STARTED.remove(pidfile)


def wait_for(url: str, seconds: float = 30) -> None:
    end = time.time() + seconds
    while time.time() < end:
        with suppress(OSError):
            urllib.request.urlopen(url, timeout=2).read()  # noqa: S310 (loopback)
            return
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError, IndexError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    out.append(int(entry.name))
    return out


def peak_mib(pidfile: Path) -> float:
    """The largest peak resident memory (VmHWM) of the instance's workers, in MiB."""
    peaks = []
    with suppress(FileNotFoundError, ValueError):
        for worker in children(int(pidfile.read_text().strip())):
            with suppress(OSError):
                for line in Path(f"/proc/{worker}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
    return max(peaks) if peaks else 0.0


# --- wrk -------------------------------------------------------------------------------------------

def wrk(url: str, connections: int, *, cookie: str = "", bodies: Path | None = None) -> dict:
    env = {**os.environ, "BENCH_COOKIE": cookie, "BENCH_BODIES": str(bodies or ""), "BENCH_THREADS": str(THREADS)}
    done = subprocess.run(["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{DURATION}s", "--timeout", "10s",
                           "-s", str(BENCH / "wrk_report.lua"), url], env=env, capture_output=True, text=True, check=True)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    p50, p95, p99, total, bad_status, socket_errors = (int(x) for x in re.search(r"BENCH (.*)", done.stdout).group(1).split())
    return {"rps": rps, "p50": p50 / 1000, "p95": p95 / 1000, "p99": p99 / 1000, "requests": total,
            "errors": bad_status + socket_errors}


def measure(url: str, connections: int, **kwargs) -> dict:
    runs = [wrk(url, connections, **kwargs) for _ in range(REPEAT)]
    middle = sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]
    return {**middle, "runs": [r["rps"] for r in runs]}


def add_row(name: str, data: str, result: dict | None, bare: float | None, memory: float | None, note: str = "") -> None:
    if result is None:
        rows_out.append((name, data, "-", "-", "-", "-", "-", f"{memory:.0f}" if memory else "-", note))
        return
    ratio = f"{result['rps'] / bare:.2f}" if bare else "-"
    runs = f" (runs: {', '.join(f'{r:.0f}' for r in result['runs'])})" if len(result.get("runs", [])) > 1 else ""
    errors = f"; {result['errors']} errors" if result.get("errors") else ""
    rows_out.append((name, data, f"{result['rps']:.0f}", ratio, f"{result['p50']:.1f}", f"{result['p95']:.1f}",
                     f"{result['p99']:.1f}", f"{memory:.0f}" if memory else "-", note + errors + runs))
    log(f"  {name:<38} {data:<18} {result['rps']:>8.0f} req/s  ×{ratio:<5} p50 {result['p50']:.1f} "
        f"p95 {result['p95']:.1f} p99 {result['p99']:.1f} ms  {note}{errors}")


# --- a browser-like client -----------------------------------------------------------------------

class Browser:
    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)

    def get(self, path: str, timeout: float = 10) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path), timeout)

    def post(self, path: str, data: dict | str, timeout: float = 10) -> tuple[int, str]:
        body = data if isinstance(data, str) else urllib.parse.urlencode(data)
        return self._open(urllib.request.Request(self.base + path, data=body.encode(), method="POST"), timeout)

    def _open(self, request, timeout) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(rf'value="([^"]*)"[^>]*name="{name}"', html)
    if not found:
        raise SystemExit(f"no {name} on the page")
    return found.group(1)


def staff_session(base: str, email: str, password: str, totp_secret: str | None) -> str:
    import pyotp

    browser = Browser(base)
    _status, html = browser.get("/login")
    status, _html = browser.post("/login", {"csrf_token": hidden(html, "csrf_token"), "email": email, "password": password})
    if status != 302:
        raise SystemExit(f"login of {email} failed ({status})")
    if totp_secret:
        _status, html = browser.get("/login/two-factor")
        status, _html = browser.post("/login/two-factor", {"csrf_token": hidden(html, "csrf_token"), "kind": "totp",
                                                          "code": pyotp.TOTP(totp_secret).now()})
        if status != 302:
            raise SystemExit(f"second factor of {email} failed ({status})")
    return browser.cookie()


STAFF_CODE = """
from portal import create_app
from portal.extensions import db
from tests import factories
app = create_app()
with app.app_context():
    officer = factories.user("officer", email="officer@bench.example", municipality_slug="lisboa", second_factor=False)
    moderator = factories.user("moderator", email="moderator@bench.example")
    db.session.commit()
print(factories.PASSWORD)
print(factories.TOTP_SECRET)
"""

BODIES_CODE = """
import sys, time, urllib.parse
from portal import create_app
from portal.services.feedback import submissions
app = create_app()
extra = dict(urllib.parse.parse_qsl(sys.argv[2], keep_blank_values=True))
with app.test_request_context(), open(sys.argv[1], "w") as out:
    for n in range(int(sys.argv[3])):
        body = {**extra, "started": submissions.issue("feedback", now=time.time() - 60), "text": f"Polite officers {n}"}
        out.write(urllib.parse.urlencode(body) + "\\n")
"""


def post_bodies(env: dict, base: str, count: int, wants_answer: bool) -> tuple[Path, str]:
    """A file of feedback forms, each with its own one-time stamp, all under one session's CSRF token."""
    browser = Browser(base)
    _status, html = browser.get("/feedback/new")
    fields = {**FEEDBACK_FIELDS, "csrf_token": hidden(html, "csrf_token")}
    if wants_answer:
        fields["wants_answer"] = "y"
    path = WORK / f"bodies-{os.urandom(4).hex()}.txt"
    subprocess.run([str(VENV / "python"), "-c", BODIES_CODE, str(path), urllib.parse.urlencode(fields), str(count)],
                   env=env, cwd=ROOT, check=True)
    return path, browser.cookie()


def scrypt_rate(seconds: float = 3.0) -> float:
    """The slow hash's own rate on this machine: scrypt(n=2**14, r=8) in WORKERS processes at once."""
    with multiprocessing.Pool(WORKERS) as pool:
        counts = pool.map(_scrypt_for, [seconds] * WORKERS)
    return sum(counts) / seconds


def _scrypt_for(seconds: float) -> int:
    end, n = time.time() + seconds, 0
    while time.time() < end:
        hashlib.scrypt(os.urandom(20), salt=os.urandom(32), n=2**14, r=8, p=1, dklen=32)
        n += 1
    return n


# --- one database --------------------------------------------------------------------------------

def count_feedback(env: dict) -> int:
    return int(python(env, "from portal import create_app\nfrom portal.extensions import db\nfrom portal.models import Feedback\n"
                           "app = create_app()\nwith app.app_context(): print(db.session.scalar(db.select(db.func.count()).select_from(Feedback)))").strip())


def bench_dataset(label: str, env: dict, bare: float, staff: dict) -> None:
    port = free_port()
    pidfile = gunicorn(f"portal-{label}", env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        code = python(env, "from portal import create_app\nfrom portal.extensions import db\napp = create_app()\n"
                           "with app.app_context(): print(db.session.scalar(db.text(\"SELECT feedback_code FROM activity "
                           "WHERE is_public ORDER BY id LIMIT 1\")))").strip()
        residents(label, base, env, bare, pidfile, code)
        figure_pages(label, base, env, bare, pidfile, staff)
        rows_out.append(("peak memory per worker", label, "", "", "", "", "", f"{peak_mib(pidfile):.0f}", "VmHWM, MiB"))
    finally:
        stop(pidfile)


def residents(label: str, base: str, env: dict, bare: float, pidfile: Path, code: str) -> None:
    """The residents' pages and submissions."""
    if FIGURES_ONLY:
        return
    add_row("GET /healthz (portal's floor)", label, measure(base + "/healthz", CONNECTIONS), bare, peak_mib(pidfile),
            "every hook of every request, one SELECT 1, no page")
    for path in ("/", "/feedback/new", "/rumours/new", f"/a/{code}", "/help"):
        add_row(f"GET {path if not path.startswith('/a/') else '/a/<code>'}", label,
                measure(base + path, CONNECTIONS), bare, peak_mib(pidfile))
    for wants_answer in (False, True):
        bodies, cookie = post_bodies(env, base, max(2000, DURATION * 3000 // (40 if wants_answer else 1)), wants_answer)
        before = count_feedback(env)
        scrypt = scrypt_rate() if wants_answer else None  # measured now, under the same load
        result = measure(base + "/feedback/new", CONNECTIONS, cookie=cookie, bodies=bodies)
        stored = count_feedback(env) - before
        note = f"{stored} rows stored"
        if wants_answer:
            note += f"; scrypt alone {scrypt:.0f}/s in {WORKERS} processes, this is {result['rps'] / scrypt:.0%} of it"
        add_row("POST /feedback/new" + (" with receipt code" if wants_answer else ""), label, result, bare,
                peak_mib(pidfile), note)


def figure_pages(label: str, base: str, env: dict, bare: float, pidfile: Path, staff: dict) -> None:
    """The officers' home, the dashboard without and with each filter, and the statistics."""
    officer = staff_session(base, "officer@bench.example", staff["password"], None)
    moderator = staff_session(base, "moderator@bench.example", staff["password"], staff["totp"])
    town, area, category = python(env, FILTER_CODE).strip().splitlines()[-3:]
    for name, path, cookie in (("GET /activities (officers' home)", "/activities", officer),
                               ("GET /dashboard", "/dashboard", moderator),
                               *((f"GET /dashboard?{query}", f"/dashboard?{query}", moderator) for query in (
                                   f"municipality={town}", f"municipality={town}&area={area}", f"category={category}",
                                   "police_body=national", "channel=mediator")),
                               ("GET /stats", "/stats", "")):
        status = _status(base + path, cookie)
        if status == 404:
            add_row(name, label, None, bare, None, "no such page yet")
            continue
        add_row(name, label, measure(base + path, FIGURE_CONNECTIONS, cookie=cookie), bare, peak_mib(pidfile),
                f"{FIGURE_CONNECTIONS} connections")


# One value of each dashboard filter, to measure the page under every filter.
FILTER_CODE = """
from portal import create_app
from portal.extensions import db
app = create_app()
with app.app_context():
    town_id, town = db.session.execute(db.text("SELECT id, slug FROM municipality ORDER BY id LIMIT 1")).one()
    print(town)
    print(db.session.scalar(db.text(f"SELECT id FROM area WHERE municipality_id = {town_id} ORDER BY id LIMIT 1")))
    print(db.session.scalar(db.text("SELECT slug FROM feedback_category ORDER BY id LIMIT 1")))
"""


def _status(url: str, cookie: str) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def prepare(env: dict) -> dict:
    flask(env, "db", "upgrade")
    flask(env, "seed", "--demo")
    password, totp = python(env, STAFF_CODE).strip().splitlines()[-2:]
    return {"password": password, "totp": totp}


def load(env: dict, feedback: int, activities: int, seed: int) -> float:
    start = time.time()
    flask(env, "demo-data", "--feedback", str(feedback), "--activities", str(activities), "--seed", str(seed))
    return time.time() - start


# --- reliability -----------------------------------------------------------------------------------

def submitter(base: str, env: dict, stop_at: float, results: dict, lock: threading.Lock, marker: str, index: int) -> None:
    """Submits forms one after the other; what gets no answer is sent again, the same form, as a
    browser does after a dropped connection (at most 20 times)."""
    browser = Browser(base)
    n = 0
    while time.time() < stop_at:
        status = html = None
        with suppress(Exception):
            status, html = browser.get("/feedback/new", timeout=5)
        if status != 200:
            time.sleep(0.1)
            continue
        text = f"{marker}-{index}-{n}"
        n += 1
        body = {**FEEDBACK_FIELDS, "csrf_token": hidden(html, "csrf_token"), "started": results["stamps"].pop(),
                "text": text}
        for attempt in range(20):
            try:
                status, page = browser.post("/feedback/new", body, timeout=10)
            except Exception:  # noqa: BLE001 (a dropped connection: send the same form again)
                status, page = None, ""
            with lock:
                results["attempts"] += 1
                results["retries"] += 1 if attempt else 0
            if status == 200 and "Thank you. We received your feedback." in page:
                with lock:
                    results["acknowledged"].add(text)
                break
            time.sleep(0.05 * (attempt + 1))
        else:
            with lock:
                results["unanswered"].add(text)


def stamps(env: dict, count: int) -> list[str]:
    out = python(env, "import time\nfrom portal import create_app\nfrom portal.services.feedback import submissions\n"
                      f"app = create_app()\nwith app.app_context():\n    [print(submissions.issue('feedback', now=time.time() - 60)) for _ in range({count})]")
    return out.split()


def run_load(base: str, env: dict, seconds: float, clients: int, during=None) -> dict:
    marker = "REL" + os.urandom(4).hex()
    results = {"acknowledged": set(), "unanswered": set(), "attempts": 0, "retries": 0,
               "stamps": stamps(env, int(seconds * 400) + 1000), "marker": marker}
    lock = threading.Lock()
    stop_at = time.time() + seconds
    threads = [threading.Thread(target=submitter, args=(base, env, stop_at, results, lock, marker, i)) for i in range(clients)]
    for t in threads:
        t.start()
    if during:
        during(stop_at)
    for t in threads:
        t.join()
    return results


STORED_CODE = """
import sys, json
from portal import create_app
from portal.extensions import db
app = create_app()
with app.app_context():
    rows = db.session.execute(db.text("SELECT text, count(*) FROM feedback WHERE text LIKE :m GROUP BY text"),
                              {"m": sys.argv[1] + "-%"}).all()
    if db.engine.dialect.name == "sqlite":
        check = [r[0] for r in db.session.execute(db.text("PRAGMA integrity_check"))]
        fks = db.session.execute(db.text("PRAGMA foreign_key_check")).all()
        integrity = "ok" if check == ["ok"] and not fks else f"{check} {fks}"
    else:
        orphans = db.session.scalar(db.text("SELECT count(*) FROM feedback f LEFT JOIN municipality m ON m.id = f.municipality_id WHERE m.id IS NULL"))
        integrity = "ok (constraints enforced; no orphans)" if not orphans else f"{orphans} orphans"
    print(json.dumps({"rows": {t: n for t, n in rows}, "integrity": integrity}))
"""


def tally(env: dict, results: dict) -> dict:
    found = json.loads(subprocess.run([str(VENV / "python"), "-c", STORED_CODE, results["marker"]], env=env, cwd=ROOT,
                                      capture_output=True, text=True, check=True).stdout)
    stored = found["rows"]
    acknowledged = results["acknowledged"]
    return {"acknowledged": len(acknowledged), "stored": len(stored),
            "duplicates": sum(n - 1 for n in stored.values()), "lost": len(acknowledged - set(stored)),
            "unanswered": len(results["unanswered"]), "retries": results["retries"], "integrity": found["integrity"]}


def reliability(env: dict) -> None:
    port = free_port()
    pidfile = gunicorn("portal-reliability", env, port)
    kills = []

    def killer(stop_at):
        while time.time() < stop_at:
            time.sleep(KILL_EVERY)
            with suppress(Exception):
                workers = children(int(pidfile.read_text().strip()))
                if workers:
                    victim = workers[len(kills) % len(workers)]
                    os.kill(victim, signal.SIGKILL)
                    kills.append(victim)

    try:
        results = run_load(f"http://127.0.0.1:{port}", env, RELIABILITY, 8, killer)
        counts = tally(env, results)
    finally:
        stop(pidfile)
    note = (f"{RELIABILITY}s, 8 clients, {len(kills)} workers killed (SIGKILL every {KILL_EVERY:g}s); "
            f"acknowledged {counts['acknowledged']}, stored {counts['stored']}, duplicates {counts['duplicates']}, "
            f"lost {counts['lost']}, unanswered {counts['unanswered']}, retries {counts['retries']}; "
            f"integrity {counts['integrity']}")
    rows_out.append(("reliability: POST under SIGKILL", "SQLite", "", "", "", "", "", "", note))
    log("  " + note)


# --- scale out ---------------------------------------------------------------------------------------

def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found:
        return found
    log("nginx is missing: apt-get install -y nginx (only for make bench)")
    subprocess.run(["apt-get", "install", "-y", "-q", "nginx"], check=True, capture_output=True)
    return shutil.which("nginx") or "/usr/sbin/nginx"


def start_nginx(port: int, upstreams: list[int]) -> Path:
    prefix = WORK / f"nginx-{port}"
    (prefix / "logs").mkdir(parents=True, exist_ok=True)
    template = (BENCH / "nginx.conf").read_text()
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in upstreams)
    conf = template.replace("        server 127.0.0.1:8001 max_fails=1 fail_timeout=5s;\n        server 127.0.0.1:8002 max_fails=1 fail_timeout=5s;", servers)
    conf = conf.replace("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("pid /run/portal-nginx.pid;", f"pid {prefix}/nginx.pid;")
    conf = conf.replace("error_log /var/log/nginx/error.log error;", f"error_log {prefix}/logs/error.log crit;")
    (prefix / "nginx.conf").write_text(conf)
    subprocess.run([nginx_binary(), "-p", str(prefix), "-c", str(prefix / "nginx.conf")], check=True)
    pidfile = prefix / "nginx.pid"
    STARTED.append(pidfile)
    wait_for(f"http://127.0.0.1:{port}/healthz")
    return pidfile


def scale_out(pg_env: dict, bare: float) -> None:
    redis_url = f"{REDIS_URL}/{REDIS_DB}"
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # our own database number only
    env = {**pg_env, "PORTAL_RATELIMIT_STORAGE_URL": redis_url, "PORTAL_PROXY_COUNT": "1"}
    ports = [free_port(), free_port()]
    instances = [gunicorn(f"scale-{i}", env, port) for i, port in enumerate(ports)]
    try:
        for count in (1, 2):
            front = free_port()
            nginx = start_nginx(front, ports[:count])
            base = f"http://127.0.0.1:{front}"
            label = f"PG, {count} instance{'s' if count > 1 else ''}"
            add_row("nginx: GET /feedback/new", label, measure(base + "/feedback/new", CONNECTIONS), bare,
                    max(peak_mib(p) for p in instances[:count]))
            bodies, cookie = post_bodies(env, base, DURATION * 3000, False)
            add_row("nginx: POST /feedback/new", label, measure(base + "/feedback/new", CONNECTIONS, cookie=cookie, bodies=bodies),
                    bare, max(peak_mib(p) for p in instances[:count]))
            stop(nginx)
        # One instance stopped mid-load: nginx sends what it could not deliver to the other one.
        front = free_port()
        nginx = start_nginx(front, ports)

        def stop_one(stop_at):
            time.sleep(max(1.0, (stop_at - time.time()) / 3))
            stop(instances[0], signal.SIGKILL)

        results = run_load(f"http://127.0.0.1:{front}", env, max(10, RELIABILITY), 8, stop_one)
        counts = tally(env, results)
        note = (f"instance 1 killed (SIGKILL, master and workers) a third into {max(10, RELIABILITY)}s of load: acknowledged "
                f"{counts['acknowledged']}, stored {counts['stored']}, duplicates {counts['duplicates']}, lost "
                f"{counts['lost']}, unanswered {counts['unanswered']}; integrity {counts['integrity']}")
        rows_out.append(("scale-out: one instance stopped", "PG + Redis, nginx", "", "", "", "", "", "", note))
        log("  " + note)
        stop(nginx)
        for pidfile in instances:
            stop(pidfile)
        # Rate limits across both instances: PUBLIC_FORM_RATE_LIMIT counted once in Redis.
        limited = {**env, "PORTAL_RATELIMIT_ENABLED": "true", "PORTAL_PUBLIC_FORM_RATE_LIMIT": "10 per hour"}
        redis.Redis.from_url(redis_url).flushdb()
        instances = [gunicorn(f"limited-{i}", limited, port) for i, port in enumerate(ports)]
        front = free_port()
        nginx = start_nginx(front, ports)
        browser = Browser(f"http://127.0.0.1:{front}")
        _status, html = browser.get("/feedback/new")
        page_stamps = stamps(limited, 30)
        answers = [browser.post("/feedback/new", {**FEEDBACK_FIELDS, "csrf_token": hidden(html, "csrf_token"),
                                                  "started": page_stamps.pop(), "text": "limit"})[0] for _ in range(30)]
        note = (f"30 forms through nginx (round robin over 2 instances), limit 10 per hour: "
                f"{answers.count(200)} accepted, {answers.count(429)} refused (429)")
        rows_out.append(("scale-out: rate limit across both", "PG + Redis, nginx", "", "", "", "", "", "", note))
        log("  " + note)
        stop(nginx)
    finally:
        for pidfile in list(instances):
            stop(pidfile)
        with suppress(Exception):
            redis.Redis.from_url(redis_url).flushdb()


# --- all of it ---------------------------------------------------------------------------------------

def pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(sql)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))) // 1024
    return f"{os.cpu_count()} cores ({cpu}), {memory // 1024} GiB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def print_table() -> None:
    header = ("what", "data", "req/s", "× bare", "p50 ms", "p95 ms", "p99 ms", "peak MiB/worker", "note")
    widths = [max(len(str(row[i])) for row in [header, *rows_out]) for i in range(len(header) - 1)]
    lines = ["| " + " | ".join(str(v).ljust(w) for v, w in zip(header[:-1], widths, strict=True)) + " | " + header[-1] + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|---|"]
    for row in rows_out:
        lines.append("| " + " | ".join(str(v).ljust(w) for v, w in zip(row[:-1], widths, strict=True)) + " | " + row[-1] + " |")
    print("\n".join(lines))


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    started = time.time()
    print(f"machine: {machine()}")
    print(f"gunicorn: {WORKERS} sync workers; wrk: {THREADS} threads, {CONNECTIONS} connections "
          f"({FIGURE_CONNECTIONS} for figures), {DURATION}s a run, median of {REPEAT}; {date.today()}")
    bare_port = free_port()
    bare_pid = gunicorn("bare", env_for(WORK / "bare"), bare_port, "bare_app:app", chdir=BENCH)

    def bare_now(label: str) -> float:
        """The bare app measured again before each data set: the machine's load changes (other work
        on its two cores), and a ratio means something only against a reference measured alike."""
        result = measure(f"http://127.0.0.1:{bare_port}/", CONNECTIONS)
        add_row("bare WSGI app (reference)", label, result, result["rps"], None)
        return result["rps"]

    bare = bare_now("-")
    flask_port = free_port()
    flask_pid = gunicorn("flask", env_for(WORK / "flask"), flask_port, "flask_app:app", chdir=BENCH)
    add_row("bare Flask app (the framework's floor)", "-", measure(f"http://127.0.0.1:{flask_port}/", CONNECTIONS), bare,
            peak_mib(flask_pid), "one route, no extension")
    stop(flask_pid)

    def grow_and_bench(env: dict, staff: dict, sizes: list[int], name: str, short: str) -> None:
        """Load each size on top of the one before and measure it."""
        loaded = 0
        for rows in sorted(sizes):
            spent = load(env, rows - loaded, max(1, (rows - loaded) // 50), seed=rows)
            loaded = rows
            log(f"{name}, {rows:,} feedback rows (loaded in {spent:.0f}s)")
            label = f"{short} {rows:,}"
            bench_dataset(label, env, bare_now(label), staff)

    sqlite_env = env_for(WORK / "sqlite")
    grow_and_bench(sqlite_env, prepare(sqlite_env), ROWS, "SQLite", "SQLite")
    if RELIABILITY:
        log("reliability (SQLite)")
        reliability(sqlite_env)
    if PG_ROWS or SCALE_OUT:
        pg_admin(f'DROP DATABASE IF EXISTS "{PG_DB}"')
        pg_admin(f'CREATE DATABASE "{PG_DB}"')
        pg_env = env_for(WORK / "pg", pg_url(PG_DB))
        grow_and_bench(pg_env, prepare(pg_env), PG_ROWS, "PostgreSQL", "PG")
        if SCALE_OUT:
            log("scale-out (PostgreSQL + Redis behind nginx)")
            scale_out(pg_env, bare_now("scale-out"))
    stop(bare_pid)
    print_table()
    print(f"(whole run: {time.time() - started:.0f}s)")


if __name__ == "__main__":
    try:
        main()
    finally:
        for pidfile in list(STARTED):
            stop(pidfile)
        shutil.rmtree(WORK, ignore_errors=True)
