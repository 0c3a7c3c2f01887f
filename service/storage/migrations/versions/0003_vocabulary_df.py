"""Document frequency per vocabulary word, for query planning (rarest terms first);
a small GIN pending list on PostgreSQL, so searches stay fast between vacuums.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import re
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TERM = re.compile(r"[^\W_]+", re.UNICODE)  # as repository.terms_of: frozen here on purpose


def upgrade() -> None:
    """Add ``vocabulary.df`` (claims whose index text holds the word) and count it."""
    # the claimant's description in the article, so `reindex` embeds what ingest embedded
    op.add_column("claims", sa.Column("claimant_role", sa.String(300)))
    op.add_column("vocabulary", sa.Column("df", sa.Integer, nullable=False, server_default="0"))
    bind = op.get_bind()
    counts: Counter[str] = Counter()
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, search_text FROM claims WHERE id > :last ORDER BY id LIMIT 10000"),
            {"last": last},
        ).all()
        if not rows:
            break
        for row_id, search_text in rows:
            counts.update(set(_TERM.findall(search_text.lower())))
            last = row_id
    if counts:
        bind.execute(
            sa.text("UPDATE vocabulary SET df = :df WHERE word = :word"),
            [{"word": w, "df": n} for w, n in counts.items() if len(w) <= 100],
        )

    if bind.dialect.name == "postgresql":
        # GIN's pending list (fastupdate) is scanned linearly by every search until a
        # vacuum merges it: after a bulk import a 4 MB list made each search ~25 ms
        # slower. A 256 kB list keeps inserts batched and searches fast.
        op.execute("ALTER INDEX ix_claims_search_vector SET (gin_pending_list_limit = 256)")


def downgrade() -> None:
    """Drop the counts (and the index's pending-list limit)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER INDEX ix_claims_search_vector RESET (gin_pending_list_limit)")
    with op.batch_alter_table("vocabulary") as batch:
        batch.drop_column("df")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("claimant_role")
