"""Box 8 of a CO item compared with the determination from the good's bill of materials (issue 5 §6)."""

from __future__ import annotations

from typing import Any

import pytest

import roo
from roo.evaluation import Outcome, Severity
from roo.origin import ItemGood, cross_check
from roo.rules.ajcep import art26_box8_cross_check as rule
from tests.builders import certificate, item_data
from tests.origin.helpers import good, material, table

FLOUR = material("Flour", "110100", "55.00")
PREMIX_10 = material("Premix", "190590", "10.00")
JAPANESE_PREMIX = material("Premix", "190590", "30.00", originating=True, origin_party="JP")


def item(criterion: str, hs_code: str = "190531") -> roo.Item:
    """A CO item from Thailand claiming ``criterion``."""
    return certificate(items=[item_data(1, hs_code=hs_code, origin_criterion=criterion)], exporting_party="TH").items[0]


def findings(criterion: str, *materials: dict[str, Any], **changes: Any) -> list[tuple[str, Severity, int | None]]:
    """(code, severity, item) of each cross-check finding."""
    return [(f.code, f.severity, f.item) for f in cross_check(item(criterion), good(*materials, **changes))]


@pytest.mark.parametrize(
    ("claimed", "materials", "expected"),
    [
        pytest.param("CTH, DMI", (FLOUR, PREMIX_10), [], id="claim-matches-with-dmi"),
        pytest.param("CTH", (FLOUR, PREMIX_10), [("box8-flag-missing", Severity.WARNING, 1)], id="dmi-omitted"),
        pytest.param("CTH, DMI", (FLOUR,), [("box8-flag-unneeded", Severity.INFO, 1)], id="dmi-not-needed"),
        pytest.param("RVC 40%", (FLOUR,), [], id="rvc-claim-supported"),
        pytest.param(
            "PE", (FLOUR,), [("box8-criterion-not-supported", Severity.WARNING, 1)], id="pe-claimed-but-materials-foreign"
        ),
        pytest.param("WO", (FLOUR,), [("box8-criterion-not-supported", Severity.WARNING, 1)], id="wo-claimed-for-biscuits"),
        pytest.param(
            "CTH", (material("Premix", "190590", "70.00"),), [("box8-not-originating", Severity.ERROR, 1)],
            id="materials-show-non-originating",
        ),
        pytest.param(
            "CTH", (material("Mystery", None, "70.00"),), [("box8-not-determinable", Severity.INFO, 1)],
            id="determination-lacks-a-fact",
        ),
        pytest.param("CTC", (FLOUR,), [], id="ctc-covers-cth"),
        pytest.param("PE", (JAPANESE_PREMIX,), [], id="pe-with-japanese-materials"),
        pytest.param(
            "CTH", (JAPANESE_PREMIX, material("Sugar", "170199", "1.00")), [("box8-flag-missing", Severity.WARNING, 1)],
            id="acu-omitted-japanese-premix-keeps-heading",
        ),
        pytest.param(
            "CTH",
            (material("Flour", "110100", "30.00", originating=True, origin_party="JP"), material("Sugar", "170199", "1.00")),
            [],
            id="acu-not-needed-japanese-flour-changes-heading",
        ),
    ],
)
def test_cross_check(claimed: str, materials: tuple[dict[str, Any], ...], expected: list[Any]) -> None:
    """Box 8 is compared with what the bill of materials supports."""
    assert expected == findings(claimed, *materials)


def test_acu_omitted() -> None:
    """A claim whose criterion depends on accumulation but omits ACU is a warning."""
    steel = [
        material("Trusses", "730890", "15.00", originating=True, origin_party="JP"),
        material("Bolts", "731815", "5.00"),
    ]
    result = cross_check(item("CTH", "730890"), good(*steel, hs_code="730890"))
    assert [("box8-flag-missing", "Item 1: Box 8 'CTH' omits ACU, on which the criterion it claims depends "
             "(roo recommends 'CTH, ACU').")] == [(f.code, f.message) for f in result]


def test_unknown_origin_alone_never_denies() -> None:
    """Materials of unknown origin that could make the good originate leave box 8 undetermined, not denied."""
    doubtful = findings("CTH", material("Premix", "190590", "70.00", originating=None))
    still_failing = findings(
        "CTH", material("Premix", "190590", "70.00"), material("Mystery", "110100", "1.00", originating=None)
    )
    assert ([("box8-not-determinable", Severity.INFO, 1)], [("box8-not-originating", Severity.ERROR, 1)]) == (
        doubtful,
        still_failing,
    )


def test_bill_for_another_good() -> None:
    """A bill of materials for another HS code is not compared, and says so."""
    result = cross_check(item("CTH", "190590"), good(FLOUR))
    assert ["box8-bill-for-other-good"] == [f.code for f in result]


def test_bill_for_another_exporting_party() -> None:
    """With the certificate given, the scheme and exporting Party must match too."""
    co = certificate(items=[item_data(1, hs_code="190531", origin_criterion="CTH")], exporting_party="ID")
    result = cross_check(co.items[0], good(FLOUR), certificate=co)
    assert ["box8-bill-for-other-good"] == [f.code for f in result]


def test_unreadable_box8_is_left_to_the_box8_rule() -> None:
    """Text that names no criterion gives no cross-check finding (AJCEP Art 26's box 8 rule reports it)."""
    assert [] == findings("??", FLOUR)


def test_psr_claim_under_jiepa() -> None:
    """A JIEPA ``PSR`` claim is supported by any product-specific alternative met."""
    psr = table({"hs": "1905", "rule": "CTH"}, scheme="JIEPA")
    jiepa_item = certificate(
        scheme="JIEPA", items=[item_data(1, hs_code="190531", origin_criterion="PSR")], exporting_party="ID"
    ).items[0]
    jiepa_good = good(FLOUR, scheme="JIEPA", exporting_party="ID")
    assert [] == list(cross_check(jiepa_item, jiepa_good, psr))


def context(**fields: Any) -> roo.Context:
    """A context that carries bills of materials (``Context.goods``)."""
    return roo.Context(**fields)


def test_rule_not_applicable_without_goods() -> None:
    """An optional cross-check: without bills of materials in the context it does not apply (and adds no noise)."""
    co = certificate(items=[item_data(1, hs_code="190531", origin_criterion="CTH")], exporting_party="TH")
    result = rule.check_box8_against_materials(co.items[0], co, roo.Context())
    assert (Outcome.NOT_APPLICABLE, ()) == (result.outcome, result.findings)


def test_cross_check_through_evaluate_with_context_json() -> None:
    """Bills of materials and a product-rule table travel in the context JSON and reach the rule."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    good = json.loads((root / "examples" / "goods" / "biscuits_th_de_minimis.json").read_text())
    co = certificate(items=[item_data(1, hs_code=good["hs_code"], origin_criterion="WO")], exporting_party="TH")
    ctx = roo.load_context({"goods": [{"certificate_item": 1, "good": good}]})
    evaluation = roo.evaluate(co, ctx)
    box8 = [f for f in evaluation.findings if f.item == 1 and f.code.startswith("box8-")]
    assert box8, "a WO claim for biscuits made from imported flour is not what the bill of materials supports"
    assert ctx == roo.load_context(roo.dump_context(ctx))


def test_rule_compares_the_items_own_bill() -> None:
    """Each item is compared with its own bill of materials only (AJCEP IR 3(j))."""
    co = certificate(
        items=[
            item_data(1, hs_code="190531", origin_criterion="CTH"),
            item_data(2, hs_code="190531", origin_criterion="CTH", invoice={"number": "B", "date": "2024-02-28"}),
        ],
        exporting_party="TH",
    )
    ctx = context(goods=(ItemGood(1, good(material("Premix", "190590", "70.00"))),))
    first = rule.check_box8_against_materials(co.items[0], co, ctx)
    second = rule.check_box8_against_materials(co.items[1], co, ctx)
    assert ((Outcome.FAILED, ["box8-not-originating"]), Outcome.NOT_APPLICABLE) == (
        (first.outcome, [f.code for f in first.findings]),
        second.outcome,
    )


def test_rule_uses_the_context_table_and_issue_date() -> None:
    """The context's product-specific rules apply, and a good without a date is judged as of the CO's issue."""
    co = certificate(items=[item_data(1, hs_code="190531", origin_criterion="CTC")], exporting_party="TH")
    ctx = context(goods=(ItemGood(1, good(FLOUR)),), product_rules=table({"hs": "1905", "rule": "CC"}))
    result = rule.check_box8_against_materials(co.items[0], co, ctx)
    assert (Outcome.PASSED, ()) == (result.outcome, result.findings)


def test_rule_specs_cite_ajcep() -> None:
    """The rule's findings cite AJCEP."""
    assert all(spec.rule.startswith("AJCEP/") for spec in rule.SPECS)
