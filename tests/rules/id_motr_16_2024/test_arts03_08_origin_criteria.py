"""MoTR 16/2024: origin criteria of non-preferential origin (WO or change of chapter)."""

from __future__ import annotations

import pytest

import roo
from tests.rules.id_motr_16_2024.helpers import ON, motr, motr_item


@pytest.mark.parametrize(
    ("box8", "codes", "granted"),
    [
        pytest.param("WO", [], True, id="wholly-obtained"),
        pytest.param("PE", [], True, id="produced-from-own-raw-materials"),
        pytest.param("CC", [], True, id="change-of-chapter"),
        pytest.param("CTC", ["motr-change-not-specified"], True, id="unspecified-change-customs-may-verify"),
        pytest.param("CTH", ["motr-origin-criterion-not-recognised"], True, id="change-of-heading-proves-less"),
        pytest.param("CTSH", ["motr-origin-criterion-not-recognised"], True, id="change-of-subheading"),
        pytest.param("RVC 40%", ["motr-origin-criterion-not-recognised"], True, id="value-content"),
        pytest.param("SP", ["motr-origin-criterion-not-recognised"], True, id="specific-process"),
        pytest.param("CC, ACU", ["motr-accumulation-not-recognised"], True, id="accumulation"),
        pytest.param("CC, DMI", ["motr-de-minimis-not-provided"], True, id="de-minimis-warning"),
        pytest.param("ZZ", ["motr-origin-criterion-unreadable"], True, id="unreadable"),
        # The review's cases: box 8 states something, in words roo does not read.
        pytest.param("Change of tariff chapter", ["motr-origin-criterion-unreadable"], True, id="change-of-chapter-words"),
        pytest.param("100% Vietnam origin", ["motr-origin-criterion-unreadable"], True, id="percent-origin"),
        pytest.param("Made in Vietnam", ["motr-origin-criterion-unreadable"], True, id="made-in"),
        pytest.param(
            "ACU", ["motr-origin-criterion-unreadable", "motr-accumulation-not-recognised"], True, id="accumulation-alone"
        ),
        pytest.param('"WO"', [], True, id="quoted-wholly-obtained"),
        pytest.param("Wholly Obtained", [], True, id="wholly-obtained-in-words"),
        pytest.param("CC, see remarks", ["motr-origin-criterion-partly-unrecognised"], True, id="cc-beside-a-remark"),
    ],
)
def test_origin_criterion(box8: str, codes: list[str], granted: bool) -> None:
    """Only WO (incl. PE) and CC are the Regulation's criteria; findings stay with their item.

    A box 8 that claims another criterion leaves the COO "insufficient to prove the fulfilment of rules of
    origin", for which Art 10 says customs "may conduct a field/site visit verification": a warning, the item
    granted. Art 9(f) asks that the COO contain the "origin criteria of goods", and a box 8 with text in it
    does: words roo cannot read as a criterion are a doubt for customs (Art 10), a warning, never a denial on
    roo's own failure to read them.
    """
    evaluation = roo.evaluate(motr(items=[motr_item(1, origin_criterion=box8), motr_item(2)]), on=ON)
    assert codes == [f.code for f in evaluation.findings if f.item == 1 and f.rule == "ID/MOTR-16-2024/3"]
    assert granted == (1 in evaluation.granted)
    assert 2 in evaluation.granted


@pytest.mark.parametrize("box8", ["CTH", "RVC 40%", "CC, ACU"])
def test_a_criterion_short_of_the_regulations_notes_field_verification(box8: str) -> None:
    """Art 10: "If the submitted Non-Preferred COO is insufficient to prove the fulfilment of rules of origin ...
    DGCE may conduct a field/site visit verification": the warning comes with the Art 10 note, and nothing is
    denied."""
    evaluation = roo.evaluate(motr(items=[motr_item(1, origin_criterion=box8)]), on=ON)
    severities = {f.severity for f in evaluation.findings if f.rule == "ID/MOTR-16-2024/3" and f.item == 1}
    notes = [f.code for f in evaluation.findings if f.rule == "ID/MOTR-16-2024/10"]
    assert ({roo.Severity.WARNING}, ["motr-field-verification-possible"], roo.Status.ACCEPTED) == (
        severities,
        notes,
        evaluation.status,
    )


def test_an_empty_box_8_is_denied_once_as_a_missing_data_element() -> None:
    """Art 9(f): the COO must contain the "origin criteria of goods". An empty box 8 lacks the element: Art 9's
    error denies the item, and the origin rule, with nothing to read, adds nothing (not evaluated)."""
    evaluation = roo.evaluate(motr(items=[motr_item(1, origin_criterion=""), motr_item(2)]), on=ON)
    item_errors = [(f.code, f.severity) for f in evaluation.findings if f.item == 1 and f.code.startswith("motr-")]
    assert [("motr-item-data-element-missing", roo.Severity.ERROR)] == item_errors
    assert ((2,), (1,)) == (evaluation.granted, evaluation.denied)


def test_motr_rule_modules_stand_alone() -> None:
    """The MoTR rule set imports no AJCEP or JIEPA rule module: the Regulation is read on its own text."""
    import ast
    from pathlib import Path

    import roo.rules.id_motr_16_2024 as package

    imported = {
        node.module or ""
        for path in Path(package.__file__).parent.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
    }
    assert [] == sorted(m for m in imported if m.startswith(("roo.rules.ajcep", "roo.rules.jiepa")))
