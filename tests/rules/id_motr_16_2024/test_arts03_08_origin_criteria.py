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
        pytest.param("CTH", ["motr-origin-criterion-not-recognised"], False, id="change-of-heading-proves-less"),
        pytest.param("CTSH", ["motr-origin-criterion-not-recognised"], False, id="change-of-subheading"),
        pytest.param("RVC 40%", ["motr-origin-criterion-not-recognised"], False, id="value-content"),
        pytest.param("SP", ["motr-origin-criterion-not-recognised"], False, id="specific-process"),
        pytest.param("CC, ACU", ["motr-accumulation-not-recognised"], False, id="accumulation"),
        pytest.param("CC, DMI", ["motr-de-minimis-not-provided"], True, id="de-minimis-warning"),
        pytest.param("ZZ", ["motr-origin-criterion-unreadable"], False, id="unreadable"),
        pytest.param('"WO"', [], True, id="quoted-wholly-obtained"),
        pytest.param("Wholly Obtained", [], True, id="wholly-obtained-in-words"),
        pytest.param("CC, see remarks", ["motr-origin-criterion-partly-unrecognised"], True, id="cc-beside-a-remark"),
    ],
)
def test_origin_criterion(box8: str, codes: list[str], granted: bool) -> None:
    """Only WO (incl. PE) and CC are recognised; findings stay with their item."""
    evaluation = roo.evaluate(motr(items=[motr_item(1, origin_criterion=box8), motr_item(2)]), on=ON)
    assert codes == [f.code for f in evaluation.findings if f.item == 1 and f.rule == "ID/MOTR-16-2024/3"]
    assert granted == (1 in evaluation.granted)
    assert 2 in evaluation.granted
