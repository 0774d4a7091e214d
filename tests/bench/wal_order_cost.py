"""What it costs to keep SQLite's write-ahead log from dating residents (issue 11, point 8).

Posts N resident feedback forms through the real app on a SQLite file, once as shipped (checkpoint
and truncate the log after each resident commit, random ids) and once with the checkpoint turned
off, and prints the time per submission; then times the random-id look-up itself.

    .venv/bin/python tests/bench/wal_order_cost.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from portal import create_app  # noqa: E402
from portal import db as portal_db  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.models import Base, Feedback  # noqa: E402
from portal.services.catalogue.seed import seed_all  # noqa: E402
from tests.conftest import _config, csrf_from  # noqa: E402
from tests.functional.test_feedback_views import feedback_data  # noqa: E402


def _app(folder: Path):
    app = create_app(_config(f"sqlite:///{folder / 'portal.sqlite3'}", PUBLIC_FORM_RATE_LIMIT="1000000 per hour",
                             FORM_MIN_SECONDS=0))
    with app.app_context():
        Base.metadata.create_all(db.engine)
        seed_all()
        db.session.commit()
    return app


def _post_many(app, n: int) -> list[float]:
    from portal.public.antispam import issue_started

    times = []
    client = app.test_client()
    with app.app_context():
        for i in range(n):
            token = csrf_from(client.get("/feedback/new").get_data(as_text=True))
            body = {**feedback_data(text=f"Feedback {i}: they stopped us without a reason."), "csrf_token": token,
                    "started": issue_started("feedback", now=time.time() - 60)}
            start = time.perf_counter()
            response = client.post("/feedback/new", data=body)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200
    return times


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        shipped = _post_many(_app(Path(a)), n)
        real_checkpoint = portal_db.checkpoint
        portal_db.checkpoint = lambda _engine: True  # the log is left to SQLite's own checkpoints
        try:
            without = _post_many(_app(Path(b)), n)
        finally:
            portal_db.checkpoint = real_checkpoint
        app = _app(Path(a))
        with app.app_context(), db.engine.connect() as connection:
            start = time.perf_counter()
            for _ in range(n):
                portal_db._random_id(connection, Feedback.__table__)
            random_id = (time.perf_counter() - start) / n
    def ms(values):
        return f"median {statistics.median(values) * 1000:.2f} ms, p95 {sorted(values)[int(len(values) * .95)] * 1000:.2f} ms"

    print(f"{n} resident submissions (POST /feedback/new, SQLite file, WAL)")
    print(f"  as shipped (checkpoint + truncate after each): {ms(shipped)}")
    print(f"  checkpoint off:                                {ms(without)}")
    print(f"  cost of the checkpoint: {(statistics.median(shipped) - statistics.median(without)) * 1000:+.2f} ms a submission")
    print(f"  random id look-up: {random_id * 1000:.3f} ms a row")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
