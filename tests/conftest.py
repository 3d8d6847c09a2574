"""Shared pytest setup: golden files and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--save-golden-files",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """``golden(relpath, text)``: compare text with tests/golden/relpath, or save it."""
    save = request.config.getoption("--save-golden-files")

    def check(relpath: str, text: str) -> None:
        path = GOLDEN / relpath
        if save:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --save-golden-files"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{relpath} differs from its golden file; if intended, rerun with --save-golden-files"

    return check


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
