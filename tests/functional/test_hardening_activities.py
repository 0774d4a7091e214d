"""Findings of the security review in the activity log, the poster and the public calendar: input that
used to end in a 500, sensitive activities that could be made public, and links built from the
Host header. Bad input gets a 4xx with a plain message and keeps what was typed."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from portal.extensions import db
from portal.models import Activity, FollowUp
from portal.services.activities import log as activity_service
from portal.services.activities.log import ActivityError, ActivityInput
from portal.vocab import ActivityType
from tests import factories
from tests.conftest import csrf_from, get_csrf
from tests.functional.activity_helpers import activity_form

YEAR_MESSAGE = "Give a year between 2000 and 2100."
PRIVATE_TYPE = "This type of activity is never shown to the public. Untick this box."
HUGE = "99999999999999999999"
JUST_TOO_BIG = "2147483648"  # one more than a PostgreSQL integer holds


def _count() -> int:
    db.session.expire_all()
    return db.session.scalar(db.select(db.func.count()).select_from(Activity))


def _soon(days: int = 7) -> datetime:
    return datetime.combine(date.today() + timedelta(days=days), datetime.min.time()).replace(hour=17)


# --- dates far away --------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["date_to=9999-12-31", "date_from=9999-12-31", "date_from=1900-01-01"])
def test_a_filter_date_in_an_absurd_year_is_explained_not_a_500(staff_client, query):
    c, _officer = staff_client("officer")
    factories.activity(title="Meeting in the park")
    db.session.commit()
    response = c.get(f"/activities?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert YEAR_MESSAGE in html
    assert f'value="{query.split("=")[1]}"' in html  # what was typed stays in the field
    assert "Meeting in the park" in html  # the list still shows, without the bad filter
    export = c.get(f"/activities/export.csv?{query}")
    assert export.status_code == 400 and YEAR_MESSAGE in export.get_data(as_text=True)


def test_the_last_possible_day_does_not_break_the_list_query(app):
    """The service itself copes with date.max (a caller other than the form could pass it)."""
    officer = factories.user("officer")
    factories.activity(title="Kept")
    db.session.commit()
    filters = activity_service.ActivityFilters(date_to=date.max)
    assert [a.title for a in activity_service.list_activities(officer, filters).items] == ["Kept"]


def test_a_start_late_in_year_9999_is_refused_with_the_input_kept(staff_client):
    c, _officer = staff_client("officer")
    response = c.post("/activities/new", data=activity_form(c, starts_at="9999-12-31T23:30", ends_at=""))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert YEAR_MESSAGE in html and 'value="9999-12-31T23:30"' in html
    assert 'value="Monthly meeting with the Roma association"' in html
    assert _count() == 0


def test_an_end_in_an_absurd_year_is_refused(staff_client):
    c, _officer = staff_client("officer")
    response = c.post("/activities/new", data=activity_form(c, ends_at="9999-12-31T23:30"))
    assert response.status_code == 400
    assert YEAR_MESSAGE in response.get_data(as_text=True)
    assert _count() == 0


def test_a_follow_up_due_in_year_9999_is_refused(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity()
    db.session.commit()
    token = csrf_from(c.get(f"/activities/{activity.id}").get_data(as_text=True))
    response = c.post(f"/activities/{activity.id}/follow-ups",
                      data={"csrf_token": token, "description": "Ask for lights", "due_on": "9999-12-31", "status": "open"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert YEAR_MESSAGE in html and "Ask for lights" in html


def test_the_service_refuses_an_absurd_year_too(app):
    officer = factories.user("officer")
    data = ActivityInput(municipality_id=officer.municipality_id, type=ActivityType.PATROL, title="Patrol",
                         starts_at=datetime(9999, 12, 31, 23, 30))
    with pytest.raises(ActivityError) as caught:
        activity_service.log_activity(officer, data)
    assert caught.value.field == "starts_at"


# --- numbers too big for the database ----------------------------------------------------------------


@pytest.mark.parametrize("page", [HUGE, "0", "-3", "abc"])
def test_any_page_number_shows_a_page(staff_client, page):
    officer, _user = staff_client("officer")
    moderator, _user = staff_client("moderator")
    assert officer.get(f"/activities?page={page}").status_code == 200
    assert officer.get(f"/activities/follow-ups?page={page}").status_code == 200
    assert moderator.get(f"/activities/follow-ups?page={page}&municipality={HUGE}").status_code == 200


def test_an_id_too_big_for_the_database_is_not_found(staff_client):
    c, _moderator = staff_client("moderator")
    activity = factories.activity()
    db.session.commit()
    token = get_csrf(c, f"/activities/{activity.id}")
    for number in (HUGE, JUST_TOO_BIG):
        for url in (f"/activities/{number}", f"/activities/{number}/edit", f"/activities/{number}/poster",
                    f"/activities/{number}/qr.svg", f"/activities/{activity.id}/follow-ups/{number}/edit"):
            assert c.get(url).status_code == 404, url
        for url in (f"/activities/{number}/follow-ups", f"/activities/{activity.id}/follow-ups/{number}/done"):
            assert c.post(url, data={"csrf_token": token}).status_code == 404, url


def test_a_municipality_filter_too_big_is_ignored(staff_client):
    c, _moderator = staff_client("moderator")
    activity = factories.activity("lisboa")
    activity.follow_ups.append(FollowUp(description="Call the school"))
    db.session.commit()
    response = c.get(f"/activities/follow-ups?municipality={HUGE}")
    assert response.status_code == 200
    assert "Call the school" in response.get_data(as_text=True)  # as if no municipality was chosen


# --- sensitive activities are never public -------------------------------------------------------


@pytest.mark.parametrize("kind", ["mediation", "hate-incident-follow-up", "legal-clinic"])
def test_a_sensitive_activity_cannot_be_made_public(staff_client, kind):
    c, _officer = staff_client("officer")
    response = c.post("/activities/new", data=activity_form(c, type=kind, is_public="y"))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert PRIVATE_TYPE in html
    field = html[html.index('id="is_public"') - 400:html.index('id="is_public"') + 400]
    assert PRIVATE_TYPE in field  # the message sits next to the box
    assert 'value="Monthly meeting with the Roma association"' in html
    assert _count() == 0
    assert c.post("/activities/new", data=activity_form(c, type=kind, is_public=None)).status_code == 302


def test_an_old_public_sensitive_activity_must_be_unticked_when_edited(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity(type=ActivityType.LEGAL_CLINIC, is_public=True, title="Legal clinic day")
    db.session.commit()
    view = c.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert "No. Only staff see it." in view  # it is not in the public calendar, whatever the row says
    url = f"/activities/{activity.id}/edit"
    response = c.post(url, data=activity_form(c, url, type="legal-clinic", title="Legal clinic day"))
    assert response.status_code == 400 and PRIVATE_TYPE in response.get_data(as_text=True)
    response = c.post(url, data=activity_form(c, url, type="legal-clinic", title="Legal clinic day", is_public=None))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).is_public is False


def test_the_service_refuses_a_public_sensitive_activity(app):
    officer = factories.user("officer")
    data = ActivityInput(municipality_id=officer.municipality_id, type=ActivityType.MEDIATION, title="Mediation",
                         starts_at=_soon(), is_public=True)
    with pytest.raises(ActivityError) as caught:
        activity_service.log_activity(officer, data)
    assert caught.value.field == "is_public"


def test_the_public_calendar_never_lists_sensitive_activities(client):
    factories.activity(title="Open meeting on safety", is_public=True, starts_at=_soon())
    for kind in activity_service.SENSITIVE_TYPES:  # old rows that still say public
        factories.activity(title=f"Private {kind.value}", type=kind, is_public=True, starts_at=_soon())
    db.session.commit()
    page = client.get("/calendar/fuenlabrada").get_data(as_text=True)
    feed = client.get("/calendar/fuenlabrada.ics").get_data(as_text=True)
    for body in (page, feed):
        assert "Open meeting on safety" in body
        assert "Private" not in body


# --- links built from the configured public address ------------------------------------------------


@pytest.fixture
def public_url_app(app_factory):
    app = app_factory(PUBLIC_URL="https://portal.example.org")
    with app.app_context():
        yield app


def _officer_client(app, host: str):
    """An officer logged in through a forged Host header (the session cookie belongs to that host)."""
    user = factories.user("officer")
    db.session.commit()
    c = app.test_client()
    token = csrf_from(c.get("/login", base_url=f"http://{host}").get_data(as_text=True))
    response = c.post("/login", base_url=f"http://{host}",
                      data={"csrf_token": token, "email": user.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    return c


def test_poster_and_qr_use_the_public_address_not_the_host_header(public_url_app):
    c = _officer_client(public_url_app, "evil.example")
    activity = factories.activity(feedback_code="HOST42")
    db.session.commit()
    evil = {"base_url": "http://evil.example"}
    poster = c.get(f"/activities/{activity.id}/poster", **evil)
    assert poster.status_code == 200
    html = poster.get_data(as_text=True)
    assert "portal.example.org/a/HOST42" in html and "evil.example" not in html
    svg = c.get(f"/activities/{activity.id}/qr.svg", **evil).get_data(as_text=True)
    assert "https://portal.example.org/a/HOST42" in svg and "evil.example" not in svg
    view = c.get(f"/activities/{activity.id}", **evil).get_data(as_text=True)
    assert "https://portal.example.org/a/HOST42" in view and "evil.example" not in view


def test_the_calendar_feed_uses_the_public_address(public_url_app):
    factories.activity(title="Open meeting on safety", is_public=True, starts_at=_soon())
    db.session.commit()
    c = public_url_app.test_client()
    evil = {"Host": "evil.example"}
    feed = c.get("/calendar/fuenlabrada.ics", headers=evil).get_data(as_text=True)
    assert "evil.example" not in feed
    assert "URL:https://portal.example.org/calendar/fuenlabrada" in feed
    assert re.search(r"UID:activity-\d+@portal\.example\.org", feed)
    page = c.get("/calendar/fuenlabrada", headers=evil).get_data(as_text=True)
    assert "webcal://portal.example.org/calendar/fuenlabrada.ics" in page and "evil.example" not in page


def test_without_a_public_address_the_request_address_is_used(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity(feedback_code="HOST43")
    db.session.commit()
    assert "http://localhost/a/HOST43" in c.get(f"/activities/{activity.id}/qr.svg").get_data(as_text=True)
