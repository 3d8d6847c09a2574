"""Article headings: how title-like a short line is, and the kicker/title/subtitle/byline group it heads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rsbz_epub.model import PageJump
from rsbz_epub.reader.jumps import only_marker, split_title_marker
from rsbz_epub.reader.layout import Item, Layout, runs_on, wrapped
from rsbz_epub.reader.lexicon import COLUMN_LABELS
from rsbz_epub.reader.promo import PROMO_TITLE
from rsbz_epub.reader.segment import bare_names, ends_finished, fragment_penalty, starts_mid_sentence, titleish

#: The score from which a short line is read as an article heading.
TITLE_THRESHOLD = 2

_DATELINE = re.compile(r"^(?:本报讯|本报[^\s，,]{0,6}电|新华社|[（(]?\s*记者|\d{1,2}月\d{1,2}日)")
# Column labels set above a title (a kicker that names the column, not the story).
_COLUMN_LABEL = re.compile(rf"^[【\[「]?(?:{COLUMN_LABELS})[】\]」]?$")
# The mark that opens each item of a column of briefs (■西湾公园夜间延时开放　即日起…).
_BRIEF_MARK = re.compile(r"^[■◆●★▶►◇□]\s*[\u4e00-\u9fff0-9“]")
# A label line: a short phrase with no punctuation at all (居民来信, 律师信箱, 专家访谈).  Set directly
# above a line it names that line's column, whatever its words, so the line under it may hold a comma.
_LABEL_SHAPE = re.compile(r"^[【\[「]?[\u4e00-\u9fff·]{2,8}[】\]」]?$")


@dataclass
class Heading:
    """What heads one article: title, kicker, subtitle, bylines and continued-from markers."""

    first: Item
    title: str
    end: int  # index of the first item after the heading group
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    jumps: list[PageJump] = field(default_factory=list)

    @property
    def unusual(self) -> bool:
        """A very long title, or one ending like a sentence, deserves a look by staff."""
        return len(self.title) > 36 or ends_finished(self.title)


def read_heading(items: list[Item], layout: Layout, i: int) -> Heading:
    """Kicker, title, subtitle, bylines and a continued-from marker that head one article."""
    first = items[i]
    texts: list[Item] = [first]
    subtitle: str | None = None
    bylines: list[str] = []
    jumps: list[PageJump] = []
    j = i + 1
    while j < len(items) and items[j].page == first.page and j - i < 6:
        nxt = items[j]
        if nxt.ln.force is not None:
            break
        if nxt.kind == "byline" or (
            nxt.kind == "text" and nxt.gap == 0 and not bylines and bare_names(nxt.text) and _body_follows(items, j)
        ):
            bylines.append(nxt.text)
        elif nxt.kind == "subtitle" and subtitle is None:
            subtitle = nxt.text
        elif nxt.kind == "jump" and (jmp := only_marker(nxt.text, nxt.ln.no)) and jmp.direction == "continued-from":
            jumps.append(jmp)
        elif (
            nxt.kind == "text"
            and not bylines
            and subtitle is None
            and len(texts) < 3
            and (titleish(nxt.text) or _comma_broken(items, j))
            and (fragment_penalty(nxt.text) < 3 or _comma_broken(items, j) or _part_at(items, j + 1) or _labelled_title(items, layout, texts, j))
            and nxt.gap <= layout.normal_gap
            and not _next_starts_mid_sentence(items, j)
            and _more_on_page(items, j)  # a heading has its body below it: the page's last line is text
            and not (layout.indent_style and nxt.ln.indent)
            and not runs_on(items, layout, j)
        ):
            texts.append(nxt)
        else:
            break
        j += 1
    kicker, title = _kicker_and_title(texts)
    if len(texts) == 2 and kicker is None and _named_below(items, j, texts[0].text):
        kicker, title = texts[0].text, texts[1].text  # the text below quotes the first line as a name: a series
    if len(texts) == 3 and wrapped(texts[1], texts[2]):
        kicker, title = texts[0].text, texts[1].text + texts[2].text
    elif len(texts) == 3 and subtitle is None and _LABEL_SHAPE.match(texts[0].text) and len(texts[0].text) < min(len(texts[1].text), len(texts[2].text)):
        # a bare label over two longer lines: the column's kicker over a title wrapped in two (科创小达人 /
        # 小学生的“昆虫旅馆” / 获全国青少年科创大赛一等奖); an unmarked subtitle under a label is rarer
        kicker, title = texts[0].text, texts[1].text + texts[2].text
    elif len(texts) == 3 and subtitle is None:
        subtitle = texts[2].text
    elif len(texts) == 3:
        # Three heading lines and a printed ——subtitle: the kicker over a title wrapped over two
        # long lines.  (This line was once dropped here, losing a whole title: every line the
        # group took must land in one of its parts.)
        kicker, title = texts[0].text, texts[1].text + texts[2].text
    title, jump = split_title_marker(title, first.ln.no)
    return Heading(
        first=first,
        title=title,
        end=j,
        kicker=kicker,
        subtitle=subtitle,
        byline=" ".join(bylines) or None,
        jumps=([jump] if jump else []) + jumps,
    )


def _kicker_and_title(texts: list[Item]) -> tuple[str | None, str]:
    if len(texts) == 1:
        return None, texts[0].text
    a, b = texts[0], texts[1]
    # a kicker is a phrase of its own: a first line ending on a comma or colon is the title's first half
    if len(texts) == 2 and (wrapped(a, b) or a.text.rstrip()[-1:] in "，,：:") and not _COLUMN_LABEL.match(a.text):
        return None, a.text + b.text
    return a.text, b.text


def title_score(items: list[Item], layout: Layout, i: int, *, after_end: bool) -> int:
    """How strongly the short line at i reads as an article heading rather than text.

    ``after_end`` says an article just ended (or none began, or the open text is a
    short non-prose line such as a box's contact line) rather than a sentence cut by
    a column break.
    """
    it = items[i]
    nxt = items[i + 1] if i + 1 < len(items) and items[i + 1].page == it.page else None
    score = 0
    if it.page_start:
        score += 3
    if it.gap > layout.normal_gap:
        score += 2
    if after_end:
        score += 2
    if len(it.text) <= 24:
        score += 1
        if not layout.indent_style and it.gap > 0 and nxt is not None and nxt.gap > 0 and not it.page_start:
            score += 1  # a short line standing alone between blank lines: a one-line paragraph is rare
    if PROMO_TITLE.search(it.text):
        score += 1  # promo boxes are headed "热线", "扫码关注", "欢迎订阅"
    if layout.indent_style:
        score += -3 if it.ln.indent else 1
    if nxt is None:
        score -= 2
    elif nxt.kind == "byline" and nxt.gap == 0:
        score += 4  # a byline set directly under a line is the surest sign of a heading
    elif nxt.kind in ("byline", "subtitle") or (nxt.kind == "jump" and "接" in nxt.text):
        score += 3
    elif nxt.gap == 0 and nxt.kind == "text" and titleish(nxt.text) and _byline_at(items, i + 2) and not ends_finished(it.text):
        score += 3  # kicker over a title over a byline, packed: a heading group in any style
    elif nxt.gap == 0 and nxt.kind == "text" and titleish(nxt.text) and not layout.indent_style and _group_then_body(items, i + 1):
        score += 2  # a run of short lines set apart from the text: kicker/title/byline
    elif nxt.gap == 0 and nxt.kind == "text" and layout.normal_gap > 0 and _BRIEF_MARK.match(nxt.text) and not ends_finished(it.text):
        score += 2  # blank-line text packs a column title onto its first marked brief (城事简讯 / ■…)
    elif _DATELINE.match(nxt.text):
        score += 2
    elif starts_mid_sentence(nxt.text):
        score -= 4
    elif nxt.kind == "text" and len(nxt.text) >= 60:
        score += 1  # a heading heads a body
    score -= fragment_penalty(it.text)
    if runs_on(items, layout, i):
        score -= 4  # it wraps into the body line under it
    return score


def _named_below(items: list[Item], j: int, line: str) -> bool:
    """True when the article text just below quotes the line as a name (推出“寻访老港口记忆”系列报道):
    a series or column the paper names, so the line is the kicker over the title, not its first half."""
    quoted = f"“{line}”"
    page = items[j - 1].page
    return any(quoted in it.text for it in items[j : j + 8] if it.page == page)


def _byline_at(items: list[Item], j: int) -> bool:
    """True when item j is a byline packed under the line before it."""
    return j < len(items) and items[j].kind == "byline" and items[j].gap == 0


def _part_at(items: list[Item], j: int) -> bool:
    """True when item j is a byline, ——subtitle or 编者按 packed under the line before it: heading parts."""
    return j < len(items) and items[j].kind in ("byline", "subtitle", "note") and items[j].gap == 0


def _labelled_title(items: list[Item], layout: Layout, texts: list[Item], j: int) -> bool:
    """A title with a comma (电梯修好了，我们心里暖了) under a bare label line, the body starting right under it.

    The shape decides, not the words: one short unpunctuated line opening the group, then a line
    that does not fill the column and ends its phrase, then a new paragraph (indented, after a
    blank line, or a long line)."""
    if len(texts) != 1 or not _LABEL_SHAPE.match(texts[0].text):
        return False
    it = items[j]
    width = layout.wrap_width
    if (width is not None and len(it.text) >= 0.85 * width) or len(it.text) > 30 or it.text.rstrip()[-1:] in "，,；;：:、":
        return False
    if j + 1 >= len(items) or items[j + 1].page != it.page:
        return False
    after = items[j + 1]
    if starts_mid_sentence(after.text):
        return False
    return after.gap > 0 or (layout.indent_style and after.ln.indent) or len(after.text) >= 40


def comma_broken(items: list[Item], j: int) -> bool:
    """True when the line at j is the first half of a headline broken after its comma (see _comma_broken)."""
    return _comma_broken(items, j)


def _comma_broken(items: list[Item], j: int) -> bool:
    """A headline broken after its comma (两度落后两度扳平， / 云州雄狮客场拿下1分): the line ends on a comma
    and a short heading line packed under it ends the phrase, a heading part (——subtitle, byline) under that.
    A colon breaks a two-part headline the same way (从“带娃焦虑”到“共育同行”: / 一个社区的家庭教育实践)."""
    it = items[j]
    if it.text.rstrip()[-1:] not in "，,：:" or not titleish(it.text.rstrip()[:-1], 24):
        return False
    if j + 1 >= len(items) or items[j + 1].page != it.page or items[j + 1].gap > 0 or items[j + 1].kind != "text":
        return False
    return titleish(items[j + 1].text, 24) and _part_at(items, j + 2)


def _body_follows(items: list[Item], j: int) -> bool:
    """True when the item after j is body text (a long paragraph)."""
    return j + 1 < len(items) and items[j + 1].kind == "text" and len(items[j + 1].text) >= 40


def _group_then_body(items: list[Item], j: int) -> bool:
    """Short lines packed together from j, ended by a byline or a long paragraph."""
    for k in range(j, min(j + 4, len(items))):
        it = items[k]
        if it.kind in ("byline", "subtitle") or (it.kind == "text" and len(it.text) >= 40):
            return True
        if it.kind != "text" or not titleish(it.text) or (k > j and it.gap > 0 and _body_follows(items, k - 1) is False):
            return False
    return False


def _more_on_page(items: list[Item], j: int) -> bool:
    """True when another line follows item j on its page."""
    return j + 1 < len(items) and items[j + 1].page == items[j].page


def _next_starts_mid_sentence(items: list[Item], j: int) -> bool:
    return j + 1 < len(items) and starts_mid_sentence(items[j + 1].text)


def repeated_title_line(items: list[Item], layout: Layout, i: int) -> bool:
    """A line under a continued-from marker is the repeated title only when it reads as a heading:
    no clause cut short, and not a line filling the column that runs on into the next one."""
    it = items[i]
    if fragment_penalty(it.text) > 0:
        return False
    nxt = items[i + 1] if i + 1 < len(items) else None
    width = layout.wrap_width
    runs_on = (
        nxt is not None
        and nxt.page == it.page
        and nxt.gap == 0
        and nxt.kind == "text"
        and not (layout.indent_style and nxt.ln.indent)
        and (starts_mid_sentence(nxt.text) or (width is not None and len(it.text) >= 0.9 * width))
    )
    return not runs_on
