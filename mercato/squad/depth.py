"""A club's squad on a date and its depth chart: each position with its players in order.

The squad is the knowledge base's snapshot (about June 2026) adjusted by the completed
moves passed in (what the store has read after the snapshot, or a user's what-if). Each
member carries his role, age and contract on the as-of date, a quality rating and, from the
injury news, whether he is available.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from mercato.kb import SNAPSHOT_DATE, KnowledgeBase, name_key
from mercato.kb.facts import player_on
from mercato.model import InjuryClaim, Player
from mercato.squad.availability import Absence, absences
from mercato.squad.positions import Position, Role, penalty, role_of

__all__ = [
    "SNAPSHOT_DATE",
    "DepthChart",
    "DepthEntry",
    "Move",
    "Quality",
    "SquadMember",
    "age_on",
    "build_depth_chart",
    "build_squad",
    "market_value_quality",
    "squad_as_of",
    "squad_source",
]

Quality = Callable[[Player], float]
"""A quality measure: a player -> a rating in [0, 1], higher is better."""

# market_value_quality maps EUR 100k (or no value) to 0 and EUR 200m to 1 on a log scale,
# so a star is not worth a hundred squad players and positions still matter in the XI.
_VALUE_FLOOR = 100_000
_VALUE_TOP = 200_000_000


def market_value_quality(player: Player) -> float:
    """The default quality: market value on a log scale, EUR 100k -> 0, EUR 200m -> 1."""
    value = player.market_value_eur or 0
    if value <= _VALUE_FLOOR:
        return 0.0
    scaled = math.log(value / _VALUE_FLOOR) / math.log(_VALUE_TOP / _VALUE_FLOOR)
    return min(1.0, scaled)


def age_on(birth_date: date | None, day: date) -> int | None:
    """Age in whole years on ``day``."""
    if birth_date is None:
        return None
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


@dataclass(frozen=True, slots=True)
class Move:
    """A completed move to apply to the snapshot: the player leaves one club for another.

    ``from_club_id`` / ``to_club_id`` None: from or to a club outside the KB (or retired).
    ``completed`` None: apply whatever the as-of date (a what-if).
    """

    player: Player
    from_club_id: int | None
    to_club_id: int | None
    completed: date | None = None


def _same_player(a: Player, b: Player) -> bool:
    if a.id is not None and b.id is not None:
        return a.id == b.id
    return name_key(a.name) == name_key(b.name)


def squad_as_of(kb: KnowledgeBase, club_id: int, as_of: date, moves: Iterable[Move] = ()) -> tuple[Player, ...]:
    """The club's players on ``as_of``: the transfer history's squad of that day (the
    snapshot's from its date on), then every move of the news completed by then that the
    reference data may lack (after the snapshot, or after the history thins out), and the
    what-ifs last."""

    def due(move: Move) -> bool:
        if move.completed is None:
            return True
        if as_of >= SNAPSHOT_DATE:  # the snapshot holds every move up to its date
            return SNAPSHOT_DATE < move.completed <= as_of
        later = any(move.completed < m.on <= as_of for m in kb.moves_of(move.player))  # the history knows better
        return move.completed <= as_of and not later

    ordered = sorted((m for m in moves if due(m)), key=lambda m: m.completed or date.max)
    players = list(kb.squad_on(club_id, as_of))
    if as_of < SNAPSHOT_DATE:  # the snapshot's contracts are today's: each one as of that day, or unknown
        players = [replace(p, contract_expiry=player_on(p, as_of, kb).contract_expiry) for p in players]
    for move in ordered:
        if move.to_club_id != club_id:
            players = [p for p in players if not _same_player(p, move.player)]
        elif not any(_same_player(p, move.player) for p in players):
            players.append(move.player)
    return tuple(players)


def squad_source(as_of: date) -> str:
    """Where the squad of a day comes from, in words."""
    if as_of >= SNAPSHOT_DATE:
        return f"the reference snapshot of {SNAPSHOT_DATE:%B %Y} and the completed moves the stored news reports since"
    return (
        f"the transfer history on {as_of} and the completed moves the stored news reports (positions and"
        f" values from the snapshot of {SNAPSHOT_DATE:%B %Y}; contracts as of that day where known)"
    )


@dataclass(frozen=True, slots=True)
class SquadMember:
    """A player of the squad as the analysis sees him on the as-of date."""

    player: Player
    role: Role
    quality: float
    age: int | None
    absence: Absence | None = None

    @property
    def name(self) -> str:
        return self.player.name

    @property
    def available(self) -> bool:
        return self.absence is None


def build_squad(
    players: Iterable[Player],
    as_of: date,
    injuries: Iterable[InjuryClaim] = (),
    quality: Quality = market_value_quality,
) -> tuple[SquadMember, ...]:
    """Squad members with role, quality, age and availability on ``as_of``."""
    players = tuple(players)
    out = absences(injuries, players, as_of)
    return tuple(
        SquadMember(
            player=p,
            role=role_of(p.position),
            quality=quality(p),
            age=age_on(p.birth_date, as_of),
            absence=out.get(p.id if p.id is not None else p.name),
        )
        for p in players
    )


@dataclass(frozen=True, slots=True)
class DepthEntry:
    """One player at one position: natural there, or covering at a penalty."""

    member: SquadMember
    penalty: float  # 0 for a natural

    @property
    def natural(self) -> bool:
        return self.penalty == 0.0

    @property
    def rating(self) -> float:
        """The player's quality at this position, after the penalty."""
        return self.member.quality * (1 - self.penalty)


@dataclass(frozen=True, slots=True)
class DepthChart:
    """Each position of the common scheme with its players, best first."""

    club_id: int
    as_of: date
    members: tuple[SquadMember, ...]
    positions: dict[Position, tuple[DepthEntry, ...]]

    def naturals(self, position: Position) -> tuple[DepthEntry, ...]:
        """The position's natural players, best first."""
        return tuple(e for e in self.positions[position] if e.natural)

    def covers(self, position: Position) -> tuple[DepthEntry, ...]:
        """Players of other positions who can cover this one, best first."""
        return tuple(e for e in self.positions[position] if not e.natural)


def _order(entry: DepthEntry) -> tuple[bool, bool, float, int, date]:
    # Naturals before covers, available before unavailable, then better, younger, and
    # longer-contracted first.
    member = entry.member
    return (
        not entry.natural,
        not member.available,
        -entry.rating,
        member.age if member.age is not None else 99,
        _contract_key(member.player.contract_expiry),
    )


def _contract_key(expiry: date | None) -> date:
    # Later expiry first: invert the ordinal so sorting ascending puts it first.
    return date.fromordinal(date.max.toordinal() - (expiry or date.min).toordinal() + 1)


def build_depth_chart(club_id: int, members: Iterable[SquadMember], as_of: date) -> DepthChart:
    """The depth chart: for every position, its naturals then the players who can cover it."""
    members = tuple(members)
    positions: dict[Position, tuple[DepthEntry, ...]] = {}
    for position in Position:
        entries = []
        for member in members:
            if member.role.natural == position or position in member.role.covers:
                entries.append(DepthEntry(member, penalty(member.role, position) or 0.0))
        positions[position] = tuple(sorted(entries, key=_order))
    return DepthChart(club_id, as_of, members, positions)
