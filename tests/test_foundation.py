"""Identity, config and error-format basics."""

from __future__ import annotations

import datetime as dt

import pytest

from rsbz_epub.config import parse_publication
from rsbz_epub.errors import ConfigError, InputError, format_error
from rsbz_epub.identity import book_identifier, build_time, folder_name
from rsbz_epub.model import IssueMeta


def meta(**kw):
    base = dict(paper="人力资源社会保障", date=dt.date(2021, 10, 21), issue_number=40)
    base.update(kw)
    return IssueMeta(**base)


def test_folder_name_per_edition():
    assert folder_name(meta()) == "rsbz-2021-040"
    assert folder_name(meta(edition="tw")) == "rsbz-2021-040-hant-tw"


def test_identifier_is_stable_and_edition_specific():
    assert book_identifier(meta()) == book_identifier(meta())
    assert book_identifier(meta()) != book_identifier(meta(edition="tw"))
    assert book_identifier(meta()) != book_identifier(meta(issue_number=41))
    assert book_identifier(meta()).startswith("urn:uuid:")


def test_build_time_prefers_explicit_then_env_then_issue_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_time(meta()) == dt.datetime(2021, 10, 21, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_time(meta()).year == 2023
    assert build_time(meta(), 0).year == 1970


@pytest.mark.parametrize(
    "text, key",
    [
        ("[publication]\ntitel = 'x'\n", "publication.titel"),
        ("[paper]\ntitle = 'x'\n", "paper"),
        ("[publication]\nissn = '1234-5678'\n", "publication.issn"),
        ("[cover]\nbackground = 'red'\n", "cover.background"),
        ("[publication]\nslug = 'Has Space'\n", "publication.slug"),
        ("[dictionary.xx]\n'a' = 'b'\n", "dictionary.xx"),
    ],
)
def test_bad_config_names_file_and_key(text, key):
    with pytest.raises(ConfigError) as info:
        parse_publication(text, "paper.toml")
    line = format_error(info.value)
    assert line.startswith("error: paper.toml: ")
    assert f"'{key}'" in line


def test_config_overrides_defaults():
    pub = parse_publication(
        "[publication]\ntitle = '劳动报'\nslug = 'ldb'\nissn = '0000-0019'\n"
        "[dictionary]\n'甲' = '乙'\n[dictionary.tw]\n'丙' = '丁'\n",
        "ldb.toml",
    )
    assert (pub.title, pub.slug, pub.issn) == ("劳动报", "ldb", "0000-0019")
    assert pub.publisher == "上海市人力资源和社会保障局"  # default kept
    assert pub.user_dictionary == {"*": {"甲": "乙"}, "tw": {"丙": "丁"}}


def test_bad_toml_is_config_error():
    with pytest.raises(ConfigError):
        parse_publication("[publication\n", "x.toml")


def test_format_error_with_line_and_hint():
    err = InputError("no such file", path="a.txt", line=3, hint="check the path")
    assert format_error(err) == "error: a.txt:3: no such file — check the path"
