"""The tree keeps its rules: services never commit, blueprints never import each other, and README's
layout names every area of the code."""

import ast
import re
from pathlib import Path

import portal

ROOT = Path(portal.__file__).resolve().parent
BLUEPRINT_PACKAGES = ("public", "mediators", "activities", "moderation", "dashboard", "admin", "auth", "api")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_services_flush_but_never_commit_or_roll_back():
    offenders = []
    for path in (ROOT / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("commit", "rollback"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert not offenders, offenders


def test_a_blueprint_never_imports_another_blueprint():
    offenders = []
    for package in BLUEPRINT_PACKAGES:
        for path in (ROOT / package).glob("*.py") if (ROOT / package).is_dir() else ():
            for module in _imports(path):
                parts = module.split(".")
                if len(parts) > 1 and parts[0] == "portal" and parts[1] in BLUEPRINT_PACKAGES and parts[1] != package:
                    offenders.append(f"{package}/{path.name} imports {module}")
    assert not offenders, offenders


def test_readme_layout_names_every_area_that_exists():
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1]
    areas = [p.name for p in (ROOT / "services").iterdir() if p.is_dir() and not p.name.startswith("__")]
    blueprints = [name for name in BLUEPRINT_PACKAGES if (ROOT / name).is_dir()]
    for name in areas + blueprints:
        assert re.search(rf"`{name}[/`]", layout), f"README's layout does not mention {name}"
    for mentioned in re.findall(r"`(portal/[\w/.]+)`", layout):
        assert (ROOT.parent / mentioned).exists(), f"README's layout names {mentioned}, which does not exist"
