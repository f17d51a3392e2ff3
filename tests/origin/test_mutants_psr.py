"""Product-specific rule tables: process names of several words, and what a refused table says, where a mutation
sample found gaps.

AJCEP Art 26.2 (paraphrased): goods covered by Annex 2 qualify under the rule the Annex sets for them, which may
name a specific manufacturing or processing operation. roo reads a name of several words as one process, and
refuses a table it cannot read with a message that says what was expected where.
"""

from __future__ import annotations

from typing import Any

import pytest

from roo.origin import InvalidPsrTable, determine, load_psr
from roo.origin.psr import RequirementKind, alternatives, parse_rule
from tests.origin.helpers import criterion, good, material, table


@pytest.mark.parametrize(
    ("text", "process"),
    [
        pytest.param("SP:chemical reaction", "chemical reaction", id="two-words"),
        pytest.param("SP:purification  by   distillation", "purification  by   distillation", id="runs-of-spaces"),
        pytest.param("SP:mixing\tand CC", "mixing", id="tab-then-and-ends-it"),
        pytest.param("SP:ordered blending or CC", "ordered blending", id="or-starting-a-word-does-not-end-it"),
    ],
)
def test_an_unbracketed_process_name_runs_to_an_operator(text: str, process: str) -> None:
    """Only ``and`` / ``or`` as whole words (or ``;``, ``+``, ``&``, ``)``) end a process name; other words join it."""
    (first, *_) = alternatives(parse_rule(text))
    assert (RequirementKind.SP, process) == (first[0].kind, first[0].process)


def test_a_process_of_several_words_is_met_by_the_operation_that_names_it() -> None:
    """A rule "SP:chemical reaction" is met by an operation of that process, whatever its case and spacing."""
    rule = table({"hs": "1905", "rule": "SP:chemical reaction"})
    operation = {"kind": "production", "description": "", "process": "Chemical  Reaction"}
    determination = determine(good(material("Premix", "190590", "70.00"), operations=[operation]), rule)
    assert (True, "SP") == (criterion(determination, "SP"), determination.box8)


def refused(data: dict[str, Any]) -> list[tuple[str, str, object]]:
    """Each problem of a refused table: its path, its message and the value it quotes."""
    with pytest.raises(InvalidPsrTable) as caught:
        load_psr(data)
    return [(p.path, p.message, p.value) for p in caught.value.problems]


def test_a_table_for_another_scheme_says_which_schemes_have_tables() -> None:
    """Annex 2 rule tables exist under AJCEP and JIEPA only; a table of another scheme is refused saying so."""
    data = {"format": "roo.psr/1", "scheme": "ID-MOTR-16-2024", "source": "s", "rows": []}
    assert [("scheme", "product-specific rule tables exist for AJCEP and JIEPA", "ID-MOTR-16-2024")] == refused(data)


def test_a_rule_that_does_not_parse_says_what_was_expected_where() -> None:
    """The message names what the parser expected and the text it met, not a bare failure."""
    data = {"format": "roo.psr/1", "scheme": "AJCEP", "source": "s", "rows": [{"hs": "1806", "rule": "CTH or CTX"}]}
    expected = "expected CC, CTH, CTSH, RVC <percent>, SP:<process> or WO at 'CTX' in rule 'CTH or CTX'"
    assert [("rows[0].rule", expected, "CTH or CTX")] == refused(data)


def test_a_rule_with_too_many_alternatives_says_so() -> None:
    """An error raised while expanding the alternatives is reported with its own message too."""
    rule = " and ".join(f"(CTH or RVC {n})" for n in range(1, 8))
    data = {"format": "roo.psr/1", "scheme": "AJCEP", "source": "s", "rows": [{"hs": "1806", "rule": rule}]}
    assert [("rows[0].rule", "the rule allows more than 64 alternatives", rule)] == refused(data)


def test_a_de_minimis_above_a_hundred_percent_is_refused_saying_what_a_percentage_is() -> None:
    """A row's de minimis is a share of the good's value, weight or volume (JIEPA Art 31): from 0 to 100."""
    row = {"hs": "1806", "rule": "CTH", "de_minimis": {"percent": "120"}}
    data = {"format": "roo.psr/1", "scheme": "JIEPA", "source": "s", "rows": [row]}
    assert [("rows[0].de_minimis.percent", "a percentage from 0 to 100", "120")] == refused(data)


def test_the_tables_hs_edition_is_kept_on_the_table_and_written_once() -> None:
    """Annex 2 is written in one HS edition; a table that says so keeps it, and writes it once, not on every row."""
    psr = table(
        {"hs": "1806", "rule": "CTH"}, {"hs": "1905", "rule": "CC", "hs_version": "HS2012"}, hs_version="HS2017"
    )
    written = psr.to_dict()
    assert ("HS2017", "HS2017") == (psr.hs_version.value if psr.hs_version else None, written["hs_version"])
    assert [None, "HS2012"] == [row.get("hs_version") for row in written["rows"]]


def test_a_de_minimis_basis_is_read_and_written_in_its_json_words() -> None:
    psr = table({"hs": "1806", "rule": "CTH", "de_minimis": {"percent": "7", "basis": "value"}})
    assert {"percent": "7", "basis": "value"} == psr.to_dict()["rows"][0]["de_minimis"]


def test_a_range_of_codes_is_printed_as_a_range() -> None:
    """Exceptions and rows may cover ranges ("CTH except 1702.11-1702.19"); messages print both ends."""
    (alternative,) = alternatives(parse_rule("CTH except 1701, 1702.11-1702.19"))
    assert "CTH except 1701, 1702.11-1702.19" == str(alternative[0])


def test_a_change_of_classification_has_no_percentage_and_no_process() -> None:
    (alternative,) = alternatives(parse_rule("CTSH"))
    assert (None, None, ()) == (alternative[0].percent, alternative[0].process, alternative[0].exceptions)


def test_a_rule_that_stops_short_says_so() -> None:
    data = {"format": "roo.psr/1", "scheme": "AJCEP", "source": "s", "rows": [{"hs": "1806", "rule": "CTH and"}]}
    expected = "expected CC, CTH, CTSH, RVC <percent>, SP:<process> or WO at the end in rule 'CTH and'"
    assert [("rows[0].rule", expected, "CTH and")] == refused(data)


def test_an_empty_rule_is_refused_as_empty() -> None:
    data = {"format": "roo.psr/1", "scheme": "AJCEP", "source": "s", "rows": [{"hs": "1806", "rule": "  "}]}
    assert [("rows[0].rule", "the rule is empty", "  ")] == refused(data)


def test_a_de_minimis_of_zero_percent_is_a_valid_row() -> None:
    """JIEPA Art 31 allows only the percentage the product-specific rule sets; a row may set none at all (0 %)."""
    psr = table({"hs": "1806", "rule": "CTH", "de_minimis": {"percent": "0"}}, scheme="JIEPA")
    assert psr.rules[0].de_minimis is not None and psr.rules[0].de_minimis.percent == 0


def test_too_many_alternatives_joined_by_or_says_so() -> None:
    rule = " or ".join(f"RVC {n}" for n in range(1, 70))
    data = {"format": "roo.psr/1", "scheme": "AJCEP", "source": "s", "rows": [{"hs": "1806", "rule": rule}]}
    assert [("rows[0].rule", "the rule allows more than 64 alternatives", rule)] == refused(data)


def test_a_row_without_a_source_on_it_or_on_the_table_says_where_one_goes() -> None:
    """Every rule roo applies cites where it was read: a row needs a source, its own or the table's."""
    data = {"format": "roo.psr/1", "scheme": "AJCEP", "rows": [{"hs": "1806", "rule": "CTH"}]}
    assert [(path, message) for path, message, _ in refused(data)] == [
        ("rows[0].source", "every row needs a source (on the row or the table)")
    ]


def test_a_rule_nested_too_deep_quotes_the_rule() -> None:
    """Parentheses deeper than the limit are refused, quoting the rule (clipped) so the row can be found."""
    rule = "(" * 40 + "CTH" + ")" * 40
    data = {"format": "roo.psr/1", "scheme": "AJCEP", "source": "s", "rows": [{"hs": "1806", "rule": rule}]}
    ((path, message, _),) = refused(data)
    assert path == "rows[0].rule"
    assert message.startswith("parentheses nested more than 16 deep in rule '((((")
