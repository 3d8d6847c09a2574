"""Golden IR dumps (what `rsbz-epub check --json` prints) for every example and corpus issue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_support import options_for
from rsbz_epub.bundle import prepare_issue
from rsbz_epub.dump import issue_to_json

ROOT = Path(__file__).resolve().parents[1]
ISSUES = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
ISSUES += sorted((ROOT / "tests" / "heldout").glob("*.txt"))


@pytest.mark.parametrize("path", ISSUES, ids=[f"{p.parent.name}/{p.stem}" for p in ISSUES])
def test_ir_dump_golden(golden, path):
    options = options_for(path)
    issue = prepare_issue(path.read_bytes(), options)
    text = issue_to_json(issue)
    json.loads(text)  # the dump is valid JSON
    golden(f"ir/{path.parent.name}/{path.stem}.json", text)
