"""Initial schema: outlets, articles, facts, claims, vocabulary, tokens, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create every table; the full-text index is FTS5 on SQLite, tsvector+GIN on PostgreSQL."""
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("url", sa.String(2000)),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "outlet_id",
            sa.Integer,
            sa.ForeignKey("outlets.id", ondelete="RESTRICT"),
            nullable=False,
            index=True,
        ),
        sa.Column("title", sa.String(1000), nullable=False),
        sa.Column("url", sa.String(2000)),
        sa.Column("published_at", sa.Date),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("document_type", sa.String(16), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="SET NULL"), index=True
        ),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("claimant", sa.String(300)),
        sa.Column("source", sa.String(300)),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("worthiness", sa.Float, nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(200)),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.UniqueConstraint("external_id", name="uq_claims_external_id"),
        sa.CheckConstraint("span_start >= 0 AND span_end > span_start", name="ck_claims_span"),
    )
    op.create_index("ix_claims_article_start", "claims", ["article_id", "span_start"])
    op.create_table(
        "vocabulary",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("word", sa.String(100), nullable=False, unique=True),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("revoked_at", TZ),
        sa.Column("active", sa.Boolean, nullable=False),
    )

    if op.get_bind().dialect.name == "sqlite":
        # External-content FTS5 table kept in step with `claims` by triggers, so the
        # index changes in the same transaction as the claims themselves.
        op.execute(
            "CREATE VIRTUAL TABLE claims_fts USING fts5("
            "search_text, content='claims', content_rowid='id', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN "
            "INSERT INTO claims_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN "
            "INSERT INTO claims_fts(claims_fts, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER claims_fts_au AFTER UPDATE OF search_text ON claims BEGIN "
            "INSERT INTO claims_fts(claims_fts, rowid, search_text) "
            "VALUES ('delete', old.id, old.search_text); "
            "INSERT INTO claims_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
    else:
        op.execute(
            "ALTER TABLE claims ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', search_text)) STORED"
        )
        op.execute("CREATE INDEX ix_claims_search_vector ON claims USING GIN (search_vector)")


def downgrade() -> None:
    """Drop everything."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS claims_fts")
    for table in ("api_tokens", "vocabulary", "claims", "facts", "articles", "outlets"):
        op.drop_table(table)
