"""Mercato's command line: thin commands over the library functions.

This module is the table of contents: every command, in the order ``mercato --help`` lists
them. The commands live by group beside the Rich renderings they print:

- ``extraction.py``: ingest, errors, export, reextract, extract, eval, train (``extraction_views.py``);
- ``sagas.py``: sagas, show, feed, sources, calibrate (``saga_views.py``);
- ``squad.py``: squad, fit (``squad_views.py``);
- ``rules.py``: rules check;
- ``corrections.py``: claims reject and fix, sagas merge and split, corrections list and export;
- ``serve.py``: serve, bench;
- ``common.py``: the console, the store and the options they share.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Annotated

import typer

from mercato.cli import corrections, db, extraction, rules, sagas, serve, squad

__all__ = ["app"]

app = typer.Typer(
    name="mercato",
    help="Mercato turns football news into an evidence-backed transfer database.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: options and what they take, no type tags
)


def _print_version(asked: bool) -> None:
    if asked:
        typer.echo(f"mercato {version('mercato')}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print Mercato's version and exit."),
    ] = False,
) -> None:
    """Mercato turns football news into an evidence-backed transfer database."""


sagas_app = typer.Typer(rich_markup_mode=None)
sagas_app.callback(invoke_without_command=True)(sagas.sagas)
sagas_app.command("merge")(corrections.merge)
sagas_app.command("split")(corrections.split)

app.command()(extraction.ingest)
app.command()(extraction.errors)
app.add_typer(sagas_app, name="sagas")
app.command()(sagas.show)
app.command()(squad.squad)
app.command()(squad.fit)
app.command("extract")(extraction.extract_command)
app.command("eval")(extraction.eval_command)
app.command("train")(extraction.train_command)
app.command()(sagas.feed)
app.command()(sagas.sources)
app.command()(extraction.export)
app.command()(extraction.reextract)
app.command()(sagas.calibrate)
app.command()(serve.serve)
app.command()(serve.bench)
app.add_typer(rules.rules_app, name="rules")
app.add_typer(corrections.claims_app, name="claims")
app.add_typer(corrections.corrections_app, name="corrections")
app.add_typer(db.db_app, name="db")
