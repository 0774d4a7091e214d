"""A form whose CSRF token is missing comes back with the input kept, but never past a role guard."""

from flask import Blueprint, render_template_string

from portal.permissions import guard_blueprint
from portal.security import keeps_input_on_csrf_error
from portal.vocab import Role


def test_csrf_failure_still_runs_the_blueprint_guard(app_factory, make_user):
    app = app_factory()
    bp = Blueprint("guarded_probe", __name__)
    guard_blueprint(bp, Role.ADMIN)
    reached = []

    @bp.route("/probe", methods=["GET", "POST"])
    @keeps_input_on_csrf_error
    def probe():
        reached.append(True)
        return render_template_string("probe")

    app.register_blueprint(bp)
    client = app.test_client()
    with app.app_context():
        response = client.post("/probe", data={"x": "1"})  # no CSRF token, not logged in
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert reached == []


def test_csrf_failure_after_a_rate_limit_is_a_429_not_a_500(app_factory):
    app = app_factory(PUBLIC_FORM_RATE_LIMIT="1 per hour")
    client = app.test_client()
    with app.app_context():
        client.post("/feedback/new", data={})  # uses up the limit (and fails CSRF)
        response = client.post("/feedback/new", data={})
    assert response.status_code == 429
