"""The news a squad question reads from the store: injury claims and completed moves.

The analysis itself stays pure (it takes both in ``SquadOptions``); this module is the edge
that reads them, so the CLI, the REST API and notebooks see the same squad on a date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mercato.kb import KnowledgeBase
from mercato.model import Player, Stage
from mercato.sagas import ReportedClaim
from mercato.squad.depth import SNAPSHOT_DATE, Move
from mercato.squad.report import SquadOptions
from mercato.store import Store, claims, injuries

__all__ = ["moves_from_claims", "stored_options"]


def moves_from_claims(found: Iterable[ReportedClaim], kb: KnowledgeBase) -> tuple[Move, ...]:
    """The completed moves among reported claims, dated by their article, as squad moves.

    A hedged completion ("is said to have signed") is not a fact yet, and an undated one
    cannot be placed before or after the as-of date: both are left out.
    """
    moves = []
    for reported in found:
        claim = reported.claim
        if claim.stage is not Stage.COMPLETED or claim.hedged or reported.published is None:
            continue
        buyer = kb.club_named(claim.to_club)
        seller = kb.club_named(claim.from_club) if claim.from_club else None
        player = kb.player_named(claim.player) or Player(claim.player)
        moves.append(Move(player, seller.id if seller else None, buyer.id if buyer else None, reported.published))
    return tuple(moves)


def stored_options(store: Store, kb: KnowledgeBase, as_of: date, formation: str = "4-3-3") -> SquadOptions:
    """Squad options on ``as_of`` with the injury claims and completed moves the store has read."""
    # Moves up to the knowledge base's snapshot are already in its squads (see depth.py).
    completed = claims(store, stage=Stage.COMPLETED, after=SNAPSHOT_DATE, as_of=as_of)
    return SquadOptions(
        as_of,
        formation,
        injuries=tuple(injuries(store, as_of=as_of)),
        moves=moves_from_claims(completed, kb),
    )
