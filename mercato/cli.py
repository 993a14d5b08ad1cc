"""Mercato's command line: thin commands over the library functions."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="mercato",
    help="Mercato turns football news into an evidence-backed transfer database.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
