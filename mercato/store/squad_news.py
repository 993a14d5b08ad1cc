"""The news a squad question reads from the store: injury claims and completed moves.

The squad analysis takes both in ``SquadOptions``; this module reads them for a date, so
the CLI, the REST API and notebooks see the same squad.
"""

from __future__ import annotations

from datetime import date

from mercato.kb import KnowledgeBase
from mercato.model import Stage
from mercato.squad import SNAPSHOT_DATE, SquadOptions, moves_from_claims
from mercato.store.queries import claims, injuries
from mercato.store.store import Store

__all__ = ["stored_options"]


def stored_options(store: Store, kb: KnowledgeBase, as_of: date, formation: str = "4-3-3") -> SquadOptions:
    """Squad options on ``as_of`` with the injury claims and completed moves the store has read."""
    # Moves up to the knowledge base's snapshot are already in its squads (see squad/depth.py).
    completed = claims(store, stage=Stage.COMPLETED, after=SNAPSHOT_DATE, as_of=as_of)
    return SquadOptions(
        as_of,
        formation,
        injuries=tuple(injuries(store, as_of=as_of)),
        moves=moves_from_claims(completed, kb),
    )
