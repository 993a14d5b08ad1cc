"""The dashboard on the 1,000,000-claim store: time to each page, one request at a time.

Generates the store of big_store.py (or reuses --db with --keep), starts `mercato serve` on a
free loopback port, and prints p50/p95/p99 of the home page, the sagas list (plain and by
club), a saga's page and a club's page, against the target of p95 < 100 ms. A benchmark,
not a test:

    .venv/bin/python benchmarks/pages_latency.py [--requests 100] [--db PATH] [--keep]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path
from urllib.parse import quote

from big_store import (
    PLAYERS,
    SAGAS_PER_PLAYER,
    add_store_options,
    club_names,
    generated_store,
    measure,
    percentiles,
    serving,
)

_TARGET_MS = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="requests per page")
    add_store_options(parser)
    args = parser.parse_args()
    rng = random.Random(4)
    clubs = club_names()[:200]  # the clubs with the largest squads
    pages = {
        "home /": lambda: "/",
        "sagas /browse": lambda: f"/browse?offset={rng.randrange(0, 500)}",
        "sagas by club": lambda: f"/browse?club={quote(rng.choice(clubs))}",
        "saga /saga/{id}": lambda: f"/saga/{rng.randrange(1, PLAYERS * SAGAS_PER_PLAYER + 1)}",
        "club /club/{name}": lambda: f"/club/{quote(rng.choice(clubs))}",
    }
    with tempfile.TemporaryDirectory() as folder:
        path = generated_store(args.db, args.keep, Path(folder))
        with serving(path) as port:
            for make in pages.values():
                measure(port, [make() for _ in range(5)])  # warm up
            print(f"{args.requests} requests a page, one at a time, mercato serve on 127.0.0.1:{port}")
            for label, make in pages.items():
                p50, p95, p99 = percentiles(measure(port, [make() for _ in range(args.requests)]))
                verdict = "ok" if p95 < _TARGET_MS else f"over the {_TARGET_MS} ms target"
                print(f"{label:20} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  p99 {p99:6.1f} ms  ({verdict})")


if __name__ == "__main__":
    main()
