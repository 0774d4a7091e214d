"""The public calendar: public activities only, public fields only, no login."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from icalendar import Calendar

from portal.extensions import db
from portal.vocab import ActivityFormat, ActivityType
from tests import factories


def _soon(days: int, hour: int = 17) -> datetime:
    return datetime.combine(date.today() + timedelta(days=days), datetime.min.time()).replace(hour=hour)


def _public_meeting(**fields):
    defaults = {"title": "Open meeting on safety", "is_public": True, "starts_at": _soon(7),
                "public_summary": "Everyone is welcome. Interpretation into Romani.",
                "officers_count": 4321, "participants_count": 98765, "women_count": 8765, "roma_count": 7654,
                "objectives": "INTERNAL objective", "outcomes": "INTERNAL outcome",
                "organising_unit": "INTERNAL unit", "partner_organisations": "INTERNAL partners"}
    activity = factories.activity(**(defaults | fields))
    activity.area = activity.municipality.areas[0]
    db.session.commit()
    return activity


def test_the_feed_lists_public_activities_with_public_fields_only(client):
    meeting = _public_meeting()
    factories.activity(title="Internal stop data review", is_public=False, starts_at=_soon(3))
    factories.activity("lisboa", title="Lisbon meeting", is_public=True, starts_at=_soon(4))
    db.session.commit()
    response = client.get("/calendar/fuenlabrada.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    body = response.get_data(as_text=True)
    assert "INTERNAL" not in body
    # As whole numbers: a UID or a time stamp may hold the same digits inside a longer run.
    assert not re.search(r"(?<!\d)(4321|98765|8765|7654)(?!\d)", body)
    assert meeting.feedback_code not in body
    calendar = Calendar.from_ical(response.get_data())
    events = list(calendar.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Open meeting on safety"]
    event = events[0]
    # local wall time as logged, in the municipality's zone (see test_calendar_timezones.py)
    assert event.decoded("DTSTART").replace(tzinfo=None) == meeting.starts_at
    assert event.decoded("DTEND").replace(tzinfo=None) == meeting.ends_at
    assert event["DTSTART"].params["TZID"] == "Europe/Madrid"
    assert str(event["LOCATION"]) == f"{meeting.area.name}, Fuenlabrada"
    assert "Everyone is welcome" in str(event["DESCRIPTION"]) and "Partnership or community meeting" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == f"activity-{meeting.id}@localhost"


def test_online_activities_say_online_instead_of_a_place(client):
    _public_meeting(title="Webinar on rights", type=ActivityType.ONLINE_EVENT, format=ActivityFormat.ONLINE)
    event = Calendar.from_ical(client.get("/calendar/fuenlabrada.ics").get_data()).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Online"


def test_old_activities_drop_out_of_the_feed(client):
    _public_meeting(title="Long ago", starts_at=_soon(-200))
    _public_meeting(title="Last month", starts_at=_soon(-30))
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(client.get("/calendar/fuenlabrada.ics").get_data()).walk("VEVENT")]
    assert summaries == ["Last month"]


def test_the_page_lists_upcoming_public_activities_and_how_to_subscribe(client):
    _public_meeting(title="Next week's meeting")
    _public_meeting(title="Last week's meeting", starts_at=_soon(-7))
    response = client.get("/calendar/fuenlabrada")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.count("<h1>") == 1
    assert "Next week&#39;s meeting" in html and "Last week" not in html
    assert "Everyone is welcome. Interpretation into Romani." in html
    assert "INTERNAL" not in html
    assert not re.search(r"(?<!\d)(4321|98765|8765|7654)(?!\d)", html)
    assert 'href="webcal://localhost/calendar/fuenlabrada.ics"' in html
    assert 'href="http://localhost/calendar/fuenlabrada.ics"' in html
    assert "Staff login" in html  # nobody is logged in: a public page


def test_the_index_lists_active_municipalities(client):
    html = client.get("/calendar").get_data(as_text=True)
    assert 'href="/calendar/fuenlabrada"' in html and 'href="/calendar/lisboa"' in html


def test_unknown_and_retired_municipalities_are_404(client):
    assert client.get("/calendar/atlantis").status_code == 404
    assert client.get("/calendar/atlantis.ics").status_code == 404
    factories.municipality("lisboa").is_active = False
    db.session.commit()
    assert client.get("/calendar/lisboa").status_code == 404
    assert client.get("/calendar/lisboa.ics").status_code == 404


def test_an_empty_calendar_is_still_a_valid_feed(client):
    response = client.get("/calendar/miskolc.ics")
    assert response.status_code == 200
    assert list(Calendar.from_ical(response.get_data()).walk("VEVENT")) == []
    assert "No public meetings are planned" in client.get("/calendar/miskolc").get_data(as_text=True)
