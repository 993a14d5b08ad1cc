"""What the commands share: the console, the store, the options and the way a command fails.

Commands print through ``common.console``, looked up at each call, so that tests can render
into a fixed-width console by replacing it here. Library imports happen inside each command,
so that ``mercato --help`` stays quick.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from mercato.store import Store

__all__ = [
    "AsOf",
    "Club",
    "Csv",
    "Formation",
    "Json",
    "as_of_date",
    "console",
    "echo_csv",
    "fail",
    "open_store",
    "stored_news",
]

# Piped or redirected, tables are printed full width (a terminal's own width otherwise), so
# that no name is cut short in a log or a file.
console = Console() if sys.stdout.isatty() else Console(width=200)

Club = Annotated[str, typer.Argument(metavar="CLUB", help="Club name, alias or Transfermarkt id.")]
AsOf = Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="Date YYYY-MM-DD (default today).")]
Formation = Annotated[str, typer.Option(metavar="SHAPE", help="4-3-3, 4-2-3-1, 4-4-2, 3-5-2 or 3-4-3.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
Csv = Annotated[bool, typer.Option("--csv", help="Print CSV instead of tables: a header, then a row per item.")]


def open_store() -> Store:
    """The store MERCATO_DB names; a store that cannot be opened ends the command (exit 2)."""
    from mercato.errors import MercatoError
    from mercato.settings import Settings
    from mercato.store import open_store as open_named_store

    try:
        return open_named_store(Settings().db)
    except MercatoError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None


def stored_news() -> Store | None:
    """The store MERCATO_DB names, for a question the news helps answer but does not need
    (a rules check): None where it names a SQLite file not created yet."""
    from mercato.settings import Settings
    from mercato.store import is_new_file

    return None if is_new_file(Settings().db) else open_store()


def echo_rows(rows: list[dict[str, Any]], as_json: bool, as_csv: bool) -> bool:
    """Print rows as one JSON list or as CSV when asked; whether it printed them."""
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif as_csv:
        echo_csv(rows)
    return as_json or as_csv


def echo_csv(rows: Iterable[Mapping[str, Any]]) -> None:
    """Rows as CSV on stdout, a header first; a nested object's fields become columns of their
    own ('player.name'), a list one cell of JSON."""
    flat = [_flat(row) for row in rows]
    keys = list(dict.fromkeys(key for row in flat for key in row))
    columns = [k for k in keys if not any(other.startswith(f"{k}.") for other in keys)]  # 'fee' empty, 'fee.amount'
    writer = csv.DictWriter(sys.stdout, columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)


def _flat(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, Mapping):
            out |= _flat(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
    return out


def fail(error: Exception) -> NoReturn:
    """End the command with one line naming what went wrong (exit 1)."""
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(1)


def as_of_date(text: str | None) -> date:
    """The --as-of date; the clock is read here, at the edge, never in the analysis."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
