"""Canonical form and SHA-256 digest of a certificate."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import roo
from roo.eco import canonical, digest
from tests.builders import certificate, certificate_data, item_data


def test_digest_is_sha256_of_canonical_bytes() -> None:
    """The digest is the lowercase hex SHA-256 of the canonical form."""
    co = certificate()
    assert hashlib.sha256(canonical(co)).hexdigest() == digest(co)


def test_canonical_form_is_sorted_compact_json() -> None:
    """Keys sorted, no whitespace, every field present."""
    data = json.loads(canonical(certificate()))
    assert sorted(data) == list(data)
    assert b": " not in canonical(certificate())
    assert "remarks" in data and "producer" in data


def test_same_meaning_same_digest() -> None:
    """Trailing zeros of an amount are form, not meaning: the digest stays the same."""
    a = certificate(items=[item_data(1, fob_value={"amount": "52000.00", "currency": "USD"})])
    b = certificate(items=[item_data(1, fob_value={"amount": "52000", "currency": "USD"})])
    assert digest(a) == digest(b)


def test_unicode_is_normalised() -> None:
    """Composed and decomposed accents are the same text."""
    a = certificate(remarks="Caf\u00e9")
    b = certificate(remarks="Cafe\u0301")
    assert digest(a) == digest(b)


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for index, value in enumerate(data) for leaf in _leaves(value, (*path, index))]
    return [(path, data)]


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 7
    if value is None:
        return None
    return value


BASE = certificate_data(
    medium="electronic",
    copy=None,
    replaces={"reference_number": "ID/2024/AJ/000100", "issue_date": "2024-03-01"},
    items=[item_data(1), item_data(2, description="Frozen squid")],
)
LEAVES = [(path, value) for path, value in _leaves(roo.dump(roo.load(BASE))) if value is not None]

# Text replacements that stay loadable and keep their meaning distinct.
TEXT_CHANGES = {
    "scheme": "JIEPA",
    "medium": "paper",
    "exporting_party": "TH",
    "importing_party": "VN",
    "country": "SG",  # an ISO 3166-1 code: the loader refuses any other
    "hs_version": "HS2022",
    "hs_code": "030618",
    "origin_criterion": "CTH",
    "unit": "TNE",
    "currency": "EUR",
    "amount": "1.5",
    "value": "2.5",
}


@given(st.sampled_from(LEAVES), st.text(alphabet="ABCXYZ0123", min_size=1, max_size=5))
def test_changing_any_single_field_changes_the_digest(leaf: tuple[tuple[Any, ...], Any], suffix: str) -> None:
    """Tamper evidence: any one field changed in meaning gives another digest."""
    path, value = leaf
    data = roo.dump(roo.load(BASE))
    target = data
    for step in path[:-1]:
        target = target[step]
    key = path[-1]
    if isinstance(value, str):
        if key in TEXT_CHANGES:
            new: Any = TEXT_CHANGES[key] if TEXT_CHANGES[key] != value else "HS2012"
            if key == "issue_date" or (isinstance(key, str) and key.endswith("date")):
                new = "2023-01-01"
        elif isinstance(key, str) and (key.endswith("date") or key == "issue_date"):
            new = "2023-01-01" if value != "2023-01-01" else "2023-01-02"
        else:
            new = value + suffix
    else:
        new = _changed(value)
    target[key] = new
    changed = roo.load(data)
    assert digest(changed) != digest(roo.load(BASE))
