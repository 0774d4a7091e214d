"""The public calendar: when a municipality's public meetings and activities happen, as a page and
as an iCalendar feed residents and partners can subscribe to. No account, no login; only what an
officer marked public, and only its public fields."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, render_template, request, url_for
from flask_babel import gettext as _

from portal.services import calendar as calendar_service

bp = Blueprint("calendar", __name__)


def _municipality(slug: str):
    municipality = calendar_service.find_municipality(slug)
    if municipality is None:
        abort(404)
    return municipality


@bp.route("/calendar")
def index():
    return render_template("calendar/index.html", municipalities=calendar_service.active_municipalities())


@bp.route("/calendar/<municipality_slug>")
def upcoming(municipality_slug: str):
    municipality = _municipality(municipality_slug)
    feed_url = url_for(".feed", municipality_slug=municipality.slug, _external=True)
    return render_template(
        "calendar/upcoming.html", municipality=municipality, feed_url=feed_url,
        webcal_url="webcal://" + feed_url.split("://", 1)[-1],
        activities=calendar_service.upcoming(municipality, date.today()), place_of=calendar_service.place_of,
    )


@bp.route("/calendar/<municipality_slug>.ics")
def feed(municipality_slug: str):
    municipality = _municipality(municipality_slug)
    body = calendar_service.feed(
        municipality, date.today(), host=request.host.split(":")[0],
        page_url=url_for(".upcoming", municipality_slug=municipality.slug, _external=True),
        title=_("Community policing in %(place)s", place=municipality.name),
    )
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": f'inline; filename="{municipality.slug}.ics"'})
