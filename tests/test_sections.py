"""The numbering hierarchy 一、 > （一） > 1. > （1） as h2 > h3 > h4, the first two levels in nav and NCX."""

from __future__ import annotations

import pytest
from lxml import etree

from build_support import NS, Epub, built
from rsbz_epub.model import Article, Issue, IssueMeta, Page, Paragraph, Subheading
from rsbz_epub.transforms.sections import numbering_rank, section_levels

SPEECH = "rsbz-2021-41.txt"  # 一、 with （一） under it


@pytest.mark.parametrize(
    "text, rank",
    [
        ("一、充分肯定成绩", 0),
        ("十二，扎实推进", 0),
        ("（一）职业技能培训", 1),
        ("(三)补齐短板", 1),
        ("1.课堂对接车间", 2),
        ("2、教师走进企业", 2),
        ("（1）第一步", 3),
        ("(12)第十二步", 3),
        ("1.5万人参加", None),
        ("技能人才工作", None),
        ("一线职工", None),
    ],
)
def test_numbering_rank(text, rank):
    assert numbering_rank(text) == rank


def _article(*heads: str) -> Issue:
    blocks = []
    for n, head in enumerate(heads):
        blocks += [Subheading(head, 2 * n + 2), Paragraph("正文。", 2 * n + 3)]
    return Issue(IssueMeta(paper="报"), (Page("1", (Article("a", "题", 1, blocks=tuple(blocks)),), 1),))


def _levels(issue: Issue) -> list[int]:
    return [b.level for b in section_levels(issue).articles()[0].blocks if isinstance(b, Subheading)]


def test_four_levels_become_h2_to_h5_in_hierarchy_order():
    assert _levels(_article("一、甲", "（一）乙", "1.丙", "（1）丁", "二、戊")) == [2, 3, 4, 5, 2]


def test_levels_are_relative_to_the_styles_an_article_uses():
    assert _levels(_article("（一）甲", "1.乙", "（二）丙")) == [2, 3, 2]
    assert _levels(_article("1.甲", "2.乙")) == [2, 2]


def test_an_unnumbered_head_stays_at_the_top_level():
    assert _levels(_article("一、甲", "（一）乙", "结语")) == [2, 3, 2]


def _epub(fmt: str) -> Epub:
    return Epub.from_bytes(next(f.data for f in built(SPEECH).editions[0].files if f.format == fmt))


@pytest.mark.parametrize("fmt", ["epub", "kindle", "kepub"])
def test_the_speech_keeps_its_outline_as_h2_and_h3(fmt):
    epub = _epub(fmt)
    doc = next(d for _, d in epub.article_docs() if "充分肯定" in etree.tostring(d, encoding="unicode"))
    heads = [(h.tag.split("}")[1], "".join(h.itertext())[:4]) for h in doc.xpath("//x:h2 | //x:h3", namespaces=NS)]
    assert heads[:4] == [("h2", "一、充分"), ("h3", "（一）职"), ("h3", "（二）技"), ("h3", "（三）技")]
    assert ("h2", "二、深刻") in heads and ("h3", "（四）全") in heads


def _nested(ol: etree._Element) -> list:
    out = []
    for li in ol.xpath("x:li", namespaces=NS):
        label = "".join(li.xpath("x:a", namespaces=NS)[0].itertext())
        sub = li.xpath("x:ol", namespaces=NS)
        out.append((label, _nested(sub[0]) if sub else []))
    return out


@pytest.mark.parametrize("fmt", ["epub", "kindle"])
def test_nav_and_ncx_list_the_first_two_levels_under_the_article(fmt):
    epub = _epub(fmt)
    nav = etree.fromstring(epub.files[next(p for p in epub.files if p.endswith("nav.xhtml"))])
    tree = _nested(nav.xpath("//x:nav[@epub:type='toc']/x:ol", namespaces=NS)[0])
    speech = next(a for page in tree for a in page[1] if a[0].startswith("在全市人社系统"))
    sections = speech[1]
    assert [s[0][:2] for s in sections] == ["一、", "二、", "三、"]
    assert [c[0][:3] for c in sections[0][1]] == ["（一）", "（二）", "（三）"]
    assert sections[1][1] == [] and len(sections[2][1]) == 4
    ncx = etree.fromstring(epub.files[next(p for p in epub.files if p.endswith(".ncx"))])
    point = ncx.xpath("//ncx:navPoint[starts-with(ncx:navLabel/ncx:text, '在全市人社系统')]", namespaces=NS)[0]
    kids = point.xpath("ncx:navPoint/ncx:navLabel/ncx:text/text()", namespaces=NS)
    assert [k[:2] for k in kids] == ["一、", "二、", "三、"]
    grandkids = point.xpath("ncx:navPoint[1]/ncx:navPoint/ncx:navLabel/ncx:text/text()", namespaces=NS)
    assert [g[:3] for g in grandkids] == ["（一）", "（二）", "（三）"]
    # Every section link lands on the heading it names.
    for src in point.xpath(".//ncx:navPoint/ncx:content/@src", namespaces=NS):
        path, _, frag = src.partition("#")
        doc = etree.fromstring(epub.files[epub.resolve(path)])
        assert doc.xpath(f"//*[@id='{frag}']", namespaces=NS)[0].tag.split("}")[1] in ("h2", "h3")


def test_azw3_ncx_has_the_sections_too():
    import tempfile
    from pathlib import Path

    from azw3_fixtures import read_with_kindleunpack

    data = next(f.data for f in built(SPEECH).editions[0].files if f.format == "azw3")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speech.azw3"
        path.write_bytes(data)
        back = read_with_kindleunpack(path)
    labels = [label for _, label, _ in back.toc]
    assert any(l.startswith("一、充分肯定") for l in labels) and any(l.startswith("（四）全力") for l in labels)
