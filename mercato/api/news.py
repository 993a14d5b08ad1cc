"""Endpoints for players, clubs and articles, and ingesting an article (token required)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Response

from mercato.api.convert import claim_out, saga_out
from mercato.api.deps import Kb, SettingsDep, StoreDep, require_token
from mercato.api.params import ArticleId, ClubText, Id
from mercato.api.schemas import ArticleIn, ArticleOut, ClubOut, ErrorOut, IngestOut, PlayerOut
from mercato.errors import OverBudget, UnreadableArticle
from mercato.extract import extract
from mercato.ingest import make_article
from mercato.store import Stored
from mercato.store.saga_queries import article_with_claims, club_by_id, club_ids_named, player_by_id
from mercato.store.saga_refresh import refresh_sagas

__all__ = ["router"]

router = APIRouter(responses={404: {"model": ErrorOut}})


@router.get("/players/{player_id}", response_model=PlayerOut, tags=["players and clubs"])
def get_player(player_id: Id, store: StoreDep, kb: Kb) -> PlayerOut:
    """A player, his sagas (most likely first) and what the knowledge base knows of him."""
    found = player_by_id(store, player_id)
    if found is None:
        raise HTTPException(404, f"no player {player_id}; find ids with GET /sagas?player=NAME")
    player, sagas = found
    known = kb.player_named(player.name)
    club = kb.clubs.get(known.current_club_id) if known and known.current_club_id else None
    return PlayerOut(
        id=player.id,
        name=player.name,
        sagas=[saga_out(s) for s in sagas],
        position=known.position if known else None,
        current_club=club.name if club else None,
        contract_expiry=known.contract_expiry if known else None,
        birth_date=known.birth_date if known else None,
    )


@router.get("/clubs/{club}", response_model=ClubOut, tags=["players and clubs"])
def get_club(club: ClubText, store: StoreDep, kb: Kb) -> ClubOut:
    """A club (stored id or name) with its incoming and outgoing sagas."""
    ids = club_ids_named(store, club, kb)
    found = club_by_id(store, ids[0]) if ids else None
    if found is None:
        raise HTTPException(404, f"no club {club!r} in the news; find ids with GET /sagas?club=NAME")
    named, incoming, outgoing = found
    known = kb.club_named(named.name)
    return ClubOut(
        id=named.id,
        name=named.name,
        country=known.country if known else None,
        league=known.league if known else None,
        incoming=[saga_out(s) for s in incoming],
        outgoing=[saga_out(s) for s in outgoing],
    )


@router.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"])
def get_article(article_id: ArticleId, store: StoreDep) -> ArticleOut:
    """A stored article with the claims found in it."""
    found = article_with_claims(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    article, claims = found
    return ArticleOut(
        id=article.id,
        url=article.url,
        outlet=article.outlet,
        published=article.published,
        title=article.title,
        text=article.text,
        claims=[claim_out(c) for c in claims],
    )


@router.post(
    "/articles",
    response_model=IngestOut,
    status_code=201,
    tags=["articles"],
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": IngestOut, "description": "The same text was already stored: nothing changed."},
        401: {"model": ErrorOut},
        403: {"model": ErrorOut},
        409: {"model": ErrorOut},
    },
)
def post_article(body: ArticleIn, response: Response, store: StoreDep, kb: Kb, settings: SettingsDep) -> IngestOut:
    """Ingest one article: extract its claims, store them and update the sagas."""
    try:  # the checks ingest applies
        article = make_article(
            body.text,
            "POST /articles",
            article_id=body.id,
            url=body.url,
            outlet=body.outlet,
            published=body.published,
            title=body.title,
        )
    except UnreadableArticle as problem:
        raise HTTPException(422, f"text: {problem.reason}; {problem.hint}") from None
    try:
        result = extract(article, kb, budget_s=settings.extract_budget_s)
    except OverBudget as error:
        raise HTTPException(422, f"text: {error}") from None
    stored = store.add_article(article, result)
    if stored is Stored.ID_TAKEN:
        raise HTTPException(
            409, f"article id {article.id!r} is already stored with another text; give this article its own id"
        )
    if stored is Stored.DUPLICATE:
        response.status_code = 200
    else:
        refresh_sagas(store, kb)
    return IngestOut(id=article.id, stored=stored.value, claims=len(result.claims), renewals=len(result.renewals))
