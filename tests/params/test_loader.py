"""The strict loader: every fault in a data file is a clear ParameterError naming the file and the parameter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from roo.errors import RooError
from roo.model.money import Money
from roo.params import DatedValue, Parameter, ParameterError, parse
from roo.params._loader import merge

HERE = Path(__file__).parent
INVALID = HERE / "invalid"
BASE = HERE / "valid" / "base.toml"

#: fixture -> (the parameter the error names, or None for a file-level fault; fragments the message must contain)
CASES: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "unknown_top_level_key": (None, ("unknown top-level key", "'title'")),
    "unknown_key": ("test.broken", ("unknown key", "'units'")),
    "unknown_value_key": ("test.broken", ("values[0]", "unknown key", "'valeu'")),
    "duplicate_name": ("test.broken", ("duplicate parameter name",)),
    "duplicate_name_across_files": ("test.base.days", ("duplicate parameter name", "base.toml")),
    "duplicate_date": ("test.broken", ("duplicate effective_from 2008-12-01",)),
    "unsorted_dates": ("test.broken", ("ascending date order", "2008-12-01", "2010-01-01")),
    "wrong_value_type_float": ("test.broken", ("values[0]", "expected an integer number of days", "3.5")),
    "wrong_value_type_bool": ("test.broken", ("expected an integer", "True (bool)")),
    "wrong_value_type_money_text": ("test.broken", ("expected an amount", "'two hundred thousand' (str)")),
    "wrong_value_type_date": ("test.broken", ("expected a date", "'2008-12-01' (str)")),
    "bad_hs_version": ("test.broken.hs_version", ("expected one of HS2002", "'HS2016'")),
    "bad_citation": ("test.broken", ("'AJCEP IR 7'", "not a citation in the form of docs/architecture.md#citations")),
    "bad_value_citation": ("test.broken", ("values[0].reference", "'Rule 7'", "not a citation")),
    "missing_reference": ("test.broken", ("missing required key 'reference'",)),
    "missing_verified": ("test.broken", ("missing required key 'verified'",)),
    "verified_not_bool": ("test.broken", ("'verified' must be true or false", "'yes'")),
    "missing_value": ("test.broken", ("values[0]", "missing 'value'", "ended = true")),
    "value_and_ended": ("test.broken", ("values[1]", "either 'value' or 'ended = true'")),
    "first_value_ends": ("test.broken", ("first value cannot end",)),
    "ended_twice": ("test.broken", ("already ended on 2010-01-01",)),
    "money_without_unit": ("test.broken", ("money parameter needs 'unit'", "ISO 4217")),
    "unknown_type": ("test.broken", ("type 'float' is not one of",)),
    "bad_name": ("Grace Days", ("dotted lower-case",)),
    "datetime_effective_from": ("test.broken", ("'effective_from' must be a TOML date", "datetime")),
    "text_effective_from": ("test.broken", ("'effective_from' must be a TOML date", "'2008-12-01' (str)")),
    "no_values": ("test.broken", ("at least one [[parameter.values]]",)),
    "no_parameters": (None, ("at least one [[parameter]]",)),
    "not_toml": (None, ("not valid TOML",)),
    "parameter_not_a_table": (None, ("parameter[0] is not a table",)),
    "missing_name": (None, ("parameter[0] has no string 'name'",)),
    "unit_not_text": ("test.broken", ("'unit' must be a string", "7 (int)")),
    "empty_description": ("test.broken", ("'description' must be a non-empty string",)),
    "value_not_a_table": ("test.broken", ("values[0] is not a table",)),
    "ended_not_bool": ("test.broken", ("values[1]", "'ended' must be true or false", "'yes' (str)")),
    "value_note_not_text": ("test.broken", ("values[0]", "'note' must be a string", "12 (int)")),
    "value_verified_not_bool": ("test.broken", ("values[0]", "'verified' must be true or false", "1 (int)")),
}


def test_every_fixture_has_a_case() -> None:
    """Each file in tests/params/invalid/ is exercised, and each case has its file."""
    expected = sorted(CASES)
    actual = sorted(path.stem for path in INVALID.glob("*.toml"))
    assert expected == actual


@pytest.mark.parametrize("fixture", sorted(CASES), ids=sorted(CASES))
def test_invalid_file_raises_a_clear_error(fixture: str) -> None:
    """Loading a broken file (after a valid one) raises ParameterError naming the file, the parameter and the fault."""
    path = INVALID / f"{fixture}.toml"
    parameter, fragments = CASES[fixture]
    files = [(BASE.name, BASE.read_text(encoding="utf-8")), (path.name, path.read_text(encoding="utf-8"))]
    with pytest.raises(ParameterError) as caught:
        merge(files)
    error = caught.value
    message = str(error)
    assert (path.name, parameter) == (error.file, error.parameter)
    assert message.startswith(path.name)
    if parameter is not None:
        assert repr(parameter) in message
    for fragment in fragments:
        assert fragment in message, message


def test_parameter_error_is_a_roo_value_error() -> None:
    """ParameterError is caught by ``except roo.RooError`` and by ``except ValueError``."""
    error = ParameterError("x.toml", "a.b", "broken")
    assert isinstance(error, RooError)
    assert isinstance(error, ValueError)
    assert "x.toml: parameter 'a.b': broken" == str(error)


VALID = """
[[parameter]]
name = "test.waiver"
description = "A waiver amount"
type = "money"
unit = "JPY"
reference = "AJCEP/IR/6(a)"
verified = false
note = "Parameter note"
[[parameter.values]]
effective_from = 2008-12-01
value = 200000
[[parameter.values]]
effective_from = 2020-04-01
value = 250000.50
reference = "AJCEP/IR/6(b)"
verified = true
note = "Raised"
[[parameter.values]]
effective_from = 2030-01-01
ended = true
"""


def test_valid_file_is_loaded_into_frozen_typed_values() -> None:
    """A valid file becomes a Parameter whose values carry their own citation and verification, inheriting the parameter's."""
    expected = (
        Parameter(
            name="test.waiver",
            description="A waiver amount",
            type="money",
            unit="JPY",
            reference="AJCEP/IR/6(a)",
            verified=False,
            values=(
                DatedValue(date(2008, 12, 1), Money(Decimal("200000"), "JPY"), "AJCEP/IR/6(a)", False, None),
                DatedValue(date(2020, 4, 1), Money(Decimal("250000.50"), "JPY"), "AJCEP/IR/6(b)", True, "Raised"),
                DatedValue(date(2030, 1, 1), None, "AJCEP/IR/6(a)", False, None),
            ),
            note="Parameter note",
            file="valid.toml",
        ),
    )
    assert expected == parse(VALID, "valid.toml")


def test_decimal_values_are_exact() -> None:
    """A TOML float is read as a Decimal, so 0.1 stays exactly 0.1."""
    text = VALID.replace('type = "money"\nunit = "JPY"', 'type = "decimal"').replace("250000.50", "0.1")
    (parameter,) = parse(text, "valid.toml")
    assert Decimal("0.1") == parameter.values[1].value
