"""Each dependency is declared where it is used: runtime code imports every runtime one, tests the test-only ones."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: distribution name -> the module it installs
MODULES = {"pillow": "PIL", "python-crfsuite": "pycrfsuite", "charset-normalizer": "charset_normalizer", "beautifulsoup4": "bs4", "pytest-xdist": "xdist"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower() for r in requirements}


def _imports(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def test_every_runtime_dependency_is_imported_by_the_package():
    runtime = _names(PROJECT["dependencies"])
    used = _imports(ROOT / "rsbz_epub")
    unused = {d for d in runtime if MODULES.get(d, d) not in used}
    assert not unused, f"declared at run time but never imported by rsbz_epub: {sorted(unused)}"


def test_test_oracles_are_test_dependencies_only():
    runtime = _names(PROJECT["dependencies"])
    test = _names(PROJECT["optional-dependencies"]["test"])
    assert {"ebooklib", "beautifulsoup4"}.isdisjoint(runtime)
    assert {"ebooklib", "feedparser", "jsonschema"} <= test
    used_by_tests = _imports(ROOT / "tests")
    for dist in ("ebooklib", "feedparser", "jsonschema"):
        assert MODULES.get(dist, dist) in used_by_tests
    assert "bs4" not in used_by_tests | _imports(ROOT / "rsbz_epub")
