from portal.extensions import db
from portal.models import AuditEntry
from tests.conftest import get_csrf, login
from tests.factories import PASSWORD


def test_login_page_has_labelled_fields(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<label for="email">' in html and '<label for="password">' in html
    assert html.count("<h1>") == 1


def test_moderator_logs_in_and_out(client, make_user):
    user = make_user("moderator")
    response = login(client, user.email)
    assert response.status_code == 302
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert user.email in page
    token = get_csrf(client, "/account")
    response = client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert client.get("/account").status_code == 302  # back to the login page


def test_wrong_password_is_refused_with_a_message_and_keeps_the_email(client, make_user):
    user = make_user("officer")
    response = login(client, user.email, "not the password at all")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "The e-mail address or the password is not right." in html
    assert f'value="{user.email}"' in html


def test_unknown_and_deactivated_accounts_cannot_log_in(client, make_user):
    gone = make_user("moderator", active=False)
    assert login(client, gone.email).status_code == 400
    assert login(client, "nobody@example.org").status_code == 400


def test_login_without_csrf_token_is_refused_and_keeps_input(client, make_user):
    user = make_user("moderator")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "send it again" in html
    assert f'value="{user.email}"' in html
    assert client.get("/account").status_code == 302  # not logged in


def test_logout_needs_post_with_csrf(client, staff_client):
    c, _user = staff_client("moderator")
    assert c.get("/logout").status_code == 405
    assert c.post("/logout").status_code == 400
    assert c.get("/account").status_code == 200  # still logged in


def test_login_is_throttled(app_factory, make_user):
    app = app_factory(LOGIN_RATE_LIMIT="3 per minute")
    with app.app_context():
        client = app.test_client()
        statuses = [login(client, "someone@example.org", "wrong password!").status_code for _ in range(4)]
    assert statuses[:3] == [400, 400, 400]
    assert statuses[3] == 429


def test_open_redirect_is_refused(client, make_user):
    user = make_user("moderator")
    token = get_csrf(client, "/login")
    response = client.post("/login?next=https://evil.example/", data={"csrf_token": token, "email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "evil.example" not in response.headers["Location"]


def test_deactivation_ends_sessions(app, staff_client, runner):
    c, user = staff_client("moderator")
    assert c.get("/account").status_code == 200
    result = runner.invoke(args=["users", "deactivate", user.email])
    assert result.exit_code == 0, result.output
    assert c.get("/account").status_code == 302
    assert db.session.scalar(db.select(AuditEntry).filter_by(action="user.deactivate")) is not None
