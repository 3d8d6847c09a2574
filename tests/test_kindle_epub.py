"""The Send-to-Kindle EPUB: repairs, refusals, and the rejection-cause checker on broken inputs."""

from __future__ import annotations

import io
import random
import re
import zipfile
from dataclasses import replace

import pytest
from epub_fixtures import rendered_book, sample_book, with_documents, write
from lxml import etree

from rsbz_epub.errors import OutputError
from rsbz_epub.render.book import PageTarget, Resource, TocEntry
from rsbz_epub.writers.kindle_epub import KINDLE_MAX_BYTES, kindle_problems, write_kindle_epub

NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
OPF = "{http://www.idpf.org/2007/opf}"


def kindle(book) -> bytes:
    return write(write_kindle_epub, book)


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(files: dict[str, bytes], first: str = "mimetype") -> bytes:
    """A zip of ``files`` with ``first`` leading (stored), the way a careless tool might write it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(first, files[first], zipfile.ZIP_STORED)
        for name, data in files.items():
            if name != first:
                zf.writestr(name, data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


@pytest.fixture(scope="module")
def good() -> bytes:
    return kindle(sample_book("zh-CN"))


# ---------------------------------------------------------------- the writer


@pytest.mark.parametrize(
    "book",
    [
        sample_book("zh-CN"),
        sample_book("zh-HK", vertical=True),
        rendered_book("paged", target="kindle"),
        rendered_book("flat", target="kindle"),
        rendered_book("print", target="kindle"),
        rendered_book("paged", target="kindle", edition="tw", vertical=True),
    ],
    ids=["sample", "sample-hk-vertical", "paged", "flat", "print-order", "tw-vertical"],
)
def test_kindle_output_has_no_rejection_cause(book):
    data = kindle(book)
    assert kindle_problems(data) == []
    files = entries(data)
    for name, body in files.items():
        if name.endswith((".xml", ".opf", ".ncx", ".xhtml")):
            assert re.match(rb'<\?xml version="1.0" encoding="(?i:utf-8)"\?>', body), name
        assert name.isascii() and " " not in name
    opf = etree.fromstring(files["OEBPS/content.opf"])
    assert opf.findtext("{http://purl.org/dc/elements/1.1/}metadata/{http://purl.org/dc/elements/1.1/}language") is None
    assert opf.xpath("//*[local-name()='language']")[0].text in ("zh-CN", "zh-TW", "zh-HK")


def test_spine_order_equals_ncx_order(good):
    files = entries(good)
    opf = etree.fromstring(files["OEBPS/content.opf"])
    hrefs = {i.get("id"): i.get("href") for i in opf.iter(f"{OPF}item")}
    spine = [hrefs[r.get("idref")] for r in opf.iter(f"{OPF}itemref")]
    ncx = etree.fromstring(files["OEBPS/toc.ncx"])
    docs = [c.get("src").split("#")[0] for c in ncx.iter(f"{NCX}content") if c.getparent().tag == f"{NCX}navPoint"]
    firsts = list(dict.fromkeys(docs))
    assert firsts == [h for h in spine if h in firsts]


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant-TW", "zh", "en", ""])
def test_non_kindle_language_is_refused(language):
    with pytest.raises(OutputError, match="zh-CN, zh-TW, zh-HK"):
        kindle(sample_book(language))


def test_language_case_is_normalised():
    files = entries(kindle(sample_book("zh-cn")))
    assert b"<dc:language>zh-CN</dc:language>" in files["OEBPS/content.opf"]


def test_missing_or_encodingless_declarations_are_added():
    book = sample_book("zh-CN")
    plain = book.documents[2].xhtml.split("\n", 1)[1]
    book = with_documents(book, **{"a-p1-01": plain, "a-p1-02": '<?xml version="1.0"?>\n' + book.documents[3].xhtml.split("\n", 1)[1]})
    files = entries(kindle(book))
    for name in ("OEBPS/text/a-p1-01.xhtml", "OEBPS/text/a-p1-02.xhtml"):
        text = files[name].decode()
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>')
        assert text.count("<?xml") == 1


def test_links_to_a_body_id_are_pointed_at_the_file():
    book = sample_book("zh-CN")
    target = book.documents[3]  # a-p1-02
    source = book.documents[2]  # a-p1-01
    book = with_documents(
        book,
        **{
            "a-p1-02": target.xhtml.replace("<body>", '<body id="top">').replace(
                "</article>", '<p><a href="#top">回到顶部</a></p></article>'),
            "a-p1-01": source.xhtml.replace('href="a-p1-02.xhtml"', 'href="a-p1-02.xhtml#top"'),
        },
    )
    page1 = book.toc[1]
    page1 = replace(page1, children=(page1.children[0], TocEntry("社保卡服务再升级", "text/a-p1-02.xhtml#top")))
    book = replace(
        book,
        toc=(book.toc[0], page1, *book.toc[2:]),
        page_list=(*book.page_list, PageTarget("3", "text/a-p1-02.xhtml#top")),
    )
    files = entries(kindle(book))
    assert kindle_problems(kindle(book)) == []
    assert b'href="a-p1-02.xhtml"' in files["OEBPS/text/a-p1-01.xhtml"]
    assert b'href="a-p1-02.xhtml"' in files["OEBPS/text/a-p1-02.xhtml"]
    assert b"#top" not in files["OEBPS/toc.ncx"]
    # The untouched link with a real fragment keeps it.
    assert b'href="a-p2-01.xhtml#page-2"' in files["OEBPS/text/a-p1-01.xhtml"]


def test_images_without_src_are_dropped():
    book = sample_book("zh-CN")
    doc = book.documents[3]
    book = with_documents(book, **{"a-p1-02": doc.xhtml.replace(
        "</article>", '<p>甲<img alt="空"/>乙<img src="" alt="空"></img>丙</p></article>')})
    files = entries(kindle(book))
    text = files["OEBPS/text/a-p1-02.xhtml"].decode()
    assert "<img" not in text and "<p>甲乙丙</p>" in text


def test_over_fifty_megabytes_is_a_hard_error():
    noise = random.Random(0).randbytes(KINDLE_MAX_BYTES + 1000)  # incompressible
    book = sample_book("zh-CN")
    book = replace(book, resources=(*book.resources, Resource("big", "images/big.jpg", "image/jpeg", noise)))
    with pytest.raises(OutputError, match="over Send to Kindle's 50 MB limit"):
        kindle(book)


def test_size_limit_is_checked_before_anything_is_written():
    out = io.BytesIO()
    with pytest.raises(OutputError):
        write_kindle_epub(sample_book("zh-CN"), out, max_bytes=1000)
    assert out.getvalue() == b""


# ---------------------------------------------------------------- the checker itself


def _break(good: bytes, name: str, fix) -> bytes:
    files = entries(good)
    return rezip({**files, name: fix(files[name])})


OPF_NAME, NCX_NAME, ART = "OEBPS/content.opf", "OEBPS/toc.ncx", "OEBPS/text/a-p1-01.xhtml"


def _broken_inputs(good: bytes):
    strip_decl = lambda b: b.split(b"\n", 1)[1]  # noqa: E731
    yield "no XML declaration with an encoding", _break(good, ART, strip_decl)
    yield "no XML declaration with an encoding", _break(good, ART, lambda b: b.replace(b' encoding="UTF-8"', b""))
    yield "no XML declaration with an encoding", _break(good, OPF_NAME, strip_decl)
    yield "no XML declaration with an encoding", _break(good, NCX_NAME, strip_decl)
    yield "no XML declaration with an encoding", _break(good, "META-INF/container.xml", strip_decl)
    yield "dc:language is 'zh-Hans'", _break(good, OPF_NAME, lambda b: b.replace(b">zh-CN<", b">zh-Hans<"))
    yield "no dc:language", _break(good, OPF_NAME, lambda b: re.sub(rb"<dc:language>.*?</dc:language>", b"", b))
    files = entries(good)
    renamed = {("OEBPS/text/文章.xhtml" if n == ART else n): d for n, d in files.items()}
    yield "not plain ASCII", rezip(renamed)
    spaced = {("OEBPS/text/a p1.xhtml" if n == ART else n): d for n, d in files.items()}
    yield "not plain ASCII", rezip(spaced)
    yield "spine order ≠ NCX order", _break(good, OPF_NAME, lambda b: b.replace(
        b'<itemref idref="a-p1-01"/>\n    <itemref idref="a-p1-02"/>',
        b'<itemref idref="a-p1-02"/>\n    <itemref idref="a-p1-01"/>'))
    yield "points to a <body> id", rezip({
        **files,
        ART: files[ART].replace(b"<body>", b'<body id="b1">'),
        "OEBPS/text/a-p1-02.xhtml": files["OEBPS/text/a-p1-02.xhtml"].replace(
            b"</article>", b'<p><a href="a-p1-01.xhtml#b1">x</a></p></article>'),
    })
    yield "points to a <body> id", rezip({
        **files,
        ART: files[ART].replace(b"<body>", b'<body id="b1">'),
        NCX_NAME: files[NCX_NAME].replace(b'src="text/a-p1-01.xhtml"', b'src="text/a-p1-01.xhtml#b1"'),
    })
    yield "<img> without src", _break(good, ART, lambda b: b.replace(b"</article>", b'<img alt="x"/></article>'))
    yield "not well-formed", _break(good, NCX_NAME, lambda b: b[: len(b) // 2])
    yield "points to a missing id", _break(good, NCX_NAME, lambda b: b.replace(b"#page-2", b"#nowhere"))
    yield "points to a missing id", _break(good, NCX_NAME, lambda b: b.replace(
        b'src="text/a-p1-02.xhtml"', b'src="text/a-p1-02.xhtml#nowhere"'))
    yield "does not point to a spine document", _break(good, NCX_NAME, lambda b: b.replace(
        b'src="text/contents.xhtml"', b'src="nav.xhtml"'))
    yield "missing from the zip", rezip({n: d for n, d in files.items() if n != "OEBPS/images/photo.jpg"})
    yield "first zip entry", rezip(files, first="META-INF/container.xml")
    yield "no EPUB 3 navigation document", _break(good, OPF_NAME, lambda b: b.replace(b' properties="nav"', b""))
    yield "no readable NCX", _break(good, OPF_NAME, lambda b: b.replace(b' toc="ncx"', b""))
    yield "no readable package document", rezip({n: d for n, d in files.items() if n != OPF_NAME})
    yield "not a zip file", b"PK\x03\x04 this is not really a zip"


def test_checker_passes_the_good_file(good):
    assert kindle_problems(good) == []


def test_checker_reports_the_size_limit(good):
    problems = kindle_problems(good, max_bytes=len(good) - 1)
    assert len(problems) == 1 and "over Send to Kindle's limit" in problems[0]


@pytest.mark.parametrize("case", range(23))
def test_checker_finds_each_rejection_cause(good, case):
    cases = list(_broken_inputs(good))
    assert len(cases) == 23
    expected, data = cases[case]
    problems = kindle_problems(data)
    assert any(expected in p for p in problems), (expected, problems)
