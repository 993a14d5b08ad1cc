"""Articles in, claims out: ingest, errors, extract, eval and train."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mercato.cli import common
from mercato.cli.common import Csv, Json, echo_rows, fail, open_store

if TYPE_CHECKING:
    from mercato.evaluate.gold import GoldArticle
    from mercato.pipeline import IngestReport

__all__ = ["errors", "eval_command", "extract_command", "ingest", "ingest_exit_code", "train_command"]


def ingest_exit_code(report: IngestReport) -> int:
    """0 when every input went in, 1 when some failed, 2 when none went in."""
    if report.failed == 0:
        return 0
    return 1 if report.new + report.duplicates > 0 else 2


def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATHS", help="Files or folders: .json, .jsonl, .txt, .md, .html, RSS/Atom feeds."),
    ],
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, metavar="N", help="Extraction processes (default: all cores)."),
    ] = None,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", metavar="GLOB", help="Read files of a folder that match, README* and the like too."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", metavar="GLOB", help="Skip files of a folder that match (beside README*, LICENSE*...)."
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(metavar="ENGINE", help="Where extraction runs: process (a pool here) or ray (Ray tasks)."),
    ] = "process",
    address: Annotated[
        str | None,
        typer.Option(metavar="ADDR", help="--engine ray: the Ray cluster (default: a local Ray started for the run)."),
    ] = None,
) -> None:
    """Read articles, extract their claims and store them (exit 1: some inputs failed, 2: all).

    In folders, files that describe the folder rather than hold news (README*, LICENSE*,
    notes*, ...) and hidden files are skipped unless --include names them.
    """
    from rich.progress import Progress

    from mercato.cli.extraction_views import ingest_summary
    from mercato.ingest import NOT_ARTICLES, Selection
    from mercato.kb import load_kb
    from mercato.pipeline import ENGINES, ingest_paths
    from mercato.settings import Settings

    if engine not in ENGINES:
        common.fail(ValueError(f"--engine {engine!r}: use one of {', '.join(ENGINES)}"))
    settings = Settings()
    store = open_store()
    with Progress(console=common.console, transient=True, disable=not common.console.is_terminal) as progress:
        task = progress.add_task("Ingesting", total=None)
        report = ingest_paths(
            paths,
            store,
            load_kb(),
            workers,
            max_article_bytes=settings.max_article_bytes,
            budget_s=settings.extract_budget_s,
            engine=engine,
            address=address,
            on_progress=lambda done, total: progress.update(task, completed=done, total=total),
            selection=Selection(tuple(include or ()), NOT_ARTICLES + tuple(exclude or ())),
        )
    store.close()
    for problem in report.problems:
        typer.echo(f"error: {problem}", err=True)
    common.console.print(ingest_summary(report), highlight=False, soft_wrap=True)
    raise typer.Exit(ingest_exit_code(report))


def errors(as_json: Json = False, as_csv: Csv = False) -> None:
    """List the inputs that could not be ingested, why, and what to do."""
    from mercato.cli.extraction_views import error_table
    from mercato.store import errors as recorded_errors

    found = recorded_errors(open_store())
    rows = [{"source": e.source, "reason": e.reason, "hint": e.hint, "at": e.at.isoformat()} for e in found]
    if echo_rows(rows, as_json, as_csv):
        return
    if not found:
        common.console.print("No ingest errors recorded.")
        return
    common.console.print(error_table(found))


def reextract(
    model: Annotated[
        Path | None,
        typer.Option("--model", metavar="FILE", help="A model `mercato train --out` wrote (default: shipped)."),
    ] = None,
) -> None:
    """Read every stored article again with the current model (after `mercato train`, or an
    upgrade), replacing its claims; corrections, stored apart, still apply."""
    from mercato.extract import extract
    from mercato.extract.decide import load_model, shipped_model
    from mercato.kb import load_kb
    from mercato.store import articles
    from mercato.store.saga_refresh import refresh_sagas

    try:
        decider = load_model(model) if model else shipped_model()
    except (OSError, ValueError, KeyError) as error:
        fail(Exception(f"{model}: not a model file ({error}); write one with `mercato train GOLD --out FILE`"))
    store, kb = open_store(), load_kb()
    stored = articles(store)
    claims = 0
    for article in stored:
        result = extract(article, kb, decider)
        store.replace_extraction(article.id, result)
        claims += len(result.claims)
    refresh_sagas(store, kb)
    common.console.print(f"{len(stored)} articles read again: {claims} claims", highlight=False, markup=False)


def export(
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The folder to write the tables into.")],
    fmt: Annotated[str, typer.Option("--format", metavar="parquet|csv|jsonl", help="The files' format.")] = "parquet",
) -> None:
    """Write the store's articles, claims, sagas and sources as tables (one file each) in OUT."""
    from mercato.kb import load_kb
    from mercato.store.export import FORMATS, export_tables
    from mercato.store.saga_refresh import ensure_sagas

    if fmt not in FORMATS:
        fail(Exception(f"--format {fmt!r}: not a format Mercato writes; use one of {', '.join(FORMATS)}"))
    store = open_store()
    ensure_sagas(store, load_kb())
    try:
        written = export_tables(store, out, fmt)
    except OSError as error:
        fail(Exception(f"{out}: cannot write the tables ({error.strerror}); check the folder"))
    for path, rows in written.items():
        common.console.print(f"{path}: {rows} rows", highlight=False, markup=False, soft_wrap=True)


def extract_command(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILES", help="Article files or folders, in any format ingest reads.")
    ],
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each claim's score and the features that weighed most.")
    ] = False,
) -> None:
    """Print one JSON object per article with its rumours and renewals (the extraction contract)."""
    from mercato.cli.extraction_views import explained_claims
    from mercato.extract import claims_of, decide_article
    from mercato.extract.contract import result_json
    from mercato.extract.decide import shipped_model
    from mercato.ingest import IngestProblem, find_inputs, read_input
    from mercato.kb import load_kb
    from mercato.settings import Settings

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
                common.console.print(explained_claims(item, result, decisions, shipped_model()))
            else:
                typer.echo(json.dumps(result_json(result), ensure_ascii=False))
    if failed:
        raise typer.Exit(1)


def _read_gold_dir(gold_dir: Path) -> list[GoldArticle]:
    """The gold articles of a folder; a folder that holds none ends the command."""
    from mercato.evaluate.gold import read_gold

    if not gold_dir.is_dir():
        fail(FileNotFoundError(f"{gold_dir}: not a folder; give the folder of gold *.json files"))
    try:
        gold = read_gold(gold_dir)
    except ValueError as error:
        fail(error)
    if not gold:
        fail(FileNotFoundError(f"{gold_dir}: no *.json gold files found; give the dev-articles folder"))
    return gold


def eval_command(
    gold_dir: Annotated[Path, typer.Argument(metavar="GOLD_DIR", help="A folder of gold-annotated articles (*.json).")],
    cv: Annotated[
        int | None,
        typer.Option(
            "--cv", min=2, metavar="K", help="Retrain K times, folds grouped by outlet, and report those figures."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Measure extraction against gold annotations: pair P/R/F1, field accuracies, misses.

    With --cv K the figures are cross-validated (the model never sees the outlets it is tested
    on) and printed beside the rules-only figures. Without it the shipped model is measured,
    and articles it was trained on are counted and named as such.
    """
    from mercato.cli.extraction_views import eval_report
    from mercato.evaluate.gold import seen_in_training
    from mercato.evaluate.score import evaluate
    from mercato.evaluate.train import cross_validate, outlet_group, training_articles
    from mercato.extract import RULES_ONLY
    from mercato.extract.decide import shipped_model
    from mercato.kb import load_kb

    gold, kb = _read_gold_dir(gold_dir), load_kb()
    rules = evaluate(gold, kb, RULES_ONLY)
    if cv is not None:
        if cv > len({outlet_group(a) for a in gold}):
            fail(ValueError(f"{gold_dir}: --cv {cv} needs at least {cv} outlets; give a smaller K"))
        report = cross_validate(training_articles(gold, kb), kb, cv)
        if as_json:
            typer.echo(json.dumps({"cv": report.figures(), "rules_only": rules.figures()}))
        else:
            common.console.print(eval_report(f"cross-validated ({cv} folds by outlet)", report, rules))
        return
    report = evaluate(gold, kb)
    seen = seen_in_training(gold, shipped_model())
    if as_json:
        typer.echo(json.dumps(report.figures() | {"articles_seen_in_training": len(seen)}))
        return
    if seen:
        common.console.print(
            f"[bold]{len(seen)} of these {len(gold)} articles trained the shipped model:[/bold] its figures "
            f"on them are no measure of quality; run with --cv 5 for figures that are."
        )
    common.console.print(eval_report("shipped model", report, rules))


def train_command(
    gold_dir: Annotated[Path, typer.Argument(metavar="GOLD_DIR", help="A folder of gold-annotated articles (*.json).")],
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="FILE", help="Where to write the model (default: the one the package ships)."),
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
        fail(Exception(f"{target}: cannot write the model ({error.strerror}); give another --out"))
    about = model.about
    typer.echo(
        f"trained on {about['articles']} articles from {about['outlets']} outlets "
        f"({about['candidates']} candidate pairs, {about['claims']} claims, "
        f"{about['renewal_candidates']} renewal candidates); wrote {target}"
    )
