"""/stats: the public statistics, one ended calendar quarter at a time, with how they are made.

Every figure comes from the quarter's stored public release (`portal.services.statistics.public`),
the same one the home page, the open-data files and the API show.
"""

from __future__ import annotations

from flask import render_template, request

from portal.extensions import db
from portal.public.blueprint import bp
from portal.public.transparency_forms import StatsForm
from portal.services.statistics import public
from portal.templating import month_label
from portal.vocab import ActivityType


@bp.route("/stats")
def stats():
    quarters = public.available()
    form = StatsForm(request.args)
    form.set_choices([(public.quarter_id(q), period_of(q)) for q in quarters])
    valid = form.validate()
    chosen = public.parse_quarter(form.ok("quarter")) or quarters[0]
    form.quarter.data = public.quarter_id(chosen)  # the list shows the quarter the page shows
    found = public.release(chosen)
    db.session.commit()  # a quarter's public figures are stored the first time they are shown, then never change
    return render_template(
        "public/stats.html", form=form, quarter=chosen, release=found, names=public.names(),
        categories=public.category_labels(), types={t.value: t.label for t in ActivityType}, share=public.share,
        period=period_of(chosen), quarter_id=public.quarter_id(chosen), index_rows=lambda label: _index_rows(found, label),
    ), (200 if valid else 400)


def _index_rows(found: dict, all_label: str) -> list[tuple]:
    """(label, value, low, high) for the chart: each town, then all of them."""
    names = public.names()
    rows = [(names.get(town["slug"], town["slug"]), town["treatment_index"]) for town in found["municipalities"]]
    rows.append((all_label, found["all"]["treatment_index"]))
    return [(label, *((i["value"], i["low"], i["high"]) if i else (None, None, None))) for label, i in rows]


def period_of(quarter) -> str:
    first, last = public.quarter_months(quarter)
    return f"{month_label(first)} – {month_label(last)}"
