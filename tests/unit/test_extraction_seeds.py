"""Extraction on the real seed articles: segmentation, attribution, details, furniture."""

from __future__ import annotations

import datetime as dt
import itertools
from functools import cache
from pathlib import Path

import pytest

from service.extraction import extract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PUBLISHED = {
    "000": dt.date(2022, 3, 13),
    "001": dt.date(2022, 3, 14),
    "002": dt.date(2022, 3, 14),
    "003": dt.date(2022, 2, 28),
    "004": dt.date(2022, 3, 14),
}


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@cache
def run(prefix: str):
    return extract(seed(prefix), published=PUBLISHED[prefix])


def claim_containing(prefix: str, fragment: str):
    text = seed(prefix)
    pos = text.index(fragment)
    found = [c for c in run(prefix).claims if c.start <= pos and c.end >= pos + len(fragment)]
    assert found, f"no claim covers {fragment!r}"
    return min(found, key=lambda c: c.end - c.start)


@pytest.mark.parametrize("prefix", sorted(PUBLISHED))
def test_every_claim_span_is_exact_trimmed_and_in_bounds(prefix):
    text = seed(prefix)
    result = run(prefix)
    assert result.claims
    for c in result.claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end].strip() == text[c.start : c.end]
        assert c.kind in ("direct_quote", "reported_speech", "narration", "caption")
        assert 0.0 <= c.worthiness <= 1.0
        assert c.text and c.text == " ".join(c.text.split())


@pytest.mark.parametrize("prefix", sorted(PUBLISHED))
def test_every_segment_span_is_exact_and_segments_do_not_overlap(prefix):
    text = seed(prefix)
    segs = run(prefix).segments
    for s in segs:
        assert text[s.start : s.end].strip() == text[s.start : s.end] != ""
    for a, b in itertools.pairwise(segs):
        assert a.end <= b.start


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_newsletter_lines_are_furniture_and_yield_no_claims(prefix):
    text = seed(prefix)
    result = run(prefix)
    for line in (
        "ntd newsletter icon",
        "Sign up for NTD Daily",
        "What you need to know, summarized in one email.",
        "Stay informed with accurate news you can trust.",
        "By registering for the newsletter, you agree to the Privacy Policy.",
        "From The Epoch Times",
        "Comments",
    ):
        pos = text.rindex(line)
        seg = next(s for s in result.segments if s.start == pos)
        assert seg.kind == "furniture"
        assert not any(c.start < pos + len(line) and c.end > pos for c in result.claims)


def test_bylines_dates_breadcrumbs_and_site_notes_are_furniture():
    cases = {
        "004": ["By [AFP](#)", "March 14, 2022", "Original url:"],
        "002": [
            "Press TV’s website can also be accessed at the following alternate addresses:",
            "Press TV News Roku",
        ],
        "001": [
            "Times of Israel staff and AP contributed to this report.",
            "Most Popular",
            "read more:",
        ],
        "000": ["The Associated Press contributed to this report."],
    }
    for prefix, lines in cases.items():
        text = seed(prefix)
        for line in lines:
            pos = text.index(line)
            seg = next(s for s in run(prefix).segments if s.start == pos)
            assert seg.kind == "furniture", line
    text = seed("002")
    first = run("002").segments[0]
    assert text[first.start : first.end].startswith("News") and first.kind == "furniture"


def test_the_ukrainian_tweet_is_foreign_and_yields_nothing():
    text = seed("002")
    start = text.index("Ворогу")
    end = text.index("March 13, 2022") + len("March 13, 2022")
    inside = [s for s in run("002").segments if s.start >= start and s.end <= end]
    assert len(inside) == 4
    assert all(s.kind == "foreign" and s.language == "uk" for s in inside)
    assert not any(c.start < end and c.end > start for c in run("002").claims)


def test_titles_are_headings_and_markdown_heading_is_heading():
    for prefix, title in (
        ("000", "Ukrainian, Russian Negotiators Say"),
        ("003", "Russia-Ukraine Ceasefire Talks End"),
        ("004", "# Russia, Ukraine to Resume"),
    ):
        text = seed(prefix)
        heads = [s for s in run(prefix).segments if text[s.start : s.end].startswith(title)]
        assert heads and all(s.kind == "heading" for s in heads)


def test_duplicate_caption_yields_one_caption_claim_on_its_first_occurrence():
    text = seed("001")
    caption = "Ukraine's negotiation team (left) meets with the Russian delegation"
    first = text.index(caption)
    claims = [c for c in run("001").claims if text[c.start : c.end].startswith(caption)]
    assert len(claims) == 1
    assert claims[0].kind == "caption" and claims[0].start == first
    assert "(Maxim Guchek" not in text[claims[0].start : claims[0].end]
    segs = [s for s in run("001").segments if text[s.start : s.end].startswith(caption)]
    assert len(segs) == 2 and all(s.kind == "caption" for s in segs)


def test_caption_with_bold_credit_in_markdown_is_a_caption():
    text = seed("004")
    pos = text.index("Negotiators from Moscow and Kyiv have held")
    seg = next(s for s in run("004").segments if s.start == pos)
    assert seg.kind == "caption"
    claim = next(c for c in run("004").claims if c.start == pos)
    assert claim.kind == "caption" and "**" not in text[claim.start : claim.end]


def test_abbreviations_do_not_split_sentences():
    text = seed("002")
    caption = next(s for s in run("002").segments if text[s.start : s.end].startswith("US Rep."))
    assert "H.R. 1" in text[caption.start : caption.end]
    assert text[caption.start : caption.end].endswith("(AFP photo)")
    text0 = seed("000")
    assert any(
        text0[s.start : s.end].startswith("U.S. Deputy Secretary of State Wendy Sherman")
        for s in run("000").segments
    )
    text3 = seed("003")
    assert any(
        text3[s.start : s.end].endswith(
            "on Feb. 28 yielded no results, officials said after concluding."
        )
        for s in run("003").segments
    )


def test_quote_spanning_two_sentences_shares_the_speaker_named_after_it():
    first = claim_containing("000", "Sanctions and other forms of economic pressure")
    second = claim_containing("000", "We are seeing some signs to have real, serious negotiations")
    assert first.claimant == second.claimant == "Wendy Sherman"
    assert first.source == second.source == "Fox News"
    assert second.kind == "direct_quote"


def test_quote_continuing_after_said_keeps_the_speaker():
    c = claim_containing("003", "The parties are returning to their capitals")
    assert c.claimant == "Mykhailo Podolyak" and c.kind == "direct_quote"


def test_said_name_after_quote_with_brackets_resolves_to_podolyak_on_twitter():
    c = claim_containing("000", "is not making “ultimatums”")
    assert c.claimant == "Mykhailo Podolyak"
    assert c.source == "Twitter"
    assert c.kind == "direct_quote"
    assert "[" not in c.text and "“" not in c.text


def test_he_added_resolves_to_podolyak_named_earlier():
    c = claim_containing("000", "is continuing to demand to “end of the war")
    assert c.claimant == "Mykhailo Podolyak"
    assert "he added" not in c.text


def test_he_said_resolves_to_podolyak_and_twitter_video_is_the_source():
    c = claim_containing("000", "I think that we will achieve some results")
    assert c.claimant == "Mykhailo Podolyak" and c.source == "Twitter"
    assert c.text.startswith("I think that we will achieve some results")
    assert "he said" not in c.text


def test_quoted_by_state_run_ria_novosti_is_the_source_of_slutsky():
    c = claim_containing("000", "“significant progress” has been made after Sunday’s talks")
    assert c.claimant == "Leonid Slutsky" and c.source == "RIA Novosti"
    assert c.kind == "reported_speech"


def test_surname_and_he_continued_map_to_the_full_name():
    assert claim_containing("000", "this progress may grow").claimant == "Leonid Slutsky"
    assert claim_containing("000", "reduce tensions in the near future").claimant == (
        "Leonid Slutsky"
    )


def test_sherman_told_fox_news_gives_full_name_and_source():
    c = claim_containing("000", "We are seeing some signs")
    assert (c.claimant, c.source) == ("Wendy Sherman", "Fox News")


def test_told_the_state_run_television_network_rt():
    c = claim_containing("001", "was made following several rounds of talks")
    assert (c.claimant, c.source, c.kind) == ("Leonid Slutsky", "RT", "reported_speech")


def test_according_to_russian_news_agencies_and_agencies_cited_him():
    for prefix in ("001", "002", "004"):
        c = claim_containing(prefix, "we see significant progress")
        assert (c.claimant, c.source) == ("Leonid Slutsky", "Russian news agencies")
        c = claim_containing(prefix, "My own expectations are that this progress could develop")
        assert (c.claimant, c.source) == ("Leonid Slutsky", "Russian news agencies")
        assert "agencies cited him" not in c.text


def test_peskov_quoted_by_russian_news_agencies():
    c = claim_containing("001", "negotiations were scheduled to continue Monday")
    assert (c.claimant, c.source) == ("Dmitry Peskov", "Russian news agencies")
    assert [d.date for d in c.details.dates] == ["2022-03-14"]


def test_misspelled_podaliak_maps_to_mykhailo_podolyak_with_twitter():
    c = claim_containing("002", "working groups are “constantly functioning”")
    assert (c.claimant, c.source) == ("Mykhailo Podolyak", "Twitter")


def test_mikhailo_in_a_caption_is_normalised_to_mykhailo():
    c = claim_containing("003", "Ukrainian negotiator Mikhailo Podolyak speaks to media")
    assert c.kind == "caption"
    assert "Mykhailo Podolyak" in c.details.people


def test_ria_news_agency_reported_normalises_to_ria_novosti():
    c = claim_containing("002", "there is a possibility for the two sides")
    assert (c.claimant, c.source) == ("Leonid Slutsky", "RIA Novosti")
    assert "reported" not in c.text


def test_kan_broadcaster_and_the_adviser_resolve_to_the_unnamed_adviser():
    c = claim_containing("001", "Bennett was a fair broker")
    assert c.source == "Kan"
    assert c.claimant == "unnamed senior Zelensky adviser"
    later = claim_containing("001", "Moscow was readying to make concessions")
    assert later.claimant == c.claimant


def test_zelensky_surname_maps_to_full_name_and_he_is_rendered():
    c = claim_containing("001", "he will continue negotiating with Russia")
    assert c.claimant == "Volodymyr Zelensky"
    assert c.text.startswith("Volodymyr Zelensky will continue negotiating")


def test_outlet_narration_has_no_claimant():
    c = claim_containing("000", "Three previous rounds of negotiations produced few results.")
    assert c.claimant is None and c.kind == "narration"
    assert [(q.value, q.unit) for q in c.details.numbers] == [(3.0, "round")]


def test_compound_sentence_is_split_into_progress_and_results_in_days():
    text = seed("000")
    sentence = "Russian and Ukrainian negotiators on Sunday said that there has been progress"
    pos = text.index(sentence)
    end = text.index("with results coming in days.") + len("with results coming in days.")
    parts = [c for c in run("000").claims if c.start >= pos and c.end <= end]
    assert len(parts) == 2
    assert text[parts[1].start : parts[1].end] == "with results coming in days."
    assert all(p.claimant == "Russian and Ukrainian negotiators" for p in parts)
    assert parts[0].text == (
        "There has been progress in talks to potentially end the more than two-week-long conflict."
    )


def test_numbers_130000_people_more_than_and_six_days():
    c = claim_containing("001", "which saved more than 130,000 people in six days")
    nums = {(q.value, q.unit, q.approx) for q in c.details.numbers}
    assert (130000.0, "people", "more than") in nums
    assert (6.0, "day", None) in nums


def test_sunday_resolves_to_the_day_before_a_monday_publication():
    c = claim_containing("002", "In a tweet late on Sunday")
    assert "2022-03-13" in [d.date for d in c.details.dates]


def test_set_to_resume_monday_resolves_to_publication_day():
    c = claim_containing(
        "004", "Conflict talks between Russia and Ukraine are set to resume Monday"
    )
    assert [d.date for d in c.details.dates] == ["2022-03-14"]


def test_feb_28_and_no_results_negation():
    c = claim_containing("003", "on Feb. 28 yielded no results")
    assert "2022-02-28" in [d.date for d in c.details.dates]
    assert c.details.negated and "no results" in c.details.negations
    assert c.claimant == "officials"


def test_kharkov_and_lugansk_are_normalised_places():
    assert "Kharkiv" in claim_containing("003", "Kharkov, and other major").details.places
    assert "Luhansk" in claim_containing("002", "Donetsk and Lugansk regions").details.places


def test_appositive_is_its_own_narration_claim():
    c = claim_containing("003", "Vassily Nebenzia, Russia’s ambassador to the UN")
    assert c.kind == "narration" and c.claimant is None
    assert c.text == "Vassily Nebenzia is Russia's ambassador to the UN."
