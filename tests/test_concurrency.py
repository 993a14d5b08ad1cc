"""Several writers and killed ingests: honest reports, nothing lost or doubled, no orphans.
Real `mercato ingest` processes on one real SQLite file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"
DEV = ROOT.parent / "shared" / "data" / "dev-articles"
MERCATO = [sys.executable, "-c", "from mercato.cli import app; app()"]


def _articles(folder: Path, copies: int) -> None:
    """Folder of article files: the samples, and (where ../shared is beside the checkout) the
    dev articles' texts, each written ``copies`` times under other names (the same texts)."""
    folder.mkdir()
    sources = sorted(SAMPLES.iterdir()) + (sorted(DEV.glob("*.json")) if DEV.is_dir() else [])
    for n in range(copies):
        for path in sources:
            if path.suffix == ".json":
                data = json.loads(path.read_text(encoding="utf-8"))
                keep = {k: data[k] for k in ("text", "url", "outlet", "published") if k in data}
                (folder / f"{n}-{path.name}").write_text(json.dumps(keep), encoding="utf-8")
            elif path.is_file():
                shutil.copy(path, folder / f"{n}-{path.name}")


def _counts(url: str) -> tuple[int, int, int]:
    """Articles, distinct texts among them, and recorded ingest errors in a store."""
    engine = create_engine(url)
    with engine.connect() as connection:
        stored = connection.execute(text("select count(*), count(distinct content_hash) from articles")).one()
        recorded = connection.execute(text("select count(*) from ingest_errors")).scalar_one()
    engine.dispose()
    return stored[0], stored[1], recorded


def test_concurrent_ingests_of_overlapping_folders_report_no_false_failures(tmp_path, store_url):
    shared = tmp_path / "news"
    _articles(shared, 1)
    env = {**os.environ, "MERCATO_DB": store_url}
    subprocess.run([*MERCATO, "errors"], env=env, check=True, capture_output=True)  # create the store first
    runs = [
        subprocess.Popen(
            [*MERCATO, "ingest", "--workers", "1", str(shared)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], outputs
    assert not any("IntegrityError" in out or "different text" in out for out in outputs)
    stored, distinct, recorded = _counts(store_url)
    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    subprocess.run([*MERCATO, "ingest", str(shared)], env={**env, "MERCATO_DB": alone}, check=True)
    assert stored == distinct == _counts(alone)[0]  # every article once, as one ingest alone stores them
    assert recorded == 0


def test_reingesting_a_bad_file_updates_its_error_row(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("  \n")
    env = {**os.environ, "MERCATO_DB": f"sqlite:///{tmp_path / 'x.db'}"}
    for _ in range(2):
        subprocess.run([*MERCATO, "ingest", str(folder)], env=env, capture_output=True)
    listed = json.loads(subprocess.run([*MERCATO, "errors", "--json"], env=env, capture_output=True, text=True).stdout)
    assert len(listed) == 1


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill -9", "kill -TERM"])
def test_a_killed_ingest_leaves_no_worker_behind(tmp_path, sig):
    folder = tmp_path / "news"
    _articles(folder, 6)
    env = {**os.environ, "MERCATO_DB": f"sqlite:///{tmp_path / 'news.db'}"}
    ingest = subprocess.Popen(
        [*MERCATO, "ingest", "--workers", "2", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(ingest.pid)
    deadline = time.monotonic() + 120
    while len(parent.children(recursive=True)) < 2:
        assert ingest.poll() is None and time.monotonic() < deadline, "the ingest ended before its workers started"
        time.sleep(0.1)
    workers = parent.children(recursive=True)
    ingest.send_signal(sig)
    ingest.wait(timeout=30)
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert alive == [], f"workers outlived the killed ingest: {[p.pid for p in alive]}"
