"""The EPUBCheck harness itself: it must see a broken book, and agree with EPUBCheck's command line."""

from __future__ import annotations

import zipfile

import pytest

from build_support import built
from support import _epubcheck_cli, needs_java, run_epubcheck

pytestmark = [pytest.mark.epubcheck, needs_java]


def _broken_copy(data: bytes, path) -> None:
    """The seed EPUB with an unknown element in an article: invalid XHTML."""
    src = path.with_suffix(".src.epub")
    src.write_bytes(data)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename.endswith("a-p1-2.xhtml"):
                body = body.replace(b"<h1>", b"<h1><blink/>", 1)
            zout.writestr(info, body)


def test_server_and_command_line_agree(tmp_path):
    epub = next(f for f in built("rsbz-2021-40.txt").editions[0].files if f.format == "epub").data
    good = tmp_path / "good.epub"
    good.write_bytes(epub)
    bad = tmp_path / "bad.epub"
    _broken_copy(epub, bad)
    assert run_epubcheck(good).clean
    assert _epubcheck_cli(good).clean
    server, cli = run_epubcheck(bad), _epubcheck_cli(bad)
    assert server.errors and cli.errors
    assert len(server.errors) == len(cli.errors)
    assert "a-p1-2.xhtml" in server.errors[0]
