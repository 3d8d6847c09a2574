"""Lay serialised documents out as flow 0: skeletons, fragments, positions, pos:fid links."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from .codec import base32
from .markup import PLACEHOLDER_RE, Serialized

FRAGMENT_SIZE = 8192  # calibre's CHUNK_SIZE; kindlegen's own limit is unknown


@dataclass(frozen=True)
class Fragment:
    """A run of container children, stored after its skeleton and inserted at ``insert_pos``."""

    index: int  # position in the FRAG table (the XXXX of kindle:pos:fid)
    file: int
    insert_pos: int  # absolute offset in assembled flow 0
    offset_in_file: int  # offset within this file's fragment data
    length: int
    selector: str


@dataclass(frozen=True)
class SkeletonFile:
    """One document: its skeleton's place in flow 0 and its fragments."""

    number: int
    href: str
    start: int  # same in stored and assembled flow 0
    skeleton_length: int
    length: int  # skeleton + fragments
    body_pos: int  # absolute offset of "<body"
    fragments: tuple[Fragment, ...]


@dataclass(frozen=True)
class Flow0:
    """Flow 0 as stored (skeleton then fragments, per document) plus its tables."""

    data: bytes
    files: tuple[SkeletonFile, ...]
    fragments: tuple[Fragment, ...]
    targets: dict[tuple[str, str | None], int]  # (doc href, id or None) -> absolute offset

    def position(self, href: str, anchor: str | None) -> int:
        """Absolute offset of an element's "<" (or of "<body" when ``anchor`` is None or unknown)."""
        return self.targets.get((href, anchor), self.targets[(href, None)])

    def stored_offset(self, position: int) -> int:
        """Where an assembled offset lies in the stored text (skeleton first, then its fragments)."""
        for file in self.files:
            if file.start <= position < file.start + file.length and file.fragments:
                inner_start = file.fragments[0].insert_pos
                inner_length = sum(f.length for f in file.fragments)
                if position < inner_start:
                    return position
                if position < inner_start + inner_length:
                    return file.start + file.skeleton_length + (position - inner_start)
                return position - inner_length
        return position

    @cached_property
    def _starts(self) -> list[int]:
        return [file.start for file in self.files]

    def pos_fid(self, position: int) -> tuple[int, int]:
        """(fragment index, offset in it) for an absolute offset; skeleton targets use the next fragment."""
        # Files lie end to end in order: the one holding ``position`` is the last starting at or before it.
        n = bisect_right(self._starts, position) - 1
        for file in self.files[max(n, 0) : n + 1]:
            if file.start <= position < file.start + file.length:
                for frag in file.fragments:
                    if position < frag.insert_pos:
                        return frag.index, 0  # in the skeleton, before this fragment
                    if position < frag.insert_pos + frag.length:
                        return frag.index, position - frag.insert_pos
                last = file.fragments[-1]
                return last.index, last.length - 1  # in the skeleton's tail
        raise ValueError(f"position {position} is outside flow 0")


def _cut(doc: Serialized) -> list[tuple[int, int]]:
    """Group the container's children into fragments of at most 8 KiB (a bigger child stands alone)."""
    bounds = [doc.inner_start, *doc.child_bounds, doc.inner_end]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    groups: list[tuple[int, int]] = []
    for a, b in pieces:
        if groups and b - groups[-1][0] <= FRAGMENT_SIZE:
            groups[-1] = (groups[-1][0], b)
        else:
            groups.append((a, b))
    return groups


def layout(docs: Iterable[tuple[str, Serialized]], links: Sequence[tuple[str, str | None]]) -> Flow0:
    """Build flow 0 and resolve every link placeholder to its final, same-width value."""
    stored = bytearray()
    files: list[SkeletonFile] = []
    fragments: list[Fragment] = []
    targets: dict[tuple[str, str | None], int] = {}
    for number, (href, doc) in enumerate(docs):
        data = doc.data
        groups = _cut(doc)
        if not groups:
            # An empty container: a lone space keeps "every file has a fragment" true for readers.
            data = data[: doc.inner_start] + b" " + data[doc.inner_end :]
            groups = [(doc.inner_start, doc.inner_start + 1)]
            inner_end = doc.inner_start + 1
        else:
            inner_end = doc.inner_end
        start = len(stored)
        skeleton = data[: doc.inner_start] + data[inner_end:]
        frags = []
        offset_in_file = 0
        for a, b in groups:
            frag = Fragment(
                index=len(fragments),
                file=number,
                insert_pos=start + a,  # assembled coordinates: the document as written
                offset_in_file=offset_in_file,
                length=b - a,
                selector=f"P-//*[@aid='{doc.container_aid}']",
            )
            fragments.append(frag)
            frags.append(frag)
            offset_in_file += b - a
        stored += skeleton + data[doc.inner_start : inner_end]
        files.append(
            SkeletonFile(
                number=number,
                href=href,
                start=start,
                skeleton_length=len(skeleton),
                length=len(data),
                body_pos=start + doc.body_pos,
                fragments=tuple(frags),
            )
        )
        targets[(href, None)] = start + doc.body_pos
        for anchor, off in doc.ids.items():
            targets[(href, anchor)] = start + off
    tables = Flow0(b"", tuple(files), tuple(fragments), targets)  # positions only: no copy of the text

    def substitute(match: object) -> bytes:
        target = links[int(match.group(1), 32)]  # type: ignore[attr-defined]
        fid, off = tables.pos_fid(tables.position(*target))
        return f"kindle:pos:fid:{base32(fid, 4)}:off:{base32(off, 10)}".encode("ascii")

    # Same width in and out, so no offset computed above moves: each placeholder is overwritten in
    # place (re.sub would hold the text's pieces and its result beside it, three copies of flow 0).
    for match in PLACEHOLDER_RE.finditer(stored):
        stored[match.start() : match.end()] = substitute(match)
    return Flow0(bytes(stored), tables.files, tables.fragments, tables.targets)
