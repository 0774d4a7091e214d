"""Public activities: the calendar of a municipality as a page and an iCalendar feed, and the same
activities for the catalogue's "applied here" and the read-only API.

Only what an officer marked public leaves the portal (never a mediation session, a legal-clinic session or the
follow-up of a hate incident, even if an old row says public), and only its public fields: title, type,
start and end, area, format and the public summary. Never the officers' or participants' numbers,
objectives, outcomes or follow-ups. `PublicActivity` holds exactly those fields, so a page or the API
that shows one cannot reach anything else.

Times are logged as local wall times. The feed states the municipality's time zone (`TZID`, with
its `VTIMEZONE` definition in the file), so a meeting at 17:00 in Fuenlabrada shows at 11:00 to a
subscriber in New York and at 17:00 to one in Madrid. If a municipality's zone is unknown, the feed
falls back to floating times (17:00 wherever the reader is) rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from portal.extensions import db
from portal.models import Activity, Municipality
from portal.services.activities.log import SENSITIVE_TYPES
from portal.vocab import ActivityFormat, ActivityType

FEED_DAYS_BACK = 90
FEED_LIMIT = 500


def zone_of(municipality: Municipality) -> ZoneInfo | None:
    """The municipality's time zone, or None when its name is not a known IANA zone."""
    try:
        return ZoneInfo(municipality.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_time(value: datetime, municipality: Municipality) -> datetime:
    """A logged wall time with the municipality's zone attached (unchanged when the zone is unknown)."""
    zone = zone_of(municipality)
    return value.replace(tzinfo=zone) if zone is not None and value.tzinfo is None else value


def shown_publicly_clause() -> tuple:
    """SQL for `portal.services.activities.log.shown_publicly`: marked public, of a type that may be."""
    return (Activity.is_public.is_(True), Activity.type.not_in(SENSITIVE_TYPES))


def public_activity_rows(*conditions, newest_first: bool = False, limit: int | None = None, offset: int = 0) -> list[Activity]:
    query = (select(Activity).options(joinedload(Activity.area), joinedload(Activity.municipality),
                                      selectinload(Activity.practices))
             .where(*shown_publicly_clause(), *conditions))
    order = (Activity.starts_at.desc(), Activity.id.desc()) if newest_first else (Activity.starts_at, Activity.id)
    query = query.order_by(*order).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(db.session.scalars(query))


def count_public_activities(*conditions) -> int:
    from sqlalchemy import func

    return db.session.scalar(select(func.count(Activity.id)).where(*shown_publicly_clause(), *conditions)) or 0


@dataclass(frozen=True)
class PublicActivity:
    """The public fields of an activity, and nothing else."""

    id: int
    municipality_slug: str
    municipality_name: str
    area: str
    type: ActivityType
    format: ActivityFormat
    title: str
    starts_at: datetime  # aware, in the municipality's zone (naive when the zone is unknown)
    ends_at: datetime
    public_summary: str
    practices: tuple[str, ...]  # slugs of published practices applied

    @classmethod
    def of(cls, activity: Activity) -> PublicActivity:
        municipality = activity.municipality
        return cls(
            id=activity.id, municipality_slug=municipality.slug, municipality_name=municipality.name,
            area=activity.area.name if activity.area else "", type=activity.type, format=activity.format,
            title=activity.title, starts_at=local_time(activity.starts_at, municipality),
            ends_at=local_time(activity.ends_at, municipality), public_summary=activity.public_summary or "",
            practices=tuple(p.slug for p in activity.practices if p.is_published),
        )


def public_activities(municipality: Municipality, since: datetime, limit: int = FEED_LIMIT) -> list[Activity]:
    return public_activity_rows(Activity.municipality_id == municipality.id, Activity.starts_at >= since, limit=limit)


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
    """The iCalendar file: public activities from FEED_DAYS_BACK days ago on, in local time with
    the municipality's VTIMEZONE."""
    from icalendar import Calendar, Event  # 3 MiB that only the feed needs, not every worker

    since = datetime.combine(today - timedelta(days=FEED_DAYS_BACK), datetime.min.time())
    cal = Calendar()
    cal.add("prodid", "-//portal//Community policing activities//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title)
    zone = zone_of(municipality)
    if zone is not None:
        cal.add("x-wr-timezone", municipality.timezone)
    cal.add("x-published-ttl", "PT12H")
    activities = public_activities(municipality, since)
    for activity in activities:
        event = Event()
        event.add("uid", f"activity-{activity.id}@{host}")
        event.add("dtstamp", _utc(activity.updated_at))
        event.add("last-modified", _utc(activity.updated_at))
        event.add("dtstart", local_time(activity.starts_at, municipality))
        event.add("dtend", local_time(activity.ends_at, municipality))
        event.add("summary", activity.title)
        lines = [activity.public_summary.strip(), f"{activity.type.label} · {activity.format.label}"]
        event.add("description", "\n\n".join(line for line in lines if line))
        event.add("location", place_of(activity, municipality))
        event.add("categories", [str(activity.type.label)])
        event.add("url", page_url)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    if zone is not None and activities:
        # The VTIMEZONE each TZID refers to, placed before the events, with the zone's rules for
        # every day the feed covers.
        last = max(activity.ends_at for activity in activities).date()
        cal.add_missing_timezones(first_date=since.date() - timedelta(days=1), last_date=last + timedelta(days=366))
    return cal.to_ical()
