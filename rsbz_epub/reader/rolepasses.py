"""The rules applied to the model's roles before the assembler walks them.

``corrected`` applies them in order: first a line that opens with a continued-from marker and goes on with text
(（接1版）次。) is made the carried article's text (the marker is hard structure), then the headline group's rules
(``reader/headpasses.py``, ``reader/habitpasses.py``, ``reader/bylinepasses.py``), the photo credit and caption rules (``reader/captionpasses.py``),
the rules for paragraphs in columns (``reader/columnpasses.py``), then the other ones of this module, each a convention
of print that holds whatever the paper: a line naming a piece's staff (记者：徐壮、周玮), signing the text above
(——编  者) or naming its writers in brackets (（邓敏）) is an end note; a court case's number is text; a dateline alone
on its line opens the text under it, or closes the article above it over a blank line; a head cannot be followed by the
rest of a sentence (nor a title stop on 的), open an article of a law (第十条  …), end with a semicolon or open with a
time word and a comma (近年来，…); a short line ending —— over a section head leads it in; a date or time word and a
comma (近日，) open a paragraph; a guide lists an entry a line; a head under finished text and over the next headline
group heads nothing, so it is the article's last line (a letter's signature); five lines or more read as heads one
under another are a list or a poem, text; a line of English that stops mid-sentence over a line opening in lower
case goes on, and so does a line whose break falls inside a dash or a bracket (a head's, inside a quote or a book
title too). Each was measured leave-one-paper-out on
the real corpus (``bench/reader_metrics.py --real --models DIR``) and is tested in ``tests/test_role_rules.py``.
"""

from __future__ import annotations

from rsbz_epub import regex_cache
from rsbz_epub.reader.captionpasses import (
    captions_above_credits,
    captions_over_a_credit_for_all,
    marked_lines_are_captions,
    photo_reports_open_with_captions,
    closing_credits_are_notes,
    credited_lines_are_captions,
    photo_news_close_with_their_photo,
    credits_as_captions,
    photo_stories_are_their_captions,
    wrapped_captions_over_credits,
    wrapped_credited_captions,
)
from rsbz_epub.reader.bylinepasses import (
    authors_read_as_titles_are_bylines,
    headlines_over_datelines,
    headlines_read_as_bylines_are_titles,
    names_under_kickers_are_bylines,
    posts_and_names_under_titles_are_bylines,
    quoted_poems_are_text,
    spaced_headline_lines_read_as_bylines_are_titles,
    titles_over_reporter_lines,
)
from rsbz_epub.reader.habitpasses import (
    issues_marking_kickers_set_them,
    issues_showing_no_kicker_set_none,
    longer_second_title_lines_are_apart,
    roundup_items_are_heads,
    short_lines_under_titles_are_titles,
    undashed_lines_under_titles_are_titles,
)
from rsbz_epub.reader.headpasses import (
    dates_under_titles_are_subtitles,
    first_title_lines_are_kickers,
    genre_lines_are_subtitles,
    heads_close_to_the_text,
    kickers_set_apart_are_titles,
    kickers_stand_over_titles,
    labels_end_titles,
    labels_stand_under_titles,
    lead_ins_head_titles,
    lines_between_headline_lines,
    lines_no_title_is,
    lines_set_apart_over_titles_are_titles,
    spread_lines_are_heads,
    pages_open_with_headlines,
    third_title_lines_are_subtitles,
    titles_cut_inside_a_phrase_go_on,
    titles_set_apart,
    titles_wrapped_inside_their_label,
)
from rsbz_epub.reader.columnpasses import (
    BRACKETED_NAMES,
    finished_lines_end_paragraphs_without_a_column,
    full_lines_go_on_in_unmarked_columns,
    indents_begin_paragraphs,
    lines_one_short_end_paragraphs,
    lines_over_the_column_set_apart,
    names_wrapped_from_a_full_line_end_its_paragraph,
    room_opens_paragraphs,
    unindented_lines_go_on,
    unindented_columns,
    unindented_lines_set_apart,
    wrapped_heads_between_blank_lines,
    wrapped_pages,
)
from rsbz_epub.reader.jumps import split_leading
from rsbz_epub.reader.layout import Item, Layout
from rsbz_epub.reader.linefeatures import FINISHED, column_widths, credit_line
from rsbz_epub.reader.roles import Role
from rsbz_epub.reader.script import simplified_view
from rsbz_epub.reader.segment import MADE_BY, STAFF_CREDIT, latin_across
from rsbz_epub.reader.wordspan import spans_break


def corrected(items: list[Item], roles: list[Role], layout: Layout, met: bool = False) -> list[Role]:
    """The model's roles with every rule applied, in order (``met``: the model has met the paper, so it knows the
    paper's habits and none is inferred from the issue, nor guessed for a line that fills its column or falls one
    short of it: read by the models that met the paper, its later issues lose 7 paragraphs to those two guesses). A
    title's second line longer than its first is apart for every paper: that is print's shape, not a paper's habit (the
    later issues gain 8 titles)."""
    roles = spread_lines_are_heads(items, continued_lines_are_text(items, lines_amid_text_are_no_headers(items, roles)))
    roles = heads_close_to_the_text(items, titles_set_apart(items, credits_as_captions(items, titles_over_reporter_lines(items, lines_no_title_is(items, roles)))))
    roles = kickers_stand_over_titles(items, lead_ins_head_titles(items, pages_open_with_headlines(items, roles)))
    roles = lines_set_apart_over_titles_are_titles(items, lines_between_headline_lines(items, roles))
    if not met:
        roles = undashed_lines_under_titles_are_titles(items, issues_showing_no_kicker_set_none(items, roles))
        roles = issues_marking_kickers_set_them(items, short_lines_under_titles_are_titles(items, roles))
    roles = labels_end_titles(items, kickers_set_apart_are_titles(items, longer_second_title_lines_are_apart(items, roles)))
    roles = labels_stand_under_titles(items, names_under_kickers_are_bylines(items, headlines_over_datelines(items, roles)))
    roles = headlines_read_as_bylines_are_titles(items, posts_and_names_under_titles_are_bylines(items, roles))
    roles = spaced_headline_lines_read_as_bylines_are_titles(items, authors_read_as_titles_are_bylines(items, roles))
    roles = quoted_poems_are_text(items, roles)
    roles = credited_lines_are_captions(items, closing_credits_are_notes(items, staff_lines_are_notes(items, roles)))
    roles = case_numbers_are_text(items, roles)
    roles = datelines_alone_open_or_close_the_text(items, wrapped_captions_over_credits(items, wrapped_credited_captions(items, roles)))
    roles = photo_reports_open_with_captions(items, marked_lines_are_captions(items, captions_over_a_credit_for_all(items, roles)))
    roles = heads_that_open_as_text_are_text(items, heads_cut_mid_sentence(items, captions_above_credits(items, roles)))
    roles = indents_begin_paragraphs(items, lead_ins_open_heads(items, roles))
    widths = column_widths(items)  # each page's column, measured once for the passes that need it
    wrapped = wrapped_pages(items, widths)  # and the pages set in wrapped columns, found once
    roles = verse_lines_stand_alone(items, time_openers_begin_paragraphs(items, roles), widths)
    roles = unindented_lines_set_apart(items, unindented_lines_go_on(items, roles))
    plain = unindented_columns(items, wrapped)  # the wrapped columns with no indent, found once
    if not met:  # a model that has met the paper has learned where its paragraphs end in a full or nearly full line
        roles = lines_one_short_end_paragraphs(items, full_lines_go_on_in_unmarked_columns(items, roles, plain), wrapped)
    roles = room_opens_paragraphs(items, roles, plain)  # for every paper: the room shows where a paragraph opens
    roles = photo_stories_are_their_captions(items, lines_over_the_column_set_apart(items, roles, wrapped))
    roles = names_wrapped_from_a_full_line_end_its_paragraph(items, photo_news_close_with_their_photo(items, roles), wrapped)
    if not met:  # and where its heads wrap: the later issues lose a paragraph to this guess
        roles = wrapped_heads_between_blank_lines(items, roles, plain)
    roles = finished_lines_end_paragraphs_without_a_column(items, guides_list_an_entry_a_line(items, roles), layout)
    roles = third_title_lines_are_subtitles(items, titles_cut_inside_a_phrase_go_on(items, lines_cut_inside_a_word_go_on(items, roles)))
    roles = genre_lines_are_subtitles(items, first_title_lines_are_kickers(items, titles_wrapped_inside_their_label(items, roles)))
    roles = heads_over_no_text_close_the_article(items, roundup_items_are_heads(items, roles))
    roles = runs_of_heads_are_text(items, roles, widths)
    roles = lines_cut_inside_a_mark_go_on(items, english_lines_cut_mid_sentence_go_on(items, roles))
    return dates_under_titles_are_subtitles(items, roles)


def lines_cut_inside_a_word_go_on(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a head, over text on its page, goes on into that text when a dictionary word runs
    across the break (日本右翼势力“狂飙”与经济发展衰 / 退交织，…: 衰退): the column cut the line, as a head is never cut
    from the text under it. Both cuts of the characters around the break, from the left and from the right, must put
    a word across it (``reader/wordspan.py``), so a head whose last word and the text's first only happen to make one
    stays (measured leave one paper out: README, "Latest")."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        if (
            out[k].label == "H" and below.page == it.page and out[k + 1].label in ("P", "W") and it.ln.force is None
            and spans_break(it.text, below.text)
        ):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


#: A dash print sets as two characters (——), cut in two by the column: one at a line's end, one opening the next.
_HALF_DASH_END = regex_cache.compile(r"(?<!—)—$")
_HALF_DASH_START = regex_cache.compile(r"^—(?!—)")
#: The paired marks a line may leave open for the next to close: brackets (a paragraph's end), and quotes and
#: book-title marks too for a head (a quotation may run on over a paragraph's end, never over a head's).
_PARAGRAPH_PAIRS = ("（）", "()")
_HEAD_PAIRS = _PARAGRAPH_PAIRS + ("《》", "“”", "「」")


#: Marks that open what follows them, so no line ends on one but one the column cut: 警員為「 / 大陸公安…」, a name's
#: dot (莎拉· / 萨格里潘蒂表示).
_OPENS_ON = tuple("“‘《（(「【·")


def _cut_inside_a_mark(text: str, below: str, pairs: tuple[str, ...]) -> bool:
    """Whether the break between ``text`` and the line ``below`` it falls inside a mark: a dash cut in two (“顽疾”— /
    —如果…), a mark that opens what follows (``_OPENS_ON``) at the line's end, or one of ``pairs`` that ``text``
    leaves open and ``below`` closes first (李因笃（1631— / 1692年），…)."""
    if (_HALF_DASH_END.search(text) and _HALF_DASH_START.match(below)) or text.endswith(_OPENS_ON):
        return True
    for pair in pairs:
        if text.count(pair[0]) > text.count(pair[1]):
            first = next((ch for ch in below if ch in pair), "")
            if first == pair[1]:
                return True
    return False


def lines_cut_inside_a_mark_go_on(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line read as a paragraph's end or a head, over text, whose break falls inside a mark — a dash cut in two, a
    bracket it leaves open that the next line closes, for a head a quote or a book title too (中国睡眠研究会等联合发布的
    《2026中国睡眠 / 健康研究白皮书》显示…) — goes on: a paragraph or a head ends after its marks, never inside one."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        if (
            out[k].label in ("P", "H") and below.page == it.page and it.ln.force is None and out[k + 1].label in ("P", "W")
            and _cut_inside_a_mark(it.text.rstrip(), below.text.lstrip(), _HEAD_PAIRS if out[k].label == "H" else _PARAGRAPH_PAIRS)
        ):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


#: A line of English cut before its sentence ends: a letter, a digit or a comma at its end.
_ENGLISH_CUT = regex_cache.compile(r"[A-Za-z0-9,]$")
#: The next line going on with the sentence: a lower-case word that is not an address (https://…, www.…).
_ENGLISH_GOES_ON = regex_cache.compile(r"(?!https?:|www\.)[a-z]")


def english_lines_cut_mid_sentence_go_on(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a paragraph's end or a head that ends in a letter, a digit or a comma, over a line on
    its page that opens in lower case (…the yearning for de / mocracy and freedoms…, …approved for public /
    screening.), goes on: English opens a sentence, and so a paragraph, in upper case. The line under it, read as a
    head, is the paragraph's last line: a head does not open in mid-sentence."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        if (
            out[k].label in ("P", "H") and below.page == it.page and it.ln.force is None and below.ln.force is None
            and _ENGLISH_CUT.search(it.text.rstrip()) and _ENGLISH_GOES_ON.match(below.text.lstrip())
        ):
            out[k] = Role("W", out[k].prob, out[k].kicker)
            if out[k + 1].label == "H":
                out[k + 1] = Role("P", out[k + 1].prob, out[k + 1].kicker)
    return out


#: The roles of a page's text, as against its running header or footer, masthead and page lines.
_TEXT_ROLES = frozenset("KTSBHCNJRPW")


def lines_amid_text_are_no_headers(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a running header or footer, but less than twice as sure of that as of the role it found
    next likeliest, between lines it read as text on the same page, takes that role: a page's header and footer stand
    over and under its text, never inside it. A short page is all near its foot, and there the model can read every
    line under a continued article's marker as the page's footer — the carried text, the next article's headline group
    and its first paragraphs (…严禁大规模移植大树进城。 / 护林员手记 / 守山二十年 / □ 杨永福 / 我是一名护林员，…); a footer
    the model is sure of (责任编辑：王敏) stays one."""
    out = list(roles)
    text_at = [k for k, r in enumerate(roles) if r.label in _TEXT_ROLES]
    for n, k in enumerate(text_at[:-1]):
        nxt = text_at[n + 1]
        if nxt - k < 2 or items[k].page != items[nxt].page:
            continue
        for j in range(k + 1, nxt):
            r = roles[j]
            if r.label == "X" and r.runner_up in _TEXT_ROLES and r.prob < 2 * r.runner_up_prob and items[j].ln.force is None:
                out[j] = Role(r.runner_up, r.runner_up_prob)
    return out


def continued_lines_are_text(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line that opens with a continued-from marker and goes on with text (（接1版）次。) is the carried article's
    text, whatever the model read it as: the marker is hard structure, and what follows it picks up the sentence the
    page before left off (a caption or a head never opens with the marker)."""
    out = list(roles)
    for k, it in enumerate(items):
        if out[k].label not in ("P", "W") and it.ln.force is None:
            jump, rest = split_leading(it.text, it.ln.no)
            if jump is not None and rest.strip():
                out[k] = Role("P", out[k].prob)
    return out


#: A clause that opens a paragraph: a date or a time word, then a comma (近日，/ 7月11日，/ 近年来，).
_TIME_OPENER = regex_cache.compile(
    r"^(?:\d{1,4}年)?(?:\d{1,2}月)?\d{1,2}日(?:[上下中]午|晚|早|凌晨|傍晚|夜)?[，,]"
    r"|^(?:近日|日前|近年来|近年|近期|目前|当前|今年以来|今年|去年|此前|随后|此外|另外|据悉|据了解|与此同时|截至目前|如今|当天|当日|次日)[，,]"
)
#: A line's end the date under it completes: a date cut in two (5月|2日, 2018年|6月), a word that takes one (出现在|5月2日),
#: a clause's comma or colon, or a word that cannot end a clause (向全息的|7月18日…).
_TAKES_A_DATE = regex_cache.compile(r"(?:[0-9０-９年月日至到在于从自起—－-]|截至|与此|[，、：；,:;]|[的地得和与及或对把被向将让给为是比跟同并而且又也都就])$")


#: A dateline or reporter line, which the date under it goes on (本报讯 记者 张三 通讯员 李四 / 6月10日，…).
_LEAD = regex_cache.compile(r"记者|通讯员|本报|讯|报道|电")


def time_openers_begin_paragraphs(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as running on, that finishes no sentence, ends its paragraph above a line that opens with a
    date or a time word and a comma (…的正确轨道上来 / 近日，部分域外国家…): such a clause begins a paragraph, and a column
    break does not fall just before it mid-sentence — unless the break cuts the date or follows a word that takes one
    (4月3|0日, 出现在|5月2日). Read in the issue's Simplified view (近年來 is 近年来)."""
    view = simplified_view(items)
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        text = it.text.rstrip()
        if (
            out[k].label == "W" and out[k + 1].label in ("P", "W") and (k > 0 and out[k - 1].label in ("P", "W") or len(text) > 30)
            and below.page == it.page and it.ln.force is None
            and text and not FINISHED.search(text) and _TIME_OPENER.search(view(below.text.strip()[:12]))
            and not _TAKES_A_DATE.search(view(text[-2:])) and not _LEAD.search(view(text))
        ):
            out[k] = Role("P", out[k].prob, out[k].kicker)
    return out


# a line that names where a piece or its figures come from: 数据来源：重庆化工职业学院 (under a chart's title, a caption's)
_SOURCE_LINE = regex_cache.compile(r"^(?:数据|资料)?来源[：:]\S")
# a dateline opening a line (本报北京5月14日电, 新华社布鲁塞尔1月29日电, 本报讯), and the reporters after it ((记者郭梓云),
# 记者 史光浩 报道)
_DATELINE_OPENS = regex_cache.compile(
    r"^据?(?:本报|新华社|中新社|[\u4e00-\u9fff]{2,6}社)(?:[\u4e00-\u9fff/／、]{0,12}(?:\d{1,2}月\d{1,2}日|[0-9一二三四五六七八九十]日))?[电讯]"
    r"([\s\u3000]*[（(][^）)]{0,30}[）)]|[\s\u3000]*(?:记者|通讯[\s\u3000]*员)[^，。]{0,30}?报道)?[\s\u3000]*"
)

_REPORTERS_NEXT = regex_cache.compile(r"(?:本报|特约|见习|实习)?(?:记者|通讯|实习生|撰稿)")


def datelines_alone_open_or_close_the_text(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line that is a dateline and nothing else opens the paragraph under it when text goes on close under it
    (本报北京5月14日电 / （记者杨翘楚）5月14日上…: the column cut the lead after it), whatever the model read it as: a
    byline names people, not a place and a date. So does a line read as the byline that goes on after its dateline and
    reporters with text (本报柏林5月21日电  （记者郭梓云）日内 / 瓦消息：…); one that goes on with reporters only (本报讯
    记者 许诺) is the byline. A dateline alone under a paragraph's end, with a blank line under it, closes its article
    (新华每日电讯's …的正义审判。 / 新华社北京4月26日电), its end note, when the line under the blank is a short unfinished
    line the model read as text: that line is the next headline's (made an end note alone, the closing datelines cost
    5 paragraphs leave one paper out: the headline under it stayed text)."""
    out = list(roles)
    for k, it in enumerate(items):
        text = it.text.strip()
        m = _DATELINE_OPENS.match(text)
        if it.ln.force is not None or m is None:
            continue
        below = k + 1 < len(items) and items[k + 1].page == it.page
        alone = m.end() == len(text) and m.end(1) == -1  # the dateline and nothing else, no reporters
        if m.end() < len(text) and out[k].label == "B" and not _REPORTERS_NEXT.match(text, m.end()):
            out[k] = Role("P" if FINISHED.search(text) else "W", out[k].prob, out[k].kicker)
        elif (
            alone and out[k].label in ("W", "P") and k > 0 and out[k - 1].label == "P"
            and below and items[k + 1].gap > 0 and out[k + 1].label in ("P", "W") and items[k + 1].ln.force is None
            and len(items[k + 1].text.strip()) <= 40 and not FINISHED.search(items[k + 1].text.strip())
        ):
            out[k] = Role("N", out[k].prob, out[k].kicker)
            out[k + 1] = Role("T", out[k + 1].prob, out[k + 1].kicker)
        elif alone and below and items[k + 1].gap == 0 and out[k + 1].label in ("P", "W") and out[k].label in ("B", "N", "P", "H"):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


def staff_lines_are_notes(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line that names who made the piece and nothing else (记者：徐壮、周玮, 海报制作：徐壮, 新华社音视频部制作, 版式设计：张芳曼),
    which the model read as a section head, text, a caption, a kicker, a title or a line of no article, is an end note: no head
    names a piece's staff, and nothing joins onto it.
    So is a ——line under text that the model read as a section head (——编  者, ——摘自…, ——人民网网友): it signs the
    text above; a ——line heads nothing (under a title it is the subtitle). A source line under a paragraph's end
    (…贡献办学力量。 / 数据来源：重庆化工职业学院) names where the piece came from: an end note too, and so are the
    writers' names alone in brackets under the text, read as a section head (…进行考察学习。 / （邓敏）): no head is a name."""
    out = list(roles)
    for k, it in enumerate(items):
        text = it.text.strip()
        if out[k].label in ("H", "P", "W", "C", "X", "K", "T") and it.ln.force is None and (STAFF_CREDIT.match(text) or MADE_BY.match(text)):
            out[k] = Role("N", out[k].prob)
        elif (
            out[k].label == "H" and it.ln.force is None and text.startswith("——") and k > 0
            and out[k - 1].label in ("P", "N") and items[k - 1].page == it.page
        ):
            out[k] = Role("N", out[k].prob)  # ——编  者, ——摘自…, ——人民网网友: who signs the text above
        elif (
            out[k].label in ("H", "P", "X") and it.ln.force is None and _SOURCE_LINE.match(text) and k > 0
            and out[k - 1].label == "P" and items[k - 1].page == it.page
        ):
            out[k] = Role("N", out[k].prob)  # …贡献办学力量。 / 数据来源：重庆化工职业学院: the piece's source
        elif (
            out[k].label in ("H", "X") and it.ln.force is None and BRACKETED_NAMES.match(text) and k > 0
            and out[k - 1].label in ("P", "N") and items[k - 1].page == it.page
        ):
            out[k] = Role("N", out[k].prob)  # …进行考察学习。 / （邓敏）: who wrote the brief above
    return out


# A court case's reference on its own line (案件編號：WKCC956/2020, 案号：（2024）京01民终123号): letters, digits and the
# marks a reference is written with, in Traditional or Simplified.
_CASE_NUMBER = regex_cache.compile(r"^(?=.*\d)(?:案件[編编][號号]|案[號号])\s*[：:]\s*[\w（）()〔〕\[\]/／\-－、，, ]{2,40}$")


def case_numbers_are_text(items: list[Item], roles: list[Role]) -> list[Role]:
    """A court case's reference on a line of its own (案件編號：DCCC170/21), under a court report's last paragraph, is
    the report's last paragraph, whatever the model read: a photo caption, a title or a line running on. No headline
    or caption is a reference number, and nothing goes on from it."""
    out = list(roles)
    for k, it in enumerate(items):
        if out[k].label != "P" and it.ln.force is None and _CASE_NUMBER.match(it.text.strip()):
            out[k] = Role("P", out[k].prob)
    return out


# What no paragraph begins with: a particle that ends a word (的, 们), a closing mark, or the one- or two-character end
# of a sentence (点。习近平…, 不到；但…) — the rest of a line the column cut, not the first line after a section head.
_MID_SENTENCE = regex_cache.compile(r"^[\u3000 ]*(?:的(?!确)|们|們|[，。；：、）”」』]|[^\s\d，。！？；：、“”「」『』（）《》]{1,2}[。；])")


def heads_cut_mid_sentence(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a section head, when the line below it goes on mid-sentence
    (揭示了政治能力实践落 / 点。习近平总书记…), is a paragraph line the column cut: it runs on (not when the line below
    is read as a head too: a head longer than its column goes on in it); so is a line read as a title that stops on
    的 (这是一段足够长的 / 正文，…) right above text."""
    out = list(roles)
    for k in range(len(items) - 1):
        if items[k + 1].page != items[k].page or items[k].ln.force is not None:
            continue
        if out[k].label == "H" and out[k + 1].label != "H" and _MID_SENTENCE.match(items[k + 1].text):
            out[k] = Role("W", out[k].prob, out[k].kicker)
        elif out[k].label == "T" and _CUT_AFTER.search(items[k].text) and out[k + 1].label in ("P", "W"):
            out[k] = Role("W", out[k].prob, out[k].kicker)
    return out


# an article of a law or a regulation, opening its text: 第十条  从事出境入境中介服务的机构不 (its heads are 章 and 节)
_LAW_ARTICLE = regex_cache.compile(r"^第[一二三四五六七八九十百零〇两\d]+条[\s\u3000]+\S")
_SENTENCE_END = regex_cache.compile(r"[。；！？：]$")


def heads_that_open_as_text_are_text(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a section head is text when it opens an article of a law (第十条  …: a law's heads are
    its 章 and 节, each article is a paragraph), ends with a semicolon (（一）依法设立；: a clause of a list, as no head
    ends), or opens with a time word and a comma and asks or exclaims nothing (近年来，安徽省合肥市包河区塘溪津门: a
    clause of text; 此外，为何“无作业日”设在周三？ is a head): the paragraph's end when it finishes a sentence, else its
    line running on. Read in the issue's Simplified view (近年來 is 近年来)."""
    view = simplified_view(items)
    out = list(roles)
    for k, it in enumerate(items):
        text = it.text.strip()
        if out[k].label != "H" or it.ln.force is not None:
            continue
        if _LAW_ARTICLE.match(text) or text.endswith("；") or _TIME_OPENER.search(view(text[:12])) and not text.endswith(("？", "！", "?", "!")):
            out[k] = Role("P" if _SENTENCE_END.search(text) else "W", out[k].prob, out[k].kicker)
    return out


#: Letters spaced out in a name (重庆巴南区  赵  渝): a signature's, not a head's.
_SPACED_OUT = regex_cache.compile(r"\S[ \u3000\xa0]{2,}\S")


def heads_over_no_text_close_the_article(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line read as a section head, under a paragraph's end and over the next headline group or the issue's end,
    heads nothing: it is the article's last line. A letter's signature (重庆巴南区  赵  渝, 邢台市任泽区读者) or a photo
    report's credit (李家鼎  钟陆轩摄影报道) is its end note when its letters are spaced out or it reads as a credit,
    else its last paragraph (招商局集团以科技创新引领产业创新 under a company's page)."""
    out = list(roles)
    for k in range(1, len(items)):
        it = items[k]
        if (
            out[k].label == "H" and it.ln.force is None and out[k - 1].label in ("P", "N") and items[k - 1].page == it.page
            and (k + 1 == len(items) or out[k + 1].label in ("T", "K"))
        ):
            text = it.text.strip()
            out[k] = Role("N" if _SPACED_OUT.search(text) or credit_line(text) else "P", out[k].prob, out[k].kicker)
    return out


def lead_ins_open_heads(items: list[Item], roles: list[Role]) -> list[Role]:
    """A short line of its own ending —— over a line read as a section head leads that head in (历史审判—— /
    清算罪行，捍卫人类文明): it is a head too, not a paragraph. It does not apply under a line that runs on into it."""
    out = list(roles)
    for k in range(len(items) - 1):
        text = items[k].text.strip()
        if (
            out[k].label == "P" and out[k + 1].label == "H" and items[k + 1].page == items[k].page
            and text.endswith("——") and len(text) <= _LEAD_IN_HEAD and items[k].ln.force is None
            and (k == 0 or out[k - 1].label != "W")
        ):
            out[k] = Role("H", out[k].prob)
    return out


_LEAD_IN_HEAD = 16  # characters: a head's lead-in is a few words (法理创举——, “大家的心贴得更近了”——)


# a line that stops on a particle waiting for its noun (这是一段足够长的 / 正文，…): a title over its text seldom ends so,
# a cut line often does (a section head may: 2.血液是蓝色的)
_CUT_AFTER = regex_cache.compile(r"[\u4e00-\u9fff]的$")


# the head of a guide to the issue: 导读, 今日导读, 本期要目
_GUIDE = regex_cache.compile(r"^(?:今日|本期|本版)?(?:导读|要目)$")
_GUIDE_ENTRIES = 12  # a guide lists a few stories; more lines under it are the page's next text
#: A guide entry's page, on a line of its own: 第十版, 第十、十一版, 第6版.
_PAGE_LINE = regex_cache.compile(r"^第[0-9一二三四五六七八九十、]+版$")


def verse_lines_stand_alone(items: list[Item], roles: list[Role], widths: dict[int, float]) -> list[Role]:
    """A short line ending with a comma over a line of the same length that ends a sentence (徐徐书卷展， / 处处盈墨香。,
    百草拈来须守度， / 护得苍生享安康。) is the first line of a couplet, which the model read as running on: each line of
    verse is set on its own. Not under a line that runs on into it, nor where the line fills its column."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        line, second = it.text.strip(), below.text.strip()
        width = widths.get(it.page, widths[-1])
        if (
            out[k].label == "W" and it.ln.force is None and below.page == it.page and (k == 0 or out[k - 1].label != "W")
            and 5 <= len(line) <= 12 and line.endswith("，") and len(second) == len(line) and second.endswith(("。", "！", "？"))
            and (not width or it.span < width - 1)
        ):
            out[k] = Role("P", out[k].prob, out[k].kicker)
    return out


def guides_list_an_entry_a_line(items: list[Item], roles: list[Role]) -> list[Role]:
    """Under a guide's head (今日导读), each line is an entry of its own (▶ 如何让金融“活水”精准滴灌小微企业？　　A2,
    全省一季度重点项目集中开工 详见A02版): no entry runs on into the next or heads a section. A guide whose entries
    name their pages on lines of their own (庆祝中国共产党成立105周年特别报道 / 担负起新的文化使命 / 第十版) runs to its
    last page line: it is the title, whatever the model read it as (a kicker over its first entry), and each line down
    to that one an entry, whatever the model read it as (a title, a byline, a head), or a line of an entry the column
    wrapped (深入学习贯彻习近平党 / 建思想 推动新时代…), where the model read it as running on."""
    out = list(roles)
    for k, it in enumerate(items):
        if it.ln.force is not None or not _GUIDE.match(it.text.strip()):
            continue
        span = [j for j in range(k + 1, min(len(items), k + 1 + _GUIDE_ENTRIES)) if items[j].page == it.page]
        refs = [j for j in span if _PAGE_LINE.match(items[j].text.strip())]
        if refs and all(items[j].ln.force is None for j in span if j <= refs[-1]):
            out[k] = Role("T", out[k].prob)
            for j in range(k + 1, refs[-1] + 1):
                if out[j].label != "W" or j + 1 in refs:  # an entry the column wrapped goes on, not into its page
                    out[j] = Role("P", out[j].prob)
            continue
        if out[k].label != "T":
            continue
        for j in range(k + 1, min(len(items), k + 1 + _GUIDE_ENTRIES)):
            if items[j].page != it.page or out[j].label in ("T", "K", "S", "B") or items[j].ln.force is not None:
                break
            if out[j].label in ("W", "H"):
                out[j] = Role("P", out[j].prob, out[j].kicker)
    return out


#: A label in square brackets alone on its line (【藏品的故事】): a section's head, whatever stands under it.
_LABELLED = regex_cache.compile(r"^【[^】]+】$")
#: Lines read as heads one under another that no heads are: a head leads text, and one that wraps takes two lines or
#: three. Of the corpus's runs read as heads (leave one paper out) none of five lines or more is all heads, while runs
#: of three are heads more often than not; four is in between (README, "Latest").
_HEAD_RUN = 5


def runs_of_heads_are_text(items: list[Item], roles: list[Role], widths: dict[int, float]) -> list[Role]:
    """Lines read as section heads one under another, _HEAD_RUN or more with no text between them on their page, are
    no heads: they are a list, a poem, a run of short sentences or a column of Latin text (25.盱眙县黄花塘新四军军部纪念馆,
    熙熙攘攘的人群, The worry is that…). Each is a paragraph of its own, but a line that fills its column (``widths``),
    finishes no sentence and is cut inside a word (a dictionary word across the break, or Latin letters on both sides
    of it), which goes on in the next. A bracketed label (【藏品的故事】) ends a run: it is a head."""
    out = list(roles)
    k = 0
    while k < len(items):
        j = k
        while (
            j < len(items) and out[j].label == "H" and items[j].page == items[k].page and items[j].ln.force is None
            and not _LABELLED.match(items[j].text.strip())
        ):
            j += 1
        if j - k >= _HEAD_RUN:
            width = widths.get(items[k].page, widths[-1])
            for i in range(k, j - 1):
                line, below = items[i].text.strip(), items[i + 1].text.strip()
                cut = spans_break(line, below) or latin_across(line, below)
                going_on = width and items[i].span >= width - 1 and not FINISHED.search(line) and cut
                out[i] = Role("W" if going_on else "P", out[i].prob, out[i].kicker)
            out[j - 1] = Role("P", out[j - 1].prob, out[j - 1].kicker)
        k = max(j, k + 1)
    return out
