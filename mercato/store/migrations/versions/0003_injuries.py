"""Injury, suspension and return-to-fitness claims read from articles.

Articles stored before this revision keep no injury claims; those read afterwards do.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "injuries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("injury", sa.String(length=64), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_injuries_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["player_id"], ["players.id"], name=op.f("fk_injuries_player_id_players")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_injuries")),
    )
    op.create_index(op.f("ix_injuries_article_id"), "injuries", ["article_id"], unique=False)
    op.create_index(op.f("ix_injuries_player_id"), "injuries", ["player_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_injuries_player_id"), table_name="injuries")
    op.drop_index(op.f("ix_injuries_article_id"), table_name="injuries")
    op.drop_table("injuries")
