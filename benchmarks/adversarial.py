"""Extraction time on hostile texts, per 100 KB: it must grow in proportion to the length.

Each kind of text is built at two lengths; the benchmark prints the seconds per 100 KB at
each (equal figures: linear time) against the target of 0.5 s per 100 KB. A benchmark,
not a test:

    .venv/bin/python benchmarks/adversarial.py [--kb 100]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from importlib import resources

import mercato
from mercato.kb import load_kb

_TARGET = 0.5  # seconds per 100 KB


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _capitalised(size: int) -> str:
    words, total, i = [], 0, 0
    while total < size:
        word = f"Zorvath{i} "
        words.append(word)
        total += len(word)
        i += 1
    return "".join(words)[:size]


def _lexicon_phrases() -> str:
    """Every plain phrase (no pattern syntax) of the cue lexicons, in one sentence about a move."""
    folder = resources.files("mercato.extract").joinpath("lexicons/en")
    phrases = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and not re.search(r"[()|?*+\[\]\\{}]", line):
                phrases.append(line.strip())
    return "Arsenal " + " Declan Rice ".join(phrases) + " West Ham"


KINDS: dict[str, Callable[[int], str]] = {
    "one club name repeated": _repeat("Arsenal "),
    "one player and club sentence repeated": _repeat("Liverpool have signed Kylian Mbappé from Man Utd. "),
    "one cue phrase repeated": _repeat("have agreed a fee with "),
    "capitalised words": _capitalised,
    "every lexicon phrase in one sentence": _repeat(_lexicon_phrases() + " "),
    "one very long token": _repeat("a"),
    "names with no full stop": _repeat("Declan Rice Arsenal Bukayo Saka Chelsea Cole Palmer "),
}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    mercato.extract(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=100, help="the shorter length, in KB (the longer is four times it)")
    size = parser.parse_args().kb * 1000
    load_kb()
    mercato.extract("Arsenal have signed Declan Rice from West Ham.")  # load the model and lexicons first
    small, large = f"s/100KB at {size // 1000} KB", f"at {4 * size // 1000} KB"
    print(f"{'kind':40} {small:>16} {large:>10}  target")
    worst = 0.0
    for name, build in KINDS.items():
        figures = [_seconds(build(n)) / (n / 100_000) for n in (size, 4 * size)]
        worst = max(worst, *figures)
        verdict = "ok" if max(figures) < _TARGET else "OVER"
        print(f"{name:40} {figures[0]:16.3f} {figures[1]:10.3f}  < {_TARGET} {verdict}", flush=True)
    print(f"worst: {worst:.3f} s per 100 KB (target {_TARGET})")


if __name__ == "__main__":
    main()
