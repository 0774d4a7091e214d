"""Anonymous feedback: the form at /feedback/new, and the same form for one activity at /a/<code>.

A valid submission is committed before the confirmation page is built; that page is the POST's own
response, so the receipt code is shown once and never travels in a URL or a cookie.

/a/<code> is rate-limited for reading too (ACTIVITY_CODE_RATE_LIMIT, default 60 per hour), so its
codes cannot be tried one after the other; and for an activity that is not public it names the
town only, never the type, date, title or neighbourhood.
"""

from __future__ import annotations

from flask import abort, current_app, render_template, request

from portal.extensions import db, limiter
from portal.forms import attach_error
from portal.i18n import select_language
from portal.public.blueprint import bp
from portal.public.common import public_form_limit
from portal.public.forms import FeedbackForm
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, dates, places
from portal.services.activities.log import shown_publicly
from portal.services.feedback import intake as feedback_service
from portal.services.feedback.receipts import format_code


def prepare_feedback_form(form, activity=None) -> None:
    """Choices from the database; for an activity, its town is fixed and its area suggested."""
    fixed = activity.municipality if activity is not None else None
    form.set_choices(
        categories=feedback_service.active_categories(),
        municipalities=[] if fixed is not None else places.active_municipalities(),
        months=dates.recent_months(),
        fixed_municipality=fixed,
    )
    if fixed is not None:
        del form["municipality"]
        if not form.is_submitted() and activity.area_id and shown_publicly(activity):
            form.area.data = str(activity.area_id)


def _feedback_page(activity=None):
    form = FeedbackForm()
    prepare_feedback_form(form, activity)
    if form.validate_on_submit() and form.passes_antispam():
        try:
            submission = feedback_service.submit_feedback(
                **form.submission(), language=select_language(), activity=activity
            )
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            code = format_code(submission.receipt_code) if submission.receipt_code else None
            return render_template("public/submitted.html", kind="feedback", receipt_code=code)
    form.restamp()
    status = 400 if request.method == "POST" else 200
    return render_template("public/feedback_form.html", form=form, activity=activity,
                           activity_is_public=activity is not None and shown_publicly(activity)), status


def activity_code_limit() -> str:
    return current_app.config.get("ACTIVITY_CODE_RATE_LIMIT") or "60 per hour"


@bp.route("/feedback/new", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@limiter.limit(public_form_limit, methods=["POST"])
def submit_feedback():
    return _feedback_page()


@bp.route("/a/<code>", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@limiter.limit(activity_code_limit)  # every look-up counts, unknown codes too
@limiter.limit(public_form_limit, methods=["POST"])
def activity_feedback(code: str):
    activity = feedback_service.find_activity(code)
    if activity is None or not activity.municipality.is_active:
        abort(404)
    return _feedback_page(activity)
