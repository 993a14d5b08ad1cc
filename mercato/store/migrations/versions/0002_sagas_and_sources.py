"""Sagas, their stage changes, source track records, and the claims index for timelines.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_claims_player_id_to_club_id", "claims", ["player_id", "to_club_id"], unique=False)
    op.create_table(
        "sagas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("to_club_id", sa.Integer(), nullable=False),
        sa.Column("from_club_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("last_seen", sa.Date(), nullable=True),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("independent", sa.Integer(), nullable=False),
        sa.Column("likelihood", sa.Float(), nullable=True),
        sa.Column("factors", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["from_club_id"], ["clubs.id"], name=op.f("fk_sagas_from_club_id_clubs")),
        sa.ForeignKeyConstraint(["player_id"], ["players.id"], name=op.f("fk_sagas_player_id_players")),
        sa.ForeignKeyConstraint(["to_club_id"], ["clubs.id"], name=op.f("fk_sagas_to_club_id_clubs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sagas")),
        sa.UniqueConstraint("player_id", "to_club_id", name="uq_sagas_player_id"),
    )
    for column in ("player_id", "to_club_id", "from_club_id", "stage", "last_seen", "likelihood"):
        op.create_index(op.f(f"ix_sagas_{column}"), "sagas", [column], unique=False)
    op.create_table(
        "saga_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("saga_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("change", sa.String(length=16), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("previous", sa.String(length=16), nullable=True),
        sa.Column("article_id", sa.String(length=200), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["saga_id"],
            ["sagas.id"],
            name=op.f("fk_saga_changes_saga_id_sagas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saga_changes")),
    )
    op.create_index(op.f("ix_saga_changes_day"), "saga_changes", ["day"], unique=False)
    op.create_index(op.f("ix_saga_changes_saga_id"), "saga_changes", ["saga_id"], unique=False)
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("misses", sa.Integer(), nullable=False),
        sa.Column("prior_alpha", sa.Float(), nullable=False),
        sa.Column("prior_beta", sa.Float(), nullable=False),
        sa.Column("reliability", sa.Float(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "saga_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_claim_id", sa.Integer(), nullable=False),
        sa.Column("last_renewal_id", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("model_version", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saga_state")),
    )


def downgrade() -> None:
    op.drop_table("saga_state")
    op.drop_table("sources")
    op.drop_index(op.f("ix_saga_changes_saga_id"), table_name="saga_changes")
    op.drop_index(op.f("ix_saga_changes_day"), table_name="saga_changes")
    op.drop_table("saga_changes")
    for column in ("likelihood", "last_seen", "stage", "from_club_id", "to_club_id", "player_id"):
        op.drop_index(op.f(f"ix_sagas_{column}"), table_name="sagas")
    op.drop_table("sagas")
    op.drop_index("ix_claims_player_id_to_club_id", table_name="claims")
