"""The rules for photo credits and captions applied to the model's roles (``reader/rolepasses.py`` applies them in order).

Each reads a credit where print sets one: a lone credit is a caption, and a short finished line over one is its
caption, or a short paragraph wrapped in the column over one, or every short finished line between the headline
and a credit for all photos; a line or a wrapped paragraph ending with a photo's credit after its last sentence is a
caption; an article's own closing credit is its end note; a photo story's caption is its text, its uncredited lines
when it has some; a line that marks who stands where in a photo (（右一）) or which photo it speaks of (图①：) is a
caption, and so is a short sentence of its own over a photo report's text. Each is tested in ``tests/test_role_rules.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from rsbz_epub import regex_cache
from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.linefeatures import FINISHED, PHOTO_REPORT, credit_line
from rsbz_epub.reader.roles import Role


def credits_as_captions(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line that is only a photo credit (唐  克摄（人民视觉）, 本报记者  刘仲华摄, 受访者供图), which the model read as a
    paragraph or a section head inside an article, is a caption's credit. At an article's end (a title follows) it stays:
    there it is the article's own credit line."""
    out = list(roles)
    for k in range(len(items) - 1):
        it, below = items[k], items[k + 1]
        if out[k].label in ("P", "H") and below.page == it.page and out[k + 1].label not in ("T", "K") and credit_line(it.text.strip()):
            out[k] = Role("C", out[k].prob, out[k].kicker)
    return out


def _closes(items: list[Item], roles: list[Role], k: int) -> bool:
    """Whether line ``k`` is its article's last: a headline, or the page's end, follows."""
    return k + 1 == len(items) or items[k + 1].page != items[k].page or roles[k + 1].label in ("T", "K")


def closing_credits_are_notes(items: list[Item], roles: list[Role]) -> list[Role]:
    """A credit line the model read as a caption, under a line it read as the end of a paragraph and over the next
    headline (or a page's end), is the article's own closing credit (…需求。 / 唐  克摄（影像中国）): an end note, as
    ``credits_as_captions`` leaves one the model read as text. Under a caption it stays the caption's credit."""
    out = list(roles)
    for k in range(1, len(items)):
        it = items[k]
        if (
            out[k].label == "C" and out[k - 1].label == "P" and items[k - 1].page == it.page and _closes(items, out, k)
            and it.ln.force is None and credit_line(it.text.strip())
        ):
            out[k] = Role("N", out[k].prob)
    return out


# a photo's credit after the caption's last sentence: …立法會宣誓。黎家威攝 / …碼頭。新华社记者 赵子硕摄 / …示威者。資料圖片 /
# …舉起右手。立法會直播片段 / …3,485元。眾新聞製圖 / …同理心的人。明報提供, in brackets (…分拣、打包。新华社发（刘吉利摄） / …拘控多人。（資料圖片）), a
# news agency's name (…聆聽會。美聯社), where the photo comes from (…摩天輪。照片來源：google map) or its web address
# (…下的香港。www.juliabergesphoto.com), or that source in brackets, as 联合早报 sets it (…前维权。 （受访者提供）, …会谈。 （路透社）,
# （路透社档案照）, （互联网）, （重庆市政府官网）, （网络截图）). A data source (…增长5%。数据来源：国家统计局) is the text's, not a photo's,
# and so is a name in brackets (…。（张嘉赫）: the reporter's).
_CREDITED = regex_cache.compile(
    r"[。！？」”）](?:[^。！？，]{1,16}(?:攝|摄|圖片|图片|截圖|截图|供圖|供图|片段|製圖|制图|照片|提供)(?:（[^）]{1,12}）)?|[^。！？，]{1,16}(?:攝|摄|圖片|图片)[）)]"
    r"|\s*(?:美聯社|美联社|路透社|法新社)|\s*(?:照片|圖片|图片)(?:來源|来源)：[^。！？，]{1,30}|\s*(?:www\.)?[\w.-]+\.(?:com|org|net|hk)(?:/\S*)?"
    r"|\s*[（(][^（）()。！？，：:]{0,12}(?:社|互联网|互聯網|照|照片|圖片|图片|截图|截圖|官网|官網|网站|網站|脸书|臉書|公众号|公眾號|提供|供图|供圖)[）)])$"
)


def credited_lines_are_captions(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line the model read as a paragraph's end, as running on into the next, as an end note, a head or a title, that
    ends with a photo's credit after its last sentence (…立法會宣誓。黎家威攝) is a caption: a paragraph of text does not
    end by naming a photographer, a credit ends what it closes, an end note names no photographer after a sentence and
    a head or a title holds no full stop. Not under a line that runs on into it: that is a caption wrapped in the column
    (``wrapped_credited_captions``), or text.
    (A photo story, whose only text is such a caption, gets it back as its paragraph from
    ``photo_stories_are_their_captions``.)"""
    out = list(roles)
    for k, it in enumerate(items):
        if out[k].label in ("P", "W", "N", "H", "T") and it.ln.force is None and (k == 0 or out[k - 1].label != "W") and _CREDITED.search(it.text.strip()):
            out[k] = Role("C", out[k].prob, out[k].kicker)
    return out


_CAPTION_RUN = 150  # a caption wrapped in the column holds at most this many characters; a paragraph of text runs longer


def _wrapped_paragraphs(items: list[Item], roles: list[Role]) -> Iterator[tuple[int, int]]:
    """Each paragraph wrapped in the column as the model read it: its first line ``k`` (running on, under no line running on)
    and its end ``j`` (read as a paragraph's end or a caption, on the same page, under lines running on)."""
    k = 0
    while k < len(items):
        if roles[k].label != "W" or (k and roles[k - 1].label == "W"):
            k += 1
            continue
        j = k
        while j < len(items) and roles[j].label == "W" and items[j].page == items[k].page:
            j += 1
        if j < len(items) and items[j].page == items[k].page and roles[j].label in ("P", "C"):
            yield k, j
        k = j + 1


def wrapped_credited_captions(items: list[Item], roles: list[Role]) -> list[Role]:
    """A short paragraph wrapped in the column (lines the model read as running on, then its end) whose text, the lines
    joined, ends with a photo's credit after its last sentence is a caption wrapped as the text is, the credit often cut
    by the column itself (曾蔭權在2011年向鄭若驊 / 頒授金紫荊星章。蘋果日報圖 / 片): every line of it is the caption's."""
    out = list(roles)
    for k, j in _wrapped_paragraphs(items, roles):
        run = range(k, j + 1)
        joined = "".join(items[m].text.strip() for m in run)
        if len(joined) <= _CAPTION_RUN and all(items[m].ln.force is None for m in run) and _CREDITED.search(joined):
            for m in run:
                out[m] = Role("C", out[m].prob, out[m].kicker)
    return out


def wrapped_captions_over_credits(items: list[Item], roles: list[Role]) -> list[Role]:
    """A short paragraph wrapped in the column (lines the model read as running on, then its end) right above a credit
    line is the caption that credit belongs to, every line of it (5月14日上午，国家主席习 / … / 朗普举行欢迎仪式。 /
    冯永斌摄（新华社发）): when the model read the credit as a caption, or, whatever it read it as, when article text goes
    on under it (``captions_above_credits`` for the caption of one line)."""
    out = list(roles)
    for k, j in _wrapped_paragraphs(items, roles):
        c = j + 1
        if c < len(items) and items[c].page == items[k].page and credit_line(items[c].text.strip()):
            text_under = c + 1 < len(items) and items[c + 1].page == items[k].page and out[c + 1].label in ("P", "W", "C", "H")
            joined = "".join(items[m].text.strip() for m in range(k, j + 1))
            if (
                len(joined) <= _CAPTION_RUN and all(items[m].ln.force is None for m in range(k, c + 1))
                and all(items[m].gap == 0 for m in range(k + 1, j + 1))
                and (out[c].label == "C" or out[c].label in ("N", "H") and text_under)
            ):
                for m in range(k, c + 1):
                    out[m] = Role("C", out[m].prob, out[m].kicker)
    return out


# a credit for every photo above it: 以上图片均为本报记者乔栋摄, 图片均为郎剑锋提供
_ALL_CREDITED = regex_cache.compile(r"^(?:以上|本版|上)?(?:图片|照片)均(?:为|由)")


_CAPTION_LINE = 80  # a photo's caption of one line holds at most this many characters


def captions_over_a_credit_for_all(items: list[Item], roles: list[Role]) -> list[Role]:
    """Short finished lines the model read as text or captions, between the headline group and a credit for all the
    photos above it (玛沁县医院超声科主任…记录便携式B超机数值。 / 达日县的辫状黄河水系。 / 以上图片均为本报记者乔栋摄), are
    those photos' captions, every one: the credit names the photos, so the lines over it are theirs."""
    out = list(roles)
    for k, it in enumerate(items):
        if it.ln.force is not None or not _ALL_CREDITED.match(it.text.strip()):
            continue
        j = k - 1
        while (
            j >= 0 and out[j].label in ("P", "C") and items[j].page == it.page and items[j].ln.force is None
            and len(items[j].text.strip()) <= _CAPTION_LINE and FINISHED.search(items[j].text.strip())
        ):
            j -= 1
        if j < k - 1 and j >= 0 and items[j].page == it.page and out[j].label in ("T", "S", "B", "K"):
            for m in range(j + 1, k + 1):
                out[m] = Role("C", out[m].prob, out[m].kicker)
    return out


def captions_above_credits(items: list[Item], roles: list[Role]) -> list[Role]:
    """A short line the model read as a paragraph, right above a credit line, is the caption that credit belongs to
    (游客在新馆选购文创产品。 / 新华社记者  郝  源摄): when the model read the credit as a caption, or, whatever it read the
    credit as (an end note, a head), when article text goes on under it (中国游客在…拍照留念。 / 本报记者  许海林摄 /
    西班牙国家旅游局发布的…): an article's own closing credit is its last line, a caption's stands among the text."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        it, below = items[k], items[k + 1]
        if out[k].label != "P" or len(it.text) > _CAPTION_LINE or below.page != it.page or not credit_line(below.text):
            continue
        text_under = k + 2 < len(items) and items[k + 2].page == it.page and out[k + 2].label in ("P", "W", "C", "H")
        if out[k + 1].label == "C" and (out[k - 1].label != "W" or text_under) or out[k + 1].label in ("N", "H") and text_under:
            out[k] = Role("C", out[k].prob, out[k].kicker)
            out[k + 1] = Role("C", out[k + 1].prob, out[k + 1].kicker)
    return out


_STORY_LINES = 6  # the lines of text a photo story sets over its 图为 line, at most


def photo_stories_are_their_captions(items: list[Item], roles: list[Role]) -> list[Role]:
    """An article whose text the model read as captions only (a photo story: 港口作业忙 / 元旦假期，…图为…码头。新华社记者
    赵子硕摄) has no other text: its caption is what the article says, its paragraphs; when some of its lines credit a
    photo (…演出。美聯社) and some do not (George Michael (1963~2016)), those that do not are its text, the others its
    captions. A 图为 line under a story's text, over the credit that closes it, is
    :func:`photo_news_close_with_their_photo`'s."""
    out = list(roles)
    k = 0
    while k < len(items):
        if out[k].label != "T":
            k += 1
            continue
        j = k + 1
        while j < len(items) and items[j].page == items[k].page and out[j].label in ("T", "S", "B"):
            j += 1
        body = j
        while j < len(items) and j - body < _STORY_LINES and items[j].page == items[k].page and out[j].label in ("P", "W"):
            j += 1
        text = j
        while j < len(items) and items[j].page == items[k].page and out[j].label == "C":
            j += 1
        end_of_story = j >= len(items) or items[j].page != items[k].page or out[j].label in ("T", "K")
        if j > text and end_of_story and text == body:
            # the lines that credit no photo are the story's text, and those that do its captions; with none uncredited,
            # every line is the text
            uncredited = [m for m in range(body, j) if not _CREDITED.search(items[m].text.strip())]
            for m in uncredited or range(body, j):
                out[m] = Role("P", out[m].prob, out[m].kicker)
        k = max(j, k + 1)
    return out


_PHOTO_LINES = 3  # the lines a photo's 图为 sentence takes in the column, at most


def photo_news_close_with_their_photo(items: list[Item], roles: list[Role]) -> list[Role]:
    """A photo's 图为 sentence under the text's last paragraph, wrapped or not, over a credit line that closes the article
    (…助力果农增收。 / 图为6月7日，果农们挑着刚采摘的水果等陆续登上“水果班 / 船”。 / 郭立亮摄（影像中国）), is the news's last
    paragraph and the credit its end note, whatever the model read them as: the news tells what its photo shows. A
    图为 line that carries its credit (…大门。新华社记者 郭杰文 摄), or that text goes on after, stays a caption."""
    out = list(roles)
    for k in range(2, len(items)):
        it = items[k]
        if it.ln.force is not None or out[k].label == "T" or not credit_line(it.text.strip()) or not _closes(items, out, k):
            continue
        start = k - 1
        while start > k - _PHOTO_LINES and start > 0 and not _opens_photo(items[start].text) and items[start - 1].page == it.page:
            start -= 1
        block = range(start, k)
        if (
            not _opens_photo(items[start].text) or start == 0 or out[start - 1].label != "P" or items[start - 1].page != it.page
            or any(out[m].label not in ("C", "W", "P") or items[m].page != it.page or items[m].ln.force is not None for m in block)
            or not FINISHED.search(items[k - 1].text.strip()) or any(FINISHED.search(items[m].text.strip()) for m in block[:-1])
            or _CREDITED.search(items[k - 1].text.strip())
        ):
            continue
        for m in block[:-1]:
            out[m] = Role("W", out[m].prob, out[m].kicker)
        out[k - 1] = Role("P", out[k - 1].prob, out[k - 1].kicker)
        out[k] = Role("N", out[k].prob, out[k].kicker)
    return out


def _opens_photo(text: str) -> bool:
    return text.strip().startswith(("图为", "圖為"))


#: Who stands where in a photo (（右）, （左二）, （前排中）) or which photo a line speaks of (图①：, 圖一：): a caption's marks.
_PHOTO_MARK = regex_cache.compile(
    r"[（(](?:前排|后排|後排)?(?:左|右|中)[一二三四五六七八九]?(?:起)?[）)]|^(?:图|圖)[①-⑩一二三四五六七八九十\d][：:]?"
)
#: A sentence that opens with a date (北京时间7月6日，, 7月13日，): a photo news item's text, under its title.
_DATED = regex_cache.compile(r"^[^，。]{0,6}\d{1,2}月\d{1,2}日")
_MARKED_CAPTION = 110  # characters: a caption that marks its photo is a sentence or two


def marked_lines_are_captions(items: list[Item], roles: list[Role]) -> list[Role]:
    """A line of its own the model read as a paragraph, between lines of an article's text, that marks who stands where
    in a photo (美國國防部長馬蒂斯（左）與…會面後，…, 菜农（右一）为顾客称量蔬菜。) or which photo it speaks of
    (图①：上海创智学院里，…) is a photo's caption: text does not point at a photo's people. Not a line that opens with
    a date (7月13日，在贵州省…村干部（左二）…): that is a photo news item's text, which its caption is."""
    out = list(roles)
    for k in range(1, len(items) - 1):
        it, below = items[k], items[k + 1]
        text = it.text.strip()
        if (
            out[k].label == "P" and out[k - 1].label != "W" and it.ln.force is None and len(text) <= _MARKED_CAPTION
            and below.page == it.page and out[k + 1].label in ("P", "W", "C")
            and _PHOTO_MARK.search(text) and not _DATED.match(text)
        ):
            out[k] = Role("C", out[k].prob, out[k].kicker)
    return out


_REPORT_CAPTION = 40  # characters: a photo report's caption is one short sentence


def photo_reports_open_with_captions(items: list[Item], roles: list[Role]) -> list[Role]:
    """Under a photo report's byline (吕  强摄影报道), the short sentences on lines of their own that the model read as
    paragraphs, before the text, are its photos' captions (当地咖啡农场工人展示采摘的咖啡果。): the report's text is what
    it says, each photo has a line. The first line that runs on, or is longer than a sentence, begins the text."""
    out = list(roles)
    for k, it in enumerate(items):
        if out[k].label != "B" or not PHOTO_REPORT.search(it.text.strip()):
            continue
        j = k + 1
        while j + 1 < len(items) and items[j].page == it.page and items[j].ln.force is None and out[j].label == "P":
            text = items[j].text.strip()
            if len(text) > _REPORT_CAPTION or not FINISHED.search(text) or sum(text.count(c) for c in "。！？") > 1:
                break
            out[j] = Role("C", out[j].prob, out[j].kicker)
            j += 1
    return out
