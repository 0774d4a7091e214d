"""The rumour tracker: rumours with their counter-evidence, links, status and reports per month;
publishing shows the counter-evidence to residents who reported it, never the reports."""

from datetime import timedelta

import pytest

from portal.extensions import db
from portal.models import AuditEntry, Rumour
from portal.services import dates
from portal.services.feedback import receipts
from portal.services.moderation import rumours as tracker
from portal.vocab import FeedbackStatus, RumourStatus
from tests import factories
from tests.conftest import csrf_from


@pytest.fixture
def moderator(staff_client):
    return staff_client("moderator")


def test_a_rumour_is_tracked_with_its_counter_evidence_and_links(moderator):
    client, _user = moderator
    activity = factories.activity(title="Anti-rumour workshop for youth workers", type="anti-rumour")
    db.session.commit()
    page = client.get("/moderation/rumours/tracker/new")
    assert page.status_code == 200
    token = csrf_from(page.get_data(as_text=True))
    practice_id = db.session.scalar(db.select(db.text("id")).select_from(db.text("good_practice"))
                                    .where(db.text("slug = 'anti-rumours-strategy'")))
    response = client.post("/moderation/rumours/tracker/new", data={
        "csrf_token": token, "title": "Roma families get more benefits", "summary": "Heard at the market and online.",
        "about": "roma", "spread": "social-media", "status": "being-countered",
        "municipalities": [str(factories.municipality("fuenlabrada").id), str(factories.municipality("lisboa").id)],
        "counter_data": "Benefits follow the same rules for every family (municipal report 2025).",
        "counter_sources": "Municipal social services report 2025", "emotional_argument": "Would you want your child judged by a story?",
        "activities": [str(activity.id)], "practices": [str(practice_id)],
    })
    assert response.status_code == 302
    rumour = db.session.scalar(db.select(Rumour))
    assert rumour.status == RumourStatus.BEING_COUNTERED and [m.slug for m in rumour.municipalities] == ["fuenlabrada", "lisboa"]
    assert [a.id for a in rumour.activities] == [activity.id] and rumour.practices[0].slug == "anti-rumours-strategy"
    html = client.get(f"/moderation/rumours/tracker/{rumour.id}").get_data(as_text=True)
    assert "Benefits follow the same rules" in html and "Anti-rumour workshop for youth workers" in html
    assert "rumour.create" in [e.action for e in db.session.scalars(db.select(AuditEntry))]


def test_the_title_is_needed_and_long_texts_are_refused_with_the_input_kept(moderator):
    client, _user = moderator
    token = csrf_from(client.get("/moderation/rumours/tracker/new").get_data(as_text=True))
    response = client.post("/moderation/rumours/tracker/new", data={"csrf_token": token, "title": "", "status": "circulating",
                                                                     "summary": "kept words"})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Write the rumour in a few neutral words." in body and "kept words" in body


def test_reports_are_grouped_and_counted_per_month(moderator):
    client, user = moderator
    rumour = factories.rumour(title="The market thefts")
    today = dates.today()
    for back in (0, 0, 1, 3):
        factories.rumour_report(rumour=rumour, received_on=dates.add_months(today, -back).replace(day=5))
    factories.rumour_report(rumour=rumour, received_on=today, status=FeedbackStatus.REJECTED)
    _ungrouped = factories.rumour_report(heard_text="Ungrouped-Marker-U1", received_on=today - timedelta(days=1))
    db.session.commit()
    counts = dict(tracker.reports_per_month(rumour, months=4, today=today))
    assert counts[dates.first_of_month(today)] == 2 and counts[dates.add_months(today, -1)] == 1
    assert counts[dates.add_months(today, -2)] == 0 and counts[dates.add_months(today, -3)] == 1
    html = client.get("/moderation/rumours").get_data(as_text=True)
    assert "The market thefts" in html and "Ungrouped-Marker-U1" in html
    [entry] = tracker.tracker()
    assert entry.reports == 4  # the rejected report is left out
    assert user.id


def test_publishing_needs_counter_evidence_and_shows_it_to_the_reporter_only(app, moderator):
    client, _user = moderator
    rumour = factories.rumour(title="Roma children steal at the market")
    digits, digest = receipts.issue_receipt()
    factories.rumour_report(rumour=rumour, heard_text="Private-Report-Words-Z3", wants_answer=True, receipt_hash=digest)
    db.session.commit()
    token = csrf_from(client.get(f"/moderation/rumours/tracker/{rumour.id}").get_data(as_text=True))
    response = client.post(f"/moderation/rumours/tracker/{rumour.id}/publish", data={"csrf_token": token}, follow_redirects=True)
    assert "Write the counter-evidence before publishing." in response.get_data(as_text=True)
    rumour.counter_data = "Police figures show no link between the thefts and Roma children."
    db.session.commit()
    client.post(f"/moderation/rumours/tracker/{rumour.id}/publish", data={"csrf_token": token})
    db.session.expire_all()
    assert db.session.get(Rumour, rumour.id).is_published
    resident = app.test_client()
    resident_token = csrf_from(resident.get("/feedback/status").get_data(as_text=True))
    answer = resident.post("/feedback/status", data={"csrf_token": resident_token, "code": digits}).get_data(as_text=True)
    assert "Police figures show no link" in answer and "Private-Report-Words-Z3" not in answer
    client.post(f"/moderation/rumours/tracker/{rumour.id}/unpublish", data={"csrf_token": token})
    db.session.expire_all()
    assert not db.session.get(Rumour, rumour.id).is_published


def test_editing_a_rumour_records_what_changed(moderator):
    client, _user = moderator
    rumour = factories.rumour(title="Old words")
    db.session.commit()
    page = client.get(f"/moderation/rumours/tracker/{rumour.id}/edit")
    token = csrf_from(page.get_data(as_text=True))
    client.post(f"/moderation/rumours/tracker/{rumour.id}/edit", data={"csrf_token": token, "title": "New words",
                                                                         "status": "countered"})
    entry = db.session.scalar(db.select(AuditEntry).filter_by(action="rumour.update"))
    assert "title: changed" in entry.summary and "status: circulating → countered" in entry.summary
