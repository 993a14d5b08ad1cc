"""`mercato db upgrade`: the store's schema brought to the latest migration."""

from __future__ import annotations

import typer

from mercato.cli import common

db_app = typer.Typer(
    help="The store's schema: create it or upgrade it to the latest migration.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@db_app.command("upgrade")
def upgrade() -> None:
    """Create or upgrade the store MERCATO_DB names to the latest schema (every command that
    opens the store does so too; this does only that, before a deploy or after a release)."""
    from mercato.store import schema_revision

    store = common.open_store()
    where = store.engine.url.render_as_string(hide_password=True)
    common.console.print(f"{where}: schema at revision {schema_revision(store)}, the latest", highlight=False)
    store.close()
