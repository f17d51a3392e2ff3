"""JIEPA Art 41: the form — reference number, certification, declaration, third-country invoice, invoices."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.jiepa import art41_form
from tests.rules.jiepa.helpers import jiepa, jiepa_item

CLEAN = jiepa()
SINGAPORE_TRADER = {"name": "Kopi Asia Trading Pte Ltd", "address": "10 Anson Road, Singapore 079903", "country": "SG"}


def codes(result: roo.rules.base.Result) -> list[tuple[str, Severity, int | None]]:
    """The findings of a result as (code, severity, item)."""
    return [(f.code, f.severity, f.item) for f in result.findings]


@pytest.mark.parametrize(
    ("check", "changes", "expected"),
    [
        pytest.param(
            art41_form.check_reference_number,
            {"reference_number": None},
            [("jiepa-reference-number-missing", Severity.WARNING, None)],
            id="no-reference-number",
        ),
        pytest.param(
            art41_form.check_reference_number,
            {"reference_number": "   "},
            [("jiepa-reference-number-missing", Severity.WARNING, None)],
            id="blank-reference-number",
        ),
        pytest.param(
            art41_form.check_certification_signed,
            {
                "certification": {"authority": "Ministry of Trade", "signatory": "R. Hartono", "signed": False},
                "medium": "paper",
                "copy": "original",
            },
            [("jiepa-certification-unsigned", Severity.ERROR, None)],
            id="paper-certification-not-signed",
        ),
        pytest.param(
            art41_form.check_certification_signed,
            {"certification": None, "medium": "paper", "copy": "original"},
            [],
            id="paper-certification-left-out-is-not-stated",
        ),
        pytest.param(
            art41_form.check_certification_signed,
            {"certification": {"authority": "Ministry of Trade", "signatory": "R. Hartono", "signed": False}},
            [("jiepa-eco-certification-not-marked-signed", Severity.WARNING, None)],
            id="exchanged-e-co-not-marked-signed-is-a-warning",
        ),
        pytest.param(
            art41_form.check_sheet_presented,
            {"medium": "paper", "copy": "duplicate"},
            [("jiepa-co-sheet-not-original", Severity.WARNING, None)],
            id="duplicate-sheet-is-flagged-not-denied",
        ),
        pytest.param(
            art41_form.check_certification_signatory,
            {"certification": {"authority": "Ministry of Trade", "signatory": "", "signed": True}},
            [("jiepa-certification-signatory-missing", Severity.INFO, None)],
            id="signatory-not-named-is-noted-only",
        ),
        pytest.param(
            art41_form.check_exporter_declaration,
            {"exporter_declaration": None},
            [],
            id="declaration-left-out-is-not-stated",
        ),
        pytest.param(
            art41_form.check_exporter_declaration,
            {"exporter_declaration": {"place": "Medan", "date": "2023-05-09", "signed": False}},
            [("jiepa-exporter-declaration-unsigned", Severity.WARNING, None)],
            id="declaration-unsigned-is-for-customs-to-follow-up",
        ),
    ],
)
def test_certificate_form_defects(check: Any, changes: dict[str, Any], expected: list[Any]) -> None:
    """Each certificate-level form defect is one finding on the whole CO with JIEPA's severity."""
    assert expected == codes(check(jiepa(**changes), Context()))


@pytest.mark.parametrize(
    "check",
    [
        art41_form.check_reference_number,
        art41_form.check_certification_signed,
        art41_form.check_certification_signatory,
        art41_form.check_exporter_declaration,
    ],
    ids=["reference-number", "certification-signed", "signatory-named", "declaration-signed"],
)
def test_clean_form_passes(check: Any) -> None:
    """The clean JIEPA e-CO passes every form check without findings."""
    result = check(CLEAN, Context())
    assert (Outcome.PASSED, ()) == (result.outcome, result.findings)


def test_findings_name_no_box() -> None:
    """roo does not know the JIEPA forms box by box, so JIEPA findings carry no box or form facts."""
    paper = jiepa(
        certification={"authority": "Ministry of Trade", "signed": False}, medium="paper", copy="original"
    )
    (finding,) = art41_form.check_certification_signed(paper, Context()).findings
    assert {"certification_present": True} == dict(finding.facts)


@pytest.mark.parametrize(
    ("changes", "expected", "outcome"),
    [
        pytest.param(
            {"third_country_invoicing": True, "third_country_invoicer": SINGAPORE_TRADER},
            [("jiepa-third-country-invoicing-allowed", Severity.INFO, None)],
            Outcome.PASSED,
            id="indicated-with-invoicer-allowed-under-se-05-bc-2010",
        ),
        pytest.param(
            {"third_country_invoicing": True, "third_country_invoicer": dict(SINGAPORE_TRADER, address="")},
            [("jiepa-third-country-invoicer-missing", Severity.WARNING, None)],
            Outcome.PASSED,
            id="indicated-without-the-invoicers-address",
        ),
        pytest.param(
            {"third_country_invoicing": False, "third_country_invoicer": SINGAPORE_TRADER},
            [("jiepa-third-country-invoicing-not-indicated", Severity.WARNING, None)],
            Outcome.PASSED,
            id="invoicer-in-singapore-not-indicated",
        ),
        pytest.param(
            {"third_country_invoicer": dict(SINGAPORE_TRADER, country="ID")},
            [],
            Outcome.PASSED,
            id="invoicer-in-the-exporting-party",
        ),
        pytest.param({}, [], Outcome.NOT_APPLICABLE, id="no-third-country-invoice"),
    ],
)
def test_third_country_invoicing_is_allowed(changes: dict[str, Any], expected: list[Any], outcome: Outcome) -> None:
    """Third-country invoicing is allowed under JIEPA; incomplete indications are warnings, never denials."""
    result = art41_form.check_third_country_invoicing(jiepa(**changes), Context())
    assert (outcome, expected) == (result.outcome, codes(result))


def test_third_country_invoice_never_denies() -> None:
    """Through roo.evaluate an unindicated third-country invoicer leaves the CO accepted."""
    co = jiepa(third_country_invoicer=SINGAPORE_TRADER)
    assert roo.Status.ACCEPTED == roo.evaluate(co).status


def test_invoicer_country_unknown_is_not_evaluated() -> None:
    """Without the invoicer's country roo cannot tell whether the invoice is a third country's."""
    co = jiepa(third_country_invoicer=dict(SINGAPORE_TRADER, country=None))
    result = art41_form.check_third_country_invoicing(co, Context())
    assert ("certificate.third_country_invoicer.country",) == result.needed


@pytest.mark.parametrize(
    ("invoice", "expected"),
    [
        pytest.param({"number": "INV/GYO/2023/0042", "date": "2023-05-08"}, [], id="number-and-date"),
        pytest.param(
            {"number": "INV/GYO/2023/0042", "date": None},
            [("jiepa-invoice-date-missing", Severity.WARNING, 2)],
            id="date-missing-warning",
        ),
        pytest.param(
            {"number": " ", "date": "2023-05-08"},
            [("jiepa-invoice-missing", Severity.WARNING, 2)],
            id="blank-beside-the-cos-single-invoice",
        ),
        pytest.param(
            None, [("jiepa-invoice-missing", Severity.WARNING, 2)], id="no-invoice-beside-the-cos-single-invoice"
        ),
    ],
)
def test_invoice_for_each_item(invoice: dict[str, Any] | None, expected: list[Any]) -> None:
    """Each item shows its invoice number and date; beside the CO's only invoice a missing number only warns."""
    co = jiepa(items=[jiepa_item(1), jiepa_item(2, invoice=invoice)])
    assert expected == codes(art41_form.check_item_invoice(co.items[1], co, Context()))


def test_item_without_invoice_among_several_invoices_is_warned_not_denied() -> None:
    """Art 41(1): the CO "shall include minimum data specified in Annex 3" (paraphrased); Annex 3 is not in the
    texts roo reads, so no text roo can cite makes the item's invoice number mandatory. With two invoices on the
    CO, the item printed without one is warned (customs may match it to its invoice) and every item is granted.
    Before, that item was denied."""
    other = {"number": "INV/GYO/2023/0043", "date": "2023-05-08"}
    co = jiepa(items=[jiepa_item(1), jiepa_item(2, invoice=other), jiepa_item(3, invoice=None)])
    evaluation = roo.evaluate(co)
    missing = [(f.severity, f.item) for f in evaluation.findings if f.code == "jiepa-invoice-missing"]
    assert (roo.Status.ACCEPTED, (1, 2, 3), [(Severity.WARNING, 3)]) == (
        evaluation.status,
        evaluation.granted,
        missing,
    )


def test_no_invoice_number_anywhere_on_the_co_is_warned_not_denied() -> None:
    """The boundary: not one item shows an invoice number. Still only Annex 3 (unread) would require it: a
    warning on each item, no denial."""
    co = jiepa(items=[jiepa_item(1, invoice=None), jiepa_item(2, invoice=None)])
    evaluation = roo.evaluate(co)
    missing = [(f.severity, f.item) for f in evaluation.findings if f.code == "jiepa-invoice-missing"]
    assert (roo.Status.ACCEPTED, [(Severity.WARNING, 1), (Severity.WARNING, 2)]) == (evaluation.status, missing)


def test_a_co_without_reference_number_is_warned_not_rejected() -> None:
    """The reference number, too, is a particular only Annex 3 (unread) or the Operational Procedures' format
    (Art 41(4), Art 50, unread) would require: the CO is warned, not rejected. Before, it was rejected."""
    evaluation = roo.evaluate(jiepa(reference_number=None))
    found = [(f.code, f.severity) for f in evaluation.findings if f.code == "jiepa-reference-number-missing"]
    assert (roo.Status.ACCEPTED, [("jiepa-reference-number-missing", Severity.WARNING)]) == (
        evaluation.status,
        found,
    )


def test_single_invoice_printed_on_the_first_item_only_denies_nothing() -> None:
    """A CO showing its one invoice on item 1 only: the other items are taken to share it (a warning each)."""
    co = jiepa(items=[jiepa_item(1), jiepa_item(2, invoice=None), jiepa_item(3, invoice=None)])
    evaluation = roo.evaluate(co)
    missing = [(f.severity, f.item) for f in evaluation.findings if f.code == "jiepa-invoice-missing"]
    expected = (roo.Status.ACCEPTED, [(Severity.WARNING, 2), (Severity.WARNING, 3)])
    assert expected == (evaluation.status, missing)


def test_exchanged_e_co_without_signature_mark_keeps_its_preference() -> None:
    """Art 41(9) specimen signatures serve to check a paper CO's signature; an e-CO comes from the issuing body's
    system to NACCS (Japan Customs' model of the exchange: authenticity of CO data is ensured), so a missing
    signature mark in its data is a warning, never a denial."""
    import roo

    co = jiepa(certification={"authority": "Ministry of Trade", "signatory": "R. Hartono", "signed": False})
    evaluation = roo.evaluate(co, on=date(2023, 7, 3))
    assert "jiepa-eco-certification-not-marked-signed" in [f.code for f in evaluation.findings]
    assert 1 in evaluation.granted


@pytest.mark.parametrize(("sheet", "flagged"), [("original", False), ("duplicate", True), ("triplicate", True)])
def test_which_sheet_is_presented_is_unverified(sheet: str, flagged: bool) -> None:
    """The Agreement does not say which sheet the importer presents (Operational Procedures under Art 50, not
    read): a duplicate is flagged for customs, never denied on that ground."""
    result = art41_form.check_sheet_presented(jiepa(medium="paper", copy=sheet), Context())
    assert ([("jiepa-co-sheet-not-original", Severity.WARNING, None)] if flagged else []) == codes(result)


STAMP_CERTIFICATION = {"authority": "Ministry of Trade", "signatory": "R. Hartono", "place": "Jakarta", "signed": True}


@pytest.mark.parametrize(
    ("medium", "certification", "expected"),
    [
        pytest.param("paper", dict(STAMP_CERTIFICATION, sealed=True), (Outcome.PASSED, []), id="paper-stamped"),
        pytest.param(
            "paper",
            dict(STAMP_CERTIFICATION, sealed=False),
            (Outcome.PASSED, [("jiepa-certification-not-stamped", Severity.WARNING, None)]),
            id="paper-not-stamped-warns",
        ),
        pytest.param(
            "paper", dict(STAMP_CERTIFICATION, sealed=None), (Outcome.NOT_EVALUATED, []), id="stamp-not-stated"
        ),
        pytest.param(
            "paper",
            dict(STAMP_CERTIFICATION, signed=False, sealed=False),
            (Outcome.NOT_APPLICABLE, []),
            id="unsigned-is-the-signature-check's",
        ),
        pytest.param(
            "electronic", dict(STAMP_CERTIFICATION, sealed=False), (Outcome.NOT_APPLICABLE, []), id="e-co-has-no-stamp"
        ),
    ],
)
def test_paper_co_stamp(medium: str, certification: dict[str, Any], expected: tuple[Outcome, list[Any]]) -> None:
    """Art 41(9): the exporting Party provides the specimen signatures and impressions of stamps of its issuing
    offices (paraphrased), the same kind of sentence as AJCEP IR 13. A signed paper CO without the stamp cannot be
    compared with the specimens: a warning, as under AJCEP, never a denial (no text makes it invalid); before,
    roo said nothing of the stamp under JIEPA."""
    co = jiepa(medium=medium, copy="original" if medium == "paper" else None, certification=certification)
    result = art41_form.check_stamp(co, Context())
    assert expected == (result.outcome, codes(result))
    if expected[0] is Outcome.NOT_EVALUATED:
        assert ("certificate.certification.sealed",) == result.needed


def test_unstamped_paper_co_keeps_its_preference() -> None:
    """The stamp warns and denies nothing, through the engine (Art 41(9); AJCEP IR 13 and 4(a) alike)."""
    co = jiepa(medium="paper", copy="original", certification=dict(STAMP_CERTIFICATION, sealed=False))
    evaluation = roo.evaluate(co, on=date(2023, 7, 3))
    assert [("jiepa-certification-not-stamped", Severity.WARNING)] == [
        (f.code, f.severity) for f in evaluation.findings if f.code == "jiepa-certification-not-stamped"
    ]
    assert 1 in evaluation.granted


def altered(*alterations: dict[str, Any]) -> roo.Certificate:
    """A paper JIEPA CO with two items and ``alterations``."""
    return jiepa(medium="paper", copy="original", items=[jiepa_item(1), jiepa_item(2)], alterations=list(alterations))


@pytest.mark.parametrize(
    ("alteration", "expected"),
    [
        pytest.param(
            {"box": 7, "method": "strike_out", "approved_by_signatory": True, "certified_by_authority": True},
            [],
            id="authenticated-strike-out",
        ),
        pytest.param({"box": 7, "method": "strike_out"}, [], id="strike-out-authentication-not-stated-is-not-flagged"),
        pytest.param(
            {"box": 7, "method": "strike_out", "approved_by_signatory": False, "certified_by_authority": True},
            [("jiepa-alteration-not-authenticated", Severity.WARNING, None)],
            id="strike-out-not-approved",
        ),
        pytest.param(
            {"box": 7, "method": "strike_out", "approved_by_signatory": True, "certified_by_authority": False},
            [("jiepa-alteration-not-authenticated", Severity.WARNING, None)],
            id="strike-out-not-certified",
        ),
        pytest.param(
            {"box": 7, "method": "erasure"},
            [("jiepa-alteration-not-authenticated", Severity.WARNING, None)],
            id="erasure",
        ),
        pytest.param(
            {"box": 9, "method": "superimposition", "item": 2},
            [("jiepa-alteration-not-authenticated", Severity.WARNING, 2)],
            id="superimposition-on-item-2-concerns-item-2",
        ),
        pytest.param(
            {"box": 9, "method": "erasure", "item": 7},
            [("jiepa-alteration-not-authenticated", Severity.WARNING, None)],
            id="unknown-item-is-the-whole-co's",
        ),
    ],
)
def test_alterations_are_flagged_not_denied(alteration: dict[str, Any], expected: list[Any]) -> None:
    """The Agreement says nothing of how a CO is corrected; that belongs to the Operational Procedures (Art 50),
    not read. AJCEP IR 4(b) forbids erasures and superimpositions and admits only an approved and certified
    strike-out (an error there); under JIEPA the same alterations warn, naming that doubt, and never deny."""
    result = art41_form.check_alterations(altered(alteration), Context())
    assert (Outcome.PASSED, expected) == (result.outcome, codes(result))


def test_an_erased_jiepa_co_keeps_its_preference() -> None:
    """Through the engine: the warning denies no item (Art 50, procedures not read)."""
    evaluation = roo.evaluate(altered({"box": 7, "method": "erasure"}), on=date(2023, 7, 3))
    assert "jiepa-alteration-not-authenticated" in [f.code for f in evaluation.findings]
    assert (1, 2) == evaluation.granted
