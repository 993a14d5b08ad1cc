"""Source reliability: each outlet's and journalist's track record on transfer claims.

A source's reliability is the mean of a Beta posterior: the prior comes from its tier
(``kb/curated/outlets.csv``, priors in ``data/likelihood.json``), and each resolved saga
it reported on adds a hit (the move completed) or a miss (the saga died). Pure functions;
see docs/likelihood.md.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from scipy.stats import beta as beta_distribution

from mercato.kb import name_key
from mercato.model import Stage
from mercato.sagas.merge import ReportedClaim, SagaKey

__all__ = [
    "SourceBook",
    "SourceRecord",
    "load_sources",
    "reliabilities",
    "track_records",
]

UNKNOWN_TIER = "unknown"  # the prior of a source outlets.csv does not list


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
    hits: int  # resolved sagas it reported that completed
    misses: int  # resolved sagas it reported that died
    prior_alpha: float
    prior_beta: float

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


def track_records(
    groups: Mapping[SagaKey, Sequence[ReportedClaim]],
    stages: Mapping[SagaKey, Stage],
    book: SourceBook,
    priors: Mapping[str, tuple[float, float]],
) -> dict[str, SourceRecord]:
    """Every named source's claims, hits and misses over the sagas, with its tier prior.

    A source scores once per resolved saga, and only for claims that the move is on: a
    completed saga is a hit, an ``off`` one (denied, or closed by a move elsewhere) a miss.
    """
    claims: dict[str, int] = defaultdict(int)
    hits: dict[str, int] = defaultdict(int)
    misses: dict[str, int] = defaultdict(int)
    for key, saga_claims in groups.items():
        stage = stages[key]
        backers: set[str] = set()
        for reported in saga_claims:
            name = _source_name(reported, book)
            if name is None:
                continue
            claims[name] += 1
            if reported.claim.stage is not Stage.OFF:
                backers.add(name)
        for name in backers:
            if stage is Stage.COMPLETED:
                hits[name] += 1
            elif stage is Stage.OFF:
                misses[name] += 1
    records: dict[str, SourceRecord] = {}
    for name in claims:
        tier = book.tier(name)
        alpha, beta = priors.get(tier, priors[UNKNOWN_TIER])
        records[name] = SourceRecord(name, book.kind(name), tier, claims[name], hits[name], misses[name], alpha, beta)
    return records


def reliabilities(records: Iterable[SourceRecord]) -> dict[str, float]:
    """Reliability by source name."""
    return {record.name: record.reliability for record in records}
