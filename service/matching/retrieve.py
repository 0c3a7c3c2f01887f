"""Candidate retrieval: query terms, typo expansion against the indexed vocabulary."""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from service.matching.text import (
    ACRONYM_WORDS,
    PREFIXED_OPPOSITES,
    STOPWORDS,
    fold,
    phrase_words,
)
from service.storage.repository import Repository, terms_of

TYPO_CUTOFF = 85.0  # rapidfuzz ratio at which an unknown word is taken for a known one
MIN_TYPO_LENGTH = 5
MAX_QUERY_TERMS = 64
# Query planning: the full-text search ranks every claim that holds any query term, so
# its cost grows with the terms' document frequencies, i.e. with the store. Terms are
# taken rarest first (by the index's own counts, so stemming is accounted for: "trumps"
# costs what "trump" does) while their postings fit a budget; common words still count
# in the re-ranking, which reads the statement and the claims' text. Ranking costs
# about 1.5 µs a posting in FTS5 and 5 µs in PostgreSQL (ts_rank over the heap rows,
# bench/scale.py on 2 cores): each budget keeps the search near 20 ms at any size.
POSTING_BUDGETS = {"sqlite": 15_000, "postgresql": 4_000}
# In a large store a plan within budget leaves out words the right claim shares with the
# statement, and distractors holding the searched rare words crowd it out of the
# candidates. From ``LARGE_STORE`` claims on, the words left out rank what the search
# finds (``rank_also``), and SQLite searches a smaller budget. CheckThat! train at 1M
# claims, MAP@5: SQLite 0.732 -> 0.770 at half the search time, PostgreSQL 0.732 ->
# 0.795 at the same budget (p99 +6 ms). On SQLite at 100k it cost 0.01 (0.827 -> 0.816),
# so smaller stores keep the plain plan.
LARGE_STORE = 500_000
LARGE_STORE_BUDGETS = {"sqlite": 6_000, "postgresql": 4_000}
# Below ~50k claims SQLite's budget shrinks with the store, to 30% of its claims and no
# less than 3,000 postings: the common words it then leaves out barely move bm25's top
# 50 of a small store. CheckThat! at 10k claims: train MAP@5 0.865 at 15,000, 6,000 and
# 3,000 postings (0.860 at 1,500), dev 0.808 -> 0.810, and the ranking ~30% faster.
SMALL_STORE_SHARE = {"sqlite": 0.3}
SMALL_STORE_FLOOR = 3_000


def scaled_budget(dialect: str, claims: int, budget: int) -> int:
    """``budget`` for a store of about ``claims`` claims: smaller for a small SQLite store."""
    if dialect not in SMALL_STORE_SHARE:
        return budget
    return min(budget, max(SMALL_STORE_FLOOR, int(SMALL_STORE_SHARE[dialect] * claims)))


class Vocabulary:
    """The words of the index, mirrored per process and topped up from the database.

    The vocabulary table is append-only, so a worker only fetches rows newer than
    the last one it saw: every query sees every word committed before it started,
    whichever worker wrote it. A word whose claims were deleted may still expand a
    typo; the search then finds nothing for it, which is harmless.
    """

    def __init__(self) -> None:
        self._last_id = 0
        self._words: set[str] = set()
        # typos rarely touch the first letter: candidates by (first letter, length)
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._lock = threading.Lock()

    @property
    def last_id(self) -> int:
        """The id of the newest vocabulary row this mirror holds."""
        return self._last_id

    def refresh(self, repo: Repository) -> None:
        """Fetch the words added since the last refresh."""
        self.add(repo.words_after(self._last_id))

    def add(self, rows: list[tuple[int, str]]) -> None:
        """Take in vocabulary rows read from the database (``(id, word)``, in id order)."""
        if not rows:
            return
        with self._lock:
            for row_id, word in rows:
                if word not in self._words:
                    self._words.add(word)
                    self._buckets[(word[0], len(word))].append(word)
                self._last_id = max(self._last_id, row_id)

    def __contains__(self, word: str) -> bool:
        return word in self._words

    def __len__(self) -> int:
        return len(self._words)

    def corrections(self, word: str, *, limit: int = 2) -> list[str]:
        """Known words within typo distance of an unknown ``word``, best first."""
        if word in self._words or len(word) < MIN_TYPO_LENGTH or word.isdigit():
            return []
        choices = [
            w
            for n in range(len(word) - 2, len(word) + 3)
            for w in self._buckets.get((word[0], n), ())
        ]
        found = process.extract(
            word, choices, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=limit
        )
        return [w for w, _score, _i in found]


# A statement that says one word of a pair is searched for the other too, so that the
# passage saying the opposite is among the candidates for the stance to read ("Kyiv is
# unwilling to negotiate" finds "Kiev is willing to negotiate"); full-text search
# matches neither from the other.
OPPOSITE_FORM = {a: b for a, b in PREFIXED_OPPOSITES} | {b: a for a, b in PREFIXED_OPPOSITES}


def opposite_terms(terms: list[str]) -> list[str]:
    """The opposite forms of the terms (``OPPOSITE_FORM``) that are not terms already."""
    found = [OPPOSITE_FORM[t] for t in terms if t in OPPOSITE_FORM]
    return [t for t in dict.fromkeys(found) if t not in terms]


def query_terms(
    statement: str, vocabulary: Vocabulary | None = None
) -> tuple[list[str], dict[str, str]]:
    """Search terms of a statement and the typo corrections applied (``{typo: word}``)."""
    terms = [t for t in terms_of(fold(statement)) if t not in STOPWORDS][:MAX_QUERY_TERMS]
    # what a phrase says in one word is searched too ("pull out" also finds "withdraw")
    terms += [w for w in phrase_words(statement) if w not in terms]
    # an acronym is searched for by its full name too ("IAEA": "international", "atomic" …)
    terms += [w for t in list(terms) for w in ACRONYM_WORDS.get(t, ()) if w not in terms]
    corrections: dict[str, str] = {}
    if vocabulary is not None and len(vocabulary):
        expanded: list[str] = []
        for term in terms:
            expanded.append(term)
            if term not in vocabulary:
                for fix in vocabulary.corrections(term):
                    corrections.setdefault(term, fix)
                    expanded.append(fix)
        terms = list(dict.fromkeys(expanded))
    return terms, corrections


@dataclass(frozen=True)
class SearchPlan:
    """The terms to search for and whether a claim must hold all of them."""

    terms: list[str]
    require_all: bool = False
    dropped: tuple[str, ...] = ()


def plan_search(
    terms: list[str],
    counts: dict[str, int],
    *,
    budget: int,
    secondary: frozenset[str] = frozenset(),
) -> SearchPlan:
    """Rarest terms first, while their postings fit ``budget``.

    ``counts`` are the index's posting counts (a term it finds nothing for is left
    out; a term missing from ``counts`` counts as rare). When even the rarest term
    alone is over budget (a statement of common words only), its two rarest terms
    must both match: the intersection is what bounds the work then.
    """
    present = [t for t in terms if counts.get(t, 1) > 0]
    # ``secondary`` terms (typo corrections) come after every term the statement wrote:
    # a rare vocabulary word that merely looks like a slang word must not take its place
    ordered = sorted(present, key=lambda t: (t in secondary, counts.get(t, 0), present.index(t)))
    chosen: list[str] = []
    total = 0
    for term in ordered:
        n = counts.get(term, 0)
        if chosen and total + n > budget:
            break
        chosen.append(term)
        total += n
    dropped = tuple(t for t in ordered if t not in chosen)
    if len(ordered) >= 2 and counts.get(ordered[0], 0) > budget:
        return SearchPlan(ordered[:2], require_all=True, dropped=tuple(ordered[2:]))
    return SearchPlan(chosen, dropped=dropped)
