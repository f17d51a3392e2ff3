"""Change in tariff classification, specific processes and non-qualifying operations (AJCEP Arts 26, 30; JIEPA Arts 29.3, 32)."""

from __future__ import annotations

from typing import Any

import pytest

from roo.origin.ctc import changes
from roo.origin.psr import HsRange, Requirement, RequirementKind
from tests.origin.helpers import criterion, material, run, table

CTH = Requirement(RequirementKind.CTH)


@pytest.mark.parametrize(
    ("kind", "material_hs", "expected"),
    [
        pytest.param(RequirementKind.CTH, "110100", True, id="cth-other-heading"),
        pytest.param(RequirementKind.CTH, "190590", False, id="cth-same-heading"),
        pytest.param(RequirementKind.CTH, "1101", True, id="cth-heading-only-differs"),
        pytest.param(RequirementKind.CTH, "19", None, id="cth-chapter-only-cannot-tell"),
        pytest.param(RequirementKind.CTH, "11", True, id="cth-other-chapter-is-enough"),
        pytest.param(RequirementKind.CTH, "19053190", False, id="cth-national-code-same-heading"),
        pytest.param(RequirementKind.CC, "190590", False, id="cc-same-chapter"),
        pytest.param(RequirementKind.CC, "110100", True, id="cc-other-chapter"),
        pytest.param(RequirementKind.CTSH, "190532", True, id="ctsh-other-subheading"),
        pytest.param(RequirementKind.CTSH, "190531", False, id="ctsh-same-subheading"),
        pytest.param(RequirementKind.CTSH, "1905", None, id="ctsh-heading-only-cannot-tell"),
        pytest.param(RequirementKind.CTH, None, None, id="no-code"),
    ],
)
def test_changes(kind: RequirementKind, material_hs: str | None, expected: bool | None) -> None:
    """A material changes classification at the level the requirement names; too short a code cannot tell."""
    assert expected == changes(Requirement(kind), "190531", material_hs)


@pytest.mark.parametrize(
    ("material_hs", "expected"),
    [
        pytest.param("640610", False, id="excepted-subheading-is-no-change"),
        pytest.param("640620", True, id="other-subheading-of-same-heading-changes"),
        pytest.param("6406", None, id="heading-only-cannot-tell-against-subheading-exception"),
    ],
)
def test_changes_with_exceptions(material_hs: str, expected: bool | None) -> None:
    """``CTH except 6406.10``: a material from an excepted code does not count as a change."""
    requirement = Requirement(RequirementKind.CTH, exceptions=(HsRange("640610", "640610"),))
    assert expected == changes(requirement, "640411", material_hs)


def test_every_non_originating_material_must_change() -> None:
    """CTH is met when every non-originating material changes heading, and only then (beyond de minimis)."""
    met = run(material("Flour", "110100", "40.00"), material("Sugar", "170199", "30.00"))
    not_met = run(material("Flour", "110100", "40.00"), material("Premix", "190590", "30.00"))
    assert (True, False) == (criterion(met, "CTH"), criterion(not_met, "CTH"))


def test_originating_materials_need_not_change() -> None:
    """AJCEP Art 26.4: CTC applies only to non-originating materials."""
    determination = run(material("Premix", "190590", "30.00", originating=True))
    assert criterion(determination, "CTH") is True


@pytest.mark.parametrize(
    ("role", "met"),
    [
        pytest.param("input", False, id="input-must-change"),
        pytest.param("retail_packaging", True, id="retail-packaging-ignored-art-32-2"),
        pytest.param("accessory", True, id="accessory-ignored-art-33-1"),
        pytest.param("shipping_packing", True, id="shipping-packing-ignored-art-32-1"),
        pytest.param("indirect", True, id="indirect-material-originating-art-34"),
    ],
)
def test_roles_left_out_of_the_ctc(role: str, met: bool) -> None:
    """Packing, accessories and indirect materials do not have to change classification."""
    determination = run(material("Flour", "110100", "40.00"), material("Item", "190590", "30.00", role=role))
    assert met == criterion(determination, "CTH")


def test_unknown_hs_code_leaves_ctc_undetermined() -> None:
    """A non-originating material without an HS code: CTH is unknown unless de minimis covers it anyway."""
    unknown = run(material("Flour", "110100", "40.00"), material("Mystery", None, "30.00"))
    covered = run(material("Flour", "110100", "40.00"), material("Mystery", None, "5.00"))
    rule = next(c for c in unknown.criteria if c.criterion == "CTH")
    assert (None, ("materials[1].hs_code",), True) == (rule.met, rule.needed, criterion(covered, "CTH"))


OPERATIONS_ONLY_PACKING: list[dict[str, Any]] = [
    {"kind": "simple_packing", "description": "Placing in tins"},
    {"kind": "set_making", "description": "Assortment boxes"},
]


@pytest.mark.parametrize(
    ("operations", "met"),
    [
        pytest.param([], True, id="no-operations-listed-assumes-production"),
        pytest.param(OPERATIONS_ONLY_PACKING, False, id="only-non-qualifying-operations-art-30"),
        pytest.param([*OPERATIONS_ONLY_PACKING, {"kind": "production"}], True, id="production-and-packing"),
        pytest.param([{"kind": "preservation"}], False, id="freezing-only-art-30-a"),
    ],
)
def test_non_qualifying_operations_never_satisfy_a_ctc(operations: list[dict[str, Any]], met: bool) -> None:
    """AJCEP Art 30: operations listed there alone satisfy no change in tariff classification."""
    determination = run(material("Flour", "110100", "40.00"), operations=operations)
    assert met == criterion(determination, "CTH")


def test_non_qualifying_operations_do_not_block_rvc() -> None:
    """Art 30 speaks of CTC and specific processes only; the RVC route stays open."""
    determination = run(material("Flour", "110100", "40.00"), operations=OPERATIONS_ONLY_PACKING)
    assert (False, True) == (criterion(determination, "CTH"), criterion(determination, "RVC"))


SP_TABLE = table({"hs": "1511.90", "rule": "SP:[refining]"})


def palm_oil(operations: list[dict[str, Any]], *materials: dict[str, Any]) -> bool | None:
    """Whether refined palm oil meets ``SP:refining`` with ``operations`` and ``materials``."""
    determination = run(
        *(materials or (material("Crude palm oil", "151110", "60.00", origin_party="PG"),)),
        psr=SP_TABLE,
        hs_code="151190",
        operations=operations,
    )
    return criterion(determination, "SP")


@pytest.mark.parametrize(
    ("operations", "expected"),
    [
        pytest.param([{"kind": "production", "process": "refining"}], True, id="process-performed"),
        pytest.param([{"kind": "production", "process": "  Refining "}], True, id="case-and-spacing-ignored"),
        pytest.param([{"kind": "production", "process": "fractionation"}], False, id="other-process"),
        pytest.param([{"kind": "production"}], False, id="production-without-the-process"),
        pytest.param([], None, id="no-operations-listed"),
        pytest.param([{"kind": "simple_packing", "process": "refining"}], False, id="packing-cannot-be-the-process"),
    ],
)
def test_specific_process(operations: list[dict[str, Any]], expected: bool | None) -> None:
    """``SP:<process>`` is met when an operation names the process; Art 30 operations never count."""
    assert expected == palm_oil(operations)


def test_specific_process_only_concerns_non_originating_materials() -> None:
    """With no non-originating material, a specific-process rule has nothing to apply to (Art 26.4)."""
    assert palm_oil([], material("Crude palm oil", "151110", "60.00", originating=True)) is True


@pytest.mark.parametrize(
    ("material_hs", "expected"),
    [
        pytest.param("17", None, id="chapter-of-the-first-heading"),
        pytest.param("1703", False, id="last-heading-of-the-range"),
        pytest.param("1704", True, id="after-the-range"),
        pytest.param("18", True, id="chapter-after-the-range"),
    ],
)
def test_a_code_too_short_to_tell_against_an_excepted_range_is_unknown(material_hs: str, expected: bool | None) -> None:
    """``CC except from 17.01-17.03``: a material known only as chapter 17 may come from the excepted headings,
    so whether it changes classification cannot be told; heading 17.03 (the range's end) is excepted."""
    requirement = Requirement(RequirementKind.CC, exceptions=(HsRange("1701", "1703"),))
    assert expected == changes(requirement, "210690", material_hs)
