"""Reading the saga tables for the REST API: sagas with filters and paging, timelines,
players, clubs, sources, the feed and articles. Every lookup by id uses an index."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from mercato.errors import UnknownEntity
from mercato.kb import KnowledgeBase
from mercato.model import Article, Stage, TransferClaim
from mercato.sagas import ReportedClaim, group_by_saga
from mercato.sagas.sources import SourceRecord
from mercato.store.queries import article_from_row, claim_from_row, claims, ids_named
from mercato.store.schema import (
    ArticleRow,
    ClaimRow,
    ClubRow,
    PlayerRow,
    SagaChangeRow,
    SagaRow,
    SagaStateRow,
    SourceRow,
)
from mercato.store.store import Store

__all__ = [
    "FeedRow",
    "Named",
    "SagaFilter",
    "SagaSummary",
    "SORTS",
    "StoredFactor",
    "article_with_claims",
    "club_by_id",
    "club_ids_named",
    "feed_rows",
    "find_sagas",
    "player_by_id",
    "player_ids_named",
    "saga_by_id",
    "saga_filter",
    "sagas_as_of",
    "saga_timeline",
    "source_records",
]


@dataclass(frozen=True, slots=True)
class Named:
    """A stored player or club: its id and name."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class StoredFactor:
    """One stored factor of a saga's likelihood (contribution None: the stage is final)."""

    name: str
    value: str
    contribution: float | None


@dataclass(frozen=True, slots=True)
class SagaSummary:
    """A stored saga."""

    id: int
    player: Named
    to_club: Named
    from_club: Named | None
    stage: Stage
    reason: str | None
    first_seen: date | None
    last_seen: date | None
    claims: int
    articles: int
    independent: int
    episode: int  # 0: the pair's first saga
    likelihood: float | None
    factors: tuple[StoredFactor, ...]


@dataclass(frozen=True, slots=True)
class SagaFilter:
    """What GET /sagas asks for: all filters optional, one page."""

    player_ids: list[int] | None = None
    club_ids: list[int] | None = None
    direction: str = "both"  # the club's moves: "in" (to it), "out" (from it) or "both"
    stage: Stage | None = None
    min_likelihood: float | None = None
    since: date | None = None
    limit: int = 50
    offset: int = 0
    open_only: bool = False  # leave out sagas that completed or went off
    sort: str = "likelihood"  # or "last_seen" (the newest news first) or "stage" (the furthest first)


SORTS = ("likelihood", "last_seen", "stage")
_FINAL = (Stage.COMPLETED.value, Stage.OFF.value)
_to = aliased(ClubRow)
_from = aliased(ClubRow)


def _saga_query() -> Select[SagaRow, str, str, str]:
    return (
        select(SagaRow, PlayerRow.name, _to.name, _from.name)
        .join(PlayerRow, SagaRow.player_id == PlayerRow.id)
        .join(_to, SagaRow.to_club_id == _to.id)
        .outerjoin(_from, SagaRow.from_club_id == _from.id)
    )


def _summary(found: Row[SagaRow, str, str, str]) -> SagaSummary:
    row: SagaRow = found[0]
    player: str = found[1]
    to_club: str = found[2]
    from_club: str | None = found[3]  # outer join: None when the saga names no origin
    factors = tuple(StoredFactor(f["name"], f["value"], f["contribution"]) for f in json.loads(row.factors or "[]"))
    return SagaSummary(
        id=row.id,
        player=Named(row.player_id, player),
        to_club=Named(row.to_club_id, to_club),
        from_club=Named(row.from_club_id, from_club) if row.from_club_id and from_club else None,
        stage=Stage(row.stage),
        reason=row.reason,
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        claims=row.claims,
        articles=row.articles,
        independent=row.independent,
        episode=row.episode,
        likelihood=row.likelihood,
        factors=factors,
    )


def player_ids_named(store: Store, text: str) -> list[int]:
    """Stored players matching an id or (part of) a name: every player whose name holds it, so
    that 'Lukaku' finds Romelu Lukaku beside an article's 'Lukaku', whatever the case."""
    with store.session() as session:
        return ids_named(session, PlayerRow, text)


def club_ids_named(store: Store, text: str, kb: KnowledgeBase | None = None) -> list[int]:
    """Stored clubs matching an id, a name, alias or nickname the knowledge base knows ('Man
    Utd', 'the Gunners'), else (part of) a stored name, a whole name first ('Arsenal', not
    'Arsenal Tula'), whatever the case."""
    known = kb.club_named(text.strip()) if kb is not None else None
    with store.session() as session:
        if known is not None:
            found = list(session.scalars(select(ClubRow.id).where(ClubRow.name == known.name)))
            if found:
                return found
        return ids_named(session, ClubRow, text, whole_first=True)


_DIRECTIONS = ("in", "out", "both")


def saga_filter(
    store: Store,
    kb: KnowledgeBase,
    *,
    player: str | None = None,
    club: str | None = None,
    direction: str = "both",
    stage: Stage | None = None,
    min_likelihood: float | None = None,
    since: date | None = None,
    limit: int = 50,
    offset: int = 0,
    open_only: bool = False,
    sort: str = "likelihood",
) -> SagaFilter:
    """A saga question (the CLI's options, the API's query) as a filter, names resolved to
    stored ids the one way every interface shares. A name no stored player or club answers
    to is an error that says so, not an empty answer."""
    if direction not in _DIRECTIONS:
        raise ValueError(f"direction {direction!r}: not one of in, out, both")
    if sort not in SORTS:
        raise ValueError(f"sort {sort!r}: not one of {', '.join(SORTS)}")
    player_ids = player_ids_named(store, player) if player else None
    if player_ids == []:
        raise UnknownEntity("player", str(player), "no stored news names him; list sagas without the filter")
    club_ids = club_ids_named(store, club, kb) if club else None
    if club_ids == []:
        raise UnknownEntity("club", str(club), "no stored news names it; list sagas without the filter")
    return SagaFilter(player_ids, club_ids, direction, stage, min_likelihood, since, limit, offset, open_only, sort)


def _who(wanted: SagaFilter) -> list[ColumnElement[bool]]:
    """The conditions on a saga's player and clubs a filter asks for."""
    conditions: list[ColumnElement[bool]] = []
    if wanted.player_ids is not None:
        conditions.append(SagaRow.player_id.in_(wanted.player_ids))
    if wanted.club_ids is not None:
        incoming, outgoing = SagaRow.to_club_id.in_(wanted.club_ids), SagaRow.from_club_id.in_(wanted.club_ids)
        sides = {"in": incoming, "out": outgoing, "both": or_(incoming, outgoing)}
        conditions.append(sides[wanted.direction])
    return conditions


_FURTHEST_FIRST = (*reversed(list(Stage)[:-1]), Stage.OFF)  # completed, medical, ..., interest; then off
_RANKED = (SagaRow.likelihood.desc().nulls_last(), SagaRow.last_seen.desc(), SagaRow.id)
_ORDERS: dict[str, tuple[Any, ...]] = {
    "likelihood": _RANKED,
    "last_seen": (SagaRow.last_seen.desc().nulls_last(), *_RANKED),
    "stage": (case({s.value: n for n, s in enumerate(_FURTHEST_FIRST)}, value=SagaRow.stage), *_RANKED),
}


def find_sagas(store: Store, wanted: SagaFilter) -> tuple[int, list[SagaSummary]]:
    """The number of sagas matching, and one page of them in the filter's order (the most likely
    first by default)."""
    conditions = _who(wanted)
    if wanted.stage is not None:
        conditions.append(SagaRow.stage == wanted.stage.value)
    if wanted.min_likelihood is not None:
        conditions.append(SagaRow.likelihood >= wanted.min_likelihood)
    if wanted.since is not None:
        conditions.append(SagaRow.last_seen >= wanted.since)
    if wanted.open_only:
        conditions.append(SagaRow.stage.not_in(_FINAL))
    where = and_(*conditions) if conditions else None
    count = select(func.count()).select_from(SagaRow)  # COUNT(*): SQLite reads it off the smallest index
    order = _ORDERS[wanted.sort]
    page = select(SagaRow.id).order_by(*order).limit(wanted.limit).offset(wanted.offset)
    if where is not None:
        count, page = count.where(where), page.where(where)
    # The page's ids first, from the sagas alone, then their names: joined first, SQLite would
    # sort every saga of the store to find one page.
    ids = page.subquery()
    query = _saga_query().join(ids, SagaRow.id == ids.c.id).order_by(*order)
    with store.session() as session:
        total = session.scalar(count) or 0
        return total, [_summary(row) for row in session.execute(query)]


def sagas_as_of(store: Store) -> date | None:
    """The date the stored sagas' likelihoods are for (their last build's)."""
    with store.session() as session:
        return session.scalar(select(SagaStateRow.as_of))


def saga_by_id(store: Store, saga_id: int) -> SagaSummary | None:
    """One saga by id."""
    with store.session() as session:
        row = session.execute(_saga_query().where(SagaRow.id == saga_id)).first()
        return _summary(row) if row else None


def saga_timeline(store: Store, saga: SagaSummary) -> list[ReportedClaim]:
    """A saga's claims in time order, with each article's date, outlet and link: its player's
    claims as corrected, merged into sagas as the saga tables were (so its episode's only)."""
    groups = group_by_saga(claims(store, player_id=saga.player.id))
    return groups.get((saga.player.name, saga.to_club.name, saga.episode), [])


def player_by_id(store: Store, player_id: int) -> tuple[Named, list[SagaSummary]] | None:
    """A stored player and his sagas, the most likely first."""
    with store.session() as session:
        row = session.get(PlayerRow, player_id)
        if row is None:
            return None
        query = (
            _saga_query()
            .where(SagaRow.player_id == player_id)
            .order_by(SagaRow.likelihood.desc().nulls_last(), SagaRow.id)
        )
        return Named(row.id, row.name), [_summary(r) for r in session.execute(query)]


def club_by_id(
    store: Store, club_id: int, limit: int = 200
) -> tuple[Named, list[SagaSummary], list[SagaSummary]] | None:
    """A stored club with its incoming and outgoing sagas, the most likely first."""
    with store.session() as session:
        row = session.get(ClubRow, club_id)
        if row is None:
            return None
        order = (SagaRow.likelihood.desc().nulls_last(), SagaRow.id)
        incoming = _saga_query().where(SagaRow.to_club_id == club_id).order_by(*order)
        outgoing = _saga_query().where(SagaRow.from_club_id == club_id).order_by(*order)
        return (
            Named(row.id, row.name),
            [_summary(r) for r in session.execute(incoming.limit(limit))],
            [_summary(r) for r in session.execute(outgoing.limit(limit))],
        )


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One stage change with its saga's id, player and destination."""

    saga_id: int
    day: date | None
    player: str
    to_club: str
    change: str
    stage: Stage
    previous: Stage | None
    article_id: str | None
    source: str | None
    reason: str | None


def feed_rows(
    store: Store,
    since: date | None = None,
    limit: int = 100,
    offset: int = 0,
    wanted: SagaFilter | None = None,
    newest_first: bool = False,
) -> tuple[int, list[FeedRow]]:
    """Stage changes on or after ``since``, in time order (``newest_first``: the other way;
    undated ones only without since), of the sagas ``wanted``'s players and clubs name (its
    other fields do not apply)."""
    oldest_first = (SagaChangeRow.day, SagaChangeRow.id)
    order = tuple(column.desc() for column in oldest_first) if newest_first else oldest_first
    query = (
        select(SagaChangeRow, PlayerRow.name, ClubRow.name)
        .join(SagaRow, SagaChangeRow.saga_id == SagaRow.id)
        .join(PlayerRow, SagaRow.player_id == PlayerRow.id)
        .join(ClubRow, SagaRow.to_club_id == ClubRow.id)
        .order_by(*order)
    )
    count = select(func.count()).select_from(SagaChangeRow).join(SagaRow, SagaChangeRow.saga_id == SagaRow.id)
    conditions = _who(wanted) if wanted is not None else []
    if since is not None:
        conditions.append(SagaChangeRow.day >= since)
    if conditions:
        query, count = query.where(and_(*conditions)), count.where(and_(*conditions))
    with store.session() as session:
        total = session.scalar(count) or 0
        rows = [
            FeedRow(
                c.saga_id,
                c.day,
                player,
                club,
                c.change,
                Stage(c.stage),
                Stage(c.previous) if c.previous else None,
                c.article_id,
                c.source,
                c.reason,
            )
            for c, player, club in session.execute(query.limit(limit).offset(offset))
        ]
    return total, rows


def source_records(store: Store) -> list[SourceRecord]:
    """Every source with claims and its track record: those with enough scored predictions to
    be ranked first, the most reliable first."""
    query = select(SourceRow).order_by(SourceRow.reliability.desc(), SourceRow.name)
    with store.session() as session:
        records = [
            SourceRecord(r.name, r.kind, r.tier, r.claims, r.hits, r.misses, r.prior_alpha, r.prior_beta)
            for r in session.scalars(query)
        ]
    return sorted(records, key=lambda r: not r.ranked)  # stable: the order by reliability stays within each


def article_with_claims(store: Store, article_id: str) -> tuple[Article, list[TransferClaim]] | None:
    """A stored article and the transfer claims found in it."""
    player, to_club, from_club = PlayerRow, aliased(ClubRow), aliased(ClubRow)
    with store.session() as session:
        row = session.get(ArticleRow, article_id)
        if row is None:
            return None
        article = article_from_row(row)
        query = (
            select(ClaimRow, player.name, to_club.name, from_club.name)
            .join(player, ClaimRow.player_id == player.id)
            .join(to_club, ClaimRow.to_club_id == to_club.id)
            .outerjoin(from_club, ClaimRow.from_club_id == from_club.id)
            .where(ClaimRow.article_id == article_id)
            .order_by(ClaimRow.span_start, ClaimRow.id)
        )
        return article, [claim_from_row(*r) for r in session.execute(query)]
