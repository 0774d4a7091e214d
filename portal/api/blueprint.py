"""The `api` blueprint and what every API response shares: JSON errors, caching headers, the rate
limit, and the query-string parser that answers a bad filter with 400.

Errors are JSON everywhere under /api/v1/, HTML nowhere: errors raised inside an API view are
handled by this blueprint's handlers; an address under /api/v1/ that matches no route (404) or a
method the route does not take (405) never reaches a view, so `answer_routing_errors` answers those
before Flask would render its HTML error page.

Successful GET responses get a strong `ETag` (a hash of the body) and may be cached publicly for
a few minutes: they hold only what every visitor of the public pages sees, and no cookie is ever set
on them. A request whose `If-None-Match` matches gets 304 with no body.
"""

from __future__ import annotations

import flask
import flask_smorest
from flask import current_app, g, jsonify, request
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException, InternalServerError

from portal.extensions import limiter
from portal.i18n import DEFAULT

PREFIX = "/api/v1"
CACHE_SECONDS = 300


class ApiParser(FlaskParser):
    """Query strings are checked against each endpoint's schema; a bad value is a 400."""

    DEFAULT_VALIDATION_STATUS = 400


class ApiBlueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = ApiParser()


bp = ApiBlueprint("api", __name__, url_prefix=PREFIX, description="Published content of the portal, read-only.")


def api_rate_limit() -> str:
    return current_app.config["API_RATE_LIMIT"]


# Every request to the API counts against one limit per visitor, shared by all its routes (the key
# is a keyed hash of the address, rotated daily: see portal/ratelimit.py).
limiter.shared_limit(api_rate_limit, scope="api")(bp)


def error_response(error: HTTPException):
    payload = {"code": error.code, "status": error.name, "message": error.description or error.name}
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or data.get("messages")
    if errors:
        # webargs groups messages by location ("query"); the location adds nothing for a reader.
        payload["errors"] = errors.get("query", errors) if isinstance(errors, dict) else errors
        payload["message"] = "Some parameters are not valid."
    response = jsonify(payload)
    response.status_code = error.code or 500
    allowed = getattr(error, "valid_methods", None)
    if error.code == 405 and allowed:
        response.headers["Allow"] = ", ".join(sorted(allowed))
    return response


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException):
    return error_response(error)


@bp.errorhandler(InternalServerError)
def _server_error(error: InternalServerError):
    return error_response(InternalServerError())


# Code-specific handlers on the app (portal/__init__.py renders HTML pages for these) are looked up
# before class-based ones, so the blueprint names each code it answers itself.
for _code in (400, 404, 405, 413, 429, 500):
    bp.register_error_handler(_code, _http_error if _code != 500 else _server_error)


def _is_api_path() -> bool:
    return request.path == PREFIX or request.path.startswith(PREFIX + "/")


@bp.before_app_request
def answer_routing_errors():
    """404 and 405 under /api/v1/ as JSON (routing failed, so no API view or handler would run).
    Redirects Flask decides on (a missing trailing slash) are left alone."""
    error = request.routing_exception
    if error is None or not _is_api_path() or getattr(error, "code", 0) in (301, 302, 307, 308):
        return None
    return error_response(error)


@bp.before_request
def _english_only():
    """Messages and labels in the API are English; the text language is an explicit parameter.
    Setting the language here also keeps `?lang=` from setting the language cookie. The human
    page (api.docs) is a page like any other, in the visitor's language."""
    if request.endpoint != "api.docs":
        g.language = DEFAULT


def _cache_and_validators(response):
    """Runs last, after the security headers (which default every page to no-store)."""
    if not _is_api_path() or request.blueprint != "api":
        return response
    response.headers.pop("Set-Cookie", None)
    if request.method in ("GET", "HEAD") and response.status_code == 200 and response.mimetype == "application/json":
        response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        response.add_etag()
        response.make_conditional(request)
    return response


@bp.record_once
def _install_cache_hook(state) -> None:
    # Flask runs the app's after_request functions in reverse order of registration: put this one
    # first in the list so it runs after portal.security.set_security_headers has set no-store.
    state.app.after_request_funcs.setdefault(None, []).insert(0, _cache_and_validators)


def plain_route(rule: str, endpoint: str, view, **options) -> None:
    """A route of the blueprint that is not part of the API's OpenAPI document (its human page)."""
    flask.Blueprint.add_url_rule(bp, rule, endpoint, view, **options)
