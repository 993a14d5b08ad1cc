"""The best XI in a formation: an optimal assignment of available players to its slots.

A player's value in a slot is his quality times (1 - the penalty for playing the slot's
position, see positions.COVERAGE), so a natural is best and a covered position costs what
the table says. The Hungarian algorithm (scipy's ``linear_sum_assignment``) maximises the
total over the XI, which is optimal, not greedy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from mercato.errors import MercatoError
from mercato.squad.depth import SquadMember
from mercato.squad.positions import Position, penalty

__all__ = [
    "FORMATIONS",
    "BestXI",
    "Slot",
    "XIPlace",
    "assign_slots",
    "best_xi",
    "formation_slots",
    "slot_value",
]

P = Position

# Formations as data: slot names follow mplsoccer's (so pitch.py can place them), each with
# the position of the common scheme it asks for. Wide midfielders of a 4-4-2 play as
# wingers (RW/LW), wing-backs as full-backs (RB/LB).
FORMATIONS: dict[str, tuple[tuple[str, Position], ...]] = {
    "4-3-3": (
        ("GK", P.GK),
        ("RB", P.RB),
        ("RCB", P.CB),
        ("LCB", P.CB),
        ("LB", P.LB),
        ("CDM", P.DM),
        ("RCM", P.CM),
        ("LCM", P.CM),
        ("RW", P.RW),
        ("ST", P.ST),
        ("LW", P.LW),
    ),
    "4-2-3-1": (
        ("GK", P.GK),
        ("RB", P.RB),
        ("RCB", P.CB),
        ("LCB", P.CB),
        ("LB", P.LB),
        ("RDM", P.DM),
        ("LDM", P.CM),
        ("RW", P.RW),
        ("CAM", P.AM),
        ("LW", P.LW),
        ("ST", P.ST),
    ),
    "4-4-2": (
        ("GK", P.GK),
        ("RB", P.RB),
        ("RCB", P.CB),
        ("LCB", P.CB),
        ("LB", P.LB),
        ("RM", P.RW),
        ("RCM", P.CM),
        ("LCM", P.CM),
        ("LM", P.LW),
        ("RCF", P.ST),
        ("LCF", P.ST),
    ),
    "3-5-2": (
        ("GK", P.GK),
        ("RCB", P.CB),
        ("CB", P.CB),
        ("LCB", P.CB),
        ("RWB", P.RB),
        ("LWB", P.LB),
        ("RCM", P.CM),
        ("CM", P.DM),
        ("LCM", P.CM),
        ("RCF", P.ST),
        ("LCF", P.ST),
    ),
    "3-4-3": (
        ("GK", P.GK),
        ("RCB", P.CB),
        ("CB", P.CB),
        ("LCB", P.CB),
        ("RWB", P.RB),
        ("LWB", P.LB),
        ("RCM", P.CM),
        ("LCM", P.DM),
        ("RW", P.RW),
        ("LW", P.LW),
        ("ST", P.ST),
    ),
}

# Among equal values a natural still wins: a tiny cost per unit of penalty breaks the tie
# (players without a market value all rate 0).
_TIE_BREAK = 0.001


@dataclass(frozen=True, slots=True)
class Slot:
    """One place in a formation: its name (RCB) and the position it asks for."""

    name: str
    position: Position


def formation_slots(formation: str) -> tuple[Slot, ...]:
    """The slots of a formation such as '4-3-3'."""
    if formation not in FORMATIONS:
        known = ", ".join(FORMATIONS)
        raise MercatoError(f"unknown formation {formation!r}; use one of {known}")
    return tuple(Slot(name, position) for name, position in FORMATIONS[formation])


def slot_value(member: SquadMember, position: Position) -> float | None:
    """What a player brings to a slot of ``position``; None where he cannot play (goal)."""
    cost = penalty(member.role, position)
    if cost is None:
        return None
    return member.quality * (1 - cost) - _TIE_BREAK * cost


@dataclass(frozen=True, slots=True)
class XIPlace:
    """A slot of the XI and who fills it (None when the squad runs out of players)."""

    slot: Slot
    member: SquadMember | None
    penalty: float

    def to_json(self) -> dict[str, object]:
        """{slot, player, position, ...} with ``position`` the player's natural one."""
        return {
            "slot": self.slot.name,
            "slot_position": str(self.slot.position),
            "player": self.member.name if self.member else None,
            "player_id": self.member.player.id if self.member else None,
            "position": str(self.member.role.natural) if self.member else None,
            "penalty": self.penalty,
        }


@dataclass(frozen=True, slots=True)
class BestXI:
    """The best XI of a squad in one formation, with its total value."""

    formation: str
    places: tuple[XIPlace, ...]
    value: float

    def members(self) -> tuple[SquadMember, ...]:
        """The players picked, slot by slot."""
        return tuple(p.member for p in self.places if p.member is not None)

    def to_json(self) -> list[dict[str, object]]:
        return [place.to_json() for place in self.places]


_IMPOSSIBLE = 1e6


def best_xi(members: Iterable[SquadMember], formation: str = "4-3-3") -> BestXI:
    """The optimal XI of the available players in ``formation``."""
    places, total = assign_slots(members, formation_slots(formation))
    return BestXI(formation, places, total)


def assign_slots(members: Iterable[SquadMember], slots: tuple[Slot, ...]) -> tuple[tuple[XIPlace, ...], float]:
    """The assignment of available players to ``slots`` with the largest total value."""
    pool = [m for m in members if m.available]
    if not pool:
        return tuple(XIPlace(s, None, 0.0) for s in slots), 0.0
    # Cost matrix players x slots (the algorithm minimises, so values are negated).
    values = np.full((len(pool), len(slots)), _IMPOSSIBLE)
    for i, member in enumerate(pool):
        for j, slot in enumerate(slots):
            value = slot_value(member, slot.position)
            if value is not None:
                values[i, j] = -value
    rows, cols = linear_sum_assignment(values)
    chosen = {int(col): int(row) for row, col in zip(rows, cols, strict=True) if values[row, col] < _IMPOSSIBLE}
    places = []
    total = 0.0
    for j, slot in enumerate(slots):
        if j not in chosen:
            places.append(XIPlace(slot, None, 0.0))
            continue
        member = pool[chosen[j]]
        places.append(XIPlace(slot, member, penalty(member.role, slot.position) or 0.0))
        total -= float(values[chosen[j], j])
    return tuple(places), total
