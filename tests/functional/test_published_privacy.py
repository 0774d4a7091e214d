"""Nothing private leaves through the transparency pages, the downloads or the API: a resident's own
words, anything rejected or unpublished, a rumour report, a private or sensitive activity. Each one
carries a unique marker; every public answer is searched for every marker, and the public markers
must appear, so the search is known to look at the right place."""

from __future__ import annotations

import json
from datetime import date, datetime

from portal.extensions import db
from portal.vocab import ActivityType, FeedbackStatus, RumourStatus
from tests import factories

SECRETS = {
    "private_text": "SECRET-PRIVATE-TEXT-7f3a",
    "rejected": "SECRET-REJECTED-1c9e",
    "rejected_answer": "SECRET-REJECTED-ANSWER-55aa",
    "unpublished": "SECRET-UNPUBLISHED-4b2d",
    "note": "SECRET-MODERATOR-NOTE-9d0f",
    "report": "SECRET-RUMOUR-REPORT-2e8b",
    "draft_rumour": "SECRET-DRAFT-RUMOUR-6a1c",
    "private_activity": "SECRET-PRIVATE-ACTIVITY-3f7e",
    "sensitive_activity": "SECRET-MEDIATION-0b4c",
    "objectives": "SECRET-OBJECTIVES-8c2d",
}
PUBLIC = {"public_text": "PUBLIC-REVIEWED-TEXT-a1b2", "public_answer": "PUBLIC-ANSWER-c3d4",
          "rumour": "PUBLIC-RUMOUR-e5f6", "activity": "PUBLIC-ACTIVITY-0a9b"}


def _world():
    anti = factories.practice()
    town = factories.municipality("fuenlabrada")
    public_activity = factories.activity(title=PUBLIC["activity"], is_public=True, objectives=SECRETS["objectives"],
                                         starts_at=datetime(2026, 12, 1, 17, 0))
    private_activity = factories.activity(title=SECRETS["private_activity"], is_public=False)
    sensitive = factories.activity(title=SECRETS["sensitive_activity"], is_public=True, type=ActivityType.MEDIATION)
    published = factories.published_feedback(public_text=PUBLIC["public_text"], answer=PUBLIC["public_answer"],
                                             text=SECRETS["private_text"], moderator_note=SECRETS["note"])
    rejected = factories.published_feedback(public_text=SECRETS["rejected"], answer=SECRETS["rejected_answer"],
                                            status=FeedbackStatus.REJECTED)
    unpublished = factories.feedback(text="words", redacted_text=SECRETS["unpublished"], public_answer=SECRETS["unpublished"],
                                     status=FeedbackStatus.ANSWERED, is_published=False, published_on=date(2026, 11, 1))
    rumour = factories.rumour(PUBLIC["rumour"], counter_data="Facts.", is_published=True, status=RumourStatus.COUNTERED,
                              published_on=date(2026, 11, 1))
    rumour.municipalities = [town]
    rumour.activities = [public_activity, private_activity, sensitive]
    rumour.practices = [anti]
    factories.rumour_report(heard_text=SECRETS["report"], rumour=rumour)
    factories.rumour(SECRETS["draft_rumour"], counter_data=SECRETS["draft_rumour"], is_published=False)
    for row in (public_activity, private_activity, sensitive):
        row.practices = [anti]
    for item in (published, rejected, unpublished):
        item.practices = [anti]
    db.session.commit()


def _public_answers(client) -> dict[str, str]:
    urls = ["/", "/practices", "/practices/anti-rumours-strategy", "/practices/anti-rumours-strategy?lang=rom",
            "/feedback/published", "/feedback/published?practice=anti-rumours-strategy", "/rumours", "/open-data",
            "/open-data/practices.csv", "/open-data/practices.json", "/calendar/fuenlabrada", "/calendar/fuenlabrada.ics",
            "/api/v1/practices?per_page=100", "/api/v1/practices/anti-rumours-strategy", "/api/v1/feedback?per_page=100",
            "/api/v1/feedback?practice=anti-rumours-strategy", "/api/v1/rumours?per_page=100", "/api/v1/activities?per_page=100",
            "/api/v1/activities?practice=anti-rumours-strategy", "/api/v1/openapi.json", "/api/v1/docs"]
    answers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        body = response.get_data(as_text=True)
        if response.mimetype == "application/json":
            body += json.dumps(response.get_json(), ensure_ascii=False)  # escaped characters, unescaped
        answers[url] = body
    return answers


def test_no_private_words_rejected_item_report_or_hidden_activity_appears_anywhere_public(client):
    _world()
    answers = _public_answers(client)
    for url, body in answers.items():
        for name, secret in SECRETS.items():
            assert secret not in body, f"{name} leaked through {url}"
    everything = "\n".join(answers.values())
    for name, marker in PUBLIC.items():
        assert marker in everything, f"{name} is not published anywhere: the search looks in the wrong place"
    assert PUBLIC["public_text"] in answers["/feedback/published"] and PUBLIC["public_text"] in answers["/api/v1/feedback?per_page=100"]
    assert PUBLIC["rumour"] in answers["/rumours"] and PUBLIC["rumour"] in answers["/api/v1/rumours?per_page=100"]
    assert PUBLIC["activity"] in answers["/practices/anti-rumours-strategy"]
    assert PUBLIC["activity"] in answers["/api/v1/activities?per_page=100"]
