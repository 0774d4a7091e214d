import os
import stat

import pytest

from portal.extensions import db
from portal.models import (
    Activity,
    ActivityRollup,
    Feedback,
    FeedbackCategory,
    FeedbackRollup,
    FeedbackRollupChannel,
    FeedbackRollupCoarse,
    GoodPractice,
    Municipality,
    RumourRollup,
    User,
)


def count(model):
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_seed_is_idempotent_and_loads_the_catalogue(runner):
    for _ in range(2):
        result = runner.invoke(args=["seed", "--demo"])
        assert result.exit_code == 0, result.output
    assert count(GoodPractice) == 12
    assert count(FeedbackCategory) == 21
    assert count(Municipality) == 6
    activities, feedback = count(Activity), count(Feedback)
    assert activities > 0 and feedback > 0
    runner.invoke(args=["seed", "--demo"])
    assert (count(Activity), count(Feedback)) == (activities, feedback)
    fuenlabrada = db.session.scalar(db.select(GoodPractice).filter_by(slug="fuenlabrada-intercultural-community-policing"))
    assert "community-policing" in fuenlabrada.tags


def test_municipalities_list_prints_slug_tab_name(runner):
    result = runner.invoke(args=["municipalities", "list"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "fuenlabrada\tFuenlabrada" in lines
    assert all(line.count("\t") == 1 for line in lines)


def test_users_create_list_deactivate(runner):
    result = runner.invoke(args=["users", "create", "Officer@Example.org", "--role", "officer", "--municipality", "lisboa"])
    assert result.exit_code == 0, result.output
    assert "password: " in result.output
    user = db.session.scalar(db.select(User).filter_by(email="officer@example.org"))
    assert user.password_hash.startswith("$argon2id$")
    assert user.municipality.slug == "lisboa"

    result = runner.invoke(args=["users", "create", "mod@example.org", "--role", "moderator", "--password-stdin"],
                           input="a long enough passphrase\n")
    assert result.exit_code == 0 and "password:" not in result.output

    listing = runner.invoke(args=["users", "list"]).output
    assert "officer@example.org\tofficer\tlisboa\tactive" in listing
    assert runner.invoke(args=["users", "deactivate", "mod@example.org"]).exit_code == 0
    assert "mod@example.org\tmoderator\t-\tdeactivated" in runner.invoke(args=["users", "list"]).output


def test_users_create_refuses_bad_input(runner):
    no_place = runner.invoke(args=["users", "create", "o@example.org", "--role", "officer"])
    assert no_place.exit_code != 0 and "municipality" in no_place.output
    unknown = runner.invoke(args=["users", "create", "o@example.org", "--role", "officer", "--municipality", "atlantis"])
    assert unknown.exit_code != 0 and "atlantis" in unknown.output
    short = runner.invoke(args=["users", "create", "m@example.org", "--role", "moderator", "--password-stdin"], input="short\n")
    assert short.exit_code != 0 and "12 characters" in short.output
    runner.invoke(args=["users", "create", "m@example.org", "--role", "moderator"])
    twice = runner.invoke(args=["users", "create", "M@example.org", "--role", "moderator"])
    assert twice.exit_code != 0 and "exists already" in twice.output


def test_demo_accounts_once_per_role_in_a_private_file(app, runner):
    first = runner.invoke(args=["demo-accounts"])
    assert first.exit_code == 0, first.output
    path = os.path.join(app.instance_path, "demo-credentials.txt")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with open(path) as fh:
        content = fh.read()
    for role in ("mediator", "officer", "moderator", "admin"):
        assert f"{role}@demo.portal.invalid" in content
        assert f"{role}@demo.portal.invalid" in first.output
    second = runner.invoke(args=["demo-accounts"])
    assert "see " in second.output and "@demo.portal.invalid  " not in second.output
    assert count(User) == 4
    with open(path) as fh:
        assert fh.read() == content


def test_demo_data_adds_rows_in_bulk(runner):
    result = runner.invoke(args=["demo-data", "--feedback", "2500", "--activities", "30", "--seed", "7"])
    assert result.exit_code == 0, result.output
    assert count(Feedback) == 2500
    assert count(Activity) == 30


def test_demo_data_vacuums_and_analyses_on_postgresql(runner, backend):
    """Without them the planner takes the freshly loaded tables for empty ones and cannot scan an
    index alone (a benchmark started right after a load measured those plans)."""
    if backend != "postgresql":
        pytest.skip("SQLite plans without statistics by design (see the plan tests)")
    from sqlalchemy import text

    started = db.session.scalar(text("SELECT clock_timestamp()"))
    db.session.commit()
    assert runner.invoke(args=["demo-data", "--feedback", "300", "--activities", "5"]).exit_code == 0
    db.session.commit()
    analysed = db.session.execute(text(
        "SELECT relname FROM pg_stat_user_tables WHERE last_analyze >= :started AND last_vacuum >= :started "
        "AND relname IN ('feedback', 'activity')"),
        {"started": started}).scalars()
    assert sorted(analysed) == ["activity", "feedback"]


def test_retention_purge_erases_old_words_only(runner):
    from datetime import date, timedelta

    from portal.models import FeedbackMessage
    from tests import factories

    old = factories.feedback(text="old words", received_on=date.today() - timedelta(days=800), receipt_hash="x" * 64,
                             redacted_text="old redaction")
    old.messages.append(FeedbackMessage(from_resident=False, body="We are sorry about Mr X.", created_on=date.today()))
    new = factories.feedback(text="new words", received_on=date.today() - timedelta(days=10))
    db.session.commit()
    dry = runner.invoke(args=["retention", "purge", "--dry-run"])
    assert "would erase" in dry.output and "feedback 1" in dry.output
    db.session.refresh(old)
    assert old.text == "old words"
    assert runner.invoke(args=["retention", "purge"]).exit_code == 0
    db.session.refresh(old)
    db.session.refresh(new)
    assert (old.text, old.receipt_hash, old.redacted_text, old.treatment) == ("", None, None, 3)
    assert old.messages == []
    assert new.text == "new words"


def test_aggregates_rebuild_recomputes_every_figure_from_the_rows(runner):
    """After a bulk load (which bypasses the upkeep) or a figure damaged by hand, the command puts
    every aggregate back to what the rows say."""
    from portal.services.statistics import rollup

    result = runner.invoke(args=["demo-data", "--feedback", "300", "--activities", "20", "--seed", "9"])
    assert result.exit_code == 0, result.output
    expected = rollup.snapshot()
    for model in (FeedbackRollup, FeedbackRollupCoarse, FeedbackRollupChannel, RumourRollup, ActivityRollup):
        assert expected[model.__tablename__], model
        db.session.execute(db.delete(model))
    db.session.execute(db.text("INSERT INTO activity_rollup (month, municipality_id, area_key, type, activities) "
                               "VALUES ('1999-01-01', 1, 0, 'patrol', 7)"))
    db.session.commit()
    result = runner.invoke(args=["aggregates", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "feedback cells" in result.output and "activity cells" in result.output
    db.session.expire_all()
    assert rollup.snapshot() == expected


def test_the_migration_commands_load_when_asked_for(runner):
    assert "migrate" not in runner.app.extensions  # an app that serves requests never loads them
    result = runner.invoke(args=["db", "--help"])
    assert result.exit_code == 0 and "upgrade" in result.output and "downgrade" in result.output, result.output
    assert runner.invoke(args=["db", "heads"]).exit_code == 0
    assert "migrate" in runner.app.extensions
