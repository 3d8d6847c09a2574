"""Lines → pages (版): form feeds, page lines, staff page marks; running headers/footers removed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rsbz_epub import regex_cache
from rsbz_epub.model import Diagnostic
from rsbz_epub.options import Publication
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.jumps import only_marker
from rsbz_epub.reader.lexicon import CREDIT_WORDS
from rsbz_epub.reader.lines import Line
from rsbz_epub.reader.masthead import DATE, EN_DATE, ISSUE, TOTAL, WEEKDAY
from rsbz_epub.reader.numerals import CHINESE_NUMERAL, page_label

_FOLIO = rf"[A-Za-zＡ-Ｚ]?\s*(?:[0-9０-９]{{1,3}}|[{CHINESE_NUMERAL}]{{1,3}})"
_OPENERS, _CLOSERS = "【[〔（(<《", "】]〕）)>》"
_OPEN, _CLOSE = f"[{re.escape(_OPENERS)}]", f"[{re.escape(_CLOSERS)}]"
# a page name: 要闻, 光明文化周末·人文地理, 党校（行政学院）通讯, 庆祝中国共产党成立105周年特别报道, 广　告
_NAME = r"(?:[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff]|[\u4e00-\u9fff·・、A-Za-z](?:[\u4e00-\u9fff·・、A-Za-z0-9]|（[\u4e00-\u9fff]{1,6}）){0,19})"
_NAME2 = r"[\u4e00-\u9fff·・、]{2,10}"
_PAGE_LINE = regex_cache.compile(
    rf"^{_OPEN}?\s*(?:第\s*(?P<a>{_FOLIO})\s*[版面]|(?P<b>{_FOLIO})\s*版)\s*{_CLOSE}?"
    # a page name follows a separator, or is glued on when it is at least two characters
    rf"(?:\s*[:：·|｜\-—_/\s]\s*{_OPEN}?\s*(?P<name>{_NAME})\s*{_CLOSE}?|{_OPEN}?(?P<glued>{_NAME2}){_CLOSE}?)?\s*$"
)
# A staff name in a credit: two to four characters, or two set apart by a space (周　芸).
_CREDIT_NAME = r"(?:[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff])|[\u4e00-\u9fff]{2,4})"
_HEADER_NOISE = [
    DATE,
    EN_DATE,
    TOTAL,
    ISSUE,
    regex_cache.compile(r"[（(]?\s*(?:星期|周)[一二三四五六日天]\s*[）)]?"),
    WEEKDAY,
    # an editor credit printed in the header: 责任编辑 王敏 / 本版编辑：王敏 / 美编:邓楠
    # (编辑/刘晓禾, 校对/周　芸: a slash parts role and name as often as a colon; names may be letter-spaced)
    regex_cache.compile(rf"(?:本版)?(?:{CREDIT_WORDS})\s*[:：/／]?\s*{_CREDIT_NAME}(?:[、]{_CREDIT_NAME})*"),
    # the desk's phone printed after the credit (电话:0931-86623301): a number, never a folio or name
    regex_cache.compile(r"(?:电话|热线|传真)\s*[:：]?\s*[0-9０-９][0-9０-９\-－ ]{4,}[0-9０-９]"),
]
# A credit line on its own (责任编辑：王敏　美编：李华); bare 编辑 needs its colon, since it opens sentences too.
# With no colon the role and a (possibly letter-spaced) name stand apart: 本版编辑　钱　程.
_CREDIT = regex_cache.compile(
    rf"^(?:本版)?(?:(?:{CREDIT_WORDS})\s*[:：/／]|(?:责任编辑|美术编辑|美编|责编)\s+[\u4e00-\u9fff]{{2,4}}(?:\s|$)"
    rf"|(?<=本版)编辑\s+{_CREDIT_NAME}(?:\s|$))"
)
# A row of two or more role-and-name pairs with no colons (编辑　周　敏　　美编　刘　晨): a page credit, though
# bare 编辑 alone may open a sentence.
_CREDIT_ROW = regex_cache.compile(rf"^(?:(?:{CREDIT_WORDS})[ \u3000]+{_CREDIT_NAME}[ \u3000]*){{2,}}$")
# a piece's own design credit, which 人民日报 prints in the flow under the piece (版式设计：张芳曼), not a page's
_PIECE_CREDIT = regex_cache.compile(rf"^(?:版式设计|视觉设计)\s*[:：/／]\s*{_CREDIT_NAME}$")
# A section-lettered folio without 版 (A01 要闻, B1 财经, A3): the letter is what makes a bare number a folio.
# Sections run A–H (a J20 or a K9 before a number is a model name, not a folio).
_LETTER_PAGE = regex_cache.compile(
    r"^(?P<b>[A-HＡ-Ｈ]\s?[0-9０-９]{1,2})(?:[\s:：|｜·]+(?P<name>[\u4e00-\u9fff](?:[ \u3000·・]?[\u4e00-\u9fff]){1,7}))?$"
)
# Some papers print the page name before a lettered folio (名医讲堂　A3); the letter makes it a folio.
_NAME_FIRST_PAGE = regex_cache.compile(r"^(?P<name2>[\u4e00-\u9fff][\u4e00-\u9fff·・]{1,9})[\s\u3000|｜·]+(?P<b2>[A-HＡ-Ｈ]\s?[0-9０-９]{1,2})\s*版?$")
# Inside a running header (date, paper name already stripped) a bare number is a folio too: 3 要闻.
# Some headers print the name first: 要闻 A3 / 要闻 3.
_HEADER_BARE = regex_cache.compile(
    r"^(?P<b>[0-9０-９]{1,2})[\s:：|｜·]+(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff·・]{1,8})$"
    r"|^(?P<name2>[\u4e00-\u9fff][\u4e00-\u9fff·・]{1,8})[\s:：|｜·]+(?P<b2>[A-ZＡ-Ｚ]?\s?[0-9０-９]{1,2})$"
)
# A page-number footer (— 3 —, - 3 -, ～3～): the folio printed at the foot of the page.
_NUMBER_FOOTER = regex_cache.compile(r"^[-—–－~～]{1,2}\s*[0-9０-９]{1,3}\s*[-—–－~～]{1,2}$")
# A page name set on its own line under the folio, often letter-spaced (要　闻).
_SPACED_NAME = regex_cache.compile(r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,5}$")
# Compound names join two words with a middle dot (产业·市场).
_SHORT_NAME = regex_cache.compile(r"^[\u4e00-\u9fff]{2,4}(?:[·・][\u4e00-\u9fff]{2,4})?$")
_SENTENCE_END = regex_cache.compile(r"[。！？；]")


@dataclass(frozen=True)
class PageLine:
    """What a page line says: the label (Arabic) and the page name if printed."""

    label: str
    name: str | None


@dataclass
class PageChunk:
    """The lines of one page, before segmentation."""

    label: str
    line: int
    marked: bool
    name: str | None = None
    lines: list[Line] = field(default_factory=list)
    fed: bool = False  # a form feed began the page: nothing read before it runs on into it
    marker: Line | None = None  # the page line that began the page (none for the first, unmarked page)
    vacant: bool = False  # another page line followed its bare folio before any text

    @property
    def has_text(self) -> bool:
        """True once a non-blank line was added."""
        return any(not ln.blank for ln in self.lines)


_HEADER_FOLIO = regex_cache.compile(
    rf"(?:^|\s)(?:第\s*(?P<a>{_FOLIO})\s*[版面]|(?P<b>{_FOLIO})\s*版)(?:\s*[:：·|｜\-—]?\s*(?P<name>[\u4e00-\u9fff·、]{{1,8}}))?\s*$"
)


def _unopened_close(text: str) -> bool:
    """True when the line closes a bracket it never opened: the end of a sentence cut before it (（讲话全文见 / 第二版）)."""
    depth = 0
    for ch in text:
        depth += (ch in _OPENERS) - (ch in _CLOSERS)
        if depth < 0:
            return True
    return False


def parse_page_line(text: str, pub: Publication | None = None, paper: str | None = None) -> PageLine | None:
    """Read a standalone page line (``第3版``, ``A3版``, ``A01 要闻``, ``【第三版】``) or a running header holding one."""
    m = _PAGE_LINE.match(text) or _LETTER_PAGE.match(text) or _NAME_FIRST_PAGE.match(text)
    latin = pub.title_latin.upper() if pub is not None and pub.title_latin else None
    # a header may print the Latin name and an English date in place of the Chinese ones
    headerish = bool(
        DATE.search(text) or EN_DATE.search(text) or ISSUE.search(text) or (paper and paper in text)
        or (latin and latin in text.upper()) or _CREDIT_ANYWHERE.search(text)
    )
    if m is None and ("版" in text or "面" in text or headerish) and len(text) <= 70:
        stripped = _strip_header(text, pub, paper)
        m = _PAGE_LINE.match(stripped) or _LETTER_PAGE.match(stripped)
        if m is None and headerish:
            # a running header: date / paper name / issue / credits, and the folio with the page name
            m = _HEADER_FOLIO.search(stripped) or _HEADER_BARE.match(stripped)
    if m is None or _unopened_close(text):
        return None
    groups = m.groupdict()
    folio = groups.get("a") or groups.get("b") or groups.get("b2")
    label = page_label(folio) if folio else None
    if label is None or label.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") in ("", "0"):
        return None
    name = groups.get("name") or groups.get("glued") or groups.get("name2")
    return PageLine(label=label, name=re.sub(r"[ \u3000]", "", name) if name else None)


_CREDIT_ANYWHERE = regex_cache.compile(rf"(?:{CREDIT_WORDS})\s*[:：/／]|责任编辑|美术编辑")


def header_only(text: str, pub: Publication | None, paper: str | None = None) -> bool:
    """True for a line that holds nothing but what a running header prints: date, weekday, paper name, credits."""
    if len(text) > 70 or _SENTENCE_END.search(text):
        return False
    if not (DATE.search(text) or _CREDIT.match(text) or _CREDIT_ANYWHERE.search(text)):
        return False
    return not _strip_header(text, pub, paper).strip(" |｜·-—")


def page_name_line(text: str) -> str | None:
    """A page name printed on its own line under its folio (要闻, 要　闻, 数字生活), spaces removed."""
    if _SPACED_NAME.match(text) or _SHORT_NAME.match(text):
        return re.sub(r"[ \u3000]", "", text)
    return None


def _strip_header(text: str, pub: Publication | None, paper: str | None = None) -> str:
    """Remove what a running header adds around the folio: date, weekday, issue, paper name."""
    for pattern in _HEADER_NOISE:
        text = pattern.sub(" ", text)
    names = [paper] if paper else []
    if pub is not None:
        names += [pub.title, pub.title_latin]
    if names:
        for name in names:
            if name:
                text = text.replace(name, " ")
    text = re.sub(r"农历\S+", " ", text)  # the lunar date some headers add
    # a middle dot inside a compound page name (宏观·数据) stays; one between header parts goes
    text = re.sub(r"(?<![\u4e00-\u9fff])[·・]|[·・](?![\u4e00-\u9fff])", " ", text)
    return re.sub(r"[\s|｜/]+", " ", text).strip(" -—:：")


def split_pages(lines: list[Line], pub: Publication, paper: str | None = None) -> tuple[list[PageChunk], list[Diagnostic]]:
    """Cut the lines into pages in input order; page markers and running headers are consumed."""
    diags: list[Diagnostic] = []
    repeated = _running_lines(lines, pub)
    bare = _bare_folios(lines)
    first = next((ln.no for ln in lines if not ln.blank), 1)
    pages = [PageChunk(label="1", line=first, marked=False)]
    in_header = False  # just after a page boundary, where the header's date/credit/name lines sit
    under_folio = False  # the previous line was the page line itself (no blank between)
    for k, ln in enumerate(lines):
        cur = pages[-1]
        marker = None
        if ln.force == "page":
            marker = parse_page_line(ln.text, pub, paper) or _unparsed_page(ln, diags)
        elif ln.force is None and not ln.blank:
            marker = parse_page_line(ln.text, pub, paper) or bare.get(ln.no) or _opening_folio(ln, cur)
        if marker is not None and cur.marked and marker.label == cur.label and ln.force is None:
            # the folio again (a footer, or a header under a page line): not a new page
            diags.append(diag("R006", f"running header/footer removed: {ln.text}", ln.no))
            cur.name = cur.name or marker.name
            continue
        if marker is not None:
            if not cur.has_text and cur.marker is not None and cur.marker.force is None and cur.name is None and ln.force is None:
                # a bare folio with nothing under it (a contents box's last reference, 第十九版, or a blank page):
                # kept until _references_back_in_text decides whether it was text
                cur.vacant = True
                pages.append(PageChunk(label=marker.label, name=marker.name, line=ln.no, marked=True, fed=ln.feed, marker=ln))
            elif not cur.has_text and (cur.marked or ln.feed or not cur.lines or _only_blank(cur)):
                # a page line right after a form feed (or at the top) names the page just begun
                cur.label, cur.name, cur.line, cur.marked, cur.marker = marker.label, marker.name, ln.no, True, ln
                cur.fed = cur.fed or ln.feed
            elif not cur.marked and len(pages) == 1 and marker.label in ("1", "A1"):
                cur.label, cur.name, cur.line, cur.marked = marker.label, marker.name, ln.no, True
            else:
                pages.append(PageChunk(label=marker.label, name=marker.name, line=ln.no, marked=True, fed=ln.feed, marker=ln))
            in_header = under_folio = True
            continue
        if ln.feed and cur.has_text:
            pages.append(PageChunk(label=_next_label(cur.label), line=ln.no, marked=True, fed=True))
            cur = pages[-1]
            in_header = True
        elif ln.feed and not cur.marked:
            cur.marked = cur.fed = True
            in_header = True
        if ln.blank:
            under_folio = False
            cur.lines.append(ln)
            continue
        if ln.force is None and in_header and not cur.has_text:
            name = page_name_line(ln.text) if under_folio and cur.name is None else None
            if name is not None and not _byline_next(lines, k):
                # a page name set under its folio (A02 / 要闻): the page's name, not a title
                cur.name = name
                diags.append(diag("R006", f"page name line removed: {ln.text}", ln.no))
                continue
            if header_only(ln.text, pub, paper):
                diags.append(diag("R006", f"running header removed: {ln.text}", ln.no))
                continue
        in_header = under_folio = False
        credit = _CREDIT.match(ln.text) or _CREDIT_ROW.match(ln.text)
        if ln.force is None and (
            ln.text in repeated or _NUMBER_FOOTER.match(ln.text)
            or credit and not (_PIECE_CREDIT.match(ln.text) and _text_follows(lines, k, pub, paper))
        ):
            diags.append(diag("R006", f"running header/footer or page credit removed: {ln.text}", ln.no))
            continue
        cur.lines.append(ln)
    pages = _references_back_in_text(pages)
    diags += _order_warnings(pages)
    return pages, diags


def _text_follows(lines: list[Line], k: int, pub: Publication, paper: str | None) -> bool:
    """The next line with anything on it, after line k, is on the same page and no page furniture: a piece's credit
    that text follows is printed in the flow, under the piece it credits (…王永忠说。 / 版式设计：蔡华伟 / the next
    title), not in the page's header or footer, and stays the piece's (an end note; ``staff_lines_are_notes``)."""
    for ln in lines[k + 1 :]:
        if ln.blank:
            continue
        return not (
            ln.feed or ln.force is not None or parse_page_line(ln.text, pub, paper) is not None
            or _CREDIT.match(ln.text) or _CREDIT_ROW.match(ln.text) or _NUMBER_FOOTER.match(ln.text)
        )
    return False


def _number(label: str) -> int | None:
    return int(label) if label.isdigit() else None


def _bare_folio_ahead(page: PageChunk, here: int) -> bool:
    """A page begun by a bare folio (no name, no form feed, no staff mark) that runs ahead of the page after ``here``."""
    n = _number(page.label)
    return page.name is None and not page.fed and page.marker is not None and page.marker.force is None and n is not None and n > here + 1


def _few_lines(page: PageChunk) -> bool:
    """At most what a contents box sets under a page reference (a title, a line of summary): a page printed out of
    order holds more."""
    text = [ln.text for ln in page.lines if not ln.blank]
    return len(text) <= 4 and sum(len(t) for t in text) <= 200


def _references_back_in_text(pages: list[PageChunk]) -> list[PageChunk]:
    """A front page's contents box points to later pages on lines of their own (… 教育如何应对人工智能大考 / 第十版):
    read as page lines, they run ahead of the paper's order, and the next real page line goes back to the page after
    the one they stand on (1 → 9, 10, 19 → 2). Such a run of bare folios (no page name, no form feed before them),
    each with a few short lines under it, is text of the page they stand on, and goes back into it with its lines.
    A page printed out of order (1, 3, 2) holds a page's text, and stays a page."""
    out: list[PageChunk] = []
    k = 0
    while k < len(pages):
        here = _number(pages[k].label)
        j = k + 1
        while here is not None and j < len(pages) and _bare_folio_ahead(pages[j], here):
            j += 1
        after = _number(pages[j].label) if j < len(pages) else None
        if j > k + 1 and after is not None and after == here + 1 and all(_number(p.label) > after and _few_lines(p) for p in pages[k + 1 : j]):  # type: ignore[operator]
            for p in pages[k + 1 : j]:
                pages[k].lines += [p.marker, *p.lines]  # type: ignore[list-item]
        else:
            j = k + 1
        out.append(pages[k])
        k = j
    # a bare folio that another page line followed at once, and that is no reference, names no page of its own
    return [p for p in out if not (p.vacant and not p.has_text)]


_BARE_NUMBER = regex_cache.compile(r"^[0-9０-９]{1,2}$")


def _bare_folios(lines: list[Line]) -> dict[int, PageLine]:
    """Folios printed as a bare number (01) with the page name on the line under it (要闻).

    A number alone is a folio only in this shape — set apart by a blank line above, the name
    under it, a blank line below — and only when the issue prints at least two of them in
    rising order, as its pages do; a lone number is more likely text.
    """
    found: list[tuple[int, PageLine]] = []
    for k, ln in enumerate(lines):
        if ln.force is not None or not _BARE_NUMBER.match(ln.text):
            continue
        above = lines[k - 1] if k else None
        name = lines[k + 1] if k + 1 < len(lines) else None
        below = lines[k + 2] if k + 2 < len(lines) else None
        if above is not None and not above.blank and not ln.feed:
            continue
        if name is None or name.blank or name.force is not None or page_name_line(name.text) is None:
            continue
        if below is not None and not below.blank:
            continue
        label = page_label(ln.text)
        if label is not None and label != "0":
            found.append((ln.no, PageLine(label=label, name=None)))
    numbers = [int(p.label) for _, p in found if p.label.isdigit()]
    if len(found) < 2 or len(numbers) != len(found) or numbers != sorted(set(numbers)):
        return {}
    return dict(found)


_FOLIO_AND_NAME = regex_cache.compile(r"^(?P<b>[0-9０-９]{1,2})[ \u3000]+(?P<name>[\u4e00-\u9fff]{2,4}(?:[·・][\u4e00-\u9fff]{2,4})?)$")


def _opening_folio(ln: Line, cur: PageChunk) -> PageLine | None:
    """A bare number and a short name (01　综合新闻) opening a page before any text, the number the one the
    page would get anyway: the page line of a paper whose header on the first page has no date or name."""
    m = _FOLIO_AND_NAME.match(ln.text)
    if m is None:
        return None
    label = page_label(m.group("b"))
    if cur.has_text:
        expected = _next_label(cur.label) if ln.feed else None  # a form feed starts the next page
    else:
        expected = cur.label
    if label is None or label != expected:
        return None
    return PageLine(label=label, name=m.group("name"))


def _byline_next(lines: list[Line], k: int) -> bool:
    """True when the line right under line k is a byline (then line k is a short title, not a page name)."""
    from rsbz_epub.reader.segment import classify  # segment sits above pages in the reader

    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return nxt is not None and not nxt.blank and classify(nxt.text, nxt.no) == "byline"


def _only_blank(chunk: PageChunk) -> bool:
    return all(ln.blank for ln in chunk.lines)


def _unparsed_page(ln: Line, diags: list[Diagnostic]) -> PageLine:
    """A staff page mark whose folio is not a number still starts a page; its text is the label."""
    diags.append(diag("R012", f"page mark '{ln.text}' has no page number; used as the page label", ln.no))
    return PageLine(label=ln.text, name=None)


def _next_label(label: str) -> str:
    m = re.fullmatch(r"([A-Z]?)(\d+)", label)
    return f"{m.group(1)}{int(m.group(2)) + 1}" if m else f"{label}+"


def _running_lines(lines: list[Line], pub: Publication) -> set[str]:
    """Short lines repeated on several pages that carry a date, issue, folio or the paper name."""
    counts: Counter[str] = Counter()
    by_mask: dict[str, list[str]] = {}
    for ln in lines:
        t = ln.text
        if ln.blank or ln.force is not None or len(t) > 50 or _SENTENCE_END.search(t) or only_marker(t, ln.no):
            continue
        # a folio (3版) or a date next to the paper name/weekday/issue: what headers print, titles do not
        folio = re.search(rf"{_FOLIO}\s*版", t)
        dated = DATE.search(t) and (ISSUE.search(t) or WEEKDAY.search(t) or (pub.title and pub.title in t))
        if not (folio or dated):
            continue
        mask = re.sub(rf"[0-9０-９{CHINESE_NUMERAL}]+", "#", t)
        counts[mask] += 1
        by_mask.setdefault(mask, []).append(t)
    return {t for mask, n in counts.items() if n >= 2 for t in by_mask[mask]}


def _order_warnings(pages: list[PageChunk]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[str] = set()
    prev: tuple[str, int] | None = None
    for p in pages:
        m = re.fullmatch(r"([A-Z]?)(\d+)", p.label)
        key = (m.group(1), int(m.group(2))) if m else None
        if p.label in seen:
            out.append(diag("R005", f"page {p.label} appears more than once", p.line))
        elif key and prev and key[0] == prev[0] and key[1] < prev[1]:
            out.append(diag("R005", f"page {p.label} comes after page {prev[0]}{prev[1]}; kept in input order", p.line))
        seen.add(p.label)
        prev = key or prev
    return out
