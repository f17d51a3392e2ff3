"""AJCEP IR 4(b) with IR 3(j): an alteration on one item's line denies that item only, whatever its kind.

IR 4(b), paraphrased: no erasure or superimposition is allowed on a CO; a box is
altered only by striking out the error and adding what is needed, approved by
the CO's signatory and certified by the issuing authority. IR 3(j),
paraphrased: when one CO covers several items, a problem with one item does
not affect the preferential treatment of the others.

tests/rules/ajcep/test_ir04_modifications.py tests the isolation for an
erasure and an uncertified strike-out; a mutation sample showed that a
superimposition reported against the whole CO passed every test. Here every
kind of alteration, on each line of a three-item CO, denies exactly its item;
one naming no item, or an item the CO does not have, denies the whole CO.
"""

from __future__ import annotations

from typing import Any

import pytest

import roo
from roo.evaluation import Severity
from tests.builders import PRESENTED_ON, certificate, item_data

THREE_ITEMS = [
    item_data(1),
    item_data(2, description="Frozen squid, cleaned", hs_code="030743"),
    item_data(3, description="Skipjack tuna, canned in brine", hs_code="160414", origin_criterion="CTH"),
]

#: (method, approved by the signatory, certified by the authority) -> the code it is reported under.
ALTERATIONS = {
    ("superimposition", True, True): "alteration-by-superimposition",
    ("erasure", True, True): "alteration-by-erasure",
    ("strike_out", False, True): "strike-out-not-approved",
    ("strike_out", True, False): "strike-out-not-certified",
}


def _alteration(method: str, approved: bool, certified: bool, item: int | None, box: int = 7) -> dict[str, Any]:
    data: dict[str, Any] = {
        "box": box,
        "method": method,
        "approved_by_signatory": approved,
        "certified_by_authority": certified,
    }
    if item is not None:
        data["item"] = item
    return data


def _errors(evaluation: roo.Evaluation) -> list[tuple[str, int | None]]:
    return [(f.code, f.item) for f in evaluation.findings if f.severity is Severity.ERROR]


@pytest.mark.parametrize("item", [1, 2, 3])
@pytest.mark.parametrize(("method", "approved", "certified"), list(ALTERATIONS))
def test_alteration_on_one_line_denies_that_item_only(method: str, approved: bool, certified: bool, item: int) -> None:
    """IR 3(j): the altered line's item is denied; the other two keep their preference."""
    co = certificate(items=THREE_ITEMS, alterations=[_alteration(method, approved, certified, item)])
    evaluation = roo.evaluate(co, on=PRESENTED_ON)
    code = ALTERATIONS[(method, approved, certified)]
    assert _errors(evaluation) == [(code, item)]
    assert evaluation.denied == (item,)
    assert evaluation.granted == tuple(n for n in (1, 2, 3) if n != item)
    assert evaluation.status is roo.Status.PARTIALLY_ACCEPTED


@pytest.mark.parametrize("item", [None, 4], ids=["no-item", "item-the-co-lacks"])
@pytest.mark.parametrize(("method", "approved", "certified"), list(ALTERATIONS))
def test_alteration_not_on_an_item_line_denies_the_whole_co(
    method: str, approved: bool, certified: bool, item: int | None
) -> None:
    """IR 4(b): an alteration not tied to a line the CO has is a defect of the CO itself, so every item goes."""
    co = certificate(items=THREE_ITEMS, alterations=[_alteration(method, approved, certified, item)])
    evaluation = roo.evaluate(co, on=PRESENTED_ON)
    assert _errors(evaluation) == [(ALTERATIONS[(method, approved, certified)], None)]
    assert evaluation.status is roo.Status.REJECTED
    assert evaluation.granted == ()


def test_superimposition_and_erasure_on_two_lines_leave_the_third() -> None:
    """IR 3(j) item by item: a superimposition on line 1 and an erasure on line 3 spare item 2."""
    alterations = [
        _alteration("superimposition", True, True, 1, box=9),
        _alteration("erasure", True, True, 3, box=8),
    ]
    evaluation = roo.evaluate(certificate(items=THREE_ITEMS, alterations=alterations), on=PRESENTED_ON)
    assert _errors(evaluation) == [("alteration-by-superimposition", 1), ("alteration-by-erasure", 3)]
    assert (evaluation.granted, evaluation.denied) == ((2,), (1, 3))
    by_code = {f.code: f for f in evaluation.findings}
    assert dict(by_code["alteration-by-superimposition"].facts) == {"box": 9}
    assert dict(by_code["alteration-by-erasure"].facts) == {"box": 8}


def test_superimposition_message_names_the_box_and_the_remedy() -> None:
    """IR 4(b)(ii): the message names the altered box and says only a replacement CO corrects the error."""
    co = certificate(items=THREE_ITEMS, alterations=[_alteration("superimposition", True, True, 2, box=9)])
    (finding,) = [f for f in roo.evaluate(co, on=PRESENTED_ON).findings if f.code == "alteration-by-superimposition"]
    assert finding.message.startswith("Item 2: Box 9 shows a superimposition")
    assert "replacement CO (IR 4(b)(ii))" in finding.message
    assert finding.rule == "AJCEP/IR/4(b)"
