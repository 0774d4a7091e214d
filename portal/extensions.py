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
