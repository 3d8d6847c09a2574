"""What an edition folder was built from, and whether it is up to date.

Every manifest.json records the input (file name and SHA-256), the options that shape
the files, and the tool version.  A folder is up to date when all three match and every
file it lists is there with its size; a folder built from a *different* input (another
file name and other bytes) is not ours to replace without ``--force``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from rsbz_epub import __version__
from rsbz_epub.options import BuildOptions

GENERATOR = f"rsbz-epub {__version__}"
MANIFEST = "manifest.json"


def options_record(options: BuildOptions, source_date_epoch: int | None) -> dict[str, object]:
    """The options that change the files, as JSON-ready data (a stylesheet by its hash)."""
    return {
        "formats": list(options.formats),
        "keep_print_order": options.keep_print_order,
        "keep_quotes": options.keep_quotes,
        "vertical": options.vertical,
        "css_sha256": hashlib.sha256(options.extra_css.encode("utf-8")).hexdigest() if options.extra_css else None,
        "cover_font": options.cover_font,
        "source_date_epoch": source_date_epoch,
        "encoding": options.read.encoding,
        "publication": dataclasses.asdict(options.read.publication),
    }


def build_record(input_name: str, input_sha256: str, options: BuildOptions, source_date_epoch: int | None) -> dict[str, object]:
    """The manifest's record of what a folder was built from."""
    return {
        "generator": GENERATOR,
        "input": {"name": input_name, "sha256": input_sha256},
        "options": options_record(options, source_date_epoch),
    }


@dataclass(frozen=True)
class BuiltFolder:
    """One edition folder found in the output, as its manifest describes it."""

    name: str
    edition: str
    record: dict[str, object]  # generator, input, options (empty for manifests of older versions)
    files: tuple[tuple[str, int], ...]  # (file name, size)


def read_folder(folder: Path) -> BuiltFolder | None:
    """The folder's manifest, or None when it has none we can read (not built by us)."""
    try:
        doc = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = tuple((str(f["name"]), int(f["size"])) for f in doc["files"])
        record = {k: doc[k] for k in ("generator", "input", "options") if k in doc}
        return BuiltFolder(folder.name, str(doc["edition"]), record, files)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def input_of(built: BuiltFolder) -> tuple[str, str] | None:
    """(file name, SHA-256) of the input a folder was built from; None for older manifests."""
    source = built.record.get("input")
    if isinstance(source, dict) and isinstance(source.get("name"), str) and isinstance(source.get("sha256"), str):
        return source["name"], source["sha256"]
    return None


def is_intact(folder: Path, built: BuiltFolder) -> bool:
    """Every file the manifest lists is there with its size."""
    try:
        return all((folder / name).stat().st_size == size for name, size in built.files)
    except OSError:
        return False


class OutputIndex:
    """The edition folders already in an output folder, found by the input they came from."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._by_input: dict[str, dict[str, BuiltFolder]] = {}
        try:
            manifests = sorted(out_dir.glob(f"*/{MANIFEST}"))
        except OSError:
            manifests = []
        for path in manifests:
            built = read_folder(path.parent)
            source = input_of(built) if built else None
            if built and source:
                self._by_input.setdefault(source[1], {})[built.edition] = built

    def up_to_date(self, record: dict[str, object], editions: list[str]) -> list[str] | None:
        """The folders of an input already built with ``record`` (all editions, intact), else None."""
        source = record["input"]
        assert isinstance(source, dict)
        found = self._by_input.get(source["sha256"], {})
        folders = []
        for edition in editions:
            built = found.get(edition)
            if built is None or built.record != record or not is_intact(self.out_dir / built.name, built):
                return None
            folders.append(built.name)
        return folders


def foreign_input(folder: Path, input_name: str, input_sha256: str) -> str | None:
    """Why ``folder`` must not be replaced by a build of this input (None: it may be).

    A folder is ours to replace when it does not exist, when its manifest predates
    input records, or when it was built from the same file name or the same bytes.
    """
    if not folder.exists():
        return None
    built = read_folder(folder)
    if built is None:
        return "holds files not built by rsbz-epub (no readable manifest.json)"
    source = input_of(built)
    if source is None or source[0] == input_name or source[1] == input_sha256:
        return None
    return f"was built from a different input, {source[0]}"
