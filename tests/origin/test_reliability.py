"""Origin determination under hostile input: linear cost, bounded depth, exact arithmetic (issue 16).

Each test states the property it holds roo to: the cost of parsing a
product-specific rule grows with its length, not with its square; a bill of
materials nested too deep is an input error naming the limit, never a
``RecursionError``; and the caller's decimal context never changes a verdict.
"""

from __future__ import annotations

import decimal
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import roo
from benchmarks.growth import MAX_RATIO, linear_growth
from roo.origin import InvalidGood, ItemGood, cross_check, determine, load_psr, parse_rule
from roo.origin.model import MAX_MATERIAL_DEPTH, Good, Material
from roo.origin.psr import MAX_NESTING
from tests.builders import certificate, item_data
from tests.origin.helpers import good_data, material

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def growth_ratio(make: Callable[[int], Callable[[], object]], size: int) -> float:
    """time(10 x size) / time(size), measured by ``benchmarks.growth.linear_growth``."""
    return linear_growth(make(size), make(size * 10)).ratio


# --- linear cost -------------------------------------------------------------------------------


def test_a_process_name_with_a_long_run_of_spaces_parses_in_linear_time() -> None:
    """Issue 16: "SP: a" + 16,000 spaces + "b" took ~27 s (a regex search restarted at every space).

    Ten times the input may cost at most fifteen times the time.
    """

    def make(size: int) -> Callable[[], object]:
        text = "SP: a" + " " * size + "b"
        return lambda: parse_rule(text)

    assert growth_ratio(make, 2_000) <= MAX_RATIO


def test_a_long_rule_of_alternatives_parses_in_linear_time() -> None:
    """Many short alternatives separated by ``or`` and runs of spaces: still linear."""

    def make(size: int) -> Callable[[], object]:
        text = " or ".join(["CTH" + " " * 50] * (size // 50))
        return lambda: parse_rule(text)

    assert growth_ratio(make, 2_000) <= MAX_RATIO


def test_the_sixteen_thousand_spaces_row_loads_quickly() -> None:
    """The reproducer of issue 16 loads as a one-process rule and says what process it names."""
    rule = "SP: a" + " " * 16_000 + "b"
    table = load_psr({"format": "roo.psr/1", "scheme": "AJCEP", "source": "test", "rows": [{"hs": "01", "rule": rule}]})
    (requirement,) = table.rules[0].alternatives[0]
    assert requirement.process is not None and requirement.process.startswith("a ") and requirement.process.endswith("b")


@pytest.mark.parametrize(
    ("text", "process"),
    [
        ("SP:refining", "refining"),
        ("SP: refining  or CC", "refining"),
        ("SP:refining;CC", "refining"),
        ("(SP:refining)", "refining"),
        ("SP:refining+RVC 40", "refining"),
        ("SP:refining & RVC 40", "refining"),
        ("SP:refining AND CC", "refining"),
        ("SP:oral care", "oral care"),  # "or" inside a word does not end the name
        ("SP:andean weaving", "andean weaving"),
        ("SP:[spinning and weaving]", "spinning and weaving"),
    ],
)
def test_where_a_process_name_ends(text: str, process: str) -> None:
    """An unbracketed process name ends at ``;``, ``)``, ``+``, ``&`` or the whole words ``and`` / ``or``."""
    from roo.origin.psr import alternatives

    found = {r.process for a in alternatives(parse_rule(text)) for r in a if r.process is not None}
    assert found == {process}


def test_parentheses_nested_too_deep_are_refused_naming_the_limit() -> None:
    """A rule nested deeper than the limit is a table error naming the limit, never a RecursionError."""
    ok = "(" * MAX_NESTING + "CC" + ")" * MAX_NESTING
    assert parse_rule(ok) is not None
    deep = "(" * 5_000 + "CC" + ")" * 5_000
    with pytest.raises(ValueError, match=f"nested more than {MAX_NESTING} deep"):
        parse_rule(deep)
    with pytest.raises(roo.origin.InvalidPsrTable, match=str(MAX_NESTING)):
        load_psr({"format": "roo.psr/1", "scheme": "AJCEP", "source": "t", "rows": [{"hs": "01", "rule": deep}]})


def test_too_many_distinct_alternatives_are_refused() -> None:
    """More alternatives than MAX_ALTERNATIVES in one ``or`` is a mistake in the table: refused, not kept."""
    text = " or ".join(f"RVC {n}" for n in range(1, 100))
    with pytest.raises(ValueError, match="more than 64 alternatives"):
        load_psr({"format": "roo.psr/1", "scheme": "AJCEP", "source": "t", "rows": [{"hs": "01", "rule": text}]})


def test_a_long_rule_is_clipped_in_the_message() -> None:
    """A rule that does not parse is named in the message, cut short: a 100 kB row is not echoed whole."""
    with pytest.raises(ValueError) as caught:
        parse_rule("CTH " + "x" * 100_000)
    assert len(str(caught.value)) < 400


# --- bounded depth -----------------------------------------------------------------------------


def nested(levels: int) -> dict[str, Any]:
    """A material whose bill of materials nests ``levels`` levels deep in all (the material itself is level 1)."""
    inner: dict[str, Any] = material("leaf", "010100", "1.00", originating=None)
    for level in range(levels - 1):
        inner = material(f"level {level}", "020200", "1.00", originating=None, materials=[inner])
    return inner


def test_materials_at_the_depth_limit_load_and_are_determined() -> None:
    """MAX_MATERIAL_DEPTH levels are allowed: the good loads and is determined without error."""
    good = roo.load_good(good_data(nested(MAX_MATERIAL_DEPTH)))
    assert determine(good).originating is not None


@pytest.mark.parametrize("levels", [MAX_MATERIAL_DEPTH + 1, 197, 400])
def test_materials_nested_deeper_are_an_input_error_naming_the_limit(levels: int) -> None:
    """Issue 16: 197 levels raised RecursionError from roo.determine. Now load_good refuses them by path."""
    with pytest.raises(InvalidGood) as caught:
        roo.load_good(good_data(nested(levels)))
    (problem,) = [p for p in caught.value.problems if "levels deep" in p.message]
    assert str(MAX_MATERIAL_DEPTH) in problem.message
    assert problem.path.startswith("materials[0].materials[0].")


def _built(levels: int) -> Good:
    inner = Material("leaf", "010100")
    for _ in range(levels - 1):
        inner = Material("level", "020200", materials=(inner,))
    return Good(roo.Scheme.AJCEP, "TH", "190531", materials=(inner,))


def test_determine_refuses_a_built_good_nested_too_deep() -> None:
    """A Good built in code (not loaded) that nests too deep raises InvalidGood naming the limit."""
    with pytest.raises(InvalidGood, match=f"at most {MAX_MATERIAL_DEPTH} levels"):
        determine(_built(500))
    assert determine(_built(MAX_MATERIAL_DEPTH)).originating is not None


def test_cross_check_of_a_bill_too_deep_is_noted_never_a_denial() -> None:
    """A context's bill of materials too deep to settle is no evidence: an info finding, no exception."""
    item = certificate(items=[item_data(1, hs_code="190531", origin_criterion="CTH")], exporting_party="TH").items[0]
    findings = cross_check(item, _built(500))
    assert [(f.code, f.severity.value) for f in findings] == [("box8-not-determinable", "info")]
    assert ItemGood(1, _built(3)).certificate_item == 1


# --- exact arithmetic whatever the caller's context ---------------------------------------------


def _example_results() -> list[dict[str, Any]]:
    results = []
    for path in sorted((EXAMPLES / "goods").glob("*.json")):
        good = roo.load_good(json.loads(path.read_text(encoding="utf-8"), parse_float=decimal.Decimal))
        scheme = "jiepa" if good.scheme is roo.Scheme.JIEPA else "ajcep"
        psr = load_psr(EXAMPLES / "psr" / f"{scheme}_example.json")
        results.append(determine(good, psr).to_dict())
        results.append(determine(good).to_dict())
    # Values where a 3-digit context would round: 39.996 % against 40 %, and sums past 3 digits.
    near = good_data(material("Flour", "110100", "600.04"), fob_value={"amount": "1000.00", "currency": "USD"})
    results.append(determine(roo.load_good(near)).to_dict())
    many = good_data(*(material(f"m{i}", "110100", "123.45") for i in range(7)), fob_value={"amount": "1440.15", "currency": "USD"})
    results.append(determine(roo.load_good(many)).to_dict())
    return results


def test_results_do_not_depend_on_the_callers_decimal_context() -> None:
    """Issue 16: with ``prec = 8`` in the calling thread a verdict changed. Every example gives the same result
    in a thread whose context has ``prec=3``, rounds down and traps Inexact and Rounded.
    """
    expected = _example_results()
    got: list[Any] = []

    def hostile() -> None:
        context = decimal.Context(
            prec=3, rounding=decimal.ROUND_DOWN, traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation]
        )
        decimal.setcontext(context)
        try:
            got.append(_example_results())
        except Exception as error:  # noqa: BLE001  # pragma: no cover - any error is reported by the assertion
            got.append(error)

    thread = threading.Thread(target=hostile)
    thread.start()
    thread.join()
    assert got == [expected]


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"exporting_party": "ID\n"}, "exporting_party"),
        ({"exporting_party": "XX"}, "exporting_party"),
        ({"materials": [material(origin_party="TH\n")]}, "materials[0].origin_party"),
    ],
    ids=["country with a newline", "country no ISO code", "material's Party with a newline"],
)
def test_codes_of_a_good_are_matched_whole_and_against_iso(changes: dict[str, Any], path: str) -> None:
    """Issue 16: a ``$`` anchor matched before a trailing newline, so ``"ID\\n"`` passed for Indonesia; a code
    must be a real ISO code, matched whole, as in a certificate.
    """
    with pytest.raises(InvalidGood) as raised:
        roo.load_good(good_data(*changes.pop("materials", [material()]), **changes))
    assert path in [problem.path for problem in raised.value.problems]
