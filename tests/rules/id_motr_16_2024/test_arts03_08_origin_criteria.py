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
        pytest.param("ZZ", ["motr-origin-criterion-unreadable"], False, id="unreadable"),
        pytest.param('"WO"', [], True, id="quoted-wholly-obtained"),
        pytest.param("Wholly Obtained", [], True, id="wholly-obtained-in-words"),
        pytest.param("CC, see remarks", ["motr-origin-criterion-partly-unrecognised"], True, id="cc-beside-a-remark"),
    ],
)
def test_origin_criterion(box8: str, codes: list[str], granted: bool) -> None:
    """Only WO (incl. PE) and CC are the Regulation's criteria; findings stay with their item.

    A box 8 that claims another criterion leaves the COO "insufficient to prove the fulfilment of rules of
    origin", for which Art 10 says customs "may conduct a field/site visit verification": a warning, the item
    granted. Only a box 8 that cannot be read at all denies: the COO then lacks "origin criteria of goods"
    (Art 9(f)).
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
