"""``roo.strategies`` for origin determination: goods, materials, bills of materials, rule tables, item goods.

They must give valid goods that load from their own JSON, goods ``roo.determine``
judges as the criterion they aim at, bills of materials the box 8 cross-check
agrees with (or denies), and shrink to the minimal values docs/strategies.md
describes. The page's example of a user's own property test runs here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import roo
from roo.evaluation import Severity
from roo.hypothesis_plugin import _hypothesis_setup_hook
from roo.model import Certificate, CriterionKind, Money, Scheme, is_six_digit_subheading, normalize_hs
from roo.origin import (
    Good,
    ItemGood,
    Material,
    MaterialRole,
    PsrTable,
    WhollyObtained,
    determine,
    dump_good,
    load_good,
    load_psr,
)
from roo.strategies import (
    GOOD_CRITERIA,
    bills_of_materials,
    certificates,
    good_data,
    goods,
    item_goods,
    materials,
    psr_tables,
)
from roo.strategies._product_tables import _PRODUCTS
from tests.test_properties import assert_json_only, examples

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "strategies.md"

PARTIES = {
    Scheme.AJCEP: {"ID", "BN", "KH", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "JP"},
    Scheme.JIEPA: {"ID", "JP"},
}
NO_SETTINGS = settings(database=None)

#: (scheme, criterion) pairs goods() can aim at.
AIMS = [(Scheme.AJCEP, criterion) for criterion in GOOD_CRITERIA] + [
    (Scheme.JIEPA, criterion) for criterion in ("WO", "PE", "fail")
]

#: What ``satisfied`` is exactly, for the criteria that admit one answer.
EXACTLY_SATISFIED = {
    "WO": ("WO",),
    "RVC": ("RVC",),
    "CTH, DMI": ("CTH",),
    "RVC, ACU": ("RVC",),
    "fail": (),
}


def all_materials(materials: tuple[Material, ...]) -> list[Material]:
    """Every material of a bill, sub-materials included."""
    found = []
    for material in materials:
        found.append(material)
        found.extend(all_materials(material.materials))
    return found


def depth_of(material: Material) -> int:
    """How many levels of sub-materials a material has."""
    return 1 + max((depth_of(m) for m in material.materials), default=0) if material.materials else 0


def total(materials: tuple[Material, ...]) -> Decimal:
    """The sum of the values of ``materials`` (each has one)."""
    values = [m.value.amount for m in materials if m.value is not None]
    assert len(values) == len(materials)
    return sum(values, Decimal(0))


def minimal(strategy: st.SearchStrategy[Any]) -> Any:
    """What ``strategy`` shrinks to."""
    return find(strategy, lambda _: True, settings=NO_SETTINGS)


# ---------------------------------------------------------------------------------------------------------------------
# The table of goods behind the strategies.


@pytest.mark.parametrize("product", _PRODUCTS, ids=[p.hs_code for p in _PRODUCTS])
def test_each_good_has_inputs_of_other_headings_and_one_of_its_own(product: Any) -> None:
    """The CTH goods rest on it: every input changes heading, ``same_heading`` does not; two inputs at least."""
    assert is_six_digit_subheading(product.hs_code)
    assert len(product.inputs) >= 2
    assert [] == [code for code, _ in product.inputs if code[:4] == product.hs_code[:4]]
    assert product.hs_code[:4] == product.same_heading[0][:4]


# ---------------------------------------------------------------------------------------------------------------------
# goods()


@pytest.mark.parametrize("criterion", [None, *GOOD_CRITERIA], ids=lambda c: str(c))
def test_goods_load_from_their_own_dump(criterion: str | None) -> None:
    """Every generated good is valid: ``roo.load_good(dump_good(good)) == good``, and its dump is plain JSON."""

    @examples(40)
    @given(goods(criterion=criterion))
    def check(good: Good) -> None:
        data = dump_good(good)
        assert_json_only(data)
        assert good == load_good(data)

    check()


@given(good_data())
def test_good_data_is_json_that_loads(data: dict[str, Any]) -> None:
    """``good_data()`` gives JSON-ready dicts that load, and dump back unchanged."""
    assert_json_only(data)
    assert data == dump_good(load_good(data))


@given(goods())
def test_goods_are_realistic(good: Good) -> None:
    """Parties of the scheme, six-digit HS codes, materials worth less than the FOB (and sub-materials than theirs)."""
    assert good.scheme in PARTIES
    assert good.exporting_party in PARTIES[good.scheme]
    assert is_six_digit_subheading(good.hs_code)
    assert good.fob_value is not None and good.fob_value.currency == "USD"
    assert Decimal("100.00") <= good.fob_value.amount <= Decimal("1000000.00")
    assert 1 <= len(good.materials) <= 5
    assert total(good.materials) < good.fob_value.amount
    for material in all_materials(good.materials):
        assert material.value is not None
        assert ("USD", -2) == (material.value.currency, material.value.amount.as_tuple().exponent)
        assert material.value.amount >= 0
        assert material.hs_digits is not None and material.hs_digits.isdigit() and len(material.hs_digits) == 6
        assert material.origin_party is None or material.origin_party in PARTIES[good.scheme]
        assert not material.materials or total(material.materials) < material.value.amount
    assert all(depth_of(m) <= 1 for m in good.materials)
    if 50 <= int(good.hs_digits[:2]) <= 63:
        assert good.weight is not None
        assert all(m.weight is not None for m in good.materials)


@pytest.mark.parametrize("scheme", [Scheme.AJCEP, Scheme.JIEPA], ids=lambda s: s.value)
@given(data=st.data())
def test_goods_of_a_scheme(scheme: Scheme, data: st.DataObject) -> None:
    """``goods(scheme)`` gives goods of that scheme; a refunded excise tax only under JIEPA."""
    good = data.draw(goods(scheme.value))

    assert scheme is good.scheme
    assert good.refunded_excise is None or scheme is Scheme.JIEPA


@examples(120)
@given(data=st.data())
def test_determine_never_raises_on_generated_goods(data: st.DataObject) -> None:
    """``roo.determine`` answers for every generated good, with or without a product-specific rule table."""
    good = data.draw(goods(), label="good")
    table = data.draw(st.none() | psr_tables(), label="table")

    determination = determine(good, table)

    assert determination.originating in (True, False, None)
    assert determination.originating is not True or determination.box8
    assert "roo.determination/1" == determination.to_dict()["format"]


@pytest.mark.parametrize(("scheme", "criterion"), AIMS, ids=[f"{s.value}-{c}" for s, c in AIMS])
def test_goods_aimed_at_a_criterion_are_judged_so(scheme: Scheme, criterion: str) -> None:
    """``goods(criterion=...)``: ``roo.determine`` (general rule) agrees, with the box 8 of ``GOOD_CRITERIA``."""
    expected_box8 = GOOD_CRITERIA[criterion]

    @examples(100)
    @given(goods(scheme.value, criterion=criterion))
    def check(good: Good) -> None:
        determination = determine(good)
        assert scheme is good.scheme
        assert (expected_box8 is not None, expected_box8) == (determination.originating, determination.box8)
        assert () == determination.needed
        if criterion in EXACTLY_SATISFIED:
            assert EXACTLY_SATISFIED[criterion] == determination.satisfied
        else:
            assert criterion.split(",")[0] in determination.satisfied
        if criterion != "PE" and criterion != "WO":
            assert "PE" not in determination.satisfied
        assert good.fob_value is not None and total(good.materials) < good.fob_value.amount

    check()


@given(goods(criterion="RVC", currency="JPY"))
def test_goods_in_yen_have_whole_amounts(good: Good) -> None:
    """A currency without minor units gets whole amounts, and the good is judged as aimed all the same."""
    assert good.fob_value is not None and "JPY" == good.fob_value.currency
    assert all(m.value is not None and m.value.amount == m.value.amount.to_integral_value() for m in good.materials)
    assert "RVC" == determine(good).box8  # form note 3(c): "RVC", no percentage


def test_goods_shrink_to_biscuits_with_one_material() -> None:
    """The simplest good: AJCEP sweet biscuits from Indonesia, FOB 100.00 USD, wheat flour worth 1.00 USD."""
    flour = Material("Wheat flour", "110100", Money(Decimal("1.00"), "USD"), originating=False)
    expected = Good(
        scheme=Scheme.AJCEP,
        exporting_party="ID",
        hs_code="190531",
        description="Sweet biscuits",
        fob_value=Money(Decimal("100.00"), "USD"),
        final_process_in_party=True,
        materials=(flour,),
    )

    good = minimal(goods())

    assert expected == good
    assert (True, "CTH") == (determine(good).originating, determine(good).box8)
    _register()
    assert expected == minimal(st.from_type(Good))


#: What each criterion's goods shrink to: HS code, and (hs, value, originating, origin Party) of each material.
SHRUNK = {
    "WO": ("030617", []),
    "PE": ("190531", [("110100", "1.00", True, None)]),
    "CTH": ("190531", [("110100", "1.00", False, None)]),
    "RVC": ("190531", [("190590", "11.00", False, None)]),
    "CTH, DMI": ("190531", [("190590", "1.00", False, None), ("110100", "60.00", False, None)]),
    "CTH, ACU": ("190531", [("190590", "11.00", True, "BN"), ("110100", "50.00", False, None)]),
    "RVC, ACU": ("190531", [("190590", "11.00", False, None), ("110100", "50.00", True, "BN")]),
    "fail": ("190531", [("190590", "61.00", False, None)]),
}


@pytest.mark.parametrize("criterion", list(SHRUNK))
def test_aimed_goods_shrink_to_the_simplest_good_so_judged(criterion: str) -> None:
    """Each criterion's goods shrink to AJCEP goods from Indonesia, FOB 100.00 USD, with the fewest materials."""
    good = minimal(goods(criterion=criterion))

    lines = [(m.hs_code, str(m.value.amount) if m.value else None, m.originating, m.origin_party) for m in good.materials]
    assert (Scheme.AJCEP, "ID", Money(Decimal("100.00"), "USD")) == (good.scheme, good.exporting_party, good.fob_value)
    assert SHRUNK[criterion] == (good.hs_code, lines)
    assert (None, (), True) == (good.on, good.operations, good.final_process_in_party)
    assert GOOD_CRITERIA[criterion] == determine(good).box8


def test_jiepa_goods_that_fail_shrink_to_skipjack_from_a_foreign_flagged_vessel() -> None:
    """JIEPA has no general rule: its failing goods are sea-fishing catches from a vessel not of the Party."""
    good = minimal(goods("JIEPA", criterion="fail"))

    assert ("030343", WhollyObtained.SEA_FISHING, (), "ID") == (
        good.hs_code,
        good.wholly_obtained,
        good.materials,
        good.exporting_party,
    )
    assert good.vessel is not None and ("ID", "PA") == (good.vessel.registered_in, good.vessel.flag)
    assert determine(good).originating is False


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        pytest.param({"criterion": "CTSH"}, "unknown criterion 'CTSH'; known: WO, PE, CTH", id="unknown-criterion"),
        pytest.param({"scheme": "JIEPA", "criterion": "CTH"}, "JIEPA has no general rule", id="jiepa-has-no-cth"),
        pytest.param({"scheme": "ID-MOTR-16-2024"}, "origin is determined under AJCEP or JIEPA", id="motr"),
        pytest.param({"currency": "dollars"}, "an ISO 4217 currency code", id="bad-currency"),
    ],
)
def test_goods_refuse_what_they_cannot_make(arguments: dict[str, Any], message: str) -> None:
    """Impossible requests are refused when the strategy is made, saying why."""
    with pytest.raises(ValueError, match=re.escape(message)):
        goods(**arguments)


# ---------------------------------------------------------------------------------------------------------------------
# materials() and bills_of_materials()


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_materials_nest_to_the_depth_asked(depth: int) -> None:
    """Sub-materials go at most ``depth`` levels down and are worth together less than their material."""

    @examples(60)
    @given(materials("JIEPA", depth=depth))
    def check(material: Material) -> None:
        assert depth_of(material) <= depth
        for line in all_materials((material,)):
            assert line.value is not None and "USD" == line.value.currency
            assert line.origin_party in (None, "ID", "JP")
            assert line.hs_code is not None and is_six_digit_subheading(line.hs_code)
            assert not line.materials or total(line.materials) < line.value.amount

    check()


def test_materials_shrink_to_wheat_flour() -> None:
    """The simplest material: wheat flour worth 1.00 USD, non-originating, nothing else stated."""
    expected = Material("Wheat flour", "110100", Money(Decimal("1.00"), "USD"), originating=False)

    assert expected == minimal(materials())
    assert (expected,) == minimal(bills_of_materials())


@given(st.data())
def test_bills_of_materials_stay_below_the_fob(data: st.DataObject) -> None:
    """Each material is a whole percentage of the FOB; together at most 99 % of it; sizes as asked."""
    amount = data.draw(st.decimals(min_value=1, max_value=10**7, places=2), label="fob")
    fob = Money(amount, "EUR")
    bill = data.draw(bills_of_materials("AJCEP", fob=fob, hs_code="1905.31", min_size=2, max_size=4), label="bill")

    assert 2 <= len(bill) <= 4
    assert total(bill) <= amount * Decimal("0.99")
    assert all(m.value is not None and "EUR" == m.value.currency for m in bill)
    recipe = {"110100", "170199", "151190", "180500", "040510", "190590"}
    assert all(m.hs_code in recipe for m in bill if m.role is MaterialRole.INPUT)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        pytest.param({"min_size": 0}, "need 1 <= min_size <= max_size", id="empty"),
        pytest.param({"min_size": 3, "max_size": 2}, "need 1 <= min_size <= max_size", id="crossed"),
        pytest.param({"fob": Money(Decimal(0), "USD")}, "the FOB is above zero", id="zero-fob"),
        pytest.param({"depth": -1}, "depth is 0 or more", id="negative-depth"),
    ],
)
def test_bills_of_materials_refuse_impossible_bounds(arguments: dict[str, Any], message: str) -> None:
    """Bounds that no bill can meet are refused when the strategy is made."""
    with pytest.raises(ValueError, match=re.escape(message)):
        bills_of_materials(**arguments)


# ---------------------------------------------------------------------------------------------------------------------
# psr_tables()


@given(psr_tables())
def test_psr_tables_are_valid_roo_psr_1(table: PsrTable) -> None:
    """Tables load from their own JSON, have one to four rows, and no good of the table meets an ambiguous rule."""
    data = table.to_dict()
    assert_json_only(data)
    assert table == load_psr(data)
    assert 1 <= len(table.rules) <= 4
    for product in _PRODUCTS:
        assert len(table.lookup(product.hs_code)) <= 1


def test_psr_tables_shrink_to_one_cth_row() -> None:
    """The simplest table: AJCEP, heading 1905, CTH."""
    table = minimal(psr_tables())

    assert (Scheme.AJCEP, [{"hs": "1905", "rule": "CTH"}]) == (
        table.scheme,
        [{k: v for k, v in row.items() if k != "source"} for row in table.to_dict()["rows"]],
    )


@given(psr_tables("JIEPA"))
def test_jiepa_tables_speak_of_qvc(table: PsrTable) -> None:
    """A JIEPA table is for JIEPA and calls value content QVC."""
    assert Scheme.JIEPA is table.scheme
    assert not any("RVC" in rule.text for rule in table.rules)


# ---------------------------------------------------------------------------------------------------------------------
# item_goods()


def cross_check_findings(co: Certificate, linked: tuple[ItemGood, ...]) -> list[tuple[str, int | None]]:
    """(code, item) of the box 8 cross-check's findings when the context carries ``linked``."""
    evaluation = roo.evaluate(co, roo.Context(goods=linked))
    return [(f.code, f.item) for f in evaluation.findings if f.code.startswith("box8-")]


@examples(80)
@given(st.data())
def test_supporting_goods_back_box8(data: st.DataObject) -> None:
    """Goods that back box 8 draw no cross-check finding and change no verdict; each matches its item."""
    co = data.draw(certificates("AJCEP"), label="certificate")
    linked = data.draw(item_goods(co), label="goods")

    assert [] == cross_check_findings(co, linked)
    assert roo.evaluate(co).denied == roo.evaluate(co, roo.Context(goods=linked)).denied
    numbers = [entry.certificate_item for entry in linked]
    assert sorted(set(numbers)) == numbers
    for entry in linked:
        item = co.item(entry.certificate_item)
        assert item is not None
        assert (co.scheme, co.exporting_party, item.hs_digits) == (
            entry.good.scheme,
            entry.good.exporting_party,
            entry.good.hs_digits,
        )
        assert entry.good == load_good(dump_good(entry.good))


@examples(80)
@given(st.data())
def test_goods_that_deny_box8_deny_their_items(data: st.DataObject) -> None:
    """With ``supporting=False`` every item gets a good, and the cross-check denies each one."""
    co = data.draw(certificates("AJCEP"), label="certificate")
    linked = data.draw(item_goods(co, supporting=False), label="goods")

    evaluation = roo.evaluate(co, roo.Context(goods=linked))

    assert [i.number for i in co.items] == [entry.certificate_item for entry in linked]
    expected = [("box8-not-originating", entry.certificate_item) for entry in linked]
    assert expected == cross_check_findings(co, linked)
    assert all(f.severity is Severity.ERROR for f in evaluation.findings if f.code == "box8-not-originating")
    assert tuple(i.number for i in co.items) == evaluation.denied


def test_every_claim_roo_can_back_gets_a_good() -> None:
    """Only claims no bill of materials can back go without a good: DMI where the chapter has no de minimis."""

    @examples(80)
    @given(st.data())
    def check(data: st.DataObject) -> None:
        co = data.draw(certificates("AJCEP"), label="certificate")
        linked = {entry.certificate_item for entry in data.draw(item_goods(co), label="goods")}
        for item in co.items:
            if item.number not in linked:
                assert item.origin_criterion.de_minimis
                assert int(normalize_hs(item.hs_code)[:2]) in {3, 9, 10, 15}

    check()


@examples(60)
@given(st.data())
def test_jiepa_certificates_get_goods_for_wo_and_pe_claims(data: st.DataObject) -> None:
    """JIEPA has no general rule: WO and PE claims are backed, PSR claims get no good; every item can be denied."""
    co = data.draw(certificates("JIEPA"), label="certificate")
    backing = data.draw(item_goods(co), label="goods")
    denying = data.draw(item_goods(co, supporting=False), label="denying goods")

    claims = {item.number: item.origin_criterion.kinds for item in co.items}
    expected = [n for n, kinds in claims.items() if kinds & {CriterionKind.WO, CriterionKind.PE}]
    assert expected == [entry.certificate_item for entry in backing]
    assert all(determine(entry.good).originating is True for entry in backing)
    assert list(claims) == [entry.certificate_item for entry in denying]
    assert all(determine(entry.good).originating is False for entry in denying)


@given(certificates("ID-MOTR-16-2024", max_items=2), st.data())
def test_motr_certificates_get_no_goods(co: Certificate, data: st.DataObject) -> None:
    """roo determines origin under AJCEP and JIEPA only: a MoTR 16/2024 certificate gets no goods."""
    assert () == data.draw(item_goods(co))
    assert () == data.draw(item_goods(co, supporting=False))


# ---------------------------------------------------------------------------------------------------------------------
# Registration, and the example of docs/strategies.md.


def _register() -> bool:
    """Run the entry-point hook (Hypothesis has run it already when roo is installed); True."""
    _hypothesis_setup_hook()
    return True


def test_setup_hook_registers_goods_and_materials() -> None:
    """After the hook, ``st.from_type`` gives valid goods and materials."""
    _register()

    @examples(30)
    @given(st.from_type(Good), st.from_type(Material))
    def check(good: Good, material: Material) -> None:
        assert good == load_good(dump_good(good))
        assert material.value is not None and material.hs_code is not None

    check()


def test_strategies_import_before_hypothesis() -> None:
    """``from roo import strategies`` as the first import works, and registers the types once loaded."""
    code = (
        "from roo import strategies\n"
        "import roo\n"
        "from roo.origin import Good\n"
        "from hypothesis import strategies as st\n"
        "print(repr(st.from_type(Good)).split('(')[0], repr(st.from_type(roo.Certificate)).split('(')[0])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)

    assert "_any_good _certificates" == result.stdout.strip(), result.stderr


def example_code() -> str:
    """The ```python block of docs/strategies.md that starts with ``# example: user-property-test``."""
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(# example: user-property-test\n.*?)^```$", text, re.MULTILINE | re.DOTALL)
    assert 1 == len(blocks), "docs/strategies.md must hold exactly one user-property-test example"
    return str(blocks[0])


def test_the_documented_user_property_tests_pass() -> None:
    """The example of docs/strategies.md runs as written: each of its ``test_`` functions passes."""
    namespace: dict[str, Any] = {"__name__": "docs_strategies_example"}
    exec(compile(example_code(), "<docs/strategies.md: user-property-test>", "exec"), namespace)  # noqa: S102

    tests = {name: value for name, value in namespace.items() if name.startswith("test_") and callable(value)}
    assert 3 == len(tests), sorted(tests)
    for test in tests.values():
        examples(60)(test)()


def test_the_docs_page_describes_every_strategy_and_criterion() -> None:
    """docs/strategies.md names each public strategy and each criterion goods() can aim at."""
    import roo.strategies

    text = DOC.read_text(encoding="utf-8")
    for name in roo.strategies.__all__:
        if name[0].islower():
            assert f"`{name}(" in text, name
    for criterion in GOOD_CRITERIA:
        assert f'`"{criterion}"`' in text, criterion
