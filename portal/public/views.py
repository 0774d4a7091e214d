"""Public pages: no account, no login, nothing stored about the visitor."""

from __future__ import annotations

from flask import Blueprint, render_template
from sqlalchemy import text

from portal.extensions import db

bp = Blueprint("public", __name__)


@bp.route("/")
def home():
    return render_template("public/home.html")


@bp.route("/healthz")
def healthz():
    """For load balancers: the app answers and the database is reachable."""
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}
