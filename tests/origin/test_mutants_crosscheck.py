"""Box 8 compared with a bill of materials for another good: what the warning says, where a mutation sample found
a gap.

AJCEP Art 24 (paraphrased): a good is originating when it meets the criteria of the Chapter in the exporting
Party. A bill of materials shows that only for the good it describes: one for another HS code, scheme or exporting
Party is not compared with box 8, and the warning names both sides so that the reader sees which differs.
"""

from __future__ import annotations

from roo.evaluation import Severity
from roo.origin import cross_check
from tests.builders import certificate, item_data
from tests.origin.helpers import good, material


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
