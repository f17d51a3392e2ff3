"""Specific processes and the operations that never confer origin, where a mutation sample found a gap.

AJCEP Art 30 (JIEPA Art 32, paraphrased): a good does not meet a change in tariff classification or a specific
manufacturing or processing operation merely because of operations such as packing into simple containers or
making up sets. The finding names the requirement it defeated, so that a reader of a rule "CC or SP:[refining]"
sees which alternative the operations could not satisfy.
"""

from __future__ import annotations

from roo.origin import determine
from tests.origin.helpers import criterion, good, material, table

PACKING_ONLY = [{"kind": "simple_packing", "description": "Drums", "process": "refining"}]


def test_packing_named_as_the_process_is_reported_against_the_sp_requirement() -> None:
    """Even when the packing operation names the process, it cannot be that process (AJCEP Art 30(d))."""
    rule = table({"hs": "1511.90", "rule": "SP:[refining]"})
    determination = determine(
        good(material("Crude palm oil", "151110", "60.00"), hs_code="151190", operations=PACKING_ONLY), rule
    )
    assert criterion(determination, "SP") is False
    blocked = [f for f in determination.findings if f.code == "origin-non-qualifying-operations"]
    assert [("AJCEP/ART/30", "SP", ("simple packing",))] == [
        (f.rule, f.facts["criterion"], f.facts["operations"]) for f in blocked
    ]
    assert blocked[0].message == "SP: only operations that cannot confer origin were performed (simple packing)."


def test_each_part_of_a_combined_rule_is_named_in_the_finding() -> None:
    """In "CTH and SP:[refining]" each requirement the packing defeats is named on its own."""
    rule = table({"hs": "1511.90", "rule": "CTH and SP:[refining]"})
    determination = determine(
        good(material("Crude palm oil", "151110", "60.00"), hs_code="151190", operations=PACKING_ONLY), rule
    )
    blocked = [f.facts["criterion"] for f in determination.findings if f.code == "origin-non-qualifying-operations"]
    assert ["CTH", "SP:refining"] == blocked


def test_a_material_settled_from_its_bill_needs_its_own_six_digit_code_for_a_change_of_heading() -> None:
    """A material determined from its own bill of materials is judged as a good (AJCEP Art 27.5): a change of heading
    needs its six-digit subheading, so a material given only as heading 1905 is undetermined for want of its code."""
    dough = material("Dough", "1905", "30.00", originating=None, materials=[material("Premix", "190590", "25.00")])
    determination = determine(good(dough))
    settled = [f.facts["result"] for f in determination.findings if f.code == "origin-material-settled"]
    assert ["undetermined for want of materials[0].hs_code, so it is treated as non-originating"] == settled


def test_a_specific_process_with_only_originating_materials_needs_no_flag() -> None:
    """AJCEP Art 26.4: the process is asked of non-originating materials only; with none, the rule is met, and no
    ACU is printed where no material of another Party was used."""
    rule = table({"hs": "1511.90", "rule": "SP:[refining]"})
    determination = determine(
        good(material("Crude palm oil", "151110", "60.00", originating=True), hs_code="151190"), rule
    )
    assert (True, "PE", ()) == (criterion(determination, "SP"), determination.box8, determination.flags)
    sp = next(c for c in determination.criteria if c.criterion == "SP")
    assert ((), "SP") == (sp.flags, sp.box8)
