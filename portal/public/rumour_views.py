"""Rumour reports at /rumours/new: the same anonymity, checks and confirmation as feedback."""

from __future__ import annotations

from flask import render_template, request

from portal.extensions import db, limiter
from portal.forms import attach_error
from portal.i18n import select_language
from portal.public.blueprint import bp
from portal.public.common import public_form_limit
from portal.public.forms import RumourForm
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, places
from portal.services.feedback import rumour_reports as rumours
from portal.services.feedback.receipts import format_code


@bp.route("/rumours/new", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@limiter.limit(public_form_limit, methods=["POST"])
def report_rumour():
    form = RumourForm()
    form.set_places(places.active_municipalities())
    if form.validate_on_submit() and form.passes_antispam():
        try:
            submission = rumours.report_rumour(**form.submission(), language=select_language())
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            code = format_code(submission.receipt_code) if submission.receipt_code else None
            return render_template("public/submitted.html", kind="rumour", receipt_code=code)
    form.restamp()
    status = 400 if request.method == "POST" else 200
    return render_template("public/rumour_form.html", form=form), status
