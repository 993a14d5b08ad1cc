"""Transfer rules: rules check, each answer with the rules it cites."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from mercato.cli import common
from mercato.cli.common import Json, fail

__all__ = ["rules_app"]

rules_app = typer.Typer(
    help="Transfer rules: who may talk to whom, when, and at what cost, with citations.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _read_cases(path: Path) -> list[object]:
    """The --cases file: a JSON list of case objects; anything else ends the command."""
    try:
        cases = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        fail(Exception(f"{path}: cannot read ({error.strerror}); check the path"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        fail(Exception(f"{path}: not valid JSON ({error}); write a JSON list of case objects"))
    if not isinstance(cases, list):
        fail(Exception(f'{path}: not a JSON list; write [{{"id": ..., "to_club": ...}}]'))
    return cases


@rules_app.command("check")
def rules_check(
    player: Annotated[str | None, typer.Option(metavar="NAME", help="The player's name.")] = None,
    to_club: Annotated[str | None, typer.Option(metavar="CLUB", help="The interested club.")] = None,
    on: Annotated[str | None, typer.Option("--date", metavar="DATE", help="The date asked, YYYY-MM-DD.")] = None,
    birth_date: Annotated[str | None, typer.Option(metavar="DATE", help="YYYY-MM-DD (default: KB).")] = None,
    from_club: Annotated[
        str | None,
        typer.Option(metavar="CLUB", help="His club on the date (default: the news, then the reference data)."),
    ] = None,
    from_country: Annotated[str | None, typer.Option(metavar="COUNTRY", help="Country of his current club.")] = None,
    to_country: Annotated[str | None, typer.Option(metavar="COUNTRY", help="Country of the interested club.")] = None,
    contract_expiry: Annotated[
        str | None, typer.Option(metavar="DATE", help="YYYY-MM-DD (default: the news, then the reference data).")
    ] = None,
    loan: Annotated[bool, typer.Option("--loan", help="The move is a loan.")] = False,
    england_approach: Annotated[
        str | None,
        typer.Option(
            metavar="MM-DD",
            help="MM-DD from which English clubs may approach a player whose "
            "contract ends in June (default: day after the final PL matchday).",
        ),
    ] = None,
    cases: Annotated[
        Path | None, typer.Option("--cases", metavar="FILE", help="Run a JSON list of cases; one answer per line.")
    ] = None,
    as_json: Json = False,
) -> None:
    """May a club negotiate with a player, must it inform his club, when can it register
    him, and what is due; each answer cites its rules."""
    from mercato.kb import load_kb
    from mercato.rules import (
        BadRulesInput,
        RuleOptions,
        check_cases,
        check_move,
        describe_verdict,
        load_rulebook,
        resolve_case,
        verdict_to_json,
    )
    from mercato.store.squad_news import news_for_rules

    if england_approach is not None:
        try:
            date(2024, *(int(part) for part in england_approach.split("-")))
        except (TypeError, ValueError):
            fail(
                Exception(f"--england-approach {england_approach!r} is not a month-day; write it as MM-DD, e.g. 05-20")
            )
    options = RuleOptions(england_approach=england_approach)
    kb, book = load_kb(), load_rulebook()
    if cases is not None:
        failed = 0
        for answer in check_cases(_read_cases(cases), kb, book, options):
            failed += "error" in answer
            typer.echo(json.dumps(answer, ensure_ascii=False))
        raise typer.Exit(1 if failed else 0)
    params = {
        "player": player,
        "to_club": to_club,
        "date": on,
        "birth_date": birth_date,
        "from_club": from_club,
        "from_country": from_country,
        "to_country": to_country,
        "contract_expiry": contract_expiry,
        "loan": loan,
    }
    store = common.stored_news()
    news = news_for_rules(store, kb, player) if store else []
    try:
        case, day = resolve_case(params, kb, book, news)
    except BadRulesInput as error:
        fail(Exception(f"--{error.name.replace('_', '-')}: {error.reason}; {error.hint}"))
    verdict = check_move(case, book, day, options)
    if as_json:
        typer.echo(json.dumps(verdict_to_json(verdict), ensure_ascii=False, indent=2))
        return
    for line in describe_verdict(verdict):
        common.console.print(line, highlight=False, markup=False, soft_wrap=True)
