"""A determination as people read it, pinned where a mutation sample found a gap.

``repr`` is the short form a notebook or a log shows; it gives the same answer, in the same words, as the text
report and the JSON: originating, not originating or undetermined, with the recommended box 8 (AJCEP form note 3)
and the value content.
"""

from __future__ import annotations

from roo.origin import determine
from tests.origin.helpers import good, material


def test_repr_says_not_originating_in_plain_words() -> None:
    """The short form gives the answer as the other outputs do: "not originating"."""
    determination = determine(good(material("Premix", "190590", "70.00")))
    assert determination.originating is False
    assert repr(determination) == "<Determination AJCEP TH 190531: not originating, RVC 30.00%>"


def test_repr_of_an_originating_good_names_box8() -> None:
    """An originating good's short form names the answer, the recommended box 8 and the value content."""
    determination = determine(good(material("Flour", "110100", "40.00")))
    assert repr(determination) == "<Determination AJCEP TH 190531: originating, box 8 'CTH', RVC 60.00%>"


def test_repr_of_an_undetermined_good() -> None:
    """Without the FOB, neither route can be told: the short form says "undetermined" and shows no RVC."""
    determination = determine(good(material("Premix", "190590", "70.00"), material("Mystery", None), fob_value=None))
    assert repr(determination) == "<Determination AJCEP TH 190531: undetermined>"
