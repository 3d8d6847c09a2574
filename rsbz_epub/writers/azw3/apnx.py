"""APNX: the Kindle page-number sidecar of an AZW3, built from the print 版 page list.

A sideloaded book's "page" numbers come from ``documents/<name>.sdr/<name>.apnx``.
The layout (as calibre's Kindle driver writes it, which is the reference here):

- u32 0x00010001 (format 1.1), u32 offset of the page header, u32 length of the
  content header, then the content header: JSON naming the book
  (``contentGuid``, ``asin``, ``cdeType``, ``format`` MOBI_8, ``acr`` = PDB name);
- u16 1, u16 length of the page header, u16 page count, u16 32 (bits per
  position), then the page header: JSON with the ``pageMap``, groups
  ``(first page, a|r|c, first number or labels joined by |)``;
- one u32 per page: its byte offset in the uncompressed text.

Our pages are the print 版 markers, in text order; their labels (1, 2, 3 or
A1, A2…) go into the map as written, so a Kindle shows "版 3" where the print
page 3 begins.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Sequence

VERSION = 0x00010001


def page_map(labels: Sequence[str]) -> str:
    """``(1,a,1)`` when the labels are 1, 2, 3 … consecutive; else custom labels ``(1,c,1|3|2)``."""
    if labels and all(l.isdigit() for l in labels):
        first = int(labels[0])
        if [int(l) for l in labels] == list(range(first, first + len(labels))):
            return f"(1,a,{first})"
    return "(1,c," + "|".join(l.replace("|", "/").replace(",", "/") or "-" for l in labels) + ")"


def build_apnx(pages: Sequence[tuple[int, str]], *, asin: str, pdb_name: str) -> bytes:
    """The APNX for ``pages`` = (text offset, label), sorted by offset; deterministic (no random GUID)."""
    ordered = sorted(pages, key=lambda p: p[0])
    compact = {"separators": (",", ":"), "ensure_ascii": True}
    content = json.dumps(
        {"contentGuid": asin[:8].lower(), "asin": asin, "cdeType": "EBOK", "format": "MOBI_8",
         "fileRevisionId": "1", "acr": pdb_name},
        **compact,  # type: ignore[arg-type]
    ).encode("ascii")
    header = json.dumps({"asin": asin, "pageMap": page_map([label for _, label in ordered])}, **compact).encode("ascii")  # type: ignore[arg-type]
    if len(ordered) > 0xFFFF or len(header) > 0xFFFF:
        raise ValueError("too many pages for an APNX page table")
    out = struct.pack(">III", VERSION, 12 + len(content), len(content)) + content
    out += struct.pack(">HHHH", 1, len(header), len(ordered), 32) + header
    out += b"".join(struct.pack(">I", offset) for offset, _ in ordered)
    return out
