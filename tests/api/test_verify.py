"""POST /v1/verify and /v1/verify/batch over the seeds, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.api.test_read_api import assert_problem


def verify(client, statement: str, **extra) -> dict:
    response = client.post("/v1/verify", json={"statement": statement, **extra})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def assert_unverified(client, statement: str) -> None:
    """Nothing in the store reports the statement: `unverified`, with no matches."""
    result = verify(client, statement)
    assert result["verdict"] == "unverified" and result["matches"] == [], result["matches"]


def outlet(match: dict, name: str) -> dict:
    return next(o for o in match["outlets"] if o["outlet"]["name"] == name)


def assert_passages_exact(client, result: dict) -> None:
    texts: dict[int, str] = {}
    for match in result["matches"]:
        for stance in match["outlets"]:
            for p in stance["passages"]:
                if p["article_id"] not in texts:
                    texts[p["article_id"]] = client.get(
                        f"/v1/articles/{p['article_id']}"
                    ).get_json()["text"]
                assert texts[p["article_id"]][p["start"] : p["end"]] == p["text"]


def test_a_wrong_number_gets_the_times_of_israel_passage_with_a_number_difference(seeded_client):
    result = verify(
        seeded_client, "Humanitarian corridors saved more than 200,000 people in six days."
    )
    assert result["verdict"] == "contradicted"
    top = result["matches"][0]
    toi = outlet(top, "The Times of Israel")
    assert toi["stance"] == "differs"
    assert toi["differences"] == [{"kind": "number", "statement": "200,000", "passage": "130,000"}]
    assert "130,000" in toi["passages"][0]["text"]
    assert_passages_exact(seeded_client, result)


def test_slutsky_told_rt_is_supported_by_three_outlets_and_differs_on_source_in_one(seeded_client):
    result = verify(
        seeded_client,
        "Leonid Slutsky told RT that significant progress had been made in the talks.",
    )
    assert result["verdict"] == "mixed"
    top = result["matches"][0]
    assert outlet(top, "The Times of Israel")["stance"] == "supports"
    assert outlet(top, "The Moscow Times")["stance"] == "supports"
    # Press TV: "he told the network, according to Russian news agencies"; the RIA report
    # in the sentence after "important progress" is of another remark ("Slutsky says
    # there is a possibility …, the RIA news agency reported")
    assert outlet(top, "Press TV")["stance"] == "supports"
    epoch = outlet(top, "The Epoch Times")
    assert epoch["stance"] == "differs"
    assert {"kind": "source", "statement": "RT", "passage": "RIA Novosti"} in epoch["differences"]
    assert top["claim"]["claimant"] == "Leonid Slutsky"
    assert_passages_exact(seeded_client, result)


def test_a_relay_that_names_no_medium_does_not_vouch_for_one_against_the_named_medium(
    seeded_client,
):
    # The Times of Israel and The Moscow Times say he told RT, and quote him again
    # "according to Russian news agencies": that relay cannot stand for Izvestia
    result = verify(
        seeded_client,
        "Russian negotiator Leonid Slutsky told the Izvestia newspaper that 'significant "
        "progress' has been made in the talks.",
    )
    top = result["matches"][0]
    assert "progress" in top["claim"]["text"]
    for name in ("The Times of Israel", "The Moscow Times"):
        stance = outlet(top, name)
        assert stance["stance"] == "differs"
        assert {"kind": "source", "statement": "Izvestia", "passage": "RT"} in stance["differences"]


def test_a_verbatim_statement_is_supported_with_exact_passages(seeded_client):
    result = verify(
        seeded_client,
        "Zelensky said Saturday that Russia had adopted a fundamentally "
        "different approach in the talks.",
    )
    assert result["verdict"] == "supported"
    names = {o["outlet"]["name"] for o in result["matches"][0]["outlets"]}
    assert names == {"The Times of Israel", "Press TV", "The Moscow Times"}
    assert_passages_exact(seeded_client, result)


@pytest.mark.parametrize(
    ("statement", "typo", "word"),
    [
        (
            "Zelenksy said Russia had adopted a fundamentally different approach.",
            "zelenksy",
            "zelensky",
        ),
        ("Slutksy said there was significant progress in the negotations.", "slutksy", "slutsky"),
    ],
)
def test_typos_still_find_the_right_claims(seeded_client, statement, typo, word):
    result = verify(seeded_client, statement)
    assert result["corrections"][typo] == word
    assert result["verdict"] == "supported"
    top = result["matches"][0]
    assert word in (top["claim"]["text"] + " " + (top["claim"]["claimant"] or "")).lower() or any(
        word in p["text"].lower() for o in top["outlets"] for p in o["passages"]
    )


@pytest.mark.parametrize(
    "statement",
    [
        "Lionel Messi scored twice as Paris Saint-Germain beat Lyon in Ligue 1.",
        "The CDC recommended a second COVID-19 booster shot for adults over 50.",
        "The Federal Reserve raised interest rates by a quarter percentage point.",
        # compound ones whose parts share a few words with a passage (``_lifted_by_parts``)
        "UNHCR says more than 2.8 million refugees have fled Ukraine since the invasion, "
        "with more than half crossing into Poland.",
        "Podolyak said Kyiv could discuss a neutral status for Ukraine, but only in exchange "
        "for legally binding international security guarantees.",
    ],
)
def test_an_unrelated_statement_is_unverified_with_no_matches(seeded_client, statement):
    result = verify(seeded_client, statement)
    assert result == {
        "statement": statement,
        "verdict": "unverified",
        "matches": [],
        "corrections": result["corrections"],
    }


def test_the_outlet_filter_keeps_only_those_outlets(seeded_client):
    outlets = seeded_client.get("/v1/outlets").get_json()["items"]
    press_tv = next(o["id"] for o in outlets if o["name"] == "Press TV")
    result = verify(
        seeded_client,
        "Zelensky said Russia had adopted a fundamentally different approach in the talks.",
        outlets=[press_tv],
    )
    assert result["matches"]
    for match in result["matches"]:
        assert {o["outlet"]["id"] for o in match["outlets"]} == {press_tv}


def test_limit_caps_the_matches(seeded_client):
    result = verify(
        seeded_client,
        "Slutsky said significant progress was made in talks with "
        "Ukraine on Sunday and Podolyak tweeted",
        limit=1,
    )
    assert len(result["matches"]) <= 1


def test_batch_answers_in_order(seeded_client):
    statements = [
        "Humanitarian corridors saved more than 200,000 people in six days.",
        "Lionel Messi scored twice as Paris Saint-Germain beat Lyon in Ligue 1.",
        "Zelensky said Saturday that Russia had adopted a fundamentally different approach.",
    ]
    response = seeded_client.post("/v1/verify/batch", json={"statements": statements})
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["statement"] for r in results] == statements
    assert [r["verdict"] for r in results] == ["contradicted", "unverified", "supported"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"statement": ""}, "statement"),
        ({"statement": "   "}, "statement"),
        ({"statement": "x" * 2001}, "statement"),
        ({"statement": "ok statement", "limit": 51}, "limit"),
        ({"statement": "ok statement", "limit": 0}, "limit"),
        ({"statement": "ok statement", "id": 3}, "id"),
        ({}, "statement"),
    ],
)
def test_bad_verify_requests_are_422_with_the_field_named(seeded_client, body, field):
    problem = assert_problem(seeded_client.post("/v1/verify", json=body), 422)
    assert field in problem["errors"]["json"]


def test_a_batch_over_fifty_statements_is_422(seeded_client):
    problem = assert_problem(
        seeded_client.post("/v1/verify/batch", json={"statements": ["a claim"] * 51}), 422
    )
    assert "statements" in problem["errors"]["json"]


def test_malformed_json_is_a_400_problem(seeded_client):
    response = seeded_client.post(
        "/v1/verify", data='{"statement": "unterminated', content_type="application/json"
    )
    body = assert_problem(response, 400)
    assert body["type"] == "/problems/malformed-json"


def test_a_body_that_is_not_json_is_a_415_problem(seeded_client):
    response = seeded_client.post(
        "/v1/verify", data="statement=hello", content_type="application/x-www-form-urlencoded"
    )
    assert_problem(response, 415)


def test_an_oversized_body_is_a_413_problem(seeded_client):
    response = seeded_client.post("/v1/verify", json={"statement": "x" * 3_000_000})
    assert_problem(response, 413)


@pytest.mark.parametrize(
    "statement",
    [
        "Podolyak said a hard negotiation between Moscow and Kiev has started.",
        "Humanitarian corridors saved more than 130,000 people in six days.",
        "Slutsky said significant progress had been made and documents could be signed.",
    ],
)
def test_no_answer_is_shown_twice(seeded_client, statement):
    result = verify(seeded_client, statement, limit=10)
    shown = [
        (m["claim"]["text"], p["article_id"])
        for m in result["matches"]
        for o in m["outlets"]
        for p in o["passages"]
        if p["claim_id"] == m["claim"]["id"]
    ]
    assert len(shown) == len(set(shown)), shown


def test_a_pasted_tweet_verifies_like_its_claim_and_its_signature_date_is_no_difference(
    seeded_client,
):
    claim = "Humanitarian corridors saved more than 130,000 people in six days."
    pasted = (
        f"{claim} #StandWithUkraine https://t.co/CsHG8R9cHp "
        "— Volodymyr Zelensky (@ZelenskyyUa) March 20, 2022"
    )
    plain, tweet = verify(seeded_client, claim), verify(seeded_client, pasted)
    assert tweet["statement"] == pasted  # the answer names what was sent
    assert tweet["verdict"] == plain["verdict"] == "supported"
    assert tweet["matches"][0]["claim"] == plain["matches"][0]["claim"]
    # the link and handle cost nothing; the hashtag and author words only dilute a little
    assert tweet["matches"][0]["score"] >= plain["matches"][0]["score"] - 0.15
    toi = outlet(tweet["matches"][0], "The Times of Israel")
    assert toi["stance"] == "supports"
    assert toi["differences"] == []


def test_a_statement_about_a_subject_no_article_names_is_unverified(seeded_client):
    # "agreed to establish humanitarian corridors" is what Ukraine and Russia did; no
    # article mentions NATO, so no outlet reports this
    assert_unverified(seeded_client, "NATO agreed to establish humanitarian corridors.")
    # the same words with the article's own subject are supported
    result = verify(seeded_client, "Ukraine and Russia agreed to establish humanitarian corridors.")
    assert result["verdict"] == "supported"
    assert outlet(result["matches"][0], "The Epoch Times")["stance"] == "supports"


def test_a_person_no_article_names_after_a_nationality_and_a_title_is_unverified(
    seeded_client,
):
    # The Times of Israel's "Turkey this week hosted a first meeting between the Russian
    # and Ukrainian foreign ministers" never names Turkey's foreign minister
    assert_unverified(
        seeded_client,
        "Turkish Foreign Minister Mevlut Cavusoglu flew to Moscow and then Lviv in mid-March "
        "to mediate between the two sides.",
    )
    # a person the articles name is read as before
    named = verify(
        seeded_client, "Russian President Vladimir Putin ordered his army into Ukraine on Feb. 24."
    )
    assert named["verdict"] == "supported"


def test_a_report_of_speech_is_not_matched_to_a_line_saying_who_the_speaker_is(seeded_client):
    # "Dmitry Peskov is the spokesman for the Russian presidency" shares the name and the
    # role with the statement, not what was said: it must not be the answer
    result = verify(
        seeded_client,
        "Kremlin spokesman Dmitry Peskov said the negotiations had shown positive shifts.",
    )
    top = result["matches"][0]["claim"]["text"]
    assert not re.match(r"Dmitry Peskov is (the|a) spokesman", top), top


def test_related_matches_below_the_threshold_are_shown_but_leave_the_verdict_alone(
    seeded_client,
):
    # the outlets' passage on Putin's "positive shifts" matches well; weaker matches below
    # it show other lines of the articles, and one of them differs (Slutsky's expectations
    # of progress are not Putin's), but the verdict reads only the matches that reach the
    # threshold
    result = verify(
        seeded_client,
        "Putin told Russian state media on Friday that talks with Kyiv had shown some "
        "positive developments, but gave no details.",
    )
    scores = [m["score"] for m in result["matches"]]
    assert scores[0] >= 0.43 and any(s < 0.43 for s in scores[1:])
    assert scores == sorted(scores, reverse=True)
    related = [m for m in result["matches"] if m["score"] < 0.43]
    assert any(o["stance"] == "differs" for m in related for o in m["outlets"])
    assert result["verdict"] == "supported"
    assert_passages_exact(seeded_client, result)


@pytest.mark.parametrize(
    ("statement", "name", "difference"),
    [
        # Press TV: '"A hard negotiation … has started."' then '"…," he said, tweeting a
        # photo': a medium named in the next sentence by the same speaker is compared
        (
            "Speaking in a radio interview, Podolyak said a hard negotiation between Moscow "
            "and Kyiv had begun.",
            "Press TV",
            {"kind": "source", "statement": "radio interview", "passage": "Twitter"},
        ),
        # The Times of Israel: "An unnamed senior Zelensky adviser quoted by Israel's Kan
        # broadcaster … also claimed that Moscow was readying to make concessions."
        (
            "Speaking anonymously to Israel's Army Radio, a senior Zelensky aide claimed "
            "Moscow was getting ready to make concessions.",
            "The Times of Israel",
            {"kind": "source", "statement": "Army Radio", "passage": "Kan"},
        ),
    ],
    ids=["medium-in-the-next-sentence", "another-israeli-broadcaster"],
)
def test_a_medium_the_outlet_gives_otherwise_differs_on_source(
    seeded_client, statement, name, difference
):
    result = verify(seeded_client, statement)
    stance = outlet(result["matches"][0], name)
    assert stance["stance"] == "differs"
    assert difference in stance["differences"]


def test_a_wrong_length_of_talks_reported_by_the_speaker_named_in_the_sentence(seeded_client):
    # The Epoch Times: "Vladimir Medinsky, who headed the Russian delegation, said the
    # five-hour talks included …, and featured an agreement to continue negotiations."
    # The photo caption naming "Head of the Russian delegation Vladimir Medinsky" shares
    # more of the statement's words, but says nothing of what he said.
    result = verify(
        seeded_client,
        "Russian delegation head Vladimir Medinsky said the three-hour talks in Belarus ended "
        "with an agreement to continue negotiations.",
    )
    # first on SQLite; second on PostgreSQL, whose ts_rank puts the caption first
    said = next(m for m in result["matches"] if "continue negotiations" in m["claim"]["text"])
    assert result["matches"].index(said) <= 1
    epoch = outlet(said, "The Epoch Times")
    assert epoch["stance"] == "differs"
    assert [d["kind"] for d in epoch["differences"]] == ["number"]
    assert result["verdict"] == "contradicted"
    assert_passages_exact(seeded_client, result)


def test_a_line_saying_who_someone_is_is_no_evidence_on_what_they_did(seeded_client):
    # The Epoch Times places the General Assembly in New York; "Sergiy Kyslytsya is the
    # Ukrainian ambassador to the UN" matches the statement's name and role and must not
    # turn the verdict into "mixed"
    result = verify(
        seeded_client,
        "While the Feb. 28 talks were under way, Ukraine's UN ambassador Sergiy Kyslytsya "
        "addressed the General Assembly in Geneva.",
    )
    assert result["verdict"] == "contradicted"
    place = [d for m in result["matches"] for o in m["outlets"] for d in o["differences"]]
    assert {"kind": "place", "statement": "Geneva"}.items() <= place[0].items()


def test_documents_reported_signed_that_four_outlets_say_are_still_to_be_signed(seeded_client):
    result = verify(
        seeded_client,
        "Russian negotiator Leonid Slutsky said 'significant progress' had been made and that "
        "both delegations had already signed documents setting out a joint position.",
    )
    assert result["verdict"] == "contradicted"
    top = result["matches"][0]
    assert len(top["outlets"]) == 4
    for stance in top["outlets"]:
        assert stance["stance"] == "differs"
        assert stance["differences"][0]["kind"] == "negation"
        assert stance["differences"][0]["passage"] in ("to be signed", "documents for signing")
    assert_passages_exact(seeded_client, result)


def test_a_call_for_an_act_is_no_report_that_it_happened(seeded_client):
    # The Epoch Times reports Ukraine's ambassador saying the assembly *should* demand that
    # Russia withdraw; no article reports a vote
    assert_unverified(
        seeded_client,
        "The UN General Assembly voted 141 to 5 to demand that Russia immediately withdraw "
        "its forces from Ukraine.",
    )
    # the call itself, reported as a call, is matched and supported
    called = verify(
        seeded_client,
        "Ukraine's UN ambassador said the assembly should demand that Russia immediately "
        "withdraw its troops from Ukraine.",
    )
    assert called["verdict"] == "supported"
    top = called["matches"][0]
    assert "should demand Russia immediately" in top["claim"]["text"]
    assert outlet(top, "The Epoch Times")["stance"] == "supports"
    assert_passages_exact(seeded_client, called)


def test_a_warning_against_an_outlet_that_says_the_worry_was_downplayed(seeded_client):
    result = verify(
        seeded_client,
        "The International Atomic Energy Agency warned the Chernobyl power loss posed a "
        "serious threat to keeping spent fuel cool.",
    )
    assert result["verdict"] == "contradicted"
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["differences"] == [
        {"kind": "negation", "statement": "warned", "passage": "downplayed"}
    ]
    assert "downplayed those worries" in epoch["passages"][0]["text"]


def test_an_acronym_subject_is_named_by_the_words_it_stands_for(seeded_client):
    # The Epoch Times never writes "IAEA" but names the International Atomic Energy Agency:
    # the statement is about what it reports (and contradicts it), not about an unknown body
    result = verify(
        seeded_client,
        "The IAEA raised the alarm that Chernobyl might be unable to keep spent fuel cool "
        "after it lost grid power.",
    )
    assert result["verdict"] == "contradicted"
    assert "spent fuel cool" in result["matches"][0]["claim"]["text"]
    # an acronym no article spells out still finds no report
    assert (
        verify(seeded_client, "The OSCE raised the alarm about spent fuel at Chernobyl.")["matches"]
        == []
    )


def test_the_rest_of_a_sentence_that_answers_the_matched_claim_is_read_with_it(seeded_client):
    # "That raised concerns about its ability to keep spent fuel cool, though the
    # International Atomic Energy Agency downplayed those worries."
    warned = verify(
        seeded_client,
        "The IAEA warned that Chernobyl's loss of grid power seriously threatened the "
        "plant's ability to keep spent fuel cool.",
    )
    top = warned["matches"][0]
    assert top["claim"]["text"] == "That raised concerns about its ability to keep spent fuel cool."
    epoch = outlet(top, "The Epoch Times")
    assert epoch["stance"] == "differs"
    assert {"kind": "negation", "statement": "warned", "passage": "downplayed"} in epoch[
        "differences"
    ]
    texts = [p["text"] for p in epoch["passages"]]
    assert any("downplayed those worries" in t for t in texts)
    assert_passages_exact(seeded_client, warned)
    # the concerns themselves were raised: that is what the sentence reports
    raised = verify(
        seeded_client, "Concerns were raised about Chernobyl's ability to keep spent fuel cool."
    )
    assert outlet(raised["matches"][0], "The Epoch Times")["stance"] == "supports"


@pytest.mark.parametrize(
    ("statement", "difference", "elsewhere", "verdict"),
    [
        # the best match is the photo caption of the Feb. 28 talks, silent on their
        # length; The Epoch Times gives it in another sentence: "the five-hour talks"
        (
            "The Feb. 28 talks in Belarus lasted three hours, according to the head of "
            "Russia's delegation.",
            {"kind": "number", "statement": "three hours", "passage": "five hours"},
            "five-hour talks",
            None,
        ),
        # The Epoch Times: "… other officials appeared at the United Nations (UN) in New
        # York." two sentences before Kyslytsya's words to the assembly
        (
            "As the negotiations took place, Ukraine's ambassador Sergiy Kyslytsya urged the "
            "United Nations General Assembly in Geneva to demand that Russia stop its "
            "offensive.",
            {"kind": "place", "statement": "Geneva", "passage": "New York"},
            "in New York",
            "contradicted",
        ),
    ],
)
def test_a_detail_the_matched_passage_leaves_unsaid_is_read_where_the_article_gives_it(
    seeded_client, statement, difference, elsewhere, verdict
):
    result = verify(seeded_client, statement)
    if verdict is not None:
        assert result["verdict"] == verdict
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["stance"] == "differs"
    assert epoch["differences"] == [difference]
    assert any(elsewhere in p["text"] for p in epoch["passages"])
    assert_passages_exact(seeded_client, result)


def test_a_year_the_matched_passage_leaves_unsaid_is_read_where_the_article_gives_it(
    seeded_client,
):
    # Press TV dates the invasion in one sentence and the republics in the next: "In
    # 2014, the two regions declared themselves new republics."
    statement = (
        "On February 24 Putin announced a 'special military operation' aimed at "
        "'demilitarization' of Donetsk and Lugansk, regions that declared themselves "
        "republics in {}."
    )
    result = verify(seeded_client, statement.format(2016))
    assert result["verdict"] == "mixed"
    press_tv = outlet(result["matches"][0], "Press TV")
    assert press_tv["differences"] == [{"kind": "date", "statement": "2016", "passage": "2014"}]
    assert any(p["text"].startswith("In 2014, the two regions") for p in press_tv["passages"])
    assert_passages_exact(seeded_client, result)
    others = [o for o in result["matches"][0]["outlets"] if o["outlet"]["name"] != "Press TV"]
    assert others and all(o["stance"] == "supports" for o in others)
    right = verify(seeded_client, statement.format(2014))
    assert right["verdict"] == "supported"
    assert outlet(right["matches"][0], "Press TV")["stance"] == "supports"
    # the year opens its clause, four words before "declared": it still dates it
    opened = verify(
        seeded_client,
        "Donetsk and Lugansk declared themselves new republics in 2015, refusing to "
        "recognise Ukraine's Western-backed government.",
    )
    assert opened["verdict"] == "contradicted"
    press_tv = outlet(opened["matches"][0], "Press TV")
    assert press_tv["differences"] == [{"kind": "date", "statement": "2015", "passage": "2014"}]
    assert_passages_exact(seeded_client, opened)


def test_outlets_that_report_one_part_of_a_half_true_statement_make_it_mixed(seeded_client):
    # The Epoch Times reports both parts and gives $200 million; The Times of Israel and
    # The Moscow Times report Putin's words alone, a match that scores low against the
    # whole statement but high against its first part
    result = verify(
        seeded_client,
        "Putin told state media on Friday there were 'positive shifts' in the talks, and "
        "the next day Biden authorized $500 million in weapons for Ukraine.",
    )
    assert result["verdict"] == "mixed"
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert {"kind": "number", "statement": "$500 million", "passage": "$200 million"} in epoch[
        "differences"
    ]
    shifts = next(m for m in result["matches"] if "positive shifts" in m["claim"]["text"])
    assert outlet(shifts, "The Times of Israel")["stance"] == "supports"


@pytest.mark.parametrize(
    "statement",
    [
        # Belarus is the second call's ("to recognise …"), not the place of the first
        "Ukraine's UN ambassador Sergiy Kyslytsya urged the General Assembly to demand "
        "Russia's unconditional withdrawal and to recognise “the treacherous role of Belarus”.",
        # Moscow and China are the tweet's, not where the Kremlin's operation is
        "Ukrainian negotiator Podolyak mocked Moscow on Twitter, saying Russia had turned to "
        "China for military help and calling the Kremlin's operation a failure.",
        # "and called": the same, as a second saying in the past tense
        "In a Twitter jibe, Ukrainian negotiator Podolyak claimed Moscow had turned to China "
        "for military help and called the Kremlin's operation a failure.",
    ],
)
def test_a_place_of_one_call_of_a_speaker_is_not_read_against_another(seeded_client, statement):
    result = verify(seeded_client, statement)
    assert result["verdict"] == "supported"
    assert len(result["matches"]) >= 2
    for match in result["matches"]:
        for stance in match["outlets"]:
            assert stance["stance"] == "supports", (match["claim"]["text"], stance)


@pytest.mark.parametrize(
    ("statement", "passage"),
    [
        (
            "Israel's prime minister has been talking to both the Russian and Ukrainian "
            "presidents in a bid to mediate.",
            "Naftali Bennett has been speaking with both Putin and Zelensky",
        ),
        (
            "The Ukrainian leader said Russia's stance at the negotiating table had changed "
            "fundamentally.",
            "fundamentally different",
        ),
    ],
)
def test_a_paraphrase_in_common_words_finds_its_passage_on_either_backend(
    seeded_client, statement, passage
):
    # PostgreSQL ranks the full-text hits by the IDF of the words they hold, as FTS5's
    # bm25 does; cover density alone put long captions sharing common words first
    result = verify(seeded_client, statement)
    assert result["verdict"] == "supported"
    assert any(passage in m["claim"]["text"] for m in result["matches"][:2]), [
        m["claim"]["text"] for m in result["matches"]
    ]


def test_what_a_stranger_said_matched_only_by_photo_captions_is_unverified(seeded_client):
    # no article names Lukashenko; a caption of the talks in Belarus reports nothing he said
    assert_unverified(
        seeded_client,
        "Belarusian President Alexander Lukashenko insisted his army would not join Russia's "
        "military operation in Ukraine.",
    )
    # the caption names Reznikov: his article is read as usual
    named = verify(
        seeded_client,
        "Ukrainian Defence Minister Oleksii Reznikov said delegations from Ukraine and Russia "
        "held talks in Belarus' Gomel region on February 28.",
    )
    assert named["verdict"] == "supported"
    assert named["matches"][0]["claim"]["kind"] == "caption"
    # and a caption answers what it shows
    shown = verify(
        seeded_client,
        "Delegations from Ukraine and Russia held talks in Belarus' Gomel region on February 28.",
    )
    assert shown["verdict"] == "supported"


def test_a_photo_caption_gives_way_to_the_quote_on_what_someone_said(seeded_client):
    # the captions name Medinsky (speaking to the media after the Feb. 28 talks) and show
    # the March 7 round, but report nothing he said after it
    assert_unverified(
        seeded_client,
        "After the March 7 round in Belarus, Russian delegation head Vladimir Medinsky said "
        "Moscow's expectations from the talks had not been met.",
    )
    # the quote comes first, not the caption of the photo the speaker appears in
    told = verify(
        seeded_client,
        "Ukrainian Defence Minister Oleksii Reznikov told reporters after the Feb. 28 talks "
        "broke off that their primary aim was to discuss a ceasefire.",
    )
    first = told["matches"][0]
    assert first["claim"]["text"] == "The primary aim was to discuss a ceasefire."
    assert [d["kind"] for d in first["outlets"][0]["differences"]] == ["speaker"]
    # a statement that reports no speech is still answered by the caption
    shown = verify(
        seeded_client,
        "Ukrainian Defence Minister Oleksii Reznikov entered a hall for the talks in Belarus' "
        "Gomel region on Feb. 28.",
    )
    assert shown["verdict"] == "supported"
    assert shown["matches"][0]["claim"]["kind"] == "caption"


@pytest.mark.parametrize(
    "statement",
    [
        # no article names Arakhamia; narration on the talks quotes nobody
        "Ukrainian negotiator David Arakhamia said Kyiv's delegation was discussing security "
        "guarantees from Western countries during the video talks with Moscow.",
        # nor Lukashenko; "Belarus has allowed Russian forces to pass through" is narration
        "Belarusian President Alexander Lukashenko announced that Belarus would close its "
        "airspace to Russian military aircraft.",
    ],
)
def test_what_a_stranger_said_matched_only_by_lines_quoting_nobody_is_unverified(
    seeded_client, statement
):
    assert_unverified(seeded_client, statement)


def test_a_speaker_named_by_an_acronym_is_named_where_the_article_spells_it_out(
    seeded_client,
):
    # The Epoch Times names "the International Atomic Energy Agency", never "IAEA"
    result = verify(
        seeded_client,
        "The IAEA said concerns about keeping the Chernobyl plant's spent fuel cool were "
        "overblown.",
    )
    assert result["verdict"] == "supported"
    assert "spent fuel cool" in result["matches"][0]["claim"]["text"]


def test_a_count_of_something_else_in_the_article_is_no_difference(seeded_client):
    # Press TV's "for eight years are suffering persecution" does not measure the
    # fighting the talks would end
    result = verify(
        seeded_client,
        "Both sides said they were making headway at the negotiations aimed at ending more "
        "than two weeks of direct fighting between the Russian and Ukrainian armies.",
    )
    press_tv = [
        o for m in result["matches"] for o in m["outlets"] if o["outlet"]["name"] == "Press TV"
    ]
    assert press_tv
    assert all(d["passage"] != "eight years" for o in press_tv for d in o["differences"])


@pytest.mark.parametrize(
    ("statement", "difference"),
    [
        (
            "The Jerusalem municipality refused to take down the Ukrainian and Russian flags "
            "displayed on the Old City walls despite mounting criticism.",
            {"kind": "negation", "statement": "negated: refused", "passage": "affirmed"},
        ),
        (
            "Despite criticism, Jerusalem's municipality kept the Ukrainian and Russian flags "
            "displayed on the Old City walls.",
            {"kind": "negation", "statement": "kept", "passage": "removed"},
        ),
    ],
)
def test_a_relative_clause_after_the_matched_claim_is_read_with_it(
    seeded_client, statement, difference
):
    # The Times of Israel: "… it came under fire for displaying flags of both Ukraine and
    # Russia on the Old City's walls, which it eventually removed under pressure."
    result = verify(seeded_client, statement)
    toi = outlet(result["matches"][0], "The Times of Israel")
    assert toi["stance"] == "differs"
    assert difference in toi["differences"]
    assert any("eventually removed" in p["text"] for p in toi["passages"])
    assert_passages_exact(seeded_client, result)


def test_taking_the_flags_down_is_what_the_article_says_it_did(seeded_client):
    result = verify(
        seeded_client,
        "The Jerusalem municipality eventually took down the Ukrainian and Russian flags from "
        "the Old City walls after coming under fire.",
    )
    assert result["verdict"] == "supported"
    assert outlet(result["matches"][0], "The Times of Israel")["stance"] == "supports"


@pytest.mark.parametrize(
    "statement",
    [
        # a capital after "at" is its government, not where: no place is read elsewhere
        "Podolyak took a swipe at Moscow on Twitter, saying the Russians had turned to China "
        "for military help and calling the Kremlin's operation a failure.",
        "A Ukrainian negotiator claimed Russia had asked Beijing for military assistance.",
    ],
)
def test_parties_named_by_their_capitals_are_not_places_to_look_for_elsewhere(
    seeded_client, statement
):
    result = verify(seeded_client, statement)
    press_tv = outlet(result["matches"][0], "Press TV")
    assert press_tv["stance"] == "supports"
    assert press_tv["differences"] == []


def test_a_region_after_a_possessive_country_is_where_too(seeded_client):
    # The Times of Israel's caption of the March 7 talks says only "in Belarus, close to
    # the Polish-Belarusian border"; its caption of Slutsky after them says "northward
    # from Brest, in Belarus"
    result = verify(
        seeded_client,
        "Ukrainian and Russian negotiators met for talks in Belarus's Gomel region on March 7.",
    )
    assert result["verdict"] == "contradicted"
    toi = outlet(result["matches"][0], "The Times of Israel")
    assert toi["stance"] == "differs"
    assert [d["statement"] for d in toi["differences"] if d["kind"] == "place"] == ["Gomel"]
    assert_passages_exact(seeded_client, result)


@pytest.mark.parametrize(
    ("statement", "outlet_name", "kind", "shown"),
    [
        # the quotation's first sentence matches; the medium is named after its second
        (
            "Wendy Sherman told CNN that sanctions are beginning to have some effect on Moscow.",
            "The Epoch Times",
            "source",
            "Sherman told Fox News",
        ),
        # the speaker follows the quotation, set off by a comma
        (
            "Kremlin spokesman Dmitry Peskov wrote on Twitter that Russia had stopped issuing "
            "ultimatums and now carefully listens to Ukraine's positions.",
            "The Epoch Times",
            "speaker",
            "said Mykhailo Podolyak",
        ),
    ],
)
def test_an_outlet_differing_on_who_said_it_shows_where_it_names_its_own(
    seeded_client, statement, outlet_name, kind, shown
):
    result = verify(seeded_client, statement)
    stance = outlet(result["matches"][0], outlet_name)
    assert stance["stance"] == "differs"
    assert kind in {d["kind"] for d in stance["differences"]}
    texts = [p["text"] for p in stance["passages"]]
    assert shown in texts
    # shown beside the matched passage, not instead of it, and not overlapping it
    assert len(texts) >= 2 and texts[0] != shown
    spans = sorted((p["start"], p["end"]) for p in stance["passages"])
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert_passages_exact(seeded_client, result)


def test_an_outlet_that_names_the_medium_in_the_matched_passage_gets_no_other(seeded_client):
    result = verify(
        seeded_client,
        "Podolyak told the BBC that Russia had stopped issuing 'ultimatums' and now "
        "'carefully listens to our positions.'",
    )
    stances = [
        s
        for m in result["matches"]
        for s in m["outlets"]
        if any("wrote on Twitter that Russia" in p["text"] for p in s["passages"])
    ]
    assert stances
    for stance in stances:
        assert {"kind": "source", "statement": "BBC", "passage": "Twitter"} in stance["differences"]
        first = next(p for p in stance["passages"] if "wrote on Twitter" in p["text"])
        others = [p for p in stance["passages"] if p is not first]
        assert not any("Twitter" in p["text"] for p in others)


def test_a_paraphrase_in_other_words_for_resuming_by_video_link_is_supported(seeded_client):
    result = verify(
        seeded_client,
        "Kyiv negotiator Podolyak backed up the Kremlin spokesman's earlier word that the "
        "talks would pick up again Monday over video link.",
    )
    assert result["verdict"] == "supported"
    # both halves are found: the confirmation of Peskov's word, and the resumption
    resume = next(
        m for m in result["matches"] if "resume by video-conference on Monday" in m["claim"]["text"]
    )
    assert {o["outlet"]["name"] for o in resume["outlets"]} >= {
        "The Times of Israel",
        "The Moscow Times",
    }
    assert all(o["stance"] == "supports" for m in result["matches"] for o in m["outlets"])


def test_a_rank_before_the_speakers_role_is_no_other_speaker(seeded_client):
    result = verify(
        seeded_client,
        "America's No. 2 diplomat Wendy Sherman says the Kremlin is finally showing signs "
        "it's willing to negotiate seriously on ending the war.",
    )
    assert result["verdict"] == "supported"
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["stance"] == "supports" and epoch["differences"] == []


def test_a_quotation_relayed_by_agencies_is_of_the_interview_the_speaker_gave_just_before(
    seeded_client,
):
    """ "…,' he told the network according to Russian news agencies. '…documents to be
    signed,' agencies cited him as saying": the agencies relay the interview with RT that
    the paragraph before names, so it is no interview with Interfax. Press TV never names
    the network, and the RIA report a sentence earlier is of another remark."""
    result = verify(
        seeded_client,
        "Slutsky told the Interfax news agency that progress could turn into documents to be "
        "signed by both delegations.",
    )
    top = result["matches"][0]
    assert "documents to be signed" in top["claim"]["text"]
    for name in ("The Times of Israel", "The Moscow Times"):
        stance = outlet(top, name)
        assert stance["stance"] == "differs"
        assert stance["differences"] == [
            {"kind": "source", "statement": "Interfax", "passage": "RT"}
        ]
    assert outlet(top, "Press TV")["stance"] == "supports"
    told_rt = verify(
        seeded_client,
        "Slutsky told RT that progress could turn into documents to be signed by both delegations.",
    )
    top = told_rt["matches"][0]
    for name in ("The Times of Israel", "The Moscow Times", "Press TV"):
        assert outlet(top, name)["stance"] == "supports"
    # an agency that reported the remark may be one of the agencies that relayed it
    relayed = verify(
        seeded_client,
        "Slutsky expects progress to turn into documents to be signed by both delegations "
        "within days, the Interfax news agency reported.",
    )
    top = relayed["matches"][0]
    for name in ("The Times of Israel", "The Moscow Times"):
        assert outlet(top, name)["stance"] == "supports"


def test_giving_up_a_demand_is_read_only_against_passages_on_the_demand(seeded_client):
    """The second part ("Kyiv had abandoned its demand …") is contradicted where the
    article says Kyiv keeps demanding the withdrawal (The Epoch Times); a passage that
    merely names Russian troops ("since Putin sent in troops") says nothing of it."""
    result = verify(
        seeded_client,
        "Podolyak tweeted that Moscow had stopped issuing ultimatums, and that Kyiv had "
        "abandoned its demand for Russian troops to leave.",
    )
    assert result["verdict"] == "mixed"
    stances = {o["outlet"]["name"]: o for m in result["matches"] for o in m["outlets"]}
    for name in ("The Times of Israel", "The Moscow Times"):
        assert outlet(result["matches"][0], name)["stance"] == "supports"
    epoch = stances["The Epoch Times"]
    assert epoch["stance"] == "differs"
    assert [d["kind"] for d in epoch["differences"]] == ["negation"]
    assert any("continuing to demand" in p["text"] for p in epoch["passages"])


def test_the_special_military_operation_and_the_army_sent_in_are_one_event(seeded_client):
    """Press TV writes that Putin "announced a 'special military operation'" on February
    24; the other outlets that he "ordered his army into Ukraine" or that troops entered
    on his orders that day. A wrong date is contradicted by all four, whichever wording
    the statement takes."""
    for statement in (
        "Putin announced the 'special military operation' on February 22.",
        "Russian troops entered Ukraine on Putin's orders on February 25.",
    ):
        result = verify(seeded_client, statement)
        assert result["verdict"] == "contradicted"
        top = result["matches"][0]
        names = {"The Times of Israel", "Press TV", "The Epoch Times", "The Moscow Times"}
        assert {o["outlet"]["name"] for o in top["outlets"]} == names
        for stance in top["outlets"]:
            assert stance["stance"] == "differs"
            assert [d["kind"] for d in stance["differences"]] == ["date"]
        assert_passages_exact(seeded_client, result)


def test_a_place_the_passage_leaves_unsaid_is_read_in_the_sentence_setting_its_scene(
    seeded_client,
):
    """The Epoch Times reports the ambassador's words without a place; the paragraph
    before sets the scene: "As the negotiations took place, other officials appeared at
    the United Nations (UN) in New York." That sentence is no candidate of its own (it
    shares almost no word with the statement), so it is read as the passage's scene."""
    statement = (
        "During the Belarus talks, Ukraine's UN envoy told the General Assembly in {} that "
        "it should demand Russia halt its offensive."
    )
    result = verify(seeded_client, statement.format("Geneva"))
    assert result["verdict"] == "contradicted"
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["stance"] == "differs"
    assert epoch["differences"] == [{"kind": "place", "statement": "Geneva", "passage": "New York"}]
    assert any(p["text"].endswith("(UN) in New York.") for p in epoch["passages"])
    assert_passages_exact(seeded_client, result)
    # the place it gives is the statement's: nothing differs
    result = verify(seeded_client, statement.format("New York"))
    assert result["verdict"] == "supported"
    assert outlet(result["matches"][0], "The Epoch Times")["differences"] == []


def test_an_article_published_before_the_day_a_statement_names_cannot_report_it(
    seeded_client,
):
    """The articles are of March 13 and 14: a round of talks "on March 30" is nothing
    they can report, and their line on the rounds held so far, which names no day, no
    longer supports it. The same line supports "March 10"; an event the articles announce
    for a later day ("On Monday, March 14, a negotiating session will be held") still
    supports a statement of that day."""
    later = verify(
        seeded_client,
        "Negotiators from Moscow and Kyiv have held several rounds of talks since the war "
        "began, the latest on March 30.",
    )
    assert later["verdict"] != "supported"
    assert not any(
        "several rounds of talks" in m["claim"]["text"]
        for m in later["matches"]
        if any(o["stance"] == "supports" for o in m["outlets"])
    )
    earlier = verify(
        seeded_client,
        "Negotiators from Moscow and Kyiv have held several rounds of talks since the war "
        "began, the latest on March 10.",
    )
    assert earlier["verdict"] == "supported"
    top = earlier["matches"][0]
    assert "several rounds of talks" in top["claim"]["text"]
    for name in ("The Times of Israel", "The Moscow Times"):
        assert outlet(top, name)["stance"] == "supports"
    announced = verify(
        seeded_client, "Talks between Russia and Ukraine are set to resume on March 14."
    )
    assert announced["verdict"] == "supported"


def test_a_misspelt_negating_word_is_read_as_the_word_it_misspells(seeded_client):
    """ "stoped" is "stopped": the statement agrees with Podolyak's post ("Russia had
    stopped issuing ultimatums") and with The Epoch Times' "is not making ultimatums";
    read as written it affirmed what they negate, and every outlet differed."""
    result = verify(
        seeded_client,
        "Zelenksy adviser Podolyak says Russia has stoped issuing 'ultimatums' and now "
        "'carefuly listens to our positions'.",
    )
    assert result["verdict"] == "supported"
    top = result["matches"][0]
    assert "stopped issuing ultimatums" in top["claim"]["text"]
    for name in ("The Times of Israel", "The Moscow Times", "The Epoch Times"):
        assert outlet(top, name) == {**outlet(top, name), "stance": "supports", "differences": []}
    # a word spelt right that the store does not hold is read as written: the place
    # "Vienna" is no typo of anything, and still differs from where the talks were
    placed = verify(seeded_client, "Russian and Ukrainian delegations held talks in Vienna.")
    assert any(
        d["kind"] == "place" and d["statement"] == "Vienna"
        for m in placed["matches"]
        for o in m["outlets"]
        for d in o["differences"]
    )


@pytest.mark.parametrize(
    "statement",
    [
        "In a video address after midnight, Zelensky said his delegation's 'clear task' is to "
        "secure a meeting with Putin, whose Kremlin has yet to answer his requests.",
        "The Kremlin has yet to respond to Zelensky's requests for a meeting with Putin.",
    ],
)
def test_requests_the_kremlin_has_yet_to_answer_are_requests_gone_unanswered(
    seeded_client, statement
):
    result = verify(seeded_client, statement)
    assert result["verdict"] == "supported", result["matches"]
    stances = [o for m in result["matches"] for o in m["outlets"]]
    assert stances and all(o["differences"] == [] for o in stances)


def test_requests_the_kremlin_answered_are_not_requests_gone_unanswered(seeded_client):
    result = verify(
        seeded_client,
        "Zelensky's requests for a meeting with Putin have been answered by the Kremlin.",
    )
    assert result["verdict"] == "contradicted"
    toi = outlet(result["matches"][0], "The Times of Israel")
    assert [d["kind"] for d in toi["differences"]] == ["negation"]


def test_what_a_speaker_adds_is_a_part_of_its_own_read_against_its_own_days(seeded_client):
    """ "Podolyak announced A on Monday, March 14, adding that B": B is a second saying of
    Podolyak's. The Epoch Times (March 13) reports B the other way round ("The Kyiv
    government, he added, is continuing to demand … the withdrawal of [Russian] troops"):
    the day A names is not B's, so an article of the day before still answers for B."""
    result = verify(
        seeded_client,
        "Podolyak announced a Monday, March 14 session to sum up preliminary results, adding "
        "that Kyiv has dropped its demand for a Russian troop withdrawal.",
    )
    assert result["verdict"] == "mixed"
    session = result["matches"][0]
    assert "sum up the preliminary results" in session["claim"]["text"]
    assert {o["stance"] for o in session["outlets"]} == {"supports"}
    demand = next(m for m in result["matches"] if "continuing to demand" in m["claim"]["text"])
    epoch = outlet(demand, "The Epoch Times")
    assert epoch["stance"] == "differs"
    assert [d["kind"] for d in epoch["differences"]] == ["negation"]


def test_a_part_no_match_answers_for_brings_its_own_best_match(seeded_client):
    """ "Putin spoke of positive shifts; a day later Biden authorised $500 million": the
    Biden half matches the whole best (The Epoch Times gives $200 million). The Times of
    Israel and The Moscow Times report only what Putin said, which scores low against the
    whole: listed for that half, they support it."""
    result = verify(
        seeded_client,
        "Putin told state media on Friday of 'positive shifts' in the talks; a day later "
        "Biden authorised $500 million in weapons and training for Ukraine.",
    )
    assert "$200 million" in result["matches"][0]["claim"]["text"]
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["differences"] == [
        {"kind": "number", "statement": "$500 million", "passage": "$200 million"}
    ]
    shifts = next(m for m in result["matches"] if "positive shifts" in m["claim"]["text"])
    for name in ("The Times of Israel", "The Moscow Times"):
        assert outlet(shifts, name)["stance"] == "supports"
    # a part that a listed match answers for brings nothing more: three calls and sayings
    # of Podolyak's tweet, each matched by its own passage
    calls = verify(
        seeded_client,
        "Ukrainian negotiator Podolyak mocked Moscow on Twitter, saying Russia had turned to "
        "China for military help and calling the Kremlin's operation a failure.",
    )
    assert [m["claim"]["text"] for m in calls["matches"]] == [
        "They had turned to China for military help.",
        "Dismissing Kremlin's military operation in Ukraine as failure.",
    ]


def test_a_quote_after_a_speaker_label_is_what_that_speaker_said(seeded_client):
    """ "Russian delegation head Vladimir Medinsky: '…'" reports speech as "… said" does:
    the photo caption of Medinsky speaking to the media gives way to the quote, which
    Press TV gives to Podolyak."""
    result = verify(
        seeded_client,
        "Russian delegation head Vladimir Medinsky: 'a hard negotiation between Moscow and "
        "Kiev has started.'",
    )
    assert result["verdict"] == "contradicted"
    top = result["matches"][0]
    assert top["claim"]["text"] == "A hard negotiation between Moscow and Kiev has started."
    assert outlet(top, "Press TV")["differences"] == [
        {"kind": "speaker", "statement": "Vladimir Medinsky", "passage": "Mykhailo Podolyak"}
    ]


def test_a_newspaper_named_as_such_is_the_medium_the_statement_gives(seeded_client):
    result = verify(
        seeded_client,
        "Leonid Slutsky told the newspaper Kommersant that 'significant progress' has been made "
        "and could turn into documents ready for signing.",
    )
    assert result["verdict"] == "contradicted"
    sources = {
        (o["outlet"]["name"], d["passage"])
        for m in result["matches"]
        for o in m["outlets"]
        for d in o["differences"]
        if d["kind"] == "source" and d["statement"] == "Kommersant"
    }
    assert {("The Epoch Times", "RIA Novosti"), ("The Times of Israel", "RT")} <= sources


def test_a_negation_said_in_another_part_of_the_statement_is_said(seeded_client):
    """ "… a 'clear task' to secure a meeting with Putin, though the Kremlin has so far
    ignored his requests": the first part, read against "requests for a meeting with
    Putin, which, so far, have gone unanswered", says it in the second."""
    result = verify(
        seeded_client,
        "Zelensky says his negotiating team has a 'clear task' to secure a meeting with Putin, "
        "though the Kremlin has so far ignored his requests.",
    )
    assert result["verdict"] == "supported"
    assert all(o["differences"] == [] for m in result["matches"] for o in m["outlets"])


def test_another_citys_municipality_differs_on_the_place(seeded_client):
    result = verify(
        seeded_client,
        "Tel Aviv's municipality says it is 'happy' to host Russia-Ukraine talks after a "
        "request from Zelensky.",
    )
    assert result["verdict"] == "contradicted"
    toi = outlet(result["matches"][0], "The Times of Israel")
    assert toi["differences"] == [
        {"kind": "place", "statement": "Tel Aviv", "passage": "Jerusalem"}
    ]


def test_a_medium_the_summary_line_leaves_unsaid_is_read_in_the_articles_body(seeded_client):
    """The Times of Israel's summary line ("Leonid Slutsky … says 'significant progress'
    has been made … and could develop into 'documents to be signed'") names no medium;
    its body says he "told the state-run television network RT". Against "told Russia's
    TASS news agency", the summary line differs through the body's medium."""
    result = verify(
        seeded_client,
        "Leonid Slutsky told Russia's TASS news agency that 'significant progress' had been "
        "made and could develop into documents to be signed.",
    )
    # (Press TV's "according to Russian news agencies" may stand for TASS: `mixed` where
    # its match comes within the verdict's margin)
    assert result["verdict"] in ("contradicted", "mixed")
    toi = outlet(result["matches"][0], "The Times of Israel")
    assert toi["differences"] == [{"kind": "source", "statement": "TASS", "passage": "RT"}]
    assert_passages_exact(seeded_client, result)
    # named the body's way, the summary line supports
    same = verify(
        seeded_client,
        "Leonid Slutsky told RT that 'significant progress' had been made and could develop "
        "into documents to be signed.",
    )
    assert outlet(same["matches"][0], "The Times of Israel")["stance"] == "supports"


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            # the medium named after what it is, with its number
            "Leonid Slutsky told state TV channel Rossiya 24 that 'significant progress' has "
            "been made in the talks with Kyiv.",
            {
                "The Epoch Times": ("source", "Rossiya 24", "RIA Novosti"),
                "The Times of Israel": ("source", "Rossiya 24", "RT"),
            },
        ),
        (
            # the host of the talks is where they were
            "Russia's and Ukraine's foreign ministers met for the first time this week at talks "
            "hosted by Israel, reports say.",
            {
                "The Times of Israel": ("place", "Israel", "Turkey"),
                "The Moscow Times": ("place", "Israel", "Turkey"),
            },
        ),
        (
            # sharing the fears is the opposite of downplaying them
            "The International Atomic Energy Agency shared fears that Chernobyl, cut off from "
            "the grid last week, might be unable to keep its spent fuel cool.",
            {"The Epoch Times": ("negation", "shared fears", "downplayed")},
        ),
        (
            # not changed is unchanged, against a fundamentally different approach
            "Zelensky says Russia's approach to the negotiations has not changed at all.",
            {
                "The Times of Israel": ("negation", "not changed", "different"),
                "The Moscow Times": ("negation", "not changed", "different"),
            },
        ),
        (
            # and so is being worried
            "The IAEA said it was seriously worried about whether the Chernobyl plant, cut off "
            "from the grid, could keep its spent fuel cool.",
            {"The Epoch Times": ("negation", "was seriously worried", "downplayed")},
        ),
        (
            # a day of the month alone, against "On Monday, March 14"
            "Podolyak said on Twitter that a negotiating session to sum up the preliminary "
            "results would be held on the 15th.",
            {
                "The Times of Israel": ("date", "the 15th", "Monday, March 14"),
                "The Moscow Times": ("date", "the 15th", "Monday, March 14"),
            },
        ),
        (
            "Peskov admits 'a hard negotiation between Moscow and Kiev has started' as the "
            "video talks resume.",
            {"Press TV": ("speaker", "Peskov", "Mykhailo Podolyak")},
        ),
    ],
)
def test_differences_the_blind_sets_found_missing(seeded_client, statement, expected):
    assert_top_match_differs(seeded_client, statement, expected)


def assert_top_match_differs(seeded_client, statement: str, expected: dict) -> None:
    """The statement is contradicted, and its best match shows each outlet's expected
    (kind, statement's side, passage's side) among the differences."""
    result = verify(seeded_client, statement)
    assert result["verdict"] == "contradicted"
    found = {
        (o["outlet"]["name"], (d["kind"], d["statement"], d["passage"]))
        for o in result["matches"][0]["outlets"]
        for d in o["differences"]
    }
    assert set(expected.items()) <= found


def test_one_region_of_the_pair_named_in_the_others_stead_differs_on_the_place(seeded_client):
    result = verify(
        seeded_client,
        "Putin ordered troops into Ukraine on February 24, announcing a 'special military "
        "operation' aimed at the 'demilitarization' of the Donetsk and Kharkiv regions.",
    )
    assert result["verdict"] == "mixed"
    press_tv = outlet(result["matches"][0], "Press TV")
    assert press_tv["stance"] == "differs"
    assert [d["kind"] for d in press_tv["differences"]] == ["place"]
    assert press_tv["differences"][0]["statement"] == "Kharkiv"
    # the outlets that say only that he ordered the army in on that day support it
    assert outlet(result["matches"][0], "The Moscow Times")["stance"] == "supports"


def test_a_second_saying_with_its_own_speaker_is_checked_on_its_own(seeded_client):
    """ "…, Podolyak says, as Kyiv warns B": B is not Podolyak's; the talks are supported,
    the roads differ."""
    result = verify(
        seeded_client,
        "Talks resume by video link on Monday, Podolyak says, as Kyiv warns only roads to "
        "the north of the capital remain open.",
    )
    assert result["verdict"] == "mixed"
    differences = [
        (d["kind"], d["statement"], d["passage"])
        for m in result["matches"]
        for o in m["outlets"]
        for d in o["differences"]
    ]
    assert differences == [("place", "north", "south")]


def test_a_headline_amount_with_a_scale_letter_is_the_amount_in_full(seeded_client):
    """ "$200M" is the $200 million The Epoch Times gives, not 200 dollars against it."""
    result = verify(
        seeded_client,
        "JUST IN: Biden memo to State Dept authorizes $200M in weapons and military training "
        "for Ukraine's forces",
    )
    assert result["verdict"] == "supported"
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["stance"] == "supports" and epoch["differences"] == []
    wrong = verify(
        seeded_client, "Biden memo to State Dept authorizes $300M in weapons for Ukraine's forces"
    )
    assert outlet(wrong["matches"][0], "The Epoch Times")["differences"] == [
        {"kind": "number", "statement": "$300M", "passage": "$200 million"}
    ]


def test_the_outlet_that_reports_the_claim_is_not_its_speaker_or_source(seeded_client):
    """ "The Epoch Times reports …": the outlet whose article reports it supports it."""
    result = verify(
        seeded_client,
        "The Epoch Times reports Ukraine reconnected a broken power line to the "
        "decommissioned Chernobyl plant on Sunday after it had been running on generators.",
    )
    assert result["verdict"] == "supported"
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["stance"] == "supports" and epoch["differences"] == []
    tweeted = verify(
        seeded_client,
        "Press TV reports that Podoliak tweeted Moscow had 'turned to China for military "
        "help', dismissing the Kremlin's military operation in Ukraine as a failure.",
    )
    assert tweeted["verdict"] == "supported"
    # what the speaker said stays checked: a tweet the other way round differs
    denied = verify(
        seeded_client,
        "Press TV reports that Podolyak tweeted Moscow had not turned to China for military help.",
    )
    assert denied["verdict"] == "contradicted"
    assert [d["kind"] for d in outlet(denied["matches"][0], "Press TV")["differences"]] == [
        "negation"
    ]


def test_a_ticker_in_capitals_is_checked_as_if_written_in_ordinary_case(seeded_client):
    """Names, places and numbers of a statement in capitals are read with the case the
    matched claims write them in."""
    hours = verify(
        seeded_client,
        "MEDINSKY: EIGHT-HOUR TALKS WITH UKRAINE IN BELARUS FOUND POINTS OF AGREEMENT, "
        "SIDES AGREE TO KEEP NEGOTIATING",
    )
    assert hours["verdict"] == "contradicted"
    assert {"kind": "number", "statement": "Eight hours", "passage": "five hours"} in outlet(
        hours["matches"][0], "The Epoch Times"
    )["differences"]
    host = verify(
        seeded_client,
        "ISRAEL HOSTS FIRST MEETING OF RUSSIAN AND UKRAINIAN FMs THIS WEEK AS PM BENNETT "
        "WORKS TO BROKER TALKS",
    )
    turkey = host["matches"][0]
    assert "Turkey" in turkey["claim"]["text"]
    assert {"kind": "place", "statement": "Israel", "passage": "Turkey"} in outlet(
        turkey, "The Times of Israel"
    )["differences"]
    # the same ticker with the right host is supported, as in ordinary case
    right = verify(
        seeded_client,
        "TURKEY HOSTS FIRST MEETING OF RUSSIAN AND UKRAINIAN FOREIGN MINISTERS THIS WEEK",
    )
    assert right["verdict"] == "supported"


def test_a_readers_question_is_checked_as_the_claim_it_asks_about(seeded_client):
    """ "Did X really tell Fox News that …?": checked as "X told Fox News that …"; the
    answer echoes the question as it was asked."""
    question = (
        "Did Pentagon spokesman John Kirby really tell Fox News that sanctions are beginning "
        "to have some effect on Moscow?"
    )
    result = verify(seeded_client, question)
    assert result["statement"] == question
    assert result["verdict"] == "contradicted"
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert {"kind": "speaker", "statement": "John Kirby", "passage": "Wendy Sherman"} in epoch[
        "differences"
    ]
    # a doubt tagged on at the end is not part of the claim
    tagged = verify(
        seeded_client,
        "Zelensky says he will stop negotiating with Russia, is this true?? saw it in replies",
    )
    assert tagged["verdict"] == "contradicted"
    continued = next(
        m
        for m in tagged["matches"]
        if m["claim"]["text"].endswith("continue negotiating with Russia.")
    )
    assert [d["kind"] for d in outlet(continued, "The Times of Israel")["differences"]] == [
        "negation"
    ]


def test_a_sentence_split_before_its_negating_participle_supports_the_whole_sentence(
    seeded_client,
):
    """Press TV: "In 2014, the two regions declared themselves new republics, refusing to
    recognize Ukraine's Western-backed government." — its two clauses are two claims."""
    whole = verify(
        seeded_client,
        "In 2014, the two regions declared themselves new republics, refusing to recognize "
        "Ukraine’s Western-backed government.",
    )
    assert whole["verdict"] == "supported"
    assert (
        verify(seeded_client, "In 2014, the two regions declared themselves new republics.")[
            "verdict"
        ]
        == "supported"
    )
    agreeing = verify(
        seeded_client,
        "In 2014, the two regions declared themselves new republics, agreeing to recognize "
        "Ukraine’s Western-backed government.",
    )
    assert agreeing["verdict"] == "contradicted"
    assert [d["kind"] for d in outlet(agreeing["matches"][0], "Press TV")["differences"]] == [
        "negation"
    ]


def test_a_ticker_names_the_day_in_capitals(seeded_client):
    result = verify(
        seeded_client,
        "ZELENSKY ON FRIDAY: RUSSIA HAS TAKEN A 'FUNDAMENTALLY DIFFERENT APPROACH' IN THE TALKS",
    )
    assert result["verdict"] == "contradicted"
    assert {"kind": "date", "statement": "Friday", "passage": "Saturday"} in outlet(
        result["matches"][0], "The Times of Israel"
    )["differences"]


def test_a_city_that_takes_down_flags_is_its_municipality_not_a_place(seeded_client):
    result = verify(
        seeded_client,
        "Jerusalem takes down Russian and Ukrainian flags from Old City walls after backlash, "
        "says it is 'happy' to host talks",
    )
    assert result["verdict"] == "supported"
    flags = result["matches"][0]
    assert "flags" in flags["claim"]["text"]
    assert outlet(flags, "The Times of Israel")["differences"] == []


def test_a_headlines_second_verb_is_checked_on_its_own(seeded_client):
    """Press TV: Kiev "is willing to negotiate" and "has refused to surrender or accept any
    ultimatums"; a ticker that denies the first and repeats the second is contradicted."""
    result = verify(
        seeded_client,
        "KIEV SAYS IT IS NOT WILLING TO NEGOTIATE WITH MOSCOW, REFUSES TO SURRENDER OR ACCEPT "
        "ANY ULTIMATUMS",
    )
    assert result["verdict"] == "contradicted"
    willing = next(m for m in result["matches"] if "willing" in m["claim"]["text"])
    assert [d["kind"] for d in outlet(willing, "Press TV")["differences"]] == ["negation"]
    both = verify(
        seeded_client,
        "Kiev says it is willing to negotiate with Moscow, refuses to surrender or accept any "
        "ultimatums",
    )
    assert both["verdict"] == "supported"


def test_an_inverted_closing_attribution_names_the_speaker(seeded_client):
    """ "…, says Podolyak": Podolyak, whom two outlets quote, not "Talks"."""
    result = verify(seeded_client, "Talks will resume by video-conference on Monday, says Podolyak")
    assert result["verdict"] == "supported"
    first = result["matches"][0]
    assert all(o["differences"] == [] for o in first["outlets"])


def test_a_checkers_note_and_the_reporting_outlet_are_not_part_of_the_claim(seeded_client):
    """ "Viral post says …" names no speaker ("Viral"); "…, Times of Israel reports" names
    no place (Israel)."""
    viral = verify(
        seeded_client,
        "Viral post says Zelensky aide Mykhailo Podolyak announced late on Sunday that talks "
        "with Moscow would restart by video conference on Monday, March 14.",
    )
    assert viral["verdict"] == "supported"
    assert all(o["differences"] == [] for o in viral["matches"][0]["outlets"])
    flags = verify(
        seeded_client,
        "Jeruslaem municipality removed the Ukrainian and Russian flags from the Old City's "
        "walls after critcism, Times of Israel reports.",
    )
    assert flags["verdict"] == "supported"
    assert outlet(flags["matches"][0], "The Times of Israel")["differences"] == []


def test_a_compound_statement_no_claim_matches_whole_is_answered_on_its_parts(seeded_client):
    """ "A, adding that B": the talks resuming on Monday match the first part well, and
    the outlets that report it say nothing of a refusal to confirm the round."""
    result = verify(
        seeded_client,
        "Podolyak confirmed late Sunday that talks would resume Monday by video link, adding "
        "that the Kremlin had refused to confirm the new round.",
    )
    assert result["verdict"] == "contradicted"
    resumed = next(m for m in result["matches"] if "resume" in m["claim"]["text"])
    assert [d["kind"] for d in outlet(resumed, "The Times of Israel")["differences"]] == [
        "negation"
    ]


def test_a_launch_on_the_wrong_day_claiming_its_aim_differs_on_the_date(seeded_client):
    """ "…, claiming it would defend people …": the aim is a part of its own, so the
    outlets that date the launch read the date against the launch."""
    result = verify(
        seeded_client,
        "Fact-check note: Putin launched the 'special military operation' on February 21, "
        "2022, claiming it would defend people suffering 'genocide by the Kiev regime' for "
        "eight years.",
    )
    assert result["verdict"] == "contradicted"
    dated = {
        o["outlet"]["name"]
        for m in result["matches"]
        for o in m["outlets"]
        if any(d["kind"] == "date" and d["passage"].endswith("24") for d in o["differences"])
    }
    assert {"The Times of Israel", "Press TV", "The Moscow Times"} <= dated


def test_a_broadcaster_named_after_its_country_is_the_source(seeded_client):
    """ "told Ukraine's 1+1 television": a medium, against the outlets' tweet."""
    result = verify(
        seeded_client,
        "Zelensky adviser Mykhailo Podolyak told Ukraine's 1+1 television on Sunday that "
        "negotiations 'go non-stop in the format of video conferences'.",
    )
    assert result["verdict"] == "contradicted"
    assert outlet(result["matches"][0], "Press TV")["differences"] == [
        {"kind": "source", "statement": "1+1", "passage": "Twitter"}
    ]


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        (
            # a date said aloud, as a transcript writes it
            "Putin ordered his troops into Ukraine on the twenty-sixth of February, and that is "
            "basically when this whole war started.",
            {"The Times of Israel": ("date", "the twenty-sixth of February", "February 24")},
        ),
        (
            # a live blog's stamp before the speaker's label
            "Mar 13 - Peskov: 'I think that we will achieve some results literally in a matter "
            "of days'",
            {"The Epoch Times": ("speaker", "Peskov", "Mykhailo Podolyak")},
        ),
        (
            # the passive of saying
            "It was said by Podolyak on Saturday that Russia has adopted fundamentally "
            "different approach in talks.",
            {"The Times of Israel": ("speaker", "Podolyak", "Volodymyr Zelensky")},
        ),
        (
            # a numbered channel spelt out, against the broadcaster that quoted the adviser
            "An unnamed senior Zelensky adviser told Israel's Channel Twelve that Bennett is a "
            "fair broker who would pressure the Russians to understand the situation.",
            {"The Times of Israel": ("source", "Channel 12", "Kan")},
        ),
        (
            # an office with a hedge before its verb, held by someone else
            "The Kremlin spokesperson reportedly wrote in an English-language Twitter post "
            "that negotiations go non-stop in the format of video conferences.",
            {"Press TV": ("speaker", "The Kremlin spokesperson", "Mykhailo Podolyak")},
        ),
        (
            # the same office, of another country
            "Russia's ambassador to the UN reportedly urged the General Assembly to recognise "
            "'the treacherous role of Belarus' in the conflict.",
            {"The Epoch Times": ("speaker", "Russia's ambassador", "Sergiy Kyslytsya")},
        ),
        (
            # where the next meeting is, against the border the passage names as where it
            # is, while the talks before it were in Belarus
            "Feb 28 - After five hours of talks in Belarus, Medinsky says the next meeting "
            "will take place in Moscow in the coming days",
            {"The Epoch Times": ("place", "Moscow", "Poland, Belarus")},
        ),
        (
            # a quote-post's quotation signed after a dash, and a cleft sentence
            ">> progress could develop over the next few days into a unified position held by "
            "both delegations in documents to be signed — Medinsky. Big if true.",
            {"The Moscow Times": ("speaker", "Medinsky", "Leonid Slutsky")},
        ),
        (
            "Replying to Lena Brandt: it was Nebenzia who told the General Assembly to "
            "recognise 'the treacherous role of Belarus' in the conflict.",
            {"The Epoch Times": ("speaker", "Nebenzia", "Sergiy Kyslytsya")},
        ),
    ],
)
def test_differences_written_as_transcripts_and_live_blogs_are_read(
    seeded_client, statement, expected
):
    assert_top_match_differs(seeded_client, statement, expected)


def test_a_misspelt_verb_of_saying_still_reports_speech(seeded_client):
    """ "sayed": what Slutsky said is matched, not the line saying who he is."""
    result = verify(
        seeded_client,
        "Leonid Slutskiy, head of Duma comittee for international afairs, sayed there is "
        "'significant progres' in talks with Ukrain.",
    )
    assert result["verdict"] == "supported"
    assert "progress" in result["matches"][0]["claim"]["text"].lower()
    assert {o["outlet"]["name"] for o in result["matches"][0]["outlets"]} >= {
        "The Times of Israel",
        "The Moscow Times",
    }


def test_flags_that_stay_up_are_flags_not_removed(seeded_client):
    result = verify(
        seeded_client,
        "Jerusalem municipality said it is happy to host talks, and flags of Ukraine and "
        "Russia stay on Old City walls despite criticism.",
    )
    assert result["verdict"] == "contradicted"
    assert ("negation", "stay on", "removed") in {
        (d["kind"], d["statement"], d["passage"])
        for m in result["matches"]
        for o in m["outlets"]
        for d in o["differences"]
    }


def test_disputed_questions_are_matters_of_contention(seeded_client):
    """ "clarified which disputed questions the possible … agreements would cover" is the
    remark Press TV reports he did not make."""
    result = verify(
        seeded_client,
        "Slutsky clarified which disputed questions the possible draft peace agreements "
        "would cover, reported RIA agency.",
    )
    assert result["verdict"] == "contradicted"
    differing = [
        (o["outlet"]["name"], d["kind"])
        for m in result["matches"]
        if "contention" in m["claim"]["text"]
        for o in m["outlets"]
        for d in o["differences"]
    ]
    assert ("Press TV", "negation") in differing


def test_an_acronym_finds_the_organisation_named_in_full(seeded_client):
    """ "the IAEA warned" against "the International Atomic Energy Agency downplayed
    those worries", which the acronym alone did not find."""
    result = verify(
        seeded_client,
        "The IAEA warned the Chernobyl plant's spent fuel cooling was at serious risk.",
    )
    assert result["verdict"] == "contradicted"
    assert ("The Epoch Times", ("negation", "warned", "downplayed")) in {
        (o["outlet"]["name"], (d["kind"], d["statement"], d["passage"]))
        for m in result["matches"]
        for o in m["outlets"]
        for d in o["differences"]
    }


@pytest.mark.parametrize(
    ("statement", "verdict", "differences"),
    [
        (
            "Wendy Sherman, the US deputy secretary of state, told Fox News on Thursday that "
            "sanctions were 'beginning to have some effect' on Moscow.",
            "contradicted",
            [{"kind": "date", "statement": "Thursday", "passage": "Sunday"}],
        ),
        (
            "Wendy Sherman told Fox News on Sunday that sanctions were beginning to have some "
            "effect.",
            "supported",
            [],
        ),
    ],
)
def test_the_day_of_a_quote_is_read_in_its_speakers_sentence_before_it(
    seeded_client, statement, verdict, differences
):
    """The quote's own sentence names no day; "Wendy Sherman said on Sunday that …" just
    before it does."""
    result = verify(seeded_client, statement)
    assert result["verdict"] == verdict
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["differences"] == differences
    if differences:
        assert any("on Sunday" in p["text"] for p in epoch["passages"])


def test_a_meeting_hosted_by_a_country_is_held_there(seeded_client):
    result = verify(
        seeded_client,
        "The first meeting between the Ministers for Foreign Affairs of the Russian Federation "
        "and Ukraine was hosted this week by Israel.",
    )
    assert result["verdict"] == "contradicted"
    assert outlet(result["matches"][0], "The Moscow Times")["differences"] == [
        {"kind": "place", "statement": "Israel", "passage": "Turkey"}
    ]


def test_a_text_message_in_lower_case_and_shorthand_is_read_with_its_names_and_days(
    seeded_client,
):
    # typed without capitals: Putin, Ukraine and "feb 23" are read as a name, a place
    # and a day, and the day differs from every outlet's February 24
    assert_top_match_differs(
        seeded_client,
        "putin ordered his army into ukraine on feb 23",
        {
            "The Times of Israel": ("date", "Feb 23", "February 24"),
            "The Moscow Times": ("date", "Feb 23", "Feb. 24"),
        },
    )


def test_hearsay_passed_on_to_a_tip_line_is_checked_as_the_claim_it_passes_on(seeded_client):
    # "someone at work" is no speaker; the place of the Feb. 28 round is
    assert_top_match_differs(
        seeded_client,
        "Someone at work claims the February 28 round of talks between the Russian and "
        "Ukrainian delegations was held in Poland.",
        {"Press TV": ("place", "Poland", "Ukraine, Russia, Belarus, Gomel")},
    )


def test_a_members_question_in_parliament_is_checked_as_the_claim_it_asks_about(
    seeded_client,
):
    assert_top_match_differs(
        seeded_client,
        "Is the Minister aware that the Kremlin spokesman, Mr Peskov, said on Monday that "
        "Russia had adopted a fundamentally different approach?",
        {
            "Press TV": ("speaker", "Mr Peskov", "Volodymyr Zelensky"),
            "The Times of Israel": ("date", "Monday", "Saturday"),
        },
    )


def test_a_subtitles_speaker_tag_is_the_speaker_of_its_line(seeded_client):
    assert_top_match_differs(
        seeded_client,
        "03:10 [PESKOV] Russia has adopted a fundamentally different approach / in the talks.",
        {"The Moscow Times": ("speaker", "Peskov", "Volodymyr Zelensky")},
    )


def test_a_fact_box_is_checked_as_the_sentence_it_stands_for(seeded_client):
    # the card's day (a Friday) against the Saturday the outlets give
    assert_top_match_differs(
        seeded_client,
        "Zelensky | Day: Fri | Claim: Russia has adopted a 'fundamentally different approach' "
        "in the talks",
        {"The Times of Israel": ("date", "Fri", "Saturday")},
    )


def test_a_headline_in_title_case_is_read_with_the_case_of_its_matches(seeded_client):
    # "Sherman Confirms Pentagon Working …": Sherman is the speaker, not a name of five words
    assert_top_match_differs(
        seeded_client,
        "Sherman Confirms Pentagon Working To Send More Weapons To Ukraine",
        {"The Epoch Times": ("speaker", "Sherman", "John Kirby")},
    )


def test_a_readers_letter_is_checked_as_the_claim_it_passes_on(seeded_client):
    # the greeting, "a blog says", the reader's doubt and the sign-off are not the claim
    assert_top_match_differs(
        seeded_client,
        "Dear desk, a blog says Medinsky described the February 28 talks in Belarus as "
        "lasting eight hours. That seems long, is it true? Regards, Hugo",
        {"The Epoch Times": ("number", "eight hours", "five hours")},
    )


def test_a_politicians_emphasis_is_no_speaker(seeded_client):
    result = verify(
        seeded_client,
        "Let me tell you what Podolyak tweeted late on Sunday: the working groups are "
        "constantly functioning and many issues need constant attention.",
    )
    assert result["verdict"] == "supported"
    assert outlet(result["matches"][0], "Press TV")["stance"] == "supports"


@pytest.mark.parametrize(
    "statement",
    [
        # an honorific names no one more than the surname does
        "Mr Medinsky said the talks on February 28 went on for eight hours.",
        # who he is, explained between his name and what he said, is not what he said
        "Mr Medinsky, the head of the Russian team, said the talks on February 28 went on "
        "for eight hours.",
    ],
)
def test_a_speaker_described_for_young_readers_is_matched_on_what_he_said(seeded_client, statement):
    assert_top_match_differs(
        seeded_client, statement, {"The Epoch Times": ("number", "eight hours", "five hours")}
    )


@pytest.mark.parametrize(
    "statement",
    [
        "23:05 GMT — Medinsky says progress could grow in the coming days into a unified "
        "position of both delegations in documents to be signed.",
        "Updated 9.05am: Medinsky says progress could grow in the coming days into a unified "
        "position of both delegations in documents to be signed.",
    ],
)
def test_a_live_blog_entry_is_checked_after_its_stamp(seeded_client, statement):
    # Slutsky said it, in every outlet
    assert_top_match_differs(
        seeded_client,
        statement,
        {"The Times of Israel": ("speaker", "Medinsky", "Leonid Slutsky")},
    )


def test_a_tabloid_posts_emphasis_and_exclamations_are_read_through(seeded_client):
    # "GENEVA" is a place, as "Geneva" is; the speech was in New York
    assert_top_match_differs(
        seeded_client,
        "🇺🇳 While talks went on, Ukraine's UN envoy Kyslytsya demanded in GENEVA that "
        "Russia stop its offensive! #StandWithUkraine",
        {"The Epoch Times": ("place", "Geneva", "New York")},
    )
    # Podolyak took the jibe, not Zelensky
    assert_top_match_differs(
        seeded_client,
        "WOW! 🤣 Zelensky takes a JIBE at Moscow, saying Russia has 'turned to China for "
        "military help'! #Ukraine",
        {"Press TV": ("speaker", "Zelensky", "Mykhailo Podolyak")},
    )


def test_a_filings_allegation_is_checked_as_the_claim_it_alleges(seeded_client):
    # Slutsky said it; "It is alleged that" and the clause number name no one
    assert_top_match_differs(
        seeded_client,
        "4. It is alleged that Vladimir Medinsky, head of the Russian delegation, stated that "
        "progress could develop within days into a unified position of both delegations in "
        "documents to be signed.",
        {"The Times of Israel": ("speaker", "Medinsky", "Leonid Slutsky")},
    )


def test_a_chain_of_outlets_is_neither_speaker_nor_source(seeded_client):
    # AFP and The Moscow Times relay what Podolyak wrote: the outlets that report it support
    result = verify(
        seeded_client,
        "AFP, in a report carried by The Moscow Times, said Podolyak wrote in an "
        "English-language tweet on Sunday that negotiations were going on non-stop by video "
        "conference.",
    )
    assert result["verdict"] == "supported"
    assert outlet(result["matches"][0], "The Moscow Times")["stance"] == "supports"


def test_a_date_in_figures_is_compared_as_a_date(seeded_client):
    assert_top_match_differs(
        seeded_client,
        "Delegations from Ukraine and Russia held talks in Belarus's Gomel region on 27/02/2022.",
        {"Press TV": ("date", "27/02/2022", "February 28, 2022")},
    )


def test_a_number_spelt_out_in_words_is_the_number(seeded_client):
    result = verify(
        seeded_client,
        "Zelensky said humanitarian corridors saved over one hundred and thirty thousand "
        "people in six days.",
    )
    assert result["verdict"] == "supported"
    assert outlet(result["matches"][0], "The Times of Israel")["stance"] == "supports"


def test_no_before_a_quotation_negates_it(seeded_client):
    assert_top_match_differs(
        seeded_client,
        "The Epoch Times, via AP, reported that Putin told state media on Friday there had "
        "been no 'positive shifts' in the talks.",
        {"The Moscow Times": ("negation", "negated: no 'positive", "affirmed")},
    )


def test_a_quote_card_is_checked_against_its_speakers_words(seeded_client):
    # Wendy Sherman said it to Fox News, not the Pentagon's spokesman
    assert_top_match_differs(
        seeded_client,
        "Pentagon spokesman John Kirby, to Fox News: 'We are seeing some signs to have real, "
        "serious negotiations.'",
        {"The Epoch Times": ("speaker", "John Kirby", "Wendy Sherman")},
    )


def test_a_month_alone_differs_from_a_day_in_another_month(seeded_client):
    # Putin spoke of positive shifts on a Friday in March
    result = verify(
        seeded_client,
        "Putin told state media in February that there had been some positive shifts in the talks.",
    )
    epoch = outlet(result["matches"][0], "The Epoch Times")
    assert epoch["stance"] == "differs"
    assert ("date", "February", "Friday") in {
        (d["kind"], d["statement"], d["passage"]) for d in epoch["differences"]
    }


def test_a_wrong_date_in_the_first_of_two_events_makes_the_outlets_differ(seeded_client):
    result = verify(
        seeded_client,
        "Putin sent Russian troops into Ukraine on February 22, before negotiators from Moscow "
        "and Kyiv held several rounds of talks.",
    )
    assert result["verdict"] in ("contradicted", "mixed")
    times = outlet(result["matches"][0], "The Times of Israel")
    assert ("date", "February 22", "February 24") in {
        (d["kind"], d["statement"], d["passage"]) for d in times["differences"]
    }


def test_a_plain_words_paraphrase_finds_the_passage(seeded_client):
    # "main goal" for "primary aim"
    result = verify(
        seeded_client,
        "After the Feb. 28 talks broke off, Zelensky's top aide told reporters the main goal "
        "had been a ceasefire and that delegations were heading back to their capitals.",
    )
    assert result["verdict"] == "supported"
    assert outlet(result["matches"][0], "The Epoch Times")["stance"] == "supports"
