"""The officers' activity log: their home and list, logging and editing activities, follow-up
actions, the CSV export and the feedback poster with its QR code.

Scope: officers see and change their own municipality's activities only (someone else's is a 404,
as if it did not exist); moderators and admins everywhere. `load_activity` checks it for every
route that takes an activity id.
"""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from datetime import datetime, time

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from portal import i18n
from portal.activities.forms import ActivityFilterForm, ActivityLogForm, FollowUpForm, Options
from portal.extensions import db
from portal.forms import attach_error, page_number, row_id
from portal.models import Activity, FollowUp, Municipality
from portal.permissions import can_manage_municipality, guard_blueprint
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, audit, dates
from portal.services.activities import export as activity_export
from portal.services.activities import log as activities
from portal.services.activities import overview as activity_overview
from portal.services.activities.posters import public_link, qr_svg
from portal.vocab import FollowUpStatus, Role

bp = Blueprint("activities", __name__)
STAFF = (Role.OFFICER, Role.MODERATOR, Role.ADMIN)
guard_blueprint(bp, *STAFF)
POSTER_SIZES = ("a4", "a6")


# --- helpers ---------------------------------------------------------------------------------

def load_activity(activity_id: int) -> Activity:
    """The activity, if this account may work on it; otherwise 404 (its existence stays hidden)."""
    activity = db.session.get(Activity, activity_id)
    if activity is None or not can_manage_municipality(current_user, activity.municipality_id):
        abort(404)
    return activity


def load_follow_up(activity: Activity, follow_up_id: int) -> FollowUp:
    item = db.session.get(FollowUp, follow_up_id)
    if item is None or item.activity_id != activity.id:
        abort(404)
    return item


def _options(activity: Activity | None = None) -> Options:
    return Options(**activities.form_choices(current_user, activity))


def _read_filters():
    form = ActivityFilterForm(request.args, choices=_options())
    valid = form.validate()
    return form, form.to_filters(), valid


def _scope_for(filters) -> int | None:
    scope = activities.scope_of(current_user)
    return scope if scope is not None else filters.municipality_id


def feedback_url(activity: Activity) -> str:
    """The address residents open from the poster (/a/<code>, served by the public pages), on the
    configured PUBLIC_URL when there is one (never on a Host header someone sent)."""
    path = url_for("public.activity_feedback", code=activity.feedback_code)
    return public_link(path, public_url=current_app.config.get("PUBLIC_URL"), host_url=request.host_url,
                       script_root=request.script_root)


def _activity_data(activity: Activity) -> dict:
    data = {name: getattr(activity, name) for name in (
        "title", "starts_at", "ends_at", "organising_unit", "partner_organisations", "officers_count",
        "participants_count", "women_count", "roma_count", "languages", "interpretation_provided",
        "mediator_present", "objectives", "outcomes", "public_summary", "is_public")}
    return data | {
        "municipality": activity.municipality_id, "type": activity.type.value, "format": activity.format.value,
        "area": activity.area_id, "topics": [t.id for t in activity.topics],
        "practices": [p.id for p in activity.practices],
    }


def _new_activity_data() -> dict:
    """A new log starts from today at 10:00 and what this officer typed last time."""
    data = {"starts_at": datetime.combine(dates.today(), time(10, 0)), "officers_count": 1}
    last = activities.defaults_for(current_user)
    if last:
        data |= {"organising_unit": last["organising_unit"], "languages": last["languages"],
                 "format": last["format"].value}
    return data


# --- home and list ---------------------------------------------------------------------------

@bp.route("/activities")
def index():
    form, filters, valid = _read_filters()
    page = activities.list_activities(current_user, filters, page=request.args.get("page", 1, type=page_number))
    today = dates.today()
    scope = _scope_for(filters)
    home = activity_overview.home(scope, today, current_app.config["SUPPRESS_BELOW_OFFICERS"],
                                  dates.parse_month(request.args.get("quarter")))
    _commit_keeping_loaded_rows()  # a quarter's figures are stored the first time they are shown
    return render_template(
        "activities/index.html", form=form, page=page, filtered=_is_filtered(), place=_place_name(scope),
        home=home, open_count=activities.open_follow_up_count, today=today,
    ), (200 if valid else 400)


def _commit_keeping_loaded_rows() -> None:
    """Commit what the home stored (a quarter's figures, the first time they are shown; they never
    change afterwards) without expiring the rows already loaded for the page: expired, every listed
    activity, its practices and its follow-ups would be read again one by one while the page renders
    (a query per row, tests/functional/test_statement_counts.py)."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def _place_name(municipality_id: int | None) -> str:
    municipality = db.session.get(Municipality, municipality_id) if municipality_id is not None else None
    return municipality.name if municipality else _("All municipalities")


def _is_filtered() -> bool:
    return any(value for key, value in request.args.items() if key not in ("page", "sort", "lang", "quarter"))


@bp.route("/activities/export.csv")
def export_csv():
    _form, filters, valid = _read_filters()
    if not valid:
        return index()
    export = activity_export.export_activities(current_user, filters)
    db.session.commit()  # the audit entry for the export
    app = current_app._get_current_object()

    def generate():
        # Each batch in its own app context: nothing stays open between two chunks of the response.
        yield "\ufeff" + _csv_text([export.header])  # the BOM makes spreadsheets read UTF-8
        offset = 0
        while True:
            with app.app_context():
                rows = activity_export.export_rows(export, offset)
            if not rows:
                return
            yield _csv_text(rows)
            offset += len(rows)

    filename = f"activities-{dates.today().isoformat()}.csv"
    return Response(generate(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _csv_text(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


@bp.route("/activities/follow-ups")
def follow_ups():
    overdue_only = request.args.get("overdue") == "1"
    municipality_id = activities.scope_of(current_user)
    options = None
    if municipality_id is None:  # moderators and admins may narrow to one municipality
        options = _options()
        municipality_id = request.args.get("municipality", type=row_id)
    today = dates.today()
    page = activity_overview.list_open_follow_ups(municipality_id, today, overdue_only,
                                                  page=request.args.get("page", 1, type=page_number))
    return render_template("activities/follow_ups.html", page=page, today=today, overdue_only=overdue_only,
                           options=options, municipality_id=municipality_id)


# --- one activity ----------------------------------------------------------------------------

@bp.route("/activities/new", methods=["GET", "POST"])
@keeps_input_on_csrf_error
def new():
    form = ActivityLogForm(choices=_options(), creating=True, data=_new_activity_data())
    if form.validate_on_submit():
        municipality_id = form.municipality.data if "municipality" in form else current_user.municipality_id
        try:
            activity = activities.log_activity(current_user, form.to_input(municipality_id), form.follow_ups())
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            flash(_("The activity is saved."), "success")
            return redirect(url_for(".view", activity_id=activity.id))
    status = 400 if request.method == "POST" else 200
    return render_template("activities/form.html", form=form, activity=None), status


@bp.route("/activities/<int(max=2147483647):activity_id>")
def view(activity_id: int):
    return _render_view(load_activity(activity_id), FollowUpForm(formdata=None))


def _render_view(activity: Activity, follow_up_form: FollowUpForm, status: int = 200):
    threshold = current_app.config["SUPPRESS_BELOW_OFFICERS"]
    return render_template(
        "activities/view.html", activity=activity, follow_up_form=follow_up_form,
        history=audit.history("activity", activity.id), action_labels=audit.ACTION_LABELS, feedback_url=feedback_url(activity), today=dates.today(),
        shown_publicly=activities.shown_publicly(activity),
        feedback_count=activity_overview.activity_feedback_count(activity, threshold, dates.today()), threshold=threshold,
    ), status


@bp.route("/activities/<int(max=2147483647):activity_id>/edit", methods=["GET", "POST"])
@keeps_input_on_csrf_error
def edit(activity_id: int):
    activity = load_activity(activity_id)
    form = ActivityLogForm(choices=_options(activity), creating=False, data=_activity_data(activity))
    if form.validate_on_submit():
        municipality_id = form.municipality.data if "municipality" in form else activity.municipality_id
        try:
            changes = activities.update_activity(current_user, activity, form.to_input(municipality_id))
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            flash(_("The changes are saved.") if changes else _("Nothing was changed."), "success")
            return redirect(url_for(".view", activity_id=activity.id))
    status = 400 if request.method == "POST" else 200
    return render_template("activities/form.html", form=form, activity=activity), status


# --- follow-ups ------------------------------------------------------------------------------

@bp.route("/activities/<int(max=2147483647):activity_id>/follow-ups", methods=["POST"])
@keeps_input_on_csrf_error
def add_follow_up(activity_id: int):
    activity = load_activity(activity_id)
    form = FollowUpForm()
    if form.validate_on_submit():
        try:
            activities.add_follow_up(current_user, activity, form.to_input())
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            flash(_("The follow-up is added."), "success")
            return redirect(url_for(".view", activity_id=activity.id, _anchor="follow-ups"))
    return _render_view(activity, form, 400)


@bp.route("/activities/<int(max=2147483647):activity_id>/follow-ups/<int(max=2147483647):follow_up_id>/edit",
          methods=["GET", "POST"])
@keeps_input_on_csrf_error
def edit_follow_up(activity_id: int, follow_up_id: int):
    activity = load_activity(activity_id)
    item = load_follow_up(activity, follow_up_id)
    form = FollowUpForm(data={"description": item.description, "responsible": item.responsible,
                              "due_on": item.due_on, "status": item.status.value})
    if form.validate_on_submit():
        try:
            changes = activities.update_follow_up(current_user, item, form.to_input())
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            flash(_("The follow-up is saved.") if changes else _("Nothing was changed."), "success")
            return redirect(url_for(".view", activity_id=activity.id, _anchor="follow-ups"))
    status = 400 if request.method == "POST" else 200
    return render_template("activities/follow_up_form.html", form=form, activity=activity, item=item), status


@bp.route("/activities/<int(max=2147483647):activity_id>/follow-ups/<int(max=2147483647):follow_up_id>/done",
          methods=["POST"])
def follow_up_done(activity_id: int, follow_up_id: int):
    """One click from the open follow-ups list: mark an action done."""
    activity = load_activity(activity_id)
    item = load_follow_up(activity, follow_up_id)
    activities.update_follow_up(current_user, item, activities.FollowUpInput(
        description=item.description, responsible=item.responsible, due_on=item.due_on, status=FollowUpStatus.DONE))
    db.session.commit()
    flash(_("Marked as done: %(what)s", what=item.description), "success")
    if request.form.get("back") == "list":
        return redirect(url_for(".follow_ups"))
    return redirect(url_for(".view", activity_id=activity.id, _anchor="follow-ups"))


# --- poster and QR code ----------------------------------------------------------------------

@contextmanager
def _page_language(code: str):
    """Render one page in another language (the poster is for residents, not for the officer)."""
    previous = g.get("language")
    g.language = code
    try:
        with force_locale(i18n.select_locale()):
            yield
    finally:
        g.language = previous


def _poster_language(activity: Activity) -> str:
    """A language just picked in the page's menu (?lang=), else the poster's own choice
    (?language=), else the municipality's language."""
    asked = i18n.normalise(request.args.get("lang") or request.args.get("language"))
    if asked in i18n.PUBLIC_CODES:
        return asked
    default = i18n.normalise(activity.municipality.default_language)
    return default if default in i18n.PUBLIC_CODES else i18n.DEFAULT


@bp.route("/activities/<int(max=2147483647):activity_id>/poster")
def poster(activity_id: int):
    activity = load_activity(activity_id)
    size = request.args.get("size", "a4")
    size = size if size in POSTER_SIZES else "a4"
    language = _poster_language(activity)
    url = feedback_url(activity)
    with _page_language(language):
        return render_template("activities/poster.html", activity=activity, size=size, sizes=POSTER_SIZES,
                               language=language, languages=i18n.LANGUAGES, feedback_url=url,
                               short_url=url.split("://", 1)[-1])


@bp.route("/activities/<int(max=2147483647):activity_id>/qr.svg")
def qr(activity_id: int):
    activity = load_activity(activity_id)
    svg = qr_svg(feedback_url(activity), title=_("QR code: %(url)s", url=feedback_url(activity)))
    filename = f"feedback-{activity.feedback_code}.svg"
    return Response(svg, mimetype="image/svg+xml",
                    headers={"Content-Disposition": f'inline; filename="{filename}"'})
