"""The same kind of requirement, different severities: each difference pinned with the sentence behind it.

Rules of different schemes (and of one scheme) often rest on the same kind of sentence: the HS subheading at
six digits, the exporter's declaration, the "Issued Retroactively" mark, the HS edition, proof of transit.
Where their severities differ, the module docstrings say why; these tests pin each difference through the
public API, so that a change on one side shows up beside the other. Each side also has its own module tests at
the boundaries.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from tests.builders import PRESENTED_ON, certificate, item_data
from tests.rules.id_motr_16_2024.helpers import ON as MOTR_ON
from tests.rules.id_motr_16_2024.helpers import motr, motr_item
from tests.rules.jiepa.helpers import jiepa, jiepa_data, jiepa_item

ERROR = roo.Severity.ERROR
WARNING = roo.Severity.WARNING

Seen = list[tuple[str, roo.Severity, int | None]]


def found(evaluation: roo.Evaluation, *codes: str) -> Seen:
    """The findings with one of ``codes``, as (code, severity, item)."""
    return [(f.code, f.severity, f.item) for f in evaluation.findings if f.code in codes]


def declaring(hs_code: str) -> dict[str, Any]:
    """An import declaration claiming under CO item 1 with ``hs_code`` (otherwise as the clean AJCEP CO)."""
    line = {
        "certificate_item": 1,
        "hs_code": hs_code,
        "description": "Frozen shrimp, peeled",
        "quantity": {"value": "4000", "unit": "KGM"},
    }
    return {"declaration": {"items": [line]}}


# --- HS subheading at six digits: AJCEP IR 12 ("is to be") against form note 5 ("should") and JIEPA --------------

HS_CODES = ("hs-code-not-six-digits", "declared-hs-subheading-differs", "jiepa-hs-code-not-six-digits")


@pytest.mark.parametrize(
    ("co_code", "declared_code", "expected", "status"),
    [
        pytest.param("030617", "030617", [], roo.Status.ACCEPTED, id="six-digits-same-as-declared"),
        pytest.param(
            "030616",
            "030617",
            [("declared-hs-subheading-differs", WARNING, 1)],
            roo.Status.ACCEPTED,
            id="six-digits-other-subheading-note-5-should-warns",
        ),
        pytest.param(
            "03061",
            "030617",
            [("hs-code-not-six-digits", ERROR, 1)],
            roo.Status.REJECTED,
            id="five-digits-ir-12-denies",
        ),
        pytest.param(
            "0306", "030617", [("hs-code-not-six-digits", ERROR, 1)], roo.Status.REJECTED, id="heading-ir-12-denies"
        ),
    ],
)
def test_ajcep_six_digit_level_denies_but_another_subheading_warns(
    co_code: str, declared_code: str, expected: Seen, status: roo.Status
) -> None:
    """IR 12: the HS number "is to be indicated" at the six-digit level (mandatory, as IR 3(c), 3(e), 5(a), 9);
    form note 5: it "should" be the importing Party's classification. A code short of six digits fails IR 12
    and leaves the origin claim uncheckable against its six-digit rule (not a minor error, IR 4(a)'s proviso); a
    six-digit code the declaration classifies elsewhere fails only note 5's "should" and stays verifiable."""
    evaluation = roo.evaluate(
        certificate(items=[item_data(1, hs_code=co_code, hs_version=None)]), declaring(declared_code), on=PRESENTED_ON
    )
    assert (expected, status) == (found(evaluation, *HS_CODES), evaluation.status)


def test_jiepa_code_short_of_six_digits_warns_where_ajcep_denies() -> None:
    """JIEPA Art 41(1): the CO includes the minimum data of Annex 3 (paraphrased), which roo has not read, so no
    JIEPA text roo can cite sets the six-digit level: the same code that AJCEP IR 12 denies only warns."""
    ajcep = roo.evaluate(certificate(items=[item_data(1, hs_code="0306")]), on=PRESENTED_ON)
    jiepa_evaluation = roo.evaluate(jiepa(items=[jiepa_item(1, hs_code="0901")]), on=date(2023, 5, 20))
    assert [("hs-code-not-six-digits", ERROR, 1)] == found(ajcep, *HS_CODES)
    assert [("jiepa-hs-code-not-six-digits", WARNING, 1)] == found(jiepa_evaluation, *HS_CODES)


# --- The exporter's declaration, unsigned ---------------------------------------------------------------------

UNSIGNED = {"place": "Surabaya", "date": "2024-03-04", "signed": False}
DECLARATION_CODES = (
    "exporter-declaration-unsigned",
    "jiepa-exporter-declaration-unsigned",
    "motr-exporter-statement-unsigned",
)


def test_unsigned_exporter_declaration_denies_only_under_ajcep() -> None:
    """AJCEP IR 3(e): the declaration "is to be completed by the exporter", whose signature "may be autographed
    or electronically printed" (the Rule presumes it): an error. JIEPA: only Annex 3 (not read) would require the
    declaration: a warning. MoTR 16/2024 Art 9(g), as summarised, asks for a statement and says nothing of a
    signature: a warning."""
    ajcep = roo.evaluate(certificate(exporter_declaration=UNSIGNED), on=PRESENTED_ON)
    jiepa_evaluation = roo.evaluate(jiepa(exporter_declaration=UNSIGNED), on=date(2023, 5, 20))
    motr_evaluation = roo.evaluate(motr(exporter_declaration=UNSIGNED, items=[motr_item(1)]), on=MOTR_ON)
    assert [("exporter-declaration-unsigned", ERROR, None)] == found(ajcep, *DECLARATION_CODES)
    assert [("jiepa-exporter-declaration-unsigned", WARNING, None)] == found(jiepa_evaluation, *DECLARATION_CODES)
    assert [("motr-exporter-statement-unsigned", WARNING, None)] == found(motr_evaluation, *DECLARATION_CODES)
    assert roo.Status.REJECTED == ajcep.status


# --- The "Issued Retroactively" mark: IR 7's "necessary" against note 7's and note 8's "should" -------------------

TICK_CODES = ("retroactive-box-not-ticked", "jiepa-retroactive-box-not-ticked", "third-country-invoicing-not-indicated")


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        pytest.param("2024-03-07", [], id="day-3-in-time-no-mark-needed"),
        pytest.param("2024-03-08", [("retroactive-box-not-ticked", ERROR, None)], id="day-4-unmarked-denies"),
    ],
)
def test_ajcep_retroactive_mark_is_necessary(issued: str, expected: Seen) -> None:
    """IR 7: for a CO issued later than three days after shipment "it is necessary to tick the box marked
    'Issued Retroactively'" (the Rule's own word, not a form note's "should"): an error on day 4, nothing on
    day 3."""
    evaluation = roo.evaluate(certificate(issue_date=issued), on=PRESENTED_ON)
    assert expected == found(evaluation, *TICK_CODES)


def test_jiepa_retroactive_mark_warns_where_ajcep_denies() -> None:
    """JIEPA: the mark and its periods belong to the Operational Procedures (Art 50), not read: a warning."""
    departure = dict(jiepa_data()["transport"], departure_date="2023-05-09")
    evaluation = roo.evaluate(jiepa(transport=departure, issue_date="2023-05-13"), on=date(2023, 5, 20))
    assert [("jiepa-retroactive-box-not-ticked", WARNING, None)] == found(evaluation, *TICK_CODES)


def test_ajcep_third_country_tick_only_warns() -> None:
    """Form note 7: the "Third Country Invoicing" box "should" be ticked; IR 3(d)'s indication is made by the
    invoicer named in box 7. The missing tick warns, unlike IR 7's necessary mark."""
    invoicer = {"name": "Ocean Trade Pte Ltd", "address": "1 Raffles Place, Singapore", "country": "SG"}
    evaluation = roo.evaluate(certificate(third_country_invoicer=invoicer), on=PRESENTED_ON)
    assert [("third-country-invoicing-not-indicated", WARNING, None)] == found(evaluation, *TICK_CODES)


# --- HS edition of the product-specific rules: AJCEP IR 17 ("should") against JIEPA's single switch ------------


def test_old_edition_warns_under_ajcep_and_denies_under_jiepa() -> None:
    """AJCEP IR 17 is worded "should" throughout: an item in an edition older than Annex 2's for both Parties
    warns. JIEPA's Annex 2 moved to HS2017 for both Parties on 5 February 2024, with no transitional text
    accepting HS2002 on a CO issued after it: an error on an item whose origin rests on Annex 2 (Art 29(1)(c);
    doubt recorded in the module docstring), a warning on a wholly obtained one (Art 29(1)(a) uses no Annex 2)."""
    # Both Parties' editions stated by the caller (confirmed), so the finding is not the "-unverified" one.
    editions = {"parameters": {"ajcep.annex2.hs_version.ID": "HS2017", "ajcep.annex2.hs_version.JP": "HS2017"}}
    ajcep = roo.evaluate(certificate(items=[item_data(1, hs_version="HS2002")]), editions, on=PRESENTED_ON)
    assert [("hs-edition-superseded", WARNING, 1)] == found(ajcep, "hs-edition-superseded")
    assert roo.Status.ACCEPTED == ajcep.status
    jiepa_evaluation = roo.evaluate(
        jiepa(
            issue_date="2024-02-05",
            transport=dict(jiepa_data()["transport"], departure_date="2024-02-05"),
            items=[
                jiepa_item(
                    number,
                    hs_version="HS2002",
                    origin_criterion=criterion,
                    invoice={"number": "INV/GYO/2024/0007", "date": "2024-02-01"},
                )
                for number, criterion in ((1, "PSR"), (2, "WO"))
            ],
        ),
        on=date(2024, 2, 20),
    )
    codes = ("jiepa-hs-edition-superseded", "jiepa-hs-edition-superseded-without-psr")
    assert [(codes[0], ERROR, 1), (codes[1], WARNING, 2)] == found(jiepa_evaluation, *codes)


# --- Proof of transit: MoTR 16/2024 puts it on the importer; the Agreements only let customs ask --------------


def test_missing_transit_proof_denies_under_motr_and_warns_under_ajcep() -> None:
    """MoTR 16/2024 (Arts 3-8, as summarised): the importer must prove the delivery through another country with
    that country's customs documents or other related documents: without any, an error. AJCEP OCP Rule 3(3) (and
    JIEPA Art 40(3)): the importing Party "may require" a through bill of lading or a certificate: a warning."""
    stop = {"country": "SG", "operations": ["unloading", "reloading"]}
    ajcep = roo.evaluate(
        certificate(), consignment={"direct": False, "transit": [stop], "evidence": []}, on=PRESENTED_ON
    )
    motr_stop = dict(stop, reason="no direct vessel", traded_or_consumed=False)
    motr_evaluation = roo.evaluate(
        motr(items=[motr_item(1)]), consignment={"direct": False, "transit": [motr_stop], "evidence": []}, on=MOTR_ON
    )
    assert [("transit-evidence-missing", WARNING, None)] == found(ajcep, "transit-evidence-missing")
    assert [("motr-transit-not-proven", ERROR, None)] == found(motr_evaluation, "motr-transit-not-proven")


# --- The issuing authority's stamp: AJCEP IR 13 and JIEPA Art 41(9), the same kind of sentence, the same verdict -


def test_unstamped_paper_co_warns_under_both_agreements() -> None:
    """AJCEP IR 13 and JIEPA Art 41(9) both have the exporting Party provide specimen stamps (paraphrased); neither
    makes an unstamped CO invalid. A signed paper CO without the stamp warns under both and is accepted."""
    unstamped = {"authority": "Ministry of Trade", "signatory": "R. Hartono", "signed": True, "sealed": False}
    ajcep = roo.evaluate(certificate(certification=unstamped), on=PRESENTED_ON)
    jiepa_evaluation = roo.evaluate(
        jiepa(medium="paper", copy="original", certification=unstamped), on=date(2023, 5, 20)
    )
    stamp_codes = ("certification-not-stamped", "jiepa-certification-not-stamped")
    assert [("certification-not-stamped", WARNING, None)] == found(ajcep, *stamp_codes)
    assert [("jiepa-certification-not-stamped", WARNING, None)] == found(jiepa_evaluation, *stamp_codes)
    assert (roo.Status.ACCEPTED, roo.Status.ACCEPTED) == (ajcep.status, jiepa_evaluation.status)


# --- Alterations: AJCEP IR 4(b) forbids erasures; JIEPA leaves corrections to procedures roo has not read ---------


def test_erasure_denies_under_ajcep_and_warns_under_jiepa() -> None:
    """AJCEP IR 4(b): "Neither erasures nor superimpositions are allowed on a CO": an error on the altered item.
    JIEPA: the Agreement is silent and the Operational Procedures (Art 50) are not read: a warning naming that."""
    erasure = {"box": 7, "method": "erasure", "item": 1}
    ajcep = roo.evaluate(certificate(alterations=[erasure]), on=PRESENTED_ON)
    jiepa_evaluation = roo.evaluate(jiepa(medium="paper", copy="original", alterations=[erasure]), on=date(2023, 5, 20))
    codes = ("alteration-by-erasure", "jiepa-alteration-not-authenticated")
    assert [("alteration-by-erasure", ERROR, 1)] == found(ajcep, *codes)
    assert [("jiepa-alteration-not-authenticated", WARNING, 1)] == found(jiepa_evaluation, *codes)
    assert (roo.Status.REJECTED, roo.Status.ACCEPTED) == (ajcep.status, jiepa_evaluation.status)


# --- An empty consignee box: MoTR 16/2024 Art 9 lists it; AJCEP has no such list on the importing side ----------


def test_missing_consignee_denies_under_motr_and_warns_under_ajcep() -> None:
    """MoTR 16/2024 Art 9 (as summarised): the COO contains at least (b) the importer's name and address: without
    it, an error. AJCEP: no Rule addressed to the importing side requires box 2 (IR 2 is the issuing authority's
    duty); IR 4(a) does not disregard the omission, and no text makes the CO invalid: a warning."""
    ajcep = roo.evaluate(certificate(consignee=None), on=PRESENTED_ON)
    motr_evaluation = roo.evaluate(motr(consignee=None, items=[motr_item(1)]), on=MOTR_ON)
    assert [("consignee-missing", WARNING, None)] == found(ajcep, "consignee-missing")
    assert [("motr-data-element-missing", ERROR, None, "b")] == [
        (f.code, f.severity, f.item, f.facts["element"])
        for f in motr_evaluation.findings
        if f.code == "motr-data-element-missing"
    ]
