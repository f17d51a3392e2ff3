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
    assert (path, f"bills of materials may nest at most {MAX_MATERIAL_DEPTH} levels deep") == (
        problem.path,
        problem.message,
    )


def test_determine_refuses_it_before_recursing() -> None:
    with pytest.raises(InvalidGood, match=f"at most {MAX_MATERIAL_DEPTH} levels"):
        roo.origin.determine(built(chain(MAX_MATERIAL_DEPTH + 1, siblings=1), first=1))
