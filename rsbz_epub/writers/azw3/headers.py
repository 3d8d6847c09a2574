"""Record 0: PalmDOC header, MOBI header (version 8), EXTH and the full title."""

from __future__ import annotations

import struct
from dataclasses import dataclass

NULL = 0xFFFFFFFF
MOBI_HEADER_LENGTH = 264  # counted from "MOBI"; EXTH starts at 16 + 264
COMPRESSION_NONE, COMPRESSION_PALMDOC = 1, 2
RECORD0_TAIL = 8192  # zeros after the title, as kindlegen/calibre leave for Amazon's tools

# The Kindle language tags we emit and their Windows LCIDs (low byte 0x04 = Chinese).
LOCALES = {"zh-CN": 0x0804, "zh-TW": 0x0404, "zh-HK": 0x0C04, "zh-SG": 0x1004, "zh-MO": 0x1404}
_ALIASES = {
    "zh": "zh-CN",
    "zh-hans": "zh-CN",
    "zh-hans-cn": "zh-CN",
    "zh-cn": "zh-CN",
    "zh-hans-sg": "zh-SG",
    "zh-sg": "zh-SG",
    "zh-hant": "zh-TW",
    "zh-hant-tw": "zh-TW",
    "zh-tw": "zh-TW",
    "zh-hant-hk": "zh-HK",
    "zh-hk": "zh-HK",
    "zh-hant-mo": "zh-MO",
    "zh-mo": "zh-MO",
}


def kindle_language(tag: str) -> str:
    """The Kindle language tag for a BCP 47 tag (zh-Hans → zh-CN, zh-Hant → zh-TW); others pass through."""
    return _ALIASES.get(tag.strip().lower(), tag.strip())


def locale_code(language: str) -> int:
    """MOBI header locale (a Windows LCID) for a Kindle language tag; 0 when unknown."""
    return LOCALES.get(kindle_language(language), 0)


@dataclass(frozen=True)
class HeaderFields:
    """The record numbers and sizes the MOBI header points at."""

    text_length: int
    text_record_count: int
    compression: int
    unique_id: int
    locale: int
    first_non_book: int
    first_resource: int
    fdst: int
    flow_count: int
    fcis: int
    flis: int
    extra_flags: int
    ncx: int  # NULL when there is no TOC
    frag: int
    skel: int
    guide: int  # NULL when there is no guide


def build_record0(fields: HeaderFields, exth: bytes, title: str) -> bytes:
    """Assemble record 0 around an already built EXTH block."""
    palmdoc = struct.pack(
        ">HHIHHHH",
        fields.compression,
        0,
        fields.text_length,
        fields.text_record_count,
        4096,
        0,  # encryption: none (anything else reads as DRM)
        0,
    )
    name = title.encode("utf-8")
    name_offset = 16 + MOBI_HEADER_LENGTH + len(exth)
    mobi = bytearray(MOBI_HEADER_LENGTH)
    struct.pack_into(">4sIIIII", mobi, 0x00, b"MOBI", MOBI_HEADER_LENGTH, 2, 65001, fields.unique_id, 8)
    struct.pack_into(">10I", mobi, 0x18, *([NULL] * 10))  # orth/infl/names/keys/extra indexes
    struct.pack_into(
        ">IIIIIII",
        mobi,
        0x40,
        fields.first_non_book,
        name_offset,
        len(name),
        fields.locale,
        0,  # dictionary input language
        0,  # dictionary output language
        8,  # minimum reader version
    )
    struct.pack_into(">I", mobi, 0x5C, fields.first_resource)
    struct.pack_into(">I", mobi, 0x70, 0x50)  # EXTH flags: 0x40 EXTH present, 0x10 as kindlegen sets
    struct.pack_into(">IIIII", mobi, 0x94, NULL, NULL, 0, 0, 0)  # unknown, DRM offset/count/size/flags
    struct.pack_into(
        ">IIIIIIII",
        mobi,
        0xB0,
        fields.fdst,
        fields.flow_count,
        fields.fcis,
        1,
        fields.flis,
        1,
        0,
        0,
    )
    struct.pack_into(">II", mobi, 0xD0, NULL, 0)  # SRCS record and count
    struct.pack_into(">II", mobi, 0xD8, NULL, NULL)
    struct.pack_into(
        ">IIIIII",
        mobi,
        0xE0,
        fields.extra_flags,
        fields.ncx,
        fields.frag,
        fields.skel,
        NULL,  # DATP
        fields.guide,
    )
    struct.pack_into(">IIII", mobi, 0xF8, NULL, 0, NULL, 0)
    # The title is followed by two NULs and padding to 4; readers want bytes after it.
    name_block = name + b"\0\0"
    name_block += b"\0" * (-len(name_block) % 4)
    return palmdoc + bytes(mobi) + exth + name_block + b"\0" * RECORD0_TAIL
