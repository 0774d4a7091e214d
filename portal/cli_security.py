"""Command line for account security. `reset_second_factor_command` belongs in the `users` group:
`flask --app portal users reset-2fa EMAIL` (for an administrator who lost their own factor and has
no other administrator to reset it)."""

from __future__ import annotations

import click

from portal.extensions import db


@click.command("reset-2fa")
@click.argument("email")
def reset_second_factor_command(email: str) -> None:
    """Remove every second factor of an account and end its sessions (audited)."""
    from portal.services.accounts import second_factor as factors
    from portal.services.accounts import users as accounts

    user = accounts.get_by_email(email)
    if user is None:
        raise click.ClickException(f"no account for {email}")
    factors.reset_second_factor(user, actor=None)
    db.session.commit()
    click.echo(f"second factor reset for {user.email}; it sets up a new one at its next login")
