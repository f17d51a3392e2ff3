"""roo.hs editions: canonical names and their order."""

from __future__ import annotations

import pytest

from roo.hs import EDITIONS, HsVersion, edition_year, parse_edition


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("HS2007", "HS2007", id="canonical"),
        pytest.param("hs2007", "HS2007", id="lower-case"),
        pytest.param(" HS 2017 ", "HS2017", id="space-between-and-around"),
        pytest.param("2022", "HS2022", id="year-only"),
        pytest.param(HsVersion.HS2002, "HS2002", id="model-enum"),
        pytest.param("HS1992", "HS1992", id="edition-older-than-the-model-knows"),
    ],
)
def test_parse_edition(name: str, expected: str) -> None:
    """Edition names are read leniently and given back in one spelling."""
    assert expected == parse_edition(name)


@pytest.mark.parametrize("name", ["HS07", "HS-2007x", "", "H2007", "HS1888"])
def test_parse_edition_rejects_non_editions(name: str) -> None:
    """A name that is not HS and a year is a caller error, said plainly."""
    with pytest.raises(ValueError, match="is not an HS edition"):
        parse_edition(name)


def test_editions_are_in_order_and_cover_the_model() -> None:
    """EDITIONS runs oldest first and includes every edition a certificate can state."""
    assert list(EDITIONS) == sorted(EDITIONS, key=edition_year)
    assert {v.value for v in HsVersion} <= set(EDITIONS)
    assert ("HS1992", "HS1996", "HS2002") == EDITIONS[:3]


def test_model_helpers_are_re_exported_not_duplicated() -> None:
    """roo.hs re-exports the model's HS helpers rather than defining its own."""
    import roo.model.hs

    assert roo.hs.normalize_hs is roo.model.hs.normalize_hs
    assert roo.hs.is_six_digit_subheading is roo.model.hs.is_six_digit_subheading
    assert roo.hs.HsVersion is roo.model.hs.HsVersion
