"""JIEPA Art 29: the HS edition of the product-specific rules, HS2002 until 2024-02-04 and HS2017 from 2024-02-05."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.jiepa import art29_psr_edition as art29
from tests.rules.jiepa.helpers import jiepa, jiepa_data, jiepa_item

TRANSPORT = jiepa_data()["transport"]


def co_in(
    version: str | None, issued: str, shipped: str | None = None, retroactive: bool = False, criterion: str = "PSR"
) -> roo.Certificate:
    """A JIEPA CO issued on ``issued`` whose item, claiming ``criterion``, is in HS edition ``version``."""
    departure = shipped or issued
    return jiepa(
        issue_date=issued,
        transport=dict(TRANSPORT, departure_date=departure),
        issued_retroactively=retroactive,
        items=[jiepa_item(1, hs_version=version, origin_criterion=criterion)],
    )


def findings(co: roo.Certificate, on: date | None = None) -> tuple[Outcome, list[tuple[str, Severity]]]:
    """The rule's outcome and findings (code, severity) for the CO's first item."""
    result = art29.check_psr_edition(co.items[0], co, Context(on=on))
    return result.outcome, [(f.code, f.severity) for f in result.findings]


PASS: Any = (Outcome.PASSED, [])


@pytest.mark.parametrize(
    ("co", "on", "expected"),
    [
        pytest.param(co_in("HS2002", "2024-02-04"), date(2024, 2, 4), PASS, id="hs2002-issued-2024-02-04"),
        pytest.param(
            co_in("HS2002", "2024-02-05"),
            date(2024, 2, 6),
            (Outcome.FAILED, [("jiepa-hs-edition-superseded", Severity.ERROR)]),
            id="hs2002-issued-2024-02-05",
        ),
        pytest.param(co_in("HS2017", "2024-02-05"), date(2024, 2, 6), PASS, id="hs2017-issued-2024-02-05"),
        pytest.param(co_in("HS2022", "2024-03-01"), date(2024, 3, 5), PASS, id="newer-edition-not-restrained"),
        pytest.param(co_in(None, "2024-03-01"), date(2024, 3, 5), PASS, id="edition-not-stated"),
        pytest.param(co_in("HS2017", "2023-05-10"), date(2023, 7, 3), PASS, id="hs2017-before-the-switch"),
        pytest.param(
            co_in("HS2012", "2024-06-03"),
            date(2024, 6, 10),
            (Outcome.FAILED, [("jiepa-hs-edition-superseded", Severity.ERROR)]),
            id="hs2012-after-the-switch",
        ),
        pytest.param(
            co_in("HS2002", "2024-02-04"),
            date(2024, 2, 5),
            (Outcome.PASSED, [("jiepa-hs-edition-accepted-transitional", Severity.INFO)]),
            id="issued-before-presented-on-the-switch",
        ),
        pytest.param(
            co_in("HS2002", "2023-06-01"),
            date(2024, 5, 31),
            (Outcome.PASSED, [("jiepa-hs-edition-accepted-transitional", Severity.INFO)]),
            id="issued-2023-presented-2024-within-validity",
        ),
    ],
)
def test_edition_on_the_issue_date(co: roo.Certificate, on: date, expected: Any) -> None:
    """The edition in force on the issue date decides; a CO issued before the switch stays acceptable."""
    assert expected == findings(co, on)


@pytest.mark.parametrize(
    ("shipped", "version", "expected"),
    [
        pytest.param(
            "2024-02-04",
            "HS2002",
            (Outcome.FAILED, [("jiepa-hs-edition-retroactive-not-amended", Severity.ERROR)]),
            id="shipped-2024-02-04-retroactive-hs2002",
        ),
        pytest.param("2024-02-04", "HS2017", PASS, id="shipped-2024-02-04-retroactive-hs2017"),
        pytest.param(
            "2024-02-05",
            "HS2002",
            (Outcome.FAILED, [("jiepa-hs-edition-superseded", Severity.ERROR)]),
            id="shipped-2024-02-05-hs2002",
        ),
    ],
)
def test_retroactive_co_after_the_switch_uses_hs2017(shipped: str, version: str, expected: Any) -> None:
    """A CO issued retroactively after 2024-02-05 for goods exported before uses the HS2017 rules."""
    co = co_in(version, "2024-02-20", shipped=shipped, retroactive=True)
    assert expected == findings(co, date(2024, 3, 1))


def test_retroactive_finding_names_the_dates() -> None:
    """The finding cites Art 29(1) and names the shipment date and the editions."""
    co = co_in("HS2002", "2024-02-20", shipped="2024-01-31", retroactive=True)
    (finding,) = art29.check_psr_edition(co.items[0], co, Context()).findings
    expected = ("JIEPA/ART/29(1)", 1, date(2024, 1, 31), "HS2017", "HS2002")
    facts = finding.facts
    actual = (finding.rule, finding.item, facts["departure_date"], facts["exporting_edition"], facts["hs_version"])
    assert expected == actual


def test_edition_is_a_parameter() -> None:
    """An override of the edition applies on every date."""
    co = co_in("HS2002", "2023-05-10")
    result = art29.check_psr_edition(co.items[0], co, Context(parameters={"jiepa.psr.hs_version": "HS2017"}))
    assert Outcome.FAILED == result.outcome


def test_before_the_agreement_not_evaluated() -> None:
    """Before the Agreement's entry into force roo has no edition: the parameter is named once."""
    co = co_in("HS2002", "2008-06-30")
    result = art29.check_psr_edition(co.items[0], co, Context())
    assert (Outcome.NOT_EVALUATED, ("context.parameters.jiepa.psr.hs_version",)) == (result.outcome, result.needed)


def test_superseded_edition_denies_that_item_only() -> None:
    """Through roo.evaluate: the HS2002 item of a CO issued after the switch is denied, the HS2017 item granted."""
    co = jiepa(
        issue_date="2024-03-01",
        transport=dict(TRANSPORT, departure_date="2024-02-28"),
        items=[jiepa_item(1, hs_version="HS2017"), jiepa_item(2, hs_version="HS2002", origin_criterion="PSR")],
    )
    evaluation = roo.evaluate(co, on=date(2024, 3, 10))
    assert ((1,), (2,)) == (evaluation.granted, evaluation.denied)


WITHOUT_PSR: Any = (Outcome.PASSED, [("jiepa-hs-edition-superseded-without-psr", Severity.WARNING)])
SUPERSEDED: Any = (Outcome.FAILED, [("jiepa-hs-edition-superseded", Severity.ERROR)])


@pytest.mark.parametrize(
    ("criterion", "expected"),
    [
        pytest.param("WO", WITHOUT_PSR, id="WO-29(1)(a)"),
        pytest.param("W.O.", WITHOUT_PSR, id="W.O.-29(1)(a)"),
        pytest.param("PE", WITHOUT_PSR, id="PE-29(1)(b)"),
        pytest.param("PE, ACU", WITHOUT_PSR, id="PE-with-accumulation"),
        pytest.param("WO, PSR", WITHOUT_PSR, id="WO-beside-a-rule"),
        pytest.param("PSR", SUPERSEDED, id="PSR-29(1)(c)"),
        pytest.param("CTH", SUPERSEDED, id="CTH-29(1)(c)"),
        pytest.param("QVC 40%", SUPERSEDED, id="QVC-29(4)"),
        pytest.param("SP", SUPERSEDED, id="SP-29(3)"),
        pytest.param("XYZ", SUPERSEDED, id="unreadable-claims-nothing"),
    ],
)
def test_only_an_origin_under_annex_2_rests_on_its_edition(criterion: str, expected: Any) -> None:
    """Art 29(1)(a) and (b) make a good originating without Annex 2; only (c) applies its product-specific rules.

    The edition of Annex 2 decides nothing for a wholly obtained good or one produced exclusively from
    originating materials: an older code there is a warning, while a claim under Annex 2 keeps the error.
    """
    assert expected == findings(co_in("HS2002", "2024-02-05", criterion=criterion), date(2024, 2, 6))


@pytest.mark.parametrize("criterion", ["WO", "PE"])
def test_retroactive_co_of_a_good_outside_annex_2_only_warns(criterion: str) -> None:
    """Art 29(1)(a), (b): a retroactive CO in HS2002 for a WO or PE good gets a warning naming the shipment date."""
    co = co_in("HS2002", "2024-02-20", shipped="2024-02-01", retroactive=True, criterion=criterion)
    result = art29.check_psr_edition(co.items[0], co, Context(on=date(2024, 3, 1)))
    (finding,) = result.findings
    expected = (Outcome.PASSED, "jiepa-hs-edition-retroactive-not-amended-without-psr", Severity.WARNING)
    assert expected == (result.outcome, finding.code, finding.severity)
    assert (date(2024, 2, 1), criterion) == (finding.facts["departure_date"], finding.facts["origin_criterion"])


def test_before_the_switch_a_wo_item_has_nothing_to_report() -> None:
    """Boundary: a WO item in HS2002 on a CO issued on 2024-02-04, the last day of HS2002, passes silently."""
    assert PASS == findings(co_in("HS2002", "2024-02-04", criterion="WO"), date(2024, 2, 4))


@pytest.mark.parametrize(
    ("importing", "exporting", "criterion", "granted", "denied"),
    [
        pytest.param("JP", "ID", "WO", (1, 2), (), id="c34-wo-id-to-jp"),
        pytest.param("JP", "ID", "PE", (1, 2), (), id="c34b-pe-id-to-jp"),
        pytest.param("ID", "JP", "WO", (1,), (2,), id="c33-jp-to-id"),
    ],
)
def test_reviewers_cases_wo_and_pe_items_in_hs2002_are_granted(
    importing: str, exporting: str, criterion: str, granted: tuple[int, ...], denied: tuple[int, ...]
) -> None:
    """Regression (Art 29(1)(a), (b)): a WO or PE item in HS2002 on a CO issued 2024-03-01 is granted.

    Item 2 claims PSR (Art 29(1)(c)): in HS2002 (the JP-to-ID case) it stays denied, in HS2017 it is granted.
    """
    parties = {
        "ID": {"name": "PT Bumi Menara Seafood", "address": "Jl. Raya Buduran No. 12, Sidoarjo", "country": "ID"},
        "JP": {"name": "Tokai Suisan K.K.", "address": "2-15 Kanayama-cho, Nagoya", "country": "JP"},
    }
    co = jiepa(
        medium="paper",
        exporting_party=exporting,
        importing_party=importing,
        exporter=parties[exporting],
        consignee=parties[importing],
        issue_date="2024-03-01",
        transport=dict(TRANSPORT, departure_date="2024-02-29"),
        items=[
            jiepa_item(1, hs_code="030613", hs_version="HS2002", origin_criterion=criterion),
            jiepa_item(2, hs_code="160521", hs_version="HS2017" if exporting == "ID" else "HS2002", origin_criterion="PSR"),
        ],
    )
    evaluation = roo.evaluate(co, on=date(2024, 3, 20))
    assert (granted, denied) == (evaluation.granted, evaluation.denied)
    codes = [f.code for f in evaluation.findings if f.item == 1 and f.code.startswith("jiepa-hs-edition")]
    assert ["jiepa-hs-edition-superseded-without-psr"] == codes
