"""Table-driven tests, one table per reader step: decode, lines, normalize, masthead, pages, jumps, overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from rsbz_epub.errors import DataError
from rsbz_epub.options import Publication
from rsbz_epub.reader.decode import decode
from rsbz_epub.reader.jumps import only_marker, split_leading, split_trailing
from rsbz_epub.reader.lines import split_lines
from rsbz_epub.reader.masthead import read_masthead
from rsbz_epub.reader.normalize import normalize_punctuation
from rsbz_epub.reader.overrides import apply_overrides
from rsbz_epub.reader.pages import parse_page_line, split_pages

TEXT = "人力资源社会保障\n2021年10月21日 第40期\n\n标题\n\n正文，内容。\n"

# ------------------------------------------------------------------ decode


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), None),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), None),
        (TEXT.encode("utf-16"), None),  # Python writes the BOM
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), None),
        (TEXT.encode("gb18030"), None),
        (TEXT.encode("gbk"), "gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gb18030-detected", "gbk-forced"],
)
def test_decode_encodings(data, encoding):
    text, _ = decode(data, encoding)
    assert text == TEXT


def test_decode_names_the_fallback_encoding():
    _, diags = decode(TEXT.encode("gb18030"))
    assert [d.code for d in diags] == ["R001"] and "gb18030" in diags[0].message


@pytest.mark.parametrize(
    "data, encoding, words",
    [
        (b"", None, "empty"),
        (b"  \n\n ", None, "empty"),
        (b"%PDF-1.7\x00\x01\x02\x03binary", None, "binary"),
        (bytes(range(1, 32)) * 20, None, "binary"),
        (TEXT.encode("gb18030"), "utf-8", "cannot be decoded as utf-8"),
        (TEXT.encode("utf-8"), "no-such-codec", "unknown encoding"),
    ],
)
def test_decode_refuses_with_what_and_hint(data, encoding, words):
    with pytest.raises(DataError) as info:
        decode(data, encoding)
    assert words in info.value.what
    assert info.value.hint


# ------------------------------------------------------------------ lines


def test_lines_crlf_cr_and_form_feeds_keep_input_numbers():
    lines, _ = split_lines("一\r\n二\r三\n\f四\n五\f六")
    assert [(ln.no, ln.text, ln.feed) for ln in lines] == [
        (1, "一", False),
        (2, "二", False),
        (3, "三", False),
        (4, "四", True),
        (5, "五", False),
        (5, "六", True),
    ]


def test_lines_remove_xml_forbidden_characters_and_count_them():
    lines, diags = split_lines("正\x01文\x1b\n好\x7f\n")
    assert [ln.text for ln in lines][:2] == ["正文", "好\x7f"]  # DEL is legal XML
    assert [(d.code, d.line) for d in diags] == [("R002", 1)]
    assert "2 control" in diags[0].message


def test_lines_indent_is_seen():
    lines, _ = split_lines("\u3000\u3000段落\n  段落\n段落")
    assert [ln.indent for ln in lines] == [True, True, False]


# ------------------------------------------------------------------ normalize

PUNCTUATION = [
    ("为进一步扩大影响,营造氛围", "为进一步扩大影响，营造氛围"),
    ("第40期(周四出版)上海", "第40期（周四出版）上海"),
    ("上线啦!我们", "上线啦！我们"),
    ("好在哪儿呢?根据", "好在哪儿呢？根据"),
    ("如下三个方面:", "如下三个方面："),
    ("一是;二是", "一是；二是"),
    ("打开抖音APP,搜索", "打开抖音APP，搜索"),
    ("抖音号: shanghai renshe", "抖音号：shanghai renshe"),
    ("增长3.5%,其中", "增长3.5%，其中"),
    ("今天10:30起", "今天10:30起"),
    ("共3,500人", "共3,500人"),
    ("Hello, world (yes)!", "Hello, world (yes)!"),
    ("访问https://www.example.cn/a?b=1,或致电", "访问https://www.example.cn/a?b=1，或致电"),
    ("邮件至jtjy@jcmetro.example.cn反映", "邮件至jtjy@jcmetro.example.cn反映"),
    ("“上海人社”(shanghai renshe)", "“上海人社”（shanghai renshe）"),
    ("在第5(5)(b)段说明", "在第5(5)(b)段说明"),  # a clause's number is one token, as printed
    ("函数f(x)的值", "函数f(x)的值"),
    ("国内生产总值GDP(按年计)增长", "国内生产总值GDP（按年计）增长"),  # Chinese inside: Chinese brackets
    ("第(3)条", "第（3）条"),
    ("节目Bergenbanen(https://example.com/v)，是由", "节目Bergenbanen（https://example.com/v），是由"),  # not a sub-clause
]


@pytest.mark.parametrize("raw, expected", PUNCTUATION)
def test_punctuation_width(raw, expected):
    assert normalize_punctuation(raw) == expected


# ------------------------------------------------------------------ masthead

MASTHEADS = [
    (
        "人力资源社会保障\n\nRENLI ZIYUAN SHEHUI BAOZHANG\n\n2021年10月21日 第40期（周四出版）上海市人力资源和社会保障局主管\n\n正文开始了，很长的一段话。",
        dict(paper="人力资源社会保障", paper_latin="RENLI ZIYUAN SHEHUI BAOZHANG", date=dt.date(2021, 10, 21), issue_number=40, weekday="星期四", supervisor="上海市人力资源和社会保障局"),
    ),
    (
        "江城晚报\nJIANGCHENG EVENING NEWS\n2023.11.2 星期四\n第10523期 江城日报报业集团主管主办\n\n正文。",
        dict(paper="江城晚报", date=dt.date(2023, 11, 2), issue_number=10523, supervisor="江城日报报业集团", publisher="江城日报报业集团"),
    ),
    (
        "劳动报\nLAODONG BAO\n上海市总工会主办\n二〇二四年三月十四日 星期四\n总第9876期 今日4版\n\n正文。",
        dict(paper="劳动报", date=dt.date(2024, 3, 14), issue_number=None, total_issue_number=9876, publisher="上海市总工会"),
    ),
]


def _lines(text):
    return split_lines(text)[0]


@pytest.mark.parametrize("text, fields", MASTHEADS)
def test_masthead_fields(text, fields):
    meta, consumed, _ = read_masthead(_lines(text), Publication())
    for name, value in fields.items():
        assert getattr(meta, name) == value, name
    assert consumed and max(consumed) < len(text.splitlines())  # body text is not eaten


def test_masthead_missing_fields_are_warnings_with_config_defaults():
    pub = Publication(title="某某报", publisher="某某报社", slug="mmb", issn="1234-5679")
    meta, consumed, diags = read_masthead(_lines("标题一则\n\n正文很长的一段，没有报头。"), pub)
    assert (meta.paper, meta.publisher, meta.publication_slug, meta.issn) == ("某某报", "某某报社", "mmb", "1234-5679")
    assert meta.date is None and meta.issue_number is None
    assert sorted(d.code for d in diags if d.severity == "warning") == ["R003", "R003", "R003"]
    assert not consumed


# ------------------------------------------------------------------ pages

PAGE_LINES = [
    ("第3版", "3", None),
    ("第三版", "3", None),
    ("3版", "3", None),
    ("A3版", "A3", None),
    ("第03版 要闻", "3", "要闻"),
    ("【第三版】", "3", None),
    ("第3版：综合", "3", "综合"),
    ("第十二版", "12", None),
    ("2021年10月21日 星期四 第3版 要闻", "3", "要闻"),
    ("2024年3月14日 星期四 第2版 要闻 责任编辑 王敏", "2", "要闻"),
    ("人力资源社会保障 2021年10月21日 第2版", "2", None),
]


@pytest.mark.parametrize("text, label, name", PAGE_LINES)
def test_page_lines(text, label, name):
    assert parse_page_line(text, Publication()) == type(parse_page_line("第1版"))(label=label, name=name)


@pytest.mark.parametrize("text", ["本报第3版刊登了相关报道", "第3版的文章很长，值得一读。", "三版本", "3", "第二版）"])
def test_not_page_lines(text):
    assert parse_page_line(text, Publication()) is None


def test_pages_split_on_feeds_and_markers_and_drop_running_headers():
    text = "甲文一段。\n\f人力资源社会保障 第2版\n乙文。\n\f人力资源社会保障 第3版\n丙文。\n\f丁文。"
    chunks, diags = split_pages(_lines(text), Publication())
    assert [(c.label, c.marked) for c in chunks] == [("1", False), ("2", True), ("3", True), ("4", True)]
    assert [[ln.text for ln in c.lines if ln.text] for c in chunks] == [["甲文一段。"], ["乙文。"], ["丙文。"], ["丁文。"]]


def test_a_contents_boxs_page_references_are_text_of_its_page():
    body = "第1版\n本期导读\n理论\n第九版\n解码·教育优质均衡发展\n教育如何应对人工智能大考\n第十版\n电从太空来\n第十九版\n"
    chunks, _ = split_pages(_lines(body + "\f第2版 要闻\n乙文。"), Publication())
    assert [c.label for c in chunks] == ["1", "2"]
    assert [ln.text for ln in chunks[0].lines if ln.text][-3:] == ["第十版", "电从太空来", "第十九版"]  # in place, none lost
    page_three = "第3版\n" + "一篇完整的文章，正文一段又一段，印在第三版上，排在第二版的前面。\n" * 5
    chunks, diags = split_pages(_lines("第1版\n甲文。\n" + page_three + "第2版\n乙文。"), Publication())
    assert [c.label for c in chunks] == ["1", "3", "2"]  # a page printed out of order stays a page
    assert [d.code for d in diags] == ["R005"]
    chunks, diags = split_pages(_lines("第1版 要闻\n甲文。\n第2版\n\f第3版 要闻\n丙文。"), Publication())
    assert [c.label for c in chunks] == ["1", "3"] and not diags  # a bare folio another page line follows names no page


def test_pages_without_marker_are_one_unmarked_page():
    chunks, _ = split_pages(_lines("标题\n\n正文。"), Publication())
    assert [(c.label, c.marked) for c in chunks] == [("1", False)]


# ------------------------------------------------------------------ jumps

JUMPS = [
    ("(下接三版)", "continued-on", "3"),
    ("（下转第2版）", "continued-on", "2"),
    ("(转第4版)", "continued-on", "4"),
    ("（转A3版）", "continued-on", "A3"),
    ("(上接一版)", "continued-from", "1"),
    ("（上接第1版）", "continued-from", "1"),
    ("(接第1版)", "continued-from", "1"),
    ("（下转第十二面）", "continued-on", "12"),
    ("(上接第２版)", "continued-from", "2"),
]


@pytest.mark.parametrize("text, direction, page", JUMPS)
def test_jump_markers(text, direction, page):
    jump = only_marker(text, 7)
    assert (jump.direction, jump.page, jump.text, jump.line) == (direction, page, text, 7)


def test_jump_at_paragraph_end_and_start():
    body, jump = split_trailing("……实现新的跨越。（下接三版）", 3)
    assert body == "……实现新的跨越。" and jump.page == "3"
    jump, body = split_leading("（上接第1版）目前，我们", 9)
    assert body == "目前，我们" and jump.direction == "continued-from"
    assert split_trailing("见（下接三版）后文", 1)[1] is None  # not at the end: left alone
    assert split_trailing("老手艺如何走进新生活？（上接第1版）", 5)[1] is None  # a continued-from is asked for by name
    title, jump = split_trailing("老手艺如何走进新生活？（上接第1版）", 5, "continued-from")
    assert title == "老手艺如何走进新生活？" and (jump.direction, jump.page) == ("continued-from", "1")


# ------------------------------------------------------------------ overrides


def test_overrides_tag_lines_and_strip_marks():
    lines, diags = apply_overrides(_lines("# 强制标题\n## 小标题\n=== 第3版 要闻 ===\n\\# 不是标题\n#上海人社#\n=== ===\n"))
    assert [(ln.force, ln.text) for ln in lines[:6]] == [
        ("title", "强制标题"),
        ("subheading", "小标题"),
        ("page", "第3版 要闻"),
        ("literal", "# 不是标题"),
        (None, "#上海人社#"),
        (None, "=== ==="),
    ]
    assert [d.code for d in diags] == ["R013", "R013", "R013", "R013", "R012"]
