"""The good-practice catalogue for admins: /admin/practices lists every entry (hidden ones too) with
the languages it is written in; admins add entries, change their facts, sources and evidence
rating, and write their texts in any of the site's languages. Every change goes to the audit log."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.admin.practice_forms import NewPracticeForm, PracticeForm, PracticeTextForm
from portal.admin.views import bp
from portal.extensions import db
from portal.forms import attach_error
from portal.i18n import BY_CODE, LANGUAGES
from portal.models import GoodPractice
from portal.models.practice import ENGLISH
from portal.security import keeps_input_on_csrf_error
from portal.services import DomainError, audit
from portal.services.catalogue import editing


def _practice_or_404(practice_id: int) -> GoodPractice:
    practice = db.session.get(GoodPractice, practice_id)
    if practice is None:
        abort(404)
    return practice


def _status() -> int:
    return 400 if request.method == "POST" else 200


def _save_changes(form, practice: GoodPractice, save):
    """Run `save()` (an audited service call that says whether anything changed): committed, said
    and back to the list; or None with the service's refusal on the form."""
    try:
        changed = save()
    except DomainError as error:
        attach_error(form, error)
        return None
    db.session.commit()
    flash(_("%(name)s was saved.", name=practice.title) if changed else _("Nothing was changed."), "success")
    return redirect(url_for("admin.practices_list"))


@bp.route("/practices")
def practices_list():
    rows = list(db.session.scalars(select(GoodPractice).options(selectinload(GoodPractice.texts))
                                   .order_by(GoodPractice.title)))
    return render_template("admin/practices.html", practices=rows, languages=LANGUAGES)


@bp.route("/practices/new", methods=["GET", "POST"])
@keeps_input_on_csrf_error
def new_practice():
    form = NewPracticeForm()
    form.set_choices()
    if form.validate_on_submit():
        try:
            practice = editing.create_practice(current_user, form.values(), form.text_values())
        except DomainError as error:
            attach_error(form, error)
        else:
            db.session.commit()
            flash(_("%(name)s was added.", name=practice.title), "success")
            return redirect(url_for("admin.practices_list"))
    return render_template("admin/practice_form.html", form=form, practice=None, history=[]), _status()


@bp.route("/practices/<int(max=2147483647):practice_id>/edit", methods=["GET", "POST"])
@keeps_input_on_csrf_error
def edit_practice(practice_id: int):
    practice = _practice_or_404(practice_id)
    form = PracticeForm()
    form.set_choices()
    if not form.is_submitted():
        form.fill_from(practice)
    elif form.validate_on_submit():
        done = _save_changes(form, practice, lambda: editing.update_practice(current_user, practice, form.values()))
        if done is not None:
            return done
    history = audit.history("goodpractice", practice.id)
    return render_template("admin/practice_form.html", form=form, practice=practice, history=history), _status()


@bp.route("/practices/<int(max=2147483647):practice_id>/texts/<language>", methods=["GET", "POST"])
@keeps_input_on_csrf_error
def practice_text(practice_id: int, language: str):
    practice = _practice_or_404(practice_id)
    if language not in BY_CODE:
        abort(404)
    form = PracticeTextForm()
    row = practice.text_in(language)
    if not form.is_submitted():
        form.fill_text(row)
    elif form.validate_on_submit():
        done = _save_changes(form, practice, lambda: editing.save_text(current_user, practice, language, form.text_values()))
        if done is not None:
            return done
    return render_template("admin/practice_text.html", form=form, practice=practice, language=BY_CODE[language],
                           exists=row is not None, english=practice.text_in(ENGLISH) if language != ENGLISH else None,
                           languages=LANGUAGES), _status()
