"""Calendar feeds give times in the municipality's own time zone (TZID with its VTIMEZONE), so a
subscriber elsewhere sees the right hour; the zone comes from the municipality."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from portal.extensions import db
from portal.models import Municipality
from tests import factories


def _meeting(slug: str, start: datetime):
    activity = factories.activity(slug, title="Meeting on safety", is_public=True, starts_at=start)
    db.session.commit()
    return activity


def _event_and_zone(client, slug: str):
    calendar = Calendar.from_ical(client.get(f"/calendar/{slug}.ics").get_data())
    [event] = calendar.walk("VEVENT")
    [vtimezone] = calendar.walk("VTIMEZONE")
    return event, vtimezone


def _soon(days: int, hour: int) -> datetime:
    return datetime.combine(date.today() + timedelta(days=days), datetime.min.time()).replace(hour=hour)


def test_the_seed_municipalities_have_their_zones(app):
    zones = {m.slug: m.timezone for m in db.session.scalars(db.select(Municipality))}
    assert zones == {"fuenlabrada": "Europe/Madrid", "lisboa": "Europe/Lisbon", "cluj-napoca": "Europe/Bucharest",
                     "sofia": "Europe/Sofia", "kosice": "Europe/Bratislava", "miskolc": "Europe/Budapest"}


def test_a_subscriber_in_another_zone_sees_the_right_hour(client):
    start = _soon(20, 17)
    _meeting("fuenlabrada", start)
    event, vtimezone = _event_and_zone(client, "fuenlabrada")
    assert event["DTSTART"].params["TZID"] == "Europe/Madrid" == str(vtimezone["TZID"])
    assert event["DTSTART"].to_ical() == start.strftime("%Y%m%dT%H%M%S").encode()  # wall time as logged, not floating
    # What a calendar app does: read the offset from the file's own VTIMEZONE, then show the
    # instant in the reader's zone.
    zone_from_file = vtimezone.to_tz(lookup_tzid=False)
    instant = event.decoded("DTSTART").replace(tzinfo=zone_from_file)
    expected = start.replace(tzinfo=ZoneInfo("Europe/Madrid"))
    assert instant.astimezone(UTC) == expected.astimezone(UTC)
    new_york = instant.astimezone(ZoneInfo("America/New_York"))
    assert new_york.hour == expected.astimezone(ZoneInfo("America/New_York")).hour
    assert new_york.hour != 17  # six hours earlier in New York


def test_summer_and_winter_offsets_come_from_the_vtimezone(client):
    winter, summer = datetime(2027, 1, 15, 18, 0), datetime(2027, 7, 15, 18, 0)
    for start in (winter, summer):
        factories.activity("cluj-napoca", is_public=True, starts_at=start)
    db.session.commit()
    calendar = Calendar.from_ical(client.get("/calendar/cluj-napoca.ics").get_data())
    zone = calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    utc_hours = sorted(e.decoded("DTSTART").replace(tzinfo=zone).astimezone(UTC).hour for e in calendar.walk("VEVENT"))
    assert utc_hours == [15, 16]  # 18:00 in Bucharest: UTC+3 in summer, UTC+2 in winter


def test_an_unknown_zone_falls_back_to_floating_times(client):
    town = factories.municipality("miskolc")
    town.timezone = "Mars/Olympus_Mons"
    start = _soon(5, 10)
    _meeting("miskolc", start)
    calendar = Calendar.from_ical(client.get("/calendar/miskolc.ics").get_data())
    [event] = calendar.walk("VEVENT")
    assert "TZID" not in event["DTSTART"].params and not calendar.walk("VTIMEZONE")
    assert event.decoded("DTSTART") == start
