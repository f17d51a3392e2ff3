"""The catalogue tells the truth: every finding roo reports has the code, severity and citation `roo rules` lists.

Issue 15 part 6. A finding's severity is its spec's default, or one of the
cases the spec declares (:class:`roo.rules.base.SeverityCase`), which the
catalogue lists with when they apply. The corpus is the pinned snapshot of
every finding code (tests/snapshots/findings.json: one certificate and
context per code, taken from roo's own tests) and of every origin
determination (tests/snapshots/determinations.json): each case is evaluated
again and every finding it gives, not only the one it pins, is checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

import pytest

import roo
from roo import catalogue
from roo.evaluation import Finding, Severity
from roo.rules import RULESETS
from roo.rules.base import FindingCase, FindingSpec

SNAPSHOTS: Final = Path(__file__).resolve().parent / "snapshots"
CASES: Final[dict[str, dict[str, Any]]] = json.loads((SNAPSHOTS / "findings.json").read_text(encoding="utf-8"))[
    "codes"
]
GOODS: Final[dict[str, dict[str, Any]]] = json.loads(
    (SNAPSHOTS / "determinations.json").read_text(encoding="utf-8")
)["codes"]

#: What ``roo rules`` lists for each code a rule reports.
LISTED: Final = {entry.code: entry for entry, _ in catalogue.codes()}
#: The engine's own findings cite the rule concerned: any registered rule's citation.
ENGINE: Final = {entry.code: entry for entry in catalogue.engine_findings()}
RULE_CITATIONS: Final = {rule.citation for rules in RULESETS.values() for rule in rules}
#: Origin determination findings, listed once per (code, citation).
ORIGIN: Final = {(spec.code, spec.rule): catalogue.CodeEntry.of(spec) for spec in catalogue.origin_specs()}


def _untrue(finding: Finding) -> str | None:
    """What the catalogue says otherwise about ``finding``, or None when it lists it as reported."""
    if finding.code in ENGINE:
        entry = ENGINE[finding.code]
        if finding.rule not in RULE_CITATIONS:
            return f"{finding.code} cites {finding.rule}, which is no registered rule's citation"
    elif finding.code in LISTED:
        entry = LISTED[finding.code]
        if finding.rule not in entry.citations:
            return f"{finding.code} cites {finding.rule}; the catalogue lists {entry.citation_text()}"
    elif (finding.code, finding.rule) in ORIGIN:
        entry = ORIGIN[(finding.code, finding.rule)]
    else:
        return f"{finding.code} ({finding.rule}) is not in the catalogue"
    if finding.severity not in entry.severities:
        listed = entry.severity_text()
        return f"{finding.code} is reported as {finding.severity.value}; the catalogue lists {listed}"
    return None


@pytest.mark.parametrize("code", sorted(code for code, entry in CASES.items() if entry["case"] is not None))
def test_every_finding_of_a_pinned_case_is_as_listed(code: str) -> None:
    case = CASES[code]["case"]
    evaluation = roo.evaluate(roo.load(case["certificate"]), roo.load_context(case["context"]))
    assert code in {finding.code for finding in evaluation.findings}
    untrue = [problem for problem in map(_untrue, evaluation.findings) if problem]
    assert not untrue, untrue


@pytest.mark.parametrize("code", sorted(GOODS))
def test_every_finding_of_a_pinned_determination_is_as_listed(code: str) -> None:
    from roo.origin import determine, load_good
    from roo.origin.psr import load_psr

    case = GOODS[code]["case"]
    psr = load_psr(case["psr"]) if case["psr"] is not None else None
    determination = determine(load_good(case["good"]), psr, parameters=case["parameters"])
    untrue = [problem for problem in map(_untrue, determination.findings) if problem]
    assert not untrue, untrue


def test_every_code_the_catalogue_lists_is_pinned_by_a_case_or_its_template() -> None:
    """Every listed code is in the snapshot, so the tests above cover every code that a case reaches."""
    assert set(LISTED) | set(ENGINE) <= set(CASES)


# --- the severities that depend on the case -------------------------------------------------------------------


def test_the_catalogue_lists_each_case_of_a_severity() -> None:
    """``roo rules`` shows rvc-below-general-rule as an error, and as a warning with when (JSON and text)."""
    entry = LISTED["rvc-below-general-rule"]
    assert entry.severity is Severity.ERROR
    assert [case.severity for case in entry.cases] == [Severity.WARNING]
    (listed,) = [
        finding
        for rule in catalogue.to_dict("AJCEP")["rules"]
        for finding in rule["findings"]
        if finding["code"] == "rvc-below-general-rule"
    ]
    assert listed["cases"] == [{"severity": "warning", "citation": entry.citation, "when": entry.cases[0].when}]
    assert f"warning rvc-below-general-rule {entry.cases[0].when}" in catalogue.text("AJCEP")
    assert f"| `rvc-below-general-rule` | error; warning {entry.cases[0].when} |" in catalogue.markdown()


def _jiepa_items(*invoices: dict[str, Any] | None) -> dict[str, Any]:
    from tests.builders import certificate_data, item_data

    items = [item_data(number, invoice=invoice) for number, invoice in enumerate(invoices, start=1)]
    return certificate_data(scheme="JIEPA", items=items)


def _severity_of(data: dict[str, Any], code: str) -> list[Severity]:
    return [finding.severity for finding in roo.evaluate(data).findings if finding.code == code]


def test_jiepa_invoice_missing_is_a_warning_when_the_co_gives_no_invoice() -> None:
    """JIEPA Art 41(1): the CO includes the minimum data of Annex 3, which roo has not read; no text roo can cite
    makes the invoice number mandatory, so none at all warns (the catalogue lists one severity)."""
    assert _severity_of(_jiepa_items(None), "jiepa-invoice-missing") == [Severity.WARNING]
    assert (Severity.WARNING, ()) == (LISTED["jiepa-invoice-missing"].severity, LISTED["jiepa-invoice-missing"].cases)


def test_jiepa_invoice_missing_is_a_warning_when_the_only_invoice_is_on_another_item() -> None:
    """The CO's one invoice number, printed on item 1, is taken to cover item 2: a warning as well."""
    severities = _severity_of(_jiepa_items({"number": "INV-1", "date": "2024-02-28"}, None), "jiepa-invoice-missing")
    assert severities == [Severity.WARNING]


def test_rvc_below_threshold_warns_when_box8_also_claims_another_criterion() -> None:
    """AJCEP Art 26(1): RVC of at least 40% or CTH; a CO claiming both may rest its origin on the CTH."""
    from tests.builders import certificate_data, item_data

    alone = certificate_data(items=[item_data(1, origin_criterion="RVC 30%")])
    with_cth = certificate_data(items=[item_data(1, origin_criterion="RVC 30%, CTH")])
    assert _severity_of(alone, "rvc-below-general-rule") == [Severity.ERROR]
    assert _severity_of(with_cth, "rvc-below-general-rule") == [Severity.WARNING]
    assert LISTED["rvc-below-general-rule"].severities == {Severity.ERROR, Severity.WARNING}


def test_a_severity_no_case_declares_is_refused() -> None:
    """A rule cannot report a severity the catalogue would not list: ``with_severity`` refuses it."""
    case = FindingCase("when y", Severity.WARNING, "AJCEP/IR/3(c)(i)")
    spec = FindingSpec("example-code", "AJCEP/IR/3(c)", Severity.ERROR, "x", (case,))
    assert spec.with_severity(Severity.WARNING, 1).severity is Severity.WARNING
    assert spec.with_severity(Severity.ERROR, 1).severity is Severity.ERROR
    assert spec.citing("AJCEP/IR/3(c)(i)", 1).rule == "AJCEP/IR/3(c)(i)"
    with pytest.raises(ValueError, match=r"^example-code: severity info is not declared in the spec's cases$"):
        spec.with_severity(Severity.INFO, 1)
    with pytest.raises(ValueError, match=r"^example-code: citation AJCEP/IR/3\(d\) is not declared in the spec's cases$"):
        spec.citing("AJCEP/IR/3(d)", 1)


def test_a_finding_at_another_severity_or_citation_is_worded_as_the_spec_words_it() -> None:
    """``with_severity`` and ``citing`` change only the severity or the citation: the message names the item and
    takes the plural form when the count fact counts more than one, as the spec's own findings do."""
    case = FindingCase("when y", Severity.WARNING, "AJCEP/IR/3(c)(i)")
    spec = FindingSpec("example-code", "AJCEP/IR/3(c)", Severity.ERROR, "{n} mark is missing.", (case,),
                       plural="{n} marks are missing.", count="n")
    for make in (spec, lambda *a, **f: spec.with_severity(Severity.WARNING, *a, **f),
                 lambda *a, **f: spec.citing("AJCEP/IR/3(c)(i)", *a, **f)):
        assert make(2, n=1).message == "Item 2: 1 mark is missing."
        assert make(2, n=3).message == "Item 2: 3 marks are missing."
        assert make(None, n=3).message == "3 marks are missing."


def test_the_waiver_cites_the_paragraph_whose_amount_applied_as_the_catalogue_lists() -> None:
    """AJCEP IR 6(a): (i) sets Japan's limit on the customs value, (ii) an ASEAN Member State's on the FOB value."""
    entry = LISTED["co-waived"]
    assert {"AJCEP/IR/6(a)(i)", "AJCEP/IR/6(a)(ii)"} <= entry.citations
    assert "`AJCEP/IR/6(a)(i)` for an import into Japan" in entry.citation_text()


def test_every_waiver_limit_cites_a_case_its_finding_declares() -> None:
    """A waiver finding cites the paragraph whose amount applied; each such citation is a declared case, so
    the catalogue lists it and ``citing`` never refuses it during an evaluation."""
    from roo.rules.ajcep import ir06_waiver
    from roo.rules.jiepa import art40_waiver

    for terms in (ir06_waiver.TERMS, art40_waiver.TERMS):
        entry = catalogue.CodeEntry.of(terms.waived)
        for limit in terms.limits:
            assert limit.citation is None or limit.citation in entry.citations, limit
