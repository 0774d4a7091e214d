"""An installed portal (a wheel, not a checkout) must carry every template and static folder."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_template_and_static_folder_is_installed():
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    listed = {pattern.rsplit("/", 1)[0] for patterns in data_files.values() for pattern in patterns}
    folders = {
        str(path.parent.relative_to(ROOT))
        for top in ("templates", "static")
        for path in (ROOT / top).rglob("*")
        if path.is_file()
    }
    assert folders <= listed, f"add to [tool.setuptools.data-files]: {sorted(folders - listed)}"
