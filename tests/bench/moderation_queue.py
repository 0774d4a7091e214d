"""Time per page of the moderators' queue under each filter, in-process, on a database that already
holds the rows (`demo-data`). Prints a table of the median and the slowest of REPEAT runs.

    PORTAL_DATABASE_URL=sqlite:////tmp/q/portal.sqlite3 .venv/bin/python tests/bench/moderation_queue.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from portal import create_app  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.models import Feedback, User  # noqa: E402
from portal.services import dates  # noqa: E402
from portal.services.moderation import queue  # noqa: E402
from portal.vocab import FeedbackStatus, PoliceBody  # noqa: E402

REPEAT = int(os.environ.get("REPEAT", "7"))
FILTERS = {
    "no filter": {}, "status": {"status": FeedbackStatus.RECEIVED}, "municipality": {"municipality": "lisboa"},
    "category": {"category": "hate-crime"}, "assignee: nobody": {"assignee": "nobody"}, "unread": {"unread": True},
    "rating": {"rating": 1}, "channel: mediator": {"channel": "mediator"}, "police body": {"police_body": PoliceBody.NATIONAL},
    "area": {"area_id": 3}, "month": {"month": dates.add_months(dates.today(), -3)}, "words": {"text": "insulting"},
    "rumour reports": {"kind": "rumours"}, "oldest first": {"sort": "oldest"}, "worst rating first": {"sort": "rating-low"},
    "waiting > 7 days": {"overdue": True}, "page 40": {"_page": 40},
}


def main() -> None:
    app = create_app()
    with app.app_context():
        rows = db.session.scalar(db.select(db.func.count()).select_from(Feedback))
        actor = db.session.scalar(db.select(User).limit(1)) or User(id=0)
        print(f"{db.engine.dialect.name}, {rows:,} feedback rows, median and slowest of {REPEAT} runs (ms)")
        for label, filters in FILTERS.items():
            page = filters.pop("_page", 1) if "_page" in filters else 1
            spent = []
            for _ in range(REPEAT):
                db.session.expire_all()
                start = time.perf_counter()
                result = queue.page_of(actor, queue.QueueFilters(**filters), page=page, today=date.today())
                spent.append((time.perf_counter() - start) * 1000)
                db.session.rollback()
            print(f"  {label:<22} {statistics.median(spent):8.1f} {max(spent):8.1f}   {len(result.rows)} rows")


if __name__ == "__main__":
    main()
