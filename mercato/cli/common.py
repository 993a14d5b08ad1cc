"""What the commands share: the console, the store, the options and the way a command fails.

Commands print through ``common.console``, looked up at each call, so that tests can render
into a fixed-width console by replacing it here. Library imports happen inside each command,
so that ``mercato --help`` stays quick.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from mercato.store import Store

__all__ = ["AsOf", "Club", "Formation", "Json", "as_of_date", "console", "fail", "open_store", "stored_news"]

console = Console()

Club = Annotated[str, typer.Argument(metavar="CLUB", help="Club name, alias or Transfermarkt id.")]
AsOf = Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="Date YYYY-MM-DD (default today).")]
Formation = Annotated[str, typer.Option(metavar="SHAPE", help="4-3-3, 4-2-3-1, 4-4-2, 3-5-2 or 3-4-3.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


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
