"""MoTR 16/2024 Art 2(3): the Regulation's COO serves goods within a safeguard measure, and only those.

The source: goods originating in developing countries "can be excluded from having the
Safeguard Measures, if the exporters can provide COO in every import" (Art 2(3) with
Art 1(1)-(2)); the Regulation sets "Rules of Origin and Certificate of Origin for Imported
Goods in the Implementation of Trade Safeguard Measures". Its data elements (Art 9), its
origin and consignment criteria (Arts 3-8) and field verification (Art 10) are what a COO
must show to exclude goods from a measure. Goods that no measure covers on the import date
owe no safeguard duty, so nothing of the Regulation binds their COO line: roo notes that
they are outside every measure and denies them nothing under Arts 3-10.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import roo
from roo.safeguard import SafeguardMeasure, SafeguardTable
from tests.rules.id_motr_16_2024.helpers import ON, motr, motr_item

#: An illustrative measure (not a real act) on glazed tiles 6907.21 only, excluding Viet Nam, from 1 August 2024
#: to 31 July 2027.
TILES = SafeguardMeasure(
    reference="Illustrative act 1/2024",
    hs_codes=("6907.21",),
    excluded_countries=("VN",),
    effective_from=date(2024, 8, 1),
    effective_until=date(2027, 7, 31),
)
TABLE = SafeguardTable((TILES,), source="test")
#: Sinks (6910.10): no measure of the table covers them.
OUTSIDE = "691010"


def _evaluate(co: roo.Certificate, on: date = ON) -> roo.Evaluation:
    return roo.evaluate(co, roo.Context(on=on, safeguard_measures=TABLE, consignment=None))


def _codes(evaluation: roo.Evaluation, item: int | None) -> list[str]:
    return [f.code for f in evaluation.findings if f.item == item and f.code.startswith("motr-")]


def test_an_item_outside_every_measure_is_not_denied_for_its_own_defects() -> None:
    """Item 2 (sinks, outside the table) lacks its quantity (Art 9(j)) and claims CTH (Arts 3-8 want CC): no
    safeguard duty for the COO to exclude it from, so neither defect concerns it. Item 1 (tiles, within the
    measure) with the same missing quantity is denied: item isolation keeps each item's own."""
    items = [motr_item(1, quantity=None, gross_weight=None), motr_item(2, hs_code=OUTSIDE, quantity=None, gross_weight=None, origin_criterion="CTH")]
    evaluation = _evaluate(motr(items=items))
    assert ((2,), (1,)) == (evaluation.granted, evaluation.denied)
    assert ["motr-goods-outside-safeguard-measures"] == _codes(evaluation, 2)
    assert "motr-item-data-element-missing" in _codes(evaluation, 1)
    outside = [c.outcome for c in evaluation.checks if c.item == 2 and c.rule != "ID/MOTR-16-2024/2(3)"]
    assert outside and all(outcome is roo.Outcome.NOT_APPLICABLE for outcome in outside)


def test_a_coo_whose_goods_are_all_outside_every_measure_is_not_held_to_the_regulation() -> None:
    """Every item outside every measure: the COO's own data elements (here no manufacturer, Art 9(c)) deny
    nothing, and field verification (Art 10) has nothing to verify."""
    co = motr(producer=None, items=[motr_item(1, hs_code=OUTSIDE), motr_item(2, hs_code="940510")])
    evaluation = _evaluate(co)
    assert roo.Status.ACCEPTED == evaluation.status
    assert [] == _codes(evaluation, None)
    assert evaluation.complete


def test_a_certificate_defect_of_a_mixed_coo_denies_only_the_goods_within_a_measure() -> None:
    """Tiles within the measure and sinks outside it: the COO lacks the manufacturer's name (Art 9(c)). The COO
    must show it for the tiles, which it is to exclude from the measure; the sinks owe no safeguard duty, and
    "can be excluded ... if the exporters can provide COO in every import" (Art 2(3)) does not concern them.
    The defect is reported on the tiles and denies them; the sinks are granted. Before, the defect was reported
    on the whole COO and denied the sinks too."""
    co = motr(producer=None, items=[motr_item(1), motr_item(2, hs_code=OUTSIDE)])
    evaluation = _evaluate(co)
    assert [] == [f.code for f in evaluation.findings if f.item is None and f.severity is roo.Severity.ERROR]
    assert "motr-data-element-missing" in _codes(evaluation, 1)
    assert "motr-data-element-missing" not in _codes(evaluation, 2)
    assert (roo.Status.PARTIALLY_ACCEPTED, (2,), (1,)) == (evaluation.status, evaluation.granted, evaluation.denied)


def test_a_coo_issued_after_the_import_denies_only_the_goods_within_a_measure() -> None:
    """"Every import" (Art 2(3)) binds the COO of goods to be excluded from a measure: a COO issued after the
    import cannot have come with it, for the tiles; the sinks outside every measure are not held to it."""
    co = motr(issue_date="2024-09-03", items=[motr_item(1), motr_item(2, hs_code=OUTSIDE), motr_item(3)])
    evaluation = _evaluate(co)
    issued = [f.item for f in evaluation.findings if f.code == "motr-coo-issued-after-import"]
    assert ([1, 3], (2,), (1, 3)) == (issued, evaluation.granted, evaluation.denied)


def test_a_certificate_defect_of_a_coo_whose_goods_are_all_within_stays_on_the_coo() -> None:
    """The boundary: no item outside, so the defect concerns the COO as a whole, reported once on it."""
    co = motr(producer=None, items=[motr_item(1), motr_item(2)])
    evaluation = _evaluate(co)
    assert "motr-data-element-missing" in _codes(evaluation, None)
    assert ([], roo.Status.REJECTED) == (_codes(evaluation, 1), evaluation.status)


def test_a_certificate_warning_of_a_mixed_coo_stays_on_the_coo() -> None:
    """A warning denies nothing: it stays on the COO as a whole (here the unsigned statement of Art 9(g))."""
    declaration = {"place": "Vung Tau", "date": "2024-08-14", "signed": False}
    co = motr(exporter_declaration=declaration, items=[motr_item(1), motr_item(2, hs_code=OUTSIDE)])
    evaluation = _evaluate(co)
    assert "motr-exporter-statement-unsigned" in _codes(evaluation, None)
    assert (roo.Status.ACCEPTED, (1, 2)) == (evaluation.status, evaluation.granted)


@pytest.mark.parametrize(
    ("on", "held"),
    [
        pytest.param(TILES.effective_from - timedelta(days=1), False, id="day-before-the-measure"),
        pytest.param(TILES.effective_from, True, id="first-day-of-the-measure"),
        pytest.param(date(2027, 7, 31), True, id="last-day-of-the-measure"),
        pytest.param(date(2027, 8, 1), False, id="day-after-the-measure"),
    ],
)
def test_whether_goods_are_within_a_measure_is_read_on_the_import_date(on: date, held: bool) -> None:
    """A measure applies from its first day to its last, both included: tiles imported outside those days are
    outside every measure, and their missing quantity (Art 9(j)) denies nothing."""
    day = on.isoformat()
    transport = {"departure_date": day, "vessel_or_flight": "MV SAIGON BRIDGE", "port_of_discharge": "IDTPP"}
    co = motr(issue_date=day, transport=transport, items=[motr_item(1, quantity=None, gross_weight=None)])
    evaluation = _evaluate(co, on)
    assert held == ("motr-item-data-element-missing" in _codes(evaluation, 1))
    assert held == (evaluation.denied == (1,))


def test_a_code_too_short_to_tell_is_held_to_the_regulation() -> None:
    """``6907`` may be a tile under the measure: roo cannot tell the goods are outside, so the item is read
    against the Regulation (its missing quantity denies it) and the exclusion warns for customs to settle."""
    evaluation = _evaluate(motr(items=[motr_item(1, hs_code="6907", quantity=None, gross_weight=None)]))
    assert "motr-item-data-element-missing" in _codes(evaluation, 1)
    assert (1,) == evaluation.denied


def test_without_a_table_every_item_is_held_to_the_regulation() -> None:
    """No table: roo cannot tell which goods a measure covers, so nothing is taken to be outside."""
    co = motr(items=[motr_item(1, hs_code=OUTSIDE, quantity=None, gross_weight=None)])
    evaluation = roo.evaluate(co, on=ON)
    assert (1,) == evaluation.denied
