"""MoTR 16/2024 Art 9: each missing data element is named by its letter and by what the Article asks for.

Art 9 (paraphrased) lists what a COO shows: (a) the exporter's name and address,
(b) the importer's, (c) the manufacturer's name, (d) the HS code, (e) the COO
number, (f) the origin criterion, (g) the exporter's statement, (h) the
issuing agency's certification, (i) the consignment details and invoice number,
(j) the quantity. The tests of test_art09_data_elements.py check the letter; a
mutation sample showed that the words naming an element could change unnoticed.
These pin the ``what`` fact and the message for each element.
"""

from __future__ import annotations

from typing import Any

import pytest

import roo
from roo.rules.id_motr_16_2024.art09_data_elements import RULES as ART09_RULES
from tests.rules.id_motr_16_2024.helpers import ON, motr, motr_data, motr_item

#: The title of the certificate-level data elements check (the unsigned statement is a rule of its own).
ELEMENTS = ART09_RULES[0].title


@pytest.mark.parametrize(
    ("changes", "element", "what"),
    [
        pytest.param({"exporter": None}, "a", "the exporter's name and address", id="a"),
        pytest.param({"consignee": {"name": "PT Keramik Nusantara"}}, "b", "the importer's name and address", id="b"),
        pytest.param({"producer": None}, "c", "the manufacturer's name", id="c"),
        pytest.param({"reference_number": " "}, "e", "the COO number", id="e"),
        pytest.param(
            {"exporter_declaration": {"signed": False}},
            "g",
            "a statement by the exporter, or the producer and exporter",
            id="g",
        ),
        pytest.param(
            {"certification": {"authority": "VCCI", "signed": False}}, "h", "certification by the issuing agency", id="h"
        ),
        pytest.param(
            {"certification": {"signed": True}}, "h", "certification by the issuing agency", id="h-no-authority"
        ),
    ],
)
def test_certificate_element_named(changes: dict[str, Any], element: str, what: str) -> None:
    evaluation = roo.evaluate(motr(**changes), on=ON)
    found = [
        (f.item, dict(f.facts), f.message) for f in evaluation.findings if f.code == "motr-data-element-missing"
    ]
    facts = {"element": element, "what": what}
    assert [(None, facts)] == [(item, fact) for item, fact, _ in found if fact["element"] == element]
    message = next(message for _, fact, message in found if fact["element"] == element)
    assert f"({element})" in message and what in message


@pytest.mark.parametrize(
    ("changes", "element", "what"),
    [
        pytest.param({"hs_code": ""}, "d", "the HS code", id="d"),
        pytest.param({"origin_criterion": ""}, "f", "the origin criterion", id="f"),
        pytest.param({"quantity": None, "gross_weight": None}, "j", "the quantity of the goods", id="j"),
    ],
)
def test_item_element_named(changes: dict[str, Any], element: str, what: str) -> None:
    evaluation = roo.evaluate(motr(items=[motr_item(1), motr_item(2, **changes)]), on=ON)
    found = [(f.item, dict(f.facts)) for f in evaluation.findings if f.code == "motr-item-data-element-missing"]
    assert found == [(2, {"element": element, "what": what})]


@pytest.mark.parametrize(
    ("transport", "what"),
    [
        pytest.param({"departure_date": None}, "the date of departure", id="departure"),
        pytest.param({"vessel_or_flight": " "}, "the name of the ship or the flight number", id="vessel"),
        pytest.param({"port_of_discharge": ""}, "the port of unloading", id="port"),
    ],
)
def test_consignment_detail_named(transport: dict[str, Any], what: str) -> None:
    base = motr().transport
    assert base is not None
    data = {
        "departure_date": base.departure_date.isoformat() if base.departure_date else None,
        "vessel_or_flight": base.vessel_or_flight,
        "port_of_loading": base.port_of_loading,
        "port_of_discharge": base.port_of_discharge,
        "transit_countries": list(base.transit_countries),
        **transport,
    }
    evaluation = roo.evaluate(motr(transport=data), on=ON)
    found = [dict(f.facts) for f in evaluation.findings if f.code == "motr-data-element-missing"]
    assert found == [{"element": "i", "what": what}]


@pytest.mark.parametrize(
    ("left_out", "needed"),
    [
        pytest.param(("exporter_declaration",), ("certificate.exporter_declaration",), id="g-statement-left-out"),
        pytest.param(("certification",), ("certificate.certification",), id="h-certification-left-out"),
        pytest.param(
            ("exporter_declaration", "certification"),
            ("certificate.exporter_declaration", "certificate.certification"),
            id="g-and-h-left-out",
        ),
    ],
)
def test_statement_left_out_is_named_as_the_fact_needed(left_out: tuple[str, ...], needed: tuple[str, ...]) -> None:
    """Art 9 (g) asks for a statement by the exporter (or by the producer and exporter), (h) for the issuing
    agency's certification. Data that leave the statement out do not show a COO without one: the certificate
    check is not evaluated, and what the broker reads is which box roo needs to see, in the not-evaluated note
    and in the evaluation's unverified checks; the COO is not reported as lacking the element."""
    data = motr_data()
    for field in left_out:
        del data[field]
    evaluation = roo.evaluate(roo.load(data), on=ON)
    assert "motr-data-element-missing" not in [f.code for f in evaluation.findings]
    checks = [c for c in evaluation.checks if c.rule == "ID/MOTR-16-2024/9" and c.item is None and c.title == ELEMENTS]
    assert [(roo.Outcome.NOT_EVALUATED, needed)] == [(c.outcome, c.needed) for c in checks]
    assert needed in [c.needed for c in evaluation.unverified]
    notes = [f for f in evaluation.findings if f.code == "check-not-evaluated" and f.rule == "ID/MOTR-16-2024/9"]
    assert [needed] == [tuple(f.facts["needed"]) for f in notes]
    assert all(name in notes[0].message for name in needed)
    assert (roo.Status.ACCEPTED, False) == (evaluation.status, evaluation.complete)
