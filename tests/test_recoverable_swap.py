"""Replacing an issue's folders: editions all or none, a crash finished or undone by the next run,
stale temporaries cleaned, files a user added kept."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_support import CliRunner

from rsbz_epub import swap
from rsbz_epub.cli import main
from rsbz_epub.errors import ExitCode, OutputError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"
runner = CliRunner()
FOLDERS = ["rsbz-2021-040", "rsbz-2021-040-hant-tw"]


class Crash(BaseException):
    """Stands for SIGKILL: nothing catches it, nothing cleans up after it."""


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def two_editions(out: Path, epoch: str, *extra: str):
    return runner.invoke(main, ["build", str(SEED), "-o", str(out), "--format", "epub", "-e", "tw", *extra], env={"SOURCE_DATE_EPOCH": epoch})


@pytest.fixture
def built(tmp_path) -> Path:
    out = tmp_path / "out"
    assert two_editions(out, "1600000000").exit_code == 0
    return out


def test_editions_are_replaced_all_or_none(built, monkeypatch):
    before = snapshot(built)
    real = os.rename

    def tw_is_read_only(src, dst):
        if Path(src).name == "rsbz-2021-040-hant-tw" and Path(src).parent == built:
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(swap.os, "rename", tw_is_read_only)
    result = two_editions(built, "1700000000", "--force")  # a new build differs in its dates
    assert result.exit_code == ExitCode.CANT_CREATE, result.output
    assert "Permission denied" in result.output and "no edition" in result.output
    assert snapshot(built) == before, "the Simplified folder must not be the new build while tw is the old"
    assert sorted(p.name for p in built.iterdir()) == FOLDERS


@pytest.mark.parametrize("crash_at", [1, 2, 3, 4])
def test_a_crash_during_the_swap_is_finished_by_the_next_run(built, monkeypatch, crash_at):
    """Renames: tw.part→COMMIT is 0; then per folder old-aside, new-in. A crash after COMMIT rolls forward."""
    real, calls = os.rename, []

    def crashing(src, dst):
        calls.append(src)
        if len(calls) == crash_at + 1:
            raise Crash
        return real(src, dst)

    with monkeypatch.context() as killed:
        killed.setattr(swap.os, "rename", crashing)
        killed.setattr(swap.shutil, "rmtree", lambda *a, **k: None)  # a killed process cleans nothing up
        with pytest.raises(Crash):
            two_editions(built, "1700000000", "--force")
    notes = swap.recover(built)
    assert notes
    assert sorted(p.name for p in built.iterdir()) == FOLDERS, "no .tmp/.old left, every edition in place"
    manifest = (built / "rsbz-2021-040-hant-tw" / "manifest.json").read_text(encoding="utf-8")
    assert '"source_date_epoch": 1700000000' in manifest, "the committed build was finished"
    assert '"source_date_epoch": 1700000000' in (built / "rsbz-2021-040" / "manifest.json").read_text(encoding="utf-8")


def test_a_crash_before_the_commit_keeps_the_earlier_build(built, monkeypatch):
    before = snapshot(built)
    real_write = swap._write

    def crash_on_commit(path, data):
        if Path(path).name.startswith("COMMIT"):
            raise Crash
        return real_write(path, data)

    with monkeypatch.context() as killed:
        killed.setattr(swap, "_write", crash_on_commit)
        killed.setattr(swap.shutil, "rmtree", lambda *a, **k: None)  # a killed process cleans nothing up
        with pytest.raises(Crash):
            two_editions(built, "1700000000", "--force")
    assert any(p.name.endswith(".tmp") for p in built.iterdir())
    swap.recover(built)
    assert snapshot(built) == before
    assert sorted(p.name for p in built.iterdir()) == FOLDERS


def test_an_earlier_version_s_leftovers_are_restored_and_cleaned(built):
    before = snapshot(built)
    old = built / ".rsbz-2021-040.k3j4h5g6.old"
    old.mkdir()
    os.rename(built / "rsbz-2021-040", old / "rsbz-2021-040")  # killed between its two renames
    (built / ".rsbz-2021-040.a1b2c3d4.tmp").mkdir()
    (built / ".catalog.xml.zz9yy8xx.tmp").write_text("half")
    result = two_editions(built, "1600000000")  # the next run recovers, then finds all up to date
    assert result.exit_code == 0, result.output
    assert "restored rsbz-2021-040/" in result.output
    assert snapshot(built) == before
    assert sorted(p.name for p in built.iterdir()) == FOLDERS


def test_a_full_disk_is_a_clear_error_and_the_earlier_build_survives(built, monkeypatch):
    before = snapshot(built)

    def full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(swap, "_write", full)
    result = two_editions(built, "1700000000", "--force")
    assert result.exit_code == ExitCode.CANT_CREATE
    assert "No space left on device" in result.output
    assert snapshot(built) == before
    assert sorted(p.name for p in built.iterdir()) == FOLDERS


def test_no_inodes_for_the_staging_folder_is_a_clear_error(tmp_path, monkeypatch):
    def no_inodes(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "mkdir", no_inodes)
    with pytest.raises(OutputError, match="No space left"):
        swap.replace_folders(tmp_path, [("x", [("a.txt", b"a")])])


def test_files_a_user_added_are_kept_on_rebuild(built):
    (built / "rsbz-2021-040" / "notes.txt").write_text("library accession 123", encoding="utf-8")
    result = two_editions(built, "1700000000", "--force")
    assert result.exit_code == 0, result.output
    assert (built / "rsbz-2021-040" / "notes.txt").read_text(encoding="utf-8") == "library accession 123"
    assert "kept 1 file(s) you added: rsbz-2021-040/notes.txt" in result.output


def test_sigkill_at_random_moments_never_loses_the_earlier_build(tmp_path):
    """Real SIGKILLs: after each, the issue folder (when there) is byte-identical, and the next run leaves no temporary."""
    out = tmp_path / "out"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1600000000"}
    command = [sys.executable, "-m", "rsbz_epub", "build", str(SEED), "-o", str(out), "--format", "epub,kindle", "--force"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    before = snapshot(out)
    rng = random.Random(12)
    for _ in range(4):
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        visible = {k: v for k, v in snapshot(out).items() if not k.startswith(".")}
        assert all(before[k] == v for k, v in visible.items()), "a visible file changed"
        swap.recover(out)
        assert snapshot(out) == before
        assert [p.name for p in out.iterdir()] == ["rsbz-2021-040"]
