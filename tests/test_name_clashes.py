"""Two inputs never share a folder: clashes in one run are refused before any write, a folder
built from a different input is not replaced without --force, and undated issues get names of their own."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import CliRunner

from rsbz_epub.cli import main
from rsbz_epub.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"
runner = CliRunner()


def build(*args: str):
    return runner.invoke(main, ["build", *args])


def variant(tmp_path: Path, name: str = "b.txt") -> Path:
    """The review's example: the seed with one title changed, so the same masthead."""
    b = tmp_path / name
    b.write_text(SEED.read_text(encoding="utf-8").replace("外交官走进世赛", "外交官走进技能大赛"), encoding="utf-8")
    return b


def undated(tmp_path: Path, name: str, extra: str) -> Path:
    text = SEED.read_text(encoding="utf-8").replace("2021年10月21日 第40期(周四出版)", "")
    path = tmp_path / name
    path.write_text(text + f"\n{extra}\n", encoding="utf-8")
    return path


def test_two_inputs_for_one_folder_are_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    b = variant(tmp_path)
    result = build(str(SEED), str(b), "-o", str(out), "--format", "epub")
    assert result.exit_code == ExitCode.USAGE, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1
    assert str(SEED) in errors[0] and str(b) in errors[0] and "rsbz-2021-040/" in errors[0]
    assert not out.exists() or list(out.iterdir()) == []


def test_a_folder_built_from_a_different_input_is_not_replaced(tmp_path):
    out = tmp_path / "out"
    assert build(str(SEED), "-o", str(out), "--format", "epub").exit_code == 0
    before = (out / "rsbz-2021-040" / "rsbz-2021-040.epub").read_bytes()
    b = variant(tmp_path)
    result = build(str(b), "-o", str(out), "--format", "epub")
    assert result.exit_code == ExitCode.CANT_CREATE, result.output
    assert "different input" in result.output and SEED.name in result.output and "--force" in result.output
    assert (out / "rsbz-2021-040" / "rsbz-2021-040.epub").read_bytes() == before
    forced = build(str(b), "-o", str(out), "--format", "epub", "--force")
    assert forced.exit_code == 0, forced.output
    doc = json.loads((out / "rsbz-2021-040" / "manifest.json").read_text(encoding="utf-8"))
    assert doc["input"]["name"] == "b.txt"


def test_an_updated_input_of_the_same_name_replaces_its_folder(tmp_path):
    out = tmp_path / "out"
    a = tmp_path / SEED.name
    a.write_bytes(SEED.read_bytes())
    assert build(str(a), "-o", str(out), "--format", "epub").exit_code == 0
    a.write_text(SEED.read_text(encoding="utf-8").replace("外交官走进世赛", "外交官走进技能大赛"), encoding="utf-8")
    result = build(str(a), "-o", str(out), "--format", "epub")
    assert result.exit_code == 0, result.output


def test_a_folder_not_built_by_us_is_not_replaced(tmp_path):
    out = tmp_path / "out"
    (out / "rsbz-2021-040").mkdir(parents=True)
    (out / "rsbz-2021-040" / "notes.txt").write_text("mine")
    result = build(str(SEED), "-o", str(out), "--format", "epub")
    assert result.exit_code == ExitCode.CANT_CREATE
    assert (out / "rsbz-2021-040" / "notes.txt").read_text() == "mine"


def test_the_same_file_given_twice_is_built_once(tmp_path):
    result = build(str(SEED), str(SEED), "-o", str(tmp_path), "--format", "epub")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["rsbz-2021-040"]


def test_undated_inputs_get_folders_and_identifiers_of_their_own(tmp_path):
    a = undated(tmp_path, "a.txt", "第一份无日期的稿子。")
    b = undated(tmp_path, "b.txt", "第二份无日期的稿子。")
    out = tmp_path / "out"
    result = build(str(a), str(b), "-o", str(out), "--format", "epub", "-j", "2")
    assert result.exit_code == 0, result.output
    folders = sorted(p.name for p in out.iterdir())
    assert len(folders) == 2 and all(f.startswith("rsbz-undated-") for f in folders), folders
    assert "rsbz-undated-000" not in folders
    ids = {json.loads((out / f / "manifest.json").read_text(encoding="utf-8"))["metadata"]["identifier"] for f in folders}
    assert len(ids) == 2, "each undated issue has its own urn:uuid"
    assert "B001" in result.output and "hash" in result.output  # and the build says so
