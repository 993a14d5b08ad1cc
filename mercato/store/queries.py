"""Reading the store: claims with their article dates and outlets, injury claims, ingest errors,
articles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from mercato.kb import name_key
from mercato.model import (
    Article,
    DealType,
    Evidence,
    Fee,
    InjuryClaim,
    InjuryStatus,
    Stage,
    TransferClaim,
    id_in,
)
from mercato.sagas import ReportedClaim
from mercato.sagas.corrections import apply_corrections
from mercato.store.corrections import stored_corrections
from mercato.store.schema import (
    ArticleRow,
    ClaimRow,
    ClubRow,
    IngestErrorRow,
    InjuryRow,
    PlayerRow,
)
from mercato.store.store import Store

__all__ = [
    "IngestError",
    "article_from_row",
    "articles",
    "claim_from_row",
    "claims",
    "errors",
    "ids_named",
    "injuries",
]


@dataclass(frozen=True, slots=True)
class IngestError:
    """A recorded input that could not be ingested, and when."""

    source: str
    reason: str
    hint: str
    at: datetime


def claims(
    store: Store,
    player: str | None = None,
    club: str | None = None,
    *,
    player_id: int | None = None,
    named: Iterable[str] | None = None,
    stage: Stage | None = None,
    after: date | None = None,
    as_of: date | None = None,
) -> list[ReportedClaim]:
    """Transfer claims in time order; ``player`` and ``club`` match part of a name, ``player_id``
    is one stored player, ``named`` players by their whole names.

    Case and accents do not matter ("guehi" finds Marc Guéhi); ``club`` matches the club a
    player leaves or joins. ``stage`` keeps claims at that stage; ``after`` and ``as_of``
    keep claims of articles published after the one date and on or before the other
    (undated articles are left out when either is given).
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
    if player_id is not None:
        query = query.where(ClaimRow.player_id == player_id)
    if named is not None:
        query = query.where(PlayerRow.name.in_(sorted(set(named))))
    if stage is not None:
        query = query.where(ClaimRow.stage == stage.value)
    if after is not None:
        query = query.where(ArticleRow.published > after)
    if as_of is not None:
        query = query.where(ArticleRow.published <= as_of)
    with store.session() as session:
        if player:
            query = query.where(ClaimRow.player_id.in_(ids_named(session, PlayerRow, player)))
        if club:
            clubs = ids_named(session, ClubRow, club)
            # the claims' ids off the two club indexes first: asked as one OR beside a date, SQLite
            # would walk every article up to the date instead
            theirs = select(ClaimRow.id).where(ClaimRow.to_club_id.in_(clubs))
            query = query.where(
                ClaimRow.id.in_(theirs.union(select(ClaimRow.id).where(ClaimRow.from_club_id.in_(clubs))))
            )
        found = [
            ReportedClaim(
                claim=claim_from_row(row, player_name, to_name, from_name),
                published=article.published,
                outlet=article.outlet,
                url=article.url,
                claim_id=row.id,
            )
            for row, player_name, from_name, to_name, article in session.execute(query)
        ]
    return apply_corrections(found, stored_corrections(store))


def injuries(store: Store, players: Iterable[str] | None = None, as_of: date | None = None) -> list[InjuryClaim]:
    """Injury, suspension and fitness claims, the oldest report first.

    Args:
        players: only claims about players whose name holds one of these (as ``claims`` matches).
        as_of: only claims reported on or before this date (undated ones always).
    """
    query = (
        select(InjuryRow, PlayerRow.name)
        .join(PlayerRow, InjuryRow.player_id == PlayerRow.id)
        .order_by(InjuryRow.reported_on, InjuryRow.article_id, InjuryRow.span_start, InjuryRow.id)
    )
    if as_of is not None:
        query = query.where(or_(InjuryRow.reported_on.is_(None), InjuryRow.reported_on <= as_of))
    with store.session() as session:
        if players is not None:
            ids = {i for name in players for i in ids_named(session, PlayerRow, name)}
            query = query.where(InjuryRow.player_id.in_(sorted(ids)))
        return [
            InjuryClaim(
                player=player_name,
                status=InjuryStatus(row.status),
                evidence=Evidence(row.evidence, (row.span_start, row.span_end)),
                until=row.until,
                injury=row.injury,
                reported_on=row.reported_on,
                article_id=row.article_id,
            )
            for row, player_name in session.execute(query)
        ]


def ids_named(
    session: Session, table: type[PlayerRow] | type[ClubRow], text: str, whole_first: bool = False
) -> list[int]:
    """Ids for an id, a whole name (``whole_first``: only if none is whole), or every name that
    holds ``text``; compared as ``name_key`` does (case, accents and punctuation ignored), off
    the stored keys."""
    if (stored := id_in(text)) is not None:
        return [stored]
    wanted = name_key(text)
    if not wanted:
        return []
    if whole_first:
        whole = list(session.scalars(select(table.id).where(table.search_key == wanted)))
        if whole:
            return whole
    return list(session.scalars(select(table.id).where(table.search_key.contains(wanted, autoescape=True))))


def claim_from_row(row: ClaimRow, player: str, to_club: str, from_club: str | None) -> TransferClaim:
    """A stored claim as the domain record, with its player's and clubs' names."""
    fee = None
    if row.fee_amount is not None and row.fee_currency is not None:
        fee = Fee(row.fee_amount, row.fee_currency, row.fee_add_ons)
    return TransferClaim(
        player=player,
        to_club=to_club,
        stage=Stage(row.stage),
        deal_type=DealType(row.deal_type),
        evidence=Evidence(row.evidence, (row.span_start, row.span_end)),
        from_club=from_club,
        fee=fee,
        reported_by=row.reported_by,
        hedged=row.hedged,
        article_id=row.article_id,
    )


def article_from_row(row: ArticleRow) -> Article:
    """A stored article as the domain record."""
    return Article(
        id=row.id,
        text=row.text,
        content_hash=row.content_hash,
        url=row.url,
        outlet=row.outlet,
        published=row.published,
        title=row.title,
        source=row.source,
    )


def errors(store: Store) -> list[IngestError]:
    """Every recorded ingest error, the oldest first."""
    query = select(IngestErrorRow).order_by(IngestErrorRow.at, IngestErrorRow.id)
    with store.session() as session:
        return [IngestError(r.source, r.reason, r.hint, r.at) for r in session.scalars(query)]


def articles(store: Store) -> list[Article]:
    """Every stored article, in order of publication."""
    query = select(ArticleRow).order_by(ArticleRow.published, ArticleRow.id)
    with store.session() as session:
        return [article_from_row(r) for r in session.scalars(query)]
