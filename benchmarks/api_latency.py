"""API latency on a large SQLite store: GET /sagas?player=... and GET /sagas/{id}.

Generates the store of big_store.py (1,000,000 claims in 100,000 sagas), starts
`mercato serve` (uvicorn) on a free loopback port, sends a bounded number of requests one
after another over a kept-alive connection, and prints p50/p95/p99 latencies. A benchmark, not a test:

    .venv/bin/python benchmarks/api_latency.py [--requests 300] [--postgres] [--db PATH] [--keep]

The generated database is written to a temporary folder (or --db) and is not committed.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from big_store import (
    PLAYERS,
    SAGAS_PER_PLAYER,
    add_store_options,
    copy_to_postgres,
    generated_store,
    measure,
    percentiles,
    player_name,
    postgres_server,
    serving,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    parser.add_argument("--postgres", action="store_true", help="copy the store into PostgreSQL and serve that")
    add_store_options(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        store: Path | str = generated_store(args.db, args.keep, Path(folder))
        if args.postgres:
            started = time.perf_counter()
            store = copy_to_postgres(Path(store), stack.enter_context(postgres_server(Path(folder))))
            print(f"copied into PostgreSQL in {time.perf_counter() - started:.1f} s")
        with serving(store) as port:
            rng = random.Random(2)
            by_player = [
                f"/sagas?player={player_name(rng.randrange(1, PLAYERS + 1)).replace(' ', '%20')}"
                for _ in range(args.requests)
            ]
            by_id = [f"/sagas/{rng.randrange(1, PLAYERS * SAGAS_PER_PLAYER + 1)}" for _ in range(args.requests)]
            measure(port, by_player[:20] + by_id[:20])  # warm up
            engine = "PostgreSQL" if args.postgres else "SQLite"
            print(f"{args.requests} requests each, one at a time, uvicorn on 127.0.0.1:{port}, {engine}")
            for label, paths in (("GET /sagas?player=NAME", by_player), ("GET /sagas/{id}", by_id)):
                p50, p95, p99 = percentiles(measure(port, paths))
                verdict = "ok" if p95 < 50 else "over the 50 ms target"
                print(f"{label:24} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  p99 {p99:6.1f} ms  ({verdict})")


if __name__ == "__main__":
    main()
