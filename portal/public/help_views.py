"""/help: organisations that help without the police, for one town or for all. The same for every
resident in a language, so it is kept per language and catalogue version (`page_cache`)."""

from __future__ import annotations

from flask import render_template, request

from portal.public import page_cache
from portal.public.blueprint import bp
from portal.services import places
from portal.services.accounts import partners


@bp.route("/help", endpoint="help")
def help_page():
    if page_cache.serves(params=("municipality",)):
        return page_cache.page("help", _help_page)
    return _help_page()


def _help_page():
    slug = request.args.get("municipality", "", type=str)[:64]
    chosen = places.municipality_by_slug(slug)
    return render_template(
        "public/help.html",
        directory=partners.help_directory(chosen),
        municipalities=places.active_municipalities(),
        chosen=chosen,
        unknown_town=bool(slug) and chosen is None,
    )
