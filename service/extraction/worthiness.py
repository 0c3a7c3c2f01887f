"""Check-worthiness: how much a claim is worth checking, from 0 to 1.

A transparent additive score: concrete, attributable facts (numbers, dates,
named actors, events) push it up; questions, opinion, vague wording and very
short fragments pull it down.
"""

from __future__ import annotations

import re

from service.domain import Details

_OPINION_RE = re.compile(
    r"\b(?:i think|i believe|we believe|i hope|we hope|should|ought|must|might|may|perhaps|"
    r"probably|maybe|hopefully|seems?|feel|fair|shameless(?:ly)?|treacherous|terrible|great|"
    r"wonderful|awful|happy|personal expectations?|expectations?)\b",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(?:some|several|many|few|things?|something|somewhat|various|unspecified|certain|"
    r"possibility|potentially|unclear)\b",
    re.IGNORECASE,
)
_EVENT_RE = re.compile(
    r"\b(?:killed|wounded|died|restored|held|sent|launched|entered|agreed|signed|confirmed|"
    r"announced|attacked|withdr[ae]w\w*|hosted|ordered|invaded|captured|shelled|struck|"
    r"evacuated|saved|declared|approved|imposed|resumed|yielded|accused|carried out|knocked|"
    r"met|meets|visited|stopped|adopted|removed|provided|authoriz\w+|authoris\w+)\b",
    re.IGNORECASE,
)


def score(text: str, details: Details, kind: str, claimant: str | None) -> float:
    """Check-worthiness of a rendered claim in [0, 1]."""
    words = len(text.split())
    s = 0.35
    if details.numbers:
        s += 0.2
    if details.dates:
        s += 0.1
    entities = set(details.places) | set(details.people) | set(details.organisations)
    s += min(0.2, 0.07 * len(entities))
    if claimant:
        s += 0.05
    if _EVENT_RE.search(text):
        s += 0.08
    if words < 5:
        s -= 0.3
    elif words < 8:
        s -= 0.1
    elif words > 70:
        s -= 0.05
    if text.rstrip().endswith("?"):
        s -= 0.3
    s -= min(0.2, 0.1 * len(_OPINION_RE.findall(text)))
    s -= min(0.1, 0.04 * len(_VAGUE_RE.findall(text)))
    if kind == "caption":
        s -= 0.05
    return round(max(0.0, min(1.0, s)), 3)
