"""Mercato turns football news into an evidence-backed transfer database.

The public Python API, for notebooks and scripts:

    >>> import mercato
    >>> result = mercato.extract("Arsenal have signed Declan Rice from West Ham for £105m.")
    >>> [(c.player, c.to_club, c.stage) for c in result.claims]
"""

from __future__ import annotations

from datetime import date

import mercato.extract as _extract_stage  # loaded first: the name `extract` below is the function
from mercato.ingest import content_hash
from mercato.kb import KnowledgeBase, load_kb
from mercato.model import (
    Article,
    Club,
    DealType,
    Evidence,
    ExtractionResult,
    Fee,
    InjuryClaim,
    InjuryStatus,
    Player,
    RenewalClaim,
    Saga,
    Stage,
    TransferClaim,
)

__all__ = [
    "Article",
    "Club",
    "DealType",
    "Evidence",
    "ExtractionResult",
    "Fee",
    "InjuryClaim",
    "InjuryStatus",
    "Player",
    "RenewalClaim",
    "Saga",
    "Stage",
    "TransferClaim",
    "extract",
    "load_kb",
]


def extract(
    text: str,
    published: date | None = None,
    outlet: str | None = None,
    kb: KnowledgeBase | None = None,
) -> ExtractionResult:
    """The transfer, renewal and injury claims in a piece of text, as typed records (no database)."""
    article = Article(
        id=content_hash(text)[:16], text=text, content_hash=content_hash(text), outlet=outlet, published=published
    )
    return _extract_stage.extract(article, kb or load_kb())
