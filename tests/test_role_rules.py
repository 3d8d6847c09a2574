"""The rules the reader applies to the model's roles: a title broken inside a word goes on (in Traditional words too),
a lead-in ending —— is a kicker, a ——line under a kicker is a subtitle, a short line above a credit is its caption, and
for a paper the model has not met, a whole title with its column label or set as matched phrases is the title under
its kicker (reader/rolesteps.py); and the print conventions of reader/headpasses.py, reader/habitpasses.py,
reader/bylinepasses.py, reader/captionpasses.py, reader/columnpasses.py and reader/rolepasses.py: a line
ending —— heads the title the model read as text below it, in an issue that dashes its subtitles an undashed line
under a title is the title, an issue that shows no kicker sets none and in one that does a much shorter undashed
subtitle is the title under its kicker, an unfinished line between headline lines is one
of them, a head cut mid-sentence runs on, a head over the next title under finished text is the last line of the article above, a short lead-in ending —— over a head is a head, a lone credit is a caption, a line ending with a photo's credit is a
caption, so is a line that marks who stands where in a photo, and a short sentence over a photo report's text, and so is a short paragraph wrapped in the column whose lines joined end with one or that stands over a credit
line, short finished lines under the headline over a credit for all photos are captions, a line read as a head that opens an article of a law, ends with a semicolon or opens with a time word and a comma is
text, a dateline alone on its line opens the text under it, an author named by post or place under a title is its byline, a line read as a head over
text goes on into it when a dictionary word runs across the break, and one under a title cut in mid-phrase is the title's
second line, a line naming a piece's staff or a ——line signing the text above is an end note, so is a source line under
the text, so is a closing photo
credit under text, an indent opens a paragraph, a credit, staff line or sentence is no title, a reporter line under a
heading is its byline and one over the text makes the line above it a title, a head after a closing note or at a
page's top is a title, and so is one a blank line sets apart where the issue sets its heads close (while a title close under the text
is a head where the issue sets its articles apart), a full indented line above an unindented one goes on, an unindented whole line under text
that ended, on an indented page, is a caption or a head, a photo story's only caption is its paragraph, a line that
finishes no sentence ends its paragraph above a date or time word and a comma, in wrapped columns that mark
paragraphs only by a short last line a full line that finishes a sentence goes on where paragraphs hold several, a
line one short of its wrapped column that finishes a sentence ends its paragraph (not over a line that opens with a
quote; neither guess for a paper the model has met), where such columns kept the room of their lost indent a line over
a line two short ends its paragraph and one over a full line goes on, a head or a caption longer than its wrapped column goes on in the lines under it, a line read as a byline over
a dateline that names no one is the subtitle, in a dump of one line a paragraph a line that finishes a sentence
ends its paragraph, a line of English cut mid-sentence goes on into the lower-case line under it, and so does a line
cut inside a dash or a bracket (a head cut inside a quote or a book title too), and a line read, unsure, as a running
header or footer amid its page's text takes the role the model found next likeliest.

The roles are given here (the model is replaced by a table), so each rule is seen on its own.
"""

from __future__ import annotations

import pytest

from rsbz_epub.reader import assembly, read_issue
from rsbz_epub.reader.roles import Role
from rsbz_epub.reader.spacing import spread_as_a_whole, unspaced

HEAD = "人力资源社会保障\n2021年10月21日 第40期\n\n第1版 要闻\n\n"
BODY = "　　这是一段足够长的正文，用来说明标题之后的文章正文，它的长度超过四十个字，以句号结束。\n"


def _tagger(roles: dict[str, str]):
    """The model replaced by the roles given for each line, keyed by the line as the reader takes it in (a line spread
    as a whole, 王  磊, is read set close: 王磊)."""
    def tag(items: list, paper: str = "") -> list[Role]:
        keyed = {(unspaced(t) if spread_as_a_whole(t) else t): r for t, r in roles.items()}  # as the test has them now
        return [Role(keyed.get(it.text.strip(), "P"), 0.9) for it in items]

    return tag


def _read(lines: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, body: str = BODY, body_roles: tuple = ()):
    """Read an issue of a headline group (``lines``, with roles) and a body; every line without a role is a paragraph end."""
    roles = dict(lines) | dict(body_roles)
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    text = HEAD + "".join(t + "\n" for t, _ in lines) + body
    (article,) = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    return article


def test_a_title_broken_inside_a_word_goes_on_in_the_line_the_model_called_a_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("国外“清凉经济”激发消", "T"), ("费新活力（国际视点）", "S")], monkeypatch)
    assert a.title == "国外“清凉经济”激发消费新活力（国际视点）" and a.subtitle is None


@pytest.mark.parametrize("role", ["S", "C"])
def test_a_title_stopping_on_a_word_that_ties_it_to_the_next_goes_on_in_the_line_under_it(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    """A title line that stops on 的 (or 对, 到…) goes on in the line under it, read as the subtitle or a caption; over
    a line read as the byline it stays: a title may stop on 在 or 为 over its writer's name."""
    a = _read([("科技之眼丨素问：5亿年前的", "T"), ("生物大灭绝藏着什么秘密？", role)], monkeypatch)
    assert a.title == "科技之眼丨素问：5亿年前的生物大灭绝藏着什么秘密？" and a.subtitle is None
    a = _read([("时势不可负“妈祖”更有为", "T"), ("本报评论员", "B")], monkeypatch)
    assert (a.title, a.byline) == ("时势不可负“妈祖”更有为", "本报评论员")


def test_a_title_broken_inside_a_word_goes_on_from_the_line_the_model_called_a_kicker(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("上半年全国光伏发电量同比增", "K"), ("长超过40%", "T")], monkeypatch)
    assert (a.kicker, a.title) == (None, "上半年全国光伏发电量同比增长超过40%")
    a = _read([("我国自然保护地体系建设进入新阶段", "K"), ("以自然之道  养万物之生", "T")], monkeypatch)
    assert (a.kicker, a.title) == ("我国自然保护地体系建设进入新阶段", "以自然之道  养万物之生")  # a finished kicker stays


def test_a_title_with_an_open_quote_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("打造触手可及的“文化", "T"), ("空间”", "S")], monkeypatch)
    assert a.title == "打造触手可及的“文化空间”" and a.subtitle is None


def test_a_head_under_a_title_stays_a_head_though_the_two_make_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule once took a line read as a head or a one-line paragraph back into the title above it when the two
    made a word across the break (…薪火相传 / 经验: 传经). It fired three times on the real readings, right once; the
    model's reading stands."""
    a = _read([("山岚映照初心精神薪火相传", "T"), ("经验", "H")], monkeypatch)
    assert a.title == "山岚映照初心精神薪火相传"
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["经验"]
    # the model's own title lines still join where a word is cut
    a = _read([("从战略高度认识和推", "T"), ("进高质量数据集建设", "T")], monkeypatch)
    assert a.title == "从战略高度认识和推进高质量数据集建设"


def test_a_finished_title_or_a_sentence_below_it_stays_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("全年设备更新资金下达完毕", "T")], monkeypatch, body="新一轮设备更新启动。\n" + BODY)
    assert a.title == "全年设备更新资金下达完毕"  # 毕|新 is no word: the title is finished
    a = _read([("各地加快推进设备更", "T")], monkeypatch, body="新。本报记者王磊\n" + BODY)
    assert a.title == "各地加快推进设备更"  # a sentence and a reporter's name below are not the title's rest


def test_a_finished_title_keeps_its_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("深深植根人民，始终拥有坚实根基", "T"), ("中国共产党为什么能的关键密码", "S")], monkeypatch)
    assert a.title == "深深植根人民，始终拥有坚实根基" and a.subtitle == "中国共产党为什么能的关键密码"


def test_a_one_line_title_ending_in_a_dash_is_the_kicker_of_the_line_below(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("贵州遵义加强红色资源保护和利用——", "T"), ("让红色基因代代相传", "S")], monkeypatch)
    assert a.kicker == "贵州遵义加强红色资源保护和利用——" and a.title == "让红色基因代代相传"


@pytest.mark.parametrize("role", ["P", "H", "B"])
def test_a_title_ending_in_a_dash_is_the_kicker_of_the_line_the_model_read_as_text_a_head_or_a_byline(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    a = _read([("辽宁朝阳凌源市——", "T"), ("清理堆存钢渣  完善“三防”设施（反馈）", role), ("本报记者  刘洪超", "B")], monkeypatch)
    assert (a.kicker, a.title, a.byline) == ("辽宁朝阳凌源市——", "清理堆存钢渣  完善“三防”设施（反馈）", "本报记者  刘洪超")


@pytest.mark.parametrize("roles", [("P", "P"), ("H", "P"), ("P", "H"), ("W", "P")])
def test_a_dash_lead_in_read_as_text_over_a_labelled_title_is_its_kicker(monkeypatch: pytest.MonkeyPatch, roles: tuple) -> None:
    group = [("山西晋城泽州县——", roles[0]), ("不可移动文物损毁严重无人修（身边事）", roles[1])]
    _, a = _read_all([[("一篇文章的标题", "T")], group], monkeypatch)
    assert (a.kicker, a.title) == ("山西晋城泽州县——", "不可移动文物损毁严重无人修（身边事）")
    # over a line with no column label a lead-in read as text stays in the text
    arts = _read_all([[("一篇文章的标题", "T")], [("推动高质量发展有三个抓手——", roles[0]), ("一是创新，二是改革，三是开放", roles[1])]], monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题"]


@pytest.mark.parametrize("role", ["P", "W", "H", "N"])
def test_a_dash_lead_in_read_as_text_close_over_a_title_is_its_kicker(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    group = [("阿曼外交大臣——", role), ("高度赞赏习近平主席提出的维护和促进中东和平稳定四点主张", "T")]
    _, a = _read_all([[("一篇文章的标题", "T")], group], monkeypatch)
    assert (a.kicker, a.title) == ("阿曼外交大臣——", "高度赞赏习近平主席提出的维护和促进中东和平稳定四点主张")


def test_a_title_under_a_dash_lead_in_that_runs_on_keeps_its_second_line(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("河北正定县用心守护好千年文脉——", "T"), ("保护中发展  古城焕光彩（牢", "W"), ("记初心使命  奋进复兴征程）", "N"), ("本报记者  史自强", "B")], monkeypatch)
    assert (a.kicker, a.title) == ("河北正定县用心守护好千年文脉——", "保护中发展  古城焕光彩（牢记初心使命  奋进复兴征程）")
    a = _read([("广东湛江水产养殖基地培育新虾种——", "T"), ("全链条服务，", "P"), ("好苗出好虾", "S")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == ("广东湛江水产养殖基地培育新虾种——", "全链条服务，好苗出好虾", None)


def test_a_dash_title_over_a_reporter_line_or_a_sentence_stays_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("国际社会积极评价中美元首会晤——", "T"), ("本报记者  王  磊", "B")], monkeypatch)
    assert (a.kicker, a.title, a.byline) == (None, "国际社会积极评价中美元首会晤——", "本报记者  王磊")
    a = _read([("国际社会积极评价中美元首会晤——", "T")], monkeypatch, body="连日来，会晤引发国际社会高度关注。\n" + BODY)
    assert (a.kicker, a.title) == (None, "国际社会积极评价中美元首会晤——")


def test_an_unfinished_line_read_as_text_between_headline_lines_is_one_of_them(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("春耕春播气象服务·一线见闻", "T"), ("气象服务跟着农时走", "P"), ("多地开展春播期精细化预报", "S"), ("本报记者  林  晓", "B")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == ("春耕春播气象服务·一线见闻", "气象服务跟着农时走", "多地开展春播期精细化预报")
    arts = _read_all([[("文创产品走俏暑期市场", "T"), ("游客选购文创产品。", "P"), ("下一篇文章的标题", "T")]], monkeypatch)
    assert [a.title for a in arts] == ["文创产品走俏暑期市场", "下一篇文章的标题"]  # a finished sentence is the article's text


def _read_all(groups: list[list[tuple[str, str]]], monkeypatch: pytest.MonkeyPatch, met: bool = False, bodies: tuple[str, ...] = ()) -> list:
    """Read an issue of several articles, each a headline group (with roles) over a body (``bodies``, one an article, else
    ``BODY``); ``met``: the masthead's paper is one the model has met."""
    roles = {t: r for group in groups for t, r in group}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    monkeypatch.setattr(assembly, "known_paper", lambda paper: met)
    text = HEAD + "".join("".join(t + "\n" for t, _ in group) + (bodies[n] if n < len(bodies) else BODY) for n, group in enumerate(groups))
    return [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]


DASHING = [
    [("全国就业形势总体稳定", "T"), ("——前三季度城镇新增就业超千万人", "S")],
    [("技能人才队伍不断壮大", "T"), ("——各地开展职业技能提升行动", "S")],
]


def test_in_an_issue_that_dashes_its_subtitles_an_undashed_line_under_a_title_is_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    group = [("高温之下，守护从未缺席", "T"), ("户外劳动者用上“解暑黑科技”", "S")]
    *_, a = _read_all(DASHING + [group], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == ("高温之下，守护从未缺席", "户外劳动者用上“解暑黑科技”", None)
    *_, a = _read_all(DASHING[:1] + [group], monkeypatch)  # one dashed subtitle shows no habit
    assert (a.kicker, a.title, a.subtitle) == (None, "高温之下，守护从未缺席", "户外劳动者用上“解暑黑科技”")
    *_, a = _read_all(DASHING + [group], monkeypatch, met=True)  # a paper the model has met: its habits are the model's
    assert (a.kicker, a.title, a.subtitle) == (None, "高温之下，守护从未缺席", "户外劳动者用上“解暑黑科技”")
    dashed = _read_all(DASHING + [group], monkeypatch)[:2]
    assert [(a.kicker, a.subtitle) for a in dashed] == [(None, "——前三季度城镇新增就业超千万人"), (None, "——各地开展职业技能提升行动")]


def test_a_dash_line_under_a_kicker_is_the_subtitle_of_the_kicker_line(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("气象服务跟着农时走", "K"), ("——多地开展春播期精细化预报", "T")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "气象服务跟着农时走", "——多地开展春播期精细化预报")


def test_a_short_line_above_a_credit_is_the_caption_it_credits(monkeypatch: pytest.MonkeyPatch) -> None:
    photo, credit = "游客在郑州大河村遗址博物馆新馆选购文创产品。", "新华社记者  郝  源摄"
    # the model reads the photo line as a paragraph and its credit as a caption
    a = _read([("文创产品走俏暑期市场", "T")], monkeypatch, body=BODY + photo + "\n" + credit + "\n" + BODY, body_roles=((credit, "C"),))
    blocks = [(type(b).__name__, getattr(b, "text", "")) for b in a.blocks]
    assert blocks == [("Paragraph", BODY.strip()), ("Caption", f"{photo} {credit}"), ("Paragraph", BODY.strip())]


@pytest.mark.parametrize("role", ["N", "H"])
def test_a_short_line_above_a_credit_the_model_read_otherwise_is_a_caption_where_the_text_goes_on(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    photo, credit = "中国游客在西班牙马德里街头拍照留念。", "本报记者  许海林摄"
    a = _read([("中国和西班牙双向旅游不断升温", "T")], monkeypatch, body=BODY + photo + "\n" + credit + "\n" + BODY, body_roles=((credit, role),))
    assert [(type(b).__name__, getattr(b, "text", "")) for b in a.blocks] == [
        ("Paragraph", BODY.strip()), ("Caption", f"{photo} {credit}"), ("Paragraph", BODY.strip())]
    # the line above runs on into it: a caption wrapped over two lines is one too
    a = _read([("中国和西班牙双向旅游不断升温", "T")], monkeypatch, body=BODY + "在西班牙马德里街头，\n" + photo + "\n" + credit + "\n" + BODY,
              body_roles=((credit, role), ("在西班牙马德里街头，", "W")))
    assert ("Caption", f"{photo} {credit}") in [(type(b).__name__, getattr(b, "text", "")) for b in a.blocks]


def test_a_short_paragraph_wrapped_in_the_column_over_a_credit_is_its_caption(monkeypatch: pytest.MonkeyPatch) -> None:
    # the model reads the caption's lines as text running on, its last as a paragraph's end, and the credit as a caption
    lines = [("5月14日上午，国家主席习", "W"), ("近平在北京人民大会堂同来华", "W"), ("进行国事访问的美国总统特朗", "W"), ("普举行会谈。", "P")]
    credit = "新华社记者  丁  林摄"
    body = BODY + "".join(f"{t}\n" for t, _ in lines) + credit + "\n" + BODY
    a = _read([("习近平同美国总统特朗普会谈", "T")], monkeypatch, body=body, body_roles=(*lines, (credit, "C")))
    caption = "".join(t for t, _ in lines)
    assert [(type(b).__name__, getattr(b, "text", "")) for b in a.blocks] == [
        ("Paragraph", BODY.strip()), ("Caption", f"{caption} {credit}"), ("Paragraph", BODY.strip())]
    # a paragraph of text as long as a column's worth of lines stays text, and so do lines over a head that ends as a
    # credit does (…提供) and a line cut in 摄氏度
    long = [("这是一段很长的正文，" * 6, "W"), ("说明它不是图片说明，而是正文的一部分。" * 5, "P")]
    for run, under in ((long, credit), (lines, "下沉基层：为乡村消费者以旧换新提供"), (lines, "只需短短几个小时，高湿度小麦就能快速升温至50摄")):
        body = BODY + "".join(f"{t}\n" for t, _ in run) + under + "\n" + BODY
        a = _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=(*run, (under, "C")))
        assert "".join(t for t, _ in run) in [b.text for b in a.blocks if type(b).__name__ == "Paragraph"]


def test_a_dateline_closing_an_article_over_a_blank_line_is_its_end_and_the_line_under_it_a_title(monkeypatch: pytest.MonkeyPatch) -> None:
    first = [("一篇文章的标题", "T"), (BODY.strip(), "P"), ("新华社北京4月26日电", "W")]
    second = [("与改革发展稳定协同 为社会公平正义护航", "P"), ("写在“法治浙江”建设20年之际", "T")]
    roles = {t: r for t, r in first + second}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    text = HEAD + "".join(t + "\n" for t, _ in first) + "\n" + "".join(t + "\n" for t, _ in second) + BODY
    arts = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert [a.title for a in arts][0] == "一篇文章的标题" and arts[0].blocks[-1].text == "新华社北京4月26日电"
    assert arts[1].title.startswith("与改革发展稳定协同")


def test_a_line_read_as_the_byline_that_goes_on_with_text_after_its_dateline_is_text(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [("本报柏林5月21日电  （记者郭梓云）日内", "B"), ("瓦消息：第七十九届世界卫生大会21日闭幕。", "P")]
    a = _read([("世界卫生大会闭幕", "T")], monkeypatch, body="".join(f"{t}\n" for t, _ in lines), body_roles=tuple(lines))
    assert a.byline is None and [b.text for b in a.blocks] == ["".join(t for t, _ in lines)]
    # a dateline and reporters only is the byline
    a = _read([("儿童公园今起延长开放时间", "T"), ("本报讯 记者 许诺", "B")], monkeypatch)
    assert a.byline == "本报讯 记者 许诺"


def test_an_editors_note_label_the_model_read_as_the_byline_opens_the_note(monkeypatch: pytest.MonkeyPatch) -> None:
    note = "夏收夏种是稳住全年粮食产能的关键一环。"
    a = _read([("气象赋能夏收夏种稳产增产更有底气", "T"), ("编者按：", "B")], monkeypatch, body=note + "\n" + BODY)
    assert a.byline is None
    assert [(getattr(b, "kind", ""), type(b).__name__) for b in a.blocks][:1] == [("editor-note", "Aside")]


def test_a_line_read_as_the_byline_that_names_no_one_is_the_title_under_its_kicker(monkeypatch: pytest.MonkeyPatch) -> None:
    (a,) = _read_all([[("江苏无锡惠山区破解科研成果转化痛点", "T"), ("让院士团队敢闯敢试敢投入", "B")]], monkeypatch)
    assert (a.kicker, a.title, a.byline) == ("江苏无锡惠山区破解科研成果转化痛点", "让院士团队敢闯敢试敢投入", None)
    # 长 that is no post (这样长出来) names no one either
    (a,) = _read_all([[("多地更新改造城市闲置地，满足群众健身需求", "T"), ("运动新空间这样长出来", "B")]], monkeypatch)
    assert (a.kicker, a.title, a.byline) == ("多地更新改造城市闲置地，满足群众健身需求", "运动新空间这样长出来", None)
    # a body of people, a reporter, and a line the title goes on into stay as read
    for first, second in (("以实干担当书写航天强国建设时代答卷", "中国航天科技集团有限公司党组"), ("北京設內地第三間交易所", "中國組記者廖樂欣"),
                          ("以真抓实干更好推动发展造福人民", "河南省委书记刘宁"), ("发挥政府督查抓落实促发展利器作用", "福建省人民政府督查室"),
                          ("相同的手法，改變的時代", "一個律師的筆記本")):
        (a,) = _read_all([[(first, "T"), (second, "B")]], monkeypatch)
        assert (a.title, a.byline) == (first, second)
    # a line the title goes on into (a tying word at its end) is the title's second line
    (a,) = _read_all([[("朱德：从南昌公安局局长到", "T"), ("南昌起义的“参谋和向导”", "B")]], monkeypatch)
    assert (a.kicker, a.title, a.byline) == (None, "朱德：从南昌公安局局长到南昌起义的“参谋和向导”", None)


def test_a_poem_an_essay_opens_with_is_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A poem's title and its author by era and name (端午日 / 唐·殷尧藩), read as a new title and its byline right under
    the essay's byline, are the essay's first paragraphs; a writer named without an era is a new piece's byline."""
    poem = [("端午日", "T"), ("唐·殷尧藩", "B")]
    (a,) = _read_all([[("榴花入眼，白发在头", "T"), ("辛晓娟", "B")] + poem], monkeypatch)
    assert a.title == "榴花入眼，白发在头"
    assert [b.text for b in a.blocks if type(b).__name__ == "Paragraph"][:2] == ["端午日", "唐·殷尧藩"]
    arts = _read_all([[("榴花入眼，白发在头", "T"), ("辛晓娟", "B"), ("端午日", "T"), ("殷尧藩", "B")]], monkeypatch)
    assert [a.title for a in arts] == ["榴花入眼，白发在头", "端午日"]


def test_an_editors_note_head_alone_atop_a_page_heads_the_pages_note(monkeypatch: pytest.MonkeyPatch) -> None:
    """编者按 alone on the first line of a page whose page before ended its text, read as a section head, is the title
    of the page's note, not a head of the article the page before ended."""
    note = "票房超7.5亿元！今年“五一”假期，近20部影片集结亮相，观众用脚投票，好电影不愁没人看。"
    text = "一篇文章的标题\n" + BODY + "\f第2版 要闻\n编者按\n" + note + "\n——编者\n\n下一篇文章的标题\n" + BODY
    arts = _articles(text, {"一篇文章的标题": "T", "编者按": "H", note: "P", "——编者": "N", "下一篇文章的标题": "T"}, monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题", "编者按", "下一篇文章的标题"]
    assert [b.text for b in arts[0].blocks] == [BODY.strip()]


def test_a_drawings_credit_under_the_byline_is_no_title(monkeypatch: pytest.MonkeyPatch) -> None:
    """A drawing's labelled credit (绘图：曹  一) under the byline, read as a title, is a caption's credit: the headline
    over it stands."""
    (a,) = _read_all([[("减下负担不是放下责任", "T"), ("本报记者  秦瑞杰", "B"), ("绘图：曹  一", "T")]], monkeypatch)
    assert (a.title, a.byline) == ("减下负担不是放下责任", "本报记者  秦瑞杰")


@pytest.mark.parametrize(("author", "role"), [("山东外国语职业技术大学校长  杜  琳", "H"), ("安徽亳州市\xa0\xa0马方正", "T"),
                                            ("中央党校（国家行政学院）副校长（副院长）  李文堂", "W")])
def test_an_author_named_by_post_or_place_under_a_title_is_its_byline(monkeypatch: pytest.MonkeyPatch, author: str, role: str) -> None:
    a = _read([("将城市势能转换为育人动能", "T"), (author, role)], monkeypatch)
    assert a.title == "将城市势能转换为育人动能"
    assert a.byline is not None and "".join(a.byline.split()) == "".join(author.split())  # a spaced name is read set close
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", BODY.strip())]
    # two phrases set apart under a title are a head, not an author
    a = _read([("超一千二百家企业齐聚链博会", "T"), ("链接世界  共创未来", "H")], monkeypatch)
    assert a.byline is None


@pytest.mark.parametrize("role", ["B", "N", "P"])
def test_a_dateline_alone_on_its_line_opens_the_text_under_it(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    lines = [("本报北京5月14日电", role), ("（记者杨翘楚）5月14日上午，国家主席习近平在北京", "W"), ("人民大会堂同美国总统举行会谈。", "P")]
    a = _read([("习近平同美国总统会谈", "T")], monkeypatch, body="".join(f"{t}\n" for t, _ in lines), body_roles=tuple(lines))
    assert a.byline is None
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", "".join(t for t, _ in lines))]


def test_short_lines_under_the_headline_over_a_credit_for_all_photos_are_their_captions(monkeypatch: pytest.MonkeyPatch) -> None:
    photos = ["山东临淄战国釉陶罍。", "山东前冢子头遗址出土炭化粟。", "浙江田螺山遗址出土饱水保存的菱角。"]
    credit = "图片均为郎剑锋提供"
    body = "".join(f"{t}\n" for t in photos) + credit + "\n" + BODY
    a = _read([("考古让我们重新认识古代经济", "T"), ("宋晓航  郎剑锋", "B")], monkeypatch, body=body, body_roles=((credit, "C"),))
    kinds = [type(b).__name__ for b in a.blocks]
    assert kinds[-1] == "Paragraph" and "Paragraph" not in kinds[:-1] and all(p in " ".join(b.text for b in a.blocks) for p in photos)
    # under text, the lines over the credit are left as read
    a = _read([("考古让我们重新认识古代经济", "T")], monkeypatch, body=BODY + "".join(f"{t}\n" for t in photos) + credit + "\n",
              body_roles=((BODY.strip(), "W"), (credit, "C")))
    assert [type(b).__name__ for b in a.blocks].count("Paragraph") >= 2


def test_a_head_that_opens_an_article_of_a_law_ends_with_a_semicolon_or_opens_with_a_time_word_is_text(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [("第一节  行政复议范围", "H"), ("第六条  行政复议机关应当", "H"), ("加强行政复议调解工作，有关行政机关应当予以配合。", "P"),
             ("（一）依法设立；", "H"), ("（二）有固定的办公场所。", "P")]
    body = "".join(f"{t}\n" for t, _ in lines)
    a = _read([("行政复议法实施条例", "T")], monkeypatch, body=body, body_roles=tuple(lines))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [
        ("Subheading", "第一节  行政复议范围"), ("Paragraph", "第六条  行政复议机关应当加强行政复议调解工作，有关行政机关应当予以配合。"),
        ("Paragraph", "（一）依法设立；"), ("Paragraph", "（二）有固定的办公场所。")]
    # a line opening with a time word and a comma is a clause of text; one that asks is a head
    lines = [("近年来，安徽省合肥市包河区塘溪津门", "H"), ("水街持续释放消费活力，吸引众多游客前来。", "P"),
             ("此外，为何“无作业日”设在周三？", "H"), ("除了支持率高，周三处于周中。", "P")]
    a = _read([("水上表演人气旺", "T")], monkeypatch, body="".join(f"{t}\n" for t, _ in lines), body_roles=tuple(lines))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [
        ("Paragraph", "近年来，安徽省合肥市包河区塘溪津门水街持续释放消费活力，吸引众多游客前来。"),
        ("Subheading", "此外，为何“无作业日”设在周三？"), ("Paragraph", "除了支持率高，周三处于周中。")]


@pytest.mark.parametrize("role", ["N", "H"])
def test_a_credit_read_otherwise_that_closes_its_article_leaves_the_line_above_it_text(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    # a photo story's line is its text and the credit its end: the next article's title follows
    last, credit = "游客在博鳌海滨戏水，乐享假日时光。", "蒙钟德摄（影像中国）"
    arts = _read_all([[("一篇文章的标题", "T"), (BODY.strip(), "P"), (last, "P"), (credit, role)], [("另一篇文章的标题", "T")]], monkeypatch, bodies=("",))
    assert [(type(b).__name__, getattr(b, "text", "")) for b in arts[0].blocks][:2] == [("Paragraph", BODY.strip()), ("Paragraph", last)]


@pytest.mark.parametrize("role", ["H", "W", "C"])
@pytest.mark.parametrize("staff", ["记者：徐壮、周玮", "海报制作：栾若卉", "编导：房宽"])
def test_a_line_naming_a_pieces_staff_that_the_model_read_as_a_head_text_or_a_caption_is_an_end_note(monkeypatch: pytest.MonkeyPatch, staff: str, role: str) -> None:
    a = _read([("春节文化和旅游消费月启动", "T")], monkeypatch, body=BODY + staff + "\n" + "摄制：尹党周\n", body_roles=((staff, role), ("摄制：尹党周", "N")))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", BODY.strip()), ("Paragraph", staff), ("Paragraph", "摄制：尹党周")]


def test_a_source_line_under_the_text_is_an_end_note(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "数据来源：重庆化工职业学院"  # read as a head
    a = _read([("春节文化和旅游消费月启动", "T")], monkeypatch, body=BODY + source + "\n", body_roles=((source, "H"),))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", BODY.strip()), ("Paragraph", source)]
    # over a chart, under the headline, it is the chart's caption
    a = _read([("春节文化和旅游消费月启动", "T"), ("本报记者  林  晓", "B")], monkeypatch, body="数据来源：国家统计局\n" + BODY,
              body_roles=(("数据来源：国家统计局", "C"),))
    assert [type(b).__name__ for b in a.blocks] == ["Caption", "Paragraph"]


@pytest.mark.parametrize("signature", ["——编\u3000\u3000者", "——人民网网友", "——摘自“十五五”规划纲要"])
def test_a_dash_line_under_text_that_the_model_read_as_a_head_signs_the_text(monkeypatch: pytest.MonkeyPatch, signature: str) -> None:
    a = _read([("春节文化和旅游消费月启动", "T")], monkeypatch, body=BODY + signature + "\n" + BODY, body_roles=((signature, "H"),))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Paragraph", "Paragraph"]
    a = _read([("春节文化和旅游消费月启动", "T"), (signature, "H")], monkeypatch)  # under a title: not text's signature
    assert signature not in [getattr(b, "text", "") for b in a.blocks if type(b).__name__ == "Paragraph"]


def test_a_reporters_question_read_as_a_head_stays_a_head(monkeypatch: pytest.MonkeyPatch) -> None:
    question = "记者：您如何看待今年的消费形势？"
    a = _read([("春节文化和旅游消费月启动", "T")], monkeypatch, body=BODY + question + "\n" + BODY, body_roles=((question, "H"),))
    assert ("Subheading", question) in [(type(b).__name__, b.text) for b in a.blocks]


def test_a_caption_with_its_own_credit_leaves_the_paragraph_above_it_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    caption = "图为志愿者为村民测量血压。 索朗 摄"
    a = _read([("志愿服务队进村入户", "T")], monkeypatch, body=BODY + caption + "\n" + BODY, body_roles=((caption, "C"),))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Caption", "Paragraph"]


@pytest.mark.parametrize(("cut", "rest"), [
    ("　　揭示了政治能力实践落", "点。习近平总书记从党的政治属性出发，阐明了提升政治能力的方向。"),
    ("　　主张，特别是强调人工智能", "的向善、普惠和安全，这与各方的期待是一致的。"),
    ("　　这堂课时间不长，十分钟", "不到；但对于可能直面大风大浪的渔民来说，这堂课可能关乎生死。"),
])
def test_a_head_whose_next_line_goes_on_mid_sentence_is_a_cut_paragraph_line(monkeypatch: pytest.MonkeyPatch, cut: str, rest: str) -> None:
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=BODY + cut + "\n" + rest + "\n", body_roles=((cut.strip(), "H"),))
    texts = [b.text for b in a.blocks]
    assert cut.strip() + rest in texts and cut.strip() not in texts


def test_a_line_the_model_called_a_title_that_stops_on_de_is_a_cut_paragraph_line(monkeypatch: pytest.MonkeyPatch) -> None:
    cut, rest = "这是一段足够长的", "正文，用来说明编者按之后的文章正文，以句号结束。"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=BODY + cut + "\n\n" + rest + "\n", body_roles=((cut, "T"),))
    assert [b.text for b in a.blocks] == [BODY.strip(), cut + rest]
    head = "2.血液是蓝色的"  # a section head may end so
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=BODY + head + "\n" + rest + "\n", body_roles=((head, "H"),))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Subheading", "Paragraph"]


@pytest.mark.parametrize("first", ["的确，这是一段足够长的正文。", "着眼长远，这是一段足够长的正文。", "如今，这是一段足够长的正文。", "看，这是一段足够长的正文。"])
def test_a_head_above_a_paragraph_that_begins_a_sentence_stays_a_head(monkeypatch: pytest.MonkeyPatch, first: str) -> None:
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=BODY + "　　筑牢安全底线\n" + first + "\n", body_roles=(("筑牢安全底线", "H"),))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Subheading", "Paragraph"]


def test_a_photo_credit_read_as_a_paragraph_inside_an_article_is_a_caption(monkeypatch: pytest.MonkeyPatch) -> None:
    long = "　　" + BODY.strip() * 2 + "\n"  # over 80 characters: a paragraph, not the credit's caption
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=long + "唐  克摄（人民视觉）\n" + BODY)
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Caption", "Paragraph"]


def test_a_photo_credit_at_an_articles_end_stays_its_own_line(monkeypatch: pytest.MonkeyPatch) -> None:
    text = HEAD + "一篇文章的标题\n" + BODY + "唐  克摄（人民视觉）\n" + "下一篇文章的标题\n" + BODY
    roles = {"一篇文章的标题": "T", "下一篇文章的标题": "T"}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    first = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"][0]
    assert [type(b).__name__ for b in first.blocks] == ["Paragraph", "Paragraph"]


def test_a_closing_photo_credit_the_model_read_as_a_caption_is_an_end_note(monkeypatch: pytest.MonkeyPatch) -> None:
    credit, photo = "唐  克摄（影像中国）", "6月7日，出口加纳的国产工程机械装入班轮。"  # (a 图为 line: the photo story's text)
    body = BODY.strip() * 2 + "\n"  # a paragraph too long to be the credit's caption, on a page without indents
    text = HEAD + "图片报道\n" + body + credit + "\n" + "下一篇文章的标题\n" + body
    roles = {"图片报道": "T", "下一篇文章的标题": "T", credit: "C"}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    first = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"][0]
    assert [(type(b).__name__, b.text) for b in first.blocks] == [("Paragraph", BODY.strip() * 2), ("Paragraph", credit)]
    # under a line the model read as a caption, the credit stays that caption's
    roles[photo] = "C"
    text = HEAD + "图片报道\n" + body + photo + "\n" + credit + "\n" + "下一篇文章的标题\n" + body
    first = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"][0]
    assert [type(b).__name__ for b in first.blocks][0] == "Paragraph" and {type(b).__name__ for b in first.blocks[1:]} == {"Caption"}
    assert credit in [b.text for b in first.blocks[1:]]


@pytest.mark.parametrize(
    "caption",
    [
        "建制派議員在立法會宣誓。黎家威攝", "图为1月2日拍摄的天津港码头。新华社记者 赵子硕摄", "政府總部外的示威者。資料圖片",
        "工作人员在对发货鞋类产品进行分拣、打包。新华社发（刘吉利摄）", "案發當日警方在尖沙咀拘控多人。（資料圖片）", "佛羅里達州的草莓也結冰。美聯社",
        "陳克勤宣誓時，無按立法會秘書長陳維安提醒舉起右手。立法會直播片段", "每人每月可領取3,485元。眾新聞製圖",
        "中環摩天輪。照片來源：google map", "Julia Bergès鏡頭下的香港。www.juliabergesphoto.com",
        # the source in brackets, as 联合早报 sets it
        "英国首相斯塔默星期一在伦敦接受彭博社访问时说，英国不必作出选择。 （彭博社）", "图为赖清德1月1日发表元旦演说。 （路透社档案照）",
        "中国在履行贸易休战协议中对美国大豆的采购承诺后，已开始增加巴西大豆订单。 （互联网）",
        "两江新区行政区1月25日举行揭牌活动。 （重庆市政府官网）", "中航信托投资者1月14日在办公楼前维权。 （受访者提供）",
    ],
)
def test_a_line_ending_with_a_photos_credit_after_its_sentence_is_a_caption(monkeypatch: pytest.MonkeyPatch, caption: str) -> None:
    text = BODY.strip() * 2  # paragraphs without an indent, too long to be a credit's caption
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{text}\n{caption}\n{text}\n")
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", text), ("Caption", caption), ("Paragraph", text)]
    # a sentence, a data source, a translated piece's source and a reporter's name in brackets stay text
    for line in ("我们向提供图片的作者致谢。", "全年增长百分之五。数据来源：国家统计局", "预报能力将再提升。（来源：NOAA官网）", "雨情趋缓。（张嘉赫）"):
        a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{text}\n{line}\n{text}\n")
        assert [type(b).__name__ for b in a.blocks] == ["Paragraph"] * 3


@pytest.mark.parametrize("role", ["N", "H", "T"])
def test_a_line_ending_with_a_photos_credit_after_its_sentence_is_a_caption_whatever_the_model_read(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    """Read as an end note, a head or a title, a sentence followed by its photo's credit is a caption all the same: an end
    note names no photographer after a sentence, and a head or a title holds no full stop. At the article's end the
    line before it stays its last paragraph (案件編號：WKCC956/2020 over the photo of the accused leaving the court)."""
    text = BODY.strip() * 2
    caption = "黎智英離開法庭時未有回應記者提問，要現場記者提醒才回頭上車。鄭啟智攝"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{text}\n{caption}\n{text}\n", body_roles=((caption, role),))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", text), ("Caption", caption), ("Paragraph", text)]
    last = "案件編號：WKCC956/2020"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{text}\n{last}\n{caption}\n", body_roles=((caption, role),))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", text), ("Paragraph", last), ("Caption", caption)]


@pytest.mark.parametrize(("first", "second"), [("中国气象局部署推", "进气象人工智能"), ("极端天气下，", "城市治理需“刚柔并济”")])
def test_a_line_read_as_a_head_under_a_title_cut_in_mid_phrase_is_its_second_line(monkeypatch: pytest.MonkeyPatch, first: str, second: str) -> None:
    a = _read([(first, "T"), (second, "H")], monkeypatch)
    assert a.title == first + second and "Subheading" not in [type(b).__name__ for b in a.blocks]
    # under a whole title the head stays (北斗探空业务新增 / 无线电频率获批: no word across the break, no comma)
    a = _read([("北斗探空业务新增", "T"), ("无线电频率获批", "H")], monkeypatch)
    assert a.title == "北斗探空业务新增" and [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["无线电频率获批"]


@pytest.mark.parametrize("role", ["S", "C", "B"])
def test_a_line_under_a_title_that_closes_the_bracket_the_title_left_open_is_its_second_line(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    a = _read([("世界杯赛场内外的中国制造（", "T"), ("美加墨世界杯·特别报道）", role)], monkeypatch)
    assert a.title == "世界杯赛场内外的中国制造（美加墨世界杯·特别报道）" and a.subtitle is None and a.byline is None
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph"]


def test_a_line_read_as_a_head_goes_on_into_the_text_when_a_word_runs_across_the_break(monkeypatch: pytest.MonkeyPatch) -> None:
    cut, rest = "日本右翼势力“狂飙”与经济发展衰", "退交织，正在形成“军事扩张—资本获利—再推动军事扩张”的危险循环。"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{BODY}{cut}\n{rest}\n", body_roles=((cut, "H"),))
    assert [b.text for b in a.blocks][-1] == cut + rest and "Subheading" not in [type(b).__name__ for b in a.blocks]
    # a head whose last word and the text's first make no word across the break stays a head
    head, text = "细化人才类别画像，畅通人才上升通道", "构建多元互通的人才发展通道，需要充分考虑各类人才的潜能专长。"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{BODY}{head}\n{text}\n", body_roles=((head, "H"),))
    assert [(type(b).__name__, b.text) for b in a.blocks][-2:] == [("Subheading", head), ("Paragraph", text)]


def test_a_short_paragraph_wrapped_in_the_column_that_ends_with_a_photos_credit_is_a_caption(monkeypatch: pytest.MonkeyPatch) -> None:
    # the column cut the credit itself (蘋果日報圖 / 片): no line holds it, the three lines joined do
    text = BODY.strip() * 2
    lines = [("曾蔭權在2011年向鄭若驊", "W"), ("頒授金紫荊星章。蘋果日報圖", "W"), ("片", "P")]
    body = f"{text}\n" + "".join(f"{t}\n" for t, _ in lines) + f"{text}\n"
    a = _read([("一篇文章的標題", "T")], monkeypatch, body=body, body_roles=tuple(lines))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [
        ("Paragraph", text), ("Caption", "曾蔭權在2011年向鄭若驊頒授金紫荊星章。蘋果日報圖片"), ("Paragraph", text)]
    # a credit that says who provided the photo (明報提 / 供)
    lines = [("「花姐」黃慧君認為，魯庭暉雖然整天裝酷，", "W"), ("但其實是一個很有愛心和同理心的人。明報提", "W"), ("供", "P")]
    body = f"{text}\n" + "".join(f"{t}\n" for t, _ in lines) + f"{text}\n"
    a = _read([("一篇文章的標題", "T")], monkeypatch, body=body, body_roles=tuple(lines))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Caption", "Paragraph"]
    # a paragraph of text as long as a column's worth of lines, ending the same way, stays text
    long = [("這是一段很長的正文，" * 6, "W"), ("說明它不是圖片說明，而是正文的一部分。" * 5 + "蘋果日報圖", "W"), ("片", "P")]
    body = f"{text}\n" + "".join(f"{t}\n" for t, _ in long) + f"{text}\n"
    a = _read([("一篇文章的標題", "T")], monkeypatch, body=body, body_roles=tuple(long))
    assert "Caption" not in [type(b).__name__ for b in a.blocks]


@pytest.mark.parametrize("met", [True, False])
@pytest.mark.parametrize(("name", "byline"), [("刘典", "刘典"), ("宋超营", "宋超营"), ("王  磊", "王磊")])  # a spaced name set close
def test_a_name_the_model_read_as_a_title_under_its_kicker_is_the_byline(monkeypatch: pytest.MonkeyPatch, name: str, byline: str, met: bool) -> None:
    # the issue shows a kicker (a lead-in ending ——), so no rule for an issue without one reads the pair first
    shows = [("河北正定县用心守护好千年文脉——", "K"), ("古城焕新颜", "T")]
    arts = _read_all([shows, [("词元经济：智能时代重塑生产力的重要引擎", "K"), (name, "T")]], monkeypatch, met=met)
    assert [(a.kicker, a.title, a.byline) for a in arts][1] == (None, "词元经济：智能时代重塑生产力的重要引擎", byline)


@pytest.mark.parametrize("met", [True, False])
def test_a_column_label_alone_under_a_line_read_as_a_kicker_labels_that_title(monkeypatch: pytest.MonkeyPatch, met: bool) -> None:
    shows = [("河北正定县用心守护好千年文脉——", "K"), ("古城焕新颜", "T")]
    group = [("云南做强做优做大资源型产业", "K"), ("（“十五五”开好局起好步）", "T"), ("本报记者  杨文明", "B")]
    a = _read_all([shows, group], monkeypatch, met=met)[1]
    assert a.kicker is None and a.title.startswith("云南做强做优做大资源型产业") and a.title.endswith("（“十五五”开好局起好步）")


def test_an_editors_note_head_the_model_read_as_the_titles_second_line_opens_the_note(monkeypatch: pytest.MonkeyPatch) -> None:
    note = "夏收夏种是稳住全年粮食产能的关键一环。本版推出特别策划，敬请关注。"
    a = _read([("气象赋能夏收夏种稳产增产更有底气", "T"), ("编者按：", "T")], monkeypatch, body=note + "\n" + BODY)
    assert a.title == "气象赋能夏收夏种稳产增产更有底气"
    notes = [b for b in a.blocks if getattr(b, "kind", "") == "editor-note"]
    assert len(notes) == 1 and note in "".join(notes[0].paragraphs)


@pytest.mark.parametrize("speaker", ["夏华声（巴西瓦加斯基金会经济学家）", "马科斯·伊格莱西亚（金砖国家新开发银行行长人工智能顾问）"])
def test_a_forum_speaker_with_a_post_read_as_a_title_is_text_of_the_forum(monkeypatch: pytest.MonkeyPatch, speaker: str) -> None:
    (a,) = _read_all([[("中国经济展现强大韧性和活力（权威论坛）", "T")], [(speaker, "T")]], monkeypatch)
    assert [b.text for b in a.blocks] == [BODY.strip(), speaker, BODY.strip()]
    # a title's bracket names its column, not a post: a title with its column label stays a title
    arts = _read_all([[("中国经济展现强大韧性和活力（权威论坛）", "T")], [("兴路（美丽乡村我的家）", "T")]], monkeypatch)
    assert [a.title for a in arts] == ["中国经济展现强大韧性和活力（权威论坛）", "兴路（美丽乡村我的家）"]


def test_a_credited_caption_the_model_ran_into_the_text_is_a_caption(monkeypatch: pytest.MonkeyPatch) -> None:
    text, caption = BODY.strip() * 2, "George Michael 1985年在北京演出。美聯社"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{text}\n{caption}\n{text}\n", body_roles=((caption, "W"),))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", text), ("Caption", caption), ("Paragraph", text)]
    # under a short line that runs on into it, the two are a caption wrapped in the column
    head = "这是一段在栏中折行的文字"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{head}\n{caption}\n{text}\n", body_roles=((head, "W"), (caption, "P")))
    captions = [b.text for b in a.blocks if type(b).__name__ == "Caption"]
    assert "".join(captions).replace(" ", "") == (head + caption).replace(" ", "") and [b.text for b in a.blocks][-1] == text
    # under a paragraph's worth of lines that run on into it, the same words end a paragraph: the text is left as read
    head = "这是一段在栏中折行的文字，它说的是一场演出的经过和听众的感受，" * 4
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=f"{head}\n{caption}\n{text}\n", body_roles=((head, "W"), (caption, "P")))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", head + caption), ("Paragraph", text)]


@pytest.mark.parametrize("line", ["杨  东摄（人民视觉）", "本期统筹：郭雪岩", "数据来源：国家统计局", "位于塔吉克斯坦的中塔合作项目产业园。"])
def test_a_line_no_headline_is_does_not_open_an_article_when_the_model_calls_it_a_title(monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=BODY + line + "\n" + BODY, body_roles=((line, "T"),))
    assert a.title == "一篇文章的标题"  # one article: the line stayed inside it
    assert line.replace(" ", "") in "".join(getattr(b, "text", "") for b in a.blocks).replace(" ", "")


def _articles(text: str, roles: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> list:
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    return [a for a in read_issue((HEAD + text).encode("utf-8")).articles() if a.kind == "article"]


@pytest.mark.parametrize("role", ["K", "H", "P"])
@pytest.mark.parametrize("maker", ["新华社音视频部制作", "新华社国内部出品", "新华社国内部、新华社甘肃分社联合制作", "北京大学人工智能研究院AGI芯片研究中心、唠科工作室联合制作"])
def test_a_makers_line_closes_its_article_whatever_the_model_read(monkeypatch: pytest.MonkeyPatch, maker: str, role: str) -> None:
    text = "一篇文章的标题\n" + BODY + maker + "\n" + "下一篇文章的标题\n" + BODY
    arts = _articles(text, {"一篇文章的标题": "T", maker: role, "下一篇文章的标题": "T"}, monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题", "下一篇文章的标题"] and arts[1].kicker is None
    assert [b.text for b in arts[0].blocks][-1] == maker


def test_a_couplet_the_model_ran_together_is_two_lines_of_verse(monkeypatch: pytest.MonkeyPatch) -> None:
    verse = "百草拈来须守度，\n护得苍生享安康。\n"
    text = "一篇文章的标题\n" + BODY * 4 + "这正是：\n" + verse + BODY  # the page's column: the text's long lines
    a = _articles(text, {"一篇文章的标题": "T", "百草拈来须守度，": "W"}, monkeypatch)[0]
    assert [b.text for b in a.blocks][5:7] == ["百草拈来须守度，", "护得苍生享安康。"]
    # a line that is the rest of one running on into it stays in its paragraph
    text = "一篇文章的标题\n" + BODY * 4 + "这是一段在栏中折行的文字\n" + verse + BODY
    a = _articles(text, {"一篇文章的标题": "T", "这是一段在栏中折行的文字": "W", "百草拈来须守度，": "W"}, monkeypatch)[0]
    assert "这是一段在栏中折行的文字百草拈来须守度，护得苍生享安康。" in [b.text for b in a.blocks]
    # in a column no wider than the couplet's lines, they are column lines: a paragraph wrapped in the column
    column = "一二三四五六七八九\n" * 6 + "子丑寅卯辰巳午未。\n"
    text = "一篇文章的标题\n" + column + verse + BODY
    roles = {"一篇文章的标题": "T", "一二三四五六七八九": "W", "百草拈来须守度，": "W"}
    a = _articles(text, roles, monkeypatch)[0]
    assert "百草拈来须守度，护得苍生享安康。" in [b.text for b in a.blocks]


def test_a_head_after_a_briefs_bracketed_reporter_stays_a_head(monkeypatch: pytest.MonkeyPatch) -> None:
    """A roundup signs each brief with its reporter in brackets (…提供关键支撑。（韩旭）) and goes on with the next
    brief's head: the head read as one stays a head of the same article. (A rule once made every head after such a
    bracket a title; on the leave-one-paper-out readings it made 21, 3 of them right: the rest were roundup heads and list items.)"""
    text = (
        "一篇文章的标题\n" + "　　这是一段足够长的正文，用来说明标题之后的文章正文，它以记者的名字结束。（记者朱丽莉、陈露缘）\n"
        + "高空大型无人机\n" + BODY
    )
    (art,) = _articles(text, {"一篇文章的标题": "T", "高空大型无人机": "H"}, monkeypatch)
    assert [b.text for b in art.blocks if type(b).__name__ == "Subheading"] == ["高空大型无人机"]


def test_a_title_close_under_the_text_is_a_head_where_the_issue_sets_its_articles_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    titles = [f"第{n}篇文章的标题" for n in "一二三四五六七八九十"]
    head = "福建举办农产品经纪人技能竞赛"
    roles = {t: "T" for t in titles} | {head: "T", "推进共同富裕——": "P"}
    apart = "".join(t + "\n" + BODY + "\n" for t in titles[:9])  # nine titles after a blank line under the text
    arts = _articles(apart + titles[9] + "\n" + BODY + head + "\n" + BODY, roles, monkeypatch)
    assert [a.title for a in arts] == titles  # the one close under the text is a head
    assert [b.text for b in arts[9].blocks if type(b).__name__ == "Subheading"] == [head]
    # with one title in five close under the text, that is no habit
    close = "".join(t + "\n" + BODY + "\n" for t in titles[:4]) + titles[4] + "\n" + BODY + head + "\n" + BODY
    assert [a.title for a in _articles(close, roles, monkeypatch)][-1] == head
    # under a line that finishes no sentence (a kicker read as text) the title stays (paragraphs with no indent here,
    # so that no line is set apart by its indent)
    plain = BODY.lstrip("　")
    apart = "".join(t + "\n" + plain + "\n" for t in titles)
    arts = _articles(apart + "推进共同富裕——\n" + head + "\n" + plain, roles, monkeypatch)
    assert [a.title for a in arts][-1] == head


def test_a_short_lead_in_over_a_head_is_a_head(monkeypatch: pytest.MonkeyPatch) -> None:
    body = BODY.lstrip("　")  # paragraphs with no indent: no line stands apart by its indent
    roles = {"一篇文章的标题": "T", "清算罪行，捍卫人类文明": "H"}
    text = "一篇文章的标题\n" + body + "历史审判——\n" + "清算罪行，捍卫人类文明\n" + body
    (a,) = _articles(text, roles, monkeypatch)
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["历史审判——", "清算罪行，捍卫人类文明"]
    # a long line ending —— is text leading into what follows; a line the one above runs on into stays in its paragraph
    long = "围绕加强气象灾害监测预警和应急联动工作——"
    (a,) = _articles("一篇文章的标题\n" + body + long + "\n清算罪行，捍卫人类文明\n" + body, roles, monkeypatch)
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["清算罪行，捍卫人类文明"]
    cut = "这是一段在栏中折行的文字，它的后面"
    (a,) = _articles("一篇文章的标题\n" + cut + "\n历史审判——\n清算罪行，捍卫人类文明\n" + body, roles | {cut: "W"}, monkeypatch)
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["清算罪行，捍卫人类文明"]


def test_a_head_set_apart_by_a_blank_line_heads_the_next_article_where_heads_stand_close(monkeypatch: pytest.MonkeyPatch) -> None:
    roles = {"一篇文章的标题": "T", "党建引领强根基": "H", "民生为本优治理": "H", "坚守风雨一线跑出防灾加速度": "H"}
    text = "一篇文章的标题\n" + BODY + "党建引领强根基\n" + BODY + "民生为本优治理\n" + BODY + "\n坚守风雨一线跑出防灾加速度\n" + BODY
    arts = _articles(text, roles, monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题", "坚守风雨一线跑出防灾加速度"]
    assert [b.text for b in arts[0].blocks if type(b).__name__ == "Subheading"] == ["党建引领强根基", "民生为本优治理"]


def test_a_head_set_apart_stays_a_head_where_the_issue_sets_every_head_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    roles = {"一篇文章的标题": "T", "党建引领强根基": "H", "民生为本优治理": "H"}
    text = "一篇文章的标题\n" + BODY + "\n党建引领强根基\n" + BODY + "\n民生为本优治理\n" + BODY
    (a,) = _articles(text, roles, monkeypatch)  # no head stands close to the text above: a blank line parts sections
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["党建引领强根基", "民生为本优治理"]
    # one head close and one apart is no habit either
    text = "一篇文章的标题\n" + BODY + "党建引领强根基\n" + BODY + "\n民生为本优治理\n" + BODY
    (a,) = _articles(text, roles, monkeypatch)
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["党建引领强根基", "民生为本优治理"]


@pytest.mark.parametrize(("end", "head"), [("新华社发（比拉尔·贾维希摄）", "伊朗：已掌握敌方作战计划"), ("（张莹）", "漯河")])
def test_a_head_after_a_photo_credit_or_a_briefs_name_stays_a_head(monkeypatch: pytest.MonkeyPatch, end: str, head: str) -> None:
    text = "一篇文章的标题\n" + "　　这是一段足够长的正文，用来说明标题之后的文章正文，它的末尾另有说明。" + end + "\n" + head + "\n" + BODY
    (a,) = _articles(text, {"一篇文章的标题": "T", head: "H"}, monkeypatch)
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == [head]


def test_a_page_opens_with_a_headline_unless_the_page_before_left_a_sentence_open(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "第1版 要闻\n\n一篇文章的标题\n" + BODY + "\f第2版 综合\n\n第二篇文章的标题\n" + BODY
    arts = _articles(body, {"一篇文章的标题": "T", "第二篇文章的标题": "W"}, monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题", "第二篇文章的标题"]  # the model's "runs on" is overruled
    cut = "第1版 要闻\n\n一篇文章的标题\n　　这是第一篇的第一段，内容很长很长，后面还有\n\f第2版 综合\n\n更多的内容在这里结束。\n"
    arts = _articles(cut, {"一篇文章的标题": "T", "　　这是第一篇的第一段，内容很长很长，后面还有".strip(): "W"}, monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题"]  # a sentence left open goes on at the top of the next page


@pytest.mark.parametrize("role", ["C", "H", "N", "T"])
def test_a_line_opening_with_a_continued_from_marker_is_the_carried_articles_text(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    cut = "　　这是第一篇的第一段，内容很长很长，村级林长每月巡林不少于两"
    text = "第1版 要闻\n\n一篇文章的标题\n" + cut + "\n（转2版）\n\f第2版 综合\n\n（接1版）次。\n" + BODY
    first, carried = _articles(text, {"一篇文章的标题": "T", cut.strip(): "W", "（接1版）次。": role}, monkeypatch)
    assert [type(b).__name__ for b in first.blocks][:2] == ["Paragraph", "PageJump"]
    # the continuation (stitched to the first article after reading) opens with its marker and goes on with the text
    assert [(type(b).__name__, getattr(b, "text", None)) for b in carried.blocks][:2] == [("PageJump", "（接1版）"), ("Paragraph", "次。")]


@pytest.mark.parametrize("reporters", ["新华社记者赵文君、高亢", "記者莊曉彤", "新华社记者王钟毅\u3000朱雨博\u3000刘宇辰", "眾 新 聞 記 者", "新 华 社 记 者 邹 多 为", "台灣特派員鄭智仁", "實 習 記 者 梁 穎 欣", "实习记者王磊",
    "本报通讯 员 米卫红", "本报通讯员 张妍张金平杨芳",  # a stray space in 通讯员; names run together (中国气象报)
    "嘉兴日报记者  杨  洁  潘晓琴  郑小梅", "人民网记者  王  初",  # another outlet's reporters on 人民日报's page
    "界面新闻记者 | 尹靖霏", "界面新闻记者\u3000|\u3000牛其昌"])  # the name parted by a bar
def test_a_names_only_reporter_line_under_a_title_is_its_byline(monkeypatch: pytest.MonkeyPatch, reporters: str) -> None:
    a = _read([("一篇文章的标题", "T"), (reporters, "T")], monkeypatch)
    assert (a.title, a.byline) == ("一篇文章的标题", SET_CLOSE.get(reporters, reporters))


def test_a_reporter_line_under_a_title_read_as_the_caption_over_the_lead_photos_credit_is_the_byline(monkeypatch: pytest.MonkeyPatch) -> None:
    # the lead photo's credit stands right under the byline (界面新闻); a caption elsewhere stays one
    credit = "图片来源：界面图库"
    a = _read([("一篇文章的标题", "T"), ("界面新闻记者 | 冯丽君", "C"), (credit, "C")], monkeypatch)
    assert (a.title, a.byline) == ("一篇文章的标题", "界面新闻记者 | 冯丽君")
    assert [(type(b).__name__, b.text) for b in a.blocks][0] == ("Caption", credit)
    # running text naming a reporter is no byline, bar or not
    a = _read([("一篇文章的标题", "T"), ("有信托从业人员向界面新闻记者透露", "C")], monkeypatch)
    assert a.byline is None


# the bylines above as the reader sets them: letter-spacing taken out (reader/spacing.py), the gaps between names kept
SET_CLOSE = {
    "眾 新 聞 記 者": "眾新聞記者", "新 华 社 记 者 邹 多 为": "新华社记者邹多为", "實 習 記 者 梁 穎 欣": "實習記者梁穎欣",
    "嘉兴日报记者  杨  洁  潘晓琴  郑小梅": "嘉兴日报记者  杨洁  潘晓琴  郑小梅", "人民网记者  王  初": "人民网记者  王初",
    "本报记者  郑  轶": "本报记者  郑轶", "郑  轶": "郑轶",
}


DATELINE = "　　本报北京8月17日电  （记者郑轶）由国际连珠联盟主办的世界五子棋团体锦标赛日前落幕，中国队夺得冠亚军。\n"


def test_a_line_read_as_a_byline_over_a_dateline_that_names_no_one_is_the_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("2026年世界五子棋团体锦标赛", "T"), ("中国队包揽冠亚军", "B")], monkeypatch, body=DATELINE)
    assert (a.title, a.subtitle, a.byline) == ("2026年世界五子棋团体锦标赛", "中国队包揽冠亚军", None)


@pytest.mark.parametrize("kicker, title", [("WTT美国大满贯赛结束", "中国队收获三项冠军"), ("上海明确要以企业群众感受度为标尺", "推动“一网通办”再升级")])
def test_a_line_read_as_a_byline_over_a_dateline_nearly_as_long_as_the_title_is_the_title_under_its_kicker(
    monkeypatch: pytest.MonkeyPatch, kicker: str, title: str
) -> None:
    """A subtitle is much shorter than its title; a line nearly as long, read as the byline, is the title and the line
    above it the kicker (人民日报's sports and city briefs)."""
    a = _read([(kicker, "T"), (title, "B")], monkeypatch, body=DATELINE)
    assert (a.kicker, a.title, a.subtitle, a.byline) == (kicker, title, None, None)


@pytest.mark.parametrize("byline", ["本报记者  郑  轶", "郑  轶", "新华社记者赵文君、高亢"])
def test_a_reporter_line_over_a_dateline_stays_the_byline(monkeypatch: pytest.MonkeyPatch, byline: str) -> None:
    a = _read([("2026年世界五子棋团体锦标赛", "T"), (byline, "B")], monkeypatch, body=DATELINE)
    assert (a.subtitle, a.byline) == (None, SET_CLOSE.get(byline, byline))


@pytest.mark.parametrize("line", ["本报记者调查组织建设", "记者手记"])
def test_a_reporters_column_under_a_title_is_no_byline(monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    a = _read([("一篇文章的标题", "T"), (line, "T")], monkeypatch)
    assert a.byline is None


@pytest.mark.parametrize("role", ["X", "H"])
def test_a_names_only_reporter_line_read_as_a_box_or_a_head_under_a_title_is_its_byline(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    a = _read([("一篇文章的标题", "T"), ("本报记者  林  晓", role)], monkeypatch)
    assert (a.title, a.byline) == ("一篇文章的标题", "本报记者  林晓")


@pytest.mark.parametrize("role", ["P", "W", "C"])
@pytest.mark.parametrize("reporters", ["眾新聞記者", "記者張凱傑", "本报通讯 员 李雯吴然王娣"])
def test_a_reporter_line_read_as_text_or_a_caption_under_a_title_is_its_byline(monkeypatch: pytest.MonkeyPatch, role: str, reporters: str) -> None:
    a = _read([("一篇文章的标题", "T"), (reporters, role)], monkeypatch)
    assert (a.title, a.byline) == ("一篇文章的标题", reporters)


def test_a_head_between_a_title_and_its_byline_is_the_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    # 气象服务跟着农时走 / 多地开展春播期精细化预报 / 本报记者  林  晓: no section head stands above a byline
    a = _read([("气象服务跟着农时走", "T"), ("多地开展春播期精细化预报", "H"), ("本报记者  林  晓", "X")], monkeypatch)
    assert (a.title, a.subtitle, a.byline) == ("气象服务跟着农时走", "多地开展春播期精细化预报", "本报记者  林晓")
    assert not [b for b in a.blocks if type(b).__name__ == "Subheading"]


def test_two_lines_read_as_no_text_between_a_title_and_its_byline_are_its_title_and_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    # kicker, title, subtitle, byline: print's order of a headline group
    a = _read([("春耕春播气象服务·一线见闻", "T"), ("气象服务跟着农时走", "X"), ("多地开展春播期精细化预报", "X"), ("本报记者  林  晓", "X")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle, a.byline) == ("春耕春播气象服务·一线见闻", "气象服务跟着农时走", "多地开展春播期精细化预报", "本报记者  林晓")
    assert [b.text for b in a.blocks if type(b).__name__ == "Paragraph"] == [BODY.strip()]


def test_a_head_under_a_title_stays_a_head_above_text(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("气象服务跟着农时走", "T"), ("多地开展春播期精细化预报", "H")], monkeypatch)
    assert a.subtitle is None and [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["多地开展春播期精细化预报"]


def test_a_letter_spaced_reporter_line_under_a_kicker_is_the_byline_of_an_article_the_kicker_heads(monkeypatch: pytest.MonkeyPatch) -> None:
    # 新华社经济随笔：… / 新 华 社 记 者 邹 多 为, read as kicker and title: the spaced line is no title
    a = _read([("新华社经济随笔：“一降一增”之间，中国外贸破局前行", "K"), ("新 华 社 记 者 邹 多 为", "T")], monkeypatch)
    assert (a.title, a.byline) == ("新华社经济随笔：“一降一增”之间，中国外贸破局前行", "新华社记者邹多为")


@pytest.mark.parametrize("label", ["记者手记", "记者回音", "记者观察", "我是一名记者", "记 者 手 记"])
def test_a_column_label_that_begins_with_reporter_is_no_byline(monkeypatch: pytest.MonkeyPatch, label: str) -> None:
    a = _read([("数据多跑路 群众少跑腿", "T"), (label, "S")], monkeypatch)
    assert (a.subtitle, a.byline) == (label.replace(" ", ""), None)  # a letter-spaced label is set close


def test_a_long_paragraph_at_a_pages_top_is_no_title(monkeypatch: pytest.MonkeyPatch) -> None:
    long = "　　" + "这是一段很长的正文，" * 8 + "它不是标题"  # no final stop: lines_no_title_is leaves it alone
    text = "第1版 要闻\n\n一篇文章的标题\n" + BODY + "\f第2版 综合\n\n" + long + "\n第二篇文章的标题\n" + BODY
    arts = _articles(text, {"一篇文章的标题": "T", "第二篇文章的标题": "T"}, monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题", "第二篇文章的标题"]


def test_the_column_label_goes_with_the_title_so_the_line_above_is_the_kicker(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("五位自然资源领域代表与中外记者交流", "T"), ("守护自然资源  建设美丽中国（权威发布）", "S")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == ("五位自然资源领域代表与中外记者交流", "守护自然资源  建设美丽中国（权威发布）", None)
    a = _read([("高原治虫记（深度观察）", "T"), ("青海综合防治包虫病纪实", "S")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "高原治虫记（深度观察）", "青海综合防治包虫病纪实")  # the label is the title's


def test_a_kicker_whose_last_two_characters_and_the_titles_first_two_make_a_word_stays_the_kicker(monkeypatch: pytest.MonkeyPatch) -> None:
    # 交流|民营: 流民 is a word, but cut both ways the break falls between 交流 and 民营
    kicker, title = "五位民营企业家和新的社会阶层人士代表与中外记者交流", "民营经济发展前景广阔、大有可为（权威发布）"
    for met in (True, False):
        (a,) = _read_all([[(kicker, "K"), (title, "T")]], monkeypatch, met=met)
        assert (a.kicker, a.title) == (kicker, title)
    # a kicker line cut inside a word is the title's first line
    (a,) = _read_all([[("中国气象局部署推", "K"), ("进气象人工智能", "T")]], monkeypatch)
    assert (a.kicker, a.title) == (None, "中国气象局部署推进气象人工智能")


def test_a_columns_label_on_a_line_of_its_own_under_a_title_line_is_the_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    (a,) = _read_all([[("到鼓浪屿，赴一场诗意之约", "T"), ("（以文塑旅  以旅彰文）", "T")]], monkeypatch)
    assert (a.kicker, a.title) == (None, "到鼓浪屿，赴一场诗意之约（以文塑旅  以旅彰文）")


def test_for_a_paper_the_model_has_not_met_the_lines_over_a_labelled_title_are_its_kicker(monkeypatch: pytest.MonkeyPatch) -> None:
    group = [("国家老年大学已在各地设立8.2万个基层学习点", "T"), ("学海共畅游  桑榆霞满天（大数据观察）", "T")]
    (a,) = _read_all([group], monkeypatch)
    assert (a.kicker, a.title) == ("国家老年大学已在各地设立8.2万个基层学习点", "学海共畅游  桑榆霞满天（大数据观察）")
    (a,) = _read_all([group], monkeypatch, met=True)  # a paper the model has met: two title lines are one title
    assert (a.kicker, a.title) == (None, "国家老年大学已在各地设立8.2万个基层学习点学海共畅游  桑榆霞满天（大数据观察）")
    for first, last in (("读懂“文物微笑”背后", "的意涵（人民时评）"), ("在安纳西，看见中国动画的", "出发与远航（环球走笔）"),
                        ("规范涉企行政执法专项行动", "取得明显成效（权威发布）"), ("让人工智能这匹千里马跑", "得又快又稳（新知新觉）")):
        (a,) = _read_all([[(first, "T"), (last, "T")]], monkeypatch)  # the last words of a wrapped title, or a line cut after 的
        assert (a.kicker, a.title) == (None, first + last)


def test_for_a_paper_the_model_has_not_met_a_line_of_matched_phrases_under_another_is_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    for second in ("T", "S"):  # read as a second title line or as a subtitle
        group = [("327家企业的521个产品获得拟中选资格", "T"), ("交通更有序  出行更从容", second)]
        (a,) = _read_all([group], monkeypatch)
        assert (a.kicker, a.title, a.subtitle) == ("327家企业的521个产品获得拟中选资格", "交通更有序  出行更从容", None)
        (a,) = _read_all([group], monkeypatch, met=True)  # a paper the model has met: the model's reading stands
        assert a.kicker is None
    quoted = [("中消协等提示警惕网络理财课程陷阱", "T"), ("“免费体验”套路多  “高额回报”陷阱多", "S")]  # phrases that open with a quote
    (a,) = _read_all([quoted], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == ("中消协等提示警惕网络理财课程陷阱", "“免费体验”套路多  “高额回报”陷阱多", None)
    (a,) = _read_all([[("让预警分得开", "T"), ("探析气象分区预警如何直达最后一公里", "S")]], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "让预警分得开", "探析气象分区预警如何直达最后一公里")  # no matched phrases
    # a long title's last words after its space are no pair of phrases: the title goes on
    (a,) = _read_all([[("坚持系统观念推进城市更新", "T"), ("完善配套设施  强化长效治理机制建设", "S")]], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "坚持系统观念推进城市更新", "完善配套设施  强化长效治理机制建设")


def test_a_traditional_title_broken_inside_a_word_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # 現|場 is a word in Simplified (现场): the word list is read through the issue's Simplified view
    group = [("【迷你倉死因研訊】VR還原火災後現", "T"), ("場圖重組死者路線　揭走廊非常狹窄", "T")]
    body = "　　這是一段足夠長的正文，用來說明標題之後的文章正文，它的長度超過四十個字，以句號結束。\n"
    roles = dict(group)
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    monkeypatch.setattr(assembly, "known_paper", lambda paper: False)
    text = HEAD + "".join(t + "\n" for t, _ in group) + body * 12
    (a,) = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert (a.kicker, a.title) == (None, "【迷你倉死因研訊】VR還原火災後現場圖重組死者路線　揭走廊非常狹窄")


NO_KICKER = [("观测数据“跑”在风雨前", "K"), ("海南践行“观测即服务”理念应对台风“美莎克”", "T")]


def test_in_an_issue_that_shows_no_kicker_a_kicker_over_a_title_is_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    (a,) = _read_all([NO_KICKER], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "观测数据“跑”在风雨前", "海南践行“观测即服务”理念应对台风“美莎克”")
    (a,) = _read_all([NO_KICKER], monkeypatch, met=True)  # a paper the model has met: its kickers are the model's
    assert (a.kicker, a.title) == ("观测数据“跑”在风雨前", "海南践行“观测即服务”理念应对台风“美莎克”")


@pytest.mark.parametrize("shown", [
    [("河北正定县用心守护好千年文脉——", "K"), ("保护中发展  古城焕光彩", "T")],  # a lead-in ending ——
    [("国家老年大学已在各地设立8.2万个基层学习点", "K"), ("学海共畅游  桑榆霞满天（大数据观察）", "T")],  # a column label
    [("家教课堂", "K"), ("孩子沉迷短视频怎么办？", "T")],  # a column's name
    [("“办好民生实事”系列报道之三", "K"), ("12345热线：群众诉求件件有回音", "T")],  # a series' label
])
def test_an_issue_that_shows_a_kicker_keeps_the_models_kickers(monkeypatch: pytest.MonkeyPatch, shown: list) -> None:
    _, a = _read_all([shown, NO_KICKER], monkeypatch)
    assert (a.kicker, a.title) == ("观测数据“跑”在风雨前", "海南践行“观测即服务”理念应对台风“美莎克”")


SHORT_UNDER = [("湖南省衡南县呵护青少年心理健康", "T"), ("来“知心屋”说说心里话", "S")]  # 15 over 11 characters
SHOWN = [("家教课堂", "K"), ("孩子沉迷短视频怎么办？", "T")]


def test_in_an_issue_that_shows_a_kicker_a_short_line_under_a_title_is_the_title(monkeypatch: pytest.MonkeyPatch) -> None:
    _, a = _read_all([SHOWN, SHORT_UNDER], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == ("湖南省衡南县呵护青少年心理健康", "来“知心屋”说说心里话", None)
    _, a = _read_all([SHOWN, SHORT_UNDER], monkeypatch, met=True)  # a paper the model has met: the model's subtitle
    assert (a.kicker, a.title, a.subtitle) == (None, "湖南省衡南县呵护青少年心理健康", "来“知心屋”说说心里话")


LONGER_UNDER = [("丽水巨灾保险再升级", "T"), ("明确将暴雨红色及橙色预警信号列为赔付触发条件", "T")]  # 9 over 22 characters


def test_two_title_lines_the_second_longer_are_title_and_subtitle_or_kicker_and_title(monkeypatch: pytest.MonkeyPatch) -> None:
    (a,) = _read_all([LONGER_UNDER], monkeypatch)  # no kicker shown: the title over its subtitle
    assert (a.kicker, a.title, a.subtitle) == (None, "丽水巨灾保险再升级", "明确将暴雨红色及橙色预警信号列为赔付触发条件")
    _, a = _read_all([SHOWN, LONGER_UNDER], monkeypatch)  # an issue that shows a kicker: the kicker over its title
    assert (a.kicker, a.title, a.subtitle) == ("丽水巨灾保险再升级", "明确将暴雨红色及橙色预警信号列为赔付触发条件", None)
    # a paper the model has met too: read together as one title, the two lines come apart all the same
    (a,) = _read_all([LONGER_UNDER], monkeypatch, met=True)
    assert (a.kicker, a.title, a.subtitle) == (None, "丽水巨灾保险再升级", "明确将暴雨红色及橙色预警信号列为赔付触发条件")
    _, a = _read_all([SHOWN, LONGER_UNDER], monkeypatch, met=True)
    assert (a.kicker, a.title, a.subtitle) == ("丽水巨灾保险再升级", "明确将暴雨红色及橙色预警信号列为赔付触发条件", None)


@pytest.mark.parametrize("group", [
    [("“网红”玩具不可忽视", "T"), ("安全性（建议）", "T")],  # a wrapped title: the rest is no longer
    [("这样的保研辅导，", "T"), ("是“馅饼”还是“陷阱”？", "T")],  # broken after a comma
])
def test_two_title_lines_that_wrap_stay_one_title(monkeypatch: pytest.MonkeyPatch, group: list) -> None:
    _, a = _read_all([SHOWN, group], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, group[0][0] + group[1][0], None)


@pytest.mark.parametrize("group", [
    [("第五次全国人民法庭工作会议在京召开", "T"), ("——陈文清出席会议并讲话", "S")],  # a dashed subtitle
    [("湖南省衡南县呵护青少年心理健康", "T"), ("来“知心屋”说说心里话啊", "S")],  # three characters shorter only
])
def test_a_dashed_or_nearly_as_long_subtitle_stays_under_its_title(monkeypatch: pytest.MonkeyPatch, group: list) -> None:
    _, a = _read_all([SHOWN, group], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, group[0][0], group[1][0])


def test_in_an_issue_that_shows_no_kicker_a_short_line_under_a_title_stays_its_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    (a,) = _read_all([SHORT_UNDER], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "湖南省衡南县呵护青少年心理健康", "来“知心屋”说说心里话")


@pytest.mark.parametrize("roles", [("N", "N"), ("C", "C"), ("P", "P"), ("P", "H")])
def test_a_reporter_line_over_the_text_makes_the_line_above_it_a_title(monkeypatch: pytest.MonkeyPatch, roles: tuple) -> None:
    head, reporter = "特朗普退出伊朗核協議失信國際　或影響美朝會談", "記者陳駿豪"
    a = _read([(head, roles[0]), (reporter, roles[1])], monkeypatch, body=BODY * 2)
    assert (a.title, a.byline) == (head, reporter)


@pytest.mark.parametrize("head", ["这是上一篇文章的最后一句话。", "——陳以晉出獄　眼神堅定激動　母子牽手離開"])
def test_a_finished_sentence_or_a_dashed_line_over_a_reporter_line_is_no_title(monkeypatch: pytest.MonkeyPatch, head: str) -> None:
    arts = _articles("一篇文章的标题\n" + BODY + head + "\n记者陈骏豪\n" + BODY, {"一篇文章的标题": "T", "记者陈骏豪": "N"}, monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题"]


def test_a_line_the_model_runs_on_ends_its_paragraph_when_the_next_line_is_indented(monkeypatch: pytest.MonkeyPatch) -> None:
    first = "　　这是第一段，模型以为它在下一行接着写"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=first + "\n" + BODY, body_roles=((first.strip(), "W"),))
    assert [b.text for b in a.blocks] == [first.strip(), BODY.strip()]  # an indent opens the second paragraph


COLUMN = [  # wrapped at 15 characters, each paragraph's first line indented
    ("　　当下，数字内容创意设计与人", "W"), ("工智能技术深度融合，视觉审美从", "W"), ("二维的平面画布、屏幕图像，向全", "W"),
    ("息的、体验式的三维新场景演进。", "P"), ("在此进程中，高精度空间定位、实", "W"), ("时渲染算法成为关键支撑。", "P"),
    ("　　传统的博物馆展览，一般将展", "W"), ("品陈列在玻璃柜中供观众观看。", "P"),
]


def test_a_full_line_ends_no_paragraph_when_the_next_line_is_not_indented(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "".join(t + "\n" for t, _ in COLUMN)
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=tuple((t.strip(), r) for t, r in COLUMN))
    lines = [t.strip() for t, _ in COLUMN]
    assert [b.text for b in a.blocks] == ["".join(lines[:6]), "".join(lines[6:])]


def test_a_paragraphs_indented_first_line_that_fills_the_column_ends_no_paragraph_above_a_line_with_no_indent(monkeypatch: pytest.MonkeyPatch) -> None:
    # the indent takes two of the column's 15 places: 13 characters fill the first line
    first = [("　　二是加快建设新型能源体系。", "P"), ("着力构建新型电力系统，坚持风光", "W"), ("水核等多能并举。", "P")]
    column = COLUMN + first
    body = "".join(t + "\n" for t, _ in column)
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=tuple((t.strip(), r) for t, r in column))
    assert [b.text for b in a.blocks][-1] == "二是加快建设新型能源体系。着力构建新型电力系统，坚持风光水核等多能并举。"
    assert len(a.blocks) == 3


def test_a_full_line_ends_its_paragraph_above_an_indent_or_where_no_line_is_indented(monkeypatch: pytest.MonkeyPatch) -> None:
    indented = [(("　　" + t) if t.startswith("在此") else t, r) for t, r in COLUMN]
    body = "".join(t + "\n" for t, _ in indented)
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=tuple((t.strip(), r) for t, r in indented))
    assert len(a.blocks) == 3  # an indent under it: the model's paragraph end stands
    flat = [(t.strip(), r) for t, r in COLUMN]
    a = _read([("一篇文章的标题", "T")], monkeypatch, body="".join(t + "\n" for t, _ in flat), body_roles=tuple(flat))
    assert len(a.blocks) == 3  # a page that indents no paragraph shows nothing: the model decides


LEAD_IN = "　　这是第一段很长的导语，它写完了一层意思，却没有以句号收尾，把南海问题拉回到对话协商的正确轨道上来"


@pytest.mark.parametrize("opener", ["近日，部分域外国家发表联合声明。", "7月11日，浙江省台州市发布通知。", "近年来，我国跨境电商快速发展。"])
def test_a_line_that_finishes_no_sentence_ends_its_paragraph_above_a_time_word_and_a_comma(monkeypatch: pytest.MonkeyPatch, opener: str) -> None:
    body = LEAD_IN + "\n" + opener + "\n"
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=((LEAD_IN.strip(), "W"), (opener, "P")))
    assert [b.text for b in a.blocks] == [LEAD_IN.strip(), opener]


@pytest.mark.parametrize(("line", "below"), [
    ("　　这是第一段很长的正文，它说到入境通关的最高峰出现在", "5月2日，达252万人次。"),  # a word that takes a date
    ("　　这是第一段很长的正文，它说到入境通关的最高峰是5月", "2日，达252万人次。"),  # a date cut in two
    ("　　这是第一段很长的正文，它说到入境通关的最高峰，", "5月2日，达252万人次。"),  # a clause's comma
    ("　　本报讯  记者 张三  通讯员 李四  王五  赵六  钱七  孙八", "6月10日，河南发布暴雨强度公式。"),  # a dateline
])
def test_a_date_that_goes_on_a_line_does_not_begin_a_paragraph(monkeypatch: pytest.MonkeyPatch, line: str, below: str) -> None:
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=line + "\n" + below + "\n", body_roles=((line.strip(), "W"), (below, "P")))
    assert [b.text for b in a.blocks] == [line.strip() + below]


def test_a_title_right_above_a_kicker_is_that_headlines_kicker(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("春耕春播气象服务·一线见闻", "T"), ("气象服务跟着农时走", "K")], monkeypatch)  # _read: one article, not two
    assert (a.kicker, a.title) == ("春耕春播气象服务·一线见闻", "气象服务跟着农时走")
    a = _read([("春耕春播气象服务·一线见闻", "K"), ("气象服务跟着农时走", "T")], monkeypatch)
    assert (a.kicker, a.title) == ("春耕春播气象服务·一线见闻", "气象服务跟着农时走")  # the model's own order stays
    # a line without the column mark keeps the model's roles (on the real corpus such swaps lost titles): here a
    # guide's head read as a title over the line under it read as the next headline's kicker, two headlines as read
    arts = _articles("导读\n理论\n" + BODY, {"导读": "T", "理论": "K"}, monkeypatch)
    assert [a.title for a in arts] == ["导读", "理论"]


@pytest.mark.parametrize("first", ["K", "P"])
def test_a_guide_whose_entries_name_their_pages_runs_to_its_last_page_line(monkeypatch: pytest.MonkeyPatch, first: str) -> None:
    """A guide (导读) whose entries name their pages on lines of their own is the title over every line down to the last
    page line, each an entry, whatever the model read them as: a kicker over a title over a byline, a head. An entry
    the column wrapped goes on (not into its page line); the headline under the guide stands."""
    guide = [("导读", first), ("庆祝中国共产党成立105周年特别报道", "T"), ("担负起新的文化使命", "B"), ("第十版", "P"),
             ("深入学习贯彻习近平党", "W"), ("建思想 推动新时代纪检监察工作", "P"), ("第十一版", "H"), ("创造属于我们这个时代的新文化", "W"),
             ("第十九版", "P"), ("赵乐际会见柬埔寨人民党主席洪森", "T")]
    # the page lines are the guide's text, as the next page's line shows (a page named on its own would be one)
    arts = _articles("".join(t + "\n" for t, _ in guide) + BODY + "\f第2版 要闻\n乙文。\n", dict(guide), monkeypatch)
    assert [a.title for a in arts][:2] == ["导读", "赵乐际会见柬埔寨人民党主席洪森"]
    assert [b.text for b in arts[0].blocks] == [
        "庆祝中国共产党成立105周年特别报道", "担负起新的文化使命", "第十版", "深入学习贯彻习近平党建思想 推动新时代纪检监察工作", "第十一版",
        "创造属于我们这个时代的新文化", "第十九版",
    ]


def test_a_short_title_line_is_finished_though_its_last_character_makes_a_word_with_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("《综合运输服务发展“十五五”规划》印发", "T"), ("到2030年基本建成现代化综合运输服务体系", "S")], monkeypatch)
    assert (a.title, a.subtitle) == ("《综合运输服务发展“十五五”规划》印发", "到2030年基本建成现代化综合运输服务体系")  # 发|到: a wrap fills its line
    a = _read([("国外“清凉经济”激发消", "T"), ("费新活力（国际视点）", "S")], monkeypatch)
    assert a.title == "国外“清凉经济”激发消费新活力（国际视点）"  # a full line cut inside 消费 goes on


def test_two_title_lines_that_are_no_wrap_are_a_title_over_its_undashed_subtitle(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("“总想为大家辟一条光明的路”", "T"), ("瞿秋白的苏俄采访之行", "T")], monkeypatch)
    assert (a.title, a.subtitle) == ("“总想为大家辟一条光明的路”", "瞿秋白的苏俄采访之行")  # a whole quoted title
    a = _read([("以侨为桥  发挥侨力", "T"), ("侨界助力乡村振兴", "T")], monkeypatch)
    assert (a.title, a.subtitle) == ("以侨为桥  发挥侨力", "侨界助力乡村振兴")  # two phrases set apart
    a = _read([("“白海豚”强势逼近华东", "T"), ("在日界线西侧生成生命史长", "T")], monkeypatch)
    assert (a.title, a.subtitle) == ("“白海豚”强势逼近华东", "在日界线西侧生成生命史长")  # a first line one shorter is finished


def test_two_title_lines_in_even_halves_or_under_a_full_first_line_are_one_title(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _read([("努力在推动资源型经济转型发展上迈出新步伐", "T"), ("奋力谱写三晋大地推进中国式现代化新篇章", "T")], monkeypatch)
    assert (a.title, a.subtitle) == ("努力在推动资源型经济转型发展上迈出新步伐奋力谱写三晋大地推进中国式现代化新篇章", None)
    a = _read([("岭南发布制造业数字化转型", "T"), ("三年行动方案", "T")], monkeypatch)
    assert (a.title, a.subtitle) == ("岭南发布制造业数字化转型三年行动方案", None)  # a full line over the rest


def test_a_photo_story_whose_only_text_the_model_called_a_caption_says_it_in_a_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    story = "元旦假期，港区巨轮频靠。图为1月2日拍摄的码头。新华社记者赵子硕摄\n"
    text = HEAD + "港口作业忙\n" + story + "下一篇文章的标题\n" + BODY
    roles = {"港口作业忙": "T", story.strip(): "C", "下一篇文章的标题": "T"}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    photo, after = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert [(type(b).__name__, b.text) for b in photo.blocks] == [("Paragraph", story.strip())]
    assert [type(b).__name__ for b in after.blocks] == ["Paragraph"]
    # a story with a line of its own over its credited captions: the line is its text, the captions stay captions
    lines = ["George Michael (1963~2016)", "George Michael 2012年攝於法國巴黎一個音樂會。 美聯社", "George Michael 1985年在北京演出。美聯社"]
    text = HEAD + "已逝去的，更令人痛心懷念\n" + "".join(f"{t}\n" for t in lines) + "下一篇文章的标题\n" + BODY
    roles = {"已逝去的，更令人痛心懷念": "T", **{t: "C" for t in lines}, "下一篇文章的标题": "T"}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    photo, _ = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert [type(b).__name__ for b in photo.blocks] == ["Paragraph", "Caption", "Caption"]


def _photo_story(monkeypatch: pytest.MonkeyPatch, tu: str, credit: str | None, after: str = "") -> list:
    """A photo story (a line of text, its 图为 line read as a caption, the credit on a line of its own when given, read as
    the caption's), then ``after`` (read as text), then the next article."""
    lines = ["连日来，新疆生产建设兵团职工抢抓农时，在麦收后的农田里复耕复播。", tu] + ([credit] if credit else []) + ([after] if after else [])
    text = HEAD + "兵团抢抓农时复耕复播\n" + "".join(t + "\n" for t in lines) + "下一篇文章的标题\n" + BODY
    roles = {"兵团抢抓农时复耕复播": "T", tu: "C", "下一篇文章的标题": "T"} | ({credit: "C"} if credit else {})
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    return [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]


def test_a_photo_storys_tuwei_line_over_its_closing_credit_is_its_last_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    tu = "图为7月22日，农场职工进行复播作业。"
    story, _ = _photo_story(monkeypatch, tu, "谢江林摄（影像中国）")
    assert [type(b).__name__ for b in story.blocks][:2] == ["Paragraph", "Paragraph"] and story.blocks[1].text == tu
    # a 图为 line with its own credit signs only itself: a caption
    story, _ = _photo_story(monkeypatch, tu + " 新华社发(黄国保 摄)", None)
    assert [type(b).__name__ for b in story.blocks] == ["Paragraph", "Caption"]
    # text goes on after the credit: the line is the photo's caption
    story, _ = _photo_story(monkeypatch, tu, "谢江林摄（影像中国）", after="这是一段足够长的正文，用来说明图片说明之后的文章正文，以句号结束。")
    assert "Caption" in [type(b).__name__ for b in story.blocks]


def test_a_caption_beside_an_articles_text_stays_a_caption(monkeypatch: pytest.MonkeyPatch) -> None:
    caption = "图为1月2日拍摄的码头。\n"
    a = _read([("港口作业忙", "T")], monkeypatch, body=caption + BODY, body_roles=((caption.strip(), "C"),))
    assert [type(b).__name__ for b in a.blocks] == ["Caption", "Paragraph"]


INDENTED = [  # a column of 15 whose paragraphs open with an indent, as a dump that keeps the indent shows it
    ("　　当下，数字内容创意设计与人", "W"), ("工智能技术深度融合，视觉审美从", "W"), ("二维的平面画布、屏幕图像，向全", "W"),
    ("息的、体验式的新场景演进。", "P"), ("　　传统的博物馆展览，一般将展", "W"), ("品陈列在玻璃柜中供观众观看。", "P"),
]  # the first paragraph ends short of the column: a full last line would run on into an unindented line


@pytest.mark.parametrize(("line", "kind"), [
    ("观众在展厅里体验沉浸式的数字展项。", "Caption"),  # finishes a sentence: set apart, it is a caption
    ("卷二第一题：", "Subheading"),  # short and open: a section head
    ("2026年7月18日，观众在上海世博展览馆参观人工智能大会的展区，了解人形机器人", "Caption"),  # long: a caption cut short
])
def test_an_unindented_line_the_model_read_as_a_paragraph_on_an_indented_page_is_set_apart(monkeypatch: pytest.MonkeyPatch, line: str, kind: str) -> None:
    # every paragraph of the page opens with an indent, so a whole line without one, under text that ended, opens none
    column = INDENTED[:4] + [(line, "P")] + INDENTED[4:]
    body = "".join(t + "\n" for t, _ in column)
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=tuple((t.strip(), r) for t, r in column))
    assert [(type(b).__name__, b.text) for b in a.blocks][1] == (kind, line)
    assert [type(b).__name__ for b in a.blocks].count("Paragraph") == 2


def test_an_unindented_line_under_a_line_that_runs_on_or_on_a_page_with_no_indent_stays_text(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "观众在展厅里体验沉浸式的数字展项。"
    runs_on = INDENTED[:3] + [(line, "P")] + INDENTED[4:]  # the column's next line: the paragraph's last
    body = "".join(t + "\n" for t, _ in runs_on)
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=tuple((t.strip(), r) for t, r in runs_on))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Paragraph"]
    flat = [(t.strip(), r) for t, r in INDENTED[:4]] + [(line, "P")] + [(t.strip(), r) for t, r in INDENTED[4:]]
    body = "".join(t + "\n" for t, _ in flat)
    a = _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=tuple(flat))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Paragraph", "Paragraph"]  # no indent anywhere: the model decides


WRAPPED = [  # a column of 15, no indent: the text lines fill it
    ("当下，数字内容创意设计与人工智", "W"), ("能技术深度融合，视觉审美从二维", "W"), ("的平面画布、屏幕图像，向全息的", "W"),
    ("体验式的三维新场景演进。", "P"), ("传统的博物馆展览，一般将展品陈", "W"), ("列在玻璃柜中，观众隔着玻璃观看", "W"),
    ("展品，难以走近它们的细节。", "P"),
]
CAPTION = "7月18日，2026世界人工智能大会现场，观众在展台前了解智能预警方案。"


def _wrapped_article(column: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch):
    body = "".join(t + "\n" for t, _ in column)
    return _read([("一篇文章的标题", "T")], monkeypatch, body=body, body_roles=tuple((t.strip(), r) for t, r in column))


def test_a_line_far_longer_than_its_wrapped_column_is_set_apart_from_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _wrapped_article(WRAPPED[:4] + [(CAPTION, "P")] + WRAPPED[4:], monkeypatch)
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Caption", "Paragraph"]
    head = "以创新破题　激活跨境贸易新动能，点燃企业出海强引擎"  # unfinished and short: a head
    a = _wrapped_article(WRAPPED[:4] + [(head, "W")] + WRAPPED[4:], monkeypatch)
    assert [(type(b).__name__, b.text) for b in a.blocks][1] == ("Subheading", head)


# a column of 15, no indent, no blank line: a paragraph ends where its last line stops short, and these run to two
# sentences; the second line fills the column and finishes a sentence inside its paragraph
SENTENCES = [
    ("展览正在改变。观众走进了新的场", "W"), ("景，与展品面对面地交流和对话。", "P"), ("这样的体验让人难忘。", "P"),
    ("博物馆也在变化。展厅里多了屏幕", "W"), ("和灯光。讲解员用新的方式讲故事", "W"), ("，吸引了很多年轻人。", "P"),
    ("技术带来了便利。也带来了新的问", "W"), ("题，需要认真思考。", "P"),
]


def test_a_full_line_that_finishes_a_sentence_goes_on_where_paragraphs_hold_several(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _wrapped_article(SENTENCES, monkeypatch)
    assert [b.text for b in a.blocks][0] == "展览正在改变。观众走进了新的场景，与展品面对面地交流和对话。这样的体验让人难忘。"
    assert len(a.blocks) == 3
    # a model that has met the paper has learned where its paragraphs end: its reading stands
    monkeypatch.setattr(assembly, "known_paper", lambda paper: True)
    a = _wrapped_article(SENTENCES, monkeypatch)
    assert [b.text for b in a.blocks][0] == "展览正在改变。观众走进了新的场景，与展品面对面地交流和对话。" and len(a.blocks) == 4


def test_a_full_line_that_finishes_a_sentence_ends_its_paragraph_where_paragraphs_are_one_sentence_or_set_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    single = [(t.replace("。", "，", 1) if t.count("。") and not t.endswith("。") else t, r) for t, r in SENTENCES]
    a = _wrapped_article(single, monkeypatch)  # a paragraph is one sentence: a line that finishes one ends it
    assert [b.text for b in a.blocks][0] == "展览正在改变，观众走进了新的场景，与展品面对面地交流和对话。" and len(a.blocks) == 4
    gapped = SENTENCES[:3] + [("", "")] + SENTENCES[3:6] + [("", "")] + SENTENCES[6:]
    a = _wrapped_article(gapped, monkeypatch)  # blank lines part the paragraphs: the full line ends its own
    assert len(a.blocks) == 4


def test_a_line_one_short_of_its_column_that_finishes_a_sentence_ends_its_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    column = WRAPPED[:3] + [("体验式的三维新场景正在演进。", "W")] + WRAPPED[4:]  # 14 characters in a column of 15
    a = _wrapped_article(column, monkeypatch)
    assert [b.text for b in a.blocks][0].endswith("正在演进。") and len(a.blocks) == 2
    # one that finishes no sentence goes on
    column = WRAPPED[:3] + [("体验式的三维新场景正在演进，", "W")] + WRAPPED[4:]
    assert len(_wrapped_article(column, monkeypatch).blocks) == 1
    # an indented first line counts its indent: two spaces and fourteen characters run past the column, and go on
    column = WRAPPED[:4] + [("　　当下数字内容创意设计在演进。", "W")] + WRAPPED[4:]
    assert len(_wrapped_article(column, monkeypatch).blocks) == 2
    # over a line that opens with a quote it goes on: print never ends a line with an opening mark, so the mark went
    # down and left the line a character short, whether or not the paragraph ended
    column = WRAPPED[:3] + [("体验式的三维新场景正在演进。", "W"), ("“传统的博物馆展览，一般将展品陈", "W")] + WRAPPED[5:]
    assert len(_wrapped_article(column, monkeypatch).blocks) == 1
    # a model that has met the paper has learned where its paragraphs end: its reading stands
    monkeypatch.setattr(assembly, "known_paper", lambda paper: True)
    column = WRAPPED[:3] + [("体验式的三维新场景正在演进。", "W")] + WRAPPED[4:]
    assert len(_wrapped_article(column, monkeypatch).blocks) == 1


@pytest.mark.parametrize("names", ["（任建玲）", "（记者徐鹏航）", "（梁健任建玲）"])
def test_the_writers_names_wrapped_from_a_full_line_end_its_paragraph(monkeypatch: pytest.MonkeyPatch, names: str) -> None:
    """In a wrapped column, the names in brackets under a full line that finishes a sentence are the paragraph's last
    line (…的细节节点。 / （任建玲）): the column wrapped them, and the paragraph ends with them."""
    full = [("展品，难以走近它们的细节节点。", "P"), (names, "N")]  # 15 characters in a column of 15
    a = _wrapped_article(WRAPPED[:6] + full, monkeypatch)
    assert [(type(b).__name__, b.text) for b in a.blocks][-1] == ("Paragraph", "传统的博物馆展览，一般将展品陈列在玻璃柜中，观众隔着玻璃观看展品，难以走近它们的细节节点。" + names)
    # under a line that stopped short they are set apart, and then an issue sets them apart under a full line too
    short = [("展品，难以走近。", "P"), ("（任建玲）", "N")]
    a = _wrapped_article(WRAPPED[:4] + [("传统的博物馆展览，一般将展品陈", "W"), ("列在玻璃柜中。", "P"), ("（邓敏）", "N")] + WRAPPED[4:6] + full, monkeypatch)
    assert [b.text for b in a.blocks][-1] == names
    a = _wrapped_article(WRAPPED[:6] + short, monkeypatch)
    assert [b.text for b in a.blocks][-1] == "（任建玲）"


def test_a_column_line_with_digits_or_lines_of_a_wider_column_stay_text(monkeypatch: pytest.MonkeyPatch) -> None:
    digits = ("展品共2026件，其中120cm以上的有1358件", "W")  # 25 characters, 13 of them half as wide: a column line
    a = _wrapped_article(WRAPPED[:6] + [digits, ("细节。", "P")], monkeypatch)
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Paragraph"]
    wider = [("7月18日，2026世界人工智能大会现场，观众在展台前了解智能预警方", "W"), ("案，工作人员向他们介绍气象服务的新进展和新做法。", "P")]
    # two such lines together: text set in a wider column
    a = _wrapped_article(WRAPPED[:4] + wider + WRAPPED[4:], monkeypatch)
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Paragraph", "Paragraph"]


def test_a_long_line_where_each_paragraph_is_one_line_stays_text(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [(t, "P") for t in (BODY.strip(), CAPTION, BODY.strip() + BODY.strip()[:20], BODY.strip()[:25])]  # no indent, no column
    a = _wrapped_article(lines, monkeypatch)
    assert [type(b).__name__ for b in a.blocks].count("Caption") == 0  # no column to run past


def test_a_long_line_that_a_line_above_runs_on_into_stays_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # the model joins the column line above to it: setting it apart would move the rest of that sentence past it
    a = _wrapped_article(WRAPPED[:3] + [(CAPTION, "P")] + WRAPPED[4:], monkeypatch)
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Paragraph"]
    assert a.blocks[0].text.endswith(CAPTION)


def test_an_end_note_wrapped_over_two_lines_closes_its_article_and_opens_no_box(monkeypatch: pytest.MonkeyPatch) -> None:
    # the note's first line runs on and its second closes the bracket: the second is the note's rest, not a box's
    # label that would take the next article's title and first paragraph into the box
    lines = [
        ("紧跟行业趋势  培育复合型人才", "T"), ("齐咏生", "B"),
        ("新质生产力催生新赛道，新赛道带来新机遇。打通人", "W"), ("才与产业的堵点，求职者能打开更广阔的就业蓝海。", "P"), ("", ""),
        ("（作者为内蒙古工业大学电力学院副院长，本报记者", "W"), ("赵景锋采访整理）", "N"), ("", ""), ("", ""), ("", ""),
        ("“好房子”建设指南再次征求意见", "T"), ("本报北京7月19日电  （李心萍）记者从住房城乡", "W"), ("建设部获悉：近日再次向社会公开征求意见。", "P"), ("", ""),
        ("新版征求意见稿共分为“好房子”内涵与实施路径、", "W"), ("安全耐久等五大部分，系统界定了建设要求。", "P"),
    ]
    roles = {t: r for t, r in lines if t}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    text = HEAD + "".join(t + "\n" for t, _ in lines)
    first, second = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert [type(b).__name__ for b in first.blocks] == ["Paragraph", "Paragraph"]
    assert first.blocks[-1].text == "（作者为内蒙古工业大学电力学院副院长，本报记者赵景锋采访整理）"
    assert second.title == "“好房子”建设指南再次征求意见" and len([b for b in second.blocks if type(b).__name__ == "Paragraph"]) == 2


def test_a_short_last_line_of_a_paragraph_the_column_cut_is_no_boxs_label(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        ("社区食堂开张", "T"),
        ("走进社区食堂，后厨宽敞明亮，蒸饭车、冰箱、消", "W"), ("毒柜等一应俱全……", "P"), ("", ""),
        ("“以前吃饭要自己做，现在下楼就能吃上热乎饭。”居", "W"), ("民王大爷说。", "P"), ("", ""),
        ("社区食堂每天供应午餐和晚餐，价格实惠，菜品丰富。", "P"),
    ]
    roles = {t: r for t, r in lines if t}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    (a,) = [a for a in read_issue((HEAD + "".join(t + "\n" for t, _ in lines)).encode("utf-8")).articles() if a.kind == "article"]
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph"] * 3
    assert a.blocks[0].text == "走进社区食堂，后厨宽敞明亮，蒸饭车、冰箱、消毒柜等一应俱全……"


@pytest.mark.parametrize("role", ["T", "R"])  # read as a title, or as a repeated title
def test_a_continuations_repeated_title_with_its_marker_on_its_line_opens_the_continuation(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    lines = [("老手艺如何走进新生活？（上接第1版）", role), ("四十多个新品种，去年网店销售额突破百万元。", "P")]
    roles = {t: r for t, r in lines}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    (a,) = [a for a in read_issue((HEAD.replace("第1版", "第2版") + "".join(t + "\n" for t, _ in lines)).encode("utf-8")).articles()]
    assert a.title == "老手艺如何走进新生活？"
    assert [(type(b).__name__, getattr(b, "direction", None)) for b in a.blocks] == [("PageJump", "continued-from"), ("Paragraph", None)]


@pytest.mark.parametrize("repeated, continues", [("李强在国务院廉政工作会议上强调 坚定不移推进政府党风廉政建设", True), ("另一篇文章的标题", False)])
def test_a_line_read_as_text_that_repeats_an_earlier_title_with_its_marker_opens_the_continuation(
    monkeypatch: pytest.MonkeyPatch, repeated: str, continues: bool
) -> None:
    title = "李强在国务院廉政工作会议上强调 坚定不移推进政府党风廉政建设"
    lines = [
        (title, "T"), ("这是一段足够长的正文，用来说明标题之后的文章正文，它的长度超过四十个字，以句号结束。", "P"), ("（下转第2版）", "J"),
        ("第2版 要闻", "G"), ("", ""), ("第二版的头条文章", "T"), ("头条文章的正文写在这里，它也足够长，说明第二版开头是另一篇文章的正文。", "P"),
        (repeated + "（上接第1版）", "P"), ("李强指出，要把全面从严治党战略方针贯彻到政府工作各方面全过程。", "P"),
    ]
    roles = {t: r for t, r in lines if t}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    articles = list(read_issue((HEAD + "".join(t + "\n" for t, _ in lines)).encode("utf-8")).articles())
    opened = [a for a in articles if a.blocks and getattr(a.blocks[0], "direction", None) == "continued-from"]
    assert [a.title for a in opened] == ([title] if continues else [])


@pytest.mark.parametrize("role", ["R", "P"])  # read as a repeated title, or as text that repeats an earlier title
def test_a_continuations_repeated_title_over_its_marker_opens_the_continuation(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    """A continuation's repeated title on a line of its own over its continued-from marker heads the continuation,
    however long it is (a title of three phrases is no one-line paragraph a marker takes for its title), and is no
    paragraph of the article above it on its page."""
    title = "李强在国务院第四次廉政工作会议上强调 坚定不移推进政府党风廉政建设和反腐败斗争 为实现“十五五”时期目标任务提供坚强保障"
    lines = [
        (title, "T"), ("这是一段足够长的正文，用来说明标题之后的文章正文，它的长度超过四十个字，以句号结束。", "P"), ("（下转第2版）", "J"),
        ("第2版 要闻", "G"), ("", ""), ("第二版的头条文章", "T"), ("头条文章的正文写在这里，它也足够长，说明第二版开头是另一篇文章的正文。", "P"),
        ("", ""), (title, role), ("（上接第1版）", "J"), ("李强指出，要把全面从严治党战略方针贯彻到政府工作各方面全过程。", "P"),
    ]
    tagged = _tagger({t: r for t, r in lines if t and t != title} | {title: role})
    first = HEAD.count("\n") + 1  # the title's first printing, over the article it heads
    monkeypatch.setattr(assembly, "tag", lambda items, paper="": [Role("T", 0.9) if it.ln.no == first else r for it, r in zip(items, tagged(items))])
    articles = list(read_issue((HEAD + "".join(t + "\n" for t, _ in lines)).encode("utf-8")).articles())
    opened = [a for a in articles if a.blocks and getattr(a.blocks[0], "direction", None) == "continued-from"]
    assert [a.title for a in opened] == [title]
    assert not [b for a in articles for b in a.blocks if getattr(b, "text", "") == title]  # and no article's paragraph


def test_a_line_read_as_a_subtitle_under_a_continuations_marked_title_is_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        ("气象服务跟着农时走（上接第1版）", "T"), ("", ""),
        ("县气象局还在微信群里推送分时段的降水预报，提醒农户抢", "S"), ("在雨前完成整地，避免地块积水影响出苗。", "P"),
    ]
    roles = {t: r for t, r in lines if t}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    (a,) = list(read_issue((HEAD.replace("第1版", "第2版") + "".join(t + "\n" for t, _ in lines)).encode("utf-8")).articles())
    assert (a.title, a.subtitle) == ("气象服务跟着农时走", None)
    assert [type(b).__name__ for b in a.blocks][0] == "PageJump"
    assert "县气象局还在微信群里推送分时段的降水预报，提醒农户抢" in "".join(getattr(b, "text", "") for b in a.blocks)


_WRAPPED_COLUMN = (  # a column of fourteen; a stop or closing mark hangs at a line's end, as print sets it
    ("这是一段足够长的正文，用来说", "W"), ("明标题之后的文章正文，它的长", "W"), ("度超过四十个字。", "P"),
    ("“合作不仅体现在同心协力解决", "H"), ("问题上，更建立在跨越国界的彼", "H"), ("此信任上”", "H"),
    ("记者在现场看到，工人们正在忙", "W"), ("着安装设备。", "P"),
    ("图为工人们在风电场安装风机叶", "C"), ("片。本报记者  王磊摄", "C"),
    ("一、总体要求", "H"), ("（一）指导思想", "H"),
    ("在互动中确立中国学术自身特有", "H"), ("的根本立场", "H"),  # its next line opens with 的, as a cut text line's may
    ("项目建成后，每年可提供清洁电", "W"), ("力约十亿千瓦时，惠及当地数十", "W"), ("万户家庭。", "P"),
)


def test_a_head_or_a_caption_longer_than_its_column_goes_on_in_the_lines_under_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a wrapped column, print wraps a head or a caption longer than the column where the column is full: lines the
    model read as one head (or caption), each under a line that fills the column, are one head — and a head's line
    over its own next line (…彼 / 此信任上”) is no text line the column cut. A short head over another stays apart."""
    body = "".join(t + "\n" for t, _ in _WRAPPED_COLUMN)
    a = _read([("风电项目加快建设", "T")], monkeypatch, body=body, body_roles=_WRAPPED_COLUMN)
    heads = [b.text for b in a.blocks if type(b).__name__ == "Subheading"]
    assert heads == [
        "“合作不仅体现在同心协力解决问题上，更建立在跨越国界的彼此信任上”", "一、总体要求", "（一）指导思想", "在互动中确立中国学术自身特有的根本立场",
    ]
    assert [b.text for b in a.blocks if type(b).__name__ == "Caption"] == ["图为工人们在风电场安装风机叶片。本报记者  王磊摄"]
    assert sum(type(b).__name__ == "Paragraph" for b in a.blocks) == 3


_ONE_LINE_BODY = (
    ("在东坝村，信息员每天早晨把最新的预报写在村口的小黑板上。种粮大户王建国说，看了预报再下种，心里更踏实。", "P"),
    ("县气象局还在微信群里推送分时段的降水预报，提醒农户抢在雨前完成整地，避免地块积水影响出苗。", "W"),
    ("今年以来，全县新建自动土壤水分观测站六个，观测数据每小时", "W"),
    ("更新一次。", "P"),
    ("记者从市农业农村局获悉，全市春播进度已过六成，各地正抓住墒情适宜的有利时机加快播种，确保粮食播种面积稳定在去年水平以上。", "P"),
)


def test_in_a_dump_of_one_line_a_paragraph_a_line_that_finishes_a_sentence_ends_its_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no indent, no blank line and no column, each line is a whole paragraph: a line the model read as running on
    ends its paragraph when it finishes a sentence, and goes on when it is cut mid-sentence."""
    body = "".join(t + "\n" for t, _ in _ONE_LINE_BODY)
    a = _read([("春耕时节气象服务跟着农时走", "T")], monkeypatch, body=body, body_roles=_ONE_LINE_BODY)
    assert [b.text for b in a.blocks if type(b).__name__ == "Paragraph"] == [
        _ONE_LINE_BODY[0][0], _ONE_LINE_BODY[1][0], _ONE_LINE_BODY[2][0] + _ONE_LINE_BODY[3][0], _ONE_LINE_BODY[4][0],
    ]


ROUNDUP_ITEM = "　　据新华社华盛顿7月25日电  美国《纽约时报》25日以两名知情人士为消息源报道称，会议聚焦防空系统。\n"


@pytest.mark.parametrize("met", [False, True])
def test_a_kicker_with_a_blank_line_under_it_is_a_title_and_the_line_under_it_a_head(monkeypatch: pytest.MonkeyPatch, met: bool) -> None:
    # a roundup's label over its first item: 环球扫描 / (blank) / 美媒披露… / 据新华社…电
    group = [("环球扫描", "K"), ("", "X"), ("美媒披露特朗普暂缓扩大对伊作战规模原因", "T")]
    (a,) = _read_all([group], monkeypatch, met=met, bodies=(ROUNDUP_ITEM + BODY,))
    assert (a.kicker, a.title) == (None, "环球扫描")
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == ["美媒披露特朗普暂缓扩大对伊作战规模原因"]
    # set close, the kicker stands over its title
    (a,) = _read_all([[group[0], group[2]]], monkeypatch, met=met, bodies=(ROUNDUP_ITEM + BODY,))
    assert (a.kicker, a.title) == ("环球扫描", "美媒披露特朗普暂缓扩大对伊作战规模原因")
    # a byline under the title: the kicker and its title stand, the blank line aside
    byline = [group[0], group[1], group[2], ("本报记者  王  磊", "B")]
    (a,) = _read_all([byline], monkeypatch, met=met)
    assert (a.kicker, a.title) == ("环球扫描", "美媒披露特朗普暂缓扩大对伊作战规模原因")


@pytest.mark.parametrize("met", [False, True])
@pytest.mark.parametrize("first", ["K", "T"])
def test_a_title_line_ending_with_its_column_label_is_the_title_and_the_line_under_it_its_subtitle(
    monkeypatch: pytest.MonkeyPatch, met: bool, first: str
) -> None:
    group = [("注重强健自身，始终充满生机活力（评论员观察）", first), ("把党的优秀特质不断发扬光大⑥", "T")]
    (a,) = _read_all([group], monkeypatch, met=met)
    assert (a.kicker, a.title, a.subtitle) == (None, "注重强健自身，始终充满生机活力（评论员观察）", "把党的优秀特质不断发扬光大⑥")
    # under a kicker: the line under the labelled title is no more of it
    group = [("2026年《世界粮食安全和营养状况》报告显示——", "K"), ("全球粮食安全治理成效初显  实现“零饥饿”目标依然艰难（国际视点）", "T"),
             ("2025年约6.45亿人处于饥饿状态  近1/3人口无力负担健康膳食", "T")]
    (a,) = _read_all([group], monkeypatch, met=met)
    assert (a.title, a.subtitle) == (group[1][0], group[2][0])
    # a place's part in brackets is no label: the title goes on
    (a,) = _read_all([[("南京推动乡镇（街道）", "T"), ("履职事项清单落地见效", "T")]], monkeypatch, met=met)
    assert (a.kicker, a.title, a.subtitle) == (None, "南京推动乡镇（街道）履职事项清单落地见效", None)


@pytest.mark.parametrize("met", [False, True])
def test_of_three_title_lines_the_third_under_a_finished_wrapped_title_is_the_subtitle(monkeypatch: pytest.MonkeyPatch, met: bool) -> None:
    group = [("全国先进基层党组织、", "T"), ("黄飞华爱心车队党支部", "T"), ("“跑出为民服务加速度”", "T")]
    (a,) = _read_all([group], monkeypatch, met=met)
    assert (a.title, a.subtitle) == ("全国先进基层党组织、黄飞华爱心车队党支部", "“跑出为民服务加速度”")
    # the second line runs on into the third (cut inside 环境): one title over three lines
    group = [("持续推动构建人类命运共同体，", "T"), ("让更多国家共享发展机遇和生态环", "T"), ("境保护的成果", "T")]
    (a,) = _read_all([group], monkeypatch, met=met)
    assert (a.title, a.subtitle) == ("持续推动构建人类命运共同体，让更多国家共享发展机遇和生态环境保护的成果", None)


MARKING = [
    [("河北正定县用心守护好千年文脉——", "K"), ("保护中发展  古城焕光彩", "T")],
    [("云南西双版纳州90后养鱼人王敏奇——", "K"), ("守护澜沧江的渔业“种子”", "T")],
    [("国家老年大学已在各地设立8.2万个基层学习点", "K"), ("学海共畅游  桑榆霞满天（大数据观察）", "T")],
]


def test_in_an_issue_that_marks_three_kickers_an_undashed_subtitle_is_the_title_under_a_kicker(monkeypatch: pytest.MonkeyPatch) -> None:
    group = [("纵横", "T"), ("“馆园融合”打通文化经脉", "S")]
    *_, a = _read_all(MARKING + [group], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == ("纵横", "“馆园融合”打通文化经脉", None)
    *_, a = _read_all(MARKING[:2] + [group], monkeypatch)  # two marked kickers show no habit
    assert (a.kicker, a.title, a.subtitle) == (None, "纵横", "“馆园融合”打通文化经脉")
    *_, a = _read_all(MARKING + [group], monkeypatch, met=True)  # a paper the model has met: its habit is the model's
    assert (a.kicker, a.title, a.subtitle) == (None, "纵横", "“馆园融合”打通文化经脉")
    dashed = [("纵横", "T"), ("——“馆园融合”打通文化经脉", "S")]  # a dashed subtitle is one
    *_, a = _read_all(MARKING + [dashed], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "纵横", "——“馆园融合”打通文化经脉")


@pytest.mark.parametrize("met", [False, True])
@pytest.mark.parametrize("genre", ["访加纳非中政策与咨询中心执行主任弗林蓬", "今年以来中国经济观察", "写在习近平总书记对朝鲜进行国事访问之际",
                                   "走进第六十一届威尼斯国际艺术双年展中国馆", "读习近平总书记《把正确政绩观树起来、践行好》",
                                   "到2030年全国公共机构能源利用效率持续提升"])
def test_a_line_naming_its_pieces_genre_under_a_title_is_the_subtitle(monkeypatch: pytest.MonkeyPatch, met: bool, genre: str) -> None:
    (a,) = _read_all([[("“为非洲经济发展注入动力”", "K"), (genre, "T")]], monkeypatch, met=met)
    assert (a.kicker, a.title, a.subtitle) == (None, "“为非洲经济发展注入动力”", genre)
    # under a lead-in ending ——, the title stays, genre word and all
    (a,) = _read_all([[("云南西双版纳州90后养鱼人王敏奇——", "K"), ("访渔业“种子”的守护人", "T")]], monkeypatch, met=met)
    assert (a.kicker, a.title) == ("云南西双版纳州90后养鱼人王敏奇——", "访渔业“种子”的守护人")
    # under a column's name (新书架), a title that names its genre (读《淮畔草木记》) stays the title
    (a,) = _read_all([[("新书架", "K"), ("读《淮畔草木记》", "T")]], monkeypatch, met=met)
    assert (a.kicker, a.title) == ("新书架", "读《淮畔草木记》")
    # a word that only begins like one (论坛) names no genre
    (a,) = _read_all([MARKING[0], MARKING[1], [("世界人工智能大会开幕", "K"), ("论坛聚焦人工智能全球治理", "T")]], monkeypatch, met=met)[-1:]
    assert (a.kicker, a.title) == ("世界人工智能大会开幕", "论坛聚焦人工智能全球治理")


@pytest.mark.parametrize("met", [False, True])
def test_the_second_of_two_title_lines_that_names_its_pieces_genre_is_the_subtitle(monkeypatch: pytest.MonkeyPatch, met: bool) -> None:
    for first, second in (("医疗剧的现实主义升级", "剧集《问心2》观后"), ("在这里拉开四渡赤水的序幕", "红军小镇土城纪行"),
                          ("京津冀三地气象服务协同", "汛期一线见闻")):  # 协同 is a word, not a tie to the next line
        (a,) = _read_all([[(first, "T"), (second, "T")]], monkeypatch, met=met)
        assert (a.title, a.subtitle) == (first, second)
    # a title that goes on into the line (a word across the break, a word that ties it), a visit (访问) and a
    # disciplinary investigation (审查调查) name no genre
    for first, second in (("四川省成都市人大常委会原党组", "书记、主任包惠接受审查调查"), ("赵树理的创作精神对", "新大众文艺的启示"),
                          ("刘海星率中共代表团", "访问埃及、坦桑尼亚")):
        (a,) = _read_all([[(first, "T"), (second, "T")]], monkeypatch, met=met)
        assert (a.title, a.subtitle) == (first + second, None)


@pytest.mark.parametrize("second", ["T", "S"])
@pytest.mark.parametrize("speaker", ["李强在广西调研时强调", "外交部发言人表示", "应勇：", "中央宣传部等部门联合印发通知要求"])
def test_a_line_naming_who_spoke_over_what_they_said_is_the_kicker(monkeypatch: pytest.MonkeyPatch, speaker: str, second: str) -> None:
    (a,) = _read_all([[(speaker, "T"), ("强化检察监督  履行好法律监督职责", second)]], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (speaker, "强化检察监督  履行好法律监督职责", None)


def test_a_title_with_a_colon_or_ending_with_a_demand_keeps_its_second_line(monkeypatch: pytest.MonkeyPatch) -> None:
    (a,) = _read_all([[("刚果（金）反政府武装：", "T"), ("矿难导致200多人死亡", "T")]], monkeypatch)
    assert (a.kicker, a.title) == (None, "刚果（金）反政府武装：矿难导致200多人死亡")  # more than a name before the colon
    (a,) = _read_all([[("把准无人作战政治工作新要求", "T"), ("探索智能化战争的新规律", "S")]], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "把准无人作战政治工作新要求", "探索智能化战争的新规律")


@pytest.mark.parametrize("read_as", ["C", "T", "W", "H"])
def test_a_court_cases_reference_on_its_line_is_the_reports_last_paragraph(monkeypatch: pytest.MonkeyPatch, read_as: str) -> None:
    body = "　　案件下午續審。\n案件編號：DCCC170/21\n"
    roles = {"被告否認縱火罪": "T", "案件編號：DCCC170/21": read_as, "下一篇的標題": "T"}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    monkeypatch.setattr(assembly, "known_paper", lambda paper: False)
    text = HEAD + "被告否認縱火罪\n" + body + "下一篇的標題\n" + BODY
    first, second = [x for x in read_issue(text.encode("utf-8")).articles() if x.kind == "article"]
    paras = [b.text for b in first.blocks if type(b).__name__ == "Paragraph"]
    assert paras[-2:] == ["案件下午續審。", "案件編號：DCCC170/21"] and second.title == "下一篇的標題"


@pytest.mark.parametrize("roles", [("K", "T"), ("T", "P"), ("R", "J"), ("T", "T")])
def test_a_date_in_brackets_under_a_title_is_its_subtitle(monkeypatch: pytest.MonkeyPatch, roles: tuple[str, str]) -> None:
    (a,) = _read_all([[("在纪念江泽民同志诞辰100周年大会上的讲话", roles[0]), ("（2026年8月17日）", roles[1])]], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "在纪念江泽民同志诞辰100周年大会上的讲话", "（2026年8月17日）")


def test_a_head_the_column_wrapped_between_blank_lines_is_a_head(monkeypatch: pytest.MonkeyPatch) -> None:
    head = [("统筹发展和安全，服务国家战略彰显", "W"), ("央企责任担当", "P")]  # a full line and a short one, no stop
    column = WRAPPED[:4] + [("", "")] + head + [("", "")] + WRAPPED[4:]
    a = _wrapped_article(column, monkeypatch)
    assert [(type(b).__name__, b.text) for b in a.blocks][1] == ("Subheading", "统筹发展和安全，服务国家战略彰显央企责任担当")
    # a paragraph that finishes its sentence stays text, and so does one that leads in with ——
    for last in ("央企责任担当。", "央企责任担当——"):
        a = _wrapped_article(WRAPPED[:4] + [("", "")] + [head[0], (last, "P")] + [("", "")] + WRAPPED[4:], monkeypatch)
        assert [type(b).__name__ for b in a.blocks] == ["Paragraph"] * 3
    # where no blank line parts the paragraphs the two lines are read as the model read them
    a = _wrapped_article(WRAPPED[:4] + head + WRAPPED[4:], monkeypatch)
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph"] * 3
    # a model that has met the paper knows its heads: its reading stands
    monkeypatch.setattr(assembly, "known_paper", lambda paper: True)
    a = _wrapped_article(column, monkeypatch)
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph"] * 3


@pytest.mark.parametrize("names", ["（邓敏）", "（梁健  任建玲）", "（张三、李四）"])
def test_the_writers_names_in_brackets_under_the_text_read_as_a_head_are_an_end_note(monkeypatch: pytest.MonkeyPatch, names: str) -> None:
    a = _read([("春节文化和旅游消费月启动", "T")], monkeypatch, body=BODY + names + "\n", body_roles=((names, "H"),))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", BODY.strip()), ("Paragraph", names)]
    for head in ("（一）总体要求", "（二十）"):  # a numbered head in brackets names no one: it stays a head
        a = _read([("春节文化和旅游消费月启动", "T")], monkeypatch, body=BODY + head + "\n" + BODY, body_roles=((head, "H"),))
        assert ("Subheading", head) in [(type(b).__name__, b.text) for b in a.blocks]


@pytest.mark.parametrize("read_as", ["C", "W", "H"])
def test_a_line_close_between_headline_lines_read_as_a_caption_text_or_a_head_is_one_of_them(monkeypatch: pytest.MonkeyPatch, read_as: str) -> None:
    group = [("一届“市长杯”近900场比赛，7000余人参与", "T"), ("在青岛，校园足球", read_as), ("不再“练完就算”", "T"), ("本报记者  李  蕊", "B")]
    (a,) = _read_all([group], monkeypatch)
    assert (a.kicker, a.title) == ("一届“市长杯”近900场比赛，7000余人参与", "在青岛，校园足球不再“练完就算”")


@pytest.mark.parametrize("read_as", ["P", "H", "N"])
def test_a_line_set_apart_by_blank_lines_close_over_a_title_is_the_headlines(monkeypatch: pytest.MonkeyPatch, read_as: str) -> None:
    roles = {"上一篇的标题": "T", "新华社东京4月28日电": "N", "世界杯决赛球票炒到近230万美元？": read_as, "“史上最贵”世界杯让球迷很受伤": "T",
             "新华社记者  肖世尧": "B"}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    monkeypatch.setattr(assembly, "known_paper", lambda paper: False)
    text = HEAD + "上一篇的标题\n" + BODY + "新华社东京4月28日电\n\n\n世界杯决赛球票炒到近230万美元？\n“史上最贵”世界杯让球迷很受伤\n新华社记者  肖世尧\n" + BODY
    arts = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert [(a.title, a.subtitle) for a in arts] == [("上一篇的标题", None), ("世界杯决赛球票炒到近230万美元？", "“史上最贵”世界杯让球迷很受伤")]
    # one blank line sets a paragraph apart as every paragraph is: it stays the text above
    text = HEAD + "上一篇的标题\n" + BODY + "\n世界杯决赛球票炒到近230万美元？\n“史上最贵”世界杯让球迷很受伤\n新华社记者  肖世尧\n" + BODY
    arts = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert "世界杯决赛球票炒到近230万美元？" not in [a.title for a in arts]


@pytest.mark.parametrize("roles", [("C", "C", "C"), ("W", "P", "X"), ("C", "C", "P")])
def test_a_photos_sentence_over_a_closing_credit_is_the_news_last_paragraph(monkeypatch: pytest.MonkeyPatch, roles: tuple[str, str, str]) -> None:
    photo = [("图为6月7日，果农们挑着刚采摘的水果等陆", roles[0]), ("续登上“水果班船”。", roles[1]), ("郭立亮摄（影像中国）", roles[2])]
    a = _read([("“水果班船”助农增收", "T")], monkeypatch, body=BODY + "".join(t + "\n" for t, _ in photo), body_roles=tuple(photo))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [
        ("Paragraph", BODY.strip()), ("Paragraph", "图为6月7日，果农们挑着刚采摘的水果等陆续登上“水果班船”。"), ("Paragraph", "郭立亮摄（影像中国）")]


def test_a_photos_sentence_that_text_follows_stays_a_caption(monkeypatch: pytest.MonkeyPatch) -> None:
    photo = (("图为施工船在海上吊装风机叶片。", "C"), ("新华社记者 刘大伟 摄", "C"))
    a = _read([("风机并网", "T")], monkeypatch, body=BODY + "".join(t + "\n" for t, _ in photo) + BODY, body_roles=photo)
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Caption", "Paragraph"]  # text goes on after it


def test_a_line_read_as_text_inside_a_paragraph_stays_text_where_the_layout_took_it_for_a_captions(monkeypatch: pytest.MonkeyPatch) -> None:
    # the layout marks the line under a 图为 line a caption's wrapped line; the roles read them as one paragraph
    photo = (("图为6月7日，果农们挑着刚采摘的水果等陆", "W"), ("续登上“水果班船”。", "P"), ("郭立亮摄（影像中国）", "N"))
    a = _read([("“水果班船”助农增收", "T")], monkeypatch, body=BODY + "".join(t + "\n" for t, _ in photo), body_roles=photo)
    assert [(type(b).__name__, b.text) for b in a.blocks][1] == ("Paragraph", "图为6月7日，果农们挑着刚采摘的水果等陆续登上“水果班船”。")


def test_a_photo_reports_credit_is_a_credit(monkeypatch: pytest.MonkeyPatch) -> None:
    credit = "李家鼎  钟陆轩摄影报道"
    a = _read([("春节文化和旅游消费月启动", "T")], monkeypatch, body=BODY + credit + "\n", body_roles=((credit, "T"),))
    assert a.title == "春节文化和旅游消费月启动" and len(a.blocks) == 2  # read as a title under the text: no headline
    long = BODY.strip() * 4 + "\n"  # a paragraph too long for a caption over the credit
    a = _read([("春节文化和旅游消费月启动", "T")], monkeypatch, body=long + credit + "\n" + BODY, body_roles=((credit, "H"),))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Caption", "Paragraph"]  # read as a head inside: a credit


def test_a_finished_line_over_a_title_the_column_wrapped_is_its_kicker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Of three headline lines, the first that does not run on into the second, over two the column cut inside a word
    (状 / 态: 状态), is the kicker: the title is the two wrapped lines, though the model read the first as the title
    and the second as a kicker."""
    lines = ("湖南郴州落实“无扰督查”、创新“督帮结合”，为基层减负——", "加强督导不能只督不导（干部状", "态新观察·为基层减负赋能）")
    a = _read([*zip(lines, ("T", "K", "T")), ("本报记者  王  磊", "B")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (lines[0], "加强督导不能只督不导（干部状态新观察·为基层减负赋能）", None)
    # the other way up, the third line under a title the column cut is its subtitle, and the first line no kicker
    lines = ("全国先进基层党组织、", "黄飞华爱心车队党支部", "“跑出为民服务加速度”")
    a = _read([*zip(lines, ("T", "T", "T")), ("本报记者  王  磊", "B")], monkeypatch)
    assert (a.kicker, a.title, a.subtitle) == (None, "全国先进基层党组织、黄飞华爱心车队党支部", "“跑出为民服务加速度”")


@pytest.mark.parametrize("roles", [("W", "N"), ("B", "C"), ("C", "C")])
def test_a_title_the_column_wrapped_inside_its_label_is_one_title_under_its_kicker(monkeypatch: pytest.MonkeyPatch, roles: tuple) -> None:
    """A line that closes the column's label the line above opened (…流淌（美 / 加墨世界杯·特别报道）) ends the title
    the two make, whatever the model read them as; the finished headline line over them is their kicker."""
    lines = ("海南三亚援建佛得角萨尔市标准田径跑道", "两国情谊在体育场流淌（美", "加墨世界杯·特别报道）")
    a = _read([(lines[0], "T"), *zip(lines[1:], roles), ("本报记者  董泽扬", "B")], monkeypatch)
    assert (a.kicker, a.title, a.byline) == (lines[0], "两国情谊在体育场流淌（美加墨世界杯·特别报道）", "本报记者  董泽扬")
    # text under a title that closes a bracket stays text: it holds a full stop, which no title does
    a = _read([("一篇文章的标题", "T")], monkeypatch, body="这是正文的一行。它的括号（后面还\n有一些说明）\n" + BODY)
    assert a.title == "一篇文章的标题"


@pytest.mark.parametrize("author", ["人类命运共同体研究中心", "中国铁路工程集团有限公司党委书记、董事长陈文健"])
@pytest.mark.parametrize("roles", [("K", "T"), ("T", "S")])
def test_an_author_read_as_the_title_or_the_subtitle_is_the_byline(monkeypatch: pytest.MonkeyPatch, author: str, roles: tuple) -> None:
    """A body of people or a person by post and name, read as the title under a line read as the kicker (or as the
    subtitle under the title), over the text, signs the piece: it is the byline, and the line above it the title."""
    a = _read([("中美关系的新定位：构建建设性战略稳定关系", roles[0]), (author, roles[1])], monkeypatch)
    assert (a.kicker, a.title, a.subtitle, a.byline) == (None, "中美关系的新定位：构建建设性战略稳定关系", None, author)
    # a subtitle that ends on a word a body's name ends with stays the subtitle
    a = _read([("上海国际电影节开幕", "T"), ("红色经典电影展映活动本月举办", "S")], monkeypatch)
    assert (a.title, a.subtitle, a.byline) == ("上海国际电影节开幕", "红色经典电影展映活动本月举办", None)
    # a title that says what happened stays the title under its kicker
    a = _read([("探访科研一线", "K"), ("新一代运载火箭首飞成功，航天人再立新功", "T")], monkeypatch)
    assert (a.kicker, a.title) == ("探访科研一线", "新一代运载火箭首飞成功，航天人再立新功")


def test_a_place_and_a_name_set_apart_sign_the_title_over_them_or_the_letter_above_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A place (or a post) and a name set apart, read as the title under a line read as the kicker, are the byline of
    that line, the title; read as a head under text that ended, they sign the text above: a reader's letter's end note."""
    a = _read([("于“不起眼”处着眼", "K"), ("安徽合肥市  刘安黎", "T")], monkeypatch)
    assert (a.kicker, a.title, a.byline) == (None, "于“不起眼”处着眼", "安徽合肥市  刘安黎")
    a = _read([("医疗垃圾不能随意丢弃", "T")], monkeypatch, body=BODY + "湖北孝感市  黄国清\n", body_roles=(("湖北孝感市  黄国清", "H"),))
    assert not [b for b in a.blocks if type(b).__name__ == "Subheading"]
    assert a.blocks[-1].text.replace(" ", "").replace("\u3000", "").endswith("湖北孝感市黄国清")


@pytest.mark.parametrize("last", ["山西晋城市泽州县周村镇甲村村民", "重庆巴南区  赵  渝", "李家鼎  钟陆轩摄影报道"])
def test_a_head_over_the_next_title_under_finished_text_is_the_last_line_of_the_article_above(monkeypatch: pytest.MonkeyPatch, last: str) -> None:
    """A line read as a section head, under a paragraph's end and right over the next headline group, heads nothing: it
    is the last line of the article above (a letter's signature, a photo report's credit). A head with text under it,
    or under a line that runs on, stays a head."""
    nxt = [("另一篇文章的标题", "T")]
    first, second = _read_all([[("农资废弃物别乱扔", "T")], nxt], monkeypatch, bodies=(BODY + last + "\n",))
    assert not [b for b in first.blocks if type(b).__name__ == "Subheading"]
    assert first.blocks[-1].text.replace(" ", "") == last.replace(" ", "")
    assert second.title == "另一篇文章的标题"
    # over the page's text, it is the head of that text
    head = "筑牢安全底线，守护一方平安"
    monkeypatch.setattr(assembly, "tag", _tagger({"农资废弃物别乱扔": "T", head: "H", last: "H"}))
    text = HEAD + "农资废弃物别乱扔\n" + BODY + head + "\n" + BODY
    (a,) = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == [head]


@pytest.mark.parametrize("caption", ["菜农（右一）为顾客称量蔬菜。", "美國國防部長馬蒂斯（左）與參謀長聯席會議主席鄧福德會面後，一同參加記者會。", "图①：上海创智学院里，一台机器人正在制作奶茶。"])
def test_a_line_that_marks_who_stands_where_in_a_photo_is_its_caption(monkeypatch: pytest.MonkeyPatch, caption: str) -> None:
    """A line of its own read as a paragraph, between lines of text, that marks who stands where in a photo (（右一）) or
    which photo it speaks of (图①：) is the photo's caption (on a page that marks no paragraph by its indent). A line
    that opens with a date is a photo news item's text."""
    text = BODY.strip() + "\n"
    a = _read([("“潮汐菜场”里的治理智慧", "T")], monkeypatch, body=text + caption + "\n" + text, body_roles=((caption, "P"),))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Paragraph", BODY.strip()), ("Caption", caption), ("Paragraph", BODY.strip())]
    dated = "7月13日，在贵州省黔西市金兰镇猴场村，村干部（左二）向村民展示救生圈的使用方法。"
    a = _read([("“潮汐菜场”里的治理智慧", "T")], monkeypatch, body=text + dated + "\n" + text, body_roles=((dated, "P"),))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph"] * 3


def test_a_photo_reports_short_sentences_over_its_text_are_its_captions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a photo report's byline (吕  强摄影报道), each short sentence on a line of its own before the text is a
    photo's caption; the text begins at the first longer line."""
    captions = ["乌干达咖啡发展局工作人员展示当地特色咖啡品种。", "当地咖啡农场工人展示采摘的咖啡果。"]
    body = "".join(c + "\n" for c in captions) + BODY
    a = _read([("乌干达咖啡出口稳定增长", "T"), ("吕  强摄影报道", "B")], monkeypatch, body=body, body_roles=tuple((c, "P") for c in captions))
    assert [(type(b).__name__, b.text) for b in a.blocks] == [("Caption", captions[0]), ("Caption", captions[1]), ("Paragraph", BODY.strip())]
    # under a reporter's byline they are the text
    a = _read([("乌干达咖啡出口稳定增长", "T"), ("本报记者  吕  强", "B")], monkeypatch, body=body, body_roles=tuple((c, "P") for c in captions))
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph"] * 3


def test_a_roundups_item_head_read_as_a_title_over_a_dateline_is_a_head(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a roundup whose text opens with an item's head, a line read as a title over a dateline, set as close as the
    items (one blank line, where the roundup's title has three), is the next item's head; a title set as far apart as
    the roundup's stays a new article."""
    item = "本报华盛顿4月26日电  （记者李志伟）美国总统特朗普25日晚在白宫新闻发布会上说，当晚的活动被迫中断。\n"
    second = "新华社联合国4月25日电  联合国秘书长古特雷斯的发言人迪雅里克25日发表声明说，古特雷斯予以谴责。\n"
    roles = {"环球扫描": "T", "白宫记协晚宴突发枪击": "H", "古特雷斯谴责马里多地发生的袭击事件": "T", item.strip(): "P", second.strip(): "P"}
    monkeypatch.setattr(assembly, "tag", _tagger(roles))
    for gap, heads in (("\n", ["白宫记协晚宴突发枪击", "古特雷斯谴责马里多地发生的袭击事件"]), ("\n\n\n", ["白宫记协晚宴突发枪击"])):
        text = HEAD + "\n环球扫描\n\n白宫记协晚宴突发枪击\n\n" + item + gap + "古特雷斯谴责马里多地发生的袭击事件\n\n" + second
        arts = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
        assert [b.text for b in arts[0].blocks if type(b).__name__ == "Subheading"] == heads
        assert len(arts) == (1 if len(heads) == 2 else 2)


@pytest.mark.parametrize("role", ["K", "P", "H"])
def test_a_pieces_design_credit_between_articles_is_the_end_note_of_the_one_above(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    """人民日报 prints a piece's design credit under it, in the flow (…王永忠说。 / 版式设计：蔡华伟 / the next title): it is
    that piece's end note, whatever the model read it as, and the next article's title has no kicker. At the foot of
    the page, with nothing under it, it is page furniture and goes, as a page's staff credits do."""
    text = "一篇文章的标题\n" + BODY + "版式设计：蔡华伟\n\n下一篇文章的标题\n" + BODY + "\n版式设计：张芳曼\n"
    arts = _articles(text, {"一篇文章的标题": "T", "版式设计：蔡华伟": role, "下一篇文章的标题": "T", "版式设计：张芳曼": "P"}, monkeypatch)
    assert [(a.title, a.kicker) for a in arts] == [("一篇文章的标题", None), ("下一篇文章的标题", None)]
    assert arts[0].blocks[-1].text == "版式设计：蔡华伟"
    assert "版式设计：张芳曼" not in [getattr(b, "text", "") for b in arts[1].blocks]


def test_a_headline_line_read_as_a_byline_whose_last_part_is_no_name_is_the_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    """A title's phrases are parted by a space as a byline's place and name are: a line read as the byline under the
    title whose last part is longer than a name (根基 党建引领绘文明) is the title's second line; one that ends with a
    name (天津市南开区  张  静) stays the byline."""
    a = _read([("河南信阳：产业兴村强", "T"), ("根基 党建引领绘文明", "B")], monkeypatch)
    assert (a.title, a.byline) == ("河南信阳：产业兴村强根基 党建引领绘文明", None)
    a = _read([("流量不会流向跟风者", "T"), ("天津市南开区  张  静", "B")], monkeypatch)
    assert (a.title, a.byline) == ("流量不会流向跟风者", "天津市南开区  张静")  # the name read set close


def test_a_pieces_design_credit_over_the_next_page_is_page_furniture(monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the next page's page line, with no text after it on its own page, a design credit is the page's foot and
    goes, as a page's staff credits do."""
    text = "一篇文章的标题\n" + BODY + "\n版式设计：蔡华伟\n\n第2版 要闻\n\n下一篇文章的标题\n" + BODY
    arts = _articles(text, {"一篇文章的标题": "T", "版式设计：蔡华伟": "P", "下一篇文章的标题": "T"}, monkeypatch)
    assert [a.title for a in arts] == ["一篇文章的标题", "下一篇文章的标题"]
    assert "版式设计：蔡华伟" not in [getattr(b, "text", "") for a in arts for b in a.blocks]


MUSEUMS = ["1.中国国家版本馆", "2.中国共产党早期北京革命活动纪念馆", "3.中国考古博物馆", "4.北京奥运博物馆", "5.中国第一历史档案馆"]


def test_five_lines_read_as_heads_one_under_another_are_a_list_in_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list (or a poem) the model read as section heads line by line is text, each line a paragraph: a head leads
    text, and one that wraps takes two or three lines. Four such lines stay heads, and a bracketed label ends a run."""
    listed = "".join(m + "\n" for m in MUSEUMS)
    a = _read([("中央宣传部新命名一批全国爱国主义教育示范基地", "T")], monkeypatch, body=BODY + listed + BODY, body_roles=tuple((m, "H") for m in MUSEUMS))
    paragraphs = [b.text for b in a.blocks if type(b).__name__ == "Paragraph"]
    assert all(m in paragraphs for m in MUSEUMS)
    assert not [b for b in a.blocks if type(b).__name__ == "Subheading"]
    four = MUSEUMS[:4]
    a = _read([("中央宣传部新命名一批全国爱国主义教育示范基地", "T")], monkeypatch, body=BODY + "".join(m + "\n" for m in four) + BODY, body_roles=tuple((m, "H") for m in four))
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == four
    labelled = ["【藏品的故事】"] + MUSEUMS[:4]
    a = _read([("朱漆琼花入梦来", "T")], monkeypatch, body=BODY + "".join(m + "\n" for m in labelled) + BODY, body_roles=tuple((m, "H") for m in labelled))
    assert [b.text for b in a.blocks if type(b).__name__ == "Subheading"] == labelled


#: A column of 14 characters, three lines the model read as text (``_tagger`` reads a line it is not given as "P").
NARROW_COLUMN = "这是一段足够长的正文用来说明\n标题之后的文章正文它的长度超\n过四十个字并且以句号结束。\n"


@pytest.mark.parametrize("run, joined, apart", [
    (["在西宁野生动物园雪豹馆前", "熙熙攘攘的人群", "游客们不时拿起手机拍照记", "录雪豹幼崽的可爱模样", "它是当之无愧的顶流"],
     "游客们不时拿起手机拍照记录雪豹幼崽的可爱模样", "在西宁野生动物园雪豹馆前"),
    (["The worry is that the gene", "rational divide widens.", "Young people speak out.", "They still believe in it.", "That is a positive sign."],
     "The worry is that the gene rational divide widens.", "Young people speak out."),
])
def test_a_full_line_of_a_run_read_as_heads_cut_inside_a_word_goes_on(monkeypatch: pytest.MonkeyPatch, run: list, joined: str, apart: str) -> None:
    """Of five lines read as heads one under another, each is a paragraph of its own, but a line that fills the column
    and is cut inside a word (记 / 录, gene / rational) goes on in the next; a line that fills it on a word's end (…馆前 /
    熙熙…) or stops short stays apart."""
    a = _read([("雪豹幼崽成了顶流", "T")], monkeypatch, body=NARROW_COLUMN + "".join(r + "\n" for r in run) + NARROW_COLUMN, body_roles=tuple((r, "H") for r in run))
    paragraphs = [b.text for b in a.blocks if type(b).__name__ == "Paragraph"]
    assert joined in paragraphs and apart in paragraphs and run[-1] in paragraphs and len(paragraphs) == 6 + len(run) - 1
    assert not [b for b in a.blocks if type(b).__name__ == "Subheading"]


def test_an_english_line_cut_mid_sentence_goes_on_into_the_lower_case_line_under_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line read as a paragraph's end that stops on a letter, a digit or a comma over a line opening in lower case
    goes on: English opens a sentence, and so a paragraph, in upper case; the short line under it, read as a head, is
    the paragraph's last line. A line over an address (https://…) stays apart."""
    cut, rest = "Films already approved for public", "screening may be banned."
    a = _read([("電影檢查條例修訂", "T")], monkeypatch, body=BODY + "　　" + cut + "\n" + rest + "\n" + BODY, body_roles=((cut, "P"), (rest, "H")))
    paragraphs = [b.text for b in a.blocks if type(b).__name__ == "Paragraph"]
    assert f"{cut} {rest}" in paragraphs
    assert not [b for b in a.blocks if type(b).__name__ == "Subheading"]
    trailer, link = "Watch the trailer", "https://www.example.com/v"
    a = _read([("香港週台北演出", "T")], monkeypatch, body=BODY + "　　" + trailer + "\n" + "　　" + link + "\n" + BODY, body_roles=((trailer, "P"), (link, "P")))
    paragraphs = [b.text for b in a.blocks if type(b).__name__ == "Paragraph"]
    assert trailer in paragraphs and link in paragraphs


@pytest.mark.parametrize("cut, rest", [
    ("大姜种植模式还面临“连作重茬”的“顽疾”—", "—如果大姜连年在同一块土地上种植，病害就会加重。"),
    ("李因笃（1631—", "1692年），陕西富平人，明末清初学者。"),
    ("彩虹公司出版与直销业务副总裁莎拉·", "萨格里潘蒂表示：“图博会令人难忘。”"),
    ("被告重覆辱罵附近警員為「", "大陸公安死黑警」，煽惑他人。"),
])
def test_a_line_cut_inside_a_mark_goes_on(monkeypatch: pytest.MonkeyPatch, cut: str, rest: str) -> None:
    """A line read as a paragraph's end whose break falls inside a mark — a dash print sets as two characters cut in
    two, a bracket the line leaves open and the next line closes, a mark that opens what follows (a quote, a name's
    dot) at its end — goes on: a paragraph ends after its marks."""
    text = "这是一段足够长的正文，用来说明标题之后的文章正文，它的长度超过四十个字，以句号结束。\n\n"  # blank lines, no indent
    a = _read([("大姜种植的新办法", "T")], monkeypatch, body=text + cut + "\n\n" + rest + "\n\n" + text, body_roles=((cut, "P"), (rest, "P")))
    paragraphs = [b.text for b in a.blocks if type(b).__name__ == "Paragraph"]
    assert cut + rest in paragraphs


def test_a_head_cut_inside_a_book_title_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line read as a head that leaves a quote or a book title open for the text under it to close is the text's
    line the column cut; a line read as a paragraph's end may leave a quotation open (it runs on over paragraphs)."""
    text = "这是一段足够长的正文，用来说明标题之后的文章正文，它的长度超过四十个字，以句号结束。\n\n"
    cut, rest = "中国睡眠研究会等联合发布的《2026中国睡眠", "健康研究白皮书》显示，睡眠时长东短西长。"
    a = _read([("睡眠地图", "T")], monkeypatch, body=text + cut + "\n\n" + rest + "\n\n" + text, body_roles=((cut, "H"), (rest, "P")))
    assert cut + rest in [b.text for b in a.blocks if type(b).__name__ == "Paragraph"]
    assert not [b for b in a.blocks if type(b).__name__ == "Subheading"]
    said, more = "他说：“我们要继续努力。", "只要坚持，就会成功。”"
    a = _read([("睡眠地图", "T")], monkeypatch, body=text + said + "\n\n" + more + "\n\n" + text, body_roles=((said, "P"), (more, "P")))
    paragraphs = [b.text for b in a.blocks if type(b).__name__ == "Paragraph"]
    assert said in paragraphs and more in paragraphs


# a column of 15 that kept the indent's room (a PDF-to-text step dropped the indent's spaces, not the room): each
# paragraph opens with a line of 13. The text is filler: the roles are given.
_FILL = "博物馆的展览正在改变观众走进了新的场景与展品面对面地交流和对话讲解员用新的方式讲故事吸引了很多年轻人前来参观"


def _room_column(paragraphs: list[str], width: int = 15) -> list[tuple[str, str]]:
    """Each paragraph set in the column with its first line two short; every line read as going on but the last."""
    out = []
    for text in paragraphs:
        lines = [text[: width - 2]] + [text[k : k + width] for k in range(width - 2, len(text), width)]
        out += [(ln, "W") for ln in lines[:-1]] + [(lines[-1], "P")]
    return out


def test_in_a_column_that_kept_the_indents_room_a_line_over_a_line_two_short_ends_its_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    full_end = _FILL[:42] + "。"  # 13 + 15 + 15: its last line fills the column and finishes a sentence
    short_end = _FILL[:50] + "。"  # its last line stops short: a paragraph's end that shows
    inner = _FILL[:42] + "。" + _FILL[:29] + "。"  # a sentence ends where its third line ends, inside the paragraph
    paragraphs = [full_end, short_end, short_end, inner, short_end, full_end, short_end]
    column = _room_column(paragraphs)
    assert [len(t) for t, _ in column[:3]] == [13, 15, 15]
    # the model read each full line that ends a paragraph as going on, and the full line inside the fourth paragraph as
    # its end: the line two short under the first kind opens a paragraph, the full line under the other goes on
    finished = _FILL[28:42] + "。"
    column = [(t, ("W" if column[i + 1][0] == _FILL[:13] else "P") if t == finished and i + 1 < len(column) else r) for i, (t, r) in enumerate(column)]
    assert [r for t, r in column if t == finished] == ["W", "P", "W"]
    a = _wrapped_article(column, monkeypatch)
    assert [b.text for b in a.blocks] == paragraphs


def test_a_column_kept_its_room_is_measured_on_its_full_lines() -> None:
    # where a page's paragraphs are short, as many of its lines are first lines two short (13) as full ones (15), and
    # the median of its lines falls between them, at 14: the column is the span more lines fill
    from rsbz_epub.reader import prepare
    from rsbz_epub.reader.columnpasses import _filled
    from rsbz_epub.reader.layout import make_items

    lines = [_FILL[:13], _FILL[13:28], _FILL[28:43], "吸引了很多年轻人。"] * 3
    items = make_items(prepare(("\n".join(lines) + "\n").encode())[1])
    page = items[0].page
    assert _filled(items, {page: 14.0}) == {page: 15.0}
    # a column of 14 whose stops hang at some lines' ends (15) is a column of 14
    hung = [_FILL[:14], _FILL[14:28], _FILL[28:42] + "。", _FILL[:14]] * 3
    items = make_items(prepare(("\n".join(hung) + "\n").encode())[1])
    assert _filled(items, {page: 14.0}) == {page: 14.0}


def test_a_line_two_short_holds_one_more_with_a_hung_stop_and_one_fewer_under_an_opening_mark() -> None:
    from rsbz_epub.reader import prepare
    from rsbz_epub.reader.columnpasses import _roomy
    from rsbz_epub.reader.layout import make_items

    lines = [
        _FILL[:13],  # 13 in a column of 15: two short
        _FILL[:13] + "。",  # 14: two short with a stop hung at its end
        _FILL[:14],  # 14 ending on a character: one short, no room
        _FILL[:12],  # 12 over a line that opens with a quote: the quote went down
        "“" + _FILL[:14],
        _FILL[:12],  # 12 over text: three short
        _FILL[:15],
        "　　" + _FILL[:11],  # an indented line is an indent, not its room
    ]
    items = make_items(prepare(("\n".join(lines) + "\n").encode())[1])
    assert [_roomy(items, j, 15.0) for j in range(len(items))] == [True, True, False, True, False, False, False, False]


def test_a_column_wrapped_as_if_unindented_does_not_keep_the_room_and_a_met_paper_reads_the_room(monkeypatch: pytest.MonkeyPatch) -> None:
    from rsbz_epub.reader import prepare
    from rsbz_epub.reader.columnpasses import _keeps_the_room
    from rsbz_epub.reader.layout import make_items

    full_end, short_end = _FILL[:42] + "。", _FILL[:50] + "。"
    paragraphs = [full_end, short_end, short_end, short_end, full_end, short_end]
    wrapped = {
        "room": _room_column(paragraphs),  # each paragraph opens two short
        "plain": [  # each opens with a full line: nothing shows where one opens
            (ln, "P" if k + 15 >= len(text) else "W") for text in paragraphs for k in range(0, len(text), 15) for ln in [text[k : k + 15]]
        ],
    }
    kept = {}
    for form, column in wrapped.items():
        items = make_items(prepare(("\n".join(t for t, _ in column) + "\n").encode())[1])
        kept[form] = _keeps_the_room(items, [Role(r, 0.9) for _, r in column], {items[0].page: 15.0})
    assert kept == {"room": True, "plain": False}
    # a paper the model has met: the room is read as for any other
    monkeypatch.setattr(assembly, "known_paper", lambda paper: True)
    column = [(t, "W" if t == _FILL[28:42] + "。" else r) for t, r in _room_column(paragraphs)]
    assert [b.text for b in _wrapped_article(column, monkeypatch).blocks] == paragraphs


def _header_haze(roles: dict[str, Role]):
    """The model replaced by the roles given (a Role each, runner-up included); every other line a paragraph end."""
    def tag(items: list, paper: str = "") -> list[Role]:
        return [roles.get(it.text.strip(), Role("P", 0.9)) for it in items]

    return tag


def test_lines_read_unsure_as_a_footer_amid_the_text_take_their_next_likeliest_role(monkeypatch: pytest.MonkeyPatch) -> None:
    # a short page is all near its foot: the model reads the next article's headline group as the page's footer
    lines = ["严禁大规模移植大树进城，确保种一棵活一棵，这是本报的一篇足够长的正文。", "护林员手记", "守山二十年", "□ 杨永福",
             "我是一名护林员，守护着林场的3万多亩山林，今年已经是第二十个年头了。"]
    roles = {
        lines[0]: Role("P", 0.9),
        lines[1]: Role("X", 0.53, runner_up="K", runner_up_prob=0.37),
        lines[2]: Role("X", 0.57, runner_up="T", runner_up_prob=0.43),
        lines[3]: Role("X", 0.57, runner_up="B", runner_up_prob=0.43),
        lines[4]: Role("X", 0.61, runner_up="P", runner_up_prob=0.38),
        "责任编辑：王敏": Role("X", 0.98, runner_up="N", runner_up_prob=0.01),
    }
    monkeypatch.setattr(assembly, "tag", _header_haze(roles))
    text = HEAD + "# 林区新闻\n\n" + "\n\n".join(lines) + "\n\n" + "责任编辑：王敏\n\n" + BODY
    articles = [a for a in read_issue(text.encode("utf-8")).articles() if a.kind == "article"]
    assert [(a.kicker, a.title, a.byline) for a in articles] == [(None, "林区新闻", None), ("护林员手记", "守山二十年", "□ 杨永福")]
    texts = [getattr(b, "text", "") for a in articles for b in a.blocks]
    assert articles[1].blocks[0].text == lines[4]  # type: ignore[union-attr]
    # a footer the model is sure of stays one, even between text lines: it is not read as the article's text
    assert not any("责任编辑" in t for t in texts)
