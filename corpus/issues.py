"""Load the real-text records and lay every issue out as a raw dump (deterministically)."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from corpus.layout import Dump, lay_out, usable

REAL = Path(__file__).resolve().parent / "real"

#: The blind measurement's issues: never in the corpus (checked on load and by a test).
BLIND_DATES = frozenset({
    "2026-06-02", "2026-06-05", "2026-08-04", "2026-08-05", "2026-08-10", "2025-01-02", "2025-12-22",
    "2026-06-12", "2026-04-28", "2026-04-30", "2026-05-01", "2026-06-01", "2026-07-17",
})


def record_files(folder: Path = REAL) -> list[Path]:
    """Every ``*.jsonl.gz`` of the corpus, sorted by name."""
    return sorted(folder.glob("*.jsonl.gz"))


def load_records(folder: Path = REAL) -> list[dict]:
    """All records, in file order; a blind date is an error, not a skip."""
    out = []
    for path in record_files(folder):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["date"] in BLIND_DATES:
                    raise ValueError(f"{path.name}: {rec['date']} is a blind-set date")
                out.append(rec)
    return out


_SENTENCE_MARKS = re.compile(r"[。！？；：:;!?…]")


def mark_unmarked_heads(rec: dict) -> dict:
    """A short body paragraph with no sentence mark, between two long ones, is a section head.

    Web editions set section heads in bold where the source kept the markup; where it
    did not (some papers' pages, some crawls), the head survives only as a short
    paragraph of one clause between paragraphs of prose, which is how print sets it.
    """
    body = rec.get("body") or []
    out = []
    for k, (kind, text) in enumerate(body):
        if (
            kind == "p" and 4 <= len(text) <= 28 and not _SENTENCE_MARKS.search(text) and 0 < k < len(body) - 1
            and body[k - 1][0] == "p" and len(body[k - 1][1]) >= 40 and body[k + 1][0] == "p" and len(body[k + 1][1]) >= 40
            and not text.startswith(("（", "(", "——", "图", "本报"))
        ):
            kind = "h"
        out.append([kind, text])
    return {**rec, "body": out}


def group_issues(records: list[dict], max_articles: int = 24) -> list[tuple[str, str, list[dict]]]:
    """(paper, issue name, records): one issue per paper and date, cut into parts of at most ``max_articles``."""
    by: dict[tuple[str, str], list[dict]] = {}
    for r in records:
        if usable(r):
            by.setdefault((r["paper_slug"], r["date"]), []).append(mark_unmarked_heads(r))
    out = []
    for (slug, date), recs in sorted(by.items()):
        for k in range(0, len(recs), max_articles):
            part = recs[k : k + max_articles]
            out.append((recs[0]["paper"], f"{slug}-{date}-{k // max_articles + 1}", part))
    return out


def dumps(records: list[dict] | None = None, salt: str = "") -> Iterator[tuple[str, Dump]]:
    """(paper, dump) for every issue, each laid out with a seed taken from its name (and ``salt``)."""
    for paper, name, recs in group_issues(load_records() if records is None else records):
        yield paper, lay_out(recs, zlib.crc32(f"{salt}{name}".encode()), name)
