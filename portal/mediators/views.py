"""Mediators enter feedback for residents and see what they entered, with its status. Nothing else."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.forms import attach_error, catalogue, page_number
from portal.forms.once import send_once
from portal.i18n import select_language
from portal.mediators.forms import MediatorFeedbackForm
from portal.permissions import guard_blueprint
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, dates
from portal.services.feedback import intake as feedback_service
from portal.services.feedback.receipts import format_code
from portal.vocab import Channel, Role

bp = Blueprint("mediators", __name__, url_prefix="/mediator")
guard_blueprint(bp, Role.MEDIATOR)


@bp.route("/")
def index():
    page = feedback_service.entered_by(current_user, page=request.args.get("page", 1, type=page_number))
    return render_template("mediators/index.html", page=page)


@bp.route("/feedback/new", methods=["GET", "POST"])
@keeps_input_on_csrf_error
def submit_feedback():
    form = MediatorFeedbackForm()
    offered = catalogue.current()
    form.set_choices(categories=offered.categories, municipalities=offered.municipalities, months=dates.recent_months())
    if not form.is_submitted() and current_user.municipality is not None:
        form.municipality.data = current_user.municipality.slug
    if form.validate_on_submit():
        token = form.once_token()
        try:
            sent = send_once(token, lambda: feedback_service.submit_feedback(
                **form.submission(), language=select_language(), channel=Channel(form.channel.data),
                entered_by=current_user, consent_confirmed=form.consent.data, token=token,
            ))
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()  # a copy of a sent form stores nothing and gets the same answer
            if sent.receipt_code:
                return render_template("mediators/submitted.html", receipt_code=format_code(sent.receipt_code))
            flash(_("The feedback was saved. Thank you."), "success")
            return redirect(url_for("mediators.index"))
    form.reissue()
    status = 400 if request.method == "POST" else 200
    return render_template("mediators/feedback_form.html", form=form), status
