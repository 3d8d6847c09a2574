"""The four KF8 indexes: SKEL and FRAG (document structure), NCX (the TOC) and the guide."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from ...render.book import TocEntry
from .indx import Cncx, Entry, Tag, build_index
from .skeleton import Flow0
from .tbs import NcxSpan

SKEL_TAGS = (Tag(1, 1, 0x03), Tag(6, 2, 0x0C))
FRAG_TAGS = (Tag(2, 1, 0x01), Tag(3, 1, 0x02), Tag(4, 1, 0x04), Tag(6, 2, 0x08))
NCX_TAGS = (
    Tag(1, 1, 0x01),  # offset in flow 0
    Tag(2, 1, 0x02),  # length
    Tag(3, 1, 0x04),  # label (CNCX)
    Tag(4, 1, 0x08),  # depth
    Tag(21, 1, 0x10),  # parent
    Tag(22, 1, 0x20),  # first child
    Tag(23, 1, 0x40),  # last child
    Tag(6, 2, 0x80),  # pos:fid
)
GUIDE_TAGS = (Tag(1, 1, 0x01), Tag(6, 2, 0x02))


def skel_index(flow: Flow0) -> list[bytes]:
    """SKEL: per document its fragment count and (start, length) — each written twice, as kindlegen does."""
    entries = [
        Entry(
            f"SKEL{f.number:010d}",
            {1: [len(f.fragments)] * 2, 6: [f.start, f.skeleton_length] * 2},
        )
        for f in flow.files
    ]
    return build_index(SKEL_TAGS, entries)


def frag_index(flow: Flow0) -> list[bytes]:
    """FRAG: per fragment its insert position (the key), selector, file, sequence and extent."""
    cncx = Cncx()
    entries = [
        Entry(
            f"{frag.insert_pos:010d}",
            {2: [cncx.add(frag.selector)], 3: [frag.file], 4: [frag.index], 6: [frag.offset_in_file, frag.length]},
        )
        for frag in flow.fragments
    ]
    return build_index(FRAG_TAGS, entries, cncx)


@dataclass(frozen=True)
class NcxNode:
    """One NCX entry in index order, with everything the index and TBS need."""

    index: int
    label: str
    start: int
    length: int
    depth: int
    parent: int | None
    first_child: int | None
    last_child: int | None
    pos_fid: tuple[int, int]

    def span(self) -> NcxSpan:
        """The TBS view of this entry."""
        return NcxSpan(self.index, self.start, self.length, self.depth, self.parent)


def _target(flow: Flow0, href: str) -> int:
    """Absolute flow-0 offset of a TOC href (``text/x.xhtml`` or ``text/x.xhtml#id``)."""
    path, _, anchor = href.partition("#")
    doc = posixpath.normpath(path)
    if (doc, None) not in flow.targets:
        raise ValueError(f"TOC entry points to {href!r}, which is not in the book")
    return flow.position(doc, anchor or None)


def ncx_nodes(toc: Sequence[TocEntry], flow: Flow0) -> list[NcxNode]:
    """Number the TOC level by level (all depth-0 entries first, as Kindles require)."""
    # Pre-order walk: gives each entry its start, depth and parent (by walk id).
    walk: list[tuple[TocEntry, int, int | None]] = []

    def visit(entries: Sequence[TocEntry], depth: int, parent: int | None) -> None:
        for entry in entries:
            walk.append((entry, depth, parent))
            visit(entry.children, depth + 1, len(walk) - 1)

    visit(toc, 0, None)
    starts = [_target(flow, e.href) for e, _, _ in walk]
    total = len(flow.data)
    lengths = []
    for i, (_, depth, _) in enumerate(walk):
        # An entry runs to the next one at the same or a shallower depth.
        end = next((starts[j] for j in range(i + 1, len(walk)) if walk[j][1] <= depth), total)
        lengths.append(max(end - starts[i], 0))
    # Level order (depth, then pre-order) keeps each parent's children consecutive;
    # for a TOC in reading order it is the (depth, offset) order Kindles expect.
    order = sorted(range(len(walk)), key=lambda i: (walk[i][1], i))
    number = {w: n for n, w in enumerate(order)}
    children: dict[int, list[int]] = {}
    for j, (_, _, parent) in enumerate(walk):
        if parent is not None:
            children.setdefault(parent, []).append(number[j])
    nodes = []
    for w in order:
        entry, depth, parent = walk[w]
        kids = children.get(w, [])
        nodes.append(
            NcxNode(
                index=number[w],
                label=entry.label,
                start=starts[w],
                length=lengths[w],
                depth=depth,
                parent=number[parent] if parent is not None else None,
                first_child=min(kids) if kids else None,
                last_child=max(kids) if kids else None,
                pos_fid=flow.pos_fid(starts[w]),
            )
        )
    return nodes


def ncx_index(nodes: Sequence[NcxNode]) -> list[bytes]:
    """NCX: keys are the entry numbers in upper-case hex; values follow TAGX order."""
    cncx = Cncx()
    entries = []
    for node in nodes:
        values: dict[int, list[int]] = {
            1: [node.start],
            2: [node.length],
            3: [cncx.add(node.label)],
            4: [node.depth],
            6: list(node.pos_fid),
        }
        if node.parent is not None:
            values[21] = [node.parent]
        if node.first_child is not None and node.last_child is not None:
            values[22] = [node.first_child]
            values[23] = [node.last_child]
        entries.append(Entry(f"{node.index:02X}", values))
    return build_index(NCX_TAGS, entries, cncx)


def guide_index(items: Sequence[tuple[str, str, int]], flow: Flow0) -> list[bytes]:
    """Guide: (type, title, flow-0 offset) entries sorted by type, as the Kindle needs."""
    cncx = Cncx()
    entries = [
        Entry(kind, {1: [cncx.add(title)], 6: list(flow.pos_fid(position))})
        for kind, title, position in sorted(items)
    ]
    return build_index(GUIDE_TAGS, entries, cncx)
