"""JIEPA Art 41(1): each good's HS subheading at six digits and its description matching the declaration."""

from __future__ import annotations

import pytest

import roo
from roo.context import Context, Declaration, DeclarationItem
from roo.evaluation import Outcome, Severity
from roo.rules.jiepa import art41_goods
from tests.rules.jiepa.helpers import jiepa, jiepa_item

DESCRIPTION = "Coffee, not roasted, not decaffeinated (Arabica Gayo)"


def declared(description: str | None) -> Context:
    """A context whose declaration line for item 1 gives ``description``."""
    return Context(declaration=Declaration(items=(DeclarationItem(1, description=description),)))


@pytest.mark.parametrize(
    ("hs_code", "expected"),
    [
        pytest.param("090111", [], id="six-digits"),
        pytest.param("0901.11", [], id="six-digits-with-a-dot"),
        pytest.param("0901", [("jiepa-hs-code-not-six-digits", Severity.WARNING)], id="heading-only"),
        pytest.param("09011", [("jiepa-hs-code-not-six-digits", Severity.WARNING)], id="five-digits"),
        pytest.param("", [("jiepa-hs-code-not-six-digits", Severity.WARNING)], id="no-code"),
        pytest.param("09011100", [("jiepa-hs-code-national-digits", Severity.INFO)], id="national-eight-digits"),
        pytest.param("0901.11.10.00", [("jiepa-hs-code-national-digits", Severity.INFO)], id="national-ten-digits"),
        pytest.param("0901.1A", [("jiepa-hs-code-not-six-digits", Severity.WARNING)], id="letter-in-the-code"),
    ],
)
def test_hs_code_at_six_digits(hs_code: str, expected: list[tuple[str, Severity]]) -> None:
    """The HS code is a six-digit subheading (national digits after it are noted); otherwise a warning on that item.

    Art 41(1): the CO "shall include minimum data specified in Annex 3" (paraphrased). Annex 3 is not in the texts
    roo reads, so no text roo can cite makes the six-digit code mandatory: a warning naming that doubt, never a
    denial (before, an error)."""
    co = jiepa(items=[jiepa_item(1, hs_code=hs_code)])
    result = art41_goods.check_hs_code(co.items[0], co, Context())
    assert expected == [(f.code, f.severity) for f in result.findings]


@pytest.mark.parametrize(
    ("description", "expected", "outcome"),
    [
        pytest.param(DESCRIPTION.upper(), [], Outcome.PASSED, id="identical-but-for-case"),
        pytest.param(
            "Coffee, not roasted, not decafeinated (Arabica Gayo)",
            [("jiepa-description-differs-slightly", Severity.INFO)],
            Outcome.PASSED,
            id="typing-slip-disregarded",
        ),
        pytest.param(
            "Cocoa beans, whole, raw",
            [("jiepa-description-not-substantially-identical", Severity.WARNING)],
            Outcome.PASSED,
            id="sharing-little",
        ),
    ],
)
def test_description_matches_the_declaration(
    description: str, expected: list[tuple[str, Severity]], outcome: Outcome
) -> None:
    """Identical passes; substantially the same passes with a note; a description that shares little with the
    declared one warns: how alike the two must be is roo's own similarity figure, which neither Art 41(1) nor
    any text roo reads gives, and a figure no text gives may warn, never deny."""
    result = art41_goods.check_description(jiepa().items[0], jiepa(), declared(description))
    assert (outcome, expected) == (result.outcome, [(f.code, f.severity) for f in result.findings])


def test_description_missing_is_an_error() -> None:
    """An item without a description cannot be matched to the goods declared."""
    co = jiepa(items=[jiepa_item(1, description=" ")])
    (finding,) = art41_goods.check_description(co.items[0], co, declared(DESCRIPTION)).findings
    assert ("jiepa-description-missing", "JIEPA/ART/41(1)", 1) == (finding.code, finding.rule, finding.item)


def test_without_declaration_not_evaluated() -> None:
    """Without the declaration there is nothing to compare with."""
    result = art41_goods.check_description(jiepa().items[0], jiepa(), Context())
    assert (Outcome.NOT_EVALUATED, ("context.declaration",)) == (result.outcome, result.needed)


def test_a_description_sharing_little_warns_on_that_item_only() -> None:
    """Through roo.evaluate: the item declared in other words is granted with a warning on that item alone
    (Art 45(1) lets customs deny where a requirement fails; the similarity cut-off is no requirement of the
    text); an item with no description at all is still denied."""
    co = jiepa(items=[jiepa_item(1), jiepa_item(2), jiepa_item(3, description=" ")])
    lines = (
        DeclarationItem(1, description=DESCRIPTION),
        DeclarationItem(2, description="Cocoa beans, whole, raw"),
        DeclarationItem(3, description=DESCRIPTION),
    )
    evaluation = roo.evaluate(co, Context(declaration=Declaration(items=lines)))
    assert ((1, 2), (3,)) == (evaluation.granted, evaluation.denied)
    warned = [(f.item, f.severity) for f in evaluation.findings if f.code == "jiepa-description-not-substantially-identical"]
    assert [(2, Severity.WARNING)] == warned


def test_a_code_short_of_six_digits_does_not_deny_the_item() -> None:
    """Through the whole evaluation: item 2 prints only its heading; both items are granted, item 2 warned."""
    co = jiepa(items=[jiepa_item(1), jiepa_item(2, hs_code="0901")])
    evaluation = roo.evaluate(co)
    found = [(f.item, f.severity) for f in evaluation.findings if f.code == "jiepa-hs-code-not-six-digits"]
    assert ((1, 2), [(2, Severity.WARNING)]) == (evaluation.granted, found)
