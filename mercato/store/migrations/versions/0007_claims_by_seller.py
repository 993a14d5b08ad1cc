"""An index on the club a claim's player leaves, so that a club's claims (to it or from it)
are read off two indexes, not found by scanning the articles.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_claims_from_club_id", "claims", ["from_club_id"])


def downgrade() -> None:
    op.drop_index("ix_claims_from_club_id", table_name="claims")
