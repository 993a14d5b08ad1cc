"""Positions on one common scheme, and which positions a player can cover at what cost.

Transfermarkt gives each player one detailed position (``position_code``: GK, CB, LB, RB,
DM, CM, AM, LM, RM, LW, RW, SS, CF). Squad analysis works on ten positions (GK, RB, CB, LB,
DM, CM, AM, RW, LW, ST). ``COVERAGE`` below is the whole mapping, as data: the natural
position each code stands for, and the other positions such a player can fill, each with a
penalty in [0, 1] (0 = as good as a natural, 1 = useless there). See docs/squad.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "COVERAGE",
    "EMERGENCY_PENALTY",
    "Position",
    "Role",
    "penalty",
    "role_of",
]


class Position(StrEnum):
    """The common scheme, from the goal outwards."""

    GK = "GK"
    RB = "RB"
    CB = "CB"
    LB = "LB"
    DM = "DM"
    CM = "CM"
    AM = "AM"
    RW = "RW"
    LW = "LW"
    ST = "ST"

    @property
    def label(self) -> str:
        """The position in words, for reasons and explanations."""
        return _LABELS[self]


_LABELS = {
    Position.GK: "goalkeeper",
    Position.RB: "right-back",
    Position.CB: "centre-back",
    Position.LB: "left-back",
    Position.DM: "defensive midfielder",
    Position.CM: "central midfielder",
    Position.AM: "attacking midfielder",
    Position.RW: "right winger",
    Position.LW: "left winger",
    Position.ST: "striker",
}

P = Position

# position_code -> (natural position, {covered position: penalty}).
# Penalties are judgements, kept coarse on purpose: 0.1-0.2 a neighbouring role the player
# often plays (DM <-> CM, SS -> AM), 0.3-0.35 a plausible switch (full-back -> centre-back,
# winger -> the other wing), 0.45-0.5 an emergency a coach still picks (a central
# midfielder at full-back, as Real Madrid used Valverde at right-back in 2024-25).
COVERAGE: dict[str, tuple[Position, dict[Position, float]]] = {
    "GK": (P.GK, {}),
    "CB": (P.CB, {P.RB: 0.35, P.LB: 0.35, P.DM: 0.3}),
    "RB": (P.RB, {P.LB: 0.3, P.CB: 0.35, P.RW: 0.35, P.DM: 0.45, P.CM: 0.5}),
    "LB": (P.LB, {P.RB: 0.3, P.CB: 0.35, P.LW: 0.35, P.DM: 0.5}),
    "DM": (P.DM, {P.CM: 0.1, P.CB: 0.3, P.AM: 0.4, P.RB: 0.5, P.LB: 0.5}),
    "CM": (P.CM, {P.DM: 0.15, P.AM: 0.2, P.RB: 0.45, P.LB: 0.5, P.RW: 0.45, P.LW: 0.45}),
    "AM": (P.AM, {P.CM: 0.15, P.RW: 0.25, P.LW: 0.25, P.ST: 0.3, P.DM: 0.45}),
    "LM": (P.LW, {P.CM: 0.25, P.LB: 0.35, P.RW: 0.3, P.AM: 0.3}),
    "RM": (P.RW, {P.CM: 0.25, P.RB: 0.35, P.LW: 0.3, P.AM: 0.3}),
    "LW": (P.LW, {P.RW: 0.2, P.AM: 0.3, P.ST: 0.3, P.LB: 0.5}),
    "RW": (P.RW, {P.LW: 0.2, P.AM: 0.3, P.ST: 0.3, P.RB: 0.5}),
    "SS": (P.ST, {P.AM: 0.1, P.LW: 0.3, P.RW: 0.3}),
    "CF": (P.ST, {P.AM: 0.35, P.LW: 0.35, P.RW: 0.35}),
}

# An outfield player anywhere outfield that the table does not list (better than an empty
# slot, but only just); nobody but a goalkeeper keeps goal, and a goalkeeper plays nowhere else.
EMERGENCY_PENALTY = 0.9


@dataclass(frozen=True, slots=True)
class Role:
    """A player's natural position and the positions he can cover, with their penalties."""

    natural: Position
    covers: dict[Position, float]


_UNKNOWN_ROLE = Role(P.CM, {})


def role_of(position_code: str | None) -> Role:
    """The role of a Transfermarkt ``position_code`` (a plain position name works too)."""
    if position_code in COVERAGE:
        natural, covers = COVERAGE[position_code]
        return Role(natural, dict(covers))
    if position_code in Position.__members__:
        return role_of("CF" if position_code == "ST" else position_code)
    return _UNKNOWN_ROLE


def penalty(role: Role, position: Position) -> float | None:
    """What it costs to play ``role`` at ``position``: 0 natural, None impossible (goal)."""
    if position == role.natural:
        return 0.0
    if position in role.covers:
        return role.covers[position]
    if P.GK in (position, role.natural):
        return None
    return EMERGENCY_PENALTY
