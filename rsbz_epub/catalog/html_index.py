"""The static HTML index (lang zh, no script): a table of issues with download links and sizes."""

from __future__ import annotations

import html
from collections.abc import Sequence

from rsbz_epub.catalog.common import (
    ACQUISITION_FEED, CATALOG_JSON, CATALOG_XML, FORMAT_LABELS, OPDS2, edition_label, feed_title, href, ordered,
)
from rsbz_epub.catalog.records import CatalogIssue

_STYLE = """body { font-family: sans-serif; margin: 1em auto; max-width: 60em; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
ul { list-style: none; margin: 0; padding: 0; }
.size { color: #666; font-size: 0.9em; }"""


def _size(n: int) -> str:
    """A human-readable file size (1 decimal, binary units)."""
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            break
    return f"{value:.1f} {unit}"


def _row(doc: CatalogIssue) -> str:
    e = html.escape
    links = [
        f'<li><a href="{e(href(doc, f))}" type="{e(f.media_type)}">{e(FORMAT_LABELS.get(f.format, f.format))}</a>'
        f' <span class="size" title="{f.size} bytes">{_size(f.size)}</span></li>'
        for f in doc.files
        if f.format not in ("cover", "manifest", "proof")  # the proof page is for staff
    ]
    day = f'<time datetime="{doc.date.isoformat()}">{doc.date.isoformat()}</time>' if doc.date else ""
    number = "" if doc.issue_number is None else str(doc.issue_number)
    if doc.total_issue_number is not None:
        number += f"（总第{doc.total_issue_number}期）"
    return (
        f'<tr id="{e(doc.folder)}"><td>{day}</td><td>{e(number)}</td>'
        f'<td lang="{e(doc.language or "zh")}">{e(doc.title)}</td>'
        f"<td>{e(edition_label(doc))}</td><td><ul>{''.join(links)}</ul></td></tr>"
    )


def build_index(issues: Sequence[CatalogIssue]) -> bytes:
    """The page; the edition is in its own column, so titles do not repeat it."""
    docs = ordered(issues)
    title = html.escape(feed_title(docs)) + " 电子版"
    body = "\n".join(_row(d) for d in docs) if docs else '<tr><td colspan="5">尚无期次</td></tr>'
    page = f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{title}</title>
<link rel="alternate" type="{ACQUISITION_FEED}" href="{CATALOG_XML}" title="OPDS 1.2"/>
<link rel="alternate" type="{OPDS2}" href="{CATALOG_JSON}" title="OPDS 2.0"/>
<style>
{_STYLE}
</style>
</head>
<body>
<h1>{title}</h1>
<p>阅读软件可订阅 <a href="{CATALOG_XML}" type="{ACQUISITION_FEED}">OPDS 目录</a>（或 <a href="{CATALOG_JSON}" type="{OPDS2}">OPDS 2.0</a>）。</p>
<table>
<thead><tr><th scope="col">日期</th><th scope="col">期号</th><th scope="col">标题</th><th scope="col">版本</th><th scope="col">下载</th></tr></thead>
<tbody>
{body}
</tbody>
</table>
</body>
</html>
"""
    return page.encode("utf-8")
