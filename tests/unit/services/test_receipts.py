"""Receipt codes: enough randomness, easy to read and type, stored only as a keyed slow hash."""

from __future__ import annotations

from portal.extensions import db
from portal.models import RumourReport
from portal.services import dates
from portal.services.feedback import receipts
from portal.vocab import RumourSpread, RumourTarget
from tests import factories


def test_codes_are_twenty_digits_shown_in_groups_of_four():
    codes = {receipts.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 20 and c.isdigit() for c in codes)
    assert 10**20 > 2**64  # at least 64 bits
    assert receipts.format_code("48210937551280431175") == "4821 0937 5512 8043 1175"


def test_typing_is_forgiving_but_only_digits_count():
    digits = "48210937551280431175"
    for typed in ("4821 0937 5512 8043 1175", "4821-0937-5512-8043-1175", " 4821.0937.5512.8043.1175 ",
                  "٤٨٢١٠٩٣٧٥٥١٢٨٠٤٣١١٧٥", "4821\u00a00937 5512 8043 1175"):
        assert receipts.normalise_code(typed) == digits, typed
    for typed in ("", None, "4821 0937", "48210937551280431175 9", "4821O937551280431175", "abc"):
        assert receipts.normalise_code(typed) is None, typed


def test_the_hash_is_keyed_deterministic_and_never_contains_the_code(app_factory):
    app = app_factory()
    with app.app_context():
        first = receipts.hash_code("48210937551280431175")
        assert first == receipts.hash_code("48210937551280431175")
        assert first != receipts.hash_code("48210937551280431176")
        assert first.startswith("s1$") and len(first) <= 128 and "48210937551280431175" not in first
    other = app_factory(SECRET_KEY="another deployment's secret")
    with other.app_context():
        assert receipts.hash_code("48210937551280431175") != first


def test_lookup_finds_feedback_and_rumour_reports_by_their_code(app):
    feedback = factories.feedback()
    code_a, feedback.receipt_hash = receipts.issue_receipt()
    report = RumourReport(municipality=factories.municipality(), heard_text="...", about=RumourTarget.ROMA,
                          where=RumourSpread.MEDIA, language="en", received_on=dates.today())
    code_b, report.receipt_hash = receipts.issue_receipt()
    db.session.add(report)
    db.session.commit()
    assert receipts.find_receipt(code_a) is feedback
    assert receipts.find_receipt(code_b) is report
    assert receipts.find_receipt(receipts.new_code()) is None
    assert receipts.find_receipt(None) is None


def test_lookup_is_one_equality_query_per_table(app):
    statements = []
    from sqlalchemy import event

    @event.listens_for(db.engine, "before_cursor_execute")
    def remember(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    receipts.find_receipt(receipts.new_code())
    event.remove(db.engine, "before_cursor_execute", remember)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2
    assert all("receipt_hash = " in s for s in selects)
    # Both columns are unique, so the database keeps an index on them: no scan.
    from portal.models import Feedback

    assert Feedback.__table__.c.receipt_hash.unique and RumourReport.__table__.c.receipt_hash.unique
