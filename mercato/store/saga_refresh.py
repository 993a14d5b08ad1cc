"""Running the assess step over the store: the saga tables rebuilt, one player assessed live.

``refresh_sagas`` assesses every stored claim and writes the saga tables the REST API reads;
``ensure_sagas`` does so only when news was added since the last build.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from mercato.kb import KnowledgeBase
from mercato.sagas.assess import Assessment, assess_sagas
from mercato.sagas.likelihood import LikelihoodModel, load_model
from mercato.store.queries import claims as stored_claims
from mercato.store.saga_tables import (
    SagaState,
    claims_watermark,
    read_renewals,
    saga_state,
    store_sagas,
    stored_reliabilities,
)
from mercato.store.schema import ArticleRow
from mercato.store.store import Store

__all__ = ["ensure_sagas", "newest_article_date", "player_assessment", "refresh_sagas"]


def newest_article_date(store: Store) -> date | None:
    """The publication date of the newest stored article."""
    with store.session() as session:
        return session.scalar(select(func.max(ArticleRow.published)))


def refresh_sagas(
    store: Store, kb: KnowledgeBase, as_of: date | None = None, model: LikelihoodModel | None = None
) -> Assessment:
    """Rebuild the saga tables from every stored claim, as of a date (default: newest article)."""
    model = model or load_model()
    watermark = claims_watermark(store)
    day = as_of or newest_article_date(store) or date.min
    assessment = assess_sagas(stored_claims(store), read_renewals(store), day, kb, model=model)
    state = SagaState(*watermark, as_of=day if day != date.min else None, model_version=model.version)
    store_sagas(store, assessment.sagas, assessment.sources, state)
    return assessment


def ensure_sagas(store: Store, kb: KnowledgeBase) -> bool:
    """Rebuild the saga tables if claims were added since the last build; True if rebuilt."""
    state = saga_state(store)
    watermark = claims_watermark(store)
    if state is not None and (state.last_claim_id, state.last_renewal_id, state.claims) == watermark:
        return False
    refresh_sagas(store, kb)
    return True


def player_assessment(store: Store, kb: KnowledgeBase, player: str, as_of: date | None = None) -> Assessment:
    """One player's sagas (name or part of it) scored live, with the store's source records."""
    ensure_sagas(store, kb)
    claims = stored_claims(store, player=player)
    names = {c.claim.player for c in claims}
    renewals = [r for r in read_renewals(store) if r.renewal.player in names]
    day = as_of or newest_article_date(store) or date.min
    return assess_sagas(claims, renewals, day, kb, reliability=stored_reliabilities(store))
