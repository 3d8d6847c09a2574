"""Reproducible OCF zip containers: same entries + same time → the same bytes."""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from collections.abc import Iterable

#: Zip entry name and its bytes, in the order they go into the archive.
Entry = tuple[str, bytes]

MIMETYPE = b"application/epub+zip"

# DOS timestamps cannot say anything before 1980 or after 2107.
_EARLIEST = (1980, 1, 1, 0, 0, 0)
_LATEST = (2107, 12, 31, 23, 59, 58)
# -rw-r--r-- regular file, whoever builds it (umask must not leak into the bytes).
_FILE_MODE = 0o100644 << 16


def zip_time(when: _dt.datetime) -> tuple[int, int, int, int, int, int]:
    """The DOS date_time for ``when`` (as UTC), clamped to what zip can store."""
    if when.tzinfo is not None:
        when = when.astimezone(_dt.timezone.utc)
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    return max(_EARLIEST, min(_LATEST, stamp))


def _info(name: str, stamp: tuple[int, int, int, int, int, int], method: int) -> zipfile.ZipInfo:
    """A ZipInfo with every field that could vary between machines pinned."""
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = method
    info.create_system = 3  # Unix, so external_attr means the same everywhere
    info.external_attr = _FILE_MODE
    return info


def epub_zip(entries: Iterable[Entry], when: _dt.datetime) -> bytes:
    """Zip an OCF container: ``mimetype`` first and stored, the rest deflated in the given order.

    The archive is built in memory so the bytes never depend on whether the
    caller's stream can seek (zipfile writes data descriptors when it cannot).
    """
    stamp = zip_time(when)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        # OCF: the first entry is the uncompressed `mimetype` with no extra field,
        # so its bytes sit at offset 38 where readers sniff for them.
        zf.writestr(_info("mimetype", stamp, zipfile.ZIP_STORED), MIMETYPE)
        seen = {"mimetype"}
        for name, data in entries:
            if name in seen:
                raise ValueError(f"duplicate zip entry {name!r}")
            seen.add(name)
            zf.writestr(_info(name, stamp, zipfile.ZIP_DEFLATED), data, compresslevel=9)
    return buf.getvalue()
