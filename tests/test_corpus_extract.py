"""What the extraction scripts make of a source's own text (corpus/extract/): pure functions, no fetched data."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus" / "extract"))

from cmnrag import split_glued_head  # type: ignore[import-not-found]  # noqa: E402
from hkcnews import latest_versions, without_retitled_copies  # type: ignore[import-not-found]  # noqa: E402

_TEXT = "在本轮强降雨过程中，市防汛抗旱指挥部持续调整防汛预警等级，切实保障人民群众生命财产安全。"


def test_a_head_glued_to_the_paragraph_above_is_split_off_even_over_a_date() -> None:
    # the dump lost the line break before the head; the next paragraph opens with a date
    assert split_glued_head(_TEXT + "科技支撑联动守护平安", "7月10日22时至13日8时，葫芦岛地区出现强降水") == (_TEXT, "科技支撑联动守护平安")
    assert split_glued_head(_TEXT + "AI深度嵌入，从经验驱动到智能预警", "6月6日20时至7日20时，") == (
        _TEXT, "AI深度嵌入，从经验驱动到智能预警",
    )


def test_a_briefs_reporters_stay_with_it_and_the_next_briefs_place_heads_what_follows() -> None:
    assert split_glued_head(_TEXT + "（刘根强）宝丰", "针对“白海豚”可能带来的强风雨，8月10日，") == (_TEXT + "（刘根强）", "宝丰")


def test_a_name_or_figure_the_line_break_cut_is_no_head() -> None:
    assert split_glued_head(_TEXT + "随后，风云四号", "B星快扫云图与 C星闪电融合产品入驻") is None
    assert split_glued_head(_TEXT + "累计雨量达1", "21.1毫米的站点有") is None
    assert split_glued_head(_TEXT + "我们将精细化气象服务贯穿水稻生长全过程——", "育苗移栽期，提醒农户") is None


def test_an_article_the_archive_keeps_under_several_numbers_is_read_once_in_its_latest_version() -> None:
    entries = [
        (257, "articles/1-1000/article_257.md", '"牧師的新一年"'),
        (180, "articles/1-1000/article_180.md", '"牧師的新一年"'),
        (184, "articles/1-1000/article_184.md", '"另一篇"'),
        (255, "articles/1-1000/article_255.md", '"牧師的新一年"'),
    ]
    assert latest_versions(entries) == [(184, "articles/1-1000/article_184.md"), (257, "articles/1-1000/article_257.md")]


def test_a_copy_retitled_under_a_later_number_is_read_once_in_its_later_version() -> None:
    body = [["p", "去年12月中收到李月華的訊息。"]]
    day = [
        {"title": "牧師的新一年", "body": body, "prov": {"path": "article_180.md"}},
        {"title": "另一篇", "body": [["p", "另一篇的正文。"]], "prov": {"path": "article_184.md"}},
        {"title": "牧師的新一年（更新）", "body": body, "prov": {"path": "article_257.md"}},
    ]
    assert [r["prov"]["path"] for r in without_retitled_copies(day)] == ["article_184.md", "article_257.md"]
