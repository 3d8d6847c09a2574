"""Rebuilds: an up-to-date issue is skipped with a line saying so, a changed one is rebuilt, --force rebuilds all."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cli_support import CliRunner

from rsbz_epub import __version__
from rsbz_epub.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"
OTHER = ROOT / "examples" / "rsbz-2021-41.txt"
runner = CliRunner()


def build(*args: str):
    return runner.invoke(main, ["build", *args])


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir())}


def test_manifest_records_input_hash_options_and_version(tmp_path):
    assert build(str(SEED), "-o", str(tmp_path), "--format", "epub").exit_code == 0
    doc = json.loads((tmp_path / "rsbz-2021-040" / "manifest.json").read_text(encoding="utf-8"))
    assert doc["generator"] == f"rsbz-epub {__version__}"
    assert doc["input"] == {"name": SEED.name, "sha256": hashlib.sha256(SEED.read_bytes()).hexdigest()}
    assert doc["options"]["formats"] == ["epub"]
    assert doc["options"]["publication"]["slug"] == "rsbz"


def test_unchanged_issue_is_skipped_with_a_line_saying_so(tmp_path):
    assert build(str(SEED), "-o", str(tmp_path), "--format", "epub").exit_code == 0
    before = stamps(tmp_path / "rsbz-2021-040")
    again = build(str(SEED), "-o", str(tmp_path), "--format", "epub")
    assert again.exit_code == 0
    assert "up to date" in again.output and "rsbz-2021-040/" in again.output
    assert stamps(tmp_path / "rsbz-2021-040") == before, "an up-to-date folder is not rewritten"


def test_force_rebuilds_an_up_to_date_issue(tmp_path):
    assert build(str(SEED), "-o", str(tmp_path), "--format", "epub").exit_code == 0
    before = (tmp_path / "rsbz-2021-040" / "rsbz-2021-040.epub").stat().st_ino
    forced = build(str(SEED), "-o", str(tmp_path), "--format", "epub", "--force")
    assert forced.exit_code == 0 and "up to date" not in forced.output
    assert (tmp_path / "rsbz-2021-040" / "rsbz-2021-040.epub").stat().st_ino != before


def test_changed_options_rebuild(tmp_path):
    assert build(str(SEED), "-o", str(tmp_path), "--format", "epub").exit_code == 0
    result = build(str(SEED), "-o", str(tmp_path), "--format", "epub,kepub")
    assert result.exit_code == 0 and "up to date" not in result.output
    assert (tmp_path / "rsbz-2021-040" / "rsbz-2021-040.kepub.epub").exists()


def test_changing_one_file_rebuilds_just_that_issue(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    a, b = src / SEED.name, src / OTHER.name
    a.write_bytes(SEED.read_bytes())
    b.write_bytes(OTHER.read_bytes())
    out = tmp_path / "out"
    assert build(str(a), str(b), "-o", str(out), "--format", "epub", "-j", "1").exit_code == 0
    a_before, b_before = stamps(out / "rsbz-2021-040"), stamps(out / "rsbz-2021-041")
    b.write_bytes(OTHER.read_bytes().replace("。".encode(), "。".encode(), 1) + "\n补记一句。\n".encode())
    result = build(str(a), str(b), "-o", str(out), "--format", "epub", "-j", "1")
    assert result.exit_code == 0, result.output
    assert stamps(out / "rsbz-2021-040") == a_before
    assert stamps(out / "rsbz-2021-041") != b_before
    assert "skipped" in result.output and "built" in result.output  # the summary table


def test_a_damaged_folder_is_not_up_to_date(tmp_path):
    assert build(str(SEED), "-o", str(tmp_path), "--format", "epub").exit_code == 0
    book = tmp_path / "rsbz-2021-040" / "rsbz-2021-040.epub"
    book.write_bytes(book.read_bytes()[:100])
    result = build(str(SEED), "-o", str(tmp_path), "--format", "epub")
    assert result.exit_code == 0 and "up to date" not in result.output
    assert book.stat().st_size > 100
