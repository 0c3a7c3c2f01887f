"""All database access: reads, writes and the per-dialect full-text search."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

from sqlalchemy import (
    Text,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    text,
    type_coerce,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, selectinload

from service.domain import Article, Claim, Outlet, Page
from service.storage.models import (
    ArticleRecord,
    ClaimRecord,
    FactRecord,
    OutletRecord,
    StoreVersionRecord,
    TokenRecord,
    VocabularyRecord,
    claim_text_hash,
    utcnow,
)

_TERM = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class NewClaim:
    """A claim to store with its article."""

    start: int
    end: int
    text: str
    kind: str
    claimant: str | None
    source: str | None
    details: dict
    worthiness: float
    language: str
    search_text: str
    external_id: str | None = None
    fact_id: int | None = None
    claimant_role: str | None = None


@dataclass(frozen=True)
class NewDocument:
    """A one-claim document (a fact-check record) for :meth:`Repository.add_documents`."""

    outlet_id: int
    title: str
    url: str | None
    published_at: date | None
    language: str
    text: str
    sha256: str
    document_type: str
    claim: NewClaim


@dataclass(frozen=True, slots=True)
class GroupingClaim:
    """What grouping compares of a stored claim (the fields of ``Claim`` it reads).

    ``details`` are decoded on first use: most candidates are left on their wording.
    """

    id: int
    article_id: int
    fact_id: int | None
    language: str
    claimant: str | None
    text: str
    details: Mapping


@dataclass(frozen=True)
class Hit:
    """A full-text search hit: the claim id and a backend score (higher is better)."""

    claim_id: int
    score: float


class Repository:
    """Data access on one session (one transaction)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name

    def _rows(self, sql: str, params: Mapping[str, object]) -> Sequence[Sequence]:
        """The rows of a textual SELECT with ``:name`` parameters, in this session's
        transaction.

        SQLite: run on the session's own DBAPI connection, which keeps the statement
        prepared (sqlite3's statement cache) and skips SQLAlchemy's compile and result
        layers, a third of a millisecond per statement on the verify path. A driver
        error is raised as SQLAlchemy's own (an interrupted statement is still a 503).
        PostgreSQL: through the session.
        """
        if self.dialect != "sqlite":
            return self.session.execute(text(sql), params).all()
        connection = self.session.connection().connection.driver_connection
        try:
            return connection.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise sa_exc.DBAPIError.instance(sql, params, error, sqlite3.Error) from error

    # --- outlets -----------------------------------------------------------------------

    def outlet_by_name(self, name: str) -> OutletRecord | None:
        """Return the outlet with this exact name."""
        return self.session.scalar(select(OutletRecord).where(OutletRecord.name == name))

    def get_or_create_outlet(self, name: str, url: str | None = None) -> OutletRecord:
        """Return the outlet called ``name``, creating it (race-safe) if new."""
        insert = pg_insert if self.dialect == "postgresql" else sqlite_insert
        self.session.execute(
            insert(OutletRecord)
            .values(name=name, url=url, created_at=datetime.now(UTC))
            .on_conflict_do_nothing(index_elements=["name"])
        )
        outlet = self.outlet_by_name(name)
        assert outlet is not None
        if url and not outlet.url:
            outlet.url = url
        return outlet

    def list_outlets(self) -> list[Outlet]:
        """Every outlet with its article and claim counts, by name."""
        rows = self.session.execute(self._outlet_rows().order_by(OutletRecord.name))
        return [self._outlet(row) for row in rows]

    def get_outlet(self, outlet_id: int) -> Outlet | None:
        """One outlet with its counts."""
        row = self.session.execute(self._outlet_rows().where(OutletRecord.id == outlet_id)).first()
        return self._outlet(row) if row else None

    def _outlet_rows(self):
        articles = (
            select(ArticleRecord.outlet_id, func.count().label("n"))
            .group_by(ArticleRecord.outlet_id)
            .subquery()
        )
        claims = (
            select(ArticleRecord.outlet_id, func.count(ClaimRecord.id).label("n"))
            .join(ClaimRecord, ClaimRecord.article_id == ArticleRecord.id)
            .group_by(ArticleRecord.outlet_id)
            .subquery()
        )
        return (
            select(
                OutletRecord,
                func.coalesce(articles.c.n, 0),
                func.coalesce(claims.c.n, 0),
            )
            .outerjoin(articles, articles.c.outlet_id == OutletRecord.id)
            .outerjoin(claims, claims.c.outlet_id == OutletRecord.id)
        )

    @staticmethod
    def _outlet(row) -> Outlet:
        record, n_articles, n_claims = row
        return Outlet(record.id, record.name, record.url, int(n_articles), int(n_claims))

    # --- articles ----------------------------------------------------------------------

    def article_by_sha(self, sha256: str) -> ArticleRecord | None:
        """Return the article whose text has this SHA-256."""
        return self.session.scalar(select(ArticleRecord).where(ArticleRecord.sha256 == sha256))

    def add_article(
        self,
        *,
        outlet: OutletRecord,
        title: str,
        url: str | None,
        published_at: date | None,
        language: str,
        text_: str,
        sha256: str,
        document_type: str = "article",
        claims: Sequence[NewClaim] = (),
    ) -> ArticleRecord:
        """Add an article and its claims (and so their index rows) to the transaction."""
        article = ArticleRecord(
            outlet=outlet,
            title=title,
            url=url,
            published_at=published_at,
            language=language,
            text=text_,
            sha256=sha256,
            document_type=document_type,
        )
        self.session.add(article)
        for c in claims:
            self.session.add(
                ClaimRecord(
                    article=article,
                    start=c.start,
                    end=c.end,
                    text=c.text,
                    kind=c.kind,
                    claimant=c.claimant,
                    claimant_role=c.claimant_role,
                    source=c.source,
                    details=c.details,
                    worthiness=c.worthiness,
                    language=c.language,
                    search_text=c.search_text,
                    external_id=c.external_id,
                    fact_id=c.fact_id,
                    text_hash=claim_text_hash(c.text),
                )
            )
        self.session.flush()
        return article

    def add_documents(self, documents: Sequence[NewDocument]) -> list[int]:
        """Insert one-claim documents in bulk; the claim ids, in the order given.

        Imports of fact-check databases go through here: two multi-row INSERTs
        (articles, then claims, with RETURNING) instead of one ORM flush per record.
        The full-text index follows in the same transaction (trigger or generated column).
        """
        if not documents:
            return []
        now = utcnow()
        article_ids = list(
            self.session.scalars(
                insert(ArticleRecord).returning(ArticleRecord.id, sort_by_parameter_order=True),
                [
                    {
                        "outlet_id": d.outlet_id,
                        "title": d.title,
                        "url": d.url,
                        "published_at": d.published_at,
                        "language": d.language,
                        "text": d.text,
                        "sha256": d.sha256,
                        "document_type": d.document_type,
                        "created_at": now,
                    }
                    for d in documents
                ],
            )
        )
        return list(
            self.session.scalars(
                insert(ClaimRecord).returning(ClaimRecord.id, sort_by_parameter_order=True),
                [
                    {
                        "article_id": article_id,
                        "start": d.claim.start,
                        "end": d.claim.end,
                        "text": d.claim.text,
                        "kind": d.claim.kind,
                        "claimant": d.claim.claimant,
                        "source": d.claim.source,
                        "details": d.claim.details,
                        "worthiness": d.claim.worthiness,
                        "language": d.claim.language,
                        "search_text": d.claim.search_text,
                        "external_id": d.claim.external_id,
                        "fact_id": d.claim.fact_id,
                        "text_hash": (
                            claim_text_hash(d.claim.text) if d.claim.fact_id is not None else None
                        ),
                    }
                    for article_id, d in zip(article_ids, documents, strict=True)
                ],
            )
        )

    def list_articles(self, *, outlet_id: int | None, page: int, limit: int) -> Page:
        """A page of articles, newest first, optionally of one outlet."""
        query = select(ArticleRecord).options(selectinload(ArticleRecord.outlet))
        count = select(func.count()).select_from(ArticleRecord)
        if outlet_id is not None:
            query = query.where(ArticleRecord.outlet_id == outlet_id)
            count = count.where(ArticleRecord.outlet_id == outlet_id)
        total = self.session.scalar(count) or 0
        records = self.session.scalars(
            query.order_by(ArticleRecord.published_at.desc().nulls_last(), ArticleRecord.id)
            .offset((page - 1) * limit)
            .limit(limit)
        ).all()
        counts = self._claim_counts([r.id for r in records])
        items = [self._article(r, claim_count=counts.get(r.id, 0)) for r in records]
        return Page(items, total, page, limit)

    def get_article(self, article_id: int, *, with_claims: bool = True) -> Article | None:
        """One article with its text and claims."""
        record = self.session.get(ArticleRecord, article_id)
        if record is None:
            return None
        article = self._article(record, claim_count=len(record.claims))
        if with_claims:
            article.text = record.text
            article.claims = [self._claim(c, record) for c in record.claims]
        return article

    def article_record(self, article_id: int) -> ArticleRecord | None:
        """The stored row, for use cases that change it."""
        return self.session.get(ArticleRecord, article_id)

    def delete_article(self, article: ArticleRecord) -> None:
        """Delete an article, its claims, their index rows, and facts left empty."""
        fact_ids = {c.fact_id for c in article.claims if c.fact_id is not None}
        self.session.delete(article)  # cascades to the loaded claims; triggers drop index rows
        self.session.flush()
        self.delete_empty_facts(fact_ids)

    def _claim_counts(self, article_ids: list[int]) -> dict[int, int]:
        if not article_ids:
            return {}
        rows = self.session.execute(
            select(ClaimRecord.article_id, func.count())
            .where(ClaimRecord.article_id.in_(article_ids))
            .group_by(ClaimRecord.article_id)
        )
        return {a: int(n) for a, n in rows}

    @staticmethod
    def _article(record: ArticleRecord, *, claim_count: int = 0) -> Article:
        return Article(
            id=record.id,
            outlet_id=record.outlet_id,
            outlet_name=record.outlet.name,
            title=record.title,
            url=record.url,
            published_at=record.published_at,
            language=record.language,
            sha256=record.sha256,
            document_type=record.document_type,
            claim_count=claim_count,
        )

    # --- claims and facts --------------------------------------------------------------

    def list_claims(
        self,
        *,
        outlet_id: int | None = None,
        article_id: int | None = None,
        q: str | None = None,
        page: int = 1,
        limit: int = 20,
    ) -> Page:
        """A page of claims, filtered by outlet, article and full-text query."""
        query = select(ClaimRecord).join(ArticleRecord)
        if outlet_id is not None:
            query = query.where(ArticleRecord.outlet_id == outlet_id)
        if article_id is not None:
            query = query.where(ClaimRecord.article_id == article_id)
        if q:
            terms = terms_of(q)
            if not terms:
                return Page([], 0, page, limit)
            query = query.where(self._match_all(terms))
        total = self.session.scalar(select(func.count()).select_from(query.subquery())) or 0
        records = self.session.scalars(
            query.options(selectinload(ClaimRecord.article).selectinload(ArticleRecord.outlet))
            .order_by(ClaimRecord.article_id, ClaimRecord.start, ClaimRecord.id)
            .offset((page - 1) * limit)
            .limit(limit)
        ).all()
        return Page([self._claim(c, c.article) for c in records], total, page, limit)

    def _match_all(self, terms: list[str]):
        """A WHERE clause: the claim's index text contains every term (stemmed)."""
        if self.dialect == "sqlite":
            fts = " AND ".join(f'"{t}"' for t in terms)
            return ClaimRecord.id.in_(
                select(text("rowid"))
                .select_from(text("claims_fts"))
                .where(text("claims_fts MATCH :fts").bindparams(fts=fts))
            )
        return text("claims.search_vector @@ plainto_tsquery('english', :q)").bindparams(
            q=" ".join(terms)
        )

    def get_claim(self, claim_id: int) -> Claim | None:
        """One claim with its passage."""
        record = self.session.get(ClaimRecord, claim_id)
        return self._claim(record, record.article) if record else None

    def claims_by_ids(
        self, claim_ids: Iterable[int], *, lazy_details: bool = False
    ) -> dict[int, Claim]:
        """Claims by id, with their article and outlet names (one Core query, no ORM).

        ``lazy_details``: each claim's details are decoded on first use (verify reads
        fifty candidates and compares the details of a few); otherwise all at once.
        """
        ids = list(claim_ids)
        if not ids:
            return {}
        if self.dialect == "sqlite":
            sql, constants = _claims_by_id_sqlite()
            rows = self._rows(sql, {**constants, "ids": json.dumps(ids)})
        else:
            rows = self.session.execute(_claims_by_id(), {"ids": ids})
        wrap = LazyDetails if lazy_details else _decode_details
        claims = {}
        for row in rows:
            claim = Claim(*row)
            claim.details = wrap(claim.details)
            claims[claim.id] = claim
        return claims

    def grouping_claims(self, claim_ids: Iterable[int]) -> dict[int, GroupingClaim]:
        """What grouping compares of each claim, by id: one query on the claims table
        alone (no passage, article or outlet), details decoded lazily."""
        ids = list(claim_ids)
        if not ids:
            return {}
        if self.dialect == "sqlite":
            rows = self._rows(_GROUPING_CLAIMS_SQLITE, {"ids": json.dumps(ids)})
        else:
            rows = self.session.execute(_grouping_claims(), {"ids": ids})
        return {
            int(row[0]): GroupingClaim(*row[:6], LazyDetails(row[6]))  # type: ignore[misc]
            for row in rows
        }

    def claims_following(self, claims: Iterable[Claim], *, within: int) -> dict[int, Claim]:
        """The claims that start at most ``within`` characters after the end of each of
        ``claims`` in its article (the rest of a sentence, the next sentence), by id."""
        return self._claims_near(
            {(c.article_id, c.end) for c in claims},
            "span_start BETWEEN :v{i}_1 AND :v{i}_1 + :w",
            within,
        )

    def claims_preceding(self, claims: Iterable[Claim], *, within: int) -> dict[int, Claim]:
        """The claims that end at most ``within`` characters before the start of each of
        ``claims`` in its article (the sentence before, the paragraph's first), by id."""
        return self._claims_near(
            {(c.article_id, c.start) for c in claims},
            "span_end BETWEEN :v{i}_1 - :w AND :v{i}_1",
            within,
        )

    def _claims_near(
        self, positions: set[tuple[int, int]], condition: str, within: int
    ) -> dict[int, Claim]:
        """The claims of each (article, position) that meet ``condition`` (SQL reading
        ``:v{i}_1``, the position, and ``:w``, ``within``), by id."""
        if not positions:
            return {}
        rows = self._union_all(
            sorted(positions),
            lambda i: (
                f"SELECT id FROM claims WHERE article_id = :v{i}_0 AND " + condition.format(i=i)
            ),
            {"w": within},
        )
        return self.claims_by_ids({int(row[0]) for _chunk, row in rows}, lazy_details=True)

    def published_dates(self, article_ids: Iterable[int]) -> dict[int, date | None]:
        """The publication date of each article, by id (None where it has none)."""
        return self._of_articles(ArticleRecord.published_at, article_ids)

    def article_texts(self, article_ids: Iterable[int]) -> dict[int, str]:
        """The text of each article, by id."""
        return self._of_articles(ArticleRecord.text, article_ids)

    def _of_articles(self, column, article_ids: Iterable[int]) -> dict:
        ids = list(article_ids)
        if not ids:
            return {}
        rows = self.session.execute(
            select(ArticleRecord.id, column).where(ArticleRecord.id.in_(ids))
        )
        return {int(i): value for i, value in rows}

    def claims_of_facts(self, fact_ids: Iterable[int]) -> dict[int, list[Claim]]:
        """Every claim of each fact, grouped by fact id, in article and text order."""
        ids = list(fact_ids)
        if not ids:
            return {}
        grouped: dict[int, list[Claim]] = {i: [] for i in ids}
        for row in self.session.execute(_claims_of_facts(), {"ids": ids}):
            claim = Claim(*row)
            grouped[claim.fact_id].append(claim)  # type: ignore[index]
        return grouped

    def multi_outlet_facts(self, *, outlet_id: int | None = None) -> list[int]:
        """Facts reported by two or more outlets (optionally including ``outlet_id``), by id."""
        query = (
            select(ClaimRecord.fact_id)
            .join(ArticleRecord, ArticleRecord.id == ClaimRecord.article_id)
            .where(ClaimRecord.fact_id.is_not(None))
            .group_by(ClaimRecord.fact_id)
            .having(func.count(ArticleRecord.outlet_id.distinct()) >= 2)
            .order_by(ClaimRecord.fact_id)
        )
        if outlet_id is not None:
            query = query.having(
                func.sum(case((ArticleRecord.outlet_id == outlet_id, 1), else_=0)) > 0
            )
        return [int(f) for f in self.session.scalars(query)]

    def set_facts(self, fact_of: Mapping[int, int]) -> None:
        """Put each claim into its fact (one prepared UPDATE, executed for every claim)."""
        if not fact_of:
            return
        table = ClaimRecord.__table__
        self.session.connection().execute(
            update(table).where(table.c.id == bindparam("claim")).values(fact_id=bindparam("fact")),
            [{"claim": c, "fact": f} for c, f in sorted(fact_of.items())],
        )
        self.session.expire_all()  # loaded claim records read their new fact_id again

    def new_facts(self, count: int) -> list[int]:
        """Create ``count`` empty facts in one statement; their ids."""
        if count <= 0:
            return []
        now = utcnow()
        return list(
            self.session.scalars(
                insert(FactRecord).returning(FactRecord.id, sort_by_parameter_order=True),
                [{"created_at": now} for _ in range(count)],
            )
        )

    def delete_empty_facts(self, fact_ids: Iterable[int]) -> None:
        """Delete the given facts that no claim belongs to any more."""
        ids = list(fact_ids)
        if not ids:
            return
        used = set(
            self.session.scalars(
                select(ClaimRecord.fact_id).where(ClaimRecord.fact_id.in_(ids)).distinct()
            )
        )
        empty = [i for i in ids if i not in used]
        if empty:
            self.session.execute(delete(FactRecord).where(FactRecord.id.in_(empty)))

    def external_ids_present(self, external_ids: Iterable[str]) -> set[str]:
        """Which of these external ids are already stored."""
        ids = list(external_ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            found.update(
                self.session.scalars(
                    select(ClaimRecord.external_id).where(
                        ClaimRecord.external_id.in_(ids[i : i + 500])
                    )
                )
            )
        return found

    @staticmethod
    def _claim(record: ClaimRecord, article: ArticleRecord) -> Claim:
        return Claim(
            id=record.id,
            article_id=record.article_id,
            outlet_id=article.outlet_id,
            start=record.start,
            end=record.end,
            passage=article.text[record.start : record.end],
            text=record.text,
            claimant=record.claimant,
            source=record.source,
            kind=record.kind,
            details=record.details or {},
            worthiness=record.worthiness,
            language=record.language,
            fact_id=record.fact_id,
            external_id=record.external_id,
            outlet_name=article.outlet.name,
            article_title=article.title,
            article_url=article.url,
            claimant_role=record.claimant_role,
        )

    # --- full-text search --------------------------------------------------------------

    def search(
        self,
        terms: Sequence[str],
        *,
        limit: int,
        require_all: bool = False,
        grouped_only: bool = False,
        exclude_article: int | None = None,
        id_range: tuple[int | None, int | None] = (None, None),
        weights: Mapping[str, float] | None = None,
        rank_also: Sequence[str] = (),
        left_out: frozenset[int] | None = None,
    ) -> list[Hit]:
        """Claims whose index text matches any of ``terms`` (all, with ``require_all``).

        ``grouped_only`` keeps claims that belong to a fact (news claims; imported
        fact-checks are not grouped) and ``exclude_article`` leaves one article out:
        what grouping a new article's claims asks for. ``id_range`` ``(after, up_to)``
        keeps claims with ``after < id <= up_to`` (either end may be open).

        ``weights`` (each term's inverse document frequency) matter on PostgreSQL only:
        ``ts_rank`` has no IDF, so the pool is picked by the summed weights of the terms a
        claim holds, and ranked by that sum over the log of the claim's length (FTS5's
        bm25 weighs terms itself). Without weights, or with ``rank_also`` (a large
        store's plan), cover density (``ts_rank_cd``) orders the pool.

        ``rank_also``: terms a claim need not hold but that rank it higher when it does,
        e.g. the common words a query plan dropped. SQLite: the query becomes
        ``(Q) OR (Q AND (r1 OR r2 …))``: the same claims as ``Q``, and bm25 counts the
        ``r`` terms of those that hold them. FTS5 reaches the ``r`` postings by seeking
        from ``Q``'s rows, so the cost stays near that of ``Q`` however common they are.
        PostgreSQL: they add to the pool's weights (with ``weights``) and to the
        cover-density query that orders the pool; what matches is still ``Q``.

        ``left_out`` (SQLite): what ``grouped_only`` and ``exclude_article`` leave out
        within ``id_range``, as :meth:`grouping_exclusions` read it in this transaction.
        The search then leaves those claims out of bm25's ranking itself instead of
        joining every claim the query matches to its row (a third of a grouping search):
        the top ``limit`` + ``len(left_out)`` hold the top ``limit`` of the others, in the
        same order (ties in rank come in id order either way).

        SQLite: FTS5 bm25 (negated so that higher is better). PostgreSQL: the weighted
        rank above, or ``ts_rank_cd``, over the GIN-indexed tsvector; ties in id order.
        """
        terms = [t for t in terms if t]
        if not terms:
            return []
        if left_out is not None and self.dialect == "sqlite":
            hits = self.search(
                terms,
                limit=limit + len(left_out),
                require_all=require_all,
                id_range=id_range,
                rank_also=rank_also,
            )
            return [h for h in hits if h.claim_id not in left_out][:limit]
        params: dict[str, object] = {"n": limit}
        # SQLite: the rowid of the full-text table is the claim id, and FTS5 seeks its
        # postings to a rowid range (a search among the claims committed since another
        # search reads only those)
        filters, range_filters = _claim_filters(
            params,
            grouped_only=grouped_only,
            exclude_article=exclude_article,
            id_range=id_range,
            ids="claims_fts.rowid" if self.dialect == "sqlite" else "claims.id",
        )
        extra = [t for t in rank_also if t and t not in terms]
        if self.dialect == "sqlite":
            query = (" AND " if require_all else " OR ").join(f'"{t}"' for t in terms)
            if extra:
                optional = " OR ".join(f'"{t}"' for t in extra)
                query = f"({query}) OR (({query}) AND ({optional}))"
            params["q"] = query
            source = "claims_fts"
            if filters:
                source += " JOIN claims ON claims.id = claims_fts.rowid"
            rows = self._rows(
                f"SELECT claims_fts.rowid, bm25(claims_fts) AS rank FROM {source} "
                f"WHERE claims_fts MATCH :q{range_filters}{filters} ORDER BY rank LIMIT :n",
                params,
            )
            return [Hit(int(r[0]), -float(r[1])) for r in rows]
        filters += range_filters
        params["q"] = (" " if require_all else " or ").join(terms)
        if weights and not require_all:
            # the pool: the claims holding the most (by IDF) of the terms
            held = []
            for i, term in enumerate([*terms, *extra]):
                params[f"t{i}"], params[f"w{i}"] = term, float(weights.get(term, 1.0))
                held.append(
                    f"CASE WHEN search_vector @@ plainto_tsquery('english', :t{i}) "
                    f"THEN :w{i} ELSE 0 END"
                )
            pool_rank = "(" + " + ".join(held) + ")"
        else:
            # ts_rank_cd ranks best here but costs ~4x ts_rank per row: the cheap rank
            # picks a pool four times the limit, the cover-density rank orders it
            pool_rank = "ts_rank(search_vector, q.q, 1)"
        # the dropped terms order the pool (q.r) without widening what matches (q.q)
        ranked_by = "q"
        if extra:
            params["r"] = " or ".join([*terms, *extra])
            ranked_by = "r"
        if weights and not require_all and not extra:
            # what the re-ranker reads as the claim's bm25: the IDF of the terms it holds
            # over the log of its length (ts_rank's normalisation 1), where cover density,
            # with no IDF, put a long caption sharing many common words first ("Slutsky
            # did not spell out which disputed issues …"). Labelled sets on PostgreSQL:
            # stance 0.924 -> 0.926, verdict 0.926 -> 0.930; CheckThat! train 0.843 ->
            # 0.844, dev 0.790 -> 0.792. A large store's plan (``extra``) keeps ts_rank_cd.
            final_rank = "w / (1 + ln(1 + length(search_vector)))"
        else:
            final_rank = f"ts_rank_cd(search_vector, q.{ranked_by}, 1)"
        queries = "websearch_to_tsquery('english', :q) AS q"
        if extra:
            queries += ", websearch_to_tsquery('english', :r) AS r"
        rows = self.session.execute(
            text(
                f"WITH q AS (SELECT {queries}), "
                f"pool AS (SELECT id, search_vector, {pool_rank} AS w FROM claims, q "
                f"WHERE search_vector @@ q.q{filters} "
                "ORDER BY w DESC, id LIMIT 4 * :n) "
                f"SELECT id, {final_rank} AS rank FROM pool, q "
                "ORDER BY rank DESC, id LIMIT :n"
            ),
            params,
        )
        return [Hit(int(r[0]), float(r[1])) for r in rows]

    def identical_claims(
        self,
        texts: Iterable[str],
        *,
        limit: int,
        exclude_article: int | None = None,
        id_range: tuple[int | None, int | None] = (None, None),
    ) -> dict[str, list[int]]:
        """For each text, up to ``limit`` grouped claims with exactly that text (oldest
        first), by the indexed ``text_hash``; texts no claim has are left out.

        ``exclude_article`` and ``id_range`` (``after < id <= up_to``) as in :meth:`search`.
        One statement for all texts: a UNION ALL of one index range per hash, each
        stopping at ``limit`` rows, however often the sentence was reprinted.
        """
        by_hash: dict[int, set[str]] = {}
        for t in texts:
            by_hash.setdefault(claim_text_hash(t), set()).add(t)
        if not by_hash:
            return {}
        params: dict[str, object] = {"n": limit}
        filters, range_filters = _claim_filters(
            params, grouped_only=True, exclude_article=exclude_article, id_range=id_range
        )
        filters += range_filters
        found: dict[str, list[int]] = {}
        rows = self._union_all(
            sorted(by_hash),
            lambda i: (
                f"SELECT * FROM (SELECT id, text FROM claims WHERE text_hash = :v{i}"
                f"{filters} ORDER BY id LIMIT :n) AS q{i}"
            ),
            params,
        )
        for _chunk, (claim_id, claim_text) in rows:
            if claim_text in by_hash[claim_text_hash(claim_text)]:  # not a collision
                found.setdefault(claim_text, []).append(int(claim_id))
        return found

    def grouping_exclusions(
        self,
        *,
        exclude_article: int | None = None,
        id_range: tuple[int | None, int | None] = (None, None),
        cap: int,
    ) -> frozenset[int] | None:
        """The ids of the claims within ``id_range`` (as in :meth:`search`) that a grouping
        search leaves out: those of no fact (imported fact-checks, the claims of the
        article being grouped) and those of ``exclude_article``; for ``search``'s
        ``left_out``. None on PostgreSQL, and when there are more than ``cap`` (the
        search then joins its matches to their rows rather than rank them all).
        """
        if self.dialect != "sqlite":
            return None
        params: dict[str, object] = {"cap": cap + 1}
        _, range_filters = _claim_filters(
            params, grouped_only=False, exclude_article=None, id_range=id_range
        )
        condition = "claims.fact_id IS NULL"
        if exclude_article is not None:
            condition += " OR claims.article_id = :article"
            params["article"] = exclude_article
        rows = self._rows(
            f"SELECT id FROM claims WHERE ({condition}){range_filters} LIMIT :cap", params
        )
        if len(rows) > cap:
            return None
        return frozenset(int(r[0]) for r in rows)

    def _union_all(
        self, values: Sequence, arm: Callable[[int], str], params: Mapping[str, object]
    ) -> Iterator[tuple[Sequence, Row]]:
        """Run ``arm(i)`` (a SELECT reading ``:v{i}``, or ``:v{i}_0``, ``:v{i}_1`` … when
        the values are tuples) for every value, as compound SELECTs of at most
        ``_COMPOUND_CHUNK`` arms (SQLite allows 500 per statement); each row comes with the
        chunk of values it was selected for."""
        for start in range(0, len(values), _COMPOUND_CHUNK):
            chunk = values[start : start + _COMPOUND_CHUNK]
            union = " UNION ALL ".join(arm(i) for i in range(len(chunk)))
            bound = dict(params)
            for i, v in enumerate(chunk):
                if isinstance(v, tuple):
                    bound.update({f"v{i}_{k}": part for k, part in enumerate(v)})
                else:
                    bound[f"v{i}"] = v
            for row in self._rows(union, bound):
                yield chunk, row

    # --- vocabulary --------------------------------------------------------------------

    def add_words(self, words: Iterable[str]) -> None:
        """Record words in the vocabulary (existing ones are left alone)."""
        values = [{"word": w} for w in sorted(set(words)) if 0 < len(w) <= 100]
        if not values:
            return
        insert_ = pg_insert if self.dialect == "postgresql" else sqlite_insert
        statement = insert_(VocabularyRecord).on_conflict_do_nothing(index_elements=["word"])
        # executemany: one prepared statement for every word
        self.session.connection().execute(statement, values)

    def optimize_search_index(self) -> None:
        """Compact the full-text index after a bulk import.

        SQLite: FTS5 ``optimize`` merges the index's segments into one b-tree (a bulk
        import leaves hundreds; CheckThat! tweets then search about 25% faster).
        PostgreSQL: ``ANALYZE claims``, so the planner's row estimates that query planning
        reads are current (``VACUUM`` also needs running outside a transaction).
        """
        if self.dialect == "sqlite":
            self.session.execute(text("INSERT INTO claims_fts(claims_fts) VALUES('optimize')"))
        else:
            self.session.execute(text("ANALYZE claims"))

    def newest_claim_id(self, *, excluding_article: int | None = None) -> int:
        """The highest claim id (0 when empty): changes whenever a claim is added.

        ``excluding_article``: the highest among the other articles' claims.
        """
        if excluding_article is None:
            return int(self.session.scalar(_NEWEST_CLAIM) or 0)
        return int(
            self.session.scalar(
                select(func.max(ClaimRecord.id)).where(ClaimRecord.article_id != excluding_article)
            )
            or 0
        )

    def posting_counts(self, terms: Iterable[str], *, cap: int) -> dict[str, int]:
        """How many claims the index finds for each term, as the index stems it.

        SQLite: counted in the FTS5 index, stopping at ``cap`` (so at most ``cap``
        postings are read per term). PostgreSQL: the planner's estimate from the
        statistics ANALYZE keeps of the tsvector column (free of any row reads).
        """
        terms = sorted({t for t in terms if t})
        if not terms:
            return {}
        if self.dialect == "sqlite":
            rows = self._union_all(
                [f'"{t}"' for t in terms],
                lambda i: (
                    f"SELECT {i}, (SELECT count(*) FROM (SELECT 1 FROM claims_fts "
                    f"WHERE claims_fts MATCH :v{i} LIMIT :cap))"
                ),
                {"cap": cap},
            )
            return {chunk[int(i)].strip('"'): int(n) for chunk, (i, n) in rows}
        rows = self.session.execute(
            text(
                "SELECT t, corroborate_row_estimate(format("
                "'SELECT 1 FROM claims WHERE search_vector @@ plainto_tsquery(%L, %L)', "
                "'english', t)) FROM unnest(CAST(:terms AS text[])) AS t"
            ),
            {"terms": terms},
        )
        return {t: int(n or 0) for t, n in rows}

    def changes_since(self, last_word_id: int) -> tuple[int, list[tuple[int, str]]]:
        """The newest claim id and the vocabulary rows added after ``last_word_id``, in one
        round trip: what a worker checks on every verify to stay current."""
        if self.dialect == "sqlite":
            sql, constants = _sqlite_text(_CHANGES_SINCE)
            rows = self._rows(sql, {**constants, "last": last_word_id})
        else:
            rows = self.session.execute(_CHANGES_SINCE, {"last": last_word_id}).all()
        newest = int(rows[0][1] or 0) if rows else 0
        return newest, [(int(row_id), word) for _kind, row_id, word in rows[1:]]

    def words_after(self, last_id: int) -> list[tuple[int, str]]:
        """Vocabulary rows added after ``last_id``, in order."""
        rows = self.session.execute(_WORDS_AFTER, {"last": last_id})
        return [(int(row_id), word) for row_id, word in rows]

    # --- tokens ------------------------------------------------------------------------

    def add_token(self, name: str, token_hash: str, prefix: str) -> TokenRecord:
        """Store a token's hash."""
        record = TokenRecord(name=name, token_hash=token_hash, prefix=prefix, active=True)
        self.session.add(record)
        self.session.flush()
        return record

    def token_by_hash(self, token_hash: str) -> TokenRecord | None:
        """The token with this hash, if any."""
        return self.session.scalar(select(TokenRecord).where(TokenRecord.token_hash == token_hash))

    def list_tokens(self) -> list[TokenRecord]:
        """Every token, oldest first."""
        return list(self.session.scalars(select(TokenRecord).order_by(TokenRecord.id)))

    def get_token(self, token_id: int) -> TokenRecord | None:
        """One token by id."""
        return self.session.get(TokenRecord, token_id)

    def version(self) -> int:
        """The store's version: raised by every committed write transaction."""
        return int(self.session.execute(_STORE_VERSION).scalar_one())

    def counts(self) -> dict[str, int]:
        """How many outlets, articles, claims and facts are stored."""
        return {
            name: int(self.session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in (
                ("outlets", OutletRecord),
                ("articles", ArticleRecord),
                ("claims", ClaimRecord),
                ("facts", FactRecord),
            )
        }


# Statements run on every verify, built once per process.
_WORDS_AFTER = (
    select(VocabularyRecord.id, VocabularyRecord.word)
    .where(VocabularyRecord.id > bindparam("last"))
    .order_by(VocabularyRecord.id)
)
# terms per posting-count statement: SQLite's compound SELECT limit is 500
_COMPOUND_CHUNK = 400
_NEWEST_CLAIM = select(func.max(ClaimRecord.id))
_STORE_VERSION = select(StoreVersionRecord.version).where(StoreVersionRecord.id == 1)
# first row: the newest claim id; then each word added since, in order
_CHANGES_SINCE = (
    select(literal(0).label("kind"), func.max(ClaimRecord.id).label("id"), null().label("word"))
    .union_all(
        select(literal(1), VocabularyRecord.id, VocabularyRecord.word).where(
            VocabularyRecord.id > bindparam("last")
        )
    )
    .order_by(text("kind"), text("id"))
)


def _claim_filters(
    params: dict[str, object],
    *,
    grouped_only: bool,
    exclude_article: int | None,
    id_range: tuple[int | None, int | None],
    ids: str = "claims.id",
) -> tuple[str, str]:
    """SQL conditions (each opening with " AND ") on claims, and on their ids (``ids``,
    the column that holds the claim id), adding their values to ``params``."""
    filters = ""
    if grouped_only:
        filters += " AND claims.fact_id IS NOT NULL"
    if exclude_article is not None:
        filters += " AND claims.article_id != :article"
        params["article"] = exclude_article
    after, up_to = id_range
    range_filters = ""
    if after is not None:
        range_filters += f" AND {ids} > :after"
        params["after"] = after
    if up_to is not None:
        range_filters += f" AND {ids} <= :up_to"
        params["up_to"] = up_to
    return filters, range_filters


def _decode_details(raw: str | dict | None) -> dict:
    return (json.loads(raw) if isinstance(raw, str) else raw) or {}


class LazyDetails(Mapping):
    """A claim's details as stored (JSON text), decoded on first use.

    Verify reads some fifty candidates to rank them and compares the details of only
    the few it answers with: the others are never decoded.
    """

    __slots__ = ("_raw", "_value")

    def __init__(self, raw: str | dict | None) -> None:
        self._raw = raw
        self._value: dict | None = None

    @property
    def raw(self) -> str | dict | None:
        """The details as stored (JSON text on SQLite), undecoded."""
        return self._raw

    def _decoded(self) -> dict:
        if self._value is None:
            self._value = _decode_details(self._raw)
        return self._value

    def __getitem__(self, key: str):
        return self._decoded()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())

    def __repr__(self) -> str:
        return repr(self._decoded())


@lru_cache(maxsize=2)
def _claim_columns(*, raw_details: bool = False):
    """The columns of a domain ``Claim``, in its field order, and the join they need.

    ``raw_details``: the details column as its stored JSON text, left to decode.
    """
    c, a, o = ClaimRecord.__table__.c, ArticleRecord.__table__.c, OutletRecord.__table__.c
    # substr counts characters on both SQLite and PostgreSQL: the passage without
    # fetching whole article texts
    passage = func.substr(a.text, c.span_start + 1, c.span_end - c.span_start)
    columns = (
        c.id,
        c.article_id,
        a.outlet_id,
        c.span_start,
        c.span_end,
        passage,
        c.text,
        c.claimant,
        c.source,
        c.kind,
        type_coerce(c.details, Text) if raw_details else c.details,
        c.worthiness,
        c.language,
        c.fact_id,
        c.external_id,
        o.name,
        a.title,
        a.url,
        c.claimant_role,
    )
    joined = ClaimRecord.__table__.join(ArticleRecord.__table__).join(OutletRecord.__table__)
    return columns, joined


@lru_cache(maxsize=1)
def _claims_by_id():
    """Built once: verify reads its candidates with it on every request."""
    columns, joined = _claim_columns(raw_details=True)
    ids = bindparam("ids", expanding=True)
    return select(*columns).select_from(joined).where(ClaimRecord.__table__.c.id.in_(ids))


@lru_cache(maxsize=1)
def _claims_by_id_sqlite() -> tuple[str, dict[str, object]]:
    """:func:`_claims_by_id` for SQLite's raw path: the ids come as one JSON array
    (``json_each``), so one prepared statement serves any number of them."""
    columns, joined = _claim_columns(raw_details=True)
    ids = select(literal_column("value")).select_from(func.json_each(bindparam("ids")))
    query = select(*columns).select_from(joined).where(ClaimRecord.__table__.c.id.in_(ids))
    return _sqlite_text(query)


@lru_cache(maxsize=8)
def _sqlite_text(query) -> tuple[str, dict[str, object]]:
    """A Core SELECT as SQLite text with ``:name`` parameters, and the values of the
    constants it binds; the parameters bound without a value are the caller's."""
    compiled = query.compile(dialect=sqlite_dialect.dialect(paramstyle="named"))
    return str(compiled), {k: v for k, v in compiled.params.items() if v is not None}


_GROUPING_COLUMNS = "id, article_id, fact_id, language, claimant, text, details"
_GROUPING_CLAIMS_SQLITE = (
    f"SELECT {_GROUPING_COLUMNS} FROM claims WHERE id IN (SELECT value FROM json_each(:ids))"
)


@lru_cache(maxsize=1)
def _grouping_claims():
    c = ClaimRecord.__table__.c
    return select(
        c.id, c.article_id, c.fact_id, c.language, c.claimant, c.text, type_coerce(c.details, Text)
    ).where(c.id.in_(bindparam("ids", expanding=True)))


@lru_cache(maxsize=1)
def _claims_of_facts():
    columns, joined = _claim_columns()
    c = ClaimRecord.__table__.c
    return (
        select(*columns)
        .select_from(joined)
        .where(c.fact_id.in_(bindparam("ids", expanding=True)))
        .order_by(c.article_id, c.span_start, c.id)
    )


def terms_of(text_: str) -> list[str]:
    """Lower-case word tokens of ``text_`` (letters and digits), in order, unique."""
    seen: dict[str, None] = {}
    for match in _TERM.finditer(text_.lower()):
        seen.setdefault(match.group(0), None)
    return list(seen)


class EmbeddingStore:
    """Embedding rows of one repository (kept apart: only the semantic path needs them)."""

    def __init__(self, repo: Repository) -> None:
        self.session = repo.session

    def save(self, rows: Sequence[tuple[int, str, int, bytes]]) -> None:
        """Store (claim_id, model, dim, vector) rows, replacing a claim's older embedding."""
        from service.storage.models import EmbeddingRecord

        ids = [r[0] for r in rows]
        for i in range(0, len(ids), 500):
            self.session.execute(
                delete(EmbeddingRecord).where(EmbeddingRecord.claim_id.in_(ids[i : i + 500]))
            )
        self.session.add_all(
            EmbeddingRecord(claim_id=c, model=m, dim=d, vector=v) for c, m, d, v in rows
        )
        self.session.flush()

    def after(self, seq: int, *, limit: int = 50_000) -> list[tuple[int, int, str, bytes]]:
        """(seq, claim_id, model, vector) rows newer than ``seq``, oldest first."""
        from service.storage.models import EmbeddingRecord

        rows = self.session.execute(
            select(
                EmbeddingRecord.seq,
                EmbeddingRecord.claim_id,
                EmbeddingRecord.model,
                EmbeddingRecord.vector,
            )
            .where(EmbeddingRecord.seq > seq)
            .order_by(EmbeddingRecord.seq)
            .limit(limit)
        )
        return [(int(s), int(c), m, bytes(v)) for s, c, m, v in rows]

    def missing(self, model: str, *, limit: int) -> list[tuple[int, str, str | None, str | None]]:
        """(claim_id, text, claimant, claimant_role) of claims with no ``model`` embedding."""
        from service.storage.models import EmbeddingRecord

        current = select(EmbeddingRecord.claim_id).where(EmbeddingRecord.model == model)
        rows = self.session.execute(
            select(
                ClaimRecord.id, ClaimRecord.text, ClaimRecord.claimant, ClaimRecord.claimant_role
            )
            .where(ClaimRecord.id.not_in(current))
            .order_by(ClaimRecord.id)
            .limit(limit)
        )
        return [(int(i), t, who, role) for i, t, who, role in rows]

    def models(self) -> dict[str, int]:
        """How many stored embeddings each model made."""
        from service.storage.models import EmbeddingRecord

        rows = self.session.execute(
            select(EmbeddingRecord.model, func.count()).group_by(EmbeddingRecord.model)
        )
        return {m: int(n) for m, n in rows}
