"""The read-only public API at /api/v1/: good practices, published feedback, countered rumours and
public activities, as JSON, with an OpenAPI 3.1 document generated from the code.

Why flask-smorest: it is a Flask extension with `init_app` (our app factory stays as it is), its
Blueprint is a Flask blueprint (named `api`, like every other area), and it builds the OpenAPI
document from the registered routes and the marshmallow schemas that also parse the query strings
and dump the answers, so the document cannot drift from the code. It is maintained by the
marshmallow team and writes OpenAPI 3.1 (apispec). Its app-wide JSON error handler is not
installed: the rest of the portal keeps its HTML error pages, and the `api` blueprint answers its
own errors in JSON (see blueprint.py).

The API serves nothing a visitor of the public pages could not see: it reads through the same
services as those pages, and its schemas list the only fields it may send.
"""

from __future__ import annotations

import flask_smorest
from flask import Flask

OPENAPI_VERSION = "3.1.0"


class PortalApi(flask_smorest.Api):
    """flask-smorest, minus its app-wide error handler (the `api` blueprint has its own)."""

    def _register_error_handlers(self):
        return None


def init_app(app: Flask) -> PortalApi:
    """Register the `api` blueprint and build its OpenAPI document. Endpoint modules are imported
    here, before registering, because the document is built from the routes known at that moment."""
    from portal.api import docs, stats_views, views  # noqa: F401  (they add routes to bp)
    from portal.api.blueprint import bp
    from portal.api.schemas import ErrorSchema

    PortalApi.ERROR_SCHEMA = ErrorSchema
    api = PortalApi(spec_kwargs={
        "title": "portal: public data", "version": "1", "openapi_version": OPENAPI_VERSION,
        "info": {"description": "Read-only access to what the portal publishes: good practices, published feedback, "
                                "countered rumours and public activities. Rate-limited per client; responses carry "
                                "an ETag and may be cached for a few minutes. The good-practice texts are licensed "
                                "CC BY 4.0 (see /open-data)."},
    })
    api.init_app(app)
    api.register_blueprint(bp)
    app.extensions["portal_api"] = api
    return api
