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
    determination = determine(good(material("Flour", "110100", "40.00"), material("Item", "190590", "30.00", role=role)))
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert cth.met is True
    assert not [f for f in determination.findings if f.severity is Severity.ERROR]
    assert determination.originating is True


def test_same_material_as_an_input_does_not() -> None:
    """The contrast: as an ordinary input the same material keeps the heading, so CTH is not met."""
    determination = determine(good(material("Flour", "110100", "40.00"), material("Item", "190590", "30.00")))
    cth = next(c for c in determination.criteria if c.criterion == "CTH")
    assert cth.met is False
