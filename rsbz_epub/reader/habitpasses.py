"""The rules that read a headline habit off the issue, applied to the model's roles (``reader/rolepasses.py`` applies
them in order, most only for a paper the model has not met).

A paper keeps its headline habits through an issue: one that dashes its subtitles dashes them all, so an undashed line
under a title is the title; one that shows no kicker sets none, so a line read as a kicker is the title; one that marks
three kickers or more sets them over its titles where it does not mark them too; and in an issue that shows a kicker a
much shorter undashed subtitle is the title under its kicker. Two title lines the second longer are apart for every
paper: a wrapped title fills its first line. A roundup that heads its items sets them as close as its text, and closer
than its title: a title so set, over a dateline, is the next item's head. Each was measured leave-one-paper-out on the
real corpus (``bench/reader_metrics.py --real --models DIR``) and is tested in ``tests/test_role_rules.py``.
"""

from __future__ import annotations

from rsbz_epub import regex_cache
from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.linefeatures import DATELINE
from rsbz_epub.reader.roles import Role
from rsbz_epub.reader.segment import TITLE_LABEL

_DASHING = 2  # subtitles set with —— that show an issue's habit


def undashed_lines_under_titles_are_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """In an issue that sets its subtitles with —— (two or more), a line the model read as a subtitle with no —— under
    a line it read as a title is the title, and the line above its kicker (高温之下的坚守 / 户外劳动者用上“解暑黑科技”):
    a paper that dashes its subtitles dashes them all."""
    def under_title(k: int) -> bool:
        return (
            roles[k].label == "S" and k > 0 and roles[k - 1].label == "T" and items[k - 1].page == items[k].page
            and items[k].ln.force is None and items[k - 1].ln.force is None
        )

    dashed = sum(1 for k in range(len(items)) if under_title(k) and items[k].text.lstrip().startswith("——"))
    if dashed < _DASHING:
        return roles
    out = list(roles)
    for k in range(1, len(items)):
        if under_title(k) and not items[k].text.lstrip().startswith("——") and (k < 2 or roles[k - 2].label != "K"):
            out[k - 1], out[k] = Role("K", roles[k - 1].prob), Role("T", roles[k].prob)
    return out


_COLUMN_NAME = 9  # a column's name set as a kicker over the title, at most this long: 家教课堂, 稳就业 保民生


#: A series' label and the piece's place in it: “办好民生实事”系列报道之三, 二〇二六中国经济年中观察①.
_SERIES = regex_cache.compile(r"(?:系列|报道|報道|评论|評論|访谈|訪談|调查|調查|观察|觀察|札记|札記|笔谈|筆談)(?:之[一二三四五六七八九十\d]+|[①-⑳])$")


def _shows_a_kicker(items: list[Item], roles: list[Role]) -> bool:
    """Whether the issue shows a kicker as print sets one: a headline line ending with —— (河北正定县用心守护好千年文脉——),
    a title with its column label under another headline line (学海共畅游  桑榆霞满天（大数据观察）), or a column's name
    or a series' label the model read as a kicker (家教课堂, 稳就业 保民生, 春耕春播气象服务·一线见闻, “办好民生实事”系列报道之三)."""
    return any(
        _marks_a_kicker(items, roles, k)
        or (roles[k].label == "K" and (len(it.text.strip()) <= _COLUMN_NAME or "·" in it.text or _SERIES.search(it.text.strip())))
        for k, it in enumerate(items)
    )


def _marks_a_kicker(items: list[Item], roles: list[Role], k: int) -> bool:
    """Whether headline line ``k`` marks a kicker: it ends with —— (河北正定县用心守护好千年文脉——), or it is a title with
    its column label under another headline line (学海共畅游  桑榆霞满天（大数据观察）)."""
    text = items[k].text.strip()
    return roles[k].label in ("K", "T", "S") and (
        text.endswith("——")
        or (TITLE_LABEL.search(text) is not None and k > 0 and roles[k - 1].label in ("K", "T") and items[k - 1].page == items[k].page)
    )


def _undashed_subtitle(items: list[Item], roles: list[Role], k: int) -> bool:
    """Whether line ``k`` is read as an undashed subtitle under the one line read as its title, on the same page."""
    return (
        roles[k].label == "S" and roles[k - 1].label == "T" and (k < 2 or roles[k - 2].label not in ("T", "K"))
        and items[k - 1].page == items[k].page and items[k].ln.force is None and items[k - 1].ln.force is None
        and not items[k].text.lstrip().startswith("——")
    )


def issues_showing_no_kicker_set_none(items: list[Item], roles: list[Role]) -> list[Role]:
    """In an issue that shows no kicker (:func:`_shows_a_kicker`), a line the model read as a kicker over a title is that
    title, and the title line under it its subtitle (观测数据“跑”在风雨前 / 海南践行“观测即服务”理念应对台风“美莎克”): in the
    real papers the models learn from, a paper that sets kickers shows some of them so in every issue."""
    if _shows_a_kicker(items, roles):
        return roles
    out = list(roles)
    for k in range(len(items) - 1):
        if (
            out[k].label == "K" and out[k + 1].label == "T" and items[k + 1].page == items[k].page
            and items[k].ln.force is None and items[k + 1].ln.force is None
        ):
            out[k], out[k + 1] = Role("T", out[k].prob), Role("S", out[k + 1].prob)
    return out


#: Kickers an issue marks (a line ending ——, a labelled title under a headline line) before it is read as setting them.
_MARKED_KICKERS = 3


def issues_marking_kickers_set_them(items: list[Item], roles: list[Role]) -> list[Role]:
    """In an issue that marks its kickers, _MARKED_KICKERS times or more (a headline line ending ——, 河北正定县用心守护好千年文脉——;
    a title with its column label under another headline line, 学海共畅游  桑榆霞满天（大数据观察）), a line the model read as an
    undashed subtitle under the one title line is the title, and that line its kicker: a paper that sets kickers that
    often sets them over its titles where it does not mark them too (纵横 / “馆园融合”打通文化经脉), and dashes its subtitles.
    For a paper the model has not met: one it has met is read with its own habit."""
    if sum(1 for k in range(len(items)) if _marks_a_kicker(items, roles, k)) < _MARKED_KICKERS:
        return roles
    out = list(roles)
    for k in range(1, len(items)):
        if _undashed_subtitle(items, roles, k):
            out[k - 1], out[k] = Role("K", roles[k - 1].prob), Role("T", roles[k].prob)
    return out


#: A title over an undashed subtitle this much shorter is, in an issue that sets kickers, a kicker over its title.
_SHORTER = 4


def short_lines_under_titles_are_titles(items: list[Item], roles: list[Role]) -> list[Role]:
    """In an issue that shows a kicker (:func:`_shows_a_kicker`), a line the model read as an undashed subtitle, at least
    _SHORTER characters shorter than the one title line above it, is the title and that line its kicker
    (湖南省衡南县呵护青少年心理健康 / 来“知心屋”说说心里话): a kicker tells who and where at length, the title under it
    is short; a subtitle explains its title at more length."""
    if not _shows_a_kicker(items, roles):
        return roles
    out = list(roles)
    for k in range(1, len(items)):
        if _undashed_subtitle(items, roles, k) and len(items[k - 1].text.strip()) - len(items[k].text.strip()) >= _SHORTER:
            out[k - 1], out[k] = Role("K", roles[k - 1].prob), Role("T", roles[k].prob)
    return out


def longer_second_title_lines_are_apart(items: list[Item], roles: list[Role]) -> list[Role]:
    """Two lines read as one title, the second longer than the first, are two headline lines, not a title wrapped
    in its column: a wrapped title fills its first line and the rest is no longer (a break after a comma aside). In an
    issue that shows a kicker (:func:`_shows_a_kicker`) the first is the kicker (截至3月底 / 全国累计发电装机同比增长15.5%),
    else the title over its subtitle (丽水巨灾保险再升级 / 明确将暴雨红色及橙色预警信号列为赔付触发条件)."""
    out = list(roles)
    shown = _shows_a_kicker(items, roles)
    for k in range(1, len(items) - 1):
        first, second = items[k - 1].text.strip(), items[k].text.strip()
        if (
            roles[k - 1].label == "T" and roles[k].label == "T" and (k < 2 or roles[k - 2].label not in ("T", "K"))
            and (k + 1 >= len(items) or roles[k + 1].label != "T") and items[k - 1].page == items[k].page
            and items[k].ln.force is None and items[k - 1].ln.force is None
            and len(second) > len(first) and not first.endswith(("，", "、", "：", ":", "—"))
        ):
            out[k - 1], out[k] = (Role("K", roles[k - 1].prob), Role("T", roles[k].prob)) if shown else (Role("T", roles[k - 1].prob), Role("S", roles[k].prob))
    return out


def roundup_items_are_heads(items: list[Item], roles: list[Role]) -> list[Role]:
    """In an article whose text opens with a head — a roundup of items, each under its head (环球扫描 / 白宫记协晚宴突发枪击 /
    本报华盛顿4月26日电…) — a line read as a title of one line, over a dateline that opens its text, set closer to the line
    above it than the article's title is, is the next item's head, not a new article: a paper sets its articles apart
    and the items of one as close as its text (古特雷斯谴责马里多地发生的袭击事件 / 新华社联合国4月25日电…)."""
    out = list(roles)
    title = None  # the first line of the title of the article being read, when its text opens with a head
    for k, it in enumerate(items):
        label = out[k].label
        if label in ("T", "K") and (k == 0 or out[k - 1].label not in ("K", "T", "S")):
            last = k  # the headline group's last line
            while last + 1 < len(items) and out[last + 1].label in ("K", "T", "S", "B"):
                last += 1
            opens_with_head = last + 1 < len(items) and out[last + 1].label == "H" and items[last + 1].page == it.page
            if (
                label == "T" and title is not None and items[title].page == it.page and last == k
                and it.gap < items[title].gap and it.ln.force is None
                and k + 1 < len(items) and out[k + 1].label in ("P", "W") and DATELINE.match(items[k + 1].text.strip())
            ):
                out[k] = Role("H", out[k].prob)
                continue
            title = k if opens_with_head else None
    return out
