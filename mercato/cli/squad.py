"""Squad analysis: squad and fit. The squad modules import matplotlib, so each command imports
them when it runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mercato.cli import common
from mercato.cli.common import AsOf, Club, Formation, Json, as_of_date, fail, open_store

if TYPE_CHECKING:
    from mercato.kb import KnowledgeBase
    from mercato.squad import SquadOptions

__all__ = ["fit", "squad"]


def _squad_options(kb: KnowledgeBase, as_of: str | None, formation: str) -> SquadOptions:
    """Options for a squad question with the stored news (injury claims, completed moves).

    With no database yet (a SQLite file not created by ingest) the squad is the knowledge
    base's alone, and no empty database file is left behind.
    """
    from sqlalchemy.engine import make_url

    from mercato.settings import Settings
    from mercato.squad import SquadOptions
    from mercato.store.squad_news import stored_options

    day = as_of_date(as_of)
    url = make_url(Settings().db)
    database = url.database or ""
    if url.get_backend_name() == "sqlite" and database not in ("", ":memory:") and not Path(database).exists():
        return SquadOptions(day, formation)
    store = open_store()
    try:
        return stored_options(store, kb, day, formation)
    finally:
        store.close()


def _write_picture(path: Path, picture: bytes) -> None:
    path.write_bytes(picture)
    common.console.print(f"pitch written to {path}")


def squad(
    club: Club,
    as_of: AsOf = None,
    formation: Formation = "4-3-3",
    png: Annotated[Path | None, typer.Option(metavar="FILE", help="Draw the best XI to FILE (.svg: SVG).")] = None,
    as_json: Json = False,
) -> None:
    """Show CLUB's depth chart, needs and best XI; players the stored news reports injured or
    suspended are unavailable, and completed moves it reports are applied."""
    from mercato.cli.squad_views import squad_view
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.squad import analyse_squad, find_club, squad_json, xi_picture

    kb = load_kb()
    try:
        report = analyse_squad(kb, find_club(kb, club), _squad_options(kb, as_of, formation))
    except MercatoError as error:
        fail(error)
    if as_json:
        typer.echo(json.dumps(squad_json(report), ensure_ascii=False, indent=2))
    else:
        common.console.print(squad_view(report))
    if png is not None:
        fmt = "svg" if png.suffix.lower() == ".svg" else "png"
        _write_picture(png, xi_picture(report, fmt))


def fit(
    player: Annotated[str, typer.Argument(metavar="PLAYER", help="The target's name, in full or in part.")],
    club: Club,
    as_of: AsOf = None,
    formation: Formation = "4-3-3",
    png: Annotated[Path | None, typer.Option(metavar="FILE", help="Draw the what-if XI to FILE (.svg).")] = None,
    as_json: Json = False,
) -> None:
    """Show where PLAYER would fit at CLUB: position, whom he displaces, a fit score (the
    squad as the stored news leaves it: injuries, suspensions and completed moves)."""
    from mercato.cli.squad_views import fit_view
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.squad import find_club, find_player, fit_json, fit_target
    from mercato.squad.pitch import draw_xi

    kb = load_kb()
    try:
        target, buyer = find_player(kb, player), find_club(kb, club)
        result = fit_target(kb, target, buyer, _squad_options(kb, as_of, formation))
    except MercatoError as error:
        fail(error)
    if as_json:
        typer.echo(json.dumps(fit_json(result, buyer), ensure_ascii=False, indent=2))
    else:
        common.console.print(fit_view(result, buyer.name))
    if png is not None:
        fmt = "svg" if png.suffix.lower() == ".svg" else "png"
        title = f"{buyer.name} with {target.name}: {result.xi_after.formation}"
        picture = draw_xi(result.xi_after, title, highlight=target.id or target.name, fmt=fmt)
        _write_picture(png, picture)
