"""Logging, viewing and changing an activity through the real pages, with real CSRF tokens."""

from __future__ import annotations

import re
from datetime import date, datetime

from portal.extensions import db
from portal.models import Activity, AuditEntry, FollowUp
from portal.vocab import ActivityType
from tests import factories
from tests.conftest import csrf_from, get_csrf
from tests.functional.activity_helpers import activity_form, area_id, practice_ids


def _only_activity() -> Activity:
    return db.session.scalar(db.select(Activity))


def test_the_new_form_is_quick_labelled_and_prefilled(staff_client):
    c, _officer = staff_client("officer")
    html = c.get("/activities/new").get_data(as_text=True)
    assert html.count("<h1>") == 1
    for name in ("type", "title", "starts_at", "ends_at", "area", "organising_unit", "partner_organisations",
                 "officers_count", "participants_count", "women_count", "roma_count", "languages",
                 "interpretation_provided", "mediator_present", "objectives", "outcomes", "public_summary",
                 "is_public", "follow_up_description", "follow_up_responsible", "follow_up_due_on"):
        assert f'<label for="{name}">' in html, name
    for group in ("topics", "practices", "format"):
        assert f'id="{group}"' in html and "<legend>" in html
    assert 'name="municipality"' not in html  # an officer's municipality is fixed
    assert f'value="{date.today().isoformat()}T10:00"' in html
    assert 'type="datetime-local"' in html
    assert "style=" not in html


def test_officer_logs_an_activity_with_every_field(staff_client):
    c, officer = staff_client("officer")
    data = activity_form(c, follow_up_description="Ask the council for street lights",
                         follow_up_responsible="Community policing unit", follow_up_due_on="2026-12-15")
    response = c.post("/activities/new", data=data)
    assert response.status_code == 302
    activity = _only_activity()
    assert response.headers["Location"].endswith(f"/activities/{activity.id}")
    assert activity.municipality.slug == "fuenlabrada" and activity.created_by_id == officer.id
    assert activity.starts_at == datetime(2026, 11, 3, 17) and activity.ends_at == datetime(2026, 11, 3, 19)
    assert (activity.officers_count, activity.participants_count, activity.women_count, activity.roma_count) == (3, 25, 12, 18)
    assert activity.interpretation_provided and activity.mediator_present and activity.is_public
    assert activity.area_id == area_id()
    assert sorted(p.id for p in activity.practices) == sorted(practice_ids(2))
    assert {t.slug for t in activity.topics} == {"respect", "language"}
    assert activity.partner_organisations == "Roma association\nLegal clinic"
    assert [(f.description, f.responsible, f.due_on) for f in activity.follow_ups] == [
        ("Ask the council for street lights", "Community policing unit", date(2026, 12, 15))]

    page = c.get(response.headers["Location"]).get_data(as_text=True)
    assert "The activity is saved." in page
    assert activity.feedback_code in page
    assert f"/a/{activity.feedback_code}" in page
    assert f"/activities/{activity.id}/poster?size=a4" in page and f"/activities/{activity.id}/poster?size=a6" in page
    assert f"/activities/{activity.id}/qr.svg" in page
    assert "logged the activity" in page and "added a follow-up" in page


def test_a_minimal_activity_needs_only_type_title_and_start(staff_client):
    c, _officer = staff_client("officer")
    token = get_csrf(c, "/activities/new")
    response = c.post("/activities/new", data={"csrf_token": token, "type": "patrol", "title": "Evening patrol",
                                               "starts_at": "2026-11-04T18:00", "officers_count": "2",
                                               "format": "in-person"})
    assert response.status_code == 302
    activity = _only_activity()
    assert activity.ends_at == datetime(2026, 11, 4, 19) and not activity.is_public
    assert activity.follow_ups == [] and activity.practices == []


def test_bad_input_comes_back_with_messages_next_to_the_fields_and_everything_kept(staff_client):
    c, _officer = staff_client("officer")
    data = activity_form(c, ends_at="2026-11-03T16:00", women_count="40", title="Meeting at the café",
                         follow_up_due_on="2026-12-01")
    response = c.post("/activities/new", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert '<p class="field-error" id="ends_at-error">' in html and "The end must be after the start." in html
    assert '<p class="field-error" id="women_count-error">' in html
    assert "This cannot be more than the number of participants." in html
    assert '<p class="field-error" id="follow_up_description-error">' in html and "Say what was agreed." in html
    assert 'value="Meeting at the café"' in html
    assert 'value="2026-11-03T17:00"' in html and 'value="40"' in html
    for practice in practice_ids(2):
        assert re.search(rf'<input checked id="practices-\d+" name="practices" type="checkbox" value="{practice}">', html)
    assert 'id="error-summary"' in html
    assert _only_activity() is None


def test_missing_type_and_title_are_explained(staff_client):
    c, _officer = staff_client("officer")
    response = c.post("/activities/new", data=activity_form(c, type="", title=""))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Choose the type of activity." in html and "Give a short title." in html


def test_a_stale_csrf_token_keeps_the_input(staff_client):
    c, _officer = staff_client("officer")
    data = activity_form(c, title="Kept after a stale token")
    data["csrf_token"] = "stale"
    response = c.post("/activities/new", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'value="Kept after a stale token"' in html and "send it again" in html
    assert _only_activity() is None


def test_moderator_chooses_the_municipality_and_an_area_of_it(staff_client):
    c, _moderator = staff_client("moderator")
    lisbon = factories.municipality("lisboa")
    html = c.get("/activities/new").get_data(as_text=True)
    assert '<label for="municipality">' in html and '<optgroup label="Lisboa">' in html
    response = c.post("/activities/new", data=activity_form(c, municipality=str(lisbon.id)))  # area is in Fuenlabrada
    assert response.status_code == 400
    assert '<p class="field-error" id="area-error">' in response.get_data(as_text=True)
    response = c.post("/activities/new", data=activity_form(c, municipality=str(lisbon.id),
                                                            area=str(area_id("lisboa"))))
    assert response.status_code == 302
    assert _only_activity().municipality_id == lisbon.id


def test_a_moderator_must_choose_a_municipality(staff_client):
    c, _moderator = staff_client("moderator")
    response = c.post("/activities/new", data=activity_form(c, area=None))
    assert response.status_code == 400
    assert "Choose a municipality." in response.get_data(as_text=True)


def test_the_form_remembers_what_the_officer_typed_last_time(staff_client):
    c, _officer = staff_client("officer")
    c.post("/activities/new", data=activity_form(c, organising_unit="Proximity unit", languages="Romani, Spanish",
                                                 format="hybrid"))
    html = c.get("/activities/new").get_data(as_text=True)
    assert 'value="Proximity unit"' in html and 'value="Romani, Spanish"' in html
    assert '<input checked id="format-2" name="format" type="radio" value="hybrid">' in html


def test_editing_shows_old_and_new_values_in_the_history(staff_client):
    c, officer = staff_client("officer")
    c.post("/activities/new", data=activity_form(c))
    activity = _only_activity()
    url = f"/activities/{activity.id}/edit"
    html = c.get(url).get_data(as_text=True)
    assert 'value="Monthly meeting with the Roma association"' in html
    assert "follow_up_description" not in html  # follow-ups are managed on the activity page
    response = c.post(url, data=activity_form(c, url, title="Meeting at the school", officers_count="5",
                                              practices=[str(practice_ids(3)[2])], outcomes="New outcome text."))
    assert response.status_code == 302
    page = c.get(response.headers["Location"]).get_data(as_text=True)
    assert "The changes are saved." in page
    history = page[page.index('id="history"'):]
    assert "changed" in history and officer.email in history
    assert "title: &#34;Monthly meeting with the Roma association&#34; → &#34;Meeting at the school&#34;" in history
    assert "officers_count: 3 → 5" in history
    assert "outcomes: changed" in history
    entry = db.session.scalar(db.select(AuditEntry).filter_by(action="activity.update"))
    assert entry.actor_id == officer.id and entry.object_id == activity.id and entry.at is not None


def test_saving_without_changes_says_so_and_logs_nothing(staff_client):
    c, _officer = staff_client("officer")
    c.post("/activities/new", data=activity_form(c))
    activity = _only_activity()
    url = f"/activities/{activity.id}/edit"
    response = c.post(url, data=activity_form(c, url), follow_redirects=True)
    assert "Nothing was changed." in response.get_data(as_text=True)
    assert db.session.scalar(db.select(AuditEntry).filter_by(action="activity.update")) is None


def test_edit_with_bad_input_is_400_and_changes_nothing(staff_client):
    c, _officer = staff_client("officer")
    c.post("/activities/new", data=activity_form(c))
    activity = _only_activity()
    url = f"/activities/{activity.id}/edit"
    response = c.post(url, data=activity_form(c, url, title="New title", roma_count="99"))
    assert response.status_code == 400
    assert 'value="New title"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert _only_activity().title == "Monthly meeting with the Roma association"


def test_officer_cannot_smuggle_another_municipality_into_the_form(staff_client):
    c, _officer = staff_client("officer")
    lisbon = factories.municipality("lisboa")
    response = c.post("/activities/new", data=activity_form(c, municipality=str(lisbon.id)))
    assert response.status_code == 302
    assert _only_activity().municipality.slug == "fuenlabrada"


def test_poster_a4_and_a6_with_the_qr_code(staff_client):
    c, _officer = staff_client("officer")
    c.post("/activities/new", data=activity_form(c))
    activity = _only_activity()
    for size in ("a4", "a6"):
        html = c.get(f"/activities/{activity.id}/poster?size={size}").get_data(as_text=True)
        assert f'class="poster poster-{size}"' in html
        assert f'<img src="/activities/{activity.id}/qr.svg"' in html
        assert f"localhost/a/{activity.feedback_code}" in html and activity.feedback_code in html
        assert "/static/css/print.css" in html and "style=" not in html
        assert html.count("<h1>") == 1
    response = c.get(f"/activities/{activity.id}/qr.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    svg = response.get_data(as_text=True)
    assert svg.startswith("<svg") and "viewBox" in svg and "<script" not in svg and "style=" not in svg
    assert f"/a/{activity.feedback_code}" in svg  # the title names the address


def test_the_poster_speaks_the_municipality_language_unless_asked(staff_client):
    c, _officer = staff_client("officer")
    c.post("/activities/new", data=activity_form(c))
    activity = _only_activity()
    html = c.get(f"/activities/{activity.id}/poster").get_data(as_text=True)
    assert '<html lang="es"' in html and "3 de noviembre de 2026" in html
    html = c.get(f"/activities/{activity.id}/poster?language=rom&size=a6").get_data(as_text=True)
    assert '<html lang="rom"' in html
    # The officer's own pages stay in their language: the poster choice is not remembered.
    assert '<html lang="en"' in c.get(f"/activities/{activity.id}").get_data(as_text=True)


def test_the_feedback_count_of_one_activity_hides_small_numbers_and_never_moves(staff_client):
    from datetime import datetime, timedelta

    from portal.services import dates
    from portal.services.statistics.releases import closed_quarters

    c, _officer = staff_client("officer")
    quarter = closed_quarters(dates.today())[0]  # the last quarter that has ended
    activity = factories.activity(starts_at=datetime.combine(quarter + timedelta(days=40), datetime.min.time()))
    for _ in range(4):
        factories.feedback(activity=activity, received_on=quarter + timedelta(days=41))
    db.session.commit()
    html = c.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert "Fewer than 5 (small numbers are not shown)." in html
    factories.feedback(activity=activity, received_on=quarter + timedelta(days=60))
    db.session.commit()
    html = c.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert re.search(r'<dd id="feedback-count">5</dd>', html)
    factories.feedback(activity=activity, received_on=dates.today())  # after its quarter: never counted
    db.session.commit()
    assert re.search(r'<dd id="feedback-count">5</dd>', c.get(f"/activities/{activity.id}").get_data(as_text=True))


def test_a_count_waits_for_the_end_of_the_activitys_quarter(staff_client):
    from datetime import datetime

    from portal.services import dates
    from portal.services.statistics.releases import QUARTER, quarter_start

    c, _officer = staff_client("officer")
    activity = factories.activity(starts_at=datetime.combine(dates.today(), datetime.min.time()))
    db.session.commit()
    html = c.get(f"/activities/{activity.id}").get_data(as_text=True)
    opens = dates.add_months(quarter_start(dates.today()), QUARTER)
    assert "when the quarter of the activity has ended" in html and str(opens.year) in html


def test_unknown_activity_is_404(staff_client):
    c, _officer = staff_client("officer")
    assert c.get("/activities/999999").status_code == 404
    assert c.get("/activities/999999/edit").status_code == 404


def test_csrf_token_is_on_every_form_of_the_activity_page(staff_client):
    c, _officer = staff_client("officer")
    activity = factories.activity()
    db.session.add(FollowUp(activity=activity, description="Call back"))
    db.session.commit()
    html = c.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert html.count('name="csrf_token"') == html.count("<form")  # log-out, mark as done, add
    assert csrf_from(html)


def test_the_list_pages_through_and_keeps_the_filters(staff_client):
    c, _officer = staff_client("officer")
    for n in range(1, 24):
        factories.activity(title=f"Patrol {n:02d}", type=ActivityType.PATROL, starts_at=datetime(2026, 10, n, 9))
    factories.activity(title="A meeting", starts_at=datetime(2026, 10, 24, 9))
    db.session.commit()
    html = c.get("/activities?type=patrol").get_data(as_text=True)
    assert "23 activities" in html and "Patrol 23" in html and "Patrol 03" not in html and "A meeting" not in html
    assert "Page 1 of 2" in html
    next_link = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "type=patrol" in next_link and "page=2" in next_link
    html = c.get(next_link).get_data(as_text=True)
    assert "Patrol 03" in html and "Patrol 01" in html and "Patrol 23" not in html
    html = c.get("/activities?type=patrol&sort=oldest").get_data(as_text=True)
    assert html.index("Patrol 01") < html.index("Patrol 02")


def test_bad_filters_are_explained_next_to_the_field(staff_client):
    c, _officer = staff_client("officer")
    factories.activity(title="Still listed")
    db.session.commit()
    response = c.get("/activities?date_from=2026-11-31&type=not-a-type&date_to=2026-12-31")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="date_from-error"' in html and 'id="type-error"' in html
    assert 'value="2026-11-31"' in html
    assert "Still listed" in html  # the valid part of the filters still applies
    assert "<details class=\"filters\" open>" in html
