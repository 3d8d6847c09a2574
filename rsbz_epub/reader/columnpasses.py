"""The rules for paragraphs in columns applied to the model's roles (``reader/rolepasses.py`` applies them in order).

How print marks a paragraph in its columns, whatever the paper: an indent opens one, and where paragraphs are indented
a line with none goes on the full line above it or, under a line that ended, is set apart (a caption or a head); in
wrapped columns that mark a paragraph only by a short last line, a full line that finishes a sentence goes on where the
issue's paragraphs hold several sentences, and a line one short that finishes one ends its paragraph; where such columns
kept the room of the indent they lost (each paragraph opens with a line two short), a line that finishes a sentence
over such a line ends its paragraph and one over a full line goes on; a line far longer
than its wrapped column is none of its text; where blank lines part the paragraphs, a full line and a short one between
blank lines that end no sentence are a head the column wrapped; the writers' names in brackets the column wrapped
from a full line end the paragraph above; in a dump of one line a paragraph with no column, a line that finishes a
sentence ends its paragraph. Each was measured leave-one-paper-out on the real corpus
(``bench/reader_metrics.py --real --models DIR``) and is tested in ``tests/test_role_rules.py``.
"""

from __future__ import annotations

from collections import Counter

from rsbz_epub import regex_cache
from rsbz_epub.reader.layout import Item, Layout, page_layouts
from rsbz_epub.reader.linefeatures import FINISHED, OPENERS, credit_line, two_short
from rsbz_epub.reader.measure import ems
from rsbz_epub.reader.roles import Role

# up to four names of two to four characters, set apart (梁健  任建玲, 张三、李四)
_NAMES = r"[\u4e00-\u9fff]{2,4}(?:[、，,\s\u3000]+[\u4e00-\u9fff]{2,4}){0,3}"
# the writers' names alone in brackets, closing a brief: （邓敏）, （梁健  任建玲）, （张三、李四）, two run together (（梁健任建玲）)
BRACKETED_NAMES = regex_cache.compile(rf"^[（(](?![一二三四五六七八九十百零〇]+[）)])(?:{_NAMES}|[\u4e00-\u9fff]{{5,8}})[）)]$")
# the reporters alone in brackets, closing a report: （记者徐鹏航）, （记者朱丽莉、陈露缘） (not a note of who put it together:
# （本报记者金正波整理） stands apart under its text)
_BRACKETED_REPORTERS = regex_cache.compile(rf"^[（(]记者{_NAMES}[）)]$")


def indents_begin_paragraphs(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as running on, when the line below it is indented (an indent opens a paragraph:
    a column break never indents the rest of a sentence), ends its paragraph."""
    out = list(roles)
    for k in range(len(items) - 1):
        if out[k].label == "W" and items[k + 1].page == items[k].page and items[k + 1].ln.indent > 0 and items[k].ln.force is None:
            out[k] = Role("P", out[k].prob, out[k].kicker)
    return out


def _indented_pages(items: list[Item]) -> dict[int, float]:
    """The pages whose paragraphs open with an indent (one in twelve or more of their text lines of 10 characters
    or more is indented), each with the length its column lines reach (the median of the unindented ones)."""
    lines: dict[int, list[Item]] = {}
    for it in items:
        if it.kind == "text" and len(it.text) >= 10:
            lines.setdefault(it.page, []).append(it)
    out = {}
    for page, mine in lines.items():
        plain = sorted(it.span for it in mine if not it.ln.indent)
        if plain and (n := len(mine) - len(plain)) >= 2 and n * 12 >= len(mine):
            out[page] = plain[len(plain) // 2]
    return out


# the columns a paragraph's indent takes (two full-width spaces), which its stripped text does not count
_INDENT_WIDTH = 2


def unindented_lines_go_on(items: list[Item], roles: list[Role]) -> list[Role]:
    """On a page whose paragraphs open with an indent, a full column line (an indented first line counting its
    indent) the model read as ending its paragraph runs on when the line right under it (no blank line between) is
    paragraph text with no indent: a new paragraph there would be indented (…三维新场景演进。 / 在此进程中，… is one
    paragraph's lines only if the second is indented)."""
    out = list(roles)
    pages = _indented_pages(items)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        full = pages.get(it.page)
        if (
            full is not None and out[k].label == "P" and out[k + 1].label in ("P", "W") and below.page == it.page
            and below.gap == 0 and below.ln.indent == 0 and not below.page_start and it.ln.force is None
            and below.kind == "text" and full - 1 <= it.span + _INDENT_WIDTH * it.ln.indent <= full + 2
        ):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


def unindented_lines_set_apart(items: list[Item], roles: list[Role]) -> list[Role]:
    """On a page whose paragraphs open with an indent, a line with no indent that the model read as a whole
    paragraph, under text that ended above it, opens no paragraph (one would be indented): it is set apart from the
    text, a caption when it finishes a sentence or is long (男童获救后，警方将其交予嫲嫲。), else a section head (卷二第一题：)."""
    out = list(roles)
    pages = _indented_pages(items)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        if (
            it.page in pages and out[k].label == "P" and out[k - 1].label in ("P", "C", "H", "N") and above.page == it.page
            and it.ln.indent == 0 and not it.page_start and it.kind == "text" and it.ln.force is None
            and not credit_line(it.text.strip())  # a photo credit is the credit rules' (a caption's, or the article's own)
        ):
            out[k] = Role(_set_apart(it.text.strip()), out[k].prob, out[k].kicker)
    return out


def _set_apart(text: str) -> str:
    """The role of a line set apart from the text: a caption when it finishes a sentence or is long, else a head."""
    return "C" if FINISHED.search(text) or len(text) > 30 else "H"


def wrapped_pages(items: list[Item], widths: dict[int, float]) -> dict[int, float]:
    """The pages set in wrapped columns (five of their text lines at least, and half of them, fill the column), each
    with its column's width."""
    lines: dict[int, list[float]] = {}
    for it in items:
        if it.kind == "text" and len(it.text) >= 8:
            lines.setdefault(it.page, []).append(it.span)
    wrapped = {}
    for page, width in widths.items():
        full = sum(abs(n - width) <= 1 for n in lines.get(page, ()))
        if width and full >= 5 and 2 * full >= len(lines.get(page, ())):  # five full lines at least: a column, not a chance
            wrapped[page] = width
    return wrapped


_STOPS = regex_cache.compile(r"[。！？!?]")


def unindented_columns(items: list[Item], wrapped: dict[int, float]) -> dict[int, float]:
    """The pages set in wrapped columns (``wrapped_pages``) whose paragraphs are not indented, each with its column's
    width: there a paragraph's end shows only as a short last line or a blank line under it."""
    indented = _indented_pages(items)
    return {page: w for page, w in wrapped.items() if page not in indented}


def _visible_ends(items: list[Item], roles: list[Role], columns: dict[int, float]) -> tuple[int, int]:
    """The paragraph ends that show in ``columns`` (a line read as a paragraph's end that finishes a sentence short of
    its column), and how many of them have a blank line under them."""
    ends = gapped = 0
    for k, it in enumerate(items):
        width = columns.get(it.page)
        if width is not None and it.kind == "text" and roles[k].label == "P" and FINISHED.search(it.text.strip()) and it.span < width - 1:
            ends += 1
            gapped += k + 1 < len(items) and items[k + 1].page == it.page and items[k + 1].gap > 0
    return ends, gapped


def full_lines_go_on_in_unmarked_columns(items: list[Item], roles: list[Role], columns: dict[int, float]) -> list[Role]:
    """In wrapped columns that mark a paragraph only by where its last line stops short (no indent, no blank line;
    ``columns``: ``unindented_columns``), a line that fills the column and finishes a sentence, read as ending its
    paragraph, goes on when the issue's paragraphs run to two sentences or more: a sentence ends at a line's end by
    chance as often in a paragraph as at its end, so in an issue whose paragraphs hold two or more sentences a full line
    that finishes one goes on more often than it ends its paragraph. The sentences a paragraph holds are counted in the
    issue: the sentences its column text finishes for each paragraph end that shows (``_visible_ends``)."""
    out = list(roles)
    ends, gapped = _visible_ends(items, out, columns)
    stops = sum(
        len(_STOPS.findall(it.text.strip()[:-2])) for k, it in enumerate(items)
        if it.page in columns and it.kind == "text" and out[k].label in ("P", "W")
    )
    if not ends or 2 * gapped >= ends or stops < ends:  # blank lines part the paragraphs, or they are one sentence each
        return out
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        width = columns.get(it.page)
        if (
            width is not None and out[k].label == "P" and out[k + 1].label in ("P", "W") and below.page == it.page
            and below.gap == 0 and below.ln.indent == 0 and below.kind == "text" and not below.page_start
            and it.ln.force is None and abs(it.span - width) <= 0.5 and FINISHED.search(it.text.strip())
        ):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


# the marks print hangs at a line's end rather than open the next line with (禁则)
_HUNG = "，。、；：！？”’」』）》〉】,.;:!?)"


def _roomy(items: list[Item], j: int, width: float) -> bool:
    """Whether item j is a line two characters short of its column with no indent: a paragraph's first line whose
    indent a PDF-to-text step dropped (it writes the glyphs of each printed line and not the room before the first).
    As print sets a column, such a line holds one more where a stop hangs at its end, and one fewer where an opening
    mark went down to the line under it."""
    it = items[j]
    if it.ln.indent or it.kind != "text":
        return False
    if two_short(it.span, width):
        return True
    short = width - _INDENT_WIDTH - it.span
    if -1.5 <= short < -0.5:
        return it.text.strip()[-1:] in _HUNG
    nxt = items[j + 1].text.lstrip() if j + 1 < len(items) and items[j + 1].page == it.page else ""
    return 0.5 < short <= 1.5 and nxt[:1] in OPENERS


def _keeps_the_room(items: list[Item], roles: list[Role], columns: dict[int, float]) -> bool:
    """Whether the issue's unindented columns (``columns``: ``unindented_columns``) open their paragraphs two short: of
    the paragraph ends that show (a line read as a paragraph's end that finishes a sentence short of its column, a line of
    eight characters or more under it), three at least, and two in three, have such a line under them. A dump that
    wraps its text as if no paragraph were indented opens each with a full line, and one whose print moves a character
    down with a stop that may not open a line leaves a line short by chance, rarely under a paragraph's end."""
    ends = room = 0
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        width = columns.get(it.page)
        if (
            width is not None and it.kind == "text" and roles[k].label == "P" and FINISHED.search(it.text.strip())
            and it.span < width - 1 and below.page == it.page and below.gap == 0 and not below.page_start
            and below.kind == "text" and len(below.text.strip()) >= 8
        ):
            ends += 1
            room += _roomy(items, k + 1, width)
    return ends >= 3 and 3 * room >= 2 * ends


def _filled(items: list[Item], columns: dict[int, float]) -> dict[int, float]:
    """Each page's column (``columns``) as its full lines fill it: where a page's paragraphs are short, as many of its
    lines are first lines two short as full ones, and the median of its lines falls between the two, a character short
    of the column; there more lines fill one more than the median than fill the median itself."""
    spans = {page: Counter[float]() for page in columns}
    for it in items:
        if it.page in spans and it.kind == "text":
            spans[it.page][it.span] += 1
    return {page: w + 1 if spans[page][w + 1] > spans[page][w] else w for page, w in columns.items()}


def room_opens_paragraphs(items: list[Item], roles: list[Role], columns: dict[int, float]) -> list[Role]:
    """In unindented wrapped columns that keep the indent's room (``_keeps_the_room``), a paragraph opens with a line two
    short of the column and never with a full one: a line that finishes a sentence over such a line ends its paragraph,
    and a line over a full line goes on, whether or not it finishes a sentence — what is left, in those columns, of the
    full line that only the words could tell (``full_lines_go_on_in_unmarked_columns``). Each column is measured on its
    full lines (``_filled``)."""
    out = list(roles)
    columns = _filled(items, columns)
    if not _keeps_the_room(items, out, columns):
        return out
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        width = columns.get(it.page)
        if (
            width is None or it.kind != "text" or below.kind != "text" or below.page != it.page or below.gap != 0
            or below.page_start or it.ln.force is not None or below.ln.force is not None or out[k + 1].label not in ("P", "W")
        ):
            continue
        roomy = _roomy(items, k + 1, width)
        if out[k].label == "W" and FINISHED.search(it.text.strip()) and roomy:
            out[k] = Role("P", out[k].prob, out[k].kicker)
        elif out[k].label == "P" and abs(it.span - width) <= 1 and abs(below.span - width) <= 1 and not roomy:
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


_SENTENCE_MARKS = regex_cache.compile(r"[。！？!?；;：:]|(?:[，、,…]|——)$")


def wrapped_heads_between_blank_lines(items: list[Item], roles: list[Role], columns: dict[int, float]) -> list[Role]:
    """In wrapped columns that part their paragraphs with a blank line, two lines between blank lines, under a paragraph
    that ended and over text, that hold no sentence's end nor a clause mark — a full line and a short one (…推动“十五五”
    实现良好开 / 局 is text; 统筹发展和安全，在服务国家战略中彰显能源央 / 企责任担当 a head) — are a section head the column
    wrapped, read as a paragraph that ends without a stop: a paragraph's last line finishes its sentence, a head's
    does not. ``columns``: ``unindented_columns``; blank lines part the paragraphs there when half the paragraph ends
    that show (``_visible_ends``) have one under them."""
    out = list(roles)
    ends, gapped = _visible_ends(items, out, columns)
    if not ends or 2 * gapped < ends:
        return out
    for k in range(1, len(items) - 2):
        it, second, above, below = items[k], items[k + 1], items[k - 1], items[k + 2]
        width = columns.get(it.page)
        if (
            width is None or (out[k].label, out[k + 1].label) != ("W", "P") or out[k - 1].label not in ("P", "N")
            or out[k + 2].label not in ("P", "W") or not (above.page == it.page == second.page == below.page)
            or it.gap == 0 or second.gap != 0 or below.gap == 0 or it.ln.force is not None or second.ln.force is not None
        ):
            continue
        text = it.text.strip() + second.text.strip()
        if (
            abs(it.span - width) <= 1 and second.span < width - 1 and FINISHED.search(above.text.strip())
            and not _SENTENCE_MARKS.search(text) and not text.startswith("——") and not credit_line(text)
        ):
            out[k], out[k + 1] = Role("H", out[k].prob), Role("H", out[k + 1].prob)
    return out


def lines_one_short_end_paragraphs(items: list[Item], roles: list[Role], wrapped: dict[int, float]) -> list[Role]:
    """In wrapped columns, a line one character short of its column (an indented first line counting its indent) that
    finishes a sentence, read as running on, ends its paragraph: a column line that goes on fills its column, and one
    pushed short by the rule that no line opens with a stop ends on the character the stop follows, not on the stop
    (…赢得人民群众的信任和支持。 one short of a column of fifteen). Not over a line that opens with a quote or a bracket:
    print never ends a line with an opening mark, so one that fell there went down and left the line above short."""
    out = list(roles)
    for k, it in enumerate(items):
        width = wrapped.get(it.page)
        text = it.text.strip()
        if (
            width is not None and out[k].label == "W" and it.ln.force is None and it.kind == "text"
            and -1.5 <= it.span + _INDENT_WIDTH * it.ln.indent - width < -0.5 and FINISHED.search(text)
            and not _opens_next(items, k)
        ):
            out[k] = Role("P", out[k].prob, out[k].kicker)
    return out


def names_wrapped_from_a_full_line_end_its_paragraph(items: list[Item], roles: list[Role], wrapped: dict[int, float]) -> list[Role]:
    """In wrapped columns, the writers' names in brackets on a line of their own, right under a line that finishes a
    sentence and fills its column (or falls a character short, where the opening bracket went down), end the
    paragraph above (…而是新的起点。 / （任建玲）, …做好疫情应对准备。 / （记者徐鹏航）): the column wrapped the names
    that close its last sentence, as it wraps any text. Under a line that stopped short, they are set apart from it:
    an end note (``staff_lines_are_notes``), and an issue that shows its names set apart so (学习时报's briefs) sets them
    apart under a full line too."""
    out = list(roles)
    names = []  # (the names' line, whether the line above fills its column)
    for k in range(1, len(items)):
        it, above = items[k], items[k - 1]
        width, text = wrapped.get(it.page), it.text.strip()
        if (
            width is not None and above.page == it.page and it.gap == 0 and above.kind == "text"
            and (BRACKETED_NAMES.match(text) or _BRACKETED_REPORTERS.match(text)) and FINISHED.search(above.text.strip())
        ):
            names.append((k, above.span + _INDENT_WIDTH * above.ln.indent >= width - 1.5))
    if not all(full for _, full in names):
        return out
    for k, _ in names:
        if (
            out[k].label in ("N", "H", "X", "C") and out[k - 1].label == "P"
            and items[k].ln.force is None and items[k - 1].ln.force is None
        ):
            out[k - 1], out[k] = Role("W", out[k - 1].prob, out[k - 1].kicker), Role("P", out[k].prob)
    return out


def _opens_next(items: list[Item], k: int) -> bool:
    """The line under item k, on its page, starts with an opening mark: print never ends a line with one, so it went
    down and left the line above a character short, whether or not a paragraph ends there."""
    return k + 1 < len(items) and items[k + 1].page == items[k].page and items[k + 1].text.lstrip()[:1] in OPENERS


def lines_over_the_column_set_apart(items: list[Item], roles: list[Role], wrapped: dict[int, float]) -> list[Role]:
    """On a page set in wrapped columns (five of its text lines at least, and half of them, fill the column), a line
    that runs half as far again past the column, between lines that do not, which the model read as paragraph text
    under text that ended (not the rest of a line that runs on into it), is no line of that column: a caption (set in
    smaller type it holds more characters, or a dump leaves it unwrapped) or a head. Half again, because a column
    line with digits or Latin letters (half a character each) runs a little past it."""
    out = list(roles)

    def over(j: int, page: int) -> bool:
        return 0 <= j < len(items) and items[j].page == page and ems(items[j].text) > 1.5 * wrapped[page] + 1

    for k, it in enumerate(items):
        if (
            it.page in wrapped and out[k].label in ("P", "W") and (k == 0 or out[k - 1].label != "W")
            and it.kind == "text" and it.ln.force is None
            and over(k, it.page) and not over(k - 1, it.page) and not over(k + 1, it.page) and not credit_line(it.text.strip())
        ):
            out[k] = Role(_set_apart(it.text.strip()), out[k].prob, out[k].kicker)
    return out


def finished_lines_end_paragraphs_without_a_column(items: list[Item], roles: list[Role], layout: Layout) -> list[Role]:
    """In an issue set one line per paragraph, with neither an indent nor a blank line nor a column to part them
    (``Layout.line_per_paragraph``), a line that finishes a sentence ends its paragraph, whatever the model read: no
    column carries a paragraph's text to the next line, so only a line cut mid-sentence goes on below. Not on a page
    set otherwise (``page_layouts``: a page whose column wraps its paragraphs between blank lines). ``layout``: the
    issue's (``layout.measure_layout``)."""
    if not layout.line_per_paragraph:
        return roles
    own = page_layouts(items, layout)
    out = list(roles)
    for k, it in enumerate(items):
        if it.page in own and not own[it.page].line_per_paragraph:
            continue
        if out[k].label == "W" and it.kind == "text" and it.ln.force is None and FINISHED.search(it.text.strip()):
            out[k] = Role("P", out[k].prob, out[k].kicker)
    return out
