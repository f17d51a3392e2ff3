"""A field the data leave out is "not stated", never "no" (issue 15 part 5).

docs/formats.md#certificate: the model mirrors the form, and what the data do not say is
``None``. A rule that needs such a fact reports its check as not evaluated,
naming the fact (so the evaluation is not complete where the check could
have denied), and never a finding that says the CO shows the opposite. Each
optional yes/no field is tested three ways: left out, stated false, stated
true.
"""

from __future__ import annotations

from typing import Any

import roo
from tests.builders import complete_case


def _evaluate(case: dict[str, Any]) -> roo.Evaluation:
    return roo.evaluate(roo.load(case["certificate"]), roo.load_context(case["context"]))


def _codes(evaluation: roo.Evaluation) -> set[str]:
    return {finding.code for finding in evaluation.findings}


def _needed(evaluation: roo.Evaluation) -> set[str]:
    return {name for check in evaluation.checks for name in check.needed}


# AJCEP IR 4(b)(i): unused spaces on the CO are to be crossed out so that nothing can be added later.


def test_unused_spaces_left_out_is_not_evaluated_not_a_warning() -> None:
    """Leaving ``unused_spaces_crossed_out`` out says nothing about the form: no warning that they are not."""
    case = complete_case()
    del case["certificate"]["unused_spaces_crossed_out"]
    evaluation = _evaluate(case)
    assert "unused-spaces-not-crossed-out" not in _codes(evaluation)
    assert "certificate.unused_spaces_crossed_out" in _needed(evaluation)
    assert not evaluation.complete  # the rule's check (IR 4(b), which can deny) was not made in full


def test_unused_spaces_null_is_the_same_as_left_out() -> None:
    case = complete_case(unused_spaces_crossed_out=None)
    evaluation = _evaluate(case)
    assert "unused-spaces-not-crossed-out" not in _codes(evaluation)
    assert "certificate.unused_spaces_crossed_out" in _needed(evaluation)


def test_unused_spaces_stated_false_warns() -> None:
    evaluation = _evaluate(complete_case(unused_spaces_crossed_out=False))
    assert "unused-spaces-not-crossed-out" in _codes(evaluation)
    assert evaluation.complete


def test_unused_spaces_stated_true_passes() -> None:
    evaluation = _evaluate(complete_case(unused_spaces_crossed_out=True))
    assert "unused-spaces-not-crossed-out" not in _codes(evaluation)
    assert "certificate.unused_spaces_crossed_out" not in _needed(evaluation)
    assert evaluation.complete


def test_unused_spaces_left_out_on_an_eco_needs_nothing() -> None:
    """An e-CO has no spaces to cross out: the fact is not needed."""
    case = complete_case(medium="electronic", copy=None)
    del case["certificate"]["unused_spaces_crossed_out"]
    assert "certificate.unused_spaces_crossed_out" not in _needed(_evaluate(case))


def test_unused_spaces_left_out_does_not_hide_an_erasure() -> None:
    """IR 4(b): no erasure is allowed; the unknown crossing-out does not soften that error."""
    case = complete_case(alterations=[{"box": 7, "method": "erasure"}])
    del case["certificate"]["unused_spaces_crossed_out"]
    evaluation = _evaluate(case)
    assert "alteration-by-erasure" in _codes(evaluation)
    assert "unused-spaces-not-crossed-out" not in _codes(evaluation)


# AJCEP IR 13 / IR 4(a): the issuing authority's stamp lets customs check a paper CO against the specimens.


def _certification(**changes: Any) -> dict[str, Any]:
    certification = dict(complete_case()["certificate"]["certification"])
    certification.update(changes)
    return certification


def test_stamp_left_out_is_not_evaluated_not_a_warning() -> None:
    certification = _certification()
    del certification["sealed"]
    evaluation = _evaluate(complete_case(certification=certification))
    assert "certification-not-stamped" not in _codes(evaluation)
    assert "certificate.certification.sealed" in _needed(evaluation)


def test_stamp_null_is_the_same_as_left_out() -> None:
    evaluation = _evaluate(complete_case(certification=_certification(sealed=None)))
    assert "certification-not-stamped" not in _codes(evaluation)
    assert "certificate.certification.sealed" in _needed(evaluation)


def test_stamp_stated_false_warns() -> None:
    evaluation = _evaluate(complete_case(certification=_certification(sealed=False)))
    assert "certification-not-stamped" in _codes(evaluation)


def test_stamp_stated_true_passes() -> None:
    evaluation = _evaluate(complete_case(certification=_certification(sealed=True)))
    assert "certification-not-stamped" not in _codes(evaluation)
    assert "certificate.certification.sealed" not in _needed(evaluation)
