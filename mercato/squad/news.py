"""The news a squad question takes: the completed moves among reported claims.

The store reads the claims and injury claims for a date (``mercato.store.squad_news``);
the analysis takes both, as moves and injuries, in ``SquadOptions``.
"""

from __future__ import annotations

from collections.abc import Iterable

from mercato.kb import KnowledgeBase
from mercato.model import Player, Stage
from mercato.sagas import ReportedClaim
from mercato.squad.depth import Move

__all__ = ["moves_from_claims"]


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
