"""Initial schema: articles, clubs, players, claims, renewals and ingest errors.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=200), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    op.create_index(op.f("ix_articles_published"), "articles", ["published"], unique=False)
    op.create_table(
        "clubs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clubs")),
        sa.UniqueConstraint("name", name=op.f("uq_clubs_name")),
    )
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("hint", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_errors")),
    )
    op.create_table(
        "players",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_players")),
        sa.UniqueConstraint("name", name=op.f("uq_players_name")),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("from_club_id", sa.Integer(), nullable=True),
        sa.Column("to_club_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("deal_type", sa.String(length=16), nullable=False),
        sa.Column("fee_amount", sa.BigInteger(), nullable=True),
        sa.Column("fee_currency", sa.String(length=3), nullable=True),
        sa.Column("fee_add_ons", sa.BigInteger(), nullable=True),
        sa.Column("reported_by", sa.String(length=200), nullable=True),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_claims_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["from_club_id"], ["clubs.id"], name=op.f("fk_claims_from_club_id_clubs")),
        sa.ForeignKeyConstraint(["player_id"], ["players.id"], name=op.f("fk_claims_player_id_players")),
        sa.ForeignKeyConstraint(["to_club_id"], ["clubs.id"], name=op.f("fk_claims_to_club_id_clubs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_article_id"), "claims", ["article_id"], unique=False)
    op.create_index(op.f("ix_claims_player_id"), "claims", ["player_id"], unique=False)
    op.create_index(op.f("ix_claims_to_club_id"), "claims", ["to_club_id"], unique=False)
    op.create_table(
        "renewals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("club_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_renewals_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["club_id"], ["clubs.id"], name=op.f("fk_renewals_club_id_clubs")),
        sa.ForeignKeyConstraint(["player_id"], ["players.id"], name=op.f("fk_renewals_player_id_players")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_renewals")),
    )
    op.create_index(op.f("ix_renewals_article_id"), "renewals", ["article_id"], unique=False)
    op.create_index(op.f("ix_renewals_player_id"), "renewals", ["player_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_renewals_player_id"), table_name="renewals")
    op.drop_index(op.f("ix_renewals_article_id"), table_name="renewals")
    op.drop_table("renewals")
    op.drop_index(op.f("ix_claims_to_club_id"), table_name="claims")
    op.drop_index(op.f("ix_claims_player_id"), table_name="claims")
    op.drop_index(op.f("ix_claims_article_id"), table_name="claims")
    op.drop_table("claims")
    op.drop_table("players")
    op.drop_table("ingest_errors")
    op.drop_table("clubs")
    op.drop_index(op.f("ix_articles_published"), table_name="articles")
    op.drop_table("articles")
