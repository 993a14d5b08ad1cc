"""The news a squad or rules question reads from the store: injury claims and completed moves.

The squad analysis takes both in ``SquadOptions``, a player's club on a date the completed
moves (``mercato.kb.facts``); this module reads them, so that the CLI, the REST API and
notebooks see the same squad and the same club.
"""

from __future__ import annotations

from datetime import date

from mercato.kb import KnowledgeBase, name_key
from mercato.kb.facts import ReportedMove
from mercato.model import Club, DealType, Stage
from mercato.squad import SquadOptions, moves_from_claims
from mercato.store.queries import claims, injuries
from mercato.store.store import Store

__all__ = ["news_for_rules", "reported_moves", "stored_options"]


def stored_options(
    store: Store, kb: KnowledgeBase, as_of: date, formation: str = "4-3-3", club: Club | None = None
) -> SquadOptions:
    """Squad options on ``as_of`` with the injury claims and completed moves the store has read.

    ``club``: only the completed moves that can change that club's squad (to or from it, and
    those of the players the reference data has there), so that a large store is not read
    whole for one club. Injury claims are read whole: the press names a player as it likes
    ("Mount"), and the squad matches the names.
    """
    # squad_as_of decides which of them the reference data does not hold already
    if club is None:
        completed = claims(store, stage=Stage.COMPLETED, as_of=as_of)
    else:
        squad = [player.name for player in kb.squad_on(club.id, as_of)]
        moves = claims(store, club=club.name, stage=Stage.COMPLETED, as_of=as_of)
        seen = {c.claim_id for c in moves}
        theirs = [c for c in claims(store, named=squad, stage=Stage.COMPLETED, as_of=as_of) if c.claim_id not in seen]
        completed = moves + theirs
    hurt = tuple(injuries(store, as_of=as_of))
    return SquadOptions(as_of, formation, injuries=hurt, moves=moves_from_claims(completed, kb))


def reported_moves(store: Store, player: str) -> list[ReportedMove]:
    """The completed moves of a player (his full name) the stored news reports, dated by article.

    A move is free when any claim about it says so: the talks are reported as for when his
    contract runs out ("when his deal expires"), the signing often without the terms."""
    key = name_key(player)
    about = [c for c in claims(store, player) if name_key(c.claim.player) == key]
    free_to = {c.claim.to_club for c in about if c.claim.deal_type is DealType.FREE}
    return [
        ReportedMove(c.published, c.claim.from_club, c.claim.to_club, c.claim.to_club in free_to, c.claim.article_id)
        for c in about
        if c.claim.stage is Stage.COMPLETED and c.published is not None
    ]


def news_for_rules(store: Store, kb: KnowledgeBase, player: str | None) -> list[ReportedMove]:
    """The completed moves the stored news reports of the player a rules question names as
    people write him (none when it names nobody the knowledge base knows)."""
    known = kb.player_named(player) if player else None
    return reported_moves(store, known.name) if known else []
