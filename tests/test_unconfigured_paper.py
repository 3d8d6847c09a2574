"""A paper read without a config keeps its own identity: name and folder from its masthead, nothing borrowed."""

from __future__ import annotations

import zipfile
from pathlib import Path

from cli_support import CliRunner

from rsbz_epub.cli import main
from rsbz_epub.identity import paper_slug
from rsbz_epub.options import Publication
from rsbz_epub.reader import read_issue

ISSUE = """中国气象报

2026年3月18日　星期三　第52期

第1版　要闻

气象服务保障春耕生产
本报记者  王  磊

　　本报讯 3月17日，多地气象部门发布春耕春播气象服务专报，提醒农户关注土壤墒情和降温天气。

　　专家提示，近期冷空气活动频繁，要做好防寒防冻准备。
""".encode("utf-8")


def test_slug_is_the_pinyin_initials() -> None:
    assert paper_slug("中国气象报") == "zgqxb"
    assert paper_slug("人民日报") == "rmrb"
    assert paper_slug("ABC 日报") == "abcrb"


def test_masthead_gives_name_and_slug_and_nothing_is_borrowed() -> None:
    issue = read_issue(ISSUE)
    home = Publication()
    assert issue.meta.paper == "中国气象报"
    assert issue.meta.publication_slug == "zgqxb"
    assert issue.meta.publisher is None and issue.meta.issn is None and issue.meta.cn_number is None
    assert issue.meta.paper_latin != home.title_latin
    r015 = [d for d in issue.diagnostics if d.code == "R015"]
    assert len(r015) == 1 and "--config" in r015[0].message and r015[0].severity == "warning"


def test_the_home_paper_still_gets_its_config_identity() -> None:
    seed = (Path(__file__).resolve().parents[1] / "examples" / "rsbz-2021-40.txt").read_bytes()
    issue = read_issue(seed)
    assert issue.meta.publication_slug == "rsbz" and issue.meta.publisher == Publication().publisher
    assert not [d for d in issue.diagnostics if d.code == "R015"]


def test_the_book_names_the_paper_and_not_the_home_publisher(tmp_path: Path) -> None:
    src = tmp_path / "qx.txt"
    src.write_bytes(ISSUE)
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "--format", "epub"])
    assert result.exit_code == 0, result.output
    folders = [p.name for p in (tmp_path / "out").iterdir() if p.is_dir()]
    assert folders == ["zgqxb-2026-052"]
    epub = next((tmp_path / "out" / "zgqxb-2026-052").glob("*.epub"))
    with zipfile.ZipFile(epub) as zf:
        text = "".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist() if n.endswith((".opf", ".xhtml", ".ncx")))
    assert "中国气象报" in text
    assert Publication().publisher not in text and Publication().title not in text
