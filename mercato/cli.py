"""Mercato's command line: thin commands over the library functions."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from mercato.evaluate.gold import GoldArticle
    from mercato.kb import KnowledgeBase
    from mercato.pipeline import IngestReport
    from mercato.sagas import ReportedClaim
    from mercato.squad import SquadOptions
    from mercato.store import Store

app = typer.Typer(
    name="mercato",
    help="Mercato turns football news into an evidence-backed transfer database.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()


# --- ingest, sagas, show and errors ---------------------------------------------------
# Library imports happen inside each command, so that `mercato --help` stays quick.


def _open_store() -> Store:
    """The store MERCATO_DB names; a store that cannot be opened ends the command (exit 2)."""
    from mercato.errors import MercatoError
    from mercato.settings import Settings
    from mercato.store import open_store

    try:
        return open_store(Settings().db)
    except MercatoError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None


def ingest_exit_code(report: IngestReport) -> int:
    """0 when every input went in, 1 when some failed, 2 when none went in."""
    if report.failed == 0:
        return 0
    return 1 if report.new + report.duplicates > 0 else 2


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders: .json, .jsonl, .txt, .md, .html, RSS/Atom feeds."),
    ],
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Extraction processes (default: all cores)."),
    ] = None,
) -> None:
    """Read articles, extract their claims and store them (exit 1: some inputs failed, 2: all)."""
    from rich.progress import Progress

    from mercato.kb import load_kb
    from mercato.pipeline import ingest_paths
    from mercato.settings import Settings
    from mercato.views import ingest_summary

    settings = Settings()
    store = _open_store()
    with Progress(console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("Ingesting", total=None)
        report = ingest_paths(
            paths,
            store,
            load_kb(),
            workers,
            max_article_bytes=settings.max_article_bytes,
            on_progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    store.close()
    for problem in report.problems:
        typer.echo(f"error: {problem}", err=True)
    console.print(ingest_summary(report), highlight=False)
    raise typer.Exit(ingest_exit_code(report))


@app.command()
def errors() -> None:
    """List the inputs that could not be ingested, why, and what to do."""
    from mercato.store import errors as recorded_errors
    from mercato.views import error_table

    found = recorded_errors(_open_store())
    if not found:
        console.print("No ingest errors recorded.")
        return
    console.print(error_table(found))


@app.command()
def sagas(
    player: Annotated[str | None, typer.Option(help="Only players whose name holds this.")] = None,
    club: Annotated[str | None, typer.Option(help="Only moves from or to this club.")] = None,
) -> None:
    """List sagas (player and destination club), the most recently seen first."""
    from mercato.kb import load_kb
    from mercato.sagas import merge_sagas
    from mercato.store import claims
    from mercato.views import saga_table

    known = load_kb().club_named(club) if club else None  # "Man Utd" -> Manchester United
    found = merge_sagas(claims(_open_store(), player=player, club=known.name if known else club))
    if not found:
        console.print("No sagas found; ingest articles with `mercato ingest PATH` first.")
        return
    console.print(saga_table(found))


@app.command()
def show(
    player: Annotated[str, typer.Argument(help="A player's name, or part of it.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Likelihoods as of YYYY-MM-DD (default: newest article)."),
    ] = None,
) -> None:
    """Show every claim about PLAYER in time order, then each saga's likelihood with the
    contribution of each factor, its rules status and the squad fit."""
    from mercato.store import claims
    from mercato.views import claim_table

    found = claims(_open_store(), player=player)
    if not found:
        typer.echo(
            f"error: no claims about {player!r}; check the spelling or list players with `mercato sagas`",
            err=True,
        )
        raise typer.Exit(1)
    console.print(claim_table(found))
    _print_likelihoods(player, as_of)
    _print_rules_status(found)


def _print_likelihoods(player: str, as_of: str | None) -> None:
    """Each saga's likelihood with its factors, and the squad fit of each open saga."""
    from mercato.kb import load_kb
    from mercato.saga_views import likelihood_table
    from mercato.store.saga_refresh import player_assessment

    kb = load_kb()
    day = _as_of(as_of) if as_of else None
    assessment = player_assessment(_open_store(), kb, player, day)
    for item in sorted(assessment.sagas, key=lambda a: -(a.saga.likelihood or 0.0)):
        console.print(likelihood_table(item))
        if item.saga.likelihood and 0 < item.saga.likelihood < 1:
            _print_fit(item.saga.player, item.saga.to_club, assessment.as_of)


def _print_fit(player: str, to_club: str, on: date) -> None:
    """One line: where the player would fit at the club, if both have squads in the KB."""
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.squad import SquadOptions, find_club, find_player, fit_target

    kb = load_kb()
    try:
        club = find_club(kb, to_club)
        result = fit_target(kb, find_player(kb, player), club, SquadOptions(on))
    except MercatoError:
        return  # no squad to fit into: the line is left out
    console.print(
        f"fit ({player} -> {club.name}): {result.position}, fit {result.score:.2f}"
        + (f", displaces {', '.join(result.displaces)}" if result.displaces else ""),
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


def _print_rules_status(found: list[ReportedClaim]) -> None:
    """One rules line per open saga, as of today (the clock is read here, at the edge)."""
    from mercato.kb import load_kb
    from mercato.model import Stage
    from mercato.rules import rules_status
    from mercato.sagas import merge_sagas

    kb, today = load_kb(), date.today()
    for saga in merge_sagas(found):
        if saga.stage in (Stage.COMPLETED, Stage.OFF):
            continue
        line = rules_status(saga.player, saga.to_club, today, kb, from_club=saga.from_club)
        console.print(f"rules ({saga.player} -> {saga.to_club}): {line}", highlight=False, markup=False, soft_wrap=True)


# --- squad analysis -------------------------------------------------------------------
# The squad modules import matplotlib, so they are imported when a squad command runs.


_Club = Annotated[str, typer.Argument(help="Club name, alias or Transfermarkt id.")]
_AsOf = Annotated[str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default today).")]
_Formation = Annotated[str, typer.Option(help="4-3-3, 4-2-3-1, 4-4-2, 3-5-2 or 3-4-3.")]
_Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _as_of(text: str | None) -> date:
    """The --as-of date; the clock is read here, at the edge, never in the analysis."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def _squad_options(kb: KnowledgeBase, as_of: str | None, formation: str) -> SquadOptions:
    """Options for a squad question with the stored news (injury claims, completed moves).

    With no database yet (a SQLite file not created by ingest) the squad is the knowledge
    base's alone, and no empty database file is left behind.
    """
    from sqlalchemy.engine import make_url

    from mercato.settings import Settings
    from mercato.squad import SquadOptions
    from mercato.store.squad_news import stored_options

    day = _as_of(as_of)
    url = make_url(Settings().db)
    database = url.database or ""
    if url.get_backend_name() == "sqlite" and database not in ("", ":memory:") and not Path(database).exists():
        return SquadOptions(day, formation)
    store = _open_store()
    try:
        return stored_options(store, kb, day, formation)
    finally:
        store.close()


def _fail(error: Exception) -> NoReturn:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(1)


def _write_picture(path: Path, picture: bytes) -> None:
    path.write_bytes(picture)
    console.print(f"pitch written to {path}")


@app.command()
def squad(
    club: _Club,
    as_of: _AsOf = None,
    formation: _Formation = "4-3-3",
    png: Annotated[Path | None, typer.Option(help="Draw the best XI to FILE (.svg: SVG).")] = None,
    as_json: _Json = False,
) -> None:
    """Show CLUB's depth chart, needs and best XI; players the stored news reports injured or
    suspended are unavailable, and completed moves it reports are applied."""
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.squad import analyse_squad, find_club, squad_json, xi_picture
    from mercato.squad.tables import squad_view

    kb = load_kb()
    try:
        report = analyse_squad(kb, find_club(kb, club), _squad_options(kb, as_of, formation))
    except MercatoError as error:
        _fail(error)
    if as_json:
        typer.echo(json.dumps(squad_json(report), ensure_ascii=False, indent=2))
    else:
        console.print(squad_view(report))
    if png is not None:
        fmt = "svg" if png.suffix.lower() == ".svg" else "png"
        _write_picture(png, xi_picture(report, fmt))


@app.command()
def fit(
    player: Annotated[str, typer.Argument(help="The target's full name.")],
    club: _Club,
    as_of: _AsOf = None,
    formation: _Formation = "4-3-3",
    png: Annotated[Path | None, typer.Option(help="Draw the what-if XI to FILE (.svg).")] = None,
    as_json: _Json = False,
) -> None:
    """Show where PLAYER would fit at CLUB: position, whom he displaces, a fit score (the
    squad as the stored news leaves it: injuries, suspensions and completed moves)."""
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.squad import find_club, find_player, fit_json, fit_target
    from mercato.squad.pitch import draw_xi
    from mercato.squad.tables import fit_view

    kb = load_kb()
    try:
        target, buyer = find_player(kb, player), find_club(kb, club)
        result = fit_target(kb, target, buyer, _squad_options(kb, as_of, formation))
    except MercatoError as error:
        _fail(error)
    if as_json:
        typer.echo(json.dumps(fit_json(result, buyer), ensure_ascii=False, indent=2))
    else:
        console.print(fit_view(result, buyer.name))
    if png is not None:
        fmt = "svg" if png.suffix.lower() == ".svg" else "png"
        title = f"{buyer.name} with {target.name}: {result.xi_after.formation}"
        picture = draw_xi(result.xi_after, title, highlight=target.id or target.name, fmt=fmt)
        _write_picture(png, picture)


# --- extract and eval ----------------------------------------------------------------


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Article files or folders, in any format ingest reads.")],
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each claim's score and the features that weighed most.")
    ] = False,
) -> None:
    """Print one JSON object per article with its rumours and renewals (the extraction contract)."""
    from mercato.extract import claims_of, decide_article
    from mercato.extract.contract import result_json
    from mercato.extract.decide import shipped_model
    from mercato.ingest import IngestProblem, find_inputs, read_input
    from mercato.kb import load_kb
    from mercato.settings import Settings
    from mercato.views import explained_claims

    kb, settings, failed = load_kb(), Settings(), 0
    for found in find_inputs(files):
        items = [found] if isinstance(found, IngestProblem) else read_input(found, settings.max_article_bytes)
        for item in items:
            if isinstance(item, IngestProblem):
                failed += 1
                typer.echo(f"error: {item}", err=True)
                continue
            reading, decisions = decide_article(item, kb)
            result = claims_of(reading, decisions)
            if explain:
                console.print(explained_claims(item, result, decisions, shipped_model()))
            else:
                typer.echo(json.dumps(result_json(result), ensure_ascii=False))
    if failed:
        raise typer.Exit(1)


def _read_gold_dir(gold_dir: Path) -> list[GoldArticle]:
    """The gold articles of a folder; a folder that holds none ends the command."""
    from mercato.evaluate.gold import read_gold

    if not gold_dir.is_dir():
        _fail(FileNotFoundError(f"{gold_dir}: not a folder; give the folder of gold *.json files"))
    try:
        gold = read_gold(gold_dir)
    except ValueError as error:
        _fail(error)
    if not gold:
        _fail(FileNotFoundError(f"{gold_dir}: no *.json gold files found; give the dev-articles folder"))
    return gold


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="A folder of gold-annotated articles (*.json).")],
    cv: Annotated[
        int | None,
        typer.Option("--cv", min=2, help="Retrain K times, folds grouped by outlet, and report those figures."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Measure extraction against gold annotations: pair P/R/F1, field accuracies, misses.

    With --cv K the figures are cross-validated (the model never sees the outlets it is tested
    on) and printed beside the rules-only figures. Without it the shipped model is measured,
    and articles it was trained on are counted and named as such.
    """
    from mercato.evaluate.gold import seen_in_training
    from mercato.evaluate.score import evaluate
    from mercato.evaluate.train import cross_validate, training_articles
    from mercato.extract import RULES_ONLY
    from mercato.extract.decide import shipped_model
    from mercato.kb import load_kb
    from mercato.views import eval_comparison, eval_report

    gold, kb = _read_gold_dir(gold_dir), load_kb()
    rules = evaluate(gold, kb, RULES_ONLY)
    if cv is not None:
        if cv > len({a.article.outlet for a in gold}):
            _fail(ValueError(f"{gold_dir}: --cv {cv} needs at least {cv} outlets; give a smaller K"))
        report = cross_validate(training_articles(gold, kb), kb, cv)
        if as_json:
            typer.echo(json.dumps({"cv": report.figures(), "rules_only": rules.figures()}))
        else:
            console.print(eval_comparison(f"cross-validated ({cv} folds by outlet)", report, rules))
            console.print(eval_report(report))
        return
    report = evaluate(gold, kb)
    seen = seen_in_training(gold, shipped_model())
    if as_json:
        typer.echo(json.dumps(report.figures() | {"articles_seen_in_training": len(seen)}))
        return
    console.print(eval_comparison("shipped model", report, rules))
    if seen:
        console.print(
            f"[bold]{len(seen)} of these {len(gold)} articles trained the shipped model:[/bold] its figures "
            f"on them are no measure of quality; run with --cv 5 for figures that are."
        )
    console.print(eval_report(report))


@app.command("train")
def train_command(
    gold_dir: Annotated[Path, typer.Argument(help="A folder of gold-annotated articles (*.json).")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Where to write the model (default: the one the package ships).")
    ] = None,
) -> None:
    """Train the extractor's decisions on gold articles and write the model file (deterministic)."""
    from mercato.evaluate.train import fit, training_articles
    from mercato.extract.decide import SHIPPED_MODEL
    from mercato.kb import load_kb

    gold, kb = _read_gold_dir(gold_dir), load_kb()
    model = fit(training_articles(gold, kb))
    target = out or SHIPPED_MODEL
    try:
        target.write_text(model.to_json(), encoding="utf-8")
    except OSError as error:
        _fail(Exception(f"{target}: cannot write the model ({error.strerror}); give another --out"))
    about = model.about
    typer.echo(
        f"trained on {about['articles']} articles from {about['outlets']} outlets "
        f"({about['candidates']} candidate pairs, {about['claims']} claims, "
        f"{about['renewal_candidates']} renewal candidates); wrote {target}"
    )


# --- transfer rules -------------------------------------------------------------------

rules_app = typer.Typer(
    help="Transfer rules: who may talk to whom, when, and at what cost, with citations.",
    no_args_is_help=True,
)
app.add_typer(rules_app, name="rules")


def _read_cases(path: Path) -> list[object]:
    """The --cases file: a JSON list of case objects; anything else ends the command."""
    try:
        cases = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        _fail(Exception(f"{path}: cannot read ({error.strerror}); check the path"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        _fail(Exception(f"{path}: not valid JSON ({error}); write a JSON list of case objects"))
    if not isinstance(cases, list):
        _fail(Exception(f'{path}: not a JSON list; write [{{"id": ..., "to_club": ...}}]'))
    return cases


@rules_app.command("check")
def rules_check(
    player: Annotated[str | None, typer.Option(help="The player's name.")] = None,
    to_club: Annotated[str | None, typer.Option(help="The interested club.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="The date asked, YYYY-MM-DD.")] = None,
    birth_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD (default: KB).")] = None,
    from_club: Annotated[str | None, typer.Option(help="His current club (default: KB).")] = None,
    from_country: Annotated[str | None, typer.Option(help="Country of his current club.")] = None,
    to_country: Annotated[str | None, typer.Option(help="Country of the interested club.")] = None,
    contract_expiry: Annotated[str | None, typer.Option(help="YYYY-MM-DD (default: KB, for his KB club).")] = None,
    loan: Annotated[bool, typer.Option("--loan", help="The move is a loan.")] = False,
    england_approach: Annotated[
        str | None,
        typer.Option(
            help="MM-DD from which English clubs may approach a player whose "
            "contract ends in June (default: day after the final PL matchday)."
        ),
    ] = None,
    cases: Annotated[
        Path | None, typer.Option("--cases", help="Run a JSON list of cases; one answer per line.")
    ] = None,
    as_json: _Json = False,
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

    if england_approach is not None:
        try:
            date(2024, *(int(part) for part in england_approach.split("-")))
        except (TypeError, ValueError):
            _fail(
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
    try:
        case, day = resolve_case(params, kb, book)
    except BadRulesInput as error:
        _fail(Exception(f"--{error.name.replace('_', '-')}: {error.reason}; {error.hint}"))
    verdict = check_move(case, book, day, options)
    if as_json:
        typer.echo(json.dumps(verdict_to_json(verdict), ensure_ascii=False, indent=2))
        return
    for line in describe_verdict(verdict):
        console.print(line, highlight=False, markup=False, soft_wrap=True)


# --- sagas: feed, sources, calibration and the REST API -------------------------------


def _parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date; write it as YYYY-MM-DD", param_hint=option) from None


@app.command()
def feed(
    since: Annotated[str | None, typer.Option(help="Only changes on or after YYYY-MM-DD.")] = None,
    as_json: _Json = False,
) -> None:
    """List saga stage changes in time order: new saga, advanced, off, revived, completed."""
    from mercato.saga_views import feed_table
    from mercato.sagas import feed as stage_feed
    from mercato.store import claims
    from mercato.store.saga_tables import read_renewals

    day = _parse_day(since, "--since") if since else None
    store = _open_store()
    changes = stage_feed(claims(store), read_renewals(store), day)
    if as_json:
        for change in changes:
            typer.echo(
                json.dumps(
                    {
                        "day": change.day.isoformat() if change.day else None,
                        "player": change.player,
                        "to_club": change.to_club,
                        "change": change.change.value,
                        "stage": change.stage.value,
                        "previous": change.previous.value if change.previous else None,
                        "article_id": change.article_id,
                        "source": change.source,
                        "reason": change.reason,
                    },
                    ensure_ascii=False,
                )
            )
        return
    if not changes:
        console.print("No stage changes found.")
        return
    console.print(feed_table(changes))


@app.command()
def sources(as_json: _Json = False) -> None:
    """List outlets and journalists with claims, hits, misses and reliability (90% interval)."""
    from mercato.kb import load_kb
    from mercato.saga_views import source_table
    from mercato.store.saga_queries import source_records
    from mercato.store.saga_refresh import ensure_sagas

    store = _open_store()
    ensure_sagas(store, load_kb())
    records = source_records(store)
    if as_json:
        rows = []
        for r in records:
            low, high = r.interval
            rows.append(
                {
                    "name": r.name,
                    "kind": r.kind,
                    "tier": r.tier,
                    "claims": r.claims,
                    "hits": r.hits,
                    "misses": r.misses,
                    "reliability": round(r.reliability, 4),
                    "low": round(low, 4),
                    "high": round(high, 4),
                }
            )
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not records:
        console.print("No sources yet; ingest articles with `mercato ingest PATH` first.")
        return
    console.print(source_table(records))


@app.command()
def calibrate(
    transfers: Annotated[Path, typer.Option("--transfers", help="Real transfers CSV (transfermarkt-transfers).")],
    folds: Annotated[int, typer.Option(min=2, help="Cross-validation folds.")] = 5,
    save: Annotated[
        bool, typer.Option("--save", help="Write the fitted weights into the package's data file.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object (brier, baseline_brier, ...).")
    ] = False,
) -> None:
    """Label sagas against real transfers, fit the likelihood weights, and print the Brier
    score and reliability table against a stage-only baseline."""
    from mercato.errors import MercatoError
    from mercato.kb import load_kb
    from mercato.saga_views import calibration_view
    from mercato.sagas.calibrate import calibrate as run_calibration
    from mercato.sagas.calibrate import read_transfers
    from mercato.sagas.likelihood import load_model, model_json, model_path
    from mercato.store import claims
    from mercato.store.saga_tables import read_renewals

    store = _open_store()
    try:
        report = run_calibration(
            claims(store), read_renewals(store), read_transfers(transfers), load_kb(), load_model(), folds=folds
        )
    except MercatoError as error:
        _fail(error)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        console.print(calibration_view(report))
    if save:
        today = date.today().isoformat()  # the clock is read here, at the edge
        doc = model_json(replace(report.model, version=f"fitted-{today}", fitted=today))
        model_path().write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", "utf-8")
        typer.echo(f"weights written to {model_path()}", err=True)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the REST API (OpenAPI document at /docs and /openapi.json)."""
    import uvicorn

    from mercato.api import create_app
    from mercato.errors import MercatoError
    from mercato.settings import Settings

    try:
        api = create_app(Settings())
    except MercatoError as error:
        _fail(error)
    uvicorn.run(api, host=host, port=port)


@app.command()
def bench(
    corpus: Annotated[
        Path | None,
        typer.Argument(
            help="A folder of article files (default: the dev articles beside the repository, else samples)."
        ),
    ] = None,
    articles: Annotated[int, typer.Option("--articles", "-n", min=1, help="Repeat the corpus to this many.")] = 2000,
    baseline: Annotated[bool, typer.Option(help="Also time spaCy's en_core_web_sm over the same texts.")] = True,
    baseline_articles: Annotated[
        int | None,
        typer.Option(min=1, help="Time spaCy over only the first N texts, in whole rounds of the corpus (it is slow)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Extraction speed on one core, beside spaCy's small English pipeline, and peak memory."""
    from mercato.evaluate.bench import pin_to_one_core, read_corpus, run_bench
    from mercato.kb import load_kb
    from mercato.settings import Settings
    from mercato.views import bench_table

    folder = corpus or _default_corpus()
    try:
        texts = read_corpus(folder, Settings().max_article_bytes)
    except (KeyError, ValueError) as error:
        _fail(Exception(f"{folder}: a JSON file holds no article ({error!r}); give gold or article JSON files"))
    if not texts:
        _fail(FileNotFoundError(f"{folder}: no readable articles; give a folder of article files"))
    pin_to_one_core()
    figures = run_bench(texts, load_kb(), articles, baseline, baseline_articles)
    if figures.baseline_note:
        typer.echo(f"note: {figures.baseline_note}", err=True)
    if as_json:
        typer.echo(json.dumps(figures.as_json()))
    else:
        console.print(bench_table(figures))


def _default_corpus() -> Path:
    """The development articles beside the repository when present, else the bundled samples."""
    root = Path(__file__).resolve().parents[1]
    dev = root.parent / "shared" / "data" / "dev-articles"
    return dev if dev.is_dir() else root / "samples" / "articles"
