"""The headline rules the walk applies to the model's roles: a title broken inside a word goes on,
a lead-in ending —— is a kicker, a ——line under a kicker is a subtitle.

The roles are given here (the model is replaced by a table), so each rule is seen on its own.
"""

from __future__ import annotations

import pytest

from rsbz_epub.reader import assembly, read_issue
from rsbz_epub.reader.roles import Role

HEAD = "人力资源社会保障\n2021年10月21日 第40期\n\n第1版 要闻\n\n"
BODY = "　　这是一段足够长的正文，用来说明标题之后的文章正文，它的长度超过四十个字，以句号结束。\n"


def _read(lines: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch):
    """Read an issue whose article lines carry the given roles (every other line a paragraph end)."""
    roles = dict(lines)
    monkeypatch.setattr(assembly, "tag", lambda items: [Role(roles.get(it.text.strip(), "P"), 0.9) for it in items])
    text = HEAD + "".join(t + "\n" for t, _ in lines) + BODY
    (article,) = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    return article


def test_a_title_broken_inside_a_word_goes_on_in_the_line_the_model_called_a_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("国外“清凉经济”激发消", "T"), ("费新活力（国际视点）", "S")], monkeypatch)
    assert a.title == "国外“清凉经济”激发消费新活力（国际视点）" and a.subtitle is None


def test_a_title_with_an_open_quote_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("打造触手可及的“文化", "T"), ("空间”", "S")], monkeypatch)
    assert a.title == "打造触手可及的“文化空间”" and a.subtitle is None


def test_a_finished_title_keeps_its_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("深深植根人民，始终拥有坚实根基", "T"), ("中国共产党为什么能的关键密码", "S")], monkeypatch)
    assert a.title == "深深植根人民，始终拥有坚实根基" and a.subtitle == "中国共产党为什么能的关键密码"


def test_a_one_line_title_ending_in_a_dash_is_the_kicker_of_the_line_below(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("贵州遵义加强红色资源保护和利用——", "T"), ("让红色基因代代相传", "S")], monkeypatch)
    assert a.kicker == "贵州遵义加强红色资源保护和利用——" and a.title == "让红色基因代代相传"


def test_a_dash_line_under_a_kicker_is_the_subtitle_of_the_kicker_line(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("气象服务跟着农时走", "K"), ("——多地开展春播期精细化预报", "T")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "气象服务跟着农时走", "——多地开展春播期精细化预报")
