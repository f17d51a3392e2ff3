"""Dated overrides in Context.parameters: values that change on dates the caller knows."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.params import ParameterNotInForce
from tests.builders import certificate, item_data

TH_AMENDED_2012 = {
    "ajcep.annex2.hs_version.TH": [
        {"effective_from": "2009-06-01", "value": "HS2002"},
        {"effective_from": "2012-01-01", "value": "HS2007"},
    ],
    "ajcep.annex2.hs_version.JP": [
        {"effective_from": "2008-12-01", "value": "HS2002"},
        {"effective_from": "2012-01-01", "value": "HS2007"},
    ],
}


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2011, 12, 31), "HS2002", id="day-before-amendment"),
        pytest.param(date(2012, 1, 1), "HS2007", id="day-of-amendment"),
    ],
)
def test_dated_override_applies_from_its_date(on: date, expected: str) -> None:
    """Each dated value applies from its effective date."""
    ctx = roo.load_context({"parameters": TH_AMENDED_2012})
    assert expected == ctx.parameter("ajcep.annex2.hs_version.TH", on)


def test_before_first_dated_value_not_in_force() -> None:
    """Before the first entry the parameter has no value."""
    ctx = roo.load_context({"parameters": TH_AMENDED_2012})
    with pytest.raises(ParameterNotInForce):
        ctx.parameter("ajcep.annex2.hs_version.TH", date(2009, 5, 31))


def test_dated_overrides_round_trip() -> None:
    """dump_context/load_context keep dated overrides."""
    ctx = roo.load_context({"parameters": TH_AMENDED_2012})
    assert ctx == roo.load_context(roo.dump_context(ctx))


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([{"effective_from": "2012-01-01"}], id="value-missing"),
        pytest.param([{"effective_from": "2012-13-01", "value": "HS2007"}], id="bad-date"),
        pytest.param([{"effective_from": "2012-01-01", "value": "HS1"}], id="value-of-wrong-kind"),
        pytest.param(
            [{"effective_from": "2013-01-01", "value": "HS2007"}, {"effective_from": "2012-01-01", "value": "HS2002"}],
            id="not-ascending",
        ),
        pytest.param([{"effective_from": "2012-01-01", "value": ["HS2007"]}], id="nested-list"),
    ],
)
def test_malformed_dated_override_is_reported_with_its_path(entries: list[Any]) -> None:
    """Bad dated overrides are load errors naming the parameter."""
    with pytest.raises(roo.InvalidContext) as error:
        roo.load_context({"parameters": {"ajcep.annex2.hs_version.TH": entries}})
    assert ["parameters['ajcep.annex2.hs_version.TH']"] == [p.path for p in error.value.problems]


def test_ir17c_retroactive_co_after_amendment_must_use_amended_edition() -> None:
    """With amendment dates supplied as data, IR 17(c) fires through roo.evaluate."""
    co = certificate(
        exporting_party="TH",
        issue_date="2012-03-01",
        issued_retroactively=True,
        transport={"departure_date": "2011-12-20", "vessel_or_flight": "MV SIAM", "transit_countries": []},
        items=[item_data(1, hs_version="HS2002")],
    )
    ctx = roo.load_context({"on": "2012-03-15", "parameters": TH_AMENDED_2012})
    evaluation = roo.evaluate(co, ctx)
    assert "hs-edition-retroactive-not-amended" in [f.code for f in evaluation.findings if f.item == 1]
