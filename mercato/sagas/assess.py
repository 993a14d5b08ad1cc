"""The assess step: merge claims into sagas, rate the sources, score the likelihoods.

``assess_sagas`` is pure: claims, renewals, knowledge base, rule book and date in; assessed
sagas and source records out. ``mercato.store.saga_refresh`` runs it over the store and
writes the saga tables the REST API reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from mercato.kb import KnowledgeBase
from mercato.model import Saga
from mercato.rules.load import load_rulebook
from mercato.rules.model import RuleBook
from mercato.sagas.likelihood import (
    Likelihood,
    LikelihoodModel,
    SagaContext,
    load_model,
    registration_window_open,
    score_sagas,
)
from mercato.sagas.merge import (
    ReportedClaim,
    ReportedRenewal,
    StageChange,
    group_by_saga,
    merge_sagas,
    stage_changes,
)
from mercato.sagas.sources import (
    SourceBook,
    SourceRecord,
    independent_reports,
    load_sources,
    reliabilities,
    track_records,
)

__all__ = ["AssessedSaga", "Assessment", "assess_sagas", "saga_context"]


@dataclass(frozen=True, slots=True)
class AssessedSaga:
    """A merged saga with its likelihood, independent reports and stage changes."""

    saga: Saga
    likelihood: Likelihood | None
    independent: int
    changes: tuple[StageChange, ...]


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
            very sagas give (the store's whole history when the store refreshes its sagas).
    """
    rules = rules or load_rulebook()
    sources = sources or load_sources()
    model = model or load_model()
    groups = group_by_saga(claims)
    sagas = {s.key: s for s in merge_sagas(claims, renewals)}
    changes = stage_changes(groups, renewals)
    stages = {key: saga.stage for key, saga in sagas.items()}
    decided = {key: saga_changes[-1].day for key, saga_changes in changes.items() if saga_changes}
    records = track_records(groups, stages, sources, model.source_priors, decided, model.copy_similarity)
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
