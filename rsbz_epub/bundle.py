"""One issue in, every edition × format out: the build pipeline and atomic writes (the manifest: manifest.py).

The pipeline (``build_edition``) hands each file it makes to a store: ``build_issue``
keeps them in memory and never touches the file system; ``build_and_write`` streams
each into the issue's staging folder as it is made (a big issue's books are never all in
memory at once), and swaps the folders in all or none.  ``write_build`` writes an
in-memory build the same atomic way.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import os
import tempfile
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Protocol

from rsbz_epub.errors import OutputError, StrictError
from rsbz_epub.identity import build_time, folder_name
from rsbz_epub.incremental import build_record, foreign_input
from rsbz_epub.manifest import manifest_json
from rsbz_epub.model import Diagnostic, Issue
from rsbz_epub.reader.trace import LineRole
from rsbz_epub.options import BuildOptions

if TYPE_CHECKING:
    from rsbz_epub.render.book import RenderedBook

MEDIA_TYPES = {
    "epub": "application/epub+zip",
    "kindle": "application/epub+zip",
    "kepub": "application/kepub+zip",
    "azw3": "application/x-mobi8-ebook",
    "cover": "image/jpeg",
    "thumbnail": "image/jpeg",
    "apnx": "application/octet-stream",
    "manifest": "application/json",
    "proof": "text/html",
}


#: format -> (render target, "module:function" of its container writer, file name pattern).
#: Writers are imported when a format is asked for, so a build of one format or a
#: ``check`` never loads the others (nor Pillow, for the AZW3's thumbnail).
_WRITERS: dict[str, tuple[str, str, str]] = {
    "epub": ("epub", "rsbz_epub.writers.epub:write_epub", "{name}.epub"),
    "kindle": ("kindle", "rsbz_epub.writers.kindle_epub:write_kindle_epub", "{name}.kindle.epub"),
    "azw3": ("kindle", "rsbz_epub.writers.azw3:write_azw3", "{name}.azw3"),
    "kepub": ("epub", "rsbz_epub.writers.kepub:write_kepub", "{name}.kepub.epub"),
}


def _writer(spec: str) -> Callable[[RenderedBook, BinaryIO], None]:
    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class OutputFile:
    """One file of an edition folder: its size and SHA-256, and its bytes when built in memory."""

    name: str
    format: str
    size: int
    sha256: str
    data: bytes | None = None  # None once written to its file (build_and_write)

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


class FileStore(Protocol):
    """Where an edition's files go as they are made (its bytes, or a function writing them to a stream)."""

    def put(self, name: str, content: bytes | Callable[[BinaryIO], None]) -> tuple[int, str, bytes | None]:
        """Store one file; return its size, SHA-256, and its bytes when the store keeps them."""
        ...


class _Memory:
    """Keeps each file's bytes (``build_issue``: nothing is written)."""

    def put(self, name: str, content: bytes | Callable[[BinaryIO], None]) -> tuple[int, str, bytes | None]:
        if not isinstance(content, bytes):
            buf = io.BytesIO()
            content(buf)
            content = buf.getvalue()
        return len(content), hashlib.sha256(content).hexdigest(), content


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
    #: What the manifests record: generator, input (name, SHA-256) and options.
    record: dict[str, object]
    #: Files a user had added to earlier folders, kept by write_build ("folder/file").
    kept_files: list[str] = field(default_factory=list)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.issue.diagnostics


def input_digest(data: bytes) -> str:
    """The SHA-256 of an input, as manifests record it."""
    return hashlib.sha256(data).hexdigest()


def prepare_issue(data: bytes, options: BuildOptions) -> Issue:
    """Read and stitch: the Simplified issue every edition starts from."""
    from rsbz_epub.reader import read_issue
    from rsbz_epub.transforms.stitch import stitch_jumps

    issue = read_issue(data, options.read)  # decode, normalise, masthead, pages, articles, paragraphs
    issue = stitch_jumps(issue, keep_print_order=options.keep_print_order)  # continued articles in one piece
    return finish_issue(issue, data)


def finish_issue(issue: Issue, data: bytes) -> Issue:
    """What every edition starts from after reading and stitching, in order:
    1. section_levels   — 一、 > （一） > 1. > （1） as h2 > h3 > h4;
    2. promos_last      — the book opens on news, promos close their 版;
    3. identify_undated — an undated issue is named by its input's hash.
    """
    from rsbz_epub.transforms.promos import promos_last
    from rsbz_epub.transforms.sections import section_levels

    return identify_undated(promos_last(section_levels(issue)), data)


def identify_undated(issue: Issue, data: bytes) -> Issue:
    """An issue whose masthead names no date is named and identified by its input's hash."""
    if issue.meta.date is None:
        # undated: name and identify the issue by its input, or every undated issue shares one
        digest = input_digest(data)[:8]
        note = Diagnostic("B001", f"the masthead names no date; folder and identifier take the input's hash ({digest})", issue.meta.source_lines[0] if issue.meta.source_lines else None)
        issue = replace(issue, meta=replace(issue.meta, source_digest=digest), diagnostics=issue.diagnostics + (note,))
    return issue


@dataclass(frozen=True)
class ProofSource:
    """What the proof page shows on its left: the input's name and every line's role."""

    name: str
    trace: tuple[LineRole, ...]


def issue_folders(issue: Issue, options: BuildOptions) -> list[str]:
    """The folder of every edition a build of ``issue`` writes, in build order."""
    return [folder_name(replace(issue.meta, edition=ed)) for ed in _editions(options)]


def build_edition(issue: Issue, edition: str, options: BuildOptions, record: dict[str, object] | None = None,
                  proof: ProofSource | None = None, store_for: Callable[[str], FileStore] | None = None) -> EditionBuild:
    """Build every requested format of one edition of a read issue.

    Each file goes to ``store_for(folder name)`` as soon as it is made (default: kept in memory).

    Steps, in order:
    1. convert_issue — Simplified → Traditional on the IR (optional: Traditional editions only),
       so titles, contents, metadata and the cover are converted too.
    2. make_cover — the cover image every format shares (mandatory: readers and libraries show it).
    3. render_book(epub) → write_epub — the library-grade EPUB 3 (format "epub").
    4. write_kepub — from the same book: Kobo's renderer wants per-sentence spans (format "kepub").
    5. render_book(kindle) → write_kindle_epub — Send-to-Kindle-safe EPUB (format "kindle").
    6. write_azw3 + thumbnail + APNX — KF8 for USB sideloading, with the cover thumbnail Kindles need and
       the print 版 as Kindle page numbers (format "azw3").
    7. proof.html — the staff proof page of this edition (optional: ``--proof``).
    8. manifest.json — sizes and SHA-256 of every file, what ingest scripts read (mandatory).

    Each rendered book is dropped after its last format (steps 3–4, then 5–6: one book in memory
    at a time); the files are listed in the order the formats were asked all the same.
    """
    from rsbz_epub.render.xhtml import render_book
    from rsbz_epub.writers.cover import make_cover

    pub = options.read.publication
    if edition == "hans":
        meta_issue = issue  # nothing to convert: OpenCC is not even loaded
    else:
        from rsbz_epub.transforms.chinese import convert_issue

        meta_issue = convert_issue(issue, edition, publication=pub, keep_quotes=options.keep_quotes)
    meta = meta_issue.meta
    when = build_time(meta, options.source_date_epoch)
    name = folder_name(meta)
    cover = make_cover(meta, pub, options.cover_font)
    store = store_for(name) if store_for is not None else _Memory()

    def put(file_name: str, fmt: str, content: bytes | Callable[[BinaryIO], None]) -> OutputFile:
        return OutputFile(file_name, fmt, *store.put(file_name, content))

    files = [put("cover.jpg", "cover", cover)]

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

    # One rendered book at a time (a big issue's is megabytes): every format of a target is made
    # from its book, which is then dropped.
    made: dict[str, list[OutputFile]] = {}
    for target in dict.fromkeys(_WRITERS[fmt][0] for fmt in options.formats):
        book = render(target)
        for fmt in (f for f in options.formats if _WRITERS[f][0] == target):
            made[fmt] = _format_files(fmt, book, name, cover, put)
        del book
    files += [f for fmt in options.formats for f in made[fmt]]
    if proof is not None:  # staff check what the reader decided before the issue goes out
        from rsbz_epub.proof import PROOF_NAME, proof_page

        files.append(put(PROOF_NAME, "proof", proof_page(meta_issue, proof.trace, proof.name)))
    files.append(put("manifest.json", "manifest", manifest_json(meta_issue, name, files, record)))
    return EditionBuild(edition, name, meta_issue, tuple(files))


def _format_files(fmt: str, book: RenderedBook, name: str, cover: bytes,
                  put: Callable[[str, str, bytes | Callable[[BinaryIO], None]], OutputFile]) -> list[OutputFile]:
    """The files of one format: its book file, and for AZW3 the thumbnail and the APNX page map."""
    _, spec, pattern = _WRITERS[fmt]
    out = [put(pattern.format(name=name), fmt, partial(_writer(spec), book))]
    if fmt == "azw3":  # Kindles show a sideloaded book's cover only from this thumbnail
        from rsbz_epub.writers.azw3 import thumbnail_name, write_apnx
        from rsbz_epub.writers.cover import make_thumbnail

        out.append(put(thumbnail_name(book), "thumbnail", make_thumbnail(cover)))
        if book.page_list:  # print page numbers on the Kindle (goes into <name>.sdr/)
            out.append(put(f"{name}.apnx", "apnx", partial(write_apnx, book)))
    return out


def build_issue(data: bytes, options: BuildOptions, source_name: str = "") -> IssueBuild:
    """Bytes of one raw issue → every edition × format, in memory (nothing written).

    ``source_name`` (the input's file name) goes into each manifest with the input's
    SHA-256, so a later build can tell an update of this input from a different one.
    With ``--proof`` the reader's trace of every line is kept for the proof page.
    """
    issue, record, proof = _read_for_build(data, options, source_name)
    del data  # read, and its digest is in the record: not kept while the books are made
    editions = tuple(build_edition(issue, ed, options, record, proof) for ed in _editions(options))
    return IssueBuild(issue, editions, record)


def build_and_write(data: bytes, options: BuildOptions, out_dir: Path, source_name: str = "", force: bool = False) -> tuple[IssueBuild, list[Path]]:
    """``build_issue`` then ``write_build``, but each file is written to the issue's staging folder
    as soon as it is made, so the books are never all in memory at once (about 17 MB of them for
    a 5 MB issue).  The same guarantees: a folder of another input is refused before anything is
    built, and the editions are swapped in all or none (a failure leaves no partial file)."""
    from rsbz_epub.swap import Staging

    issue, record, proof = _read_for_build(data, options, source_name)
    del data  # read, and its digest is in the record: not kept while the books are made
    folders = issue_folders(issue, options)
    _refuse_foreign(out_dir, folders, record, force)
    with Staging(out_dir, folders[0]) as staging:
        editions = tuple(build_edition(issue, ed, options, record, proof, staging.folder) for ed in _editions(options))
        kept = staging.commit()
    return IssueBuild(issue, editions, record, kept), [out_dir / ed.folder for ed in editions]


def _read_for_build(data: bytes, options: BuildOptions, source_name: str) -> tuple[Issue, dict[str, object], ProofSource | None]:
    """Read the issue (with its trace under ``--proof``), refuse warnings under ``--strict``, make the manifest record."""
    proof = None
    if options.proof:
        from rsbz_epub.proof import read_traced

        issue, trace = read_traced(data, options)
        issue = finish_issue(issue, data)
        proof = ProofSource(source_name or "issue.txt", trace)
    else:
        issue = prepare_issue(data, options)
    warnings = [d for d in issue.diagnostics if d.severity == "warning"]
    if options.strict and warnings:
        first = warnings[0]
        raise StrictError(
            f"{len(warnings)} warning(s) under --strict, first [{first.code}] {first.message}",
            line=first.line,
            hint="fix the input (see `rsbz-epub check`) or drop --strict",
        )
    return issue, build_record(source_name, input_digest(data), options, build_epoch(options)), proof


def build_epoch(options: BuildOptions) -> int | None:
    """The build time the options or SOURCE_DATE_EPOCH fix (None: the issue date is used)."""
    from rsbz_epub.identity import source_date_epoch_from_env

    return options.source_date_epoch if options.source_date_epoch is not None else source_date_epoch_from_env()


def _editions(options: BuildOptions) -> list[str]:
    """The original is always built; Traditional editions are added in the order asked."""
    wanted = ["hans"] + [e for e in options.editions if e != "hans"]
    return list(dict.fromkeys(wanted))


# ------------------------------------------------------------------ files


def ensure_output_dir(out_dir: Path) -> None:
    """Create the output folder or fail with a clear OutputError."""
    try:
        if out_dir.exists() and not out_dir.is_dir():
            raise OutputError("output path is a file, not a folder", path=str(out_dir), hint="give a folder with -o")
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder ({exc.strerror})", path=str(out_dir), hint="choose a writable folder with -o") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError("output folder is not writable", path=str(out_dir), hint="choose a writable folder with -o")


def write_build(build: IssueBuild, out_dir: Path, force: bool = False) -> list[Path]:
    """Write every edition folder of one issue, replacing earlier ones all or none (see swap.py).

    A folder built from a different input (another file name and other bytes) is
    refused unless ``force``: the earlier issue would be lost.
    """
    from rsbz_epub.swap import replace_folders

    _refuse_foreign(out_dir, [ed.folder for ed in build.editions], build.record, force)
    if any(f.data is None for ed in build.editions for f in ed.files):
        raise ValueError("write_build needs a build made in memory (build_issue)")
    kept = replace_folders(out_dir, [(ed.folder, [(f.name, f.data or b"") for f in ed.files]) for ed in build.editions])
    build.kept_files.extend(kept)
    return [out_dir / ed.folder for ed in build.editions]


def _refuse_foreign(out_dir: Path, folders: list[str], record: dict[str, object], force: bool) -> None:
    """Create the output folder; refuse (unless ``force``) a folder built from a different input."""
    ensure_output_dir(out_dir)
    source = record["input"]
    assert isinstance(source, dict)
    if not force:
        for folder in folders:
            why = foreign_input(out_dir / folder, source["name"], source["sha256"])
            if why:
                raise OutputError(f"{out_dir / folder}/ {why}; not replaced", hint="give another -o, or --force to replace it")


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
