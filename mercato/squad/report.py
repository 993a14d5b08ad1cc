"""Squad analysis for a named club: what the CLI, the REST API and notebooks call.

Each function takes the knowledge base and a ``SquadOptions`` (the as-of date, formation,
injury claims and completed moves the caller has read, and the quality measure) and
returns records, with ``*_json`` twins returning JSON-ready dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mercato.errors import UnknownEntity
from mercato.kb import KnowledgeBase
from mercato.model import Club, InjuryClaim, Player, id_in
from mercato.squad.depth import (
    DepthChart,
    Move,
    Quality,
    build_depth_chart,
    build_squad,
    market_value_quality,
    squad_as_of,
    squad_source,
)
from mercato.squad.fit import Fit, assess_fit
from mercato.squad.needs import Need, find_needs
from mercato.squad.pitch import draw_xi
from mercato.squad.positions import Position
from mercato.squad.xi import BestXI, best_xi, formation_slots

__all__ = [
    "SquadOptions",
    "SquadReport",
    "analyse_squad",
    "depth_chart_json",
    "find_club",
    "find_player",
    "fit_json",
    "fit_target",
    "needs_json",
    "squad_json",
    "xi_picture",
]


@dataclass(frozen=True, slots=True)
class SquadOptions:
    """What a squad question depends on besides the club."""

    as_of: date
    formation: str = "4-3-3"
    injuries: tuple[InjuryClaim, ...] = ()
    moves: tuple[Move, ...] = ()
    quality: Quality = field(default=market_value_quality)


@dataclass(frozen=True, slots=True)
class SquadReport:
    """A club's depth chart, needs and best XI on one date."""

    club: Club
    chart: DepthChart
    needs: tuple[Need, ...]
    xi: BestXI
    source: str  # where the squad comes from


def find_club(kb: KnowledgeBase, text: str) -> Club:
    """The club a name, alias or Transfermarkt id stands for."""
    known = id_in(text)
    club = kb.clubs.get(known) if known is not None else kb.club_named(text)
    if club is None:
        raise UnknownEntity(
            "club", text, "give its name as the press writes it (e.g. 'Real Madrid') or its Transfermarkt id"
        )
    if not kb.squad(club.id):
        raise UnknownEntity(
            "club",
            text,
            f"{club.name} has no squad in the knowledge base (only clubs of the covered leagues in 2025-26 do)",
        )
    return club


def find_player(kb: KnowledgeBase, text: str) -> Player:
    """The player a name stands for, full or in part ('Bowen'; the best known if several)."""
    player = kb.player_matching(text)
    if player is None:
        raise UnknownEntity("player", text, "check the spelling, or give his full name (e.g. 'Trent Alexander-Arnold')")
    return player


def analyse_squad(kb: KnowledgeBase, club: Club, options: SquadOptions) -> SquadReport:
    """Depth chart, needs and best XI of ``club`` on ``options.as_of``."""
    formation_slots(options.formation)  # a bad formation fails before any work
    players = squad_as_of(kb, club.id, options.as_of, options.moves)
    members = build_squad(players, options.as_of, options.injuries, options.quality)
    chart = build_depth_chart(club.id, members, options.as_of)
    return SquadReport(club, chart, find_needs(chart), best_xi(members, options.formation), squad_source(options.as_of))


def fit_target(kb: KnowledgeBase, player: Player, club: Club, options: SquadOptions) -> Fit:
    """How ``player`` would fit ``club`` on ``options.as_of`` (his what-if XI included)."""
    formation_slots(options.formation)
    players = squad_as_of(kb, club.id, options.as_of, options.moves)
    members = build_squad(players, options.as_of, options.injuries, options.quality)
    (target,) = build_squad((player,), options.as_of, options.injuries, options.quality)
    return assess_fit(target, members, club.id, options.as_of, options.formation)


def depth_chart_json(chart: DepthChart) -> dict[str, list[dict[str, object]]]:
    """The depth chart as {position: [player rows, best first]}."""
    out: dict[str, list[dict[str, object]]] = {}
    for position in Position:
        rows: list[dict[str, object]] = []
        for entry in chart.positions[position]:
            member = entry.member
            p = member.player
            rows.append(
                {
                    "player": p.name,
                    "player_id": p.id,
                    "natural": entry.natural,
                    "position": str(member.role.natural),
                    "penalty": entry.penalty,
                    "quality": round(entry.rating, 3),
                    "market_value_eur": p.market_value_eur,
                    "age": member.age,
                    "contract_expiry": p.contract_expiry.isoformat() if p.contract_expiry else None,
                    "available": member.available,
                    "absence": member.absence.reason if member.absence else None,
                }
            )
        out[str(position)] = rows
    return out


def needs_json(report: SquadReport) -> list[dict[str, object]]:
    """The needs as a JSON-ready list."""
    return [need.to_json() for need in report.needs]


def squad_json(report: SquadReport) -> dict[str, object]:
    """The whole report as a JSON-ready dict: club, depth_chart, needs, best_xi."""
    return {
        "club": report.club.name,
        "club_id": report.club.id,
        "as_of": report.chart.as_of.isoformat(),
        "squad_source": report.source,
        "formation": report.xi.formation,
        "depth_chart": depth_chart_json(report.chart),
        "needs": needs_json(report),
        "best_xi": report.xi.to_json(),
    }


def fit_json(fit: Fit, club: Club) -> dict[str, object]:
    """The fit as a JSON-ready dict: position, fit, explanation, displaces, and more."""
    return {**fit.to_json(), "club": club.name}


def xi_picture(report: SquadReport, fmt: str = "png") -> bytes:
    """The best XI of a report drawn on a pitch."""
    title = f"{report.club.name}: best {report.xi.formation}, {report.chart.as_of.isoformat()}"
    return draw_xi(report.xi, title, fmt=fmt)
