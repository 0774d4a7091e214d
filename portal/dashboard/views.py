"""`/dashboard`: how residents feel treated, how well the portal answers them, what municipalities
did, and which good practices go with better relations. Moderators and admins; every figure follows
the filters in the address, and every figure downloads as CSV with the same filters.

Figures come from the maintained aggregates (`portal.services.statistics`), never from a scan of the
feedback table, so the page costs the same at ten thousand rows and at a million.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

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


class Figures(Mapping):
    """The page's figures, each computed the first time it is read: the page reads them all, a
    download only what its table needs (it computed every figure before)."""

    def __init__(self, makers: dict[str, Callable[[], object]]):
        self._makers, self._made = makers, {}

    def __getitem__(self, name: str):
        if name not in self._made:
            self._made[name] = self._makers[name]()
        return self._made[name]

    def __iter__(self):
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


def build(form, filters, today) -> Figures:
    """Every figure of the page, for the page itself and for its downloads."""
    towns = {m.id: m.name for m in form.municipalities}
    categories = {c.id: c for c in form.categories}
    chosen = form.chosen_practice()

    @functools.cache
    def practice_view():
        return practices.practice_view_and_cells(filters, chosen.id if chosen else None)

    @functools.cache
    def by_town():  # the ratings the practice view read serve this figure too
        return figures.treatment_by_municipality(filters, towns, practice_view()[1])

    return Figures({
        "filters": lambda: filters, "towns": lambda: towns, "categories": lambda: categories,
        "practice": lambda: chosen, "channels": lambda: CHANNELS,
        "volume": lambda: figures.volume(filters),
        "together": lambda: by_town()[0], "each": lambda: by_town()[1],
        "by_category": lambda: [(categories[k], i) for k, i in figures.treatment_by(filters, "category_id")],
        "by_police": lambda: [(PoliceBody(k), i) for k, i in figures.treatment_by(filters, "police_body")],
        "by_gender": lambda: [(Gender(k) if k else None, i) for k, i in figures.treatment_by(filters, "gender")],
        "answering": lambda: figures.answering(filters, today),
        "activities": lambda: figures.activities(filters, today),
        "evidence": lambda: practice_view()[0], "rumours": lambda: figures.rumours(filters),
        "practice_chart": lambda: [(e.practice.title, e.with_without.value, e.with_without.low, e.with_without.high)
                                   for e in practice_view()[0] if e.with_without.enough],
    })


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
