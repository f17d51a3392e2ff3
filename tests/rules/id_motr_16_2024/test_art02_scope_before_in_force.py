"""MoTR 16/2024 Art 2 with the rest of the Regulation: none of its requirements binds an import made before it applied.

The source: MoTR 16/2024 "has revoked" MoTR 37/2008, the regulation that until then
required a COO for goods from the exempted countries; 16/2024 applies from its entry
into force (12 July 2024, the dated parameter ``id.motr_16_2024.in_force``). Its data
elements (Art 9), origin and consignment criteria (Arts 3-8), the exclusion with a
COO in every import (Art 2(3)) and field verification (Art 10) are therefore the
requirements of imports from that day on. An import made before it was governed by
MoTR 37/2008, which roo does not implement: under 16/2024 nothing is denied, every
check but the scope check is not evaluated, and the evaluation says it is not complete.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.safeguard import SafeguardMeasure, SafeguardTable
from tests.rules.id_motr_16_2024.helpers import motr, motr_item

IN_FORCE = date(2024, 7, 12)


def _defective(on: date) -> roo.Certificate:
    """A COO with defects the Regulation denies, no manufacturer (Art 9(c)) and an item without its quantity
    (Art 9(j)), and a box 8 that names no criterion (Arts 3-8, a doubt for Art 10); issued and shipped by ``on``."""
    day = on.isoformat()
    transport = {"departure_date": day, "vessel_or_flight": "MV SAIGON BRIDGE", "port_of_discharge": "IDTPP"}
    items = [motr_item(1, quantity=None, gross_weight=None), motr_item(2, origin_criterion="zzz")]
    return motr(issue_date=day, transport=transport, producer=None, items=items)


def _motr_errors(evaluation: roo.Evaluation) -> list[str]:
    return [f.code for f in evaluation.findings if f.severity is roo.Severity.ERROR]


@pytest.mark.parametrize("on", [date(2024, 7, 11), date(2024, 2, 29), date(2020, 1, 1)], ids=str)
def test_before_entry_into_force_nothing_is_denied_under_the_regulation(on: date) -> None:
    """The day before 12 July 2024 (and any earlier day, 29 February included): MoTR 37/2008 governed the
    import. The defects of the COO under 16/2024 deny nothing; the checks are not made, and the grant does not
    rest on them (the evaluation is not complete)."""
    evaluation = roo.evaluate(_defective(on), roo.Context(on=on, consignment=None))
    assert [] == _motr_errors(evaluation)
    assert ["motr-16-2024-not-in-force"] == [f.code for f in evaluation.findings if f.code.startswith("motr-")]
    assert (roo.Status.ACCEPTED, False) == (evaluation.status, evaluation.complete)
    others = [c for c in evaluation.checks if c.rule != "ID/MOTR-16-2024/2"]
    assert others and all(c.outcome is roo.Outcome.NOT_EVALUATED for c in others)
    assert {c.rule for c in evaluation.unverified} >= {"ID/MOTR-16-2024/9", "ID/MOTR-16-2024/3"}


def test_from_the_day_of_entry_into_force_the_same_defects_deny() -> None:
    """12 July 2024, the first day the Regulation governs: the same COO is read against it, and its defects
    deny (Art 9: the COO "must contain" the elements; item isolation keeps each item's own)."""
    evaluation = roo.evaluate(_defective(IN_FORCE), on=IN_FORCE)
    errors = _motr_errors(evaluation)
    assert {"motr-data-element-missing", "motr-item-data-element-missing"} <= set(errors)
    assert "motr-origin-criterion-unreadable" in [f.code for f in evaluation.findings]
    assert roo.Status.REJECTED == evaluation.status
    assert "motr-16-2024-not-in-force" not in [f.code for f in evaluation.findings]


def test_safeguard_exclusion_is_not_evaluated_before_entry_into_force() -> None:
    """Art 2(3) before the Regulation applied: a measure that does not exclude the COO's country does not deny
    under 16/2024; the check is not made."""
    measure = SafeguardMeasure(
        reference="Illustrative act 9/2024",
        hs_codes=("6907.21",),
        excluded_countries=("TH",),
        effective_from=date(2024, 1, 1),
        effective_until=date(2026, 12, 31),
    )
    table = SafeguardTable((measure,), source="test")
    on = date(2024, 7, 11)
    day = on.isoformat()
    co = motr(issue_date=day, transport={"departure_date": day, "vessel_or_flight": "MV X", "port_of_discharge": "IDTPP"})
    before = roo.evaluate(co, roo.Context(on=on, safeguard_measures=table))
    assert "motr-country-not-excluded" not in [f.code for f in before.findings]
    assert roo.Status.ACCEPTED == before.status and not before.complete
    after = roo.evaluate(co, roo.Context(on=IN_FORCE, safeguard_measures=table))
    assert "motr-country-not-excluded" in [f.code for f in after.findings]


def test_without_the_import_date_the_rules_run_as_always() -> None:
    """Without ``context.on`` roo cannot tell which regulation governed: the scope check is not evaluated and
    every other rule reads the COO as it is, so a defect still shows."""
    evaluation = roo.evaluate(_defective(IN_FORCE))
    assert "motr-data-element-missing" in _motr_errors(evaluation)


def test_a_caller_who_moves_the_date_moves_the_boundary() -> None:
    """The entry into force is a dated parameter: an override of it is what the rules read."""
    on = date(2024, 7, 11)
    context: dict[str, Any] = {"on": on.isoformat(), "parameters": {"id.motr_16_2024.in_force": "2024-07-01"}}
    evaluation = roo.evaluate(_defective(on), roo.load_context(context))
    assert roo.Status.REJECTED == evaluation.status
