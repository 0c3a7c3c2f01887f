"""Property tests: extraction never raises and spans are always exact and trimmed."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.extraction import extract, extract_details

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "[",
        "]",
        "(",
        ")",
        ". ",
        "! ",
        "? ",
        "\n",
        "\n\n",
        " — ",
        "U.S.",
        "Feb. 28",
        "Sunday",
        "said",
        " he said",
        "told Fox News",
        "according to RIA",
        "Podolyak",
        "Mykhailo Podolyak, an adviser",
        "130,000 people",
        "$200 million",
        "**",
        "# ",
        "By [AFP](#)",
        "(AFP photo)",
        "Ворогу, ні",
        "Sign up for NTD Daily",
        ", with ",
        "and that ",
        " but ",
        "Kiev",
        "—",
        "\u00a0",
        " ",
        "x",
        "A",
        "1986",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1))))
# an appositive at the end of a sentence whose stop follows a space
@example(text="A\rAa Aa, a 00 .", published=None)
def test_extract_never_raises_and_claim_spans_are_exact(text, published):
    result = extract(text, published=published)
    for c in result.claims:
        assert 0 <= c.start < c.end <= len(text)
        passage = text[c.start : c.end]
        assert passage.strip() == passage
        assert 0.0 <= c.worthiness <= 1.0
    for s in result.segments:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip() == text[s.start : s.end]


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, published=st.one_of(st.none(), st.dates()))
def test_extract_details_never_raises(text, published):
    d = extract_details(text, published=published)
    assert d.negated == bool(d.negations)
