"""Letter-spacing taken out of headings and bylines (``reader/spacing.py``), and what the reader does with it."""

from __future__ import annotations

import re

import pytest

from rsbz_epub.reader import read_issue
from rsbz_epub.reader.spacing import unspaced


@pytest.mark.parametrize(("printed", "set_close"), [
    ("春 耕 时 节 气 象 服 务 跟 着 农 时 走", "春耕时节气象服务跟着农时走"),  # a headline spread over its column
    ("春　耕　时　节", "春耕时节"),  # with full-width spaces
    ("县 气 象 局  推 出 新 服 务", "县气象局  推出新服务"),  # a wider gap parts two words and stays
    ("“ 放 心 消 费 ” 行 动", "“放心消费”行动"),  # the quotes of a spread headline go with its characters
    ("记 者 手 记", "记者手记"),
    ("【小　贴　士】", "【小贴士】"),  # and its brackets
    ("2 0 2 6 年 世 界 杯", "2026年世界杯"),  # a line spread as a whole: its digits and letters too
    ("第 1 版", "第1版"),
])
def test_a_letter_spaced_heading_is_set_close(printed: str, set_close: str) -> None:
    assert unspaced(printed) == set_close


@pytest.mark.parametrize("printed", [
    "激发新动能  跑出加速度",  # spaces between words are the print's separators
    "破壞之王　林鄭月娥",
    "A B 计划", "5G 时代", "A B",  # Latin letters and digits are no Chinese word set wide
    "春耕时节气象服务跟着农时走", "",
])
def test_spaces_between_words_stay(printed: str) -> None:
    assert unspaced(printed) == printed


@pytest.mark.parametrize(("printed", "set_close"), [
    ("本报记者  林  晓", "本报记者  林晓"),  # a two-character name spread to a three-character one's width
    ("本报记者　钱　程　实习生　章一诺", "本报记者　钱程　实习生　章一诺"),
    ("吴  燕  韩文榕", "吴燕  韩文榕"),
    ("金 正 波  邓 栋 之", "金正波  邓栋之"),  # a line spread as a whole: its wider gap parts the names
    ("新 华 社 记 者 邹 多 为", "新华社记者邹多为"),
    ("□ 梁　溪", "□ 梁溪"),  # the mark that heads a byline is no character of the name
    ("■ 本报评论员　蓝　川", "■ 本报评论员　蓝川"),
    ("本报记者　张　三　李　四", "本报记者　张　三　李　四"),  # four single characters, evenly spaced: two names or one? left
])
def test_a_bylines_letter_spaced_names_are_set_close(printed: str, set_close: str) -> None:
    assert unspaced(printed, 3) == set_close


@pytest.mark.parametrize("text", ["春 耕 时 节", " 本报记者  林  晓 ", "金 正 波  邓 栋 之", "□ 梁　溪", "“ 放 心 ” 行 动"])
def test_only_spaces_go(text: str) -> None:
    for longest in (None, 3):
        out = unspaced(text, longest)
        assert re.sub(r"\s", "", out) == re.sub(r"\s", "", text)
        assert out[: len(out) - len(out.lstrip())] == text[: len(text) - len(text.lstrip())]  # the line's own margins stay


ISSUE = "\n".join([
    "青禾气象报", "2025年3月4日　星期二　第49期", "", "第1版　要闻", "",
    "春 耕 时 节 气 象 服 务 跟 着 农 时 走", "本报记者  林  晓", "",
    "本报讯 3月3日，青禾县气象局联合农业部门召开春播气象服务会商会，研判未来十天土壤墒情和降水趋势，为农户安排播种提供参考。", "",
    "在东坝村，信息员每天早晨把最新的预报写在村口的小黑板上。种粮大户王建国说，看了预报再下种，心里更踏实。", "",
    "县 气 象 局 推 出 新 服 务", "",
    "县气象局还在微信群里推送分时段的降水预报，提醒农户抢在雨前完成整地，避免地块积水影响出苗。", "",
    "田 间 地 头 有 专 家", "",
    "技术人员还来到田间地头，指导农户根据天气安排灌溉和施肥，不少农户表示收获很大。", "",
])


def test_the_reader_sets_headings_and_names_close_and_leaves_the_text_as_printed() -> None:
    (article,) = [a for a in read_issue(ISSUE.encode("utf-8")).articles() if a.kind == "article"]
    assert (article.title, article.byline) == ("春耕时节气象服务跟着农时走", "本报记者  林晓")
    blocks = [(type(b).__name__, b.text) for b in article.blocks]
    assert ("Subheading", "县气象局推出新服务") in blocks and ("Subheading", "田间地头有专家") in blocks
    assert ("Paragraph", "本报讯 3月3日，青禾县气象局联合农业部门召开春播气象服务会商会，研判未来十天土壤墒情和降水趋势，为农户安排播种提供参考。") in blocks


def test_a_letter_spaced_box_label_is_the_label() -> None:
    # 【小　贴　士】 over the lines it labels: the label set close, whether read as a box's label or as a section head
    # over its paragraph (the real corpus's answers set 小贴士, 链接, 记者手记 as heads or text, never boxes, and the model
    # read on them may take either)
    spaced = ISSUE.replace("县 气 象 局 推 出 新 服 务\n\n", "【小　贴　士】\n播种前要看墒情，墒情适宜再下种。\n\n")
    (article,) = [a for a in read_issue(spaced.encode("utf-8")).articles() if a.kind == "article"]
    boxes = [(b.title, b.paragraphs) for b in article.blocks if type(b).__name__ == "Aside"]
    shown = [(type(b).__name__, getattr(b, "text", None)) for b in article.blocks]
    as_head = ("Subheading", "【小贴士】") in shown and ("Paragraph", "播种前要看墒情，墒情适宜再下种。") in shown
    assert boxes == [("小贴士", ("播种前要看墒情，墒情适宜再下种。",))] or (not boxes and as_head)


@pytest.mark.parametrize("head", ["编者按：", "编　者　按：", "【编 者 按】"])
def test_a_letter_spaced_editors_note_is_the_note(head: str) -> None:
    note = "春耕时节，本报记者走进田间地头，记录气象服务如何跟着农时走。"
    spaced = ISSUE.replace("本报记者  林  晓\n\n", f"本报记者  林  晓\n\n{head}{note}\n\n")
    (article,) = [a for a in read_issue(spaced.encode("utf-8")).articles() if a.kind == "article"]
    first = article.blocks[0]
    assert (type(first).__name__, first.title, first.paragraphs) == ("Aside", "编者按", (note,))


@pytest.mark.parametrize(("line", "read"), [
    ("春 耕 时 节 气 象 服 务", "春耕时节气象服务"), ("要　闻", "要闻"), ("2 0 2 6 年 世 界 杯", "2026年世界杯"),
    ("# 春 耕 时 节", "# 春 耕 时 节"),  # a staff mark leaves the line to the overrides (its title is set close later)
    ("本报记者  林  晓", "本报记者  林  晓"),  # not spread as a whole: the byline's name is set close with the article
    ("A B", "A B"),
])
def test_a_line_spread_as_a_whole_is_read_set_close(line: str, read: str) -> None:
    from rsbz_epub.reader.lines import split_lines

    (got,), _ = split_lines(line)
    assert got.text == read
