"""roo.hs on the full UNSD correlation table, read from beside the project when it is there.

roo does not ship that table (its licence is unclear); these tests read it
from ``../shared/data/hs/hs_correlation_unsd.csv`` relative to the project
root and are skipped, with the reason, when it is absent. The figures pinned
here were counted from the table's links (see its SOURCE.md).
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from roo.hs import CorrelationTable, Relationship, load_correlation

PROJECT_ROOT = Path(__file__).resolve().parents[2]
UNSD_TABLE = PROJECT_ROOT.parent / "shared" / "data" / "hs" / "hs_correlation_unsd.csv"

pytestmark = pytest.mark.skipif(
    not UNSD_TABLE.is_file(),
    reason="the UNSD HS correlation table (../shared/data/hs/hs_correlation_unsd.csv from the project root) is "
    "absent; roo does not ship it because its licence is unclear",
)


@pytest.fixture(scope="module")
def unsd() -> CorrelationTable:
    """The full UNSD table, loaded once for this module."""
    return load_correlation(UNSD_TABLE)


def test_size_and_editions(unsd: CorrelationTable) -> None:
    """Every HS-to-HS row is read; the two residual 999999 rows are skipped; seven editions, six pairs."""
    assert (43_861, 2) == (unsd.link_count, unsd.skipped)
    assert ("HS1992", "HS1996", "HS2002", "HS2007", "HS2012", "HS2017", "HS2022") == unsd.editions
    assert 6 == len(unsd.pairs)


def test_subheadings_per_edition(unsd: CorrelationTable) -> None:
    """The distinct subheadings per edition match the counts in the HS data notes."""
    counts = {edition: len(unsd.codes(edition)) for edition in unsd.editions}
    expected = {
        "HS1992": 5_020,
        "HS1996": 5_113,
        "HS2002": 5_224,
        "HS2007": 5_052,
        "HS2012": 5_205,
        "HS2017": 5_387,
        "HS2022": 5_612,
    }
    assert expected == counts


def test_hs2002_to_hs2007_by_relationship(unsd: CorrelationTable) -> None:
    """Per HS2002 code: 4,471 one-to-one (4,450 unchanged, 21 renumbered), 463 merged, 47 split, 243 regrouped."""
    kinds = collections.Counter(unsd.convert(code, "HS2002", "HS2007").relationship for code in unsd.codes("HS2002"))
    unchanged = sum(unsd.convert(code, "HS2002", "HS2007").unchanged for code in unsd.codes("HS2002"))
    expected = {
        Relationship.ONE_TO_ONE: 4_471,
        Relationship.MANY_TO_ONE: 463,
        Relationship.ONE_TO_MANY: 47,
        Relationship.MANY_TO_MANY: 243,
    }
    assert (expected, 4_450) == (dict(kinds), unchanged)


@pytest.mark.parametrize(
    ("code", "from_version", "to_version", "candidates", "relationship"),
    [
        pytest.param(
            "030199", "HS2002", "HS2007", ("030194", "030195", "030199"), Relationship.ONE_TO_MANY, id="fish-split"
        ),
        pytest.param("010592", "HS2002", "HS2007", ("010594",), Relationship.MANY_TO_ONE, id="poultry-merge"),
        pytest.param(
            "010594", "HS2007", "HS2002", ("010592", "010593"), Relationship.ONE_TO_MANY, id="poultry-merge-backward"
        ),
        pytest.param("030350", "HS2002", "HS2007", ("030351",), Relationship.ONE_TO_ONE, id="renumbered"),
        pytest.param("030617", "HS2017", "HS2002", ("030613", "160520"), Relationship.MANY_TO_MANY, id="shrimp-back"),
    ],
)
def test_known_conversions(
    unsd: CorrelationTable,
    code: str,
    from_version: str,
    to_version: str,
    candidates: tuple[str, ...],
    relationship: Relationship,
) -> None:
    """Conversions the UNSD tables document, in both directions and across several editions."""
    result = unsd.convert(code, from_version, to_version)
    assert (candidates, relationship, len(candidates) > 1) == (result.candidates, result.relationship, result.ambiguous)


def test_hs2002_to_hs2017_passes_through_every_edition(unsd: CorrelationTable) -> None:
    """A conversion from HS2002 to HS2017 chains through HS2007 and HS2012."""
    assert ("HS2002", "HS2007", "HS2012", "HS2017") == unsd.convert("847130", "HS2002", "HS2017").path


@pytest.mark.parametrize(
    ("code", "from_version", "to_version"),
    [
        pytest.param("291636", "HS2007", "HS2012", id="hs2007-291636-has-no-hs2012-link"),
        pytest.param("300219", "HS2017", "HS2022", id="hs2017-300219-has-no-hs2022-link"),
    ],
)
def test_known_gaps_are_reported(unsd: CorrelationTable, code: str, from_version: str, to_version: str) -> None:
    """The UNSD tables' known gaps give an unknown result naming the gap, not an exception."""
    result = unsd.convert(code, from_version, to_version)
    expected = ((), Relationship.UNKNOWN, ((from_version, code),))
    assert expected == (result.candidates, result.relationship, result.unlinked)


def test_every_code_converts_to_every_edition_without_error(unsd: CorrelationTable) -> None:
    """Converting every HS2002 code to HS2022 and back never raises, and only gaps leave no candidate."""
    for code in sorted(unsd.codes("HS2002")):
        forward = unsd.convert(code, "HS2002", "HS2022")
        assert forward.found or forward.unlinked, code
