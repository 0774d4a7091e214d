"""Issue 11, point 2: an optional choice sent as only whitespace (space, tab, line break, no-break
space) is no choice: never a 500, and nothing in the log. Fixed at the cause for every form by
`portal.forms.OptionalChoice`; these tests hold every form, field and endpoint of the report to it."""

from __future__ import annotations

import logging

import pytest

from portal.extensions import db
from portal.models import Feedback, RumourReport
from tests import factories
from tests.functional.test_feedback_views import feedback_data, post_form
from tests.functional.test_rumour_views import rumour_data

BLANKS = {"space": " ", "spaces": "   ", "tab": "\t", "newline": "\n", "crlf": "\r\n", "nbsp": "\u00a0",
          "mixed": " \t\u00a0\n"}
FEEDBACK_FIELDS = ("part_of_day", "reported_elsewhere", "gender", "age_band", "area")


@pytest.fixture
def quiet_log(caplog):
    caplog.set_level(logging.INFO)
    yield caplog
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], [r.getMessage() for r in caplog.records]


def newest(model):
    db.session.expire_all()
    return db.session.scalars(db.select(model)).all()


def _stored(model, field):
    (row,) = newest(model)
    value = getattr(row, field if field != "area" else "area_id")
    db.session.delete(row)
    db.session.commit()
    return value


@pytest.mark.parametrize("field", FEEDBACK_FIELDS)
def test_residents_feedback_form_takes_a_blank_optional_choice_as_none(client, quiet_log, field):
    for name, blank in BLANKS.items():
        response = post_form(client, "/feedback/new", feedback_data(**{field: blank}))
        assert response.status_code == 200 and "Thank you" in response.get_data(as_text=True), name
        assert _stored(Feedback, field) is None, name


@pytest.mark.parametrize("field", FEEDBACK_FIELDS)
def test_feedback_on_an_activity_takes_a_blank_optional_choice_as_none(client, quiet_log, field):
    factories.activity(feedback_code="BLANK7", is_public=True)
    db.session.commit()
    for name, blank in BLANKS.items():
        data = feedback_data(**{field: blank})
        data.pop("municipality")
        response = post_form(client, "/a/BLANK7", data)
        assert response.status_code == 200, (name, response.get_data(as_text=True)[:2000])
        assert _stored(Feedback, field) is None, name


@pytest.mark.parametrize("field", FEEDBACK_FIELDS)
def test_mediators_form_takes_a_blank_optional_choice_as_none(staff_client, quiet_log, field):
    client, _mediator = staff_client("mediator")
    for name, blank in BLANKS.items():
        data = feedback_data(channel="in-person", consent="y", website=None, **{field: blank})
        response = post_form(client, "/mediator/feedback/new", {k: v for k, v in data.items() if v is not None},
                             started_ago=None)
        assert response.status_code in (200, 302), (name, response.status_code)
        assert _stored(Feedback, field) is None, name


def test_rumour_form_takes_a_blank_area_as_none(client, quiet_log):
    for name, blank in BLANKS.items():
        response = post_form(client, "/rumours/new", rumour_data(area=blank), form_name="rumour")
        assert response.status_code == 200, name
        assert _stored(RumourReport, "area") is None, name


@pytest.mark.parametrize("blank", ["%20", "%09", "%0A", "%0D%0A", "%C2%A0", "%20%09%C2%A0"])
def test_the_activity_list_and_its_export_take_a_blank_type_as_no_filter(staff_client, quiet_log, blank):
    client, _officer = staff_client("officer")
    factories.activity(title="Dialogue café in El Naranjo")
    db.session.commit()
    listing = client.get(f"/activities?type={blank}")
    assert listing.status_code == 200 and "Dialogue café in El Naranjo" in listing.get_data(as_text=True)
    export = client.get(f"/activities/export.csv?type={blank}")
    assert export.status_code == 200 and "Dialogue café in El Naranjo" in export.get_data(as_text=True)
