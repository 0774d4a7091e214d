"""`/dashboard`: how residents feel treated, how well the portal answers them, what municipalities
did, and which good practices go with better relations. Moderators and admins; every figure follows
the filters in the address, and every figure downloads as CSV with the same filters.

Figures come from the maintained aggregates (`portal.services.statistics`), never from a scan of the
feedback table, so the page costs the same at ten thousand rows and at a million.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from portal.dashboard import downloads
from portal.dashboard.forms import CHANNELS, DashboardFilterForm
from portal.extensions import db
from portal.models import FeedbackCategory, GoodPractice
from portal.permissions import guard_blueprint
from portal.services import dates, places
from portal.services.statistics import figures, practices
from portal.vocab import Gender, PoliceBody, Role

bp = Blueprint("dashboard", __name__)
guard_blueprint(bp, Role.MODERATOR, Role.ADMIN)


def _form(today):
    categories = list(db.session.scalars(db.select(FeedbackCategory).order_by(FeedbackCategory.sort_order)))
    published = list(db.session.scalars(db.select(GoodPractice).filter_by(is_published=True).order_by(GoodPractice.title)))
    return DashboardFilterForm(request.args, municipalities=places.all_municipalities(), categories=categories,
                               practices=published, today=today)


def build(form, filters, today) -> dict:
    """Every figure of the page, for the page itself and for its downloads."""
    towns = {m.id: m.name for m in form.municipalities}
    categories = {c.id: c for c in form.categories}
    chosen = form.chosen_practice()
    evidence, cells = practices.practice_view_and_cells(filters, chosen.id if chosen else None)
    together, each = figures.treatment_by_municipality(filters, towns, cells)
    return {
        "filters": filters, "towns": towns, "categories": categories, "practice": chosen,
        "volume": figures.volume(filters), "together": together, "each": each,
        "by_category": [(categories[k], i) for k, i in figures.treatment_by(filters, "category_id")],
        "by_police": [(PoliceBody(k), i) for k, i in figures.treatment_by(filters, "police_body")],
        "by_gender": [(Gender(k) if k else None, i) for k, i in figures.treatment_by(filters, "gender")],
        "answering": figures.answering(filters, today), "activities": figures.activities(filters, today),
        "evidence": evidence, "rumours": figures.rumours(filters), "channels": CHANNELS,
        "practice_chart": [(e.practice.title, e.with_without.value, e.with_without.low, e.with_without.high)
                           for e in evidence if e.with_without.enough],
    }


@bp.route("/dashboard")
def index():
    today = dates.today()
    form = _form(today)
    valid = form.validate()
    filters = form.to_filters()
    return render_template("dashboard/index.html", form=form, today=today, **build(form, filters, today),
                           filtered=any(v for k, v in request.args.items() if k != "lang")), (200 if valid else 400)


@bp.route("/dashboard/<any(" + ",".join(f'"{name}"' for name in downloads.FIGURES) + "):figure>.csv")
def download(figure: str):
    today = dates.today()
    form = _form(today)
    if not form.validate():
        abort(400)
    filters = form.to_filters()
    rows = downloads.FIGURES[figure](build(form, filters, today))
    name = f"{figure}-{filters.first_month:%Y-%m}-{filters.last_month:%Y-%m}.csv"
    return Response(downloads.csv_text(rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
