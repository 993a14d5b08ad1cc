"""API latency on a large SQLite store: GET /sagas?player=... and GET /sagas/{id}.

Generates a store of 1,000,000 claims in 100,000 sagas (50,000 players, two destinations
each, ten claims per saga, four claims per article), starts `mercato serve` (uvicorn) on a
free loopback port, sends a bounded number of requests one after another over a kept-alive
connection, and prints p50/p95/p99 latencies. A benchmark, not a test:

    .venv/bin/python benchmarks/api_latency.py [--requests 300] [--db PATH] [--keep]

The generated database is written to a temporary folder (or --db) and is not committed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from mercato.store import open_store

PLAYERS = 50_000
CLUBS = 2_000
SAGAS_PER_PLAYER = 2
CLAIMS_PER_SAGA = 10
CLAIMS_PER_ARTICLE = 4
STAGES = ("interest", "approach", "negotiating", "agreed", "medical")
OUTLETS = ("BBC Sport", "Sky Sports News", "The Athletic", "Daily Mail", "Marca", "Kicker")
START = date(2024, 1, 1)


def player_name(i: int) -> str:
    return f"Player {i:06d}"


def generate(path: Path) -> None:
    """Write the store: schema by the migrations, rows by raw executemany."""
    open_store(f"sqlite:///{path}").close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA journal_mode=MEMORY")
    rng = random.Random(1)
    with connection:
        connection.executemany(
            "INSERT INTO clubs (id, name) VALUES (?, ?)", ((i, f"Club {i:05d}") for i in range(1, CLUBS + 1))
        )
        connection.executemany(
            "INSERT INTO players (id, name) VALUES (?, ?)", ((i, player_name(i)) for i in range(1, PLAYERS + 1))
        )
        sagas = [(p, rng.sample(range(1, CLUBS + 1), SAGAS_PER_PLAYER + 1)) for p in range(1, PLAYERS + 1)]
        saga_rows, change_rows, claim_rows, article_rows = [], [], [], []
        saga_id = claim_id = 0
        for player, clubs in sagas:
            from_club = clubs[0]
            for to_club in clubs[1:]:
                saga_id += 1
                first = START + timedelta(days=rng.randrange(500))
                days = sorted(first + timedelta(days=rng.randrange(60)) for _ in range(CLAIMS_PER_SAGA))
                stage = rng.choice(STAGES)
                factors = json.dumps([{"name": "stage", "value": stage, "contribution": 0.5}])
                saga_rows.append(
                    (
                        saga_id,
                        player,
                        to_club,
                        from_club,
                        stage,
                        None,
                        days[0],
                        days[-1],
                        CLAIMS_PER_SAGA,
                        CLAIMS_PER_SAGA,
                        3,
                        rng.random() / 2,
                        factors,
                    )
                )
                change_rows.append((saga_id, days[0], "new", "interest", None, None, None, None))
                for _ in days:  # the claims' dates are their articles'
                    claim_id += 1
                    article = f"a{(claim_id - 1) // CLAIMS_PER_ARTICLE:07d}"
                    claim_rows.append(
                        (
                            claim_id,
                            article,
                            player,
                            from_club,
                            to_club,
                            rng.choice(STAGES),
                            "unknown",
                            None,
                            None,
                            None,
                            rng.choice(OUTLETS),
                            0,
                            f"{player_name(player)} is wanted by Club {to_club:05d}.",
                            0,
                            40,
                        )
                    )
        for n in range(claim_id // CLAIMS_PER_ARTICLE):
            article = f"a{n:07d}"
            article_rows.append(
                (
                    article,
                    f"https://example.org/{article}",
                    rng.choice(OUTLETS),
                    START + timedelta(days=n % 560),
                    None,
                    f"Article {n}.",
                    f"{n:064x}",
                    None,
                    "2026-01-01 00:00:00",
                )
            )
        connection.executemany(
            "INSERT INTO articles (id, url, outlet, published, title, text, content_hash, source, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            article_rows,
        )
        connection.executemany(
            "INSERT INTO claims (id, article_id, player_id, from_club_id, to_club_id, stage, deal_type, "
            "fee_amount, fee_currency, fee_add_ons, reported_by, hedged, evidence, span_start, span_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claim_rows,
        )
        connection.executemany(
            "INSERT INTO sagas (id, player_id, to_club_id, from_club_id, stage, reason, first_seen, "
            "last_seen, claims, articles, independent, likelihood, factors) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            saga_rows,
        )
        connection.executemany(
            "INSERT INTO saga_changes (saga_id, day, change, stage, previous, article_id, source, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            change_rows,
        )
        # The saga tables are up to date with these claims: the server need not rebuild them.
        connection.execute(
            "INSERT INTO saga_state (id, last_claim_id, last_renewal_id, claims, as_of, model_version) "
            "VALUES (1, ?, 0, ?, ?, 'benchmark')",
            (claim_id, claim_id, START + timedelta(days=560)),
        )
    connection.execute("ANALYZE")
    connection.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def measure(port: int, paths: list[str]) -> list[float]:
    """Milliseconds per request, sent one after another over one kept-alive connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    timings = []
    for path in paths:
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        timings.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status} {body[:200]!r}")
    connection.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep an existing --db file")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"
    if not (args.keep and path.exists()):
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        generate(path)
        print(
            f"generated {PLAYERS * SAGAS_PER_PLAYER * CLAIMS_PER_SAGA:,} claims in "
            f"{PLAYERS * SAGAS_PER_PLAYER:,} sagas in {time.perf_counter() - started:.1f} s "
            f"({path.stat().st_size / 1e6:.0f} MB)"
        )
    port = free_port()
    env = {**os.environ, "MERCATO_DB": f"sqlite:///{path}"}
    server = subprocess.Popen(
        [sys.executable, "-c", "from mercato.cli import app; app()", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                measure(port, ["/openapi.json"])
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        rng = random.Random(2)
        by_player = [
            f"/sagas?player={player_name(rng.randrange(1, PLAYERS + 1)).replace(' ', '%20')}"
            for _ in range(args.requests)
        ]
        by_id = [f"/sagas/{rng.randrange(1, PLAYERS * SAGAS_PER_PLAYER + 1)}" for _ in range(args.requests)]
        measure(port, by_player[:20] + by_id[:20])  # warm up
        print(f"{args.requests} requests each, one at a time, uvicorn on 127.0.0.1:{port}")
        for label, paths in (("GET /sagas?player=NAME", by_player), ("GET /sagas/{id}", by_id)):
            p50, p95, p99 = percentiles(measure(port, paths))
            verdict = "ok" if p95 < 50 else "over the 50 ms target"
            print(f"{label:24} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  p99 {p99:6.1f} ms  ({verdict})")
    finally:
        server.terminate()
        server.wait(timeout=15)
        folder.cleanup()


if __name__ == "__main__":
    main()
