"""The line-role model's word evidence: breaks inside a word (a pair, and a word cut both ways), and Traditional text seen in
Simplified characters."""

from __future__ import annotations

import sys
from pathlib import Path

from rsbz_epub.reader.linefeatures import line_features
from rsbz_epub.reader.script import is_traditional, simplified_view
from rsbz_epub.reader.wordpairs import glue

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _items(text: str):
    from train_reader import items_of

    return items_of(text.encode("utf-8"))


def test_a_break_inside_a_word_is_told_from_one_between_words() -> None:
    assert glue("激发消", "费新活力") == "3"  # 消费: a frequent word
    assert glue("构建人类命运共", "同体") != "0"
    assert glue("活力。", "我们") == "0"  # no pair across a full stop
    assert glue("", "我们") == glue("我们", "") == "0"


def test_the_word_pair_list_is_what_its_script_builds_from_jiebas_dictionary() -> None:
    import jieba
    from build_wordpairs import OUT, build

    assert build(Path(jieba.__file__).parent / "dict.txt") == OUT.read_text(encoding="utf-8")


def test_a_word_across_a_break_is_found_by_both_cuts() -> None:
    from rsbz_epub.reader.wordspan import spans_break

    assert spans_break("日本右翼势力“狂飙”与经济发展衰", "退交织，正在形成")  # 衰退
    assert spans_break("在优化政务服务方面，将", "构建50个政务超级智能体") is False  # 将 | 构建: between words
    assert spans_break("犯罪分子利用非法获取的个人", "信息精准实施诈骗") is False  # 个人 | 信息: two words, cut between them
    assert spans_break("细化人才类别画像，畅通人才上升通道", "构建多元互通的人才发展通道") is False  # a head over the text
    assert spans_break("激发消费新活力。", "我们") is False and spans_break("", "我们") is False


def test_the_word_list_is_what_its_script_builds_from_jiebas_dictionary() -> None:
    import jieba
    from build_wordpairs import WORDS_OUT, build_words

    assert build_words(Path(jieba.__file__).parent / "dict.txt") == WORDS_OUT.read_text(encoding="utf-8")


def test_the_break_features_reach_each_line() -> None:
    feats = line_features(_items("一二三四五六七八九十一二三四五六七八九十激发消\n费新活力，一二三四五六七八九十一二三。\n"))
    assert "glue=3" in feats[0] and "-1:glue=3" in feats[1]


def test_traditional_issues_are_seen_in_simplified_characters_and_simplified_ones_as_they_are() -> None:
    hk = "記者黎家威報道。這個區議會的會議時間表，國際學者與發展問題，們這個說為會時國來對學與發後經過動還實點電開關"
    assert is_traditional(hk) and not is_traditional("记者黎家威报道。这个区议会的会议时间表")
    items = _items(hk + "\n" + "政府總部外的集會。美聯社圖片\n")
    view = simplified_view(items)
    assert view("政府總部外的集會。美聯社圖片") == "政府总部外的集会。美联社图片"
    feats = line_features(items)
    assert "last2=图片" in feats[1] and "after_stop=8" in feats[1]
    simplified = _items("本报记者 王磊\n")
    assert simplified_view(simplified)("記者") == "記者"  # a Simplified issue is left as it is


def test_a_dateline_lead_is_evidence_for_its_line_and_the_line_above() -> None:
    feats = line_features(_items("全年设备更新资金下达完毕\n本报北京7月5日电  （记者刘志强）今年以来，各地加快推进设备更新。\n"))
    assert "dateline=1" not in feats[0] and "1:dateline=1" in feats[0]
    assert "dateline=1" in feats[1]
    for lead in ("新华社墨尔本1月27日电　澳大利亚气象局说，", "央视网消息（新闻联播）：今天，", "本报讯 记者于桐报道"):
        assert "dateline=1" in line_features(_items(lead + "\n"))[0], lead
    assert "dateline=1" not in line_features(_items("今天下午，记者从市气象局了解到这一消息。\n"))[0]


def test_ascii_punctuation_is_seen_in_its_chinese_form() -> None:
    ascii_, chinese = (line_features(_items(t + "\n"))[0] for t in ("会议提出,到2027年,", "会议提出，到2027年，"))
    assert "end=comma" in ascii_ and [f for f in ascii_ if f.startswith("end")] == [f for f in chinese if f.startswith("end")]


def test_tortoise_shell_brackets_are_seen_as_round_ones() -> None:
    # 学习时报 closes its pieces with 〔作者系…〕 where the other papers print （作者系…）: the same note to the model
    shell, round_ = (line_features(_items(t))[0] for t in ("〔作者系中央党校（国家行政学院）教授〕\n", "（作者系中央党校（国家行政学院）教授）\n"))
    assert "bracketed=1" in shell and "lead=（作者" in shell and "start=open" in shell
    assert shell == round_
    # a note cut by the column leaves its bracket open on the first line, as a round one does
    assert "open=b" in line_features(_items("〔作者系中央党校（国家行政学院）\n马克思主义学院教授〕\n"))[0]


def test_a_title_with_its_column_label_and_wider_credits_are_features() -> None:
    feats = line_features(_items("外资对我国投资总体表现向好（权威发布）\n民意调查显示，默克尔在辩论中占优。网上图片\n"))
    assert "label_end=1" in feats[0] and "bracketed=1" not in feats[0]
    assert "credit=1" in feats[1]
    assert "label_end=1" not in line_features(_items("（本报记者 王磊）\n"))[0]


def test_a_papers_name_adds_a_copy_of_the_shape_features_under_it() -> None:
    items = _items("从“分散守护”迈向“协同共治”\n环祁连山生态警务协作机制启动\n")
    plain, named = line_features(items), line_features(items, paper="人民日报")
    assert not any(f.startswith("@") for feats in plain for f in feats)
    extra = set(named[0]) - set(plain[0])
    assert extra and all(f.startswith("@人民日报|") for f in extra)
    assert "@人民日报|end=close-after-cjk" in extra and "@人民日报|1:cmp=same|close-after-cjk" in extra


def test_word_pairs_read_the_same_by_search_and_by_table(monkeypatch) -> None:
    """glue searches the sorted bands for a short issue and builds a table for a long one: both answer alike."""
    from rsbz_epub.reader import wordpairs

    cases = [("消", "费"), ("共同", "体"), ("完毕", "新"), ("。", "新"), ("", "新")]
    monkeypatch.setattr(wordpairs, "_searched", 0)
    searched = [wordpairs.glue(a, b) for a, b in cases]
    monkeypatch.setattr(wordpairs, "_searched", wordpairs._SEARCHES)
    tabled = [wordpairs.glue(a, b) for a, b in cases]
    assert searched == tabled and searched[0] != "0" and searched[1] != "0" and searched[2:] == ["0", "0", "0"]
    for _, cells in wordpairs._bands():  # the search needs every band's cells of two characters, sorted
        pairs = [cells[k : k + 2] for k in range(0, len(cells), 2)]
        assert len(cells) % 2 == 0 and pairs == sorted(pairs)
