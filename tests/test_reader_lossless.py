"""Nothing is lost: every CJK character of the input's article text reaches the IR, in order.

Only the masthead, page lines/running headers and jump markers may be consumed, and every
consumed line must be accounted for in the IR (masthead source lines, page lines, R006 notes).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rsbz_epub.config import parse_publication
from rsbz_epub.model import Aside, Issue, PageBreak, PageJump
from rsbz_epub.options import Publication, ReadOptions
from rsbz_epub.reader import read_issue
from rsbz_epub.reader.decode import decode
from rsbz_epub.reader.lines import split_lines
from rsbz_epub.reader.normalize import is_cjk

CORPUS = Path(__file__).resolve().parent / "corpus"


def ir_text(issue: Issue) -> str:
    """All text the IR carries for the book, in reading order (jump markers included)."""
    parts: list[str] = []
    for page in issue.pages:
        for art in page.articles:
            parts += [art.kicker or "", art.title, art.subtitle or "", art.byline or ""]
            for block in art.blocks:
                if isinstance(block, Aside):
                    parts += [block.title or "", *block.paragraphs]
                else:
                    parts.append(getattr(block, "text", ""))
    return "".join(parts)


def accounted_lines(issue: Issue) -> set[int]:
    """Input lines consumed on purpose, as the IR records them."""
    lines = set(issue.meta.source_lines)
    lines |= {p.line for p in issue.pages if p.marked}
    lines |= {d.line for d in issue.diagnostics if d.code == "R006" and d.line}
    # a page line whose page holds only the end of an article from the page before: the
    # page is recorded as a PageBreak inside that article (a feed-only page points at text)
    text_lines = {n for a in issue.articles() for b in a.blocks if not isinstance(b, PageBreak) for n in (b.line, *getattr(b, "joins", ()))}
    lines |= {b.line for a in issue.articles() for b in a.blocks if isinstance(b, PageBreak)} - text_lines
    return lines


def cjk(text: str) -> list[str]:
    return [c for c in text if is_cjk(c)]


def article_input_cjk(data: bytes, issue: Issue, encoding: str | None = None) -> tuple[list[str], list[str]]:
    """CJK characters of the input's article lines, and of the consumed lines."""
    text, _ = decode(data, encoding)
    lines, _ = split_lines(text)
    skip = accounted_lines(issue)
    kept = [c for ln in lines if ln.no not in skip for c in cjk(ln.text)]
    consumed = [c for ln in lines if ln.no in skip for c in cjk(ln.text)]
    return kept, consumed


def is_subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def placeholder_chars(issue: Issue) -> Counter[str]:
    """Titles the reader made up for untitled articles (R011) or continuations."""
    made: Counter[str] = Counter()
    for art in issue.articles():
        if art.title.startswith("（接第") or any(d.code == "R011" and d.line == art.line for d in issue.diagnostics):
            made.update(cjk(art.title))
    return made


# ------------------------------------------------------------------ property

HAN = "人力资源社会保障局市区就业创业培训技能大赛工作服务政策企业职工群众发展推进组织举办活动上海国家世界交流合作温度最后公里问题"
sentence = st.text(alphabet=HAN, min_size=3, max_size=30).map(lambda s: s + "。")
clause = st.text(alphabet=HAN, min_size=2, max_size=12)
paragraph = st.lists(st.one_of(sentence, clause.map(lambda s: s + "，")), min_size=1, max_size=5).map(
    lambda xs: "".join(xs).rstrip("，") + ("" if "".join(xs).endswith("。") else "。")
)
article = st.tuples(
    st.text(alphabet=HAN, min_size=4, max_size=18),  # title
    st.booleans(),  # byline
    st.lists(st.tuples(paragraph, st.integers(0, 100)), min_size=1, max_size=5),  # paragraphs + break point
)


def render_issue(articles, page_every: int, indent: bool) -> str:
    out = ["人力资源社会保障", "", "2021年10月21日 第40期", "", ""]
    for n, (title, byline, paras) in enumerate(articles):
        if page_every and n and n % page_every == 0:
            out += ["\f" + f"第{n // page_every + 1}版", ""]
        out.append(title)
        if byline:
            out.append("本报记者 张三")
        out.append("")
        for text, cut in paras:
            at = cut % len(text)
            pieces = [text[:at], text[at:]] if 0 < at < len(text) - 1 else [text]
            for piece in pieces:
                out += [("\u3000\u3000" if indent and piece is pieces[0] else "") + piece, ""]
        out += ["", ""]
    return "\n".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article, min_size=1, max_size=5), st.integers(0, 2), st.booleans())
def test_every_cjk_character_survives_in_order(articles, page_every, indent):
    data = render_issue(articles, page_every, indent).encode("utf-8")
    issue = read_issue(data)
    kept, _ = article_input_cjk(data, issue)
    assert is_subsequence(kept, cjk(ir_text(issue)))
    assert len(cjk(ir_text(issue))) == len(kept) + sum(placeholder_chars(issue).values())


def test_a_first_article_that_dates_an_event_is_not_read_as_masthead() -> None:
    """The masthead is what stands above the first page's text: a first paragraph that opens with a date (a sign a
    masthead prints) does not pull the article's title and text into it, where the book would lose them."""
    text = "\n".join([
        "学习时报", "", "2026年6月26日　星期五", "", "第1版", "", "努力建设一支强大的现代化火箭军", "火箭军党委", "",
        "1966年7月1日，经毛泽东亲自批准、周恩来亲自命名，第二炮兵正式成立。", "",
        "在隆重庆祝中国共产党成立105周年之际，也迎来了战略导弹部队组建60周年。", "",
    ])
    issue = read_issue(text.encode("utf-8"))
    assert issue.meta.source_lines == (1, 3)
    assert [a.title for a in issue.articles()][:1] == ["努力建设一支强大的现代化火箭军"]
    kept, _ = article_input_cjk(text.encode("utf-8"), issue)
    assert kept == cjk(ir_text(issue))


# ------------------------------------------------------------------ corpus


EXAMPLES = CORPUS.parent.parent / "examples"


def _corpus_files() -> list[Path]:
    """Every answered raw issue of the corpus, the held-out set and examples/ (each needs its config)."""
    dirs = (CORPUS, CORPUS.parent / "heldout", EXAMPLES)
    return sorted(p for d in dirs for p in d.glob("*.txt") if (d / f"{p.stem}.answer.json").exists())


def _read(path: Path) -> tuple[bytes, Issue]:
    answer = json.loads((path.parent / f"{path.stem}.answer.json").read_text(encoding="utf-8"))
    pub = Publication()
    if answer.get("config"):
        cfg = path.parent / answer["config"]
        pub = parse_publication(cfg.read_text(encoding="utf-8"), str(cfg))
    data = path.read_bytes()
    return data, read_issue(data, ReadOptions(publication=pub))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_issue_loses_nothing(path: Path):
    data, issue = _read(path)
    kept, consumed = article_input_cjk(data, issue)
    got = Counter(cjk(ir_text(issue)))
    missing = Counter(kept) - got
    assert not missing, f"characters lost: {''.join(missing.elements())}"
    invented = got - Counter(kept) - Counter(consumed) - placeholder_chars(issue)
    assert not invented, f"characters invented: {''.join(invented.elements())}"
    # jump markers are the only text consumed from article lines: they stay as PageJump blocks
    assert all(isinstance(b, PageJump) for a in issue.articles() for b in a.blocks if getattr(b, "direction", None))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_unconsumed_line_reaches_the_ir(path: Path):
    """Line by line: the CJK text of each input line not consumed on purpose is in the IR, in one piece.

    The character count above can be fooled when a lost line's characters occur elsewhere; a
    dropped title line (it once happened to a kicker + two title lines + ——subtitle group) cannot
    hide here, and the failure names the input line.
    """
    data, issue = _read(path)
    text, _ = decode(data, None)
    lines, _ = split_lines(text)
    skip = accounted_lines(issue)
    hay = "".join(cjk(ir_text(issue)))
    lost = [(ln.no, ln.text) for ln in lines if ln.no not in skip and cjk(ln.text) and "".join(cjk(ln.text)) not in hay]
    assert not lost, "input lines missing from the IR: " + "; ".join(f"line {no}: {t}" for no, t in lost[:5])


def test_han_characters_are_told_and_counted_over_every_block_the_dumps_use() -> None:
    from rsbz_epub.reader.normalize import cjk_count

    han = ["中", "㐀", "豈", "\U00020000", "〇"]  # unified, extension A, compatibility, plane 2, the ideographic zero
    assert all(is_cjk(c) for c in han)
    assert not any(is_cjk(c) for c in ("。", "a", "1", "", "中国"))  # one character, and a Han one
    assert cjk_count("中国〇七年：ABC，\U00020000字") == 7
