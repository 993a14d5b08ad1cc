"""From domain records and stored rows to the API's response bodies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from mercato.api.schemas import (
    ClaimOut,
    CorrectionOut,
    FactorOut,
    FeedEntryOut,
    FeedPage,
    FeeOut,
    NamedOut,
    SagaOut,
    SagaPage,
    SourceOut,
    TimelineEntryOut,
)
from mercato.model import Fee, TransferClaim
from mercato.sagas import ReportedClaim
from mercato.sagas.corrections import Correction
from mercato.sagas.sources import SourceBook, SourceRecord, independent_reports
from mercato.store.saga_queries import FeedRow, SagaFilter, SagaSummary

__all__ = [
    "claim_out",
    "correction_out",
    "factors_out",
    "feed_page",
    "fee_out",
    "saga_out",
    "saga_page",
    "source_out",
    "timeline_out",
]


def fee_out(fee: Fee | None) -> FeeOut | None:
    """A fee body, or None."""
    return FeeOut(amount=fee.amount, currency=fee.currency, add_ons=fee.add_ons) if fee else None


def saga_out(saga: SagaSummary) -> SagaOut:
    """A stored saga as its response body."""
    return SagaOut(
        id=saga.id,
        player=NamedOut(id=saga.player.id, name=saga.player.name),
        from_club=NamedOut(id=saga.from_club.id, name=saga.from_club.name) if saga.from_club else None,
        to_club=NamedOut(id=saga.to_club.id, name=saga.to_club.name),
        stage=saga.stage,
        reason=saga.reason,
        likelihood=None if saga.likelihood is None else round(saga.likelihood, 4),
        first_seen=saga.first_seen,
        last_seen=saga.last_seen,
        claims=saga.claims,
        articles=saga.articles,
        independent_reports=saga.independent,
    )


def saga_page(total: int, sagas: list[SagaSummary], wanted: SagaFilter, as_of: date | None) -> SagaPage:
    """One page of stored sagas as its response body (GET /sagas, `mercato sagas --json`)."""
    return SagaPage(
        as_of=as_of, total=total, limit=wanted.limit, offset=wanted.offset, items=[saga_out(s) for s in sagas]
    )


def factors_out(saga: SagaSummary) -> list[FactorOut]:
    """The stored factors of a saga's likelihood."""
    return [FactorOut(name=f.name, value=f.value, contribution=f.contribution) for f in saga.factors]


def timeline_out(claims: Sequence[ReportedClaim], book: SourceBook, similarity: float) -> list[TimelineEntryOut]:
    """A saga's claims as timeline entries, each marked with its independent report."""
    report_of: dict[int, int] = {}
    for number, report in enumerate(independent_reports(claims, book, similarity), start=1):
        for reported in report:
            report_of[id(reported)] = number
    return [
        TimelineEntryOut(
            published=reported.published,
            outlet=reported.outlet,
            reported_by=reported.claim.reported_by,
            stage=reported.claim.stage,
            hedged=reported.claim.hedged,
            deal_type=reported.claim.deal_type.value,
            fee=fee_out(reported.claim.fee),
            sentence=reported.claim.evidence.sentence,
            article_id=reported.claim.article_id,
            article=f"/articles/{reported.claim.article_id}" if reported.claim.article_id else None,
            url=reported.url,
            report=report_of[id(reported)],
            claim_id=reported.claim_id,
            corrections=list(reported.corrections),
        )
        for reported in claims
    ]


def claim_out(claim: TransferClaim) -> ClaimOut:
    """A claim found in an article as its response body."""
    return ClaimOut(
        player=claim.player,
        from_club=claim.from_club,
        to_club=claim.to_club,
        stage=claim.stage,
        deal_type=claim.deal_type.value,
        fee=fee_out(claim.fee),
        reported_by=claim.reported_by,
        hedged=claim.hedged,
        sentence=claim.evidence.sentence,
    )


def feed_page(total: int, rows: list[FeedRow], limit: int, offset: int) -> FeedPage:
    """One page of stored stage changes as its response body (GET /feed, `mercato feed --json`)."""
    items = [
        FeedEntryOut(
            saga_id=r.saga_id,
            day=r.day,
            player=r.player,
            to_club=r.to_club,
            change=r.change,
            stage=r.stage,
            previous=r.previous,
            article_id=r.article_id,
            source=r.source,
            reason=r.reason,
        )
        for r in rows
    ]
    return FeedPage(total=total, limit=limit, offset=offset, items=items)


def source_out(record: SourceRecord) -> SourceOut:
    """A source's track record as its response body (GET /sources, `mercato sources --json`)."""
    low, high = record.interval
    return SourceOut(
        name=record.name,
        kind=record.kind,
        tier=record.tier,
        claims=record.claims,
        hits=record.hits,
        misses=record.misses,
        scored=record.scored,
        ranked=record.ranked,
        reliability=round(record.reliability, 4),
        low=round(low, 4),
        high=round(high, 4),
    )


def correction_out(correction: Correction) -> CorrectionOut:
    """A correction as its response body (GET /corrections, `mercato corrections list --json`)."""
    return CorrectionOut(
        id=correction.id,
        kind=correction.kind.value,
        player=correction.player,
        to_club=correction.to_club,
        article_id=correction.article_id,
        first_seen=correction.first_seen,
        last_seen=correction.last_seen,
        at=correction.at,
        changes=correction.changes,
        by=correction.by,
        made=correction.made,
        why=correction.why,
        says=correction.describe(),
    )
