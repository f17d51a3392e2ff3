"""Looking a parameter up on a date, ending it, and overriding it from the context."""

from __future__ import annotations

import pickle
from datetime import date
from decimal import Decimal

import attrs
import pytest

import roo
from roo import params
from roo.context import Context
from roo.errors import InvalidContext, InvalidInput, Problem, RooError
from roo.model.money import Money
from roo.params import InvalidParameterOverride, ParameterNotInForce, UnknownParameter, parse
from roo.params._loader import coerce_override

ENDING = """
[[parameter]]
name = "test.ending"
description = "A parameter that changes and then ends"
type = "int"
reference = "AJCEP/IR/7"
verified = true
[[parameter.values]]
effective_from = 2008-12-01
value = 3
[[parameter.values]]
effective_from = 2020-01-01
value = 5
[[parameter.values]]
effective_from = 2024-01-01
ended = true
"""


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2008, 12, 1), 3),
        (date(2019, 12, 31), 3),
        (date(2020, 1, 1), 5),
        (date(2023, 12, 31), 5),
    ],
    ids=[
        "first-day-of-first-value",
        "last-day-before-change",
        "day-the-change-takes-effect",
        "last-day-before-it-ends",
    ],
)
def test_value_in_force_is_the_latest_that_took_effect(on: date, expected: int) -> None:
    """The value on a day is the one with the latest effective_from on or before that day."""
    (parameter,) = parse(ENDING, "ending.toml")
    assert expected == parameter.value_on(on)


def test_before_the_first_value_the_parameter_is_not_in_force() -> None:
    """The day before the first value raises ParameterNotInForce, saying when it starts."""
    (parameter,) = parse(ENDING, "ending.toml")
    with pytest.raises(ParameterNotInForce) as caught:
        parameter.value_on(date(2008, 11, 30))
    error = caught.value
    assert ("test.ending", date(2008, 11, 30), date(2008, 12, 1), None) == (
        error.name,
        error.on,
        error.first_effective,
        error.ended_on,
    )
    assert "parameter 'test.ending' is not in force on 2008-11-30: its first value takes effect on 2008-12-01" == str(error)


def test_after_an_ending_entry_the_parameter_is_not_in_force() -> None:
    """From the day an `ended = true` entry takes effect, the parameter has no value."""
    (parameter,) = parse(ENDING, "ending.toml")
    with pytest.raises(ParameterNotInForce) as caught:
        parameter.value_on(date(2024, 1, 1))
    assert date(2024, 1, 1) == caught.value.ended_on
    assert "parameter 'test.ending' is not in force on 2024-01-01: it ended on 2024-01-01" == str(caught.value)


def test_not_in_force_is_a_roo_lookup_error() -> None:
    """Rules can catch ParameterNotInForce as a RooError or a LookupError."""
    assert issubclass(ParameterNotInForce, RooError)
    assert issubclass(ParameterNotInForce, LookupError)


def test_unknown_name_raises_unknown_parameter() -> None:
    """A name no data file defines raises UnknownParameter (a KeyError) with a readable message."""
    with pytest.raises(UnknownParameter) as caught:
        params.value("ajcep.no_such_thing", date(2024, 1, 1))
    assert isinstance(caught.value, KeyError)
    assert "unknown parameter 'ajcep.no_such_thing'; roo.params.catalogue() lists every parameter" == str(caught.value)


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("ajcep.waiver.japan.customs_value", "250000", Money(Decimal("250000"), "JPY")),
        ("ajcep.waiver.japan.customs_value", " 250000.5 ", Money(Decimal("250000.5"), "JPY")),
        ("ajcep.waiver.japan.customs_value", Decimal("250000"), Money(Decimal("250000"), "JPY")),
        ("ajcep.waiver.japan.customs_value", 250000, Money(Decimal("250000"), "JPY")),
        ("ajcep.waiver.japan.customs_value", Money(Decimal("1"), "JPY"), Money(Decimal("1"), "JPY")),
        ("ajcep.retroactive.grace_days", 4, 4),
        ("ajcep.retroactive.grace_days", "4", 4),
        ("ajcep.retroactive.grace_days", Decimal("4"), 4),
        ("ajcep.entry_into_force.ID", "2018-04-01", date(2018, 4, 1)),
        ("ajcep.entry_into_force.ID", date(2018, 4, 1), date(2018, 4, 1)),
        ("jiepa.psr.hs_version", "HS2017", "HS2017"),
    ],
    ids=[
        "yen-waiver-from-json-string",
        "yen-waiver-decimal-string-with-spaces",
        "yen-waiver-from-decimal",
        "yen-waiver-from-integer",
        "yen-waiver-as-money-in-same-currency",
        "grace-days-from-integer",
        "grace-days-from-string",
        "grace-days-from-integral-decimal",
        "entry-into-force-from-iso-string",
        "entry-into-force-from-date",
        "hs-version-string",
    ],
)
def test_override_is_coerced_to_the_declared_type(name: str, raw: object, expected: object) -> None:
    """An override from Context.parameters is read as the parameter's type and applies on every date."""
    for on in (date(2000, 1, 1), date(2024, 3, 20)):
        assert expected == params.value(name, on, overrides={name: raw})


def test_bool_override_accepts_json_booleans_and_their_text() -> None:
    """A bool parameter takes true/false, also as the strings "true"/"false", and nothing else."""
    text = ENDING.replace('type = "int"', 'type = "bool"').replace("value = 3", "value = true").replace("value = 5", "value = false")
    (parameter,) = parse(text, "flag.toml")
    assert (True, False, True, False) == tuple(coerce_override(parameter, raw) for raw in (True, False, "true", " FALSE "))
    assert (True, False) == (parameter.value_on(date(2010, 1, 1)), parameter.value_on(date(2020, 1, 1)))
    with pytest.raises(InvalidParameterOverride, match="expected true or false"):
        coerce_override(parameter, "yes")


@pytest.mark.parametrize(
    ("name", "raw", "fragment"),
    [
        ("ajcep.waiver.japan.customs_value", "lots", "expected an amount (an integer, a decimal number or a decimal string) for parameter"),
        ("ajcep.waiver.japan.customs_value", Money(Decimal("200"), "USD"), "currency JPY"),
        ("ajcep.waiver.japan.customs_value", True, "True (bool)"),
        ("ajcep.waiver.japan.customs_value", Decimal("NaN"), "Decimal('NaN')"),
        ("ajcep.retroactive.grace_days", "3.5", "expected an integer number of days"),
        ("ajcep.retroactive.grace_days", Decimal("3.5"), "Decimal('3.5')"),
        ("ajcep.retroactive.grace_days", True, "True (bool)"),
        ("ajcep.entry_into_force.ID", "2018-02-30", "expected a date (YYYY-MM-DD)"),
        ("ajcep.entry_into_force.ID", "1 March 2018", "'1 March 2018' (str)"),
        ("jiepa.psr.hs_version", "HS2016", "expected one of HS2002, HS2007, HS2012, HS2017, HS2022"),
        ("jiepa.psr.hs_version", 2017, "expected a string"),
    ],
    ids=[
        "amount-not-a-number",
        "amount-in-wrong-currency",
        "amount-as-boolean",
        "amount-not-finite",
        "days-fractional-text",
        "days-fractional-decimal",
        "days-as-boolean",
        "date-that-does-not-exist",
        "date-not-iso",
        "hs-edition-that-does-not-exist",
        "hs-edition-as-number",
    ],
)
def test_bad_override_raises_invalid_context(name: str, raw: object, fragment: str) -> None:
    """A bad override is a malformed context: InvalidParameterOverride names the parameter and the value."""
    with pytest.raises(InvalidParameterOverride) as caught:
        params.value(name, date(2024, 3, 20), overrides={name: raw})
    error = caught.value
    assert isinstance(error, InvalidContext)
    (problem,) = error.problems
    assert (f"parameters[{name!r}]", raw) == (problem.path, problem.value)
    assert fragment in problem.message, problem.message
    assert name in str(error)


def test_null_override_switches_the_parameter_off() -> None:
    """An override of None (JSON null) makes the parameter not in force on every date."""
    with pytest.raises(ParameterNotInForce) as caught:
        params.value("ajcep.retroactive.grace_days", date(2024, 3, 20), overrides={"ajcep.retroactive.grace_days": None})
    assert "parameter 'ajcep.retroactive.grace_days' is not in force on 2024-03-20: the context's parameters set it to null" == str(
        caught.value
    )


def test_overrides_of_other_parameters_are_ignored() -> None:
    """An override applies only to the parameter it names."""
    overrides = {"ajcep.retroactive.max_months": "6"}
    assert 3 == params.value("ajcep.retroactive.grace_days", date(2024, 3, 20), overrides=overrides)


def test_check_overrides_reports_every_problem() -> None:
    """check_overrides lists unknown names and bad values, and accepts good ones and null."""
    overrides = {
        "ajcep.retroactive.grace_days": "4",
        "ajcep.retroactive.max_months": None,
        "ajcep.co.validity_months": "a year",
        "ajcep.no_such_thing": 1,
    }
    expected = (
        Problem(
            "parameters['ajcep.co.validity_months']",
            "expected an integer number of months for parameter 'ajcep.co.validity_months' (type 'months'), got 'a year' (str)",
            "a year",
        ),
        Problem("parameters['ajcep.no_such_thing']", "unknown parameter 'ajcep.no_such_thing'", 1),
    )
    assert expected == params.check_overrides(overrides)


class TestContextParameter:
    """Context.parameter: the packaged value, or the context's override."""

    def test_packaged_value(self) -> None:
        """Without an override, the context returns the packaged value in force on the date."""
        assert Money(Decimal("200000"), "JPY") == Context().parameter("ajcep.waiver.japan.customs_value", date(2024, 3, 20))

    def test_override_from_context_json(self) -> None:
        """An override given in the context JSON takes precedence and is typed."""
        ctx = roo.load_context({"parameters": {"ajcep.waiver.japan.customs_value": "250000", "ajcep.retroactive.grace_days": 5}})
        actual = (
            ctx.parameter("ajcep.waiver.japan.customs_value", date(2024, 3, 20)),
            ctx.parameter("ajcep.retroactive.grace_days", date(2024, 3, 20)),
        )
        assert (Money(Decimal("250000"), "JPY"), 5) == actual

    def test_hs_version_changes_on_its_date(self) -> None:
        """JIEPA's product-specific rules move from HS2002 to HS2017 on 2024-02-05."""
        ctx = Context()
        actual = (ctx.parameter("jiepa.psr.hs_version", date(2024, 2, 4)), ctx.parameter("jiepa.psr.hs_version", date(2024, 2, 5)))
        assert ("HS2002", "HS2017") == actual

    def test_not_in_force_before_entry_into_force(self) -> None:
        """Before AJCEP's first entry into force the waiver has no value, and the context says so."""
        with pytest.raises(ParameterNotInForce):
            Context().parameter("ajcep.waiver.japan.customs_value", date(2008, 11, 30))

    def test_bad_override_is_an_invalid_input(self) -> None:
        """A bad override raised through the context is an InvalidInput carrying its path."""
        ctx = Context(parameters={"ajcep.retroactive.grace_days": "three"})
        with pytest.raises(InvalidInput) as caught:
            ctx.parameter("ajcep.retroactive.grace_days", date(2024, 3, 20))
        assert "parameters['ajcep.retroactive.grace_days']" == caught.value.problems[0].path


class TestValueObjects:
    """Parameter and DatedValue are frozen, comparable, hashable and picklable."""

    def test_frozen(self) -> None:
        """Assigning to a field raises FrozenInstanceError."""
        parameter = params.get("ajcep.retroactive.grace_days")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            parameter.name = "other"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            parameter.values[0].value = 4  # type: ignore[misc]

    def test_hash_eq_pickle(self) -> None:
        """A pickled parameter comes back equal, with the same hash."""
        parameter = params.get("ajcep.waiver.japan.customs_value")
        copy = pickle.loads(pickle.dumps(parameter))
        assert (parameter, hash(parameter)) == (copy, hash(copy))

    def test_catalogue_is_immutable_and_sorted(self) -> None:
        """The catalogue is a tuple sorted by name, the same object on every call."""
        catalogue = params.catalogue()
        assert isinstance(catalogue, tuple)
        assert sorted(p.name for p in catalogue) == [p.name for p in catalogue]
        assert catalogue is params.catalogue()


# --- whether the value used is verified -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "overrides", "expected"),
    [
        pytest.param("ajcep.entry_into_force.JP", {}, True, id="packaged-and-confirmed"),
        pytest.param("ajcep.entry_into_force.ID", {}, False, id="packaged-but-unconfirmed"),
        pytest.param("ajcep.co.validity_months", {}, False, id="unread-ocp-period"),
        pytest.param(
            "ajcep.entry_into_force.ID",
            {"ajcep.entry_into_force.ID": "2018-03-01"},
            True,
            id="a-callers-override-is-their-own-statement",
        ),
        pytest.param(
            "ajcep.entry_into_force.ID",
            {"ajcep.entry_into_force.JP": "2008-12-01"},
            False,
            id="an-override-of-another-parameter-changes-nothing",
        ),
    ],
)
def test_verified(name: str, overrides: dict[str, object], expected: bool) -> None:
    """``verified`` says whether the value a rule would use rests on a confirmed source; overrides count as such."""
    assert expected == params.verified(name, date(2024, 3, 20), overrides)


def test_context_says_whether_a_parameter_is_verified() -> None:
    """``Context.parameter_verified`` answers for the context's own overrides."""
    plain, told = Context(), Context(parameters={"ajcep.entry_into_force.ID": "2018-03-01"})
    on = date(2024, 3, 20)
    expected = (False, True, True)
    actual = (
        plain.parameter_verified("ajcep.entry_into_force.ID", on),
        told.parameter_verified("ajcep.entry_into_force.ID", on),
        plain.parameter_verified("ajcep.entry_into_force.JP", on),
    )
    assert expected == actual


def test_verified_entry_by_entry() -> None:
    """A value entry marked unverified is unverified on its dates only, even in a verified parameter."""
    (parameter,) = parse(
        ENDING.replace("effective_from = 2020-01-01\nvalue = 5", "effective_from = 2020-01-01\nvalue = 5\nverified = false"),
        "unverified-entry.toml",
    )
    expected = (True, False)
    actual = tuple(parameter.verified and parameter.entry_on(d).verified for d in (date(2019, 1, 1), date(2021, 1, 1)))
    assert expected == actual


@pytest.mark.parametrize(
    ("name", "on", "error"),
    [
        pytest.param("no.such.parameter", date(2024, 3, 20), UnknownParameter, id="unknown-name"),
        pytest.param("ajcep.entry_into_force.ID", date(2008, 11, 30), ParameterNotInForce, id="before-its-first-value"),
    ],
)
def test_verified_raises_as_value_does(name: str, on: date, error: type[Exception]) -> None:
    """Asked about a parameter that does not exist, or a date it has no value on, ``verified`` raises as ``value``."""
    with pytest.raises(error):
        params.verified(name, on)


def _entry_verified(parameter: roo.params.Parameter, on: date) -> bool | type[Exception]:
    """What ``verified`` means, entry by entry: the parameter and the entry in force are both verified."""
    try:
        entry = parameter.entry_on(on)
    except ParameterNotInForce:
        return ParameterNotInForce
    return parameter.verified and entry.verified


def _packaged_verified(name: str, on: date) -> bool | type[Exception]:
    try:
        return params.verified(name, on)
    except ParameterNotInForce:
        return ParameterNotInForce


def test_verified_agrees_with_the_entries_of_every_packaged_parameter() -> None:
    """``verified`` (worked out per parameter when the data are loaded) answers as the entry in force says, on
    every day a packaged value starts, the day before, and long before and after."""
    for parameter in params.catalogue():
        days = {date(1990, 1, 1), date(2099, 1, 1)}
        for entry in parameter.values:
            days |= {entry.effective_from, date.fromordinal(entry.effective_from.toordinal() - 1)}
        expected = [_entry_verified(parameter, day) for day in sorted(days)]
        assert expected == [_packaged_verified(parameter.name, day) for day in sorted(days)], parameter.name
