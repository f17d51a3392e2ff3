"""AJCEP Art 29 / JIEPA Art 30: accumulation, the Parties, and materials settled bottom-up."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from roo.model.certificate import Scheme
from roo.origin.accumulation import Standing, membership
from roo.origin.parameters import Parameters
from tests.origin.helpers import codes, criterion, fob, material, run, table


@pytest.mark.parametrize(
    ("scheme", "party", "on", "standing"),
    [
        pytest.param(Scheme.AJCEP, "JP", None, Standing.PARTY, id="japan-ajcep"),
        pytest.param(Scheme.AJCEP, "TH", date(2009, 6, 1), Standing.PARTY, id="thailand-on-its-entry-into-force"),
        pytest.param(Scheme.AJCEP, "TH", date(2009, 5, 31), Standing.NOT_YET_IN_FORCE, id="thailand-day-before"),
        pytest.param(Scheme.AJCEP, "CN", None, Standing.NOT_A_PARTY, id="china-not-a-party"),
        pytest.param(Scheme.AJCEP, "JP", date(2008, 11, 30), Standing.NOT_YET_IN_FORCE, id="before-any-entry-into-force"),
        pytest.param(Scheme.JIEPA, "ID", None, Standing.PARTY, id="indonesia-jiepa"),
        pytest.param(Scheme.JIEPA, "TH", None, Standing.NOT_A_PARTY, id="thailand-not-a-jiepa-party"),
    ],
)
def test_membership(scheme: Scheme, party: str, on: date | None, standing: Standing) -> None:
    """Who is a Party, on which date."""
    assert standing == membership(scheme, party, Parameters(on)).standing


def steel(*materials: dict[str, object], **changes: object) -> object:
    """Thai steel structures (7308.90) made of ``materials``."""
    return run(*materials, **{"hs_code": "730890", "fob_value": fob("100.00"), **changes})


JAPANESE_SECTIONS = material("H-sections", "721633", "55.00", originating=True, origin_party="JP")
JAPANESE_TRUSSES = material("Truss segments", "730890", "15.00", originating=True, origin_party="JP")
CHINESE_BOLTS = material("Bolts", "731815", "5.00", origin_party="CN")


def test_acu_flagged_when_the_criterion_depends_on_another_partys_materials() -> None:
    """Japanese trusses keep their heading: CTH holds only if they count as originating (Art 29)."""
    determination = steel(JAPANESE_SECTIONS, JAPANESE_TRUSSES, CHINESE_BOLTS)
    rule = next(c for c in determination.criteria if c.criterion == "CTH")
    assert (True, ("ACU",), "CTH, ACU") == (rule.met, rule.flags, determination.box8)


def test_acu_not_flagged_when_not_needed() -> None:
    """Japanese sections change heading anyway: no ACU."""
    determination = steel(JAPANESE_SECTIONS, CHINESE_BOLTS)
    assert ("CTH", ()) == (determination.box8, determination.flags)


def test_rvc_acu_only_when_needed() -> None:
    """RVC needs ACU only when, counting the other Party's materials as non-originating, it would fail."""
    needs = steel(JAPANESE_SECTIONS, JAPANESE_TRUSSES, CHINESE_BOLTS, operations=[{"kind": "simple_packing"}])
    enough = steel(material("Paint", "320890", "65.00", originating=True, origin_party="JP"))
    rule = next(c for c in needs.criteria if c.criterion == "RVC")
    other = next(c for c in enough.criteria if c.criterion == "RVC")
    assert ((True, ("ACU",)), (True, ("ACU",))) == ((rule.met, rule.flags), (other.met, other.flags))
    leaner = steel(material("Paint", "320890", "30.00", originating=True, origin_party="JP"))
    assert () == next(c for c in leaner.criteria if c.criterion == "RVC").flags


def test_prefers_a_criterion_without_flags() -> None:
    """When RVC needs no flag and CTH needs ACU, box 8 recommends RVC; both are satisfied."""
    determination = steel(JAPANESE_TRUSSES, CHINESE_BOLTS)
    assert ("RVC", ("RVC", "CTH")) == (determination.box8, determination.satisfied)


def test_material_of_a_non_party_is_not_originating() -> None:
    """A material declared originating in a state that is not a Party counts as non-originating."""
    determination = steel(material("Trusses", "730890", "15.00", originating=True, origin_party="CN"))
    assert (False, True) == (
        criterion(determination, "CTH"),
        "origin-material-party-not-a-party" in codes(determination),
    )


def test_material_of_a_party_before_its_entry_into_force() -> None:
    """On a date before the Agreement entered into force for the material's Party, it is not a Party yet."""
    trusses = material("Trusses", "730890", "15.00", originating=True, origin_party="PH")
    before = steel(trusses, on="2010-06-30")
    after = steel(trusses, on="2010-07-01")
    assert (False, True) == (criterion(before, "CTH"), criterion(after, "CTH"))
    assert "origin-material-party-not-in-force" in codes(before)


def test_exporting_party_not_a_party() -> None:
    """A good exported from a state that is not a Party does not originate."""
    determination = steel(exporting_party="CN")
    assert (False, ["origin-exporting-party-not-a-party"]) == (determination.originating, codes(determination))


def test_agreement_not_in_force_for_the_exporting_party() -> None:
    """A Thai good on a date before AJCEP entered into force for Thailand does not originate."""
    determination = steel(on="2009-05-31")
    assert (False, ["origin-agreement-not-in-force"]) == (determination.originating, codes(determination))


def test_unknown_origin_is_treated_as_non_originating() -> None:
    """A material of unknown origin counts as non-originating, and a warning says so."""
    determination = run(material("Premix", "190590", "30.00", originating=None))
    assert (False, "origin-material-origin-unknown") == (
        criterion(determination, "CTH"),
        next(f.code for f in determination.findings if f.severity.value == "warning"),
    )


def test_ajcep_pe_with_materials_of_other_parties_needs_no_acu() -> None:
    """AJCEP Art 24(c) admits originating materials of one or more Parties: PE without ACU."""
    determination = steel(JAPANESE_SECTIONS, material("Paint", "320890", "5.00", originating=True))
    assert ("PE", ()) == (determination.box8, determination.flags)


def test_jiepa_pe_with_japanese_materials_needs_acu() -> None:
    """JIEPA Art 29.1(b) counts Japanese materials for an Indonesian good only through Art 30.1: ACU."""
    determination = run(
        material("Copper wire", "854449", "20.00", originating=True, origin_party="JP"),
        scheme="JIEPA",
        exporting_party="ID",
        hs_code="854430",
    )
    assert ("PE, ACU", ("PE",)) == (determination.box8, determination.satisfied)


def test_jiepa_does_not_accumulate_asean_materials() -> None:
    """Bilateral accumulation only: a Thai material is non-originating under JIEPA."""
    determination = run(
        material("Terminals", "853690", "20.00", originating=True, origin_party="TH"),
        scheme="JIEPA",
        exporting_party="ID",
        hs_code="854430",
    )
    assert (False, "origin-material-party-not-a-party") == (
        criterion(determination, "PE"),
        codes(determination)[1],
    )


def test_nested_material_settled_bottom_up() -> None:
    """A material of unknown origin with its own bill of materials is determined as a good of its own."""
    dough = material("Dough", "190590", "30.00", originating=None, materials=[
        material("Flour", "110100", "10.00"),
    ])
    determination = run(dough)
    note = next(f for f in determination.findings if f.code == "origin-material-settled")
    assert (True, "Material 'Dough' (materials[0]) was settled from its own bill of materials: originating (CTH).") == (
        criterion(determination, "CTH"),
        note.message,
    )


def test_nested_material_that_does_not_originate() -> None:
    """A nested material that fails its own rules counts as non-originating at its full value."""
    dough = material("Dough", "190590", "30.00", originating=None, materials=[
        material("Premix", "190590", "25.00"),
    ])
    determination = run(dough)
    assert (False, Decimal("70.00")) == (criterion(determination, "CTH"), determination.rvc_percent)


def test_nested_material_produced_in_another_party_needs_acu() -> None:
    """A material produced and originating in Japan, used in Thailand, counts only through accumulation."""
    sub = material("Trusses", "730890", "15.00", originating=None, origin_party="JP", materials=[
        material("Plate", "720851", "5.00"),
    ])
    determination = steel(sub, CHINESE_BOLTS)
    assert ("RVC", ("ACU",)) == (
        determination.box8,
        next(c.flags for c in determination.criteria if c.criterion == "CTH"),
    )


def test_nested_materials_two_levels_deep() -> None:
    """Settlement recurses: the sheet (from a non-originating coil) settles first, then the panel made of it."""
    inner = material("Sheet", "721049", "8.00", originating=None, materials=[material("Coil", "720851", "2.00")])
    outer = material("Panel", "730890", "12.00", originating=None, materials=[inner])
    determination = steel(outer, CHINESE_BOLTS)
    settled = [f.message for f in determination.findings if f.code == "origin-material-settled"]
    assert (True, ["Material 'Panel' (materials[0]) was settled from its own bill of materials: originating (PE)."]) == (
        criterion(determination, "CTH"),
        settled,
    )


PSR_8544 = table({"hs": "8544", "rule": "QVC 40"}, scheme="JIEPA")


def harness(materials_of_sub: list[dict[str, object]], produced_in: str = "ID") -> object:
    """An Indonesian wiring set with one non-originating sub-assembly produced in ``produced_in``."""
    sub = material("Sub-assembly", "854430", "31.00", originating=False, origin_party=produced_in,
                   materials=materials_of_sub)
    return run(sub, psr=PSR_8544, scheme="JIEPA", exporting_party="ID", hs_code="854430", fob_value=fob("50.00"))


def test_jiepa_value_of_a_non_originating_material_limited() -> None:
    """JIEPA Art 30.2: a non-originating material produced in a Party counts at its own non-originating content."""
    limited = harness([material("Connectors", "853669", "8.00"), material("Wire", "854449", "12.00", originating=True)])
    assert (True, Decimal("84.00"), "ACU") == (
        limited.originating,
        limited.rvc_percent,
        limited.flags[0] if limited.flags else None,
    )
    assert "origin-material-value-limited" in codes(limited)


def test_jiepa_value_limit_not_for_materials_made_outside_the_parties() -> None:
    """The limit applies only to materials produced in Japan or Indonesia."""
    made_in_china = harness([material("Connectors", "853669", "8.00")], produced_in="CN")
    assert (False, Decimal("38.00")) == (made_in_china.originating, made_in_china.rvc_percent)
