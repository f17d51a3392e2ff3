"""JIEPA Arts 29-31: the origin criterion — readable; de minimis only under a product-specific rule; bilateral ACU."""

from __future__ import annotations

from typing import Any

import pytest

import roo
from roo.context import AccumulationDocument, AccumulationDocumentKind, Context
from roo.evaluation import Outcome, Severity
from roo.rules.ajcep import art26_origin_criterion as art26
from roo.rules.jiepa import art29_origin_criterion as art29
from tests.rules.jiepa.helpers import jiepa, jiepa_item


def claimed(criterion: str) -> roo.Certificate:
    """A JIEPA CO whose item 1 states ``criterion``."""
    return jiepa(items=[jiepa_item(1, origin_criterion=criterion)])


def run(check: Any, co: roo.Certificate, ctx: Context | None = None) -> tuple[Outcome, list[tuple[str, Severity]]]:
    """A check's outcome and findings (code, severity) for item 1."""
    result = check(co.items[0], co, ctx or Context())
    return result.outcome, [(f.code, f.severity) for f in result.findings]


@pytest.mark.parametrize(
    "criterion",
    ["WO", "PE", "PSR", "CTH", "CTSH", "CC", "CTC", "QVC 40%", "40% QVC", "SP", "PSR, DMI", "PSR, ACU"],
)
def test_readable_criteria(criterion: str) -> None:
    """WO, PE, PSR and the forms of a product-specific rule are read."""
    assert (Outcome.PASSED, []) == run(art29.check_criterion_readable, claimed(criterion))


@pytest.mark.parametrize(
    "criterion",
    [
        pytest.param("Q.V.C. 40%", id="Q.V.C. 40%"),
        pytest.param("Q.V.C 40%", id="Q.V.C 40%"),
        pytest.param("P.E.", id="P.E."),
        pytest.param("W.O.", id="W.O."),
        pytest.param("P.S.R.", id="P.S.R."),
        pytest.param("C.T.H., D.M.I.", id="C.T.H., D.M.I."),
    ],
)
def test_the_agreements_own_dotted_notation_is_read(criterion: str) -> None:
    """Art 29(4)(b) writes the qualifying value content "Q.V.C.": that notation, and dotted codes, state a criterion.

    Regression: "Q.V.C. 40%", "Q.V.C 40%", "P.E." and "W.O." were unreadable and denied the item.
    """
    co = claimed(criterion)
    assert (Outcome.PASSED, []) == run(art29.check_criterion_readable, co)
    assert (1,) == roo.evaluate(co).granted


@pytest.mark.parametrize(
    "criterion",
    [pytest.param("", id="empty"), pytest.param("ORIGINATING", id="unknown-word"), pytest.param("DMI", id="flag-only")],
)
def test_unreadable_criterion_denies_the_item(criterion: str) -> None:
    """Text that states no criterion leaves the item without an origin claim: an error on that item."""
    expected = (Outcome.FAILED, [("jiepa-origin-criterion-unreadable", Severity.ERROR)])
    assert expected == run(art29.check_criterion_readable, claimed(criterion))


@pytest.mark.parametrize(
    "criterion",
    [pytest.param('"PSR"', id="quoted"), pytest.param("Wholly Obtained", id="in-words"), pytest.param("CTC (CTH)", id="bracketed")],
)
def test_quotes_brackets_and_words_are_read(criterion: str) -> None:
    """Quotation marks, brackets and criteria written in words read as their codes, as under AJCEP."""
    assert (Outcome.PASSED, []) == run(art29.check_criterion_readable, claimed(criterion))


def test_unknown_words_beside_a_criterion_only_warn() -> None:
    """A criterion roo reads beside words it cannot: the claim stands, the rest is a warning."""
    expected = (Outcome.PASSED, [("jiepa-origin-criterion-partly-unrecognised", Severity.WARNING)])
    assert expected == run(art29.check_criterion_readable, claimed("PSR, XYZ"))


@pytest.mark.parametrize(
    ("criterion", "expected"),
    [
        pytest.param("PSR, DMI", (Outcome.PASSED, []), id="psr-may-set-a-percentage"),
        pytest.param("CTH, DMI", (Outcome.PASSED, []), id="change-of-heading"),
        pytest.param("SP, DMI", (Outcome.PASSED, []), id="specific-process-rule"),
        pytest.param(
            "WO, DMI", (Outcome.PASSED, [("jiepa-de-minimis-without-rule", Severity.WARNING)]), id="wholly-obtained"
        ),
        pytest.param(
            "QVC 40%, DMI", (Outcome.PASSED, [("jiepa-de-minimis-without-rule", Severity.WARNING)]), id="value-only"
        ),
        pytest.param("PSR", (Outcome.NOT_APPLICABLE, []), id="no-dmi"),
    ],
)
def test_de_minimis_only_within_a_rule(criterion: str, expected: Any) -> None:
    """DMI beside WO, PE or a value content alone has no effect: a warning, never a denial (Art 31)."""
    assert expected == run(art29.check_de_minimis, claimed(criterion))


def test_de_minimis_terms_differ_from_ajcep() -> None:
    """The shared check reads each scheme's terms: SP with DMI passes under JIEPA and is flagged under AJCEP."""
    co = claimed("SP, DMI")
    ajcep = art26.check_de_minimis(co.items[0], co, Context())
    assert ((Outcome.PASSED, []), ["de-minimis-without-ctc"]) == (
        run(art29.check_de_minimis, co),
        [f.code for f in ajcep.findings],
    )


def material_co(party: str | None, item: int = 1) -> AccumulationDocument:
    """A CO for a material accumulated in item ``item``, issued by ``party``."""
    return AccumulationDocument(AccumulationDocumentKind.MATERIAL_CERTIFICATE, item, "MAT-1", exporting_party=party)


@pytest.mark.parametrize(
    ("documents", "expected"),
    [
        pytest.param((material_co("JP"),), (Outcome.PASSED, []), id="materials-of-japan"),
        pytest.param((material_co("jp "),), (Outcome.PASSED, []), id="party-code-spacing-and-case"),
        pytest.param(
            (material_co("JP"), material_co("TH")),
            (Outcome.PASSED, [("jiepa-accumulation-not-bilateral", Severity.WARNING)]),
            id="materials-of-thailand-not-accumulated",
        ),
    ],
)
def test_accumulation_is_bilateral(documents: tuple[AccumulationDocument, ...], expected: Any) -> None:
    """Only originating goods of the other Party accumulate; a third country's material CO is a warning."""
    assert expected == run(art29.check_accumulation, claimed("PSR, ACU"), Context(accumulation_documents=documents))


def test_accumulation_finding_names_the_countries_and_the_other_party() -> None:
    """The warning names the third countries and the Party whose goods do accumulate."""
    co = claimed("CTH, ACU")
    ctx = Context(accumulation_documents=(material_co("TH"), material_co("VN"), material_co("TH")))
    (finding,) = art29.check_accumulation(co.items[0], co, ctx).findings
    expected = ("JIEPA/ART/30(1)", ("TH", "VN"), "JP")
    assert expected == (finding.rule, finding.facts["countries"], finding.facts["other_party"])


@pytest.mark.parametrize(
    ("criterion", "documents", "expected"),
    [
        pytest.param("PSR", (), (Outcome.NOT_APPLICABLE, ()), id="no-acu"),
        pytest.param("PSR, ACU", (), (Outcome.NOT_EVALUATED, ("context.accumulation_documents",)), id="no-documents"),
        pytest.param(
            "PSR, ACU",
            (material_co("TH", item=2),),
            (Outcome.NOT_EVALUATED, ("context.accumulation_documents",)),
            id="documents-for-another-item",
        ),
        pytest.param(
            "PSR, ACU",
            (AccumulationDocument(AccumulationDocumentKind.INVOICE, 1, "INV-9"),),
            (Outcome.NOT_EVALUATED, ("context.accumulation_documents.exporting_party",)),
            id="documents-without-a-country",
        ),
    ],
)
def test_accumulation_not_evaluated_without_documents(
    criterion: str, documents: tuple[AccumulationDocument, ...], expected: Any
) -> None:
    """Without documents naming where the materials come from, roo cannot tell."""
    co = claimed(criterion)
    result = art29.check_accumulation(co.items[0], co, Context(accumulation_documents=documents))
    assert expected == (result.outcome, result.needed)
