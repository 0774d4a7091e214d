"""Every form of the portal as a browser sees it: parsed from the pages that show them, with each
field's name, kind, maxlength and options. Used by the request-size test (issue 11, point 4) and the
fuzzing tests (point 13), so both follow the forms as they are, not a list that could go stale."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote_plus

from portal.extensions import db
from tests import factories


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, radio, checkbox, hidden, password, email, number, date, ...
    maxlength: int | None = None
    options: list[str] = field(default_factory=list)
    value: str = ""


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, Field] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self._select: Field | None = None
        self._textarea: Field | None = None

    def _add(self, f: Field):
        if self.forms and f.name:
            known = self.forms[-1].fields.get(f.name)
            if known is not None and known.kind in ("radio", "checkbox", "select"):
                known.options += f.options
            else:
                self.forms[-1].fields[f.name] = f

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(Form(action=a.get("action") or self.page_url, method=(a.get("method") or "get").lower()))
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                return
            length = int(a["maxlength"]) if a.get("maxlength", "").isdigit() else None
            self._add(Field(a["name"], kind, length, [a.get("value") or "on"] if kind in ("radio", "checkbox") else [],
                            a.get("value") or ""))
        elif tag == "textarea" and a.get("name"):
            self._textarea = Field(a["name"], "textarea", int(a["maxlength"]) if a.get("maxlength", "").isdigit() else None)
            self._add(self._textarea)
        elif tag == "select" and a.get("name"):
            self._select = Field(a["name"], "select")
            self._add(self._select)
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data


def forms_on(html: str, page_url: str) -> list[Form]:
    parser = _Parser(page_url)
    parser.feed(html)
    return parser.forms


def encoded_size(pairs: list[tuple[str, str]]) -> int:
    """The body a browser sends for these fields (application/x-www-form-urlencoded, UTF-8)."""
    return len("&".join(f"{quote_plus(k)}={quote_plus(v)}" for k, v in pairs).encode())


# --- the pages that show forms, with the rows they need ------------------------------------------

def sample_rows():
    """An activity with a follow-up, feedback, a rumour report, a tracked rumour and a partner."""
    from portal.models import PartnerOrganisation
    from portal.models.activity import FollowUp
    from portal.vocab import PartnerKind

    activity = factories.activity(feedback_code="FUZZ42", is_public=True)
    follow_up = FollowUp(activity=activity, description="Call the association", responsible="Local police")
    db.session.add(follow_up)
    feedback = factories.feedback(text="They shouted at us.", wants_answer=False)
    report = factories.rumour_report()
    rumour = factories.rumour()
    partner = PartnerOrganisation(name="Legal clinic", kind=list(PartnerKind)[0], is_active=True)
    db.session.add(partner)
    db.session.commit()
    from portal.models import GoodPractice

    practice = db.session.scalar(db.select(GoodPractice.id).order_by(GoodPractice.id))
    return {"activity": activity.id, "follow_up": follow_up.id, "feedback": feedback.id, "report": report.id,
            "rumour": rumour.id, "partner": partner.id, "practice": practice}


def form_pages(rows) -> list[tuple[str, str]]:
    """(role, page) for every page that shows a form; role None: a resident."""
    a, f = rows["activity"], rows["follow_up"]
    return [
        (None, "/feedback/new"), (None, "/a/FUZZ42"), (None, "/rumours/new"), (None, "/feedback/status"),
        (None, "/login"),
        ("mediator", "/mediator/feedback/new"),
        ("officer", "/activities/new"), ("officer", f"/activities/{a}/edit"), ("officer", f"/activities/{a}"),
        ("officer", f"/activities/{a}/follow-ups/{f}/edit"), ("officer", "/activities"),
        ("officer", "/account/password"), ("officer", "/account/totp"), ("officer", "/account/two-factor"),
        ("moderator", "/moderation"), ("moderator", f"/moderation/feedback/{rows['feedback']}"),
        ("moderator", f"/moderation/rumours/{rows['report']}"), ("moderator", "/moderation/rumours"),
        ("moderator", "/moderation/rumours/tracker/new"), ("moderator", f"/moderation/rumours/tracker/{rows['rumour']}"),
        ("moderator", f"/moderation/rumours/tracker/{rows['rumour']}/edit"),
        ("admin", "/admin/partners/new"), ("admin", f"/admin/partners/{rows['partner']}/edit"), ("admin", "/admin/partners"),
        ("admin", "/admin/audit"), ("admin", "/admin/accounts"),
        # the catalogue's admin pages; practice 1 is the first seeded practice
        ("admin", "/admin/practices/new"), ("admin", "/admin/practices/1/edit"), ("admin", "/admin/practices/1/texts/es"),
    ]
