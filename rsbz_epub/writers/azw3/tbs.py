"""Trailing byte sequences: which NCX entries touch each text record (MOBI extra-data bit 1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .codec import forward_varint

_SPANS, _TYPE, _COUNT, _STRAND = 0b0001, 0b0010, 0b0100, 0b1000


@dataclass(frozen=True)
class NcxSpan:
    """What TBS needs of one NCX entry."""

    index: int
    start: int
    length: int
    depth: int
    parent: int | None


class _Negative(Exception):
    """A later strand starts above the previous one; the book must use TBS type 5."""


def _strands(local: list[NcxSpan]) -> list[list[list[NcxSpan]]]:
    """Split the record's entries into strands (top-down chains), each grouped into depth layers."""
    remaining = list(local)
    strands = []
    while remaining:
        top = remaining.pop(0)
        chain = [top]
        current = top
        while True:
            kids = [e for e in remaining if e.parent == current.index]
            if kids:
                current = kids[0]
                remaining.remove(current)
                chain.append(current)
                continue
            # A run of consecutive siblings fits in one sequence (with the count flag).
            nxt = None
            expected = current.index + 1
            for e in list(remaining):
                if e.depth == current.depth and e.parent == current.parent and e.index == expected:
                    remaining.remove(e)
                    chain.append(e)
                    expected += 1
                    if any(k.parent == e.index for k in remaining):
                        nxt = e
                        break
            if nxt is None:
                break
            current = nxt
        layers: dict[int, list[NcxSpan]] = {}
        for e in chain:
            layers.setdefault(e.depth, []).append(e)
        strands.append(list(layers.values()))
    return strands


def _sequences(strands: list[list[list[NcxSpan]]], s: int, e: int, tbs_type: int) -> list[tuple[int, dict[int, int]]]:
    """One (value, {flag: payload}) per layer, per the KF8 TBS rules."""
    out: list[tuple[int, dict[int, int]]] = []
    first = strands[0][0][0] if strands else None
    last_index = 0
    for strand in strands:
        seqs: list[tuple[int, dict[int, int]]] = []
        for layer in strand:
            flags: dict[int, int] = {}
            tail = layer[-1]
            if tail.start < s and tail.start + tail.length > e:
                flags[_SPANS] = 0
            if layer[0] is first:
                flags[_TYPE] = tbs_type
            if len(layer) > 1:
                flags[_COUNT] = len(layer)
            value = layer[0].index - (layer[0].parent or 0)
            if out and not seqs:
                # Later strands are relative to the last entry of the previous layer.
                value = last_index - layer[0].index
                if value < 0:
                    if tbs_type != 5:
                        raise _Negative
                    value = -value
                else:
                    flags[_STRAND] = 1
            last_index = layer[-1].index
            seqs.append((value, flags))
        # Consecutive "spans" layers: only the deepest keeps the flag.
        for i in range(len(seqs) - 1):
            if _SPANS in seqs[i][1] and _SPANS in seqs[i + 1][1]:
                del seqs[i][1][_SPANS]
        out.extend(seqs)
    return out


def _encode(sequences: list[tuple[int, dict[int, int]]]) -> bytes:
    out = bytearray()
    for n, (value, flags) in enumerate(sequences):
        # The first sequence has 3 flag bits; later ones 4 (they may need the strand flag).
        width = 3 if n == 0 else 4
        bits = 0
        for flag in flags:
            bits |= flag
        out += forward_varint(value << width | (bits & ((1 << width) - 1)))
        if _TYPE in flags:
            out += forward_varint(flags[_TYPE])
        if _COUNT in flags:
            out.append(flags[_COUNT])
        if _SPANS in flags:
            out += forward_varint(flags[_SPANS])
    return bytes(out)


def tbs_payloads(entries: Sequence[NcxSpan], records: Sequence[tuple[int, int]]) -> list[bytes]:
    """The TBS payload (without its size) for each text record [start, end)."""
    ordered = sorted(entries, key=lambda x: x.start)  # stable: ties keep NCX order
    per_record = []
    for s, e in records:
        local = [x for x in ordered if x.start < e and x.start + x.length > s]
        per_record.append((s, e, _strands(local)))
    for tbs_type in (8, 5):
        try:
            return [_encode(_sequences(strands, s, e, tbs_type)) for s, e, strands in per_record]
        except _Negative:
            continue
    raise AssertionError("unreachable: type 5 never raises")
