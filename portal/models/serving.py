"""Two small tables that serve requests rather than hold the domain's data.

`used_submission`: one keyed hash per form that was stored, so that the same form sent twice is
stored once (see `portal.services.feedback.submissions`, which explains what it holds and why).

`catalogue_version`: one row whose `stamp` changes, through database triggers, whenever a row that
residents' pages show from the database changes (feedback categories, municipalities, their areas,
partner organisations). Pages rendered once per language and process (`portal.public.page_cache`)
are keyed on it, so every process of every instance sees a change at its next request. Triggers
rather than application events: a change made by any path (a view, a command, a migration, plain
SQL) moves the stamp. The stamp is random, not a counter, so a table emptied and filled again can
never bring back an old key.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, SmallInteger, String, event
from sqlalchemy.orm import Mapped, mapped_column

from portal.models.base import Base


class UsedSubmission(Base):
    __tablename__ = "used_submission"

    # HMAC-SHA256 (hex) of the form's one-time token, under a key derived from SECRET_KEY.
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Which derived receipt code the first sending got (practically always 0); NULL: none asked for.
    receipt: Mapped[int | None] = mapped_column(SmallInteger)
    # The day it was stored, as on every submission: rows older than yesterday are deleted.
    day: Mapped[date] = mapped_column(Date, index=True)


class CatalogueVersion(Base):
    __tablename__ = "catalogue_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stamp: Mapped[int] = mapped_column(Integer)


# Tables whose rows residents' pages show.
WATCHED_TABLES = ("feedback_category", "municipality", "area", "partner_organisation")


def catalogue_version_ddl(dialect: str) -> list[str]:
    """Triggers that move catalogue_version.stamp on any change to a watched table."""
    if dialect == "sqlite":
        bump = ("INSERT INTO catalogue_version (id, stamp) VALUES (1, abs(random() % 2147483647)) "
                "ON CONFLICT (id) DO UPDATE SET stamp = abs(random() % 2147483647);")
        return [
            f"CREATE TRIGGER IF NOT EXISTS catalogue_version_{table}_{op.lower()} AFTER {op} ON {table} BEGIN {bump} END"
            for table in WATCHED_TABLES for op in ("INSERT", "UPDATE", "DELETE")
        ]
    if dialect == "postgresql":
        statements = [
            "CREATE OR REPLACE FUNCTION bump_catalogue_version() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN "
            "INSERT INTO catalogue_version (id, stamp) VALUES (1, floor(random() * 2147483647)::int) "
            "ON CONFLICT (id) DO UPDATE SET stamp = floor(random() * 2147483647)::int; "
            "RETURN NULL; END $$",
        ]
        for table in WATCHED_TABLES:
            statements += [
                f"DROP TRIGGER IF EXISTS catalogue_version_{table} ON {table}",
                f"CREATE TRIGGER catalogue_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_version()",
            ]
        return statements
    return []


def drop_catalogue_version_ddl(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS catalogue_version_{table}_{op}"
                for table in WATCHED_TABLES for op in ("insert", "update", "delete")]
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS catalogue_version_{table} ON {table}" for table in WATCHED_TABLES] + [
            "DROP FUNCTION IF EXISTS bump_catalogue_version()"]
    return []


def _create_triggers(_metadata, connection, **_kw) -> None:
    for statement in catalogue_version_ddl(connection.dialect.name):
        connection.exec_driver_sql(statement)


# After every table exists (the triggers name five of them).
event.listen(Base.metadata, "after_create", _create_triggers)
