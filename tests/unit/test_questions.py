"""A reader's question is checked as the claim it asks about."""

from __future__ import annotations

import pytest

from service.matching.questions import as_claim, as_sentence, without_descriptions


@pytest.mark.parametrize(
    "question, claim",
    [
        (
            "Is it true the Feb. 28 talks in Belarus went for five hours?",
            "The Feb. 28 talks in Belarus went for five hours.",
        ),
        (
            "I read that Putin ordered his army into Ukraine on 22 February, is this correct?",
            "Putin ordered his army into Ukraine on 22 February.",
        ),
        (
            "I read the talks in Belarus lasted nine hours. Is that so?",
            "The talks in Belarus lasted nine hours.",
        ),
        (
            "Zelensky says he will stop negotiating with Russia, is this true?? saw it in replies",
            "Zelensky says he will stop negotiating with Russia.",
        ),
        (
            "Did Pentagon spokesman John Kirby really tell Fox News that sanctions work?",
            "Pentagon spokesman John Kirby told Fox News that sanctions work.",
        ),
        ("Did Russia really stop the talks?", "Russia stopped the talks."),
        (
            "Did Israel host the first meeting this week?",
            "Israel hosted the first meeting this week.",
        ),
        (
            "Can anyone confirm that Peskov told RT the talks go on?",
            "Peskov told RT the talks go on.",
        ),
        ("Peskov told RT the talks go on. Source?", "Peskov told RT the talks go on."),
        # a checker's note or a post's framing
        ("CLAIM: the Feb. 28 round was held in Brest.", "The Feb. 28 round was held in Brest."),
        ("Fact-check note: Putin spoke on Friday.", "Putin spoke on Friday."),
        ("Screenshot text: Peskov says talks go on", "Peskov says talks go on."),
        (
            "Viral post says Podolyak announced late on Sunday that talks would restart.",
            "Podolyak announced late on Sunday that talks would restart.",
        ),
        ("A viral Facebook post claims that Peskov said talks go on.", "Peskov said talks go on."),
        # hearsay passed on to a tip line: who passed it on is no speaker, nor their aside
        (
            "Someone in my office says the Jerusalem municipality offered to host the talks.",
            "The Jerusalem municipality offered to host the talks.",
        ),
        (
            "Heard on the radio this morning that Podolyak told Kan the talks go on.",
            "Podolyak told Kan the talks go on.",
        ),
        (
            "A woman on my bus swore that Russian troops went into Ukraine on February 24, "
            "no idea why she told strangers.",
            "Russian troops went into Ukraine on February 24.",
        ),
        (
            "Apparently Qatar hosted the first meeting of the two foreign ministers, my dad "
            "heard it at the barber's.",
            "Qatar hosted the first meeting of the two foreign ministers.",
        ),
        # a reader's letter: its greeting, sign-off and questions around the claim, and
        # what passed the claim on
        (
            "Hi team, my local paper said Slutsky expects documents for signing within "
            "days. Could that be right? Thanks, Chloe",
            "Slutsky expects documents for signing within days.",
        ),
        (
            "Hello, a history teacher told my son Putin sent troops into Ukraine on February "
            "22. I thought it was later, who's right? Best, Carla",
            "Putin sent troops into Ukraine on February 22.",
        ),
        (
            "Dear desk, a photo caption I saw says the delegations met in Brest on March 3. "
            "Is that date correct? Regards, Nora",
            "The delegations met in Brest on March 3.",
        ),
        (
            "Hi, I heard on the radio that corridors saved 130,000 people. Thanks!",
            "Corridors saved 130,000 people.",
        ),
        # a politician's emphasis
        (
            "Let me remind you that Putin announced a special military operation.",
            "Putin announced a special military operation.",
        ),
        ("Let's be clear: Putin sent troops in on March 1.", "Putin sent troops in on March 1."),
        (
            "As I've said before, Bennett has been speaking to both leaders.",
            "Bennett has been speaking to both leaders.",
        ),
        ("The fact is, Kuleba demanded it at the UN.", "Kuleba demanded it at the UN."),
        # a parliament's record: the member's question, the minister's answer
        (
            "Is the Minister aware that Mr Peskov wrote on Twitter that talks go on?",
            "Mr Peskov wrote on Twitter that talks go on.",
        ),
        (
            "My honourable friend will know that Putin ordered the army into Ukraine on "
            "26 February, according to the reports before the Committee.",
            "Putin ordered the army into Ukraine on 26 February.",
        ),
        (
            "The Government's understanding is that Medinsky has said progress can be seen.",
            "Medinsky has said progress can be seen.",
        ),
        # a filing's framing and its clause numbers
        (
            "2. It is alleged that Vladimir Medinsky stated that talks would continue.",
            "Vladimir Medinsky stated that talks would continue.",
        ),
        (
            "It is not disputed that, in the preceding week, Ukraine and Russia agreed to "
            "establish humanitarian corridors.",
            "In the preceding week, Ukraine and Russia agreed to establish humanitarian corridors.",
        ),
        (
            "The record shows that President Vladimir Putin ordered troops into Ukraine.",
            "President Vladimir Putin ordered troops into Ukraine.",
        ),
        (
            "5. The said official, Vladimir Medinsky, stated that talks would continue.",
            "Vladimir Medinsky, stated that talks would continue.",
        ),
    ],
)
def test_a_readers_question_reads_as_its_claim(question, claim):
    assert as_claim(question) == claim


@pytest.mark.parametrize(
    "statement",
    [
        "Zelensky said the talks went right.",  # "right" ends a sentence, it asks nothing
        "Who is paying for all this?!",
        "Did the talks in Belarus last five hours?",  # no verb it knows: left as it is
        "Is Moscow changing course? Peskov said Russia had adopted a different approach.",
        "Peskov told RT the talks would go on.",
        "Podolyak: talks go on",  # a speaker's label, not a note's
        "Note that Peskov said talks go on.",
        # a spokesman and a quoted "my" are speakers and words of the claim, not hearsay
        "A Kremlin spokesman said that talks would resume.",
        "My delegation has a clear task to secure a meeting, Zelensky said.",
        "Zelensky said my delegation has a clear task.",
        # a message posted by a speaker is his; a greeting needs its comma
        "A message posted by Zelensky said talks go on.",
        "Hello Kitty said nothing.",
    ],
)
def test_other_statements_are_left_as_they_are(statement):
    assert as_claim(statement) == statement


@pytest.mark.parametrize(
    "box, sentence",
    [
        # the card's subject, its day and what it says
        (
            "Zelensky | Day: Fri | Claim: Russia has adopted a different approach",
            "Zelensky said on Fri: Russia has adopted a different approach.",
        ),
        # a quote and its speaker, with the speaker's office
        (
            "Quote: 'a hard negotiation has started' | Speaker: Kremlin spokesman Dmitry Peskov",
            "Kremlin spokesman Dmitry Peskov said: 'a hard negotiation has started'.",
        ),
        # the medium it went through; the other fields keep their keys
        (
            "Leonid Slutsky | Outlet: RT | Quote: 'significant progress' | Since: start of talks",
            "Leonid Slutsky, via RT, said: 'significant progress'; Since: start of talks.",
        ),
        (
            "Possible deal | Could save many people | Said by: Vladimir Medinsky, delegation head",
            "Vladimir Medinsky, delegation head, said: Possible deal; Could save many people.",
        ),
    ],
)
def test_a_fact_box_reads_as_the_sentence_it_stands_for(box, sentence):
    assert as_sentence(box) == sentence


@pytest.mark.parametrize(
    "statement",
    [
        "Sunday, 14:05 | Lavrov says progress could grow",  # a live blog's stamp
        "Podolyak: talks go on | more soon",  # a label, no card
        "Who: nobody | Where: Antalya",  # no one said anything
        "Talks resume on Monday, Podolyak said.",
    ],
)
def test_other_statements_are_no_fact_box(statement):
    assert as_sentence(statement) == statement


@pytest.mark.parametrize(
    ("statement", "matched_on"),
    [
        (
            "Mr Medinsky, the head of the Russian team, said the talks went on for eight hours.",
            "Mr Medinsky said the talks went on for eight hours.",
        ),
        (
            "While the talks went on, Mr Kyslytsya, Ukraine's ambassador, spoke at the UN.",
            "While the talks went on, Mr Kyslytsya spoke at the UN.",
        ),
        (
            "An adviser told Kan, a news service in Israel, that Mr Bennett, the Prime "
            "Minister of Israel, would be a fair go-between.",
            "An adviser told Kan that Mr Bennett would be a fair go-between.",
        ),
        (
            "The talks would resume on Monday, Mykhailo Podolyak, an adviser to Ukrainian "
            "President Volodymyr Zelensky and part of the negotiating team, said late Sunday.",
            "The talks would resume on Monday, Mykhailo Podolyak said late Sunday.",
        ),
    ],
)
def test_who_a_person_is_is_left_out_of_what_is_matched(statement, matched_on):
    assert without_descriptions(statement) == matched_on


@pytest.mark.parametrize(
    "statement",
    [
        # a place after a preposition, then a clause of its own
        "As talks went on in Belarus, Ukraine's UN ambassador Sergiy Kyslytsya addressed "
        "the General Assembly in Geneva, demanding Russia halt its offensive.",
        "In Gomel, the talks ended, and both sides went home.",  # no one described
        "Putin, the man who ordered the war, has not changed course.",  # no role or body
        "Vladimir Medinsky, who headed the Russian delegation, said the talks lasted hours.",
    ],
)
def test_other_commas_are_no_description(statement):
    assert without_descriptions(statement) == statement
