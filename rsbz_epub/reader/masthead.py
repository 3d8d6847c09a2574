"""The masthead block at the top of the dump → IssueMeta; the publication config fills the gaps."""

from __future__ import annotations

import datetime as _dt
import re

from rsbz_epub import regex_cache
from rsbz_epub.model import Diagnostic, IssueMeta
from rsbz_epub.options import Publication
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.lexicon import MASTHEAD_NOTES
from rsbz_epub.reader.lines import Line
from rsbz_epub.reader.numerals import CHINESE_NUMERAL, to_int

_CN = f"[0-9０-９{CHINESE_NUMERAL}]"
DATE = regex_cache.compile(
    rf"(?P<y>(?:19|20)\d\d|[〇零○一二]{{2}}[〇零○一二三四五六七八九]{{2}})\s*年\s*(?P<m>{_CN}{{1,3}})\s*月\s*(?P<d>{_CN}{{1,3}})\s*日"
    r"|(?<!\d)(?P<y2>(?:19|20)\d\d)\s*[-./／]\s*(?P<m2>\d{1,2})\s*[-./／]\s*(?P<d2>\d{1,2})(?!\d)"
)
# An English date line some overseas papers print (Tuesday, June 10, 2025 / June 10, 2025 / 10 June 2025).
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EN_DATE = regex_cache.compile(
    rf"(?:(?P<wd>{'|'.join(_DAYS)}),?\s+)?(?:(?P<mo>{'|'.join(_MONTHS)})\s+(?P<d>\d{{1,2}}),?\s+|(?P<d2>\d{{1,2}})\s+(?P<mo2>{'|'.join(_MONTHS)}),?\s+)(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
ISSUE = regex_cache.compile(rf"(?<!总)第\s*(?P<n>{_CN}{{1,5}})\s*期")
TOTAL = regex_cache.compile(rf"总\s*第\s*(?P<n>{_CN}{{1,6}})\s*期")
WEEKDAY = regex_cache.compile(r"(?:星期|周|礼拜)(?P<w>[一二三四五六日天])")
# 主管主办：X names one body as both supervisor and publisher.
_SUPERVISOR = regex_cache.compile(r"主管(?:主办)?(?:单位)?[:：]\s*(?P<a>[^\s，,、|｜;；]+)|(?P<b>[^\s（）()，,、|｜/:：;；]{2,}?)主管(?=主办|[^\u4e00-\u9fff]|$)")
_PUBLISHER = regex_cache.compile(
    r"(?:(?:主管)?主办(?:单位)?|出版单位|出版)[:：]\s*(?P<a>[^\s，,、|｜;；]+)|(?P<b>(?!主管)[^\s（）()，,、|｜/:：;；]{2,}?)(?:主管)?主办(?![\u4e00-\u9fff])"
)
_LATIN = regex_cache.compile(r"^[A-Za-z][A-Za-z .'’&-]{2,}$")
_OTHER = regex_cache.compile(
    r"(?:主管|主办)(?![\u4e00-\u9fff])|主管(?:单位)?[:：]|主办(?:单位)?[:：]|CN\s*\d{2}\s*[-－—]\s*\d{4}|ISSN|邮发代号|国内统一连续出版物号"
    r"|今日\s*\d+\s*版|本期\s*\d+\s*版|社址[:：]|定价[:：]|零售价|邮编[:：]|网址[:：]"
    rf"|{MASTHEAD_NOTES}"
    # the paper's web address printed alone under the name
    r"|^(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?$"
)
# Letter-spaced names (清　溪　报) are the paper name all the same.
_SPACES = regex_cache.compile(r"[ \u3000\t]+")
_SENTENCE_END = regex_cache.compile(r"[。！？；]")
# a line of running text or a headline: a masthead or running header has no sentence or clause marks, and is short
_PROSE = regex_cache.compile(r"[。！？；，、：:]|^.{41,}$")
_MAX_LINES = 12


def read_masthead(lines: list[Line], pub: Publication) -> tuple[IssueMeta, set[int], list[Diagnostic]]:
    """Find the masthead among the first lines; return the metadata and the line numbers it used."""
    block = _masthead_block(lines, pub)
    texts = [ln.text for ln in block]
    joined = " ".join(texts)
    diags: list[Diagnostic] = []
    first = block[0].no if block else (next((ln.no for ln in lines if not ln.blank), None))

    paper = _paper(block, pub)
    if paper is None:
        paper = pub.title
        diags.append(diag("R003", f"paper name not found in the masthead; using '{pub.title}' from the config", first))
    latin = next((t for t in texts if _LATIN.match(t)), None) or next((found[1] for t in texts if (found := _name_and_latin(t))), None)
    # another paper read without a config: the built-in paper's identity is not its own
    own = paper == pub.title or pub != Publication()
    slug = pub.slug if own else _slug_for(paper, diags, first)
    if latin is None and paper == pub.title:
        latin = pub.title_latin or None
    date = _date(joined)
    if date is None:
        diags.append(diag("R003", "issue date not found in the masthead (expected e.g. 2021年10月21日)", first))
    issue = ISSUE.search(joined)
    if issue is None:
        diags.append(diag("R003", "issue number not found in the masthead (expected e.g. 第40期)", first))
    total = TOTAL.search(joined)
    weekday = WEEKDAY.search(joined)
    supervisor = _field(_SUPERVISOR, texts)
    publisher = _field(_PUBLISHER, texts)
    if publisher is None and own:
        publisher = pub.publisher
        diags.append(diag("R004", f"publisher not printed in the masthead; using '{pub.publisher}'", first))
    cn = re.search(r"CN\s*\d{2}\s*[-－—]\s*\d{4}(?:\s*/\s*[A-Z]{1,2})?", joined)
    meta = IssueMeta(
        paper=paper,
        paper_latin=latin,
        date=date,
        issue_number=to_int(issue.group("n")) if issue else None,
        total_issue_number=to_int(total.group("n")) if total else None,
        weekday=("星期" + weekday.group("w").replace("天", "日")) if weekday else None,
        publisher=publisher,
        supervisor=supervisor,
        publication_slug=slug,
        language=pub.language,
        issn=pub.issn if own else None,
        cn_number=(pub.cn_number if own else None) or (re.sub(r"\s+", "", cn.group(0)) if cn else None),
        source_lines=tuple(ln.no for ln in block),
    )
    return meta, {ln.no for ln in block}, diags


def _slug_for(paper: str, diags: list[Diagnostic], first: int | None) -> str:
    """The folder slug of a paper that has no config (its pinyin initials), with the warning that says so."""
    from rsbz_epub.identity import paper_slug

    slug = paper_slug(paper)
    diags.append(diag("R015", f"no publication config for {paper}: folder '{slug}-…' and metadata from the masthead only; "
                              "give --config to set its publisher, ISSN and Latin name", first))
    return slug


def is_masthead_line(text: str, pub: Publication) -> bool:
    """True for a line that only a masthead or running header would print."""
    return bool(
        DATE.search(text)
        or EN_DATE.search(text)
        or ISSUE.search(text)
        or TOTAL.search(text)
        or _OTHER.search(text)
        or (pub.title and _SPACES.sub("", text) == _SPACES.sub("", pub.title))
        or (pub.title_latin and text.upper() == pub.title_latin.upper())
        or _name_and_latin(text) is not None
        or (_LATIN.match(text) and text.upper() == text and " " in text)
    )


# The name and its Latin form set side by side on one line, in either order (楚原法治报　CHUYUAN FAZHI BAO,
# QINCHUAN RIBAO　秦川日报).
_NAME_LATIN = regex_cache.compile(
    r"^(?:(?P<name>[\u4e00-\u9fff·]{2,12})[ \u3000\t]+(?P<latin>[A-Za-z][A-Za-z .'’&-]{2,})"
    r"|(?P<latin2>[A-Za-z][A-Za-z .'’&-]{2,}?)[ \u3000\t]+(?P<name2>[\u4e00-\u9fff·]{2,12}))$"
)


def _name_and_latin(text: str) -> tuple[str, str] | None:
    """The paper's name and its Latin form printed together on one line, in capitals, else None."""
    m = _NAME_LATIN.match(_SPACES.sub(" ", text).strip())
    if m is None:
        return None
    name, latin = (m.group("name"), m.group("latin")) if m.group("name") else (m.group("name2"), m.group("latin2"))
    latin = latin.strip()
    if not _LATIN.match(latin) or latin.upper() != latin:
        return None  # the Latin form of a name is set in capitals; mixed case would be prose
    return name, latin


def _masthead_block(lines: list[Line], pub: Publication) -> list[Line]:
    """The lines from the top up to the last one that only a masthead prints."""
    candidates: list[Line] = []
    for ln in lines:
        if ln.blank:
            continue
        if ln.force is not None or len(candidates) >= _MAX_LINES:
            break
        candidates.append(ln)
    last = -1
    paged = False
    for i, ln in enumerate(candidates):
        if paged and _PROSE.search(ln.text):
            break  # under the first page line, text that dates an event (2026年1月29日，外交部…) is the page's, not the masthead's
        if is_masthead_line(ln.text, pub):
            last = i
        elif not _weak(ln.text):
            break
        paged = paged or _is_page_line(ln.text, pub)
    block = candidates[: last + 1]
    # A short line between masthead lines (a slogan, the paper name) belongs to it, but a page
    # line such as 第1版 is left for the page step.
    return [ln for ln in block if not _is_page_line(ln.text, pub)]


def _weak(text: str) -> bool:
    """A short line without sentence punctuation: a paper name, slogan or page line may sit in a masthead."""
    return len(text) <= 16 and not _SENTENCE_END.search(text)


def _is_page_line(text: str, pub: Publication) -> bool:
    from rsbz_epub.reader.pages import parse_page_line  # pages imports this module's patterns

    return parse_page_line(text, pub) is not None


def _paper(block: list[Line], pub: Publication) -> str | None:
    for ln in block:
        if pub.title and _SPACES.sub("", pub.title) in _SPACES.sub("", ln.text):
            return pub.title
    for ln in block:
        t = ln.text
        if found := _name_and_latin(t):
            return found[0]
        if _weak(t) and not is_masthead_line(t, pub) and re.fullmatch(r"[\u4e00-\u9fff·]{2,12}", _SPACES.sub("", t)):
            return _SPACES.sub("", t)
    return None


def _date(text: str) -> _dt.date | None:
    """The first valid date printed, Chinese or numeric form first, an English date line failing those."""
    found = _cn_date(text)
    if found is not None:
        return found
    for m in EN_DATE.finditer(text):
        month = _MONTHS.index((m.group("mo") or m.group("mo2")).lower()) + 1
        try:
            return _dt.date(int(m.group("y")), month, int(m.group("d") or m.group("d2")))
        except ValueError:
            continue
    return None


def _cn_date(text: str) -> _dt.date | None:
    """The first valid 2025年6月10日 or 2025-06-10 date in the text."""
    for m in DATE.finditer(text):
        if m.group("y"):
            y, mo, d = to_int(m.group("y")), to_int(m.group("m")), to_int(m.group("d"))
        else:
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        try:
            return _dt.date(y or 0, mo or 0, d or 0)
        except ValueError:
            continue
    return None


def _field(pattern: re.Pattern[str], texts: list[str]) -> str | None:
    for t in texts:
        m = pattern.search(t)
        if m:
            value = (m.group("a") or m.group("b") or "").strip()
            # A leading date or weekday shares the line with the name on many mastheads.
            value = re.sub(r"^.*(?:日|期|版|出版)[）)]?", "", value) if DATE.search(value) or ISSUE.search(value) else value
            if value:
                return value
    return None
