"""`rsbz-epub catalog DIR`: an OPDS 1.2 acquisition feed and a static HTML index over built issues.

The input is the ``manifest.json`` the bundle writes into every issue/edition
folder: ``folder``, ``edition``, ``metadata`` {title, date, issue_number,
language, identifier, publisher, paper, description} and ``files`` [{name,
format, media_type, size, sha256}].  Nothing else is read, nothing is fetched,
and the same manifests always give the same bytes (no clock): ``updated`` is
the issue date, so harvesters can rely on it.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lxml import etree

from rsbz_epub.errors import DataError, InputError
from rsbz_epub.options import EDITIONS

__all__ = ["build_catalog", "scan_catalog_dir", "CATALOG_XML", "INDEX_HTML"]

CATALOG_XML = "catalog.xml"
INDEX_HTML = "index.html"

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
_NSMAP = {None: ATOM, "dc": DC, "opds": OPDS}
ACQUISITION_FEED = "application/atom+xml;profile=opds-catalog;kind=acquisition"
_IMAGE = "http://opds-spec.org/image"
_THUMBNAIL = "http://opds-spec.org/image/thumbnail"
_OPEN_ACCESS = "http://opds-spec.org/acquisition/open-access"
#: Formats offered as acquisitions in the feed, in link order; the Send-to-Kindle
#: EPUB ("kindle") is left out because a second application/epub+zip link makes
#: reading apps pick one at random.  The HTML index lists every file.
_ACQUIRE = ("epub", "kepub", "azw3")
_FORMAT_LABELS = {
    "epub": "EPUB",
    "kindle": "Kindle EPUB",
    "azw3": "AZW3",
    "kepub": "Kobo KEPUB",
    "cover": "封面",
    "thumbnail": "缩略图",
}
_EDITION_LABELS = {"hans": "简体", "hant": "繁體", "tw": "繁體（台灣）", "hk": "繁體（香港）", "twp": "繁體（台灣用語）"}
_NAMESPACE = uuid.UUID("6f1c3c1e-4b0e-5d4a-9a57-72737a2d6571")  # catalog feed ids


# ---------------------------------------------------------------- reading manifests


def scan_catalog_dir(path: Path | str) -> list[dict[str, Any]]:
    """Parse every ``*/manifest.json`` below ``path`` (hidden temp folders skipped), sorted by folder.

    ``folder`` is set to the manifest's folder relative to ``path`` so links
    always point at what is on disk.
    """
    root = Path(path)
    if not root.is_dir():
        raise InputError("not a folder of built issues", path=str(root), hint="give the -o folder of `rsbz-epub build`")
    manifests: list[dict[str, Any]] = []
    for file in sorted(root.rglob("manifest.json")):
        rel = file.parent.relative_to(root)
        if not rel.parts or any(part.startswith(".") for part in rel.parts):
            continue
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataError(f"unreadable manifest ({exc})", path=str(file), hint="rebuild this issue") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("metadata"), dict) or not isinstance(doc.get("files"), list):
            raise DataError("manifest lacks metadata or files", path=str(file), hint="rebuild this issue")
        doc["folder"] = rel.as_posix()
        manifests.append(doc)
    return manifests


# ---------------------------------------------------------------- shared helpers


def _date(doc: Mapping[str, Any]) -> _dt.date | None:
    """The issue date of a manifest, or None when missing or malformed."""
    try:
        return _dt.date.fromisoformat(doc["metadata"].get("date") or "")
    except ValueError:
        return None


def _sort_key(doc: Mapping[str, Any]) -> tuple[Any, ...]:
    """Newest first, then by issue number (descending), then editions in EDITIONS order."""
    day = _date(doc) or _dt.date.min
    number = doc["metadata"].get("issue_number")
    edition = doc.get("edition", "hans")
    order = list(EDITIONS).index(edition) if edition in EDITIONS else len(EDITIONS)
    return (-day.toordinal(), -(number if isinstance(number, int) else -1), order, doc.get("folder", ""))


def _ordered(issues: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Manifests sorted newest first."""
    return sorted(issues, key=_sort_key)


def _href(doc: Mapping[str, Any], name: str) -> str:
    """Relative link ``<folder>/<file>``, percent-encoded."""
    return quote(f"{doc['folder']}/{name}")


def _file(doc: Mapping[str, Any], fmt: str) -> Mapping[str, Any] | None:
    """The first file of a format in a manifest."""
    return next((f for f in doc["files"] if f.get("format") == fmt), None)


def _updated(doc: Mapping[str, Any]) -> str:
    """Atom date-time for an entry: the issue date at midnight UTC (reproducible)."""
    day = _date(doc) or _dt.date(1980, 1, 1)
    return f"{day.isoformat()}T00:00:00Z"


def _papers(docs: Iterable[Mapping[str, Any]]) -> list[str]:
    """The paper names for the feed title: the originals' (Simplified) names when there are any."""
    names = {d["metadata"].get("paper") or "" for d in docs if d.get("edition", "hans") == "hans"} - {""}
    return sorted(names or {d["metadata"].get("paper") or "" for d in docs} - {""})


def _title(doc: Mapping[str, Any]) -> str:
    """The entry title, with the edition named for Traditional editions."""
    meta = doc["metadata"]
    title = meta.get("title") or meta.get("paper") or doc.get("folder", "")
    edition = doc.get("edition", "hans")
    return title if edition == "hans" else f"{title}（{_EDITION_LABELS.get(edition, edition)}）"


# ---------------------------------------------------------------- OPDS


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append a child element with optional text and attributes."""
    el = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _entry(feed: etree._Element, doc: Mapping[str, Any]) -> None:
    """One acquisition entry per issue edition."""
    meta = doc["metadata"]
    entry = _sub(feed, f"{{{ATOM}}}entry")
    _sub(entry, f"{{{ATOM}}}id", meta.get("identifier") or f"urn:uuid:{uuid.uuid5(_NAMESPACE, doc['folder'])}")
    _sub(entry, f"{{{ATOM}}}title", _title(doc))
    _sub(entry, f"{{{ATOM}}}updated", _updated(doc))
    if meta.get("publisher"):
        author = _sub(entry, f"{{{ATOM}}}author")
        _sub(author, f"{{{ATOM}}}name", meta["publisher"])
        _sub(entry, f"{{{DC}}}publisher", meta["publisher"])
    if _date(doc):
        _sub(entry, f"{{{DC}}}issued", meta["date"])
    if meta.get("language"):
        _sub(entry, f"{{{DC}}}language", meta["language"])
    _sub(entry, f"{{{ATOM}}}category", term=doc.get("edition", "hans"), label=_EDITION_LABELS.get(doc.get("edition", ""), ""))
    if meta.get("description"):
        _sub(entry, f"{{{ATOM}}}summary", meta["description"], type="text")
    cover = _file(doc, "cover")
    thumb = _file(doc, "thumbnail") or cover
    if cover:
        _sub(entry, f"{{{ATOM}}}link", rel=_IMAGE, href=_href(doc, cover["name"]), type=cover.get("media_type", "image/jpeg"))
    if thumb:
        _sub(entry, f"{{{ATOM}}}link", rel=_THUMBNAIL, href=_href(doc, thumb["name"]), type=thumb.get("media_type", "image/jpeg"))
    for fmt in _ACQUIRE:
        f = _file(doc, fmt)
        if f:
            _sub(entry, f"{{{ATOM}}}link", rel=_OPEN_ACCESS, href=_href(doc, f["name"]), type=f["media_type"], length=str(f["size"]))


def build_feed(issues: list[dict[str, Any]]) -> bytes:
    """The OPDS 1.2 acquisition feed (Atom) over the manifests, newest first."""
    ordered = _ordered(issues)
    papers = _papers(ordered)
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap=_NSMAP)  # type: ignore[arg-type]
    _sub(feed, f"{{{ATOM}}}id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'catalog:' + '|'.join(papers))}")
    _sub(feed, f"{{{ATOM}}}title", "、".join(papers) or "rsbz-epub")
    _sub(feed, f"{{{ATOM}}}updated", _updated(ordered[0]) if ordered else "1980-01-01T00:00:00Z")
    author = _sub(feed, f"{{{ATOM}}}author")
    _sub(author, f"{{{ATOM}}}name", "rsbz-epub")
    _sub(feed, f"{{{ATOM}}}link", rel="self", href=CATALOG_XML, type=ACQUISITION_FEED)
    _sub(feed, f"{{{ATOM}}}link", rel="start", href=CATALOG_XML, type=ACQUISITION_FEED)
    _sub(feed, f"{{{ATOM}}}link", rel="alternate", href=INDEX_HTML, type="text/html")
    for doc in ordered:
        _entry(feed, doc)
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


# ---------------------------------------------------------------- HTML index


def _size(n: int) -> str:
    """A human-readable file size (1 decimal, binary units)."""
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


def build_index(issues: list[dict[str, Any]]) -> bytes:
    """A static HTML5 page (lang zh, no script): a table of issues with download links and sizes."""
    ordered = _ordered(issues)
    e = html.escape
    rows: list[str] = []
    for doc in ordered:
        meta = doc["metadata"]
        links = []
        for f in doc["files"]:
            if f.get("format") in ("cover", "thumbnail", "proof"):  # the proof page is for staff
                continue
            label = _FORMAT_LABELS.get(f.get("format", ""), f.get("format", ""))
            links.append(
                f'<li><a href="{e(_href(doc, f["name"]))}" type="{e(f.get("media_type", ""))}">{e(label)}</a>'
                f' <span class="size" title="{int(f.get("size", 0))} bytes">{_size(int(f.get("size", 0)))}</span></li>'
            )
        lang = meta.get("language") or "zh"
        number = meta.get("issue_number")
        day = f'<time datetime="{e(meta["date"])}">{e(meta["date"])}</time>' if _date(doc) else ""
        rows.append(
            f"<tr><td>{day}</td>"
            f"<td>{'' if number is None else e(str(number))}</td>"
            f'<td lang="{e(lang)}">{e(_title(doc))}</td>'
            f"<td>{e(_EDITION_LABELS.get(doc.get('edition', ''), doc.get('edition', '')))}</td>"
            f"<td><ul>{''.join(links)}</ul></td></tr>"
        )
    papers = _papers(ordered)
    title = e("、".join(papers) or "rsbz-epub") + " 电子版"
    body = "\n".join(rows) if rows else '<tr><td colspan="5">尚无期次</td></tr>'
    page = f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{title}</title>
<link rel="alternate" type="{ACQUISITION_FEED}" href="{CATALOG_XML}" title="OPDS"/>
<style>
body {{ font-family: sans-serif; margin: 1em auto; max-width: 60em; line-height: 1.5; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }}
ul {{ list-style: none; margin: 0; padding: 0; }}
.size {{ color: #666; font-size: 0.9em; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>阅读软件可订阅 <a href="{CATALOG_XML}" type="{ACQUISITION_FEED}">OPDS 目录</a>。</p>
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


def build_catalog(issues: list[dict[str, Any]]) -> dict[str, bytes]:
    """``{"catalog.xml": OPDS feed, "index.html": HTML index}`` for the parsed manifests."""
    return {CATALOG_XML: build_feed(issues), INDEX_HTML: build_index(issues)}
