"""AJCEP Art 27 / JIEPA Art 29.4: the value content by the build-down formula, at and around its threshold."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roo.origin import determine
from tests.origin.helpers import criterion, fob, good, material, run, table

#: Non-originating materials that keep their heading, so that only the RVC route can confer origin.
SAME_HEADING = "190590"


@pytest.mark.parametrize(
    ("vnm", "met", "rvc_percent"),
    [
        pytest.param("60.00", True, "40.00", id="exactly-40.00-percent-meets-40"),
        pytest.param("60.01", False, "39.99", id="39.99-percent-fails"),
        pytest.param("59.99", True, "40.01", id="40.01-percent-meets"),
        pytest.param("60.004", False, "40.00", id="rounds-to-40.00-but-below-fails"),
        pytest.param("59.995", True, "40.01", id="exactly-40.005-rounds-half-up"),
    ],
)
def test_general_rule_rvc_at_the_threshold(vnm: str, met: bool, rvc_percent: str) -> None:
    """The unrounded RVC is compared with 40 %; ``rvc_percent`` is rounded half-up to two decimals."""
    determination = run(material("Premix", SAME_HEADING, vnm))
    assert (met, Decimal(rvc_percent)) == (criterion(determination, "RVC"), determination.rvc_percent)


def test_rvc_rounding_of_a_repeating_decimal() -> None:
    """2/3 of the FOB is shown as 66.67 %."""
    determination = run(material("Premix", SAME_HEADING, "1.00"), fob_value=fob("3.00"))
    assert Decimal("66.67") == determination.rvc_percent


def test_rvc_failure_names_the_figures() -> None:
    """A failing RVC says the value content, the FOB, the VNM and the threshold."""
    determination = run(material("Premix", SAME_HEADING, "65.00"))
    messages = [f.message for f in determination.findings if f.code == "origin-rvc-below-threshold"]
    assert [
        "RVC: the regional value content is 35.00% (FOB 100.00 USD, VNM 65.00 USD), below the 40% required."
    ] == messages


@pytest.mark.parametrize(
    ("final_process", "met", "code"),
    [
        pytest.param(True, True, None, id="final-process-in-the-party"),
        pytest.param(False, False, "origin-final-process-elsewhere", id="final-process-elsewhere"),
        pytest.param(None, None, "origin-final-process-unknown", id="final-process-not-stated"),
    ],
)
def test_general_rule_rvc_needs_the_final_process(final_process: bool | None, met: bool | None, code: str | None) -> None:
    """AJCEP Art 26.1(a): the RVC route also needs the final process of production in the Party."""
    determination = run(material("Premix", SAME_HEADING, "10.00"), final_process_in_party=final_process)
    found = [f.code for f in determination.findings if f.code.startswith("origin-final-process")]
    assert (met, [code] if code else []) == (criterion(determination, "RVC"), found)


def test_psr_rvc_does_not_need_the_final_process() -> None:
    """A product-specific RVC rule has no final-process condition."""
    psr = table({"hs": "1905", "rule": "RVC 40"})
    determination = run(material("Premix", SAME_HEADING, "10.00"), psr=psr, final_process_in_party=None)
    assert determination.originating is True


def test_fob_missing_leaves_rvc_undetermined() -> None:
    """Without an FOB value the RVC cannot be evaluated, and the fact is named."""
    determination = run(material("Premix", SAME_HEADING, "10.00"), fob_value=None)
    rvc = next(c for c in determination.criteria if c.criterion == "RVC")
    assert (None, ("fob_value",), None) == (rvc.met, rvc.needed, determination.rvc_percent)


def test_missing_material_value_leaves_rvc_undetermined() -> None:
    """A non-originating material without a value makes the RVC unknown, unless the rest already fail it."""
    undetermined = run(material("Premix", SAME_HEADING, None))
    failing = run(material("Premix", SAME_HEADING, None), material("Butter", "190590", "70.00"))
    assert (None, False) == (criterion(undetermined, "RVC"), criterion(failing, "RVC"))


def test_value_in_another_currency_is_unknown() -> None:
    """roo converts no currency: a material valued in another currency has no usable value."""
    premix = material("Premix", SAME_HEADING)
    premix["value"] = {"amount": "10", "currency": "JPY"}
    determination = run(premix)
    assert (None, True) == (
        criterion(determination, "RVC"),
        "origin-currency-mismatch" in [f.code for f in determination.findings],
    )


@pytest.mark.parametrize(
    ("role", "counted"),
    [
        pytest.param("input", True, id="ordinary-input-counts"),
        pytest.param("retail_packaging", True, id="retail-packaging-counts-art-32-3"),
        pytest.param("accessory", True, id="accessories-count-art-33-2"),
        pytest.param("shipping_packing", False, id="shipping-packing-ignored-art-32-1"),
        pytest.param("indirect", False, id="indirect-materials-originating-art-34"),
    ],
)
def test_which_materials_count_in_the_vnm(role: str, counted: bool) -> None:
    """Non-originating materials count in the VNM according to their role."""
    determination = run(material("Other", SAME_HEADING, "50.00"), material("Item", "482010", "20.00", role=role))
    assert Decimal("30.00" if counted else "50.00") == determination.rvc_percent


def test_originating_material_rolls_up() -> None:
    """An originating material counts as originating whole, whatever it contains (Art 27.5)."""
    sub = material("Dough sheet", "190590", "70.00", originating=None, materials=[
        material("Flour", "110100", "20.00"),
    ])
    determination = run(sub)
    assert (Decimal("100.00"), True) == (determination.rvc_percent, determination.originating)


def test_jiepa_fob_excludes_refunded_excise() -> None:
    """JIEPA Art 29.4(b): excise taxes repaid on exportation are left out of the FOB."""
    psr = table({"hs": "2203", "rule": "QVC 40"}, scheme="JIEPA")
    beer = good(
        material("Malt", "110710", "30.00"),
        scheme="JIEPA",
        exporting_party="ID",
        hs_code="220300",
        fob_value=fob("60.00"),
        refunded_excise=fob("10.00"),
    )
    determination = determine(beer, psr)
    assert (Decimal("40.00"), True, "50.00") == (
        determination.rvc_percent,
        determination.originating,
        str(determination.fob.amount) if determination.fob else None,
    )


def test_ajcep_fob_includes_excise() -> None:
    """AJCEP has no excise exclusion: the FOB is taken as given."""
    determination = run(material("Premix", SAME_HEADING, "30.00"), fob_value=fob("60.00"), refunded_excise=fob("10.00"))
    assert Decimal("50.00") == determination.rvc_percent


def test_de_minimis_materials_still_count_in_the_vnm() -> None:
    """AJCEP Art 28.2: materials excused by de minimis still count in the VNM."""
    determination = run(material("Flour", "110100", "55.00"), material("Premix", SAME_HEADING, "10.00"))
    assert (True, False, Decimal("35.00")) == (
        criterion(determination, "CTH"),
        criterion(determination, "RVC"),
        determination.rvc_percent,
    )
