"""Score the reader against the answered corpus (shared by bench/reader_metrics.py and tests/test_corpus.py).

Every ``*.answer.json`` in ``tests/corpus/`` and ``examples/`` names its raw issue
and what a correct reader finds in it (schema: ``tests/corpus/README.md``).
:func:`score_file` reads the issue with ``read_issue`` + ``stitch_jumps`` and
returns, per metric, how many items were right out of how many.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIRS = (ROOT / "tests" / "corpus", ROOT / "examples")

#: Metric keys in table order, with their column headings.
METRICS: dict[str, str] = {
    "title_precision": "title P",
    "title_recall": "title R",
    "paragraphs": "paras",
    "breaks": "breaks",
    "jumps": "jumps",
    "masthead": "masthead",
    "pages": "pages",
    "parts": "parts",
    "punct": "punct",
    "ends": "ends",
}


# ------------------------------------------------------------------ loading


def answer_files(dirs: tuple[Path, ...] = CORPUS_DIRS) -> list[Path]:
    """Every answer file, corpus first, sorted by name within a folder.

    An issue present in two folders with the same bytes and answer (the seed is
    in both ``examples/`` and ``tests/corpus/``) is scored once.
    """
    seen: set[tuple[bytes, bytes]] = set()
    out: list[Path] = []
    for d in dirs:
        for p in sorted(d.glob("*.answer.json")):
            raw = p.parent / json.loads(p.read_text(encoding="utf-8"))["file"]
            key = (p.read_bytes(), raw.read_bytes() if raw.exists() else b"")
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def display_name(answer_path: Path) -> str:
    """``corpus/NAME``, ``examples/NAME`` or ``heldout/NAME``: the folder it lives in."""
    return f"{answer_path.parent.name}/{answer_path.name.removesuffix('.answer.json')}"


def read_answered(answer_path: Path) -> tuple[dict, Any]:
    """Load one answer and read + stitch its issue (raises what the reader raises)."""
    from rsbz_epub.config import parse_publication
    from rsbz_epub.options import ReadOptions
    from rsbz_epub.reader import read_issue
    from rsbz_epub.transforms.stitch import stitch_jumps

    answer = json.loads(answer_path.read_text(encoding="utf-8"))
    options = ReadOptions()
    if answer.get("config"):
        cfg = answer_path.parent / answer["config"]
        options = ReadOptions(publication=parse_publication(cfg.read_text(encoding="utf-8"), str(cfg)))
    data = (answer_path.parent / answer["file"]).read_bytes()
    issue = stitch_jumps(read_issue(data, options), keep_print_order=False)
    return answer, issue


# ------------------------------------------------------------------ normalising

_WIDE = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "!": "！", "?": "？"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """Compare form: NFC, no control chars, no white space, punctuation width ignored."""
    if text is None:
        return ""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    return _SPACE.sub("", text).translate(_WIDE)


def norm_header(text: str | None) -> str:
    """Kicker/subtitle/byline compare form: also without leading box marks and dashes."""
    return norm(text).lstrip("□■●◆▲△").lstrip("—－-─").strip()


def norm_label(label: str | None) -> str:
    label = norm(label or "").upper()
    return re.sub(r"^([A-Z]*)0+(?=\d)", r"\1", label)


_DAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}


def weekday_number(text: str | int | None) -> int | None:
    if text is None:
        return None
    if isinstance(text, int):
        return text
    text = norm(text)
    if text.isdigit():
        return int(text)
    m = re.search(r"(?:星期|周|礼拜)?([一二三四五六日天])", text)
    return _DAYS[m.group(1)] if m else None


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


# Han characters and full-width marks; not curly quotes, which English text sets too (Region (“NSL”).).
_CJK = r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
# ! and ? end what precedes them, so only a Chinese character before one makes it Chinese punctuation: an English
# sentence quoted in Chinese keeps its own (他卻笑說：「It is my secret!」), as the published text prints it.
_HALF_NEAR_CJK = re.compile(rf"{_CJK}[,():;!?]|[,():;]{_CJK}")
# a sub-clause's number glued to its clause is a number, as 3,500 is: 第18(1)條, 第5(5)(b)段
_SUBCLAUSE = re.compile(r"(?<=[A-Za-z0-9)])\([A-Za-z0-9]{1,3}\)")

# ------------------------------------------------------------------ IR access (duck-typed)


def _blocks(article: Any, kind: str) -> list[Any]:
    return [b for b in getattr(article, "blocks", ()) if type(b).__name__ == kind]


def _paragraph_texts(article: Any) -> list[str]:
    return [b.text for b in _blocks(article, "Paragraph")]


def _all_articles(issue: Any) -> list[tuple[str, Any]]:
    return [(norm_label(p.label), a) for p in issue.pages for a in p.articles]


def _is_article(a: Any) -> bool:
    return getattr(a, "kind", "article") == "article"


# ------------------------------------------------------------------ scoring


@dataclass
class Score:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> bool:
        self.total += 1
        self.right += bool(ok)
        return ok

    @property
    def rate(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class FileScore:
    name: str
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in METRICS})
    problems: list[str] = field(default_factory=list)
    error: str | None = None

    def fail(self, metric: str, ok: bool, message: str) -> None:
        if not self.scores[metric].add(ok):
            self.problems.append(f"{metric}: {message}")


def _expected_totals(answer: dict) -> dict[str, int]:
    """How many items each metric has, for a file the reader could not read."""
    arts = [a for p in answer["pages"] for a in p["articles"] if a["kind"] == "article"]
    return {
        "title_precision": len(arts),
        "title_recall": len(arts),
        "paragraphs": len(arts),
        "breaks": len(answer.get("breaks", [])),
        "jumps": len(answer.get("jumps", [])),
        "masthead": len(answer.get("masthead", {})),
        "pages": len(answer["pages"]),
        "parts": len(arts),
        "punct": len(answer.get("verbatim", [])) + 1,
        "ends": sum(1 for a in arts if a.get("end")),
    }


def score_bytes(name: str, answer: dict, data: bytes) -> FileScore:
    """Score a raw issue given as bytes (a laid-out real issue) against its answer; no config."""
    from rsbz_epub.reader import read_issue
    from rsbz_epub.transforms.stitch import stitch_jumps

    result = FileScore(name)
    try:
        issue = stitch_jumps(read_issue(data), keep_print_order=False)
    except Exception as exc:  # the reader failed on this issue: everything is wrong
        return _all_wrong(result, answer, exc)
    score_issue(answer, issue, result)
    return result


def _all_wrong(result: FileScore, answer: dict, exc: Exception) -> FileScore:
    """The score of an issue the reader could not read: every expected item counts as missed."""
    result.error = f"{type(exc).__name__}: {exc}"
    for metric, n in _expected_totals(answer).items():
        result.scores[metric].total = n
    result.problems.append(f"reader failed: {result.error}")
    return result


def score_file(answer_path: Path) -> FileScore:
    """Read one answered issue and score it; reader exceptions become an all-wrong file."""
    result = FileScore(display_name(answer_path))
    try:
        answer, issue = read_answered(answer_path)
    except Exception as exc:  # the reader crashed on this file: everything is wrong
        return _all_wrong(result, json.loads(answer_path.read_text(encoding="utf-8")), exc)
    score_issue(answer, issue, result)
    return result


def score_issue(answer: dict, issue: Any, result: FileScore) -> None:
    articles = _all_articles(issue)
    _score_titles(answer, articles, result)
    _score_breaks(answer, articles, result)
    _score_jumps(answer, articles, result)
    _score_masthead(answer, issue.meta, result)
    _score_pages(answer, issue, result)
    _score_punct(answer, issue, articles, result)


def _find(articles: list[tuple[str, Any]], label: str, title: str) -> Any | None:
    key = (norm_label(label), norm(title))
    for lab, a in articles:
        if (lab, norm(a.title)) == key:
            return a
    return None


def _score_titles(answer: dict, articles: list[tuple[str, Any]], r: FileScore) -> None:
    expected = [(norm_label(p["label"]), a) for p in answer["pages"] for a in p["articles"] if a["kind"] == "article"]
    promos = {(norm_label(p["label"]), norm(a["title"])) for p in answer["pages"] for a in p["articles"] if a["kind"] != "article"}
    wanted: dict[tuple[str, str], int] = {}
    for lab, a in expected:
        wanted[(lab, norm(a["title"]))] = wanted.get((lab, norm(a["title"])), 0) + 1
    # precision: every reader article (not marked promo / editor-note) must be an expected title
    left = dict(wanted)
    for lab, a in articles:
        if not _is_article(a):
            continue
        key = (lab, norm(a.title))
        ok = left.get(key, 0) > 0
        if ok:
            left[key] -= 1
        what = "a promo box read as an article" if key in promos else "not a title in the answer"
        r.fail("title_precision", ok, f"page {lab}: {a.title!r} ({what})")
    # recall, paragraphs and parts per expected article
    used: set[int] = set()
    for lab, exp in expected:
        found = None
        for la, a in articles:
            if la == lab and _is_article(a) and norm(a.title) == norm(exp["title"]) and id(a) not in used:
                found = a
                used.add(id(a))
                break
        r.fail("title_recall", found is not None, f"page {lab}: {exp['title']!r} not found")
        if found is None:
            r.scores["paragraphs"].add(False)
            r.scores["parts"].add(False)
            if exp.get("end"):
                r.scores["ends"].add(False)
            continue
        if exp.get("end"):
            texts = _paragraph_texts(found)
            last = norm(texts[-1]) if texts else ""
            r.fail("ends", last.endswith(norm(exp["end"])), f"page {lab}: {exp['title']!r} ends {last[-12:]!r}, expected …{exp['end']!r}")
        n = len(_blocks(found, "Paragraph"))
        r.fail("paragraphs", n == exp["paragraphs"], f"page {lab}: {exp['title']!r}: {n} paragraphs, expected {exp['paragraphs']}")
        r.fail("parts", *_parts(exp, found))


def _parts(exp: dict, a: Any) -> tuple[bool, str]:
    wrong = []
    for key in ("kicker", "subtitle", "byline"):
        got = getattr(a, key, None)
        if norm_header(got) != norm_header(exp.get(key)):
            wrong.append(f"{key} {got!r} != {exp.get(key)!r}")
    subs = [b.text for b in _blocks(a, "Subheading")]
    if [norm(s) for s in subs] != [norm(s) for s in exp.get("subheadings", [])]:
        wrong.append(f"subheadings {subs!r} != {exp.get('subheadings')!r}")
    caps = len(_blocks(a, "Caption"))
    if caps != exp.get("captions", 0):
        wrong.append(f"{caps} captions, expected {exp.get('captions', 0)}")
    asides = _blocks(a, "Aside")
    boxes = sum(getattr(b, "kind", "box") == "box" for b in asides)
    if boxes != exp.get("boxes", 0):
        wrong.append(f"{boxes} boxes, expected {exp.get('boxes', 0)}")
    note = any(getattr(b, "kind", "") == "editor-note" for b in asides)
    if note != bool(exp.get("editor_note")):
        wrong.append(f"编者按 {'found' if note else 'missing'}")
    return not wrong, f"{exp['title']!r}: " + "; ".join(wrong)


def _joined(before: str, after: str) -> tuple[str, bool]:
    if before and after and _is_latin(before.strip()[-1]) and _is_latin(after.strip()[0]):
        return before.strip().translate(_WIDE) + " " + after.strip().translate(_WIDE), True
    return norm(before) + norm(after), False


def _score_breaks(answer: dict, articles: list[tuple[str, Any]], r: FileScore) -> None:
    texts = [t for _, a in articles for t in _paragraph_texts(a)]
    normed = [norm(t) for t in texts]
    spaced = [_SPACE.sub(" ", _CONTROL.sub("", t)).translate(_WIDE) for t in texts]
    for before, after in answer.get("breaks", []):
        joined, latin = _joined(before, after)
        pool = spaced if latin else normed
        r.fail("breaks", any(joined in t for t in pool), f"not rejoined: {before!r} / {after!r}")


def _jumps_of(a: Any) -> list[Any]:
    return _blocks(a, "PageJump")


def _score_jumps(answer: dict, articles: list[tuple[str, Any]], r: FileScore) -> None:
    all_text = [norm(t) for _, a in articles for t in _paragraph_texts(a)]
    for j in answer.get("jumps", []):
        src, dst = norm_label(j["from_page"]), norm_label(j["to_page"])
        desc = f"{j['title']!r} {src}->{dst}"
        if j["resolved"]:
            a = _find(articles, src, j["title"])
            if a is None:
                r.fail("jumps", False, f"{desc}: start article not found on page {src}")
                continue
            snippet = norm(j["snippet"])
            inside = any(snippet in norm(t) for t in _paragraph_texts(a))
            count = sum(t.count(snippet) for t in all_text)
            kept = [b for b in _jumps_of(a) if norm_label(b.page) == dst]
            ok = inside and count == 1 and not kept
            why = []
            if not inside:
                why.append("continuation text not in the article")
            if count != 1:
                why.append(f"continuation text found {count} times in the issue")
            if kept:
                why.append("a PageJump marker is still there")
            r.fail("jumps", ok, f"{desc}: " + ", ".join(why))
        else:
            present = j.get("present", "start")
            lab, direction, other = (src, "continued-on", dst) if present == "start" else (dst, "continued-from", src)
            a = _find(articles, lab, j["title"])
            if a is None:
                r.fail("jumps", False, f"{desc}: article not found on page {lab}")
                continue
            ok = any(getattr(b, "direction", "") == direction and norm_label(b.page) == other for b in _jumps_of(a))
            r.fail("jumps", ok, f"{desc}: unresolved, expected a kept PageJump({direction}, page {other})")


def _score_masthead(answer: dict, meta: Any, r: FileScore) -> None:
    for key, want in answer.get("masthead", {}).items():
        got = getattr(meta, key, None)
        if key == "date":
            ok = got is not None and got.isoformat() == want
        elif key in ("issue_number", "total_issue_number"):
            ok = got == want
        elif key == "weekday":
            ok = weekday_number(got) == weekday_number(want)
        elif key == "paper_latin":
            ok = norm(got).upper() == norm(want).upper()
        else:
            ok = norm(got) == norm(want)
        r.fail("masthead", ok, f"{key}: {got!r}, expected {want!r}")


def _score_pages(answer: dict, issue: Any, r: FileScore) -> None:
    pages = {norm_label(p.label): p for p in issue.pages}
    for p in answer["pages"]:
        lab = norm_label(p["label"])
        got = pages.get(lab)
        if got is None:
            r.fail("pages", False, f"page {lab} missing (reader has {sorted(pages)})")
            continue
        ok = p["name"] is None or norm(getattr(got, "name", None)) == norm(p["name"])
        r.fail("pages", ok, f"page {lab}: name {getattr(got, 'name', None)!r}, expected {p['name']!r}")


def _all_strings(issue: Any) -> list[str]:
    out: list[str] = []
    for p in issue.pages:
        for a in p.articles:
            out += [s for s in (a.title, a.kicker, a.subtitle, a.byline) if s]
            for b in a.blocks:
                for attr in ("text", "title"):
                    v = getattr(b, attr, None)
                    if isinstance(v, str):
                        out.append(v)
                out += list(getattr(b, "paragraphs", ()) or ())
    return out


def _numbers_masked(text: str) -> str:
    """The text with each sub-clause number (``_SUBCLAUSE``) masked by as many digits, so positions stay."""
    return _SUBCLAUSE.sub(lambda m: "0" * len(m.group()), text)


def _score_punct(answer: dict, issue: Any, articles: list[tuple[str, Any]], r: FileScore) -> None:
    strings = _all_strings(issue)
    for v in answer.get("verbatim", []):
        r.fail("punct", any(v in s for s in strings), f"{v!r} not kept verbatim")
    bad = [t for _, a in articles for t in _paragraph_texts(a) if _HALF_NEAR_CJK.search(_numbers_masked(t))]
    sample = ""
    if bad:
        m = _HALF_NEAR_CJK.search(_numbers_masked(bad[0]))
        assert m
        sample = bad[0][max(0, m.start() - 8) : m.end() + 8]
    r.fail("punct", not bad, f"{len(bad)} paragraph(s) keep half-width punctuation inside Chinese, e.g. {sample!r}")


# ------------------------------------------------------------------ totals


def total(results: list[FileScore]) -> dict[str, Score]:
    out = {k: Score() for k in METRICS}
    for res in results:
        for k, s in res.scores.items():
            out[k].right += s.right
            out[k].total += s.total
    return out


def as_json(results: list[FileScore]) -> dict[str, Any]:
    def dump(scores: dict[str, Score]) -> dict[str, Any]:
        return {k: {"right": s.right, "total": s.total, "rate": s.rate} for k, s in scores.items()}

    return {
        "files": {r.name: {"scores": dump(r.scores), "error": r.error, "problems": r.problems} for r in results},
        "total": dump(total(results)),
    }
