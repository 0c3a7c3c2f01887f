"""extract_details on single statements (no article context)."""

from __future__ import annotations

import datetime as dt

from service.extraction import extract_details, normalize

MONDAY = dt.date(2022, 3, 14)


def nums(text: str):
    return [(q.value, q.unit, q.approx, q.ordinal) for q in extract_details(text).numbers]


def dates(text: str, published=MONDAY):
    return [d.date for d in extract_details(text, published=published).dates]


def test_more_than_130000_people_has_value_unit_and_approximation():
    assert nums("Corridors saved more than 130,000 people.") == [
        (130000.0, "people", "more than", False)
    ]


def test_dollar_millions_are_usd():
    assert nums("Biden approved $200 million in weapons.") == [(200000000.0, "usd", None, False)]


def test_a_misspelt_scale_word_still_scales_the_number():
    assert nums("Biden approved $200 milion in weapons.") == [(200000000.0, "usd", None, False)]
    assert nums("a $1.5 bilion package") == [(1500000000.0, "usd", None, False)]
    assert nums("some 30 thousnad people") == [(30000.0, "people", "some", False)]
    # not a scale word one slip away from nothing in particular: "200 miles" stays miles
    assert nums("a convoy 200 miles long") == [(200.0, "mile", None, False)]


def test_a_scale_letter_written_onto_the_number_scales_it():
    assert nums("Biden memo authorizes $200M in weapons") == [(200000000.0, "usd", None, False)]
    assert nums("a $1.5bn package") == [(1500000000.0, "usd", None, False)]
    assert nums("some 30K people fled") == [(30000.0, "people", "some", False)]
    assert nums("a €3b loan") == [(3000000000.0, "eur", None, False)]
    # without a currency a lower-case "m" may be metres: the number stays as written
    assert nums("the 200m sprint") == [(200.0, None, None, False)]
    assert nums("Su-35 jets and MiG-29s") == []


def test_miles_hours_rounds_weeks_years():
    assert nums("a base just 12 miles from the Polish border") == [(12.0, "mile", None, False)]
    assert nums("the five-hour talks") == [(5.0, "hour", None, False)]
    assert nums("Three previous rounds of negotiations") == [(3.0, "round", None, False)]
    assert nums("The fourth round of peace talks") == [(4.0, "round", None, True)]
    assert nums("the more than two-week-long conflict") == [(2.0, "week", "more than", False)]
    assert nums("more than two weeks of fighting") == [(2.0, "week", "more than", False)]
    assert nums("for eight years") == [(8.0, "year", None, False)]


def test_120000_strong_contingent_keeps_the_value():
    assert [q.value for q in extract_details("a 120,000 strong military contingent").numbers] == [
        120000.0
    ]


def test_year_is_a_date_not_a_number_and_bill_number_is_ignored():
    d = extract_details("scene of the world's worst nuclear disaster in 1986")
    assert d.numbers == [] and [x.date for x in d.dates] == ["1986"]
    assert extract_details("before voting on H.R. 1, or the People Act").numbers == []


def test_one_another_is_not_a_quantity():
    assert nums("both sides accused one another of firing on people") == []


def test_weekdays_resolve_to_the_most_recent_one_on_or_before_publication():
    assert dates("Negotiators on Sunday said there was progress") == ["2022-03-13"]
    assert dates("Zelensky said Saturday that Russia had changed") == ["2022-03-12"]
    assert dates("On Friday, Putin told state media", published=dt.date(2022, 3, 13)) == [
        "2022-03-11"
    ]
    assert dates("The talks happened on Monday") == ["2022-03-14"]


def test_a_shortened_weekday_after_a_word_that_sets_a_time_is_a_day():
    assert dates("Zelensky said on Fri that Russia had changed") == ["2022-03-11"]
    assert dates("Podolyak said late Sun that talks will resume on Mon") == [
        "2022-03-13",
        "2022-03-14",
    ]
    assert dates("Talks are set to resume next Wed.") == ["2022-03-16"]
    # "The Sun" is a newspaper, "sat" a verb, a lower-case "fri" no day
    assert dates("The Sun reported that he sat down on fri") == []


def test_future_weekday_resolves_forward():
    assert dates("Talks will resume on Wednesday") == ["2022-03-16"]
    assert dates("Talks are set to resume next Monday") == ["2022-03-21"]
    assert dates("Talks are set to resume on Monday") == ["2022-03-14"]


def test_month_day_dates_take_the_publication_year():
    assert dates("Negotiations on Feb. 28 yielded no results", dt.date(2022, 2, 28)) == [
        "2022-02-28"
    ]
    assert dates("talks in Belarus on March 7, 2022") == ["2022-03-07"]
    assert dates("On Monday, March 14, a session will be held") == ["2022-03-14"]
    assert dates("on February 24") == ["2022-02-24"]


def test_a_date_said_aloud_is_the_date():
    # as a radio transcript writes a day: ordinal words, with or without "the" and "of"
    assert dates("Putin ordered his troops in on the twenty-sixth of February.") == ["2022-02-26"]
    assert dates("Talks resumed on March the thirteenth, officials said.") == ["2022-03-13"]
    assert dates("He spoke on February twenty-fourth, 2022 in Moscow.") == ["2022-02-24"]
    assert dates("The first of March brought no deal.") == ["2022-03-01"]
    # an ordinal that numbers a round or a place is no day of the month
    assert dates("The March first round ended without a deal.") == []
    assert dates("on the second day of talks") == []


def test_vague_periods_are_kept_unresolved():
    d = extract_details("The plant was knocked off the grid last week", published=MONDAY)
    assert [(x.text, x.date) for x in d.dates] == [("last week", None)]


def test_without_publication_date_weekdays_are_unresolved():
    d = extract_details("Negotiators said on Sunday")
    assert [(x.date, x.weekday) for x in d.dates] == [(None, "sunday")]


def test_places_are_normalised_spellings():
    d = extract_details("Fighting around Kiev, Kharkov and the Lugansk region near Odessa")
    assert d.places == ["Kyiv", "Kharkiv", "Luhansk", "Odesa"]


def test_border_pattern_maps_demonyms_to_countries():
    assert extract_details("12 miles from the Polish border").places == ["Poland"]


def test_organisations_are_canonical():
    d = extract_details(
        "The International Atomic Energy Agency and the Kremlin told RIA Novosti and the UN"
    )
    assert d.organisations == ["IAEA", "Kremlin", "RIA Novosti", "UN"]


def test_people_full_names_and_known_surnames():
    d = extract_details("Russian President Vladimir Putin spoke with Zelensky")
    assert d.people == ["Vladimir Putin", "Volodymyr Zelensky"]
    d = extract_details("U.S. Deputy Secretary of State Wendy Sherman said")
    assert d.people == ["Wendy Sherman"]


def test_negations_and_their_lexical_forms():
    d = extract_details("Neither Russia nor Ukraine indicated the scope. No details were provided.")
    assert d.negated and d.negations == ["Neither", "nor", "No details"]
    assert extract_details("requests have gone unanswered").negations == ["unanswered"]
    assert extract_details("Kiev has refused to surrender").negations == ["refused"]
    assert extract_details("but he did not elaborate").negations == ["did not"]
    assert extract_details("talks failed to produce a deal").negations == ["failed to"]
    assert extract_details("Talks ended without an agreement").negations == ["without"]
    # a quotation opened after "no" still negates its words
    assert extract_details("there had been no 'positive shifts'").negations == ["no 'positive"]
    d = extract_details("Negotiations go non-stop in the format of video conferences")
    assert not d.negated and d.negations == []


def test_normalize_straightens_quotes_and_collapses_whitespace():
    assert normalize("“Progress”  is\u00a0made — **really** [here](#)") == (
        '"Progress" is made — really here'
    )


def test_a_day_later_counts_from_the_day_named_before_it():
    published = dt.date(2023, 6, 12)  # a Monday
    # the day named earlier in the same text
    dates = extract_details(
        "The strike hit on Friday, and a day later the port reopened.", published=published
    ).dates
    assert [(d.text, d.date) for d in dates] == [
        ("Friday", "2023-06-09"),
        ("a day later", "2023-06-10"),
    ]
    # the day the article named in an earlier sentence (``anchor``)
    (later,) = extract_details(
        "A day later, the minister resigned.", published=published, anchor=dt.date(2023, 6, 9)
    ).dates
    assert later.date == "2023-06-10"
    (before,) = extract_details(
        "The day before, talks had stalled.", published=published, anchor=dt.date(2023, 6, 9)
    ).dates
    assert before.date == "2023-06-08"
    # nothing to count from: the mention stays, unresolved
    (alone,) = extract_details("A day later, the minister resigned.", published=published).dates
    assert (alone.text, alone.date) == ("A day later", None)


def test_earlier_or_later_in_the_day_is_the_day_named_before_it():
    published = dt.date(2023, 6, 12)  # a Monday
    (earlier,) = extract_details(
        "Earlier in the day, however, officials accused the army of shelling the port.",
        published=published,
        anchor=dt.date(2023, 6, 11),
    ).dates
    assert (earlier.text, earlier.date) == ("Earlier in the day", "2023-06-11")
    dates = extract_details(
        "The port reopened on Friday, and later that day the ferries sailed.",
        published=published,
    ).dates
    assert [(d.text, d.date) for d in dates] == [
        ("Friday", "2023-06-09"),
        ("later that day", "2023-06-09"),
    ]


def test_an_article_carries_the_last_day_it_named_into_the_next_sentence():
    from service.extraction import extract

    text = (
        "On Friday, the president said the talks had made progress.\n\n"
        "A day later, the defence minister signed an order sending more weapons to the front."
    )
    result = extract(text, published=dt.date(2023, 6, 12))
    order = next(c for c in result.claims if "order" in c.text)
    assert [(d.text, d.date) for d in order.details.dates] == [("A day later", "2023-06-10")]


def test_the_counted_noun_after_a_direction_word():
    (q,) = extract_details("Three eastern regions declared independence.").numbers
    assert (q.value, q.unit) == (3.0, "region")


def test_number_words_with_two_scale_words_and_a_currency():
    numbers = extract_details("Three hundred million dollars in weapons was authorised.").numbers
    assert [(q.value, q.unit) for q in numbers] == [(300_000_000.0, "usd")]
    numbers = extract_details("Two hundred thousand people fled the city.").numbers
    assert [(q.value, q.unit) for q in numbers] == [(200_000.0, "people")]


def test_number_words_with_tens_after_the_scale_word():
    assert nums("Corridors saved over one hundred and thirty thousand people.") == [
        (130_000.0, "people", "over", False)
    ]
    assert nums("one hundred thirty-five people") == [(135.0, "people", None, False)]
    assert nums("two thousand and five soldiers") == [(2005.0, "soldier", None, False)]
    # "and" between two numbers joins nothing
    assert nums("one and two people") == [(2.0, "people", None, False)]


def test_a_date_in_figures_is_the_date_when_it_says_which():
    assert dates("Talks were held in Gomel on 27/02/2022.") == ["2022-02-27"]
    assert dates("Talks were held on 3/14.") == ["2022-03-14"]
    assert dates("Talks were held on 3/14/22.") == ["2022-03-14"]
    assert dates("Putin ordered the army in on 24.02.2022.") == ["2022-02-24"]
    # neither figure over 12, or dots without a year: no date, nor a fraction
    assert dates("A 4/5 majority voted.") == []
    assert dates("The index rose 24.02 points.") == []


def test_a_month_alone_after_a_time_word_is_a_date_mention():
    mentions = extract_details("Putin told state media in February that talks went on.").dates
    assert [(d.text, d.date) for d in mentions] == [("February", None)]
    assert [d.text for d in extract_details("Back in early March, talks resumed.").dates] == [
        "March"
    ]
    # with a day or a year it is that date; without a time word, no date ("March on")
    assert dates("Talks were held in March 7, 2022.") == ["2022-03-07"]
    assert dates("They will march in protest.") == []
    assert dates("Crowds March on Kyiv.") == []
