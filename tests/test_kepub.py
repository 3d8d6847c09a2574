"""KEPUB: sentence splitting (Chinese and Latin), koboSpans, wrappers, and text left exactly as it was."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

import pytest
from epub_fixtures import rendered_book, sample_book, write
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from rsbz_epub.errors import OutputError
from rsbz_epub.writers.kepub import kepub_book, kepubify_xhtml, write_kepub
from rsbz_epub.writers.sentences import split_sentences

X = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize(
    "text, pieces",
    [
        ("今天。明天！后天？", ["今天。", "明天！", "后天？"]),
        ("先说这个；再说那个……最后", ["先说这个；", "再说那个……", "最后"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("她问：「真的吗？」他答：『是的。』", ["她问：「真的吗？」", "他答：『是的。』"]),
        ("（完。）接着", ["（完。）", "接着"]),
        ("One. Two! Three? Four; five", ["One. ", "Two! ", "Three? ", "Four; ", "five"]),
        ("Version 3.5 and www.12333.gov.cn stay whole.", ["Version 3.5 and www.12333.gov.cn stay whole."]),
        ('He said "yes." Then left.', ['He said "yes." ', "Then left."]),
        ("混合 text. 中文。", ["混合 text. ", "中文。"]),
        ("句子。 后面有空格", ["句子。 ", "后面有空格"]),
        ("没有句末标点", ["没有句末标点"]),
        ("", []),
        ("。", ["。"]),
    ],
)
def test_split_sentences(text, pieces):
    assert split_sentences(text) == pieces


@given(st.text(alphabet="中文字句。！？；…”’」』）.!?; \n\tabcAB12", max_size=80))
def test_split_sentences_loses_nothing(text):
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert all(pieces)


def body_text(xhtml: str) -> str:
    root = etree.fromstring(xhtml.encode())
    return "".join(root.find(f"{X}body").itertext())


def spans_of(xhtml: str) -> list[etree._Element]:
    root = etree.fromstring(xhtml.encode())
    return [s for s in root.iter(f"{X}span") if s.get("class") == "koboSpan"]


BOOKS = {
    "sample": lambda: sample_book(),
    "rendered-paged": lambda: rendered_book("paged"),
    "rendered-flat": lambda: rendered_book("flat"),
    "rendered-print-order": lambda: rendered_book("print"),
    "rendered-tw-vertical": lambda: rendered_book("paged", edition="tw", vertical=True),
}


@pytest.mark.parametrize("name", list(BOOKS))
def test_every_document_keeps_its_text_and_markup(name):
    book = BOOKS[name]()
    after = {d.id: d for d in kepub_book(book).documents}
    for doc in book.documents:
        new = after[doc.id].xhtml
        assert body_text(new) == body_text(doc.xhtml), doc.href
        assert etree.fromstring(new.encode()).findtext(f"{X}head/{X}title") == etree.fromstring(
            doc.xhtml.encode()).findtext(f"{X}head/{X}title")
        if doc.kind == "nav":
            assert new == doc.xhtml  # left alone
            continue
        # Every original element survives, in the same order; only spans, divs and the style are added.
        old_tags = [e.tag for e in etree.fromstring(doc.xhtml.encode()).iter() if isinstance(e.tag, str)]
        new_root = etree.fromstring(new.encode())
        new_tags = [
            e.tag for e in new_root.iter() if isinstance(e.tag, str)
            and not (e.tag == f"{X}span" and e.get("class") == "koboSpan")
            and e.get("id") not in ("book-columns", "book-inner")
            and e.get("class") != "kobostylehacks"
        ]
        assert new_tags == old_tags, doc.href
        # Attributes of original elements are untouched (compare as multisets).
        def attrs(root):
            return Counter(tuple(sorted(e.attrib.items())) for e in root.iter() if isinstance(e.tag, str)
                           and e.get("class") not in ("koboSpan", "kobostylehacks")
                           and e.get("id") not in ("book-columns", "book-inner"))
        assert attrs(new_root) == attrs(etree.fromstring(doc.xhtml.encode())), doc.href


@pytest.mark.parametrize("name", list(BOOKS))
def test_kobo_spans_are_unique_flat_and_cover_all_text(name):
    for doc in kepub_book(BOOKS[name]()).documents:
        if doc.kind == "nav":
            continue
        spans = spans_of(doc.xhtml)
        ids = [s.get("id") for s in spans]
        assert len(ids) == len(set(ids)), doc.href
        assert all(re.fullmatch(r"kobo\.\d+\.\d+", i) for i in ids)
        for span in spans:
            assert not any(a.get("class") == "koboSpan" for a in span.iterancestors()), "nested koboSpan"
        # Every non-blank text node in the body sits inside a koboSpan.
        body = etree.fromstring(doc.xhtml.encode()).find(f"{X}body")
        for node in body.xpath(".//text()[normalize-space()]"):
            owner = node.getparent()
            assert any(e.get("class") == "koboSpan" for e in [owner, *owner.iterancestors()]), (doc.href, str(node))


def test_chinese_paragraph_is_split_into_sentences():
    doc = kepub_book(sample_book()).documents[2]
    texts = [s.text for s in spans_of(doc.xhtml) if s.text]
    assert "今年以来，本市以刀刃向内的勇气推进改革。" in texts
    assert "全年培训人数达到3.5万人次！" in texts
    assert "答案就在基层……" in texts
    assert "随后又补充道：「坚持下去。」" in texts
    assert "Version 3.5 is fine; " in texts


def test_inline_markup_gets_spans_inside_not_around():
    doc = kepub_book(sample_book()).documents[2]
    assert '<em><span class="koboSpan" id="kobo.6.2">继续努力</span></em>' in doc.xhtml
    assert '<a href="a-p1-02.xhtml"><span class="koboSpan"' in doc.xhtml
    assert '<strong><span class="koboSpan" id="kobo.9.6">重点</span><em><span class="koboSpan" id="kobo.9.7">内容</span></em></strong>' in doc.xhtml


def test_body_wrapped_and_style_added_and_images_spanned():
    doc = kepub_book(sample_book()).documents[2]
    root = etree.fromstring(doc.xhtml.encode())
    body = root.find(f"{X}body")
    assert [c.get("id") for c in body] == ["book-columns"]
    assert [c.get("id") for c in body[0]] == ["book-inner"]
    assert root.find(f"{X}head/{X}style").get("class") == "kobostylehacks"
    img = root.find(f".//{X}img")
    assert img.getparent().get("class") == "koboSpan"
    assert doc.xhtml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>')
    # Empty elements stay open/close pairs so HTML-parsing readers agree with XML ones.
    assert 'aria-label="第1版"></span>' in doc.xhtml


_WORD = st.text(alphabet="人社保障。！？；…”」）.!? abc", min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORD, st.sampled_from(["em", "strong", "a", "span", None]), _WORD), min_size=1, max_size=5))
def test_random_paragraphs_keep_text_and_stay_well_formed(parts):
    inner = "".join(
        f"{before}<{tag}>{inside}</{tag}>" if tag else before + inside
        for before, tag, inside in parts
    ).replace("<a>", '<a href="#x">')
    xhtml = ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>'
             f'<body><p id="x">{inner}</p><p>尾。</p></body></html>')
    out = kepubify_xhtml(xhtml)
    assert body_text(out) == body_text(xhtml)
    ids = [s.get("id") for s in spans_of(out)]
    assert len(ids) == len(set(ids))


def test_comments_scripts_and_styles_are_left_alone():
    xhtml = ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title>'
             '<style>p { x: 1; }</style></head><body><p>甲。<!-- 注释。 -->乙。<br/>丙</p>'
             '<svg xmlns="http://www.w3.org/2000/svg"><text>图。</text></svg></body></html>')
    out = kepubify_xhtml(xhtml)
    assert "<!-- 注释。 -->" in out and "<style>p { x: 1; }</style>" in out
    assert [s.text for s in spans_of(out)] == ["甲。", "乙。", "丙"]
    assert body_text(out) == body_text(xhtml)


def test_broken_markup_is_an_output_error():
    with pytest.raises(OutputError, match="not well-formed"):
        kepubify_xhtml("<html><body><p>未闭合</body></html>")


def test_written_kepub_is_a_normal_epub_container():
    data = write(write_kepub, sample_book())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist()[0] == "mimetype"
        assert b"koboSpan" in zf.read("OEBPS/text/a-p1-01.xhtml")
        assert b"koboSpan" not in zf.read("OEBPS/nav.xhtml")
