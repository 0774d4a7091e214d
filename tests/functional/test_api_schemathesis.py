"""schemathesis against /api/v1/openapi.json: for every operation, generated requests (valid and
not valid) must never get a 5xx, and every answer must match the documented schema (status codes,
content type, body, headers). A bounded number of examples keeps it to a few seconds."""

from __future__ import annotations

from datetime import date

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from portal.extensions import db
from portal.vocab import RumourStatus
from tests import factories

EXAMPLES = 60


def _published_world():
    anti = factories.practice()
    item = factories.published_feedback(public_text="A reviewed text", published_on=date(2026, 11, 5))
    item.practices = [anti]
    activity = factories.activity("lisboa", title="Open meeting", is_public=True)
    activity.practices = [anti]
    rumour = factories.rumour("A rumour", counter_data="Facts", is_published=True, status=RumourStatus.COUNTERED,
                              published_on=date(2026, 11, 1))
    rumour.activities = [activity]
    rumour.municipalities = [factories.municipality("lisboa")]
    db.session.commit()


def test_the_api_matches_its_openapi_document(app_factory):
    # schemathesis' own pytest integration does not run under pytest 9 yet; its Python API does.
    app = app_factory(API_RATE_LIMIT="100000 per minute")
    with app.app_context():
        _published_world()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        # Valid requests, requests that break the schema (which must get a documented 400), and a
        # published practice's real slug for the one path parameter.
        strategies = [operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)]
        if "{slug}" in operation.path:
            strategies.append(operation.as_strategy(path_parameters={"slug": "anti-rumours-strategy"}))

        @given(case=st.one_of(strategies))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        def check(case):
            case.call_and_validate()

        check()
        checked.append(operation.label)
    assert len(checked) == 6, checked
