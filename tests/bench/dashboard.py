"""Time of the dashboard's figures under each filter, in-process, on a database that already holds
the rows (`demo-data`): median and slowest of REPEAT runs, in milliseconds.

    PORTAL_DATABASE_URL=sqlite:////tmp/q/portal.sqlite3 .venv/bin/python tests/bench/dashboard.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from portal import create_app  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.models import Feedback, FeedbackRollup  # noqa: E402
from portal.services import dates  # noqa: E402
from portal.services.statistics import figures, practices  # noqa: E402

REPEAT = int(os.environ.get("REPEAT", "7"))


def everything(filters) -> None:
    towns = {}
    figures.volume(filters)
    figures.treatment_by_municipality(filters, towns)
    for column in ("category_id", "police_body", "gender"):
        figures.treatment_by(filters, column)
    figures.answering(filters)
    figures.activities(filters)
    practices.practice_view(filters)
    figures.rumours(filters)


def main() -> None:
    app = create_app()
    with app.app_context():
        rows = db.session.scalar(db.select(db.func.count()).select_from(Feedback))
        cells = db.session.scalar(db.select(db.func.count()).select_from(FeedbackRollup))
        base = figures.default_filters()
        town = db.session.scalar(db.text("SELECT id FROM municipality ORDER BY id LIMIT 1"))
        category = db.session.scalar(db.text("SELECT id FROM feedback_category ORDER BY id LIMIT 1"))
        cases = {
            "all, last 12 months": base,
            "one municipality": figures.Filters(base.first_month, base.last_month, municipality_id=town),
            "one category": figures.Filters(base.first_month, base.last_month, category_id=category),
            "police body": figures.Filters(base.first_month, base.last_month, police_body="national"),
            "channel": figures.Filters(base.first_month, base.last_month, channel="mediator"),
            "24 months": figures.Filters(dates.add_months(base.last_month, -23), base.last_month),
        }
        print(f"{db.engine.dialect.name}, {rows:,} feedback rows, {cells:,} aggregate cells; median and slowest of {REPEAT} (ms)")
        for label, filters in cases.items():
            spent = []
            for _ in range(REPEAT):
                start = time.perf_counter()
                everything(filters)
                spent.append((time.perf_counter() - start) * 1000)
                db.session.rollback()
            print(f"  {label:<22} {statistics.median(spent):8.1f} {max(spent):8.1f}")


if __name__ == "__main__":
    main()
