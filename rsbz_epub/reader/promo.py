"""Promo boxes (follow us, scan the code, subscribe, hotline) told apart from news."""

from __future__ import annotations

import re

from rsbz_epub.model import Aside, Block, Paragraph
from rsbz_epub.reader.segment import cjk_count


_PROMO_WORDS = ("关注", "扫码", "扫描", "二维码", "公众号", "抖音", "微博", "微信", "视频号", "下载", "APP", "客户端", "订阅", "热线", "@")


PROMO_TITLE = re.compile(r"欢迎关注|欢迎订阅|扫码|扫一扫|热线|广告|征订|订阅")


def article_kind(title: str, blocks: list[Block]) -> str:
    """A short item that asks readers to follow, scan or subscribe is a promo, not news."""
    body = "".join(b.text for b in blocks if isinstance(b, Paragraph))
    hits = sum(1 for w in _PROMO_WORDS if w in title + body)
    if cjk_count(body) <= 400 and (hits >= 3 or (PROMO_TITLE.search(title) and cjk_count(body) <= 200)):
        return "promo"
    return "article"


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
