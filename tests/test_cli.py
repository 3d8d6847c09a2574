"""The command line run in-process (tests/cli_support.py): exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_support import CliRunner

from rsbz_epub.cli import main
from rsbz_epub.errors import ExitCode

SEED = Path(__file__).resolve().parents[1] / "examples" / "rsbz-2021-40.txt"

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(main, list(args))


def assert_one_line_error(result, code: int, *needles: str) -> None:
    assert result.exit_code == code, result.output
    lines = [l for l in result.output.splitlines() if l.strip()]
    errors = [l for l in lines if l.startswith("error: ")]
    assert len(errors) == 1, result.output
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in errors[0]
    assert " — " in errors[0], "the message must say what to do"


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.startswith("rsbz-epub ")


def test_main_returns_exit_code_for_missing_file(tmp_path):
    assert main(["check", str(tmp_path / "nope.txt")]) == ExitCode.NO_INPUT


@pytest.mark.parametrize("command", ["build", "check"])
def test_missing_file(tmp_path, command):
    missing = tmp_path / "missing.txt"
    result = invoke(command, str(missing), *(["-o", str(tmp_path / "out")] if command == "build" else []))
    assert_one_line_error(result, ExitCode.NO_INPUT, str(missing), "no such file")


def test_directory_given(tmp_path):
    result = invoke("check", str(tmp_path))
    assert_one_line_error(result, ExitCode.NO_INPUT, "folder")


@pytest.mark.parametrize(
    "content",
    [b"", b"\n\n  \n", bytes(range(256)) * 8, b"\x89PNG\r\n\x1a\n" + b"\x00" * 200],
    ids=["empty", "blank", "binary", "png"],
)
def test_unreadable_content_is_data_error(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = invoke("build", str(bad), "-o", str(tmp_path / "out"))
    assert_one_line_error(result, ExitCode.DATA, str(bad))
    assert not any((tmp_path / "out").iterdir()), "nothing may be left behind"


def test_text_without_article_is_data_error(tmp_path):
    bad = tmp_path / "masthead-only.txt"
    bad.write_text("人力资源社会保障\n\nRENLI ZIYUAN SHEHUI BAOZHANG\n\n2021年10月21日 第40期\n", encoding="utf-8")
    result = invoke("check", str(bad))
    assert_one_line_error(result, ExitCode.DATA, str(bad))


def test_bad_config_key(tmp_path):
    cfg = tmp_path / "paper.toml"
    cfg.write_text("[publication]\ntitel = '劳动报'\n", encoding="utf-8")
    result = invoke("build", str(SEED), "--config", str(cfg), "-o", str(tmp_path / "out"))
    assert_one_line_error(result, ExitCode.CONFIG, str(cfg), "publication.titel")


def test_missing_config(tmp_path):
    result = invoke("check", str(SEED), "--config", str(tmp_path / "none.toml"))
    assert_one_line_error(result, ExitCode.CONFIG, "none.toml")


def test_output_is_a_file(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    result = invoke("build", str(SEED), "-o", str(target))
    assert_one_line_error(result, ExitCode.CANT_CREATE, str(target))


def test_unwritable_output(tmp_path, monkeypatch):
    """A folder the user may not write to (simulated: the tests run as root, who may write anywhere)."""
    import rsbz_epub.bundle as bundle

    ro = tmp_path / "ro"
    ro.mkdir()
    real_access = os.access
    monkeypatch.setattr(bundle.os, "access", lambda path, mode: False if Path(path) == ro else real_access(path, mode))
    result = invoke("build", str(SEED), "-o", str(ro))
    assert_one_line_error(result, ExitCode.CANT_CREATE, str(ro), "not writable")
    assert list(ro.iterdir()) == []


def test_unknown_edition_and_format_are_usage_errors(tmp_path):
    assert invoke("build", str(SEED), "--edition", "xx").exit_code == ExitCode.USAGE
    assert invoke("build", str(SEED), "--format", "pdf").exit_code == ExitCode.USAGE


def test_check_tree_shows_structure_and_warnings():
    result = invoke("check", str(SEED))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "外交官走进世赛" in out and "局长走流程" in out
    assert "2021-10-21" in out and "第40期" in out
    assert "unresolved" in out  # (下接三版): page 3 is not in the file
    assert f"{SEED}:" in out  # warnings point at input lines


def test_check_strict_fails_on_warnings():
    assert invoke("check", str(SEED), "--strict").exit_code == ExitCode.WARNINGS


def test_check_json_is_the_ir():
    result = invoke("check", "--json", str(SEED))
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["type"] == "Issue"
    assert data["meta"]["date"] == "2021-10-21"
    titles = [a["title"] for p in data["pages"] for a in p["articles"] if a["kind"] == "article"]
    assert titles == ["“外交官走进世赛”主题活动在沪成功举办", "赵永峰局长在“局长走流程”推进大会上的讲话"]


def test_build_strict_fails_and_writes_nothing(tmp_path):
    result = invoke("build", str(SEED), "--strict", "-o", str(tmp_path / "out"))
    assert_one_line_error(result, ExitCode.WARNINGS, str(SEED))
    assert not (tmp_path / "out" / "rsbz-2021-040").exists()


def test_batch_goes_on_after_a_failure(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = invoke("build", str(bad), str(SEED), "-o", str(tmp_path / "out"), "--format", "epub", "--jobs", "2")
    assert result.exit_code == ExitCode.FAILED, result.output
    assert (tmp_path / "out" / "rsbz-2021-040" / "rsbz-2021-040.epub").is_file()
    assert "1 of 2 issue(s) failed" in result.output


def test_build_then_catalog(tmp_path):
    out = tmp_path / "out"
    result = invoke("build", str(SEED), "-o", str(out), "--format", "epub")
    assert result.exit_code == 0, result.output
    folder = out / "rsbz-2021-040"
    assert sorted(p.name for p in folder.iterdir()) == ["cover.jpg", "manifest.json", "rsbz-2021-040.epub"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temp folders must be gone"
    result = invoke("catalog", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "catalog.xml").is_file() and (out / "index.html").is_file()


def test_catalog_of_empty_folder(tmp_path):
    assert_one_line_error(invoke("catalog", str(tmp_path)), ExitCode.NO_INPUT, "no built issues")


def test_failed_write_leaves_earlier_build_intact(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert invoke("build", str(SEED), "-o", str(out), "--format", "epub").exit_code == 0
    before = (out / "rsbz-2021-040" / "rsbz-2021-040.epub").read_bytes()
    import rsbz_epub.bundle as bundle

    real_rename = os.rename

    def failing_rename(src, dst):
        if str(dst).endswith("rsbz-2021-040") and ".tmp" in str(src):
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(bundle.os, "rename", failing_rename)
    result = invoke("build", str(SEED), "-o", str(out), "--format", "epub", "--force")
    assert_one_line_error(result, ExitCode.CANT_CREATE, "No space left on device")
    assert (out / "rsbz-2021-040" / "rsbz-2021-040.epub").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["rsbz-2021-040"], "no temp or backup folder left"


def test_interrupt_while_writing_leaves_nothing(tmp_path, monkeypatch):
    """Ctrl-C in the middle of writing a folder: no partial folder, no temp folder."""
    import rsbz_epub.bundle as bundle

    calls = []

    def interrupted_fsync(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(bundle.os, "fsync", interrupted_fsync)
    out = tmp_path / "out"
    result = invoke("build", str(SEED), "-o", str(out))
    assert result.exit_code != 0
    assert list(out.iterdir()) == []


def test_unreadable_input(tmp_path, monkeypatch):
    """Permission denied on the issue file (simulated: the tests run as root)."""
    issue = tmp_path / "issue.txt"
    issue.write_bytes(SEED.read_bytes())
    import builtins

    import rsbz_epub.inputs as inputs

    def denied(path, *args, **kwargs):
        if Path(path) == issue:
            raise PermissionError(13, "Permission denied")
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(inputs, "open", denied, raising=False)
    result = invoke("build", str(issue), "-o", str(tmp_path / "out"))
    assert_one_line_error(result, ExitCode.NO_INPUT, str(issue), "permission denied")


@pytest.mark.parametrize(
    "args, code, needle",
    [
        (["--encoding", "no-such-codec"], ExitCode.USAGE, "not a text encoding"),
        (["--encoding", "rot13"], ExitCode.USAGE, "not a text encoding"),
        (["--encoding", "gbk"], ExitCode.DATA, "cannot be decoded as gbk"),
        (["--css", "{missing}"], ExitCode.NO_INPUT, "no such file"),
        (["--css", "{latin1}"], ExitCode.NO_INPUT, "not UTF-8"),
        (["--config", "{latin1}"], ExitCode.CONFIG, "not UTF-8"),
        (["--cover-font", "{missing}"], ExitCode.NO_INPUT, ""),
    ],
    ids=["unknown-encoding", "codec-not-text", "wrong-encoding", "css-missing", "css-not-utf8", "config-not-utf8", "font-missing"],
)
def test_bad_option_files_and_values(tmp_path, args, code, needle):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("p { font-family: 'Café' }".encode("latin-1"))
    args = [a.format(missing=tmp_path / "missing.file", latin1=latin1) for a in args]
    out = tmp_path / "out"
    result = invoke("build", str(SEED), "-o", str(out), *args)
    assert_one_line_error(result, code, needle)
    assert not out.exists() or list(out.iterdir()) == []


def test_catalog_of_a_file(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("x")
    assert_one_line_error(invoke("catalog", str(f)), ExitCode.NO_INPUT, "not a folder")
