"""MoTR 16/2024 Art 2 (in force from 12 July 2024) and Art 10 (field verification may follow)."""

from __future__ import annotations

from datetime import date

import pytest

import roo
from tests.rules.id_motr_16_2024.helpers import ON, motr, motr_item


@pytest.mark.parametrize(
    ("on", "codes"),
    [
        pytest.param(date(2024, 7, 11), ["motr-16-2024-not-in-force"], id="day-before-entry-into-force"),
        pytest.param(date(2024, 7, 12), [], id="day-of-entry-into-force"),
        pytest.param(date(2020, 1, 1), ["motr-16-2024-not-in-force"], id="years-before"),
    ],
)
def test_in_force_boundary(on: date, codes: list[str]) -> None:
    """Before 12 July 2024 MoTR 37/2008 governed: a warning, never a denial.

    The COO is issued and its goods leave on the import date, so that it can have been enclosed with the import.
    """
    transport = {"departure_date": on.isoformat(), "vessel_or_flight": "MV SAIGON BRIDGE", "port_of_discharge": "IDTPP"}
    evaluation = roo.evaluate(motr(issue_date=on.isoformat(), transport=transport), on=on)
    assert codes == [f.code for f in evaluation.findings if f.rule == "ID/MOTR-16-2024/2"]
    assert roo.Status.ACCEPTED == evaluation.status


@pytest.mark.parametrize(
    ("importing_party", "on", "denied"),
    [
        pytest.param("ID", ON, False, id="indonesia"),
        pytest.param("JP", ON, True, id="japan"),
        pytest.param("SG", ON, True, id="singapore"),
        pytest.param("JP", date(2024, 7, 1), True, id="japan-before-entry-into-force"),
    ],
)
def test_the_regulation_serves_imports_into_indonesia_only(importing_party: str, on: date, denied: bool) -> None:
    """Art 2 (read with Art 1(1)-(2)): the Regulation sets Indonesia's rules of origin for goods imported under its
    safeguard measures. The review's case, a COO for goods imported into Japan, was accepted with no finding:
    such a COO can exclude no goods from an Indonesian measure, an error on the whole COO whatever the date."""
    transport = {"departure_date": "2024-06-28", "vessel_or_flight": "MV SAIGON BRIDGE", "port_of_discharge": "JPTYO"}
    co = motr(importing_party=importing_party, issue_date="2024-06-28", transport=transport)
    evaluation = roo.evaluate(co, on=on)
    found = [(f.code, f.severity, f.item) for f in evaluation.findings if f.code == "motr-importing-party-not-indonesia"]
    expected = [("motr-importing-party-not-indonesia", roo.Severity.ERROR, None)] if denied else []
    assert (expected, denied) == (found, evaluation.status is roo.Status.REJECTED)


def test_scope_needs_the_import_date() -> None:
    """Without context.on the scope check is not evaluated; whether the goods are imported into Indonesia needs
    no date."""
    evaluation = roo.evaluate(motr())
    scope = [c for c in evaluation.checks if c.rule == "ID/MOTR-16-2024/2"]
    assert [("context.on",), ()] == [c.needed for c in scope]


def test_field_verification_note_when_data_insufficient() -> None:
    """Missing data or an unrecognised criterion: customs may verify in the field (info only)."""
    evaluation = roo.evaluate(motr(producer=None, items=[motr_item(1, origin_criterion="CTH")]), on=ON)
    notes = [f for f in evaluation.findings if f.code == "motr-field-verification-possible"]
    assert 1 == len(notes)
    assert roo.Severity.INFO == notes[0].severity
    assert ("data elements of Article 9 are missing", "an origin criterion is unreadable, unrecognised or unspecific",
            "the consignment criteria were not shown") == notes[0].facts["reasons"]


#: A stop in Singapore where the goods were traded: Arts 3-8 do not let such a consignment keep its origin.
TRADED_IN_TRANSIT = {
    "country": "SG",
    "operations": ["unloading", "reloading"],
    "reason": "transport",
    "traded_or_consumed": True,
}


@pytest.mark.parametrize(
    ("changes", "ctx_data", "reason"),
    [
        pytest.param(
            {"items": [motr_item(1, quantity=None, gross_weight=None)]},
            {"consignment": {"direct": True}},
            "data elements of Article 9 are missing",
            id="an-item-element-missing",
        ),
        pytest.param(
            {},
            {"consignment": {"direct": False, "transit": [TRADED_IN_TRANSIT], "evidence": ["bl"]}},
            "the consignment criteria are in doubt",
            id="consignment-in-doubt",
        ),
    ],
)
def test_field_verification_note_names_each_reason(
    changes: dict[str, object], ctx_data: dict[str, object], reason: str
) -> None:
    """Art 10: when the COO does not suffice to prove origin, or its data are in doubt, customs may verify in
    the field. A missing item element of Art 9 (here the quantity, (j)) or a consignment in doubt is such a
    reason, and the note says which; it denies nothing by itself."""
    ctx = roo.load_context({"on": ON.isoformat(), **ctx_data})
    evaluation = roo.evaluate(motr(**changes), ctx)
    notes = [
        (f.severity, f.facts["reasons"]) for f in evaluation.findings if f.code == "motr-field-verification-possible"
    ]
    assert [(roo.Severity.INFO, (reason,))] == notes


def test_no_field_verification_note_for_a_sufficient_coo() -> None:
    """Complete data and a direct consignment: no note."""
    ctx = roo.load_context({"on": ON.isoformat(), "consignment": {"direct": True}})
    evaluation = roo.evaluate(motr(), ctx)
    assert [] == [f for f in evaluation.findings if f.code == "motr-field-verification-possible"]
