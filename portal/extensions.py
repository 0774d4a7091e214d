"""Extension objects, unbound: create_app() binds them."""

from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from portal.models.base import Base
from portal.ratelimit import client_key

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# No default limits: each public form and the login form set their own.
limiter = Limiter(key_func=client_key, default_limits=[])
