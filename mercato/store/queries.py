"""Reading the store: claims with their article dates and outlets, ingest errors, articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from mercato.kb import name_key
from mercato.model import Article, DealType, Evidence, Fee, Stage, TransferClaim
from mercato.sagas import ReportedClaim
from mercato.store.schema import ArticleRow, ClaimRow, ClubRow, IngestErrorRow, PlayerRow
from mercato.store.store import Store

__all__ = ["IngestError", "articles", "claims", "errors"]


@dataclass(frozen=True, slots=True)
class IngestError:
    """A recorded input that could not be ingested, and when."""

    source: str
    reason: str
    hint: str
    at: datetime


def claims(store: Store, player: str | None = None, club: str | None = None) -> list[ReportedClaim]:
    """Transfer claims in time order; ``player`` and ``club`` match part of a name.

    Case and accents do not matter ("guehi" finds Marc Guéhi); ``club`` matches the club a
    player leaves or joins.
    """
    from_club = aliased(ClubRow)
    to_club = aliased(ClubRow)
    query = (
        select(ClaimRow, PlayerRow.name, from_club.name, to_club.name, ArticleRow)
        .join(PlayerRow, ClaimRow.player_id == PlayerRow.id)
        .join(to_club, ClaimRow.to_club_id == to_club.id)
        .outerjoin(from_club, ClaimRow.from_club_id == from_club.id)
        .join(ArticleRow, ClaimRow.article_id == ArticleRow.id)
        .order_by(ArticleRow.published, ArticleRow.id, ClaimRow.span_start, ClaimRow.id)
    )
    with store.session() as session:
        if player:
            query = query.where(ClaimRow.player_id.in_(_named(session, PlayerRow, player)))
        if club:
            clubs = _named(session, ClubRow, club)
            query = query.where(
                or_(ClaimRow.to_club_id.in_(clubs), ClaimRow.from_club_id.in_(clubs))
            )
        return [
            ReportedClaim(
                claim=TransferClaim(
                    player=player_name,
                    to_club=to_name,
                    stage=Stage(row.stage),
                    deal_type=DealType(row.deal_type),
                    evidence=Evidence(row.evidence, (row.span_start, row.span_end)),
                    from_club=from_name,
                    fee=_fee(row),
                    reported_by=row.reported_by,
                    hedged=row.hedged,
                    article_id=row.article_id,
                ),
                published=article.published,
                outlet=article.outlet,
            )
            for row, player_name, from_name, to_name, article in session.execute(query)
        ]


def _named(session: Session, table: type[PlayerRow] | type[ClubRow], part: str) -> list[int]:
    """Ids of the players or clubs whose name holds ``part``, compared as ``name_key`` does."""
    wanted = name_key(part)
    rows = session.execute(select(table.id, table.name))
    return [row_id for row_id, name in rows if wanted in name_key(name)]


def _fee(row: ClaimRow) -> Fee | None:
    if row.fee_amount is None or row.fee_currency is None:
        return None
    return Fee(row.fee_amount, row.fee_currency, row.fee_add_ons)


def errors(store: Store) -> list[IngestError]:
    """Every recorded ingest error, the oldest first."""
    query = select(IngestErrorRow).order_by(IngestErrorRow.at, IngestErrorRow.id)
    with store.session() as session:
        return [IngestError(r.source, r.reason, r.hint, r.at) for r in session.scalars(query)]


def articles(store: Store) -> list[Article]:
    """Every stored article, in order of publication."""
    query = select(ArticleRow).order_by(ArticleRow.published, ArticleRow.id)
    with store.session() as session:
        return [
            Article(
                id=r.id,
                text=r.text,
                content_hash=r.content_hash,
                url=r.url,
                outlet=r.outlet,
                published=r.published,
                title=r.title,
                source=r.source,
            )
            for r in session.scalars(query)
        ]
