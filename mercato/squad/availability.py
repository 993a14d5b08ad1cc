"""Who is unavailable on a date, from the injury and suspension claims Mercato has read.

A player is out from the date a claim reports him injured or suspended until the return
date the text gave or, failing that, a default duration for the kind of absence (below);
a later claim replaces an earlier one, so "back in training" ends an absence early.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from mercato.kb import name_key
from mercato.model import InjuryClaim, InjuryStatus, Player

__all__ = ["Absence", "absences", "default_return", "match_claim"]

# Default absence when the text gives no return date, by the injury it names (first match
# wins). Typical lay-offs: a cruciate or Achilles rupture costs most of a season (~9 months);
# surgery about three months; a fracture about two; a muscle or joint injury about four
# weeks. A suspension is usually one to three matches: three weeks.
_DEFAULT_DAYS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("acl", "cruciate", "achilles", "season"), 270),
    (("surgery", "operation"), 90),
    (("fracture", "broken"), 60),
)
_INJURY_DAYS = 28
_SUSPENSION_DAYS = 21


@dataclass(frozen=True, slots=True)
class Absence:
    """A player out on the as-of date, the claim that says so, and until when."""

    player: Player
    claim: InjuryClaim
    until: date | None  # None: reported without a date, so open-ended

    @property
    def reason(self) -> str:
        """The absence in words: 'injured (ACL) until 2026-09-01'."""
        what = str(self.claim.status)
        if self.claim.injury:
            what += f" ({self.claim.injury})"
        return what + (f" until {self.until.isoformat()}" if self.until else "")


def default_return(claim: InjuryClaim) -> date | None:
    """When the player is expected back: the text's date, else the default for the kind."""
    if claim.until is not None or claim.reported_on is None:
        return claim.until
    if claim.status == InjuryStatus.SUSPENDED:
        days = _SUSPENSION_DAYS
    else:
        injury = (claim.injury or "").lower()
        days = next((d for words, d in _DEFAULT_DAYS if any(w in injury for w in words)), _INJURY_DAYS)
    return claim.reported_on + timedelta(days=days)


def match_claim(claim: InjuryClaim, players: Iterable[Player]) -> Player | None:
    """The player a claim names: his full name, else a unique alias or surname in ``players``."""
    players = tuple(players)
    key = name_key(claim.player)
    if not key:
        return None
    full = [p for p in players if name_key(p.name) == key]
    if full:
        return full[0]
    alias = [p for p in players if key in {name_key(a) for a in p.aliases}]
    if alias:
        return alias[0] if len(alias) == 1 else None
    surname = key.split()[-1]
    by_surname = [p for p in players if name_key(p.name).split()[-1:] == [surname]]
    return by_surname[0] if len(by_surname) == 1 else None


def absences(claims: Iterable[InjuryClaim], players: Iterable[Player], as_of: date) -> dict[int | str, Absence]:
    """Players out on ``as_of``, keyed by player id (or name for players the KB lacks).

    Only claims reported on or before ``as_of`` count (undated ones always do); for each
    player the latest decides.
    """
    players = tuple(players)
    latest: dict[int | str, tuple[date, Player, InjuryClaim]] = {}
    for claim in claims:
        if claim.reported_on is not None and claim.reported_on > as_of:
            continue
        player = match_claim(claim, players)
        if player is None:
            continue
        key: int | str = player.id if player.id is not None else player.name
        when = claim.reported_on or date.min
        if key not in latest or when >= latest[key][0]:
            latest[key] = (when, player, claim)
    out: dict[int | str, Absence] = {}
    for key, (_, player, claim) in latest.items():
        if claim.status == InjuryStatus.FIT:
            continue
        until = default_return(claim)
        if until is None or as_of < until:
            out[key] = Absence(player, claim, until)
    return out
