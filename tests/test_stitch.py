"""stitch_jumps on hand-built issues: matching by pages and titles, merging, two-way links, warnings."""

from __future__ import annotations

from rsbz_epub.model import Article, Issue, IssueMeta, Page, PageBreak, PageJump, Paragraph
from rsbz_epub.transforms.stitch import stitch_jumps


def on(page: str, line: int) -> PageJump:
    return PageJump("continued-on", page, f"（下转第{page}版）", line)


def back(page: str, line: int) -> PageJump:
    return PageJump("continued-from", page, f"（上接第{page}版）", line)


def para(text: str, line: int) -> Paragraph:
    return Paragraph(text, line)


def issue(*pages: Page) -> Issue:
    return Issue(meta=IssueMeta(paper="报"), pages=pages)


START = Article("p1-1", "本市出台十条措施支持重点群体就业", 10, blocks=(para("第一段。", 12), para("第二段说到一半", 14), on("3", 14)))
OTHER_START = Article("p1-2", "市总工会发布实事项目", 20, blocks=(para("实事项目。", 22), on("3", 22)))
CONT_WRONG = Article("p3-1", "市总工会发布实事项目", 40, blocks=(back("1", 41), para("工会的后半。", 43)))
CONT_RIGHT = Article("p3-2", "十条措施支持重点群体就业", 50, blocks=(back("1", 51), para("又说完了。", 53), para("第四段。", 55)))
UNRELATED = Article("p3-3", "春耕", 60, blocks=(para("田野。", 62),))


def three_on_page_3() -> Issue:
    return issue(
        Page("1", (START, OTHER_START), 1),
        Page("3", (CONT_WRONG, CONT_RIGHT, UNRELATED), 30),
    )


def test_each_start_gets_the_continuation_with_its_title():
    out = stitch_jumps(three_on_page_3())
    first, second = out.pages[0].articles
    assert first.blocks == (
        para("第一段。", 12),
        Paragraph("第二段说到一半又说完了。", 14, joins=(53,)),
        PageBreak("3", 53),
        para("第四段。", 55),
    )
    assert second.blocks == (para("实事项目。", 22), PageBreak("3", 40), para("工会的后半。", 43))
    assert [a.id for a in out.pages[1].articles] == ["p3-3"]
    assert [d.code for d in out.diagnostics] == ["S003", "S003"]


def test_keep_print_order_links_both_ways():
    out = stitch_jumps(three_on_page_3(), keep_print_order=True)
    arts = {a.id: a for a in out.articles()}
    assert len(arts) == 5
    assert arts["p1-1"].blocks[-1].target == "p3-2" and arts["p3-2"].blocks[0].target == "p1-1"
    assert arts["p1-2"].blocks[-1].target == "p3-1" and arts["p3-1"].blocks[0].target == "p1-2"


def test_missing_page_keeps_the_jump_and_warns():
    lone = issue(Page("1", (START,), 1))
    out = stitch_jumps(lone)
    assert out.pages == lone.pages
    (warning,) = [d for d in out.diagnostics if d.code == "S001"]
    assert warning.severity == "warning" and warning.line == 14 and "not in this issue" in warning.message


def test_continuation_without_start_warns():
    out = stitch_jumps(issue(Page("3", (CONT_RIGHT,), 30)))
    assert out.pages[0].articles[0].blocks[0] == back("1", 51)
    assert [d.code for d in out.diagnostics] == ["S002"]


def test_a_chain_of_three_pages_reads_in_one_piece():
    a = Article("p1-1", "长文", 1, blocks=(para("一。", 2), on("2", 2)))
    b = Article("p2-1", "长文", 10, blocks=(back("1", 11), para("二。", 12), on("4", 12)))
    c = Article("p4-1", "长文", 20, blocks=(back("2", 21), para("三。", 22)))
    out = stitch_jumps(issue(Page("1", (a,), 1), Page("2", (b,), 9), Page("4", (c,), 19)))
    assert [p.label for p in out.pages] == ["1"]
    assert out.pages[0].articles[0].blocks == (para("一。", 2), PageBreak("2", 10), para("二。", 12), PageBreak("4", 20), para("三。", 22))


def test_untitled_continuation_matches_by_page_alone():
    cont = Article("p3-1", "（接第1版）", 40, blocks=(back("1", 40), para("后半。", 41)))
    out = stitch_jumps(issue(Page("1", (START,), 1), Page("3", (cont,), 39)))
    (merged,) = out.articles()
    assert merged.blocks == (para("第一段。", 12), Paragraph("第二段说到一半后半。", 14, joins=(41,)), PageBreak("3", 41))


def test_jump_to_a_page_whose_article_points_elsewhere_is_not_stitched():
    cont = Article("p3-1", "本市出台十条措施支持重点群体就业", 40, blocks=(back("2", 40), para("后半。", 41)))
    out = stitch_jumps(issue(Page("1", (START,), 1), Page("3", (cont,), 39)))
    assert len(out.articles()) == 2
    assert sorted(d.code for d in out.diagnostics) == ["S001", "S002"]


def test_stitch_is_pure():
    before = three_on_page_3()
    stitch_jumps(before)
    assert before == three_on_page_3()
