"""Heading rules of the assembler: how title-like a short line is, and what heads an article."""

from __future__ import annotations

import re

from rsbz_epub.model import PageJump
from rsbz_epub.reader.diagnostics import diag
from rsbz_epub.reader.jumps import only_marker, split_title_marker
from rsbz_epub.reader.layout import Item, Layout, wrapped
from rsbz_epub.reader.promo import PROMO_TITLE
from rsbz_epub.reader.segment import bare_names, ends_finished, fragment_penalty, starts_mid_sentence, titleish

_DATELINE = re.compile(r"^(?:本报讯|本报[^\s，,]{0,6}电|新华社|[（(]?\s*记者|\d{1,2}月\d{1,2}日)")


class HeadingRules:
    """Mixed into the assembler: needs ``items``, ``layout``, ``cur``, ``para``, ``ended`` and ``diags``."""

    items: list[Item]
    layout: Layout

    def _heading_group(self, i: int, forced: bool = False) -> int:
        """Kicker, title, subtitle, bylines and a continued-from marker that head one article."""
        self._close_article()
        first = self.items[i]
        texts: list[Item] = [first]
        subtitle: str | None = None
        bylines: list[str] = []
        jumps: list[PageJump] = []
        j = i + 1
        while j < len(self.items) and self.items[j].page == first.page and j - i < 6:
            nxt = self.items[j]
            if nxt.ln.force is not None:
                break
            if nxt.kind == "byline" or (
                nxt.kind == "text" and nxt.gap == 0 and not bylines and bare_names(nxt.text) and self._body_follows(j)
            ):
                bylines.append(nxt.text)
            elif nxt.kind == "subtitle" and subtitle is None:
                subtitle = nxt.text
            elif nxt.kind == "jump" and (jmp := only_marker(nxt.text, nxt.ln.no)) and jmp.direction == "continued-from":
                jumps.append(jmp)
            elif (
                nxt.kind == "text"
                and not bylines
                and subtitle is None
                and len(texts) < 3
                and titleish(nxt.text)
                and (fragment_penalty(nxt.text) < 3 or self._byline_at(j + 1))
                and nxt.gap <= self.layout.normal_gap
                and not self._next_starts_mid_sentence(j)
                and not (self.layout.indent_style and nxt.ln.indent)
            ):
                texts.append(nxt)
            else:
                break
            j += 1
        kicker, title = self._kicker_and_title(texts)
        if len(texts) == 3 and wrapped(texts[1], texts[2]):
            kicker, title = texts[0].text, texts[1].text + texts[2].text
        elif len(texts) == 3 and subtitle is None:
            subtitle = texts[2].text
        title, jump = split_title_marker(title, first.ln.no)
        self._start(first)
        assert self.cur is not None
        self.cur.title, self.cur.kicker, self.cur.subtitle = title, kicker, subtitle
        self.cur.byline = " ".join(bylines) or None
        self.cur.blocks.extend([jump] if jump else [])
        self.cur.blocks.extend(jumps)
        if not forced and (len(title) > 36 or ends_finished(title)):
            self.diags.append(diag("R009", f"title looks unusual: {title}", first.ln.no))
        return j

    def _kicker_and_title(self, texts: list[Item]) -> tuple[str | None, str]:
        if len(texts) == 1:
            return None, texts[0].text
        a, b = texts[0], texts[1]
        if len(texts) == 2 and wrapped(a, b):
            return None, a.text + b.text
        return a.text, b.text

    def _title_score(self, i: int) -> int:
        """How strongly the short line at i reads as an article heading rather than text."""
        it = self.items[i]
        nxt = self.items[i + 1] if i + 1 < len(self.items) and self.items[i + 1].page == it.page else None
        score = 0
        if it.page_start:
            score += 3
        if it.gap > self.layout.normal_gap:
            score += 2
        # An article just ended, or the text before is a short non-prose line (a box's
        # contact line) rather than a sentence cut by a column break.
        para = self.para
        if self.cur is None or self.ended or (para is not None and not para.finished and len(para.text) < 30):
            score += 2
        if len(it.text) <= 24:
            score += 1
        if PROMO_TITLE.search(it.text):
            score += 1  # promo boxes are headed "热线", "扫码关注", "欢迎订阅"
        if self.layout.indent_style:
            score += -3 if it.ln.indent else 1
        if nxt is None:
            score -= 2
        elif nxt.kind == "byline" and nxt.gap == 0:
            score += 4  # a byline set directly under a line is the surest sign of a heading
        elif nxt.kind in ("byline", "subtitle") or (nxt.kind == "jump" and "接" in nxt.text):
            score += 3
        elif nxt.gap == 0 and nxt.kind == "text" and titleish(nxt.text) and not self.layout.indent_style and self._group_then_body(i + 1):
            score += 2  # a run of short lines set apart from the text: kicker/title/byline
        elif _DATELINE.match(nxt.text):
            score += 2
        elif starts_mid_sentence(nxt.text):
            score -= 4
        elif nxt.kind == "text" and len(nxt.text) >= 60:
            score += 1  # a heading heads a body
        score -= fragment_penalty(it.text)
        return score

    def _byline_at(self, j: int) -> bool:
        """True when item j is a byline packed under the line before it."""
        return j < len(self.items) and self.items[j].kind == "byline" and self.items[j].gap == 0

    def _body_follows(self, j: int) -> bool:
        """True when the item after j is body text (a long paragraph)."""
        return j + 1 < len(self.items) and self.items[j + 1].kind == "text" and len(self.items[j + 1].text) >= 40

    def _group_then_body(self, j: int) -> bool:
        """Short lines packed together from j, ended by a byline or a long paragraph."""
        for k in range(j, min(j + 4, len(self.items))):
            it = self.items[k]
            if it.kind == "byline" or (it.kind == "text" and len(it.text) >= 40):
                return True
            if it.kind != "text" or not titleish(it.text) or (k > j and it.gap > 0 and self._body_follows(k - 1) is False):
                return False
        return False

    def _next_starts_mid_sentence(self, j: int) -> bool:
        return j + 1 < len(self.items) and starts_mid_sentence(self.items[j + 1].text)
