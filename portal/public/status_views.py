"""/feedback/status: a receipt code shows where feedback (or a rumour report) stands, the
moderators' answers, and lets the resident add a message.

The code is never put in a URL or the session: it is posted, and the answer page carries it only
in the reply form's hidden field. Every wrong code gets the same message, and wrong codes are
rate-limited per client (RECEIPT_GUESS_RATE_LIMIT), one allowance for the look-up and the reply
form together; right codes do not use it up.
"""

from __future__ import annotations

from flask import g, render_template, request

from portal.extensions import db, limiter
from portal.forms import attach_error
from portal.forms.once import send_once
from portal.models import Feedback
from portal.public.blueprint import bp
from portal.public.common import on_posts, public_form_limit, receipt_guess_limit
from portal.public.forms import WRONG_CODE as NOT_FOUND
from portal.public.forms import ReceiptForm, ReplyForm
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError
from portal.services.feedback import receipts, thread
from portal.services.feedback import rumour_reports as rumours


def _wrong_code(_response) -> bool:
    return bool(g.get("wrong_receipt_code"))


# One allowance shared by both routes that take a code: a guesser gets RECEIPT_GUESS_RATE_LIMIT in all.
RECEIPT_GUESS_SCOPE = "receipt-guess"


def _lookup(typed: str | None):
    digits = receipts.normalise_code(typed)
    found = receipts.find_receipt(digits) if digits else None
    if found is None:
        g.wrong_receipt_code = True
    return digits, found


def _code_page(form, status: int):
    return render_template("public/status.html", form=form), status


def _answer_page(record, digits: str, reply_form=None, *, status: int = 200, sent: bool = False):
    code = receipts.format_code(digits)
    if isinstance(record, Feedback):
        if reply_form is None:
            reply_form = ReplyForm(formdata=None, code=code)
        reply_form.reissue()  # a fresh one-time token each time the form is shown
        return render_template(
            "public/status_feedback.html", item=record, reply_form=reply_form,
            can_reply=thread.can_reply(record), sent=sent,
        ), status
    return render_template("public/status_rumour.html", item=record, answer=rumours.published_answer(record)), status


@bp.route("/feedback/status", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@on_posts(limiter.shared_limit(receipt_guess_limit, scope=RECEIPT_GUESS_SCOPE, methods=["POST"],
                                deduct_when=_wrong_code))
def feedback_status():
    form = ReceiptForm()
    if form.validate_on_submit():
        digits, found = _lookup(form.code.data)
        if found is not None:
            return _answer_page(found, digits)
        form.code.errors = [NOT_FOUND]
    elif form.is_submitted() and form.code.errors and form.code.data:
        g.wrong_receipt_code = True  # far too long to be a code: a wrong guess too
    return _code_page(form, 400 if request.method == "POST" else 200)


@bp.route("/feedback/status/reply", methods=["POST"])
@keeps_input_on_csrf_error
@limiter.shared_limit(receipt_guess_limit, scope=RECEIPT_GUESS_SCOPE, deduct_when=_wrong_code)
@limiter.limit(public_form_limit)
def feedback_reply():
    form = ReplyForm()
    digits, found = _lookup(form.code.data)
    if not isinstance(found, Feedback):
        g.wrong_receipt_code = True
        code_form = ReceiptForm(formdata=None)
        code_form.code.errors = [NOT_FOUND]
        return _code_page(code_form, 400)
    if form.validate_on_submit():
        token = form.once_token()
        try:
            send_once(token, lambda: thread.add_follow_up(found, form.body.data, token=token))
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()  # a copy of a sent message stores nothing and gets the same page
            return _answer_page(found, digits, sent=True)
    return _answer_page(found, digits, form, status=400)
