"""roo.hs correlation tables: loading, checking and converting codes, on small hand-written tables."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest

from roo.errors import RooError
from roo.hs import (
    Conversion,
    CorrelationTable,
    CorrelationTableError,
    HsVersion,
    Link,
    Relationship,
    load_correlation,
)

DATA = Path(__file__).parent / "data"
HEADER = "new_version,old_version,new_code,old_code,unsd_relationship\n"

ONE, SPLIT, MERGE, MANY = (
    Relationship.ONE_TO_ONE,
    Relationship.ONE_TO_MANY,
    Relationship.MANY_TO_ONE,
    Relationship.MANY_TO_MANY,
)


@pytest.fixture(scope="module")
def chain() -> CorrelationTable:
    """HS2002 -> HS2007 -> HS2012 -> HS2017, with a split, a merge, a regrouping, a gap and a renumbering."""
    return load_correlation(DATA / "chain.csv")


Seen = tuple[tuple[str, ...], Relationship, bool]


def seen(result: Conversion) -> Seen:
    """A conversion as (candidates, relationship, ambiguous)."""
    return result.candidates, result.relationship, result.ambiguous


# --- one pair of editions, each kind of correlation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "code", "from_version", "to_version", "expected"),
    [
        pytest.param("one_to_one", "010111", "HS2002", "HS2007", (("010111",), ONE, False), id="1:1-unchanged"),
        pytest.param("one_to_one", "030350", "HS2002", "HS2007", (("030351",), ONE, False), id="1:1-renumbered"),
        pytest.param("one_to_one", "030351", "HS2007", "HS2002", (("030350",), ONE, False), id="1:1-renumbered-back"),
        pytest.param(
            "split", "030199", "HS2002", "HS2007", (("030194", "030195", "030199"), SPLIT, True), id="split-forward"
        ),
        pytest.param("split", "030195", "HS2007", "HS2002", (("030199",), MERGE, False), id="split-backward-is-exact"),
        pytest.param("merge", "010592", "HS2002", "HS2007", (("010594",), MERGE, False), id="merge-forward-is-exact"),
        pytest.param(
            "merge", "010594", "HS2007", "HS2002", (("010592", "010593"), SPLIT, True), id="merge-backward-is-ambiguous"
        ),
        pytest.param(
            "many_to_many", "847110", "HS2002", "HS2007", (("847130", "847141"), MANY, True), id="n:n-forward"
        ),
        pytest.param(
            "many_to_many", "847120", "HS2002", "HS2007", (("847141",), MERGE, False), id="n:n-code-with-one-target"
        ),
        pytest.param(
            "many_to_many", "847141", "HS2007", "HS2002", (("847110", "847120"), MANY, True), id="n:n-backward"
        ),
        pytest.param(
            "many_to_many", "847130", "HS2007", "HS2002", (("847110",), MERGE, False), id="n:n-backward-one-target"
        ),
    ],
)
def test_one_pair(table: str, code: str, from_version: str, to_version: str, expected: Seen) -> None:
    """Every candidate is listed; several candidates make the conversion ambiguous, in either direction."""
    result = load_correlation(DATA / f"{table}.csv").convert(code, from_version, to_version)
    assert expected == seen(result)
    assert (from_version, to_version) == result.path


def test_relationship_ignores_the_unsd_label() -> None:
    """A pair labelled n:n for its group but 1:n by its links is classified by its links."""
    table = load_correlation(io.StringIO(HEADER + "HS2007,HS2002,030194,030199,n:n\nHS2007,HS2002,030195,030199,n:n\n"))
    assert (("030194", "030195"), SPLIT, True) == seen(table.convert("030199", "HS2002", "HS2007"))


# --- several editions -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "from_version", "to_version", "expected"),
    [
        pytest.param("010111", "HS2002", "HS2017", (("010111",), ONE, False), id="unchanged-through-three-pairs"),
        pytest.param("030350", "HS2002", "HS2017", (("030351",), ONE, False), id="renumbered-then-unchanged"),
        pytest.param(
            "030199", "HS2002", "HS2017", (("030194", "030195", "030196"), SPLIT, True), id="split-then-renumbered"
        ),
        pytest.param("030196", "HS2017", "HS2002", (("030199",), MERGE, False), id="back-from-a-split-part"),
        pytest.param("290110", "HS2002", "HS2012", (("290110",), ONE, False), id="split-then-merged-back"),
        pytest.param("290110", "HS2002", "HS2007", (("290111", "290112"), SPLIT, True), id="split-only"),
        pytest.param("010593", "HS2002", "HS2017", (("010594",), MERGE, False), id="merged-then-unchanged"),
        pytest.param("010594", "HS2017", "HS2002", (("010592", "010593"), SPLIT, True), id="merged-code-back"),
    ],
)
def test_chains(chain: CorrelationTable, code: str, from_version: str, to_version: str, expected: Seen) -> None:
    """Conversions chain through every pair between the two editions; candidates are the union over the chain."""
    assert expected == seen(chain.convert(code, from_version, to_version))


def test_chain_path_lists_every_edition(chain: CorrelationTable) -> None:
    """HS2002 -> HS2017 passes through HS2007 and HS2012, and back the same way reversed."""
    assert ("HS2002", "HS2007", "HS2012", "HS2017") == chain.convert("010111", "HS2002", "HS2017").path
    assert ("HS2017", "HS2012", "HS2007", "HS2002") == chain.convert("010111", "HS2017", "HS2002").path


def test_editions_may_be_given_as_enum_or_loosely(chain: CorrelationTable) -> None:
    """HsVersion members and loose spellings name the same editions, and codes may carry separators."""
    expected = chain.convert("030199", "HS2002", "HS2017")
    assert expected == chain.convert("0301.99", HsVersion.HS2002, "2017")


def test_same_edition(chain: CorrelationTable) -> None:
    """Converting to the same edition gives the code back, unchanged."""
    result = chain.convert("010111", "HS2007", "HS2007")
    assert (("010111",), ONE, False, ("HS2007",), True) == (*seen(result), result.path, result.unchanged)


def test_unchanged_and_exact(chain: CorrelationTable) -> None:
    """`unchanged` only for the same code; `exact` for any single candidate, a merge included."""
    same, renumbered, merged = (
        chain.convert("010111", "HS2002", "HS2007"),
        chain.convert("030350", "HS2002", "HS2007"),
        chain.convert("010592", "HS2002", "HS2007"),
    )
    assert (True, False, False) == (same.unchanged, renumbered.unchanged, merged.unchanged)
    assert (True, True, True) == (same.exact, renumbered.exact, merged.exact)


# --- what the table does not know -----------------------------------------------------------------------------


def test_unknown_code_is_a_result_not_an_exception(chain: CorrelationTable) -> None:
    """A code the table does not know in the source edition gives no candidates and says so."""
    result = chain.convert("123456", "HS2002", "HS2007")
    assert ((), Relationship.UNKNOWN, False, False) == (*seen(result), result.known)
    assert "'123456' is not an HS2002 subheading in the table" == result.reason
    assert not result.found


def test_malformed_code_is_unknown(chain: CorrelationTable) -> None:
    """A code that is not six digits is simply not found."""
    assert (False, Relationship.UNKNOWN) == (
        chain.convert("0301", "HS2002", "HS2007").known,
        chain.convert("0301", "HS2002", "HS2007").relationship,
    )


@pytest.mark.parametrize(
    ("from_version", "to_version", "known"),
    [
        pytest.param("HS1996", "HS2007", False, id="source-edition-not-in-table"),
        pytest.param("HS2007", "HS2022", True, id="target-edition-not-in-table"),
    ],
)
def test_edition_not_in_table(chain: CorrelationTable, from_version: str, to_version: str, known: bool) -> None:
    """An edition the table holds no codes of gives an unknown result naming the editions it does hold."""
    result = chain.convert("010111", from_version, to_version)
    assert ((), Relationship.UNKNOWN, known) == (result.candidates, result.relationship, result.known)
    assert result.reason is not None and "it holds HS2002, HS2007, HS2012, HS2017" in result.reason


def test_gap_in_the_chain(chain: CorrelationTable) -> None:
    """A code the table links to nothing in the next edition ends the conversion with the gap named."""
    result = chain.convert("291636", "HS2002", "HS2017")
    assert ((), Relationship.UNKNOWN, True) == (result.candidates, result.relationship, result.known)
    assert (("HS2007", "291636"),) == result.unlinked
    assert "the table links HS2007 291636 to nothing in HS2012" == result.reason


def test_partial_gap_keeps_the_linked_candidates(chain: CorrelationTable) -> None:
    """When only some split parts link onwards, the result keeps them and flags the others."""
    result = chain.convert("300210", "HS2002", "HS2012")
    assert (("300211",), (("HS2007", "300212"),)) == (result.candidates, result.unlinked)
    assert result.reason is not None and result.reason.startswith("incomplete")


def test_no_chain_between_editions() -> None:
    """Two editions the table holds but never links give an unknown result, not an exception."""
    text = HEADER + "HS2007,HS2002,010111,010111,1:1\nHS2022,HS2017,010121,010121,1:1\n"
    result = load_correlation(io.StringIO(text)).convert("010111", "HS2002", "HS2022")
    assert ((), "the table links no chain of editions from HS2002 to HS2022") == (result.candidates, result.reason)


def test_bad_edition_name_is_a_caller_error(chain: CorrelationTable) -> None:
    """An edition name that is not HS and a year raises ValueError (not a table problem)."""
    with pytest.raises(ValueError, match="is not an HS edition"):
        chain.convert("010111", "2007a", "HS2012")


# --- the table itself ---------------------------------------------------------------------------------------


def test_table_facts(chain: CorrelationTable) -> None:
    """The table reports its editions, pairs, link count and codes per edition."""
    assert ("HS2002", "HS2007", "HS2012", "HS2017") == chain.editions
    assert (("HS2002", "HS2007"), ("HS2007", "HS2012"), ("HS2012", "HS2017")) == chain.pairs
    assert (36, 0) == (chain.link_count, chain.skipped)
    assert frozenset({"030196", "030194", "030195"}) <= chain.codes("HS2017")
    knows = (chain.knows("0303.50", "HS2002"), chain.knows("030350", "HS2007"), chain.codes("HS1992"))
    assert (True, False, frozenset()) == knows
    assert chain.path("HS2002", "HS2002") == ("HS2002",)
    assert chain.path("HS1996", "HS2002") is None


def test_table_and_results_are_frozen(chain: CorrelationTable) -> None:
    """Neither the table nor a conversion can be changed after it is built."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        chain.source = "other"  # type: ignore[misc]
    result = chain.convert("010111", "HS2002", "HS2007")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.candidates = ()  # type: ignore[misc]
    assert isinstance(chain.codes("HS2002"), frozenset)


def test_load_from_file_object_path_string_and_path(tmp_path: Path) -> None:
    """A path (str or Path) and a text file object give the same table; a byte-order mark is allowed in a file."""
    text = HEADER + "HS2007,HS2002,010594,010592,1:n\nHS2007,HS2002,010594,010593,1:n\n"
    path = tmp_path / "table.csv"
    path.write_text("\ufeff" + text, encoding="utf-8")
    tables = (load_correlation(io.StringIO(text)), load_correlation(str(path)), load_correlation(path))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        tables += (load_correlation(handle),)
    results = {table.convert("010594", "HS2007", "HS2002").candidates for table in tables}
    assert {("010592", "010593")} == results
    assert str(path) == tables[1].source


def test_optional_label_column_extra_columns_separators_and_duplicates() -> None:
    """The label column may be left out, other columns are ignored, codes may carry dots, and duplicates count once."""
    text = (
        "old_code,new_code,old_version,new_version,comment\n"
        "0301.99,0301.94,HS2002,HS2007,split\n"
        "030199,030194,hs2002,hs 2007,same again\n"
    )
    table = load_correlation(io.StringIO(text))
    assert (1, ("030194",)) == (table.link_count, table.convert("030199", "HS2002", "HS2007").candidates)


def test_residual_code_rows_are_skipped() -> None:
    """Rows with UN Comtrade's residual code 999999 are not HS subheadings and are skipped, and counted."""
    text = HEADER + "HS2017,HS2012,999999,999999,1:1\nHS2017,HS2012,010121,010121,1:1\n"
    table = load_correlation(io.StringIO(text))
    assert (1, 1, False) == (table.link_count, table.skipped, table.knows("999999", "HS2012"))


def test_from_links() -> None:
    """A table can be built from Link values; they are checked like rows, counting positions from 1."""
    table = CorrelationTable.from_links([Link("hs2007", "HS2002", "0105.94", "010592")])
    assert ("010594",) == table.convert("010592", "HS2002", "HS2007").candidates
    with pytest.raises(CorrelationTableError, match=r"<links>, line 2: old_code '1059' has 4 digits"):
        CorrelationTable.from_links(
            [Link("HS2007", "HS2002", "010594", "010592"), Link("HS2007", "HS2002", "010594", "1059")]
        )


@pytest.mark.parametrize(
    ("text", "line", "detail"),
    [
        pytest.param("", 1, "the table is empty; expected a header row", id="empty-file"),
        pytest.param(HEADER, None, "the table has no correlation rows", id="header-only"),
        pytest.param(HEADER + "\n\n", None, "the table has no correlation rows", id="blank-lines-only"),
        pytest.param(
            "new_version,old_version,new_code\nHS2007,HS2002,010111\n",
            1,
            "the header lacks column(s) old_code; expected new_version,old_version,new_code,old_code,unsd_relationship",
            id="missing-column",
        ),
        pytest.param(
            HEADER + "HS2007,HS2002,010111,010111,1:1\nHS2007,HS2002,10111,010111,1:1\n",
            3,
            "new_code '10111' has 5 digits, expected a six-digit subheading (were leading zeros lost?)",
            id="leading-zero-lost",
        ),
        pytest.param(
            HEADER + "HS2007,HS2002,01011100,010111,1:1\n",
            2,
            "new_code '01011100' has 8 digits, expected a six-digit subheading",
            id="national-tariff-line",
        ),
        pytest.param(
            HEADER + "HS2007,HS2002,010111,0101xx,1:1\n",
            2,
            "old_code '0101xx' is not a six-digit HS subheading",
            id="code-not-digits",
        ),
        pytest.param(
            HEADER + "HS2007,HS2002,010111,,1:1\n",
            2,
            "old_code '' is not a six-digit HS subheading",
            id="code-empty",
        ),
        pytest.param(
            HEADER + "HS2007,HS02,010111,010111,1:1\n",
            2,
            "old_version 'HS02' is not an HS edition (e.g. HS2007)",
            id="bad-edition",
        ),
        pytest.param(
            HEADER + "HS2002,HS2007,010111,010111,1:1\n",
            2,
            "new_version HS2002 must be a later edition than old_version HS2007",
            id="editions-swapped",
        ),
        pytest.param(
            HEADER + "HS2007,HS2007,010111,010111,1:1\n",
            2,
            "new_version HS2007 must be a later edition than old_version HS2007",
            id="same-edition",
        ),
        pytest.param(
            HEADER + "HS2007,HS2002,010111,010111,2:1\n",
            2,
            "unsd_relationship '2:1' is not one of 1:1, 1:n, n:1, n:n (or empty)",
            id="bad-label",
        ),
        pytest.param(
            HEADER + "HS2007,HS2002,010111,010111\n",
            2,
            "expected 5 fields, found 4",
            id="short-row",
        ),
        pytest.param(
            HEADER + 'HS2007,HS2002,010111,010111,"1:1\n',
            2,
            None,
            id="unterminated-quote",
        ),
    ],
)
def test_malformed_table(text: str, line: int | None, detail: str | None) -> None:
    """A table roo cannot use raises CorrelationTableError naming the line and the fault."""
    with pytest.raises(CorrelationTableError) as raised:
        load_correlation(io.StringIO(text))
    assert line == raised.value.line
    if detail is not None:
        assert detail == raised.value.detail
    assert isinstance(raised.value, (RooError, ValueError))


def test_error_message_names_the_source(tmp_path: Path) -> None:
    """The error message starts with the file name and line, so the user can find the row."""
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "HS2007,HS2002,10111,010111,1:1\n", encoding="utf-8")
    with pytest.raises(CorrelationTableError, match=r"bad\.csv, line 2: new_code '10111' has 5 digits"):
        load_correlation(path)


def test_binary_file_object_is_refused() -> None:
    """A file opened in binary mode is refused with a hint to open it as text."""
    with pytest.raises(CorrelationTableError, match="open the file in text mode"):
        load_correlation(io.BytesIO(HEADER.encode()))  # type: ignore[arg-type]


def test_missing_path_is_an_os_error(tmp_path: Path) -> None:
    """A path that does not exist raises the usual OSError."""
    with pytest.raises(FileNotFoundError):
        load_correlation(tmp_path / "absent.csv")
