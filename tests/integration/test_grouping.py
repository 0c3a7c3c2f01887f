"""Claims from different articles that report one fact are grouped; different facts are not."""

from __future__ import annotations

from collections import defaultdict

from service.cli import seed_store
from tests.conftest import SEEDS


def facts_by_passage(store) -> dict[int, set[int]]:
    """fact id -> the article ids whose claims it groups."""
    with store.read() as repo:
        claims, page = [], 1
        while True:
            chunk = repo.list_claims(limit=100, page=page)
            claims += chunk.items
            if not chunk.has_next:
                break
            page += 1
    articles: dict[int, set[int]] = defaultdict(set)
    for claim in claims:
        articles[claim.fact_id].add(claim.article_id)
    return {"claims": claims, "articles": articles}


def articles_of(grouping, fragment: str) -> set[int]:
    """Every article grouped with a claim whose passage contains ``fragment``."""
    found: set[int] = set()
    for claim in grouping["claims"]:
        if fragment in claim.passage:
            found |= grouping["articles"][claim.fact_id]
    return found


def test_slutskys_significant_progress_is_one_fact_in_four_articles(store):
    seed_store(store, SEEDS)
    grouping = facts_by_passage(store)
    fact_articles = articles_of(grouping, "RIA Novosti as saying")
    assert len(fact_articles) == 4  # the RIA Novosti, RT and "important progress" versions


def test_podolyak_on_ultimatums_is_one_fact_in_three_articles(store):
    seed_store(store, SEEDS)
    grouping = facts_by_passage(store)
    assert len(articles_of(grouping, "stopped issuing")) == 3


def test_the_brest_and_gomel_captions_are_different_facts(store):
    seed_store(store, SEEDS)
    grouping = facts_by_passage(store)
    brest = next(c for c in grouping["claims"] if "Brest region on March 7" in c.passage)
    gomel = [c for c in grouping["claims"] if "Gomel region on February 28" in c.passage]
    assert gomel and all(c.fact_id != brest.fact_id for c in gomel)


WIRE = (
    "Talks between the two delegations will resume by video link on Monday, "
    "negotiator Mykhailo Podolyak said on Sunday. Both sides reported progress."
)
LEDGER = (
    "Mykhailo Podolyak, a negotiator, said on Sunday that talks between the two "
    "delegations will resume by video link on Monday."
)


def _ingest(store, outlet: str, text: str, prepared=None) -> int:
    from service.verification import ingest_article

    with store.write() as repo:
        return ingest_article(
            repo, outlet=outlet, title=f"{outlet} on the talks", text=text, prepared=prepared
        ).article_id


def _fact_of(store, article_id: int, fragment: str) -> int:
    with store.read() as repo:
        article = repo.get_article(article_id)
    return next(c.fact_id for c in article.claims if fragment in c.passage)


def test_candidates_searched_before_the_write_lock_still_see_what_was_committed_since(store):
    """A worker searches its article's grouping candidates in a read transaction; another
    worker commits a report of the same fact before the first takes the write lock: the
    write transaction finds it (searching only claims committed since) and groups them."""
    from service.verification import prepare_article

    prepared = prepare_article(LEDGER, title="Northern Ledger on the talks")
    with store.read() as repo:  # nothing stored yet: nothing to group with
        prepared = prepared.searched_in(repo)
    assert prepared.grouping.as_of == 0 and not any(prepared.grouping.hits)
    wire = _ingest(store, "Example Wire", WIRE)  # committed after the search
    with store.read() as repo:
        assert prepared.grouping.as_of < repo.newest_claim_id()
    ledger = _ingest(store, "Northern Ledger", LEDGER, prepared=prepared)
    assert _fact_of(store, ledger, "resume by video link") == _fact_of(
        store, wire, "resume by video link"
    )


def test_candidates_searched_beforehand_group_like_those_searched_in_the_write(store):
    from service.verification import prepare_article

    seed_store(store, SEEDS)
    wire = _ingest(store, "Example Wire", WIRE)
    prepared = prepare_article(LEDGER, title="Northern Ledger on the talks")
    with store.read() as repo:
        prepared = prepared.searched_in(repo)
        assert prepared.grouping.as_of == repo.newest_claim_id()
    assert any(prepared.grouping.hits)
    ledger = _ingest(store, "Northern Ledger", LEDGER, prepared=prepared)
    assert _fact_of(store, ledger, "resume by video link") == _fact_of(
        store, wire, "resume by video link"
    )


def _ingest_on(store, outlet: str, text: str, published: str, *, searched: bool = True):
    """Ingest as the API does (candidates searched before the write); the article id and
    its prepared grouping."""
    import datetime as dt

    from service.verification import ingest_article, prepare_article

    day = dt.date.fromisoformat(published)
    title = f"{outlet} on the talks"
    prepared = prepare_article(text, title=title, published_at=day)
    if searched:
        with store.read() as repo:
            prepared = prepared.searched_in(repo)
    with store.write() as repo:
        result = ingest_article(
            repo, outlet=outlet, title=title, text=text, published_at=day, prepared=prepared
        )
    return result.article_id, prepared.grouping


REPRINTED = "Talks between the delegations will resume by video link on Monday, Podolyak said."


def test_a_reprinted_sentence_joins_its_fact_by_its_text_not_by_a_search(store):
    """Wire copy: the same sentence in another outlet's article is found by its text hash
    (no full-text search for it) and joins the fact of the first report."""
    seed_store(store, SEEDS)
    wire, _ = _ingest_on(store, "Example Wire", REPRINTED, "2022-03-13")
    own = "Crowds gathered outside the railway station in Lviv on Sunday evening."
    courier, grouping = _ingest_on(store, "Daily Courier", f"{REPRINTED} {own}", "2022-03-13")
    assert grouping.identical == [True, False]
    assert _fact_of(store, courier, "resume by video link") == _fact_of(
        store, wire, "resume by video link"
    )
    assert _fact_of(store, courier, "railway station") != _fact_of(
        store, wire, "resume by video link"
    )


def test_a_reprinted_sentence_of_another_day_is_searched_in_full(store):
    """The same words a week later name another Monday: the identical claim reports
    another fact, so the full-text search runs after all and finds the report of the
    later Monday, in other words."""
    first, _ = _ingest_on(store, "Example Wire", REPRINTED, "2022-03-13")
    later = (
        "Talks between the two delegations will resume by video link on Monday, "
        "March 21, Podolyak said."
    )
    ledger, _ = _ingest_on(store, "Northern Ledger", later, "2022-03-20")
    own = "Crowds gathered outside the railway station in Lviv on Sunday evening."
    courier, grouping = _ingest_on(store, "Daily Courier", f"{REPRINTED} {own}", "2022-03-20")
    assert grouping.identical == [True, False]  # the first report's sentence, by its hash
    assert _fact_of(store, first, "video link") != _fact_of(store, ledger, "video link")
    assert _fact_of(store, courier, "video link") == _fact_of(store, ledger, "video link")


def test_a_grouping_search_leaving_claims_out_itself_finds_what_the_join_finds(store):
    """On SQLite a grouping search leaves out the claims of no fact (and of one article)
    from its ranking instead of joining every match to its row: the same claims in the
    same order, ties included (fact-checks worded as the seed claims they repeat)."""
    from service.verification import FactCheckRecord, import_claims

    seed_store(store, SEEDS)
    with store.read() as repo:
        seeded = repo.newest_claim_id()
        texts = [c.text for c in repo.list_claims(limit=100, page=1).items[:30]]
    with store.write() as repo:
        import_claims(repo, [FactCheckRecord(f"fc-{i}", t) for i, t in enumerate(texts)])
    queries = [["ultimatums"], ["talks", "progress"], ["delegations", "istanbul", "russia"]]
    with store.read() as repo:
        newest = repo.newest_claim_id()
        article = repo.claims_by_ids([1])[1].article_id
        found = 0
        for terms in queries:
            everything = {h.claim_id for h in repo.search(terms, limit=200)}
            assert everything & set(range(seeded + 1, newest + 1))  # fact-checks match too
            for exclude, id_range in [
                (None, (None, None)),
                (article, (None, None)),
                (None, (None, seeded)),
                (article, (seeded // 2, None)),
            ]:
                left_out = repo.grouping_exclusions(
                    exclude_article=exclude, id_range=id_range, cap=500
                )
                assert (left_out is None) == (store.dialect != "sqlite")
                for limit in (3, 40):
                    joined = repo.search(
                        terms,
                        limit=limit,
                        grouped_only=True,
                        exclude_article=exclude,
                        id_range=id_range,
                    )
                    found += bool(joined)
                    assert (
                        repo.search(
                            terms,
                            limit=limit,
                            grouped_only=True,
                            exclude_article=exclude,
                            id_range=id_range,
                            left_out=left_out,
                        )
                        == joined
                    )
        assert found >= 20
        if store.dialect == "sqlite":  # more than the cap: None, and the search joins
            assert repo.grouping_exclusions(cap=len(texts) - 1) is None
            assert repo.grouping_exclusions(cap=len(texts)) == frozenset(
                range(seeded + 1, newest + 1)
            )
