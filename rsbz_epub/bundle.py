"""One issue in, every edition × format out: the build pipeline, manifest and atomic writes.

The core (``build_issue``) works on bytes in memory and never touches the
file system; ``write_build`` is the only place that writes files, and it does
so atomically per edition folder.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from rsbz_epub import __version__
from rsbz_epub.errors import OutputError, StrictError
from rsbz_epub.identity import asin, book_identifier, build_time, folder_name, series_position
from rsbz_epub.model import Diagnostic, Issue
from rsbz_epub.options import EDITIONS, BuildOptions
from rsbz_epub.reader import read_issue
from rsbz_epub.render.book import RenderedBook
from rsbz_epub.render.metadata import book_title, description
from rsbz_epub.render.xhtml import render_book
from rsbz_epub.transforms.chinese import convert_issue
from rsbz_epub.transforms.promos import promos_last
from rsbz_epub.transforms.sections import section_levels
from rsbz_epub.transforms.stitch import stitch_jumps
from rsbz_epub.writers.azw3 import thumbnail_name, write_apnx, write_azw3
from rsbz_epub.writers.cover import make_cover, make_thumbnail
from rsbz_epub.writers.epub import write_epub
from rsbz_epub.writers.kepub import write_kepub
from rsbz_epub.writers.kindle_epub import write_kindle_epub

MEDIA_TYPES = {
    "epub": "application/epub+zip",
    "kindle": "application/epub+zip",
    "kepub": "application/kepub+zip",
    "azw3": "application/x-mobi8-ebook",
    "cover": "image/jpeg",
    "thumbnail": "image/jpeg",
    "apnx": "application/octet-stream",
    "manifest": "application/json",
}


#: format -> (render target, container writer, file name pattern)
_WRITERS: dict[str, tuple[str, Callable[[RenderedBook, BinaryIO], None], str]] = {
    "epub": ("epub", write_epub, "{name}.epub"),
    "kindle": ("kindle", write_kindle_epub, "{name}.kindle.epub"),
    "azw3": ("kindle", write_azw3, "{name}.azw3"),
    "kepub": ("epub", write_kepub, "{name}.kepub.epub"),
}


@dataclass(frozen=True)
class OutputFile:
    """One file of an edition folder, in memory."""

    name: str
    format: str
    data: bytes

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


@dataclass(frozen=True)
class EditionBuild:
    """Everything one edition of one issue produced."""

    edition: str
    folder: str
    issue: Issue
    files: tuple[OutputFile, ...]


@dataclass(frozen=True)
class IssueBuild:
    """The result of building one input: its editions and the reader's warnings."""

    issue: Issue
    editions: tuple[EditionBuild, ...]

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.issue.diagnostics


def _to_bytes(write: Callable[[RenderedBook, BinaryIO], None], book: RenderedBook) -> bytes:
    buf = io.BytesIO()
    write(book, buf)
    return buf.getvalue()


def prepare_issue(data: bytes, options: BuildOptions) -> Issue:
    """Read and stitch: the Simplified issue every edition starts from."""
    issue = read_issue(data, options.read)  # decode, normalise, masthead, pages, articles, paragraphs
    issue = stitch_jumps(issue, keep_print_order=options.keep_print_order)  # continued articles in one piece
    issue = section_levels(issue)  # 一、 > （一） > 1. > （1） as h2 > h3 > h4
    return promos_last(issue)  # the book opens on news, promos close their 版


def build_edition(issue: Issue, edition: str, options: BuildOptions) -> EditionBuild:
    """Build every requested format of one edition of a read issue.

    Steps, in order:
    1. convert_issue — Simplified → Traditional on the IR (optional: Traditional editions only),
       so titles, contents, metadata and the cover are converted too.
    2. make_cover — the cover image every format shares (mandatory: readers and libraries show it).
    3. render_book(epub) → write_epub — the library-grade EPUB 3 (format "epub").
    4. render_book(kindle) → write_kindle_epub — Send-to-Kindle-safe EPUB (format "kindle").
    5. write_azw3 + thumbnail + APNX — KF8 for USB sideloading, with the cover thumbnail Kindles need and
       the print 版 as Kindle page numbers (format "azw3").
    6. write_kepub — Kobo's renderer wants per-sentence spans (format "kepub").
    7. manifest.json — sizes and SHA-256 of every file, what ingest scripts read (mandatory).
    """
    pub = options.read.publication
    meta_issue = convert_issue(issue, edition, publication=pub, keep_quotes=options.keep_quotes)
    meta = meta_issue.meta
    when = build_time(meta, options.source_date_epoch)
    name = folder_name(meta)
    cover = make_cover(meta, pub, options.cover_font)
    files: list[OutputFile] = [OutputFile("cover.jpg", "cover", cover)]

    def render(target: str) -> RenderedBook:
        return render_book(
            meta_issue,
            publication=pub,
            target=target,  # type: ignore[arg-type]
            cover_jpeg=cover,
            build_time=when,
            extra_css=options.extra_css,
            vertical=options.vertical and edition != "hans",  # vertical is a Traditional-edition layout
        )

    books: dict[str, RenderedBook] = {}
    for fmt in options.formats:
        target, write, pattern = _WRITERS[fmt]
        if target not in books:
            books[target] = render(target)
        files.append(OutputFile(pattern.format(name=name), fmt, _to_bytes(write, books[target])))
        if fmt == "azw3":  # Kindles show a sideloaded book's cover only from this thumbnail
            files.append(OutputFile(thumbnail_name(books[target]), "thumbnail", make_thumbnail(cover)))
            if books[target].page_list:  # print page numbers on the Kindle (goes into <name>.sdr/)
                files.append(OutputFile(f"{name}.apnx", "apnx", _to_bytes(write_apnx, books[target])))
    files.append(OutputFile("manifest.json", "manifest", manifest_json(meta_issue, name, files)))
    return EditionBuild(edition, name, meta_issue, tuple(files))


def build_issue(data: bytes, options: BuildOptions) -> IssueBuild:
    """Bytes of one raw issue → every edition × format, in memory (nothing written)."""
    issue = prepare_issue(data, options)
    warnings = [d for d in issue.diagnostics if d.severity == "warning"]
    if options.strict and warnings:
        first = warnings[0]
        raise StrictError(
            f"{len(warnings)} warning(s) under --strict, first [{first.code}] {first.message}",
            line=first.line,
            hint="fix the input (see `rsbz-epub check`) or drop --strict",
        )
    editions = tuple(build_edition(issue, ed, options) for ed in _editions(options))
    return IssueBuild(issue, editions)


def _editions(options: BuildOptions) -> list[str]:
    """The original is always built; Traditional editions are added in the order asked."""
    wanted = ["hans"] + [e for e in options.editions if e != "hans"]
    return list(dict.fromkeys(wanted))


def manifest_json(issue: Issue, folder: str, files: list[OutputFile]) -> bytes:
    """The folder's manifest: edition, metadata, and every file's size and SHA-256."""
    meta = issue.meta
    doc = {
        "generator": f"rsbz-epub {__version__}",
        "folder": folder,
        "edition": meta.edition,
        "metadata": {
            "identifier": book_identifier(meta),
            "asin": asin(meta),
            "title": book_title(issue),
            "paper": meta.paper,
            "paper_latin": meta.paper_latin,
            "date": meta.date.isoformat() if meta.date else None,
            "issue_number": meta.issue_number,
            "total_issue_number": meta.total_issue_number,
            "series_position": series_position(meta),
            "language": meta.language,
            "kindle_language": EDITIONS[meta.edition][2],
            "publisher": meta.publisher,
            "issn": meta.issn,
            "pages": [p.label for p in issue.pages],
            "articles": [a.title for a in issue.articles()],
            "description": description(issue),
        },
        "files": [
            {
                "name": f.name,
                "format": f.format,
                "media_type": f.media_type,
                "size": len(f.data),
                "sha256": hashlib.sha256(f.data).hexdigest(),
            }
            for f in files
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ------------------------------------------------------------------ files


def ensure_output_dir(out_dir: Path) -> None:
    """Create the output folder or fail with a clear OutputError."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError("output path is a file, not a folder", path=str(out_dir), hint="give a folder with -o")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder ({exc.strerror})", path=str(out_dir), hint="choose a writable folder with -o") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError("output folder is not writable", path=str(out_dir), hint="choose a writable folder with -o")


def write_build(build: IssueBuild, out_dir: Path) -> list[Path]:
    """Write every edition folder atomically: a temp folder, then one rename.

    A failure (or Ctrl-C) before the rename leaves only the temp folder, which is
    removed; an existing folder from an earlier build is replaced in one step.
    """
    ensure_output_dir(out_dir)
    written: list[Path] = []
    for ed in build.editions:
        written.append(_write_folder(out_dir, ed.folder, ed.files))
    return written


def _write_folder(out_dir: Path, folder: str, files: tuple[OutputFile, ...]) -> Path:
    final = out_dir / folder
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder}.", suffix=".tmp", dir=out_dir))
    old: Path | None = None
    try:
        for f in files:
            with open(tmp / f.name, "wb") as fh:
                fh.write(f.data)
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o755)
        if final.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder}.", suffix=".old", dir=out_dir))
            os.rename(final, old / folder)
        os.rename(tmp, final)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not final.exists() and (old / folder).exists():
            os.rename(old / folder, final)  # put the earlier build back
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {folder}/ ({exc.strerror})", path=str(out_dir), hint="check free space and permissions") from None
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return final


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file via a temp file in the same folder and a rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write ({exc.strerror})", path=str(path), hint="check free space and permissions") from None
        raise
