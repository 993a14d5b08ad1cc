"""The dashboard's news pages: what moved (home), search, the sagas list, a saga, an article."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from mercato.api.convert import timeline_out
from mercato.api.deps import Kb, Model, StoreDep
from mercato.api.params import ArticleId, Id, Offset
from mercato.errors import MercatoError, UnknownEntity
from mercato.kb import KnowledgeBase
from mercato.model import Stage
from mercato.rules import check_query
from mercato.sagas.sources import load_sources
from mercato.squad import SquadOptions, find_club, find_player, fit_target
from mercato.store import Store
from mercato.store.saga_queries import (
    Named,
    SagaFilter,
    article_with_claims,
    club_by_id,
    club_ids_named,
    feed_rows,
    find_sagas,
    player_by_id,
    player_ids_named,
    saga_by_id,
    saga_filter,
    saga_timeline,
    sagas_as_of,
)
from mercato.store.squad_news import news_for_rules, stored_options
from mercato.web.charts import TimelineMark, outlet_colours, timeline_chart
from mercato.web.render import Field, form_day, form_share, form_stage, page

__all__ = ["router", "rules_answer", "today_of"]

router = APIRouter(include_in_schema=False)

_PAGE = 25  # sagas a list page shows
_HOT = 10  # open sagas on the home page
_FOUND = 10  # players and clubs a search shows


def today_of(store: Store) -> date:
    """The day the news runs to: the stored sagas' date, else the clock's (a store of old news
    reads as of its newest article, not as of today)."""
    return sagas_as_of(store) or date.today()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    """What moved today and this week, the hottest open sagas, and the search box."""
    today = today_of(store)
    _, week = feed_rows(store, since=today - timedelta(days=6), limit=200, newest_first=True)
    _, hot = find_sagas(store, SagaFilter(limit=_HOT, open_only=True))
    return page(
        request,
        "home.html",
        today=today,
        moved_today=[row for row in week if row.day == today],
        moved_this_week=[row for row in week if row.day != today],
        hot=hot,
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, kb: Kb, q: Field = "") -> HTMLResponse:
    """Players and clubs whose names hold the words asked, with their sagas."""
    text = q.strip()
    player_ids = player_ids_named(store, text)[:_FOUND] if text else []
    club_ids = club_ids_named(store, text, kb)[:_FOUND] if text else []
    players = [p for i in player_ids if (p := player_by_id(store, i))]
    clubs = [c for i in club_ids if (c := club_by_id(store, i))]
    return page(request, "search.html", q=text, players=players, clubs=clubs)


@router.get("/browse", response_class=HTMLResponse)
def browse(
    request: Request,
    store: StoreDep,
    kb: Kb,
    player: Field = "",
    club: Field = "",
    direction: Field = "both",
    stage: Field = "",
    min_likelihood: Field = "",
    since: Field = "",
    sort: Field = "likelihood",
    offset: Offset = 0,
) -> HTMLResponse:
    """Sagas by club (in and out), player, stage, likelihood and date, sorted and paged."""
    asked = {
        "player": player.strip(),
        "club": club.strip(),
        "direction": direction,
        "stage": stage,
        "min_likelihood": min_likelihood,
        "since": since,
        "sort": sort,
    }
    context: dict[str, Any] = {"asked": asked, "stages": list(Stage), "total": 0, "sagas": []}
    try:
        wanted = saga_filter(
            store,
            kb,
            player=asked["player"] or None,
            club=asked["club"] or None,
            direction=direction,
            stage=form_stage(stage),
            min_likelihood=form_share(min_likelihood, "min_likelihood"),
            since=form_day(since, "since"),
            limit=_PAGE,
            offset=offset,
            sort=sort,
        )
    except (MercatoError, ValueError) as problem:
        status = 404 if isinstance(problem, UnknownEntity) else 422
        return page(request, "browse.html", status=status, problem=str(problem), **context)
    total, sagas = find_sagas(store, wanted)
    query = urlencode({k: v for k, v in asked.items() if v})
    pages = {
        "previous": f"/browse?{query}&offset={max(0, offset - _PAGE)}" if offset > 0 else None,
        "next": f"/browse?{query}&offset={offset + _PAGE}" if offset + _PAGE < total else None,
    }
    return page(request, "browse.html", **{**context, "total": total, "sagas": sagas, "offset": offset, **pages})


@router.get("/saga/{saga_id:int}", response_class=HTMLResponse)
def saga_page(request: Request, saga_id: Id, store: StoreDep, kb: Kb, model: Model) -> HTMLResponse:
    """A saga: its likelihood and factors, the timeline chart, every claim, the rules, the fit."""
    saga = saga_by_id(store, saga_id)
    if saga is None:
        return page(request, "missing.html", status=404, what=f"no saga {saga_id}")
    claims = saga_timeline(store, saga)
    entries = timeline_out(claims, load_sources(), model.copy_similarity)
    colours = outlet_colours([e.outlet or "unknown outlet" for e in entries])
    marks = [
        TimelineMark(e.published, e.stage, e.outlet or "unknown outlet", e.sentence, f"claim-{n}")
        for n, e in enumerate(entries, start=1)
        if e.published
    ]
    today = today_of(store)
    return page(
        request,
        "saga.html",
        saga=saga,
        entries=entries,
        colours=colours,
        chart=timeline_chart(marks, colours),
        undated=len(entries) - len(marks),
        rules=rules_answer(store, kb, _move(saga.player.name, saga.from_club, saga.to_club.name, today)),
        fit=_fit(store, kb, saga.player.name, saga.to_club.name, today),
    )


def rules_answer(store: Store, kb: KnowledgeBase, params: dict[str, str]) -> dict[str, object]:
    """The rules on a move (GET /rules/check's parameters), with the stored news of the
    player's moves: {"answer": ...}, or {"problem": why it cannot be answered}."""
    try:
        return {"answer": check_query(params, kb, news=news_for_rules(store, kb, params.get("player")))}
    except MercatoError as problem:
        return {"problem": str(problem)}


def _move(player: str, from_club: Named | None, to_club: str, day: date) -> dict[str, str]:
    move = {"player": player, "to_club": to_club, "date": day.isoformat()}
    return {**move, "from_club": from_club.name} if from_club else move


def _fit(store: Store, kb: KnowledgeBase, player: str, club: str, day: date) -> dict[str, object]:
    """Where the player would fit at the buying club (or why that cannot be said)."""
    try:
        buyer = find_club(kb, club)
        options: SquadOptions = stored_options(store, kb, day, club=buyer)
        return {"fit": fit_target(kb, find_player(kb, player), buyer, options), "club": buyer}
    except MercatoError as problem:
        return {"problem": str(problem)}


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: ArticleId, store: StoreDep) -> HTMLResponse:
    """An article's text with each claim's sentence marked, and the claim beside it."""
    found = article_with_claims(store, article_id)
    if found is None:
        return page(request, "missing.html", status=404, what=f"no article {article_id!r}")
    article, claims = found
    pieces: list[tuple[str, int | None]] = []  # (text, claim number or None)
    at = 0
    for n, claim in enumerate(claims, start=1):
        start, end = claim.evidence.span
        if start < at:  # a second claim on a sentence already marked
            continue
        pieces += [(article.text[at:start], None), (article.text[start:end], n)]
        at = end
    pieces.append((article.text[at:], None))
    return page(request, "article.html", article=article, claims=claims, pieces=pieces)
