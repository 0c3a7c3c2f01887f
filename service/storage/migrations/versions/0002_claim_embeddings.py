"""Claim embeddings for semantic matching (the optional `semantic` extra).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """One row per embedded claim; `seq` never reuses a value (AUTOINCREMENT / SERIAL)."""
    op.create_table(
        "claim_embeddings",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "claim_id",
            sa.Integer,
            sa.ForeignKey("claims.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("dim", sa.Integer, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    """Drop the embeddings."""
    op.drop_table("claim_embeddings")
