"""Rumour reports at /rumours/new: the same anonymity, checks, one-time token and confirmation as
feedback."""

from __future__ import annotations

from flask import render_template, request
from flask_wtf.csrf import generate_csrf

from portal.extensions import db, limiter
from portal.forms import attach_error, catalogue
from portal.forms.once import send_once
from portal.i18n import select_language
from portal.public import antispam, page_cache
from portal.public.blueprint import bp
from portal.public.common import confirmation, on_posts, public_form_limit
from portal.public.forms import RumourForm
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError
from portal.services.feedback import rumour_reports as rumours


@bp.route("/rumours/new", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@on_posts(limiter.limit(public_form_limit, methods=["POST"]))
def report_rumour():
    if page_cache.serves():
        return _kept_form_page()
    form = _form()
    if form.validate_on_submit() and form.passes_antispam():
        token = form.once_token()
        try:
            sent = send_once(token, lambda: rumours.report_rumour(
                **form.submission(), language=select_language(), token=token))
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()  # before the confirmation; a copy of a sent form stores nothing
            return confirmation("rumour", sent.receipt_code)
    form.restamp()
    status = 400 if request.method == "POST" else 200
    return render_template("public/rumour_form.html", form=form), status


def _form() -> RumourForm:
    form = RumourForm()
    form.set_places(catalogue.current().municipalities)
    return form


def _kept_form_page():
    """The empty form, from the page cache (`page_cache`): holes for the CSRF token and the stamp."""
    def render():
        form = _form()
        form.csrf_token.current_token = page_cache.hole("csrf")
        form.started.data = page_cache.hole("started")
        return render_template("public/rumour_form.html", form=form)

    return page_cache.page("rumour", render, holes={
        "csrf": generate_csrf, "started": lambda: antispam.issue_started(RumourForm.form_name)})
