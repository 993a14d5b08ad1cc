"""Ingest throughput by engine and store: the process pool and Ray (1 and 2 workers), writing
to SQLite and to PostgreSQL. A real PostgreSQL server is started for the run in a temporary
folder (pytest-postgresql's executor; as root, as the postgres user), stopped after it.

    .venv/bin/python benchmarks/engines.py [--copies 12] [CORPUS]   (default: the dev articles, else the samples)

The corpus is read once and written out as ``--copies`` distinct copies (each article's id
and text marked with its copy's number, so that none is a duplicate), one JSON Lines file.
Each run ingests them into a new, empty store; articles/s counts the whole run (Ray's start,
some seconds, included, as a user meets it).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from big_store import postgres_server
from sqlalchemy import create_engine, text

from mercato.evaluate.bench import read_corpus
from mercato.kb import load_kb
from mercato.pipeline import ingest_paths
from mercato.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev-articles"


def _copies(corpus: Path, copies: int, out: Path) -> int:
    """The corpus as ``copies`` distinct copies in one JSON Lines file; how many articles."""
    found = read_corpus(corpus)
    with out.open("w", encoding="utf-8") as lines:
        for n in range(copies):
            for article in found:
                row = {"id": f"{article.id}-{n}", "text": f"{article.text}\n\nCopy {n}.", "outlet": article.outlet}
                row["published"] = article.published.isoformat() if article.published else None
                lines.write(json.dumps(row) + "\n")
    return copies * len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEV if DEV.is_dir() else ROOT / "samples" / "articles")
    parser.add_argument("--copies", type=int, default=12)
    args = parser.parse_args()
    kb = load_kb()
    with tempfile.TemporaryDirectory() as folder, postgres_server(Path(folder)) as server:
        corpus = Path(folder) / "corpus.jsonl"
        count = _copies(args.corpus, args.copies, corpus)
        admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
        try:
            print(f"{count} articles ({args.copies} copies of {args.corpus}), into a new store each run")
            print(f"{'engine':10} {'workers':>7} {'store':11} {'articles':>8} {'seconds':>8} {'articles/s':>10}")
            for n, (engine, workers, kind) in enumerate(
                (e, w, k) for k in ("sqlite", "postgresql") for e in ("process", "ray") for w in (1, 2)
            ):
                if kind == "sqlite":
                    url = f"sqlite:///{folder}/run{n}.db"
                else:
                    with admin.connect() as connection:
                        connection.execute(text(f"CREATE DATABASE run{n}"))
                    url = f"{server}/run{n}"
                store = open_store(url)
                started = time.perf_counter()
                report = ingest_paths([corpus], store, kb, workers=workers, engine=engine)
                took = time.perf_counter() - started
                store.close()
                print(f"{engine:10} {workers:>7} {kind:11} {report.new:>8} {took:>8.1f} {report.new / took:>10.1f}")
        finally:
            admin.dispose()


if __name__ == "__main__":
    main()
