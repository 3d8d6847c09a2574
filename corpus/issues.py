"""Load the real-text records and lay every issue out as a raw dump (deterministically)."""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from corpus.layout import Dump, lay_out, usable

REAL = Path(__file__).resolve().parent / "real"

#: The blind measurement's issues: never in the corpus (checked on load and by a test).
BLIND_DATES = frozenset({
    "2026-06-02", "2026-06-05", "2026-08-04", "2026-08-05", "2026-08-10", "2025-01-02", "2025-12-22",
    "2026-06-12", "2026-04-28", "2026-04-30", "2026-05-01", "2026-06-01", "2026-07-17",
})


def record_files(folder: Path = REAL) -> list[Path]:
    """Every ``*.jsonl.gz`` of the corpus, sorted by name."""
    return sorted(folder.glob("*.jsonl.gz"))


def load_records(folder: Path = REAL) -> list[dict]:
    """All records, in file order; a blind date is an error, not a skip."""
    out = []
    for path in record_files(folder):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["date"] in BLIND_DATES:
                    raise ValueError(f"{path.name}: {rec['date']} is a blind-set date")
                out.append(rec)
    return out


_SENTENCE_MARKS = re.compile(r"[。！？；：:;!?…]")
_FINISHED = ("。", "！", "？", "…", "”", "」")


_NUMBERED_HEAD = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百]{1,4}[章节部分篇])")
# a part's numeral alone on its line (一, （二）): print sets it as the head of what follows
_NUMERAL_ALONE = re.compile(r"^[（(]?[一二三四五六七八九十]{1,3}[）)]?$")
_JUMP_NOTE = re.compile(r"^[（(]\s*[上下][接转][^）)]{1,12}[）)]$")
# the same note run into the end of the paragraph it cuts: …准确率超90%。（下转第二版）
_JUMP_NOTE_AT_END = re.compile(r"[（(]\s*下转[^）)]{1,12}[）)]$")


def _without_jump_notes(body: list[list[str]]) -> list[list[str]]:
    """The body without the crawl's own jump notes: a note on its own line goes, and one run into a paragraph's end is
    cut off it. A crawl keeps the whole article, the part on its continuation page included, so a paragraph the jump
    cut in mid-sentence (…规范治理，（下转第三版）) goes on in the next one, and the two are one paragraph again."""
    out: list[list[str]] = []
    joining = False
    for kind, text in body:
        if kind == "note" and _JUMP_NOTE.match(text.strip()):
            continue
        if joining and kind == "p":
            out[-1] = ["p", out[-1][1] + text.strip()]
            joining = False
            continue
        joining = False
        if kind == "p" and _JUMP_NOTE_AT_END.search(text.rstrip()) and not _JUMP_NOTE.match(text.strip()):
            text = _JUMP_NOTE_AT_END.sub("", text.rstrip()).rstrip()
            joining = not text.endswith(_FINISHED)
        out.append([kind, text])
    return out


def _prose(block: list[str] | None, size: int = 40, finished: int = 20) -> bool:
    """A paragraph of prose: ``size`` characters or more, or a finished sentence of ``finished`` or more
    (寻找可用于繁育后代的纯种绿孔雀，这不是件容易的事。)."""
    if block is None or block[0] != "p":
        return False
    text = block[1].rstrip()
    return len(text) >= size or (len(text) >= finished and text.endswith(_FINISHED))


def _not_a_head(text: str) -> bool:
    """A paragraph no head is: a bracket, a ——lead-in, a caption or dateline lead, a spaced name or signature or its
    date, a contributor's line (沈桂龙（上海社会科学院…所长）, 新华社“新华视点”记者董雪)."""
    return (
        text.startswith(("（", "(", "——", "图", "本报", "【", "["))
        or text.endswith("——")
        or re.search(r"\s", text.strip()) is not None
        or re.search(r"[（(]|记者|記者|通讯员|通訊員", text) is not None
        or re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", text.strip()) is not None  # a signature's date
    )


# two phrases of a head, each of four characters or more, set apart by a space (a name after a post is no phrase)
_SPACED_HEAD = re.compile(r"^[\u4e00-\u9fff“”‘’、，]{4,16}[ \u3000\xa0]{1,4}[\u4e00-\u9fff“”‘’、，]{4,16}$")
# a question between paragraphs of prose, at most this long, is a head (如何知道现有住宅是不是“好房子”？): 人民日报 heads
# the parts of its explainers so; longer ones are as often the text's own question (那么，汛期的水究竟是如何从“福”变为“祸”呢？)
_QUESTION_HEAD = 20
_WORDED = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]{2}")


def _head_shaped(block: list[str]) -> bool:
    """A body paragraph shaped as a head: one short clause with no sentence mark (漂泊异乡被收留), a short question
    (什么是海洋暖涡？) or a labelled clause (科技创新：解决高密度村居用电难题)."""
    kind, text = block
    if _SPACED_HEAD.match(text.strip()):
        return True  # 城市仪式感  完整定格夏日光影回忆: two phrases set apart by a space
    if kind != "p" or _not_a_head(text) or not _WORDED.search(text) or any(text.count(a) != text.count(b) for a, b in _OPEN_CLOSE):
        return False
    if 4 <= len(text) <= 28 and not _SENTENCE_MARKS.search(text):
        return True
    if 4 <= len(text) <= _QUESTION_HEAD and text[-1] in "？！" and not _SENTENCE_MARKS.search(text[:-1]):
        return True  # 什么是海洋暖涡？, 垃圾还是混着清运，仅前端分类有何用？ — a question set as a head between paragraphs
    label, _, rest = text.partition("：")
    return 6 <= len(text) <= 24 and 2 <= len(label) <= 6 and len(rest) >= 4 and not _SENTENCE_MARKS.search(rest)


def _unmarked_head(body: list[list[str]], k: int, shapes: list[str | None]) -> bool:
    """Whether the body paragraph ``k`` is a section head that the source did not mark: a part's numeral alone
    (一, （二）) or numbered, with text after it; a roundup's first item head, right under the record's title;
    or in a run of head lines between a paragraph of prose (or a head, or a caption) and prose: one or two
    head-shaped lines (a head over its second line: 从广场到超市 / 过去堆满车辆的无障碍通道，有人管护了), a head's
    own lead-in over it (育良种、买设备，种粮劲头足—— / 政策增信为农业现代化提气), a name or tag set apart (深合作 /
    拥抱中国研发，跨国车企全面发力; a piece's head / its author 谭琳静 / 【镜头】), three lines at most. ``shapes``: what
    head line each paragraph could be (``_head_line``)."""
    kind, text = body[k]
    if kind in ("p", "note") and k < len(body) - 1 and _NUMERAL_ALONE.match(text.strip()):
        # 一 / （二）: a part's numeral over its text, first in the body too (an extractor takes （二） for a note)
        return _prose(body[k + 1], 10, 10)
    if k == 0 and kind == "p" and len(body) > 2 and shapes[0] == "head" and not text.rstrip().endswith(("？", "?")) and _prose(body[1]):
        # the first item's head of a roundup, right under the record's title (环球扫描 / 白宫记协晚宴突发枪击 /
        # 本报华盛顿4月26日电…), heads it as the later items' heads do theirs; a question there opens the text
        return any(body[m][0] == "h" or _unmarked_head(body, m, shapes) for m in range(2, len(body)))
    if kind != "p" or not 0 < k < len(body) - 1:
        return False
    if _NUMBERED_HEAD.match(text) and len(text) <= 40 and not _SENTENCE_MARKS.search(text[:-1]) and text[-1] not in "。；" and not text.startswith(("（", "(")):
        return _prose(body[k + 1], 10, 10)  # 一、… / 第六章  救助程序: numbered, no sentence inside, text follows
    if shapes[k] is None:
        return False
    first, last = k, k
    while first > 0 and shapes[first - 1] is not None:
        first -= 1
    while last < len(body) - 1 and shapes[last + 1] is not None:
        last += 1
    run = shapes[first:last + 1]
    if first == 0 or last == len(body) - 1 or len(run) > 3 or run.count("head") > 2 or run[-1] == "lead":
        return False
    after = body[last + 1]
    return _opens(body, first - 1, run) and (_prose(after, 20, 12) if run[-1] == "apart" else _prose(after, finished=12))


def _head_line(block: list[str]) -> str | None:
    """What kind of head line a body paragraph could be: a head ("head"), a name or tag set apart ("apart"), a
    head's lead-in ("lead"), or none."""
    kind, text = block
    if kind != "p":
        return None
    if _set_apart(text):
        return "apart"
    if _lead_in_head(text):
        return "lead"
    return "head" if _head_shaped(block) else None


# a name's first character and each further one, letter-spaced or not (王浩蓝, 罗  晶); each use says how many follow
_NAME = r"[\u4e00-\u9fff](?:[ \u3000\xa0]*[\u4e00-\u9fff])"
# a line print sets apart in bold over what it heads: a name of two to four characters, spaced or not (王浩蓝 / 罗  晶)
# over a person's bio, a short tag in 【】 (【点评】, 【专家观点】)
_SET_APART = re.compile(rf"^{_NAME}{{1,3}}$|^【[^【】]{{2,8}}】$")


def _set_apart(text: str) -> bool:
    return _SET_APART.match(text.strip()) is not None


def _lead_in_head(text: str) -> bool:
    """A head's own ——lead-in (历史审判——): short, one clause, over the head it leads into."""
    return text.endswith("——") and 4 <= len(text) <= 22 and not _SENTENCE_MARKS.search(text) and not text.startswith(("（", "(", "——"))


# an editor's sign-off under the note that opens a feature (——编  者)
_SIGN_OFF = re.compile(r"^——[ \u3000\xa0]*编[ \u3000\xa0]*者$")


def _opens(body: list[list[str]], k: int, run: list[str | None]) -> bool:
    """Whether the body paragraph ``k`` is one a run of head lines (``run``, their shapes) may follow: a paragraph of
    prose, another head, a photo's caption; the editor's sign-off of an opening note (——编  者 / 敢闯敢试，发现产业商机);
    a reader's letter's signature under its text (…出台规范。 / 湖北孝感市  黄国清 / 莫让斑马线雨天成“溜冰场”); or
    a piece's byline over a tag in 【】 (本报记者  孟祥夫 / 【镜  头】) — under a byline, a short question opens the
    piece's text instead (本报记者  方  敏 / 山里的老人咋吃饭？)."""
    kind, text = body[k]
    if _prose(body[k]) or kind in ("h", "caption"):
        return True
    if kind != "p":
        return False
    text = text.strip()
    if _SIGN_OFF.match(text):
        return True
    if _REPORTER_LINE.match(text) or (_POST_NAME.match(text) and _piece_byline(text)):
        signs_the_text_above = k > 0 and _prose(body[k - 1]) and not _REPORTER_LINE.match(text)
        return signs_the_text_above or (run[0] == "apart" and body[k + 1][1].lstrip().startswith("【"))
    return False


def mark_unmarked_heads(rec: dict) -> dict:
    """A short body paragraph with no sentence mark, between paragraphs of prose, is a section head.

    Web editions set section heads in bold where the source kept the markup; where it
    did not (some papers' pages, some crawls), the head survives only as a short
    paragraph of one clause between paragraphs of prose, which is how print sets it:
    ``漂泊异乡被收留``, a numbered ``一、全面客观看待全球产能…`` or ``第六章  行政法规解释``,
    a short question ``什么是海洋暖涡？``, a labelled ``科技创新：解决高密度村居用电难题``, or a head over its
    second line, two such paragraphs together (``从广场到超市`` / ``过去堆满车辆的无障碍通道，有人管护了``).
    A crawl's own jump note (``（上接第一版）``, ``…。（下转第二版）``) is dropped: the layout sets its own jumps.
    """
    body = _without_jump_notes(rec.get("body") or [])
    shapes = [_head_line(b) for b in body]  # what head line each paragraph could be, read once
    out = [["h" if _unmarked_head(body, k, shapes) else kind, text] for k, (kind, text) in enumerate(body)]
    return {**rec, "body": out}


# a reporter line (本报记者  王  亮, 新华社记者张三、李四)
_REPORTER_LINE = re.compile(
    r"^(?:本报|新华社|人民日报)?(?:特约|首席|见习|实习)?(?:记者|通讯员)[ \u3000\xa0]*[\u4e00-\u9fff·]{1,4}(?:[ \u3000\xa0、，]+[\u4e00-\u9fff·]{1,4})*$"
)
# a bare name of two or three characters, spaced or not (董碧辉, 胡  波)
_BARE_NAME = re.compile(rf"^{_NAME}{{1,2}}$")
# an author's post or place, set apart from the name (芜湖职业技术大学党委书记  田  昕, 广西贵港市  胡锦川)
_POST_NAME = re.compile(
    rf"^(?P<post>[^\s，。；！？：:]{{2,40}})[ \u3000\xa0]{{2,}}(?P<name>{_NAME}{{1,3}})$"
)
_PLACE_END = re.compile(r"[省市县区州旗盟镇乡村]$|地区$")


def _piece_byline(text: str) -> bool:
    """A piece's byline: a reporter line, a bare name that jieba reads as a person's (董碧辉, not 台风雨), or an
    author's post or place over a name (``芜湖职业技术大学党委书记  田  昕``; a reader's letter: ``广西贵港市  胡锦川``),
    not a chapter head (``第六章  法律责任``)."""
    text = text.strip()
    if _REPORTER_LINE.match(text):
        return True
    post = _POST_NAME.match(text)
    if post:
        return _person(post["name"]) or (_PLACE_END.search(post["post"]) is not None and len(re.sub(r"\s", "", post["name"])) <= 3)
    return _BARE_NAME.match(text) is not None and _person(text)


def _person(name: str) -> bool:
    """Whether jieba reads the name's first word as a person's."""
    import jieba.posseg  # the corpus tools' only use of it; loaded when a name is met

    first = next(iter(jieba.posseg.cut(re.sub(r"\s", "", name))))
    return first.flag.startswith("nr")


def split_pieces(rec: dict) -> list[dict]:
    """A record that holds several printed pieces, each with its own head and byline (a page's reports under one
    banner: ``一站国际赛事给青少年打开一扇窗`` / ``本报记者  王  亮`` / …; a column's commentaries: ``无人机要“目中有人”`` /
    ``董碧辉`` / …), is one article per piece, as print sets them: a head — a marked one, or one or two short lines
    with no sentence mark — over a byline line over prose opens the next piece, with the head as its title (the
    second head line its subtitle) and the line as its byline. The record's own title heads the text before the
    first piece; when there is none, it is the first piece's kicker. Run after ``mark_unmarked_heads``."""
    body = rec.get("body") or []
    cuts = []
    for k in range(1, len(body) - 1):
        kind, text = body[k]
        if kind not in ("p", "h") or not _piece_byline(text) or not _opens_with_prose(body, k + 1):
            continue
        heads = [j for j in (k - 2, k - 1) if j >= 0 and _piece_head(body[j])]
        if heads and heads[-1] == k - 1:
            start = heads[0] if len(heads) == 2 and body[k - 2][0] == body[k - 1][0] else k - 1
            if not cuts or start > cuts[-1][1]:
                cuts.append((start, k))
    if not cuts:
        return [rec]
    out, first = [], cuts[0][0]
    lead = {**rec, "body": body[:first]}
    if any(kind in ("p", "note") for kind, _ in body[:first]):
        out.append(lead)
        kicker = None
    else:
        kicker = rec.get("title")
    for n, (start, by) in enumerate(cuts):
        end = cuts[n + 1][0] if n + 1 < len(cuts) else len(body)
        heads = [text for _, text in body[start:by]]
        out.append({
            **rec, "kicker": kicker if n == 0 else None, "title": heads[0].strip(),
            "subtitle": heads[1].strip() if len(heads) > 1 else None, "byline": body[by][1].strip(), "body": body[by + 1:end],
        })
    return out


def _piece_head(block: list[str]) -> bool:
    """A piece's head: a marked section head, a short paragraph with no sentence mark, or one shaped as a head
    (``内蒙古：源头防止新增“半拉子工程”``, ``用实践激活理论  以理论指导实践``: ``_head_shaped``)."""
    kind, text = block
    return kind == "h" or (kind == "p" and (4 <= len(text) <= 30 and not _SENTENCE_MARKS.search(text) and not _not_a_head(text) or _head_shaped(block)))


def _opens_with_prose(body: list[list[str]], k: int) -> bool:
    """Whether the text from paragraph ``k`` on is prose: that paragraph is, or it is a short finished sentence of
    its own (``山里的老人咋吃饭？``, ``艾草青青，粽叶飘香。``) over one that is."""
    if _prose(body[k]):
        return True
    kind, text = body[k]
    return kind == "p" and len(text.strip()) >= 6 and text.rstrip().endswith(("。", "！", "？")) and k + 1 < len(body) and _prose(body[k + 1])


_OPEN_CLOSE = ("“”", "（）", "《》", "「」", "‘’")


def split_joined_subtitle(rec: dict) -> dict:
    """A title the web edition joined with its subtitle (``向阳而生 不负韶华——追寻黄文秀的大学时光``) is
    printed as a title and a ——subtitle under it: the record gets them apart. A —— inside quotes or
    brackets (``“新的长征——新阶层走好新时代长征路”主题活动…``) is part of the title."""
    title = rec.get("title") or ""
    if rec.get("subtitle") or "——" not in title:
        return rec
    at = title.find("——")
    head, tail = title[:at].rstrip(), title[at:].lstrip("—").strip()
    if len(head) < 4 or len(tail) < 4 or any(head.count(a) != head.count(b) for a, b in _OPEN_CLOSE):
        return rec
    return {**rec, "title": head, "subtitle": tail}


_LEAD_IN_LINE = 40  # characters: a lead-in names a place, a body or a person and its post (江苏东台市特殊教育学校高级教师李康——)


def carry_lead_ins(recs: list[dict]) -> list[dict]:
    """A lead-in that the crawl left as the last paragraph of a piece (``浙江金华——``, ``彰显独特优势——``) heads the next
    piece on the page, as print sets it over that piece's title: it becomes that piece's kicker, when it has none. A
    lead-in ends with ——, holds no sentence mark and is short; the piece it leaves keeps some text."""
    out = [dict(r) for r in recs]
    for a, b in zip(out, out[1:]):
        body = a.get("body") or []
        if len(body) < 2 or a.get("page") != b.get("page") or b.get("kicker"):
            continue
        kind, text = body[-1]
        text = text.strip()
        if kind == "p" and text.endswith("——") and not text.startswith("——") and len(text) <= _LEAD_IN_LINE and not _SENTENCE_MARKS.search(text):
            a["body"], b["kicker"] = body[:-1], text
    return out


def group_issues(records: list[dict], max_articles: int = 24) -> list[tuple[str, str, list[dict]]]:
    """(paper, issue name, records): one issue per paper and date, cut into parts of at most ``max_articles``."""
    by: dict[tuple[str, str], list[dict]] = {}
    for r in records:
        if usable(r):
            by.setdefault((r["paper_slug"], r["date"]), []).append(mark_unmarked_heads(split_joined_subtitle(r)))
    out = []
    for (slug, date), recs in sorted(by.items()):
        for k in range(0, len(recs), max_articles):
            # the parts are cut before the pieces are, so that a record's pieces keep the part and name it had
            part = carry_lead_ins([piece for rec in recs[k : k + max_articles] for piece in split_pieces(rec)])
            out.append((recs[0]["paper"], f"{slug}-{date}-{k // max_articles + 1}", part))
    return out


def dumps(records: list[dict] | None = None, salt: str = "", paragraphs: str | None = None, spread: bool = False) -> Iterator[tuple[str, Dump]]:
    """(paper, dump) for every issue, each laid out with a seed taken from its name (and ``salt``); ``paragraphs``
    sets every dump's paragraph layout (``layout.PARAGRAPH_STYLES``) instead of the seed's; ``spread`` letter-spaces
    every title line."""
    for paper, name, recs in group_issues(load_records() if records is None else records):
        yield paper, lay_out(recs, zlib.crc32(f"{salt}{name}".encode()), name, paragraphs, spread)
