"""The reader against the answered corpus: every figure of bench/reader_metrics.py must be 1.00.

One test per issue and figure (``test_corpus[corpus/ldb-2024-03-14-breaks]``), so
a failure names the file and the figure, and its message lists what went wrong.
Answers and their schema: tests/corpus/README.md; the full report: bench/reader_metrics.py.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("rsbz_bench_metrics", ROOT / "bench" / "metrics.py")
assert _spec and _spec.loader
metrics = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = metrics
_spec.loader.exec_module(metrics)

#: Select or skip with ``-m corpus`` / ``-m "not corpus"`` (register the marker in pyproject).
pytestmark = pytest.mark.corpus

CASES = [(p, m) for p in metrics.answer_files() for m in metrics.METRICS]


@lru_cache(maxsize=None)
def _scored(path: Path):
    return metrics.score_file(path)


@pytest.mark.parametrize(
    ("answer", "metric"), CASES, ids=[f"{metrics.display_name(p)}-{m}" for p, m in CASES]
)
def test_corpus(answer: Path, metric: str) -> None:
    result = _scored(answer)
    score = result.scores[metric]
    if score.total == 0:
        return
    problems = [p for p in result.problems if p.startswith(metric + ":") or p.startswith("reader failed")]
    assert score.right == score.total, (
        f"{result.name}: {metrics.METRICS[metric]} {score.right}/{score.total}\n  " + "\n  ".join(problems)
    )


def test_corpus_is_complete() -> None:
    """The corpus keeps its promised breadth: ≥ 12 issues from ≥ 3 papers besides examples."""
    corpus = [p for p in metrics.answer_files() if p.parent.name == "corpus"]
    papers = {p.name.split("-")[0] for p in corpus}
    assert len(corpus) >= 12 and len(papers) >= 3
