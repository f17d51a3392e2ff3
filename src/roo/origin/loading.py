"""Reading and writing goods as JSON (docs/origin.md), through roo's one converter.

``load_good`` structures parsed JSON with :func:`roo.codec.structure`, so a
malformed good raises :class:`~roo.origin.InvalidGood` listing every problem
with its JSON path, then checks what the types cannot say: ISO codes, a
six-digit HS subheading for the good, HS codes of digits for materials,
amounts and percentages in range, and a scheme roo can determine origin under.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import codec
from .._exact import exact
from ..errors import Problem
from ..model.certificate import Scheme
from ..model.codes import is_country, is_currency
from ..model.hs import is_six_digit_subheading, normalize_hs
from ..model.money import Money, Quantity
from .model import MAX_MATERIAL_DEPTH, Good, InvalidGood, Material, Operation, nesting_problem


@exact
def load_good(data: Mapping[str, Any] | Any) -> Good:
    """A :class:`~roo.origin.Good` from parsed JSON; raises :class:`~roo.origin.InvalidGood` listing every problem."""
    good = codec.structure(data, Good, InvalidGood)
    problems = check_good(good)
    if problems:
        raise InvalidGood(problems)
    return good


def dump_good(good: Good) -> dict[str, Any]:
    """The JSON-ready form of a good; ``load_good(dump_good(good)) == good``."""
    result: dict[str, Any] = codec.unstructure(good)
    return result


def check_good(good: Good) -> list[Problem]:
    """What the types cannot say about a good."""
    problems: list[Problem] = []
    if good.scheme not in (Scheme.AJCEP, Scheme.JIEPA):
        problems.append(Problem("scheme", "origin is determined under AJCEP or JIEPA", good.scheme.value))
    if not is_country(good.exporting_party):
        problems.append(Problem("exporting_party", "not an ISO 3166-1 alpha-2 country code", good.exporting_party))
    if not is_six_digit_subheading(good.hs_code):
        problems.append(Problem("hs_code", "the good's HS code is a six-digit subheading", good.hs_code))
    _money(good.fob_value, "fob_value", problems, positive=True)
    _money(good.refunded_excise, "refunded_excise", problems)
    _quantity(good.weight, "weight", problems)
    _quantity(good.volume, "volume", problems)
    if good.vessel is not None:
        for field in ("registered_in", "flag"):
            code = getattr(good.vessel, field)
            if code is not None and not is_country(code):
                problems.append(Problem(f"vessel.{field}", "not an ISO 3166-1 alpha-2 country code", code))
        for field in ("ownership_percent", "crew_percent"):
            share = getattr(good.vessel, field)
            if share is not None and not 0 <= share <= 100:
                problems.append(Problem(f"vessel.{field}", "a percentage from 0 to 100", str(share)))
    _operations(good.operations, "", problems)
    too_deep = nesting_problem(good)
    if too_deep is not None:
        problems.append(too_deep)
    _materials(good.materials, "", problems, 1)
    return problems


def _materials(materials: tuple[Material, ...], prefix: str, problems: list[Problem], level: int) -> None:
    if level > MAX_MATERIAL_DEPTH:
        return  # nesting_problem() reports it
    for index, material in enumerate(materials):
        where = f"{prefix}materials[{index}]"
        if material.hs_code is not None:
            digits = normalize_hs(material.hs_code)
            if not (digits.isascii() and digits.isdigit() and 2 <= len(digits) <= 12):
                message = "an HS code of 2 to 12 digits (dots allowed)"
                problems.append(Problem(f"{where}.hs_code", message, material.hs_code))
        if material.origin_party is not None and not is_country(material.origin_party):
            problems.append(
                Problem(f"{where}.origin_party", "not an ISO 3166-1 alpha-2 country code", material.origin_party)
            )
        _wholly_obtained_in(material, where, problems)
        _money(material.value, f"{where}.value", problems)
        _quantity(material.weight, f"{where}.weight", problems)
        _quantity(material.volume, f"{where}.volume", problems)
        _operations(material.operations, f"{where}.", problems)
        _materials(material.materials, f"{where}.", problems, level + 1)


def _wholly_obtained_in(material: Material, where: str, problems: list[Problem]) -> None:
    """A material wholly obtained in a Party originates in that Party: the three fields must agree."""
    party = material.wholly_obtained_in
    if party is None:
        return
    if not is_country(party):
        problems.append(Problem(f"{where}.wholly_obtained_in", "not an ISO 3166-1 alpha-2 country code", party))
    elif material.originating is False:
        message = "a material wholly obtained in a Party is originating; 'originating' is false"
        problems.append(Problem(f"{where}.wholly_obtained_in", message, party))
    elif material.origin_party is not None and material.origin_party != party:
        message = f"a material wholly obtained in {party} originates there, not in {material.origin_party}"
        problems.append(Problem(f"{where}.origin_party", message, material.origin_party))


def _operations(operations: tuple[Operation, ...], prefix: str, problems: list[Problem]) -> None:
    for index, operation in enumerate(operations):
        if operation.process is not None and not operation.process.strip():
            problems.append(Problem(f"{prefix}operations[{index}].process", "an empty process name; use null", ""))


def _money(money: Money | None, where: str, problems: list[Problem], positive: bool = False) -> None:
    if money is None:
        return
    if not is_currency(money.currency):
        problems.append(Problem(f"{where}.currency", "not an ISO 4217 currency code", money.currency))
    if money.amount < 0 or (positive and money.amount == 0):
        problems.append(
            Problem(f"{where}.amount", "must be above zero" if positive else "must not be negative", str(money.amount))
        )


def _quantity(quantity: Quantity | None, where: str, problems: list[Problem]) -> None:
    if quantity is not None and quantity.value < 0:
        problems.append(Problem(f"{where}.value", "must not be negative", str(quantity.value)))
