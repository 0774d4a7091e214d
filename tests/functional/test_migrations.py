"""The migrations build exactly the models' schema, on SQLite and PostgreSQL, with a single head."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text

from portal import create_app
from portal.extensions import db, init_migrations
from portal.models import Base
from portal.models.feedback import is_schema_object
from tests.conftest import PG_URL, _config


def _fresh_url(backend, tmp_path, request):
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    request.getfixturevalue("pg_schema")  # this worker's database exists even when this file runs first
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return PG_URL


def test_single_head():
    app = create_app(_config("sqlite://"))
    init_migrations(app)
    with app.app_context():
        script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
        assert len(script.get_heads()) == 1


def test_migrations_match_models(backend, tmp_path, request):
    app = create_app(_config(_fresh_url(backend, tmp_path, request)))
    init_migrations(app)
    try:
        with app.app_context():
            upgrade()
            with db.engine.connect() as conn:
                diff = compare_metadata(MigrationContext.configure(
                    conn, opts={"compare_type": True, "include_name": is_schema_object}), Base.metadata)
            assert diff == [], diff
            assert set(inspect(db.engine).get_table_names()) >= set(Base.metadata.tables)
            downgrade(revision="base")
            assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
            db.engine.dispose()
    finally:
        if backend == "postgresql":
            # leave the schema as the session fixture made it, for the tests that follow
            request.getfixturevalue("pg_schema")
            engine = create_engine(PG_URL)
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            Base.metadata.create_all(engine)
            engine.dispose()
