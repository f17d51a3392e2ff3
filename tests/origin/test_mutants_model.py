"""The depth limit of bills of materials, where a mutation sample found a gap.

Settling materials bottom-up recurses once per level (AJCEP Art 27.5 and JIEPA
Art 29.7 roll up an originating material whole; roo determines a material of
unknown origin from its own bill of materials). A bill nested deeper than
MAX_MATERIAL_DEPTH is refused as an input error that names the limit and the
path of the level past it.
"""

from __future__ import annotations

import pytest

import roo
from roo.origin import Good, InvalidGood, Material
from roo.origin.model import MAX_MATERIAL_DEPTH, nesting_problem


def chain(levels: int, *, siblings: int = 0) -> Material:
    """A material whose bill nests ``levels`` levels in all; each level after the first has leaf siblings first."""
    inner = Material("leaf", "010100")
    for _ in range(levels - 1):
        leaves = tuple(Material("sibling", "020300") for _ in range(siblings))
        inner = Material("level", "020200", materials=(*leaves, inner))
    return inner


def built(top: Material, *, first: int = 0) -> Good:
    return Good(roo.Scheme.AJCEP, "TH", "190531", materials=(*(Material("plain") for _ in range(first)), top))


def test_exactly_at_the_limit_is_no_problem() -> None:
    assert nesting_problem(built(chain(MAX_MATERIAL_DEPTH), first=2)) is None


def test_one_level_past_the_limit_is_refused_naming_the_path() -> None:
    """The problem names the materials list one level past the limit, reached through the nested material."""
    problem = nesting_problem(built(chain(MAX_MATERIAL_DEPTH + 1, siblings=1), first=1))
    assert problem is not None
    path = "materials[1]" + ".materials[1]" * (MAX_MATERIAL_DEPTH - 1) + ".materials"
    assert (
        path,
        f"bills of materials may nest at most {MAX_MATERIAL_DEPTH} levels deep",
        f"more than {MAX_MATERIAL_DEPTH} levels",
    ) == (problem.path, problem.message, problem.value)


def test_determine_refuses_it_before_recursing() -> None:
    with pytest.raises(InvalidGood, match=f"at most {MAX_MATERIAL_DEPTH} levels"):
        roo.origin.determine(built(chain(MAX_MATERIAL_DEPTH + 1, siblings=1), first=1))


def test_the_json_names_of_categories_operations_and_roles() -> None:
    """The words a good's JSON uses (DESIGN §3.4) are a contract: each category of AJCEP Art 25 / JIEPA Art 29.2,
    each operation of AJCEP Art 30 / JIEPA Art 32 and each role of a material is spelled as documented."""
    from roo.origin import MaterialRole, OperationKind, WhollyObtained

    assert [c.value for c in WhollyObtained] == [
        "plant",
        "live_animal",
        "from_live_animal",
        "hunting_fishing",
        "mineral",
        "seabed_outside_territory",
        "sea_fishing",
        "factory_ship",
        "collected_articles",
        "scrap_and_waste",
        "recovered_parts",
        "from_wholly_obtained",
    ]
    assert [k.value for k in OperationKind] == [
        "production",
        "preservation",
        "packaging_change",
        "disassembly",
        "simple_packing",
        "parts_collection",
        "set_making",
    ]
    assert [r.value for r in MaterialRole] == ["input", "retail_packaging", "accessory", "shipping_packing", "indirect"]


def test_seabed_goods_load_and_are_wholly_obtained() -> None:
    """AJCEP Art 25(f): goods taken from the seabed outside the Party's territorial waters, where it may exploit it."""
    loaded = roo.load_good(
        {"scheme": "AJCEP", "exporting_party": "TH", "hs_code": "271111", "wholly_obtained": "seabed_outside_territory"}
    )
    determination = roo.origin.determine(loaded)
    assert (True, "WO", ["AJCEP/ART/25(f)"]) == (
        determination.originating,
        determination.box8,
        [c.rule for c in determination.checks],
    )
