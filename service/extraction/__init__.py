"""Claim extraction: segments, atomic claims, attribution and checkable details.

Public API::

    extract(text, *, published=None, title=None) -> Extraction
    extract_details(text, *, published=None, anchor=None) -> Details
    normalize(text) -> str
    segment(text, title=None) -> list[Segment]

Pure functions (standard library + rapidfuzz); nothing is downloaded.
"""

from __future__ import annotations

import datetime as dt

from service.domain import Details, Extraction
from service.extraction.claims import extract as _extract
from service.extraction.claims import normalize
from service.extraction.details import extract_details as _extract_details
from service.extraction.segment import segment

__all__ = ["extract", "extract_details", "normalize", "segment"]


def extract(text: str, *, published: dt.date | None = None, title: str | None = None) -> Extraction:
    """Segment an article and extract its atomic, attributed claims.

    Never raises on arbitrary text; for every claim ``text[c.start:c.end]`` is
    the exact passage carrying it.
    """
    return _extract(text or "", published=published, title=title)


def extract_details(
    text: str, *, published: dt.date | None = None, anchor: dt.date | None = None
) -> Details:
    """Numbers, dates/weekdays, places, people, organisations and negation of a short text.

    ``anchor``: the last day named before the text, from which "a day later" counts."""
    return _extract_details(text or "", published=published, anchor=anchor)
