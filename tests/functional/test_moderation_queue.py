"""The moderators' queue: their home after login, filters in the URL, sorts, the 7-day mark, bulk
actions with a confirmation page, and a page that costs the same few statements at any size."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import event

from portal.extensions import db
from portal.models import AuditEntry, Feedback, RumourReport
from portal.services import dates
from portal.vocab import Channel, FeedbackStatus, PoliceBody
from tests import factories
from tests.conftest import csrf_from, login

TODAY = dates.today()


@pytest.fixture
def moderator(staff_client):
    return staff_client("moderator")


def ids_on(html: str, kind: str = "feedback") -> list[int]:
    return [int(n) for n in re.findall(rf'name="item" value="{kind}-(\d+)"', html)]


def test_a_moderator_starts_the_day_in_the_queue(app, make_user):
    user = make_user("moderator")
    response = login(app.test_client(), user.email)
    assert response.status_code == 302 and response.headers["Location"].endswith("/moderation")


def test_feedback_and_rumour_reports_in_one_queue_newest_first(moderator):
    client, _user = moderator
    old = factories.feedback(received_on=TODAY - timedelta(days=3), text="old one")
    new = factories.feedback(received_on=TODAY, text="new one")
    report = factories.rumour_report(received_on=TODAY - timedelta(days=1))
    db.session.commit()
    html = client.get("/moderation").get_data(as_text=True)
    order = [m.group(0) for m in re.finditer(r'value="(feedback|rumours)-\d+"', html)]
    assert order == [f'value="feedback-{new.id}"', f'value="rumours-{report.id}"', f'value="feedback-{old.id}"']
    assert ids_on(client.get("/moderation?kind=feedback").get_data(as_text=True), "rumours") == []
    only_reports = client.get("/moderation?kind=rumours").get_data(as_text=True)
    assert ids_on(only_reports) == [] and ids_on(only_reports, "rumours") == [report.id]
    assert ids_on(client.get("/moderation?sort=oldest").get_data(as_text=True))[0] == old.id


def test_each_filter_narrows_the_queue(moderator, make_user):
    client, user = moderator
    colleague = make_user("moderator")
    target = factories.feedback(municipality_slug="lisboa", category_slug="hate-crime", police_body=PoliceBody.NATIONAL,
                                channel=Channel.IN_PERSON, treatment=1, received_on=TODAY - timedelta(days=40),
                                status=FeedbackStatus.IN_REVIEW, text="The graffiti on our wall was never recorded",
                                assigned_to_id=user.id, has_unread=True)
    target.area = target.municipality.areas[0]
    other = factories.feedback(text="Polite officers at the market", assigned_to_id=colleague.id)
    db.session.commit()
    month = dates.first_of_month(target.received_on).strftime("%Y-%m")
    for query in ({"municipality": "lisboa"}, {"category": "hate-crime"}, {"police_body": "national"},
                  {"channel": "mediator"}, {"rating": "1"}, {"status": "in-review"}, {"month": month},
                  {"assignee": "mine"}, {"unread": "y"}, {"text": "graffiti"}, {"text": "GRAFFITI"},
                  {"area": str(target.area_id)}):
        html = client.get("/moderation", query_string=query).get_data(as_text=True)
        assert ids_on(html) == [target.id], query
    assert ids_on(client.get("/moderation?assignee=nobody").get_data(as_text=True)) == []
    assert ids_on(client.get(f"/moderation?assignee={colleague.id}").get_data(as_text=True)) == [other.id]
    bookmark = "/moderation?assignee=mine&category=hate-crime&municipality=lisboa"
    html = client.get(bookmark).get_data(as_text=True)
    assert ids_on(html) == [target.id] and '<details class="filters" open>' in html


def test_rows_show_what_a_moderator_needs(moderator):
    client, _user = moderator
    row = factories.feedback(text="The officer explained the check calmly.", treatment=4,
                             received_on=TODAY - timedelta(days=2))
    db.session.commit()
    html = client.get("/moderation").get_data(as_text=True)
    cells = html.split(f'value="feedback-{row.id}"', 1)[1].split("</tr>", 1)[0]
    text = " ".join(re.sub(r"<[^>]+>", " ", cells).split())
    for expected in ("The officer explained the check calmly.", "Respect and courtesy", "Fuenlabrada", "4 / 5",
                     "Received", "2 days"):
        assert expected in text, expected


def test_items_waiting_longer_than_7_days_are_marked_and_counted(moderator):
    client, _user = moderator
    late = [factories.feedback(received_on=TODAY - timedelta(days=8 + n)) for n in range(2)]
    late.append(factories.rumour_report(received_on=TODAY - timedelta(days=30)))
    factories.feedback(received_on=TODAY - timedelta(days=7))  # just within the period
    factories.feedback(received_on=TODAY - timedelta(days=20), status=FeedbackStatus.IN_REVIEW,
                       acknowledged_on=TODAY - timedelta(days=19))
    db.session.commit()
    html = client.get("/moderation").get_data(as_text=True)
    assert "3 waiting longer than 7 days" in html
    assert html.count('class="overdue-row"') == 3
    overdue = client.get("/moderation?overdue=y").get_data(as_text=True)
    assert sorted(ids_on(overdue)) == sorted(i.id for i in late[:2]) and ids_on(overdue, "rumours") == [late[2].id]


@pytest.mark.parametrize("query", [
    {"status": " "}, {"rating": "\t"}, {"area": "\u00a0"}, {"month": "\n"}, {"status": "nope"}, {"month": "2026-13"},
    {"area": "99999999999999"}, {"page": "-3"}, {"text": "ab"}, {"text": "x" * 500}, {"sort": "drop table"},
    {"assignee": "123abc"}, {"kind": "everything"},
])
def test_odd_filter_values_never_break_the_page(moderator, query):
    client, _user = moderator
    response = client.get("/moderation", query_string=query)
    assert response.status_code in (200, 400), (query, response.status_code)


def test_bulk_actions_are_confirmed_on_a_second_page_and_audited(moderator, make_user):
    client, user = moderator
    items = [factories.feedback(text=f"item {n}") for n in range(3)]
    report = factories.rumour_report()
    db.session.commit()
    token = csrf_from(client.get("/moderation").get_data(as_text=True))
    chosen = [f"feedback-{items[0].id}", f"feedback-{items[1].id}", f"rumours-{report.id}"]
    confirm = client.post("/moderation/bulk", data={"csrf_token": token, "action": "review", "item": chosen,
                                                    "back-municipality": "fuenlabrada"})
    assert confirm.status_code == 200
    page = confirm.get_data(as_text=True)
    assert "Confirm: Move to in review" in page and f"Rumour report #{report.id}" in page
    db.session.expire_all()
    assert {db.session.get(Feedback, i.id).status for i in items} == {FeedbackStatus.RECEIVED}  # nothing yet
    done = client.post("/moderation/bulk", data={"csrf_token": token, "action": "review", "item": chosen,
                                                 "confirmed": "yes", "back-municipality": "fuenlabrada"})
    assert done.status_code == 302 and done.headers["Location"].endswith("/moderation?municipality=fuenlabrada")
    db.session.expire_all()
    assert db.session.get(Feedback, items[0].id).status == FeedbackStatus.IN_REVIEW
    assert db.session.get(RumourReport, report.id).status == FeedbackStatus.IN_REVIEW
    assert db.session.get(Feedback, items[2].id).status == FeedbackStatus.RECEIVED
    entries = list(db.session.scalars(db.select(AuditEntry).where(AuditEntry.action.in_(
        ["feedback.status", "rumour_report.status", "moderation.bulk"])).order_by(AuditEntry.id)))
    assert [e.action for e in entries] == ["feedback.status", "feedback.status", "rumour_report.status", "moderation.bulk"]
    assert all(e.actor_id == user.id for e in entries) and "(bulk)" in entries[0].summary
    # the same items again: their state no longer allows the move, so they are skipped, not broken
    colleague = make_user("moderator")
    client.post("/moderation/bulk", data={"csrf_token": token, "action": "assign", "assignee": str(colleague.id),
                                          "item": chosen, "confirmed": "yes"})
    client.post("/moderation/bulk", data={"csrf_token": token, "action": "spam", "item": [f"feedback-{items[2].id}"],
                                          "confirmed": "yes"})
    db.session.expire_all()
    assert db.session.get(Feedback, items[1].id).assigned_to_id == colleague.id
    spam = db.session.get(Feedback, items[2].id)
    assert spam.status == FeedbackStatus.REJECTED and spam.rejection_reason.value == "spam"


def test_bulk_without_a_selection_or_an_action_explains_and_changes_nothing(moderator):
    client, _user = moderator
    item = factories.feedback()
    db.session.commit()
    token = csrf_from(client.get("/moderation").get_data(as_text=True))
    response = client.post("/moderation/bulk", data={"csrf_token": token, "action": "review"}, follow_redirects=True)
    assert "Select at least one item first." in response.get_data(as_text=True)
    response = client.post("/moderation/bulk", data={"csrf_token": token, "item": [f"feedback-{item.id}"]},
                           follow_redirects=True)
    assert "Choose what to do with the selected items." in response.get_data(as_text=True)
    assert client.get("/moderation/bulk").status_code == 405  # never a GET that changes anything
    db.session.expire_all()
    assert db.session.get(Feedback, item.id).status == FeedbackStatus.RECEIVED


def _count_statements(client, url) -> int:
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)


FILTERS = ["", "?status=received", "?municipality=fuenlabrada", "?category=respect", "?assignee=mine",
           "?unread=y", "?rating=3", "?channel=web", "?police_body=municipal", "?kind=rumours", "?text=officer",
           "?sort=oldest", "?overdue=y"]


def test_a_page_of_the_queue_costs_the_same_statements_whatever_the_number_of_rows(moderator):
    client, user = moderator
    # Both sizes show both kinds of item under every filter, so only the number of rows differs.
    for day in (0, 40):
        factories.feedback(text="officer today", received_on=TODAY - timedelta(days=day), has_unread=True,
                           assigned_to_id=user.id)
        factories.rumour_report(heard_text="an officer said", received_on=TODAY - timedelta(days=day),
                                assigned_to_id=user.id)
    db.session.commit()
    small = {url: _count_statements(client, f"/moderation{url}") for url in FILTERS}
    for n in range(40):
        factories.feedback(text=f"officer {n}", received_on=TODAY - timedelta(days=1 + n % 30), has_unread=n % 2 == 0,
                           assigned_to_id=user.id)
        factories.rumour_report(heard_text=f"an officer said {n}", received_on=TODAY - timedelta(days=1 + n % 30))
    db.session.commit()
    large = {url: _count_statements(client, f"/moderation{url}") for url in FILTERS}
    assert small == large
    assert max(large.values()) <= 14, large
