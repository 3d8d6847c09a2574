"""Page-jump markers: ``(下接三版)``, ``（下转第2版）``, ``(转第4版)``, ``(上接一版)``, ``（接第1版）`` → PageJump."""

from __future__ import annotations

import re

from rsbz_epub import regex_cache
from rsbz_epub.model import PageJump
from rsbz_epub.reader.numerals import CHINESE_NUMERAL, page_label

_FOLIO = rf"[A-Za-zＡ-Ｚ]?\s*(?:[0-9０-９]{{1,3}}|[{CHINESE_NUMERAL}]{{1,3}})"
_ON = "下接|下转|转至|转接|转"
_FROM = "上接|紧接|承接|接上|续|接"
_VERB = rf"(?P<verb>{_ON}|{_FROM})"
_TARGET = rf"\s*(?:第\s*)?(?P<page>{_FOLIO})\s*(?:版|面)"
# Inside brackets a section-lettered folio needs no 版: (转A04), （接B2）.  The letter is what
# makes the bare number a page, as on the folio lines themselves.
_LETTERED = r"\s*(?P<lpage>[A-HＡ-Ｈ]\s?[0-9０-９]{1,2})"
_BRACKETED = rf"[（(【\[〔]\s*{_VERB}(?:{_TARGET}|{_LETTERED})\s*[）)】\]〕]"
_BARE = rf"{_VERB}{_TARGET}"
MARKER = regex_cache.compile(_BRACKETED)
_TRAILING = (regex_cache.compile(rf"\s*{_BRACKETED}\s*$"), regex_cache.compile(rf"(?<=[。！？”’」』…])\s*{_BARE}\s*$"))
_LEADING = (regex_cache.compile(rf"^\s*{_BRACKETED}\s*"), regex_cache.compile(rf"^\s*{_BARE}(?=\s|$)\s*"))
_ONLY = (regex_cache.compile(rf"^\s*{_BRACKETED}\s*$"), regex_cache.compile(rf"^\s*{_BARE}\s*$"))


def _first(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m
    return None


def _jump(m: re.Match[str], line: int) -> PageJump | None:
    page = page_label(m.group("page") or m.groupdict().get("lpage") or "")
    if page is None:
        return None
    verb = m.group("verb")
    direction = "continued-on" if re.fullmatch(_ON, verb) else "continued-from"
    return PageJump(direction=direction, page=page, text=m.group(0).strip(), line=line)  # type: ignore[arg-type]


def only_marker(text: str, line: int) -> PageJump | None:
    """The jump when the whole line is one marker."""
    m = _first(_ONLY, text)
    return _jump(m, line) if m else None


def split_trailing(text: str, line: int, direction: str = "continued-on") -> tuple[str, PageJump | None]:
    """Split a marker of ``direction`` off the end of a line: a paragraph's continued-on ``……发展。(下接三版)``, or the
    continued-from of a continuation's repeated title ``老手艺如何走进新生活？（上接第1版）``."""
    m = _first(_TRAILING, text)
    if m is None or m.start() == 0:
        return text, None
    jump = _jump(m, line)
    if jump is None or jump.direction != direction:
        return text, None
    return text[: m.start()].rstrip(), jump


def split_leading(text: str, line: int) -> tuple[PageJump | None, str]:
    """Split a continued-from marker off the start of a paragraph: ``(上接一版)目前……``."""
    m = _first(_LEADING, text)
    if m is None or m.end() == len(text):
        return None, text
    jump = _jump(m, line)
    if jump is None or jump.direction != "continued-from":
        return None, text
    return jump, text[m.end() :].lstrip()


def has_inner_marker(text: str) -> bool:
    """True when a bracketed marker sits inside the text (it is then left as printed)."""
    return MARKER.search(text) is not None
