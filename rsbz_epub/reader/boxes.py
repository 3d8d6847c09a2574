"""Text set apart inside an article: 编者按, labelled boxes (小贴士, 相关链接) and boxes print put inside a paragraph."""

from __future__ import annotations

from typing import Callable

from rsbz_epub import regex_cache
from rsbz_epub.model import Aside, Block, Caption
from rsbz_epub.reader.layout import Item, Layout
from rsbz_epub.reader.lexicon import BOX_LABELS
from rsbz_epub.reader.linefeatures import credit_line
from rsbz_epub.reader.segment import NOTE_HEAD, bare_names, cjk_count, ends_finished, fragment_penalty, is_photo_credit, latin_across, list_item, titleish

# Labels papers print over a box of background facts; the label is the box's only heading.
# A mark (■, ◆, ▍) or brackets may set the label off: ■小知识, 【背景】.
# Inside brackets the label may be a compound ending in a box word: 【出行提示】, 【政策链接】.
BOX_LABEL = regex_cache.compile(
    rf"^(?:[■□◆◇●○▍▌▶►]\s*)?(?:[【\[〔]?\s*(?:{BOX_LABELS})\s*[】\]〕]?|[【\[〔]\s*[\u4e00-\u9fff]{{1,4}}(?:{BOX_LABELS})\s*[】\]〕])\s*[:：]?$"
)
_BOX_MAX_CHARS = 300


def read_note(items: list[Item], layout: Layout, i: int) -> tuple[Aside, int]:
    """编者按 and the index after it: the note text is on its line or the next, soft-wrapped lines included."""
    it = items[i]
    rest = NOTE_HEAD.sub("", it.text, count=1)
    head = it.text[: len(it.text) - len(rest)].strip("【】[]:： ") or "编者按"
    j = i + 1
    if not rest and j < len(items) and items[j].kind == "text":
        rest = items[j].text
        j += 1
    # A note is one paragraph; the lines a PDF-to-text step wrapped it into follow without a gap.
    while rest and j < len(items) and _wrapped_on(items, layout, j, rest):
        rest += items[j].text
        j += 1
    note = Aside(title=head, paragraphs=(rest,) if rest else (), line=it.ln.no, kind="editor-note")
    return note, j


def _wrapped_on(items: list[Item], layout: Layout, j: int, so_far: str) -> bool:
    """True when item j continues the text before it without a paragraph break."""
    it, prev = items[j], items[j - 1]
    if it.kind != "text" or it.page_start or it.page != prev.page or it.ln.force is not None:
        return False
    if it.gap > 0:
        return not ends_finished(so_far)  # a column break inside the note's sentence: it goes on after the gap
    if layout.indent_style:
        return not it.ln.indent  # only a paragraph's first line is indented
    width = layout.wrap_width
    if width is not None and max(prev.span, it.span) > 1.3 * width + 1:
        return not ends_finished(so_far)  # a line far longer than the column is no column line: only the sentence tells
    filled = width is not None and prev.span >= 0.85 * width
    return filled or not ends_finished(so_far)


def labelled_box(items: list[Item], layout: Layout, i: int, sections: Callable[[], tuple[str, ...]] = tuple) -> tuple[Aside, int] | None:
    """A box under a label such as 小贴士 or 相关链接: the label and the lines packed under it.
    ``sections()`` gives the subheadings the article has so far (asked only for a bracketed label,
    since collecting them costs a pass over the article's blocks)."""
    text = items[i].text
    # an article that heads its sections otherwise (（一）…) sets a bracketed label off as a box
    off_style = _BRACKET_LABEL.match(text) is not None and bool(heads := sections()) and not any(s.startswith(("【", "〔")) for s in heads)
    if not (BOX_LABEL.match(text) or _set_apart(items, layout, i) or off_style) or _heads_article(items, i + 1):
        return None
    body: list[str] = []
    j = i + 1
    chars = 0
    while j < len(items):
        it = items[j]
        if it.page != items[i].page or it.gap > 0 or it.ln.force is not None or it.kind in ("byline", "jump", "note"):
            break
        if layout.indent_style and it.ln.indent and body and not (list_item(it.text) and list_item(body[0])):
            break  # the article's next paragraph (a box's list sets each of its items indented)
        if layout.indent_style and not it.ln.indent and body and ends_finished(body[-1]) and titleish(it.text) and (fragment_penalty(it.text) < 3 or _heads_article(items, j)):
            break  # a short line after the box's last full stop: the next heading, not a wrap (a clause cut at a comma is a wrap)
        chars += cjk_count(it.text)
        if chars > _BOX_MAX_CHARS:
            break
        body.append(it.text)
        j += 1
    if not body:
        return None
    return Aside(title=items[i].text.strip("【】[]〔〕:： ■□◆◇●○▍▌▶►"), paragraphs=tuple(body), line=items[i].ln.no, kind="box"), j


# Any short bracketed label (【人物简介】, 【展览信息】) may head a box; what decides is how its lines are set.
_BRACKET_LABEL = regex_cache.compile(r"^[【〔]\s*[\u4e00-\u9fff]{2,8}\s*[】〕]$")


def _set_apart(items: list[Item], layout: Layout, i: int) -> bool:
    """A bracketed label whose first line is set unlike the article's paragraphs heads a box, not a section:
    packed right under it in blank-line text, or unindented in indented text (a section's paragraphs are not)."""
    if not _BRACKET_LABEL.match(items[i].text) or i + 1 >= len(items):
        return False
    nxt = items[i + 1]
    if nxt.page != items[i].page or nxt.gap > 0 or nxt.page_start or nxt.kind != "text":
        return False
    return not nxt.ln.indent if layout.indent_style else True


def _heads_article(items: list[Item], j: int) -> bool:
    """True when item j starts a heading group (a title with a byline or subtitle under it):
    the label above it is then a column kicker (记者手记 / 短评), not a box."""
    for k in (j, j + 1):
        if k + 1 >= len(items) or not titleish(items[k].text) or items[k].page != items[j].page:
            return False
        nxt = items[k + 1]
        if nxt.gap == 0 and nxt.page == items[k].page and (nxt.kind in ("byline", "subtitle") or bare_names(nxt.text)):
            return True
    return False


def box_end(items: list[Item], layout: Layout, i: int) -> int | None:
    """Index of the paragraph that continues a broken one after a box print placed in between."""
    chars = 0
    if items[i].page_start:
        return None  # a page opens with a heading, not with a box inside a paragraph
    for j in range(i + 1, min(len(items), i + 8)):
        it = items[j]
        if it.page != items[i].page or it.ln.force is not None or it.kind == "byline":
            return None  # a byline means a new article, not a box
        prev = items[j - 1]
        if (
            j > i + 1
            and it.gap > 0  # a box's own lines are packed; the text resumes after a gap
            and it.kind == "text"
            and not titleish(it.text)
            and ends_finished(prev.text)
            and not (layout.indent_style and it.ln.indent)
            and chars <= _BOX_MAX_CHARS
        ):
            return j
        chars += cjk_count(it.text)
        if chars > _BOX_MAX_CHARS:
            return None
    return None


def box_between(items: list[Item], i: int, end: int) -> Aside:
    """The box from its heading at i up to the resumed paragraph at end."""
    body = tuple(it.text for it in items[i + 1 : end])
    return Aside(title=items[i].text.strip("【】[]〔〕:： ") or items[i].text, paragraphs=body, line=items[i].ln.no, kind="box")


def credit_onto_caption(it: Item, blocks: list[Block], wrap: bool = False) -> bool:
    """A photo credit set directly under a caption completes that caption (one caption, not two), and so does the
    caption's own next line, wrapped by the column (``wrap``, or a line the rules marked so; a credit line is set
    apart by a space all the same)."""
    wrap = it.kind == "caption-wrap" or (wrap and not credit_line(it.text.strip()))
    if it.gap > 0 or it.page_start or not blocks or not isinstance(blocks[-1], Caption) or not (wrap or is_photo_credit(it.text)):
        return False
    last = blocks[-1]
    sep = "" if wrap and not latin_across(last.text, it.text) else " "
    blocks[-1] = Caption(text=f"{last.text}{sep}{it.text}", line=last.line)
    return True
