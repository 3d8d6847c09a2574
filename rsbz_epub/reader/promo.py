"""Promo boxes (follow us, scan the code, subscribe, hotline) told apart from news."""

from __future__ import annotations

import re

from rsbz_epub import regex_cache
from rsbz_epub.model import Aside, Block, Paragraph
from rsbz_epub.reader.lexicon import PAGE_CONTACT, PROMO_HEADS, PROMO_WORDS, SURE_PROMO_NOTICES, SURE_PROMO_OPENERS
from rsbz_epub.reader.segment import cjk_count, contact_line


_PROMO_WORDS = PROMO_WORDS

PROMO_TITLE = regex_cache.compile(PROMO_HEADS)
# Heads that make a short unsigned box a promo or guide by themselves (欢迎订阅…, 今日导读).
_SURE_PROMO = regex_cache.compile(rf"^(?:{SURE_PROMO_OPENERS})|{SURE_PROMO_NOTICES}")

# A service number standing on its own between spaces or at the edge of a heading
# (12333 一号通, 职工维权热线 12351, 订阅电话 021-60000000), not a quantity inside a headline.
_HOTLINE = regex_cache.compile(r"(?:^|\s)(?:1\d{4}|9\d{4}|400[-\s]?\d{3}[-\s]?\d{4}|0\d{2,3}-\d{7,8})(?=\s|$)")
# A service number glued to the heading's words (12320卫生健康热线): a hotline only when the body asks
# readers to call that same number.
_GLUED_NUMBER = regex_cache.compile(r"(?<![\d.])(?:1\d{4}|9\d{4})(?![\d.%])")
_DATELINE_START = regex_cache.compile(r"^(?:本报讯|本报[^\s，,]{0,6}[电讯]|新华社|[（(]?\s*(?:本报)?记者)")
# Contact details: an e-mail address, a web address, or a phone number with its area code.
_CONTACT_DETAIL = regex_cache.compile(r"[A-Za-z0-9._-]+@[A-Za-z0-9-]+\.[A-Za-z.]+|https?://|www\.|0\d{2,3}[-－]\d{3,4}\s?\d{3,4}")
_CONTACT_BODY_MAX = 30
_CALL = regex_cache.compile(r"拨打|致电|来电|热线|咨询|服务")
_HOTLINE_BODY_MAX = 120


def article_kind(title: str, blocks: list[Block], byline: str | None = None) -> str:
    """A short unsigned item that asks readers to follow, scan, subscribe or call is a promo, not news."""
    if byline is not None:
        return "article"  # a signed item is reporting, whatever it talks about
    paras = [b.text for b in blocks if isinstance(b, Paragraph)]
    body = "".join(paras)
    if paras and _DATELINE_START.match(paras[0]):
        return "article"  # 本报讯 …: the paper reporting, even when it invites readers to come along
    if paras and cjk_count(body) <= _CONTACT_BODY_MAX and _CONTACT_DETAIL.search(body):
        return "promo"  # a few words around a mailbox or phone number: the paper's own notice
    if paras and all(contact_line(p) for p in paras) and (contact_line(title) or not title):
        return "promo"  # a hotline / web-address note standing alone (under the masthead, at a page foot)
    hits = sum(1 for w in _PROMO_WORDS if w in title + body)
    if cjk_count(body) <= 400 and (hits >= 3 or (PROMO_TITLE.search(title) and hits >= 2 and cjk_count(body) <= 200)):
        return "promo"
    if _SURE_PROMO.search(title) and cjk_count(body) <= 200:
        return "promo"
    if PROMO_TITLE.search(title) and _CONTACT_DETAIL.search(body) and cjk_count(body) <= 200:
        return "promo"  # a promo head (征稿, 订阅) over a short text giving the paper's mailbox or phone
    if _is_hotline_box(title, body):
        return "promo"
    return "article"


def _is_hotline_box(title: str, body: str) -> bool:
    """A box headed by a service number whose short text tells readers to call it (12333 一号通)."""
    if cjk_count(body) > _HOTLINE_BODY_MAX:
        return False
    number = _HOTLINE.search(title)
    if number is not None:
        return number.group(0).strip() in body or _CALL.search(body) is not None
    glued = _GLUED_NUMBER.search(title)
    return glued is not None and re.search(rf"(?:拨打|致电){glued.group(0)}", body) is not None


def contact_block(blocks: list[Block]) -> list[Block]:
    """A promo's trailing short lines (@handle, 抖音号：…, 电话…) are one contact box, not paragraphs."""
    tail: list[Paragraph] = []
    for b in reversed(blocks):
        if isinstance(b, Paragraph) and len(b.text) <= 30 and "。" not in b.text and not b.joins:
            tail.insert(0, b)
        else:
            break
    if not tail or len(tail) == len(blocks):
        return blocks
    box = Aside(title=None, paragraphs=tuple(p.text for p in tail), line=tail[0].line, kind="promo")
    return [*blocks[: len(blocks) - len(tail)], box]


_CONTACT_LINE = regex_cache.compile(rf"^(?:{PAGE_CONTACT})")


# a piece that asks for contributions: the contact line under it is where to send them, its own last paragraph
_CALL_FOR_WORK = regex_cache.compile(r"赐稿|征稿|来稿|投稿|征集")


def page_contact(blocks: list[Block]) -> list[Block]:
    """A page's contact footer (本版邮箱：… 欢迎来稿) after the last paragraph is a contact note, not body text — unless
    the piece above asks for contributions (欢迎赐稿: …长期征稿，欢迎赐稿 / 本版邮箱：…): there it is the piece's own end."""
    if not blocks or not isinstance(blocks[-1], Paragraph):
        return blocks
    last = blocks[-1]
    if last.joins or len(last.text) > 60 or "。" in last.text or not _CONTACT_LINE.match(last.text):
        return blocks
    if any(isinstance(b, Paragraph) and _CALL_FOR_WORK.search(b.text) for b in blocks[:-1]):
        return blocks
    return [*blocks[:-1], Aside(title=None, paragraphs=(last.text,), line=last.line, kind="promo")]
