"""JIEPA Arts 29 and 40: a CO is for a good of Japan or Indonesia imported into the other."""

from __future__ import annotations

import pytest

import roo
from roo.context import Context
from roo.evaluation import Outcome, Severity
from roo.rules.jiepa import art29_parties
from tests.rules.jiepa.helpers import jiepa


@pytest.mark.parametrize(
    ("exporting", "importing", "expected"),
    [
        pytest.param("ID", "JP", [], id="indonesia-to-japan"),
        pytest.param("JP", "ID", [], id="japan-to-indonesia"),
        pytest.param("TH", "JP", [("jiepa-exporting-party-not-a-party", "JIEPA/ART/29(1)")], id="thailand-is-not-a-party"),
        pytest.param("ID", "SG", [("jiepa-importing-party-not-a-party", "JIEPA/ART/40")], id="import-into-singapore"),
        pytest.param("ID", "ID", [("jiepa-exporting-party-is-importing-party", "JIEPA/ART/40")], id="indonesia-to-itself"),
    ],
)
def test_parties(exporting: str, importing: str, expected: list[tuple[str, str]]) -> None:
    """Only Japan and Indonesia, one to the other; anything else is a certificate error."""
    co = jiepa(exporting_party=exporting, importing_party=importing)
    result = art29_parties.check_parties(co, Context())
    assert expected == [(f.code, f.rule) for f in result.findings]
    assert all(f.severity is Severity.ERROR and f.item is None for f in result.findings)
    assert (Outcome.PASSED if not expected else Outcome.FAILED) == result.outcome


def test_thai_co_under_jiepa_is_rejected() -> None:
    """Through roo.evaluate: a JIEPA CO from Thailand is rejected as a whole."""
    assert roo.Status.REJECTED == roo.evaluate(jiepa(exporting_party="TH")).status
