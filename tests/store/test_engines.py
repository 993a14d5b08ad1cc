"""The engines give one answer: extraction as Ray tasks into PostgreSQL stores, claim by claim,
what a process pool stores into SQLite; and a Ray worker killed mid-run loses nothing."""

from __future__ import annotations

import os
import signal
import threading
import time

import psutil
import pytest

from mercato.kb import load_kb
from mercato.pipeline import ingest_paths
from mercato.store import articles, claims, open_store
from tests.conftest import HAS_POSTGRESQL
from tests.corpus import DEV_ARTICLES, ROOT

NEWS = DEV_ARTICLES if DEV_ARTICLES.is_dir() else ROOT / "samples" / "articles"


def _stored(url: str) -> tuple[list[str], list[tuple[object, ...]]]:
    """The stored articles' ids and every claim as its fields, in one order."""
    store = open_store(url)
    ids = sorted(article.id for article in articles(store))
    found = sorted(
        (
            c.claim.article_id,
            c.claim.evidence.span,
            c.claim.player,
            c.claim.from_club or "",
            c.claim.to_club,
            c.claim.stage.value,
            c.claim.deal_type.value,
            repr(c.claim.fee),
            c.claim.hedged,
            c.claim.reported_by or "",
            c.claim.evidence.sentence,
        )
        for c in claims(store)
    )
    store.close()
    return ids, found


@pytest.fixture(scope="module")
def by_process_pool(tmp_path_factory) -> tuple[list[str], list[tuple[object, ...]]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('process') / 'process.db'}"
    store = open_store(url)
    report = ingest_paths([NEWS], store, load_kb(), workers=2, engine="process")
    store.close()
    assert report.failed == 0 and report.new > 0
    return _stored(url)


@pytest.mark.skipif(not HAS_POSTGRESQL, reason="PostgreSQL is missing: `make test` installs it")
def test_ray_into_postgresql_stores_what_a_process_pool_stores_into_sqlite(by_process_pool, postgresql_database):
    info = postgresql_database.info
    url = f"postgresql+psycopg://{info.user}@{info.host}:{info.port}/{info.dbname}"
    store = open_store(url)
    report = ingest_paths([NEWS], store, load_kb(), workers=2, engine="ray")
    store.close()
    assert report.failed == 0
    ids, found = _stored(url)
    assert ids == by_process_pool[0]
    assert found == by_process_pool[1]  # claim by claim


def _kill_a_busy_worker(stop: threading.Event, killed: list[int]) -> None:
    """SIGKILL the first Ray worker seen running an extraction task."""
    while not stop.is_set() and not killed:
        for process in psutil.process_iter(["pid", "cmdline"]):
            if any("_extract_batch" in part for part in process.info["cmdline"] or ()):
                os.kill(process.info["pid"], signal.SIGKILL)
                killed.append(process.info["pid"])
                return
        time.sleep(0.01)


def test_a_ray_worker_killed_mid_run_loses_and_duplicates_nothing(by_process_pool, tmp_path):
    url = f"sqlite:///{tmp_path / 'ray.db'}"
    stop, killed = threading.Event(), []
    killer = threading.Thread(target=_kill_a_busy_worker, args=(stop, killed), daemon=True)
    killer.start()
    store = open_store(url)
    try:
        report = ingest_paths([NEWS], store, load_kb(), workers=2, engine="ray")
    finally:
        stop.set()
        killer.join(timeout=5)
        store.close()
    assert killed, "no Ray worker was seen running an extraction task"
    assert report.failed == 0
    ids, found = _stored(url)
    assert ids == by_process_pool[0]  # every article once
    assert found == by_process_pool[1]
