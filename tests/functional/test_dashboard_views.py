"""/dashboard through HTTP: filters in the address, downloads that match the page, formula-safe CSV,
and queries that never scan the feedback table (checked on SQLite and PostgreSQL)."""

import csv
import io

import pytest

from portal.extensions import db
from portal.services import dates
from portal.services.catalogue.demo import bulk_demo_data
from tests import factories
from tests.queries import assert_no_full_scan, feedback_reads, statements

TODAY = dates.today()


@pytest.fixture
def moderator(staff_client):
    client, _user = staff_client("moderator")
    return client


@pytest.fixture
def some_feedback(app):
    this_month = dates.first_of_month(TODAY)
    for _n in range(12):
        factories.feedback(treatment=4, received_on=this_month, occurred_month=this_month)
    for _n in range(12):
        factories.feedback("lisboa", treatment=2, received_on=this_month, occurred_month=this_month)
    factories.rumour(title="=HYPERLINK(\"http://evil.example\")")
    db.session.commit()


def rows(response) -> list[list[str]]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_the_page_follows_the_filters(moderator, some_feedback):
    everything = moderator.get("/dashboard").get_data(as_text=True)
    assert "All municipalities" in everything
    lisboa = moderator.get("/dashboard?municipality=lisboa").get_data(as_text=True)
    index_table = lisboa.split('id="index-table"', 1)[1].split("</table>", 1)[0]
    assert "25.0" in index_table and "75.0" not in index_table  # twelve 2s in Lisboa
    fuenlabrada = moderator.get("/dashboard?municipality=fuenlabrada").get_data(as_text=True)
    assert "75.0" in fuenlabrada.split('id="index-table"', 1)[1].split("</table>", 1)[0]


@pytest.mark.parametrize("query", ["municipality=nowhere", "first_month=2026-13", "last_month=1999-01&first_month=2026-01",
                                   "channel=phone", "area=99999999", "practice=no-such"])
def test_bad_filters_are_explained_with_a_400(moderator, query):
    response = moderator.get(f"/dashboard?{query}")
    assert response.status_code == 400
    assert "Some filters are not right." in response.get_data(as_text=True)


def test_an_area_of_another_municipality_is_refused(moderator):
    lisbon_area = factories.municipality("lisboa").areas[0]
    response = moderator.get(f"/dashboard?municipality=fuenlabrada&area={lisbon_area.id}")
    assert response.status_code == 400 and "This area is not in the municipality you chose." in response.get_data(as_text=True)


def test_every_figure_downloads_with_the_same_filters(moderator, some_feedback):
    page = moderator.get("/dashboard?municipality=lisboa").get_data(as_text=True)
    for figure in ("volume", "treatment", "treatment-groups", "answering", "activities", "practices", "rumours"):
        assert f"/dashboard/{figure}.csv?municipality=lisboa" in page.replace("&amp;", "&"), figure
        assert rows(moderator.get(f"/dashboard/{figure}.csv?municipality=lisboa"))[0], figure
    treatment = rows(moderator.get("/dashboard/treatment.csv?municipality=lisboa"))
    this_month = dates.first_of_month(TODAY).isoformat()[:7]
    assert [this_month, "12", "25.0", "25.0", "25.0"] in [row[1:] for row in treatment]
    assert moderator.get("/dashboard/nothing.csv").status_code == 404
    assert moderator.get("/dashboard/volume.csv?first_month=bad").status_code == 400


def test_downloads_cannot_run_formulas(moderator, some_feedback):
    factories.rumour_report(rumour=db.session.scalar(db.select(factories.Rumour)), received_on=TODAY)
    db.session.commit()
    rumours = rows(moderator.get("/dashboard/rumours.csv"))
    titles = {row[0] for row in rumours[1:]}
    assert "'=HYPERLINK(\"http://evil.example\")" in titles


def test_a_download_computes_its_own_figure_only(moderator, some_feedback):
    page = [s for s, _p in statements(moderator, "/dashboard")]
    volume = [s for s, _p in statements(moderator, "/dashboard/volume.csv")]
    assert any("activity" in s for s in page)
    assert not any("activity" in s for s in volume), volume  # no activity, practice or rating figure
    assert len(volume) < len(page) / 2


def test_the_page_costs_the_same_statements_at_any_size(moderator, some_feedback):
    small = len(statements(moderator, "/dashboard"))
    bulk_demo_data(feedback=2_000, activities=50, rng_seed=3)
    db.session.commit()
    assert len(statements(moderator, "/dashboard")) == small


def _filtered(query: str) -> str:
    """A dashboard address with one filter of each kind the page offers."""
    town = factories.municipality("fuenlabrada")
    return "/dashboard?" + query.format(area=town.areas[0].id)


FILTERS = ["practice=stop-forms-and-rights-leaflet", "municipality=fuenlabrada", "municipality=fuenlabrada&area={area}",
           "category=stop-search", "police_body=national", "channel=mediator", "channel=web&category=respect"]


@pytest.mark.parametrize("query", FILTERS)
def test_no_query_of_the_page_scans_the_feedback_table(moderator, some_feedback, backend, query):
    bulk_demo_data(feedback=3_000, activities=50, rng_seed=4)
    db.session.commit()
    reading = [(s, p) for s, p in feedback_reads(statements(moderator, _filtered(query))) if "user_account" not in s]
    assert reading, "the open items and unread messages do read the feedback table"
    assert_no_full_scan(reading, backend)


@pytest.mark.parametrize("backend", ["sqlite"])  # PostgreSQL chooses by statistics; the test above holds there
@pytest.mark.parametrize("query", FILTERS)
def test_every_filter_reads_an_aggregate_by_its_key_and_open_items_from_an_index_alone(moderator, some_feedback, query):
    """On SQLite, whose planner follows the schema rather than statistics: each filtered figure reads
    one stretch of the aggregate that holds its filter (an area's, a channel's, or the period's), and
    the open items and unread messages are counted from the index alone, never from the rows."""
    bulk_demo_data(feedback=500, activities=10, rng_seed=5)
    db.session.commit()
    seen = statements(moderator, _filtered(query))
    expected = ("feedback_rollup USING PRIMARY KEY (area_key=? AND month>? AND month<?)" if "area=" in query else
                "feedback_rollup_channel USING PRIMARY KEY (channel=? AND month>? AND month<?)" if "channel=" in query else
                "feedback_rollup_coarse USING ")
    with db.engine.connect() as conn:
        def plan(statement, params):
            return " ".join(str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))

        figures = [plan(s, p) for s, p in seen if "FROM feedback_rollup" in s and "GROUP BY" in s]
        assert figures and all(f"SEARCH {expected}" in found for found in figures), figures
        counts = [plan(s, p) for s, p in feedback_reads(seen)
                  if "count(" in s and "user_account" not in s and "feedback_practice" not in s]
        assert len(counts) == 2, counts  # open items by status and age, unread messages
        assert all("USING COVERING INDEX ix_feedback_queue_" in found for found in counts), counts


def test_demo_figures_say_they_are_invented(app_factory):
    from tests.conftest import login

    for demo in (True, False):
        app = app_factory(DEMO=demo)
        with app.app_context():
            moderator = factories.user("moderator")
            db.session.commit()
            client = app.test_client()
            login(client, moderator.email)
            html = client.get("/dashboard").get_data(as_text=True)
        assert ('id="demo-note"' in html) is demo


@pytest.mark.parametrize("backend", ["sqlite"])  # PostgreSQL chooses by statistics: on a few rows, the narrower index
@pytest.mark.parametrize(("query", "reads"), [
    ("", "SEARCH activity_rollup USING PRIMARY KEY (month>? AND month<?)"),
    ("?municipality=fuenlabrada&area={area}", "SEARCH activity_rollup USING PRIMARY KEY (month>? AND month<?)"),
    ("?category=respect", "SEARCH activity USING INTEGER PRIMARY KEY (rowid=?)"),  # topics are not in the aggregate:
    # the activities that discussed the category, each looked up by its id
])
def test_the_activity_figures_are_read_from_their_aggregate_or_covering_index(moderator, some_feedback, query, reads):
    factories.activity(participants_count=12, roma_count=5)
    db.session.commit()
    seen = statements(moderator, "/dashboard" + query.format(area=factories.municipality("fuenlabrada").areas[0].id))
    grouped = [(s, p) for s, p in seen if ("FROM activity" in s and "GROUP BY activity.type" in s) or "FROM activity_rollup" in s]
    assert len(grouped) == 1, "the dashboard counts activities by type and month in one statement"
    with db.engine.connect() as conn:
        for statement, params in grouped:
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
            assert reads in plan, plan
