"""Public pages: no account, no login, nothing stored about the visitor."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import text

from portal.extensions import db
from portal.public import feedback_views, help_views, open_data_views, practice_views, published_views, rumour_views, status_views  # noqa: F401,E501  (they add routes to bp)
from portal.public.blueprint import bp

__all__ = ["bp"]


@bp.route("/")
def home():
    return render_template("public/home.html")


@bp.route("/healthz")
def healthz():
    """For load balancers: the app answers and the database is reachable."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}
