"""/help: organisations that help without the police, for one town or for all."""

from __future__ import annotations

from flask import render_template, request

from portal.public.blueprint import bp
from portal.services import places
from portal.services.accounts import partners


@bp.route("/help", endpoint="help")
def help_page():
    slug = request.args.get("municipality", "", type=str)[:64]
    chosen = places.municipality_by_slug(slug)
    return render_template(
        "public/help.html",
        directory=partners.help_directory(chosen),
        municipalities=places.active_municipalities(),
        chosen=chosen,
        unknown_town=bool(slug) and chosen is None,
    )
