"""Extension objects, unbound: create_app() binds them."""

from flask_limiter import Limiter
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from portal.models.base import Base
from portal.ratelimit import client_key

db = SQLAlchemy(model_class=Base)
login_manager = LoginManager()
csrf = CSRFProtect()
# No default limits: each public form and the login form set their own.
limiter = Limiter(key_func=client_key, default_limits=[])


def init_migrations(app) -> None:
    """Flask-Migrate on `app`, for the `flask db` commands (see `portal.cli.MigrationCommands`) and
    the migration tests. A worker that serves requests never loads it: Alembic and Mako would take
    11 MiB of every worker's memory."""
    from flask_migrate import Migrate

    from portal.config import PACKAGE_DIR

    Migrate(app, db, directory=str(PACKAGE_DIR / "migrations"), render_as_batch=True)


def confine_limiter_hook(app) -> None:
    """Run Flask-Limiter's per-request check only where it has something to check.

    Flask-Limiter 4 checks every request in an app-wide `before_request` hook (version 4 dropped the
    switch that turned it off). portal sets no default or application-wide limit: its limits are on
    views, which their own decorators check, and on blueprints (the API), which only that hook
    checks. So the hook runs before those blueprints' requests alone. On every other page it cost a
    fifth of the request (README, Performance). Called once the blueprints are registered."""
    manager = limiter.limit_manager
    if manager.default_limits or manager.application_limits or limiter._meta_limits:
        return  # a limit on every request: the app-wide hook is needed
    hook = limiter._check_request_limit
    app.before_request_funcs[None].remove(hook)
    for blueprint in manager._blueprint_limits:
        app.before_request_funcs.setdefault(blueprint, []).insert(0, hook)
