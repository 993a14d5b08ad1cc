"""Writing the saga tables (sagas, their stage changes, source records) and reading renewals.

The tables are rebuilt from the claims by ``mercato.store.saga_refresh``; a saga keeps
its id across rebuilds, keyed by (player, destination club).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select

from mercato.model import Evidence, RenewalClaim, Stage
from mercato.sagas import ReportedRenewal
from mercato.sagas.assess import AssessedSaga
from mercato.sagas.likelihood import Likelihood
from mercato.sagas.sources import SourceRecord
from mercato.store.schema import (
    ArticleRow,
    ClaimRow,
    ClubRow,
    PlayerRow,
    RenewalRow,
    SagaChangeRow,
    SagaRow,
    SagaStateRow,
    SourceRow,
)
from mercato.store.store import Store

__all__ = [
    "SagaState",
    "claims_watermark",
    "read_renewals",
    "saga_state",
    "store_sagas",
    "stored_reliabilities",
]


@dataclass(frozen=True, slots=True)
class SagaState:
    """What the saga tables were last built from."""

    last_claim_id: int
    last_renewal_id: int
    claims: int
    as_of: date | None
    model_version: str


def read_renewals(store: Store) -> list[ReportedRenewal]:
    """Every renewal claim with its article's date and outlet."""
    query = (
        select(RenewalRow, PlayerRow.name, ClubRow.name, ArticleRow.published, ArticleRow.outlet)
        .join(PlayerRow, RenewalRow.player_id == PlayerRow.id)
        .join(ClubRow, RenewalRow.club_id == ClubRow.id)
        .join(ArticleRow, RenewalRow.article_id == ArticleRow.id)
        .order_by(ArticleRow.published, RenewalRow.id)
    )
    with store.session() as session:
        return [
            ReportedRenewal(
                RenewalClaim(
                    player,
                    club,
                    Stage(row.stage),
                    Evidence(row.evidence, (row.span_start, row.span_end)),
                    row.article_id,
                ),
                published,
                outlet,
            )
            for row, player, club, published, outlet in session.execute(query)
        ]


def claims_watermark(store: Store) -> tuple[int, int, int]:
    """(highest claim id, highest renewal id, number of claims): changes when news is added."""
    with store.session() as session:
        last_claim = session.scalar(select(func.max(ClaimRow.id))) or 0
        last_renewal = session.scalar(select(func.max(RenewalRow.id))) or 0
        count = session.scalar(select(func.count(ClaimRow.id))) or 0
    return last_claim, last_renewal, count


def saga_state(store: Store) -> SagaState | None:
    """What the saga tables were last built from, or None if never."""
    with store.session() as session:
        row = session.get(SagaStateRow, 1)
        if row is None:
            return None
        return SagaState(row.last_claim_id, row.last_renewal_id, row.claims, row.as_of, row.model_version)


def stored_reliabilities(store: Store) -> dict[str, float]:
    """Each source's reliability as last computed."""
    with store.session() as session:
        return {n: r for n, r in session.execute(select(SourceRow.name, SourceRow.reliability))}


def _factors_json(likelihood: Likelihood | None) -> str:
    if likelihood is None:
        return "[]"
    return json.dumps(
        [
            {
                "name": f.name,
                "value": f.value,
                "contribution": None if math.isinf(f.contribution) else round(f.contribution, 4),
            }
            for f in likelihood.factors
        ]
    )


def store_sagas(
    store: Store,
    assessed: Sequence[AssessedSaga],
    records: Sequence[SourceRecord],
    state: SagaState,
) -> None:
    """Replace the saga tables' contents in one transaction, keeping each saga's id."""
    with store.session() as session:
        players = {n: i for n, i in session.execute(select(PlayerRow.name, PlayerRow.id))}
        clubs = {n: i for n, i in session.execute(select(ClubRow.name, ClubRow.id))}
        existing = {(row.player_id, row.to_club_id, row.episode): row for row in session.scalars(select(SagaRow))}
        session.execute(delete(SagaChangeRow))
        kept: set[int] = set()
        pending: list[tuple[SagaRow, AssessedSaga]] = []
        for item in assessed:
            saga = item.saga
            key = (players[saga.player], clubs[saga.to_club], saga.episode)
            row = existing.get(key) or SagaRow(player_id=key[0], to_club_id=key[1], episode=key[2])
            row.from_club_id = clubs.get(saga.from_club) if saga.from_club else None
            row.stage = saga.stage.value
            row.reason = saga.reason
            row.first_seen = saga.first_seen
            row.last_seen = saga.last_seen
            row.claims = len(saga.claims)
            row.articles = saga.articles
            row.independent = item.independent
            row.likelihood = item.likelihood.value if item.likelihood else None
            row.factors = _factors_json(item.likelihood)
            if row.id is None:
                session.add(row)
            pending.append((row, item))
        session.flush()
        for row, item in pending:
            kept.add(row.id)
            session.add_all(
                SagaChangeRow(
                    saga_id=row.id,
                    day=c.day,
                    change=c.change.value,
                    stage=c.stage.value,
                    previous=c.previous.value if c.previous else None,
                    article_id=c.article_id,
                    source=c.source,
                    reason=c.reason,
                )
                for c in item.changes
            )
        gone = [row.id for row in existing.values() if row.id not in kept]
        if gone:
            session.execute(delete(SagaRow).where(SagaRow.id.in_(gone)))
        session.execute(delete(SourceRow))
        for record in records:
            low, high = record.interval
            session.add(
                SourceRow(
                    name=record.name,
                    kind=record.kind,
                    tier=record.tier,
                    claims=record.claims,
                    hits=record.hits,
                    misses=record.misses,
                    prior_alpha=record.prior_alpha,
                    prior_beta=record.prior_beta,
                    reliability=record.reliability,
                    low=low,
                    high=high,
                )
            )
        state_row = session.get(SagaStateRow, 1) or SagaStateRow(id=1)
        state_row.last_claim_id = state.last_claim_id
        state_row.last_renewal_id = state.last_renewal_id
        state_row.claims = state.claims
        state_row.as_of = state.as_of
        state_row.model_version = state.model_version
        session.merge(state_row)
