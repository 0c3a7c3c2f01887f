"""Statements pasted from social posts: links, embed signatures, hashtags and handles."""

from __future__ import annotations

import pytest

from service.matching.text import clean_statement


def test_an_embedded_tweet_keeps_its_claim_and_author_and_drops_link_handle_and_date():
    pasted = (
        "Humanitarian corridors saved 130,000 people #StandWithUkraine "
        "pic.twitter.com/0eJtwJyS1J — Volodymyr Zelensky (@ZelenskyyUa) March 12, 2022"
    )
    assert clean_statement(pasted) == (
        "Humanitarian corridors saved 130,000 people Stand With Ukraine — Volodymyr Zelensky"
    )


@pytest.mark.parametrize(
    ("pasted", "cleaned"),
    [
        # a link glued to a hashtag, as copied from a timeline
        (
            "CBC deletes Trump from Home Alone 2 #DefundTheCBChttps://t.co/CsHG8R9cHp",
            "CBC deletes Trump from Home Alone 2 Defund The CBC",
        ),
        ("What did he just say?#ImpeachTrump", "What did he just say?Impeach Trump"),
        ("Thanks @realDonaldTrump for the visit", "Thanks real Donald Trump for the visit"),
        ("See www.example.org/story for more", "See for more"),
        ("Tagged #COVID19 and #NATO", "Tagged COVID 19 and NATO"),
    ],
)
def test_links_are_dropped_and_tags_split_into_words(pasted, cleaned):
    assert clean_statement(pasted) == cleaned


@pytest.mark.parametrize(
    "statement",
    [
        "Zelensky said 130,000 people were saved in six days.",
        "Write to press@example.org for the full statement.",  # an address is not a handle
        "Talks resume Monday - Podolyak (adviser) said so.",  # a dash without a handle
        "C# is not a claim about the talks.",
    ],
)
def test_a_plain_statement_is_left_as_it_is(statement):
    assert clean_statement(statement) == statement


@pytest.mark.parametrize(
    "typed, written",
    [
        # shorthand written out so that its words are searched and its numbers counted
        (
            "medinsky said the 5 hr talks ended w/ a deal & 150,000 ppl were saved",
            "medinsky said the 5 hour talks ended with a deal and 150,000 people were saved",
        ),
        # a negation without its apostrophe is still a negation; "its" is left alone
        (
            "belarus hasnt let its troops through, theres no deal",
            "belarus hasn't let its troops through, there's no deal",
        ),
        # a subtitle's line break
        (
            "Kirby said the Pentagon is working / to send weapons",
            "Kirby said the Pentagon is working to send weapons",
        ),
        # capitals are no shorthand: "R." and "U.S." stay; "2" and "4" stay numbers
        ("R. Smith said 2 envoys met in the U.S.", "R. Smith said 2 envoys met in the U.S."),
    ],
)
def test_text_message_shorthand_is_written_out(typed, written):
    assert clean_statement(typed) == written


def test_a_post_that_is_only_a_link_is_kept_rather_than_emptied():
    assert clean_statement("https://t.co/CsHG8R9cHp") == "https://t.co/CsHG8R9cHp"
