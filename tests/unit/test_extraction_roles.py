"""The claimant's description ("a senior member of Russia's negotiating team") on claims."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from service.extraction import extract
from service.extraction.attribution import MAX_DESCRIPTION_WORDS, build_registry
from service.extraction.segment import sentences
from service.matching.semantic import embedding_text
from service.verification import search_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PUBLISHED = dt.date(2022, 3, 14)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def registry_of(text: str):
    sents = sentences(text, None)
    spans = [(s.start, s.credit or s.end) for s in sents if s.kind in ("content", "caption")]
    return build_registry(text, spans)


@cache
def seed_registry(prefix: str):
    return registry_of(seed(prefix))


@cache
def seed_claims(prefix: str):
    return extract(seed(prefix), published=PUBLISHED).claims


def claim_containing(prefix: str, fragment: str):
    text = seed(prefix)
    pos = text.index(fragment)
    found = [c for c in seed_claims(prefix) if c.start <= pos and c.end >= pos + len(fragment)]
    assert found, f"no claim covers {fragment!r}"
    return min(found, key=lambda c: c.end - c.start)


# ------------------------------------------------------------- the seed sentences


@pytest.mark.parametrize(
    ("prefix", "name", "expected"),
    [
        # NAME, ROLE, said: "Leonid Slutsky, a senior member of Russia's negotiating team, told"
        ("004", "Leonid Slutsky", ["a senior member of Russia's negotiating team"]),
        # ROLE, NAME, believes: "a senior member of Russia's negotiating team, Leonid Slutsky,"
        ("002", "Leonid Slutsky", ["a senior member of Russia's negotiating team"]),
        # a long coordinated description is kept as its two roles
        (
            "000",
            "Leonid Slutsky",
            [
                "a member of the delegation",
                "head of the State Duma Committee on International Affairs",
            ],
        ),
        # article-wide, first seen first; the caption's "... speaks to the media" is not taken
        (
            "001",
            "Leonid Slutsky",
            [
                "a senior member of Moscow's negotiating team",
                "chairman of the Russian State Duma's International Affairs Committee",
            ],
        ),
        # "said Mykhailo Podolyak, an adviser to ... Zelensky on Twitter": no "on Twitter"
        ("000", "Mykhailo Podolyak", ["an adviser to Ukrainian President Volodymyr Zelensky"]),
        # "... and part of the negotiating team, said": no role noun in the second part
        ("004", "Mykhailo Podolyak", ["an adviser to Ukrainian President Volodymyr Zelensky"]),
        ("003", "Mykhailo Podolyak", ["a top adviser to Zelensky"]),
        ("003", "Vassily Nebenzia", ["Russia's ambassador to the UN"]),
    ],
)
def test_seed_descriptions_per_person(prefix, name, expected):
    assert seed_registry(prefix).descriptions[name] == expected


def test_a_relative_clause_is_no_description():
    # "Vladimir Medinsky, who headed the Russian delegation, said ..."
    assert "Vladimir Medinsky" not in seed_registry("003").descriptions


def test_a_title_before_the_name_is_the_fallback():
    # "Ukrainian presidential adviser and negotiator Mykhailo Podolyak said ..."
    registry = seed_registry("002")
    assert "Mykhailo Podolyak" not in registry.descriptions
    expected = "Ukrainian presidential adviser and negotiator"
    assert registry.description("Mykhailo Podolyak") == expected


@pytest.mark.parametrize(
    ("prefix", "fragment", "role"),
    [
        ("004", "significant progress", "a senior member of Russia's negotiating team"),
        ("002", "important progress", "a senior member of Russia's negotiating team"),
        ("001", "significant progress", "a senior member of Moscow's negotiating team"),
        ("000", "significant progress", "a member of the delegation"),
    ],
)
def test_slutskys_progress_claims_carry_his_role(prefix, fragment, role):
    claim = claim_containing(prefix, fragment)
    assert claim.claimant == "Leonid Slutsky"
    assert "progress" in claim.text.lower()
    assert claim.claimant_role == role


def test_podolyaks_claims_carry_his_role():
    claim = claim_containing("004", "The talks would resume by video-conference on Monday")
    assert claim.claimant == "Mykhailo Podolyak"
    assert claim.claimant_role == "an adviser to Ukrainian President Volodymyr Zelensky"


def test_claims_of_groups_and_narration_carry_no_role():
    for prefix in ("000", "001", "002", "003", "004"):
        for claim in seed_claims(prefix):
            if claim.claimant_role is not None:
                assert claim.claimant is not None
                assert len(claim.claimant_role.split()) <= MAX_DESCRIPTION_WORDS
    appositive = next(c for c in seed_claims("001") if c.text.startswith("Leonid Slutsky is a"))
    assert appositive.claimant is None and appositive.claimant_role is None


# -------------------------------------------------------------- written examples


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Mykhailo Podolyak, an adviser to the Ukrainian president's office, said the talks "
            "would resume on Monday.",
            "Mykhailo Podolyak",
            ["an adviser to the Ukrainian president's office"],
        ),
        (
            "The talks went well, an adviser to the Ukrainian president's office, Mykhailo "
            "Podolyak, wrote on Twitter.",
            "Mykhailo Podolyak",
            ["an adviser to the Ukrainian president's office"],
        ),
        (
            "Dmitry Peskov, the Kremlin spokesman said on Monday that no date was set.",
            "Dmitry Peskov",
            ["the Kremlin spokesman"],
        ),
        (
            "Dmitry Peskov, a spokesman for the Russian presidency who spoke to reporters, "
            "denied it.",
            "Dmitry Peskov",
            ["a spokesman for the Russian presidency"],
        ),
    ],
)
def test_written_descriptions_stop_before_the_reporting_clause(text, name, expected):
    assert registry_of(text).descriptions[name] == expected


def test_descriptions_are_deduplicated_across_the_article():
    text = (
        "Leonid Slutsky, a senior member of Russia's negotiating team, said progress was made. "
        "Later, Leonid Slutsky, a senior member of Moscow's negotiating team, told RT more.\n"
        "Leonid Slutsky, head of the Duma committee, said talks went on."
    )
    registry = registry_of(text)
    assert registry.descriptions["Leonid Slutsky"] == [
        "a senior member of Russia's negotiating team",
        "head of the Duma committee",
    ]
    # what a claim carries: the phrases joined while they fit in MAX_DESCRIPTION_WORDS
    assert registry.description("Leonid Slutsky") == (
        "a senior member of Russia's negotiating team; head of the Duma committee"
    )
    registry.add_description("Leonid Slutsky", "the chairman of the committee on affairs")
    assert registry.description("Leonid Slutsky") == (
        "a senior member of Russia's negotiating team; head of the Duma committee"
    )


def test_a_phrase_without_a_role_is_no_description():
    registry = registry_of("Leonid Slutsky, the day after the talks, said progress was made.")
    assert "Leonid Slutsky" not in registry.descriptions


# -------------------------------------------------------- index and embedded text


def test_search_text_includes_the_claimants_role():
    claim = claim_containing("004", "significant progress")
    title = "Russia, Ukraine talks"
    indexed = search_text(claim.text, claim.claimant, title, claim.claimant_role)
    assert claim.text in indexed
    assert "Leonid Slutsky" in indexed
    assert "a senior member of Russia's negotiating team" in indexed
    assert title in indexed


def test_search_text_without_a_role_is_unchanged():
    assert search_text("A claim.", None, "Title") == "A claim. \nTitle"
    assert search_text("A claim.", "Someone", "Title", None) == "A claim. \nSomeone \nTitle"


def test_the_embedded_text_names_the_claimant_and_role_of_article_claims_only():
    claim = claim_containing("004", "significant progress")
    assert embedding_text(claim.text, claim.claimant, claim.claimant_role) == (
        f"Leonid Slutsky, a senior member of Russia's negotiating team: {claim.text}"
    )
    # imported fact-checks have no claimant: their text alone, exactly as before
    assert embedding_text("Vaccines contain microchips.") == "Vaccines contain microchips."
    assert embedding_text("Some text.", "Someone", None) == "Some text."


@pytest.mark.parametrize(
    ("sentence", "claim", "claimant"),
    [
        # the API's own ingest example: the attribution closes the sentence, role first
        (
            "Talks between the two delegations will resume by video link on Monday, "
            "negotiator Jane Doe said on Sunday.",
            "Talks between the two delegations will resume by video link on Monday.",
            "Jane Doe",
        ),
        (
            "The talks will resume on Monday, Ukrainian chief negotiator Jane Doe said.",
            "The talks will resume on Monday.",
            "Jane Doe",
        ),
        (
            "The talks will resume on Monday, Jane Doe said.",
            "The talks will resume on Monday.",
            "Jane Doe",
        ),
    ],
)
def test_a_closing_attribution_with_the_speakers_role_keeps_the_claim(sentence, claim, claimant):
    claims = extract(sentence, published=PUBLISHED, title="Talks").claims
    assert [(c.text, c.claimant) for c in claims] == [(claim, claimant)]
