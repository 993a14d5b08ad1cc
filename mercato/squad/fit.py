"""How a target fits a club's squad: his position, whom he displaces, and a fit score.

The target is added to the squad (a what-if) and the best XI is recomputed: the slot he
takes is his position and the players who drop out of the XI are the ones he displaces.
If he does not make the XI he backs up the naturals ahead of him. The score in [0, 1]
weighs four parts (docs/squad.md):

    fit = 0.35 quality + 0.25 need + 0.25 starts + 0.15 age

- quality: 0.5 + 2.5 x (his value in the slot - the weakest incumbent's there), clipped to
  [0, 1] (0.1 of rating is about a doubling of market value);
- need: 1 for a position with no natural, none available or an unavailable starter;
  0.75 ageing; 0.5 thin or expiring; 0 when the position needs nobody;
- starts: 1 if he makes the best XI, else 0;
- age: 1 up to 27, falling linearly to 0 at 35.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mercato.model import Player
from mercato.squad.depth import DepthChart, SquadMember, build_depth_chart
from mercato.squad.needs import Need, NeedKind, find_needs
from mercato.squad.positions import Position
from mercato.squad.xi import BestXI, best_xi, slot_value

__all__ = ["WEIGHTS", "Comparison", "Fit", "assess_fit"]

WEIGHTS = {"quality": 0.35, "need": 0.25, "starts": 0.25, "age": 0.15}
_NEED_WEIGHT = {
    NeedKind.NO_NATURAL: 1.0,
    NeedKind.OUT_OF_POSITION: 1.0,
    NeedKind.UNAVAILABLE: 1.0,
    NeedKind.AGEING: 0.75,
    NeedKind.THIN: 0.5,
    NeedKind.EXPIRING: 0.5,
}
_PRIME_AGE = 27
_OLD_AGE = 35


@dataclass(frozen=True, slots=True)
class Comparison:
    """The target beside one incumbent at his position."""

    player: str
    quality: float
    market_value_eur: int | None
    age: int | None
    contract_expiry: date | None
    available: bool

    def to_json(self) -> dict[str, object]:
        return {
            "player": self.player,
            "quality": round(self.quality, 3),
            "market_value_eur": self.market_value_eur,
            "age": self.age,
            "contract_expiry": self.contract_expiry.isoformat() if self.contract_expiry else None,
            "available": self.available,
        }


@dataclass(frozen=True, slots=True)
class Fit:
    """The fit of one target at one club, with the reasons for its score."""

    target: Comparison
    club_id: int
    position: Position
    score: float
    parts: dict[str, float]
    explanation: tuple[str, ...]
    displaces: tuple[str, ...]
    backs_up: tuple[str, ...]
    incumbents: tuple[Comparison, ...]
    needs_filled: tuple[Need, ...]
    xi_before: BestXI
    xi_after: BestXI

    def to_json(self) -> dict[str, object]:
        """The fit as a JSON-ready dict (keys position, fit, explanation, displaces, ...)."""
        return {
            "player": self.target.player,
            "club_id": self.club_id,
            "position": str(self.position),
            "fit": round(self.score, 3),
            "parts": {k: round(v, 3) for k, v in self.parts.items()},
            "explanation": list(self.explanation),
            "displaces": list(self.displaces),
            "backs_up": list(self.backs_up),
            "target": self.target.to_json(),
            "incumbents": [c.to_json() for c in self.incumbents],
            "needs_filled": [n.to_json() for n in self.needs_filled],
            "formation": self.xi_after.formation,
            "best_xi": self.xi_before.to_json(),
            "what_if_xi": self.xi_after.to_json(),
        }


def _compare(member: SquadMember) -> Comparison:
    p = member.player
    return Comparison(p.name, member.quality, p.market_value_eur, member.age, p.contract_expiry, member.available)


def _is(member: SquadMember, player: Player) -> bool:
    if member.player.id is not None and player.id is not None:
        return member.player.id == player.id
    return member.player.name == player.name


def _clip(x: float) -> float:
    return max(0.0, min(1.0, x))


def _quality_part(target: SquadMember, position: Position, before: BestXI, chart: DepthChart) -> tuple[float, str]:
    """Target against the weakest incumbent in a slot of his position (else its best natural)."""
    mine = slot_value(target, position) or 0.0
    rivals = [p.member for p in before.places if p.slot.position == position and p.member]
    if rivals:
        rival = min(rivals, key=lambda m: slot_value(m, position) or 0.0)
        whom = f"the weakest {position} of the best XI, {rival.name}"
    else:
        naturals = [e.member for e in chart.naturals(position) if e.member.available]
        if not naturals:
            return 1.0, f"quality 1.00: no available natural {position.label} to compare with"
        rival = naturals[0]
        whom = f"the first-choice {position.label}, {rival.name}"
    theirs = slot_value(rival, position) or 0.0
    part = _clip(0.5 + 2.5 * (mine - theirs))
    word = "better than" if mine > theirs else "not better than"
    return part, f"quality {part:.2f}: rated {mine:.2f} at {position}, {word} {whom} ({theirs:.2f})"


def _need_part(needs: tuple[Need, ...]) -> tuple[float, str]:
    if not needs:
        return 0.0, "need 0.00: the position lists no need"
    top = max(needs, key=lambda n: _NEED_WEIGHT[n.kind])
    return _NEED_WEIGHT[top.kind], f"need {_NEED_WEIGHT[top.kind]:.2f}: fills '{top.reason}'"


def _age_part(age: int | None) -> tuple[float, str]:
    if age is None:
        return 0.5, "age 0.50: birth date unknown"
    part = _clip((_OLD_AGE - age) / (_OLD_AGE - _PRIME_AGE))
    return part, f"age {part:.2f}: {age} years old"


def assess_fit(
    target: SquadMember,
    members: Iterable[SquadMember],
    club_id: int,
    as_of: date,
    formation: str = "4-3-3",
) -> Fit:
    """The fit of ``target`` in the squad ``members`` (he is removed from it if already in)."""
    incumbents = tuple(m for m in members if not _is(m, target.player))
    # Fit is a squad-building question: judge the target as if fit to play.
    target = SquadMember(target.player, target.role, target.quality, target.age, None)
    chart: DepthChart = build_depth_chart(club_id, incumbents, as_of)
    needs = find_needs(chart)
    before = best_xi(incumbents, formation)
    after = best_xi((*incumbents, target), formation)
    place = next((p for p in after.places if p.member is target), None)
    position = place.slot.position if place else target.role.natural
    picked_after = {id(m) for m in after.members()}
    displaces = tuple(m.name for m in before.members() if id(m) not in picked_after)
    backs_up: tuple[str, ...] = ()
    if place is None:
        backs_up = tuple(e.member.name for e in chart.naturals(position) if e.member.quality >= target.quality)[:3]
    filled = tuple(n for n in needs if n.position == position)

    quality, quality_text = _quality_part(target, position, before, chart)
    need, need_text = _need_part(filled)
    starts = 1.0 if place else 0.0
    starts_text = (
        f"starts 1.00: takes the {place.slot.name} slot of the {formation}"
        if place
        else f"starts 0.00: not in the best {formation}; backs up " + (", ".join(backs_up) or "nobody")
    )
    age, age_text = _age_part(target.age)
    parts = {"quality": quality, "need": need, "starts": starts, "age": age}
    score = sum(WEIGHTS[k] * v for k, v in parts.items())
    explanation = (
        f"fit {score:.2f} = " + " + ".join(f"{WEIGHTS[k]} x {k}" for k in WEIGHTS),
        quality_text,
        need_text,
        starts_text,
        age_text,
    ) + ((f"displaces {', '.join(displaces)}",) if displaces else ())
    return Fit(
        target=_compare(target),
        club_id=club_id,
        position=position,
        score=score,
        parts=parts,
        explanation=explanation,
        displaces=displaces,
        backs_up=backs_up,
        incumbents=tuple(_compare(e.member) for e in chart.naturals(position)),
        needs_filled=filled,
        xi_before=before,
        xi_after=after,
    )
