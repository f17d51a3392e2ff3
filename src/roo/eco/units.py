"""Units of quantity, compared by what they measure: UN/ECE Recommendation 20 codes and their equivalents.

A CO and a customs system rarely spell a unit alike: NACCS declares a count
as ``NO``, an Indonesian CO prints ``PCS``, UN/ECE Recommendation 20 codes a
piece as ``H87``. roo reads each spelling in :data:`EQUIVALENTS` as the
Recommendation 20 code it stands for, and knows for each such code
(:data:`UNITS`) the quantity it measures and how many base units one of it
is, exactly. Two quantities measuring the same thing compare after
conversion to the base unit; anything else — a spelling roo does not know, a
mass against a count — is not comparable, and a caller reports that rather
than guessing.

Counts: ``H87`` (piece), ``C62`` (one) and ``NAR`` (number of articles) all
count single articles, so roo reads them as one unit (``H87``). A pair
(``PR``), a set (``SET``) and a package are not a number of articles, so they
are kinds of their own. ``MT`` is left out on purpose: traders write it for a
metric tonne, but it is not a Recommendation 20 code and reads as a metre too.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import Final, NamedTuple, final


@final
class Unit(NamedTuple):
    """A Recommendation 20 unit: its code, what it measures, and its size in that measure's base unit."""

    code: str
    measures: str
    in_base: Decimal


def _units(*rows: tuple[str, str, str]) -> MappingProxyType[str, Unit]:
    return MappingProxyType({code: Unit(code, measures, Decimal(size)) for code, measures, size in rows})


#: The Recommendation 20 codes roo compares, with what each measures and its size in the base unit.
UNITS: Final = _units(
    ("H87", "count", "1"),
    ("DZN", "count", "12"),
    ("PR", "pairs", "1"),
    ("SET", "sets", "1"),
    ("KGM", "mass", "1"),
    ("GRM", "mass", "0.001"),
    ("TNE", "mass", "1000"),
    ("LTR", "volume", "1"),
    ("MLT", "volume", "0.001"),
    ("MTQ", "volume", "1000"),
    ("MTR", "length", "1"),
    ("CMT", "length", "0.01"),
    ("MMT", "length", "0.001"),
    ("MTK", "area", "1"),
)

#: Spellings met on COs and in customs systems (upper case, without dots), each with its Recommendation 20 code.
EQUIVALENTS: Final = MappingProxyType(
    {
        **{code: code for code in UNITS},
        # counts of single articles
        **dict.fromkeys(("C62", "NAR", "PCS", "PC", "PCE", "PIECE", "PIECES", "NO", "NOS", "NUMBER", "U", "UNIT",
                         "UNITS", "EA", "EACH"), "H87"),
        **dict.fromkeys(("DZ", "DOZ", "DOZEN"), "DZN"),
        **dict.fromkeys(("PRS", "PAIR", "PAIRS", "NPR"), "PR"),
        **dict.fromkeys(("SETS",), "SET"),
        **dict.fromkeys(("KG", "KGS", "KILO", "KILOS", "KILOGRAM", "KILOGRAMS"), "KGM"),
        **dict.fromkeys(("G", "GR", "GRAM", "GRAMS"), "GRM"),
        **dict.fromkeys(("T", "TONNE", "TONNES"), "TNE"),
        **dict.fromkeys(("L", "LT", "LTRS", "LITRE", "LITRES", "LITER", "LITERS"), "LTR"),
        **dict.fromkeys(("ML",), "MLT"),
        **dict.fromkeys(("M3", "CBM"), "MTQ"),
        **dict.fromkeys(("M", "METRE", "METRES", "METER", "METERS"), "MTR"),
        **dict.fromkeys(("CM",), "CMT"),
        **dict.fromkeys(("MM",), "MMT"),
        **dict.fromkeys(("M2", "SQM"), "MTK"),
    }
)


def unit(spelling: str) -> Unit | None:
    """The Recommendation 20 unit ``spelling`` stands for (case, spaces and dots aside), or None if unknown."""
    code = EQUIVALENTS.get(spelling.strip().upper().replace(".", ""))
    return None if code is None else UNITS[code]


def measure(value: Decimal, spelling: str) -> tuple[str, Decimal]:
    """What ``value`` in unit ``spelling`` measures, and how much of that measure's base unit it is (exactly).

    Two quantities can be compared when their measures are equal. A spelling
    roo does not know measures only itself: it compares with the same spelling
    (case, spaces and dots aside), unconverted.
    """
    known = unit(spelling)
    if known is None:
        return "unit:" + spelling.strip().upper().replace(".", ""), value
    return known.measures, value * known.in_base


def in_unit(value: Decimal, spelling: str, target: str) -> Decimal | None:
    """``value`` given in unit ``spelling`` expressed in unit ``target``; None if they measure different things."""
    source, goal = measure(value, spelling), measure(Decimal(1), target)
    if source[0] != goal[0]:
        return None
    return source[1] if goal[1] == 1 else source[1] / goal[1]
