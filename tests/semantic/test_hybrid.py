"""Hybrid matching with sentence embeddings (the `semantic` extra), on SQLite and PostgreSQL.

Skipped where the extra is not installed; in CI (CI=true) its absence is a failure.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from service.cli import seed_store
from service.matching import semantic
from service.verification import Verifier, delete_article, ingest_article
from tests.conftest import IN_CI, SEEDS, make_settings

if not semantic.available():
    if IN_CI:
        pytest.fail("the semantic extra is not installed in CI", pytrace=False)
    pytest.skip("the semantic extra is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def embedder():
    return semantic.load_embedder()


_seeded: dict[str, object] = {}


@pytest.fixture
def hybrid_store(stores, backend, embedder):
    """The seeds with embeddings, one store per backend (tests leave it as they found it)."""
    if backend not in _seeded:
        store = stores.store(backend)
        seed_store(store, SEEDS, embedder=embedder)
        _seeded[backend] = store
    return _seeded[backend]


def test_every_seed_claim_is_embedded_with_the_model_name(hybrid_store, embedder):
    with hybrid_store.db.engine.connect() as conn:
        claims = conn.execute(sa.text("SELECT count(*) FROM claims")).scalar_one()
        rows = conn.execute(
            sa.text("SELECT model, dim, count(*) FROM claim_embeddings GROUP BY model, dim")
        ).all()
    assert rows == [(embedder.name, 384, claims)]


def test_a_paraphrase_sharing_no_key_words_finds_slutskys_expectations(hybrid_store, embedder):
    statement = (
        "A Russian delegate predicted the two sides could have papers ready to sign within days."
    )
    with hybrid_store.read() as repo:
        lexical = Verifier().verify(repo, statement)
        hybrid = Verifier(embedder=embedder).verify(repo, statement)
    assert lexical.verdict == "unverified", "lexical matching cannot see this paraphrase"
    assert hybrid.verdict == "supported"
    top = hybrid.matches[0]
    assert top.claim.claimant == "Leonid Slutsky"
    assert "expectations" in top.claim.text.lower()
    assert len(top.outlets) >= 3


def test_an_embedding_never_overrides_a_conflicting_number(hybrid_store, embedder):
    statement = "Humanitarian corridors saved more than 200,000 people in six days."
    with hybrid_store.read() as repo:
        result = Verifier(embedder=embedder).verify(repo, statement)
    assert result.verdict == "contradicted"
    toi = next(s for s in result.matches[0].outlets if s.outlet_name == "The Times of Israel")
    assert toi.stance == "differs" and toi.differences[0].kind == "number"


def test_unrelated_statements_stay_unverified(hybrid_store, embedder):
    verifier = Verifier(embedder=embedder)
    with hybrid_store.read() as repo:
        for statement in (
            "Lionel Messi scored twice as Paris Saint-Germain beat Lyon in Ligue 1.",
            "The Federal Reserve raised interest rates by a quarter percentage point.",
        ):
            assert verifier.verify(repo, statement).verdict == "unverified", statement


def test_another_workers_writes_are_seen_and_deleted_claims_never_answer(hybrid_store, embedder):
    # two verifiers stand for two workers with their own in-memory index
    worker_a, worker_b = Verifier(embedder=embedder), Verifier(embedder=embedder)
    statement = "The city's mayor resigned after floods swept through the old harbour."
    with hybrid_store.read() as repo:
        assert worker_a.verify(repo, statement).verdict == "unverified"
    with hybrid_store.write() as repo:
        created = ingest_article(
            repo,
            outlet="Harbour Gazette",
            title="Mayor quits",
            text="The mayor of the port city resigned on Tuesday after floods swept through "
            "the old harbour district.",
            embedder=embedder,
        )
    with hybrid_store.read() as repo:  # both workers now hold the new claim's vector
        for worker in (worker_a, worker_b):
            found = worker.verify(repo, statement)
            assert found.matches and found.matches[0].claim.article_id == created.article_id
    with hybrid_store.write() as repo:
        assert delete_article(repo, created.article_id)
    with hybrid_store.read() as repo:  # neither answers from its stale copy
        for worker in (worker_a, worker_b):
            after = worker.verify(repo, statement)
            assert all(m.claim.article_id != created.article_id for m in after.matches)


def test_ready_reports_the_hybrid_matcher_and_refuses_a_foreign_model(hybrid_store, make_app):
    client = make_app(make_settings(hybrid_store.db.url, matcher="hybrid")).test_client()
    body = client.get("/v1/ready").get_json()
    assert body["matcher"] == "hybrid" and body["counts"]["embeddings"] > 0
    with hybrid_store.db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE claim_embeddings SET model = 'some-other-model' "
                "WHERE seq = (SELECT min(seq) FROM claim_embeddings)"
            )
        )
    try:
        response = client.get("/v1/ready")
        assert response.status_code == 503
        assert "corroborate reindex" in response.get_json()["detail"]
    finally:
        with hybrid_store.db.engine.begin() as conn:
            conn.execute(sa.text(f"UPDATE claim_embeddings SET model = '{semantic.MODEL_NAME}'"))


def test_reindex_embeds_what_is_missing(stores, backend, embedder):
    from service.verification import reindex

    store = stores.store(backend)
    seed_store(store, SEEDS)  # lexical: no embeddings
    with store.read() as repo:
        claims = repo.counts()["claims"]
    assert reindex(store, embedder, batch_size=64) == claims
    assert reindex(store, embedder) == 0
