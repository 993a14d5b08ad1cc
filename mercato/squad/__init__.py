"""Squad analysis: depth chart, needs, the fit of a target and the best XI on a pitch.

Pure functions over typed records; the as-of date, injury claims and completed moves are
passed in (``mercato.store.squad_news.stored_options`` reads the last two from the store).
See docs/squad.md.
"""

from __future__ import annotations

from mercato.squad.availability import Absence, absences
from mercato.squad.depth import (
    SNAPSHOT_DATE,
    DepthChart,
    DepthEntry,
    Move,
    Quality,
    SquadMember,
    build_depth_chart,
    build_squad,
    market_value_quality,
    squad_as_of,
)
from mercato.squad.fit import Fit, assess_fit
from mercato.squad.needs import Need, NeedKind, find_needs
from mercato.squad.news import moves_from_claims
from mercato.squad.positions import Position, role_of
from mercato.squad.report import (
    SquadOptions,
    SquadReport,
    analyse_squad,
    find_club,
    find_player,
    fit_json,
    fit_target,
    needs_json,
    squad_json,
    xi_picture,
)
from mercato.squad.xi import FORMATIONS, BestXI, best_xi

__all__ = [
    "FORMATIONS",
    "SNAPSHOT_DATE",
    "Absence",
    "BestXI",
    "DepthChart",
    "DepthEntry",
    "Fit",
    "Move",
    "Need",
    "NeedKind",
    "Position",
    "Quality",
    "SquadMember",
    "SquadOptions",
    "SquadReport",
    "absences",
    "analyse_squad",
    "assess_fit",
    "best_xi",
    "build_depth_chart",
    "build_squad",
    "find_club",
    "find_needs",
    "find_player",
    "fit_json",
    "fit_target",
    "market_value_quality",
    "moves_from_claims",
    "needs_json",
    "role_of",
    "squad_as_of",
    "squad_json",
    "xi_picture",
]
