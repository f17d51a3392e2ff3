"""Settling a bill of materials: indirect materials and shipping packing count as originating.

AJCEP Art 34 and JIEPA Art 29 (paraphrased): indirect materials used in production
(fuel, tools, equipment) are treated as originating whatever their source;
AJCEP Art 32.1: packing for shipment is left out of the origin determination.
A mutation sample found that breaking how such a material is settled passed the
accumulation and determination tests; these pin the settled material itself.
"""

from __future__ import annotations

import pytest

from roo.evaluation import Severity
from roo.origin import determine
from tests.origin.helpers import good, material


@pytest.mark.parametrize("role", ["indirect", "shipping_packing"])
def test_material_of_this_role_settles_as_originating(role: str) -> None:
    """A non-originating material of the same heading, in this role, does not stop a change of heading."""
    determination = determine(
        good(material("Flour", "110100", "40.00"), material("Item", "190590", "30.00", role=role))
    )
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert cth.met is True
    assert not [f for f in determination.findings if f.severity is Severity.ERROR]
    assert determination.originating is True


def test_same_material_as_an_input_does_not() -> None:
    """The contrast: as an ordinary input the same material keeps the heading, so CTH is not met."""
    determination = determine(good(material("Flour", "110100", "40.00"), material("Item", "190590", "30.00")))
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert cth.met is False


def test_a_material_whose_own_bill_cannot_decide_names_what_it_lacks() -> None:
    """AJCEP Art 27.5 rolls up an originating material whole; one whose origin its own bill of materials cannot
    decide is treated as non-originating, and the finding says which facts, named from the outer good, would
    decide it."""
    dough = material(
        "Dough", "190590", "30.00", originating=None, materials=[material("Mystery", None, "10.00"), material("Salt")]
    )
    determination = determine(good(dough, fob_value={"amount": "100.00", "currency": "USD"}))
    settled = [f for f in determination.findings if f.code == "origin-material-settled"]
    assert ["undetermined for want of materials[0].materials[0].hs_code, so it is treated as non-originating"] == [
        f.facts["result"] for f in settled
    ]
