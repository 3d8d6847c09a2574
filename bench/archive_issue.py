"""An archive-sized raw issue (default: 50 pages, about 1 MB of text) made from the examples and the corpus.

The proof page's speed target is a 50-page archive issue; no real one is in the repo,
so this builds one the reader reads like any other: the seed's masthead, then 50
``第N版`` pages filled with the article text of every example and corpus issue
(their own mastheads, page and jump markers left out), in a fixed order.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PAGE = re.compile(r"^\s*(?:={3}.*|第\s*[0-9一二三四五六七八九十A-Z]+\s*版.*|[A-Z]?\d+\s*版.*|【第.+版】.*)$")
_JUMP = re.compile(r"[（(](?:下接|下转|转|上接|接)")
_RUNNING = re.compile(r"\d{4}年.*版|版.*\d{4}年")  # running headers that name a page


def _bodies() -> list[list[str]]:
    """Each source issue's lines after its first page marker, without page or jump lines."""
    bodies = []
    for path in sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="ignore").replace("\r\n", "\n").replace("\r", "\n")
        lines = text.replace("\f", "\n").split("\n")
        start = next((i for i, ln in enumerate(lines) if _PAGE.match(ln)), None)
        if start is None:
            continue
        body = [ln for ln in lines[start + 1 :] if not (_PAGE.match(ln) or _JUMP.search(ln) or _RUNNING.search(ln))]
        bodies.append(body)
    return bodies


def archive_issue(size_mb: float = 1.0, pages: int = 50) -> str:
    """The raw text of one synthetic archive issue of at least ``size_mb`` MB (UTF-8)."""
    seed = (ROOT / "examples" / "rsbz-2021-40.txt").read_text(encoding="utf-8").split("\n")
    masthead = seed[: next(i for i, ln in enumerate(seed) if re.search(r"\d{4}年\d+月\d+日", ln)) + 1]
    bodies = _bodies()
    per_page = size_mb * 1e6 / pages
    out = masthead[:]
    k = 0
    for n in range(1, pages + 1):
        out += ["", f"第{n}版", ""]
        size = 0
        while size < per_page:
            body = bodies[k % len(bodies)]
            k += 1
            out += body + [""]
            size += sum(len(ln.encode("utf-8")) + 1 for ln in body)
    return "\n".join(out) + "\n"
