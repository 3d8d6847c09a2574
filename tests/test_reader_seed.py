"""Acceptance on the real seed issue (examples/rsbz-2021-40.txt)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from rsbz_epub.model import PageJump, Paragraph, Subheading
from rsbz_epub.reader import read_issue
from rsbz_epub.transforms.stitch import stitch_jumps

SEED_TITLES = ["“外交官走进世赛”主题活动在沪成功举办", "赵永峰局长在“局长走流程”推进大会上的讲话"]
BREAKS = [
    ("打造职业教", "育培训"),
    ("并对", "世界技能组织"),
    ("我国申办", "世赛时"),
    ("充分发挥", "世赛溢出效应"),
    ("介绍了", "各自开展"),
    ("刀刃向内的", "的勇气"),
    ("就等于是在", "出办公室"),
]


@pytest.fixture(scope="module")
def seed(examples_dir):
    return read_issue((examples_dir / "rsbz-2021-40.txt").read_bytes())


def _paragraphs(article):
    return [b for b in article.blocks if isinstance(b, Paragraph)]


def test_two_articles_and_the_promo(seed):
    arts = seed.articles()
    assert [a.title for a in arts if a.kind == "article"] == SEED_TITLES
    promos = [a for a in arts if a.kind == "promo"]
    assert len(promos) == 1 and "抖音" in promos[0].title
    assert "刚才，5家单位分别介绍了" not in [a.title for a in arts]


def test_paragraph_counts_and_subheading(seed):
    first, second = [a for a in seed.articles() if a.kind == "article"]
    assert (len(_paragraphs(first)), len(_paragraphs(second))) == (9, 7)
    subs = [b.text for b in second.blocks if isinstance(b, Subheading)]
    assert subs == ["一、深入领会李强书记重要批示精神，充分认识开展“局长走流程”活动的重大意义"]


@pytest.mark.parametrize("left, right", BREAKS)
def test_every_column_break_is_rejoined(seed, left, right):
    texts = [p.text for a in seed.articles() for p in _paragraphs(a)]
    assert any(left + right in t for t in texts)


def test_breaks_are_recorded_and_the_doubled_character_warned(seed):
    joins = [j for a in seed.articles() for p in _paragraphs(a) for j in p.joins]
    assert len(joins) == 7
    doubled = [d for d in seed.diagnostics if d.code == "R007"]
    assert [(d.line, d.severity) for d in doubled] == [(66, "warning")]
    assert any("刀刃向内的的勇气" in p.text for a in seed.articles() for p in _paragraphs(a))


def test_masthead(seed):
    assert seed.meta.date == dt.date(2021, 10, 21)
    assert seed.meta.issue_number == 40
    assert seed.meta.paper == "人力资源社会保障"
    assert seed.meta.supervisor == "上海市人力资源和社会保障局"


def test_single_unmarked_page(seed):
    assert [(p.label, p.marked) for p in seed.pages] == [("1", False)]


def test_jump_kept_and_unresolved_after_stitch(seed):
    last = seed.articles()[-1].blocks[-1]
    assert isinstance(last, PageJump) and (last.direction, last.page, last.text) == ("continued-on", "3", "（下接三版）")
    stitched = stitch_jumps(seed)
    assert stitched.articles()[-1].blocks[-1] == last
    warnings = [d for d in stitched.diagnostics if d.code == "S001"]
    assert len(warnings) == 1 and warnings[0].severity == "warning" and warnings[0].line == 74


def test_no_half_width_punctuation_left_inside_chinese(seed):
    han = r"[\u4e00-\u9fff“”]"
    for art in seed.articles():
        for text in [art.title, *(getattr(b, "text", "") for b in art.blocks)]:
            assert not re.search(rf"{han}[,():;!?]|[,():;!?]{han}", text), text
