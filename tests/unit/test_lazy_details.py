"""Claim details read for ranking are decoded only when a claim is compared."""

from __future__ import annotations

import json

from service.storage.repository import LazyDetails

DETAILS = {"numbers": [{"value": 130000, "text": "130,000"}], "negated": False}


def test_details_decode_on_first_use_and_read_like_the_stored_dict():
    lazy = LazyDetails(json.dumps(DETAILS))
    assert lazy._value is None  # nothing decoded while the claim is only ranked
    assert lazy.get("negated") is False
    assert lazy["numbers"][0]["text"] == "130,000"
    assert dict(lazy) == DETAILS and len(lazy) == 2 and set(lazy) == set(DETAILS)
    assert lazy.get("dates", []) == []


def test_absent_or_already_decoded_details_are_an_empty_or_the_same_dict():
    assert dict(LazyDetails(None)) == {}
    assert dict(LazyDetails("null")) == {}
    assert dict(LazyDetails(DETAILS)) == DETAILS  # a driver that decodes JSON itself
