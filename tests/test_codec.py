"""The codec: what ``roo.load`` and ``roo.load_context`` accept, and the exact error for everything they refuse.

Every refusal is a :class:`roo.InvalidCertificate` (a ``ValueError``) listing
each problem with its JSON path, 0-based like JSON Pointer (``items[1]`` is
the second item); ``str(error)`` lists them all.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

import roo
from roo import codec
from roo.errors import Problem
from roo.model import Certificate, Money, OriginCriterion, codes
from roo.model.codes import currency_hint
from tests.builders import certificate_data, item_data

#: Every test here runs on both paths of JSON text: roo[fast]'s msgspec reader and the standard one.
pytestmark = pytest.mark.usefixtures("text_reader")

#: The certificate example the contract was written with (docs/formats.md#certificate shows the format).
CONTRACT_CERTIFICATE = """
{
  "scheme": "AJCEP",
  "reference_number": "ID/2024/AJ/000123",
  "medium": "paper",
  "copy": "original",
  "exporting_party": "ID",
  "importing_party": "JP",
  "issue_date": "2024-03-05",
  "exporter":  {"name": "PT Samudra Jaya", "address": "Jl. Pelabuhan 1, Surabaya", "country": "ID"},
  "consignee": {"name": "Kaiyo Foods K.K.", "address": "1-2-3 Shiba, Minato-ku, Tokyo", "country": "JP"},
  "producer": null,
  "transport": {"departure_date": "2024-03-04", "vessel_or_flight": "MV OCEAN STAR V.12",
                "port_of_loading": "IDSUB", "port_of_discharge": "JPTYO", "transit_countries": []},
  "items": [
    {"number": 1, "marks": "SJ/KF", "packages": "200 CTNS", "description": "Frozen shrimp, peeled",
     "hs_code": "030617", "hs_version": "HS2017", "origin_criterion": "WO",
     "quantity": {"value": "4000", "unit": "KGM"}, "gross_weight": {"value": "4300", "unit": "KGM"},
     "fob_value": {"amount": "52000.00", "currency": "USD"},
     "invoice": {"number": "INV-24-0311", "date": "2024-02-28"},
     "original_item": null}
  ],
  "third_country_invoicing": false,
  "third_country_invoicer": null,
  "back_to_back": false,
  "original_certificate": null,
  "issued_retroactively": false,
  "certified_true_copy": false,
  "certified_true_copy_date": null,
  "replaces": null,
  "exporter_declaration": {"place": "Surabaya", "date": "2024-03-04", "signed": true},
  "certification": {"authority": "Ministry of Trade of Indonesia", "signatory": "A. Wibowo",
                    "place": "Surabaya", "signed": true, "sealed": true},
  "alterations": [],
  "unused_spaces_crossed_out": true,
  "remarks": ""
}
"""

#: The context example the contract was written with (docs/formats.md#context shows the format).
CONTRACT_CONTEXT = """
{
  "on": "2024-03-20",
  "customs_value": {"amount": "5000000", "currency": "JPY"},
  "exporting_value": null,
  "exchange_rates": {"USD/JPY": "150.25"},
  "declaration": {"items": [{"certificate_item": 1, "hs_code": "030617",
                             "description": "Frozen shrimp peeled",
                             "quantity": {"value": "4000", "unit": "KGM"}}]},
  "related_certificates": [],
  "eco_data_copy": null,
  "consignment": {"direct": true, "transit": []},
  "parameters": {}
}
"""


def problems(data: object) -> list[tuple[str, str]]:
    """The (path, message) pairs ``roo.load`` reports for ``data``; fails the test if it loads."""
    with pytest.raises(roo.InvalidCertificate) as caught:
        roo.load(data)
    return [(p.path, p.message) for p in caught.value.problems]


def context_problems(data: object) -> list[tuple[str, str]]:
    """The (path, message) pairs ``roo.load_context`` reports for ``data``."""
    with pytest.raises(roo.InvalidContext) as caught:
        roo.load_context(data)
    return [(p.path, p.message) for p in caught.value.problems]


def item(**changes: Any) -> dict[str, Any]:
    """A clean item 1 with ``changes`` applied (the number too)."""
    data = item_data(1)
    data.update(changes)
    return data


def without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    """``data`` with ``keys`` removed."""
    return {k: v for k, v in data.items() if k not in keys}


# ---------------------------------------------------------------------------------------------------------------------
# The contract's examples.


def test_design_certificate_round_trips_verbatim() -> None:
    """The docs/formats.md#certificate example loads, and dumps back to exactly the same JSON."""
    data = json.loads(CONTRACT_CERTIFICATE)

    co = roo.load(data)

    assert data == roo.dump(co)
    assert co == roo.load(json.loads(json.dumps(roo.dump(co))))


def test_design_certificate_is_read_box_by_box() -> None:
    """The docs/formats.md#certificate example's values arrive typed: enums, dates, Decimals with their currency, box 8 parsed."""
    co = roo.load(json.loads(CONTRACT_CERTIFICATE))

    item1 = co.items[0]
    assert (roo.Scheme.AJCEP, date(2024, 3, 5), "ID", "JP") == (
        co.scheme,
        co.issue_date,
        co.exporting_party,
        co.importing_party,
    )
    assert roo.Money(Decimal("52000.00"), "USD") == item1.fob_value
    assert roo.Quantity(Decimal("4000"), "KGM") == item1.quantity
    assert OriginCriterion.parse("WO") == item1.origin_criterion
    assert date(2024, 2, 28) == (item1.invoice.date if item1.invoice else None)
    assert "52000.00" == roo.dump(co)["items"][0]["fob_value"]["amount"]


def test_design_context_loads_and_round_trips() -> None:
    """The docs/formats.md#context example loads; ``dump_context`` then ``load_context`` gives the same context."""
    ctx = roo.load_context(json.loads(CONTRACT_CONTEXT))

    assert date(2024, 3, 20) == ctx.on
    assert Decimal("150.25") == ctx.rate("USD", "JPY")
    assert ctx == roo.load_context(roo.dump_context(ctx))
    assert ctx == roo.load_context(json.loads(json.dumps(roo.dump_context(ctx))))


def test_design_example_evaluates() -> None:
    """The contract's examples together evaluate without error findings (the shrimp qualify)."""
    ev = roo.evaluate(roo.load(json.loads(CONTRACT_CERTIFICATE)), roo.load_context(json.loads(CONTRACT_CONTEXT)))

    assert [] == [f.code for f in ev.findings if f.severity is roo.Severity.ERROR]


# ---------------------------------------------------------------------------------------------------------------------
# Accepted variants.


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        pytest.param("52000.00", Decimal("52000.00"), id="decimal string keeps its places"),
        pytest.param(52000, Decimal("52000"), id="JSON integer"),
        pytest.param(52000.5, Decimal("52000.5"), id="JSON float read by its shortest repr"),
        pytest.param(0.1, Decimal("0.1"), id="0.1 stays exactly 0.1"),
        pytest.param("1e3", Decimal("1e3"), id="exponent form"),
        pytest.param(" 12.5 ", Decimal("12.5"), id="surrounding spaces ignored"),
        pytest.param("+3", Decimal("3"), id="a plus sign accepted"),
    ],
)
def test_amounts_accept_decimal_strings_and_json_numbers(amount: object, expected: Decimal) -> None:
    """Amounts and quantities are decimal strings, and JSON numbers are accepted too (docs/formats.md#certificate)."""
    co = roo.load(certificate_data(items=[item(fob_value={"amount": amount, "currency": "USD"})]))

    assert co.items[0].fob_value is not None
    assert expected == co.items[0].fob_value.amount
    assert str(expected) == roo.dump(co)["items"][0]["fob_value"]["amount"]


def test_optional_fields_may_be_left_out() -> None:
    """Only scheme, parties, issue date and items (number, description, HS code, box 8) are required."""
    minimal = {
        "scheme": "JIEPA",
        "exporting_party": "ID",
        "importing_party": "JP",
        "issue_date": "2024-03-05",
        "items": [{"number": 1, "description": "Coffee", "hs_code": "090111", "origin_criterion": "WO"}],
    }

    co = roo.load(minimal)

    assert (None, roo.model.Medium.PAPER, ()) == (co.reference_number, co.medium, co.alterations)
    assert co == roo.load(roo.dump(co))


def test_signatures_and_approvals_left_out_are_unknown_not_false() -> None:
    """Omitted ``signed``, ``approved_by_signatory`` and ``certified_by_authority`` load as None (unknown)."""
    co = roo.load(
        certificate_data(
            exporter_declaration={"place": "Surabaya"},
            certification={"authority": "Ministry of Trade of Indonesia", "sealed": True},
            alterations=[{"box": 7, "method": "strike_out"}],
        )
    )

    assert co.exporter_declaration is not None and co.certification is not None
    assert (None, None, None, None, None) == (
        co.exporter_declaration.signed,
        co.certification.signed,
        co.alterations[0].approved_by_signatory,
        co.alterations[0].certified_by_authority,
        co.alterations[0].item,
    )
    assert co == roo.load(roo.dump(co))


def test_alteration_of_one_item_round_trips() -> None:
    """An alteration names the item whose line it altered; the number survives dump and load."""
    data = certificate_data(
        alterations=[
            {"box": 9, "method": "erasure", "approved_by_signatory": True, "certified_by_authority": False, "item": 1}
        ]
    )
    co = roo.load(data)

    assert (1, data["alterations"][0]) == (co.alterations[0].item, roo.dump(co)["alterations"][0])


@pytest.mark.parametrize(
    ("alteration", "expected"),
    [
        pytest.param(
            {"box": 7, "method": "erasure", "item": "1"},
            [("alterations[0].item", "expected an integer, got a string: '1'")],
            id="item-as-string",
        ),
        pytest.param(
            {"box": 7, "method": "strike_out", "approved_by_signatory": "yes"},
            [("alterations[0].approved_by_signatory", "expected true or false, got a string: 'yes'")],
            id="approval-as-string",
        ),
    ],
)
def test_bad_alteration_fields(alteration: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    """A wrong type in the new alteration fields is a load error with its path, as anywhere else."""
    with pytest.raises(roo.InvalidCertificate) as error:
        roo.load(certificate_data(alterations=[alteration]))
    assert expected == [(p.path, p.message) for p in error.value.problems]


def test_unreadable_box_8_is_not_a_load_error() -> None:
    """Box 8 text roo cannot read loads; the problem is kept for a rule to report on the item."""
    co = roo.load(certificate_data(items=[item(origin_criterion="XYZ")]))

    assert "unrecognised 'XYZ'" == co.items[0].origin_criterion.problem
    assert "XYZ" == roo.dump(co)["items"][0]["origin_criterion"]


def test_load_accepts_any_mapping() -> None:
    """``roo.load`` takes any Mapping, not only a dict."""
    from types import MappingProxyType

    assert roo.load(certificate_data()) == roo.load(MappingProxyType(certificate_data()))


def test_evaluate_loads_a_mapping_and_refuses_a_malformed_one() -> None:
    """``roo.evaluate`` accepts the parsed JSON of a certificate and raises ``InvalidCertificate`` for bad JSON."""
    assert roo.evaluate(certificate_data()) == roo.evaluate(roo.load(certificate_data()))
    with pytest.raises(roo.InvalidCertificate):
        roo.evaluate(certificate_data(issue_date="2024-13-45"))


# ---------------------------------------------------------------------------------------------------------------------
# Refusals: the document as a whole.


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(None, [("$", "expected an object, got null")], id="None"),
        pytest.param([], [("$", "expected an object, got an array")], id="empty list"),
        pytest.param([certificate_data()], [("$", "expected an object, got an array")], id="list of a certificate"),
        pytest.param("{}", [("$", "expected an object, got a string")], id="JSON text not parsed"),
        pytest.param(42, [("$", "expected an object, got a number")], id="integer"),
        pytest.param(4.2, [("$", "expected an object, got a number")], id="float"),
        pytest.param(True, [("$", "expected an object, got a boolean")], id="boolean"),
        pytest.param(b"{}", [("$", "expected an object, got bytes")], id="bytes"),
    ],
)
def test_not_an_object(data: object, expected: list[tuple[str, str]]) -> None:
    """Anything but a JSON object is refused at the root (``$``)."""
    assert expected == problems(data)


def test_empty_object_lists_every_required_field() -> None:
    """``{}`` names each required field."""
    assert [
        ("scheme", "required field is missing"),
        ("exporting_party", "required field is missing"),
        ("importing_party", "required field is missing"),
        ("issue_date", "required field is missing"),
        ("items", "required field is missing"),
    ] == problems({})


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        pytest.param("FOO", "not one of 'AJCEP', 'JIEPA', 'ID-MOTR-16-2024': 'FOO'", id="unknown scheme"),
        pytest.param("ATIGA", "not one of 'AJCEP', 'JIEPA', 'ID-MOTR-16-2024': 'ATIGA'", id="a scheme roo lacks"),
        pytest.param(None, "not one of 'AJCEP', 'JIEPA', 'ID-MOTR-16-2024': None", id="null"),
        pytest.param(1, "not one of 'AJCEP', 'JIEPA', 'ID-MOTR-16-2024': 1", id="number"),
        pytest.param([], "not one of 'AJCEP', 'JIEPA', 'ID-MOTR-16-2024': []", id="array"),
    ],
)
def test_unknown_scheme(scheme: object, expected: str) -> None:
    """The scheme must be one roo knows; the message lists them."""
    assert [("scheme", expected)] == problems(certificate_data(scheme=scheme))


def test_unknown_keys_at_every_level() -> None:
    """An unknown key is refused where it occurs, never silently dropped."""
    data = certificate_data(
        colour="red",
        exporter={"name": "PT Samudra Jaya", "address": "Surabaya", "country": "ID", "tax_id": "1"},
        items=[item(invoice={"number": "INV-1", "date": "2024-02-28", "amount": "1"})],
    )

    assert [
        ("items[0].invoice", "unknown field 'amount'"),
        ("exporter", "unknown field 'tax_id'"),
        ("$", "unknown field 'colour'"),
    ] == problems(data)


def test_several_unknown_keys_in_one_object() -> None:
    """Several unknown keys of one object are named together, sorted."""
    assert [("$", "unknown fields 'a', 'b'")] == problems(certificate_data(b=1, a=2))


def test_missing_required_fields_at_depth() -> None:
    """A missing required field is named by its full path."""
    data = without(certificate_data(items=[without(item(), "hs_code", "origin_criterion")]), "scheme")
    data["exporter"] = {"address": "Surabaya"}

    assert [
        ("scheme", "required field is missing"),
        ("items[0].hs_code", "required field is missing"),
        ("items[0].origin_criterion", "required field is missing"),
        ("exporter.name", "required field is missing"),
    ] == problems(data)


# ---------------------------------------------------------------------------------------------------------------------
# Refusals: wrong types at depth.


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({"items": {}}, [("items", "expected an array, got an object")], id="items an object"),
        pytest.param({"items": "1"}, [("items", "expected an array, got a string")], id="items a string"),
        pytest.param({"items": [None]}, [("items[0]", "expected an object, got null")], id="item null"),
        pytest.param({"items": [[1]]}, [("items[0]", "expected an object, got an array")], id="item an array"),
        pytest.param(
            {"exporter": "PT Samudra Jaya"}, [("exporter", "expected an object, got a string")], id="party a string"
        ),
        pytest.param(
            {"reference_number": 123}, [("reference_number", "expected a string, got a number")], id="number as text"
        ),
        pytest.param({"remarks": None}, [("remarks", "expected a string, got null")], id="null for a string"),
        pytest.param(
            {"third_country_invoicing": "no"},
            [("third_country_invoicing", "expected true or false, got a string: 'no'")],
            id="'no' is not false",
        ),
        pytest.param(
            {"back_to_back": 0}, [("back_to_back", "expected true or false, got a number: 0")], id="0 is not false"
        ),
        pytest.param(
            {"issue_date": 20240305}, [("issue_date", "expected a date (YYYY-MM-DD), got a number")], id="date number"
        ),
        pytest.param(
            {"medium": "fax"}, [("medium", "not one of 'paper', 'electronic': 'fax'")], id="unknown medium"
        ),
        pytest.param(
            {"copy": "quadruplicate"},
            [("copy", "not one of 'original', 'duplicate', 'triplicate': 'quadruplicate'")],
            id="unknown copy",
        ),
        pytest.param(
            {"transport": {"transit_countries": "SG"}},
            [("transport.transit_countries", "expected an array, got a string")],
            id="transit countries a string",
        ),
        pytest.param(
            {"transport": {"transit_countries": ["SG", 1]}},
            [("transport.transit_countries[1]", "expected a string, got a number")],
            id="transit country a number",
        ),
        pytest.param(
            {"alterations": [{"box": "7", "method": "erasure"}]},
            [("alterations[0].box", "expected an integer, got a string: '7'")],
            id="box number as text",
        ),
        pytest.param(
            {"alterations": [{"box": 7, "method": "tipp-ex"}]},
            [("alterations[0].method", "not one of 'strike_out', 'erasure', 'superimposition': 'tipp-ex'")],
            id="unknown alteration method",
        ),
        pytest.param(
            {"exporter_declaration": {"signed": "yes"}},
            [("exporter_declaration.signed", "expected true or false, got a string: 'yes'")],
            id="signed 'yes'",
        ),
    ],
)
def test_wrong_types_in_the_certificate(changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    """A value of the wrong JSON type is refused at its path, never coerced."""
    assert expected == problems(certificate_data(**changes))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({"number": "1"}, [("items[0].number", "expected an integer, got a string: '1'")], id="number text"),
        pytest.param({"number": True}, [("items[0].number", "expected an integer, got a boolean: True")], id="true"),
        pytest.param({"number": 1.0}, [("items[0].number", "expected an integer, got a number: 1.0")], id="float"),
        pytest.param({"hs_code": 30617}, [("items[0].hs_code", "expected a string, got a number")], id="HS number"),
        pytest.param(
            {"origin_criterion": None},
            [("items[0].origin_criterion", "expected the text of box 8 as a string, got null")],
            id="box 8 null",
        ),
        pytest.param(
            {"origin_criterion": ["WO"]},
            [("items[0].origin_criterion", "expected the text of box 8 as a string, got an array")],
            id="box 8 array",
        ),
        pytest.param(
            {"hs_version": "HS1996"},
            [("items[0].hs_version", "not one of 'HS2002', 'HS2007', 'HS2012', 'HS2017', 'HS2022': 'HS1996'")],
            id="unknown HS edition",
        ),
        pytest.param(
            {"quantity": "4000 KGM"}, [("items[0].quantity", "expected an object, got a string")], id="quantity text"
        ),
        pytest.param(
            {"quantity": {"value": "4000"}}, [("items[0].quantity.unit", "required field is missing")], id="no unit"
        ),
        pytest.param(
            {"invoice": "INV-1"}, [("items[0].invoice", "expected an object, got a string")], id="invoice text"
        ),
        pytest.param(
            {"invoice": {"number": "INV-1", "date": "2024-13-45"}},
            [("items[0].invoice.date", "not a date: '2024-13-45'")],
            id="month 13",
        ),
        pytest.param(
            {"original_item": "1"},
            [("items[0].original_item", "expected an integer, got a string: '1'")],
            id="original item text",
        ),
    ],
)
def test_wrong_types_in_an_item(changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    """Item fields are checked with the same strictness, at ``items[i]...``."""
    assert expected == problems(certificate_data(items=[item(**changes)]))


# ---------------------------------------------------------------------------------------------------------------------
# Refusals: dates and numbers.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2024-13-45", "not a date: '2024-13-45'", id="month 13 day 45"),
        pytest.param("2024-02-30", "not a date: '2024-02-30'", id="30 February"),
        pytest.param("2023-02-29", "not a date: '2023-02-29'", id="29 February of a common year"),
        pytest.param("20240305", "not a date (YYYY-MM-DD): '20240305'", id="basic ISO format"),
        pytest.param("2024-3-5", "not a date (YYYY-MM-DD): '2024-3-5'", id="no leading zeros"),
        pytest.param("05/03/2024", "not a date (YYYY-MM-DD): '05/03/2024'", id="day/month/year"),
        pytest.param("2024-03-05T10:00", "not a date (YYYY-MM-DD): '2024-03-05T10:00'", id="a date-time"),
        pytest.param("", "not a date (YYYY-MM-DD): ''", id="empty"),
    ],
)
def test_bad_dates(text: str, expected: str) -> None:
    """Dates are ``YYYY-MM-DD`` and must exist in the calendar."""
    assert [("issue_date", expected)] == problems(certificate_data(issue_date=text))


def test_29_february_of_a_leap_year_is_a_date() -> None:
    """2024-02-29 exists."""
    assert date(2024, 2, 29) == roo.load(certificate_data(issue_date="2024-02-29")).issue_date


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        pytest.param("NaN", "not a decimal number: 'NaN'", id="NaN text"),
        pytest.param("Infinity", "not a decimal number: 'Infinity'", id="Infinity text"),
        pytest.param("-inf", "not a decimal number: '-inf'", id="-inf text"),
        pytest.param(float("nan"), "not a finite number: nan", id="NaN float"),
        pytest.param(float("inf"), "not a finite number: inf", id="infinite float"),
        pytest.param("1e5x", "not a decimal number: '1e5x'", id="trailing junk"),
        pytest.param("52,000.00", "not a decimal number: '52,000.00'", id="thousands separator"),
        pytest.param("", "not a decimal number: ''", id="empty"),
        pytest.param("USD 5", "not a decimal number: 'USD 5'", id="currency inside"),
        pytest.param(True, "expected a decimal number, got a boolean", id="true"),
        pytest.param(False, "expected a decimal number, got a boolean", id="false"),
        pytest.param(None, "expected a decimal number, got null", id="null"),
        pytest.param([1], "expected a decimal number, got an array", id="array"),
    ],
)
def test_bad_amounts(amount: object, expected: str) -> None:
    """Amounts must be finite decimal numbers; booleans are not numbers."""
    data = certificate_data(items=[item(fob_value={"amount": amount, "currency": "USD"})])

    assert [("items[0].fob_value.amount", expected)] == problems(data)


def test_bad_quantity_value() -> None:
    """Quantities are read like amounts."""
    data = certificate_data(items=[item(quantity={"value": "4 000", "unit": "KGM"})])

    assert [("items[0].quantity.value", "not a decimal number: '4 000'")] == problems(data)


# ---------------------------------------------------------------------------------------------------------------------
# Refusals: what types cannot say.


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {"exporting_party": "IDN"},
            [("exporting_party", "not an ISO 3166-1 alpha-2 country code: 'IDN'")],
            id="alpha-3 code",
        ),
        pytest.param(
            {"importing_party": "jp"},
            [("importing_party", "not an ISO 3166-1 alpha-2 country code: 'jp' (did you mean 'JP'?)")],
            id="lower case",
        ),
        pytest.param(
            {"exporting_party": "", "importing_party": "Japan"},
            [
                ("exporting_party", "not an ISO 3166-1 alpha-2 country code: ''"),
                ("importing_party", "not an ISO 3166-1 alpha-2 country code: 'Japan' (did you mean 'JP'?)"),
            ],
            id="both parties bad",
        ),
        pytest.param(
            {"items": [item(fob_value={"amount": "1", "currency": "usd"})]},
            [("items[0].fob_value.currency", "not an ISO 4217 currency code: 'usd' (did you mean 'USD'?)")],
            id="lower-case currency",
        ),
        pytest.param(
            {"items": [item(fob_value={"amount": "1", "currency": "US$"})]},
            [("items[0].fob_value.currency", "not an ISO 4217 currency code: 'US$'" + currency_hint("US$"))],
            id="currency symbol",
        ),
        pytest.param({"items": []}, [("items", "a certificate lists at least one item")], id="no items"),
        pytest.param(
            {"items": [item_data(1), item_data(2), item_data(1)]},
            [("items[2].number", "item number 1 is used twice")],
            id="duplicate item number",
        ),
        pytest.param(
            {"items": [item_data(0)]}, [("items[0].number", "item numbers start at 1, got 0")], id="item number 0"
        ),
        pytest.param(
            {"items": [item_data(-1)]}, [("items[0].number", "item numbers start at 1, got -1")], id="negative"
        ),
    ],
)
def test_content_the_types_cannot_check(changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    """ISO country and currency codes, at least one item, item numbers unique and from 1."""
    assert expected == problems(certificate_data(**changes))


def test_items_need_not_be_numbered_consecutively() -> None:
    """Items 1 and 3 (an item dropped at amendment) load: only uniqueness is required."""
    co = roo.load(certificate_data(items=[item_data(1), item_data(3)]))

    assert (1, 3) == tuple(i.number for i in co.items)


def _walk_item_by_item(co: Certificate, prefix: str) -> list[Problem]:
    """The content check as specified: each code and each item in turn, every problem with its path."""
    problems: list[Problem] = []
    for field in ("exporting_party", "importing_party"):
        code = getattr(co, field)
        if code not in codes.COUNTRIES:
            message = f"not an ISO 3166-1 alpha-2 country code: {code!r}{codes.country_hint(code)}"
            problems.append(Problem(prefix + field, message))
    if not co.items:
        problems.append(Problem(prefix + "items", "a certificate lists at least one item"))
    seen: set[int] = set()
    for index, item in enumerate(co.items):
        where = f"{prefix}items[{index}]"
        if item.number < 1:
            problems.append(Problem(f"{where}.number", f"item numbers start at 1, got {item.number}"))
        elif item.number in seen:
            problems.append(Problem(f"{where}.number", f"item number {item.number} is used twice"))
        seen.add(item.number)
        if item.fob_value is not None and not codes.is_currency(item.fob_value.currency):
            currency = item.fob_value.currency
            message = f"not an ISO 4217 currency code: {currency!r}{codes.currency_hint(currency)}"
            problems.append(Problem(f"{where}.fob_value.currency", message))
    return problems


def _with_item(co: Certificate, index: int, **changes: Any) -> Certificate:
    items = list(co.items)
    items[index] = attrs.evolve(items[index], **changes)
    return attrs.evolve(co, items=tuple(items))


#: One defect each (a final newline included: a code is matched whole).
_CONTENT_DEFECTS: dict[str, Callable[[Certificate], Certificate]] = {
    "exporting lower case": lambda co: attrs.evolve(co, exporting_party="id"),
    "exporting with a newline": lambda co: attrs.evolve(co, exporting_party="ID\n"),
    "exporting alpha-3": lambda co: attrs.evolve(co, exporting_party="IDN"),
    "importing full width": lambda co: attrs.evolve(co, importing_party="ＪＰ"),
    "item 0": lambda co: _with_item(co, 0, number=0),
    "item -1": lambda co: _with_item(co, 1, number=-1),
    "item 1 twice": lambda co: _with_item(co, 2, number=1),
    "item 3 twice": lambda co: _with_item(co, 0, number=3),
    "currency lower case": lambda co: _with_item(co, 0, fob_value=Money(Decimal(1), "usd")),
    "currency with a newline": lambda co: _with_item(co, 1, fob_value=Money(Decimal(1), "USD\n")),
    "currency symbol": lambda co: _with_item(co, 2, fob_value=Money(Decimal(1), "US$")),
    "currency alpha-2": lambda co: _with_item(co, 2, fob_value=Money(Decimal(1), "JP")),
    "no FOB value": lambda co: _with_item(co, 1, fob_value=None),
    "no items": lambda co: attrs.evolve(co, items=()),
}


@pytest.mark.parametrize(
    "defects", [(), *itertools.combinations_with_replacement(_CONTENT_DEFECTS, 2)], ids=lambda d: " + ".join(d)
)
@pytest.mark.parametrize("prefix", ["", "eco_data_copy."])
def test_content_check_finds_what_a_walk_item_by_item_finds(defects: tuple[str, ...], prefix: str) -> None:
    """A clean three-item certificate with no defect, one or two: the same problems, in the same order."""
    co = roo.load(certificate_data(items=[item_data(1), item_data(2), item_data(3)]))
    for defect in defects:
        co = _CONTENT_DEFECTS[defect](co)

    assert _walk_item_by_item(co, prefix) == codec.check_certificate(co, prefix)


# ---------------------------------------------------------------------------------------------------------------------
# Every problem, in one error.


def test_every_problem_is_listed_with_its_path() -> None:
    """Problems across the document are all reported at once, in the order of the format's fields, each in ``str(error)``."""
    data = certificate_data(
        scheme="ATIGA",
        issue_date="2024-02-30",
        items=[
            item(invoice={"number": "INV-1", "date": "2024-13-45"}),
            item(number=2, fob_value={"amount": "1e5x", "currency": "USD"}, quantity={"value": True, "unit": "KGM"}),
        ],
        exporter_declaration={"place": "Surabaya", "date": "20240305", "signed": "true"},
    )

    with pytest.raises(roo.InvalidCertificate) as caught:
        roo.load(data)

    expected = [
        ("scheme", "not one of 'AJCEP', 'JIEPA', 'ID-MOTR-16-2024': 'ATIGA'"),
        ("issue_date", "not a date: '2024-02-30'"),
        ("items[0].invoice.date", "not a date: '2024-13-45'"),
        ("items[1].quantity.value", "expected a decimal number, got a boolean"),
        ("items[1].fob_value.amount", "not a decimal number: '1e5x'"),
        ("exporter_declaration.date", "not a date (YYYY-MM-DD): '20240305'"),
        ("exporter_declaration.signed", "expected true or false, got a string: 'true'"),
    ]
    assert expected == [(p.path, p.message) for p in caught.value.problems]
    text = str(caught.value)
    assert text.startswith("invalid certificate (7 problems):\n")
    for path, message in expected:
        assert f"  {path}: {message}" in text


def test_the_error_is_a_value_error_and_a_roo_error() -> None:
    """``InvalidCertificate`` is a ``ValueError`` and a ``RooError``; one problem reads in the singular."""
    with pytest.raises(ValueError, match=r"invalid certificate \(1 problem\):\n  \$: expected an object, got null"):
        roo.load(None)
    assert issubclass(roo.InvalidCertificate, roo.InvalidInput)
    assert issubclass(roo.InvalidInput, roo.RooError)
    assert issubclass(roo.InvalidContext, roo.InvalidInput)
    assert not issubclass(roo.InvalidContext, roo.InvalidCertificate)


def test_problem_reads_as_path_and_message() -> None:
    """A ``Problem`` prints as ``path: message``."""
    assert "items[1].invoice.date: not a date: '2024-13-45'" == str(
        roo.Problem("items[1].invoice.date", "not a date: '2024-13-45'")
    )


def test_second_item_path() -> None:
    """The path names the item by its position in the array: the second item is ``items[1]``."""
    data = certificate_data(items=[item_data(1), item(number=2, invoice={"number": "I", "date": "2024-13-45"})])

    assert [("items[1].invoice.date", "not a date: '2024-13-45'")] == problems(data)


# ---------------------------------------------------------------------------------------------------------------------
# load_context.


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(None, [("$", "expected an object, got null")], id="None"),
        pytest.param([], [("$", "expected an object, got an array")], id="list"),
        pytest.param({"today": "2024-03-20"}, [("$", "unknown field 'today'")], id="unknown key"),
        pytest.param({"on": "2024-02-30"}, [("on", "not a date: '2024-02-30'")], id="bad date"),
        pytest.param(
            {"exchange_rates": {"USDJPY": "150"}},
            [("exchange_rates['USDJPY']", "a rate is keyed 'SOURCE/TARGET', e.g. 'USD/JPY'")],
            id="rate key without slash",
        ),
        pytest.param(
            {"exchange_rates": {"usd/jpy": "150"}},
            [("exchange_rates['usd/jpy']", "a rate is keyed 'SOURCE/TARGET', e.g. 'USD/JPY'")],
            id="rate key lower case",
        ),
        pytest.param(
            {"exchange_rates": {"USD/JPY": "abc", "EUR/JPY": True, "SGD/JPY": None}},
            [
                ("exchange_rates['USD/JPY']", "not a decimal number: 'abc'"),
                ("exchange_rates['EUR/JPY']", "expected a decimal number, got a boolean"),
                ("exchange_rates['SGD/JPY']", "expected a decimal number, got null"),
            ],
            id="rate values",
        ),
        pytest.param(
            {"exchange_rates": ["USD/JPY"]}, [("exchange_rates", "expected an object, got an array")], id="rates list"
        ),
        pytest.param(
            {"customs_value": {"amount": "1", "currency": "yen"}},
            [("customs_value.currency", "not an ISO 4217 currency code: 'yen'")],
            id="customs value currency",
        ),
        pytest.param(
            {"declaration": {"items": [{"certificate_item": "1"}]}},
            [("declaration.items[0].certificate_item", "expected an integer, got a string: '1'")],
            id="declaration item number text",
        ),
        pytest.param(
            {"consignment": {"direct": "yes"}},
            [("consignment.direct", "expected true or false, got a string: 'yes'")],
            id="consignment direct 'yes'",
        ),
        pytest.param(
            {"related_certificates": {}},
            [("related_certificates", "expected an array, got an object")],
            id="related certificates an object",
        ),
    ],
)
def test_load_context_errors(data: object, expected: list[tuple[str, str]]) -> None:
    """``load_context`` refuses malformed contexts with ``InvalidContext`` and paths, like ``load``."""
    assert expected == context_problems(data)


def test_related_certificates_are_checked_with_their_path() -> None:
    """Problems inside a related certificate carry ``related_certificates[i].`` before their own path."""
    data = {
        "related_certificates": [
            certificate_data(),
            certificate_data(issue_date="2024-13-45"),
        ],
        "eco_data_copy": certificate_data(items=[]),
    }

    assert [("related_certificates[1].issue_date", "not a date: '2024-13-45'")] == context_problems(data)


def test_content_checks_of_related_certificates_and_the_data_copy() -> None:
    """Country codes and item lists of related certificates and the e-CO data copy are checked too."""
    data = {
        "related_certificates": [certificate_data(), certificate_data(exporting_party="xx")],
        "eco_data_copy": certificate_data(items=[item_data(1), item_data(1)]),
    }

    assert [
        ("related_certificates[1].exporting_party", "not an ISO 3166-1 alpha-2 country code: 'xx'"),
        ("eco_data_copy.items[1].number", "item number 1 is used twice"),
    ] == context_problems(data)


def test_an_empty_context_is_the_default_context() -> None:
    """``{}`` is a context with no facts."""
    assert roo.Context() == roo.load_context({})


def test_exchange_rates_accept_json_numbers() -> None:
    """Rates, like amounts, may be JSON numbers; they are kept exact."""
    ctx = roo.load_context({"exchange_rates": {"USD/JPY": 150.25, "JPY/IDR": 104}})

    assert {"USD/JPY": Decimal("150.25"), "JPY/IDR": Decimal("104")} == ctx.exchange_rates.to_dict()
