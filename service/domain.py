"""Plain data shared by extraction, matching, storage and the use cases.

Standard library only. Offsets are Python string indices (Unicode code points)
into the article text exactly as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ClaimKind = Literal["direct_quote", "reported_speech", "narration", "caption"]
SegmentKind = Literal["content", "caption", "heading", "furniture", "foreign"]
Stance = Literal["supports", "differs"]
VerdictLabel = Literal["supported", "contradicted", "mixed", "unverified"]

CLAIM_KINDS: tuple[str, ...] = ("direct_quote", "reported_speech", "narration", "caption")


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """Return the slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Segment:
    """A sentence-like unit of an article with its exact span and what it is."""

    start: int
    end: int
    kind: SegmentKind
    language: str = "en"


@dataclass(frozen=True)
class Quantity:
    """A number found in a claim, normalised so two outlets can be compared.

    ``value`` is the numeric value (``130000.0`` for "130,000", ``2.0`` for
    "two weeks"); ``unit`` a lower-case head noun or symbol ("people", "usd",
    "mile", "hour", "round", "week"); ``approx`` a qualifier such as
    "more than", "about", "at least", "up to" or ``None``; ``ordinal`` is true
    for "fourth round"; ``text`` the words as they appear in the passage.
    """

    value: float
    unit: str | None
    text: str
    approx: str | None = None
    ordinal: bool = False


@dataclass(frozen=True)
class DateMention:
    """A date or weekday, resolved to an ISO date where the context allows."""

    text: str
    date: str | None = None  # ISO 8601 "2022-03-13", or None when unresolved
    weekday: str | None = None  # "sunday" … when the text names one


@dataclass
class Details:
    """The checkable details of a claim."""

    numbers: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    negated: bool = False
    negations: list[str] = field(default_factory=list)  # the negating words as written
    # when the claim was said, from its attribution ("…, Podolyak said late Sunday"),
    # which the passage leaves out: not a date of what was said
    said_dates: list[DateMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (what ``dataclasses.asdict`` gives, without its deep copy)."""
        return {
            "numbers": [dict(vars(q)) for q in self.numbers],
            "dates": [dict(vars(d)) for d in self.dates],
            "places": list(self.places),
            "people": list(self.people),
            "organisations": list(self.organisations),
            "negated": self.negated,
            "negations": list(self.negations),
            "said_dates": [dict(vars(d)) for d in self.said_dates],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Details:
        """Build from :meth:`to_dict` output (missing keys take defaults)."""
        data = data or {}
        return cls(
            numbers=[Quantity(**q) for q in data.get("numbers", [])],
            dates=[DateMention(**d) for d in data.get("dates", [])],
            places=list(data.get("places", [])),
            people=list(data.get("people", [])),
            organisations=list(data.get("organisations", [])),
            negated=bool(data.get("negated", False)),
            negations=list(data.get("negations", [])),
            said_dates=[DateMention(**d) for d in data.get("said_dates", [])],
        )


@dataclass
class ExtractedClaim:
    """One atomic claim found in an article, before it is stored.

    ``text[start:end]`` of the article is the passage that carries the claim;
    ``text`` here is a standalone, normalised rendering that reads on its own.
    """

    start: int
    end: int
    text: str
    kind: str
    claimant: str | None = None
    source: str | None = None
    details: Details = field(default_factory=Details)
    worthiness: float = 0.5
    language: str = "en"
    # the claimant's description in the article ("a senior member of Russia's negotiating
    # team"); several are joined with "; "
    claimant_role: str | None = None


@dataclass
class Extraction:
    """What the extractor found in one article."""

    segments: list[Segment]
    claims: list[ExtractedClaim]


@dataclass(frozen=True)
class Difference:
    """One way in which a passage differs from a statement."""

    kind: str  # number | date | place | speaker | source | negation
    statement: str
    passage: str


@dataclass
class Outlet:
    """A publisher as the API shows it."""

    id: int
    name: str
    url: str | None = None
    article_count: int = 0
    claim_count: int = 0


@dataclass
class Claim:
    """A stored claim; ``passage`` is exactly ``article.text[start:end]``."""

    id: int
    article_id: int
    outlet_id: int
    start: int
    end: int
    passage: str
    text: str
    claimant: str | None
    source: str | None
    kind: str
    details: dict[str, Any]
    worthiness: float
    language: str
    fact_id: int | None
    external_id: str | None = None
    outlet_name: str | None = None
    article_title: str | None = None
    article_url: str | None = None
    claimant_role: str | None = None  # how the article describes the claimant


@dataclass
class Article:
    """A stored article; ``text`` and ``claims`` are filled in for the detail view."""

    id: int
    outlet_id: int
    outlet_name: str
    title: str
    url: str | None
    published_at: Any  # datetime.date | None
    language: str
    sha256: str
    document_type: str = "article"
    claim_count: int = 0
    text: str | None = None
    claims: list[Claim] = field(default_factory=list)


@dataclass
class Page:
    """One page of a listing."""

    items: list[Any]
    total: int
    page: int
    limit: int

    @property
    def has_next(self) -> bool:
        """True when another page follows."""
        return self.page * self.limit < self.total
