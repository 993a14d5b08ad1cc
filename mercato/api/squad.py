"""Endpoints for squad analysis (depth chart, needs, fit, best XI) and the rules check."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from mercato.api.deps import Kb, StoreDep
from mercato.api.params import ClubText, Day, Name
from mercato.api.schemas import ErrorOut, IsoDay
from mercato.errors import UnknownEntity
from mercato.kb import KnowledgeBase
from mercato.model import Club, id_in
from mercato.rules import check_query
from mercato.squad import (
    SquadOptions,
    analyse_squad,
    find_club,
    find_player,
    fit_json,
    fit_target,
    needs_json,
    squad_json,
    xi_picture,
)
from mercato.store import Store
from mercato.store.schema import ClubRow
from mercato.store.squad_news import news_for_rules, stored_options

__all__ = ["router"]

router = APIRouter(tags=["squads and rules"], responses={404: {"model": ErrorOut}})

_Formation = Annotated[str, Query(max_length=10, description="4-3-3, 4-2-3-1, 4-4-2, 3-5-2 or 3-4-3")]


def _club(store: Store, kb: KnowledgeBase, text: str) -> Club:
    """A club by stored id (as in /clubs/{id}) or by name as the press writes it."""
    if (stored := id_in(text)) is not None:
        with store.session() as session:
            row = session.get(ClubRow, stored)
            name = row.name if row else None
        if name is None:
            raise UnknownEntity("club", text, "use an id from /clubs/{id} or the club's name")
        return find_club(kb, name)
    return find_club(kb, text)


def _options(store: Store, kb: KnowledgeBase, as_of: date | None, formation: str, club: Club) -> SquadOptions:
    """Squad options with the injuries and completed moves the store has read about the club."""
    # The clock is read here, at the edge, when the request names no date.
    return stored_options(store, kb, as_of or date.today(), formation, club)


@router.get("/clubs/{club}/squad")
def get_squad(
    club: ClubText, store: StoreDep, kb: Kb, as_of: Day = None, formation: _Formation = "4-3-3"
) -> dict[str, Any]:
    """The club's depth chart, needs and best XI."""
    known = _club(store, kb, club)
    return squad_json(analyse_squad(kb, known, _options(store, kb, as_of, formation, known)))


@router.get("/clubs/{club}/needs")
def get_needs(
    club: ClubText, store: StoreDep, kb: Kb, as_of: Day = None, formation: _Formation = "4-3-3"
) -> list[dict[str, object]]:
    """What the club's squad lacks, most pressing first."""
    known = _club(store, kb, club)
    return needs_json(analyse_squad(kb, known, _options(store, kb, as_of, formation, known)))


@router.get("/clubs/{club}/xi.png", response_class=Response, responses={200: {"content": {"image/png": {}}}})
def get_xi_picture(
    club: ClubText, store: StoreDep, kb: Kb, as_of: Day = None, formation: _Formation = "4-3-3"
) -> Response:
    """The club's best XI drawn on a pitch (PNG)."""
    known = _club(store, kb, club)
    report = analyse_squad(kb, known, _options(store, kb, as_of, formation, known))
    return Response(xi_picture(report, "png"), media_type="image/png")


@router.get("/fit")
def get_fit(
    store: StoreDep,
    kb: Kb,
    player: Annotated[str, Query(min_length=1, max_length=200, description="the target's name")],
    club: Annotated[str, Query(min_length=1, max_length=200, description="the buying club: stored id or name")],
    as_of: Day = None,
    formation: _Formation = "4-3-3",
) -> dict[str, object]:
    """Where the player would fit at the club: position, whom he displaces, a fit score."""
    buyer = _club(store, kb, club)
    result = fit_target(kb, find_player(kb, player), buyer, _options(store, kb, as_of, formation, buyer))
    return fit_json(result, buyer)


@router.get("/rules/check")
def get_rules_check(
    request: Request,
    store: StoreDep,
    kb: Kb,
    to_club: Annotated[str, Query(min_length=1, max_length=200, description="the interested club")],
    date: Annotated[IsoDay, Query(description="the date asked, YYYY-MM-DD")],
    player: Name = None,
) -> dict[str, Any]:
    """May the club negotiate with the player, must it inform his club, when can it register
    him, and what is due; each answer cites its rules. Other parameters: birth_date,
    from_club, from_country, to_country, contract_expiry, loan."""
    return check_query(dict(request.query_params), kb, news=news_for_rules(store, kb, player))
