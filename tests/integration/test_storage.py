"""Storage on SQLite and PostgreSQL: seeds, verbatim text, deletes, migrations."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa

from service.cli import seed_store
from service.seeds import load_manifest
from service.storage import Store
from service.storage.migrate import current_revision, downgrade, upgrade
from service.verification import (
    FactCheckRecord,
    delete_article,
    import_claims,
    ingest_article,
)
from tests.conftest import SEEDS

SHORT = (
    "Negotiators met in Geneva on Tuesday. The delegation said that 40 prisoners "
    "would be exchanged within two weeks, officials told Reuters."
)


def table_counts(store: Store) -> dict[str, int]:
    with store.read() as repo:
        return repo.counts()


def index_rows(store: Store) -> int:
    """Rows the full-text index holds."""
    with store.db.engine.connect() as conn:
        if store.dialect == "sqlite":
            return conn.execute(sa.text("SELECT count(*) FROM claims_fts")).scalar_one()
        return conn.execute(
            sa.text("SELECT count(*) FROM claims WHERE search_vector IS NOT NULL")
        ).scalar_one()


def test_seeding_twice_adds_nothing(store):
    assert seed_store(store, SEEDS) == (5, 0)
    first = table_counts(store)
    assert seed_store(store, SEEDS) == (0, 5)
    assert table_counts(store) == first
    assert first["outlets"] == 4 and first["articles"] == 5 and first["claims"] > 50


def test_texts_are_stored_verbatim_with_their_sha256(store):
    seed_store(store, SEEDS)
    with store.read() as repo:
        for entry in load_manifest(SEEDS):
            raw = (SEEDS / entry.file).read_bytes()
            digest = hashlib.sha256(raw).hexdigest()
            record = repo.article_by_sha(digest)
            assert record is not None, entry.file
            assert record.text.encode("utf-8") == raw
            assert record.published_at == entry.published


def test_manifest_describes_every_seed_file_with_two_articles_of_one_outlet():
    entries = load_manifest(SEEDS)
    files = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sorted(e.file for e in entries) == files and len(files) == 5
    outlets = [e.outlet for e in entries]
    assert len(set(outlets)) == 4 and outlets.count("The Epoch Times") == 2
    moscow = next(e for e in entries if e.outlet == "The Moscow Times")
    assert moscow.url and moscow.url.startswith("https://www.themoscowtimes.com/2022/03/14/")
    assert all(e.published and e.language == "en" and e.title for e in entries)


def test_second_ingest_of_the_same_text_returns_the_existing_article(store):
    with store.write() as repo:
        first = ingest_article(repo, outlet="Wire", title="Talks", text=SHORT)
    with store.write() as repo:
        second = ingest_article(repo, outlet="Other", title="Other title", text=SHORT)
    assert first.created and not second.created
    assert first.article_id == second.article_id
    assert table_counts(store)["articles"] == 1


def test_deleting_an_article_removes_its_claims_index_rows_and_empty_facts(store):
    with store.write() as repo:
        result = ingest_article(repo, outlet="Wire", title="Talks", text=SHORT)
    assert table_counts(store)["claims"] > 0 and index_rows(store) > 0
    with store.write() as repo:
        assert delete_article(repo, result.article_id)
    counts = table_counts(store)
    assert counts["articles"] == 0 and counts["claims"] == 0 and counts["facts"] == 0
    assert index_rows(store) == 0
    with store.write() as repo:
        assert not delete_article(repo, result.article_id)


def test_index_rows_follow_the_claims(store):
    seed_store(store, SEEDS)
    assert index_rows(store) == table_counts(store)["claims"]
    with store.read() as repo:
        hits = repo.search(["ultimatums"], limit=10)
        claims = repo.claims_by_ids(h.claim_id for h in hits)
    assert hits
    for claim in claims.values():
        indexed = " ".join((claim.text, claim.passage, claim.article_title or ""))
        assert "ultimatum" in indexed.lower()


def test_a_failed_write_transaction_leaves_nothing_behind(store):
    try:
        with store.write() as repo:
            ingest_article(repo, outlet="Wire", title="Talks", text=SHORT)
            raise RuntimeError("injected failure after the claims were written")
    except RuntimeError:
        pass
    assert table_counts(store) == {"outlets": 0, "articles": 0, "claims": 0, "facts": 0}
    assert index_rows(store) == 0


def test_migrations_go_down_and_up_again(stores, backend):
    store = stores.store(backend)
    assert current_revision(store.db.engine) == "0005"
    downgrade(store.db.engine, "base")
    assert current_revision(store.db.engine) is None
    upgrade(store.db.engine)
    assert current_revision(store.db.engine) == "0005"
    seed_store(store, SEEDS)
    assert table_counts(store)["articles"] == 5


def test_the_text_hash_migration_fills_the_news_claims_of_an_existing_store(stores, backend):
    """A store seeded before 0005 gets the hash of every grouped claim's text (what
    grouping looks reprinted sentences up by); imported fact-checks keep none."""
    from service.storage.models import claim_text_hash
    from service.verification import FactCheckRecord, import_claims

    store = stores.store(backend)
    seed_store(store, SEEDS)
    with store.write() as repo:
        import_claims(repo, [FactCheckRecord(external_id="fc-1", text="Pigs can fly.")])
    downgrade(store.db.engine, "0004")  # the store as it was, with its claims
    upgrade(store.db.engine)
    with store.db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT text, text_hash, fact_id FROM claims")).all()
    news = [r for r in rows if r.fact_id is not None]
    assert len(news) > 100
    assert all(r.text_hash == claim_text_hash(r.text) for r in news)
    assert [r.text_hash for r in rows if r.fact_id is None] == [None]
    with store.read() as repo:  # the full-text index still follows the claims
        assert repo.search(["slutsky"], limit=5)
    assert index_rows(store) == len(rows)


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(stores):
    store = stores.store("sqlite")
    with store.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_sqlite_fast_reads_see_the_open_transaction_and_stop_at_the_budget(stores):
    # verify's hot statements run on the session's own DBAPI connection: they must read
    # what the same transaction has written, and a spent budget must still interrupt
    # them as SQLAlchemy's OperationalError (answered 503 by the API)
    from service import budget

    store = stores.store("sqlite")
    with store.write() as repo:
        report = ingest_article(repo, title="Talks", text=SHORT, outlet="Desk")
        claim_ids = [c.id for c in repo.get_article(report.article_id).claims]
        newest, _words = repo.changes_since(0)
        assert newest == max(claim_ids)
        assert set(repo.claims_by_ids(claim_ids)) == set(claim_ids)
        assert {h.claim_id for h in repo.search(["prisoners"], limit=5)} <= set(claim_ids)
        assert repo.search(["prisoners"], limit=5)
        # enough postings for SQLite to call the progress handler (every 10,000 steps)
        import_claims(
            repo,
            [
                FactCheckRecord(f"x{i}", f"Geneva prisoners exchange number {i}.")
                for i in range(2_000)
            ],
        )
    with store.read() as repo:
        budget.start(0)
        try:
            with pytest.raises(sa.exc.OperationalError, match="interrupted"):
                repo.search(["prisoners", "geneva"], limit=5)
        finally:
            budget.clear()
