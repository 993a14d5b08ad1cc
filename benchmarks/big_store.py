"""The generated store the API benchmarks run on, and the server they start over it.

1,000,000 claims in 100,000 sagas (50,000 players, two destinations each, ten claims per
saga, four claims per article) among 2,000 real clubs, written by raw executemany into a
schema the migrations made.
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
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from mercato.kb import load_kb, name_key
from mercato.store import open_store

PLAYERS = 50_000
CLUBS = 2_000
SAGAS_PER_PLAYER = 2
CLAIMS_PER_SAGA = 10
CLAIMS_PER_ARTICLE = 4
STAGES = ("interest", "approach", "negotiating", "agreed", "medical")
OUTLETS = ("BBC Sport", "Sky Sports News", "The Athletic", "Daily Mail", "Marca", "Kicker")
START = date(2024, 1, 1)


@cache
def club_names() -> tuple[str, ...]:
    """The store's clubs: real ones from the knowledge base, those with the largest squads first
    (so that club pages have a squad to draw)."""
    kb = load_kb()
    clubs = sorted(kb.clubs.values(), key=lambda c: (-len(kb.squad(c.id)), c.id))
    return tuple(dict.fromkeys(c.name for c in clubs))[:CLUBS]


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
            "INSERT INTO clubs (id, name, search_key) VALUES (?, ?, ?)",
            ((i, name, name_key(name)) for i, name in enumerate(club_names(), start=1)),
        )
        connection.executemany(
            "INSERT INTO players (id, name, search_key) VALUES (?, ?, ?)",
            ((i, player_name(i), player_name(i).lower()) for i in range(1, PLAYERS + 1)),
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
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
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


@contextmanager
def serving(path: Path | str, *args: str) -> Iterator[int]:
    """`mercato serve` over the store at ``path`` (a SQLite file, or a database URL) on a free
    loopback port, once it answers."""
    port = free_port()
    env = {**os.environ, "MERCATO_DB": path if isinstance(path, str) else f"sqlite:///{path}"}
    server = subprocess.Popen(
        [sys.executable, "-c", "from mercato.cli import app; app()", "serve", "--port", str(port), *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/openapi.json", timeout=5):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=15)


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """--db and --keep: where the generated store goes, and whether an existing one is kept."""
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep an existing --db file")


def generated_store(db: Path | None, keep: bool, folder: Path) -> Path:
    """The store's file: ``db`` as it is where ``keep`` and it exists, else generated anew."""
    path = db or folder / "bench.db"
    if not (keep and path.exists()):
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        generate(path)
        print(
            f"generated {PLAYERS * SAGAS_PER_PLAYER * CLAIMS_PER_SAGA:,} claims in "
            f"{PLAYERS * SAGAS_PER_PLAYER:,} sagas in {time.perf_counter() - started:.1f} s "
            f"({path.stat().st_size / 1e6:.0f} MB)"
        )
    return path


@contextmanager
def postgres_server(folder: Path) -> Iterator[str]:
    """A PostgreSQL server for the run, its data in ``folder`` (pytest-postgresql's executor;
    as root, as the postgres user): the URL of its server, without a database name."""
    from pytest_postgresql.executors import PostgreSQLExecutor

    port = free_port()
    server = PostgreSQLExecutor(
        executable=str(Path(__file__).resolve().parents[1] / "scripts" / "pg_ctl_unprivileged"),
        host="127.0.0.1",
        port=port,
        datadir=f"{folder}/pg-data",
        unixsocketdir=str(folder),
        logfile=f"{folder}/pg.log",
        startparams="-w",
        dbname="postgres",
    )
    server.start()
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        server.stop()


_COPIED = ("clubs", "players", "articles", "claims", "sagas", "saga_changes", "saga_state")


def copy_to_postgres(path: Path, server: str, name: str = "bench") -> str:
    """The generated SQLite store copied into a new PostgreSQL database (schema by the
    migrations, rows by COPY): its URL."""
    import psycopg

    plain = server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(f"{plain}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = f"{server}/{name}"
    open_store(url).close()
    source = sqlite3.connect(path)
    with psycopg.connect(f"{plain}/{name}") as target, target.cursor() as cursor:
        for table in _COPIED:
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
            listed = ", ".join(columns)
            with cursor.copy(f"COPY {table} ({listed}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {listed} FROM {table}"):
                    copy.write_row(row)
        target.commit()
        target.autocommit = True
        target.execute("ANALYZE")
    source.close()
    return url
