"""The hash of each news claim's text, indexed: grouping finds the same sentence in other
articles (wire copy reprinted by several outlets) with one index lookup instead of a
full-text search.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from service.storage.models import claim_text_hash

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    """Add the column, fill it for the claims grouping compares, then index it."""
    op.add_column("claims", sa.Column("text_hash", sa.BigInteger))
    bind = op.get_bind()
    claims = sa.table(
        "claims",
        sa.column("id", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("fact_id", sa.Integer),
        sa.column("text_hash", sa.BigInteger),
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(claims.c.id, claims.c.text)
            .where(claims.c.id > last, claims.c.fact_id.is_not(None))
            .order_by(claims.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        bind.execute(
            claims.update()
            .where(claims.c.id == sa.bindparam("claim_id"))
            .values(text_hash=sa.bindparam("hash")),
            [{"claim_id": r.id, "hash": claim_text_hash(r.text)} for r in rows],
        )
        last = rows[-1].id
    op.create_index("ix_claims_text_hash", "claims", ["text_hash", "id"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_claims_text_hash", table_name="claims")
    # natively (SQLite 3.35+): a batch "move and copy" would drop the full-text triggers
    op.execute("ALTER TABLE claims DROP COLUMN text_hash")
