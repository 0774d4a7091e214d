"""Public pages: no account, no login, nothing stored about the visitor."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import text

from portal.extensions import db
from portal.public import (  # noqa: F401  (they add routes to bp)
    feedback_views,
    help_views,
    open_data_views,
    page_cache,
    practice_views,
    published_views,
    rumour_views,
    stats_views,
    status_views,
)
from portal.public.blueprint import bp
from portal.services.statistics import public

__all__ = ["bp"]


@bp.route("/")
def home():
    summary = public.home_summary()
    if db.session().in_transaction():  # not when the process already holds the release
        db.session.commit()  # the quarter's public figures, stored the first time anyone asks

    def render():
        return render_template("public/home.html", summary=summary, period=stats_views.period_of(summary.quarter))

    if page_cache.serves():  # the same for every resident in a language: kept per summary (`page_cache`)
        return page_cache.page("home", render, extra=(summary,))
    return render()


@bp.route("/healthz")
def healthz():
    """For load balancers: the app answers and the database is reachable."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}
