"""AJCEP Art 26 and Art 28, form note 3: the origin criterion in box 8."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

import roo
from roo import params
from roo.rules.ajcep import art26_origin_criterion
from tests.builders import certificate, item_data

CODES = frozenset(spec.code for rule in art26_origin_criterion.RULES for spec in rule.specs)
RULES = frozenset(rule.citation for rule in art26_origin_criterion.RULES)

ERROR = roo.Severity.ERROR
WARNING = roo.Severity.WARNING
INFO = roo.Severity.INFO

Seen = list[tuple[str, roo.Severity, int | None]]


def criterion_findings(evaluation: roo.Evaluation) -> Seen:
    """The findings of the box 8 rules, as (code, severity, item)."""
    return [(f.code, f.severity, f.item) for f in evaluation.findings if f.code in CODES]


def evaluate_box8(text: str, ctx: roo.Context | None = None, **changes: object) -> roo.Evaluation:
    """Evaluate a clean CO whose single item claims ``text`` in box 8."""
    return roo.evaluate(certificate(items=[item_data(1, origin_criterion=text)], **changes), ctx)


# --- Form note 3: a readable criterion ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("WO", id="wholly-obtained"),
        pytest.param("PE", id="produced-entirely-from-originating-materials"),
        pytest.param("CTH", id="general-rule-change-of-heading"),
        pytest.param("RVC 40%", id="general-rule-rvc"),
        pytest.param("CTC", id="product-specific-change-in-classification"),
        pytest.param("SP", id="product-specific-process"),
        pytest.param("CTH, DMI", id="change-of-heading-with-de-minimis"),
        pytest.param("RVC 40%, ACU", id="rvc-with-accumulation"),
        pytest.param("wo", id="lower-case-as-typed"),
        # Issue 11 §3: note 3 prescribes the codes ("CTH", "RVC", "DMI", "ACU"), not a separator. These were
        # denied as unreadable before; they state a criterion and are read.
        pytest.param("RVC 40% ACU", id="rvc-percentage-then-flag-after-a-space"),
        pytest.param("PE ACU", id="pe-then-flag-after-a-space"),
        pytest.param('"CTH" "DMI"', id="quoted-codes-separated-by-a-space"),
        pytest.param("CTC\nDMI", id="line-break"),
        pytest.param("RVC", id="rvc-as-the-note-prints-it"),
    ],
)
def test_readable_criterion_passes(text: str) -> None:
    """Every notation of form note 3 is read; none produces a finding."""
    evaluation = evaluate_box8(text)
    assert ([], roo.Status.ACCEPTED) == (criterion_findings(evaluation), evaluation.status)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("", "box 8 is empty", id="box-8-empty"),
        pytest.param("   ", "box 8 is empty", id="box-8-blank"),
        pytest.param("ORIGINATING", "unrecognised 'ORIGINATING'", id="not-a-criterion"),
        pytest.param("XYZ, DMI", "unrecognised 'XYZ'", id="unknown-word-with-a-flag-but-no-criterion"),
        pytest.param("RVC 140%", "unrecognised 'RVC 140%'", id="rvc-over-100-percent"),
        pytest.param("DMI", "no origin criterion, only DMI", id="only-de-minimis"),
        pytest.param("ACU", "no origin criterion, only ACU", id="only-accumulation"),
        pytest.param("DMI, ACU", "no origin criterion, only ACU, DMI", id="only-flags"),
    ],
)
def test_unreadable_criterion_denies_the_item(text: str, problem: str) -> None:
    """Box 8 that states no criterion leaves the item without an origin claim: an error on that item."""
    evaluation = evaluate_box8(text)
    findings = [f for f in evaluation.findings if f.code == "origin-criterion-unreadable"]
    expected = ([("origin-criterion-unreadable", ERROR, 1)], "AJCEP/FORM/3", problem, roo.Status.REJECTED)
    actual = (criterion_findings(evaluation), findings[0].rule, findings[0].facts["problem"], evaluation.status)
    assert expected == actual


@pytest.mark.parametrize(
    ("text", "unrecognised"),
    [
        pytest.param("WO, XYZ", ("XYZ",), id="criterion-with-unknown-word"),
        pytest.param("CTH (see attached list)", ("see attached list",), id="criterion-with-a-remark-in-brackets"),
    ],
)
def test_unknown_words_beside_a_criterion_only_warn(text: str, unrecognised: tuple[str, ...]) -> None:
    """Box 8 that states a criterion still claims it; the words roo cannot read are a warning, not a denial."""
    evaluation = evaluate_box8(text)
    finding = next(f for f in evaluation.findings if f.code == "origin-criterion-partly-unrecognised")
    expected = ([("origin-criterion-partly-unrecognised", WARNING, 1)], unrecognised, roo.Status.ACCEPTED)
    assert expected == (criterion_findings(evaluation), finding.facts["unrecognised"], evaluation.status)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"WO"', id="quoted-wo"),
        pytest.param("\u201cCTH\u201d", id="curly-quoted-cth"),
        pytest.param("Wholly Obtained", id="wholly-obtained-in-words"),
        pytest.param("CTC (CTH)", id="ctc-naming-the-heading-change"),
        pytest.param("Produced entirely from originating materials", id="pe-in-words"),
    ],
)
def test_quotes_brackets_and_words_are_read(text: str) -> None:
    """Box 8 as people print it (quoted, bracketed, in words) states its criterion: no finding, nothing denied."""
    evaluation = evaluate_box8(text)
    assert ([], roo.Status.ACCEPTED) == (criterion_findings(evaluation), evaluation.status)


def test_unreadable_criterion_denies_only_its_item() -> None:
    """The other items keep their preference (IR 3(j))."""
    items = [item_data(1), item_data(2, origin_criterion="???"), item_data(3, origin_criterion="CTH")]
    evaluation = roo.evaluate(certificate(items=items))
    expected = ([("origin-criterion-unreadable", ERROR, 2)], (1, 3), roo.Status.PARTIALLY_ACCEPTED)
    assert expected == (criterion_findings(evaluation), evaluation.granted, evaluation.status)


def test_unreadable_criterion_is_not_also_judged_for_rvc_or_de_minimis() -> None:
    """An unreadable box 8 gives one finding; the RVC and de minimis checks do not apply to it."""
    evaluation = evaluate_box8("RVC 140%, DMI, ???")
    outcomes = {c.rule: c.outcome for c in evaluation.checks if c.rule in RULES}
    expected = {
        "AJCEP/FORM/3": roo.Outcome.FAILED,
        "AJCEP/ART/26": roo.Outcome.NOT_APPLICABLE,
        "AJCEP/ART/28": roo.Outcome.NOT_APPLICABLE,
    }
    assert expected == outcomes


# --- Art 26.1: RVC not less than 40 % under the general rule ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("RVC 40%", [], id="exactly-40-percent"),
        pytest.param("RVC 40", [], id="exactly-40-without-percent-sign"),
        pytest.param("RVC 40.00%", [], id="exactly-40.00-percent"),
        pytest.param("40% RVC", [], id="percentage-written-first"),
        pytest.param("RVC 40.01%", [], id="just-above-40"),
        pytest.param("RVC 65%", [], id="well-above-40"),
        pytest.param("RVC 100%", [], id="all-value-regional"),
        pytest.param("RVC", [], id="rvc-without-percentage-nothing-to-compare"),
        pytest.param("CTH", [], id="change-of-heading-no-rvc"),
        pytest.param("RVC 39.99%", [("rvc-below-general-rule", ERROR, 1)], id="just-below-40"),
        pytest.param("RVC 39%", [("rvc-below-general-rule", ERROR, 1)], id="39-percent"),
        pytest.param("RVC 0%", [("rvc-below-general-rule", ERROR, 1)], id="zero-percent"),
        pytest.param("QVC 35%", [("rvc-below-general-rule", ERROR, 1)], id="qvc-notation-read-as-rvc"),
        pytest.param("RVC 35%, ACU", [("rvc-below-general-rule", ERROR, 1)], id="accumulation-is-no-other-criterion"),
        pytest.param("RVC 35%, CTH", [("rvc-below-general-rule", WARNING, 1)], id="also-claims-change-of-heading"),
        pytest.param("WO, RVC 20%", [("rvc-below-general-rule", WARNING, 1)], id="also-claims-wholly-obtained"),
    ],
)
def test_rvc_against_the_general_rule(text: str, expected: Seen) -> None:
    """A printed RVC of 40 % or more meets the general rule; below it, the RVC claim does not show origin."""
    assert expected == criterion_findings(evaluate_box8(text))


def test_items_without_a_printed_rvc_are_not_measured_beside_one_that_has() -> None:
    """Art 26.1: a good meets the general rule by an RVC of not less than 40 % *or* by a change in tariff
    heading, as the exporter chooses; note 3 prescribes ``RVC`` without a percentage.

    Beside an item printing ``RVC 45%``, an item claimed by ``CTH`` and one by a bare ``RVC`` have no printed
    percentage to measure: each keeps its preference, and the RVC check passes for all three.
    """
    items = [
        item_data(1, origin_criterion="RVC 45%"),
        item_data(2, origin_criterion="CTH"),
        item_data(3, origin_criterion="RVC"),
    ]
    evaluation = roo.evaluate(certificate(items=items))
    rvc_rule = next(
        rule for rule in art26_origin_criterion.RULES if rule.check is art26_origin_criterion.check_rvc_threshold
    )
    outcomes = [c.outcome for c in evaluation.checks if c.title == rvc_rule.title]
    expected = ([], (1, 2, 3), [roo.Outcome.PASSED, roo.Outcome.NOT_APPLICABLE, roo.Outcome.NOT_APPLICABLE])
    assert expected == (criterion_findings(evaluation), evaluation.granted, outcomes)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("RVC 39.99%", roo.Status.REJECTED, id="rvc-alone-below-denies"),
        pytest.param("RVC 35%, CTH", roo.Status.ACCEPTED, id="rvc-below-beside-cth-does-not-deny"),
    ],
)
def test_rvc_below_denies_only_when_origin_rests_on_it(text: str, status: roo.Status) -> None:
    """An item claimed by RVC alone is denied; one also claimed under another criterion is not."""
    assert status == evaluate_box8(text).status


def test_rvc_below_names_the_percentage_and_threshold() -> None:
    """The finding cites Art 26 and carries the printed percentage and the threshold in force."""
    finding = next(f for f in evaluate_box8("RVC 39.99%").findings if f.code == "rvc-below-general-rule")
    message = "Item 1: Box 8 claims a regional value content of 39.99%, below the 40% the general rule requires."
    expected = ("AJCEP/ART/26", Decimal("39.99"), Decimal("40"), message)
    assert expected == (finding.rule, finding.facts["rvc_percent"], finding.facts["threshold"], finding.message)


def test_rvc_below_denies_only_its_item() -> None:
    """A low RVC on one item leaves the others granted (IR 3(j))."""
    items = [item_data(1, origin_criterion="RVC 45%"), item_data(2, origin_criterion="RVC 30%")]
    evaluation = roo.evaluate(certificate(items=items))
    assert ((1,), (2,)) == (evaluation.granted, evaluation.denied)


@pytest.mark.parametrize(
    ("override", "text", "expected"),
    [
        pytest.param("35", "RVC 35%", [], id="party-lowered-threshold-to-35-exactly-met"),
        pytest.param("35", "RVC 34.99%", [("rvc-below-general-rule", ERROR, 1)], id="lowered-threshold-just-missed"),
        pytest.param("45", "RVC 40%", [("rvc-below-general-rule", ERROR, 1)], id="raised-threshold-40-not-enough"),
    ],
)
def test_threshold_is_a_dated_parameter_the_context_can_override(override: str, text: str, expected: Seen) -> None:
    """The 40 % comes from ``ajcep.general_rule.rvc_percent``, which the context may override."""
    ctx = roo.load_context({"parameters": {"ajcep.general_rule.rvc_percent": override}})
    assert expected == criterion_findings(evaluate_box8(text, ctx))


@pytest.mark.parametrize(
    ("issue_date", "ctx_data"),
    [
        pytest.param("2008-11-30", {}, id="issued-before-ajcep-entered-into-force"),
        pytest.param(
            "2024-03-05", {"parameters": {"ajcep.general_rule.rvc_percent": None}}, id="threshold-switched-off"
        ),
    ],
)
def test_no_threshold_in_force_is_not_evaluated(issue_date: str, ctx_data: dict[str, object]) -> None:
    """Without a threshold in force the check is noted as not evaluated, never held against the item."""
    evaluation = evaluate_box8("RVC 10%", roo.load_context(ctx_data), issue_date=issue_date)
    noted = [(f.code, f.severity, f.facts["needed"]) for f in evaluation.findings if f.rule == "AJCEP/ART/26"]
    expected = [("check-not-evaluated", INFO, ("context.parameters[ajcep.general_rule.rvc_percent]",))]
    assert expected == noted
    assert [] == [f for f in evaluation.findings if f.code == "rvc-below-general-rule"]


def test_threshold_parameter_is_cited_data() -> None:
    """The packaged threshold is 40 %, cites Art 26 and is in force from 1 December 2008."""
    parameter = params.get("ajcep.general_rule.rvc_percent")
    expected = (Decimal("40"), "AJCEP/ART/26", date(2008, 12, 1), True)
    actual = (
        params.value(parameter.name, date(2008, 12, 1)),
        parameter.reference,
        parameter.values[0].effective_from,
        parameter.verified,
    )
    assert expected == actual


# --- Art 28: de minimis helps only a change in tariff classification ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CTH", [], id="no-de-minimis-claimed"),
        pytest.param("CTH, DMI", [], id="change-of-heading"),
        pytest.param("CTSH, DMI", [], id="change-of-subheading"),
        pytest.param("CC, DMI", [], id="change-of-chapter"),
        pytest.param("CTC, DMI", [], id="product-specific-change-in-classification"),
        pytest.param("RVC 40%, CTH, DMI", [], id="rvc-and-change-of-heading"),
        pytest.param("CTH, DMI, ACU", [], id="change-of-heading-with-accumulation"),
        pytest.param("WO, DMI", [("de-minimis-without-ctc", WARNING, 1)], id="wholly-obtained"),
        pytest.param("PE, DMI", [("de-minimis-without-ctc", WARNING, 1)], id="produced-entirely-from-originating"),
        pytest.param("RVC 40%, DMI", [("de-minimis-without-ctc", WARNING, 1)], id="rvc-only"),
        pytest.param("SP, DMI", [("de-minimis-without-ctc", WARNING, 1)], id="specific-process"),
        pytest.param("DMI", [("origin-criterion-unreadable", ERROR, 1)], id="de-minimis-alone-is-unreadable-instead"),
    ],
)
def test_de_minimis_beside_its_criterion(text: str, expected: Seen) -> None:
    """DMI beside WO, PE, RVC or SP is flagged; beside a change in tariff classification it is expected."""
    assert expected == criterion_findings(evaluate_box8(text))


def test_de_minimis_warning_does_not_deny() -> None:
    """The DMI warning cites Art 28 and leaves the item granted."""
    evaluation = evaluate_box8("WO, DMI")
    finding = next(f for f in evaluation.findings if f.code == "de-minimis-without-ctc")
    expected = (roo.Status.ACCEPTED, "AJCEP/ART/28", ("WO",))
    assert expected == (evaluation.status, finding.rule, finding.facts["criteria"])


# --- Art 26.2-26.3: the product-specific rule, when the context's table gives it ---------------------------------


def _table(*rows: dict[str, object]) -> roo.origin.PsrTable:
    data = {"format": "roo.psr/1", "scheme": "AJCEP", "source": "test rows", "rows": list(rows)}
    return roo.origin.load_psr(data)


def _with_table(text: str, *rows: dict[str, object]) -> Seen:
    """The box 8 findings with ``rows`` as the context's product-specific rule table."""
    return criterion_findings(evaluate_box8(text, roo.Context(on=date(2024, 3, 20), product_rules=_table(*rows))))


def _row(rule: str) -> dict[str, object]:
    """A row covering the test item's subheading."""
    return {"hs": str(item_data(1)["hs_code"]).replace(".", "")[:6], "rule": rule}


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        # Art 26.3: the RVC must not be less than the percentage the product-specific rule specifies.
        pytest.param("RVC 35%", "CTH or RVC 35", [], id="at-the-rule's-lower-percentage-passes"),
        pytest.param("RVC 34.99%", "CTH or RVC 35", [("rvc-below-product-specific-rule", ERROR, 1)], id="just-below"),
        pytest.param("RVC 45%", "RVC 50 or CC", [("rvc-below-product-specific-rule", ERROR, 1)], id="rule-above-40"),
        pytest.param("RVC 50%", "RVC 50 or CC", [], id="at-a-higher-percentage"),
        # Art 26.2: the exporter chooses among the alternatives, so the lowest RVC percentage offered counts.
        pytest.param("RVC 35%", "RVC 50 or CTSH and RVC 35", [], id="lowest-alternative-counts"),
        pytest.param("RVC 35%, CTH", "RVC 50", [("rvc-below-product-specific-rule", WARNING, 1)], id="beside-cth"),
        # A rule with no RVC route leaves the general rule's threshold.
        pytest.param("RVC 35%", "CC", [("rvc-below-general-rule", ERROR, 1)], id="row-without-rvc"),
    ],
)
def test_rvc_against_the_product_specific_rule(text: str, rule: str, expected: Seen) -> None:
    """Art 26.2: notwithstanding the general rule, a good subject to a product-specific rule qualifies under it;
    Art 26.3: an RVC rule requires at least the percentage it specifies. With the rule in the context's table, a
    printed RVC is measured against it, not against the general rule's 40."""
    assert expected == _with_table(text, _row(rule))


def test_a_table_without_a_row_for_the_item_leaves_the_general_rule() -> None:
    """No row for the subheading: Art 26.1 applies, so 35 % is below the 40 % it requires."""
    assert [("rvc-below-general-rule", ERROR, 1)] == _with_table("RVC 35%", {"hs": "01", "rule": "RVC 30"})


def test_the_product_specific_finding_names_the_rule() -> None:
    """The finding cites Art 26(3) and names the row's rule and its threshold."""
    ctx = roo.Context(on=date(2024, 3, 20), product_rules=_table(_row("CTH or RVC 45")))
    finding = next(f for f in evaluate_box8("RVC 42%", ctx).findings if f.code == "rvc-below-product-specific-rule")
    assert ("AJCEP/ART/26(3)", Decimal("45"), "CTH or RVC 45") == (
        finding.rule, finding.facts["threshold"], finding.facts["rule"]
    )


# --- IR 4(a): a percentage roo read only in part does not deny --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("RVC 4O%", [("rvc-partly-read-below-threshold", WARNING, 1)], id="letter-o-for-a-zero"),
        pytest.param("RVC 4 5%", [("rvc-partly-read-below-threshold", WARNING, 1)], id="figure-split-by-a-space"),
        pytest.param("RVC 40% XYZ", [], id="read-at-the-threshold-with-words-beside-passes"),
        pytest.param("RVC 4%", [("rvc-below-general-rule", ERROR, 1)], id="read-in-full-below-still-denies"),
        pytest.param("RVC 35% XYZ", [("rvc-below-general-rule", ERROR, 1)], id="words-without-a-figure-still-deny"),
        pytest.param("RVC 3l%", [("rvc-partly-read-below-threshold", WARNING, 1)], id="letter-l-for-a-one"),
    ],
)
def test_rvc_read_in_part_below_threshold_warns(text: str, expected: Seen) -> None:
    """IR 4(a): customs disregard minor errors such as typing errors; a figure roo read beside text it does not
    recognise may be such an error, or read short ('RVC 4O%' read as 4%). It must not deny: a warning naming the
    doubt, beside the warning that box 8 was read only in part (the review's cases K4 and L0)."""
    evaluation = evaluate_box8(text)
    found = [f for f in criterion_findings(evaluation) if f[0] != "origin-criterion-partly-unrecognised"]
    assert expected == found
    if expected[:1] == [("rvc-partly-read-below-threshold", WARNING, 1)]:
        assert roo.Status.ACCEPTED == evaluation.status
        assert "origin-criterion-partly-unrecognised" in {f.code for f in evaluation.findings}


def test_rvc_read_in_part_names_what_was_not_read() -> None:
    """The warning gives the box as printed, the figure roo read, the threshold and the text it did not read."""
    finding = next(f for f in evaluate_box8("RVC 4O%").findings if f.code == "rvc-partly-read-below-threshold")
    expected = ("AJCEP/ART/26", "RVC 4O%", Decimal("4"), Decimal("40"), ("O",))
    facts = finding.facts
    assert expected == (
        finding.rule,
        facts["origin_criterion"],
        facts["rvc_percent"],
        facts["threshold"],
        facts["unrecognised"],
    )


def test_rvc_read_in_part_below_a_product_specific_rule_warns() -> None:
    """Art 26.3 with IR 4(a): the same doubt below a product-specific rule's percentage warns, never denies."""
    assert [("rvc-partly-read-below-threshold", WARNING, 1)] == [
        f for f in _with_table("RVC 4 5%", _row("RVC 50 or CC")) if f[0] != "origin-criterion-partly-unrecognised"
    ]
