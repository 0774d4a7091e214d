"""A worker that serves residents does not load what only staff, one feed or the migrations use:
the passkey library alone takes 14 MiB of every worker's memory, Alembic 11, the redaction check
3 (see README, Performance)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SERVE_RESIDENTS = """
import sys
from portal import create_app
from portal.extensions import db
from portal.services.catalogue.seed import seed_all
app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite:///" + sys.argv[1], "SECRET_KEY": "x" * 40, "TESTING": True})
with app.app_context():
    db.create_all()
    seed_all()
    db.session.commit()
client = app.test_client()
for path in ("/", "/feedback/new", "/rumours/new", "/help", "/healthz"):
    assert client.get(path).status_code == 200, path
print(sorted({name.split(".")[0] for name in sys.modules} & {"webauthn", "zxcvbn", "cryptography", "segno", "icalendar", "alembic", "flask_migrate",
                                                   "phonenumbers", "stdnum"}))
"""


def test_serving_residents_loads_no_second_factor_password_strength_redaction_calendar_or_migration_library(tmp_path):
    result = subprocess.run([sys.executable, "-c", SERVE_RESIDENTS, str(tmp_path / "portal.sqlite3")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_passkey_library_loads_when_a_passkey_is_used():
    code = "import sys\nfrom portal.services.accounts import second_factor\nsecond_factor._passkeys()\nprint('webauthn' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "True", result.stderr
