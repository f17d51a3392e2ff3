"""Box 8 compared with a bill of materials for another good: what the warning says, where a mutation sample found
a gap.

AJCEP Art 24 (paraphrased): a good is originating when it meets the criteria of the Chapter in the exporting
Party. A bill of materials shows that only for the good it describes: one for another HS code, scheme or exporting
Party is not compared with box 8, and the warning names both sides so that the reader sees which differs.
"""

from __future__ import annotations

import roo
from roo.evaluation import Severity
from roo.origin import cross_check
from tests.builders import certificate, item_data
from tests.origin.helpers import good, material, table


def test_bill_for_another_exporting_party_names_both_goods() -> None:
    co = certificate(items=[item_data(1, hs_code="190531", origin_criterion="CTH")], exporting_party="ID")
    (finding,) = cross_check(co.items[0], good(material("Flour", "110100", "55.00")), certificate=co)
    assert (finding.code, finding.severity, finding.item, finding.rule) == (
        "box8-bill-for-other-good",
        Severity.WARNING,
        1,
        "AJCEP/ART/24",
    )
    assert {
        "good_hs_code": "190531",
        "good_scheme": "AJCEP",
        "good_party": "TH",
        "item_hs_code": "190531",
        "scheme": "AJCEP",
        "party": "ID",
    }.items() <= dict(finding.facts).items()
    assert finding.message == (
        "Item 1: The bill of materials is for HS 190531 under AJCEP from TH, and the item is HS 190531 under AJCEP from ID; "
        "box 8 was not compared with it."
    )


def test_bill_for_another_good_under_jiepa_cites_jiepa() -> None:
    """Under JIEPA the same warning rests on Art 29.1, which says which goods originate."""
    co = certificate(items=[item_data(1, hs_code="854430", origin_criterion="PSR")], exporting_party="ID")
    jiepa_good = good(
        material("Copper wire", "740811", "10.00"), scheme="JIEPA", exporting_party="ID", hs_code="854420"
    )
    (finding,) = cross_check(co.items[0], jiepa_good)
    assert ("box8-bill-for-other-good", "JIEPA/ART/29(1)") == (finding.code, finding.rule)


def claim(criterion: str) -> roo.Item:
    return certificate(items=[item_data(1, hs_code="190531", origin_criterion=criterion)], exporting_party="TH").items[
        0
    ]


def test_doubt_is_weighed_under_the_product_specific_rule() -> None:
    """Doubt never denies: a good that fails only because a material's origin is unknown, and that the
    product-specific rule (here CTSH, AJCEP Art 26.2) would make originating were that material originating, is
    noted as not determinable, not denied. The general rule would not save it, so the rule that applies must be
    the one weighed."""
    psr = table({"hs": "1905", "rule": "CTSH"})
    bill = good(
        material("Wafer sheets", "190532", "70.00"),
        material("Dough", "190531", "20.00", originating=None),
    )
    (finding,) = cross_check(claim("CTC"), bill, psr)
    assert ("box8-not-determinable", Severity.INFO, ("materials[1].originating",), "CTC") == (
        finding.code,
        finding.severity,
        finding.facts["needed"],
        finding.facts["claimed"],
    )


def test_an_undetermined_good_names_the_claim_and_the_facts_needed() -> None:
    """When the bill of materials cannot decide, box 8 is neither confirmed nor denied; the note quotes the claim."""
    (finding,) = cross_check(claim("CTH"), good(material("Mystery", None, "70.00")))
    assert ("box8-not-determinable", "CTH", ("materials[0].hs_code",)) == (
        finding.code,
        finding.facts["claimed"],
        finding.facts["needed"],
    )
    assert "'CTH'" in finding.message


def test_a_good_not_of_a_party_is_denied_saying_so() -> None:
    """AJCEP Art 24: only a good of a Party can originate; a bill of materials for a good of a non-Party shows that
    the claim is wrong, and says why."""
    co = certificate(items=[item_data(1, hs_code="190531", origin_criterion="CTH")], exporting_party="TH")
    (finding,) = cross_check(co.items[0], good(material("Flour", "110100", "40.00"), exporting_party="CN"))
    assert ("box8-not-originating", "it is not of a Party", "CTH") == (
        finding.code,
        finding.facts["reasons"],
        finding.facts["claimed"],
    )


def test_a_bill_too_deep_to_settle_names_where_it_stops() -> None:
    """A bill of materials nested past the limit is no evidence either way (Art 24 asks what the good is made of,
    not how deep a file may go): the note says which list is too deep, so the importer can send a flatter bill."""
    from roo.origin.model import MAX_MATERIAL_DEPTH, nesting_problem
    from tests.origin.test_mutants_model import built, chain

    bill = built(chain(MAX_MATERIAL_DEPTH + 1))
    problem = nesting_problem(bill)
    assert problem is not None
    (finding,) = cross_check(claim("CTH"), bill)
    assert (finding.code, finding.item, finding.facts["claimed"], finding.facts["needed"]) == (
        "box8-not-determinable",
        1,
        "CTH",
        (f"{problem.path} ({problem.message})",),
    )


def test_an_undetermined_jiepa_good_is_noted_under_jiepa() -> None:
    """Under JIEPA, whether a good originates is decided by Art 29.1: a box 8 that its bill cannot settle is noted
    citing JIEPA, not AJCEP."""
    co = certificate(items=[item_data(1, hs_code="854430", origin_criterion="PSR")], exporting_party="ID")
    bill = good(material("Mystery", None, "70.00"), scheme="JIEPA", exporting_party="ID", hs_code="854430")
    (finding,) = cross_check(co.items[0], bill, table({"hs": "8544", "rule": "CTH"}, scheme="JIEPA"))
    assert (finding.code, finding.rule.split("/")[0], finding.facts["needed"]) == (
        "box8-not-determinable",
        "JIEPA",
        ("materials[0].hs_code",),
    )


def test_a_criterion_not_supported_names_what_the_bill_does_satisfy() -> None:
    """Box 8 claims WO for biscuits made from foreign flour: the note names the criteria the bill does meet, so the
    exporter sees which code box 8 should have carried (form note 3)."""
    (finding,) = cross_check(claim("WO"), good(material("Flour", "110100", "40.00")))
    assert (finding.code, finding.facts["unsupported"], finding.facts["satisfied"], finding.facts["box8"]) == (
        "box8-criterion-not-supported",
        ("WO",),
        ("RVC", "CTH"),
        "CTH",
    )
