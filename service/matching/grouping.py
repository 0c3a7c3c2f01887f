"""Group claims of different articles that report the same fact.

A new claim joins the fact of the most similar claim from another article when
their content words agree closely; otherwise it starts a fact of its own. Wording
may differ (translations, paraphrase) and details may differ (that is what the
product surfaces), but two claims with conflicting dates *and* places are
different events, however many words they share (photo captions of two meetings).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from service.domain import Claim
from service.matching.retrieve import plan_search
from service.matching.text import match_text
from service.storage.repository import GroupingClaim, LazyDetails, Repository, terms_of

SAME_FACT = (
    70.0  # token similarity (0..100, after the bonuses below) at which two claims report one fact
)
# Candidates per new claim: PostgreSQL ranks without IDF, so a rare shared word needs a
# wide pool; FTS5's bm25 puts the claims sharing the rare words first.
CANDIDATES = {"sqlite": 40, "postgresql": 100}
# Two reports of one fact share their rare words: grouping searches those only, within
# a posting budget, and the common words the plan leaves out still rank the claims that
# hold them (``rank_also``). With them, 1,000 postings group a store of 150
# seed-derived articles (6,800 claims, every claim repeated) as 3,000 did on SQLite, with
# one claim pair of 272,385 apart, and the seeds beside 100k fact-checks exactly as in an
# empty store, at 40% less search time. PostgreSQL picks its pool without them (only its
# order uses them), so it keeps 3,000.
GROUPING_POSTINGS = {"sqlite": 1_000, "postgresql": 3_000}
# SQLite: up to this many claims that grouping leaves out (fact-checks, the article's own
# claims) are left out of a search's ranking instead of joined to every claim it matches
# (``Repository.search``'s ``left_out``); more, and the join costs less.
LEFT_OUT_CAP = 500
SAME_CLAIMANT = 10.0
OTHER_CLAIMANT = 15.0
SAME_DATE = 8.0


def wording_score(a: Claim, b: Claim) -> float:
    """How alike two claims are worded, 0..100 (0 when either has no content words)."""
    return _wording(_match_text(a.text), _match_text(b.text))


def _wording(ta: str, tb: str) -> float:
    """``wording_score`` of two claims' match texts."""
    if not ta or not tb:
        return 0.0
    return 0.5 * fuzz.token_set_ratio(ta, tb) + 0.5 * fuzz.token_sort_ratio(ta, tb)


# a claim is a candidate of many others (of one article, and of the articles after it):
# its match text is kept rather than rebuilt for every comparison
_match_text = lru_cache(maxsize=50_000)(match_text)


def same_fact_score(a: Claim, b: Claim, wording: float | None = None) -> float:
    """Similarity 0..100 of two claims as reports of one fact (0 when they cannot be);
    ``wording`` is their ``wording_score`` when the caller has it already."""
    score = wording_score(a, b) if wording is None else wording
    if not score:
        return 0.0
    (dates_a, places_a), (dates_b, places_b) = _setting(a.details), _setting(b.details)
    if _conflict(dates_a, dates_b) and (
        _conflict(places_a, places_b) or not (places_a or places_b)
    ):
        return 0.0
    if a.claimant and b.claimant:
        # the same person saying it is evidence of one fact; two people, of two
        score += SAME_CLAIMANT if a.claimant == b.claimant else -OTHER_CLAIMANT
    if dates_a & dates_b:
        score += SAME_DATE
    return score


def _conflict(a: frozenset, b: frozenset) -> bool:
    """Both name some, and none in common."""
    return bool(a and b and not a & b)


def _setting(details: Mapping) -> tuple[frozenset, frozenset]:
    """The days (``dates`` with a ``date``) and the places a claim's details name."""
    raw = details.raw if isinstance(details, LazyDetails) else None
    if isinstance(raw, str):
        return _setting_of_json(raw)
    return _setting_of(details)


def _setting_of(details: Mapping) -> tuple[frozenset, frozenset]:
    dates = frozenset(d.get("date") for d in details.get("dates", []) if d.get("date"))
    return dates, frozenset(details.get("places", []))


@lru_cache(maxsize=50_000)
def _setting_of_json(raw: str) -> tuple[frozenset, frozenset]:
    # by the stored JSON text: a claim is compared again by every article that finds it
    return _setting_of(json.loads(raw) or {})


def best_fact(
    claim: Claim | GroupingClaim, candidates: Sequence[Claim | GroupingClaim]
) -> tuple[int | None, float]:
    """The fact id of the best candidate from another article at or above ``SAME_FACT``."""
    best: tuple[int | None, float] = (None, 0.0)
    own = _match_text(claim.text)
    for other in candidates:
        if other.article_id == claim.article_id or other.fact_id is None:
            continue
        if other.language != claim.language:
            continue
        # the wording alone, with every bonus, must be able to reach SAME_FACT: most
        # candidates stop here, before their details are read
        wording = _wording(own, _match_text(other.text))
        if wording + SAME_CLAIMANT + SAME_DATE < SAME_FACT:
            continue
        score = same_fact_score(claim, other, wording)
        if score >= SAME_FACT and score > best[1]:
            best = (other.fact_id, score)
    return best


# Identical sentences found by their text hash (wire copy reprinted by several outlets)
# stand in for the full-text search of a claim: the oldest few are enough, as one of them
# reaching SAME_FACT is the strongest evidence of one fact there is.
IDENTICAL = 8


@dataclass(frozen=True)
class GroupingCandidates:
    """Grouping candidates of an article's claims, searched before its write transaction.

    ``hits[i]``: claim ids for the article's i-th claim among the claims committed when
    the search ran, i.e. with ids up to ``as_of``; the write transaction looks among the
    claims committed since only for the claims these leave without a fact.
    ``identical[i]``: the hits are claims of the same text, found without a full-text
    search (which runs after all, in the write transaction, if none of them reports the
    same fact). ``counts``: the posting counts the search planned with, which the write
    transaction plans with again rather than read them inside the write lock.
    """

    as_of: int
    hits: list[list[int]]
    identical: list[bool]
    counts: dict[str, int] = field(default_factory=dict)


def grouping_candidates(repo: Repository, texts: Sequence[str]) -> GroupingCandidates:
    """Search the grouping candidates of claims (by their texts) in a read transaction.

    Writers hold the SQLite write lock only for what must see the newest rows: with the
    searches done here, two workers group two articles side by side.
    """
    as_of = repo.newest_claim_id()
    counts: dict[str, int] = {}
    hits, identical = _search(repo, list(texts), up_to=as_of, counts=counts)
    return GroupingCandidates(as_of, hits, identical, counts)


def _search(
    repo: Repository,
    texts: list[str],
    *,
    up_to: int | None = None,
    after: int | None = None,
    exclude_article: int | None = None,
    identical: bool = True,
    counts: dict[str, int] | None = None,
) -> tuple[list[list[int]], list[bool]]:
    """For each claim text, its grouping candidates (optionally within an id range) and
    whether they are claims of the identical text (with ``identical``, a text stored
    before is looked up by its hash and not searched) rather than the grouped claims the
    full-text index ranks highest for its rarest words (within ``GROUPING_POSTINGS``).

    ``counts``: posting counts to plan with; the terms it lacks are counted in the index
    and added to it.
    """
    same = (
        repo.identical_claims(
            texts, limit=IDENTICAL, exclude_article=exclude_article, id_range=(after, up_to)
        )
        if identical
        else {}
    )
    found: list[list[int]] = [list(same.get(t, ())) for t in texts]
    searched = [i for i, t in enumerate(texts) if t not in same]
    terms = {i: terms_of(match_text(texts[i])) for i in searched}
    postings = GROUPING_POSTINGS[repo.dialect]
    counts = {} if counts is None else counts
    missing = {t for ts in terms.values() for t in ts} - counts.keys()
    if missing:
        counts.update(repo.posting_counts(missing, cap=postings + 1))
    left_out = (
        repo.grouping_exclusions(
            exclude_article=exclude_article, id_range=(after, up_to), cap=LEFT_OUT_CAP
        )
        if searched
        else None
    )
    for i in searched:
        plan = plan_search(terms[i], counts, budget=postings)
        found[i] = [
            h.claim_id
            for h in repo.search(
                plan.terms,
                limit=CANDIDATES[repo.dialect],
                require_all=plan.require_all,
                grouped_only=True,
                exclude_article=exclude_article,
                id_range=(after, up_to),
                # among the few claims committed since a search, the plan's words alone
                rank_also=plan.dropped if after is None else (),
                left_out=left_out,
            )
        ]
    return found, [t in same for t in texts]


def assign_facts(
    repo: Repository,
    claim_ids: Sequence[int],
    *,
    searched: GroupingCandidates | None = None,
) -> None:
    """Put each new claim (all of one article) into the fact it reports, creating facts.

    Candidates are the claims of the same text in other articles, when there are any
    (by the text hash), and otherwise the grouped claims of other articles that the
    full-text index ranks highest for the claim's content words, searched rarest words
    first within the planner's budget. ``searched`` holds those found before this
    transaction (for the claims in ``claim_ids`` order): a claim they leave without a
    fact looks among the claims committed since (another writer's article) and no
    further. A claim whose identical texts all report other facts (the same sentence
    on another day) is searched in full. Candidates are read in one query per step, and
    the claims are written to their facts in one statement per fact.
    """
    if not claim_ids:
        return
    claims = repo.grouping_claims(claim_ids)
    article_id = claims[claim_ids[0]].article_id
    texts = [claims[cid].text for cid in claim_ids]
    if searched is not None and len(searched.hits) == len(claim_ids):
        identical = list(searched.identical)
        fact_of = _best_facts(repo, claims, claim_ids, searched.hits)
        if repo.newest_claim_id(excluding_article=article_id) > searched.as_of:
            # another writer committed in between: what it added may report the facts
            # of the claims still without one
            still = [i for i, cid in enumerate(claim_ids) if cid not in fact_of]
            since, since_identical = _search(
                repo,
                [texts[i] for i in still],
                after=searched.as_of,
                exclude_article=article_id,
                counts=dict(searched.counts),
            )
            fact_of.update(_best_facts(repo, claims, [claim_ids[i] for i in still], since))
            for i, flag in zip(still, since_identical, strict=True):
                identical[i] = identical[i] or flag
    else:
        hits, identical = _search(repo, texts, exclude_article=article_id)
        fact_of = _best_facts(repo, claims, claim_ids, hits)
    # identical texts that report other facts: the full-text search they stood in for
    retry = [i for i, cid in enumerate(claim_ids) if identical[i] and cid not in fact_of]
    if retry:
        full, _ = _search(
            repo, [texts[i] for i in retry], exclude_article=article_id, identical=False
        )
        fact_of.update(_best_facts(repo, claims, [claim_ids[i] for i in retry], full))
    alone = [cid for cid in claim_ids if cid not in fact_of]
    fact_of.update(zip(alone, repo.new_facts(len(alone)), strict=True))
    repo.set_facts(fact_of)


def _best_facts(
    repo: Repository,
    claims: dict[int, GroupingClaim],
    claim_ids: Sequence[int],
    hits: Sequence[Sequence[int]],
) -> dict[int, int]:
    """The fact each claim joins among its candidates (claims that join none left out)."""
    pool = repo.grouping_claims({h for found in hits for h in found})
    fact_of: dict[int, int] = {}
    for cid, found in zip(claim_ids, hits, strict=True):
        fact_id, _score = best_fact(claims[cid], [pool[h] for h in found if h in pool])
        if fact_id is not None:
            fact_of[cid] = fact_id
    return fact_of
