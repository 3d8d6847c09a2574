"""Stitch page jumps: an article continued on another 版 is read in one piece (or linked both ways)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from rsbz_epub import regex_cache
from rsbz_epub.model import Article, Block, Diagnostic, Issue, PageBreak, PageJump, Paragraph
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.paragraphs import join_text
from rsbz_epub.reader.segment import ends_finished

_PLACEHOLDER = regex_cache.compile(r"^（接第.+版）$")


@dataclass
class _Match:
    start: Article
    on: PageJump
    cont: Article
    back: PageJump


def stitch_jumps(issue: Issue, keep_print_order: bool = False) -> Issue:
    """Resolve every jump pair; unresolved jumps stay as PageJump blocks with a warning."""
    origin = _jump_pages(issue)
    pages = [list(p.articles) for p in issue.pages]
    labels = [p.label for p in issue.pages]
    diags: list[Diagnostic] = []
    matched_back: set[tuple[str, int]] = set()
    unresolved_on: list[tuple[Article, PageJump]] = []
    # Repeat so a chain (1 → 2 → 3) resolves link by link after each merge.
    progress = True
    done_on: set[int] = set()
    while progress:
        progress = False
        for start in [a for page in pages for a in page]:
            for jump in _jumps(start, "continued-on"):
                if jump.line in done_on:
                    continue
                found = _find_continuation(start, jump, origin, pages, labels, matched_back, diags)
                if found is None:
                    continue
                done_on.add(jump.line)
                matched_back.add((found.cont.id, found.back.line))
                diags.append(diag("S003", f"'{start.title}' continues on page {jump.page} in '{found.cont.title}'", jump.line))
                _apply(found, pages, keep_print_order, diags)
                progress = True
                break
            if progress:
                break
    for start in [a for page in pages for a in page]:
        for jump in _jumps(start, "continued-on"):
            if jump.line not in done_on:
                unresolved_on.append((start, jump))
    for start, jump in unresolved_on:
        where = "is not in this issue" if jump.page not in labels else "holds no continuation of it"
        diags.append(diag("S001", f"'{start.title}' continues on page {jump.page}, which {where}; a note is kept", jump.line))
    for page in pages:
        for art in page:
            for back in _jumps(art, "continued-from"):
                if (art.id, back.line) not in matched_back and back.target is None:
                    diags.append(diag("S002", f"'{art.title}' continues from page {back.page}, whose start is not in this issue", back.line))
    new_pages = tuple(replace(p, articles=tuple(arts)) for p, arts in zip(issue.pages, pages) if arts)
    return replace(issue, pages=new_pages, diagnostics=issue.diagnostics + tuple(diags))


def _jump_pages(issue: Issue) -> dict[int, str]:
    """Input line of each jump marker → the page it is printed on (before any merge)."""
    return {b.line: p.label for p in issue.pages for a in p.articles for b in a.blocks if isinstance(b, PageJump)}


def _jumps(article: Article, direction: str) -> list[PageJump]:
    return [b for b in article.blocks if isinstance(b, PageJump) and b.direction == direction]


def _find_continuation(
    start: Article,
    jump: PageJump,
    origin: dict[int, str],
    pages: list[list[Article]],
    labels: list[str],
    matched_back: set[tuple[str, int]],
    diags: list[Diagnostic],
) -> _Match | None:
    """The article on the jump's target page whose continued-from marker points back here, best title first."""
    from_page = origin.get(jump.line)
    scored: list[tuple[float, int, _Match]] = []
    order = 0
    for label, arts in zip(labels, pages):
        if label != jump.page:
            continue
        for art in arts:
            if art.id == start.id:
                continue
            for back in _jumps(art, "continued-from"):
                order += 1
                if (art.id, back.line) in matched_back or back.target is not None or back.page != from_page:
                    continue
                scored.append((_heading_similarity(start, art.title), -order, _Match(start, jump, art, back)))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        diags.append(diag("S004", f"several articles on page {jump.page} could continue '{start.title}'; the first was used", jump.line))
    return scored[0][2]


def _heading_similarity(start: Article, cont: str) -> float:
    """How well the continuation's title repeats the start's title, or its kicker line (which may be the real title)."""
    heads = [start.title] + ([start.kicker, start.kicker + start.title] if start.kicker else [])
    return max(_title_similarity(h, cont) for h in heads)


#: From this similarity on, a continuation's title is the start's title repeated (or shortened).
_SAME_TITLE = 0.5


def _title_similarity(start: str, cont: str) -> float:
    """1.0 for a repeated or shortened title, lower as they differ; an untitled continuation is neutral."""
    if not cont or _PLACEHOLDER.match(cont):
        return 0.5
    a, b = _bare(start), _bare(cont)
    if not a or not b:
        return 0.5
    if b in a or a in b:
        return 1.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    common = sum(m.size for m in blocks)
    return common / min(len(a), len(b))


def _bare(title: str) -> str:
    return re.sub(r"[\s“”‘’\"'《》「」『』（）()，,、：:！!？?—-]", "", title)


def _reheaded(start: Article, cont_title: str) -> Article:
    """Re-read the start's heading lines by the title its continuation repeats.

    A continuation repeats (or shortens) the main title, so it tells which heading line is the
    title when the reader had to guess: two lines it split into kicker + title are one wrapped
    title when the repeat holds both, and with no dashed subtitle a repeat found only in the
    "kicker" makes that line the title and the line under it the subtitle.
    """
    if start.kicker is None or not cont_title or _PLACEHOLDER.match(cont_title):
        return start
    rep, kicker, title = _bare(cont_title), _bare(start.kicker), _bare(start.title)
    if not rep or rep in title:
        return start
    if rep == kicker + title:
        return replace(start, kicker=None, title=start.kicker + start.title)
    if rep in kicker and start.subtitle is None:
        return replace(start, kicker=None, title=start.kicker, subtitle=start.title)
    return start


def _apply(m: _Match, pages: list[list[Article]], keep_print_order: bool, diags: list[Diagnostic]) -> None:
    fixed = _reheaded(m.start, m.cont.title)
    if fixed is not m.start:
        diags.append(diag("S005", f"heading of '{m.start.title}' re-read by its repeated title: title '{fixed.title}'", m.start.line))
        _replace_article(pages, m.start, fixed)
        m = replace(m, start=fixed)
    if keep_print_order:
        _replace_article(pages, m.start, _retarget(m.start, m.on, m.cont.id))
        _replace_article(pages, m.cont, _retarget(m.cont, m.back, m.start.id))
        return
    head = [b for b in m.start.blocks if b is not m.on]
    tail = [b for b in m.cont.blocks if b is not m.back]
    if _title_similarity(m.start.title, m.cont.title) < _SAME_TITLE:
        # the continuation's "title" does not repeat the start's: it is text, and nothing may be lost
        tail.insert(0, Paragraph(text=m.cont.title, line=m.cont.line))
    cut = m.start.blocks.index(m.on)
    after = list(m.start.blocks[cut + 1 :])  # anything print put after the marker stays after the continuation
    head = list(m.start.blocks[:cut])
    merged = _join_halves(head, tail, PageBreak(label=m.on.page, line=m.cont.line))
    stitched = replace(m.start, blocks=tuple(merged + after))
    _replace_article(pages, m.start, stitched)
    for arts in pages:
        if m.cont in arts:
            arts.remove(m.cont)


def _join_halves(head: list[Block], tail: list[Block], brk: PageBreak) -> list[Block]:
    """Glue the two halves; a sentence cut by the jump is rejoined and the page break follows it."""
    if head and tail and isinstance(head[-1], Paragraph) and isinstance(tail[0], Paragraph) and not ends_finished(head[-1].text):
        first, second = head[-1], tail[0]
        joined = Paragraph(
            text=join_text(first.text, second.text),
            line=first.line,
            joins=first.joins + (second.line,) + second.joins,
        )
        return [*head[:-1], joined, PageBreak(label=brk.label, line=second.line), *tail[1:]]
    return [*head, brk, *tail]


def _retarget(article: Article, jump: PageJump, target: str) -> Article:
    blocks = tuple(replace(b, target=target) if b is jump else b for b in article.blocks)
    return replace(article, blocks=blocks)


def _replace_article(pages: list[list[Article]], old: Article, new: Article) -> None:
    for arts in pages:
        for i, art in enumerate(arts):
            if art is old:
                arts[i] = new
