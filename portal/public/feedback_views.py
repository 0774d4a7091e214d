"""Anonymous feedback: the form at /feedback/new, and the same form for one activity at /a/<code>.

A valid submission is committed before the confirmation page is built; that page is the POST's own
response, so the receipt code never travels in a URL or a cookie. The form's stamp is a one-time
token: the same form sent again (a reload, a retry) stores nothing and gets the same page, with
the same receipt code (`portal.services.feedback.submissions`).

The empty form is the same for every resident but for its CSRF token and stamp: it is rendered
once per language and process and only those two are filled in per request (`page_cache`).

/a/<code> is rate-limited for reading too (ACTIVITY_CODE_RATE_LIMIT, default 60 per hour), so its
codes cannot be tried one after the other; and for an activity that is not public it names the
town only, never the type, date, title or neighbourhood.
"""

from __future__ import annotations

from flask import abort, current_app, render_template, request
from flask_wtf.csrf import generate_csrf

from portal.extensions import db, limiter
from portal.forms import attach_error, catalogue
from portal.forms.once import send_once
from portal.i18n import select_language
from portal.models import Activity
from portal.public import antispam, page_cache
from portal.public.blueprint import bp
from portal.public.common import confirmation, on_posts, public_form_limit
from portal.public.forms import FeedbackForm
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, dates
from portal.services.activities.log import shown_publicly
from portal.services.feedback import intake as feedback_service


def prepare_feedback_form(form, activity=None) -> None:
    """Choices from the catalogue; for an activity, its town is fixed and its area suggested."""
    offered = catalogue.current()
    fixed = None
    if activity is not None:
        fixed = offered.place(activity.municipality_id) or activity.municipality
    form.set_choices(
        categories=offered.categories,
        municipalities=[] if fixed is not None else offered.municipalities,
        months=dates.recent_months(),
        fixed_municipality=fixed,
    )
    if fixed is not None:
        del form["municipality"]
        if not form.is_submitted() and activity.area_id and shown_publicly(activity):
            form.area.data = str(activity.area_id)


def _form_page(form, activity):
    return render_template("public/feedback_form.html", form=form, activity=activity,
                           activity_is_public=activity is not None and shown_publicly(activity))


def _kept_form_page(activity_id=None, facts=()):
    """The empty form, from the page cache: holes for the CSRF token and the stamp. For /a/<code>,
    `facts` are what the page shows of the activity (its key); the activity is loaded only to
    render the page the first time."""
    def render():
        activity = db.session.get(Activity, activity_id) if activity_id is not None else None
        form = FeedbackForm()
        prepare_feedback_form(form, activity)
        form.csrf_token.current_token = page_cache.hole("csrf")
        form.started.data = page_cache.hole("started")
        return _form_page(form, activity)

    return page_cache.page("feedback", render, extra=tuple(facts), holes={
        "csrf": generate_csrf, "started": lambda: antispam.issue_started(FeedbackForm.form_name)})


def _feedback_page(activity=None):
    form = FeedbackForm()
    prepare_feedback_form(form, activity)
    if form.validate_on_submit() and form.passes_antispam():
        token = form.once_token()
        try:
            sent = send_once(token, lambda: feedback_service.submit_feedback(
                **form.submission(), language=select_language(), activity=activity, token=token))
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()  # before the confirmation; a copy of a sent form stores nothing
            return confirmation("feedback", sent.receipt_code)
    form.restamp()
    status = 400 if request.method == "POST" else 200
    return _form_page(form, activity), status


def activity_code_limit() -> str:
    return current_app.config.get("ACTIVITY_CODE_RATE_LIMIT") or "60 per hour"


@bp.route("/feedback/new", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@on_posts(limiter.limit(public_form_limit, methods=["POST"]))
def submit_feedback():
    if page_cache.serves():
        return _kept_form_page()
    return _feedback_page()


@bp.route("/a/<code>", methods=["GET", "POST"])
@keeps_input_on_csrf_error
@limiter.limit(activity_code_limit)  # every look-up counts, unknown codes too
@limiter.limit(public_form_limit, methods=["POST"])
def activity_feedback(code: str):
    if page_cache.serves():
        facts = feedback_service.activity_page_facts(code)
        if facts is None or not facts.is_active:
            abort(404)
        return _kept_form_page(facts.id, facts)
    activity = feedback_service.find_activity(code)
    if activity is None or not activity.municipality.is_active:
        abort(404)
    return _feedback_page(activity)
