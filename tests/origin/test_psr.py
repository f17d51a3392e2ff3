"""The product-specific rule table format (roo.psr/1): rule expressions, HS ranges, lookup and loading errors."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import roo
from roo.model.certificate import Scheme
from roo.model.hs import HsVersion
from roo.origin import InvalidPsrTable, load_psr, parse_rule
from roo.origin.psr import (
    AllOf,
    AnyOf,
    DeMinimis,
    DeMinimisBasis,
    HsRange,
    Requirement,
    RequirementKind,
    alternatives,
    hs_range,
)
from tests.origin.helpers import table

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "psr"

CTH = Requirement(RequirementKind.CTH)
CC = Requirement(RequirementKind.CC)
CTSH = Requirement(RequirementKind.CTSH)


def rvc(percent: str) -> Requirement:
    """An RVC requirement."""
    return Requirement(RequirementKind.RVC, percent=Decimal(percent))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CTH", CTH, id="change-of-heading"),
        pytest.param("cc", CC, id="lower-case-change-of-chapter"),
        pytest.param("CTSH", CTSH, id="change-of-subheading"),
        pytest.param("RVC 40", rvc("40"), id="rvc-without-percent-sign"),
        pytest.param("RVC40%", rvc("40"), id="rvc-run-together"),
        pytest.param("QVC 52.5%", rvc("52.5"), id="jiepa-qvc-decimal-threshold"),
        pytest.param("WO", Requirement(RequirementKind.WO), id="wholly-obtained"),
        pytest.param("SP:refining", Requirement(RequirementKind.SP, process="refining"), id="specific-process"),
        pytest.param(
            "SP:[spinning and weaving]",
            Requirement(RequirementKind.SP, process="spinning and weaving"),
            id="bracketed-process-with-and",
        ),
        pytest.param("CTH or RVC 40", AnyOf((CTH, rvc("40"))), id="either"),
        pytest.param("CTH; RVC 40", AnyOf((CTH, rvc("40"))), id="semicolon-means-or"),
        pytest.param("CTSH and RVC 35", AllOf((CTSH, rvc("35"))), id="both"),
        pytest.param("CTSH + RVC 35", AllOf((CTSH, rvc("35"))), id="plus-means-and"),
        pytest.param("CC or CTSH and RVC 35", AnyOf((CC, AllOf((CTSH, rvc("35"))))), id="and-binds-tighter"),
        pytest.param("(CC or CTSH) and RVC 35", AllOf((AnyOf((CC, CTSH)), rvc("35"))), id="parentheses"),
        pytest.param(
            "CTH except 1701, 1702.11-1702.19",
            Requirement(RequirementKind.CTH, exceptions=(HsRange("1701", "1701"), HsRange("170211", "170219"))),
            id="exceptions-list-and-range",
        ),
        pytest.param(
            "SP:refining or CC",
            AnyOf((Requirement(RequirementKind.SP, process="refining"), CC)),
            id="process-ends-at-or",
        ),
    ],
)
def test_parse_rule(text: str, expected: object) -> None:
    """Each requirement and combinator of the rule language parses to its structure."""
    assert expected == parse_rule(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "the rule is empty", id="empty"),
        pytest.param("CTX", "expected CC, CTH, CTSH, RVC <percent>, SP:<process> or WO", id="unknown-word"),
        pytest.param("RVC", "expected CC, CTH", id="rvc-without-threshold"),
        pytest.param("RVC 0", "above 0 and at most 100", id="rvc-zero"),
        pytest.param("RVC 101", "above 0 and at most 100", id="rvc-above-100"),
        pytest.param("(CTH or CC", "expected ')'", id="unclosed-parenthesis"),
        pytest.param("CTH CC", "expected 'and', 'or' or the end", id="missing-operator"),
        pytest.param("SP:", "names no process", id="empty-process"),
        pytest.param("SP:[refining", "expected ']'", id="unclosed-bracket"),
        pytest.param("CTH except", "an HS code or range after 'except'", id="except-without-codes"),
        pytest.param("CTH except 170", "2, 4 or 6 digits", id="except-odd-length"),
    ],
)
def test_parse_rule_errors(text: str, message: str) -> None:
    """A malformed rule raises ValueError saying what was expected."""
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        parse_rule(text)


def test_alternatives_are_the_disjunctive_normal_form() -> None:
    """Each way of meeting a rule is one alternative the exporter may choose."""
    expected = ((CC, rvc("40")), (CTSH, rvc("40")), (Requirement(RequirementKind.SP, process="refining"),))
    assert expected == alternatives(parse_rule("(CC or CTSH) and RVC 40 or SP:refining"))


def test_alternatives_drop_duplicates() -> None:
    """A requirement repeated in a combination counts once."""
    assert ((CTH,),) == alternatives(parse_rule("CTH or CTH and CTH"))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param("18", None, HsRange("18", "18"), id="chapter"),
        pytest.param("1806", "1806", HsRange("1806", "1806"), id="heading"),
        pytest.param("1806.10", None, HsRange("180610", "180610"), id="subheading-with-dot"),
        pytest.param("6401", "6405", HsRange("6401", "6405"), id="range-of-headings"),
    ],
)
def test_hs_range(start: str, end: str | None, expected: HsRange) -> None:
    """HS ranges accept chapters, headings and subheadings, dots allowed."""
    assert expected == hs_range(start, end)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        pytest.param("180", None, "2, 4 or 6 digits", id="three-digits"),
        pytest.param("18a6", None, "2, 4 or 6 digits", id="not-digits"),
        pytest.param("1806", "180690", "same number of digits", id="ends-of-different-length"),
        pytest.param("6405", "6401", "lower code to the higher", id="reversed"),
    ],
)
def test_hs_range_errors(start: str, end: str | None, message: str) -> None:
    """A malformed range raises ValueError naming the fault."""
    with pytest.raises(ValueError, match=message):
        hs_range(start, end)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param("180610", ["CTH or RVC 40"], id="subheading-row-beats-heading-row"),
        pytest.param("180632", ["CTH"], id="heading-row-beats-chapter-row"),
        pytest.param("180500", ["CC"], id="chapter-row-applies"),
        pytest.param("6403.99", ["CTH except 6406.10 or RVC 40"], id="inside-a-range-of-headings"),
        pytest.param("640510", ["CTH except 6406.10 or RVC 40"], id="last-heading-of-range-inclusive"),
        pytest.param("640610", [], id="just-past-the-range"),
        pytest.param("190531", [], id="no-row"),
    ],
)
def test_lookup_takes_the_narrowest_row(code: str, expected: list[str]) -> None:
    """Where several rows cover a code, the narrowest applies."""
    psr = table(
        {"hs": "18", "rule": "CC"},
        {"hs": "1806", "rule": "CTH"},
        {"hs": "1806.10", "rule": "CTH or RVC 40"},
        {"hs": "6401", "to": "6405", "rule": "CTH except 6406.10 or RVC 40"},
    )
    assert expected == [row.text for row in psr.lookup(code)]


def test_lookup_reports_equally_narrow_rows() -> None:
    """Two rows of the same width covering a code are both returned (ambiguous)."""
    psr = table({"hs": "1806", "rule": "CTH"}, {"hs": "1806", "rule": "CC"})
    assert ["CTH", "CC"] == [row.text for row in psr.lookup("180610")]


def test_lookup_of_a_range_spanning_chapters() -> None:
    """A range across chapters covers codes in each of them."""
    psr = table({"hs": "28", "to": "38", "rule": "CTH"})
    assert [1, 1, 0] == [len(psr.lookup(code)) for code in ("280110", "382499", "390110")]


def test_table_defaults_apply_to_rows() -> None:
    """The table's source and HS edition apply to rows that give none; a row's own win."""
    psr = table(
        {"hs": "1806", "rule": "CTH"},
        {"hs": "1905", "rule": "CTH", "source": "own source", "hs_version": "HS2012"},
        hs_version="HS2017",
    )
    assert [("test rows", HsVersion.HS2017), ("own source", HsVersion.HS2012)] == [
        (row.source, row.hs_version) for row in psr.rules
    ]


def test_de_minimis_of_a_row() -> None:
    """A row's de minimis reads its percentage and basis (value by default)."""
    psr = table(
        {"hs": "1806", "rule": "CTH", "de_minimis": {"percent": "7"}},
        {"hs": "6109", "rule": "CC", "de_minimis": {"percent": 10, "basis": "weight"}},
    )
    expected = [DeMinimis(Decimal("7")), DeMinimis(Decimal("10"), DeMinimisBasis.WEIGHT)]
    assert expected == [row.de_minimis for row in psr.rules]


def test_every_problem_is_listed_with_its_path() -> None:
    """Loading reports every faulty row with its JSON path, not just the first."""
    data: dict[str, Any] = {
        "format": "roo.psr/2",
        "scheme": "ID-MOTR-16-2024",
        "rows": [
            {"hs": "1806", "rule": "CTX", "source": "s"},
            {"hs": "180", "rule": "CTH", "source": "s"},
            {"hs": "1905", "rule": "CTH"},
            {"hs": "1905", "rule": "CTH", "source": "s", "de_minimis": {"percent": "120"}},
        ],
    }
    with pytest.raises(InvalidPsrTable) as caught:
        load_psr(data)
    expected = ["format", "scheme", "rows[0].rule", "rows[1].hs", "rows[2].source", "rows[3].de_minimis.percent"]
    assert expected == [p.path for p in caught.value.problems]


def test_structural_errors_come_from_the_converter() -> None:
    """Unknown fields and wrong types are reported with paths by roo's converter."""
    with pytest.raises(InvalidPsrTable) as caught:
        load_psr({"format": "roo.psr/1", "scheme": "AJCEP", "rows": [{"hs": 1806, "rule": "CTH", "extra": 1}]})
    assert {"rows[0].hs", "rows[0]"} == {p.path for p in caught.value.problems}


def test_invalid_table_is_an_invalid_input_not_an_invalid_certificate() -> None:
    """One ``except roo.InvalidInput`` catches a malformed table too; ``except roo.InvalidCertificate`` does not."""
    with pytest.raises(roo.InvalidInput) as raised:
        load_psr({"format": "roo.psr/1"})
    assert not isinstance(raised.value, roo.InvalidCertificate)


def test_not_an_object() -> None:
    """Data that is not a JSON object is refused with a problem at the root."""
    with pytest.raises(InvalidPsrTable) as caught:
        load_psr([])  # type: ignore[arg-type]
    assert ["$"] == [p.path for p in caught.value.problems]


def test_load_from_a_path_and_a_file_object(tmp_path: Path) -> None:
    """A table loads from a path or an open file as from parsed JSON; decimals stay exact."""
    data = {"format": "roo.psr/1", "scheme": "JIEPA", "source": "s", "rows": [{"hs": "8544", "rule": "QVC 40.5"}]}
    path = tmp_path / "psr.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    from_data = load_psr(data)
    assert from_data == load_psr(path) == load_psr(str(path)) == load_psr(io.StringIO(json.dumps(data)))
    assert Decimal("40.5") == from_data.rules[0].alternatives[0][0].percent


def test_text_that_is_not_json() -> None:
    """A file that is not JSON is a problem at the root."""
    with pytest.raises(InvalidPsrTable, match="not JSON"):
        load_psr(io.StringIO("{"))


@pytest.mark.parametrize("name", ["ajcep_example.json", "jiepa_example.json"])
def test_round_trip(name: str) -> None:
    """``load_psr(table.to_dict()) == table`` for the shipped example tables."""
    psr = load_psr(EXAMPLES / name)
    assert psr == load_psr(psr.to_dict())


def test_example_tables_name_their_scheme() -> None:
    """The shipped examples are one AJCEP and one JIEPA table."""
    assert [Scheme.AJCEP, Scheme.JIEPA] == [load_psr(EXAMPLES / n).scheme for n in ("ajcep_example.json", "jiepa_example.json")]
