"""One-time submission tokens on forms (see `portal.services.feedback.submissions`): the hidden
field, and sending a form at most once from a view.

The residents' feedback and rumour forms carry their token in the anti-robot stamp
(`portal.public.antispam`); the reply under a receipt code and the mediators' form carry it in
the hidden field `submission_token` of `OnceMixin`.
"""

from __future__ import annotations

from wtforms import HiddenField

from portal.extensions import db
from portal.services.feedback import submissions


class OnceMixin:
    """A hidden one-time token. Set `submission_kind`; call `reissue()` whenever the form is shown
    and `once_token()` after it validated."""

    submission_kind = "form"
    submission_token = HiddenField()

    def reissue(self) -> None:
        self.submission_token.data = submissions.issue(self.submission_kind)

    def once_token(self):
        """The form's token, or `submissions.MISSING` (the service then refuses with a message
        above the form, after its own checks)."""
        found = submissions.read(self.submission_token.data, self.submission_kind)
        return found[0] if found is not None else submissions.MISSING


def send_once(token, store) -> submissions.Sent:
    """`store` (a service call given `token`) runs only if this token was never used; otherwise, or
    when a copy sent at the same moment won, the first sending's answer. The caller commits."""
    try:
        return submissions.send_once(token, store)
    except submissions.AlreadySentError as error:
        db.session.rollback()  # this copy's rows; the other copy's are committed
        earlier = submissions.previous(token)
        if earlier is None:  # the clash was something else: let it be the error it is
            raise error.__cause__ from None
        return earlier
