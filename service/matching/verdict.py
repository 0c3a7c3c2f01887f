"""From scored claims to matches (facts), outlet stances and a verdict."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from service.domain import Claim, Difference
from service.matching.rerank import ADJACENT, STEM, Scored, align, score_candidates
from service.matching.stance import (
    MEDIA,
    StatementFacts,
    _vague_source,
    agreements,
    answered,
    counted,
    days_given,
    differences,
    same_person,
    statement_clauses,
    unstated_days,
    unstated_numbers,
    unstated_places,
    unstated_years,
    where_named,
    years_given,
)
from service.matching.text import STOPWORDS, canonical_word, content_words, fold, sense
from service.storage.repository import Hit

MATCH_THRESHOLD = 0.43  # a fact scoring below this is not a match (tuned on bench/data statements)
# Below a fact that reaches the threshold, facts that reach RELATED_FACTOR of it and come
# within RELATED_GAP of the best are shown too (the verdict does not read them). On the
# labelled seed sets (all nine, 438 statements) stance per outlet rose from 0.763 to
# 0.786 lexical and 0.829 to 0.837 hybrid, verdicts unchanged; without the gap 0.805 and
# 0.852, but a verbatim match (score 1.0) then came with unrelated facts at 0.3.
RELATED_FACTOR = 0.7
RELATED_GAP = 0.2
# A count or a place the matched passages leave unsaid is looked for in the article's
# candidates scoring at least this share of the threshold (a sentence on the same
# event). A place is looked for further down: the statement must say it is where
# something happened ("in Geneva"), and the passage must name it as where next to one
# of the statement's words ("the United Nations (UN) in New York").
# A bare year the passages leave unsaid ("declared themselves republics in 2016") is
# looked for like a count.
ELSEWHERE_FACTOR = {"number": 0.5, "place": 0.3, "date": 0.5, "day": 0.3, "source": 0.5}
ELSEWHERE_FLOOR = min(ELSEWHERE_FACTOR.values())  # of the threshold: what ``Parts`` pools
# Matches this close to the best one count towards the verdict. 0.15 let a loosely
# related fact (the speaker's job title, 0.13 below a fact the statement misattributes)
# turn "contradicted" into "mixed"; at 0.10 verdict accuracy on the seed statements
# rises (hybrid 0.907 -> 0.919, the held-out set 0.756 -> 0.800), nothing else moves.
VERDICT_MARGIN = 0.10


@dataclass
class Passage:
    """An exact passage: ``article.text[start:end] == text``."""

    article_id: int
    claim_id: int
    start: int
    end: int
    text: str
    url: str | None
    article_title: str | None


@dataclass
class OutletStance:
    """How one outlet reports the matched fact."""

    outlet_id: int
    outlet_name: str
    stance: str  # supports | differs
    differences: list[Difference] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)


@dataclass
class Match:
    """One fact that matches the statement, with each outlet's stance."""

    claim: Claim  # the best-matching claim of the fact
    score: float
    fact_id: int | None
    outlets: list[OutletStance]
    # a compound statement's: how well the claim matches the part it matches best
    # ("X, and Y": a report of X alone scores low against the whole)
    part_score: float = 0.0
    # the part of a compound statement the claim matches best (None: a simple statement)
    part: StatementFacts | None = None


@dataclass
class Verdict:
    """The answer to a statement."""

    statement: str
    verdict: str
    matches: list[Match]
    corrections: dict[str, str] = field(default_factory=dict)


def passage_of(statement: str, claim: Claim) -> Passage:
    """The exact passage of ``claim`` the statement matches (narrowed by alignment)."""
    start, end = align(statement, claim)
    text = claim.passage[start - claim.start : end - claim.start]
    return Passage(
        claim.article_id, claim.id, start, end, text, claim.article_url, claim.article_title
    )


class ArticleContext:
    """The claims of each article that a query has at hand (candidates and fact members).

    Lets a passage borrow what its neighbours say: the medium named one sentence
    earlier ("The mayor wrote on Telegram: ..." then the quote) and a relative clause
    that negates it ("appeals ..., which have been rejected"). Built from what
    retrieval already fetched: no extra query, linear in the candidates.
    """

    def __init__(self, claims: Iterable[Claim]) -> None:
        by_article: dict[int, dict[int, Claim]] = {}
        for claim in claims:
            by_article.setdefault(claim.article_id, {})[claim.id] = claim
        self._claims = {
            article: sorted(found.values(), key=lambda c: (c.start, -c.end))
            for article, found in by_article.items()
        }
        self._roles: dict[str, set[str]] | None = None

    def roles_of(self, claimant: str | None) -> list[str]:
        """How the articles at hand describe a speaker ("an adviser to Ukrainian President
        Volodymyr Zelensky", "Ukrainian presidential adviser and negotiator")."""
        if not claimant:
            return []
        if self._roles is None:
            self._roles = {}
            for claims in self._claims.values():
                for c in claims:
                    if c.claimant and c.claimant_role:
                        self._roles.setdefault(c.claimant, set()).add(c.claimant_role)
        return sorted(self._roles.get(claimant, ()))

    def source_of(self, claim: Claim, *, relayed: bool = False) -> str | None:
        """The claim's medium, or the one its speaker was just quoted through.

        ``relayed``: the statement names who relayed the remark ("…, the RIA news agency
        reported"), so a relay the claim names ("agencies cited him") is what it is read
        against, not the medium the interview was given to."""
        if claim.source and (relayed or not _vague_source(claim.source)):
            return claim.source
        # a relay that names no medium ("…,' agencies cited him as saying") carries the
        # interview the speaker gave the medium named just before ("he told the network
        # RT"); narration has no medium: "His statement, on Twitter, confirmed …" is not
        # itself said on Twitter
        earlier = self._medium_before(claim) if claim.kind != "narration" else None
        if claim.source:
            return earlier if earlier and not _vague_source(earlier) else claim.source
        if earlier:
            return earlier
        for following in self._claims.get(claim.article_id, ()):
            if 0 <= following.start - claim.end <= ADJACENT and _back_reference(following):
                media = following.source or _medium_named(following)
                if media:
                    return media
        if claim.claimant:
            # the same speaker goes on in the next sentence and the article names the
            # medium there ("… a hard negotiation has started." / "'…,' he said, tweeting")
            after = [
                c
                for c in self._claims.get(claim.article_id, ())
                if c.start >= claim.end and c.start - claim.end <= SOURCE_REACH
            ]
            for following in after:
                if following.claimant and not _same_claimant(following, claim):
                    break
                if following.source and following.claimant:
                    if following.source in MEDIA.values() and _reported(following):
                        # "Slutsky says …, the RIA news agency reported": the agency
                        # reported that remark, not the one before it
                        break
                    return following.source
        return None

    def _medium_before(self, claim: Claim) -> str | None:
        """The medium the same speaker was quoted through in the sentences just before:
        the first one named, back through those that only relay ("according to Russian
        news agencies"), or else the relay."""
        relay, reach_from = None, claim.start
        before = [c for c in self._claims.get(claim.article_id, ()) if c.end <= claim.start]
        for previous in sorted(before, key=lambda c: -c.end):
            if reach_from - previous.end > SOURCE_REACH:
                break
            if previous.claimant and claim.claimant and not _same_claimant(previous, claim):
                break  # someone else spoke in between
            if previous.source and _same_claimant(previous, claim):
                if claim.source and previous.source in MEDIA.values() and _reported(previous):
                    # "Slutsky says …, the RIA news agency reported." then "'…,' he told
                    # the network, according to Russian news agencies": RIA's report is
                    # of the first remark only
                    break
                if not _vague_source(previous.source):
                    return previous.source
                relay = relay or previous.source
                reach_from = min(reach_from, previous.start)
        return relay

    def details_of(self, claim: Claim) -> tuple[dict, str, Claim | None]:
        """The claim's details and text, with the negation of a relative clause right
        after it ("appeals for a recount, which were never heard"); that clause. A
        clause that goes on from the one before it without a subject of its own ("…
        the five-hour talks included …, and featured an agreement") is read with that
        one's details: its subject's numbers, dates and places are its own."""
        # (a subject that is negated too: "Russia is not making ultimatums but is instead
        # listening to Ukraine's proposals" says nothing of ultimatums in its second
        # clause alone; a statement that does not speak of them is not answered by the
        # negation, ``_speaks_of_negated``)
        subject = self._subject_of(claim) or self._subject_of(claim, negated=True)
        details, text = (
            (_joint_details((subject, claim)), subject.passage + " " + claim.passage)
            if subject is not None
            else (claim.details, claim.passage)
        )
        for following in self._claims.get(claim.article_id, ()):
            if (
                0 <= following.start - claim.end <= ADJACENT
                and (_relative(following) or _participle(following))
                and following.details.get("negated")
            ):
                # (and of a participle clause: "… declared themselves new republics,
                # refusing to recognize the government")
                details = dict(details)
                details["negated"] = True
                details["negations"] = list(details.get("negations", [])) + list(
                    following.details.get("negations", [])
                )
                # (the comma that ends the clause before it stays: the participle is
                # read as a clause of its own, ``_speaks_of_negated``)
                joint = ", " if _participle(following) else " "
                return details, text + joint + following.passage.lstrip(" ,"), following
            if 0 <= following.start - claim.end <= ADJACENT and (
                _REJOINDER.search(following.passage) or _relative(following)
            ):
                # "That raised concerns …, though the agency downplayed those worries",
                # "… displaying flags …, which it eventually removed": what the article
                # says of the claim is read with it
                return details, text + " " + following.passage, following
        return details, text, None

    def _subject_of(self, claim: Claim, *, negated: bool = False) -> Claim | None:
        """The claim of the same sentence that a subjectless clause goes on from (one
        that is not negated; with ``negated``, one that is)."""
        head = _CONJUNCTION.sub("", claim.passage.lstrip(" ,;"))[:1]
        if not head.islower() or not claim.claimant or _relative(claim):
            return None
        for before in self._claims.get(claim.article_id, ()):
            if (
                0 <= claim.start - before.end <= ADJACENT
                and before.claimant == claim.claimant
                # (a quoted clause, then the same speaker's paraphrased one: "… 'is not
                # making "ultimatums"' but is instead …")
                and (before.kind == claim.kind or (negated and {before.kind, claim.kind} <= _SAID))
                and not _relative(before)
                and bool(before.details.get("negated")) is negated
            ):
                return before
        return None


# A clause that answers the one before it, pointing back at what it said.
_REJOINDER = re.compile(
    r"\b(?:those|these|such|the|that|this)\s+(?:worry|worries|concerns?|fears?|claims?|"
    r"reports?|allegations?|accusations?|suggestions?|warnings?|charges?)\b",
    re.IGNORECASE,
)
_SAID = {"direct_quote", "reported_speech"}
_CONJUNCTION = re.compile(r"^(?:and|but|while|then)\s+")


def _joint_details(run: Sequence[Claim]) -> dict:
    """The details of claims read as one passage: every mention of each of them."""
    merged: dict = {}
    for claim in run:
        for key, value in claim.details.items():
            if isinstance(value, list):
                merged.setdefault(key, [])
                merged[key] += [v for v in value if v not in merged[key]]
            elif isinstance(value, bool):
                merged[key] = merged.get(key, False) or value
            else:
                merged.setdefault(key, value)
    return merged


SOURCE_REACH = 160  # characters back to the sentence that named the medium
_RELATIVE = ("which", "who", "whom", "whose")
_BACK_REFERENCE = (
    "his ",
    "her ",
    "their ",
    "the statement",
    "the post",
    "the tweet",
    "the remarks",
    "the comments",
    "the message",
)


def _same_claimant(a: Claim, b: Claim) -> bool:
    if not a.claimant or not b.claimant:
        return True
    return same_person(a.claimant, b.claimant)


_REPORTED = re.compile(r"\b(?:reported|reports|quoted|cited)\b")
# How a statement names the relay of a remark rather than the medium it was said to.
_RELAYED = re.compile(r"\b(?:reported|reports|reporting|quoted|cited|citing|according to)\b")


def _reported(claim: Claim) -> bool:
    """The claim is an outlet's report of a remark ("…, the agency reported")."""
    return _REPORTED.search(fold(claim.passage)) is not None


def _relative(claim: Claim) -> bool:
    head = fold(claim.passage).lstrip(" ,;–—-\"'“”")
    return head.split(" ", 1)[0].strip(",") in _RELATIVE


def _participle(claim: Claim) -> bool:
    """The claim goes on from the one before it as a participle clause, without a subject
    of its own (", refusing to recognize …")."""
    head = claim.passage.lstrip(" ,;–—-").split(" ", 1)[0]
    return not claim.claimant and head.islower() and head.endswith("ing") and len(head) > 5


def _back_reference(claim: Claim) -> bool:
    """'Her post on Facebook ...': the next sentence names the medium of this one."""
    return fold(claim.passage).lstrip(" \"'“”").startswith(_BACK_REFERENCE)


def _medium_named(claim: Claim) -> str | None:
    for name in claim.details.get("organisations", []):
        if name in MEDIA.values():
            return name
    return None


def related_floor(best: float, threshold: float, related_threshold: float | None) -> float:
    """The score a fact below the best one needs to be listed (``build_matches``)."""
    if related_threshold is None:
        return threshold
    return min(threshold, max(related_threshold, best - RELATED_GAP))


def build_matches(
    statement: str,
    facts: StatementFacts,
    scored: Sequence[Scored],
    fact_claims: dict[int, list[Claim]],
    *,
    limit: int,
    outlets: set[int] | None = None,
    threshold: float = MATCH_THRESHOLD,
    related_threshold: float | None = None,
    context_claims: Iterable[Claim] = (),
    setting_claims: Iterable[Claim] = (),
    parts: Parts | None = None,
) -> list[Match]:
    """Group scored claims by fact; for each fact, the stance of every outlet reporting it.

    The best fact must reach ``threshold``; the facts after it need only reach
    ``related_threshold`` (the same by default) and come within ``RELATED_GAP`` of the
    best: once the statement matches, the weaker matches below it are often how other
    outlets worded the event. The verdict does not read them (``Verifier.verify``).
    A part of a compound statement that none of them matches best brings its own best
    match if that reaches ``threshold`` on the part and ``related_threshold`` on the whole
    ("Putin spoke of positive shifts; a day later Biden authorised $500 million": the
    outlets that report only what Putin said answer for that part;
    ``Parts.for_unmatched_parts``).
    """
    if not scored or scored[0].score < threshold:
        return []
    if parts is None:
        parts = Parts.of(facts, scored, threshold, floor=ELSEWHERE_FLOOR * threshold)
    parts.set_scenes(setting_claims)
    after_best = related_floor(scored[0].score, threshold, related_threshold)
    listed = [s for s in scored if s.score >= after_best]
    listed += parts.for_unmatched_parts(listed, scored, related_threshold or threshold)
    best_by_fact: OrderedDict[object, Scored] = OrderedDict()
    said: set[tuple[int, str]] = set()
    for item in listed:
        # a sentence and a sub-claim of it can read the same: show that answer once
        wording = (item.claim.article_id, fold(item.claim.text))
        if wording in said:
            continue
        said.add(wording)
        key = item.claim.fact_id if item.claim.fact_id is not None else ("claim", item.claim.id)
        best_by_fact.setdefault(key, item)
    if not best_by_fact:
        return []
    context = ArticleContext(
        [s.claim for s in scored]
        + [c for members in fact_claims.values() for c in members]
        + list(context_claims)
    )
    matches = []
    for key, best in best_by_fact.items():
        members = fact_claims.get(key, [best.claim]) if isinstance(key, int) else [best.claim]
        stances = outlet_stances(
            statement, facts, members, outlets=outlets, context=context, parts=parts
        )
        if not stances:
            continue
        by_part = parts.scores.get(best.claim.id, [0.0])
        part_score = max(by_part)
        part = parts.clauses[by_part.index(part_score)] if len(by_part) > 1 else None
        matches.append(Match(best.claim, best.score, best.claim.fact_id, stances, part_score, part))
        if len(matches) == limit:
            break
    return matches


class Parts:
    """The assertions of a compound statement and the candidates that match each one.

    A passage is read against the part it matches best; an article whose passages on
    the matched fact leave a part unchecked is also read on its best passage for that
    part ("X, and Y" where the article reports X in one sentence and Y, with another
    number, in the next). Candidates are re-scored per part with the same scorer.
    """

    def __init__(
        self,
        clauses: list[StatementFacts],
        scores: dict[int, list[float]],
        candidates: dict[int, list[Claim]],
        threshold: float,
        pool: dict[int, list[tuple[Claim, float]]] | None = None,
        scenes: dict[int, list[Claim]] | None = None,
    ) -> None:
        self.clauses = clauses
        self.scores = scores
        self.candidates = candidates  # article id -> its candidate claims
        self.threshold = threshold
        # article id -> its candidates at the floor, with their scores, best first
        self.pool = pool or {}
        # article id -> the claims just before its candidates (``SETTING_REACH``)
        self.scenes = scenes or {}

    @classmethod
    def of(
        cls,
        facts: StatementFacts,
        scored: Sequence[Scored],
        threshold: float,
        *,
        floor: float | None = None,
        settings: Iterable[Claim] = (),
    ) -> Parts:
        pool: dict[int, list[tuple[Claim, float]]] = {}
        for s in scored:
            if s.score >= (threshold if floor is None else floor):
                pool.setdefault(s.claim.article_id, []).append((s.claim, s.score))
        clauses = statement_clauses(facts)
        scores: dict[int, list[float]] = {}
        candidates: dict[int, list[Claim]] = {}
        if len(clauses) > 1:
            hits = [Hit(s.claim.id, s.features.get("bm25", 0.0)) for s in scored]
            claims = {s.claim.id: s.claim for s in scored}
            for claim in claims.values():
                candidates.setdefault(claim.article_id, []).append(claim)
            for k, clause in enumerate(clauses):
                for item in score_candidates(clause.text, hits, claims):
                    scores.setdefault(item.claim.id, [0.0] * len(clauses))[k] = item.score
        parts = cls(clauses, scores, candidates, threshold, pool)
        parts.set_scenes(settings)
        return parts

    def set_scenes(self, settings: Iterable[Claim]) -> None:
        """The claims that may set the scene of the candidates (``scene_of``)."""
        for claim in settings:
            scene = self.scenes.setdefault(claim.article_id, [])
            if all(c.id != claim.id for c in scene):
                scene.append(claim)

    def for_unmatched_parts(
        self, listed: Sequence[Scored], scored: Sequence[Scored], floor: float
    ) -> list[Scored]:
        """For each part of a compound statement that no ``listed`` candidate matches best,
        the candidate that matches it best, if that reaches the threshold on the part and
        ``floor`` on the whole statement."""
        if len(self.clauses) < 2:
            return []

        def best_part(item: Scored) -> int | None:
            by_part = self.scores.get(item.claim.id)
            return max(range(len(by_part)), key=by_part.__getitem__) if by_part else None

        covered = {best_part(s) for s in listed}
        found = []
        for k in range(len(self.clauses)):
            if k in covered:
                continue
            best = max(
                (s for s in scored if s.score >= floor and s.claim.id in self.scores),
                key=lambda s: self.scores[s.claim.id][k],
                default=None,
            )
            if best is not None and self.scores[best.claim.id][k] >= self.threshold:
                if best not in listed and best not in found:
                    found.append(best)
        return found

    def stated_elsewhere(
        self, facts: StatementFacts, members: Sequence[Claim]
    ) -> list[tuple[str, Claim, list[str]]]:
        """(kind, claim, unsaid): the article's best candidate that gives a count or a
        place of the statement which its passages on the fact leave unsaid, next to a
        word of the statement ("lasted three hours" against a caption of the talks,
        where the next paragraph speaks of "the five-hour talks"; "at the UN in Geneva"
        against a speech at the assembly, two sentences after "the United Nations (UN)
        in New York"); ``unsaid``: those places. And the medium, where the passages name
        none (``source_elsewhere``)."""
        details = [m.details for m in members]
        numbers = unstated_numbers(facts.details, details)
        places = unstated_places(facts.details, facts.text, details)
        years = unstated_years(facts.details, details)
        days = unstated_days(facts.details, details)
        found = self.source_elsewhere(facts, members)
        if not numbers and not places and not years and not days:
            return found
        ours = {_sense(w) for w in content_words(facts.text)}
        for kind, said_in in (
            ("number", lambda c: counted(numbers, c.details) if numbers else []),
            (
                "place",
                lambda c: where_named(c.passage, c.details.get("places", [])) if places else [],
            ),
            ("date", lambda c: years_given(c.details) if years else []),
            ("day", lambda c: days_given(c.details) if days else []),
        ):
            floor = ELSEWHERE_FACTOR[kind] * self.threshold
            pool = self.pool.get(members[0].article_id, [])
            if kind == "place":
                # the sentences just before the passage set its scene ("As the
                # negotiations took place, other officials appeared at the United Nations
                # (UN) in New York." before the ambassador's words): read first
                pool = [(c, floor) for c in self.scene_of(members)] + pool
            elif kind == "day":
                # the day is that of the speech the passage goes on with: its speaker's
                # sentence before it ("Wendy Sherman said on Sunday that …" before her
                # quote "…,” Sherman told Fox News"), and only that
                speakers = {m.claimant for m in members if m.claimant}
                pool = [(c, floor) for c in self.scene_of(members) if c.claimant in speakers]
            for claim, score in pool:
                if score < floor:
                    break
                said = [fold(t) for t in said_in(claim) if t]
                if (
                    claim not in members
                    and said
                    and _words_near(fold(claim.passage), said, NEAR_OF[kind]) & ours
                ):
                    unsaid = {"place": places, "date": years, "day": days}.get(kind, [])
                    found.append((kind, claim, unsaid))
                    if kind != "place" or sum(k == kind for k, _, _ in found) == PLACES_TRIED:
                        break
        return found

    def source_elsewhere(
        self, facts: StatementFacts, members: Sequence[Claim]
    ) -> list[tuple[str, Claim, list[str]]]:
        """The article's best candidate in which the same speaker names a medium, when the
        statement names one and the passages on the fact name none: an article's summary
        line ("Slutsky says 'significant progress' has been made … and could develop into
        'documents to be signed'") says through which medium in the body ("… told the
        state-run television network RT that …")."""
        if not facts.source or any(m.source for m in members):
            return []
        speakers = {m.claimant for m in members if m.claimant}
        floor = ELSEWHERE_FACTOR["source"] * self.threshold
        for claim, score in self.pool.get(members[0].article_id, []):
            if score < floor:
                break
            if claim not in members and claim.source and claim.claimant in speakers:
                return [("source", claim, [])]
        return []

    def scene_of(self, members: Sequence[Claim]) -> list[Claim]:
        """The claims ending at most ``SETTING_REACH`` characters before a member starts,
        nearest first; where one of them is the same speaker's (the member goes on with
        a speech: "…, he said"), those before it too (``speech_began``)."""
        scenes = self.scenes.get(members[0].article_id, [])

        def gap(claim: Claim, anchors: Sequence[Claim] = members) -> int:
            gaps = [m.start - claim.end for m in anchors if m.start >= claim.end]
            return min(gaps, default=SETTING_REACH + 1)

        near = [c for c in scenes if gap(c) <= SETTING_REACH]
        began = speech_began(members, near)
        seen = {c.id for c in near}
        near += [c for c in scenes if c.id not in seen and gap(c, began) <= SETTING_REACH]
        return sorted(near, key=gap)

    def facts_for(self, facts: StatementFacts, claim: Claim) -> StatementFacts:
        """The part of the statement a passage matches best (the whole when simple)."""
        scores = self.scores.get(claim.id)
        if len(self.clauses) < 2 or not scores:
            return facts
        return self.clauses[max(range(len(scores)), key=scores.__getitem__)]

    def unchecked(self, members: Sequence[Claim]) -> list[tuple[StatementFacts, Claim]]:
        """For each part no member matches, the article's best candidate for it."""
        if len(self.clauses) < 2:
            return []
        found = []
        covered = {id(self.facts_for(self.clauses[0], c)) for c in members if c.id in self.scores}
        for k, clause in enumerate(self.clauses):
            if id(clause) in covered:
                continue
            pool = self.candidates.get(members[0].article_id, [])
            ranked = sorted(
                pool, key=lambda c: -self.scores.get(c.id, [0.0] * len(self.clauses))[k]
            )
            if ranked and self.scores[ranked[0].id][k] >= self.threshold:
                found.append((clause, ranked[0]))
        return found


def speech_began(claims: Iterable[Claim], before: Iterable[Claim]) -> list[Claim]:
    """The claims of ``before`` that a claim of ``claims`` goes on from: the same
    speaker's, earlier in the same article ("Kyslytsya told the assembled representatives
    …" before "The assembly should demand …, he said"). The scene such a speech is set
    in stands before its first sentence."""
    said: dict[tuple[int, str], int] = {}
    for c in claims:  # where the speaker's last claim of them starts
        if c.claimant:
            key = (c.article_id, c.claimant)
            said[key] = max(said.get(key, -1), c.start)
    return [c for c in before if c.claimant and c.end <= said.get((c.article_id, c.claimant), -1)]


def _only_unsaid(difference: Difference, unsaid: list[str]) -> Difference:
    """A place difference read elsewhere, on the places the matched passages left unsaid
    only ("Geneva" against "New York", not the parties of the statement too)."""
    said = [p for p in difference.statement.split(", ") if p in unsaid]
    return replace(difference, statement=", ".join(said)) if said else difference


def _words_near(text: str, said: list[str], reach: int) -> set[str]:
    """The words (by sense) within ``reach`` words of where the text gives any of the
    phrases ``said`` (a count as written, "five", or a place): what it is a count of,
    or the setting of the place ("the five-hour talks", "the United Nations (UN) in New
    York"). A count of something else shares none with the statement ("for eight years
    are suffering" against "two weeks of fighting")."""
    words = _TOKEN.findall(text)
    near: set[str] = set()
    for phrase in said:
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            head = words[i : i + len(parts)]
            if head == parts or (len(parts) == 1 and head[0].startswith(parts[0] + "-")):
                around = (
                    words[max(0, i - reach) : i] + words[i + len(parts) : i + len(parts) + reach]
                )
                near.update(
                    _sense(canonical_word(w))
                    for w in around
                    if canonical_word(w) not in STOPWORDS and len(w) > 1
                )
    return near


def _sense(word: str) -> str:
    return sense(word)[:STEM]


_TOKEN = re.compile(r"[\w’'-]+")
NEAR = 3  # words either side of a count or a place
# A year dates the clause it opens or closes ("In 2014, the two regions declared
# themselves new republics"): read further from it than a count
NEAR_OF = {"number": NEAR, "place": NEAR, "date": 6, "day": 6}
# Candidates read for a place the matched passages leave unsaid, in turn: a caption
# naming the statement's own region may come before the one that names another.
PLACES_TRIED = 3
# How far before a matched passage its scene is read (the sentence or two before it):
# characters between the end of a claim and the start of the passage.
SETTING_REACH = 300


@dataclass
class _Reading:
    """One passage read against the statement."""

    claim: Claim
    differences: list[Difference]
    agreed: set[tuple[str, str, str]]  # (part of the statement, kind, detail)
    part: str
    continued: Claim | None = None  # the relative clause read with the claim

    def answered(self, difference: Difference, agreed: set[tuple[str, str, str]]) -> bool:
        """Another passage of the article states this detail of this part the statement's way."""
        return answered(
            difference, {(kind, value) for part, kind, value in agreed if part == self.part}
        )


def _read(facts: StatementFacts, claim: Claim, context: ArticleContext) -> _Reading:
    details, text, continued = context.details_of(claim)
    source = context.source_of(claim, relayed=_RELAYED.search(fold(facts.text)) is not None)
    kwargs = dict(
        passage_details=details, claimant=claim.claimant, source=source, passage_text=text
    )
    agreed = {(facts.text, kind, value) for kind, value in agreements(facts, **kwargs)}
    found = differences(facts, **kwargs, claimant_roles=context.roles_of(claim.claimant))
    return _Reading(claim, found, agreed, facts.text, continued)


def outlet_stances(
    statement: str,
    facts: StatementFacts,
    claims: Sequence[Claim],
    *,
    outlets: set[int] | None = None,
    context: ArticleContext | None = None,
    parts: Parts | None = None,
) -> list[OutletStance]:
    """Per outlet: how its articles report the fact.

    An article differs when one of its passages on the fact contradicts a detail of
    the statement that none of its other passages on the fact states the statement's
    way (the labelling rule: an article agrees with every detail it states itself,
    and a passage silent on a detail does not outvote one that states it). An outlet
    supports when one of its articles does.
    """
    context = context or ArticleContext(claims)
    by_outlet: OrderedDict[int, OrderedDict[int, list[Claim]]] = OrderedDict()
    for claim in claims:
        if outlets is not None and claim.outlet_id not in outlets:
            continue
        by_outlet.setdefault(claim.outlet_id, OrderedDict()).setdefault(
            claim.article_id, []
        ).append(claim)
    stances = []
    for outlet_id, articles in by_outlet.items():
        name = next(iter(articles.values()))[0].outlet_name or ""
        supporting: list[Passage] = []
        differing: list[Passage] = []
        found: list[Difference] = []
        for members in articles.values():
            readings = [
                _read(parts.facts_for(facts, claim) if parts else facts, claim, context)
                for claim in members
            ]
            if parts:
                readings += [
                    _read(clause, claim, context) for clause, claim in parts.unchecked(members)
                ]
            agreed = set().union(*(r.agreed for r in readings))
            open_ = [(r, [d for d in r.differences if not r.answered(d, agreed)]) for r in readings]
            against = [(r, diffs) for r, diffs in open_ if diffs]
            differed: set[str] = set()
            for kind, elsewhere, unsaid in (
                parts.stated_elsewhere(facts, members) if parts and not against else ()
            ):
                if kind in differed:
                    continue
                # only that detail is read there: the rest of the sentence may be about
                # something else
                reading = _read(facts, elsewhere, context)
                stated = [
                    _only_unsaid(d, unsaid) if kind == "place" else d
                    for d in reading.differences
                    if d.kind == ("date" if kind == "day" else kind)
                    and not reading.answered(d, agreed)
                    # of the dates, only the years (or days) the passages left unsaid
                    and (kind not in ("date", "day") or d.statement in unsaid)
                ]
                if stated:
                    against.append((reading, stated))
                    differed.add(kind)
            if not against:
                own = readings[: len(members)]  # not the passages read for other parts
                clean = [r for r in own if not r.differences] or own
                supporting.extend(passage_of(statement, r.claim) for r in clean)
                continue
            if not any(r.claim in members for r, _ in against):
                # half true: the article reports the matched fact, and contradicts
                # another part of the statement elsewhere; show both
                differing.extend(passage_of(statement, claim) for claim in members)
            for reading, diffs in against:
                differing.append(passage_of(statement, reading.claim))
                if reading.continued is not None:
                    differing.append(passage_of(statement, reading.continued))
                found.extend(d for d in diffs if d not in found)
        if supporting:
            stances.append(OutletStance(outlet_id, name, "supports", [], _unique(supporting)))
        else:
            stances.append(OutletStance(outlet_id, name, "differs", found, _unique(differing)))
    return stances


# What names who said a passage, or through which medium: a clause of the passage's own
# paragraph, at most this many characters either side of the name.
ATTRIBUTION_REACH = 80
_CLAUSE_STOP = re.compile(r"[,;:()“”\"]|[.!?](?=\s|$)")


def attributions_needed(matches: Sequence[Match]) -> set[int]:
    """The articles whose text ``show_attributions`` needs: an outlet that differs on
    who said it or on the medium, where no passage shown names the outlet's version."""
    return {
        p.article_id
        for m in matches
        for stance in m.outlets
        if _unshown(stance)
        for p in stance.passages
    }


def _unshown(stance: OutletStance) -> list[list[str]]:
    """How the texts may name each speaker or medium of the outlet's that no passage shown
    names."""
    shown = " ".join(p.text for p in stance.passages)
    named = [_needles(d) for d in stance.differences if d.kind in ("speaker", "source")]
    return [
        needles
        for needles in named
        if needles and not any(_named(needle, shown) for needle in needles)
    ]


def _needles(difference: Difference) -> list[str]:
    """How a text may name the passage's side of a difference: in full, and a speaker by
    the surname too ("Podolyak" for "Mykhailo Podolyak"; not "Russian" for "Russian news
    agencies")."""
    name = difference.passage.strip()
    if not name:
        return []
    last = name.split()[-1]
    if difference.kind == "speaker" and last != name and last[:1].isupper() and len(last) >= 4:
        return [name, last]
    return [name]


def _named(needle: str, text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    pattern = re.compile(rf"\b{re.escape(needle)}\b", re.IGNORECASE)
    return list(pattern.finditer(text, start, len(text) if end is None else end))


def show_attributions(matches: Sequence[Match], texts: dict[int, str]) -> None:
    """Add to an outlet that differs on the speaker or the medium the passage where it
    names its own ("…,” Sherman told Fox News." after the quotation that the statement
    attributes to CNN): the evidence of the difference, when the matched passage leaves
    it out. Searched in the paragraph of each shown passage, nearest first."""
    for match in matches:
        for stance in match.outlets:
            for needles in _unshown(stance):
                found = None
                for passage in stance.passages:
                    text = texts.get(passage.article_id)
                    if text is not None:
                        found = _attribution_in(text, passage, needles)
                    if found:
                        break
                if found:
                    stance.passages = _unique([*stance.passages, found])


def _attribution_in(text: str, passage: Passage, needles: list[str]) -> Passage | None:
    """The clause naming one of ``needles`` (the first that the paragraph holds) nearest
    to ``passage`` in its paragraph, as an exact passage."""
    start = text.rfind("\n", 0, passage.start) + 1
    end = text.find("\n", passage.end)
    end = len(text) if end < 0 else end
    for needle in needles:
        spots = [
            m
            for m in _named(needle, text, start, end)
            if not passage.start <= m.start() < passage.end
        ]
        if not spots:
            continue
        near = min(
            spots, key=lambda m: min(abs(m.start() - passage.start), abs(m.end() - passage.end))
        )
        at, stop = near.start(), near.end()
        # out to the clause's punctuation, or to a word boundary within the reach
        left = reach = max(start, at - ATTRIBUTION_REACH)
        for m in _CLAUSE_STOP.finditer(text, reach, at):
            left = m.end()
        if left == reach > start:
            left = text.find(" ", left, at) + 1 or at
        limit = min(end, stop + ATTRIBUTION_REACH)
        closing = _CLAUSE_STOP.search(text, stop, limit)
        right = closing.start() if closing else limit
        if not closing and right < end:
            right = max(stop, text.rfind(" ", stop, right))
        # not into the passage shown already
        if at >= passage.end:
            left = max(left, passage.end)
        else:
            right = min(right, passage.start)
        while left < at and text[left] in ' ,;:.”"’':
            left += 1
        while right > stop and text[right - 1].isspace():
            right -= 1
        return Passage(
            passage.article_id,
            passage.claim_id,
            left,
            right,
            text[left:right],
            passage.url,
            passage.article_title,
        )
    return None


def _unique(passages: list[Passage]) -> list[Passage]:
    seen: set[tuple[int, int, int]] = set()
    kept = []
    for p in passages:
        if (p.article_id, p.start, p.end) not in seen:
            seen.add((p.article_id, p.start, p.end))
            kept.append(p)
    return kept


def part_matches(matches: Sequence[Match], threshold: float) -> list[Match]:
    """The matches that reach the threshold on the part of a compound statement they match
    best, whatever their score against the whole (``verdict_of``'s ``parts``): one above
    the threshold but outside the verdict's margin counts on its part as one below it."""
    return [m for m in matches if m.part_score >= threshold]


def verdict_of(matches: Sequence[Match], parts: Sequence[Match] = ()) -> str:
    """supported / contradicted / mixed from the strongest matches; unverified when none.

    Read per outlet: an outlet that differs in one strong match differs, though it
    supports another (it reports the fact in two places, or two parts of a compound
    statement, and one of them contradicts the statement), as an article differs when
    one of its passages does (``outlet_stances``).

    ``parts``: matches of one part of a compound statement only ("X, and Y" where some
    outlets report X alone). One counts when it matches its part at least as well as the
    best match matches the whole statement, for the outlets the strong matches leave out
    (an outlet there has answered for the whole statement).
    """
    if not matches:
        return "unverified"
    top = matches[0].score
    strong = [m for m in matches if m.score >= top - VERDICT_MARGIN]
    by_outlet: dict[int, set[str]] = {}
    for m in strong:
        for s in m.outlets:
            by_outlet.setdefault(s.outlet_id, set()).add(s.stance)
    stances = {"differs" if "differs" in v else "supports" for v in by_outlet.values()}
    stances |= {
        s.stance
        for m in parts
        if m.part_score >= top
        for s in m.outlets
        if s.outlet_id not in by_outlet
    }
    if stances == {"supports"}:
        return "supported"
    if stances == {"differs"}:
        return "contradicted"
    return "mixed"
