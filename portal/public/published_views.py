"""/feedback/published: residents' feedback that moderators reviewed and published, with their
answers; /rumours: rumours moderators answered with facts and arguments.

The privacy rule: these views get public versions only (`PublishedItem`, `PublicRumour`), never a
resident's own words, a rejected or unpublished item, or a rumour report.
"""

from __future__ import annotations

from flask import render_template, request

from portal.forms import page_number
from portal.public.blueprint import bp
from portal.public.transparency_forms import PublishedFilterForm, RumourFilterForm
from portal.services import places
from portal.services.catalogue import practices
from portal.services.feedback import countered_rumours, published
from portal.vocab import RumourStatus


def _by_slug(items, slug):
    return next((item for item in items if item.slug == slug), None) if slug else None


@bp.route("/feedback/published")
def published_feedback():
    towns = places.active_municipalities()
    categories = published.categories_in_use()
    linked = [(p, p.title) for p in practices.published_practices()]
    form = PublishedFilterForm(request.args)
    form.set_choices(towns, categories, linked)
    valid = form.validate()
    town = _by_slug(towns, form.ok("municipality"))
    category = _by_slug(categories, form.ok("category"))
    practice = next((p for p, _title in linked if p.slug == form.ok("practice")), None)
    filters = published.PublishedFilters(
        municipality_id=town.id if town else None, category_id=category.id if category else None,
        month_from=form.month("month_from"), month_to=form.month("month_to"), practice_id=practice.id if practice else None)
    page = published.browse(filters, page=request.args.get("page", 1, type=page_number))
    filtered = any(v for k, v in request.args.items() if k not in ("page", "lang"))
    return render_template("public/published_feedback.html", form=form, page=page, filtered=filtered), \
        (200 if valid else 400)


@bp.route("/rumours")
def countered_rumours_list():
    towns = places.active_municipalities()
    form = RumourFilterForm(request.args)
    form.set_choices(towns)
    valid = form.validate()
    town = _by_slug(towns, form.ok("municipality"))
    status = RumourStatus(form.ok("status")) if form.ok("status") else None
    page = countered_rumours.browse(countered_rumours.RumourFilters(municipality_id=town.id if town else None, status=status),
                                    page=request.args.get("page", 1, type=page_number))
    filtered = any(v for k, v in request.args.items() if k not in ("page", "lang"))
    return render_template("public/rumours.html", form=form, page=page, filtered=filtered), (200 if valid else 400)
