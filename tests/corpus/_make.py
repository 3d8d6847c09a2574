"""Emit the raw corpus issues and their answer files from annotated templates.

Run ``.venv/bin/python tests/corpus/_make.py`` after editing a template; it
rewrites ``tests/corpus/*.txt`` + ``*.answer.json`` from ``tests/corpus/src/*.tpl``
and ``examples/*.txt`` + ``*.answer.json`` from ``tests/corpus/src/examples/*.tpl``.
The seed issue (``rsbz-2021-40``) is copied verbatim from ``examples/`` and its
answer file is hand-written (``src/rsbz-2021-40.answer.json``).

A template is the raw issue exactly as the PDF-to-text step would print it,
plus a thin annotation layer that the generator strips (see README.md):

* ``@@key value`` lines are directives and are not emitted:
  ``@@encoding utf-8|utf-8-sig|utf-16|gb18030``, ``@@newline lf|crlf|cr``,
  ``@@config ldb.toml``, ``@@masthead {json}``,
  ``@@page LABEL [NAME]`` (starts an answer page),
  ``@@art [promo|editor-note]`` (starts an answer article on the current page),
  ``@@cont LABEL TITLE`` (what follows continues the article TITLE of page LABEL),
  ``@@jump from=1 to=3 resolved=true title=… [present=start|continuation] [snippet=…]``,
  ``@@verbatim TEXT`` (must come out of the reader unchanged),
  ``@@wrap N`` (from here on, soft-wrap every emitted line longer than N
  characters the way a PDF-to-text step does; ``@@wrap 0`` stops), ``@@# comment``.
* A two-character role prefix tags a line and is stripped:
  ``K>`` kicker, ``T>`` title (consecutive ``T>`` lines form one wrapped title),
  ``S>`` subtitle, ``B>`` byline, ``H>`` subheading, ``C>`` caption,
  ``P>`` first line of a body paragraph, ``E>`` first line of an 编者按,
  ``A>`` first line of a box inside an article.  Untagged lines are emitted as
  they are and counted as nothing (soft-wrapped lines, masthead, page headers,
  repeated continuation titles, jump markers on their own line, box text).
* ``¦`` marks a mid-sentence break; occurrences alternate: the first closes the
  text before the break, the next opens the text after it (``‖`` is a second,
  independent stream for a break that spans another, e.g. across a page jump).  Up to 8 characters
  on each side become the answer's ``breaks`` pair.
* ``<FF>`` is a form feed; ``<xHH>`` is the character U+00HH (control chars).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SRC = HERE / "src"
SNIP = 8

ROLE = {"K>", "T>", "S>", "B>", "H>", "C>", "P>", "E>", "A>"}
TOKEN = re.compile(r"<FF>|<x([0-9A-Fa-f]{2})>")


def _tokens(text: str) -> str:
    return TOKEN.sub(lambda m: "\f" if m.group(0) == "<FF>" else chr(int(m.group(1), 16)), text)


def _plain(text: str) -> str:
    """Template text as it appears to a reader, for snippets (tokens, control chars dropped)."""
    return re.sub(r"[\x00-\x08\x0b-\x1f]", "", _tokens(text).replace("\f", "")).strip(" \u3000\t")


_NO_LINE_START = set("，。、；：？！”’）》」,.;:?!)%")


def _wrap(line: str, width: int) -> list[str]:
    """Soft-wrap like a PDF-to-text step: fixed width, never inside a Latin/number run,
    never a line starting with closing punctuation or looking like a numbered heading."""
    if width <= 0 or len(line) <= width:
        return [line]
    out: list[str] = []
    rest = line
    while len(rest) > width:
        cut = width
        while cut < len(rest) and (
            rest[cut] in _NO_LINE_START
            or rest[cut - 1] in "“‘（《「("
            or rest[cut].isascii() and rest[cut].isalnum()
            or rest[cut - 1].isascii() and rest[cut - 1].isalnum()
            or re.match(r"[一二三四五六七八九十\d]+[、.．]|[(（][一二三四五六七八九十\d]|图为|图/|文/", rest[cut:])
        ):
            cut += 1
        if cut >= len(rest) - 1:
            break
        out.append(rest[:cut])
        rest = rest[cut:]
    out.append(rest)
    return out


def _latin_join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


class Template:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.stem
        self.encoding = "utf-8"
        self.newline = "lf"
        self.config: str | None = None
        self.masthead: dict = {}
        self.pages: list[dict] = []
        self.breaks: list[list[str]] = []
        self.jumps: list[dict] = []
        self.verbatim: list[str] = []
        self.out_lines: list[str] = []
        self.wrap = 0

    # ------------------------------------------------------------ parsing
    def parse(self) -> None:
        text = self.path.read_text(encoding="utf-8")
        page: dict | None = None
        art: dict | None = None
        target: dict | None = None  # article receiving body lines
        last_role: str | None = None
        open_break: dict[str, str | None] = {}
        open_index: dict[str, int] = {}
        for lineno, raw in enumerate(text.split("\n"), 1):
            where = f"{self.path.name}:{lineno}"
            if raw.startswith("@@"):
                key, _, value = raw[2:].partition(" ")
                value = value.strip()
                if key == "#":
                    continue
                if key == "encoding":
                    self.encoding = value
                elif key == "newline":
                    self.newline = value
                elif key == "config":
                    self.config = value
                elif key == "masthead":
                    self.masthead = json.loads(value)
                elif key == "page":
                    label, _, pname = value.partition(" ")
                    page = {"label": label, "name": pname.strip() or None, "articles": []}
                    self.pages.append(page)
                    art = target = None
                elif key == "art":
                    assert page is not None, where
                    kind = value or "article"
                    assert kind in ("article", "promo", "editor-note"), where
                    art = {
                        "title": "", "kicker": None, "subtitle": None, "byline": None,
                        "paragraphs": 0, "subheadings": [], "captions": 0, "kind": kind,
                        "editor_note": False, "boxes": 0,
                    }
                    page["articles"].append(art)
                    target = art
                elif key == "cont":
                    label, _, title = value.partition(" ")
                    target = self._find(label, title.strip(), where)
                    art = None
                elif key == "jump":
                    self.jumps.append(self._jump(value, where))
                elif key == "verbatim":
                    self.verbatim.append(value)
                elif key == "wrap":
                    self.wrap = int(value)
                else:
                    raise SystemExit(f"{where}: unknown directive @@{key}")
                last_role = None
                continue
            role = raw[:2] if raw[:2] in ROLE else None
            body = raw[2:] if role else raw
            # breaks: two independent streams, ¦ and ‖ (for a break that spans another one)
            for mark in ("¦", "‖"):
                if mark not in body:
                    continue
                pieces = body.split(mark)
                for i in range(len(pieces) - 1):
                    left = "".join(pieces[: i + 1]).replace("¦", "").replace("‖", "")
                    right = "".join(pieces[i + 1 :]).replace("¦", "").replace("‖", "")
                    if open_break.get(mark) is None:
                        open_break[mark] = _plain(left)[-SNIP:]
                        assert open_break[mark], f"{where}: empty text before break"
                        self.breaks.append([open_break[mark], None])
                        open_index[mark] = len(self.breaks) - 1
                    else:
                        after = _plain(right)[:SNIP]
                        assert after, f"{where}: empty text after break"
                        assert role != "P>", f"{where}: the text after a break must not start a paragraph"
                        self.breaks[open_index[mark]][1] = after
                        open_break[mark] = None
            body = body.replace("¦", "").replace("‖", "")
            self.out_lines.extend(_wrap(_tokens(body), self.wrap))
            if role is None:
                continue
            text_ = _plain(body)
            if role in ("K>", "T>", "S>", "B>"):
                assert art is not None, f"{where}: {role} outside an article header"
                key = {"K>": "kicker", "T>": "title", "S>": "subtitle", "B>": "byline"}[role]
                if role == "T>" and last_role == "T>":
                    art["title"] = _latin_join(art["title"], text_)
                else:
                    assert not art[key] or key == "title" and not art["title"], f"{where}: second {key}"
                    art[key] = text_
            else:
                assert target is not None, f"{where}: {role} outside an article"
                if role == "P>":
                    target["paragraphs"] += 1
                elif role == "H>":
                    target["subheadings"].append(text_)
                elif role == "C>":
                    target["captions"] += 1
                elif role == "E>":
                    target["editor_note"] = True
                elif role == "A>":
                    target["boxes"] += 1
            last_role = role
        assert not any(open_break.values()), f"{self.path.name}: unclosed break {open_break!r}"
        for p in self.pages:
            for a in p["articles"]:
                assert a["title"], f"{self.path.name}: article without title on page {p['label']}"
                if a["kind"] == "article":
                    assert a["paragraphs"] > 0, f"{self.path.name}: {a['title']} has no paragraph"

    def _find(self, label: str, title: str, where: str) -> dict:
        for p in self.pages:
            if p["label"] == label:
                for a in p["articles"]:
                    if a["title"] == title:
                        return a
        raise SystemExit(f"{where}: @@cont: no article {title!r} on page {label}")

    def _jump(self, value: str, where: str) -> dict:
        fields = dict(re.findall(r"(\w+)=(.*?)(?=\s+\w+=|$)", value))
        jump = {
            "from_page": fields["from"],
            "to_page": fields["to"],
            "title": fields["title"],
            "resolved": fields["resolved"] == "true",
        }
        if not jump["resolved"]:
            jump["present"] = fields.get("present", "start")
        if "snippet" in fields:
            jump["snippet"] = fields["snippet"]
        assert jump["resolved"] == ("snippet" in fields), f"{where}: a resolved jump needs snippet="
        return jump

    # ------------------------------------------------------------ output
    def emit(self, out_dir: Path) -> None:
        text = "\n".join(self.out_lines)
        nl = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}[self.newline]
        text = text.replace("\n", nl)
        data = text.encode(self.encoding)
        (out_dir / f"{self.name}.txt").write_bytes(data)
        plain = _plain_all(self.out_lines)
        for j in self.jumps:
            if j.get("snippet"):
                n = plain.count(j["snippet"])
                assert n == 1, f"{self.name}: jump snippet {j['snippet']!r} found {n} times"
        for v in self.verbatim:
            assert v in plain, f"{self.name}: verbatim {v!r} not in the text"
        for b in self.breaks:
            assert b[0] and b[1]
        answer = {
            "file": f"{self.name}.txt",
            "encoding": self.encoding,
            "newline": self.newline,
            "config": self.config,
            "masthead": self.masthead,
            "pages": self.pages,
            "breaks": self.breaks,
            "jumps": self.jumps,
            "verbatim": self.verbatim,
        }
        (out_dir / f"{self.name}.answer.json").write_text(
            json.dumps(answer, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def _plain_all(lines: list[str]) -> str:
    return "".join(_plain(line) for line in lines)


def main() -> int:
    targets = [(SRC, HERE), (SRC / "examples", ROOT / "examples")]
    count = 0
    for src, out in targets:
        for tpl in sorted(src.glob("*.tpl")):
            t = Template(tpl)
            t.parse()
            t.emit(out)
            count += 1
    # the real seed issue, copied byte for byte, with its hand-written answer
    seed = ROOT / "examples" / "rsbz-2021-40.txt"
    shutil.copyfile(seed, HERE / seed.name)
    answer = SRC / "rsbz-2021-40.answer.json"
    shutil.copyfile(answer, HERE / answer.name)
    shutil.copyfile(answer, ROOT / "examples" / answer.name)
    for toml in sorted(SRC.glob("*.toml")):
        shutil.copyfile(toml, HERE / toml.name)
    for toml in sorted((SRC / "examples").glob("*.toml")):
        shutil.copyfile(toml, ROOT / "examples" / toml.name)
    print(f"wrote {count} issues + the seed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
