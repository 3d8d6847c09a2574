"""The line-role model: a linear-chain CRF (CRFsuite) that gives every line a role and its probability.

Roles (``corpus/layout.py`` ROLES): K kicker, T title, S subtitle, B byline, H section
head, C caption, N end note, J jump marker, R repeated title of a continuation,
P a paragraph line that ends its paragraph, W one that goes on in the next line,
X running header or footer, M masthead, G page line. The model is data shipped in
the package (``rsbz_epub/data/reader.crfsuite``), rebuilt byte for byte by
``bench/train_reader.py``; it is loaded once per process, when first needed.

A second model (``reader-papers.crfsuite``) was trained with each real paper's name on its
lines' shape features, so it knows the habits of the papers it has met (人民日报 sets a kicker
above its titles, 新华每日电讯 a subtitle under them); ``reader-papers.txt`` lists them. An issue
whose masthead names one of them is read with it; every other issue with the first model, so
a paper nobody has seen is read exactly as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rsbz_epub.reader.layout import Item
from rsbz_epub.reader.linefeatures import each_line_features

MODEL = "reader.crfsuite"
PAPERS_MODEL = "reader-papers.crfsuite"
PAPERS_LIST = "reader-papers.txt"  # the papers it has met, one a line (beside a model given by path: the same name, .txt)


@dataclass(frozen=True)
class Role:
    """A line's role and how sure the model is of it (the marginal probability)."""

    label: str
    prob: float
    kicker: float = 0.0  # the probability that the line is a kicker (it splits a run of title lines)
    # for a line read as a running header or footer: the role the model found next likeliest, and its probability
    runner_up: str = ""
    runner_up_prob: float = 0.0


@lru_cache(maxsize=2)
def _tagger(path: str | None = None, packaged: str = MODEL):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    if path is None:
        ref = resources.files("rsbz_epub.data").joinpath(packaged)
        with resources.as_file(ref) as p:
            tagger.open(str(p))
    else:
        tagger.open(path)
    return tagger


def model_path() -> str | None:
    """The model file in use: $RSBZ_READER_MODEL (for leave-one-out measurement) or the packaged one."""
    import os

    return os.environ.get("RSBZ_READER_MODEL") or None


def papers_model_path() -> str | None:
    """The papers' model given by $RSBZ_READER_PAPERS_MODEL (for measurement), or None for the packaged one."""
    import os

    return os.environ.get("RSBZ_READER_PAPERS_MODEL") or None


@lru_cache(maxsize=2)
def _known(path: str | None) -> frozenset[str]:
    if path is None:
        text = resources.files("rsbz_epub.data").joinpath(PAPERS_LIST).read_text(encoding="utf-8")
    else:
        text = Path(path).with_suffix(".txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def known_paper(paper: str) -> bool:
    """Whether ``paper`` is read with the papers' model: it has met the paper, and is in use — when
    $RSBZ_READER_MODEL replaces the first model without a papers' model beside it, the first model reads every
    paper (a measurement that holds a paper out must not read it with a model that met it)."""
    papers = papers_model_path()
    if not paper or (papers is None and model_path() is not None):
        return False
    return paper in _known(papers)


#: At most this many items are tagged at a time: an ordinary issue in one sequence, as the model was trained;
#: an archive-sized one page by page (a very long page in slices), so memory stays bounded.
WINDOW = 3000


def _windows(items: list[Item]) -> list[tuple[int, int]]:
    """Item ranges of whole pages, as many as fit in ``WINDOW`` items; a longer page cut every ``WINDOW`` items."""
    out, start = [], 0
    for k in range(1, len(items) + 1):
        page_ends = k == len(items) or items[k].page != items[k - 1].page
        if k == len(items) or k - start >= WINDOW or (page_ends and _next_page_end(items, k) - start > WINDOW):
            out.append((start, k))
            start = k
    return out


def _next_page_end(items: list[Item], k: int) -> int:
    """The index just past the page that starts at item k."""
    j = k
    while j < len(items) and items[j].page == items[k].page:
        j += 1
    return j


def tag(items: list[Item], paper: str = "") -> list[Role]:
    """The role of every item, with its probability (``paper``: the masthead's name, whose habits the model may know)."""
    if not items:
        return []
    if known_paper(paper):
        tagger = _tagger(papers_model_path(), PAPERS_MODEL)
    else:
        tagger, paper = _tagger(model_path()), ""
    out: list[Role] = []
    for start, end in _windows(items):
        labels = tagger.tag(each_line_features(items, start, end, paper))  # read item by item, never all held
        out += [
            _header_runner_up(tagger, k) if lab == "X"
            else Role(lab, tagger.marginal(lab, k), tagger.marginal("K", k) if lab == "T" else 0.0)
            for k, lab in enumerate(labels)
        ]
    return out


def _header_runner_up(tagger, k: int) -> Role:
    """Item k of the tagged sequence, read as a running header or footer, with the role the model found next likeliest."""
    prob, alt = max((tagger.marginal(lab, k), lab) for lab in tagger.labels() if lab != "X")
    return Role("X", tagger.marginal("X", k), runner_up=alt, runner_up_prob=prob)
