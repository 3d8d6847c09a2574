"""The proof page as HTML: every input line once, roles, confidence, joins, warnings, escaping, no fetch."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from build_support import CORPUS, EXAMPLES, HELDOUT, options_for
from proof_support import SEED, input_lines, page_lines, proof_of
from rsbz_epub.model import Diagnostic
from rsbz_epub.proof import proof_page, read_traced
from rsbz_epub.reader.trace import LineRole
from rsbz_epub.render.proof import book_css, proof_counts
from rsbz_epub.render.proof_source import least_certain


@pytest.mark.parametrize("path", EXAMPLES + CORPUS + HELDOUT, ids=lambda p: p.stem)
def test_every_input_line_appears_once_in_order(path: Path) -> None:
    lines = page_lines(proof_of(path))
    expected = input_lines(path.read_bytes())
    assert [i for i, _ in lines] == [f"L{n}" for n in range(1, len(expected) + 1)]
    assert [t for _, t in lines] == expected


def _traced(text: str):
    data = text.encode("utf-8")
    issue, trace = read_traced(data, options_for(SEED))
    return issue, trace


HOSTILE = "人力资源社会保障\n\n2021年10月21日 第40期\n\n第1版\n\n<script>alert(1)</script>\n\n</p>正文里的</p>标记和&amp;符号，还有\"引号\"。\n"


def test_markup_in_the_input_is_shown_as_text() -> None:
    issue, trace = _traced(HOSTILE)
    html = proof_page(issue, trace, "x<y>.txt").decode()
    tree = lxml.html.fromstring(html)
    assert len(tree.xpath("//script")) == 2  # the page's strings and its own script, nothing from the input
    texts = [t for _, t in page_lines(html)]
    assert "<script>alert(1)</script>" in texts
    assert '</p>正文里的</p>标记和&amp;符号，还有"引号"。' in texts
    assert "x<y>.txt" in tree.xpath("string(//code)")
    book_text = tree.xpath('string(//*[@class="book"])')
    assert "<script>alert(1)</script>" in book_text and "</p>正文里的</p>" in book_text


def test_the_page_fetches_nothing() -> None:
    html = proof_of(SEED)
    assert 'http-equiv="Content-Security-Policy"' in html and "default-src 'none'" in html
    tree = lxml.html.fromstring(html)
    for el in tree.iter():
        for name in ("src", "href", "action", "data", "poster"):
            value = el.get(name)
            if value is not None and name != "href":
                assert value.startswith("data:"), (el.tag, name, value)
            if name == "href" and value is not None:
                assert value.startswith(("#", "data:")), (el.tag, value)
    assert not re.search(r"url\((?!data:)", html)
    assert "@import" not in html


def test_book_css_is_inlined_and_scoped_to_the_right_side() -> None:
    css = book_css()
    assert css.startswith("@scope (.book) {")
    assert "text-indent: 2em" in css and "body" not in css
    assert css in proof_of(SEED)


def test_roles_joins_and_warnings_are_on_their_lines() -> None:
    tree = lxml.html.fromstring(proof_of(SEED))
    li = {e.get("id"): e for e in tree.xpath('//*[@id="src"]//li')}
    assert li["L22"].get("data-r") == "title" and "r-title" in li["L22"].get("class")
    assert li["L60"].get("data-r") == "section"
    assert "j" in li["L28"].get("class").split()  # 打造职业教 / 育培训… rejoined after line 28
    assert "j" not in li["L30"].get("class").split()
    warning = li["L66"].xpath('.//span[contains(@class,"w")]')
    assert warning and "R007" in warning[0].text_content()
    _, trace = _traced(SEED.read_text(encoding="utf-8"))
    conf = {r.no: r.confidence for r in trace}
    assert li["L22"].get("data-c") == str(round(conf[22] * 100)) and li["L21"].get("data-c") is None  # blank lines have none
    assert 50 <= int(li["L22"].get("data-c")) <= 100  # the model's own probability for the title


def test_least_certain_lines_are_highlighted_and_listed() -> None:
    issue, trace = _traced(SEED.read_text(encoding="utf-8"))
    unsure = {24: 0.31, 28: 0.62, 30: 0.9}
    trace = tuple(LineRole(r.no, r.text, r.role, unsure.get(r.no, 1.0), r.joined) for r in trace)
    assert [r.no for r in least_certain(trace)] == [24, 28, 30]
    tree = lxml.html.fromstring(proof_page(issue, trace, "seed.txt").decode())
    low = [e.get("id") for e in tree.xpath('//*[@id="src"]//li[contains(concat(" ",@class," ")," low ")]')]
    assert low == ["L24", "L28", "L30"]
    assert tree.xpath('//*[@id="L24"]/@data-c') == ["31"]
    listed = tree.xpath('//ol[@class="unsure"]/li/a/@href')
    assert listed == ["#L24", "#L28", "#L30"]


def test_a_role_the_page_does_not_know_gets_a_neutral_band() -> None:
    issue, trace = _traced(SEED.read_text(encoding="utf-8"))
    trace = tuple(LineRole(r.no, r.text, "pull-quote" if r.no == 24 else r.role, r.confidence, r.joined) for r in trace)
    tree = lxml.html.fromstring(proof_page(issue, trace, "seed.txt").decode())
    assert tree.xpath('//*[@id="L24"]/@class')[0].split()[:2] == ["ln", "r-pull-quote"]
    assert tree.xpath('//*[@id="L24"]/@data-r') == ["pull-quote"]
    assert tree.xpath('//ul[@class="legend"]//span[@data-r="pull-quote"]')


def test_warnings_without_a_line_go_to_the_summary() -> None:
    issue, trace = _traced(SEED.read_text(encoding="utf-8"))
    issue = type(issue)(issue.meta, issue.pages, issue.diagnostics + (Diagnostic("X999", "a whole-file <note>"),))
    tree = lxml.html.fromstring(proof_page(issue, trace, "seed.txt").decode())
    assert "X999 a whole-file <note>" in tree.xpath('string(//ul[@class="file-w"])')


def test_summary_counts_what_the_issue_holds() -> None:
    issue, trace = _traced(SEED.read_text(encoding="utf-8"))
    c = proof_counts(issue)
    assert (c.pages, c.articles, c.paragraphs, c.rejoined, c.stitched, c.unresolved) == (1, 3, 18, 7, 0, 1)
    tree = lxml.html.fromstring(proof_page(issue, trace, "seed.txt").decode())
    assert tree.xpath('string(//*[@id="count-rejoined"]/dd)') == "7"
    ledes = tree.xpath('//details[@class="ledes"]//li')
    assert len(ledes) == 3
    assert ledes[1].xpath("string(.//a)") == "“外交官走进世赛”主题活动在沪成功举办"
    assert ledes[1].xpath('string(.//span[@class="lede"])').startswith("为进一步扩大上海第46届世界技能大赛的影响力和知晓度")


def test_stitched_jumps_are_counted_and_every_right_side_part_points_at_a_line() -> None:
    path = next(p for p in CORPUS if p.stem == "jcwb-2023-11-02")
    html = proof_of(path)
    issue, _ = read_traced(path.read_bytes(), options_for(path))
    assert proof_counts(issue).stitched > 0
    tree = lxml.html.fromstring(html)
    n_lines = len(tree.xpath('//*[@id="src"]//li'))
    marks = [int(v) for v in tree.xpath('//*[@class="book"]//@data-l')]
    assert marks and all(1 <= m <= n_lines for m in marks)
    for href in tree.xpath('//*[@class="book"]//a/@href'):
        assert href.startswith("#") and tree.xpath(f'//*[@id="{href[1:]}"]'), href


def test_traditional_proof_shows_the_converted_issue_beside_the_raw_input() -> None:
    from rsbz_epub.bundle import build_issue

    build = build_issue(SEED.read_bytes(), options_for(SEED, editions=("tw",), formats=("epub",), proof=True), SEED.name)
    pages = {ed.edition: next(f for f in ed.files if f.name == "proof.html").data.decode() for ed in build.editions}
    tw = lxml.html.fromstring(pages["tw"])
    assert "為進一步擴大" in tw.xpath('string(//*[@class="book"])')
    assert [t for _, t in page_lines(pages["tw"])] == input_lines(SEED.read_bytes())
