"""MoTR 16/2024 Art 2(3)-(4): whom the safeguard exclusion is for, a COO in every import, preferential COs.

The source: "imported goods originated from developing countries can be
excluded from having the Safeguard Measures, if the exporters can provide
COO in every import (Article 2 Paragraph (3) jo. Article 1 Paragraphs (1) -
(2))"; "Non-Preferred COO must be enclosed in every import" (Art 9);
"Importers of goods with Preferred COO that are subject to Safeguard
Measures shall verify the origin of their goods and the Preferred COO ...
based on the international agreement or treaty" (Art 2(4)).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import roo
from roo.safeguard import SafeguardMeasure, SafeguardTable, hs_digits
from tests.builders import certificate_data
from tests.rules.id_motr_16_2024.helpers import ON, motr, motr_item

EXCLUSION = "ID/MOTR-16-2024/2(3)"
#: An illustrative measure on ceramic tiles (not a real act's annex) that excludes Thailand and Viet Nam.
TILES = SafeguardMeasure(
    reference="Illustrative act 1/2024",
    hs_codes=("6907.21", "6907.22"),
    excluded_countries=("TH", "VN"),
    effective_from=date(2024, 8, 1),
    effective_until=date(2027, 7, 31),
)
TABLE = SafeguardTable((TILES,), source="test")


def table_json(**changes: Any) -> dict[str, Any]:
    """The JSON form of a one-measure table with changes to the measure."""
    measure = {
        "reference": "Illustrative act 1/2024",
        "hs_codes": ["6907.21", "6907.22"],
        "excluded_countries": ["TH", "VN"],
        "effective_from": "2024-08-01",
        "effective_until": "2027-07-31",
        **changes,
    }
    return {"format": "roo.safeguard/1", "source": "test", "measures": [measure]}


def evaluate(co: roo.Certificate, table: SafeguardTable | None = TABLE, on: date | None = ON) -> roo.Evaluation:
    """Evaluate with a safeguard table."""
    return roo.evaluate(co, roo.Context(on=on, safeguard_measures=table))


def exclusion(evaluation: roo.Evaluation) -> list[tuple[str, int | None]]:
    """The Art 2(3) exclusion findings, with their items."""
    return [(f.code, f.item) for f in evaluation.findings if f.rule == EXCLUSION and f.code.startswith("motr-")]


def test_goods_within_a_measure_from_an_excluded_country_pass() -> None:
    """A COO "serves" goods within the measure from a developing country it excludes: nothing to report."""
    evaluation = evaluate(motr())
    assert ([], roo.Status.ACCEPTED) == (exclusion(evaluation), evaluation.status)


def test_goods_from_a_country_the_measure_does_not_exclude_are_denied() -> None:
    """Only goods "originated from developing countries" the measure excludes can be excluded: a COO from China
    does not waive the duty on tiles within the measure, so the item is denied, never accepted."""
    evaluation = evaluate(motr(exporting_party="CN"))
    found = [f for f in evaluation.findings if f.code == "motr-country-not-excluded"]
    assert ([("motr-country-not-excluded", 1)], roo.Status.REJECTED) == (exclusion(evaluation), evaluation.status)
    assert ("CN", ("TH", "VN"), "Illustrative act 1/2024") == (
        found[0].facts["country"],
        found[0].facts["excluded"],
        found[0].facts["measure"],
    )


def test_only_the_item_within_the_measure_is_denied() -> None:
    """Item isolation: the item outside the measure's HS codes keeps its verdict; it is only noted."""
    items = [motr_item(1), motr_item(2, hs_code="6908.10")]
    evaluation = evaluate(motr(exporting_party="CN", items=items))
    assert [("motr-country-not-excluded", 1), ("motr-goods-outside-safeguard-measures", 2)] == exclusion(evaluation)
    assert ((1,), (2,)) == (evaluation.denied, evaluation.granted)


@pytest.mark.parametrize(
    ("on", "denied"),
    [
        pytest.param(date(2024, 7, 31), False, id="day-before-the-measure"),
        pytest.param(date(2024, 8, 1), True, id="first-day"),
        pytest.param(date(2027, 7, 31), True, id="last-day"),
        pytest.param(date(2027, 8, 1), False, id="day-after"),
    ],
)
def test_measure_applies_from_its_first_to_its_last_day(on: date, denied: bool) -> None:
    """The measure is read on the import date: the day before it and the day after it, no duty to exclude from."""
    transport = {"departure_date": "2024-07-20", "vessel_or_flight": "MV SAIGON BRIDGE", "port_of_discharge": "IDTPP"}
    co = motr(exporting_party="CN", issue_date="2024-07-20", transport=transport)
    expected = "motr-country-not-excluded" if denied else "motr-goods-outside-safeguard-measures"
    assert [(expected, 1)] == exclusion(evaluate(co, on=on))


def test_goods_outside_every_measure_are_noted_not_denied() -> None:
    """No measure covers the goods: there is no duty for the COO to exclude them from; info, nothing denied."""
    evaluation = evaluate(motr(exporting_party="CN", items=[motr_item(1, hs_code="7308.90")]))
    assert ([("motr-goods-outside-safeguard-measures", 1)], roo.Status.ACCEPTED) == (
        exclusion(evaluation),
        evaluation.status,
    )


def test_a_code_too_short_to_tell_warns() -> None:
    """A COO printing heading 6907 cannot say whether the goods fall under a measure on 6907.21: customs may
    settle it; for an excluded country there is nothing to settle."""
    short = [motr_item(1, hs_code="6907")]
    assert [("motr-safeguard-scope-uncertain", 1)] == exclusion(evaluate(motr(exporting_party="CN", items=short)))
    assert [] == exclusion(evaluate(motr(items=short)))


@pytest.mark.parametrize(
    ("printed", "digits"),
    [
        pytest.param("6907.21", "690721", id="dotted"),
        pytest.param("690721", "690721", id="digits"),
        pytest.param("6907 21 00", "69072100", id="spaced"),
        pytest.param("6907.21.10.00", "6907211000", id="ten-digit-line"),
        pytest.param("6907.2110", "69072110", id="national-line-after-a-dot"),
        pytest.param("HS 6907.21", "690721", id="hs-label"),
        pytest.param("HS Code: 6907.21", "690721", id="hs-code-label"),
        pytest.param("ex 6907.21", "690721", id="ex-part-of-the-code"),
        pytest.param("6907,21", "690721", id="comma-between-groups"),
        pytest.param("6907.21/22", None, id="two-subheadings"),
        pytest.param("6907.21, 6907.22", None, id="two-codes"),
        pytest.param("6907,6908", None, id="two-headings-by-comma"),
        pytest.param("6907 6908", None, id="two-headings-by-space"),
        pytest.param("69,70", None, id="two-chapters-by-comma"),
        pytest.param("69.07", "6907", id="chapter-dot-heading"),
        pytest.param("6907.21-6907.22", None, id="a-range"),
        pytest.param("6907.2", None, id="a-lone-digit"),
        pytest.param("ceramic tiles", None, id="words"),
        pytest.param("6907.21 tiles", None, id="code-and-words"),
    ],
)
def test_a_printed_code_is_compared_by_its_digits_only_when_they_are_certain(printed: str, digits: str | None) -> None:
    """Art 2(3): a measure covers goods by their HS codes. A label ("HS"), "ex" (a part of the code that follows,
    so within it) and the usual separators leave the digits certain; two codes, a range or words do not, and
    such a print cannot be compared at all (no sentence says how to read it)."""
    assert digits == hs_digits(printed)
    if digits is None:  # the table tells nothing of it: the rule, not the table, must say "cannot tell"
        assert ((), ()) == (TABLE.covering(printed, ON), TABLE.may_cover(printed, ON))


@pytest.mark.parametrize("printed", ["HS 6907.21", "6907,21", "ex 6907.21"])
def test_a_code_printed_with_a_label_or_comma_is_within_the_measure(printed: str) -> None:
    """The review's cases: a COO from China (which the measure does not exclude) printing its tiles as
    "HS 6907.21", "6907,21" or "ex 6907.21". Art 2(3) excludes only goods from a country the measure excludes:
    the tiles are within the measure and the COO cannot exclude them. Before, the print was read as outside
    every measure and the item accepted, with every Art 9 and origin rule not applicable."""
    evaluation = evaluate(motr(exporting_party="CN", items=[motr_item(1, hs_code=printed)]))
    assert ([("motr-country-not-excluded", 1)], roo.Status.REJECTED) == (exclusion(evaluation), evaluation.status)


def test_a_readable_label_does_not_hide_the_items_own_defects() -> None:
    """The review's case: "HS 6907.21" from Viet Nam (excluded), without quantity or weight (Art 9(j)). The
    goods are within the measure, so the Regulation's data elements bind them: (j) denies the item."""
    item = motr_item(1, hs_code="HS 6907.21", quantity=None, gross_weight=None)
    evaluation = evaluate(motr(items=[item]))
    assert ((1,), [("motr-item-data-element-missing", roo.Severity.ERROR)]) == (
        evaluation.denied,
        [(f.code, f.severity) for f in evaluation.findings if f.item == 1 and f.code.startswith("motr-")],
    )


@pytest.mark.parametrize("printed", ["6907.21/22", "ceramic tiles"])
def test_a_code_that_cannot_be_compared_is_never_outside_every_measure(printed: str) -> None:
    """Art 2(3): a measure covers goods by their codes, and one roo cannot compare may be under any measure in
    force. For a country a measure does not exclude: a warning, the check not evaluated (the grant rests on the
    code customs settle); the item stays held to the Regulation, so its missing quantity (Art 9(j)) denies it."""
    co = motr(exporting_party="CN", items=[motr_item(1, hs_code=printed), motr_item(2)])
    evaluation = evaluate(co)
    assert [("motr-hs-code-not-comparable", 1), ("motr-country-not-excluded", 2)] == exclusion(evaluation)
    check = next(c for c in evaluation.checks if c.rule == EXCLUSION and c.item == 1)
    assert (roo.Outcome.NOT_EVALUATED, ("certificate.items.hs_code",), False) == (
        check.outcome,
        check.needed,
        evaluation.complete,
    )
    held = evaluate(motr(exporting_party="CN", items=[motr_item(1, hs_code=printed, quantity=None, gross_weight=None)]))
    assert "motr-item-data-element-missing" in [f.code for f in held.findings if f.item == 1]


def test_a_code_that_cannot_be_compared_passes_when_every_measure_excludes_the_country() -> None:
    """The boundary: every measure in force excludes Viet Nam, so whichever covers the goods, the COO excludes them
    from it (Art 2(3)); nothing to settle."""
    evaluation = evaluate(motr(items=[motr_item(1, hs_code="6907.21/22")]))
    check = next(c for c in evaluation.checks if c.rule == EXCLUSION and c.item == 1)
    assert ([], roo.Status.ACCEPTED, roo.Outcome.PASSED) == (exclusion(evaluation), evaluation.status, check.outcome)


def test_a_covering_measure_does_not_hide_a_more_precise_one_that_may_cover() -> None:
    """The review's case: measure A on 6907 excludes Viet Nam, measure B on 6907.21 excludes no one; the COO
    prints 6907. A covers the goods and excludes Viet Nam; B may cover them and would not: the doubt is reported
    (a warning for customs to settle the full code), as when no measure covers the code."""
    broad = SafeguardMeasure("Measure A", ("6907",), ("VN",), date(2024, 1, 1))
    precise = SafeguardMeasure("Measure B", ("6907.21",), (), date(2024, 8, 1))
    evaluation = evaluate(motr(items=[motr_item(1, hs_code="6907")]), table=SafeguardTable((broad, precise)))
    assert ([("motr-safeguard-scope-uncertain", 1)], roo.Status.ACCEPTED) == (exclusion(evaluation), evaluation.status)
    china = evaluate(motr(exporting_party="CN", items=[motr_item(1, hs_code="6907")]), table=SafeguardTable((broad, precise)))
    assert [("motr-country-not-excluded", 1), ("motr-safeguard-scope-uncertain", 1)] == exclusion(china)


def test_a_measure_excluding_no_country_denies_every_country() -> None:
    """A measure that names no excluded country leaves no COO able to exclude goods from it."""
    table = roo.load_context({"safeguard_measures": table_json(excluded_countries=[])}).safeguard_measures
    evaluation = evaluate(motr(), table=table)
    assert ([("motr-country-not-excluded", 1)], roo.Status.REJECTED) == (exclusion(evaluation), evaluation.status)


@pytest.mark.parametrize(
    ("table", "on", "needed"),
    [
        pytest.param(None, ON, "context.safeguard_measures", id="no-table"),
        pytest.param(TABLE, None, "context.on", id="no-date"),
    ],
)
def test_without_the_measures_or_the_date_the_exclusion_is_not_evaluated(
    table: SafeguardTable | None, on: date | None, needed: str
) -> None:
    """Which measure applies is not on the COO: without it roo names the fact it needs and denies nothing."""
    evaluation = evaluate(motr(exporting_party="CN"), table=table, on=on)
    checks = {c.needed for c in evaluation.checks if c.rule == EXCLUSION and c.item is not None}
    assert ({(needed,)}, []) == (checks, exclusion(evaluation))


def test_several_measures_each_must_exclude_the_country() -> None:
    """Goods under two measures (a duty and a quota) are excluded only from the one that names their country."""
    quota = SafeguardMeasure("Illustrative quota 2/2024", ("6907",), ("TH",), date(2024, 1, 1))
    evaluation = evaluate(motr(), table=SafeguardTable((TILES, quota)))
    found = [f.facts["measure"] for f in evaluation.findings if f.code == "motr-country-not-excluded"]
    assert (["Illustrative quota 2/2024"], (1,)) == (found, evaluation.denied)


def test_table_lookup_is_by_index_whatever_its_size() -> None:
    """A table of many measures answers an item from its index (a linear-cost guard, not a timing)."""
    measures = tuple(
        SafeguardMeasure(f"Act {n}", (f"{n:06d}",), ("VN",), date(2024, 1, 1)) for n in range(100000, 110000)
    )
    table = SafeguardTable((*measures, TILES))
    assert ((TILES,), ()) == (table.covering("6907.21", ON), table.covering("1000.00", date(2023, 1, 1)))


# --- a COO in every import --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        pytest.param({"issue_date": "2024-09-03"}, "motr-coo-issued-after-import", id="issued-the-day-after"),
        pytest.param(
            {"transport": {"departure_date": "2024-09-03", "vessel_or_flight": "MV X", "port_of_discharge": "IDTPP"}},
            "motr-consignment-departs-after-import",
            id="departs-the-day-after",
        ),
    ],
)
def test_a_coo_that_cannot_belong_to_this_import_is_denied(changes: dict[str, Any], code: str) -> None:
    """"Non-Preferred COO must be enclosed in every import" and identifies the consignment (Art 9(i)): a COO
    issued, or for goods leaving, after the import date was not enclosed with this import."""
    evaluation = roo.evaluate(motr(**changes), on=date(2024, 9, 2))
    assert ([code], roo.Status.REJECTED) == (
        [f.code for f in evaluation.findings if f.rule == EXCLUSION and f.code.startswith("motr-")],
        evaluation.status,
    )


def test_whether_the_coo_belongs_to_this_import_needs_the_import_date() -> None:
    """"Non-Preferred COO must be enclosed in every import" (Art 9): whether the COO was issued, and its goods
    left, before the import can only be told from the import date; without it the check is not evaluated and
    names that fact."""
    evaluation = roo.evaluate(motr())
    title = "a COO enclosed with this import, for its consignment"
    assert [(roo.Outcome.NOT_EVALUATED, ("context.on",))] == [
        (c.outcome, c.needed) for c in evaluation.checks if c.title == title
    ]


def test_a_coo_issued_and_leaving_on_the_import_date_may_be_enclosed() -> None:
    """The boundary: issued and departing on the day of import is possible (an air consignment)."""
    transport = {"departure_date": "2024-09-02", "vessel_or_flight": "VN 631", "port_of_discharge": "IDCGK"}
    evaluation = roo.evaluate(motr(issue_date="2024-09-02", transport=transport), on=date(2024, 9, 2))
    assert [] == [f.code for f in evaluation.findings if f.rule == EXCLUSION and f.code.startswith("motr-")]


def test_a_coo_issued_after_its_goods_left_but_before_the_import_is_not_denied() -> None:
    """Read again (kept): the summary asks that the importer "shall submit" the COO, "enclosed in every import",
    and says nothing of when it is issued relative to shipment. A COO issued a week after its goods left
    (15 August) but before the import (2 September) could be enclosed: nothing to deny on. Only one issued after
    the day it is presented (``on``) cannot have been."""
    evaluation = roo.evaluate(motr(issue_date="2024-08-22"), on=date(2024, 9, 2))
    assert ([], roo.Status.ACCEPTED) == (
        [f.code for f in evaluation.findings if f.rule == EXCLUSION and f.code.startswith("motr-")],
        evaluation.status,
    )


def test_the_issuing_country_is_not_checked() -> None:
    """A documented gap: "issued by the exporting country" is not checked, since the model holds no issuing
    country (``exporting_party`` is the exporting country itself, and the certifying body's name is free text).
    A COO certified by a body roo cannot place gets no finding about its country, either way."""
    certification = {"authority": "Some Chamber of Commerce, Singapore", "signed": True, "sealed": True}
    evaluation = roo.evaluate(motr(certification=certification), on=date(2024, 9, 2))
    assert roo.Status.ACCEPTED == evaluation.status
    assert not [f for f in evaluation.findings if "issu" in f.code and f.code.startswith("motr-")]


# --- Art 2(4): a preferential CO ----------------------------------------------------------------------------


def test_a_preferential_co_of_the_same_country_is_left_to_its_agreement() -> None:
    """Art 2(4): goods with a preferential CO are verified "based on the international agreement": roo notes it
    and evaluates neither certificate under the other's rules."""
    ajcep = certificate_data(scheme="AJCEP", exporting_party="VN", importing_party="ID", reference_number="VN-AJ-1")
    ctx = roo.load_context({"on": ON.isoformat(), "related_certificates": [ajcep]})
    evaluation = roo.evaluate(motr(), ctx)
    found = [(f.code, f.severity, f.facts["scheme"]) for f in evaluation.findings if f.rule == "ID/MOTR-16-2024/2(4)"]
    assert ([("motr-preferential-co-verified-under-agreement", roo.Severity.INFO, "AJCEP")], roo.Status.ACCEPTED) == (
        found,
        evaluation.status,
    )


# --- the table's JSON form --------------------------------------------------------------------------------


def test_table_round_trips_through_its_json_form() -> None:
    """The context carries the table as JSON; dumping and loading it gives the same table."""
    ctx = roo.load_context({"on": "2024-09-02", "safeguard_measures": table_json()})
    assert ctx.safeguard_measures is not None
    assert ("690721", "690722") == ctx.safeguard_measures.measures[0].hs_codes
    assert ctx == roo.load_context(roo.dump_context(ctx))


@pytest.mark.parametrize(
    ("changes", "fault"),
    [
        pytest.param({"hs_codes": ["69x"]}, "hs_codes", id="hs-not-digits"),
        pytest.param({"hs_codes": []}, "hs_codes", id="no-hs"),
        pytest.param({"excluded_countries": ["Viet Nam"]}, "excluded_countries", id="country-name"),
        pytest.param({"excluded_countries": ["VN\n"]}, "excluded_countries", id="trailing-newline"),
        pytest.param({"effective_until": "2024-07-31"}, "effective_until", id="ends-before-it-begins"),
        pytest.param({"reference": " "}, "reference", id="no-reference"),
    ],
)
def test_a_malformed_table_is_an_input_error_with_its_path(changes: dict[str, Any], fault: str) -> None:
    """Bad input is a clear error naming where it is, never a traceback nor a finding."""
    with pytest.raises(roo.InvalidContext) as raised:
        roo.load_context({"safeguard_measures": table_json(**changes)})
    assert [("safeguard_measures.measures[0]", True)] == [
        (p.path, fault in p.message) for p in raised.value.problems
    ]
