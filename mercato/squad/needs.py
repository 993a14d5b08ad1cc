"""What a squad lacks: positions with no natural player, thin, ageing, expiring or missing.

Each need names the position, its kind and a reason in words. The rules (docs/squad.md):

- ``no_natural``: no natural player at the position (the reason says who can cover);
- ``out_of_position``: natural players exist but none is available, so the position is
  covered only out of position;
- ``thin``: fewer than two available natural players;
- ``ageing``: the starter (best natural) is 32 or older;
- ``expiring``: the starter's contract, or enough contracts to leave fewer than two
  naturals, ends within 12 months of the as-of date;
- ``unavailable``: the starter is injured or suspended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from mercato.squad.depth import DepthChart, DepthEntry
from mercato.squad.positions import Position

__all__ = ["AGEING_AGE", "EXPIRY_WINDOW", "MIN_DEPTH", "Need", "NeedKind", "find_needs"]

AGEING_AGE = 32
EXPIRY_WINDOW = timedelta(days=365)
MIN_DEPTH = 2


class NeedKind(StrEnum):
    """Why a position needs a player, most pressing first."""

    NO_NATURAL = "no_natural"
    OUT_OF_POSITION = "out_of_position"
    UNAVAILABLE = "unavailable"
    THIN = "thin"
    AGEING = "ageing"
    EXPIRING = "expiring"


@dataclass(frozen=True, slots=True)
class Need:
    """One reason a position needs a player."""

    position: Position
    kind: NeedKind
    reason: str
    players: tuple[str, ...] = ()  # the players the reason is about

    def to_json(self) -> dict[str, object]:
        """The need as a JSON-ready dict."""
        return {
            "position": str(self.position),
            "kind": str(self.kind),
            "reason": self.reason,
            "players": list(self.players),
        }


def _names(entries: tuple[DepthEntry, ...], limit: int = 3) -> str:
    shown = [f"{e.member.name} ({e.member.role.natural})" for e in entries[:limit]]
    return ", ".join(shown)


def _expiring(entry: DepthEntry, as_of: date) -> bool:
    expiry = entry.member.player.contract_expiry
    return expiry is not None and expiry <= as_of + EXPIRY_WINDOW


def _position_needs(chart: DepthChart, position: Position) -> list[Need]:
    label = position.label
    naturals = chart.naturals(position)
    available = tuple(e for e in naturals if e.member.available)
    covers = tuple(e for e in chart.covers(position) if e.member.available)
    if not naturals:
        cover_text = f"only {_names(covers)} can cover" if covers else "nobody can cover"
        return [
            Need(
                position,
                NeedKind.NO_NATURAL,
                f"no natural {label}; {cover_text}",
                tuple(e.member.name for e in covers[:3]),
            )
        ]
    needs: list[Need] = []
    # The starter is the best natural whether fit or not: the man the position is built on.
    starter = max(naturals, key=lambda e: e.member.quality)
    if not available:
        out = "; ".join(f"{e.member.name} {e.member.absence.reason}" for e in naturals if e.member.absence)
        cover_text = f"covered only out of position by {_names(covers)}" if covers else "and nobody can cover"
        needs.append(
            Need(
                position,
                NeedKind.OUT_OF_POSITION,
                f"every natural {label} is out ({out}); {cover_text}",
                tuple(e.member.name for e in naturals),
            )
        )
    elif starter.member.absence is not None:
        needs.append(
            Need(
                position,
                NeedKind.UNAVAILABLE,
                f"starting {label} {starter.member.name} is "
                f"{starter.member.absence.reason}; next: {available[0].member.name}",
                (starter.member.name,),
            )
        )
    if 0 < len(available) < MIN_DEPTH:
        needs.append(
            Need(
                position,
                NeedKind.THIN,
                f"only one available natural {label} ({available[0].member.name})",
                (available[0].member.name,),
            )
        )
    age = starter.member.age
    if age is not None and age >= AGEING_AGE:
        younger = [e for e in naturals if e is not starter and (e.member.age or 99) < AGEING_AGE]
        backup = f"; next in line {younger[0].member.name}" if younger else "; no younger natural"
        needs.append(
            Need(
                position,
                NeedKind.AGEING,
                f"starting {label} {starter.member.name} is {age}{backup}",
                (starter.member.name,),
            )
        )
    expiring = tuple(e for e in naturals if _expiring(e, chart.as_of))
    if expiring and (starter in expiring or len(naturals) - len(expiring) < MIN_DEPTH):
        dates = ", ".join(f"{e.member.name} ({_contract_text(e, chart.as_of)})" for e in expiring)
        needs.append(
            Need(
                position,
                NeedKind.EXPIRING,
                f"contracts ending within 12 months: {dates}",
                tuple(e.member.name for e in expiring),
            )
        )
    return needs


def _contract_text(entry: DepthEntry, as_of: date) -> str:
    expiry = entry.member.player.contract_expiry
    assert expiry is not None
    # The snapshot may lag a renewal: an end date already past is reported as such.
    verb = "ended" if expiry < as_of else "ends"
    return f"{verb} {expiry.isoformat()}"


def find_needs(chart: DepthChart) -> tuple[Need, ...]:
    """Every need of the squad, by position (goal outwards), most pressing first."""
    needs: list[Need] = []
    order = list(NeedKind)
    for position in Position:
        needs.extend(sorted(_position_needs(chart, position), key=lambda n: order.index(n.kind)))
    return tuple(needs)
