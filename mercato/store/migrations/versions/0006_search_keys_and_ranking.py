"""Indexes for a large store: players and clubs get a search key (the name as ``name_key``
writes it: case, accents and punctuation ignored), so that a search reads an index column
rather than folding every name; sagas get an index in the order they are listed (likelihood,
last seen, id), so that a page is read off the index rather than sorted.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mercato.kb import name_key

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAMED = ("players", "clubs")


def upgrade() -> None:
    connection = op.get_bind()
    for table in _NAMED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("search_key", sa.String(length=200), nullable=False, server_default=""))
        rows = connection.execute(sa.text(f"SELECT id, name FROM {table}")).all()
        if rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET search_key = :key WHERE id = :id"),
                [{"id": row_id, "key": name_key(name)} for row_id, name in rows],
            )
        with op.batch_alter_table(table) as batch:
            batch.alter_column("search_key", server_default=None)
            batch.create_index(f"ix_{table}_search_key", ["search_key"])
    op.create_index("ix_sagas_ranked", "sagas", [sa.text("likelihood DESC"), sa.text("last_seen DESC"), "id"])


def downgrade() -> None:
    op.drop_index("ix_sagas_ranked", table_name="sagas")
    for table in _NAMED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_search_key")
            batch.drop_column("search_key")
