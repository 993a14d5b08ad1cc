"""Endpoints for sagas, the feed of stage changes, and source track records."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from mercato.api.convert import factors_out, feed_page, saga_out, saga_page, source_out, timeline_out
from mercato.api.deps import Kb, Model, StoreDep
from mercato.api.params import ClubFilter, Id, Offset, PlayerFilter, Since
from mercato.api.schemas import ErrorOut, FeedPage, SagaDetail, SagaPage, SourceOut
from mercato.model import Stage
from mercato.sagas.sources import load_sources
from mercato.store.saga_queries import (
    feed_rows,
    find_sagas,
    saga_by_id,
    saga_filter,
    saga_timeline,
    sagas_as_of,
    source_records,
)

__all__ = ["router"]

router = APIRouter(tags=["sagas"])

_Limit = Annotated[int, Query(ge=1, le=500, description="page size")]
Direction = Literal["in", "out", "both"]


@router.get("/sagas", response_model=SagaPage, responses={404: {"model": ErrorOut}})
def list_sagas(
    store: StoreDep,
    kb: Kb,
    player: PlayerFilter = None,
    club: ClubFilter = None,
    direction: Annotated[Direction, Query(description="the club's moves: in (to it), out (from it) or both")] = "both",
    stage: Stage | None = None,
    min_likelihood: Annotated[float | None, Query(ge=0, le=1)] = None,
    since: Since = None,
    limit: _Limit = 50,
    offset: Offset = 0,
) -> SagaPage:
    """Sagas matching every filter given, the most likely first; an unknown player or club is a 404."""
    wanted = saga_filter(
        store,
        kb,
        player=player,
        club=club,
        direction=direction,
        stage=stage,
        min_likelihood=min_likelihood,
        since=since,
        limit=limit,
        offset=offset,
    )
    return saga_page(*find_sagas(store, wanted), wanted, sagas_as_of(store))


@router.get("/sagas/{saga_id:int}", response_model=SagaDetail, responses={404: {"model": ErrorOut}})
def get_saga(saga_id: Id, store: StoreDep, model: Model, limit: _Limit = 100, offset: Offset = 0) -> SagaDetail:
    """One saga: its likelihood's factors and one page of the timeline of claims behind it
    (``limit`` claims from ``offset``, the oldest first)."""
    saga = saga_by_id(store, saga_id)
    if saga is None:
        raise HTTPException(404, f"no saga {saga_id}; list sagas with GET /sagas")
    claims = saga_timeline(store, saga)
    entries = timeline_out(claims, load_sources(), model.copy_similarity)  # reports are numbered over all
    return SagaDetail(
        saga=saga_out(saga),
        factors=factors_out(saga),
        timeline_total=len(entries),
        limit=limit,
        offset=offset,
        timeline=entries[offset : offset + limit],
    )


@router.get("/feed", response_model=FeedPage, responses={404: {"model": ErrorOut}})
def get_feed(
    store: StoreDep,
    kb: Kb,
    since: Since = None,
    player: PlayerFilter = None,
    club: ClubFilter = None,
    limit: _Limit = 100,
    offset: Offset = 0,
) -> FeedPage:
    """Stage changes (new saga, advanced, off, revived, completed) in time order."""
    wanted = saga_filter(store, kb, player=player, club=club)
    return feed_page(*feed_rows(store, since, limit, offset, wanted), limit, offset)


@router.get("/sources", response_model=list[SourceOut])
def list_sources(store: StoreDep) -> list[SourceOut]:
    """Outlets and journalists with claims: hits, misses and reliability, most reliable first."""
    return [source_out(r) for r in source_records(store)]
