"""Chinese and full-width numerals → int, and page labels normalised to Arabic (``"三"`` → ``"3"``)."""

from __future__ import annotations

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}

#: Characters a Chinese numeral is written with (for regular expressions).
CHINESE_NUMERAL = "〇零○一二两三四五六七八九十百千"


def to_int(text: str) -> int | None:
    """Arabic, full-width or Chinese numerals (``"12"``, ``"１２"``, ``"十二"``, ``"二〇二一"``) → int."""
    text = text.strip().translate(_FULLWIDTH)
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(c not in _DIGITS and c not in _UNITS for c in text):
        return None
    if not any(c in _UNITS for c in text):
        # digit by digit, as years are written: 二〇二一
        return int("".join(str(_DIGITS[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c in _DIGITS:
            current = _DIGITS[c]
        else:
            total += (current or 1) * _UNITS[c]
            current = 0
    return total + current


_FULLWIDTH = str.maketrans("０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def page_label(text: str) -> str | None:
    """A printed folio (``"03"``, ``"三"``, ``"A3"``, ``"Ａ３"``) → its label (``"3"``, ``"A3"``)."""
    text = text.strip().translate(_FULLWIDTH).replace(" ", "")
    prefix = ""
    if text[:1].isascii() and text[:1].isalpha():
        prefix, text = text[0].upper(), text[1:]
    number = to_int(text)
    if number is None:
        return None
    return f"{prefix}{number}"
