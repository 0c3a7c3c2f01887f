"""Document frequency per vocabulary word, for query planning (rarest terms first).

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


def downgrade() -> None:
    """Drop the counts."""
    with op.batch_alter_table("vocabulary") as batch:
        batch.drop_column("df")
