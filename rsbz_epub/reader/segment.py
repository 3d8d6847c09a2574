"""What a single line looks like: byline, caption, subheading, subtitle, jump, editor's note, or text."""

from __future__ import annotations

import re

from rsbz_epub import regex_cache
from rsbz_epub.reader.jumps import only_marker
from rsbz_epub.reader.lexicon import BYLINE_PERSON_ENDS, BYLINE_ROLE_PREFIX, BYLINE_ROLES, BYLINE_UNIT_ENDS, PAGE_CONTACT
from rsbz_epub.reader.normalize import cjk_count

_NUMBERED = regex_cache.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]"
    r"|[0-9０-９]{1,2}\s*[、．]|[0-9]{1,2}\.(?![0-9])"
    r"|[（(]\s*[0-9]{1,2}\s*[）)]"
    r"|第[一二三四五六七八九十]{1,3}[部分章节]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]"
    # a zero-padded design number before a phrase: 01 工业生产稳中有进
    r"|0[1-9](?=[ \u3000]))"
)
# A label and a phrase parted by a space, the label an ordinal or a clock time:
# 招数一　清理后台应用 / 第二招　… / 7:30　早市巡查.  No sentence punctuation, short.
_LABELLED_HEADING = regex_cache.compile(
    r"^(?:[\u4e00-\u9fff]{1,3}[一二三四五六七八九十]{1,2}|第[一二三四五六七八九十]{1,2}[\u4e00-\u9fff]|\d{1,2}[:：]\d{2})"
    r"[ \u3000]+[^\s，。；,;]{2,20}$"
)
# A guide entry pointing at another page (…… 详见A02版 / 见第3版): never a heading.
# A lettered folio needs no 版 (详见A03), as on the folio lines themselves.
_PAGE_REFERENCE = regex_cache.compile(r"(?:详见|参见|见|请看)\s*(?:第\s*)?(?:[A-Z]?\d{1,3}\s*[版面]|[A-H]\d{1,2})\s*[）)]?$")
# A heading set off by a typographic mark (◎ ◆ ● ■ ▍ ★ ▶); □ is left out, it marks bylines.
_MARKED_HEADING = regex_cache.compile(r"^(?:【[^】]{1,16}】|[■◆●◎○◇★☆▶►▍▌|｜]\s*\S.{0,24})$")
# A label with an ordinal, a colon, then the point (误区一：越贵的补品越好, 第二招：…): a numbered
# heading in words; commas may follow the colon as in 一、… headings, a full stop may not.
_ORDINAL_COLON = regex_cache.compile(r"^(?:[\u4e00-\u9fff]{1,4}[一二三四五六七八九十]{1,2}|第[一二三四五六七八九十]{1,2}[\u4e00-\u9fff]{1,2})\s*[:：]\s*[^。；;]{2,22}$")
_BYLINE = regex_cache.compile(
    r"^[（(]?\s*(?:[■□●◆▲◇]\s*)?(?:本报讯|本报综合|本报记者|本报通讯员|本报特约记者|本报特约通讯员|特约记者|特约通讯员|见习记者|实习记者|实习生|"
    r"首席记者|记者(?=[\s:：])|口述(?=[\s:：])|通讯员|读者\s|文\s*/|文\s*／|图\s*/|图\s*／|文丨|图丨|文\s*[|｜]|图\s*[|｜]|文\s*图\s*[/／]|撰文|摄影|来源[:：]|作者[:：])"
)
# Byline grammar: a role (本报记者, 融媒记者, 全媒体记者, 本报评论员…) then names, or the role alone.
_ROLE_BYLINE = regex_cache.compile(rf"^[（(]?\s*(?:[■□●◆▲◇]\s*)?(?:{BYLINE_ROLE_PREFIX})*(?:{BYLINE_ROLES})(?=[\s\u3000:：]|$)")
# The hollow square papers set before an author's name: □ 林一凡 / □ 县司法局 罗敏.
# Units may precede the name; the name itself is two to four characters.
# After the mark: units then a name, a letter-spaced name (□ 方　田), or a unit alone (□ 市疾病预防控制中心).
# A marked phrase that is neither (□ 坚持问题导向推进改革) is a heading.
_MARKED_NAMES = regex_cache.compile(
    # a filled mark (■ ◆ ●) heads a phrase too, so after one only a letter-spaced name signs: ■ 何　畔
    r"^[■◆●]\s*[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,2}$"
    r"|^□\s*(?:(?:[\u4e00-\u9fff·（）()]{2,20}[ \u3000]+){0,3}(?:[\u4e00-\u9fff·]{2,4}|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff])"
    rf"|[\u4e00-\u9fff]{{1,14}}(?:{BYLINE_UNIT_ENDS}))$"
)
# A dateline on a line of its own: 新华社北京3月5日电（记者 于文 郭薇）.
# 据新华社电 / 新华社电 / 本报北京3月5日讯（记者 …）: the agency or paper, an optional place and date, 电/讯.
_DATELINE_LINE = regex_cache.compile(
    r"^据?(?:本报|新华社|中新社|人民日报|央视新闻|[\u4e00-\u9fff]{2,6}社)(?:[\u4e00-\u9fff]{0,10}\d{1,2}月\d{1,2}日)?(?:电|讯)"
    r"(?:\s*[（(][^）)]{0,30}[）)]"
    # or the reporters set after a space, no brackets (本报北京11月3日电 记者 顾衡)
    rf"|[ \u3000]+(?:{BYLINE_ROLE_PREFIX})*(?:{BYLINE_ROLES})(?:[ \u3000:：]+[\u4e00-\u9fff]{{2,4}}){{1,4}})?$"
)
# The speaker line under a speech or signed article: office and post, then the name
# (上海市人力资源和社会保障局局长 赵永峰).  The space before the name is what sets it apart.
# Four-character names nearly always carry a two-character surname.
_COMPOUND_SURNAME = "(?:欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|公孙|尉迟|长孙|宇文|司徒|夏侯|端木|独孤|南宫|西门|申屠|轩辕)"
_SPEAKER_LINE = regex_cache.compile(
    r"^[\u4e00-\u9fff（）()、·]{2,28}(?:长|书记|主任|主席|委员|代表|经理|总监|教授|研究员|院士|律师|工程师|负责人|总裁|顾问|专员|巡视员|调研员)"
    rf"[ \u3000]+(?:{_COMPOUND_SURNAME}[\u4e00-\u9fff]{{1,2}}|[\u4e00-\u9fff]{{2,3}})$"
)
# A personal name: two or three characters (a compound surname allows four), or two letter-spaced (吴　穗).
_NAME = rf"(?:{_COMPOUND_SURNAME}[\u4e00-\u9fff]{{1,2}}|[\u4e00-\u9fff]{{2,3}}|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff]))"
# A person noun, a space, then names (市民 王建华 / 学生记者 赵晨 宋雨桐): a byline by its grammar,
# the space being what a headline of the same characters would not print.
# The noun may carry a place or unit before it (槐阳县石桥村村民　王秀芝, 槐阳县人民法院　宋立德): a
# person noun or a unit word, a space, then the names.
_PERSON_BYLINE = regex_cache.compile(
    # the place may stand apart from the person noun too (南溪县柳塘镇　读者 许秀英)
    # a long unit and post may open it (溪州市第一人民医院心内科主任医师　冯卫东); the 24-character cap holds it to a line
    # a bracket after the last name says who the writer is (小记者 林朵朵(育才小学五年级))
    rf"^(?:[\u4e00-\u9fff]{{2,12}}[ \u3000]+)?[\u4e00-\u9fff]{{0,20}}(?:{BYLINE_PERSON_ENDS}|{BYLINE_UNIT_ENDS})(?:[ \u3000]+(?:{_NAME})(?![\u4e00-\u9fff])){{1,4}}"
    r"(?:[（(][^（）()\s]{1,16}[）)])?$"
)
# A place, a space, then a name with the writer's age (溪州市青石区　张桂芳（72岁）): a reader's signature.
_AGED_NAME = regex_cache.compile(rf"^[\u4e00-\u9fff]{{2,12}}[ \u3000]+(?:{_NAME})[（(][0-9０-９]{{1,3}}岁[）)]$")
# A short label and a colon before a signature (答疑专家：…研究所研究员 钟林): the label names the writer's part.
_LABEL_COLON = regex_cache.compile(r"^[\u4e00-\u9fff]{2,6}[:：]\s*")
_CAPTION = regex_cache.compile(r"^(?:图为|[▲△▼]|上图|下图|左图|右图|图片说明|图[0-9一二三四五六]?[:：]|(?:本报)?资料图)")
_CREDIT = regex_cache.compile(r"^\S.{0,20}\s*摄$")
_SUBTITLE = regex_cache.compile(r"^(?:——|──|—|--|－－)\s*\S")
# The head of an editor's note: 编者按： / 【编者按】 / 编者的话 / 编后语, also letter-spaced by print (编　者　按：). The word
# alone is no head when the text runs on (编者按之后的文章…, a paragraph's line that the column began there).
NOTE_HEAD = regex_cache.compile(r"^[【\[]?\s*(?:编\s*者\s*按|编\s*者\s*的\s*话|编\s*后\s*语|编\s*后\s*记|编\s*后)\s*(?:[】\]]\s*[:：]?|[:：]|(?=\s)|$)\s*")
_FINAL = "。！？!?；;…：:"
_SPEAKER = regex_cache.compile(r"^(?:记者|本报记者|问|答|主持人|[QA])\s*[:：]")
_CLOSERS = "”’」』）)】]》〉\"'"
_CONTINUATION_START = "，。、；：？！）」』》,.;:?!)"
# A line ending in one of these is a clause cut short (才 rarely ends a heading either).
_FUNCTION_END = set("的了和与及在对把被将从向为是并而或等着过以于由就也又还都把让使给跟同且若但")


def latin_across(left: str, right: str) -> bool:
    """Whether Latin letters or digits stand on both sides of the break between ``left`` and ``right``: a Latin word
    the column cut (the cou / rt), or two words whose space the break took (made to / bridge the gap)."""
    a, b = left[-1:], right[:1]
    return a.isascii() and a.isalnum() and b.isascii() and b.isalnum()


def ends_finished(text: str) -> bool:
    """True when the text ends a sentence (closing quotes and brackets looked through)."""
    t = text.rstrip(_CLOSERS + " ")
    if t.endswith("……") or t.endswith("...") or _PAGE_REFERENCE.search(t):
        return True  # an ellipsis, or a guide entry's page reference, ends the line's thought
    if _SIGNED_END.search(text.rstrip()):
        return True  # a brief item signed in brackets after its last sentence (…全覆盖。（司　宣）)
    return bool(t) and t[-1] in _FINAL


# the marks a heading opens and closes in pairs: quotes, brackets, book-title marks
PAIRED_MARKS = ("“”", "（）", "《》", "「」")


def heading_runs_on(text: str) -> bool:
    """A heading line that goes on in the line below: it opens a quote or a bracket it does not close, or stops on a
    comma, an enumeration comma or a colon (保护中发展  古城焕光彩（牢 / 全链条服务，)."""
    t = text.rstrip()
    return t.endswith(("，", "、", "：", ",", ":")) or any(t.count(a) > t.count(b) for a, b in PAIRED_MARKS)


# who made a piece, and nothing else, on a line of its own at its end: 记者：徐壮、周玮 / 海报制作：栾若卉 / 编导：房宽 /
# 版式设计：张芳曼
STAFF_CREDIT = regex_cache.compile(
    r"^(?:本期|本版)?(?:总?策划|总?统筹|监制|主编|编导|包装|摄制|海报制作|海报设计|版式设计|视觉设计|设计|剪辑|制作|编辑|责编|校对|撰文|文字|记者|作者)"
    r"[：:][ \u3000]*[\u4e00-\u9fff·]{2,4}(?:[ \u3000、，,]+[\u4e00-\u9fff·]{2,4})*$"
)


# who made a piece, alone on its closing line: 新华社音视频部制作, 新华社国内部出品, 新华社第一工作室出品
MADE_BY = regex_cache.compile(
    r"^(?:(?:新华社|新華社|人民日报|人民日報|人民网|人民網|央视|总台|中央广播电视总台)[\u4e00-\u9fff·]{0,14}(?:制作|製作|出品)"
    r"|[\u4e00-\u9fff·]{2,16}出品"
    # the desks that made it together: 新华社国内部、新华社甘肃分社联合制作, …研究中心、唠科工作室联合制作
    r"|[\u4e00-\u9fffA-Za-z0-9·、]{2,40}(?:部|社|室|台|中心|研究院)(?:联合|聯合)(?:制作|製作|出品))$"
)


# a title's column label at its end: 守护自然资源  建设美丽中国（权威发布）; never a subtitle's
TITLE_LABEL = regex_cache.compile(r"[^（）]（[^（）\d]{2,30}）$")
# a title's column label set on a line of its own under it: （“十五五”开好局起好步）, （以文塑旅  以旅彰文）
LABEL_LINE = regex_cache.compile(r"^（[^（）\d]{2,30}）$")


# A sentence end, then a short bracketed signature, closed (an open one is a caption's wrapped credit).
_SIGNED_END = regex_cache.compile(r"[。！？!?]\s*[（(][\u4e00-\u9fff \u3000·]{1,10}[）)]$")


def classify(text: str, line: int) -> str:
    """The line's kind: jump, subheading, byline, caption, subtitle, note or text."""
    if only_marker(text, line) is not None:
        return "jump"
    if len(text) <= 24 and _CREDIT.match(text) and not _BYLINE.match(text):
        return "caption"  # a photo credit (新华社记者 刘大伟 摄), even when a reporter's title opens it
    if len(text) <= 40 and not re.search(r"[，。！？,!?；;]", text) and (
        _BYLINE.match(text) or _ROLE_BYLINE.match(text) or _MARKED_NAMES.match(text) or _SPEAKER_LINE.match(text) or _DATELINE_LINE.match(text)
        or (len(text) <= 24 and _PERSON_BYLINE.match(text)) or _AGED_NAME.match(text) or _labelled_signature(text)
    ):
        return "byline"
    if _CAPTION.match(text) or (len(text) <= 24 and _CREDIT.match(text)):
        return "caption"
    if NOTE_HEAD.match(text):
        return "note"
    if len(text) <= 60 and _SUBTITLE.match(text) and not ends_finished(text):
        return "subtitle"
    # numbered headings may end with a question mark (Q&A) but never hold a full stop
    if _NUMBERED.match(text) and len(text) <= 50 and "。" not in text and not text.rstrip(_CLOSERS).endswith(("；", ";", "：", ":")):
        return "subheading"
    if _MARKED_HEADING.match(text) and not ends_finished(text):
        return "subheading"
    if _ORDINAL_COLON.match(text) and not ends_finished(text):
        return "subheading"
    if _LABELLED_HEADING.match(text):
        return "subheading"
    return "text"


def _labelled_signature(text: str) -> bool:
    """A label and colon, then what alone would read as a byline (答疑专家：研究所研究员 钟林)."""
    m = _LABEL_COLON.match(text)
    if m is None or _SPEAKER.match(text):
        return False  # 记者：/ 问： open a Q&A line, not a signature
    rest = text[m.end():]
    return bool(rest) and (_SPEAKER_LINE.match(rest) is not None or (len(rest) <= 24 and _PERSON_BYLINE.match(rest) is not None))


# An item of a numbered list: 1.… / 2、… / ①… / （一）…
_LIST_ITEM = regex_cache.compile(r"^(?:[0-9０-９]{1,2}\s*[.．、](?![0-9])|[①②③④⑤⑥⑦⑧⑨⑩]|[（(]\s*[一二三四五六七八九十0-9]{1,3}\s*[）)])")


def list_item(text: str) -> bool:
    """True for a line that opens an item of a numbered list."""
    return _LIST_ITEM.match(text) is not None


def is_photo_credit(text: str) -> bool:
    """A credit line alone (新华社记者 刘大伟 摄, 本报记者 林涛 摄): it belongs to the caption above it."""
    return len(text) <= 24 and _CREDIT.match(text) is not None and not _CAPTION.match(text)


# A contact line (新闻热线 96811  www.….cn / 投稿邮箱：…): papers print it under the masthead
# or at a page foot; it names a way to reach the paper and never heads an article.
_CONTACT = regex_cache.compile(rf"^(?:{PAGE_CONTACT})|(?:https?://|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|[A-Za-z0-9._-]+@[A-Za-z0-9-]+\.[A-Za-z.]+")


def contact_line(text: str) -> bool:
    """True for a short line that gives the paper's hotline, web address or mailbox, not news."""
    return len(text) <= 40 and not re.search(r"[。！？；]", text) and _CONTACT.search(text) is not None


def titleish(text: str, max_len: int = 40) -> bool:
    """A short line that could head an article: no sentence inside, not a clause cut short."""
    if not (2 <= len(text) <= max_len) or cjk_count(text) < 2:
        return False
    if "。" in text or text[0] in _CONTINUATION_START or text[0] in "@#＠" or "http" in text or contact_line(text):
        return False
    if _PAGE_REFERENCE.search(text):
        return False  # a 导读 entry: its page reference makes it a pointer, not a heading
    if _SPEAKER.match(text):
        return False  # an interview question, not a heading
    t = text.rstrip(_CLOSERS)
    if t and t[-1] in "，、：；,:;—":
        return False
    if t and t[-1] in "！？!?…" and len(text) > 30:
        return False
    return not (t and t[-1] in "。；;")


def fragment_penalty(text: str) -> int:
    """How strongly the line reads as the first part of a broken sentence rather than a heading."""
    penalty = 0
    inner = text.rstrip(_CLOSERS)
    if re.search(r"[，,；;]", inner):
        penalty += 3
    if inner and inner[-1] in _FUNCTION_END:
        penalty += 3
    return penalty


def starts_mid_sentence(text: str) -> bool:
    """True when the line starts with punctuation that only follows earlier text."""
    return bool(text) and text[0] in _CONTINUATION_START


_NAMES = regex_cache.compile(r"[\u4e00-\u9fff]{2,4}(?:[ \u3000、][\u4e00-\u9fff]{2,4}){0,3}")


def bare_names(text: str) -> bool:
    """A line of one to four personal names (a byline printed without 记者/文/)."""
    return len(text) <= 16 and _NAMES.fullmatch(text) is not None

