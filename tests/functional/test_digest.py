"""`flask --app portal digest`: counts only, per municipality, printed or sent by SMTP to a real
server on loopback (aiosmtpd in this process)."""

import socket
from datetime import timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from portal.extensions import db
from portal.services import dates
from portal.vocab import FeedbackStatus
from tests import factories

SECRET_WORDS = "Officer Dragan hit my brother Marker-D4"


@pytest.fixture
def queue_items(app):
    today = dates.today()
    factories.feedback(text=SECRET_WORDS, received_on=today)
    factories.feedback(received_on=today - timedelta(days=10))  # waiting too long
    factories.feedback(municipality_slug="lisboa", received_on=today - timedelta(days=30), has_unread=True,
                       status=FeedbackStatus.IN_REVIEW)
    factories.rumour_report(received_on=today, heard_text="They say Marker-D4 rumour")
    factories.user("moderator", email="moderator-one@example.org")
    factories.user("moderator", email="moderator-two@example.org")
    factories.user("moderator", email="retired@example.org", active=False)
    db.session.commit()


def test_the_digest_is_printed_without_mail_settings(runner, queue_items):
    result = runner.invoke(args=["digest"])
    assert result.exit_code == 0, result.output
    assert "New since" in result.output and "Waiting longer than 7 days without acknowledgement: 1" in result.output
    assert "Unread messages from residents: 1" in result.output
    lines = {line.split()[0]: line.split()[1:] for line in result.output.splitlines() if line.startswith(("Fuenlabrada", "Lisboa"))}
    assert lines["Fuenlabrada"] == ["2", "1", "0"] and lines["Lisboa"] == ["0", "0", "1"]
    assert "Marker-D4" not in result.output and "Dragan" not in result.output


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, _server, _session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp_server():
    with socket.socket() as probe:  # a free loopback port (aiosmtpd checks readiness by connecting to it)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def test_the_digest_is_sent_to_every_active_moderator_by_smtp(app_factory, smtp_server, backend):
    inbox, port = smtp_server
    app = app_factory(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_SENDER="portal@example.org",
                      PUBLIC_URL="https://portal.example.org")
    with app.app_context():
        today = dates.today()
        factories.feedback(text=SECRET_WORDS, received_on=today)
        factories.user("moderator", email="moderator-one@example.org")
        factories.user("moderator", email="retired@example.org", active=False)
        db.session.commit()
        result = app.test_cli_runner().invoke(args=["digest", "--days", "7"])
    assert result.exit_code == 0, result.output
    assert "digest sent to 1 address(es)" in result.output
    [(recipients, message)] = inbox.messages
    assert recipients == ["moderator-one@example.org"] and message["From"] == "portal@example.org"
    body = message.get_payload(decode=True).decode()
    assert "New since" in body and "https://portal.example.org/moderation" in body
    assert "Marker-D4" not in body and "Dragan" not in body


def test_an_unreachable_mail_server_is_a_clear_error(app_factory):
    app = app_factory(MAIL_SERVER="127.0.0.1", MAIL_PORT=9)  # nothing listens on the discard port
    with app.app_context():
        factories.user("moderator")
        db.session.commit()
        result = app.test_cli_runner().invoke(args=["digest"])
    assert result.exit_code != 0 and "the digest could not be sent" in result.output
