"""The public calendar of a municipality's public activities, as a page and an iCalendar feed.

Only what an officer marked public leaves the portal (never a mediation session, a legal-clinic session or the
follow-up of a hate incident, even if an old row says public), and only its public fields: title, type,
start and end, area, format and the public summary. Never the officers' or participants' numbers,
objectives, outcomes or follow-ups.

Times are local wall times (as logged), so the feed uses "floating" times: a meeting at 17:00 shows
at 17:00 whatever the reader's calendar time zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.extensions import db
from portal.models import Activity, Municipality
from portal.services.activities.log import SENSITIVE_TYPES
from portal.vocab import ActivityFormat

FEED_DAYS_BACK = 90
FEED_LIMIT = 500


def public_activities(municipality: Municipality, since: datetime, limit: int = FEED_LIMIT) -> list[Activity]:
    return list(db.session.scalars(
        select(Activity).options(joinedload(Activity.area))
        .where(Activity.municipality_id == municipality.id, Activity.is_public.is_(True), Activity.starts_at >= since,
               Activity.type.not_in(SENSITIVE_TYPES))
        .order_by(Activity.starts_at, Activity.id).limit(limit)
    ))


def upcoming(municipality: Municipality, today: date, limit: int = 100) -> list[Activity]:
    """Public activities from today on (today's already started ones included)."""
    return public_activities(municipality, datetime.combine(today, datetime.min.time()), limit)


def place_of(activity: Activity, municipality: Municipality) -> str:
    if activity.format == ActivityFormat.ONLINE:
        return str(activity.format.label)
    return ", ".join(part for part in (activity.area.name if activity.area else "", municipality.name) if part)


def _utc(value: datetime | None) -> datetime:
    value = value or datetime.now(UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def feed(municipality: Municipality, today: date, host: str, page_url: str, title: str) -> bytes:
    """The iCalendar file: public activities from FEED_DAYS_BACK days ago on."""
    since = datetime.combine(today - timedelta(days=FEED_DAYS_BACK), datetime.min.time())
    cal = Calendar()
    cal.add("prodid", "-//portal//Community policing activities//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title)
    cal.add("x-published-ttl", "PT12H")
    for activity in public_activities(municipality, since):
        event = Event()
        event.add("uid", f"activity-{activity.id}@{host}")
        event.add("dtstamp", _utc(activity.updated_at))
        event.add("last-modified", _utc(activity.updated_at))
        event.add("dtstart", activity.starts_at)
        event.add("dtend", activity.ends_at)
        event.add("summary", activity.title)
        lines = [activity.public_summary.strip(), f"{activity.type.label} · {activity.format.label}"]
        event.add("description", "\n\n".join(line for line in lines if line))
        event.add("location", place_of(activity, municipality))
        event.add("categories", [str(activity.type.label)])
        event.add("url", page_url)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return cal.to_ical()
