"""Content checks: what a loaded document's types cannot say (internal to :mod:`roo.codec`).

ISO country and currency codes, item numbering, amounts that must be positive, HS code lengths; for a context,
also its exchange-rate keys and parameter overrides. A certificate that does not load as a whole is checked in
the parts that can be read (:func:`readable_parts_problems`), so that its content problems are reported in the
same round as its structural ones.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Protocol

from .._json import Limits, show
from ..errors import Problem
from ..model.certificate import Certificate, CertificateReference, Item, Party, Transport
from ..model.codes import country_hint, currency_hint, is_country, is_currency
from ..model.hs import MAX_HS_DIGITS, hs_code_problem
from ..model.money import Money, Quantity
from ..params import check_overrides

if TYPE_CHECKING:
    # Named in signatures only: the converter sits below the context.
    from ..context import Context


def _positive(money: Any, path: str, what: str, problems: list[Problem], *, zero: bool = False) -> None:
    """A problem at ``path`` unless ``money`` (Money or Quantity, or None) is above zero (or zero, if allowed)."""
    if money is None:
        return
    amount = money.amount if hasattr(money, "amount") else money.value
    if amount < 0 or (amount == 0 and not zero):
        problems.append(Problem(path, f"{what} must be {'zero or more' if zero else 'above zero'}, got {amount}"))


def _country_problem(code: str, path: str) -> Problem:
    return Problem(path, f"not an ISO 3166-1 alpha-2 country code: {show(code)}{country_hint(code)}")


def _currency_problem(code: str, path: str) -> Problem:
    return Problem(path, f"not an ISO 4217 currency code: {show(code)}{currency_hint(code)}")


def _check_party(party: Any, path: str, problems: list[Problem]) -> None:
    if party is not None and party.country is not None and not _country_any_case(party.country):
        problems.append(_country_problem(party.country, f"{path}.country"))


def check_certificate(co: Certificate, prefix: str = "") -> list[Problem]:
    """What the types cannot say: ISO codes, currencies, item numbering, amounts, HS code lengths.

    A certificate without a problem is recognised in one pass over its items
    (each distinct currency tested once); only a certificate with a problem
    is walked item by item to report each one with its path.
    """
    items = co.items
    numbers = {item.number for item in items}
    # Comprehensions and C-level min/max over the items: a clean certificate is the common case.
    moneys = [money for item in items if (money := item.fob_value) is not None]
    currencies = {money.currency for money in moneys}
    amounts = [money.amount for money in moneys]
    amounts += [quantity.value for item in items if (quantity := item.quantity) is not None]
    amounts += [weight.value for item in items if (weight := item.gross_weight) is not None]
    suspect = (bool(amounts) and min(amounts) < 0) or (
        bool(items) and max([len(item.hs_code) for item in items]) > MAX_HS_DIGITS
    )
    if (
        items
        and not suspect
        and is_country(co.exporting_party)
        and is_country(co.importing_party)
        and len(numbers) == len(items)
        and min(numbers) >= 1
        and all(map(is_currency, currencies))
        and _clean_header(co)
    ):
        return []
    fields = ((index, _FieldsOf(item)) for index, item in enumerate(co.items))
    return _certificate_problems(_FieldsOf(co), fields, prefix, listed_items=bool(co.items))


#: :func:`check_certificate`'s tests of a clean certificate, field by field, for a reader that makes them while
#: it builds the certificate: for (class, field name), a Python expression of the field's value ``{value}``
#: (never None, never an absent field's default: the model's defaults pass every test), true when the value
#: needs check_certificate's closer look. The names it uses are :data:`FIELD_TEST_NAMES`. A certificate none
#: of whose fields is suspect, and whose item numbers are distinct (:func:`numbered_once`), is one
#: check_certificate finds nothing in; a suspect value may still be right (``-0`` is signed, not below zero),
#: which check_certificate then says.
FIELD_TESTS: Final[Mapping[tuple[type[Any], str], str]] = {
    (Certificate, "exporting_party"): "not is_country({value})",
    (Certificate, "importing_party"): "not is_country({value})",
    (Certificate, "items"): "not {value}",
    (Item, "number"): "{value} < 1",
    (Item, "hs_code"): f"len({{value}}) > {MAX_HS_DIGITS}",
    (Money, "amount"): "{value}.is_signed()",
    (Money, "currency"): "not is_currency({value})",
    (Quantity, "value"): "{value}.is_signed()",
    # _header_problems' tests: countries outside boxes 5-10, in any letter case.
    (Party, "country"): "not country_any_case({value})",
    (Transport, "transit_countries"): "not all(map(country_any_case, {value}))",
    (CertificateReference, "exporting_party"): "not country_any_case({value})",
}


def numbered_once(co: Certificate) -> bool:
    """Whether no two items of ``co`` have one number: the test of a clean certificate that
    :data:`FIELD_TESTS` cannot make field by field."""
    return len({item.number for item in co.items}) == len(co.items)


class _Fields(Protocol):
    """A certificate's or an item's fields by name (a field that could not be read gives None)."""

    def get(self, name: str, /) -> Any: ...


@typing.final
class _FieldsOf:
    """The fields of a certificate or item that was read: :class:`_Fields` without copying them."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def get(self, name: str, /) -> Any:
        return getattr(self.value, name)


def _certificate_problems(
    header: _Fields, items: Iterable[tuple[int, _Fields]], prefix: str, *, listed_items: bool
) -> list[Problem]:
    """The problems of :func:`check_certificate`, from the header fields that could be read and the item fields
    that could (each item with its index in the document), so that a document with faults of both kinds gets
    all of them in one round.
    """
    problems: list[Problem] = []
    for field in ("exporting_party", "importing_party"):
        code = header.get(field)
        if isinstance(code, str) and not is_country(code):
            problems.append(_country_problem(code, prefix + field))
    problems.extend(_header_problems(header, prefix))
    if not listed_items:
        problems.append(Problem(prefix + "items", "a certificate lists at least one item"))
    seen: set[int] = set()
    for index, item in items:
        where = f"{prefix}items[{index}]"
        number = item.get("number")
        if number is None:
            pass
        elif number < 1:
            problems.append(Problem(f"{where}.number", f"item numbers start at 1, got {number}"))
        elif number in seen:
            problems.append(Problem(f"{where}.number", f"item number {number} is used twice"))
        else:
            seen.add(number)
        hs_code = item.get("hs_code")
        if hs_code is not None and (hs_problem := hs_code_problem(hs_code)) is not None:
            problems.append(Problem(f"{where}.hs_code", hs_problem))
        fob_value = item.get("fob_value")
        if fob_value is not None and not is_currency(fob_value.currency):
            problems.append(_currency_problem(fob_value.currency, f"{where}.fob_value.currency"))
        # Zero is kept: it is a wrong figure the rules report (a quantity of 0 cannot cover a declaration).
        _positive(fob_value, f"{where}.fob_value.amount", "an FOB value", problems, zero=True)
        _positive(item.get("quantity"), f"{where}.quantity.value", "a quantity", problems, zero=True)
        _positive(item.get("gross_weight"), f"{where}.gross_weight.value", "a weight", problems, zero=True)
    return problems


def readable_parts_problems(data: Mapping[str, Any], limits: Limits) -> list[Problem]:
    """:func:`check_certificate`'s problems in the parts of ``data`` that can be read, when the whole cannot.

    Each header field and each field of each item is read on its own: an amount written ``"1,200"`` on one
    item, or a misspelt key, no longer hides a currency ``"US$"`` on another, or a country named
    ``"Thailand"``, until the first is fixed.
    """
    raw_items = data.get("items")
    items: list[tuple[int, _Fields]] = []
    if isinstance(raw_items, (list, tuple)):
        item_types = _field_types(Item)
        items = [
            (index, _readable_fields(raw, item_types))
            for index, raw in enumerate(raw_items[: limits.max_items])
            if isinstance(raw, Mapping)
        ]
    header = _readable_fields(data, {k: v for k, v in _certificate_types().items() if k != "items"})
    return _certificate_problems(header, items, "", listed_items=raw_items != [])


def _readable_fields(data: Mapping[str, Any], types: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``data`` that can be read as their ``types`` say, each on its own."""
    from .converters import DETAILED  # here, not at import: only a document that does not load comes here

    fields: dict[str, Any] = {}
    for name, kind in types.items():
        if name in data:
            try:
                fields[name] = DETAILED.structure(data[name], kind)
            except Exception:  # noqa: BLE001 - already reported by the structuring of the whole
                continue
    return fields


@functools.lru_cache(maxsize=64)
def _field_types(cls: type[Any]) -> dict[str, Any]:
    """The field types of attrs class ``cls``, resolved (roo's annotations are strings)."""
    return typing.get_type_hints(cls)


def _certificate_types() -> dict[str, Any]:
    """The certificate's field types, in the order of its fields."""
    return _field_types(Certificate)


def in_document_order(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` ordered as their fields come in a certificate: header fields in model order, items by index."""
    order = {name: position for position, name in enumerate(_certificate_types())}

    def key(problem: Problem) -> tuple[int, int, str]:
        head, _, rest = problem.path.partition(".")
        name, _, index = head.partition("[")
        number = int(index.rstrip("]")) if index.rstrip("]").isdigit() else -1
        return order.get(name, -1), number, rest

    return sorted(problems, key=key)


def _header_problems(header: _Fields, prefix: str) -> list[Problem]:
    """Country codes outside boxes 5-10: the parties' countries, transit countries, referenced certificates.

    ``header`` maps a certificate's fields to their values (a field that could not be read is left out).
    These are read in any letter case (``"sg"`` is Singapore: the rules compare them case-blind); the
    exporting and importing Parties, which decide the scheme's rules, must be written as ISO writes them.
    """
    problems: list[Problem] = []
    for field in ("exporter", "consignee", "producer", "third_country_invoicer"):
        _check_party(header.get(field), prefix + field, problems)
    transport = header.get("transport")
    if transport is not None:
        for index, country in enumerate(transport.transit_countries):
            if not _country_any_case(country):
                problems.append(_country_problem(country, f"{prefix}transport.transit_countries[{index}]"))
    for field in ("original_certificate", "replaces"):
        reference = header.get(field)
        if reference is not None and reference.exporting_party is not None and not _country_any_case(reference.exporting_party):
            problems.append(_country_problem(reference.exporting_party, f"{prefix}{field}.exporting_party"))
    return problems


def _clean_header(co: Certificate) -> bool:
    """Whether :func:`_header_problems` finds nothing in ``co``: the same tests, read straight from its fields."""
    for party in (co.exporter, co.consignee, co.producer, co.third_country_invoicer):
        if party is not None and party.country is not None and not _country_any_case(party.country):
            return False
    if co.transport is not None and not all(map(_country_any_case, co.transport.transit_countries)):
        return False
    for reference in (co.original_certificate, co.replaces):
        if reference is not None and reference.exporting_party is not None and not _country_any_case(reference.exporting_party):
            return False
    return True


def _country_any_case(code: str) -> bool:
    return len(code) == 2 and is_country(code.upper())


#: The functions :data:`FIELD_TESTS` calls, by the names it calls them.
FIELD_TEST_NAMES: Final[Mapping[str, Any]] = {
    "is_country": is_country,
    "is_currency": is_currency,
    "country_any_case": _country_any_case,
}


def check_context(ctx: Context) -> list[Problem]:
    """What the types of a structured context cannot say, for :func:`roo.load_context`.

    Its related certificates and e-CO data copy are checked as certificates are, its amounts and codes by
    :func:`context_problems`, its parameter overrides by :func:`roo.params.check_overrides`.
    """
    problems: list[Problem] = []
    for index, related in enumerate(ctx.related_certificates):
        problems.extend(check_certificate(related, f"related_certificates[{index}]."))
    if ctx.eco_data_copy is not None:
        problems.extend(check_certificate(ctx.eco_data_copy, "eco_data_copy."))
    problems.extend(context_problems(ctx))
    problems.extend(check_overrides(ctx.parameters))
    return problems


_RATE_KEY: Final = re.compile(r"([A-Z]{3})/([A-Z]{3})")


def context_problems(ctx: Context) -> list[Problem]:
    """What the types of a context cannot say: its amounts are above zero, its codes are ISO codes.

    A customs value of -1 or an exchange rate of 0 is no fact of an import: read as one, it would put the
    consignment under the low-value waiver. Used by :func:`check_context`.
    """
    problems: list[Problem] = []
    for field in ("customs_value", "exporting_value"):
        money = getattr(ctx, field)
        if money is not None and not is_currency(money.currency):
            problems.append(_currency_problem(money.currency, f"{field}.currency"))
        _positive(money, f"{field}.amount", "a value", problems)
    for pair, rate in ctx.exchange_rates.items():
        where = f"exchange_rates[{show(pair)}]"
        codes = _RATE_KEY.fullmatch(pair)
        if codes is None:
            problems.append(Problem(where, "a rate is keyed 'SOURCE/TARGET', e.g. 'USD/JPY'"))
        else:
            problems.extend(
                _currency_problem(code, where) for code in codes.groups() if not is_currency(code)
            )
        if rate <= 0:
            problems.append(Problem(where, f"an exchange rate must be above zero, got {rate}"))
    if ctx.declaration is not None:
        for index, line in enumerate(ctx.declaration.items):
            _positive(line.quantity, f"declaration.items[{index}].quantity.value", "a quantity", problems, zero=True)
    if ctx.consignment is not None:
        for index, stop in enumerate(ctx.consignment.transit):
            if not is_country(stop.country):
                problems.append(_country_problem(stop.country, f"consignment.transit[{index}].country"))
    for index, drawdown in enumerate(ctx.eco_drawdowns):
        _positive(drawdown.quantity, f"eco_drawdowns[{index}].quantity.value", "a quantity", problems, zero=True)
    for index, document in enumerate(ctx.accumulation_documents):
        if document.exporting_party is not None and not is_country(document.exporting_party):
            problems.append(_country_problem(document.exporting_party, f"accumulation_documents[{index}].exporting_party"))
    return problems
