"""Sagas as episodes: a (player, destination) pair may have several sagas, one per episode.

The saga tables are derived from the claims, so the upgrade empties them and forgets what
they were built from: the next read rebuilds them, with episodes.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("saga_changes", "sagas", "saga_state"):
        op.execute(sa.text(f"DELETE FROM {table}"))
    with op.batch_alter_table("sagas") as batch:
        batch.add_column(sa.Column("episode", sa.Integer(), nullable=False, server_default="0"))
        batch.drop_constraint("uq_sagas_player_id", type_="unique")
        batch.create_unique_constraint("uq_sagas_episode", ["player_id", "to_club_id", "episode"])


def downgrade() -> None:
    for table in ("saga_changes", "sagas", "saga_state"):
        op.execute(sa.text(f"DELETE FROM {table}"))
    with op.batch_alter_table("sagas") as batch:
        batch.drop_constraint("uq_sagas_episode", type_="unique")
        batch.create_unique_constraint("uq_sagas_player_id", ["player_id", "to_club_id"])
        batch.drop_column("episode")
