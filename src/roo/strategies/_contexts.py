"""The facts of an import (:func:`contexts`): consistent with a given certificate, or arbitrary but well-formed."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final

from hypothesis import strategies as st

from .._frozen import FrozenMap
from ..context import (
    AccumulationDocument,
    AccumulationDocumentKind,
    Consignment,
    Context,
    Declaration,
    DeclarationItem,
    Drawdown,
    TransitStop,
)
from ..model import (
    Certificate,
    Money,
    Quantity,
)
from ._certificates import certificates
from ._primitives import _BOOLEANS, _days, _ints
from ._trade_tables import _COUNTRIES

# --------------------------------------------------------------------------------------------------------------------
# Contexts.

_CURRENCIES: Final = ("JPY", "USD", "IDR", "THB", "EUR", "SGD")
_NATIONAL_CURRENCY: Final[Mapping[str, str]] = {"JP": "JPY", "ID": "IDR"}
#: A customs value far above any waiver amount, per currency.
_LARGE_CUSTOMS_VALUE: Final[Mapping[str, int]] = {"JPY": 1_000_000, "IDR": 100_000_000, "USD": 10_000}
_NATIONAL_DIGITS: Final = st.sampled_from(("", "000", "100", "900"))
_RATES: Final[Mapping[str, Decimal]] = {
    "USD/JPY": Decimal("150.25"),
    "USD/IDR": Decimal("15650"),
    "JPY/IDR": Decimal("104.2"),
}


@st.composite
def _consistent_context(draw: st.DrawFn, co: Certificate) -> Context:
    start = max(co.issue_date, co.transport.departure_date if co.transport and co.transport.departure_date else co.issue_date)
    on = start + draw(_days(0, min(300, (date.max - start).days)))
    declaration = None
    if draw(_BOOLEANS):
        lines = []
        for item in co.items:
            national = draw(_NATIONAL_DIGITS)
            lines.append(
                DeclarationItem(
                    certificate_item=item.number,
                    hs_code=item.hs_digits + national,
                    description=item.description,
                    quantity=item.quantity,
                )
            )
        declaration = Declaration(tuple(lines), co.exporter.name if co.exporter else None)
    customs_value = None
    if draw(_BOOLEANS):
        currency = _NATIONAL_CURRENCY.get(co.importing_party, "USD")
        low = _LARGE_CUSTOMS_VALUE[currency]
        customs_value = Money(Decimal(draw(_ints(low, low * 1000))), currency)
    consignment = Consignment(direct=True) if draw(_BOOLEANS) else None
    evidence: tuple[AccumulationDocument, ...] = ()
    if draw(_BOOLEANS):
        evidence = tuple(
            AccumulationDocument(AccumulationDocumentKind.EXPORTER_DECLARATION, item.number)
            for item in co.items
            if item.origin_criterion.accumulation
        )
    rates = FrozenMap[Decimal](_RATES) if draw(_BOOLEANS) else FrozenMap[Decimal]()
    return Context(
        on=on,
        customs_value=customs_value,
        exchange_rates=rates,
        declaration=declaration,
        consignment=consignment,
        accumulation_documents=evidence,
    )


#: The characters a document's text may hold: no control characters but tab, line feed and carriage return, no
#: surrogates (the loader refuses the others).
_TEXT: Final = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r")


def _decimals(min_value: int = -(10**12)) -> st.SearchStrategy[Decimal]:
    return st.decimals(allow_nan=False, allow_infinity=False, min_value=min_value, max_value=10**12, places=2)


def _money() -> st.SearchStrategy[Money]:
    # A value on an import is above zero (the loader refuses others).
    return st.builds(Money, _decimals().filter(lambda amount: amount > 0), st.sampled_from(_CURRENCIES))


def _quantities() -> st.SearchStrategy[Quantity]:
    return st.builds(Quantity, _decimals(0), st.sampled_from(("KGM", "PCE", "TNE", "LTR")))


def _countries() -> st.SearchStrategy[str]:
    return st.sampled_from(tuple(_COUNTRIES))


@functools.cache
def _arbitrary_context() -> st.SearchStrategy[Context]:
    some_text = st.text(_TEXT, max_size=20)
    declaration_items = st.builds(
        DeclarationItem,
        certificate_item=st.integers(min_value=-1, max_value=8),
        hs_code=st.none() | st.from_regex(r"\A[0-9.]{0,12}\Z") | some_text,
        description=st.none() | some_text,
        quantity=st.none() | _quantities(),
    )
    transit = st.builds(
        TransitStop,
        country=_countries(),
        operations=st.lists(st.sampled_from(("loading", "unloading", "repacking", "labelling")), max_size=3).map(tuple),
        reason=st.none() | st.sampled_from(("geographical", "transport", "commercial")),
        traded_or_consumed=st.none() | st.booleans(),
    )
    drawdowns = st.builds(
        Drawdown,
        declaration=st.text(_TEXT, min_size=1, max_size=10),
        item=st.integers(min_value=1, max_value=6),
        quantity=_quantities(),
        declared_on=st.none() | st.dates(),
    )
    pairs = st.tuples(st.sampled_from(_CURRENCIES), st.sampled_from(_CURRENCIES)).map(lambda p: f"{p[0]}/{p[1]}")
    return st.builds(
        Context,
        on=st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)),
        customs_value=st.none() | _money(),
        exporting_value=st.none() | _money(),
        exchange_rates=st.dictionaries(pairs, _decimals().filter(lambda rate: rate > 0), max_size=4),
        declaration=st.none() | st.builds(
            Declaration, st.lists(declaration_items, max_size=4).map(tuple), st.none() | some_text
        ),
        related_certificates=st.lists(certificates(max_items=2), max_size=1).map(tuple),
        eco_data_copy=st.none() | certificates(max_items=2),
        consignment=st.none() | st.builds(
            Consignment,
            direct=st.none() | st.booleans(),
            transit=st.lists(transit, max_size=2).map(tuple),
            evidence=st.lists(some_text, max_size=2).map(tuple),
        ),
        eco_drawdowns=st.lists(drawdowns, max_size=3).map(tuple),
    )


def contexts(certificate: Certificate | None = None) -> st.SearchStrategy[Context]:
    """Contexts of an import: consistent with ``certificate``, or arbitrary but well-formed when it is ``None``.

    With a certificate: presented (``on``) between the later of its issue and
    departure dates and 300 days after, so within its 12-month validity;
    optionally an import declaration that declares every item as certified
    (same six-digit subheading, possibly followed by national digits, the same
    description, quantity and exporter), a customs value well above any
    waiver amount, direct consignment, a few exchange rates, and the
    exporter's declaration as evidence for every item claiming accumulation
    (``ACU``). Shrinks to a context with only ``on``, the day of issue.

    Without one: any date or none, any amounts above zero and currencies,
    exchange rates above zero, declaration lines that may name items the
    certificate does not have, related certificates, an e-CO data copy,
    transit stops and e-CO drawdowns; never parameter overrides. Shrinks to
    ``Context()``.
    """
    if certificate is None:
        return _arbitrary_context()
    return _consistent_context(certificate)
