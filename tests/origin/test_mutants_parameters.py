"""A parameter that has ended, pinned where a mutation sample found a gap.

AJCEP Art 26.1 (paraphrased): a good is originating under the general rule if
its regional value content is at least the set percentage, or if every
non-originating material changes heading; the exporter chooses. The percentage
is a dated parameter; when no value of it is in force, roo says which parameter
it lacked instead of skipping the RVC route silently.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

import attrs
import pytest

import roo.params
from roo.origin import determine
from roo.origin.parameters import Parameters
from roo.params import DatedValue, ParameterNotInForce
from tests.origin.helpers import criterion, good, material

GENERAL_RULE = "ajcep.general_rule.rvc_percent"


@pytest.fixture
def general_rule_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    """The general rule's RVC percentage as if its data ended it on 2030-01-01 (its last entry ends it)."""
    packaged = roo.params.get(GENERAL_RULE)
    ended = attrs.evolve(packaged, values=(*packaged.values, DatedValue(date(2030, 1, 1), None, "AJCEP/ART/26")))
    catalogue = {**roo.params._BY_NAME, GENERAL_RULE: ended}
    monkeypatch.setattr(roo.params, "_BY_NAME", MappingProxyType(catalogue))


@pytest.mark.usefixtures("general_rule_ended")
def test_an_ended_parameter_is_not_in_force_on_the_latest_values_and_is_named() -> None:
    """Without a date, a parameter whose last entry ends it has no latest value: the error names it."""
    with pytest.raises(ParameterNotInForce) as caught:
        Parameters(None).value(GENERAL_RULE)
    assert (GENERAL_RULE, date(2030, 1, 1)) == (caught.value.name, caught.value.ended_on)


@pytest.mark.usefixtures("general_rule_ended")
def test_general_rule_rvc_route_left_unevaluated_naming_the_ended_parameter() -> None:
    """Art 26.1: with no RVC percentage in force, the RVC route is not evaluated; CTH is still tried and decides."""
    determination = determine(good(material("Flour", "110100", "40.00")))
    assert criterion(determination, "RVC") is None
    assert criterion(determination, "CTH") is True
    rvc = next(c for c in determination.criteria if c.criterion == "RVC")
    assert (f"parameter {GENERAL_RULE}",) == rvc.needed
    missing = [f for f in determination.findings if f.code == "origin-parameter-not-in-force"]
    assert [GENERAL_RULE] == [f.facts["parameter"] for f in missing]
    assert "CTH or RVC -% (Art 26.1)" == determination.rule.text


@pytest.mark.usefixtures("general_rule_ended")
def test_an_override_revives_the_ended_parameter() -> None:
    """An override replaces the packaged values by name, so the RVC route is evaluated again."""
    determination = determine(good(material("Premix", "190590", "55.00")), parameters={GENERAL_RULE: "40"})
    assert criterion(determination, "RVC") is True


@pytest.mark.usefixtures("general_rule_ended")
def test_the_unevaluated_rvc_route_is_still_the_rvc_criterion() -> None:
    """The placeholder for the RVC route is of kind RVC and cites Art 26.1(a), like the route it stands for."""
    determination = determine(good(material("Flour", "110100", "40.00")))
    rvc = next(c for c in determination.criteria if c.criterion == "RVC")
    assert (("RVC",), "AJCEP/ART/26(1)(a)", "general rule: RVC") == (rvc.kinds, rvc.rule, rvc.title)


def test_a_chapter_list_skips_empty_pieces_and_reads_to_the_end() -> None:
    """Chapter lists in the dated data ("16,19,28-49") may carry a stray comma; every chapter after it still counts."""
    from roo.origin.parameters import parse_chapters

    assert frozenset({16, 19, 28, 29, 30}) == parse_chapters("16, ,19,,28-30,")
