"""Facts stay typed from the rule to the renderer: amounts are ``Money``, quantities ``Quantity``, dates ``date``.

A message in a locale formats each typed fact with babel; nothing parses a string such as ``"200000 JPY"`` back
into an amount. The JSON form of a fact (``Evaluation.to_dict()``, docs/formats.md) is what it always was: a
``Money`` or a ``Quantity`` serialises as it prints, ``"26400 JPY"``, ``"4100 KGM"``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from babel.core import Locale
from babel.numbers import format_currency, format_decimal

import roo
from roo.context import Context, Declaration, DeclarationItem
from roo.evaluation import Finding, Severity
from roo.locale import render
from roo.model.money import Money, Quantity
from roo.rules.ajcep import ir04_modifications as ir04
from tests.builders import PRESENTED_ON, certificate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLDR = {"ja": "ja_JP", "id": "id_ID"}


def _waiver() -> Finding:
    with (EXAMPLES / "waived_small_consignment.json").open(encoding="utf-8") as file:
        evaluation = roo.evaluate(*roo.load_case(file.read()))
    [waiver] = [f for f in evaluation.findings if f.code == "co-waived"]
    return waiver


def test_the_waiver_keeps_its_amounts_typed() -> None:
    """IR 6 waiver: the consignment's value and the limit reach the message as Money, and serialise as before."""
    waiver = _waiver()
    value, limit = waiver.facts["value"], waiver.facts["limit"]
    assert isinstance(value, Money) and isinstance(limit, Money)
    facts = waiver.to_dict()["facts"]
    assert (facts["value"], facts["limit"]) == (f"{value.amount} {value.currency}", f"{limit.amount} {limit.currency}")
    assert f"{value.amount} {value.currency}" in waiver.message  # the canonical English text is unchanged


@pytest.mark.parametrize("locale", ("ja", "id"))
def test_the_waiver_amount_as_babel_writes_it(locale: str) -> None:
    """The JPY value in the message is the currency as babel writes it for the locale, every digit kept."""
    waiver = _waiver()
    value = waiver.facts["value"]
    assert isinstance(value, Money)
    expected = format_currency(value.amount, value.currency, locale=Locale.parse(CLDR[locale]), decimal_quantization=False)
    assert expected in waiver.render(locale)


def _declared(quantity: str, unit: str = "KGM") -> Context:
    line = DeclarationItem(certificate_item=1, hs_code="030617", description="Frozen shrimp peeled",
                           quantity=Quantity(Decimal(quantity), unit))  # fmt: skip
    return Context(on=PRESENTED_ON, declaration=Declaration(items=(line,), exporter="PT Samudra Jaya"))


@pytest.mark.parametrize(("quantity", "unit"), [("4100", "KGM"), ("4200.04", "KGM"), ("4", "TNE")])
def test_declared_quantities_stay_quantities(quantity: str, unit: str) -> None:
    """IR 4(a): the quantities compared (declared, on the CO, the gross weight) are Quantity facts."""
    co = certificate()
    result = ir04.check_quantity(co.items[0], co, _declared(quantity, unit))
    [finding] = result.findings
    for key in ("declared", "certified", "gross_weight"):
        values = finding.facts.get(key)
        for value in values if isinstance(values, tuple) else (values,):
            assert value is None or isinstance(value, Quantity), (key, value)
    assert isinstance(finding.facts["certified"], Quantity)


@pytest.mark.parametrize("locale", ("ja", "id"))
def test_a_declared_quantity_as_babel_writes_the_number(locale: str) -> None:
    """The declared quantity in the message: the number with the locale's separators, then its unit."""
    co = certificate()
    [finding] = ir04.check_quantity(co.items[0], co, _declared("4100")).findings
    declared = finding.facts["declared"]
    assert isinstance(declared, Quantity)
    number = format_decimal(declared.value, locale=Locale.parse(CLDR[locale]), decimal_quantization=False)
    assert f"{number} {declared.unit}" in finding.render(locale)
    assert finding.to_dict()["facts"]["declared"] == f"{declared.value} {declared.unit}"


@pytest.mark.parametrize("locale", ("en", "ja", "id"))
def test_a_string_is_never_parsed_back_into_an_amount(locale: str) -> None:
    """A string fact that merely looks like an amount is text (a packages field such as ``"184 CTNS"``)."""
    assert render("{x}", None, {"x": "200000 JPY"}, locale) == "200000 JPY"


def test_the_rvc_bounds_keep_their_json_and_read_in_each_language() -> None:
    """AJCEP Art 27 / JIEPA Art 29: with a material's value missing, the RVC is at most, and the VNM at least, a
    figure; the facts keep their English JSON text, and a typed bound with a phrase template beside it lets
    each language word the bound."""
    from roo.model.certificate import Scheme
    from roo.origin import specs

    share, vnm = Decimal("38.5"), Money(Decimal("75.00"), "USD")
    finding = specs.RVC_BELOW_THRESHOLD(
        Scheme.AJCEP, criterion="RVC", fob=Money(Decimal("100.00"), "USD"), threshold="40",
        rvc_percent=f"at most {share}", rvc_percent_template="at most {rvc_percent_bound}", rvc_percent_bound=share,
        vnm=f"at least {vnm}", vnm_template="at least {vnm_bound}", vnm_bound=vnm,
    )  # fmt: skip
    assert finding.severity is Severity.INFO
    assert finding.to_dict()["facts"]["vnm"] == "at least 75.00 USD"
    for locale in ("ja", "id"):
        assert "at least" not in finding.render(locale) and "at most" not in finding.render(locale)
