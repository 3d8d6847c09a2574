"""The fixed words the renderer adds (本期目录, 下接第3版 …), in the edition's script.

Templates are written once in Simplified Chinese and converted with the same
OpenCC config as the edition's text, so a Traditional book has no stray
Simplified word and a second pass through OpenCC leaves it unchanged.  Only the
templates are converted (placeholders are ASCII), never text already converted.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache


def localize(text: str, edition: str) -> str:
    """A fixed string in the edition's script; the Simplified original never loads the converter."""
    if edition == "hans":  # nothing to convert: transforms.chinese (OpenCC, names, segmenter) stays unloaded
        return text
    from rsbz_epub.transforms.chinese import localize as convert_fixed

    return convert_fixed(text, edition)


_TEMPLATES: dict[str, str] = {
    "contents": "本期目录",
    "toc": "目录",
    "landmarks": "导航",
    "page_list": "版面",
    "cover": "封面",
    "bodymatter": "正文",
    "page_digits": "第{label}版",
    "page_other": "{label}版",
    "issue": "第{n}期",
    "total_issue": "总第{n}期",
    "total_issue_paren": "（总第{n}期）",
    "date": "{y}年{m}月{d}日",
    "source": "{title}（印刷版）",
    "cover_alt": "封面：{text}",
    "jump_on": "（下接{page}）",
    "jump_from": "（上接{page}）",
    "jump_on_missing": "（下接{page}，本期未收录）",
    "jump_from_missing": "（上接{page}，本期未收录）",
    "description": "本期文章：{titles}。",
    "description_sep": "；",
    "edition_hans": "简体中文版",
    "edition_hant": "繁体中文版",
    "edition_tw": "繁体中文版（台湾）",
    "edition_hk": "繁体中文版（香港）",
    "edition_twp": "繁体中文版（台湾用语）",
    "edition_note": "本版由简体中文版经 OpenCC {config} 转换为{edition}。",
    "a11y_base": "本书为报纸《{paper}》{dateline}的电子版，正文为可重排文本，封面图片附有替代文字。",
    "a11y_pages": "目录按版面列出各篇文章，并提供与印刷版对应的版面导航（页码列表与分页标记）。",
    "a11y_flat": "目录依次列出各篇文章。",
    "a11y_stitched": "跨版接续的文章已合并为一篇，按阅读顺序连续排列，接续处以分页标记注明原版面。",
    "a11y_linked": "跨版文章保留印刷顺序，前后两部分之间互有链接。",
    "a11y_missing": "续接部分未收录于本期的文章保留了可见的转版说明。",
    "a11y_converted": "本版文字由简体中文经 OpenCC {config} 自动转换为繁体中文。",
    "a11y_vertical": "正文采用竖排，从右至左翻页。",
    "promo_mark": "（推广）",
    "a11y_checked": "本书由 rsbz-epub 自动生成；其测试以 EPUBCheck 与 DAISY Ace 检查所生成的书（均无错误、无违规），本书未经人工无障碍评估，也未经任何机构认证。",
}

_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=None)
def label(key: str, edition: str = "hans") -> str:
    """The template ``key`` in the script of ``edition`` (still with its ``{placeholders}``)."""
    return localize(_TEMPLATES[key], edition)


def page_name(page_label: str, edition: str) -> str:
    """``第3版`` for a numeric folio, ``A3版`` for a sectioned one."""
    key = "page_digits" if _DIGITS.fullmatch(page_label) else "page_other"
    return label(key, edition).format(label=page_label)


def dateline(date: _dt.date | None, issue_number: int | None, edition: str, total: int | None = None) -> str:
    """``2024年3月15日 第62期（总第9877期）`` (parts that are unknown are left out)."""
    parts = []
    if date is not None:
        parts.append(label("date", edition).format(y=date.year, m=date.month, d=date.day))
    if issue_number is not None:
        parts.append(label("issue", edition).format(n=issue_number))
    line = " ".join(parts)
    if total is not None:
        line += label("total_issue_paren" if line else "total_issue", edition).format(n=total)
    return line


def edition_name(edition: str) -> str:
    """``简体中文版`` / ``繁體中文版（臺灣）`` … in the edition's own script."""
    return label(f"edition_{edition}", edition)


def convert(text: str, edition: str) -> str:
    """``text`` through the edition's OpenCC config; only for config values the IR does not carry."""
    return localize(text, edition)
