"""API under load: a real `mercato serve` on the 1,000,000-claim store, driven open-loop.

Requests are sent at a fixed rate (200/s by default) over a pool of kept-alive connections
(100), for 30 s, mixing the list, search and detail endpoints. Each latency is counted from
the moment its request was due, not from when a free connection took it, so a server that
falls behind shows it. Prints the achieved rate, p50/p95/p99 and the errors; the goal is
>= 195 req/s, p99 < 100 ms, no errors. A benchmark, not a test:

    .venv/bin/python benchmarks/api_load.py [--rate 200] [--connections 100] [--seconds 30]
        [--workers N] [--db PATH] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import aiohttp
from big_store import (
    PLAYERS,
    SAGAS_PER_PLAYER,
    add_store_options,
    club_names,
    generated_store,
    percentiles,
    player_name,
    serving,
)


def request_paths(count: int, seed: int = 3) -> list[str]:
    """A mix of what a dashboard asks: lists, searches by player and club, saga details."""
    rng = random.Random(seed)
    kinds = [
        lambda: f"/sagas?limit=20&offset={rng.randrange(0, 2000)}",
        lambda: f"/sagas?player={player_name(rng.randrange(1, PLAYERS + 1)).replace(' ', '%20')}",
        lambda: f"/sagas?club={quote(rng.choice(club_names()))}&limit=20",
        lambda: f"/sagas/{rng.randrange(1, PLAYERS * SAGAS_PER_PLAYER + 1)}",
        lambda: f"/sagas/{rng.randrange(1, PLAYERS * SAGAS_PER_PLAYER + 1)}",
    ]
    return [rng.choice(kinds)() for _ in range(count)]


async def drive(port: int, rate: float, connections: int, seconds: float) -> tuple[list[float], Counter[str], float]:
    """Milliseconds per request from when it was due, the outcomes by kind, and the seconds taken.

    A scheduler puts each request on a queue when it is due; one worker per connection takes
    them in turn, so the client's own cost stays flat however far the server falls behind.
    """
    paths = request_paths(int(rate * seconds))
    due: asyncio.Queue[tuple[float, str] | None] = asyncio.Queue()
    timings: list[float] = []
    outcomes: Counter[str] = Counter()
    connector = aiohttp.TCPConnector(limit=connections)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}", connector=connector, timeout=timeout) as session:

        async def worker() -> None:
            while (item := await due.get()) is not None:
                when, path = item
                try:
                    async with session.get(path) as response:
                        await response.read()
                        outcomes[str(response.status)] += 1
                except (aiohttp.ClientError, TimeoutError) as error:
                    outcomes[type(error).__name__] += 1
                timings.append((time.perf_counter() - when) * 1000)

        workers = [asyncio.create_task(worker()) for _ in range(connections)]
        started = time.perf_counter()
        for n, path in enumerate(paths):
            when = started + n / rate
            await asyncio.sleep(max(0.0, when - time.perf_counter()))
            due.put_nowait((when, path))
        for _ in workers:
            due.put_nowait(None)
        await asyncio.gather(*workers)
        return timings, outcomes, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200, help="requests per second offered")
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument(
        "--workers",
        type=int,
        default=(os.cpu_count() or 1) + 1,
        help="server processes (mercato serve --workers; default: one more than the cores, as the "
        "kernel hands connections to the processes unevenly)",
    )
    add_store_options(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = generated_store(args.db, args.keep, Path(folder))
        with serving(path, "--workers", str(args.workers)) as port:
            asyncio.run(drive(port, 50, 10, 2))  # warm up every worker
            print(
                f"{args.rate:g} req/s offered over {args.connections} connections for {args.seconds:g} s, "
                f"mercato serve --workers {args.workers} on 127.0.0.1:{port}"
            )
            timings, outcomes, took = asyncio.run(drive(port, args.rate, args.connections, args.seconds))
    served = outcomes["200"] + outcomes["404"]
    errors = sum(outcomes.values()) - served
    p50, p95, p99 = percentiles(timings)
    print(f"achieved {served / took:.1f} req/s; p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms")
    print(f"errors {errors} ({dict(outcomes)})")
    met = served / took >= 0.975 * args.rate and p99 < 100 and errors == 0
    print("goal (>= 97.5% of the offered rate, p99 < 100 ms, no errors):", "met" if met else "not met")


if __name__ == "__main__":
    main()
