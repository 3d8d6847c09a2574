"""The outside review's hostile cases (build and check; catalog's are tested with catalog.py):
each ends in a correct book or one clear line with its stable exit code, nothing partial, nothing lost."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from cli_support import CliRunner

from rsbz_epub.batch import worker_count
from rsbz_epub.cli import main
from rsbz_epub.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"
OTHER = ROOT / "examples" / "rsbz-2021-41.txt"
runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(main, list(args), env=env)


def one_error_line(result, code: int, *needles: str) -> str:
    assert result.exit_code == code, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1, result.output
    assert "Traceback" not in result.output and "╭" not in result.output, "one line, no box"
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


# ---------------------------------------------------------------- 4: rich markup and escapes in names


def test_markup_in_input_and_output_names_is_shown_as_written(tmp_path):
    folder = tmp_path / "foo["
    folder.mkdir()
    issue = folder / "bar].txt"  # the review's foo[/bar].txt
    issue.write_bytes(SEED.read_bytes())
    out = tmp_path / "o[" / "x]"  # the review's o[/x]
    result = invoke("build", str(issue), str(OTHER), "-o", str(out), "--format", "epub")
    assert result.exit_code == 0, result.output
    assert f"{issue} → rsbz-2021-040/" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["rsbz-2021-040", "rsbz-2021-041"], "the batch went on"


def test_terminal_escapes_in_a_file_name_are_shown_not_obeyed(tmp_path):
    issue = tmp_path / "evil\x1b[2J\x1b]0;pwned\x07.txt"
    issue.write_bytes(SEED.read_bytes())
    result = invoke("build", str(issue), "-o", str(tmp_path / "out"), "--format", "epub")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b[2J" in result.output
    missing = invoke("check", str(tmp_path / "gone\x1b[31m.txt"))
    assert "\x1b" not in missing.output and "\\x1b[31m" in missing.output


# ---------------------------------------------------------------- 5, 6: configs that are too deep, too big, or hold controls


@pytest.mark.parametrize("command", ["build", "check"])
def test_deeply_nested_config_is_a_config_error(tmp_path, command):
    cfg = tmp_path / "deep.toml"
    cfg.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = invoke(command, str(SEED), "--config", str(cfg), *(["-o", str(tmp_path / "out")] if command == "build" else []))
    one_error_line(result, ExitCode.CONFIG, str(cfg), "nested too deeply")


@pytest.mark.parametrize("command", ["build", "check"])
def test_endless_config_is_refused_after_a_bounded_read(tmp_path, command):
    result = invoke(command, str(SEED), "--config", "/dev/zero", *(["-o", str(tmp_path / "out")] if command == "build" else []))
    one_error_line(result, ExitCode.CONFIG, "/dev/zero", "larger than")


def test_endless_input_is_refused_after_a_bounded_read(tmp_path):
    result = invoke("build", "/dev/zero", "-o", str(tmp_path / "out"))
    one_error_line(result, ExitCode.DATA, "/dev/zero", "larger than 64 MB")
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize(
    "line, key",
    [
        ('title = "报\\u0007"', "publication.title"),
        ('publisher = "上海\\uFFFE"', "publication.publisher"),
        ('title_latin = "A\\u001bB"', "publication.title_latin"),
    ],
)
def test_control_characters_in_config_values_name_the_key(tmp_path, line, key):
    cfg = tmp_path / "paper.toml"
    cfg.write_text(f"[publication]\n{line}\n", encoding="utf-8")
    one_error_line(invoke("build", str(SEED), "--config", str(cfg), "-o", str(tmp_path / "out")), ExitCode.CONFIG, key)
    one_error_line(invoke("check", str(SEED), "--config", str(cfg)), ExitCode.CONFIG, key)


def test_control_characters_in_a_dictionary_entry_name_it(tmp_path):
    cfg = tmp_path / "paper.toml"
    cfg.write_text('[dictionary]\n"机构" = "機構\\u0000"\n', encoding="utf-8")
    one_error_line(invoke("check", str(SEED), "--config", str(cfg)), ExitCode.CONFIG, "dictionary.机构")


# ---------------------------------------------------------------- 7: output that cannot be written


def test_output_below_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    one_error_line(invoke("build", str(SEED), "-o", str(blocker / "out")), ExitCode.CANT_CREATE, "cannot create output folder")


def test_staging_folder_refused_by_the_disk_is_73_with_the_reason(tmp_path, monkeypatch):
    import rsbz_epub.swap as swap

    real_mkdir = Path.mkdir

    def no_inodes(self, *args, **kwargs):
        if self.name.endswith(".tmp"):
            raise OSError(28, "No space left on device")
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(swap.Path, "mkdir", no_inodes)
    result = invoke("build", str(SEED), "-o", str(tmp_path / "out"), "--format", "epub")
    one_error_line(result, ExitCode.CANT_CREATE, "No space left on device")


# ---------------------------------------------------------------- 9: worker processes


def test_workers_are_capped_at_inputs_and_a_multiple_of_cores():
    assert worker_count(1000, 2, cores=2) == 2
    assert worker_count(1000, 500, cores=2) == 8
    assert worker_count(3, 500, cores=2) == 3
    assert worker_count(1, 0, cores=2) == 1


def test_jobs_1000_with_two_inputs_builds_them(tmp_path):
    result = invoke("build", str(SEED), str(OTHER), "-o", str(tmp_path), "--format", "epub", "--jobs", "1000")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rsbz-2021-040", "rsbz-2021-041"]


# ---------------------------------------------------------------- 11: option values


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--format", ""], "--format"),
        (["--format", ","], "--format"),
        (["--jobs", "99999999999999999999"], "--jobs"),
        (["--jobs", "0"], "--jobs"),
        (["--encoding", "rot13"], "not a text encoding"),
        (["--edition", "klingon"], "--edition"),
        (["--bogus"], "--bogus"),
    ],
    ids=["format-empty", "format-comma", "jobs-huge", "jobs-zero", "encoding-rot13", "edition", "unknown-option"],
)
def test_bad_option_values_are_one_line_usage_errors(tmp_path, args, needle):
    out = tmp_path / "out"
    one_error_line(invoke("build", str(SEED), "-o", str(out), *args), ExitCode.USAGE, needle)
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("value", ["99999999999999999999", "yesterday", "-5"])
def test_unusable_source_date_epoch_is_a_usage_error(tmp_path, value):
    result = invoke("build", str(SEED), "-o", str(tmp_path / "out"), env={"SOURCE_DATE_EPOCH": value})
    one_error_line(result, ExitCode.USAGE, "SOURCE_DATE_EPOCH")


def test_usage_errors_of_the_real_program_are_one_line(capsys):
    assert main(["build", "--format", ",", str(SEED)]) == ExitCode.USAGE
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err


def test_check_on_several_inputs_exits_1_when_one_fails(tmp_path):
    result = invoke("check", str(SEED), str(tmp_path / "missing.txt"))
    assert result.exit_code == ExitCode.FAILED
    strict = invoke("check", str(SEED), str(OTHER), "--strict")
    assert strict.exit_code == ExitCode.FAILED


# ---------------------------------------------------------------- 12: stylesheets


def test_stylesheet_with_markup_is_refused(tmp_path):
    css = tmp_path / "house.css"
    css.write_text("p { color: red }\n</style><script>alert(1)</script>\n", encoding="utf-8")
    result = invoke("build", str(SEED), "-o", str(tmp_path / "out"), "--css", str(css))
    one_error_line(result, ExitCode.CONFIG, f"{css}:2", "'<'")
    assert not (tmp_path / "out").exists()


def test_stylesheet_without_markup_is_used(tmp_path):
    css = tmp_path / "house.css"
    css.write_text("p { text-indent: 2em; }\n", encoding="utf-8")
    result = invoke("build", str(SEED), "-o", str(tmp_path / "out"), "--css", str(css), "--format", "epub")
    assert result.exit_code == 0, result.output


def test_a_pipe_as_the_issue_is_refused_rather_than_waited_on(tmp_path):
    """A build reads its input twice (its folder first, then the book); a pipe would block the second read forever."""
    fifo = tmp_path / "issue.txt"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:  # without the refusal, a reader waits on the pipe: feed it so the test fails instead of hanging
        while not stop.wait(0.5):
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                continue  # nobody is reading
            os.write(fd, SEED.read_bytes()[:4096])
            os.close(fd)

    threading.Thread(target=feed, daemon=True).start()
    try:
        result = invoke("build", str(fifo), "-o", str(tmp_path / "out"))
    finally:
        stop.set()
    one_error_line(result, ExitCode.NO_INPUT, str(fifo), "is a pipe")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_no_internal_error_anywhere_in_the_review_cases(tmp_path):
    """A guard over the cases above: a crash would show as exit 70."""
    for args in (["build", "/dev/zero", "-o", str(tmp_path)], ["check", "/dev/null"], ["build", str(tmp_path), "-o", str(tmp_path / "o")]):
        assert invoke(*args).exit_code not in (ExitCode.INTERNAL, 0), args
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".")], "no temporary left"


def test_an_ascii_only_terminal_gets_escapes_not_an_internal_error(tmp_path):
    """PYTHONIOENCODING=ascii (or a cp1252 console) cannot show ✓ or the articles' titles: they come out escaped."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for args, shown in (
        (["build", str(SEED), "-o", str(tmp_path / "out"), "--format", "epub"], b"\\u2713"),  # ✓
        (["check", str(SEED)], b"\\u8d75\\u6c38\\u5cf0"),  # 赵永峰 of a warning
    ):
        run = subprocess.run([sys.executable, "-m", "rsbz_epub", *args], capture_output=True, env=env, timeout=120)
        assert run.returncode == 0, run.stderr.decode("ascii", "replace")
        assert b"Traceback" not in run.stderr and shown in run.stdout + run.stderr


def test_a_line_break_in_a_file_name_is_shown_escaped_on_its_one_line(tmp_path):
    source = tmp_path / "new\nline.txt"
    source.write_bytes(SEED.read_bytes())
    result = invoke("build", str(source), "-o", str(tmp_path / "out"), "--format", "epub")
    assert result.exit_code == 0, result.output
    shown = [line for line in result.output.splitlines() if "line.txt →" in line]
    assert len(shown) == 1 and "new\\x0aline.txt" in shown[0]


LONG = "a" * 300  # longer than any file name a file system takes (255 bytes)


@pytest.mark.parametrize(("args", "code"), [
    (["build", LONG + ".txt", "-o", "{out}"], ExitCode.NO_INPUT),
    (["build", str(SEED), "-o", "{tmp}/" + LONG, "--format", "epub"], ExitCode.CANT_CREATE),
    (["build", str(SEED), "-o", "{out}", "--config", LONG + ".toml"], ExitCode.CONFIG),
    (["build", str(SEED), "-o", "{out}", "--css", LONG + ".css"], ExitCode.NO_INPUT),
    (["check", LONG + ".txt"], ExitCode.NO_INPUT),
    (["proof", str(SEED), "-o", "{tmp}/" + LONG + ".html"], ExitCode.CANT_CREATE),
    (["catalog", "{tmp}/" + LONG], ExitCode.NO_INPUT),
])
def test_a_name_too_long_for_the_file_system_is_a_one_line_error(tmp_path, args, code):
    args = [a.format(out=tmp_path / "out", tmp=tmp_path) for a in args]
    one_error_line(invoke(*args), code, "File name too long")


def test_a_loop_of_symbolic_links_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    one_error_line(invoke("build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")), ExitCode.NO_INPUT, "a.txt")
