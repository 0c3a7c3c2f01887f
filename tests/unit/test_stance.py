"""Stance rules: which details of a statement a passage contradicts, and how an
article's passages add up to a stance (service/matching/stance.py, verdict.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from service.domain import Claim, Difference
from service.extraction import extract_details
from service.matching.rerank import Scored
from service.matching.stance import (
    StatementFacts,
    agreements,
    differences,
    may_have_parts,
    reports_speech,
    spells_out,
    statement_clauses,
    statement_office,
    statement_source,
    statement_speaker,
    where_named,
    without_lead_in,
)
from service.matching.text import month_day
from service.matching.verdict import (
    ArticleContext,
    Match,
    OutletStance,
    build_matches,
    outlet_stances,
    part_matches,
    verdict_of,
)

PUBLISHED = dt.date(2023, 6, 12)  # a Monday


def facts(statement: str) -> StatementFacts:
    return StatementFacts(
        details=extract_details(statement).to_dict(),
        text=statement,
        speaker=statement_speaker(statement),
        source=statement_source(statement),
    )


def found_in(
    statement: str,
    passage: str,
    *,
    published=PUBLISHED,
    claimant=None,
    source=None,
    claimant_roles=(),
):
    """Every difference the passage shows against the statement."""
    return differences(
        facts(statement),
        passage_details=extract_details(passage, published=published).to_dict(),
        claimant=claimant,
        source=source,
        passage_text=passage,
        claimant_roles=claimant_roles,
    )


def kinds(statement: str, passage: str, *, claimant=None, source=None) -> list[str]:
    return [d.kind for d in found_in(statement, passage, claimant=claimant, source=source)]


_ids = iter(range(1, 10_000))


def claim(
    passage: str,
    *,
    article: int = 1,
    outlet: int = 1,
    start: int = 0,
    fact: int | None = 1,
    claimant: str | None = None,
    source: str | None = None,
) -> Claim:
    return Claim(
        id=next(_ids),
        article_id=article,
        outlet_id=outlet,
        start=start,
        end=start + len(passage),
        passage=passage,
        text=passage,
        claimant=claimant,
        source=source,
        kind="reported_speech",
        details=extract_details(passage, published=PUBLISHED).to_dict(),
        worthiness=0.8,
        language="en",
        fact_id=fact,
        outlet_name=f"Outlet {outlet}",
    )


# ------------------------------------------------------------------ dates


def test_month_day_reads_both_orders_and_abbreviations():
    assert month_day("Sept. 9") == (9, 9)
    assert month_day("on 3rd of March") == (3, 3)
    assert month_day("in 2019") is None


def test_a_date_without_a_year_differs_from_the_passage_date():
    assert kinds(
        "The ceasefire took effect on June 8.", "The ceasefire took effect on June 10, 2023."
    ) == ["date"]
    assert (
        kinds(
            "The ceasefire took effect on June 10.", "The ceasefire took effect on June 10, 2023."
        )
        == []
    )


def test_a_stated_date_differs_from_the_weekday_the_passage_gives():
    # the passage's "Monday" resolves to June 12, 2023 from its publication date
    assert kinds("The summit opened on June 13.", "The summit opened on Monday.") == ["date"]
    assert kinds("The summit opened on June 12.", "The summit opened on Monday.") == []


def test_a_year_is_compared_with_a_full_date_only_on_the_year():
    assert kinds("The dam was built in 1956.", "The dam was completed on May 2, 1956.") == []


# ------------------------------------------------------------------ speakers


def test_a_role_modifier_is_not_the_speaker_but_a_name_after_the_role_is():
    assert statement_speaker("Britain's EU envoy said the deal was close.") is None
    assert statement_speaker("State Department spokesman Ned Price said talks had stalled.") == (
        "Ned Price"
    )


def test_a_live_blogs_stamp_opens_the_entry_before_its_speaker():
    # "Mar 13 - Peskov: …", "Sunday, 14:05 | Lavrov says …": the day and time come first
    assert statement_speaker("Mar 13 - Peskov: 'we will achieve some results in days'") == (
        "Peskov"
    )
    assert statement_speaker("Sunday, 14:05 | Medinsky says progress could grow") == ("Medinsky")
    assert (
        statement_speaker(
            "Feb 28, UN | Ukraine's defence minister Reznikov: the Assembly must act now"
        )
        == "Reznikov"
    )
    # two names joined by a spaced dash are no stamp
    assert statement_speaker("Zelensky - Putin talks are not planned, Peskov said") == "Peskov"


def test_the_speaker_of_a_deed_is_the_speaker_of_the_stating_it_did():
    assert statement_speaker(
        "Zelensky, in a tweet, took a jibe at Moscow, stating that it had turned to China."
    ) == ("Zelensky")


def test_a_posts_exclamation_and_emoji_are_no_speaker():
    assert statement_speaker("Round two INCOMING! 🥊 Medinsky says the next meeting is soon") == (
        "Medinsky"
    )
    assert statement_speaker("🤣 Zelensky takes a jibe, saying Moscow turned to China") == (
        "Zelensky"
    )
    assert statement_speaker("You won't BELIEVE this! 🤬 Nebenzia claims Kyiv had an army") == (
        "Nebenzia"
    )
    # a saying, or a reaction too short to be the claim, is no exclamation before it
    assert without_lead_in("Zelensky says talks go well! Amazing news") == (
        "Zelensky says talks go well! Amazing news"
    )


def test_a_live_blogs_clock_and_entry_label_are_no_speaker():
    # a time with its zone is one stamp; "Updated 9.05am:" and "KEY EVENT:" label the entry
    assert statement_speaker("23:05 GMT — Medinsky says progress could grow in days") == (
        "Medinsky"
    )
    assert statement_speaker("Updated 9.05am: Foreign Minister Dmytro Kuleba says talks began") == (
        "Foreign Minister Dmytro Kuleba"
    )
    assert without_lead_in("09:40 GMT — KEY EVENT: Medinsky says talks will go on.") == (
        "Medinsky says talks will go on."
    )
    assert without_lead_in("Updated at 11 pm EET: Talks resume.") == "Talks resume."


def test_a_subtitles_speaker_tag_names_the_speaker_and_its_labels_do_not():
    # a time code, then the tag: in capitals with how it was rendered, or in brackets
    assert statement_speaker("00:42 ZELENSKY (translated): we will achieve some results") == (
        "Zelensky"
    )
    assert statement_speaker("03:10 [PESKOV] A hard negotiation has started.") == "Peskov"
    assert statement_speaker("[PODOLYAK, via Twitter] Talks resume on Monday.") == "Podolyak"
    # who reads the lines or where they stand is no speaker
    assert statement_speaker("NARRATOR: Putin tells state media there were positive shifts") == (
        "Putin"
    )
    assert statement_speaker("ON SCREEN TEXT: Ukraine's envoy urges a withdrawal.") is None
    assert without_lead_in("ON SCREEN TEXT: Thursday / Putin orders troops in.") == (
        "Thursday / Putin orders troops in."
    )
    # an alert's label in capitals is no speaker either
    assert statement_speaker("BREAKING: talks resume on Monday") is None


def test_a_speaker_quoted_himself_or_fronted_with_as_is_the_speaker():
    assert statement_speaker("Zelensky himself: we will achieve some results in days") == (
        "Zelensky"
    )
    assert statement_speaker("As Zelensky put it, Moscow has turned to China for help.") == (
        "Zelensky"
    )
    assert (
        statement_speaker("As Podolyak himself put it, tweeting a photo, a hard talk began.")
        == "Podolyak"
    )
    assert statement_speaker("As expected, talks resumed on Monday.") is None


def test_a_fronted_time_then_a_name_and_its_aside_names_the_speaker():
    assert (
        statement_speaker(
            "On Saturday, 12 March 2022, Andriy Yermak, head of the Office of the President "
            "of Ukraine, said that Russia had changed its approach."
        )
        == "Andriy Yermak"
    )
    assert statement_speaker("On Monday, Russia, Ukraine and Belarus said talks go on.") is None


def test_the_passive_of_saying_names_its_speaker_after_by():
    assert (
        statement_speaker("It was said by Podolyak on Saturday that Russia changed its approach.")
        == "Podolyak"
    )
    assert (
        statement_speaker(
            "Talks will be resumed in Monday, it was told by Zelensky adviser Podolyak late in "
            "Sunday on Twitter."
        )
        == "Podolyak"
    )
    assert statement_speaker("The report was confirmed by Reuters on Sunday.") is None
    # a brief's verbs of asserting and reporting
    assert statement_speaker(
        "It was asserted by Kremlin spokesman Dmitry Peskov that negotiations go non-stop."
    ) == ("Dmitry Peskov")
    assert statement_speaker("It was reported by Slutsky that progress was made.") == "Slutsky"


def test_a_quotation_signed_after_a_dash_reports_its_speakers_words():
    signed = "'Citizens can now report troop movements through our chatbot,' — Ukraine's "
    assert statement_speaker(signed + "digital minister Mykhailo Fedorov") == "Mykhailo Fedorov"
    assert reports_speech(signed + "digital minister Mykhailo Fedorov")
    assert reports_speech("'Sanctions are beginning to have some effect,' — Wendy Sherman")
    # dashes around an aside sign nothing
    assert not reports_speech("The talks — held in Belarus — went on for five hours.")


def test_a_quote_cards_label_names_the_speaker_and_whom_he_told():
    statement = "Pentagon spokesman John Kirby, to Fox News: 'We are seeing some signs of talks.'"
    assert statement_speaker(statement) == "John Kirby"
    assert statement_source(statement) == "Fox News"
    assert statement_speaker("Putin, to state media in February: 'There were shifts.'") == "Putin"


def test_a_channel_numbered_in_words_and_a_newspaper_named_without_the_are_media():
    assert statement_source("An adviser told Israel's Channel Twelve that Bennett is fair.") == (
        "Channel 12"
    )
    assert statement_source("An adviser told Haaretz newspaper that Bennett is fair.") == (
        "Haaretz"
    )
    assert statement_source("He told Channel 12 that talks went on.") == "Channel 12"
    assert statement_source("The channel one watches most said nothing.") is None


def test_an_office_may_take_a_hedge_before_its_verb():
    assert statement_office(
        "The Kremlin spokesperson reportedly wrote that negotiations go non-stop."
    ) == ("The Kremlin spokesperson", "spokesman")
    assert statement_office("Ukraine's defence minister reportedly jibed on Twitter.") == (
        "Ukraine's defence minister",
        "minister",
    )
    assert statement_speaker("Podolyak reportedly stated that talks would resume.") == "Podolyak"


def test_an_office_of_another_country_differs_on_the_speaker():
    statement = "Russia's ambassador to the UN urged the Assembly to condemn Belarus."
    passage = "He urged the Assembly to condemn Belarus."
    found = found_in(
        statement,
        passage,
        claimant="Sergiy Kyslytsya",
        claimant_roles=["Ukraine's UN ambassador"],
    )
    assert [(d.kind, d.statement) for d in found] == [("speaker", "Russia's ambassador")]
    # the same office of the same country agrees; a speaker the articles give no
    # country stays unchallenged
    assert (
        found_in(
            statement,
            passage,
            claimant="Vassily Nebenzia",
            claimant_roles=["Russian UN ambassador"],
        )
        == []
    )
    assert found_in(statement, passage, claimant="Jane Doe", claimant_roles=["ambassador"]) == []


def test_a_description_in_lower_case_before_a_name_is_no_speaker_of_its_own():
    statement = "Even Kremlin hawk Slutsky concedes that 'a hard negotiation has started'."
    assert statement_speaker(statement) == "Slutsky"
    assert statement_speaker("Hardline lawmaker Slutsky reportedly claimed progress.") == (
        "Slutsky"
    )
    # a name that words join to something else is not described by them
    assert statement_speaker("The talks with Medinsky said nothing new.") is None


def test_an_office_set_off_before_or_after_the_name_names_the_speaker():
    # a communiqué's register: the office, the name between commas, the verb
    assert (
        statement_speaker(
            "The Head of the Russian delegation, Vladimir Medinsky, stated to the RT "
            "television network that progress had been made."
        )
        == "Vladimir Medinsky"
    )
    assert (
        statement_speaker(
            '"Negotiations go non-stop," the spokesman for the Russian presidency, Dmitry '
            "Peskov, stated."
        )
        == "Dmitry Peskov"
    )
    assert (
        statement_speaker(
            '"We will achieve results in days," the member of the Russian delegation '
            "Leonid Slutsky stated."
        )
        == "Leonid Slutsky"
    )
    assert (
        statement_speaker(
            "It was stated on Saturday by the adviser Mykhailo Podolyak that Russia changed."
        )
        == "Mykhailo Podolyak"
    )


def test_a_cleft_sentence_and_a_signed_quotation_name_the_speaker():
    assert (
        statement_speaker(
            "Replying to Lena Brandt: it was Nebenzia who told the General Assembly to act."
        )
        == "Nebenzia"
    )
    assert (
        statement_speaker(
            ">> progress could develop into documents to be signed — Medinsky. Big if true."
        )
        == "Medinsky"
    )
    # a place after the dash, or a time in the cleft, is no speaker
    assert statement_speaker("Talks resumed on Monday in a video format — Ukraine.") is None
    assert statement_speaker("It was Monday that talks resumed.") is None


def test_talks_between_two_countries_are_no_speaker():
    assert (
        statement_speaker("Russia-Ukraine talks resume Monday after both sides hailed progress.")
        is None
    )
    assert statement_speaker("US-China talks stalled in Geneva last week.") is None
    assert (
        kinds(
            "Russia-Ukraine talks resume Monday after both sides hailed progress.",
            "Talks are set to resume Monday after both sides hailed progress.",
            claimant="negotiators and the Kremlin",
        )
        == []
    )
    # a person whose name is hyphenated still speaks
    assert (
        statement_speaker("Jean-Yves Le Drian said the war would be long.") == "Jean-Yves Le Drian"
    )


def test_unnamed_sources_opening_a_statement_are_no_speaker():
    # "Reports" is capitalised only because it opens the sentence
    statement = (
        "Reports on the ceasefire talks say direct fighting between the Russian and "
        "Ukrainian armies has now gone on for more than three weeks."
    )
    assert statement_speaker(statement) is None
    assert statement_speaker("Analysts said the talks were stalling.") is None
    assert statement_speaker("Peskov said the talks were stalling.") == "Peskov"
    # so a passage that quotes nobody is not read as another speaker's
    assert (
        kinds("Sources say the talks were stalling.", "The talks were stalling, officials said.")
        == []
    )


def test_a_surname_transliterated_with_i_for_y_is_the_same_speaker():
    statement = "Ukranian UN ambasador Sergiy Kislitsya urged the assembly to act."
    assert kinds(statement, "The assembly should act.", claimant="Sergiy Kyslytsya") == []
    assert kinds(statement, "The assembly should act.", claimant="Vassily Nebenzia") == ["speaker"]


def test_a_role_in_lower_case_before_the_name_leads_to_the_name():
    statement = "Russian delegation head Vladimir Medinsky said the talks showed progress."
    assert statement_speaker(statement) == "Vladimir Medinsky"
    assert statement_speaker("Kyiv's chief negotiator David Arakhamia told reporters.") == (
        "David Arakhamia"
    )
    assert kinds(statement, "The talks showed progress.", claimant="Leonid Slutsky") == ["speaker"]


SLUTSKY_PROGRESS = (
    "If we compare the positions of both delegations at the start of the talks and now, "
    "we see significant progress."
)


def test_a_role_and_name_labelling_a_quotation_is_its_speaker():
    statement = (
        'Kremlin spokesman Dmitry Peskov: "If we compare the positions of both delegations '
        'at the start of the talks and now, we see significant progress."'
    )
    assert statement_speaker(statement) == "Dmitry Peskov"
    assert kinds(
        statement,
        SLUTSKY_PROGRESS,
        claimant="Leonid Slutsky",
    ) == ["speaker"]


def test_an_attribution_closing_a_quotation_with_said_before_the_role_names_the_speaker():
    statement = (
        "“If we compare the positions of both delegations at the start of the talks and now, "
        "we see significant progress,” said Russian delegation head Vladimir Medinsky."
    )
    assert statement_speaker(statement) == "Vladimir Medinsky"
    assert kinds(
        statement,
        SLUTSKY_PROGRESS,
        claimant="Leonid Slutsky",
    ) == ["speaker"]
    assert statement_speaker("Talks will resume, said Ukrainian negotiator Mykhailo Podolyak.") == (
        "Mykhailo Podolyak"
    )


def test_a_capitalised_opening_word_is_no_speaker_when_another_subject_says_it():
    statement = "Negotiations will continue on Monday, the Kremlin spokesman said."
    assert statement_speaker(statement) is None
    assert (
        kinds(
            statement, "Negotiations were scheduled to continue Monday.", claimant="Dmitry Peskov"
        )
        == []
    )
    # a name set off by an aside still speaks
    assert statement_speaker("Zelensky, in a video address, said talks were hard.") == "Zelensky"


def test_a_headline_before_a_colon_is_no_speaker_of_what_follows():
    statement = (
        "Chernobyl is back on the grid: Ukraine says it restored a broken power line to the "
        "defunct plant, which had been running on generators."
    )
    assert statement_speaker(statement) != "Chernobyl"
    passage = "On Sunday, Ukraine said it restored a broken power line to the Chernobyl plant."
    assert kinds(statement, passage, claimant="Ukraine") == []
    # a speaker label before the colon still names the speaker
    assert statement_speaker("Peskov: talks will resume on Monday.") == "Peskov"


def test_a_negation_in_a_stretch_set_off_by_dashes_is_no_negation_of_the_sentence():
    passage = (
        "He said his delegation has a clear task to do everything to ensure a meeting "
        "between the two presidents."
    )
    aside = (
        "Zelensky says his negotiators have a 'clear task': do everything to ensure he and "
        "Putin meet — requests the Kremlin has so far left unanswered."
    )
    assert kinds(aside, passage) == []
    between = "Zelensky says his delegation — never idle — has a clear task to ensure a meeting."
    assert kinds(between, passage) == []
    # outside the dashes the negation still counts
    main = "Zelensky says his delegation has no clear task — he and Putin will not meet."
    assert kinds(main, passage) == ["negation"]


def test_a_speaker_label_with_its_topic_before_a_quotation_names_the_speaker():
    quote = "I think that we will achieve some results literally in a matter of days."
    statement = f"Russia's Leonid Slutsky on the talks: '{quote}'"
    assert statement_speaker(statement) == "Leonid Slutsky"
    assert kinds(statement, quote, claimant="Mykhailo Podolyak") == ["speaker"]
    assert kinds(statement, quote, claimant="Leonid Slutsky") == []
    assert statement_speaker("Medinsky after the Feb. 28 talks: 'Several topics were set.'") == (
        "Medinsky"
    )
    # without a quotation after it, a phrase before a colon is no label
    assert statement_speaker("Medinsky after the talks: a deal is near.") is None


def test_a_question_opening_a_post_is_a_lead_in():
    statement = (
        "Is Moscow changing course? Kremlin spokesman Dmitry Peskov said Saturday that "
        "Russia had adopted a 'fundamentally different approach' in the talks."
    )
    assert statement_speaker(statement) == "Dmitry Peskov"
    passage = "Russia had adopted a fundamentally different approach in the talks."
    assert kinds(statement, passage, claimant="Volodymyr Zelensky") == ["speaker"]


def test_a_negating_word_the_statement_says_in_an_aside_is_no_difference():
    statement = (
        "Zelensky says his delegation's 'clear task' is to do everything to secure a meeting "
        "between him and Putin, whose Kremlin has so far left his requests unanswered."
    )
    assert kinds(statement, "Which, so far, have gone unanswered by the Kremlin.") == []
    # a bare "not" elsewhere in the statement is not the passage's negation
    said = "Zelensky, who did not travel, says the Kremlin answered his requests for a meeting."
    assert kinds(said, "His requests have not been answered by the Kremlin.") == ["negation"]


def test_a_misspelt_nationality_before_a_role_is_not_the_speaker():
    statement = (
        "Russain delegation head Vladmir Medinsky said the next meeting woud take place at "
        "the Polish-Belarusian border."
    )
    assert statement_speaker(statement) == "Vladmir Medinsky"
    assert (
        kinds(
            statement,
            "The next meeting will take place in the coming days at the Polish-Belarusian border.",
            claimant="Vladimir Medinsky",
        )
        == []
    )


def test_a_country_that_acts_through_an_auxiliary_is_a_party_not_a_place():
    passage = "He dismissed the Kremlin's military operation in Ukraine as a failure."
    assert (
        kinds("He claimed Russia had sought military help and called it a failure.", passage) == []
    )
    # after a preposition it is where something happened
    assert kinds("Talks in Poland have stalled.", "Talks in Belarus have stalled.") == ["place"]


def test_a_title_of_something_leads_to_the_name_after_it():
    statement = "U.S. Deputy Secretary of State Wendy Sherman said Moscow showed signs of talks."
    assert statement_speaker(statement) == "Wendy Sherman"
    assert statement_speaker("UN Secretary General said the war must end.") is None
    assert kinds(statement, "Moscow showed signs of talks.", claimant="Wendy Sherman") == []


def test_a_misspelt_role_still_leads_to_the_name_after_it():
    statement = "Russia's UN ambasador Vassily Nebenzia insisted the army poses no threat."
    assert statement_speaker(statement) == "Vassily Nebenzia"
    assert statement_speaker("Kremlin spokesmn Dmitry Peskov said the talks were hard.") == (
        "Dmitry Peskov"
    )
    # an unnamed holder of a misspelt role is no speaker
    assert statement_speaker("Russia's UN ambasador said the army poses no threat.") is None


def test_an_attribution_that_closes_the_statement_names_the_speaker_in_full():
    assert (
        statement_speaker(
            "Significant progress had been made in the talks, Leonid Slutsky told RT."
        )
        == "Leonid Slutsky"
    )
    assert statement_speaker("The talks will resume on Monday, Mykhailo Podolyak said.") == (
        "Mykhailo Podolyak"
    )
    assert statement_speaker("Wendy Sherman told CNN that sanctions were working.") == (
        "Wendy Sherman"
    )


def test_a_rank_before_a_role_is_not_the_speaker_but_the_name_after_it_is():
    assert (
        statement_speaker("America's No. 2 diplomat Wendy Sherman says the Kremlin shows signs.")
        == "Wendy Sherman"
    )
    assert statement_speaker("The State Department's No. 2 said Moscow shows signs.") is None
    assert statement_speaker("No deal was reached, Peskov said.") == "Peskov"


def test_a_month_or_a_pronoun_is_not_a_speaker():
    assert statement_speaker("The Oct. 3 vote was delayed, and Scholz said so.") is None
    assert statement_speaker("He told reporters the bridge would reopen.") is None


def test_a_weekday_or_a_time_word_opening_the_statement_is_not_a_speaker():
    assert (
        statement_speaker("Earlier Sunday, the city council said it would host the summit.") is None
    )
    assert statement_speaker("Yesterday, the ministry said the port was closed.") is None
    assert statement_speaker("On Monday, Scholz said the pipeline was halted.") == "Scholz"
    # a speaker found elsewhere is still read against the passage's claimant
    assert (
        kinds(
            "Earlier Sunday, the city council said it would host the summit.",
            "Earlier Sunday, the city council said it would host the summit.",
            claimant="the city council",
        )
        == []
    )


# ------------------------------------------------------------------ sources


def test_media_named_by_their_country_are_a_source():
    assert statement_source("Lavrov was quoted by Ukrainian media as saying talks had ended.") == (
        "Ukrainian media"
    )
    assert statement_source("Netanyahu told Israel's Channel 13 the vote would pass.") == (
        "Channel 13"
    )
    assert statement_source("The claim was reported by abc affiliates.") is None


def test_an_outlet_named_after_what_it_is_is_a_source():
    assert statement_source(
        "The mayor told the newspaper Kommersant that the bridge reopened."
    ) == ("Kommersant")
    assert statement_source("In an interview with the business daily Vedomosti, he said so.") == (
        "Vedomosti"
    )
    # a known medium keeps its canonical name; an unnamed one is no source
    assert statement_source("Peskov told the state news agency RIA Novosti so.") == "RIA Novosti"
    assert statement_source("He told the network that talks would go on.") is None
    assert kinds(
        "Slutsky told the newspaper Kommersant that significant progress had been made.",
        "Slutsky said significant progress had been made.",
        claimant="Leonid Slutsky",
        source="RIA Novosti",
    ) == ["source"]


def test_a_medium_in_the_clause_of_someone_else_is_not_the_speakers():
    statement = (
        "Kremlin spokesman Dmitry Peskov had already said negotiations would continue on "
        "Monday before Ukraine's Podolyak confirmed the video talks on Twitter."
    )
    assert statement_source(statement) is None
    passage = "Negotiations were scheduled to continue Monday."
    assert kinds(statement, passage, source="Russian news agencies") == []
    # the speaker's own medium, before the other clause, still counts
    assert statement_source("Peskov told RT before Zelensky spoke that talks would go on.") == "RT"
    assert statement_source("After Monday's talks, Peskov told RT they went well.") == "RT"


def test_country_media_agree_only_with_media_of_that_country():
    statement = "Lavrov was quoted by Ukrainian media as saying talks had ended."
    passage = "Lavrov said the talks had ended."
    assert kinds(statement, passage, source="Russian news agencies") == ["source"]
    assert kinds(statement, passage, source="UNIAN") == []


def test_a_numbered_channel_differs_from_another_broadcaster():
    assert kinds(
        "Netanyahu told Israel's Channel 13 the vote would pass.",
        "The vote would pass.",
        source="Kan",
    ) == ["source"]


# ------------------------------------------------------------------ places and numbers


def test_a_country_named_only_as_a_party_is_not_where_it_happened():
    assert (
        kinds(
            "Talks with Ukraine made progress, the envoy said.",
            "The talks in Turkey made progress.",
        )
        == []
    )
    assert kinds("The talks were held in Vienna.", "The talks were held in Geneva.") == ["place"]


def test_a_border_between_other_countries_is_a_place_difference():
    assert kinds(
        "Refugees gathered at the Hungarian-Ukrainian border.",
        "Refugees gathered at the Polish-Ukrainian border.",
    ) == ["place"]
    assert (
        kinds(
            "Refugees gathered at the Polish-Ukrainian border.",
            "Refugees gathered at the Polish-Ukrainian border.",
        )
        == []
    )


def test_a_border_with_a_slip_in_a_countrys_name_is_that_countrys():
    passage = "The next meeting will take place at the Polish-Belarusian border."
    assert kinds("The next meeting will be at the Polsih-Belarusian border.", passage) == []
    assert kinds("The next meeting will be at the Belarus-Polnad border.", passage) == []
    assert kinds("The next meeting will be at the Ukranian-Belarusian border.", passage) == [
        "place"
    ]


def test_a_large_count_without_a_unit_meets_the_passage_count():
    assert kinds(
        "The army faced a 90,000-strong force.", "The army faced a force of 60,000 troops."
    ) == ["number"]
    assert (
        kinds("The army faced a 60,000-strong force.", "The army faced a force of 60,000 troops.")
        == []
    )


def test_lengths_of_time_in_other_units_are_compared_in_days():
    assert kinds(
        "The corridors saved 40,000 people in two weeks.",
        "The corridors saved 40,000 people in six days.",
    ) == ["number"]
    assert (
        kinds(
            "The corridors saved 40,000 people in two weeks.",
            "The corridors saved 40,000 people in 14 days.",
        )
        == []
    )
    assert kinds("The strike lasted three months.", "The strike lasted 90 days.") == []
    assert kinds("The talks lasted eight hours.", "The five-hour talks ended.") == ["number"]
    # a length of time is not compared with a count of something else
    assert kinds("The talks lasted two days.", "Two delegations met.") == []


def test_the_difference_of_two_lengths_of_time_names_both_units():
    details = extract_details("The corridors saved 40,000 people in six days.").to_dict()
    (found,) = differences(
        facts("The corridors saved 40,000 people in two weeks."),
        passage_details=details,
        claimant=None,
        source=None,
        passage_text="The corridors saved 40,000 people in six days.",
    )
    assert (found.kind, found.statement, found.passage) == ("number", "two weeks", "six days")


def test_a_verb_that_forbids_negates_what_it_governs():
    assert kinds(
        "Hungary has barred the convoys from crossing its territory.",
        "Hungary has allowed the convoys to cross its territory.",
    ) == ["negation"]
    assert kinds("The regulator banned the merger.", "The regulator prohibited the merger.") == []
    assert kinds("The bar on Main Street reopened.", "The bar on Main Street reopened.") == []


# ------------------------------------------------------------------ compound statements


def test_a_compound_statement_splits_into_parts_with_their_own_details():
    parts = statement_clauses(
        facts("Merkel said exports rose by 4 percent in March and that imports fell by 2 percent.")
    )
    assert [p.text for p in parts] == [
        "Merkel said exports rose by 4 percent in March",
        "imports fell by 2 percent",
    ]
    assert parts[1].speaker == "Merkel"  # "and that": still what Merkel said
    assert [q["value"] for q in parts[1].details["numbers"]] == [2.0]
    simple = facts("The bridge reopened after three weeks of repairs.")
    assert statement_clauses(simple) == [simple]
    # a dash before "and" joins two claims as a comma does
    dashed = statement_clauses(
        facts(
            "Zelensky says corridors saved 130,000 people in six days - and the Kremlin has "
            "finally accepted his request to meet Putin."
        )
    )
    assert [p.text for p in dashed] == [
        "Zelensky says corridors saved 130,000 people in six days",
        "the Kremlin has finally accepted his request to meet Putin",
    ]
    # a hyphen inside a word is no break
    assert len(statement_clauses(facts("The Russia-and-Ukraine talks resumed on Monday."))) == 1


def test_what_an_act_was_claimed_to_be_for_is_a_part_of_its_own():
    parts = statement_clauses(
        facts(
            "The council closed the bridge on March 3, claiming it would protect people "
            "living by the river for ten years."
        )
    )
    assert [p.text for p in parts] == [
        "The council closed the bridge on March 3",
        "claiming it would protect people living by the river for ten years",
    ]
    assert [d["date"] for d in parts[0].details["dates"]] and not parts[1].details["dates"]


def test_another_event_set_before_or_after_the_first_is_a_part_of_its_own():
    parts = statement_clauses(
        facts(
            "The council closed the bridge on March 3, before the union staged several "
            "strikes in the city."
        )
    )
    assert [p.text for p in parts] == [
        "The council closed the bridge on March 3",
        "the union staged several strikes in the city",
    ]
    assert statement_clauses(facts("Sales rose in May, a day after the mayor resigned her post."))[
        1
    ].text == ("the mayor resigned her post")
    # a length of time is no event
    simple = facts("Our troops retook the town, after days of heavy fighting near the river.")
    assert statement_clauses(simple) == [simple]


def test_a_headlines_second_verb_of_the_same_subject_is_a_part_of_its_own():
    parts = statement_clauses(
        facts(
            "City hall says it is not willing to negotiate with the union, refuses to accept "
            "any ultimatums."
        )
    )
    assert [p.text for p in parts] == [
        "City hall says it is not willing to negotiate with the union",
        "refuses to accept any ultimatums",
    ]
    # "…, says Ann Berg": who said the first, no second verb
    attributed = facts("The bridge will reopen on Monday after the repairs, says Ann Berg.")
    assert statement_clauses(attributed) == [attributed]
    assert attributed.speaker == "Ann Berg"


def test_may_have_parts_tells_a_simple_statement_without_reading_its_details():
    for compound in (
        "Talks resumed on Monday, adding that the Kremlin had refused to confirm them.",
        "Kiev says it is not willing to negotiate, refuses to surrender or accept ultimatums.",
        "The minister said exports rose in March and that imports fell by two percent.",
    ):
        assert may_have_parts(compound)
        assert len(statement_clauses(facts(compound))) == 2
    simple = "The bridge reopened after three weeks of repairs."
    assert not may_have_parts(simple)


def test_what_a_saying_did_to_another_statement_is_a_part_of_its_own():
    parts = statement_clauses(
        facts(
            "The mayor said late Sunday the bridge would reopen Monday, contradicting an "
            "earlier statement by the city engineer Ann Berg."
        )
    )
    assert [p.text for p in parts] == [
        "The mayor said late Sunday the bridge would reopen Monday",
        "contradicting an earlier statement by the city engineer Ann Berg",
    ]
    # a participle that only goes on with the action is no second assertion
    going_on = facts("Troops crossed the river on Monday, heading for the capital.")
    assert statement_clauses(going_on) == [going_on]


def test_a_second_saying_of_the_same_speaker_is_a_part_of_its_own():
    parts = statement_clauses(
        facts(
            "The minister blamed the unions for breaking the 2019 pay deal and insisted the "
            "railways are not losing money."
        )
    )
    assert [p.text for p in parts] == [
        "The minister blamed the unions for breaking the 2019 pay deal",
        "the railways are not losing money",
    ]
    assert parts[1].details["negated"] and not parts[0].details["negated"]
    parts = statement_clauses(
        facts("Ann Berg praised the city budget and conceded that the housing reform was failing.")
    )
    assert [p.speaker for p in parts] == ["Ann Berg", "Ann Berg"]
    # "and called B a failure": what the same speaker called something is a second saying
    parts = statement_clauses(
        facts(
            "Ann Berg claimed Vienna had cut the budget and called the city's housing plan a failure."
        )
    )
    assert [p.text for p in parts] == [
        "Ann Berg claimed Vienna had cut the budget",
        "the city's housing plan a failure",
    ]
    assert [p.speaker for p in parts] == ["Ann Berg", "Ann Berg"]
    assert [p.details["places"] for p in parts] == [["Vienna"], []]
    # a plain "and" between two actions stays one assertion
    one = facts("The minister visited the depot and met the drivers on Monday.")
    assert statement_clauses(one) == [one]
    # what the speaker adds after a comma is a second saying of theirs
    parts = statement_clauses(
        facts(
            "Ann Berg announced a vote on the 2023 budget for Monday, adding that the city "
            "has dropped its plan for a new stadium."
        )
    )
    assert [p.text for p in parts] == [
        "Ann Berg announced a vote on the 2023 budget for Monday",
        "the city has dropped its plan for a new stadium",
    ]
    assert [p.speaker for p in parts] == ["Ann Berg", "Ann Berg"]
    assert [bool(p.details["dates"]) for p in parts] == [True, False]


def test_a_second_call_or_a_second_thing_a_saying_did_is_a_part_of_its_own():
    parts = statement_clauses(
        facts(
            "The mayor urged the council to approve the 2023 budget and to recognise the "
            "harmful role of Vienna in the dispute."
        )
    )
    assert [p.text for p in parts] == [
        "The mayor urged the council to approve the 2023 budget",
        "recognise the harmful role of Vienna in the dispute",
    ]
    assert [p.details["places"] for p in parts] == [[], ["Vienna"]]
    assert parts[1].speaker == parts[0].speaker
    parts = statement_clauses(
        facts(
            "The minister mocked Paris on Twitter, saying Berlin had turned to Rome for "
            "help and calling the plan a failure."
        )
    )
    assert [p.text for p in parts] == [
        "The minister mocked Paris on Twitter, saying Berlin had turned to Rome for help",
        "calling the plan a failure",
    ]
    assert parts[1].details["places"] == []
    # two objects of one verb stay one assertion ("and to" needs a verb after it)
    one = facts("The mayor gave the prize to Ann Berg and to the city engineers on Monday.")
    assert statement_clauses(one) == [one]


def test_succeeding_against_a_failure_is_a_negation_difference():
    assert kinds(
        "The mayor conceded that the recycling scheme was succeeding.",
        "The mayor dismissed the recycling scheme as a failure.",
    ) == ["negation"]


def test_half_true_the_matched_article_differs_on_the_part_another_passage_reports():
    statement = (
        "The storm flooded 300 homes in the valley, and the governor "
        "released $40 million in emergency aid."
    )
    first = claim("The storm flooded 300 homes in the valley.", start=0, fact=1)
    second = claim("The governor released $25 million in emergency aid.", start=44, fact=2)
    scored = [Scored(first, 0.72, {"bm25": 1.0}), Scored(second, 0.40, {"bm25": 0.7})]
    matches = build_matches(
        statement, facts(statement), scored, {1: [first], 2: [second]}, limit=5, threshold=0.53
    )
    assert [m.claim.id for m in matches] == [first.id]
    stance = matches[0].outlets[0]
    assert stance.stance == "differs"
    assert [(d.kind, d.statement, d.passage) for d in stance.differences] == [
        ("number", "$40 million", "$25 million")
    ]
    assert [p.text for p in stance.passages] == [first.passage, second.passage]


# ------------------------------------------------------------------ an article as a whole


def test_a_passage_silent_on_the_medium_does_not_outvote_one_that_names_another():
    statement = "The minister told CNN that the port would reopen."
    silent = claim("The port would reopen, the minister said.", start=0)
    named = claim("The minister told the BBC that the port would reopen.", start=60, source="BBC")
    [stance] = outlet_stances(statement, facts(statement), [silent, named])
    assert stance.stance == "differs"
    assert [d.kind for d in stance.differences] == ["source"]


def test_a_passage_negating_something_else_does_not_vouch_for_the_statement_polarity():
    statement = "Russia is still issuing ultimatums and is not listening to Ukraine's positions."
    whole = claim("Russia had stopped issuing ultimatums and instead listens to our positions.")
    part = claim("Russia had stopped issuing ultimatums.", start=0)
    [stance] = outlet_stances(statement, facts(statement), [whole, part])
    assert stance.stance == "differs"
    assert [d.kind for d in stance.differences] == ["negation"]


def test_a_passage_that_states_the_detail_right_answers_one_that_differs():
    statement = "The minister told CNN that the port would reopen."
    right = claim("The minister told CNN that the port would reopen.", start=0, source="CNN")
    other = claim("The port would reopen, the minister told the BBC later.", start=60, source="BBC")
    [stance] = outlet_stances(statement, facts(statement), [right, other])
    assert stance.stance == "supports"


def test_the_medium_named_a_sentence_earlier_by_the_same_speaker_carries_over():
    quote = claim("Exports will recover by autumn", start=80, claimant="Olaf Scholz")
    earlier = claim(
        "Olaf Scholz wrote on Telegram that talks went well.",
        start=0,
        claimant="Olaf Scholz",
        source="Telegram",
        fact=7,
    )
    context = ArticleContext([quote, earlier])
    assert context.source_of(quote) == "Telegram"
    statement = "Scholz said in a Facebook post that exports will recover by autumn."
    [stance] = outlet_stances(statement, facts(statement), [quote], context=context)
    assert stance.stance == "differs"
    assert [(d.kind, d.passage) for d in stance.differences] == [("source", "Telegram")]


def test_another_speaker_in_between_stops_the_medium_carrying_over():
    quote = claim("Exports will recover by autumn", start=120, claimant="Olaf Scholz")
    other = claim("Habeck said prices would fall.", start=80, claimant="Robert Habeck")
    earlier = claim(
        "Olaf Scholz wrote on Telegram that talks went well.",
        start=20,
        claimant="Olaf Scholz",
        source="Telegram",
    )
    assert ArticleContext([quote, other, earlier]).source_of(quote) is None


def test_the_medium_the_same_speaker_goes_on_in_carries_back_to_the_sentence_before():
    said = claim("A hard negotiation has started.", start=0, claimant="Mykhailo Podolyak")
    tweeted = claim(
        "Communication is hard, he said, tweeting a photo.",
        start=40,
        claimant="Mykhailo Podolyak",
        source="Twitter",
    )
    assert ArticleContext([said, tweeted]).source_of(said) == "Twitter"
    # another speaker in between: the medium stays with its own sentence
    other = claim("Peskov said talks were hard.", start=40, claimant="Dmitry Peskov")
    later = claim(
        "Communication is hard, he said.", start=80, claimant="Mykhailo Podolyak", source="Twitter"
    )
    assert ArticleContext([said, other, later]).source_of(said) is None


def test_narration_borrows_no_medium_from_the_sentence_before():
    earlier = claim("Talks resume on Monday.", start=0, claimant="Ana Lopez", source="Twitter")
    narration = claim("Her statement confirmed an earlier report.", start=30)
    narration.kind = "narration"
    assert ArticleContext([earlier, narration]).source_of(narration) is None


def test_a_clause_without_its_own_subject_is_read_with_the_clause_before():
    text = "said the five-hour talks included points of agreement"
    first = claim(text, start=0, claimant="Vladimir Medinsky")
    first.details = extract_details(text).to_dict()
    then = claim(
        "and featured an agreement to continue talks.",
        start=len(text) + 1,
        claimant="Vladimir Medinsky",
    )
    statement = "Medinsky said the three-hour talks featured an agreement to continue talks."
    context = ArticleContext([first, then])
    [stance] = outlet_stances(statement, facts(statement), [then], context=context)
    assert stance.stance == "differs"
    assert [(d.kind, d.passage) for d in stance.differences] == [("number", "five hours")]
    # another speaker's clause before it lends nothing
    other = claim(text, start=0, claimant="Leonid Slutsky")
    other.details = first.details
    [stance] = outlet_stances(
        statement, facts(statement), [then], context=ArticleContext([other, then])
    )
    assert stance.stance == "supports"


def test_a_following_sentence_that_refers_back_names_the_medium():
    quote = claim("saying the audit was finished.", start=0, claimant="Ana Lopez")
    after = claim("Her post on Facebook drew thousands of replies.", start=32)
    assert ArticleContext([quote, after]).source_of(quote) == "Facebook"


def test_a_negating_relative_clause_is_read_with_the_passage_it_follows():
    requests = claim("and sending requests for talks with the mayor", start=0, fact=3)
    unanswered = claim("which have so far gone unanswered.", start=requests.end + 2, fact=4)
    statement = "The union's requests for talks with the mayor were answered."
    [stance] = outlet_stances(
        statement, facts(statement), [requests], context=ArticleContext([requests, unanswered])
    )
    assert stance.stance == "differs"
    assert [d.kind for d in stance.differences] == ["negation"]
    assert [p.text for p in stance.passages] == [requests.passage, unanswered.passage]


@pytest.mark.parametrize(
    "statement, stance",
    [
        # the statement's participle clause is the passage's next clause
        (
            "The regions declared themselves republics, refusing to recognize the government.",
            "supports",
        ),
        (
            "The regions declared themselves republics, agreeing to recognize the government.",
            "differs",
        ),
        # silent on the participle clause: nothing to compare it with
        ("The regions declared themselves republics.", "supports"),
        ("The regions did not declare themselves republics.", "differs"),
    ],
)
def test_a_negating_participle_clause_is_read_with_the_clause_it_goes_on_from(statement, stance):
    declared = claim("The regions declared themselves republics", start=0, fact=3)
    refusing = claim("refusing to recognize the government.", start=declared.end + 2, fact=4)
    [found] = outlet_stances(
        statement, facts(statement), [declared], context=ArticleContext([declared, refusing])
    )
    assert found.stance == stance


# ------------------------------------------------------------------ units and asides


def test_counts_of_people_are_compared_whatever_noun_counts_them():
    passage = "Humanitarian corridors saved more than 130,000 people in six days."
    assert kinds("Evacuation corridors rescued 300,000 civilians in six days.", passage) == [
        "number"
    ]
    assert kinds("The corridors saved more than 130,000 residents in six days.", passage) == []
    assert kinds("About 40 soldiers were captured.", "Some 25 troops were captured.") == ["number"]
    assert kinds("Thirty children were evacuated.", "30 kids were evacuated.") == []


def test_a_negation_in_an_aside_does_not_make_the_passage_negative():
    passage = (
        "The fourth round of peace talks between Russia and Ukraine, which comes after both "
        "sides hailed progress in earlier rounds despite no significant breakthrough, was "
        "held via video conference."
    )
    assert kinds("Ukraine and Russia held talks via video conference.", passage) == []
    assert (
        kinds(
            "Zelensky said talks would continue.",
            "Zelensky, who has not met Putin, said talks would continue.",
        )
        == []
    )


def test_a_negation_of_the_main_clause_still_differs():
    assert kinds("The talks resumed on Monday.", "The talks did not resume on Monday.") == [
        "negation"
    ]
    assert kinds(
        "The delegations, which met in Belarus, did not agree on a ceasefire.",
        "The delegations agreed on a ceasefire.",
    ) == ["negation"]


def test_negations_of_different_things_differ_where_one_side_affirms_the_other():
    passage = (
        "Russia had stopped issuing ultimatums and instead carefully listens to our positions."
    )
    statement = "Russia is still issuing ultimatums and is not listening to Ukraine's positions."
    assert kinds(statement, passage) == ["negation"]
    # the statement affirms the ultimatums the passage negates
    assert kinds(statement, "The Russian Federation is not making ultimatums.") == ["negation"]
    # both negate the same thing, in other words: no difference
    assert (
        kinds(
            "Russia is not issuing ultimatums any more.", "Russia had stopped issuing ultimatums."
        )
        == []
    )
    # a passage silent on what either negation governs: no difference
    assert kinds(statement, "Talks will not resume before Monday.") == []


def test_every_prefixed_opposite_the_reranker_conflates_is_a_negation_difference():
    from service.matching.text import PREFIXED_OPPOSITES

    for positive, negative in PREFIXED_OPPOSITES:
        assert kinds(f"Officials called it {negative}.", f"Officials called it {positive}.") == [
            "negation"
        ], positive
        assert kinds(f"Officials called it {positive}.", f"Officials called it {negative}.") == [
            "negation"
        ], positive


def test_a_date_of_what_was_said_is_not_compared_with_the_day_it_was_said_on():
    passage = extract_details("Negotiations go non-stop.", published=PUBLISHED).to_dict()
    passage["said_dates"] = extract_details("late Sunday", published=PUBLISHED).to_dict()["dates"]

    def kinds_of(statement: str) -> list[str]:
        found = differences(
            facts(statement),
            passage_details=passage,
            claimant=None,
            source=None,
            passage_text="Negotiations go non-stop.",
        )
        return [d.kind for d in found]

    assert kinds_of("The spokesman was first to say talks would go on Monday.") == []
    # with no verb of saying, a date after a complement is still of what was said
    assert (
        kinds_of("The minister backed up the spokesman's word that talks would go on Monday.") == []
    )
    # a date in the possessive dates what it qualifies, right after the verb too
    assert kinds_of("The adviser says Monday's round will be held by video link.") == []
    # and one in a relative clause what the clause says of the speaker, against the day
    # of the saying or a date of what was said
    assert (
        kinds_of("Putin, who launched the invasion on February 24, says negotiations go non-stop.")
        == []
    )
    assert (
        kinds(
            "Putin, who launched the invasion on February 24, now says there were positive "
            "shifts in the talks.",
            "On Friday, Putin told state media that there were positive shifts in the talks.",
        )
        == []
    )
    assert kinds(
        "Putin, who spoke to reporters, said on February 24 there were positive shifts.",
        "On Friday, Putin said there were positive shifts.",
    ) == ["date"]
    # the day of the saying still differs
    assert kinds_of("The adviser said on Monday that negotiations go non-stop.") == ["date"]
    # what comes before a closing attribution is what was said ("…, officials say")
    assert (
        kinds_of(
            "Negotiations to go non-stop on Monday, March 14, negotiators and the Kremlin say."
        )
        == []
    )
    assert kinds_of("Negotiations go non-stop, the adviser said on Monday.") == ["date"]
    # a saying that goes on after its verb closes nothing: the day before it is its own
    assert kinds_of("On Monday, the adviser said negotiations go non-stop.") == ["date"]
    # and a statement with no verb of saying still has its own date read
    assert kinds_of("Negotiations went non-stop on Monday.") == ["date"]


def test_a_matter_of_weeks_is_not_a_matter_of_days_and_giving_up_is_stopping():
    passage = "I think that we will achieve some results literally in a matter of days."
    assert kinds("He expected results within a matter of weeks.", passage) == ["date"]
    assert kinds("He expected results in a matter of days.", passage) == []
    stopped = "Russia had stopped issuing ultimatums."
    assert kinds("Moscow had given up on ultimatums.", stopped) == []
    assert kinds(
        "Podolyak told a TV interviewer that Russia issues ultimatums.", stopped, source="Twitter"
    ) == [
        "source",
        "negation",
    ]


def test_a_video_posted_to_twitter_is_twitter_and_someone_elses_medium_is_not_compared():
    passage = "I think that we will achieve some results literally in a matter of days."
    statement = "An aide said in a video posted to Twitter that he expects results within days."
    assert kinds(statement, passage, source="Twitter") == []
    assert kinds(
        "An aide said in a video address that results will come within days.",
        passage,
        source="Twitter",
    ) == ["source"]
    # the tweet is Podolyak's: Peskov's medium is not compared with it
    backed = "Podolyak's Twitter post backed what Peskov had said: talks would go on."
    assert kinds(backed, "Talks would go on.", claimant="Dmitry Peskov", source="Interfax") == []
    assert kinds(backed, "Talks would go on.", claimant="Mykhailo Podolyak", source="Facebook") == [
        "source"
    ]


def test_denying_the_report_of_a_negation_differs_from_the_report():
    passage = "Russia had stopped issuing ultimatums."
    statement = "Podolyak did not say that Russia had stopped issuing ultimatums."
    assert kinds(statement, passage) == ["negation"]
    assert kinds("Podolyak said that Russia had stopped issuing ultimatums.", passage) == []
    assert kinds("Peskov did not say the talks would resume.", "The talks would resume.") == [
        "negation"
    ]


# ------------------------------------------------------------------ verdict


def _match(score: float, stance: str, outlet: int = 1) -> Match:
    return Match(
        claim("A hard negotiation has started.", fact=None),
        score,
        None,
        [OutletStance(outlet, f"Outlet {outlet}", stance)],
    )


def test_only_matches_close_to_the_best_one_make_the_verdict():
    # the misattributed quote (differs) and, well below it, the speaker's job title
    assert verdict_of([_match(0.77, "differs"), _match(0.64, "supports")]) == "contradicted"
    assert verdict_of([_match(0.77, "differs"), _match(0.70, "supports", outlet=2)]) == "mixed"
    assert verdict_of([_match(0.77, "supports"), _match(0.75, "supports")]) == "supported"
    assert verdict_of([]) == "unverified"


def test_an_outlet_that_differs_in_one_strong_match_differs_though_it_supports_another():
    def stances(score: float, *pairs: tuple[int, str]) -> Match:
        return Match(
            claim("The city said it was happy to host the talks.", fact=None),
            score,
            None,
            [OutletStance(o, f"Outlet {o}", stance) for o, stance in pairs],
        )

    # "The city said it would host the talks and kept the flags up": outlet 1 reports
    # the offer (supports) and, in the next sentence, that the flags came down (differs)
    offer, flags = stances(0.63, (1, "supports")), stances(0.55, (1, "differs"))
    assert verdict_of([offer, flags]) == "contradicted"
    # another outlet that reports the offer alone makes it mixed
    assert verdict_of([stances(0.63, (1, "supports"), (2, "supports")), flags]) == "mixed"
    # a match too far below the best one is still not read
    assert verdict_of([offer, stances(0.45, (1, "differs"))]) == "supported"


def test_a_photo_caption_is_no_evidence_on_the_day_of_an_event_still_to_come():
    from dataclasses import replace

    from service.verification import verdict_on

    announced = Match(
        claim("On Monday, March 14, a negotiating session will be held.", fact=None),
        0.59,
        None,
        [OutletStance(1, "Outlet 1", "supports")],
    )
    photo = claim("Delegations meet for talks near the border, March 7, 2022.", fact=None)
    caption = Match(
        replace(photo, kind="caption"),
        0.52,
        None,
        [OutletStance(2, "Outlet 2", "differs", [Difference("date", "March 14", "March 7")])],
    )
    # the photo shows talks held a week before: nothing about the day talks will resume
    assert verdict_on("Talks are set to resume on March 14.", [announced, caption]) == ("supported")
    # of talks said to have been held that day, the photo's day is evidence
    assert verdict_on("Talks were held on March 14.", [announced, caption]) == "mixed"
    # and so is a line of the body, whatever the tense
    body = replace(caption, claim=photo)
    assert verdict_on("Talks are set to resume on March 14.", [announced, body]) == "mixed"


def test_a_match_of_one_part_counts_for_the_outlets_the_strong_matches_leave_out():
    def part(score: float, part_score: float, *stances: tuple[int, str]) -> Match:
        return Match(
            claim("There were positive shifts in the talks.", fact=None),
            score,
            None,
            [OutletStance(o, f"Outlet {o}", stance) for o, stance in stances],
            part_score,
        )

    # "Putin spoke of positive shifts, and Biden authorised $500 million": outlet 1
    # reports both (and differs on the sum), outlets 2 and 3 the first part alone
    strong = [part(0.57, 0.69, (1, "differs"))]
    first_part = part(0.42, 0.62, (1, "differs"), (2, "supports"), (3, "supports"))
    assert verdict_of(strong) == "contradicted"
    assert verdict_of(strong, [first_part]) == "mixed"
    # an outlet the strong matches judged already has answered for the whole statement
    again = part(0.40, 0.62, (1, "supports"))
    assert verdict_of(strong, [again]) == "contradicted"
    # a part matched less well than the best match matches the whole does not count
    assert verdict_of(strong, [part(0.42, 0.52, (2, "supports"))]) == "contradicted"
    # a match over the threshold but outside the margin counts on its part too
    # (PostgreSQL ranked Putin's words at 0.474 against the memorandum's 0.591)
    above = part(0.46, 0.667, (1, "differs"), (2, "supports"))
    evidence = [strong[0], above]
    assert verdict_of(evidence) == "contradicted"
    assert part_matches(evidence, 0.43) == evidence
    assert verdict_of(evidence, part_matches(evidence, 0.43)) == "mixed"
    assert part_matches([part(0.45, 0.40, (2, "supports"))], 0.43) == []


def test_a_compass_direction_the_passage_gives_otherwise_is_a_place_difference():
    assert kinds(
        "Only roads to the east remain open as the army advances on Kharkiv.",
        "Only roads to the west remain open and Kharkiv is preparing its defense.",
    ) == ["place"]
    assert (
        kinds(
            "The convoy approached the city from the northwest.",
            "The convoy approached from the north-west of the city.",
        )
        == []
    )
    assert kinds("The camp lies south of the river.", "The camp lies on the river.") == []
    # names are not directions
    assert (
        kinds(
            "South Korea sent aid to the northern provinces.",
            "South Korea sent aid to the northern provinces.",
        )
        == []
    )


def test_a_region_after_against_is_where_it_happens_but_a_country_is_a_party():
    assert kinds(
        "The envoy said the rebels staged an armed provocation against Crimea.",
        "The envoy said the rebels staged an armed provocation against the Donbas.",
    ) == ["place"]
    assert (
        kinds(
            "The envoy said sanctions against Russia were working.",
            "The envoy in Paris said sanctions were working.",
        )
        == []
    )


def test_a_count_the_passage_gives_as_a_single_thing_differs():
    assert kinds(
        "The utility said it had restored three damaged power lines to the plant.",
        "On Sunday, the utility said it restored a damaged power line to the plant.",
    ) == ["number"]
    assert (
        kinds(
            "The utility said it had restored one damaged power line to the plant.",
            "On Sunday, the utility said it restored a damaged power line to the plant.",
        )
        == []
    )
    # the passage speaks of the lines in the plural too: it may count them elsewhere
    assert (
        kinds(
            "The utility restored three power lines.",
            "The utility restored a power line on Sunday; the other power lines are still down.",
        )
        == []
    )
    assert kinds("Two ministers resigned.", "A minister said the ministers' talks went on.") == []


def test_a_passage_that_says_the_opposite_word_differs_on_polarity():
    assert kinds("Grain exports increased in May.", "Grain exports fell in May.") == ["negation"]
    assert kinds("The border crossing was closed.", "The border crossing was reopened.") == [
        "negation"
    ]
    assert kinds("The senate approved the bill.", "The senate vetoed the bill.") == ["negation"]
    # the passage uses the statement's own word too: it speaks of both, nothing is reversed
    assert (
        kinds(
            "The border crossing was closed.",
            "The border crossing was closed at night and opened at dawn.",
        )
        == []
    )
    assert kinds("Grain exports increased.", "Grain exports increased.") == []


def test_a_weekday_against_a_day_counted_from_another_sentence_differs_and_shows_the_day():
    passage = "A day later, the president signed the order."
    details = extract_details(passage, published=PUBLISHED, anchor=dt.date(2023, 6, 9)).to_dict()
    (found,) = differences(
        facts("On Thursday, the president signed the order."),
        passage_details=details,
        claimant=None,
        source=None,
        passage_text=passage,
    )
    assert (found.kind, found.statement, found.passage) == (
        "date",
        "Thursday",
        "A day later (2023-06-10)",
    )


def test_an_opposite_word_is_not_answered_by_a_passage_silent_on_it():
    # the article's other passage on the fact has no negating word, but it does not say
    # the statement's word either: it cannot vouch for "improved"
    statement = "Relations between the two ministries improved smoothly after the summit."
    opposite = claim("Relations between the two ministries were strained after the summit.")
    silent = claim("The two ministries met again after the summit.", start=200)
    [stance] = outlet_stances(statement, facts(statement), [opposite, silent])
    assert stance.stance == "differs"
    assert [(d.kind, d.statement, d.passage) for d in stance.differences] == [
        ("negation", "smoothly", "strained")
    ]
    # a passage that uses the statement's own word does answer it
    same = claim("Relations between the ministries developed smoothly.", start=400)
    [stance] = outlet_stances(statement, facts(statement), [opposite, same])
    assert stance.stance == "supports"


def test_more_opposite_words_reverse_polarity():
    assert kinds(
        "The deal would raise tensions in the region.",
        "The deal would reduce tensions in the region.",
    ) == ["negation"]
    assert kinds(
        "The city said it had honoured the ceasefire agreement.",
        "The city was accused of flouting the ceasefire agreement.",
    ) == ["negation"]
    assert kinds(
        "The negotiations progressed on Tuesday.", "The negotiations stalled on Tuesday."
    ) == ["negation"]
    # refusals in two words negate as "refused" does
    assert kinds(
        "The mayor turned down the request to host the summit.",
        "The mayor was happy to host the summit at the request of the ministry.",
    ) == ["negation"]
    assert kinds(
        "The ministry ruled out new tariffs.", "The ministry was preparing new tariffs."
    ) == ["negation"]
    assert kinds(
        "Both unions praised each other for keeping to the deal.",
        "Both unions accused one another of breaking the deal.",
    ) == ["negation"]
    assert (
        kinds("Both unions praised the deal.", "Both unions praised the deal and blamed the rain.")
        == []
    )


def test_an_attribution_set_off_by_commas_names_the_speaker():
    assert statement_speaker("Daily talks, Zelensky said, were necessary.") == "Zelensky"
    assert (
        statement_speaker("Talks will go on, Kremlin spokesman Dmitry Peskov said, but slowly.")
        == "Dmitry Peskov"
    )
    assert statement_speaker("The corridors, the ministry said, are open.") is None


def test_another_country_named_in_the_same_setting_is_a_place_difference():
    """Both name Ukraine, about the war; where the talks were held is what differs."""
    statement = (
        "The foreign ministers met for talks in Vienna on Monday, days after troops "
        "crossed into Ukraine."
    )
    assert kinds(
        statement,
        "The foreign ministers held talks in Geneva on Monday, after the offensive in Ukraine.",
    ) == ["place"]
    # a place named about something else says nothing of where they met
    assert kinds(statement, "Troops crossed into Ukraine from Belarus last week.") == []


def test_another_city_or_region_of_the_same_country_is_a_place_difference():
    assert kinds(
        "Fighting raged in the suburbs of Odesa.", "Fighting raged in the Kiev suburbs."
    ) == ["place"]
    # one of two regions replaced by another
    assert kinds(
        "The operation targets the Kharkiv and Luhansk regions.",
        "The operation targets the Donetsk and Luhansk regions in eastern Ukraine.",
    ) == ["place"]
    # a country is not contradicted by one of its cities, nor a city by its country
    assert kinds("Fighting raged in Ukraine.", "Fighting raged in the Kiev suburbs.") == []
    assert kinds("Fighting raged in Kharkiv.", "Fighting raged in eastern Ukraine.") == []


def test_distances_in_miles_and_km_are_compared_after_conversion():
    found = found_in(
        "The base lies about 50 kilometres from the border.",
        "The base lies 12 miles from the border.",
    )
    assert [(d.kind, d.statement, d.passage) for d in found] == [("number", "50 km", "12 miles")]
    # 20 km is 12 miles, rounded
    assert kinds("The base lies 20 km from the border.", "The base lies 12 miles away.") == []


def test_a_single_day_is_a_length_of_time():
    assert kinds(
        "The corridors saved 9,000 people in a single day.",
        "The corridors saved 9,000 people in six days.",
    ) == ["number"]
    assert (
        kinds(
            "The corridors saved 9,000 people within a week.",
            "The corridors saved 9,000 people in seven days.",
        )
        == []
    )
    # "a day later" is a date, not a length of time
    assert extract_details("A day later the corridor reopened.").numbers == []


def test_a_channel_the_passage_gives_otherwise_is_a_source_difference():
    found = found_in(
        "The minister said in a tweet that the talks had failed.",
        "The minister told reporters the talks had failed.",
    )
    assert [(d.kind, d.statement, d.passage) for d in found] == [("source", "Twitter", "reporters")]
    assert kinds(
        "The president told foreign media that progress had been made.",
        "The president told state media that progress had been made.",
    ) == ["source"]
    assert kinds(
        "In a radio interview, the mayor said the bridge would reopen.",
        "In a video address, the mayor said the bridge would reopen.",
    ) == ["source"]
    # the same channel, or a passage silent on it, is no difference
    assert (
        kinds(
            "In a video message, the mayor said the bridge would reopen.",
            "In a video address late Sunday, the mayor said the bridge would reopen.",
        )
        == []
    )
    assert (
        kinds(
            "The minister said in a tweet that the talks had failed.",
            "The minister said the talks had failed.",
        )
        == []
    )


def test_a_period_the_passage_places_elsewhere_is_a_date_difference():
    published = dt.date(2022, 3, 13)

    def date_kinds(statement: str, passage: str) -> list[str]:
        return [d.kind for d in found_in(statement, passage, published=published)]

    assert date_kinds(
        "The mayor said last month that prices rose.", "The mayor said this week that prices rose."
    ) == ["date"]
    assert date_kinds(
        "The mayor said last month that prices rose.", "On Friday, the mayor said prices rose."
    ) == ["date"]
    assert date_kinds(
        "The mayor said last week that prices rose.", "The mayor said this week that prices rose."
    ) == ["date"]
    # overlapping periods are no difference
    assert (
        date_kinds(
            "The mayor said this month that prices rose.", "On Friday, the mayor said prices rose."
        )
        == []
    )
    assert (
        date_kinds(
            "The mayor said this week that prices rose.",
            "The mayor said this week that prices rose.",
        )
        == []
    )


def test_words_that_only_open_the_sentence_are_not_the_speaker():
    assert (
        statement_speaker("In a video address early Monday, Zelensky said talks go on.")
        == "Zelensky"
    )
    assert statement_speaker("On Sunday Peskov said the talks continue.") == "Peskov"
    assert statement_speaker("In Kyiv, officials said the city was calm.") is None


def test_verbs_that_attribute_without_saying_name_the_speaker_too():
    assert (
        statement_speaker("Kremlin spokesman Dmitry Peskov called the mediator a fair broker.")
        == "Dmitry Peskov"
    )
    assert statement_speaker("UN envoy Jane Doe urged the assembly to act.") == "Jane Doe"
    assert kinds(
        "Kremlin spokesman Dmitry Peskov called the mediator a fair broker.",
        "The mediator was a fair broker, an unnamed adviser said.",
        claimant="unnamed senior adviser",
    ) == ["speaker"]


def test_a_place_named_about_another_part_of_the_statement_is_no_substitute():
    # "Kyiv" is where the troops moved; the passage's regions are what the operation
    # targeted: the places stand in different settings
    assert (
        kinds(
            "Russian troops entered Ukraine on Feb. 24 and have moved towards Kyiv since.",
            "On Feb. 24, Putin announced an operation aimed at the Donetsk and Luhansk regions.",
        )
        == []
    )


def test_a_weekday_cannot_vouch_for_a_day_of_the_month():
    statement = "The session will take place on Monday, March 21."
    dated = claim("On Monday, March 14, a session will be held.")
    weekday_only = claim("The session is scheduled for Monday.", start=300)
    [stance] = outlet_stances(statement, facts(statement), [dated, weekday_only])
    assert stance.stance == "differs"
    assert {(d.kind, d.statement) for d in stance.differences} == {("date", "Monday, March 21")}
    assert any("March 14" in d.passage for d in stance.differences)


def test_how_far_ahead_something_is_expected_is_compared():
    assert kinds(
        "The deal could be ready to sign within the next few months.",
        "The deal could be ready to sign in the coming days.",
    ) == ["date"]
    assert (
        kinds(
            "The deal could be ready to sign within days.",
            "The deal could be ready to sign in the coming days.",
        )
        == []
    )


def test_continuing_against_breaking_off_or_dropping_reverses_polarity():
    assert kinds(
        "The president said he would break off negotiations.",
        "The president said he will continue negotiating.",
    ) == ["negation"]
    assert kinds(
        "The government dropped its demand for a withdrawal.",
        "The government is continuing to demand a withdrawal.",
    ) == ["negation"]
    assert kinds(
        "The ambassador endorsed the annexation.", "The ambassador condemned the annexation."
    ) == ["negation"]


def test_a_fronted_phrase_before_the_attribution_is_not_the_speaker():
    assert (
        statement_speaker(
            "Speaking to state media on Friday, Kremlin spokesman Dmitry Peskov said talks go on."
        )
        == "Dmitry Peskov"
    )
    assert statement_speaker("Both sides said they were making headway.") is None
    # a medium that relays is not the speaker
    assert statement_speaker("Citing an unnamed adviser, Israel's Kan said talks go on.") is None


def test_a_named_subject_is_read_only_from_non_speech_statements():
    from service.matching.stance import statement_subject

    assert statement_subject("The International Court of Justice ordered a halt.") == [
        "international",
        "court",
        "justice",
    ]
    assert statement_subject("NATO agreed to send fighter jets.") == ["nato"]
    # a report of speech: the speaker rules compare who spoke
    assert statement_subject("Prime Minister Jane Doe said the talks would go on.") == []
    # a word that only opens the sentence, a place, a nationality, a time
    assert statement_subject("Humanitarian corridors saved 9,000 people.") == []
    assert statement_subject("Russian troops entered the city.") == []
    assert statement_subject("Kyiv and Kharkiv came under fire.") == []
    assert statement_subject("On Friday, the talks ended.") == []
    # a person named after a nationality and a title is the subject, by name
    assert statement_subject("Turkish Foreign Minister Mevlut Cavusoglu flew to Lviv.") == [
        "mevlut",
        "cavusoglu",
    ]
    assert statement_subject("Ukrainian President Volodymyr Zelensky visited Bucha.") == [
        "volodymyr",
        "zelensky",
    ]
    # a nationality and a title with no name after them, or one word, name nobody
    assert statement_subject("Russian Foreign Ministry officials left.") == []
    assert statement_subject("Russian President Putin left.") == []
    # a subject after a fronted time; a country of two words before the title
    assert statement_subject(
        "On 10 March 2022, United States Vice President Kamala Harris met the Polish leader."
    ) == ["kamala", "harris"]
    assert statement_subject("On Sunday, the International Court of Justice ruled.") == [
        "international",
        "court",
        "justice",
    ]
    # a fronted place is not a time: what follows may be anything
    assert statement_subject("In Kyiv, Kamala Harris met the mayor.") == []


def test_a_city_cited_as_the_source_and_an_unconditional_demand_are_not_differences():
    # "according to Kyiv": the government speaks, the city is not where it happened
    assert (
        kinds(
            "Russian strikes hit a training base 19 km from Poland, according to Kyiv.",
            "Russia struck a training base 12 miles from the Polish border.",
        )
        == []
    )
    # "without conditions" is "unconditionally", not a negation
    assert (
        kinds(
            "The envoy called for the troops to pull out at once and without conditions.",
            "The envoy called for the troops to pull out immediately and unconditionally.",
        )
        == []
    )
    assert kinds("The talks ended without an agreement.", "The talks ended with an agreement.") == [
        "negation"
    ]


def test_a_negation_differs_only_where_the_passage_speaks_of_what_it_negates():
    # the passage says nothing either way about elaborating: silent, not the opposite
    assert (
        kinds(
            "The minister praised the progress in the talks, but she did not elaborate.",
            "The minister said there had been some progress in the talks this week.",
        )
        == []
    )
    # a misspelled negated verb is still what the passage contradicts
    assert kinds(
        "The mayor did not aprove the new budget for the port.",
        "The mayor approved the new budget for the port on Tuesday.",
    ) == ["negation"]
    # the passage's negation governs a clause the statement never touches
    assert (
        kinds(
            "Farmers in the valley harvested a record wheat crop.",
            "Farmers in the valley harvested a record wheat crop; the ministry does not "
            "expect prices to fall.",
        )
        == []
    )
    # "denied it": what is denied stands elsewhere, so the difference stays
    assert kinds(
        "The company said the plant would close, and the governor denied it.",
        "The company said the plant would close, and the governor confirmed the plan.",
    ) == ["negation"]
    # the negation's subject counts: "requests …, which have gone unanswered"
    assert kinds(
        "He said the council had granted his requests for a hearing.",
        "He keeps making requests for a hearing, which, so far, have gone unanswered.",
    ) == ["negation"]
    # … but "without" negates only what follows it: the meetings are not denied
    assert (
        kinds(
            "The two teams have met several times since the strike began, without any "
            "breakthrough so far.",
            "The two teams have held several meetings since the strike began.",
        )
        == []
    )
    assert kinds(
        "The two teams have met several times, without any breakthrough.",
        "The two teams have met several times and announced a breakthrough.",
    ) == ["negation"]


def test_amounts_frequencies_and_ranks_said_in_words():
    found = found_in(
        "The union said only a handful of issues still need attention.",
        "The union said a “large number of issues require constant attention.”",
    )
    assert [(d.kind, d.statement) for d in found] == [("number", "a handful")]
    assert kinds(
        "The two delegations are meeting roughly once a week.",
        "The two delegations are meeting almost daily, the envoy said.",
    ) == ["number"]
    # a few times a week is neither daily nor weekly
    assert kinds(
        "The two delegations are meeting about twice a week.",
        "The two delegations are meeting almost daily, the envoy said.",
    ) == ["number"]
    assert kinds("The committee sits three times a week.", "The committee sits once a week.") == [
        "number"
    ]
    assert kinds("The committee sits twice a week.", "The committee meets two times a week.") == []
    assert kinds(
        "The flood was the region's second-worst disaster of the century.",
        "The flood was the region's worst disaster of the century.",
    ) == ["number"]
    # the same class in other words agrees; "a few days" is a span of time, not an amount
    assert kinds("Many issues remain open.", "Numerous issues remain open.") == []
    assert kinds("Many residents left in the coming days.", "Residents left over a few days.") == []


def test_within_a_day_is_not_in_the_coming_days():
    assert kinds(
        "A signed document could emerge within 24 hours, the negotiator said.",
        "The progress may grow in the coming days into documents for signing, the negotiator said.",
    ) == ["date"]


def test_a_negating_predicate_governs_the_second_action_it_follows_not_the_first():
    statement = (
        "The mayor said she will keep negotiating with the union and making offers for a "
        "contract, which, so far, have gone unanswered."
    )
    # the passage on the first action says nothing of the unanswered offers
    assert kinds(statement, "The mayor will keep negotiating with the union.") == []
    assert kinds(statement, "The union's leaders answered her offers at once.") == ["negation"]
    # nor does a statement that repeats the passage up to the negating predicate
    passage = (
        "In a video address after midnight early Monday, Zelensky said he will continue "
        "negotiating with Russia and making requests for a meeting with Putin, which, so "
        "far, have gone unanswered."
    )
    assert (
        kinds(
            "In a video address after midnight early Monday, Zelensky said he will continue "
            "negotiating with Russia and making requests for a meeting with Putin",
            passage,
        )
        == []
    )
    # one that says what became of the requests still differs
    assert kinds(
        "Zelensky said Putin has finally accepted his request for a meeting.", passage
    ) == ["negation"]


def test_a_line_saying_who_the_speaker_is_is_no_evidence_on_what_they_said():
    from dataclasses import replace

    from service.verification import verdict_on

    said = _match(0.77, "differs")
    identity = _match(0.72, "supports", outlet=2)
    identity = replace(
        identity,
        claim=replace(
            identity.claim,
            text="Vassily Nebenzia is Russia's ambassador to the UN.",
            kind="narration",
        ),
    )
    statement = "Life goes on as normal in the region, ambassador Vassily Nebenzia claimed."
    assert verdict_of([said, identity]) == "mixed"
    assert verdict_on(statement, [said, identity]) == "contradicted"
    # a statement that reports no speech keeps every match as evidence
    assert verdict_on("Vassily Nebenzia is the ambassador.", [said, identity]) == "mixed"
    # "X headed the delegation" says who X is as well
    headed = replace(
        identity,
        claim=replace(identity.claim, text="Vladimir Medinsky headed the Russian delegation."),
    )
    assert verdict_on("Medinsky said the talks would go on.", [said, headed]) == "contradicted"
    # only when something else is left: the identity line alone still decides
    assert verdict_on(statement, [identity]) == "supported"


def test_two_countries_opening_the_sentence_are_parties_not_places():
    assert (
        kinds(
            "Russia and Ukraine are negotiating almost daily.",
            "Talks in Ukraine are being held almost daily, the president said.",
        )
        == []
    )
    # where it happens still counts
    assert kinds("Fighting raged in Russia.", "Fighting raged in Ukraine.") == ["place"]


def test_a_capital_that_says_or_prepares_something_is_a_party_not_a_place():
    assert (
        kinds(
            "The minister claimed Moscow was readying to make concessions in the talks.",
            "The minister said talks hosted in Jerusalem could bring concessions.",
        )
        == []
    )
    assert kinds("Kyiv insists the talks go on.", "In Lviv, the talks go on.") == []
    # a city something happens to is still a place; so is a frontier with a country
    assert kinds("Kyiv was shelled overnight.", "Lviv was shelled overnight.") == ["place"]
    found = found_in(
        "Kyiv says missiles struck a base near Ukraine's frontier with Romania.",
        "Missiles struck a base near Ukraine's border with Poland, officials said.",
    )
    assert [(d.kind, d.statement) for d in found] == [("place", "Romania")]


def test_giving_up_a_demand_differs_only_where_the_passage_speaks_of_the_demand():
    statement = "The union has dropped its demand for night-shift workers to be paid double."
    # a passage on the workers alone says nothing of the demand
    assert kinds(statement, "The factory hired forty night-shift workers in May.") == []
    # one that keeps the demand contradicts the statement
    assert kinds(
        statement, "The union is still demanding that night-shift workers be paid double."
    ) == ["negation"]
    assert kinds(
        "The council abandoned its plan for a new bridge over the river.",
        "The council said its plan for a new bridge over the river would go ahead.",
    ) == ["negation"]


def test_what_a_negation_governs_is_what_is_said_not_who_or_where():
    # the passage denies a threat "to the civilians of Ukraine"; the statement speaks of
    # Ukraine, not of threats: silent, not the opposite
    assert (
        kinds(
            "The envoy blamed Ukraine for the crisis in the region.",
            "The army does not pose a threat to the civilians of Ukraine, the envoy said.",
        )
        == []
    )
    assert kinds(
        "The envoy said the army posed a threat to civilians.",
        "The army does not pose a threat to the civilians of Ukraine, the envoy said.",
    ) == ["negation"]


def test_a_quotation_opening_the_statement_does_not_hide_the_speaker_after_it():
    for quoted in (
        "'A hard negotiation between Moscow and Kiev has started,' delegation member "
        "Leonid Slutsky said.",
        "“A hard negotiation between Moscow and Kiev has started,” Leonid Slutsky said.",
    ):
        assert statement_speaker(quoted) == "Leonid Slutsky"
    assert kinds(
        "'The port will reopen next week,' harbour master Anna Kovalenko said.",
        "The port will reopen next week.",
        claimant="Ivan Petrenko",
    ) == ["speaker"]


def test_according_to_opening_the_statement_and_verbs_of_mockery_name_the_speaker():
    assert (
        statement_speaker("According to Pentagon spokesman John Kirby, a ceasefire comes first.")
        == "John Kirby"
    )
    assert (
        statement_speaker(
            "Zelensky mocked Moscow for having 'turned to China for military help' and "
            "dismissed the operation as a failure."
        )
        == "Zelensky"
    )


def test_dates_of_the_statement_that_the_passage_names_leave_the_others_unanswered():
    # the passage dates the talks; the statement also says when it was announced
    assert (
        kinds(
            "The talks will resume on Monday, the adviser said late Sunday.",
            "The talks will resume on Monday.",
        )
        == []
    )
    # a passage date that no statement date names still answers the others
    found = found_in(
        "The talks will resume on Tuesday, the adviser said late Sunday.",
        "The talks will resume on Monday.",
    )
    assert ("date", "Tuesday") in [(d.kind, d.statement) for d in found]


def _article_claim(text: str, fragment: str, published: dt.date):
    from service.extraction import extract

    pos = text.index(fragment)
    found = [c for c in extract(text, published=published).claims if c.start <= pos < c.end]
    assert found, fragment
    return min(found, key=lambda c: c.end - c.start)


def test_when_a_claim_was_said_is_kept_apart_and_compared_with_the_statement():
    text = (
        "Talks to resume\n\n"
        "The talks would resume by video-conference on Monday, Mykhailo Podolyak, an "
        "adviser to the president, said late Sunday. Meanwhile, the minister, who "
        "visited the front on February 24, this week said the corridors were open."
    )
    published = dt.date(2022, 3, 14)  # a Monday
    resume = _article_claim(text, "resume by video-conference", published)
    assert [d.text for d in resume.details.dates] == ["Monday"]
    assert [d.text for d in resume.details.said_dates] == ["Sunday"]
    corridors = _article_claim(text, "corridors were open", published)
    # the relative clause dates a visit, not the saying
    assert "February 24" not in [d.text for d in corridors.details.said_dates]

    def kinds_against(statement: str) -> list[str]:
        found = differences(
            facts(statement),
            passage_details=resume.details.to_dict(),
            claimant=resume.claimant,
            source=resume.source,
            passage_text=text[resume.start : resume.end],
        )
        return [d.kind for d in found]

    assert kinds_against("Talks resume on Monday, Mykhailo Podolyak said late on Sunday.") == []
    assert kinds_against("Talks resume on Monday, Mykhailo Podolyak said late on Saturday.") == [
        "date"
    ]


def test_corroborating_against_contradicting_and_once_against_several_rounds():
    assert kinds(
        "The minister's statement contradicted the earlier report.",
        "The minister's statement corroborated the earlier report.",
    ) == ["negation"]
    assert kinds(
        "Since the war began, the two delegations have met just once.",
        "Since the war began, the two delegations have held several rounds of talks.",
    ) == ["number"]
    assert kinds(
        "The adviser said in a radio interview that the talks were hard.",
        "The talks were hard, the adviser said, tweeting a photo.",
    ) == ["source"]


def test_the_medium_of_the_claim_is_its_channel_when_the_passage_does_not_name_it():
    # the article says elsewhere in the sentence that the claim was tweeted
    assert kinds(
        "In a TV interview, the adviser dismissed the operation as a failure.",
        "while dismissing the operation as a failure.",
        source="Twitter",
    ) == ["source"]
    assert (
        kinds(
            "In a tweet, the adviser dismissed the operation as a failure.",
            "while dismissing the operation as a failure.",
            source="Twitter",
        )
        == []
    )


def test_saying_names_the_speaker_and_prefixed_opposites_reverse_polarity():
    assert (
        statement_speaker("Zelensky took a swipe at Moscow on Twitter, saying it had failed.")
        == "Zelensky"
    )
    assert kinds(
        "The mayor said that daily meetings with the unions were unnecessary.",
        "The mayor said that daily meetings with the unions were necessary.",
    ) == ["negation"]
    assert kinds(
        "The envoy said the assembly should stay silent about the offensive.",
        "The envoy said the assembly should be vocal about the offensive.",
    ) == ["negation"]
    assert (
        kinds(
            "The envoy said a deal was possible within days.",
            "The envoy said a deal was possible within days.",
        )
        == []
    )


def test_weaker_facts_below_a_match_are_shown_within_the_gap_but_never_alone():
    statement = "The storm flooded 300 homes in the valley, officials said."
    first = claim("The storm flooded 300 homes in the valley.", start=0, fact=1)
    other = claim("Floods hit 300 homes in the valley.", article=2, outlet=2, fact=2)
    far = claim("Officials said the valley was calm.", article=3, outlet=3, fact=3)
    members = {1: [first], 2: [other], 3: [far]}

    def shown(scores, **kwargs):
        scored = [
            Scored(c, s, {"bm25": s}) for c, s in zip((first, other, far), scores, strict=True)
        ]
        matches = build_matches(
            statement, facts(statement), scored, members, limit=5, threshold=0.43, **kwargs
        )
        return [m.claim.id for m in matches]

    # without a related threshold only facts that reach the threshold are matches
    assert shown((0.50, 0.38, 0.32)) == [first.id]
    # with one, the weaker facts within the gap of the best are shown below it
    assert shown((0.50, 0.38, 0.32), related_threshold=0.30) == [first.id, other.id, far.id]
    # a strong best match keeps the facts more than the gap below it out
    assert shown((0.95, 0.38, 0.32), related_threshold=0.30) == [first.id]
    # and nothing is shown when no fact reaches the threshold
    assert shown((0.42, 0.38, 0.32), related_threshold=0.30) == []


def test_a_passage_naming_only_the_country_does_not_answer_another_region():
    # the statement's region against the article's other region: the caption that names
    # only the country is silent on the region, so the article differs
    statement = "The Feb. 28 round of talks took place in the Brest region of Belarus."
    country = claim("Delegations met for talks in Belarus on Feb. 28.", start=0)
    region = claim("Delegations met for talks in Belarus' Gomel region on Feb. 28.", start=60)
    [stance] = outlet_stances(statement, facts(statement), [country, region])
    assert stance.stance == "differs"
    assert [d.kind for d in stance.differences] == ["place"]
    # a passage that names the statement's region does answer it
    named = claim("The talks were held in the Brest region of Belarus on Feb. 28.", start=130)
    [stance] = outlet_stances(statement, facts(statement), [named, region])
    assert stance.stance == "supports"


def test_one_countrys_border_is_not_anothers():
    # the other place both name (Russia) does not make the border a detail left unsaid
    assert kinds(
        "Officials accused Russia of striking a base twelve miles from the Hungarian border.",
        "Officials accused Russia of striking a base 12 miles from the Polish border.",
    ) == ["place"]
    assert kinds(
        "Officials accused Russia of striking a base near the frontier with Romania.",
        "Officials accused Russia of striking a base 12 miles from the Polish border.",
    ) == ["place"]
    # the same border in other words, or a border between two countries that include
    # it, is no difference
    assert (
        kinds(
            "The strike hit a base near the frontier with Poland.",
            "The strike hit a base 12 miles from the Polish border.",
        )
        == []
    )
    assert (
        kinds(
            "The talks were held near the Polish border.",
            "The talks were held close to the Polish-Belarusian border.",
        )
        == []
    )


def test_a_question_turned_into_a_claim_has_no_speaker_in_its_auxiliary():
    assert (
        statement_speaker("Did you know that the city hall said it would host the talks?") is None
    )
    assert statement_speaker(
        "Did you know that Mayor Anna Kovalenko said the port would reopen?"
    ).endswith("Anna Kovalenko")
    assert statement_speaker("BREAKING: Anna Kovalenko said the port would reopen.") == (
        "Anna Kovalenko"
    )


def test_whose_earlier_word_was_confirmed_is_compared_like_a_speaker():
    passage = "Her post confirmed an earlier statement by Ivan Petrenko, the port's spokesman."
    assert kinds(
        "Her post confirmed an earlier announcement by Mayor Anna Kovalenko that the port "
        "would reopen.",
        passage,
    ) == ["speaker"]
    assert kinds("Her post confirmed an earlier statement by Petrenko.", passage) == []
    # an unnamed holder of a role is no other person
    assert (
        kinds("Her post backed up an earlier announcement by the port's spokesman.", passage) == []
    )


def test_reports_that_relay_a_claim_are_no_speaker():
    statement = "Reports say port spokesman Ivan Petrenko first said the port would reopen Monday."
    assert statement_speaker(statement) == "Ivan Petrenko"
    assert kinds(statement, "The port would reopen Monday.", claimant="Ivan Petrenko") == []
    assert statement_speaker("Media reports suggest that the port will reopen Monday.") is None


def test_two_countries_joined_by_a_hyphen_are_the_parties_not_the_place():
    passage = "The mayor of Jerusalem said he would be happy to host the talks in the city."
    assert kinds("The mayor said he would be happy to host Russia-Ukraine talks.", passage) == []
    # typeset with a dash, as many sites print it
    assert kinds("The mayor said he would be happy to host Russia–Ukraine talks.", passage) == []
    assert kinds("The mayor said he would be happy to host Russia—Ukraine talks.", passage) == []


def test_a_border_named_as_a_landmark_is_not_where_it_happened():
    caption = "Delegates pose before talks in Belarus, close to the Polish-Belarusian border."
    assert kinds(
        "Delegates posed before talks in Poland, just across the border from Belarus.", caption
    ) == ["place"]
    assert kinds("Delegates posed before talks in Poland.", caption) == ["place"]
    assert kinds("Delegates posed before talks in Belarus, near the Polish border.", caption) == []
    # a statement that names the place only as a landmark too keeps to the landmarks
    assert kinds("Delegates posed before talks close to Poland.", caption) == []
    strike = "Officials accused Russia of striking a base just 12 miles from the Polish border."
    assert kinds("Russia struck a base close to Poland.", strike) == []
    # one country's border is not a border between two others
    assert kinds(
        "Delegates posed before talks in Belarus near the Lithuanian border.", caption
    ) == ["place"]


def test_no_followed_by_nothing_else_governs_its_noun():
    # "… but he gave no details" is about details, which the passage does not speak of
    assert (
        kinds(
            "The president said there had been positive shifts in the talks, but he gave "
            "no details.",
            "The president said there had been positive shifts in the talks.",
        )
        == []
    )
    assert kinds(
        "The talks produced no agreement.",
        "The talks produced an agreement on corridors.",
    ) == ["negation"]


def test_an_absolute_clause_after_with_is_a_part_of_its_own():
    statement = (
        "Fighting rages in the Kharkiv suburbs as troops advance, with only roads to the "
        "south still open, officials said."
    )
    parts = statement_clauses(facts(statement))
    assert len(parts) == 2
    assert "Kharkiv" in parts[0].text and "roads to the south" in parts[1].text


def test_an_outlet_or_genre_label_opening_a_post_is_neither_speaker_nor_source():
    assert statement_speaker("Press TV: Podolyak said the talks are hard going.") == "Podolyak"
    assert statement_source("Press TV: Podolyak said the talks are hard going.") is None
    assert statement_speaker("TV transcript: the talks are hard, Slutsky said.") == "Slutsky"
    # a person's name as the label is the speaker of a headline
    assert statement_speaker("Peskov: talks will resume on Monday") == "Peskov"
    # a misspelt place is not a person
    assert statement_speaker("Jeruslaem municipality says it is happy to host the talks") is None


@pytest.mark.parametrize(
    "statement, speaker, source",
    [
        (
            "The Epoch Times reports Ukraine reconnected a broken power line to Chernobyl.",
            None,
            None,
        ),
        ("Press TV reports that Podoliak tweeted Moscow had turned to China.", "Podoliak", None),
        (
            "According to the Times of Israel, Bennett told Channel 12 the talks were hard.",
            "Bennett",
            "Channel 12",
        ),
        (
            "Kirby told Fox News sanctions were biting, The Moscow Times reported.",
            "Kirby",
            "Fox News",
        ),
        ("Peskov said the talks would go on, RIA reported.", "Peskov", None),
        ("Bennett spoke to Putin, according to The Epoch Times.", None, None),
        # "according to" a medium a speaker talks to names whom he told
        (
            "According to RIA Novosti, Duma foreign affairs chief Leonid Slutsky said a deal "
            "could save many people.",
            "Leonid Slutsky",
            "RIA Novosti",
        ),
        # a person who reports is still the speaker
        ("Zelensky reports that the talks go on.", "Zelensky", None),
        # whom the outlet had it from is neither either
        (
            "AFP, in a report carried by The Moscow Times, said Podolyak wrote that talks go on.",
            "Podolyak",
            None,
        ),
        ("The Epoch Times, citing AP, reported that Peskov said talks go on.", "Peskov", None),
        ("Peskov said talks would go on, AFP reported via The Moscow Times.", "Peskov", None),
        ("Peskov said talks would go on, the Epoch Times reported, citing NTD.", "Peskov", None),
        # a person citing someone still speaks
        ("Zelensky, citing his aides, said talks would continue.", "Zelensky", None),
    ],
)
def test_the_outlet_that_reports_a_claim_is_neither_its_speaker_nor_its_source(
    statement, speaker, source
):
    """ "X reports (that) …", "According to X, …", "…, X reports": the outlet that
    reports the claim, as the label "X: …" is, not the medium someone spoke to."""
    assert statement_speaker(statement) == speaker
    assert statement_source(statement) == source


@pytest.mark.parametrize(
    "statement, speaker",
    [
        (
            "Duma foreign affairs chief Leonid Slutsky said a deal could save many people.",
            "Leonid Slutsky",
        ),
        (
            "State Duma foreign affairs committee head Leonid Slutsky said talks went on.",
            "Leonid Slutsky",
        ),
        # a verb of saying or a function word ends the words before a role noun
        ("Oleksii Reznikov told reporters the aim was a ceasefire.", "Oleksii Reznikov"),
    ],
)
def test_a_role_qualified_by_lower_case_words_is_followed_by_the_speakers_name(statement, speaker):
    assert statement_speaker(statement) == speaker


def test_quitting_is_stopping():
    stopped = (
        "Russia had stopped issuing ultimatums and instead carefully listens to our positions."
    )
    statement = (
        "Zelensky aide Mykhailo Podolyak says Moscow has quit issuing ultimatums at the "
        "negotiating table and now listens carefully to Kyiv's positions."
    )
    assert kinds(statement, stopped) == []
    assert kinds("Moscow keeps issuing ultimatums, Podolyak says.", stopped) == ["negation"]


def test_dropping_a_demand_is_stopping_it_and_other_drops_are_not():
    stopped = (
        "Russia had stopped issuing ultimatums and instead carefully listens to our positions."
    )
    assert (
        kinds(
            "Podolyak says Russian negotiators have dropped their ultimatums and are now "
            "carefully listening to Kyiv's positions.",
            stopped,
        )
        == []
    )
    assert kinds("Russia has abandoned its demand for Ukraine's neutrality.", stopped) == []
    # the word in quotation marks, as a post quotes it
    assert kinds("Moscow has dropped the 'ultimatums', Podolyak said.", stopped) == []
    assert kinds("Moscow has dropped its “conditions”, Podolyak said.", stopped) == []
    assert kinds("Russia still issues ultimatums to Kyiv.", stopped) == ["negation"]
    # prices, bombs and charges that dropped stopped nothing
    assert (
        kinds("Grain prices dropped sharply in March.", "Grain prices fell sharply in March.") == []
    )
    assert (
        kinds(
            "Russian aircraft dropped bombs on a maternity hospital in Mariupol.",
            "Russian aircraft bombed a maternity hospital in Mariupol.",
        )
        == []
    )


def test_what_is_still_to_be_done_differs_from_a_report_that_it_was_done():
    planned = (
        "My own expectations are that this progress could develop over the next few days "
        "into a unified position held by both delegations in documents to be signed."
    )
    found = found_in("Slutsky said both delegations had already signed documents.", planned)
    assert [(d.kind, d.statement, d.passage) for d in found] == [
        ("negation", "had already signed", "to be signed")
    ]
    assert kinds(
        "The delegations have signed a joint document.",
        "This progress may grow into a joint position, into documents for signing.",
    ) == ["negation"]
    # both say it is still to come, or the passage says it was done as well
    assert kinds("Slutsky expects documents to be signed within days.", planned) == []
    assert (
        kinds(
            "The documents were signed on Monday.",
            "The documents, to be signed on Monday, were signed in Minsk.",
        )
        == []
    )
    # "reported to be injured" is no plan
    assert (
        kinds(
            "Three journalists had been injured in the shelling.",
            "Three journalists were reported to be injured in the shelling.",
        )
        == []
    )


def test_what_one_side_says_stopped_the_other_says_goes_on():
    passage = (
        "Zelensky said he will continue negotiating with Russia and making requests for a "
        "meeting with Putin, which, so far, have gone unanswered by the Kremlin."
    )
    # both negate, but not the same thing: the requests go on, unanswered
    found = found_in("Zelensky said he would no longer seek a meeting with Putin.", passage)
    assert [(d.kind, d.passage) for d in found] == [("negation", "continue")]
    # and the other way round: the statement goes on, the passage stopped
    assert kinds(
        "Russia continues to issue ultimatums, which Kyiv has not accepted.",
        "Russia had stopped issuing ultimatums.",
    ) == ["negation"]
    # what someone will stop doing is a negation of what goes on
    assert kinds(
        "Zelensky said he would stop making requests for a meeting with Putin.",
        "Zelensky said he is making requests for a meeting with Putin.",
    ) == ["negation"]
    # a demand to stop is no report that anything stopped
    assert (
        kinds(
            "The ambassador urged the assembly to demand that Russia stop its offensive.",
            "The ambassador urged the assembly to demand that Russia stop its offensive.",
        )
        == []
    )
    assert (
        kinds(
            "The ambassador urged the assembly to demand that Russia stop its offensive.",
            "The ambassador urged the assembly to demand an end to Russia's offensive.",
        )
        == []
    )
    # both say it stopped: no difference, however the rest is worded
    assert (
        kinds(
            "Zelensky said he would no longer seek a meeting with Putin.",
            "Zelensky has stopped seeking a meeting with Putin.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        ("though the International Atomic Energy Agency downplayed", "iaea", True),
        ("the North Atlantic Treaty Organization met", "nato", True),
        ("a United Nations vote", "un", True),
        ("the international atomic energy agency", "iaea", False),  # not a name
        ("International Energy Agency", "iaea", False),
        ("the Organization for Security and Cooperation in Europe", "osce", True),
        ("anything", "i", False),
    ],
)
def test_spells_out_reads_the_initials_of_a_name(text, acronym, expected):
    assert spells_out(text, acronym) is expected


def test_a_vague_relay_is_compatible_with_a_named_medium_but_does_not_state_it():
    told = facts("Slutsky told Izvestia that significant progress had been made.")
    relayed = dict(
        passage_details={},
        claimant="Leonid Slutsky",
        source="Russian news agencies",
        passage_text="we see significant progress",
    )
    assert differences(told, **relayed) == []
    assert ("source", "Izvestia") not in agreements(told, **relayed)
    # a statement that names only the relay agrees with a passage naming the medium
    vague = facts(
        "Slutsky said significant progress had been made, Russian news agencies reported."
    )
    named = dict(relayed, source="RT")
    assert vague.source == "Russian news agencies"
    assert ("source", "Russian news agencies") in agreements(vague, **named)


def test_where_named_reads_places_said_as_where():
    text = "Podolyak took a swipe at Moscow while officials met at the UN in New York."
    assert where_named(text, ["Moscow", "New York", "Kyiv"]) == ["New York"]
    assert where_named("talks in Moscow", ["Moscow"]) == ["Moscow"]
    assert where_named("talks in Belarus's Gomel region", ["Belarus", "Gomel"]) == [
        "Belarus",
        "Gomel",
    ]


def test_a_negating_word_said_in_other_words_in_an_aside_is_no_difference():
    statement = (
        "Zelensky said his team's clear task is to secure a meeting with Putin, whose office "
        "has so far ignored his requests."
    )
    passage = "making requests for a meeting with Putin, which, so far, have gone unanswered"
    found = found_in(statement, passage)
    assert not [d for d in found if d.kind == "negation"]


def test_a_negating_word_said_in_other_words_in_the_main_clause_is_no_difference():
    passage = "making requests for a meeting with Putin, which, so far, have gone unanswered"
    ignored = found_in("The Kremlin has so far ignored Zelensky's requests to meet Putin.", passage)
    assert not [d for d in ignored if d.kind == "negation"]
    # the word the passage negates with, affirmed, still differs
    answered = found_in(
        "The Kremlin has so far answered Zelensky's requests to meet Putin.", passage
    )
    assert [d.kind for d in answered] == ["negation"]


def test_an_organisation_speaking_through_its_spokesman_is_his_statement():
    statement = (
        "The Pentagon, through spokesman John Kirby, confirmed it is working to ship "
        "additional weapons to Ukraine."
    )
    assert statement_speaker(statement) == "John Kirby"
    assert statement_speaker("The Pentagon, through its press office, confirmed it.") == (
        "Pentagon"
    )


def test_unchanged_against_a_different_approach_is_a_negation_difference():
    passage = "Zelensky said Saturday that Russia had adopted a fundamentally different approach."
    found = found_in("Zelensky said Russia's approach to the talks was unchanged.", passage)
    assert Difference("negation", "unchanged", "different") in found
    assert found_in("Zelensky said Russia had adopted a different approach.", passage) == []


@pytest.mark.parametrize(
    ("statement", "speech"),
    [
        ("Police spokeswoman Jane Doe: 'the bridge will reopen on Monday.'", True),
        ("Jane Doe: the bridge will reopen on Monday", True),
        ("Photo: Jane Doe at the bridge on Monday", False),
        ("Pictured: city engineer Jane Doe at the bridge on Monday", False),
        ("Jane Doe said the bridge will reopen on Monday.", True),
        # a place, an outlet, a lead-in or a headline before the colon names no speaker
        ("Vienna: the bridge will reopen on Monday", False),
        ("Press TV: the bridge will reopen on Monday", False),
        ("Breaking: the bridge will reopen on Monday", False),
        ("The bridge is back in use: repairs ended early", False),
    ],
)
def test_a_speaker_label_before_a_colon_reports_speech(statement, speech):
    assert reports_speech(statement) is speech


def test_the_same_institution_of_another_city_is_a_place_difference():
    passage = "Earlier Sunday, the Jerusalem municipality said it was happy to host talks."
    assert kinds("Tel Aviv's municipality said it was happy to host the talks.", passage) == [
        "place"
    ]
    assert kinds(
        "The mayor of Tel Aviv said the city was happy to host the talks.",
        ("The mayor of Jerusalem said the city was happy to host the talks."),
    ) == ["place"]
    assert kinds("The Jerusalem municipality said it was happy to host the talks.", passage) == []
    # a country's institution is a party, read as who acts
    assert kinds("Israel's government said it was happy to host the talks.", passage) == []


def test_admits_and_other_present_sayings_name_the_speaker():
    statement = "Peskov admits 'a hard negotiation has started' as the video talks resume."
    assert statement_speaker(statement) == "Peskov"
    assert kinds(statement, "A hard negotiation has started.", claimant="Mykhailo Podolyak") == [
        "speaker"
    ]
    assert statement_speaker("The mayor's office acknowledges the bridge will stay shut.") is None
    assert statement_speaker("Jane Doe reiterates that the bridge will reopen.") == "Jane Doe"


@pytest.mark.parametrize(
    ("statement", "source"),
    [
        ("Slutsky told state TV channel Rossiya 24 that progress had been made.", "Rossiya 24"),
        ("An adviser told the Haaretz newspaper that Bennett was a fair broker.", "Haaretz"),
        ("The mayor told the Vienna Herald daily that the bridge would reopen.", "Vienna Herald"),
        # a nationality before what the outlet is names the country's media, not an outlet
        ("The mayor told the Austrian newspaper that the bridge would reopen.", "Austrian media"),
        # after the country's possessive, and a name that is no word ("1+1") or on the radio
        ("Podolyak told Ukraine's 1+1 television that talks go on.", "1+1"),
        ("The mayor told Austria's ORF radio that the bridge would reopen.", "ORF"),
        # a country's institution is no outlet
        ("Zelensky told Ukraine's parliament that talks go on.", None),
    ],
)
def test_an_outlet_named_before_or_after_what_it_is_is_the_source(statement, source):
    assert statement_source(statement) == source


def test_the_host_of_talks_is_where_they_were_held():
    passage = "Turkey this week hosted a first meeting between the two foreign ministers."
    assert kinds("The two foreign ministers met at talks hosted by Israel.", passage) == ["place"]
    assert kinds("The two foreign ministers met at talks hosted by Turkey.", passage) == []
    # a mediator is a party, not a place
    assert kinds("The two ministers met at talks brokered by Israel in Turkey.", passage) == []


def test_sharing_fears_is_the_opposite_of_downplaying_them():
    passage = "The International Atomic Energy Agency downplayed those worries."
    statement = (
        "The International Atomic Energy Agency shared fears that the plant might be unable "
        "to keep its fuel cool."
    )
    assert Difference("negation", "shared fears", "downplayed") in found_in(statement, passage)
    assert kinds("The agency warned the plant could run out of fuel.", passage) == ["negation"]
    # the negation before the word: what was not done is not its opposite
    assert kinds("The agency did not share fears about the fuel.", passage) == []


@pytest.mark.parametrize(
    "statement, said",
    [
        (
            "The IAEA said it was seriously worried about the spent fuel.",
            "was seriously worried",
        ),
        ("The agency is concerned about the spent fuel.", "is concerned"),
        ("The IAEA voiced serious concern about the spent fuel.", "voiced serious concern"),
        ("The agency expressed fears about the spent fuel.", "expressed fears"),
    ],
)
def test_being_worried_or_voicing_concern_is_the_opposite_of_downplaying_it(statement, said):
    passage = "The International Atomic Energy Agency downplayed those worries."
    assert Difference("negation", said, "downplayed") in found_in(statement, passage)
    # a passage that is worried too agrees
    assert kinds(statement, "The agency said it was worried about the fuel.") == []


def test_a_city_that_acts_is_its_government_not_where_it_happened():
    passage = "It came under fire for displaying flags of both Ukraine and Russia on its walls."
    assert (
        kinds("Jerusalem takes down the Russian and Ukrainian flags from its walls.", passage) == []
    )
    assert kinds("Jerusalem removed the flags of Ukraine and Russia from its walls.", passage) == []
    # where the flags hung is still a place
    assert kinds(
        "Flags were displayed on the walls in Jerusalem.",
        "Flags were displayed on the walls in Tel Aviv.",
    ) == ["place"]


def test_not_changed_is_unchanged_against_a_different_approach():
    passage = "Russia had adopted a fundamentally different approach in the talks."
    assert Difference("negation", "not changed", "different") in found_in(
        "Zelensky said Russia's approach has not changed at all.", passage
    )
    assert kinds("Zelensky said Russia's approach hasn't changed.", passage) == ["negation"]
    # changing it is adopting a different one
    assert kinds("Zelensky said Russia had changed its approach.", passage) == []
    assert kinds("Zelensky said Russia's approach has been changed.", passage) == []
    assert kinds(
        "Zelensky said Russia's approach has been changed.", "Russia's approach was unchanged."
    ) == ["negation"]
    assert (
        kinds(
            "Zelensky said Russia's approach has not really changed.",
            "Russia's approach was unchanged.",
        )
        == []
    )


def test_an_opening_while_clause_is_another_event_with_its_own_place():
    statement = (
        "While the delegations met in Belarus, the envoy urged the General Assembly to "
        "demand a withdrawal."
    )
    passage = "The envoy said the General Assembly should demand Russia withdraw from Ukraine."
    assert kinds(statement, passage) == []
    # where the statement's own event happened is still compared
    statement = "While the delegations met in Belarus, the envoy spoke at the assembly in Geneva."
    assert kinds(statement, "The envoy spoke at the assembly in New York.") == ["place"]
    # a passage on the other event, naming its place, is read with it
    assert kinds(statement, "The delegations met in Belarus' Gomel region.") == []
    # "As many as …" opens no such clause
    assert kinds("As many as 30 officials met in Vienna, the envoy said.", passage) == ["place"]


def test_a_passage_that_names_places_only_as_parties_says_nothing_of_where():
    statement = (
        "No more ultimatums from Moscow? An aide says on Twitter that Russia now 'carefully' "
        "listens to Ukraine's positions."
    )
    passage = "but is instead 'carefully' listening to Ukraine's proposals"
    assert kinds(statement, passage) == []
    assert kinds("The talks were held in Moscow.", "The talks were held in Ukraine.") == ["place"]


def test_one_region_of_a_pair_in_the_others_stead_is_a_place_difference():
    passage = "Putin announced an operation in the restive Donetsk and Lugansk regions of Ukraine."
    statement = "Putin announced an operation in the Donetsk and Kharkiv regions."
    assert found_in(statement, passage) == [
        Difference("place", "Kharkiv", "Donetsk, Luhansk, Ukraine")
    ]
    assert kinds("Putin announced an operation in the Donetsk and Luhansk regions.", passage) == []


def test_a_day_of_the_month_alone_is_compared_with_the_passages_day():
    passage = "On Monday, June 12, a session will be held to sum up the results."
    assert found_in("A session to sum up the results would be held on the 15th.", passage) == [
        Difference("date", "the 15th", "Monday, June 12")
    ]
    assert kinds("A session to sum up the results would be held on the 12th.", passage) == []
    # an ordinal that counts something is no day
    assert kinds("The session on the 15th round of results would be held.", passage) == []


def test_as_another_speaker_warns_is_a_part_of_its_own():
    statement = (
        "Talks resume by video link on Monday, Podolyak says, as Kyiv warns only roads to "
        "the north of the capital remain open."
    )
    parts = statement_clauses(facts(statement))
    assert [(p.text, p.speaker) for p in parts] == [
        ("Talks resume by video link on Monday, Podolyak says", "Podolyak"),
        ("Kyiv warns only roads to the north of the capital remain open", None),
    ]


def test_a_clause_after_a_negated_one_of_the_same_speaker_is_read_with_it():
    """ "'… is not making ultimatums' but is instead listening to the union's proposals":
    a statement that the ultimatums go on differs; one about listening does not."""
    text = "The council is not making 'ultimatums'"
    negated = claim(text, start=0, claimant="Ana Lopez")
    negated.kind = "direct_quote"
    then = claim(
        "but is instead carefully listening to the union's proposals",
        start=len(text) + 1,
        claimant="Ana Lopez",
    )
    context = ArticleContext([negated, then])
    statement = "Lopez says the council is still issuing ultimatums instead of listening."
    [stance] = outlet_stances(statement, facts(statement), [then], context=context)
    assert stance.stance == "differs"
    assert [d.kind for d in stance.differences] == ["negation"]
    statement = "Lopez says the council is carefully listening to the union's proposals."
    [stance] = outlet_stances(statement, facts(statement), [then], context=context)
    assert stance.stance == "supports"
    # another speaker's negated clause lends nothing
    other = claim(text, start=0, claimant="Jane Doe")
    other.kind = "direct_quote"
    statement = "Lopez says the council is still issuing ultimatums instead of listening."
    [stance] = outlet_stances(
        statement, facts(statement), [then], context=ArticleContext([other, then])
    )
    assert stance.stance == "supports"


def test_what_went_unanswered_is_the_request_not_what_it_asked_for():
    requests = claim("and sending requests for talks with the mayor", start=0, fact=3)
    unanswered = claim("which have so far gone unanswered.", start=requests.end + 2, fact=4)
    context = ArticleContext([requests, unanswered])
    statement = "The union's task is to secure talks with the mayor, its leader said."
    [stance] = outlet_stances(statement, facts(statement), [requests], context=context)
    assert stance.stance == "supports"


def test_a_place_before_a_role_names_whose_official_not_where():
    passage = "Speaking in Belarus, Slutsky said the progress was significant."
    assert kinds("Moscow negotiator Leonid Slutsky says progress is significant.", passage) == []
    assert kinds("Kyiv envoy Jane Doe says progress is significant.", passage) == []
    assert kinds("Speaking in Moscow, Slutsky said the progress was significant.", passage) == [
        "place"
    ]


def test_a_speaker_named_only_by_an_office_differs_from_one_holding_another():
    statement = "The city's finance minister said the bridge would reopen on Monday."
    passage = "The bridge will reopen on Monday."
    adviser = ["an adviser to the mayor", "the mayor's senior adviser"]
    found = found_in(statement, passage, claimant="Jane Doe", claimant_roles=adviser)
    assert found == [Difference("speaker", "The city's finance minister", "Jane Doe")]

    def kinds_with(statement: str, roles: list[str]) -> list[str]:
        return [
            d.kind for d in found_in(statement, passage, claimant="Jane Doe", claimant_roles=roles)
        ]

    # the same office in other words, an office the articles do not give, a role that
    # names no office
    assert (
        kinds_with("A top aide to the mayor said the bridge would reopen on Monday.", adviser) == []
    )
    assert kinds_with(statement, []) == []
    assert kinds_with(statement, ["a member of the city's negotiating team"]) == []
    assert kinds_with("The city's chief negotiator said the bridge would reopen.", adviser) == []


@pytest.mark.parametrize(
    ("statement", "speaker"),
    [
        ("The Kan broadcaster quoted Zelensky himself calling Bennett a fair broker.", "Zelensky"),
        ("The agency quoted Jane Doe as saying the bridge would reopen.", "Jane Doe"),
        # who was quoted is read as before when a passive names them first
        ("Lavrov was quoted by Ukrainian media as saying talks had ended.", "Lavrov"),
    ],
)
def test_whom_an_outlet_quoted_is_the_speaker(statement, speaker):
    assert statement_speaker(statement) == speaker


def test_an_outlets_dateline_label_is_not_the_medium_nor_part_of_the_sentence():
    statement = "AFP, March 14, 2022: Russia and Ukraine are set to resume talks on Monday."
    assert statement_source(statement) is None
    # the two countries open the sentence after the label: the sides, not where
    passage = "Ukraine's team meets the Russian delegation for talks in Belarus."
    assert kinds(statement, passage, source="Twitter") == []
    # a speaker's label with a day is no outlet's
    assert statement_source("Podolyak, March 14: talks resume today, he told RT.") == "RT"


@pytest.mark.parametrize(
    ("statement", "speaker"),
    [
        # a role, the name, and what the words are about before the quotation
        ("City spokesman Petr Novak on the bridge: 'it will reopen on Monday.'", "Petr Novak"),
        # what someone expects is what they said
        ("Mayor's adviser Jane Doe expects the bridge to reopen within days.", "Jane Doe"),
    ],
)
def test_a_role_with_the_topic_before_a_quote_and_expects_name_the_speaker(statement, speaker):
    assert statement_speaker(statement) == speaker
    assert reports_speech(statement)
    # a passive "expected" reports no one's speech
    assert not reports_speech("The bridge is expected to reopen within days.")
