"""Shared helpers for the extractors of the ``ifyuls/*-rss`` daily archives.

Used by ``xhmrdx.py`` (新华每日电讯, ``ifyuls/xhmrdx-rss``) and ``xxsb.py`` (学习时报,
``ifyuls/xxsb-rss``). Both repositories are written by a daily GitHub action that saves
the whole issue as one RSS 2.0 file (python-feedgen): each ``<item>`` is an article,
``<title>`` is ``[NN版：版名] 标题``, ``<link>`` the article page, ``<description>`` the
article page's HTML (entity-escaped in the XML). The top-level ``rss_*.xml`` is the
latest issue; ``history/*.xml`` keeps earlier ones, named by the day they were archived,
not by the issue date. Files were sometimes rewritten (a path can hold different
issues over time, a later crawl can fix an earlier one), so this module looks at every
version of every ``*.xml`` in the history of the branch, not only at HEAD.

What lives here:

* :class:`GitMirror` -- read a bare mirror with ``git log --raw`` and
  ``git cat-file --batch`` (no work tree, no network).
* :func:`iter_versions` -- every distinct XML blob with the (path, commit) pairs that
  introduced it, preferring a ``history/`` path that is still present at HEAD.
* :func:`parse_rss` -- items of one RSS blob.
* :func:`lines_of` -- flatten an HTML fragment into visual lines (``<br>`` and block
  elements break lines) remembering whether a line is wholly bold, its alignment, its
  class, and how many line breaks preceded it.
* :func:`classify_block`, note/heading heuristics, :func:`pick_issues`,
  :func:`write_jsonl_gz` and the blind-date list from ``corpus/FORMAT.md``.

Text policy (FORMAT.md): text exactly as published; only markup is removed, entities
decoded (lxml does both), white space around a paragraph stripped (ASCII, U+3000
ideographic space, NBSP), and a white-space run that contains a source line break
(an artefact of the HTML source, rendered as one space by a browser) collapsed to one
space. Nothing else inside a paragraph is touched.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from lxml import etree, html

# FORMAT.md: never include these dates, for any paper.
BLIND_DATES = frozenset(
    {
        "2026-06-02", "2026-06-05", "2026-08-04", "2026-08-05", "2026-08-10",  # 中国气象报
        "2025-01-02", "2025-12-22", "2026-06-12",  # 人民日报
        "2026-04-28", "2026-04-30", "2026-05-01",  # 新华每日电讯
        "2026-06-01", "2026-07-17",  # 学习时报
    }
)

ZERO = "0" * 40


# --------------------------------------------------------------------------- git


class GitMirror:
    """Read-only access to a bare git directory through the git CLI."""

    def __init__(self, git_dir: str):
        self.git_dir = git_dir

    def run(self, *args: str) -> str:
        out = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args],
            check=True,
            capture_output=True,
        )
        return out.stdout.decode("utf-8")

    def head(self) -> str:
        return self.run("rev-parse", "HEAD").strip()

    def head_tree(self) -> dict[str, str]:
        """path -> blob id of every file at HEAD."""
        res = {}
        for line in self.run("ls-tree", "-r", "HEAD").splitlines():
            meta, path = line.split("\t", 1)
            _mode, typ, obj = meta.split()
            if typ == "blob":
                res[path] = obj
        return res

    def xml_changes(self) -> list[tuple[str, int, str, str]]:
        """(commit, commit time, path, new blob) for every added/modified ``*.xml``,
        over the whole history reachable from HEAD (newest commit first)."""
        out = self.run(
            "log", "--format=C %H %ct", "--raw", "--no-abbrev", "--no-renames",
            "HEAD", "--", "*.xml",
        )
        res = []
        commit, ctime = None, 0
        for line in out.splitlines():
            if line.startswith("C "):
                _, commit, ct = line.split()
                ctime = int(ct)
            elif line.startswith(":"):
                meta, path = line.split("\t", 1)
                parts = meta.split()
                new_blob, status = parts[3], parts[4]
                if status[0] in "AM" and new_blob != ZERO:
                    res.append((commit, ctime, path, new_blob))
        return res

    def cat_blobs(self, blob_ids: Iterable[str]) -> dict[str, bytes]:
        """Contents of many blobs in one ``git cat-file --batch`` call."""
        ids = list(dict.fromkeys(blob_ids))
        if not ids:
            return {}
        proc = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", "cat-file", "--batch"],
            input=("\n".join(ids) + "\n").encode(),
            check=True,
            capture_output=True,
        )
        data = proc.stdout
        res: dict[str, bytes] = {}
        pos = 0
        for want in ids:
            nl = data.index(b"\n", pos)
            header = data[pos:nl].decode()
            parts = header.split()
            if len(parts) < 3 or parts[1] != "blob":
                raise RuntimeError(f"git cat-file: unexpected header {header!r} for {want}")
            size = int(parts[2])
            res[parts[0]] = data[nl + 1 : nl + 1 + size]
            pos = nl + 1 + size + 1  # contents are followed by a newline
        return res


@dataclass
class Version:
    """One distinct XML blob and where it came from."""

    blob: str
    path: str  # chosen provenance path
    commit: str  # commit that introduced this blob at ``path``
    ctime: int
    all_places: list[tuple[str, str]] = field(default_factory=list)  # (path, commit)


def iter_versions(repo: GitMirror) -> list[Version]:
    """Every distinct ``*.xml`` blob ever committed, with one provenance (path, commit).

    Preference for the provenance of a blob found at several places: a path where the
    blob is still present at HEAD, then a ``history/`` path over the top-level feed,
    then the earliest commit that introduced it there.
    """
    head = repo.head_tree()
    places: dict[str, dict[str, tuple[str, int]]] = {}
    for commit, ctime, path, blob in repo.xml_changes():
        # newest first: overwriting keeps the earliest introducing commit per path
        places.setdefault(blob, {})[path] = (commit, ctime)
    res = []
    for blob, by_path in places.items():
        def key(path: str):
            return (
                0 if head.get(path) == blob else 1,
                0 if path.startswith("history/") else 1,
                by_path[path][1],
                path,
            )

        best = min(by_path, key=key)
        res.append(
            Version(
                blob=blob,
                path=best,
                commit=by_path[best][0],
                ctime=by_path[best][1],
                all_places=sorted((p, c) for p, (c, _t) in by_path.items()),
            )
        )
    res.sort(key=lambda v: (v.ctime, v.path, v.blob))
    return res


# --------------------------------------------------------------------------- RSS


@dataclass
class Item:
    title: str
    link: str
    description: str


def parse_rss(data: bytes) -> tuple[dict[str, str], list[Item]]:
    """Channel fields (title, link, lastBuildDate) and items of one RSS file."""
    parser = etree.XMLParser(huge_tree=True, recover=False, resolve_entities=False)
    root = etree.fromstring(data, parser)
    ch = root.find("channel")
    chan = {k: (ch.findtext(k) or "") for k in ("title", "link", "lastBuildDate")}
    items = [
        Item(
            title=it.findtext("title") or "",
            link=(it.findtext("link") or "").strip(),
            description=it.findtext("description") or "",
        )
        for it in ch.findall("item")
    ]
    return chan, items


TITLE_RE = re.compile(r"^\s*\[(?P<page>[0-9A-Za-z]+)版[：:](?P<name>.*?)\]\s*(?P<title>.*?)\s*$")


def split_item_title(title: str) -> tuple[str | None, str | None, str]:
    """``[01版：要闻] 标题`` -> ("01", "要闻", "标题")."""
    m = TITLE_RE.match(title)
    if not m:
        return None, None, title.strip()
    return m.group("page"), m.group("name").strip() or None, m.group("title")


def norm_page(p: str | None) -> str | None:
    """Page as printed: "01" -> "1", "A03" -> "A3"."""
    if not p:
        return None
    m = re.match(r"^([A-Za-z]*)0*(\d+)$", p.strip())
    if not m:
        return p.strip()
    return m.group(1).upper() + m.group(2)


def page_key(page: str | None) -> tuple:
    if page is None:
        return (1, "", 0)
    m = re.match(r"^([A-Z]*)(\d+)$", page)
    if m:
        return (0, m.group(1), int(m.group(2)))
    return (0, page, 0)


# --------------------------------------------------------------------------- text

_BREAK_WS = re.compile(r"[ \t\r\n\f\v]*[\r\n][ \t\r\n\f\v]*")


def clean(s: str) -> str:
    """Collapse source line breaks (with the white space around them) to one space and
    strip surrounding white space (including U+3000 and NBSP). Nothing else changes."""
    return _BREAK_WS.sub(" ", s).strip()


def parse_fragment(s: str):
    """Parse an HTML fragment (or page) into an lxml element wrapped in a <div>."""
    if not s.strip():
        return None
    return html.fragment_fromstring(s, create_parent="div")


BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 table tbody thead tr td th ul ol li blockquote section "
    "article header footer figure figcaption center pre hr dl dt dd".split()
)
BOLD_TAGS = frozenset({"strong", "b"})
SKIP_TAGS = frozenset({"script", "style", "head", "title", "meta", "link", "img"})


@dataclass
class Line:
    text: str  # cleaned text
    raw: str  # text as it appeared (before stripping), for indent checks
    bold: bool  # every non-space character inside <strong>/<b>
    align: str | None  # 'center' / 'right' from align= or style
    cls: str | None  # class of the innermost block ancestor that has one
    breaks_before: int  # line breaks since the previous non-empty line
    breaks_after: int = 0
    after_img: bool = False  # an <img> came between the previous line and this one


def _align_of(el) -> str | None:
    a = (el.get("align") or "").lower()
    if a in ("center", "right"):
        return a
    st = (el.get("style") or "").lower().replace(" ", "")
    m = re.search(r"text-align:(center|right)", st)
    return m.group(1) if m else None


def lines_of(root, stop=None) -> list[Line]:
    """Flatten an element into visual lines.

    ``<br>`` and block elements end a line. Each line remembers whether all of its
    visible text is bold, the alignment / class of its nearest block ancestor that sets
    one, and how many breaks came before and after it (a blank line shows up as 2+).
    ``stop``: an element to skip (with its subtree)."""
    segs: list[list] = []  # each: [text, bold]
    out: list[Line] = []
    state = {"breaks": 0, "img": False}
    cur_ctx = {"align": None, "cls": None}

    def flush(is_break: bool):
        raw = "".join(t for t, _b in segs)
        text = clean(raw)
        if text:
            bold = all(b for t, b in segs if t.strip())
            if out:
                out[-1].breaks_after = state["breaks"]
            out.append(
                Line(
                    text, raw, bold, cur_ctx["align"], cur_ctx["cls"], state["breaks"],
                    after_img=state["img"],
                )
            )
            state["breaks"] = 0
            state["img"] = False
        segs.clear()
        if is_break:
            state["breaks"] += 1

    def walk(el, bold: bool, align, cls):
        if el is stop:
            return
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment / PI: skip it, keep its tail
            return
        tag = tag.lower()
        if tag == "img":
            state["img"] = True
            return
        if tag in SKIP_TAGS:
            return
        if tag == "br":
            flush(True)
            return
        block = tag in BLOCK_TAGS
        b = bold or tag in BOLD_TAGS
        if block:
            flush(False)
            align = _align_of(el) or align
            cls = el.get("class") or cls
        if el.text:
            if not segs:
                cur_ctx["align"], cur_ctx["cls"] = align, cls
            segs.append([el.text, b])
        for ch in el:
            walk(ch, b, align, cls)
            if ch.tail:
                if not segs:
                    cur_ctx["align"], cur_ctx["cls"] = align, cls
                segs.append([ch.tail, b])
        if block:
            flush(False)

    walk(root, False, None, None)
    flush(False)
    if out:
        out[-1].breaks_after = state["breaks"]
    return out


# --------------------------------------------------------------------------- blocks

FINAL_STOPS = ("。", "！", "？", "；", "…", "”", "’", "」", "）", ")", "!", "?", ".")

_PAREN = re.compile(r"^(?:[（(].*[）)]|〔.*〕)$", re.S)
NOTE_PAREN_RE = re.compile(
    r"^[（(〔]\s*(?:作者|本文作者|本报记者|记者|本报通讯员|通讯员|执笔|课题组|据|来源|摘自|摘编自|"
    r"原载|本文|新华社|本报|编者|责任编辑|责编|特约|综合|文/|图/|本版)"
)
NOTE_LINE_RE = re.compile(
    r"(?:供图|摄|图片来源[：:].*|资料图片|新华社发|新华社发（[^）]*）|本版责编[：:].*|本版编辑[：:].*|"
    r"责任编辑[：:].*|版式设计[：:].*|本版邮箱[：:].*)$"
)
DATELINE_END_RE = re.compile(r"^(?:据)?新华社[^\s，。：“”]{1,25}电$")
# an end dateline / end credit run into the last paragraph (printed on its own line,
# right-aligned; the HTML keeps it on the same line after a sentence end)
_TRAILING_RE = re.compile(
    r"^(?P<body>.*[。！？!?”’…）)])[\s\u3000\xa0]*"
    r"(?P<note>(?:据)?新华社[^\s，。：“”]{1,25}电)$"
    r"|^(?P<body2>.*[。！？!?”’…])[\s\u3000\xa0]+"
    r"(?P<note2>[（(](?:本报记者|记者|作者|本报通讯员|通讯员)[^（）()]*[）)])$"
    r"|^(?P<body3>.*[。！？!?”’…])[\s\u3000\xa0]*"
    r"(?P<note3>（作者(?:为|系|单位|分别为|分别系)[^（）]*(?:（[^（）]*）[^（）]*)*）|〔作者[^〔〕]*〕)$",
    re.S,
)


def split_trailing_note(text: str) -> tuple[str, str | None]:
    """``…新篇章。　　新华社北京4月25日电`` -> (``…新篇章。``, ``新华社北京4月25日电``)."""
    m = _TRAILING_RE.match(text)
    if not m:
        return text, None
    for b, n in (("body", "note"), ("body2", "note2"), ("body3", "note3")):
        if m.group(n):
            return m.group(b).rstrip(), m.group(n)
    return text, None


def balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def is_note(text: str, is_last: bool) -> bool:
    """An end note / credit / signature printed on its own line."""
    t = text
    if _PAREN.match(t) and balanced(t[1:-1]):
        if NOTE_PAREN_RE.match(t):
            return True
        # any other whole-paragraph parenthesis closing the article
        if is_last and len(t) <= 200:
            return True
        return False
    if len(t) <= 60 and NOTE_LINE_RE.search(t) and not t.endswith("。"):
        return True
    if DATELINE_END_RE.match(t):
        return True
    return False


_HEAD_BAD_END = tuple("。！？；：…」）)!?;:，、—")


def mark_unmarked_heads(body: list[list[str]]) -> int:
    """Unmarked section heads, by shape only, in an article that marks none.

    A "p" that is 6-40 characters, has no 。 and no final punctuation, is neither the
    first nor the last block, and is followed by an ordinary paragraph; only when the
    article has at least two such lines and no "h" at all (a series of 小标题 the source
    printed without bold). Returns how many blocks were changed."""
    if any(b[0] == "h" for b in body):
        return 0
    cand = []
    for i, (typ, t) in enumerate(body):
        if typ != "p" or i == 0 or i >= len(body) - 1:
            continue
        if not (6 <= len(t) <= 40) or any(c in t for c in "。！？") or t.endswith(_HEAD_BAD_END):
            continue
        if body[i + 1][0] != "p" or len(body[i + 1][1]) <= 40:
            continue
        if body[i - 1][0] == "p" and len(body[i - 1][1]) <= 40:
            continue
        cand.append(i)
    if len(cand) < 2:
        return 0
    for i in cand:
        body[i][0] = "h"
    return len(cand)


def is_heading(line: Line) -> bool:
    """Whole line bold, short, no final 。 (FORMAT.md rule)."""
    t = line.text
    return line.bold and len(t) <= 50 and not t.endswith("。")


# --------------------------------------------------------------------------- selection


def pick_issues(counts: dict[str, int], target: int | None) -> list[str]:
    """Whole issues spread evenly over the date range until about ``target`` articles.

    ``counts``: date -> number of articles. Chooses k evenly spaced dates (always the
    first and the last), with the smallest k whose total reaches ``target``."""
    dates = sorted(d for d in counts if d not in BLIND_DATES)
    if target is None or sum(counts[d] for d in dates) <= target:
        return dates
    n = len(dates)
    for k in range(1, n + 1):
        if k == 1:
            idx = [n // 2]
        else:
            idx = sorted({round(i * (n - 1) / (k - 1)) for i in range(k)})
        chosen = [dates[i] for i in idx]
        if sum(counts[d] for d in chosen) >= target:
            return chosen
    return dates


def record_sort_key(r: dict):
    return (r["date"], page_key(r["page"]), r["seq"])


def write_jsonl_gz(records: list[dict], out_path: str) -> bytes:
    """Deterministic gzip (mtime=0, no file name) of sorted JSON lines."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        for r in records:
            gz.write(
                (json.dumps(r, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode(
                    "utf-8"
                )
            )
    data = buf.getvalue()
    with open(out_path, "wb") as f:
        f.write(data)
    return data


def dedupe_key(title: str, body: list[list[str]]) -> tuple:
    """Same title and same text (white space and block types ignored)."""
    return (re.sub(r"\s+", "", title), re.sub(r"\s+", "", "".join(b[1] for b in body)))


def iter_unique(items: Iterator[Item]) -> Iterator[Item]:
    seen = set()
    for it in items:
        if it.link in seen:
            continue
        seen.add(it.link)
        yield it


# --------------------------------------------------------------------------- driver


def build_records(
    git_dir: str,
    repo_name: str,
    issue_date_of,
    parse_issue,
    max_articles: int | None,
    stats,
) -> list[dict]:
    """Common pipeline of both extractors.

    ``issue_date_of(items) -> 'YYYY-MM-DD' | None`` names the issue a file version holds;
    ``parse_issue(items, stats) -> list[dict]`` turns the items of one issue into records
    (with "page" and "seq" set, no "prov"). For each issue date the best version is used
    (most items with a description, then the newest lastBuildDate, then the newest
    commit); blind dates are never parsed; whole issues are then picked with
    :func:`pick_issues`, and every record gets ``prov`` = repo / path / commit.
    """
    import email.utils
    from collections import defaultdict

    repo = GitMirror(git_dir)
    versions = iter_versions(repo)
    blobs = repo.cat_blobs(v.blob for v in versions)

    by_date: dict[str, list] = defaultdict(list)
    for v in versions:
        chan, items = parse_rss(blobs[v.blob])
        d = issue_date_of(items)
        if d is None:
            stats["versions_without_date"] += 1
            continue
        by_date[d].append((v, chan, items))

    def score(c):
        v, chan, items = c
        n_text = sum(1 for it in items if it.description.strip())
        try:
            built = email.utils.parsedate_to_datetime(chan["lastBuildDate"]).timestamp()
        except (TypeError, ValueError, IndexError):
            built = 0.0
        return (n_text, built, v.ctime)

    parsed: dict[str, list[dict]] = {}
    for d in sorted(by_date):
        stats["file_versions_read"] += len(by_date[d])
        if d in BLIND_DATES:
            stats["blind_issues_skipped"] += 1
            continue
        v, _chan, items = max(by_date[d], key=score)
        recs = parse_issue(list(iter_unique(iter(items))), stats)
        for r in recs:
            if r["date"] != d:
                raise RuntimeError(f"record dated {r['date']} in issue {d}")
            r["prov"] = {"repo": repo_name, "path": v.path, "commit": v.commit}
        if recs:
            parsed[d] = recs

    chosen = pick_issues({d: len(rs) for d, rs in parsed.items()}, max_articles)
    out = [r for d in chosen for r in parsed[d]]
    if any(r["date"] in BLIND_DATES for r in out):
        raise RuntimeError("blind date in output")
    out.sort(key=record_sort_key)
    stats["issues_available"] = len(parsed)
    stats["issues_written"] = len(chosen)
    return out


def assign_seq(recs: list[dict]) -> None:
    """seq = 1-based position among the kept articles of a page, in the given order."""
    per_page: dict = {}
    for r in recs:
        per_page[r["page"]] = per_page.get(r["page"], 0) + 1
        r["seq"] = per_page[r["page"]]


def run(doc: str, mirror: str, default_max: int, build, argv=None) -> int:
    """The command line every RSS-archive extractor shares: mirror in, deterministic .jsonl.gz out, a report."""
    import argparse
    import sys
    from collections import Counter
    from pathlib import Path

    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("git_dir", help=f"bare git directory of a fetched {mirror} mirror")
    ap.add_argument("-o", "--output", required=True, help="output .jsonl.gz")
    ap.add_argument("--max-articles", type=int, default=default_max, help="about this many articles (whole issues)")
    args = ap.parse_args(argv)
    stats: Counter = Counter()
    recs = build(args.git_dir, args.max_articles, stats)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    write_jsonl_gz(recs, args.output)
    dates = sorted({r["date"] for r in recs})
    print(f"{len(recs)} records, {len(dates)} issues: {', '.join(dates)}", file=sys.stderr)
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}", file=sys.stderr)
    return 0
