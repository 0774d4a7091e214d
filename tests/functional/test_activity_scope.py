"""Scope: officers see and change their own municipality's activities only; another municipality's
activity does not exist for them (404). Moderators and admins work everywhere."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import Activity, FollowUp
from tests import factories
from tests.conftest import get_csrf
from tests.functional.activity_helpers import activity_form


@pytest.fixture
def lisbon_activity(app):
    activity = factories.activity("lisboa", title="Lisbon partnership meeting")
    item = FollowUp(activity=activity, description="Lisbon follow-up")
    db.session.add(item)
    db.session.commit()
    return activity, item


def _urls(activity, item):
    a, f = activity.id, item.id
    return {
        "GET": [f"/activities/{a}", f"/activities/{a}/edit", f"/activities/{a}/poster", f"/activities/{a}/qr.svg",
                f"/activities/{a}/follow-ups/{f}/edit"],
        "POST": [f"/activities/{a}/edit", f"/activities/{a}/follow-ups", f"/activities/{a}/follow-ups/{f}/edit",
                 f"/activities/{a}/follow-ups/{f}/done"],
    }


def test_an_officer_gets_404_on_every_page_of_another_municipalitys_activity(staff_client, lisbon_activity):
    activity, item = lisbon_activity
    c, _officer = staff_client("officer", municipality_slug="fuenlabrada")
    token = get_csrf(c, "/activities/new")
    urls = _urls(activity, item)
    for url in urls["GET"]:
        assert c.get(url).status_code == 404, url
    for url in urls["POST"]:
        response = c.post(url, data={"csrf_token": token, "title": "Hijacked", "description": "Hijacked",
                                     "type": "patrol", "starts_at": "2026-11-03T10:00", "officers_count": "1",
                                     "status": "done", "format": "in-person"})
        assert response.status_code == 404, url
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).title == "Lisbon partnership meeting"
    assert db.session.get(FollowUp, item.id).status.value == "open"
    assert len(db.session.get(Activity, activity.id).follow_ups) == 1


def test_an_officer_of_the_same_municipality_can_work_on_it(staff_client, lisbon_activity):
    activity, item = lisbon_activity
    c, _officer = staff_client("officer", municipality_slug="lisboa")
    for url in _urls(activity, item)["GET"]:
        assert c.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_moderators_and_admins_work_everywhere(staff_client, lisbon_activity, role):
    activity, item = lisbon_activity
    c, _user = staff_client(role)
    for url in _urls(activity, item)["GET"]:
        assert c.get(url).status_code == 200, url
    url = f"/activities/{activity.id}/edit"
    response = c.post(url, data=activity_form(c, url, municipality=str(activity.municipality_id), area=None,
                                              title="Changed by staff"))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).title == "Changed by staff"


def test_the_list_shows_only_the_officers_municipality(staff_client, lisbon_activity):
    factories.activity("fuenlabrada", title="Fuenlabrada audit walk")
    db.session.commit()
    c, _officer = staff_client("officer", municipality_slug="fuenlabrada")
    html = c.get("/activities").get_data(as_text=True)
    assert "Fuenlabrada audit walk" in html and "Lisbon partnership meeting" not in html
    # Asking for another municipality changes nothing for an officer.
    lisbon = factories.municipality("lisboa")
    html = c.get(f"/activities?municipality={lisbon.id}").get_data(as_text=True)
    assert "Lisbon partnership meeting" not in html
    html = c.get("/activities/follow-ups").get_data(as_text=True)
    assert "Lisbon follow-up" not in html


def test_moderators_list_every_municipality_and_can_narrow_it(staff_client, lisbon_activity):
    factories.activity("fuenlabrada", title="Fuenlabrada audit walk")
    db.session.commit()
    c, _moderator = staff_client("moderator")
    html = c.get("/activities").get_data(as_text=True)
    assert "Fuenlabrada audit walk" in html and "Lisbon partnership meeting" in html
    lisbon = factories.municipality("lisboa")
    html = c.get(f"/activities?municipality={lisbon.id}").get_data(as_text=True)
    assert "Fuenlabrada audit walk" not in html and "Lisbon partnership meeting" in html
    assert "Lisbon follow-up" in c.get(f"/activities/follow-ups?municipality={lisbon.id}").get_data(as_text=True)


def test_mediators_and_visitors_are_kept_out(client, staff_client, lisbon_activity):
    activity, _item = lisbon_activity
    assert client.get("/activities").status_code == 302
    assert client.get(f"/activities/{activity.id}").status_code == 302
    c, _mediator = staff_client("mediator")
    assert c.get("/activities").status_code == 403
    assert c.get(f"/activities/{activity.id}/poster").status_code == 403


def test_a_visitor_without_csrf_token_never_reaches_the_form(client):
    response = client.post("/activities/new", data={"title": "Anonymous", "type": "patrol"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert db.session.scalar(db.select(Activity)) is None
