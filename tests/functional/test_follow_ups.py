"""Follow-up actions: added and changed on the activity page, marked done in one click, and the
municipality's list of open and overdue ones."""

from __future__ import annotations

from datetime import date, timedelta

from portal.extensions import db
from portal.models import FollowUp
from portal.vocab import FollowUpStatus
from tests import factories
from tests.conftest import get_csrf


def _follow_up(activity, description, due_on=None, status=FollowUpStatus.OPEN):
    item = FollowUp(activity=activity, description=description, due_on=due_on, status=status)
    db.session.add(item)
    db.session.commit()
    return item


def test_add_a_follow_up_on_the_activity_page(staff_client):
    c, officer = staff_client("officer")
    activity = factories.activity()
    db.session.commit()
    url = f"/activities/{activity.id}"
    token = get_csrf(c, url)
    response = c.post(f"{url}/follow-ups", data={"csrf_token": token, "description": "Print rights leaflets",
                                                 "responsible": "Training office", "due_on": "2026-12-01",
                                                 "status": "in-progress"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{url}#follow-ups")
    item = db.session.scalar(db.select(FollowUp))
    assert (item.description, item.responsible, item.due_on, item.status) == (
        "Print rights leaflets", "Training office", date(2026, 12, 1), FollowUpStatus.IN_PROGRESS)
    html = c.get(url).get_data(as_text=True)
    assert "Print rights leaflets" in html and "Training office" in html
    assert "added a follow-up" in html and officer.email in html


def test_a_follow_up_without_description_comes_back_with_input_kept(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity()
    db.session.commit()
    url = f"/activities/{activity.id}"
    response = c.post(f"{url}/follow-ups", data={"csrf_token": get_csrf(c, url), "description": " ",
                                                 "responsible": "Kept unit", "due_on": "2026-12-01",
                                                 "status": "open"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert '<p class="field-error" id="description-error">' in html
    assert 'value="Kept unit"' in html and 'value="2026-12-01"' in html
    assert db.session.scalar(db.select(FollowUp)) is None


def test_change_a_follow_up_and_see_it_in_the_history(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity()
    item = _follow_up(activity, "Repair the street lights", date(2026, 12, 1))
    url = f"/activities/{activity.id}/follow-ups/{item.id}/edit"
    html = c.get(url).get_data(as_text=True)
    assert "Repair the street lights" in html and 'value="2026-12-01"' in html
    response = c.post(url, data={"csrf_token": get_csrf(c, url), "description": "Repair the street lights",
                                 "responsible": "Council", "due_on": "2026-12-10", "status": "done"})
    assert response.status_code == 302
    db.session.expire_all()
    item = db.session.get(FollowUp, item.id)
    assert item.status == FollowUpStatus.DONE and item.completed_on == date.today()
    page = c.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert "changed a follow-up" in page
    assert "status: open → done" in page and "due_on: 2026-12-01 → 2026-12-10" in page


def test_changing_a_follow_up_with_bad_input_is_400(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity()
    item = _follow_up(activity, "Repair the street lights")
    url = f"/activities/{activity.id}/follow-ups/{item.id}/edit"
    response = c.post(url, data={"csrf_token": get_csrf(c, url), "description": "", "responsible": "Council",
                                 "due_on": "not a date", "status": "done"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="description-error"' in html and 'id="due_on-error"' in html and 'value="Council"' in html


def test_a_follow_up_of_another_activity_is_404(staff_client):
    c, _officer = staff_client("officer")
    first, second = factories.activity(), factories.activity()
    item = _follow_up(second, "Belongs to the second")
    assert c.get(f"/activities/{first.id}/follow-ups/{item.id}/edit").status_code == 404


def test_open_and_overdue_list_for_the_municipality(staff_client):
    c, _officer = staff_client("officer")
    today = date.today()
    activity = factories.activity(title="Safety walk")
    _follow_up(activity, "Overdue: call the school", today - timedelta(days=3))
    _follow_up(activity, "Due soon: share the map", today + timedelta(days=5), FollowUpStatus.IN_PROGRESS)
    _follow_up(activity, "No date: invite the youth club")
    _follow_up(activity, "Already done", today - timedelta(days=30), FollowUpStatus.DONE)
    _follow_up(activity, "Given up", today - timedelta(days=30), FollowUpStatus.CANCELLED)
    _follow_up(factories.activity("lisboa"), "Lisbon: not ours", today - timedelta(days=9))

    html = c.get("/activities/follow-ups").get_data(as_text=True)
    assert html.count("<h1>") == 1
    order = [html.index(text) for text in ("Overdue: call the school", "Due soon: share the map",
                                           "No date: invite the youth club")]
    assert order == sorted(order)  # most urgent first, undated last
    assert "(overdue)" in html and "Safety walk" in html
    for absent in ("Already done", "Given up", "Lisbon: not ours"):
        assert absent not in html

    html = c.get("/activities/follow-ups?overdue=1").get_data(as_text=True)
    assert "Overdue: call the school" in html and "Due soon: share the map" not in html


def test_mark_as_done_from_the_list(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity()
    item = _follow_up(activity, "Send the minutes", date.today() - timedelta(days=1))
    token = get_csrf(c, "/activities/follow-ups")
    response = c.post(f"/activities/{activity.id}/follow-ups/{item.id}/done", data={"csrf_token": token, "back": "list"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/activities/follow-ups")
    html = c.get(response.headers["Location"]).get_data(as_text=True)
    assert "Marked as done: Send the minutes" in html
    assert "No open follow-ups." in html
    db.session.expire_all()
    assert db.session.get(FollowUp, item.id).completed_on == date.today()


def test_mark_as_done_needs_a_csrf_token(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity()
    item = _follow_up(activity, "Send the minutes")
    assert c.post(f"/activities/{activity.id}/follow-ups/{item.id}/done").status_code == 400
    db.session.expire_all()
    assert db.session.get(FollowUp, item.id).status == FollowUpStatus.OPEN


def test_the_home_shows_open_follow_up_counts(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity()
    _follow_up(activity, "Overdue one", date.today() - timedelta(days=2))
    _follow_up(activity, "Later one", date.today() + timedelta(days=20))
    html = c.get("/activities").get_data(as_text=True)
    assert "2 open follow-ups" in html and "1 overdue" in html
    assert "Overdue one" in html and "Later one" in html
