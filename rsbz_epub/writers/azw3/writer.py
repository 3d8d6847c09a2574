"""Assemble a KF8-only AZW3 from a RenderedBook: the pipeline, step by step."""

from __future__ import annotations

import uuid
import weakref
from typing import BinaryIO

from ...render.book import RenderedBook
from .apnx import build_apnx
from .exth import KindleFacts, build_exth, exth_records
from .fixed import EOF_RECORD, FLIS, fcis, fdst
from .headers import COMPRESSION_PALMDOC, NULL, HeaderFields, build_record0, kindle_language, locale_code
from .indexes import frag_index, guide_index, ncx_index, ncx_nodes, skel_index
from .markup import LinkContext, serialize
from .palmdb import palm_name, palmdb_parts
from .records import extra_data_flags, split_text, text_records
from .resources import ResourcePlan, plan_resources
from .skeleton import Flow0, layout
from .tbs import tbs_payloads

# EPUB landmark types and the KF8 guide types they become.
_GUIDE = {"cover": "cover", "toc": "toc", "bodymatter": "text"}


def book_asin(book: RenderedBook) -> str:
    """The stable ASIN-like id (EXTH 113): the book UUID in upper-case hex, as identity.asin gives."""
    ident = book.metadata.identifier.strip()
    if ident.lower().startswith("urn:uuid:"):
        try:
            return uuid.UUID(ident[9:]).hex.upper()
        except ValueError:
            pass
    return uuid.uuid5(uuid.NAMESPACE_URL, ident).hex.upper()


def _kf8_documents(book: RenderedBook) -> list[tuple[str, str]]:
    """Every content document but the EPUB nav (the NCX index replaces it), in spine order."""
    return [(d.href, d.xhtml) for d in book.documents if d.kind != "nav"]


def _flow0(book: RenderedBook, plan: ResourcePlan) -> Flow0:
    """Serialise each document (aids, kindle: URLs, link placeholders), then lay out flow 0."""
    docs = _kf8_documents(book)
    ctx = LinkContext(
        doc_hrefs=frozenset(href for href, _ in docs),
        image_url=plan.image_urls.get,
        css_url=plan.css_urls.get,
        style_url=plan.style_url,
    )
    # One document at a time: each serialised copy is dropped once laid out (megabytes for a big issue);
    # ctx.links is complete by the time layout resolves the links, after the last document.
    serialized = ((href, serialize(href, xhtml, ctx)) for href, xhtml in docs)
    return layout(serialized, ctx.links)


#: The last book laid out, with its plan and flow 0: a build writes the AZW3 and then its APNX
#: from the same book, and laying it out (thumbnail, serialising every document) is the costly part.
#: Dropped with the book (flow 0 is megabytes for a big issue).
_last_layout: tuple[weakref.ref[RenderedBook], ResourcePlan, Flow0] | None = None


def _forget(ref: weakref.ref[RenderedBook]) -> None:
    """The book laid out last is gone: so is its layout."""
    global _last_layout
    if _last_layout is not None and _last_layout[0] is ref:
        _last_layout = None


def _laid_out(book: RenderedBook) -> tuple[ResourcePlan, Flow0]:
    """``plan_resources`` and ``_flow0`` of ``book``, computed once per book object."""
    global _last_layout
    if _last_layout is not None and _last_layout[0]() is book:
        return _last_layout[1], _last_layout[2]
    _last_layout = None  # the earlier book's layout is not kept while this one is made
    plan = plan_resources(book)
    flow = _flow0(book, plan)
    _last_layout = (weakref.ref(book, _forget), plan, flow)
    return plan, flow


def _guide(book: RenderedBook, flow: Flow0, single_root: bool) -> list[tuple[str, str, int]]:
    """Guide entries from the landmarks; no "toc" when the NCX has one root (calibre would drop the NCX)."""
    items: dict[str, tuple[str, str, int]] = {}
    for entry, kind in zip(book.landmarks, book.landmark_types):
        guide_type = _GUIDE.get(kind)
        if guide_type is None or guide_type in items or (guide_type == "toc" and single_root):
            continue
        path, _, anchor = entry.href.partition("#")
        if (path, None) in flow.targets:
            items[guide_type] = (guide_type, entry.label, flow.position(path, anchor or None))
    return list(items.values())


def _start_offset(book: RenderedBook, flow: Flow0) -> int | None:
    """Where reading starts (EXTH 116): the bodymatter landmark, else the first article."""
    for entry, kind in zip(book.landmarks, book.landmark_types):
        path, _, anchor = entry.href.partition("#")
        if kind == "bodymatter" and (path, None) in flow.targets:
            return flow.position(path, anchor or None)
    article = next((d.href for d in book.documents if d.kind == "article"), None)
    if article is not None and (article, None) in flow.targets:
        return flow.position(article, None)
    return flow.files[0].body_pos if flow.files else None


def build_azw3(book: RenderedBook) -> bytes:
    """The AZW3 file as bytes."""
    return b"".join(_azw3_parts(book))


def _azw3_parts(book: RenderedBook) -> list[bytes]:
    """The AZW3 file in the pieces that make it (PalmDB header, record list, records).

    Steps, in order:
    1. Plan resources — cover first, then its thumbnail, then the other images; stylesheets become flows.
    2. Build flow 0 — each document becomes a skeleton plus fragments with aids and kindle: URLs.
    3. Number the TOC — NCX entries level by level, with flow-0 offsets and pos:fid.
    4. Cut the text — flow 0 and the CSS flows, 4096-byte records, LZ77, multibyte + TBS entries.
    5. Build the indexes — FRAG, SKEL, guide, NCX (each header, data, CNCX).
    6. Close the file — images, FDST, FLIS, FCIS, EOF, then record 0 that points at them all.
    """
    meta = book.metadata
    plan, flow = _laid_out(book)
    if not flow.files:
        raise ValueError("the book has no content documents")

    nodes = ncx_nodes(book.toc, flow)
    css = [c.encode("utf-8") for c in plan.css]
    text = flow.data + b"".join(css)
    flows, pos = [(0, len(flow.data))], len(flow.data)
    for sheet in css:
        flows.append((pos, pos + len(sheet)))
        pos += len(sheet)
    spans = split_text(text)
    # TBS only makes sense with an NCX (calibre writes it exactly then).
    tbs = tbs_payloads([n.span() for n in nodes], spans) if nodes else None
    text_length = len(text)
    records: list[bytes] = [b""]  # record 0 comes last, once every number is known
    records += text_records(text, tbs)
    del text  # its records hold it, compressed: not kept beside them (megabytes for a big issue)

    first_non_book = len(records)
    frag_at = len(records)
    records += frag_index(flow)
    skel_at = len(records)
    records += skel_index(flow)
    guide_items = _guide(book, flow, single_root=sum(1 for n in nodes if n.depth == 0) == 1)
    guide_at = NULL
    if guide_items:
        guide_at = len(records)
        records += guide_index(guide_items, flow)
    ncx_at = NULL
    if nodes:
        ncx_at = len(records)
        records += ncx_index(nodes)
    first_resource = len(records)  # with no images this is FDST: never NULL, which calibre misreads
    records += plan.images
    fdst_at = len(records)
    records.append(fdst(flows))
    flis_at = len(records)
    records.append(FLIS)
    fcis_at = len(records)
    records.append(fcis(text_length))
    records.append(EOF_RECORD)

    asin = book_asin(book)
    language = kindle_language(meta.language)
    facts = KindleFacts(
        asin=asin,
        language=language,
        start_offset=_start_offset(book, flow),
        resource_count=len(plan.images),
        cover_offset=plan.cover_offset,
        thumbnail_offset=plan.thumbnail_offset,
    )
    fields = HeaderFields(
        text_length=text_length,
        text_record_count=len(spans),
        compression=COMPRESSION_PALMDOC,
        unique_id=int(asin[:8], 16),
        locale=locale_code(language),
        first_non_book=first_non_book,
        first_resource=first_resource,
        fdst=fdst_at,
        flow_count=len(flows),
        fcis=fcis_at,
        flis=flis_at,
        extra_flags=extra_data_flags(with_tbs=tbs is not None),
        ncx=ncx_at,
        frag=frag_at,
        skel=skel_at,
        guide=guide_at,
    )
    records[0] = build_record0(fields, build_exth(exth_records(meta, facts)), meta.title)
    return palmdb_parts(palm_name(meta.title, f"rsbz_{asin[:8]}"), records, meta.modified)


def write_apnx(book: RenderedBook, out: BinaryIO) -> None:
    """Write the APNX page map of ``book``'s AZW3: one Kindle page per print 版 marker."""
    _, flow = _laid_out(book)
    pages = []
    for target in book.page_list:
        path, _, anchor = target.href.partition("#")
        if (path, None) in flow.targets:
            # APNX positions count bytes of the text as stored (what readers decompress).
            pages.append((flow.stored_offset(flow.position(path, anchor or None)), target.label))
    asin = book_asin(book)
    out.write(build_apnx(pages, asin=asin, pdb_name=palm_name(book.metadata.title, f"rsbz_{asin[:8]}")))


def write_azw3(book: RenderedBook, out: BinaryIO) -> None:
    """Write ``book`` to ``out`` as a KF8-only AZW3 (same book → same bytes)."""
    for part in _azw3_parts(book):  # piece by piece: the whole file is never one more copy in memory
        out.write(part)
