"""Finer passages emitted beside long claims, and descriptive appositives."""

from service.extraction import extract


def _spans(text: str) -> list[str]:
    return [text[c.start : c.end] for c in extract(text).claims]


def test_place_appositive_is_its_own_narration_claim():
    text = "Officials said they reopened the old Springfield mill, home of the region's first steam engine in 1820."
    claims = extract(text).claims
    app = [
        c
        for c in claims
        if text[c.start : c.end] == "home of the region's first steam engine in 1820"
    ]
    assert app and app[0].kind == "narration"
    assert app[0].text.startswith("Springfield mill was the home of")


def test_long_sentence_keeps_full_claim_and_adds_clause_pieces():
    text = (
        "The third meeting between the two trade delegations, which comes after both sides "
        "reported progress in earlier rounds despite no formal agreement, was held by video link."
    )
    spans = _spans(text)
    assert text.rstrip(".") in spans or text in spans
    assert "after both sides reported progress in earlier rounds" in spans
    assert all(s == s.strip() for s in spans)


def test_single_known_surname_with_who_clause_is_an_appositive():
    text = (
        "Prime Minister Anna Kovacs spoke on Monday. Meanwhile, Kovacs, who took office in "
        "January, this week said there had been progress in the budget talks."
    )
    spans = _spans(text)
    assert "Kovacs, who took office in January" in spans


def test_a_sentence_that_refers_back_gives_its_medium_to_the_statement_before_it():
    text = (
        "The port will reopen on Monday, Ana Lopez, the city's mayor, said late Sunday.\n\n"
        "Her statement, on Facebook, confirmed an earlier report by the harbour office."
    )
    [reopen] = [c for c in extract(text).claims if "reopen" in c.text]
    assert (reopen.claimant, reopen.source) == ("Ana Lopez", "Facebook")
    # a sentence that does not refer back leaves the medium unknown
    other = text.replace("Her statement, on Facebook, confirmed", "A post on Facebook confirmed")
    [reopen] = [c for c in extract(other).claims if "reopen" in c.text]
    assert reopen.source is None
