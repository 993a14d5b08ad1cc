"""The ingest pipeline: read inputs, extract claims over a process pool, store the results."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mercato.errors import OverBudget
from mercato.extract import extract
from mercato.ingest import ARTICLES_ONLY, IngestProblem, Selection, find_inputs, read_input
from mercato.kb import KnowledgeBase, load_kb
from mercato.model import Article, ExtractionResult
from mercato.settings import Settings
from mercato.store import Store, Stored

__all__ = ["ENGINES", "IngestReport", "ingest_paths"]

ENGINES = ("process", "ray")  # where extraction runs: a process pool here, or Ray tasks

_BATCH = 64  # articles extracted and stored together; progress moves once per batch
_MAX_ARTICLE_BYTES: int = Settings.model_fields["max_article_bytes"].default
_BUDGET_S: float = Settings.model_fields["extract_budget_s"].default

Progress = Callable[[int, int], None]  # (inputs done, inputs in all)
_Outcome = ExtractionResult | IngestProblem
_ExtractAll = Callable[[Sequence[Article]], list[_Outcome]]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did: articles read, newly stored, already stored, inputs failed."""

    read: int
    new: int
    duplicates: int
    failed: int
    seconds: float
    problems: tuple[IngestProblem, ...] = ()
    undated: int = 0  # articles read with no date (their claims are stored undated)

    @property
    def articles_per_second(self) -> float:
        """Articles read per second of the whole run."""
        return self.read / self.seconds if self.seconds > 0 else 0.0


@dataclass(slots=True)
class _Tally:
    read: int = 0
    undated: int = 0
    new: int = 0
    duplicates: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    recorded: int = 0  # problems already written to the store


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    kb: KnowledgeBase,
    workers: int | None = None,
    *,
    max_article_bytes: int = _MAX_ARTICLE_BYTES,
    budget_s: float | None = _BUDGET_S,
    engine: str = "process",
    address: str | None = None,
    on_progress: Progress | None = None,
    selection: Selection = ARTICLES_ONLY,
) -> IngestReport:
    """Ingest files and folders into the store; every input that fails is recorded there.

    Args:
        workers: extraction processes; None uses every core, 1 extracts in this process.
        selection: which files of a folder are read (articles only, by default).
        budget_s: seconds extraction may spend on one article (None: no limit); an article
            past it is recorded as failed and the batch goes on.
        engine: "process" (a process pool on this machine) or "ray" (Ray tasks: on the
            cluster at ``address``, else on a Ray instance started here for the run).
        on_progress: called with (inputs done, inputs in all) as batches are stored.
    """
    started = time.perf_counter()
    paths = list(paths)
    inputs = list(find_inputs(paths, selection))
    tally = _Tally()
    if not inputs:
        tally.problems.append(
            IngestProblem(
                ", ".join(map(str, paths)) or "(no paths)",
                "no input files found",
                "give files or folders holding .json, .jsonl, .txt, .md, .html or feed files",
            )
        )
    pending: list[Article] = []
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r}: not one of {', '.join(ENGINES)}")
    extractor = _ray_extractor(kb, workers, budget_s, address) if engine == "ray" else _extractor(kb, workers, budget_s)
    with extractor as extract_all:
        for done, item in enumerate(inputs, start=1):
            found = [item] if isinstance(item, IngestProblem) else read_input(item, max_article_bytes)
            for article_or_problem in found:
                if isinstance(article_or_problem, IngestProblem):
                    tally.problems.append(article_or_problem)
                else:
                    tally.read += 1
                    tally.undated += article_or_problem.published is None
                    pending.append(article_or_problem)
            if len(pending) >= _BATCH or done == len(inputs):
                _store_batch(pending, store, extract_all, tally)
                pending = []
                if on_progress is not None:
                    on_progress(done, len(inputs))
    _record_problems(store, tally)
    return IngestReport(
        read=tally.read,
        new=tally.new,
        duplicates=tally.duplicates,
        failed=len(tally.problems),
        seconds=time.perf_counter() - started,
        problems=tuple(tally.problems),
        undated=tally.undated,
    )


def _store_batch(batch: list[Article], store: Store, extract_all: _ExtractAll, tally: _Tally) -> None:
    """Extract and store the articles not stored yet; count the rest as duplicates."""
    seen = store.known_hashes(article.content_hash for article in batch)
    fresh: list[Article] = []
    for article in batch:
        if article.content_hash in seen:
            tally.duplicates += 1
        else:
            seen.add(article.content_hash)
            fresh.append(article)
    for article, outcome in zip(fresh, extract_all(fresh), strict=True):
        if isinstance(outcome, IngestProblem):
            tally.problems.append(outcome)
            continue
        try:
            stored = store.add_article(article, outcome)
        except Exception as error:  # the batch goes on; the article is recorded as failed
            tally.problems.append(
                IngestProblem(
                    _where(article),
                    f"could not store the article ({_in_words(error)})",
                    "check the database (MERCATO_DB) and ingest the file again",
                )
            )
            continue
        if stored is Stored.NEW:
            tally.new += 1
        elif stored is Stored.DUPLICATE:
            tally.duplicates += 1
        else:
            tally.problems.append(
                IngestProblem(
                    _where(article),
                    f"article id {article.id!r} is already stored with a different text",
                    "give this article its own id",
                )
            )
    _record_problems(store, tally)


def _in_words(error: Exception) -> str:
    """A database error in one line, without the statement the driver appends."""
    cause = getattr(error, "orig", None) or error
    first = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    return f"{type(cause).__name__}: {first}" if first else type(cause).__name__


def _record_problems(store: Store, tally: _Tally) -> None:
    store.add_problems(tally.problems[tally.recorded :])
    tally.recorded = len(tally.problems)


def _where(article: Article) -> str:
    return article.source or article.id


def _extract_safely(article: Article, kb: KnowledgeBase, budget_s: float | None) -> _Outcome:
    """The claims of one article, or the problem that stopped extraction."""
    try:
        return extract(article, kb, budget_s=budget_s)
    except OverBudget as error:
        return IngestProblem(_where(article), error.reason, error.hint)
    except Exception as error:  # the batch goes on; the article is recorded as failed
        return IngestProblem(
            _where(article),
            f"extraction failed ({type(error).__name__}: {error})",
            "report it to the Mercato maintainers with this input attached",
        )


@dataclass(slots=True)
class _Worker:
    """What a pool worker extracts with, set once when it starts."""

    kb: KnowledgeBase | None = None
    budget_s: float | None = None


_worker = _Worker()


_PARENT_CHECK_SECONDS = 0.5


def _start_worker(kb: KnowledgeBase, budget_s: float | None) -> None:
    _worker.kb, _worker.budget_s = kb, budget_s
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker once the ingest that started it is gone, however it ended (a killed
    process cannot shut its pool down; its workers would wait on the queue for good)."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(0)


def _extract_in_worker(article: Article) -> _Outcome:
    assert _worker.kb is not None, "a pool worker extracts after it has started"
    return _extract_safely(article, _worker.kb, _worker.budget_s)


@contextmanager
def _extractor(kb: KnowledgeBase, workers: int | None, budget_s: float | None) -> Iterator[_ExtractAll]:
    """A function extracting a batch of articles, over a process pool unless one worker."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        yield lambda articles: [_extract_safely(article, kb, budget_s) for article in articles]
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(kb, budget_s)) as pool:
        yield lambda articles: list(
            pool.map(_extract_in_worker, articles, chunksize=max(1, len(articles) // (workers * 4)))
        )


def _extract_batch(kb: KnowledgeBase | None, articles: Sequence[Article], budget_s: float | None) -> list[_Outcome]:
    """One Ray task: a batch of articles extracted, each to its claims or its problem (``kb``
    None: the packaged knowledge base, which each worker reads once and keeps)."""
    known = kb if kb is not None else load_kb()
    return [_extract_safely(article, known, budget_s) for article in articles]


_RAY_BATCH = 16  # articles a task: small enough to spread, large enough to outweigh a task's cost
_RAY_RETRIES = 3  # a task whose worker died is run again (its articles' writes are idempotent)


@contextmanager
def _ray_extractor(
    kb: KnowledgeBase, workers: int | None, budget_s: float | None, address: str | None
) -> Iterator[_ExtractAll]:
    """A function extracting a batch of articles as Ray tasks; the writes stay here, in order.

    Without ``address`` a local Ray instance is started for the run (``workers`` CPUs, all by
    default) and stopped after it; with one, the tasks go to that cluster.
    """
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        logging.getLogger("ray").setLevel(logging.ERROR)  # Ray's notices are not Mercato's output
        ray.init(
            address=address,
            num_cpus=None if address else (workers or os.cpu_count() or 1),
            include_dashboard=False,
            logging_level=logging.ERROR,
            log_to_driver=False,
            configure_logging=False,
        )
    task = ray.remote(max_retries=_RAY_RETRIES, retry_exceptions=False)(_extract_batch)
    # The packaged knowledge base each worker reads for itself, once; another one goes to the
    # object store and is read back with every task (slow: a large Python object).
    kb_ref: Any = None if kb is load_kb() else ray.put(kb)

    def extract_all(articles: Sequence[Article]) -> list[_Outcome]:
        batches = [list(articles[i : i + _RAY_BATCH]) for i in range(0, len(articles), _RAY_BATCH)]
        done = ray.get([task.remote(kb_ref, batch, budget_s) for batch in batches])
        return [outcome for batch in done for outcome in batch]

    try:
        yield extract_all
    finally:
        if started_here:
            ray.shutdown()
