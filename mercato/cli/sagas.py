"""Sagas and the news behind them: sagas, show, feed, sources and calibrate."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mercato.cli import common
from mercato.cli.common import Csv, Json, as_of_date, echo_csv, echo_rows, fail, open_store

if TYPE_CHECKING:
    from mercato.kb.facts import ReportedMove
    from mercato.sagas import ReportedClaim

__all__ = ["calibrate", "feed", "sagas", "show", "sources"]


def sagas(
    ctx: typer.Context,
    player: Annotated[str | None, typer.Option(metavar="NAME", help="Only players whose name holds this.")] = None,
    club: Annotated[str | None, typer.Option(metavar="CLUB", help="Only moves from or to this club.")] = None,
    direction: Annotated[
        str, typer.Option(metavar="in|out|both", help="With --club: moves to it (in), from it (out) or both.")
    ] = "both",
    stage: Annotated[str | None, typer.Option(metavar="STAGE", help="Only sagas at this stage.")] = None,
    since: Annotated[str | None, typer.Option(metavar="DATE", help="Only sagas seen on or after YYYY-MM-DD.")] = None,
    min_likelihood: Annotated[
        float | None, typer.Option(metavar="P", min=0, max=1, help="Only sagas at least this likely (0-1).")
    ] = None,
    limit: Annotated[int, typer.Option(metavar="N", min=1, max=500, help="At most N sagas.")] = 50,
    offset: Annotated[int, typer.Option(metavar="N", min=0, help="Skip the first N.")] = 0,
    as_json: Json = False,
    as_csv: Csv = False,
) -> None:
    """List sagas, the most likely first: the same sagas, in the same order, as GET /sagas.
    `sagas merge` and `sagas split` correct them."""
    if ctx.invoked_subcommand is not None:
        return
    from mercato.api.convert import saga_page
    from mercato.cli.saga_views import saga_table
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.model import Stage
    from mercato.store.saga_queries import find_sagas, saga_filter, sagas_as_of
    from mercato.store.saga_refresh import ensure_sagas

    try:
        wanted_stage = Stage(stage) if stage else None
    except ValueError:
        fail(Exception(f"--stage {stage!r}: not a stage; use one of {', '.join(s.value for s in Stage)}"))
    store, kb = open_store(), load_kb()
    ensure_sagas(store, kb)
    try:
        wanted = saga_filter(
            store,
            kb,
            player=player,
            club=club,
            direction=direction,
            stage=wanted_stage,
            min_likelihood=min_likelihood,
            since=_parse_day(since, "--since") if since else None,
            limit=limit,
            offset=offset,
        )
    except (MercatoError, ValueError) as error:
        fail(error)
    total, found = find_sagas(store, wanted)
    as_of = sagas_as_of(store)
    page = saga_page(total, found, wanted, as_of).model_dump(mode="json")
    if as_json:
        typer.echo(json.dumps(page, ensure_ascii=False))
        return
    if as_csv:
        echo_csv({"as_of": page["as_of"], **item} for item in page["items"])
        return
    if not total:
        common.console.print("No sagas found; ingest articles with `mercato ingest PATH` first.")
        return
    common.console.print(saga_table(found, total, offset, as_of))


def show(
    player: Annotated[str, typer.Argument(metavar="PLAYER", help="A player's name, or part of it.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Likelihoods as of YYYY-MM-DD (default: newest article)."),
    ] = None,
    as_json: Json = False,
    as_csv: Csv = False,
) -> None:
    """Show every claim about PLAYER in time order, then each saga's likelihood with the
    contribution of each factor, its rules status and the squad fit."""
    from mercato.cli.saga_views import claim_list
    from mercato.store import claims

    found = claims(open_store(), player=player)
    if not found:
        typer.echo(
            f"error: no claims about {player!r}; check the spelling or list players with `mercato sagas`",
            err=True,
        )
        raise typer.Exit(1)
    if as_json or as_csv:
        _print_player_data(player, found, as_of, as_json)
        return
    common.console.print(claim_list(found), soft_wrap=False)
    _print_likelihoods(player, as_of)
    _print_rules_status(found, as_of_date(as_of) if as_of else None)


def _print_player_data(player: str, found: list[ReportedClaim], as_of: str | None, as_json: bool) -> None:
    """show --json (the claims and each saga's likelihood with its factors) or --csv (the claims)."""
    from mercato.api.convert import claim_out
    from mercato.kb import load_kb
    from mercato.store.saga_refresh import player_assessment

    rows = [
        {
            "published": r.published.isoformat() if r.published else None,
            "outlet": r.outlet,
            "url": r.url,
            "article_id": r.claim.article_id,
            **claim_out(r.claim).model_dump(mode="json"),
        }
        for r in found
    ]
    if not as_json:
        echo_csv(rows)
        return
    assessment = player_assessment(open_store(), load_kb(), player, as_of_date(as_of) if as_of else None)
    sagas = [
        {
            "player": item.saga.player,
            "from_club": item.saga.from_club,
            "to_club": item.saga.to_club,
            "episode": item.saga.episode,
            "stage": item.saga.stage.value,
            "first_seen": item.saga.first_seen.isoformat() if item.saga.first_seen else None,
            "last_seen": item.saga.last_seen.isoformat() if item.saga.last_seen else None,
            "likelihood": None if item.likelihood is None else round(item.likelihood.value, 4),
            "factors": [
                {
                    "name": f.name,
                    "value": f.value,
                    "contribution": None if math.isinf(f.contribution) else f.contribution,
                }
                for f in (item.likelihood.factors if item.likelihood else ())
            ],
        }
        for item in assessment.sagas
    ]
    answer = {"player": player, "as_of": assessment.as_of.isoformat(), "claims": rows, "sagas": sagas}
    typer.echo(json.dumps(answer, ensure_ascii=False, indent=2))


def _print_likelihoods(player: str, as_of: str | None) -> None:
    """Each saga's likelihood with its factors, and the squad fit of each open saga."""
    from mercato.cli.saga_views import likelihood_table
    from mercato.kb import load_kb
    from mercato.store.saga_refresh import player_assessment

    kb = load_kb()
    day = as_of_date(as_of) if as_of else None
    assessment = player_assessment(open_store(), kb, player, day)
    for item in sorted(assessment.sagas, key=lambda a: -(a.saga.likelihood or 0.0)):
        common.console.print(likelihood_table(item))
        if item.saga.likelihood and 0 < item.saga.likelihood < 1:
            on = min(assessment.as_of, item.saga.last_seen or assessment.as_of)  # the saga's own time
            _print_fit(item.saga.player, item.saga.to_club, on)


def _print_fit(player: str, to_club: str, on: date) -> None:
    """One line: where the player would fit at the club on a day (its squad then, from the
    transfer history or the snapshot), if both have squads in the knowledge base."""
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.squad import SquadOptions, find_club, find_player, fit_target

    kb = load_kb()
    try:
        club = find_club(kb, to_club)
        result = fit_target(kb, find_player(kb, player), club, SquadOptions(on))
    except MercatoError:
        return  # no squad to fit into: the line is left out
    common.console.print(
        f"fit ({player} -> {club.name}, on {on}): {result.position}, fit {result.score:.2f}"
        + (f", displaces {', '.join(result.displaces)}" if result.displaces else ""),
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


def _print_rules_status(found: list[ReportedClaim], as_of: date | None) -> None:
    """One rules line per open saga, on ``as_of`` or else the saga's last news, with the
    player's club and contract on that date as the stored news and the reference data tell."""
    from mercato.kb import load_kb
    from mercato.model import Stage
    from mercato.rules import rules_status
    from mercato.sagas import merge_sagas
    from mercato.store.squad_news import reported_moves

    kb, store = load_kb(), open_store()
    news: dict[str, list[ReportedMove]] = {}  # each player's, read once
    for saga in merge_sagas(found):
        if saga.stage in (Stage.COMPLETED, Stage.OFF):
            continue
        on = as_of or saga.last_seen or date.today()
        if saga.player not in news:
            news[saga.player] = reported_moves(store, saga.player)
        line = rules_status(saga.player, saga.to_club, on, kb, from_club=saga.from_club, news=news[saga.player])
        common.console.print(
            f"rules ({saga.player} -> {saga.to_club}, on {on}): {line}", highlight=False, markup=False, soft_wrap=True
        )


def _parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date; write it as YYYY-MM-DD", param_hint=option) from None


def feed(
    since: Annotated[str | None, typer.Option(metavar="DATE", help="Only changes on or after YYYY-MM-DD.")] = None,
    days: Annotated[int | None, typer.Option(metavar="N", min=1, help="Only changes of the last N days.")] = None,
    player: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only sagas of players whose name holds this.")
    ] = None,
    club: Annotated[str | None, typer.Option(metavar="CLUB", help="Only moves from or to this club.")] = None,
    limit: Annotated[int, typer.Option(metavar="N", min=1, help="At most N changes.")] = 1000,
    as_json: Json = False,
    as_csv: Csv = False,
) -> None:
    """List saga stage changes in time order: new saga, advanced, off, revived, completed (as GET /feed)."""
    from mercato.api.convert import feed_page
    from mercato.cli.saga_views import feed_table
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.store.saga_queries import feed_rows, saga_filter
    from mercato.store.saga_refresh import ensure_sagas

    day = _parse_day(since, "--since") if since else None
    if days is not None:  # the clock is read here, at the edge
        recent = date.today() - timedelta(days=days)
        day = max(day, recent) if day else recent
    store, kb = open_store(), load_kb()
    ensure_sagas(store, kb)
    try:
        wanted = saga_filter(store, kb, player=player, club=club)
    except MercatoError as error:
        fail(error)
    total, rows = feed_rows(store, day, limit, 0, wanted)
    items = [item.model_dump(mode="json") for item in feed_page(total, rows, limit, 0).items]
    if as_json:
        for item in items:
            typer.echo(json.dumps(item, ensure_ascii=False))
        return
    if as_csv:
        echo_csv(items)
        return
    if not rows:
        common.console.print("No stage changes found.")
        return
    common.console.print(feed_table(rows))


def sources(as_json: Json = False, as_csv: Csv = False) -> None:
    """List outlets and journalists with claims, hits, misses and reliability (90% interval)."""
    from mercato.api.convert import source_out
    from mercato.cli.saga_views import source_table
    from mercato.kb import load_kb
    from mercato.store.saga_queries import source_records
    from mercato.store.saga_refresh import ensure_sagas

    store = open_store()
    ensure_sagas(store, load_kb())
    records = source_records(store)
    if echo_rows([source_out(r).model_dump(mode="json") for r in records], as_json, as_csv):
        return
    if not records:
        common.console.print("No sources yet; ingest articles with `mercato ingest PATH` first.")
        return
    common.console.print(source_table(records))


def calibrate(
    transfers: Annotated[
        Path, typer.Option("--transfers", metavar="FILE", help="Real transfers CSV (transfermarkt-transfers).")
    ],
    folds: Annotated[int, typer.Option(min=2, metavar="K", help="Cross-validation folds.")] = 5,
    save: Annotated[
        bool, typer.Option("--save", help="Write the fitted weights into the package's data file.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (brier, baseline_brier, ...).")
    ] = False,
) -> None:
    """Label sagas against real transfers, fit the likelihood weights, and print the Brier
    score and reliability table against a stage-only baseline."""
    from mercato.cli.saga_views import calibration_view
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.sagas.calibrate import calibrate as run_calibration
    from mercato.sagas.calibrate import read_transfers
    from mercato.sagas.likelihood import load_model, model_json, model_path
    from mercato.store import claims
    from mercato.store.saga_tables import read_renewals

    store = open_store()
    try:
        report = run_calibration(
            claims(store), read_renewals(store), read_transfers(transfers), load_kb(), load_model(), folds=folds
        )
    except MercatoError as error:
        fail(error)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        common.console.print(calibration_view(report))
    if save:
        today = date.today().isoformat()  # the clock is read here, at the edge
        doc = model_json(replace(report.model, version=f"fitted-{today}", fitted=today))
        model_path().write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
        typer.echo(f"weights written to {model_path()}", err=True)
