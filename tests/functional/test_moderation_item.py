"""One item in the moderators' area, through its real forms (CSRF on): every action, its audit entry,
redaction and publishing, and that nothing private leaves the area."""

import re
from html import unescape

import pytest

from portal.extensions import db
from portal.models import Activity, AuditEntry, Feedback, GoodPractice, RumourReport
from portal.services.audit import history
from portal.vocab import FeedbackStatus, RejectionReason
from tests import factories
from tests.conftest import csrf_from

PRIVATE = "Officer Popescu called me on 0722 123 456, write to ana.private@example.org. Marker-Q7X."


@pytest.fixture
def moderator(staff_client):
    return staff_client("moderator")


@pytest.fixture
def item(app):
    row = factories.feedback(text=PRIVATE, wants_answer=True, category_slug="stop-search")
    db.session.commit()
    return row


def act(client, item_id, name, data=None, kind="feedback", follow=False):
    page = client.get(f"/moderation/{kind}/{item_id}")
    assert page.status_code == 200
    token = csrf_from(page.get_data(as_text=True))
    return client.post(f"/moderation/{kind}/{item_id}/{name}", data={"csrf_token": token, **(data or {})},
                       follow_redirects=follow)


def html_text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def audit_of(item_id, prefix="feedback."):
    return [(e.action, e.summary) for e in db.session.scalars(
        db.select(AuditEntry).where(AuditEntry.object_id == item_id, AuditEntry.action.startswith(prefix))
        .order_by(AuditEntry.id))]


def test_the_page_shows_everything_about_the_item(moderator, item):
    client, _user = moderator
    html = client.get(f"/moderation/feedback/{item.id}").get_data(as_text=True)
    assert "Marker-Q7X" in html and "Identity check or stop and search" in html
    assert "Fuenlabrada" in html and "Yes, with a receipt code" in html
    for anchor in ('id="thread"', 'id="state"', 'id="links"', 'id="public"', 'id="history"'):
        assert anchor in html


def test_moving_answering_and_reading(moderator, item):
    client, user = moderator
    response = act(client, item.id, "status", {"status": "in-review"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/moderation/feedback/{item.id}#state")
    response = act(client, item.id, "answer", {"body": "We raised it with the police chief."})
    assert response.status_code == 302
    db.session.expire_all()
    row = db.session.get(Feedback, item.id)
    assert row.status == FeedbackStatus.ANSWERED and row.acknowledged_on and row.answered_on
    assert row.messages[-1].author_id == user.id
    actions = [a for a, _s in audit_of(item.id)]
    assert actions == ["feedback.status", "feedback.answer"]
    # a move the state does not allow is refused with a reason, nothing changes
    response = act(client, item.id, "status", {"status": "received"})
    assert response.status_code == 400 and "Choose one of the options in the list." in response.get_data(as_text=True)


def test_rejecting_needs_a_reason_and_a_duplicate_names_the_original(moderator, item):
    client, _user = moderator
    response = act(client, item.id, "status", {"status": "rejected"})
    assert response.status_code == 400 and "Choose why it is not accepted." in response.get_data(as_text=True)
    response = act(client, item.id, "status", {"status": "rejected", "reason": "duplicate", "duplicate_of": "999999"})
    assert response.status_code == 400 and "There is no item with this number." in response.get_data(as_text=True)
    other = factories.feedback(text="Same story")
    db.session.commit()
    response = act(client, item.id, "status", {"status": "rejected", "reason": "duplicate", "duplicate_of": str(other.id)})
    assert response.status_code == 302
    db.session.expire_all()
    row = db.session.get(Feedback, item.id)
    assert row.status == FeedbackStatus.REJECTED and row.rejection_reason == RejectionReason.DUPLICATE
    assert row.duplicate_of_id == other.id


def test_assignment_note_category_and_tags(moderator, item, make_user):
    client, user = moderator
    colleague = make_user("moderator")
    assert act(client, item.id, "take").status_code == 302
    assert act(client, item.id, "assign", {"assignee": str(colleague.id)}).status_code == 302
    assert act(client, item.id, "assign", {"assignee": "999999"}).status_code == 400
    assert act(client, item.id, "note", {"note": "Ask the legal clinic."}).status_code == 302
    assert act(client, item.id, "category", {"category": "profiling"}).status_code == 302
    assert act(client, item.id, "tag", {"tag": "  Night   Patrol "}).status_code == 302
    db.session.expire_all()
    row = db.session.get(Feedback, item.id)
    assert row.assigned_to_id == colleague.id and row.moderator_note == "Ask the legal clinic."
    assert row.category.slug == "profiling" and row.tags == ["night patrol"]
    # tags already used are offered as suggestions on another item
    other = factories.feedback()
    db.session.commit()
    assert '<option value="night patrol">' in client.get(f"/moderation/feedback/{other.id}").get_data(as_text=True)
    assert act(client, item.id, "untag", {"tag": "night patrol"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Feedback, item.id).tags == []
    summaries = dict(audit_of(item.id))
    assert f"nobody → {user.email}" in [s for a, s in audit_of(item.id) if a == "feedback.assign"][0]
    assert summaries["feedback.category"] == "stop-search → profiling"
    assert "Ask the legal clinic" not in str(audit_of(item.id))  # the note's words stay out of the audit log


def test_links_to_practices_suggestions_and_activities(moderator, item):
    client, _user = moderator
    html = client.get(f"/moderation/feedback/{item.id}").get_data(as_text=True)
    suggested = html_text(html.split('id="suggestions"', 1)[1].split("</section>", 1)[0])
    assert "Justified identity checks: stop forms and a rights leaflet" in suggested
    assert 'The category "Identity check or stop and search" is one this practice addresses.' in suggested
    assert act(client, item.id, "suggestion", {"practice": "stop-forms-and-rights-leaflet"}).status_code == 302
    assert act(client, item.id, "practice", {"practice": "romed-roma-mediators"}).status_code == 302
    assert act(client, item.id, "practice", {"practice": "no-such-practice"}).status_code == 400
    near = factories.activity(title="Meeting in the same month")
    far = factories.activity(title="Meeting a year later", municipality_slug="fuenlabrada",
                             starts_at=__import__("datetime").datetime(2027, 10, 5, 17, 0))
    elsewhere = factories.activity(title="Lisbon meeting", municipality_slug="lisboa")
    db.session.commit()
    html = client.get(f"/moderation/feedback/{item.id}").get_data(as_text=True)
    assert html.index("Meeting in the same month") < html.index("Meeting a year later")
    assert "Lisbon meeting" not in html
    assert act(client, item.id, "activity", {"activity": str(near.id)}).status_code == 302
    assert act(client, item.id, "activity", {"activity": str(elsewhere.id)}).status_code == 400
    db.session.expire_all()
    row = db.session.get(Feedback, item.id)
    assert [p.slug for p in row.practices] == ["stop-forms-and-rights-leaflet", "romed-roma-mediators"] or \
        sorted(p.slug for p in row.practices) == ["romed-roma-mediators", "stop-forms-and-rights-leaflet"]
    assert [a.id for a in row.linked_activities] == [near.id]
    assert act(client, item.id, "unpractice", {"practice": "romed-roma-mediators"}).status_code == 302
    assert act(client, item.id, "unactivity", {"activity": str(near.id)}).status_code == 302
    db.session.expire_all()
    row = db.session.get(Feedback, item.id)
    assert [p.slug for p in row.practices] == ["stop-forms-and-rights-leaflet"] and row.linked_activities == []
    links = [s for a, s in audit_of(item.id) if a == "feedback.link"]
    assert links == ["+practice stop-forms-and-rights-leaflet", "+practice romed-roma-mediators", f"+activity #{near.id}",
                     "-practice romed-roma-mediators", f"-activity #{near.id}"]
    assert far.id and db.session.get(Activity, far.id)


def test_possible_duplicates_are_shown_with_a_link(moderator, item):
    client, _user = moderator
    twin = factories.feedback(text="Officer Popescu called me on 0722 123 456, write to ana.private@example.org",
                              category_slug="stop-search")
    unrelated = factories.feedback(text="The patrol helped my grandmother cross the road.", category_slug="stop-search")
    db.session.commit()
    html = client.get(f"/moderation/feedback/{item.id}").get_data(as_text=True)
    section = html.split('id="duplicates"', 1)[1].split("</section>", 1)[0]
    assert f"/moderation/feedback/{twin.id}" in section and f"/moderation/feedback/{unrelated.id}" not in section


def test_redaction_proposals_are_accepted_rejected_and_checked_again_on_publish(moderator, item):
    client, _user = moderator
    act(client, item.id, "status", {"status": "in-review"})
    html = client.get(f"/moderation/feedback/{item.id}").get_data(as_text=True)
    assert "Telephone number" in html and "E-mail address" in html
    # publishing is blocked while proposals remain
    response = act(client, item.id, "publish")
    assert response.status_code == 400 and "Some words may still be personal data" in response.get_data(as_text=True)
    db.session.expire_all()
    assert not db.session.get(Feedback, item.id).is_published

    def proposal(kind_word):
        page = client.get(f"/moderation/feedback/{item.id}").get_data(as_text=True)
        forms = re.findall(r'<form method="post" action="[^"]*/redaction" class="inline-form">(.*?)</form>', page, re.S)
        for form in forms:
            fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
            if kind_word in fields.get("span", "") and fields.get("decision") == "remove":
                return fields
        raise AssertionError(kind_word)

    phone = proposal("0722")
    assert act(client, item.id, "redaction", {k: v for k, v in phone.items() if k != "csrf_token"}).status_code == 302
    name = proposal("Popescu")
    keep = {k: v for k, v in name.items() if k != "csrf_token"} | {"decision": "keep"}
    assert act(client, item.id, "redaction", keep).status_code == 302
    db.session.expire_all()
    row = db.session.get(Feedback, item.id)
    assert "0722" not in row.redacted_text and "[…]" in row.redacted_text and "Popescu" in row.redacted_text
    assert len(row.kept_spans) == 1 and "Popescu" not in row.kept_spans[0].fingerprint
    # a stale proposal (the text changed since) is refused, not applied somewhere else
    stale = {k: v for k, v in phone.items() if k != "csrf_token"}
    response = act(client, item.id, "redaction", stale)
    assert response.status_code == 400 and "The text has changed" in response.get_data(as_text=True)
    # the e-mail address still blocks; "remove all" takes it out, then publishing works
    assert act(client, item.id, "publish").status_code == 400
    assert act(client, item.id, "remove-all").status_code == 302
    assert act(client, item.id, "publish").status_code == 302
    db.session.expire_all()
    row = db.session.get(Feedback, item.id)
    assert row.is_published and "example.org" not in row.redacted_text
    actions = [a for a, _s in audit_of(item.id)]
    assert actions.count("feedback.redaction") == 3 and actions[-1] == "feedback.publish"
    for _action, summary in audit_of(item.id):
        assert "Popescu" not in summary and "0722" not in summary and "example.org" not in summary


def test_editing_the_public_text_freely_and_confirming_what_remains(moderator, item):
    client, _user = moderator
    act(client, item.id, "status", {"status": "in-review"})
    response = act(client, item.id, "public", {"public_text": "An officer called me; see www.example.org/x",
                                               "public_answer": "We asked the police."})
    assert response.status_code == 302
    response = act(client, item.id, "publish")
    assert response.status_code == 400
    response = act(client, item.id, "publish", {"confirm": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    row = db.session.get(Feedback, item.id)
    assert row.is_published and row.redacted_text.startswith("An officer called me")
    assert row.public_answer == "We asked the police."
    assert "rejected: 1 confirmed not personal data (web)" in [s for a, s in audit_of(item.id) if a == "feedback.redaction"][-1]
    # a new edit that adds personal data unpublishes until checked again
    act(client, item.id, "public", {"public_text": "Call 0722 123 456", "public_answer": "ok"})
    db.session.expire_all()
    assert not db.session.get(Feedback, item.id).is_published


def test_a_received_item_cannot_be_published(moderator, item):
    client, _user = moderator
    response = act(client, item.id, "publish", {"confirm": "y"})
    assert response.status_code == 400
    assert "Only reviewed items can be published" in response.get_data(as_text=True)


def test_nothing_private_or_unpublished_appears_outside_moderation(app, moderator, staff_client, item):
    client, _user = moderator
    act(client, item.id, "status", {"status": "in-review"})
    act(client, item.id, "answer", {"body": "Answer-Marker-K2 for the resident only"})
    officer, _ = staff_client("officer")
    mediator, _ = staff_client("mediator")
    outside = [officer.get("/activities"), officer.get("/activities/export.csv"), mediator.get("/mediator/"),
               app.test_client().get("/"), app.test_client().get("/calendar/fuenlabrada")]
    for response in outside:
        body = response.get_data(as_text=True)
        assert "Marker-Q7X" not in body and "Answer-Marker-K2" not in body and "Popescu" not in body
    # published: only the public version is shown to officers, never the private words
    act(client, item.id, "public", {"public_text": "An officer was rude at a check. Public-Marker-P9.", "public_answer": "Noted."})
    act(client, item.id, "publish")
    officer_home = officer.get("/activities").get_data(as_text=True)
    assert "Public-Marker-P9" in officer_home and "Marker-Q7X" not in officer_home
    # rejected: gone from everywhere outside
    act(client, item.id, "status", {"status": "rejected", "reason": "abusive"})
    assert "Public-Marker-P9" not in officer.get("/activities").get_data(as_text=True)


def test_rumour_report_page_grouping_and_states(moderator, app):
    client, _user = moderator
    report = factories.rumour_report(heard_text="They say Roma children steal at the market. Report-Marker-R1")
    db.session.commit()
    html = client.get(f"/moderation/rumours/{report.id}").get_data(as_text=True)
    assert "Report-Marker-R1" in html
    assert act(client, report.id, "group", {"new_title": "Roma children steal at the market"}, kind="rumours").status_code == 302
    db.session.expire_all()
    row = db.session.get(RumourReport, report.id)
    assert row.rumour is not None and row.rumour.title == "Roma children steal at the market"
    assert [m.slug for m in row.rumour.municipalities] == ["fuenlabrada"]
    assert act(client, report.id, "status", {"status": "in-review"}, kind="rumours").status_code == 302
    assert act(client, report.id, "take", kind="rumours").status_code == 302
    assert act(client, report.id, "answer", {"body": "x"}, kind="rumours").status_code == 404  # reports have no thread
    actions = [a for a, _s in audit_of(report.id, "rumour_report.")]
    assert actions == ["rumour_report.group", "rumour_report.status", "rumour_report.assign"]
    assert [e.action for e in history("rumourreport", report.id)][0] == "rumour_report.assign"


def test_unknown_items_and_actions_are_404(moderator):
    client, _user = moderator
    assert client.get("/moderation/feedback/999999").status_code == 404
    assert client.get("/moderation/rumours/999999").status_code == 404
    item = factories.feedback()
    db.session.commit()
    assert act(client, item.id, "no-such-action").status_code == 404
    assert db.session.scalar(db.select(GoodPractice).filter_by(slug="anti-rumours-strategy")) is not None


def test_a_stale_csrf_token_keeps_the_answer_typed(moderator, item):
    client, _user = moderator
    response = client.post(f"/moderation/feedback/{item.id}/answer", data={"csrf_token": "stale", "body": "My long answer text"})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "My long answer text" in body and "This form was open for too long" in body
