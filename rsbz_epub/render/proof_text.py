"""The proof page's words, in Chinese with the English the page switches to outside a zh locale."""

from __future__ import annotations

import json

#: Role names on the left side and in the legend: role -> (Chinese, English).
ROLE_LABELS: dict[str, tuple[str, str]] = {
    "masthead": ("报头", "masthead"),
    "page": ("版", "page"),
    "header": ("页眉页脚", "header/footer"),
    "kicker": ("引题", "kicker"),
    "title": ("标题", "title"),
    "subtitle": ("副题", "subtitle"),
    "byline": ("署名", "byline"),
    "dateline": ("电头", "dateline"),
    "paragraph": ("正文", "paragraph"),
    "section": ("小标题", "section head"),
    "caption": ("图说", "caption"),
    "box": ("框", "box"),
    "note": ("文末注", "end note"),
    "jump": ("转版", "jump"),
    "blank": ("空行", "blank"),
    "dropped": ("舍去", "dropped"),
}

#: Interface strings: key -> (Chinese, English).  Static ones are written in Chinese
#: and marked ``data-i18n``; the script swaps them, and uses the rest itself.
UI: dict[str, tuple[str, str]] = {
    "doc_title": ("校样", "Proof"),
    "skip": ("跳到原文", "Skip to the input text"),
    "source": ("源文件", "Input file"),
    "lines_n": ("行", "lines"),
    "download": ("下载更正后的文本", "Download corrected text"),
    "no_edits": ("尚未修改", "no changes yet"),
    "edits_n": ("已修改 {n} 行", "{n} line(s) changed"),
    "next_warn": ("下一处警告", "Next warning"),
    "next_low": ("下一处存疑行", "Next uncertain line"),
    "show_src": ("原文", "Input"),
    "show_book": ("成品", "Result"),
    "views": ("视图", "Views"),
    "summary": ("概要", "Summary"),
    "pages": ("版", "pages"),
    "articles": ("文章", "articles"),
    "paragraphs": ("段落", "paragraphs"),
    "rejoined": ("断行接续", "breaks rejoined"),
    "stitched": ("转版已接", "jumps stitched"),
    "unresolved": ("转版未接", "jumps unresolved"),
    "warnings": ("警告", "warnings"),
    "legend": ("行的角色", "Line roles"),
    "ledes": ("每篇文章首句", "First sentence of every article"),
    "unsure": ("最不确定的行", "Least certain lines"),
    "all_sure": ("阅读器对每一行同样确定。", "The reader is equally sure of every line."),
    "file_warnings": ("全文警告", "Warnings for the whole file"),
    "src_h": ("原文（逐行）", "Input, line by line"),
    "src_hint": (
        "点击一行或用 ↑↓ 选择，Enter 打开修改菜单，Esc 关闭；w 下一处警告，u 下一处存疑行。",
        "Click a line or move with ↑↓; Enter opens the fix menu, Esc closes it; w: next warning, u: next uncertain line.",
    ),
    "book_h": ("成品（读者所见）", "Result, as readers will see it"),
    "menu": ("修改这一行", "Fix this line"),
    "line_n": ("第 {n} 行", "Line {n}"),
    "ov_title": ("设为标题", "Make it a title"),
    "ov_section": ("设为小标题", "Make it a section head"),
    "ov_page": ("从这里起新的一版", "A page begins here"),
    "ov_literal": ("设为独立正文段", "Make it a paragraph as is"),
    "ov_reset": ("撤销修改", "Undo the change"),
    "edited": ("修改后的行（复制到原文中）", "The edited line (paste it into the input)"),
    "copy": ("复制", "Copy"),
    "copied": ("已复制：{text}", "Copied: {text}"),
    "in_book": ("在成品中查看", "Show in the result"),
    "close": ("关闭", "Close"),
    "current": ("当前", "current"),
    "joined": ("⤵ 接下行", "⤵ joined"),
    "none": ("无", "none"),
}


def ui(key: str) -> str:
    """The Chinese string (what the page is written in)."""
    return UI[key][0]


def strings_json() -> str:
    """Both languages for the script, safe inside ``<script>`` (no ``</``)."""
    data = {
        "zh": {k: v[0] for k, v in UI.items()},
        "en": {k: v[1] for k, v in UI.items()},
    }
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def role_css() -> str:
    """The role names drawn before each line, in Chinese and (under lang=en) English."""
    rules = ['.ln::before,.rn::before{content:attr(data-r)}', '.ln.r-blank::before{content:""}']
    for role, (zh, en) in ROLE_LABELS.items():
        rules.append(f'.rn[data-r="{role}"]::before{{content:"{zh}"}}')
        rules.append(f':root[lang="en"] .rn[data-r="{role}"]::before{{content:"{en}"}}')
        if role != "blank":
            rules.append(f'.ln[data-r="{role}"]::before{{content:"{zh}"}}')
            rules.append(f':root[lang="en"] .ln[data-r="{role}"]::before{{content:"{en}"}}')
    rules.append(f'.ln.j .t::after{{content:" {UI["joined"][0]}"}}')
    rules.append(f':root[lang="en"] .ln.j .t::after{{content:" {UI["joined"][1]}"}}')
    return "\n".join(rules) + "\n"
