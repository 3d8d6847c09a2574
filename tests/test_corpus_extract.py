"""What the extraction scripts make of a source's own text (corpus/extract/): pure functions, no fetched data."""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus" / "extract"))

from cmnrag import split_glued_head  # type: ignore[import-not-found]  # noqa: E402
from collections import Counter  # noqa: E402

from hkcnews import latest_versions, without_retitled_copies  # type: ignore[import-not-found]  # noqa: E402
from jiemian import parse_body as jiemian_body  # type: ignore[import-not-found]  # noqa: E402
import jsonfeed_common  # type: ignore[import-not-found]  # noqa: E402
from jsonfeed_common import FeedItem, Outlet, publication_day, read_days, write_days  # type: ignore[import-not-found]  # noqa: E402
from zaobao import OUTLET as ZAOBAO  # type: ignore[import-not-found]  # noqa: E402
from zaobao import parse_body as zaobao_body  # type: ignore[import-not-found]  # noqa: E402

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


def test_a_web_story_is_dated_by_its_address_else_by_its_publication_time_in_utc_plus_8() -> None:
    story = {"url": "https://www.zaobao.com/news/china/story20260127-8193077",
             "date_published": "2026-01-26T23:30:00.000Z"}
    assert publication_day(story, ZAOBAO.url_date) == "2026-01-27"
    assert publication_day({"url": "https://www.jiemian.com/article/1.html",
                            "date_published": "2026-01-28T16:10:00.000Z"}) == "2026-01-29"
    assert publication_day({"url": "https://www.jiemian.com/article/1.html"}) is None


def test_a_zaobao_story_gives_its_captions_heads_and_closing_blurb_their_kinds() -> None:
    html = (
        "<figure><img src='a.jpg'><figcaption>一家三口走过乌鲁木齐市新地标建筑。 （黎康摄）</figcaption></figure>"
        "<figure><img src='b.jpg'></figure>"
        "<div><p>受优势产业和投资拉动，新疆经济去年增长5.5%。</p>"
        "<div class='bff-sub-heading'><h3>维稳成为新疆2026年首要任务</h3></div>"
        "<p>新疆今年将维护社会大局稳定置于政府工作首位。</p>"
        "<iframe src='https://omny.fm/x'></iframe>"
        "<p class='bff-bottom-profile'>国际时事播客《东谈西论》，每周探讨国际热点话题</p></div>"
    )
    assert zaobao_body(html, Counter()) == [
        ["caption", "一家三口走过乌鲁木齐市新地标建筑。 （黎康摄）"],
        ["p", "受优势产业和投资拉动，新疆经济去年增长5.5%。"],
        ["h", "维稳成为新疆2026年首要任务"],
        ["p", "新疆今年将维护社会大局稳定置于政府工作首位。"],
        ["note", "国际时事播客《东谈西论》，每周探讨国际热点话题"],
    ]


def test_a_jiemian_story_is_read_once_with_its_byline_apart_and_a_quoted_document_kept() -> None:
    story = (
        "<div class='article-img'><img src='a.jpg'><p><span>图片来源：界面图库</span></p></div>"
        "<div class='article-content'>"
        "<blockquote class='author'><p><span>界面新闻记者 | </span><span>杜萌</span></p>"
        "<p>界面新闻编辑 | 宋烨珺</p></blockquote>"
        "<p>随着2026年序幕拉开，A股市场新一轮“出清”即将上演。</p>"
        "<h3>*ST长药：财务造假多年</h3>"
        "<blockquote><p>一是在2019年3月30日至2024年4月29日期间买入股票。</p></blockquote>"
        "<p><strong>首先，客户集中度较高。</strong>前五大客户贡献了0.76亿元。</p>"
        "<p class='report-view'><img src='c.jpg'></p>"
        "<p>部分公司情况　　界面新闻编制</p>"
        "<figure><img src='b.jpg'><figcaption>营收构成，图源：招股书</figcaption></figure>"
        "</div>"
    )
    stats: Counter = Counter()
    byline, body = jiemian_body("<div>" + story + story + "</div>", stats)
    assert byline == "界面新闻记者 | 杜萌 界面新闻编辑 | 宋烨珺"
    assert body == [
        ["caption", "图片来源：界面图库"],
        ["p", "随着2026年序幕拉开，A股市场新一轮“出清”即将上演。"],
        ["h", "*ST长药：财务造假多年"],
        ["p", "一是在2019年3月30日至2024年4月29日期间买入股票。"],
        ["p", "首先，客户集中度较高。前五大客户贡献了0.76亿元。"],
        ["caption", "部分公司情况　　界面新闻编制"],
        ["caption", "营收构成，图源：招股书"],
    ]
    assert stats["repeated_story_dropped"] == 2


def test_a_feeds_items_become_records_by_day_without_blind_dates_empty_stories_or_a_second_copy(monkeypatch, tmp_path) -> None:
    def item(n: int, url: str, day: str, text: str = "正文一段。") -> FeedItem:
        return FeedItem({"id": f"id{n}", "url": url, "title": f"标题{n}", "content_html": text,
                         "date_published": f"{day}T0{n}:00:00.000Z"}, "feeds/x.json", "c" * 40, 0)

    items = [
        item(2, "https://x/2026/01/05/b", "2026-01-05"), item(1, "https://x/2026/01/05/a", "2026-01-05"),
        item(3, "https://x/2026/01/05/a", "2026-01-05"),  # the same story under another id: the first (newest) kept
        item(4, "https://x/2026/06/02/c", "2026-06-02"),  # a blind measurement's date
        item(5, "https://x/2026/01/06/d", "2026-01-06", text=""),  # nothing to read
        {"id": "id6", "url": "https://x/e", "title": "无日期"},  # no date anywhere
    ]
    items[-1] = FeedItem(items[-1], "feeds/x.json", "c" * 40, 0)
    monkeypatch.setattr(jsonfeed_common, "feed_items", lambda git_dir, path: items)
    outlet = Outlet("某报", "mb", "x", "feeds/x.json", re.compile(r"/(\d{4})/(\d{2})/(\d{2})/"))

    def read(it: dict, stats: Counter):
        return it["title"], None, None, [["p", it["content_html"]]] if it.get("content_html") else []

    stats: Counter = Counter()
    by_day = read_days("unused", outlet, read, stats, once_per_url=True)
    assert sorted(by_day) == ["2026-01-05"] and [r["title"] for r in by_day["2026-01-05"]] == ["标题2", "标题1"]
    assert (stats["dropped_same_url"], stats["blind"], stats["dropped_no_text"], stats["no_date"]) == (1, 1, 1, 1)
    out = tmp_path / "x.jsonl.gz"
    write_days(by_day, 400, str(out), stats)
    records = [json.loads(line) for line in gzip.open(out)]
    # numbered in order of publication within the day, provenance kept
    assert [(r["title"], r["seq"], r["paper"], r["prov"]["repo"]) for r in records] == [
        ("标题1", 1, "某报", "exposir/RSS"), ("标题2", 2, "某报", "exposir/RSS")]
