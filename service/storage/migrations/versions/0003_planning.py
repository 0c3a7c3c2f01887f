"""Query planning and the claimant's role.

- ``claims.claimant_role``: how the article describes the claimant, so that
  ``corroborate reindex`` embeds what ingest embedded.
- PostgreSQL: ``corroborate_row_estimate(query)``, the planner's row estimate for a
  query (from the statistics ANALYZE keeps of the tsvector column), which the query
  planner reads as a search term's document frequency; and a small GIN pending list.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ROW_ESTIMATE = """
CREATE OR REPLACE FUNCTION corroborate_row_estimate(query text) RETURNS bigint AS $$
DECLARE
    line record;
    estimate bigint;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN ' || query LOOP
        estimate := substring(line."QUERY PLAN" FROM ' rows=([[:digit:]]+)');
        EXIT WHEN estimate IS NOT NULL;
    END LOOP;
    RETURN estimate;
END
$$ LANGUAGE plpgsql VOLATILE STRICT
"""


def upgrade() -> None:
    """Add the column; on PostgreSQL the estimate function and the pending-list limit."""
    op.add_column("claims", sa.Column("claimant_role", sa.String(300)))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(ROW_ESTIMATE)
        # GIN's pending list (fastupdate) is scanned linearly by every search until a
        # vacuum merges it: after a bulk import a 4 MB list made each search ~25 ms
        # slower. A 256 kB list keeps inserts batched and searches fast.
        op.execute("ALTER INDEX ix_claims_search_vector SET (gin_pending_list_limit = 256)")


def downgrade() -> None:
    """Drop them."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER INDEX ix_claims_search_vector RESET (gin_pending_list_limit)")
        op.execute("DROP FUNCTION IF EXISTS corroborate_row_estimate(text)")
    # natively (SQLite 3.35+): a batch "move and copy" would drop the full-text triggers
    op.execute("ALTER TABLE claims DROP COLUMN claimant_role")
