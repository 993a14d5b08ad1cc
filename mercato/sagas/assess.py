"""Assessing sagas: merge claims, rate the sources, score the likelihoods, keep the result.

``assess_sagas`` is pure (claims, renewals, knowledge base, rule book, date in; assessed
sagas and source records out). ``refresh_sagas`` runs it over the store and writes the
saga tables the REST API reads; ``ensure_sagas`` does so only when news was added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select

from mercato.kb import KnowledgeBase
from mercato.model import Saga
from mercato.rules.load import load_rulebook
from mercato.rules.model import RuleBook
from mercato.sagas.likelihood import (
    Likelihood,
    LikelihoodModel,
    SagaContext,
    independent_reports,
    load_model,
    registration_window_open,
    score_sagas,
)
from mercato.sagas.merge import (
    ReportedClaim,
    ReportedRenewal,
    group_by_saga,
    merge_sagas,
    stage_changes,
)
from mercato.sagas.sources import SourceBook, SourceRecord, load_sources, reliabilities, track_records
from mercato.store.queries import claims as stored_claims
from mercato.store.saga_tables import (
    AssessedSaga,
    SagaState,
    claims_watermark,
    read_renewals,
    saga_state,
    store_sagas,
    stored_reliabilities,
)
from mercato.store.schema import ArticleRow
from mercato.store.store import Store

__all__ = [
    "Assessment",
    "assess_sagas",
    "ensure_sagas",
    "newest_article_date",
    "player_assessment",
    "refresh_sagas",
    "saga_context",
]


@dataclass(frozen=True, slots=True)
class Assessment:
    """Sagas with their likelihoods, and the sources' track records behind them."""

    sagas: tuple[AssessedSaga, ...]
    sources: tuple[SourceRecord, ...]
    as_of: date


def saga_context(saga: Saga, as_of: date, kb: KnowledgeBase, book: RuleBook, lead_days: int = 30) -> SagaContext:
    """Contract and window facts for a saga from the knowledge base and the rule book.

    The contract counts only when the KB's current club is the club he would leave (or
    that club is unknown): the KB holds his contract there, not at a former club.
    """
    player = kb.player_named(saga.player)
    to_club = kb.club_named(saga.to_club)
    expiry = None
    if player is not None and player.contract_expiry and player.current_club_id:
        leaving = kb.club_named(saga.from_club) if saga.from_club else None
        if leaving is None or leaving.id == player.current_club_id:
            expiry = player.contract_expiry
    window = registration_window_open(to_club, as_of, book, lead_days) if to_club else None
    return SagaContext(contract_expiry=expiry, window_open=window)


def assess_sagas(
    claims: Sequence[ReportedClaim],
    renewals: Sequence[ReportedRenewal],
    as_of: date,
    kb: KnowledgeBase,
    *,
    rules: RuleBook | None = None,
    sources: SourceBook | None = None,
    model: LikelihoodModel | None = None,
    reliability: dict[str, float] | None = None,
) -> Assessment:
    """Merge, rate and score every saga as of a date.

    Args:
        reliability: source reliabilities to use; by default the track records these
            very sagas give (the store's whole history when called by refresh_sagas).
    """
    rules = rules or load_rulebook()
    sources = sources or load_sources()
    model = model or load_model()
    groups = group_by_saga(claims)
    sagas = {(s.player, s.to_club): s for s in merge_sagas(claims, renewals)}
    changes = stage_changes(groups, renewals)
    stages = {key: saga.stage for key, saga in sagas.items()}
    records = track_records(groups, stages, sources, model.source_priors)
    if reliability is None:
        reliability = reliabilities(records.values())
    contexts = {key: saga_context(saga, as_of, kb, rules, model.window_lead_days) for key, saga in sagas.items()}
    scored = score_sagas(groups, stages, as_of, reliability, sources, model, contexts)
    assessed = tuple(
        AssessedSaga(
            saga=_with(sagas[key], scored[key]),
            likelihood=scored[key],
            independent=len(independent_reports(groups[key], sources, model.copy_similarity)),
            changes=tuple(changes[key]),
        )
        for key in sagas
    )
    return Assessment(assessed, tuple(sorted(records.values(), key=lambda r: r.name)), as_of)


def _with(saga: Saga, likelihood: Likelihood) -> Saga:
    return replace(saga, likelihood=likelihood.value)


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
