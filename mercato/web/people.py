"""The dashboard's pages about people and rules: a player, a club, the sources, the rules check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from mercato.api.deps import Kb, StoreDep
from mercato.api.params import ClubText, Id
from mercato.errors import MercatoError
from mercato.kb import KnowledgeBase
from mercato.model import Club, Stage
from mercato.squad import analyse_squad, find_club, find_player, fit_target, xi_picture
from mercato.squad.pitch import draw_xi
from mercato.squad.report import depth_chart_json
from mercato.store import Store, injuries
from mercato.store.saga_queries import Named, SagaSummary, club_by_id, club_ids_named, player_by_id, source_records
from mercato.store.squad_news import stored_options
from mercato.web.charts import reliability_chart
from mercato.web.pages import rules_answer, today_of
from mercato.web.render import Field, page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

_FINAL = (Stage.COMPLETED, Stage.OFF)
StoredClub = tuple[Named, list[SagaSummary], list[SagaSummary]]  # a stored club, its sagas in and out
_Target = Annotated[str | None, Query(min_length=1, max_length=200, description="a player to try in the XI")]


@router.get("/player/{player_id:int}", response_class=HTMLResponse)
def player_page(request: Request, player_id: Id, store: StoreDep, kb: Kb) -> HTMLResponse:
    """A player's open destinations with their shares, his closed sagas, his injuries."""
    found = player_by_id(store, player_id)
    if found is None:
        return page(request, "missing.html", status=404, what=f"no player {player_id}")
    player, sagas = found
    open_sagas = [s for s in sagas if s.stage not in _FINAL]
    total = sum(s.likelihood or 0.0 for s in open_sagas)
    scale = 1 / total if total > 1 else 1.0  # one player moves to one club: shares sum to at most 1
    known = kb.player_named(player.name)
    return page(
        request,
        "player.html",
        player=player,
        known=known,
        current=kb.clubs.get(known.current_club_id) if known and known.current_club_id else None,
        destinations=[(s, (s.likelihood or 0.0) * scale) for s in open_sagas],
        scaled=scale < 1,
        closed=[s for s in sagas if s.stage in _FINAL],
        injuries=injuries(store, [player.name]),
    )


def _club(store: Store, kb: KnowledgeBase, text: str) -> tuple[Club, StoredClub | None]:
    """A club by stored id or name, with its stored row and sagas in and out where the news
    names it."""
    ids = club_ids_named(store, text, kb)
    found = club_by_id(store, ids[0]) if ids else None
    return find_club(kb, found[0].name if found else text), found


@router.get("/club/{club}", response_class=HTMLResponse)
def club_page(request: Request, club: ClubText, store: StoreDep, kb: Kb, target: _Target = None) -> HTMLResponse:
    """A club's sagas in and out, needs, depth chart and best XI, and a what-if with a target."""
    try:
        known, found = _club(store, kb, club)
    except MercatoError as unknown:
        return page(request, "missing.html", status=404, what=str(unknown))
    today = today_of(store)
    options = stored_options(store, kb, today, club=known)
    report = analyse_squad(kb, known, options)
    fit = problem = None
    if target:
        try:
            fit = fit_target(kb, find_player(kb, target), known, options)
        except MercatoError as error:
            problem = str(error)
    incoming = found[1] if found else []
    return page(
        request,
        "club.html",
        club=known,
        key=str(found[0].id) if found else known.name,
        incoming=incoming,
        outgoing=found[2] if found else [],
        report=report,
        chart=depth_chart_json(report.chart),
        target=target or "",
        candidates=sorted({s.player.name for s in incoming if s.stage not in _FINAL}),
        fit=fit,
        problem=problem,
    )


@router.get("/club/{club}/xi.svg")
def club_xi(club: ClubText, store: StoreDep, kb: Kb, target: _Target = None) -> Response:
    """The club's best XI on a pitch, or with ``target`` in it (the what-if), as SVG."""
    try:
        known, _ = _club(store, kb, club)
        options = stored_options(store, kb, today_of(store), club=known)
        if target:
            fit = fit_target(kb, find_player(kb, target), known, options)
            picture = draw_xi(
                fit.xi_after, f"{known.name} with {fit.target.player}", highlight=fit.target.player, fmt="svg"
            )
        else:
            picture = xi_picture(analyse_squad(kb, known, options), "svg")
    except MercatoError as unknown:
        return Response(str(unknown), status_code=404, media_type="text/plain")
    return Response(picture, media_type="image/svg+xml")


@router.get("/outlets", response_class=HTMLResponse)
def sources_page(request: Request, store: StoreDep) -> HTMLResponse:
    """Outlets and journalists: claims, hits, misses, reliability and its interval, as a chart."""
    records = source_records(store)
    ranked = [r for r in records if r.ranked]
    rows = [(r.name, r.reliability, *r.interval, f"#source-{n}") for n, r in enumerate(ranked, start=1)]
    return page(request, "sources.html", records=records, chart=reliability_chart(rows) if rows else None)


@router.get("/rules", response_class=HTMLResponse)
def rules_page(
    request: Request,
    store: StoreDep,
    kb: Kb,
    player: Field = "",
    from_club: Field = "",
    to_club: Field = "",
    date: Field = "",
    contract_expiry: Field = "",
) -> HTMLResponse:
    """A form (player, from, to, date): who may talk to whom and when, with citations."""
    asked = {
        "player": player.strip(),
        "from_club": from_club.strip(),
        "to_club": to_club.strip(),
        "date": date.strip(),
        "contract_expiry": contract_expiry.strip(),
    }
    result: dict[str, object] = {}
    if asked["to_club"] and asked["date"]:  # the rules read and check every field
        result = rules_answer(store, kb, {k: v for k, v in asked.items() if v})
    elif any(asked.values()):
        result = {"problem": "give at least the interested club and the date"}
    return page(request, "rules.html", status=422 if "problem" in result else 200, asked=asked, **result)
