"""Start-up: a command imports only what it uses, so `--help` and `check` start at once.

Checked as the modules a fresh interpreter has loaded after a command (not as seconds,
which depend on the machine): writers, Pillow, OpenCC and the progress bar are loaded
only by the commands and formats that need them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "rsbz-2021-40.txt"

PROBE = """
import contextlib, io, json, sys
from rsbz_epub.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def loaded(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(result.stdout.splitlines()[-1]))


def under(modules: set[str], *prefixes: str) -> set[str]:
    return {m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)}


HEAVY = ("PIL", "opencc", "lxml", "rsbz_epub.writers", "rsbz_epub.render", "rich.progress", "concurrent.futures", "multiprocessing")


def test_help_loads_no_reader_writer_or_image_library():
    modules = loaded("--help")
    assert not under(modules, *HEAVY, "rsbz_epub.reader", "charset_normalizer")


def test_check_loads_the_reader_but_no_writer():
    modules = loaded("check", str(SEED))
    assert "rsbz_epub.reader" in modules
    assert not under(modules, *HEAVY)


@pytest.mark.parametrize("fmt", ["epub", "kepub"])
def test_a_simplified_build_of_one_format_loads_only_its_writer(tmp_path, fmt):
    modules = loaded("build", str(SEED), "-o", str(tmp_path), "--format", fmt)
    assert f"rsbz_epub.writers.{fmt}" in modules
    others = {"epub", "kindle_epub", "azw3", "kepub"} - {fmt}
    assert not under(modules, "opencc", "rich.progress", "concurrent.futures")
    assert not under(modules, *(f"rsbz_epub.writers.{w}" for w in others if not (fmt == "kepub" and w == "epub")))


def test_opencc_is_loaded_for_a_traditional_edition(tmp_path):
    modules = loaded("build", str(SEED), "-o", str(tmp_path), "--format", "epub", "--edition", "tw")
    assert "opencc" in modules


def test_importing_the_package_does_no_work():
    probe = "import sys, rsbz_epub; print(sorted(m for m in sys.modules if m.startswith('rsbz_epub')))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['rsbz_epub']"


def test_a_build_written_to_a_pipe_does_not_load_rich(tmp_path):
    modules = loaded("build", str(SEED), "-o", str(tmp_path), "--format", "epub")
    assert "rsbz_epub.writers.epub" in modules and not under(modules, "rich")
    assert under(loaded("check", str(SEED)), "rich.tree")  # the check tree is rich's


def test_colour_is_for_terminals_and_file_names_are_shown_not_obeyed(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cli_support import CliRunner

    from rsbz_epub.cli import main

    source = tmp_path / "[bold]a\x1b[2J.txt"
    source.write_bytes(SEED.read_bytes())
    piped = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "o"), "--format", "epub"])
    forced = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "p"), "--format", "epub"], env={"FORCE_COLOR": "1"})
    assert piped.exit_code == forced.exit_code == 0
    assert "\x1b" not in piped.output and "✓ " in piped.stdout and "[bold]a\\x1b[2J.txt → rsbz-2021-040/" in piped.stdout
    assert "\x1b[32m✓" in forced.stdout and "[bold]a\\x1b[2J.txt → rsbz-2021-040/" in forced.stdout  # coloured, no markup read
    assert "\x1b[2J" not in forced.output
