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
_FINISHED = ("。", "！", "？", "…", "”", "」")


_NUMBERED_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百]{1,4}[章节部分篇])")
_JUMP_NOTE = re.compile(r"^[（(]\s*[上下][接转][^）)]{1,12}[）)]$")


def _prose(block: list[str] | None, size: int = 40, finished: int = 20) -> bool:
    """A paragraph of prose: ``size`` characters or more, or a finished sentence of ``finished`` or more
    (寻找可用于繁育后代的纯种绿孔雀，这不是件容易的事。)."""
    if block is None or block[0] != "p":
        return False
    text = block[1].rstrip()
    return len(text) >= size or (len(text) >= finished and text.endswith(_FINISHED))


def _not_a_head(text: str) -> bool:
    """A paragraph no head is: a bracket, a ——lead-in, a caption or dateline lead, a spaced name or signature, a
    contributor's line (沈桂龙（上海社会科学院…所长）, 新华社“新华视点”记者董雪)."""
    return (
        text.startswith(("（", "(", "——", "图", "本报", "【", "["))
        or text.endswith("——")
        or re.search(r"\s", text.strip()) is not None
        or re.search(r"[（(]|记者|記者|通讯员|通訊員", text) is not None
    )


def _head_shaped(block: list[str]) -> bool:
    """A body paragraph shaped as a head: one short clause with no sentence mark (漂泊异乡被收留), a short question
    (什么是海洋暖涡？) or a labelled clause (科技创新：解决高密度村居用电难题)."""
    kind, text = block
    if kind != "p" or _not_a_head(text):
        return False
    if 4 <= len(text) <= 28 and not _SENTENCE_MARKS.search(text):
        return True
    if 4 <= len(text) <= 16 and text[-1] in "？！" and not _SENTENCE_MARKS.search(text[:-1]):
        return True  # 什么是海洋暖涡？ — a question set as a head between paragraphs of prose
    label, _, rest = text.partition("：")
    return 6 <= len(text) <= 24 and 2 <= len(label) <= 6 and len(rest) >= 4 and not _SENTENCE_MARKS.search(rest)


def _unmarked_head(body: list[list[str]], k: int) -> bool:
    """Whether the body paragraph ``k`` is a section head that the source did not mark: head-shaped between
    paragraphs of prose, or one of two head-shaped lines there (a head over its second line: 从广场到超市 /
    过去堆满车辆的无障碍通道，有人管护了)."""
    kind, text = body[k]
    if kind != "p" or not 0 < k < len(body) - 1 or _not_a_head(text):
        return False
    before, after = body[k - 1], body[k + 1]
    if _NUMBERED_HEAD.match(text) and len(text) <= 40 and not _SENTENCE_MARKS.search(text[:-1]) and text[-1] not in "。；":
        return _prose(after, 10, 10)  # 一、… / 第六章 …: numbered, no sentence inside, text follows
    if not _head_shaped(body[k]):
        return False
    if _opens(before) and _prose(after, finished=12):
        return True
    if k + 2 < len(body) and _opens(before) and _head_shaped(after) and _prose(body[k + 2], finished=12):
        return True  # the first of a pair
    return k >= 2 and _head_shaped(before) and _opens(body[k - 2]) and _prose(after, finished=12)


def _opens(block: list[str]) -> bool:
    """What a section head may follow: a paragraph of prose or another head."""
    return _prose(block) or block[0] == "h"


def mark_unmarked_heads(rec: dict) -> dict:
    """A short body paragraph with no sentence mark, between paragraphs of prose, is a section head.

    Web editions set section heads in bold where the source kept the markup; where it
    did not (some papers' pages, some crawls), the head survives only as a short
    paragraph of one clause between paragraphs of prose, which is how print sets it:
    ``漂泊异乡被收留``, a numbered ``一、全面客观看待全球产能…`` or ``第六章  行政法规解释``,
    a short question ``什么是海洋暖涡？``, a labelled ``科技创新：解决高密度村居用电难题``, or a head over its
    second line, two such paragraphs together (``从广场到超市`` / ``过去堆满车辆的无障碍通道，有人管护了``).
    A crawl's own jump note (``（上接第一版）``) is dropped: the layout sets its own jumps.
    """
    body = [b for b in (rec.get("body") or []) if not (b[0] == "note" and _JUMP_NOTE.match(b[1].strip()))]
    out = [["h" if _unmarked_head(body, k) else kind, text] for k, (kind, text) in enumerate(body)]
    return {**rec, "body": out}


_OPEN_CLOSE = ("“”", "（）", "《》", "「」", "‘’")


def split_joined_subtitle(rec: dict) -> dict:
    """A title the web edition joined with its subtitle (``向阳而生 不负韶华——追寻黄文秀的大学时光``) is
    printed as a title and a ——subtitle under it: the record gets them apart. A —— inside quotes or
    brackets (``“新的长征——新阶层走好新时代长征路”主题活动…``) is part of the title."""
    title = rec.get("title") or ""
    if rec.get("subtitle") or "——" not in title:
        return rec
    at = title.find("——")
    head, tail = title[:at].rstrip(), title[at:].lstrip("—").strip()
    if len(head) < 4 or len(tail) < 4 or any(head.count(a) != head.count(b) for a, b in _OPEN_CLOSE):
        return rec
    return {**rec, "title": head, "subtitle": tail}


def group_issues(records: list[dict], max_articles: int = 24) -> list[tuple[str, str, list[dict]]]:
    """(paper, issue name, records): one issue per paper and date, cut into parts of at most ``max_articles``."""
    by: dict[tuple[str, str], list[dict]] = {}
    for r in records:
        if usable(r):
            by.setdefault((r["paper_slug"], r["date"]), []).append(mark_unmarked_heads(split_joined_subtitle(r)))
    out = []
    for (slug, date), recs in sorted(by.items()):
        for k in range(0, len(recs), max_articles):
            part = recs[k : k + max_articles]
            out.append((recs[0]["paper"], f"{slug}-{date}-{k // max_articles + 1}", part))
    return out


def dumps(records: list[dict] | None = None, salt: str = "", paragraphs: str | None = None) -> Iterator[tuple[str, Dump]]:
    """(paper, dump) for every issue, each laid out with a seed taken from its name (and ``salt``); ``paragraphs``
    sets every dump's paragraph layout (``layout.PARAGRAPH_STYLES``) instead of the seed's."""
    for paper, name, recs in group_issues(load_records() if records is None else records):
        yield paper, lay_out(recs, zlib.crc32(f"{salt}{name}".encode()), name, paragraphs)
