"""Who a claim is attributed to: outlets and journalists named by the article (reported_by)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from mercato.extract.lexicon import Prefilter, grouped
from mercato.extract.phrases import source

__all__ = ["Attribution", "find_attributions", "gossip_heading", "known_outlets"]

_NAME = r"[A-Z][\w.'’&-]*(?:\s(?:of|dello|della|de|di|in|on)?\s?[A-Z0-9][\w.'’&-]*){0,4}"
_VERBS = rf"(?:has|have|had)?\s?(?:{source('attribution-verbs')})"
_SOURCES = (
    rf"\b{source('attribution-according')}(?P<src>{_NAME})",
    rf"\b{source('attribution-by')}(?P<src>{_NAME})",
    rf"\b(?:(?:{source('attribution-titles')}) )?(?P<src>{_NAME}),? {_VERBS}\b",
    rf"\b(?:{source('attribution-to')}) (?:the )?(?P<src>{_NAME})",
    rf"\b(?:{source('attribution-closing')}) (?:the )?(?P<src>{_NAME})\W*$",
)
_PATTERNS = tuple(grouped(source) for source in _SOURCES)
_ATTRIBUTION_WORDS = Prefilter(*_SOURCES)  # which patterns a sentence may match, read case-blind
_BRACKETED = re.compile(r"\((?P<src>[A-Z0-9][^()]{1,50})\)\W*$")
_HEADING = re.compile(r"^(?:THE |DAILY |SUNDAY )?[A-Z0-9' ]{2,30}$")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source named in a sentence, where the sentence names it."""

    source: str
    start: int
    end: int


@cache
def known_outlets() -> dict[str, str]:
    """Every outlet and journalist name or alias Mercato knows, mapped to its canonical name."""
    names: dict[str, str] = {}
    with resources.files("mercato.kb").joinpath("curated/outlets.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for alias in (row["name"], *filter(None, row["aliases"].split("|"))):
                names[alias] = row["name"]
                if len(alias) > 4:
                    names.setdefault(alias.lower(), row["name"])
    return names


def _canonical(raw: str) -> str | None:
    name = raw.strip(" .,'’").removeprefix("the ").removeprefix("The ")
    outlets = known_outlets()
    for candidate in (name, "The " + name):
        for key in (candidate, candidate.lower()):
            if key in outlets:
                return outlets[key]
    return None


def find_attributions(sentence: str, unknown_ok: bool = True) -> tuple[Attribution, ...]:
    """Sources a sentence attributes its claims to ('according to A Bola', '(Mirror)')."""
    found: list[Attribution] = []
    candidates = _ATTRIBUTION_WORDS.candidates(sentence.lower())
    for i, pattern in enumerate(_PATTERNS):
        if not candidates >> i & 1:
            continue
        for m in pattern.finditer(sentence):
            raw = m.group("src")
            source = _canonical(raw) or _longest_known_prefix(raw)
            if source is None and unknown_ok and pattern is _PATTERNS[0]:
                source = raw.strip(" .,")
            if source:
                found.append(Attribution(source, m.start("src"), m.end("src")))
    bracket = _BRACKETED.search(sentence)
    if bracket:
        raw = bracket.group("src")
        found.append(Attribution(_canonical(raw) or raw.strip(), bracket.start("src"), bracket.end("src")))
    return tuple(sorted(found, key=lambda a: a.start))


def _longest_known_prefix(raw: str) -> str | None:
    words = raw.split()
    for n in range(len(words) - 1, 0, -1):
        source = _canonical(" ".join(words[:n])) or _canonical(" ".join(words[-n:]))
        if source:
            return source
    return None


def gossip_heading(line: str) -> str | None:
    """A gossip column's newspaper heading line ('DAILY MAIL') as the outlet it names."""
    text = line.strip()
    if not _HEADING.fullmatch(text) or not any(c.isalpha() for c in text):
        return None
    return _canonical(text.title()) or _canonical(text.title().replace("Daily ", ""))
