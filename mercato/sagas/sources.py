"""Source reliability: each outlet's and journalist's track record on transfer claims.

A source's reliability is the mean of a Beta posterior: the prior comes from its tier
(``kb/curated/outlets.csv``, priors in ``data/likelihood.json``), and each resolved saga
it predicted adds a hit (the move completed) or a miss (the saga died). A prediction is the
first claim of an independent report (copies are not predictions of their own), made
before the outcome was public and not itself the outcome (a report that the move is done,
or off, predicts nothing). Pure functions; see docs/likelihood.md.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from rapidfuzz import fuzz
from scipy.stats import beta as beta_distribution

from mercato.kb import fold, name_key
from mercato.model import Stage
from mercato.sagas.merge import ReportedClaim, SagaKey

__all__ = [
    "MIN_SCORED",
    "SourceBook",
    "SourceRecord",
    "independent_reports",
    "load_sources",
    "reliabilities",
    "track_records",
]

UNKNOWN_TIER = "unknown"  # the prior of a source outlets.csv does not list
# A source is ranked by its reliability from this many scored predictions; below it, its
# reliability is mostly its tier's prior, and it is listed as having too few.
MIN_SCORED = 3


@dataclass(frozen=True, slots=True)
class _Outlet:
    name: str
    kind: str
    tier: int
    group: str


@dataclass(frozen=True, slots=True, eq=False)
class SourceBook:
    """The outlets and journalists Mercato knows: canonical names, tiers and groups."""

    _by_key: dict[str, _Outlet]

    def canonical(self, name: str) -> str:
        """The canonical name of an outlet or journalist ('Sky Sports' -> 'Sky Sports News')."""
        known = self._find(name)
        return known.name if known else name.strip()

    def tier(self, name: str) -> str:
        """The tier ('1' to '4') of a source, or 'unknown'."""
        known = self._find(name)
        return str(known.tier) if known else UNKNOWN_TIER

    def kind(self, name: str) -> str:
        """'outlet', 'journalist', or 'unknown' for a source outlets.csv does not list."""
        known = self._find(name)
        return known.kind if known else UNKNOWN_TIER

    def group(self, name: str) -> str:
        """The newsroom a source belongs to; sources of one group are not independent."""
        known = self._find(name)
        return known.group if known else self.canonical(name)

    def _find(self, name: str) -> _Outlet | None:
        key = name_key(name)
        return self._by_key.get(key) or self._by_key.get(name_key("the " + name))


def _read(name: str) -> list[dict[str, str]]:
    path = resources.files("mercato.kb").joinpath(f"curated/{name}")
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@cache
def load_sources() -> SourceBook:
    """The bundled outlet table with tiers (outlets.csv) and groups (outlet_groups.csv)."""
    groups = {row["name"]: row["group"] for row in _read("outlet_groups.csv")}
    by_key: dict[str, _Outlet] = {}
    for row in _read("outlets.csv"):
        outlet = _Outlet(row["name"], row["kind"], int(row["tier"]), groups.get(row["name"], row["name"]))
        for alias in (row["name"], *filter(None, row["aliases"].split("|"))):
            by_key.setdefault(name_key(alias), outlet)
    return SourceBook(by_key)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A source's track record and the reliability it earns."""

    name: str
    kind: str
    tier: str
    claims: int  # claims attributed to it
    hits: int  # resolved sagas it predicted that completed
    misses: int  # resolved sagas it predicted that died
    prior_alpha: float
    prior_beta: float

    @property
    def scored(self) -> int:
        """Its predictions that were resolved: hits and misses."""
        return self.hits + self.misses

    @property
    def ranked(self) -> bool:
        """Whether it has enough scored predictions to be ranked by its reliability."""
        return self.scored >= MIN_SCORED

    @property
    def alpha(self) -> float:
        """Posterior alpha: prior plus hits."""
        return self.prior_alpha + self.hits

    @property
    def beta(self) -> float:
        """Posterior beta: prior plus misses."""
        return self.prior_beta + self.misses

    @property
    def reliability(self) -> float:
        """Posterior mean: the chance a claim of this source comes true."""
        return self.alpha / (self.alpha + self.beta)

    @property
    def interval(self) -> tuple[float, float]:
        """The central 90% credible interval of the reliability."""
        low, high = beta_distribution.ppf([0.05, 0.95], self.alpha, self.beta)
        return float(low), float(high)


def _source_name(reported: ReportedClaim, book: SourceBook) -> str | None:
    source = reported.source
    return book.canonical(source) if source else None


def _sentence_key(text: str) -> str:
    return " ".join(fold(text).lower().split())


def independent_reports(
    claims: Sequence[ReportedClaim], book: SourceBook, similarity: float = 90.0
) -> list[list[ReportedClaim]]:
    """Claims grouped into independent reports.

    Copies are not independent: claims from one article, from sources of one group
    (one newsroom, see kb/curated/OUTLETS.md) or with near-identical sentences
    (rapidfuzz ratio at least ``similarity``) form one report.
    """
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    sentences = [_sentence_key(c.claim.evidence.sentence) for c in claims]
    first_of: dict[str, int] = {}
    for i, reported in enumerate(claims):
        keys = [f"article:{reported.claim.article_id}"] if reported.claim.article_id else []
        if reported.source:
            keys.append(f"group:{book.group(reported.source)}")
        for key in keys:
            if key in first_of:
                join(i, first_of[key])
            else:
                first_of[key] = i
        for j in range(i):
            if find(i) != find(j) and fuzz.ratio(sentences[i], sentences[j]) >= similarity:
                join(i, j)
    reports: dict[int, list[ReportedClaim]] = defaultdict(list)
    for i, reported in enumerate(claims):
        reports[find(i)].append(reported)
    return list(reports.values())


def track_records(
    groups: Mapping[SagaKey, Sequence[ReportedClaim]],
    stages: Mapping[SagaKey, Stage],
    book: SourceBook,
    priors: Mapping[str, tuple[float, float]],
    decided: Mapping[SagaKey, date | None] | None = None,
    similarity: float = 90.0,
) -> dict[str, SourceRecord]:
    """Every named source's claims, hits and misses over the sagas, with its tier prior.

    ``decided``: the day each resolved saga's outcome was reported (None: not known). A
    source scores once per resolved saga it predicted: a completed saga is a hit, an ``off``
    one (denied, or closed by a move elsewhere) a miss. Claims that copy an earlier one
    (``independent_reports``), undated claims and claims made on or after the outcome's day
    or reporting the outcome itself score nothing.
    """
    decided = decided or {}
    claims: dict[str, int] = defaultdict(int)
    hits: dict[str, int] = defaultdict(int)
    misses: dict[str, int] = defaultdict(int)
    for key, saga_claims in groups.items():
        for reported in saga_claims:
            name = _source_name(reported, book)
            if name is not None:
                claims[name] += 1
        stage = stages[key]
        if stage not in (Stage.COMPLETED, Stage.OFF):
            continue
        predictors = {
            name
            for origin in _origins(saga_claims, book, similarity)
            if (name := _source_name(origin, book)) is not None and _predicts(origin, decided.get(key))
        }
        for name in predictors:
            if stage is Stage.COMPLETED:
                hits[name] += 1
            else:
                misses[name] += 1
    records: dict[str, SourceRecord] = {}
    for name in claims:
        tier = book.tier(name)
        alpha, beta = priors.get(tier, priors[UNKNOWN_TIER])
        records[name] = SourceRecord(name, book.kind(name), tier, claims[name], hits[name], misses[name], alpha, beta)
    return records


def _origins(claims: Sequence[ReportedClaim], book: SourceBook, similarity: float) -> list[ReportedClaim]:
    """The first claim of each independent report: the one the others copy."""
    return [
        min(report, key=lambda c: c.published or date.max) for report in independent_reports(claims, book, similarity)
    ]


def _predicts(reported: ReportedClaim, decided: date | None) -> bool:
    """Whether a claim was a prediction: dated, before the outcome's day, and not the outcome."""
    if reported.published is None or reported.claim.stage in (Stage.COMPLETED, Stage.OFF):
        return False
    return decided is None or reported.published < decided


def reliabilities(records: Iterable[SourceRecord]) -> dict[str, float]:
    """Reliability by source name."""
    return {record.name: record.reliability for record in records}
