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


def co_in(version: str | None, issued: str, shipped: str | None = None, retroactive: bool = False) -> roo.Certificate:
    """A JIEPA CO issued on ``issued`` whose item is in HS edition ``version``."""
    departure = shipped or issued
    return jiepa(
        issue_date=issued,
        transport=dict(TRANSPORT, departure_date=departure),
        issued_retroactively=retroactive,
        items=[jiepa_item(1, hs_version=version)],
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
        items=[jiepa_item(1, hs_version="HS2017"), jiepa_item(2, hs_version="HS2002")],
    )
    evaluation = roo.evaluate(co, on=date(2024, 3, 10))
    assert ((1,), (2,)) == (evaluation.granted, evaluation.denied)
