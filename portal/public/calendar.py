"""The public calendar: when a municipality's public meetings and activities happen, as a page and
as an iCalendar feed residents and partners can subscribe to. No account, no login; only what an
officer marked public, and only its public fields."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _

from portal.services import dates, places
from portal.services.activities import calendar as calendar_service
from portal.services.activities.posters import public_link

bp = Blueprint("calendar", __name__)


def _public_url(endpoint: str, **values) -> str:
    """A full address on the configured PUBLIC_URL (the request's own address only when unset)."""
    return public_link(url_for(endpoint, **values), public_url=current_app.config.get("PUBLIC_URL"),
                       host_url=request.host_url, script_root=request.script_root)


def _host_of(url: str) -> str:
    """The host name for the events' UIDs."""
    try:
        return urlsplit(url).hostname or "localhost"
    except ValueError:  # a broken [IPv6] Host header
        return "localhost"


def _municipality(slug: str):
    municipality = places.municipality_by_slug(slug)
    if municipality is None:
        abort(404)
    return municipality


@bp.route("/calendar")
def index():
    return render_template("calendar/index.html", municipalities=places.active_municipalities())


@bp.route("/calendar/<municipality_slug>")
def upcoming(municipality_slug: str):
    municipality = _municipality(municipality_slug)
    feed_url = _public_url(".feed", municipality_slug=municipality.slug)
    return render_template(
        "calendar/upcoming.html", municipality=municipality, feed_url=feed_url,
        webcal_url="webcal://" + feed_url.split("://", 1)[-1],
        activities=calendar_service.upcoming(municipality, dates.today()), place_of=calendar_service.place_of,
    )


@bp.route("/calendar/<municipality_slug>.ics")
def feed(municipality_slug: str):
    municipality = _municipality(municipality_slug)
    page_url = _public_url(".upcoming", municipality_slug=municipality.slug)
    body = calendar_service.feed(
        municipality, dates.today(), host=_host_of(page_url), page_url=page_url,
        title=_("Community policing in %(place)s", place=municipality.name),
    )
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": f'inline; filename="{municipality.slug}.ics"'})
