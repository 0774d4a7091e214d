"""/practices: the catalogue of good practices, searchable and filtered by topic and country, and
/practices/<slug>: one practice, with where it was applied here and what residents say about it.

Public, no account; nothing about the visitor is read but the language they chose. What a page shows
about activities and feedback comes from services that return only public fields.
"""

from __future__ import annotations

from flask import abort, render_template, request

from portal.extensions import db
from portal.forms import page_number
from portal.i18n import select_language, select_locale
from portal.models import EvidenceStrength
from portal.public.blueprint import bp
from portal.public.transparency_forms import CatalogueFilterForm
from portal.services.catalogue import practices


@bp.route("/practices")
def practices_list():
    form = CatalogueFilterForm(request.args)
    locale = select_locale()
    form.set_choices(practices.all_tags(), [(c, practices.country_name(c, locale)) for c in practices.all_countries()])
    valid = form.validate()
    filters = practices.CatalogueFilters(q=form.ok("q") or "", tag=form.ok("tag") or "", country=form.ok("country") or "")
    page = practices.browse(filters, page=request.args.get("page", 1, type=page_number))
    language = select_language()
    return render_template(
        "public/practices.html", form=form, page=page, filtered=any((filters.q, filters.tag, filters.country)),
        text_of=lambda practice: practices.shown_text(practice, language),
        country_name=lambda country: practices.country_name(country, locale),
    ), (200 if valid else 400)


@bp.route("/practices/<slug>")
def practice(slug: str):
    view = practices.practice_page(slug, select_language())
    if view is None:
        abort(404)
    db.session.commit()  # the quarter's public figures, stored the first time anyone asks
    locale = select_locale()
    return render_template("public/practice.html", page=view, scale=list(EvidenceStrength)[1:],
                           country_name=lambda country: practices.country_name(country, locale))
