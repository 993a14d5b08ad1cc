"""Write docs/cli-reference.md from the --help text of every mercato command.

    .venv/bin/python scripts/cli_reference.py           # rewrite docs/cli-reference.md
    .venv/bin/python scripts/cli_reference.py --check   # exit 1 if the file is out of date

The help is click's plain rendering at a fixed width, without colours or boxes, so the
file is the same on every machine; tests/test_docs.py keeps it in step with the code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TypeAlias

import typer
from typer import Context
from typer.core import TyperCommand, TyperGroup

from mercato.cli import app

Command: TypeAlias = TyperCommand | TyperGroup

__all__ = ["REFERENCE", "WIDTH", "command_help", "commands", "render_reference"]

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "cli-reference.md"
WIDTH = 100  # characters a help line may take


def commands() -> list[Context]:
    """A context for every command and sub-command ("mercato", "mercato rules check"), parents first."""
    found: list[Context] = []

    def walk(ctx: Context) -> None:
        found.append(ctx)
        if isinstance(ctx.command, TyperGroup):
            for name in ctx.command.list_commands(ctx):
                sub = ctx.command.get_command(ctx, name)
                if isinstance(sub, TyperCommand | TyperGroup) and not sub.hidden:
                    walk(_context(sub, name, ctx))

    root = typer.main.get_command(app)
    assert isinstance(root, TyperGroup), "the mercato app has sub-commands"
    walk(_context(root, "mercato", None))
    return found


def _context(command: Command, name: str, parent: Context | None) -> Context:
    # click's plain layout, not typer's rich panels: text that a fixed width makes stable. The
    # command objects are built afresh for this rendering, so the app itself is untouched.
    command.rich_markup_mode = None
    return Context(command, info_name=name, parent=parent, terminal_width=WIDTH, max_content_width=WIDTH)


def command_help(ctx: Context) -> str:
    """What ``--help`` prints for the context's command, without colours, at ``WIDTH`` characters."""
    return "\n".join(line.rstrip() for line in ctx.command.get_help(ctx).splitlines()).strip("\n")


def render_reference() -> str:
    """The whole reference: one section per command, each holding its --help output."""
    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `scripts/cli_reference.py`; do not edit by hand. After changing a",
        "command, run `.venv/bin/python scripts/cli_reference.py`. The guide is [cli.md](cli.md).",
    ]
    for ctx in commands():
        parts += ["", f"## {ctx.command_path}", "", "```text", command_help(ctx), "```"]
    return "\n".join(parts) + "\n"


def main(argv: list[str]) -> int:
    """Rewrite the reference, or with --check say whether it is out of date."""
    text = render_reference()
    if "--check" in argv:
        current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else ""
        if current != text:
            print(f"{REFERENCE} is out of date; run: .venv/bin/python scripts/cli_reference.py")
            return 1
        return 0
    REFERENCE.write_text(text, encoding="utf-8")
    print(f"wrote {REFERENCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
