"""The OCF zip: entry order, mimetype rules, pinned times and modes, byte-for-byte reproducibility."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile

import pytest
from epub_fixtures import rendered_book, sample_book, write

from rsbz_epub.errors import OutputError
from rsbz_epub.writers.epub import epub_bytes, write_epub
from rsbz_epub.writers.kepub import write_kepub
from rsbz_epub.writers.kindle_epub import write_kindle_epub
from rsbz_epub.writers.zipper import epub_zip, zip_time

UTC = dt.timezone.utc


def test_mimetype_is_first_stored_and_has_no_extra_field():
    data = epub_bytes(sample_book())
    # Local file header: signature, …, name length at 26, extra length at 28, name at 30.
    sig, _ver, _flags, method = struct.unpack("<IHHH", data[:10])
    name_len, extra_len = struct.unpack("<HH", data[26:30])
    assert sig == 0x04034B50
    assert method == 0  # stored
    assert data[30:30 + name_len] == b"mimetype"
    assert extra_len == 0
    assert data[38:58] == b"application/epub+zip"


def test_entries_in_fixed_order_deflated_with_pinned_time_and_mode():
    book = sample_book()
    with zipfile.ZipFile(io.BytesIO(epub_bytes(book))) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names[:4] == ["mimetype", "META-INF/container.xml", "OEBPS/content.opf", "OEBPS/toc.ncx"]
    assert names[4:] == [f"OEBPS/{d.href}" for d in book.documents] + [f"OEBPS/{r.href}" for r in book.resources]
    for info in infos[1:]:
        assert info.compress_type == zipfile.ZIP_DEFLATED, info.filename
    for info in infos:
        assert info.date_time == (2021, 10, 21, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100644
        assert info.create_system == 3
        assert info.extra == b""


@pytest.mark.parametrize(
    "when, expected",
    [
        (dt.datetime(1970, 1, 1, tzinfo=UTC), (1980, 1, 1, 0, 0, 0)),
        (dt.datetime(2021, 10, 21, 8, 30, 15, tzinfo=UTC), (2021, 10, 21, 8, 30, 15)),
        # A local time is converted to UTC first, so the zip says the same as dcterms:modified.
        (dt.datetime(2021, 10, 21, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), (2021, 10, 21, 0, 0, 0)),
        (dt.datetime(2200, 1, 1, tzinfo=UTC), (2107, 12, 31, 23, 59, 58)),
    ],
)
def test_zip_time_is_utc_and_clamped(when, expected):
    assert zip_time(when) == expected


def test_epoch_zero_build_still_zips():
    data = epub_bytes(sample_book(modified=dt.datetime(1970, 1, 1, tzinfo=UTC)))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("writer", [write_epub, write_kindle_epub, write_kepub], ids=["epub", "kindle", "kepub"])
def test_same_book_gives_identical_bytes(writer):
    target = "kindle" if writer is write_kindle_epub else "epub"
    # Two independently built books (no shared objects), written twice each.
    first = write(writer, rendered_book("paged", target=target))
    second = write(writer, rendered_book("paged", target=target))
    assert first == second
    assert write(writer, rendered_book("paged", target=target)) == first


def test_different_modified_time_changes_bytes():
    a = epub_bytes(sample_book(modified=dt.datetime(2021, 10, 21, tzinfo=UTC)))
    b = epub_bytes(sample_book(modified=dt.datetime(2021, 10, 22, tzinfo=UTC)))
    assert a != b


def test_output_does_not_depend_on_a_seekable_stream():
    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.chunks: list[bytes] = []

        def writable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return False

        def write(self, b) -> int:
            self.chunks.append(bytes(b))
            return len(b)

    pipe = Pipe()
    write_epub(sample_book(), pipe)
    assert b"".join(pipe.chunks) == epub_bytes(sample_book())


def test_write_failure_is_an_output_error():
    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, b) -> int:
            raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        write_epub(sample_book(), Full())


def test_duplicate_entry_is_refused():
    with pytest.raises(ValueError):
        epub_zip([("a.txt", b"1"), ("a.txt", b"2")], dt.datetime(2021, 1, 1, tzinfo=UTC))
