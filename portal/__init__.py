"""portal: community policing with Roma communities.

`create_app()` wires configuration, extensions and blueprints. It does no I/O beyond reading (or,
on the very first start, generating) the secret key in instance/.
"""

from __future__ import annotations

import os

from flask import Flask, render_template

from portal.config import STATIC_DIR, TEMPLATE_DIR, Config, env_overrides, instance_defaults
from portal.i18n import TRANSLATIONS_DIR, PortalBabel


def create_app(config: type | dict | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=TEMPLATE_DIR,
        static_folder=STATIC_DIR,
        instance_path=os.environ.get("PORTAL_INSTANCE_PATH") or None,
        instance_relative_config=True,
    )
    app.config.from_object(Config)
    if config is None:
        overrides = env_overrides()
        missing = {"SQLALCHEMY_DATABASE_URI", "SECRET_KEY"} - overrides.keys()
        if missing:
            defaults = instance_defaults(app.instance_path)
            overrides = {**{k: defaults[k] for k in missing}, **overrides}
        app.config.update(overrides)
    elif isinstance(config, dict):
        app.config.update(config)
    else:
        app.config.from_object(config)
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("SECRET_KEY is not set")

    if app.config["PROXY_COUNT"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    from portal.security import quiet_werkzeug_logs

    quiet_werkzeug_logs()
    _init_extensions(app)
    _register_blueprints(app)
    from portal.extensions import confine_limiter_hook

    confine_limiter_hook(app)
    _register_hooks(app)
    _register_errors(app)
    from portal.security import init_app as init_security

    init_security(app)  # trusted hosts, refusal pages that keep the input, database privacy hooks

    from portal import cli

    cli.init_app(app)
    return app


babel = PortalBabel()


def _init_extensions(app: Flask) -> None:
    from portal import i18n
    from portal.extensions import csrf, db, limiter, login_manager
    from portal.models import User
    from portal.models.base import Base  # noqa: F401  (all models registered on import)

    db.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        default_translation_directories=TRANSLATIONS_DIR,
    )
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    # No Flask-Login session protection: it would hash each visitor's address and browser into the
    # session, and rewrite residents' cookies on every request. Staff sessions end instead through
    # User.session_token (rotated on logout, password change and deactivation).
    login_manager.session_protection = None
    from flask_babel import lazy_gettext as _l

    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(token: str):
        return db.session.execute(db.select(User).filter_by(session_token=token)).scalar_one_or_none()

    from portal.db import configure_engine_events
    from portal.services.statistics import rollup  # noqa: F401  (keeps the aggregates in step with every flush)

    with app.app_context():
        configure_engine_events(db.engine)


def _register_blueprints(app: Flask) -> None:
    from portal.auth.views import bp as auth_bp
    from portal.public.views import bp as public_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(auth_bp)
    from portal.admin.views import bp as admin_bp
    from portal.mediators.views import bp as mediators_bp

    app.register_blueprint(mediators_bp)
    app.register_blueprint(admin_bp)
    from portal.activities.views import bp as activities_bp
    from portal.public.calendar import bp as calendar_bp

    app.register_blueprint(activities_bp)
    app.register_blueprint(calendar_bp)
    from portal.moderation.views import bp as moderation_bp

    app.register_blueprint(moderation_bp)
    from portal.api import init_app as init_api

    init_api(app)  # the read-only public API, /api/v1/ (blueprint "api")
    from portal.dashboard.views import bp as dashboard_bp

    app.register_blueprint(dashboard_bp)


def _register_hooks(app: Flask) -> None:
    from portal import i18n
    from portal.security import set_security_headers

    app.context_processor(i18n.template_context)
    app.after_request(i18n.remember_language)
    app.after_request(set_security_headers)

    from portal.templating import register_template_helpers

    register_template_helpers(app)


def _register_errors(app: Flask) -> None:
    from flask_wtf.csrf import CSRFError
    from werkzeug.exceptions import HTTPException

    def render_error(code: int):
        def handler(error):
            return render_template(f"errors/{code}.html", error=error), code

        return handler

    for code in (400, 403, 404, 405, 413, 429, 500):
        app.register_error_handler(code, render_error(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        from flask import request

        view = app.view_functions.get(request.endpoint)
        if getattr(view, "keeps_input_on_csrf_error", False):
            # CSRFProtect failed before the blueprint's own before_request guards ran; run them
            # now, so answering the form again never skips a login or role check.
            for name in reversed(request.blueprints):
                for guard in app.before_request_funcs.get(name, ()):
                    refused = guard()
                    if refused is not None:
                        return refused
            try:
                response = app.make_response(view(**(request.view_args or {})))
            except HTTPException as refused:  # a rate limit, a 404 for an unknown code…
                return app.handle_http_exception(refused)
            if response.status_code == 200:  # the form came back with the token error shown
                response.status_code = 400
            return response
        return render_template("errors/csrf.html", error=error), 400
