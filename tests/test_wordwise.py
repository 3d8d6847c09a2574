"""Segmentation-aware conversion: word boundaries, names, corrections, the segmenter's loading, check --edition."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from opencc import OpenCC
from cli_support import CliRunner

from rsbz_epub.cli import main
from rsbz_epub.options import EDITIONS, Publication
from rsbz_epub.transforms.chinese import convert_text
from rsbz_epub.transforms.corrections import corrections
from rsbz_epub.transforms.names import byline_names, surname_forms
from rsbz_epub.transforms.phrases import opencc_phrases
from rsbz_epub.transforms.review import differences
from rsbz_epub.transforms.wordwise import _plan, convert_wordwise

ROOT = Path(__file__).resolve().parents[1]
TRADITIONAL = [e for e, row in EDITIONS.items() if row[0]]


@pytest.mark.parametrize("edition", TRADITIONAL)
@pytest.mark.parametrize(
    ("simplified", "expected_tw", "opencc_tw"),
    [
        ("国家人社部副部长游钧表示", "國家人社部副部長游鈞表示", "國家人社部副部長遊鈞表示"),
        ("在上海的推动者，并成功申办", "在上海的推動者，並成功申辦", "在上海的推動者，併成功申辦"),
        ("深化薪酬分配制度改革", "深化薪酬分配制度改革", "深化薪酬分配製度改革"),
        ("与多家制造企业共建", "與多家製造企業共建", "與多家制造企業共建"),
    ],
)
def test_the_examples_errors_are_fixed(simplified: str, expected_tw: str, opencc_tw: str, edition: str) -> None:
    assert OpenCC("s2tw").convert(simplified) == opencc_tw  # the error is OpenCC's
    got = convert_text(simplified, edition)
    assert OpenCC("tw2t").convert(got) == OpenCC("tw2t").convert(expected_tw)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("本报记者 游钧", {"游钧"}),
        ("本报记者 余学文 通讯员 范小春", {"余学文", "范小春"}),
        ("文/于丹 图/沈阳阳", {"于丹", "沈阳阳"}),
        ("本报讯（记者 叶青）", {"叶青"}),
        (None, set()),
    ],
)
def test_byline_names(byline: str | None, names: set[str]) -> None:
    assert byline_names([byline]) == names


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("余学文说", {"余学文"}, "余學文說"),  # 余 of a byline name stays 余 (OpenCC: 餘)
        ("于丹指出", {"于丹"}, "于丹指出"),  # not 於丹
        ("范小春介绍", {"范小春"}, "范小春介紹"),  # not 範
        ("其余学生", set(), "其餘學生"),  # the word 其余 is not a name
        ("对于丹麦", set(), "對於丹麥"),
        ("范冰冰和姜文", set(), "范冰冰和姜文"),  # jieba's name tags
        ("叶先生", set(), "葉先生"),  # the surname 叶 is 葉
    ],
)
def test_names_keep_their_surnames(text: str, names: set[str], expected: str) -> None:
    assert convert_text(text, "tw", names=frozenset(names)) == expected


@pytest.mark.parametrize("edition", TRADITIONAL)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("紫色郁金香代表爱情", "紫色鬱金香代表愛情"),  # jieba tags 郁金香 nr; OpenCC's phrase 郁金香 → 鬱金香
        ("祝福的钟声正在响", "祝福的鐘聲正在響"),  # 钟声 nr; OpenCC's phrase 钟声 → 鐘聲, not the surname 鍾
        ("此时电子钟声响起", "此時電子鐘聲響起"),  # OpenCC matches 电子钟 here, but 钟声 is its phrase too
        ("国家人社部副部长游钧表示", "國家人社部副部長游鈞表示"),  # a name OpenCC does not know keeps its surname
        ("范冰冰和姜文", "范冰冰和姜文"),
    ],
)
def test_an_opencc_phrase_is_not_a_name(text: str, expected: str, edition: str) -> None:
    assert OpenCC("tw2t").convert(convert_text(text, edition)) == OpenCC("tw2t").convert(expected)


@pytest.mark.parametrize("edition", TRADITIONAL)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一场不知所云的谈话", "一場不知所云的談話"),  # not cut 不知|所|云 (所雲)
        ("一包夹心饼干", "一包夾心餅乾"),  # not cut 夹心饼|干 (餅幹)
        ("深化薪酬分配制度改革", "深化薪酬分配制度改革"),  # still cut 分配|制度: OpenCC's 配制 has two characters
        ("奉上第二只公绵羊", "奉上第二隻公綿羊"),  # an ordinal and its measure word: not cut 第二|只 (CUV, Numbers 29)
    ],
)
def test_a_word_is_not_cut_through_a_long_opencc_phrase(text: str, expected: str, edition: str) -> None:
    assert OpenCC("tw2t").convert(convert_text(text, edition)) == OpenCC("tw2t").convert(expected)


@pytest.mark.parametrize("edition", TRADITIONAL)
@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("他把袖子卷起来", "他把袖子捲起來", "verb and complement 卷|起来: OpenCC phrase 卷起"),  # jieba: 卷|起来
        ("绳子被系上去了", "繩子被繫上去了", "verb and complement 被系|上去: OpenCC phrase 系上"),  # HMM glue 被系
        ("他能系住那头牛", "他能繫住那頭牛", "verb and complement 能系|住: OpenCC phrase 系住"),  # HMM glue 能系
        ("这张数学考卷上的分数", "這張數學考卷上的分數", None),  # a noun with its localizer: not 捲上
        ("他到四点多才回来", "他到四點多才回來", None),  # 多才 is a word, 才 an adverb: not 纔回
        ("买来的五只好鸡", "買來的五隻好雞", "numeral and measure word 五|只好: OpenCC phrase 五只"),  # jieba: 五|只好
        ("农场里每只要喂两次", "農場裏每隻要喂兩次", "numeral and measure word 每|只要: OpenCC phrase 每只"),
        ("他只好回去", "他只好回去", None),
        ("学校不准学生带手机", "學校不准學生帶手機", "prohibition 不准|学生: 准 (to permit)"),  # OpenCC: 不準
        ("你们都不准进去", "你們都不准進去", "prohibition 不准|进去: 准 (to permit)"),
        ("全市已有1200余家企业、院校", "全市已有1200餘家企業、院校", "numeral and 余 1200|余家: 餘 (more than)"),  # rsbz-2021-41
        ("这块表不准了", "這塊表不準了", None),  # not accurate: before a particle
        ("说不准明天会下雨", "說不準明天會下雨", None),  # after a one-character verb: 说不准 is "hard to say"
        ("在上海的推动者，并成功申办", "在上海的推動者，並成功申辦", None),  # 并|成功 is still not 併成
    ],
)
def test_a_neighbouring_word_decides_a_verb_measure_word_or_prohibition(text: str, expected: str, rule: str | None, edition: str) -> None:
    assert OpenCC("tw2t").convert(OpenCC("hk2t").convert(convert_text(text, edition))) == expected
    config = EDITIONS[edition][0]
    rules = {n.rule for n in _plan(text, None, config)[1] if n.rule.startswith(("verb and", "numeral and", "prohibition"))}
    assert rules == ({rule} if rule else set())


def test_opencc_phrases_are_where_opencc_matches_them() -> None:
    s2t = OpenCC("s2t")
    lines = [line for path in sorted((ROOT / "examples").glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 100
    for line in lines:
        pieces, pos = [], 0
        for a, b in opencc_phrases(line):
            pieces += [*line[pos:a], line[a:b]]
            pos = b
        pieces += line[pos:]
        assert "".join(s2t.convert(p) for p in pieces) == s2t.convert(line), line
    assert ["不知所云的谈话"[a:b] for a, b in opencc_phrases("不知所云的谈话")] == ["不知所云"]


def test_the_rule_says_why_a_name_or_a_cut_was_left_to_opencc() -> None:
    tulip, talk = convert_wordwise(["紫色郁金香", "不知所云的谈话"], "s2tw", "tw")
    assert tulip.rules[2] == "word 郁金香 (jieba nr, but an OpenCC phrase: not a name)"
    assert talk.rules[0] == "word 不知所云 (not cut 不知|所|云: OpenCC phrase 不知所云)"


def test_surname_table_differs_from_opencc_where_it_must() -> None:
    s2t = OpenCC("s2t")
    for simplified, traditional in surname_forms().items():
        assert len(simplified) == len(traditional) == 1
    changed = {s for s, t in surname_forms().items() if s2t.convert(s) != t}
    assert {"游", "范", "于", "余", "郁", "干", "岳"} <= changed


@pytest.mark.parametrize("edition", TRADITIONAL)
def test_every_correction_entry_converts_its_test_sentence(edition: str) -> None:
    entries = corrections(edition)
    assert entries, f"no correction table for {edition}"
    for entry in entries:
        assert entry.reason and entry.match in entry.test
        assert entry.to in convert_text(entry.test, edition), entry.match


def test_one_correction_file_per_traditional_edition() -> None:
    folder = resources.files("rsbz_epub.data").joinpath("corrections")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    assert names == sorted(f"{e}.toml" for e in TRADITIONAL)
    for name in names:
        data = tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        assert all(set(e) == {"match", "to", "reason", "test"} for e in data["entry"])


def test_user_dictionary_wins_over_corrections() -> None:
    pub = Publication(user_dictionary={"tw": {"辣椒乾": "辣椒干"}})
    assert convert_text("把辣椒干切碎", "tw") == "把辣椒乾切碎"  # the correction
    assert convert_text("把辣椒干切碎", "tw", publication=pub) == "把辣椒干切碎"  # the paper's choice


def test_same_input_same_output_in_another_process() -> None:
    code = "from rsbz_epub.transforms.chinese import convert_text as c; print(c('副部长游钧表示并成功申办分配制度', 'tw'))"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert runs == {"副部長游鈞表示並成功申辦分配制度\n"}


def test_segmenter_loads_lazily_and_only_for_traditional() -> None:
    code = (
        "import sys\n"
        "from rsbz_epub.transforms.chinese import convert_text\n"
        "from rsbz_epub import bundle\n"
        "assert convert_text('发展', 'hans') == '发展'\n"
        "assert 'jieba' not in sys.modules, 'loaded for hans'\n"
        "convert_text('发展', 'tw')\n"
        "assert 'jieba' in sys.modules\n"
        "from rsbz_epub.transforms import segmenter\n"
        "assert segmenter._tokenizer() is segmenter._tokenizer()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_review_lists_each_difference_with_its_rule() -> None:
    from rsbz_epub.options import ReadOptions
    from rsbz_epub.reader import read_issue

    issue = read_issue((ROOT / "examples" / "rsbz-2021-40.txt").read_bytes(), ReadOptions())
    found = differences(issue, "tw")
    assert {(d.source, d.plain, d.ours) for d in found} == {("游", "遊", "游"), ("并", "併", "並")}
    assert all(d.rule and d.line for d in found)
    assert any(d.rule.startswith("name 游钧") for d in found)
    assert differences(issue, "hans") == []


def test_check_edition_lists_the_differences() -> None:
    result = CliRunner().invoke(main, ["check", str(ROOT / "examples" / "rsbz-2021-40.txt"), "--edition", "tw"])
    assert result.exit_code == 0, result.output
    assert "3 place(s) where the conversion differs from plain OpenCC" in result.output
    assert "游 → 游 (OpenCC 遊)" in result.output
    bad = CliRunner().invoke(main, ["check", str(ROOT / "examples" / "rsbz-2021-40.txt"), "--edition", "hans"])
    assert bad.exit_code == 2
