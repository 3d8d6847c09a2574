"""Write or check ``corpus/MANIFEST.json``: where every real-text record came from, without its text.

    .venv/bin/python corpus/manifest.py          # (re)write the manifest from corpus/real/*.jsonl.gz
    .venv/bin/python corpus/manifest.py --check  # the local corpus is the one the manifest describes

The article text is not committed (it is fetched published text); the manifest
is: per source file its SHA-256, record count, papers, dates and repositories,
and per record its paper, date, page, position, provenance (repository, path,
commit) and a SHA-256 of its text, so a rebuilt corpus can be checked record by
record, and the blind set's dates are shown to be absent.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.issues import BLIND_DATES, REAL, record_files  # noqa: E402

MANIFEST = ROOT / "corpus" / "MANIFEST.json"
ITEM_FIELDS = ["paper", "date", "page", "seq", "repo", "path", "commit", "sha256"]


def record_hash(rec: dict) -> str:
    """SHA-256 of what a record says (everything but its provenance)."""
    body = {k: v for k, v in rec.items() if k != "prov"}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def build(folder: Path = REAL) -> dict:
    sources = []
    for path in record_files(folder):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh]
        sources.append({
            "file": path.name,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "records": len(recs),
            "papers": sorted({r["paper"] for r in recs}),
            "dates": sorted({r["date"] for r in recs}),
            "repositories": sorted({r["prov"]["repo"] for r in recs}),
            "item_fields": ITEM_FIELDS,
            "items": [
                [r["paper_slug"], r["date"], r.get("page"), r.get("seq"), r["prov"]["repo"], r["prov"]["path"], r["prov"]["commit"], record_hash(r)]
                for r in recs
            ],
        })
    dates = {d for s in sources for d in s["dates"]}
    return {
        "about": "Real published articles (corpus/FORMAT.md) used to train and measure the reader; text not committed.",
        "blind_dates_excluded": sorted(BLIND_DATES),
        "blind_dates_present": sorted(dates & BLIND_DATES),
        "records": sum(s["records"] for s in sources),
        "papers": sorted({p for s in sources for p in s["papers"]}),
        "sources": sources,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare the local corpus with the manifest")
    args = ap.parse_args(argv)
    now = build()
    if args.check:
        old = json.loads(MANIFEST.read_text(encoding="utf-8"))
        same = [s["sha256"] for s in old["sources"]] == [s["sha256"] for s in now["sources"]]
        print("corpus matches the manifest" if same else "corpus differs from the manifest")
        return 0 if same else 1
    # one record a line: readable diffs when the corpus changes
    text = json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True)
    text = re.sub(r"\[\n\s+(\"[a-z]+\",?\n\s+)+[^\]]*\]", lambda m: json.dumps(json.loads(m.group(0)), ensure_ascii=False), text)
    MANIFEST.write_text(text + "\n", encoding="utf-8")
    print(f"{MANIFEST}: {now['records']} records of {len(now['papers'])} papers")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
