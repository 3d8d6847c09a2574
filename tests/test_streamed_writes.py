"""A build writes each book to the issue's staging folder as it is made (never all in memory):
the files are the in-memory build's, byte for byte, and a failure midway leaves no partial file."""

from __future__ import annotations

from pathlib import Path

from cli_support import CliRunner

from rsbz_epub.bundle import build_and_write, build_issue, write_build
from rsbz_epub.cli import main
from rsbz_epub.errors import ExitCode
from rsbz_epub.options import BuildOptions

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_streamed_files_are_the_in_memory_build_byte_for_byte(tmp_path):
    options = BuildOptions(editions=("tw",), source_date_epoch=1600000000)
    data = SEED.read_bytes()
    write_build(build_issue(data, options, SEED.name), tmp_path / "memory")
    streamed, folders = build_and_write(data, options, tmp_path / "streamed", SEED.name)
    assert snapshot(tmp_path / "streamed") == snapshot(tmp_path / "memory")
    assert [p.name for p in folders] == ["rsbz-2021-040", "rsbz-2021-040-hant-tw"]
    assert all(f.data is None and f.size > 0 for ed in streamed.editions for f in ed.files)


def test_a_failure_after_some_books_were_written_leaves_the_earlier_build(tmp_path, monkeypatch):
    out = tmp_path / "out"
    command = ["build", str(SEED), "-o", str(out), "--format", "epub,kindle", "-e", "tw"]
    assert CliRunner().invoke(main, command, env={"SOURCE_DATE_EPOCH": "1600000000"}).exit_code == 0
    before = snapshot(out)

    def half_written(book, stream):
        stream.write(b"PK\x03\x04 half a book")
        raise OSError(28, "No space left on device")

    # The EPUB of the first edition is already in the staging folder when the Kindle EPUB fails.
    monkeypatch.setattr("rsbz_epub.writers.kindle_epub.write_kindle_epub", half_written)
    result = CliRunner().invoke(main, [*command, "--force"], env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.exit_code == ExitCode.CANT_CREATE, result.output
    assert "No space left on device" in result.output
    assert snapshot(out) == before, "no staging folder left, no edition changed"
