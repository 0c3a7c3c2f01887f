"""The store's version: one counter that every write transaction raises.

A verify answer depends on everything stored (claims, facts, outlets, embeddings). Each
worker reads this counter in the same transaction as its search, so a cached answer
keyed by it can never outlive a write made by any worker or by the CLI.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The table and its single row."""
    table = op.create_table(
        "store_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0}])


def downgrade() -> None:
    """Drop it."""
    op.drop_table("store_version")
