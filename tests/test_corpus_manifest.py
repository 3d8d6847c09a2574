"""The real-text corpus, as its committed manifest describes it: size, breadth, provenance, no blind issue."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.issues import BLIND_DATES  # noqa: E402

MANIFEST = json.loads((ROOT / "corpus" / "MANIFEST.json").read_text(encoding="utf-8"))


def _items():
    for src in MANIFEST["sources"]:
        for row in src["items"]:
            yield dict(zip(src["item_fields"], row))


def test_breadth() -> None:
    assert MANIFEST["records"] == sum(s["records"] for s in MANIFEST["sources"]) >= 3000
    assert len(MANIFEST["papers"]) >= 6


def test_no_blind_issue_is_in_the_corpus() -> None:
    assert sorted(BLIND_DATES) == MANIFEST["blind_dates_excluded"]
    assert MANIFEST["blind_dates_present"] == []
    assert not {i["date"] for i in _items()} & BLIND_DATES
    assert not {d for s in MANIFEST["sources"] for d in s["dates"]} & BLIND_DATES


def test_every_record_has_its_provenance() -> None:
    items = list(_items())
    assert len(items) == MANIFEST["records"]
    for i in items:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", i["repo"]) and i["path"]
        assert re.fullmatch(r"[0-9a-f]{40}", i["commit"]) and re.fullmatch(r"[0-9a-f]{64}", i["sha256"])
    assert len({i["sha256"] for i in items}) > 0.99 * len(items)  # records are distinct


def test_every_source_has_an_extraction_script() -> None:
    for src in MANIFEST["sources"]:
        name = src["file"].removesuffix(".jsonl.gz")
        assert (ROOT / "corpus" / "extract" / f"{name}.py").exists(), name
