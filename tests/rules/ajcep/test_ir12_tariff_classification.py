"""AJCEP IR 12, form note 5: six-digit HS subheading and a description substantially identical to the invoice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import roo
from benchmarks.growth import MAX_RATIO, linear_growth
from roo.rules.ajcep import ir12_tariff_classification
from tests.builders import certificate, item_data

CODES = frozenset(spec.code for rule in ir12_tariff_classification.RULES for spec in rule.specs)

ERROR = roo.Severity.ERROR
WARNING = roo.Severity.WARNING
INFO = roo.Severity.INFO

Seen = list[tuple[str, roo.Severity, int | None]]


def ir12_findings(evaluation: roo.Evaluation) -> Seen:
    """The findings of the IR 12 rules, as (code, severity, item)."""
    return [(f.code, f.severity, f.item) for f in evaluation.findings if f.code in CODES]


def declaring(*lines: dict[str, Any]) -> roo.Context:
    """A context whose import declaration has ``lines``."""
    return roo.load_context({"declaration": {"items": list(lines)}})


def description_check(evaluation: roo.Evaluation, item: int = 1) -> roo.Check:
    """The trace line of the description check for ``item``."""
    return next(
        c for c in evaluation.checks if c.rule == "AJCEP/IR/12" and c.item == item and "description" in c.title
    )


# --- Six-digit subheading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hs_code",
    [
        pytest.param("030617", id="six-digits"),
        pytest.param("0306.17", id="six-digits-with-dot"),
        pytest.param("0306 17", id="six-digits-with-space"),
        pytest.param("0306-17", id="six-digits-with-dash"),
    ],
)
def test_six_digit_subheading_passes(hs_code: str) -> None:
    """The HS code at the six-digit level, however separated, is what IR 12 asks for."""
    evaluation = roo.evaluate(certificate(items=[item_data(1, hs_code=hs_code)]))
    assert ([], roo.Status.ACCEPTED) == (ir12_findings(evaluation), evaluation.status)


@pytest.mark.parametrize(
    "hs_code",
    [
        pytest.param("0306", id="heading-only-four-digits"),
        pytest.param("03061", id="five-digits"),
        pytest.param("03O617", id="letter-o-for-zero"),
        pytest.param("0306.1X.10", id="letter-in-a-national-code"),
        pytest.param("", id="no-code"),
    ],
)
def test_code_not_at_six_digits_denies_the_item(hs_code: str) -> None:
    """A code that is not a six-digit subheading is an error on that item, naming the code."""
    evaluation = roo.evaluate(certificate(items=[item_data(1, hs_code=hs_code)]))
    finding = next(f for f in evaluation.findings if f.code == "hs-code-not-six-digits")
    expected = ([("hs-code-not-six-digits", ERROR, 1)], hs_code, "AJCEP/IR/12", roo.Status.REJECTED)
    assert expected == (ir12_findings(evaluation), finding.facts["hs_code"], finding.rule, evaluation.status)


@pytest.mark.parametrize(
    "hs_code",
    [
        pytest.param("0306.17.10", id="eight-digit-national-line-with-dots"),
        pytest.param("030617.1000", id="ten-digit-national-line"),
        pytest.param("03061700", id="eight-digits-without-separators"),
        pytest.param("0306170", id="seven-digits"),
    ],
)
def test_national_digits_after_the_subheading_are_disregarded(hs_code: str) -> None:
    """More than six digits still shows the subheading: an info note (IR 4(a)), the item keeps its preference.

    IR 4(a): customs "will disregard minor errors, such as ... information which falls outside the designated
    box". The error is disregarded; the information is not: the finding reads the national digits too.
    """
    evaluation = roo.evaluate(certificate(items=[item_data(1, hs_code=hs_code)]))
    finding = next(f for f in evaluation.findings if f.code == "hs-code-national-digits")
    national = "".join(ch for ch in hs_code if ch.isdigit())[6:]
    expected = ([("hs-code-national-digits", INFO, 1)], "030617", national, "AJCEP/IR/4(a)", roo.Status.ACCEPTED)
    actual = (
        ir12_findings(evaluation),
        finding.facts["subheading"],
        finding.facts["national_digits"],
        finding.rule,
        evaluation.status,
    )
    assert expected == actual


def test_code_not_at_six_digits_denies_only_its_item() -> None:
    """The other items keep their preference (IR 3(j))."""
    items = [item_data(1), item_data(2, hs_code="0307"), item_data(3)]
    evaluation = roo.evaluate(certificate(items=items))
    assert ((1, 3), (2,)) == (evaluation.granted, evaluation.denied)


# --- Description ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "description",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
    ],
)
def test_missing_description_denies_the_item(description: str) -> None:
    """A CO item without a description fails even when there is no declaration to compare with."""
    evaluation = roo.evaluate(certificate(items=[item_data(1, description=description)]))
    assert [("description-missing", ERROR, 1)] == ir12_findings(evaluation)


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        pytest.param("Frozen shrimp, peeled", [], id="identical"),
        pytest.param("FROZEN SHRIMP PEELED", [], id="identical-but-for-case-and-punctuation"),
        pytest.param("Frozen shrimp peeled, headless, IQF", [], id="declaration-adds-detail"),
        pytest.param(
            "Frozen shrimps peeled", [("description-differs-slightly", INFO, 1)], id="typographical-difference"
        ),
        pytest.param(
            "Dried anchovies", [("description-not-substantially-identical", WARNING, 1)], id="another-good"
        ),
        pytest.param(
            "Canned tuna in oil", [("description-not-substantially-identical", WARNING, 1)], id="nothing-in-common"
        ),
    ],
)
def test_description_against_the_declaration(declared: str, expected: Seen) -> None:
    """The CO description is compared with what the importer declared for the same item.

    IR 12: the description "should be substantially identical to the description on the invoice". The
    declaration stands in for the invoice, so a description that shares little with it warns and never denies.
    """
    ctx = declaring({"certificate_item": 1, "description": declared})
    assert expected == ir12_findings(roo.evaluate(certificate(), ctx))


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        pytest.param(
            "frozen whole tuna mackerel sardine",
            [("description-differs-slightly", INFO, 1)],
            id="three-of-five-words-shared-exactly-at-threshold",
        ),
        pytest.param(
            "Tuna frozen sardines mackerel chilled",
            [("description-not-substantially-identical", WARNING, 1)],
            id="just-below-threshold",
        ),
    ],
)
def test_substantially_identical_boundary(declared: str, expected: Seen) -> None:
    """A similarity of exactly 0.6 is substantially identical; below it is not, and only warns (roo's figure)."""
    co = certificate(items=[item_data(1, description="Tuna frozen whole gutted skipjack", hs_code="030343")])
    ctx = declaring({"certificate_item": 1, "description": declared})
    assert expected == ir12_findings(roo.evaluate(co, ctx))


def test_slight_difference_is_disregarded_under_ir_4a() -> None:
    """A slight discrepancy is an info finding citing IR 4(a); the item keeps its preference."""
    ctx = declaring({"certificate_item": 1, "description": "Frozen shrimps peeled"})
    evaluation = roo.evaluate(certificate(), ctx)
    finding = next(f for f in evaluation.findings if f.code == "description-differs-slightly")
    expected = ("AJCEP/IR/4(a)", "Frozen shrimps peeled", "0.97", roo.Status.ACCEPTED)
    actual = (finding.rule, finding.facts["declared_description"], finding.facts["similarity"], evaluation.status)
    assert expected == actual


def test_different_description_warns_and_denies_nothing() -> None:
    """A description that shares little with the declared one is a warning on its own item; nothing is denied.

    IR 12 compares with "the description on the invoice"; the import declaration's wording is not the invoice,
    and the 0.6 cut-off is no figure of the text, so neither can deny.
    """
    items = [item_data(1), item_data(2, description="Frozen squid, cleaned", hs_code="030743")]
    ctx = declaring(
        {"certificate_item": 1, "description": "Frozen shrimp, peeled"},
        {"certificate_item": 2, "description": "Dried anchovies"},
    )
    evaluation = roo.evaluate(certificate(items=items), ctx)
    finding = next(f for f in evaluation.findings if f.code == "description-not-substantially-identical")
    expected = ([("description-not-substantially-identical", WARNING, 2)], (1, 2), (), "AJCEP/IR/12")
    assert expected == (ir12_findings(evaluation), evaluation.granted, evaluation.denied, finding.rule)


def test_description_worded_as_the_hs_text_is_not_denied() -> None:
    """IR 12: the description should be substantially identical to the invoice's "and, if possible, to the
    description under the HS for the good". A CO worded as the HS text shares few words with a declaration
    worded after the invoice; roo cannot tell that from another good, so it warns and the item keeps its
    preference.
    """
    co = certificate(items=[item_data(1, description="Shrimps and prawns, frozen, other")])
    ctx = declaring({"certificate_item": 1, "description": "Vannamei 31/40 PD IQF 10x1kg"})
    evaluation = roo.evaluate(co, ctx)
    expected = ([("description-not-substantially-identical", WARNING, 1)], roo.Status.ACCEPTED)
    assert expected == (ir12_findings(evaluation), evaluation.status)


def test_a_long_description_costs_linear_time() -> None:
    """Ten times the words of two descriptions cost at most fifteen times the time (800 words took seconds per
    item when the comparison was quadratic), and the verdict on the reordered description stands.
    """

    def compare(count: int) -> Callable[[], roo.Evaluation]:
        words = [f"word{n}x" for n in range(count)]
        co = certificate(items=[item_data(1, description=" ".join(words))])
        ctx = declaring({"certificate_item": 1, "description": " ".join(reversed(words[:-1])) + " other"})
        return lambda: roo.evaluate(co, ctx)

    growth = linear_growth(compare(80), compare(800))
    assert (True, [("description-differs-slightly", INFO, 1)]) == (growth.ratio <= MAX_RATIO, ir12_findings(compare(800)()))


def test_each_declaration_line_is_compared_once() -> None:
    """Several lines claim the same item: each distinct description is compared, repeats only once."""
    ctx = declaring(
        {"certificate_item": 1, "description": "Frozen shrimps peeled"},
        {"certificate_item": 1, "description": "Frozen shrimps peeled"},
        {"certificate_item": 1, "description": "Canned tuna in oil"},
    )
    expected = [("description-differs-slightly", INFO, 1), ("description-not-substantially-identical", WARNING, 1)]
    assert expected == ir12_findings(roo.evaluate(certificate(), ctx))


@pytest.mark.parametrize(
    ("ctx", "outcome", "needed"),
    [
        pytest.param(roo.Context(), roo.Outcome.NOT_EVALUATED, ("context.declaration",), id="no-declaration"),
        pytest.param(declaring(), roo.Outcome.NOT_EVALUATED, ("context.declaration.items",), id="declaration-no-lines"),
        pytest.param(
            declaring({"certificate_item": 1}),
            roo.Outcome.NOT_EVALUATED,
            ("context.declaration.items.description",),
            id="line-for-the-item-without-description",
        ),
        pytest.param(
            declaring({"certificate_item": 1, "description": "  "}),
            roo.Outcome.NOT_EVALUATED,
            ("context.declaration.items.description",),
            id="line-for-the-item-with-blank-description",
        ),
        pytest.param(
            declaring({"certificate_item": 2, "description": "Frozen squid"}),
            roo.Outcome.NOT_APPLICABLE,
            (),
            id="item-not-claimed-in-this-declaration",
        ),
    ],
)
def test_description_without_a_declared_description(
    ctx: roo.Context, outcome: roo.Outcome, needed: tuple[str, ...]
) -> None:
    """Without a declared description to compare with, the check is not evaluated (or does not apply); never denies."""
    evaluation = roo.evaluate(certificate(), ctx)
    check = description_check(evaluation)
    assert (outcome, needed, [], roo.Status.ACCEPTED) == (
        check.outcome,
        check.needed,
        ir12_findings(evaluation),
        evaluation.status,
    )
