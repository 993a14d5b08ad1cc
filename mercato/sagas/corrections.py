"""Corrections: what a journalist says the extraction got wrong, applied to the claims.

A correction is stored apart from the claims it corrects and names them by what survives a
new extraction (the article, the player, the destination), so it holds after re-ingest and
after re-reading the articles with a new model. Pure: corrections and claims in, corrected
claims out; the likelihood and the sources' records are then computed from those.

- ``reject``: the claim is wrong; it leaves every saga.
- ``fix``: fields of the claim are wrong (player, from_club, to_club, stage, deal_type).
- ``merge``: two sagas of one player are one: the second's claims join the first's club and
  episode (the correction names the first; ``changes`` the second: ``to_club``, ``first_seen``,
  ``last_seen``).
- ``split``: a saga is two from a day on: the first claim on or after ``at`` opens a new one.

A saga is named by its player, destination and the days of its first and last claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from mercato.kb import name_key
from mercato.model import DealType, Stage
from mercato.sagas.merge import ReportedClaim

__all__ = ["FIXABLE", "Correction", "Kind", "apply_corrections"]

FIXABLE = ("player", "from_club", "to_club", "stage", "deal_type")


class Kind(StrEnum):
    """What a correction does."""

    REJECT = "reject"
    FIX = "fix"
    MERGE = "merge"
    SPLIT = "split"


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction: what, to which claim or saga, by whom, when and why."""

    kind: Kind
    player: str  # the claim's or saga's player, as extracted
    to_club: str  # its destination, as extracted
    by: str
    made: datetime | None  # None: not stored yet (the store stamps it)
    why: str
    article_id: str | None = None  # reject and fix: the claim's article
    first_seen: date | None = None  # merge and split: the saga's first and last claims' days
    last_seen: date | None = None
    at: date | None = None  # split: the day the new saga starts
    changes: dict[str, str] = field(default_factory=dict)  # fix: field -> new value; merge: the second saga
    id: int | None = None

    def describe(self) -> str:
        """The correction in words, with who, when and why."""
        what = {
            Kind.REJECT: "rejected",
            Kind.FIX: "fixed " + ", ".join(f"{k} to {v}" for k, v in sorted(self.changes.items())),
            Kind.MERGE: f"merged with the saga to {self.changes.get('to_club')} of {self.changes.get('first_seen')}",
            Kind.SPLIT: f"split at {self.at}",
        }[self.kind]
        when = f" on {self.made:%Y-%m-%d}" if self.made else ""
        return f"{what} by {self.by}{when}: {self.why}"


def apply_corrections(claims: Iterable[ReportedClaim], corrections: Sequence[Correction]) -> list[ReportedClaim]:
    """The claims as the corrections leave them (rejected ones left out), each carrying the
    corrections applied to it in words."""
    out = []
    for reported in claims:
        applied = [c for c in corrections if c.kind in (Kind.REJECT, Kind.FIX) and _names(c, reported)]
        if any(c.kind is Kind.REJECT for c in applied):
            continue
        for correction in applied:
            reported = _fixed(reported, correction.changes)
        if applied:
            reported = replace(reported, corrections=tuple(c.describe() for c in applied))
        out.append(reported)
    for correction in corrections:
        if correction.kind is Kind.MERGE:
            out = _merged(out, correction)
        elif correction.kind is Kind.SPLIT:
            out = _split(out, correction)
    return out


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and name_key(a) == name_key(b)


def _names(correction: Correction, reported: ReportedClaim) -> bool:
    claim = reported.claim
    return (
        correction.article_id == claim.article_id
        and _same(correction.player, claim.player)
        and _same(correction.to_club, claim.to_club)
    )


def _fixed(reported: ReportedClaim, changes: dict[str, str]) -> ReportedClaim:
    claim = reported.claim
    claim = replace(
        claim,
        player=changes.get("player", claim.player),
        to_club=changes.get("to_club", claim.to_club),
        from_club=(changes["from_club"] or None) if "from_club" in changes else claim.from_club,
        stage=Stage(changes["stage"]) if "stage" in changes else claim.stage,
        deal_type=DealType(changes["deal_type"]) if "deal_type" in changes else claim.deal_type,
    )
    return replace(reported, claim=claim)


def _saga_claims(
    claims: list[ReportedClaim], player: str, to_club: str, first: date | None, last: date | None
) -> list[int]:
    """The positions of one saga's claims, in time order: the pair's, dated within its days."""
    low, high = first or date.min, last or date.max
    return sorted(
        (
            i
            for i, r in enumerate(claims)
            if _same(r.claim.player, player)
            and _same(r.claim.to_club, to_club)
            and low <= (r.published or date.min) <= high
        ),
        key=lambda i: claims[i].published or date.min,
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _merged(claims: list[ReportedClaim], correction: Correction) -> list[ReportedClaim]:
    first = _saga_claims(claims, correction.player, correction.to_club, correction.first_seen, correction.last_seen)
    other = correction.changes
    second = _saga_claims(
        claims, correction.player, other["to_club"], _day(other.get("first_seen")), _day(other.get("last_seen"))
    )
    to_club = claims[first[0]].claim.to_club if first else correction.to_club
    note = correction.describe()
    out = list(claims)
    for i in second:
        reported = out[i]
        claim = replace(reported.claim, to_club=to_club)
        out[i] = replace(reported, claim=claim, corrections=(*reported.corrections, note))
    union = sorted(first + second, key=lambda i: out[i].published or date.min)
    for i in union[1:]:
        out[i] = replace(out[i], opens=False)  # one saga from the first claim of either to the last
    return out


def _split(claims: list[ReportedClaim], correction: Correction) -> list[ReportedClaim]:
    at = correction.at or date.max
    saga = _saga_claims(claims, correction.player, correction.to_club, correction.first_seen, correction.last_seen)
    later = [i for i in saga if (claims[i].published or date.min) >= at]
    out = list(claims)
    if later:
        i = later[0]
        out[i] = replace(out[i], opens=True, corrections=(*out[i].corrections, correction.describe()))
    return out
