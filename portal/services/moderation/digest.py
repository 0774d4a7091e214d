"""The moderators' digest: what waits in the queue, as counts only.

It never contains a resident's words, a category of a single item, or anything else that could
point at one person: only how many items arrived, how many wait longer than the acknowledgement
period, and how many residents' messages are unread, per municipality. It is sent by SMTP when
PORTAL_MAIL_SERVER is set, and printed otherwise (`flask --app portal digest`).
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Feedback, Municipality, RumourReport, User
from portal.services import dates
from portal.services.moderation.states import ACKNOWLEDGE_WITHIN_DAYS
from portal.vocab import FeedbackStatus, Role


@dataclass(frozen=True)
class PlaceCounts:
    name: str
    new: int
    waiting: int
    unread: int


@dataclass(frozen=True)
class Digest:
    since: date
    today: date
    places: list[PlaceCounts]

    @property
    def totals(self) -> PlaceCounts:
        return PlaceCounts("", sum(p.new for p in self.places), sum(p.waiting for p in self.places),
                           sum(p.unread for p in self.places))


def _per_municipality(query) -> dict[int, int]:
    return dict(db.session.execute(query).all())


def build(days: int = 1, today: date | None = None) -> Digest:
    """Counts for every active municipality: items received in the last `days` days, items not
    acknowledged after ACKNOWLEDGE_WITHIN_DAYS days, unread messages from residents."""
    today = today or dates.today()
    since = today - timedelta(days=days)
    overdue_before = today - timedelta(days=ACKNOWLEDGE_WITHIN_DAYS)
    new, waiting = {}, {}
    for model in (Feedback, RumourReport):
        for key, n in _per_municipality(select(model.municipality_id, func.count()).where(
                model.received_on >= since).group_by(model.municipality_id)).items():
            new[key] = new.get(key, 0) + n
        for key, n in _per_municipality(select(model.municipality_id, func.count()).where(
                model.status == FeedbackStatus.RECEIVED, model.received_on < overdue_before)
                .group_by(model.municipality_id)).items():
            waiting[key] = waiting.get(key, 0) + n
    unread = _per_municipality(select(Feedback.municipality_id, func.count()).where(Feedback.has_unread.is_(True))
                               .group_by(Feedback.municipality_id))
    places = [PlaceCounts(m.name, new.get(m.id, 0), waiting.get(m.id, 0), unread.get(m.id, 0))
              for m in db.session.scalars(select(Municipality).order_by(Municipality.name))
              if m.is_active or new.get(m.id) or waiting.get(m.id) or unread.get(m.id)]
    return Digest(since=since, today=today, places=places)


def as_text(digest: Digest, queue_url: str = "") -> str:
    total = digest.totals
    lines = [
        f"Moderation digest for {digest.today.isoformat()}",
        "",
        f"New since {digest.since.isoformat()}: {total.new}",
        f"Waiting longer than {ACKNOWLEDGE_WITHIN_DAYS} days without acknowledgement: {total.waiting}",
        f"Unread messages from residents: {total.unread}",
        "",
        f"{'Municipality':<32} {'new':>6} {'waiting':>8} {'unread':>7}",
    ]
    lines += [f"{p.name[:32]:<32} {p.new:>6} {p.waiting:>8} {p.unread:>7}" for p in digest.places]
    lines += ["", "Counts only: open the queue to read the items." + (f" {queue_url}" if queue_url else "")]
    return "\n".join(lines) + "\n"


def recipients() -> list[str]:
    """Active moderators (admins read the queue too, but are not mailed)."""
    return list(db.session.scalars(select(User.email).where(User.role == Role.MODERATOR, User.active.is_(True))
                                   .order_by(User.email)))


@dataclass(frozen=True)
class MailSettings:
    server: str
    port: int = 25
    username: str = ""
    password: str = ""
    use_tls: bool = False  # STARTTLS
    use_ssl: bool = False
    sender: str = "portal@localhost"

    @classmethod
    def from_config(cls, config) -> MailSettings | None:
        if not config.get("MAIL_SERVER"):
            return None
        # Environment values that look like numbers arrive as numbers (a password "1234" too).
        text = {name: str(config.get(name) or "") for name in ("MAIL_SERVER", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_SENDER")}
        return cls(server=text["MAIL_SERVER"], port=int(config.get("MAIL_PORT") or 25), username=text["MAIL_USERNAME"],
                   password=text["MAIL_PASSWORD"], use_tls=bool(config.get("MAIL_USE_TLS")),
                   use_ssl=bool(config.get("MAIL_USE_SSL")), sender=text["MAIL_SENDER"] or "portal@localhost")


def send(settings: MailSettings, to: list[str], subject: str, body: str) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.sender, ", ".join(to), subject
    message.set_content(body)
    context = ssl.create_default_context()
    smtp_class = smtplib.SMTP_SSL if settings.use_ssl else smtplib.SMTP
    kwargs = {"context": context} if settings.use_ssl else {}
    with smtp_class(settings.server, settings.port, timeout=30, **kwargs) as smtp:
        if settings.use_tls:
            smtp.starttls(context=context)
        if settings.username:
            smtp.login(settings.username, settings.password)
        smtp.send_message(message)
