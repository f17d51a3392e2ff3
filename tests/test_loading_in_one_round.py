"""Input errors in one round, with help: every problem of a certificate at once, and a suggestion where one fits.

A broker fixing a CO by hand should not learn of its faults one at a time:
an amount written ``"1,200"`` on one item used to hide a currency ``"US$"``
on another, and a country written ``"Thailand"``, until the first was fixed.
Each header field and each field of each item is now read on its own when
the whole cannot be, and the checks of ISO codes, numbering and amounts run
on what could be read. An unknown key gets the nearest known name, a country
or currency written in words gets its code, and an enum-like value is read in
any letter case when only one value matches.

Expected suggestions are found by asking babel in the test, never copied from
one CLDR release.
"""

from __future__ import annotations

from typing import Any

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

import roo
from roo.model import Scheme
from tests.builders import certificate_data, item_data


def problems(data: Any) -> list[tuple[str, str]]:
    """``(path, message)`` of every problem roo reports for certificate ``data``; none when it loads."""
    try:
        roo.load(data)
    except roo.InvalidCertificate as error:
        return [(problem.path, problem.message) for problem in error.reported]
    return []


def paths(data: Any) -> list[str]:
    return [path for path, _ in problems(data)]


THAILAND = Locale.parse("en").territories["TH"]
US_DOLLAR_SYMBOL = Locale.parse("en_001").currency_symbols["USD"]


def test_faults_of_every_kind_are_reported_together() -> None:
    """A bad amount, a misspelt key, a currency symbol and a country name, on different items and boxes: one
    round lists all four, in the order of the document (items before the exporter, as the model lists them).
    """
    items = [
        item_data(1, fob_value={"amount": "1,200", "currency": "USD"}),
        {**item_data(2, fob_value={"amount": "12", "currency": US_DOLLAR_SYMBOL}), "hs_cod": "0306"},
    ]
    data = certificate_data(items=items, exporter={"name": "Siam Seafood", "country": THAILAND})
    assert [
        "items[0].fob_value.amount",
        "items[1]",
        "items[1].fob_value.currency",
        "exporter.country",
    ] == paths(data)


def test_suggestions() -> None:
    """The misspelt key gets its field, the symbol its currency, the country name its code."""
    items = [{**item_data(1, fob_value={"amount": "12", "currency": US_DOLLAR_SYMBOL}), "hs_cod": "0306"}]
    found = dict(problems(certificate_data(items=items, exporter={"name": "Siam Seafood", "country": THAILAND})))
    assert (
        "unknown field 'hs_cod' (did you mean 'hs_code'?)",
        f"not an ISO 4217 currency code: {US_DOLLAR_SYMBOL!r} (did you mean 'USD'?)",
        f"not an ISO 3166-1 alpha-2 country code: {THAILAND!r} (did you mean 'TH'?)",
    ) == (found["items[0]"], found["items[0].fob_value.currency"], found["exporter.country"])


@pytest.mark.parametrize(
    ("key", "suggested"),
    [
        ("hs_cod", "hs_code"),
        ("HS_CODE", "hs_code"),
        ("hs-code", "hs_code"),
        ("fob value", "fob_value"),
        ("descripton", "description"),
    ],
)
def test_an_unknown_key_gets_the_nearest_field(key: str, suggested: str) -> None:
    """A typo, another letter case, a hyphen or a space for the underscore: the field meant is named."""
    data = certificate_data(items=[{**item_data(1), key: "x"}])
    assert ("items[0]", f"unknown field {key!r} (did you mean {suggested!r}?)") in problems(data)


@pytest.mark.parametrize("key", ["colour", "x" * 65, "zzzzzz"])
def test_a_key_like_no_field_gets_no_suggestion(key: str) -> None:
    """Nothing close, or a key too long to be a typo: no guess."""
    assert [("$", "unknown field")] == [(path, message.split(" '")[0]) for path, message in problems(certificate_data(**{key: 1}))]
    assert "did you mean" not in problems(certificate_data(**{key: 1}))[0][1]


@pytest.mark.parametrize(("written", "scheme"), [("ajcep", Scheme.AJCEP), ("Jiepa", Scheme.JIEPA), ("id-motr-16-2024", Scheme.ID_MOTR_16_2024)])
def test_a_scheme_in_any_letter_case(written: str, scheme: Scheme) -> None:
    """Only one scheme is spelt that way, whatever the case: it is read as that scheme, and written canonically."""
    co = roo.load(certificate_data(scheme=written))
    assert (scheme, scheme.value) == (co.scheme, roo.dump(co)["scheme"])


def test_an_empty_item_list_is_still_named_with_other_faults() -> None:
    """No items and an unreadable date: both in one round."""
    assert ["issue_date", "items"] == sorted(paths(certificate_data(items=[], issue_date="2024-13-01")))


def test_a_document_that_is_no_object_gets_one_problem() -> None:
    """Nothing else can be read from an array."""
    assert [("$", "expected an object, got an array")] == problems([])


@given(
    st.integers(0, 3),
    st.integers(0, 3),
    st.sampled_from([{"amount": "1,200", "currency": "USD"}, {"amount": True, "currency": "USD"}]),
    st.sampled_from(["US$", "usd", "XXX", "ZZZ"]),
)
def test_the_problems_of_two_faults_are_those_of_each_alone(
    unreadable_at: int, currency_at: int, unreadable: dict[str, Any], currency: str
) -> None:
    """A structural fault (an amount that is no number) and a content fault (a currency that is no ISO code)
    anywhere in a certificate: the problems reported together are the union of those each gets alone.
    """

    def with_faults(*faults: tuple[int, dict[str, Any]]) -> dict[str, Any]:
        items = [item_data(n) for n in range(1, 5)]
        for index, money in faults:
            items[index] = {**items[index], "fob_value": money}
        return certificate_data(items=items)

    bad_currency = (currency_at, {"amount": "10", "currency": currency})
    alone = set(paths(with_faults((unreadable_at, unreadable)))) | set(paths(with_faults(bad_currency)))
    together = set(paths(with_faults((unreadable_at, unreadable), bad_currency)))
    if unreadable_at == currency_at:  # one item's money holds both: the later fault replaced the earlier
        return
    assert alone == together
