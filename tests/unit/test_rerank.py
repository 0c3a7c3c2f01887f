"""The re-ranker's word coverage: synonyms, irregular verbs, the claimant's role, IDF."""

from __future__ import annotations

from service.domain import Claim
from service.matching.rerank import Weights, score_candidates
from service.matching.text import content_words, sense
from service.storage.repository import Hit

COVERAGE_ONLY = Weights(token_set=0, coverage=1, claim_coverage=0, bm25=0, cosine=0)
IDF_ONLY = Weights(token_set=0, coverage=0, claim_coverage=0, bm25=0, idf_coverage=1)


def claim(claim_id: int, text: str, claimant=None, role=None, *, start=0, article=1) -> Claim:
    return Claim(
        id=claim_id,
        article_id=article,
        outlet_id=1,
        start=start,
        end=start + len(text),
        passage=text,
        text=text,
        claimant=claimant,
        source=None,
        kind="quote" if claimant else "narration",
        details={},
        worthiness=0.5,
        language="en",
        fact_id=None,
        claimant_role=role,
    )


def test_reporting_synonyms_and_irregular_verbs_share_a_sense():
    assert sense("headway") == sense("progress") == sense("advances")
    assert sense("major") == sense("significant")
    assert sense("saw") == sense("seen") == sense("see")
    assert sense("envoy") == sense("ambassador")
    assert sense("aide") == sense("adviser") == sense("advisor")
    assert sense("beijing") == sense("china") and sense("kremlin") == sense("moscow")
    assert sense("goal") == sense("aim") == sense("objective")
    assert sense("main") == sense("primary")
    assert sense("progressive") == "progressive"  # not a member: left alone


def test_major_headway_covers_significant_progress_as_much_as_its_own_words():
    progress = claim(1, "Now, we see significant progress.", "Leonid Slutsky")
    found = score_candidates(
        "Slutsky saw major headway", [Hit(1, 1.0)], {1: progress}, weights=COVERAGE_ONLY
    )
    same_words = score_candidates(
        "Slutsky saw significant progress", [Hit(1, 1.0)], {1: progress}, weights=COVERAGE_ONLY
    )
    assert found[0].features["coverage"] == same_words[0].features["coverage"] == 1.0


def coverage_of(statement: str, text: str) -> float:
    """The share of the statement's words one claim of ``text`` covers."""
    [scored] = score_candidates(
        statement, [Hit(1, 1.0)], {1: claim(1, text)}, weights=COVERAGE_ONLY
    )
    return scored.score


def test_a_nationality_covers_its_country():
    # missiles, hit, base, frontier (= border), poland (= polish): every word
    assert (
        coverage_of(
            "Missiles hit a base near the frontier with Poland.",
            "Missiles hit a base 12 miles from the Polish border.",
        )
        == 1.0
    )


def test_the_claimants_role_counts_only_when_asked_and_for_part_of_a_word():
    text = "Now, we see significant progress."
    role = "a senior member of Moscow's negotiating team"
    claims = {1: claim(1, text, "Leonid Slutsky", role)}
    statement = "Moscow's negotiator saw major headway"
    without = score_candidates(statement, [Hit(1, 1.0)], claims, weights=COVERAGE_ONLY)
    half = score_candidates(
        statement, [Hit(1, 1.0)], claims, weights=COVERAGE_ONLY, role_credit=0.5
    )
    # "saw", "major" and "headway" are covered by the text; "moscow" and "negotiator"
    # only by the role, at half a word each
    assert without[0].features["coverage"] == 3 / 5
    assert half[0].features["coverage"] == 4 / 5


def test_an_abbreviated_month_covers_the_month_written_out():
    assert (
        coverage_of(
            "Russian troops entered Ukraine on February 24, on Putin's orders.",
            "Russian troops, on Putin's orders, entered Ukraine on Feb. 24.",
        )
        == 1.0
    )
    assert content_words("Sept. 3, Dec. 1") == ["september", "3", "december", "1"]


def test_a_rare_shared_word_outweighs_a_common_one_in_the_idf_coverage():
    claims = {
        1: claim(1, "The ministry said the bridge at Chernihiv was destroyed."),
        2: claim(2, "The ministry said talks would resume."),
    }
    frequencies = {"ministry": 900, "chernihiv": 3, "bridge": 40, "talks": 800}
    scored = score_candidates(
        "Ministry talks on Chernihiv",
        [Hit(1, 1.0), Hit(2, 1.0)],
        claims,
        weights=IDF_ONLY,
        frequencies=frequencies,
        documents=10_000,
    )
    by_id = {s.claim.id: s.features["idf_coverage"] for s in scored}
    assert by_id[1] > 0.6 > 0.4 > by_id[2]
    assert [s.claim.id for s in scored] == [1, 2]


def test_hyphenated_compounds_count_as_their_parts_on_both_sides():
    """ "the five-hour talks" covers "talks lasting five hours"'s "five"; a statement's
    "video-conference" is covered by a claim's "video conference" (which reads as the
    compound) and by its own compound, in part by a claim's "video" alone; the compound's
    synonym ("online") still covers it in part."""
    claims = {
        1: claim(1, "The five-hour talks featured an agreement to continue negotiations."),
        2: claim(2, "The talks will resume by video conference on Monday."),
        3: claim(3, "The talks will resume by video-conference on Monday."),
        4: claim(4, "The talks will resume online on Monday."),
        5: claim(5, "The talks will resume by video on Monday."),
    }
    hits = [Hit(i, 1.0) for i in claims]
    five = score_candidates("Talks lasting five hours", hits[:1], claims, weights=COVERAGE_ONLY)
    # "talks", "five" of "talks", "lasting", "five", "hours" (hour != hours: no stemming)
    assert five[0].features["coverage"] == 2 / 4
    by_video = {
        s.claim.id: s.features["coverage"]
        for s in score_candidates(
            "Talks resume by video-conference on Monday", hits[1:], claims, weights=COVERAGE_ONLY
        )
    }
    # talks, resume, monday and the compound's three stems (video, conference, itself)
    assert by_video[3] == 1.0
    assert by_video[2] == 1.0
    assert by_video[4] == 4 / 6
    assert by_video[5] == 4 / 6
    # the statement's compound is its parts only: "five-hour" is not a word of claim 1's
    meeting = score_candidates("A five-hour meeting", hits[:1], claims, weights=COVERAGE_ONLY)
    assert meeting[0].features["coverage"] == 2 / 3


def test_a_corrected_typo_is_read_inside_the_phrase_it_belongs_to():
    """ "video conferance" corrected is "video conference", which reads as the compound a
    claim writes: the claim is covered in full, as without the typo."""
    claims = {1: claim(1, "The talks will resume by video-conference on Monday.")}
    statement = "Talks resume Monday by video conferance"
    typo = score_candidates(
        statement,
        [Hit(1, 1.0)],
        claims,
        corrections={"conferance": "conference"},
        weights=COVERAGE_ONLY,
    )
    plain = score_candidates(
        "Talks resume Monday by video conference", [Hit(1, 1.0)], claims, weights=COVERAGE_ONLY
    )
    assert typo[0].features == plain[0].features
    assert plain[0].features["claim_coverage"] == plain[0].features["coverage"] == 1.0


def test_phrases_read_as_the_one_word_other_texts_use():
    from service.matching.text import content_words

    assert content_words("Troops must pull out at once and without any preconditions.") == [
        "troops",
        "must",
        "withdraw",
        "immediately",
        "unconditionally",
    ]
    # "at once" only as a phrase; "once" alone stays a word
    assert "immediately" not in content_words("They met once in Minsk.")
    # "did not spell out" is "did not specify", which "clarify" means too
    from service.matching.text import content_words, sense

    spelt_out = content_words("He did not spell out which issues the deal covers.")
    assert "specify" in spelt_out and "spell" not in spelt_out
    assert sense("clarify") == sense("specify")
    # a talk picked up again over a video link, a word backed up: the words reports use
    assert [sense(w) for w in content_words("Talks pick up again over a video link.")] == [
        "talks",
        "resume",
        "video-conference",
    ]
    assert [sense(w) for w in content_words("Talks resumed by video conference.")][-1] == (
        "video-conference"
    )
    backed = [sense(w) for w in content_words("His tweet backed up Peskov's word.")]
    corroborated = [sense(w) for w in content_words("His tweet corroborated Peskov's word.")]
    assert (
        backed
        == corroborated
        == [sense(w) for w in content_words("His tweet confirmed Peskov's word.")]
    )
    # "back up" as a place to fall back to is not "confirm"
    assert "confirm" not in content_words("Troops fell back up the valley.")


def test_the_kremlins_name_for_the_invasion_and_sending_an_army_in_read_as_one_event():
    from service.matching.text import content_words, sense

    def read(text: str) -> list[str]:
        return [sense(w) for w in content_words(text)]

    invasion = ["putin", "invasion", "ukraine", "february", "24"]
    assert read("Putin ordered his army into Ukraine on February 24.") == invasion
    assert read("Putin sent Russian troops into Ukraine on February 24.") == invasion
    assert read("Putin invaded Ukraine on February 24.") == invasion
    assert read("On February 24, Putin announced a 'special military operation'.") == [
        "february",
        "24",
        "putin",
        "announced",
        "invasion",
    ]
    assert "invasion" in read("Talks since Putin sent in troops to the country.")
    # ordering forces elsewhere, or a military operation without the Kremlin's name, is not
    assert "invasion" not in read("The mayor ordered the forces to leave the square.")
    assert "invasion" not in read("The military operation near the port was failing.")


def test_a_phrase_is_searched_as_its_one_word_too():
    from service.matching.retrieve import query_terms

    terms, _ = query_terms("Forces must pull out at once.")
    assert "withdraw" in terms and "immediately" in terms and "pull" in terms


def test_typo_corrections_come_after_the_words_the_statement_wrote():
    from service.matching.retrieve import plan_search

    counts = {"hospital": 900, "beds": 400, "jeremy": 5}
    # "jeremy" is the vocabulary's guess for a slang word: rarest, but planned last
    plan = plan_search(
        ["hospital", "beds", "jeremy"], counts, budget=1_300, secondary=frozenset({"jeremy"})
    )
    assert plan.terms == ["beds", "hospital"] and plan.dropped == ("jeremy",)
    # without the mark, rarest first as before
    plan = plan_search(["hospital", "beds", "jeremy"], counts, budget=1_300)
    assert plan.terms == ["jeremy", "beds"] and plan.dropped == ("hospital",)


def test_the_medium_a_claim_was_told_to_counts_like_the_claimants_role():
    from dataclasses import replace

    statement = "Sanctions are having an effect, the deputy secretary told Fox News."
    told = replace(
        claim(1, "Sanctions are beginning to have some effect.", "Wendy Sherman"), source="Fox News"
    )
    silent = claim(2, "Sanctions are beginning to have some effect.", "Wendy Sherman")
    hits = [Hit(1, 1.0), Hit(2, 1.0)]
    claims = {1: told, 2: silent}
    without = {
        s.claim.id: s.score
        for s in score_candidates(statement, hits, claims, weights=COVERAGE_ONLY)
    }
    assert without[1] == without[2]
    credited = {
        s.claim.id: s.score
        for s in score_candidates(statement, hits, claims, weights=COVERAGE_ONLY, role_credit=0.25)
    }
    # "fox" and "news" count a quarter each for the claim that names the medium
    assert credited[1] > credited[2] == without[2]


def test_fold_caches_statements_and_passages_but_not_article_texts():
    from service.matching.text import FOLD_CACHED_CHARS, _fold_cached, fold

    article = "Kiev’s “talks” went on. " * (FOLD_CACHED_CHARS // 10)
    before = _fold_cached.cache_info().currsize
    assert fold(article).startswith('kiev\'s "talks" went on.')
    assert _fold_cached.cache_info().currsize == before
    passage = "Négociations à Kiev, a “fresh” round"
    assert fold(passage) == 'negociations a kiev, a "fresh" round'
    assert _fold_cached.cache_info().currsize == before + 1


def test_the_words_of_a_news_claims_passage_count_like_its_role():
    from dataclasses import replace

    statement = "Slutsky told state TV network RT there has been significant progress."
    text = "Significant progress was made following several rounds of talks."
    passage = (
        "Leonid Slutsky told the state-run television network RT that significant "
        "progress was made following several rounds of talks"
    )
    news = replace(claim(1, text, "Leonid Slutsky"), passage=passage, source="RT")
    bare = replace(claim(2, text, "Leonid Slutsky"), source="RT")
    # an imported fact-check's passage is its own text: nothing more to read
    imported = replace(news, id=3, external_id="vclaim-1")
    hits = [Hit(1, 1.0), Hit(2, 1.0), Hit(3, 1.0)]
    claims = {1: news, 2: bare, 3: imported}
    scores = {
        s.claim.id: s.score
        for s in score_candidates(statement, hits, claims, weights=COVERAGE_ONLY, role_credit=0.25)
    }
    # "state" and "network" are in the passage's attribution, not in the claim's text
    assert scores[1] > scores[2] == scores[3]


def test_a_statement_over_two_claims_of_one_quotation_is_scored_on_both():
    first = "Sanctions are beginning to have some effect. "
    second = "We are seeing some signs of serious negotiations."
    claims = {
        1: claim(1, first.strip(), "Wendy Sherman"),
        2: claim(2, second, "Wendy Sherman", start=len(first)),
    }
    claims[1] = Claim(**{**vars(claims[1]), "passage": "“" + first.strip()})
    statement = "Sherman said sanctions are beginning to have some effect and Moscow shows signs of serious negotiations."
    hits = [Hit(1, 1.0), Hit(2, 1.0)]
    scored = {
        s.claim.id: s for s in score_candidates(statement, hits, claims, weights=COVERAGE_ONLY)
    }
    alone = score_candidates(statement, [Hit(1, 1.0)], {1: claims[1]}, weights=COVERAGE_ONLY)[0]
    best = max(scored.values(), key=lambda s: s.score)
    assert best.features["joint"] == 2
    assert best.score > alone.score
    # the same two claims in different articles, or as two sentences outside a
    # quotation, are scored apart
    apart = {1: claims[1], 2: claim(2, second, "Wendy Sherman", start=len(first), article=2)}
    assert all("joint" not in s.features for s in score_candidates(statement, hits, apart))
    sentences = {1: claim(1, first.strip(), "Wendy Sherman"), 2: claims[2]}
    assert all("joint" not in s.features for s in score_candidates(statement, hits, sentences))


def test_a_word_and_its_prefixed_opposite_find_each_other():
    from service.matching.retrieve import opposite_terms

    assert opposite_terms(["kyiv", "unwilling", "negotiate"]) == ["willing"]
    assert opposite_terms(["willing", "unwilling"]) == []
    claims = {1: claim(1, "Kiev is willing to negotiate.")}
    [scored] = score_candidates(
        "Kyiv is unwilling to negotiate.", [Hit(1, 1.0)], claims, weights=COVERAGE_ONLY
    )
    assert scored.features["coverage"] == 1.0


def test_a_line_saying_who_spoke_counts_in_a_sentence_as_the_speakers_role_does():
    # "Vladimir Medinsky, who headed the Russian delegation, said the five-hour talks
    # included …, and featured an agreement to continue negotiations"
    parts = [
        ("Vladimir Medinsky headed the Russian delegation.", None, "narration"),
        ("The five-hour talks included finding points of agreement.", "Vladimir Medinsky", "q"),
        ("Featured an agreement to continue negotiations.", "Vladimir Medinsky", "q"),
    ]
    passages = [
        "Vladimir Medinsky, who headed the Russian delegation,",
        "said the five-hour talks included finding points of agreement,",
        "and featured an agreement to continue negotiations.",
    ]
    claims, start = {}, 0
    for i, ((text, who, kind), passage) in enumerate(zip(parts, passages, strict=True), 1):
        claims[i] = Claim(
            **{
                **vars(claim(i, text, who, start=start)),
                "kind": kind,
                "passage": passage,
                "end": start + len(passage),
            }
        )
        start += len(passage) + 1
    hits = [Hit(i, 1.0) for i in claims]
    statement = (
        "Russian delegation head Vladimir Medinsky said the three-hour talks ended with an "
        "agreement to continue negotiations."
    )
    scored = score_candidates(statement, hits, claims, weights=COVERAGE_ONLY, role_credit=0.25)
    best = scored[0]
    # the sentence's score goes to what was said, not to the line naming the speaker
    assert best.claim.id != 1 and best.features["joint"] == 3
    # and the words only that line holds ("head", "Russian", "delegation") count for a
    # quarter each, as the claimant's role would
    full = score_candidates(statement, hits, claims, weights=COVERAGE_ONLY, role_credit=1.0)[0]
    assert (
        full.features["coverage"]
        > best.features["coverage"]
        > max(s.features["coverage"] for s in scored if "joint" not in s.features)
    )
    # a statement that reports no speech reads the line's words as its own
    plain = "Medinsky's Russian delegation held three-hour talks that ended in an agreement."
    as_own = score_candidates(
        plain, hits, claims, weights=COVERAGE_ONLY, role_credit=0.25, speech=False
    )[0]
    as_role = score_candidates(
        plain, hits, claims, weights=COVERAGE_ONLY, role_credit=0.25, speech=True
    )[0]
    assert as_own.features["joint"] == 3
    assert as_own.score > as_role.score


def test_an_appositive_closing_a_sentence_does_not_run_on_into_the_next_one():
    sentence = (
        "His statement, on Twitter, confirmed an earlier statement by Dmitry Peskov, the "
        "spokesman for the Russian presidency."
    )
    inner = "Dmitry Peskov, the spokesman for the Russian presidency"
    quote = "“Negotiations go non-stop in the format of video conferences"
    at = sentence.index(inner)
    claims = {
        1: claim(1, sentence),
        2: Claim(**{**vars(claim(2, inner, start=at)), "text": inner + "."}),
        3: claim(3, quote, "Mykhailo Podolyak", start=len(sentence) + 1),
    }
    statement = "Peskov was first to say the talks would continue on Monday by video conference."
    scored = score_candidates(statement, [Hit(i, 1.0) for i in claims], claims)
    assert all("joint" not in s.features for s in scored)
    # without the sentence around it, nothing tells where the appositive ends
    del claims[1]
    scored = score_candidates(statement, [Hit(2, 1.0), Hit(3, 1.0)], claims)
    assert any(s.features.get("joint") == 2 for s in scored)


def test_a_news_call_for_what_a_statement_asserts_is_demoted_but_a_fact_check_is_not():
    from dataclasses import replace

    from service.verification import _asserts_call_of

    asserts = _asserts_call_of(
        "The UN General Assembly voted 141 to 5 to demand that Russia immediately withdraw "
        "its forces from Ukraine."
    )
    call = claim(1, "The assembly should demand Russia immediately withdraw its troops.")
    assert asserts(call)
    # a fact-check's claim is what was claimed: "… should …" is the checked claim itself
    assert not asserts(replace(call, external_id="vclaim-1"))
    # the assembly's other call shares three of its seven called-for words with the vote
    vocal = claim(
        2,
        "The UN's General Assembly should be vocal in demanding from the Russian "
        "Federation to stop its offensive against Ukraine.",
    )
    assert asserts(vocal)
    # and its longer form, three of eleven, against a resolution reported as adopted
    adopted = _asserts_call_of(
        "Kyslytsya's push paid off: the UN General Assembly adopted a resolution demanding "
        "Russia's withdrawal from Ukraine, with 141 countries voting in favour."
    )
    longer = claim(
        3,
        "Recognizing Russia's actions should be vocal in demanding from the Russian "
        "Federation to stop its offensive against Ukraine as an act of aggression against a "
        "sovereign and independent state.",
    )
    assert adopted(longer)
    # a statement about the call being made, not what it calls for, leaves it alone
    addressed = _asserts_call_of(
        "While the Feb. 28 talks were under way, Ukraine's UN ambassador Sergiy Kyslytsya "
        "addressed the General Assembly in Geneva."
    )
    assert not addressed(vocal)
    assert not addressed(longer)
    # nor one of the caller making it, though it says what the call demands
    demanding = _asserts_call_of(
        "As talks went on in Belarus, Ukraine's UN ambassador Sergiy Kyslytsya addressed the "
        "General Assembly in Geneva, demanding Russia halt its offensive."
    )
    assert not demanding(replace(longer, claimant="Sergiy Kyslytsya"))
    assert demanding(replace(longer, claimant="Vassily Nebenzia"))
    # and so does a statement that reports a call itself
    urged = _asserts_call_of("Kyslytsya urged the assembly to demand that Russia withdraw.")
    assert not urged(call)
    # telling someone to do it is a call too; telling them that it happened is not
    told = _asserts_call_of(
        "Kyslytsya told the General Assembly in Geneva to demand that Russia stop its offensive."
    )
    assert not told(vocal)
    told_that = _asserts_call_of(
        "Kyslytsya told the assembly that Russia stopped its offensive against Ukraine."
    )
    assert told_that(vocal)


def test_an_organisation_named_either_way_is_covered_and_searched_for():
    from service.matching.retrieve import query_terms

    claims = {
        1: claim(1, "The International Atomic Energy Agency downplayed those worries."),
        2: claim(2, "The IAEA downplayed those worries."),
    }
    hits = [Hit(1, 1.0), Hit(2, 1.0)]
    by_acronym = {s.claim.id: s for s in score_candidates("The IAEA downplayed it.", hits, claims)}
    in_full = {
        s.claim.id: s
        for s in score_candidates(
            "The International Atomic Energy Agency downplayed it.", hits, claims
        )
    }
    # either name covers the other as fully as itself
    assert by_acronym[1].features["coverage"] == by_acronym[2].features["coverage"] == 1.0
    assert in_full[1].features["coverage"] == in_full[2].features["coverage"] == 1.0
    terms, _ = query_terms("The IAEA warned the plant was at risk")
    assert {"iaea", "international", "atomic", "energy", "agency"} <= set(terms)
