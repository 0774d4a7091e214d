"""Command line: `flask --app portal …`. Commands parse arguments, call services, commit once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, ScriptInfo

from portal.extensions import db
from portal.vocab import Role


def _commit() -> None:
    db.session.commit()


@click.command("seed")
@click.option("--demo", is_flag=True, help="Also add demo partners, activities, feedback and rumour reports.")
def seed_command(demo: bool) -> None:
    """Load the good-practice catalogue, categories and municipalities (idempotent)."""
    from portal.services.catalogue import seed

    counts = seed.seed_all()
    if demo:
        from portal.services.catalogue.demo import seed_demo

        counts.update(seed_demo())
    _commit()
    click.echo("seeded: " + ", ".join(f"{k} +{v}" for k, v in counts.items()))


municipalities_cli = AppGroup("municipalities", help="Municipalities.")


@municipalities_cli.command("list")
def municipalities_list() -> None:
    """One line per municipality: slug, a tab, name."""
    from portal.services import places

    for municipality in places.all_municipalities(order_by="slug"):
        click.echo(f"{municipality.slug}\t{municipality.name}")


users_cli = AppGroup("users", help="Staff accounts.")


@users_cli.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--municipality", "municipality_slug", help="Slug of the municipality (required for officers).")
@click.option("--organisation", default="", help="Organisation of a mediator.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def users_create(email: str, role: str, municipality_slug: str | None, organisation: str, password_stdin: bool) -> None:
    """Create a staff account; prints a generated password unless --password-stdin."""
    from portal.services import places
    from portal.services.accounts import users as accounts

    municipality = None
    if municipality_slug:
        municipality = places.municipality_by_slug(municipality_slug, active_only=False)
        if municipality is None:
            raise click.ClickException(f"no municipality with slug {municipality_slug!r} (see `municipalities list`)")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
        generated = False
    else:
        password = accounts.generate_password()
        generated = True
    try:
        user = accounts.create_user(email, Role(role), password, municipality=municipality, organisation=organisation)
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from error
    _commit()
    click.echo(f"created {user.email} ({user.role.value})")
    if generated:
        click.echo(f"password: {password}")


@users_cli.command("list")
def users_list() -> None:
    """E-mail, role, municipality and whether the account is active."""
    from portal.services.accounts import users as accounts

    for user in accounts.list_users():
        place = user.municipality.slug if user.municipality else "-"
        state = "active" if user.active else "deactivated"
        click.echo(f"{user.email}\t{user.role.value}\t{place}\t{state}")


@users_cli.command("deactivate")
@click.argument("email")
def users_deactivate(email: str) -> None:
    """Deactivate an account; its sessions end at once."""
    from portal.services.accounts import users as accounts

    user = accounts.get_by_email(email)
    if user is None:
        raise click.ClickException(f"no account for {email}")
    accounts.deactivate_user(user)
    _commit()
    click.echo(f"deactivated {user.email}")


@click.command("demo-accounts")
def demo_accounts() -> None:
    """Create one demo account per role (once); passwords go to instance/demo-credentials.txt."""
    from portal.models import Municipality
    from portal.services.accounts import users as accounts

    path = Path(current_app.instance_path) / "demo-credentials.txt"
    first = db.session.scalar(db.select(Municipality).order_by(Municipality.slug))
    lines = []
    for role in Role:
        email = f"{role.value}@demo.portal.invalid"
        if accounts.get_by_email(email) is not None:
            continue
        password = accounts.generate_password()
        accounts.create_user(
            email, role, password,
            municipality=first if role in (Role.OFFICER, Role.MEDIATOR) else None,
            organisation="Demo mediators' network" if role == Role.MEDIATOR else "",
        )
        lines.append(f"{role.value:<10} {email}  {password}")
    _commit()
    if lines:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a") as fh:
            fh.write("\n".join(lines) + "\n")
        os.chmod(path, 0o600)
        click.echo("Demo staff logins (shown once, kept in instance/demo-credentials.txt):")
        for line in lines:
            click.echo("  " + line)
    else:
        click.echo(f"Demo staff logins: see {path}")


@click.command("demo-data")
@click.option("--feedback", "feedback_count", type=click.IntRange(0), default=0)
@click.option("--activities", "activity_count", type=click.IntRange(0), default=0)
@click.option("--seed", "rng_seed", type=int, default=1)
def demo_data(feedback_count: int, activity_count: int, rng_seed: int) -> None:
    """Synthetic feedback and activities in bulk, for benchmarks."""
    from portal.services.catalogue.demo import bulk_demo_data

    try:
        counts = bulk_demo_data(feedback_count, activity_count, rng_seed)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    _commit()
    if db.engine.dialect.name == "postgresql":
        # After a bulk load the planner knows nothing of the new rows, and no page of them is marked
        # all-visible, until autovacuum gets to the tables minutes later: plans for an empty table,
        # and no index-only scans (an officers' home took 100 ms instead of 28 at a million rows).
        # Bring the database to where autovacuum would have brought it.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM (ANALYZE)")
    click.echo(f"added {counts['feedback']} feedback, {counts['activities']} activities")


retention_cli = AppGroup("retention", help="Retention policy.")


@retention_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what would be erased; change nothing.")
def retention_purge(dry_run: bool) -> None:
    """Erase residents' own words older than RETENTION_MONTHS."""
    from portal.services.feedback.retention import purge

    months = int(current_app.config["RETENTION_MONTHS"])
    counts = purge(months, dry_run=dry_run)
    if not dry_run:
        _commit()
    verb = "would erase" if dry_run else "erased"
    click.echo(f"{verb} (older than {months} months): " + ", ".join(f"{k} {v}" for k, v in counts.items()))


aggregates_cli = AppGroup("aggregates", help="The figures' maintained aggregates.")


@aggregates_cli.command("rebuild")
def aggregates_rebuild() -> None:
    """Recompute the aggregates behind every figure from the feedback, rumour-report and activity rows."""
    from portal.services.statistics import rollup

    counts = rollup.rebuild()
    _commit()
    click.echo("rebuilt: " + ", ".join(f"{name} {n}" for name, n in counts.items()))


@click.command("digest")
@click.option("--days", type=click.IntRange(1, 31), default=1, help="Count items received in the last N days.")
@click.option("--to", "recipients", multiple=True, help="Send to this address instead of every moderator.")
def digest_command(days: int, recipients: tuple[str, ...]) -> None:
    """Counts-only summary for moderators: by SMTP when PORTAL_MAIL_SERVER is set, printed otherwise."""
    from portal.services.moderation import digest

    public_url = (current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    text = digest.as_text(digest.build(days), queue_url=f"{public_url}/moderation" if public_url else "")
    settings = digest.MailSettings.from_config(current_app.config)
    if settings is None:
        click.echo(text, nl=False)
        return
    to = list(recipients) or digest.recipients()
    if not to:
        raise click.ClickException("no active moderator account to send the digest to (use --to)")
    try:
        digest.send(settings, to, "portal: moderation digest", text)
    except (OSError, digest.smtplib.SMTPException) as error:
        raise click.ClickException(f"the digest could not be sent: {error}") from error
    click.echo(f"digest sent to {len(to)} address(es)")


translate_cli = AppGroup("translate", help="Message catalogues (see portal/catalogs.py).")


@translate_cli.command("extract")
def translate_extract() -> None:
    """Collect every translatable string into portal/translations/messages.pot."""
    from portal import catalogs

    click.echo(f"{len(catalogs.extract())} messages")


@translate_cli.command("update")
def translate_update() -> None:
    """Merge new strings from messages.pot into every language's catalogue (Romani included)."""
    from portal import catalogs

    catalogs.update()


@translate_cli.command("compile")
def translate_compile() -> None:
    """Build the .mo files the portal reads."""
    from portal import catalogs

    click.echo(f"compiled {catalogs.compile_all()} catalogues")


@translate_cli.command("check")
@click.option("-v", "--verbose", is_flag=True, help="List each missing message.")
def translate_check(verbose: bool) -> None:
    """How complete each catalogue is; fails when a required message is missing."""
    from portal import catalogs

    if catalogs.check(verbose):
        raise click.ClickException("some catalogues are incomplete")


class MigrationCommands(click.Group):
    """`flask db …`: Flask-Migrate's commands, loaded when one runs, so that the workers serving
    requests never load Alembic (see `portal.extensions.init_migrations`)."""

    def make_context(self, info_name, args, parent=None, **extra):
        from flask_migrate.cli import db as commands

        from portal.extensions import init_migrations

        app = parent.ensure_object(ScriptInfo).load_app() if parent is not None else current_app._get_current_object()
        if "migrate" not in app.extensions:
            init_migrations(app)
        return commands.make_context(info_name, args, parent=parent, **extra)


def init_app(app: Flask) -> None:
    from portal.cli_security import reset_second_factor_command

    users_cli.add_command(reset_second_factor_command)
    for command in (seed_command, municipalities_cli, users_cli, demo_accounts, demo_data, retention_cli, digest_command, aggregates_cli,
                    translate_cli):
        app.cli.add_command(command)
    app.cli.add_command(MigrationCommands("db", help="Database migrations (Flask-Migrate, Alembic)."))
