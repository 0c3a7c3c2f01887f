"""SQLAlchemy 2.x typed models. ``…Record`` is the stored row; domain types live in ``domain``."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every stored table."""


class OutletRecord(Base):
    """A publisher: a news outlet or a fact-checking organisation."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    articles: Mapped[list[ArticleRecord]] = relationship(back_populates="outlet")


class ArticleRecord(Base):
    """An article, its text stored verbatim; ``sha256`` of the text is unique."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outlet_id: Mapped[int] = mapped_column(
        ForeignKey("outlets.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(String(2000))
    published_at: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # "article" for news, "factcheck" for a one-claim document from an imported database
    document_type: Mapped[str] = mapped_column(String(16), default="article")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    outlet: Mapped[OutletRecord] = relationship(back_populates="articles")
    claims: Mapped[list[ClaimRecord]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ClaimRecord.start",
    )


class FactRecord(Base):
    """A group of claims, from one or more articles, that report the same fact."""

    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claims: Mapped[list[ClaimRecord]] = relationship(back_populates="fact")


def claim_text_hash(text: str) -> int:
    """A claim text's 64-bit hash (signed, for a BIGINT column): equal texts, equal
    hashes. Stored values depend on it, so it never changes without a migration."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class ClaimRecord(Base):
    """An atomic claim: ``article.text[start:end]`` is its passage."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("external_id", name="uq_claims_external_id"),
        Index("ix_claims_article_start", "article_id", "span_start"),
        Index("ix_claims_text_hash", "text_hash", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    fact_id: Mapped[int | None] = mapped_column(
        ForeignKey("facts.id", ondelete="SET NULL"), index=True
    )
    start: Mapped[int] = mapped_column("span_start", Integer)
    end: Mapped[int] = mapped_column("span_end", Integer)
    text: Mapped[str] = mapped_column(Text)
    claimant: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(300))
    # how the article describes the claimant ("a senior member of Russia's negotiating team")
    claimant_role: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    worthiness: Mapped[float] = mapped_column(Float, default=0.5)
    language: Mapped[str] = mapped_column(String(16), default="en")
    external_id: Mapped[str | None] = mapped_column(String(200))
    # What the full-text index sees: the claim, its claimant and the article title.
    search_text: Mapped[str] = mapped_column(Text)
    # ``claim_text_hash(text)`` for news claims (those grouping compares; NULL for
    # imported fact-checks): finds the same sentence in other articles (wire copy)
    # without a full-text search.
    text_hash: Mapped[int | None] = mapped_column(BigInteger)

    article: Mapped[ArticleRecord] = relationship(back_populates="claims")
    fact: Mapped[FactRecord | None] = relationship(back_populates="claims")


class EmbeddingRecord(Base):
    """A claim's sentence embedding (float32, L2-normalised) and the model that made it.

    ``seq`` only grows (never reused, unlike SQLite rowids), so a worker can fetch
    just the rows it has not seen; a re-embedded claim gets a new row and a new seq.
    """

    __tablename__ = "claim_embeddings"
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), unique=True)
    model: Mapped[str] = mapped_column(String(200))
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class VocabularyRecord(Base):
    """Every word the index has seen, append-only: typo expansion looks here."""

    __tablename__ = "vocabulary"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    word: Mapped[str] = mapped_column(String(100), unique=True)


class StoreVersionRecord(Base):
    """One row: a counter every write transaction raises (see ``Database.session``)."""

    __tablename__ = "store_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)


class TokenRecord(Base):
    """An API token; only the SHA-256 of the secret is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
