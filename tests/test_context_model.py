"""The context model: it decides ambiguous characters from their neighbours, only among OpenCC's forms, reproducibly."""

from __future__ import annotations

import dataclasses
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from rsbz_epub.model import Paragraph
from rsbz_epub.transforms.chinese import convert_text
from rsbz_epub.transforms.review import differences
from rsbz_epub.transforms.context import UNDECIDED, context_keys, context_model, parse_model
from rsbz_epub.transforms.wordwise import convert_wordwise

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench" / "context"))

from build_context import aligned_pairs, build, main, stcharacters  # type: ignore[import-not-found]  # noqa: E402
from extract_hkcnews import held_out  # type: ignore[import-not-found]  # noqa: E402

stcharacters = lru_cache(maxsize=1)(stcharacters)

CONFIGS = {"hant": "s2t", "tw": "s2tw", "hk": "s2hk", "twp": "s2twp"}
FOLD = {"s2t": None, "s2tw": "tw2t", "s2hk": "hk2t", "s2twp": "tw2t"}


def standard(char: str, config: str) -> str:
    """An output character folded back to OpenCC's standard glyph."""
    fold = FOLD[config]
    return OpenCC(fold).convert(char) if fold else char


# Sentences written for these tests (not from any bench): the character's form
# depends on its neighbours, and the model, not OpenCC's table, decides it.
DECIDED = [
    ("按时喂饲宠物", "喂饲", "餵"),  # OpenCC: 喂飼
    ("两国官员会签文件", "会签", "簽"),  # OpenCC: 會籤
]


@pytest.mark.parametrize("edition", list(CONFIGS))
@pytest.mark.parametrize(("simplified", "context", "form"), DECIDED)
def test_the_model_decides_a_character_by_its_context(simplified: str, context: str, form: str, edition: str) -> None:
    config = CONFIGS[edition]
    converted = convert_wordwise([simplified], config, edition)[0]
    i = simplified.index(context) + next(k for k, c in enumerate(context) if c in context_model().candidates)
    assert standard(converted.parts[i], config) == form
    assert converted.rules[i].startswith("context ") and "(n=" in converted.rules[i]


def test_the_model_keeps_the_forms_opencc_phrases_chose() -> None:
    # Hong Kong writes 盡快 and 周一, OpenCC's phrases 儘快 and 週一: a phrase's form stays
    assert convert_text("请尽快回复，周一见", "tw") == "請儘快回覆，週一見"
    assert convert_text("请尽快回复，周一见", "hant") == "請儘快回覆，週一見"


@pytest.mark.parametrize(
    ("simplified", "hong_kong"),
    [
        ("请尽快回复，周一见", "請盡快回覆，周一見"),  # OpenCC s2hk: 儘快, 週一
        ("政府宣布每周开会", "政府宣布每周開會"),  # OpenCC s2hk: 宣佈, 每週
        ("香港回归二十五周年", "香港回歸二十五周年"),  # OpenCC s2hk: 迴歸, 週年
    ],
)
def test_the_hong_kong_model_writes_hong_kong_usage_over_opencc_phrases(simplified: str, hong_kong: str) -> None:
    assert OpenCC("s2hk").convert(simplified) != hong_kong
    assert convert_text(simplified, "hk") == hong_kong
    converted = convert_wordwise([simplified], "s2hk", "hk")[0]
    changed = [i for i, (a, b) in enumerate(zip(OpenCC("s2hk").convert(simplified), converted.text)) if a != b]
    assert all(converted.rules[i].startswith("context ") for i in changed)


def test_only_the_hong_kong_edition_has_its_own_model() -> None:
    assert context_model("s2hk").overrules_phrases and not context_model("s2t").overrules_phrases
    assert context_model("s2tw") is context_model("s2t") is context_model("s2twp")
    assert context_model("s2hk").contexts != context_model("s2t").contexts


def test_check_lists_the_context_rule() -> None:
    from rsbz_epub.options import ReadOptions
    from rsbz_epub.reader import read_issue

    issue = read_issue((ROOT / "examples" / "rsbz-2021-40.txt").read_bytes(), ReadOptions())
    article = issue.articles()[0]
    block = next(b for b in article.blocks if isinstance(b, Paragraph))
    changed = dataclasses.replace(block, text=block.text + "按时喂饲宠物。")
    article2 = dataclasses.replace(article, blocks=tuple(changed if b is block else b for b in article.blocks))
    pages = tuple(dataclasses.replace(p, articles=tuple(article2 if a is article else a for a in p.articles)) for p in issue.pages)
    found = differences(dataclasses.replace(issue, pages=pages), "tw")
    assert any(d.source == "喂" and d.ours == "餵" and d.rule.startswith("context 喂饲: 餵 (n=") for d in found)


@pytest.mark.parametrize("config", ["s2t", "s2hk"])
def test_every_form_in_the_model_is_an_opencc_candidate(config: str) -> None:
    model = context_model(config)
    table = stcharacters()
    assert model.candidates, "the shipped model is empty"
    for char, forms in model.candidates.items():
        assert tuple(forms) == table[char]
    for key, (form, count, total) in model.contexts.items():
        char = key[1:][int(key[0])]
        assert form == UNDECIDED or form in table[char], key
        assert 0 < count <= total


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="饥只里干发面台余系尽脏炼托了后制复准布周松借板并干的在人一大海山水每个", min_size=1, max_size=12), st.sampled_from(sorted(CONFIGS.values())))
def test_the_model_never_writes_a_form_outside_opencc(text: str, config: str) -> None:
    edition = next(e for e, c in CONFIGS.items() if c == config)
    converted = convert_wordwise([text], config, edition)[0]
    for char, part, rule in zip(text, converted.parts, converted.rules):
        if rule.startswith("context "):
            assert standard(part, config) in stcharacters()[char]


@pytest.mark.parametrize("name", ["context.tsv", "context-hk.tsv"])
def test_the_model_file_is_small(name: str) -> None:
    path = resources.files("rsbz_epub.data").joinpath(name)
    assert len(path.read_bytes()) <= 2_000_000


TRAINING = [
    "他們在山裏住了十年，山裏的空氣很好。",
    "老闆說今天大家一起乾杯，老闆請客。",
    "這位老闆很年輕，山裏有很多老闆。",
    "頭髮長了，頭髮要剪。",
    "老師在黑板上寫字，黑板很大。",
]


def test_building_twice_gives_the_same_bytes() -> None:
    pairs = aligned_pairs(TRAINING, "hk2t")
    first = build(stcharacters(), pairs, 2, 0.9, min_form=1)
    assert first == build(stcharacters(), pairs, 2, 0.9, min_form=1)
    assert first == build(stcharacters(), list(reversed(pairs)), 2, 0.9, min_form=1)  # counts do not depend on order
    model = parse_model(first)
    assert model.contexts["1老板"] == ("闆", 4, 4) and model.contexts["1黑板"] == ("板", 2, 2)
    assert model.decide("那位老板", 3).form == "闆"


def test_a_model_that_overrules_phrases_says_so_in_its_file() -> None:
    pairs = aligned_pairs(TRAINING, "hk2t")
    text = build(stcharacters(), pairs, 2, 0.9, min_form=1, overrules_phrases=True)
    assert "\n!\toverrules-phrases\n" in text
    assert parse_model(text).overrules_phrases and not parse_model(build(stcharacters(), pairs, 2, 0.9, min_form=1)).overrules_phrases


def test_only_the_hong_kong_profile_counts_cantonese_lines() -> None:
    cantonese = ["佢係老闆，唔係夥計。"]
    assert aligned_pairs(cantonese, "hk2t") == []
    assert aligned_pairs(cantonese, "hk2t", cantonese=True) == [("佢系老板，唔系伙计。", "佢係老闆，唔係夥計。")]


def test_input_names_the_training_text(tmp_path: Path) -> None:
    # the bench-only model is built from hkcnews-train.zh-Hant.txt this way; ten copies reach MIN_FORM
    train, out = tmp_path / "train.zh-Hant.txt", tmp_path / "model.tsv"
    train.write_text("\n".join(TRAINING * 10) + "\n", encoding="utf-8")
    assert main(["--input", str(train), "--output", str(out), "--min-count", "2", "--min-share", "0.9"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# rsbz-epub context model: built by bench/context/build_context.py from train.zh-Hant.txt\n")
    assert parse_model(text).contexts["1老板"] == ("闆", 40, 40)


def test_the_hong_kong_profile_counts_cantonese_lines_and_overrules_phrases(tmp_path: Path) -> None:
    train, out = tmp_path / "train.zh-Hant.txt", tmp_path / "model.tsv"
    train.write_text("\n".join(TRAINING * 10 + ["佢係老闆，唔係夥計。"] * 10) + "\n", encoding="utf-8")
    assert main(["--profile", "hk", "--input", str(train), "--output", str(out), "--min-count", "2"]) == 0
    model = parse_model(out.read_text(encoding="utf-8"))
    assert model.overrules_phrases and "min-share 0.7;" in out.read_text(encoding="utf-8")
    assert model.contexts["1老板"] == ("闆", 50, 50)  # the ten Cantonese lines counted too
    assert main(["--input", str(train), "--output", str(out), "--min-count", "2"]) == 0
    standard = parse_model(out.read_text(encoding="utf-8"))
    assert not standard.overrules_phrases and standard.contexts["1老板"] == ("闆", 40, 40)


def test_every_fiftieth_article_is_held_out_of_the_bench_model() -> None:
    assert [n for n in range(1, 201) if held_out(n)] == [50, 100, 150, 200]


def test_the_hong_kong_development_split_is_not_the_held_out_bench() -> None:
    from tune_hk import development  # type: ignore[import-not-found]

    assert [n for n in range(1, 201) if development(n)] == [25, 75, 125, 175]


def test_training_pairs_align_position_by_position() -> None:
    (simplified, traditional), *_ = aligned_pairs(["山裏的頭髮"], "hk2t")
    assert simplified == "山里的头发" and len(simplified) == len(traditional)


def test_context_keys_go_from_the_word_to_bigrams() -> None:
    assert list(context_keys("大家干杯了", 2, (2, 4))) == ["0干杯", "1家干杯", "2大家干", "0干杯了", "1家干"]
    assert list(context_keys("干a", 0)) == []  # only spans of ideographs


def test_a_context_never_cuts_a_neighbouring_word() -> None:
    # 网罗|里|逃脱: 罗里 (a name's bigram in the news), 罗里逃 and 里逃 cut a word; 网罗里 and 里逃脱 do not
    bounds = frozenset({0, 2, 3, 5})
    assert list(context_keys("网罗里逃脱", 2, (2, 3), bounds)) == ["2网罗里", "0里逃脱"]
    converted = convert_wordwise(["鸟儿从网罗里逃脱"], "s2t", "hant")[0]
    assert not any(rule.startswith("context 罗里") for rule in converted.rules)


@pytest.mark.parametrize("edition", list(CONFIGS))
def test_the_examples_known_cases_survive_the_model(edition: str) -> None:
    for simplified, expected in [
        ("国家人社部副部长游钧表示", "國家人社部副部長游鈞表示"),
        ("在上海的推动者，并成功申办", "在上海的推動者，並成功申辦"),
        ("深化薪酬分配制度改革", "深化薪酬分配制度改革"),
        ("与多家制造企业共建", "與多家製造企業共建"),
    ]:
        got = convert_text(simplified, edition)
        assert OpenCC("tw2t").convert(OpenCC("hk2t").convert(got)) == expected
