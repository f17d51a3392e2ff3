"""Everything about the import that is not printed on the CO (docs/formats.md#context).

Every field is optional. A rule that needs a fact the context does not carry
reports ``not_evaluated`` and names the fact (``context.on``,
``context.customs_value``, ...); it never guesses.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, TypedDict, final

import attrs

from . import _tables  # the tables' and goods' classes, loaded when first named (most contexts carry none)
from . import params as _params
from ._frozen import EMPTY, FrozenMap, freeze
from .model.certificate import Certificate
from .model.money import Money, Quantity, require_positive, require_positive_rates

# The override types live with the parameters (the converter reads them); named here too, where they began.
from .params import DatedOverride as DatedOverride
from .params import ParameterValue as ParameterValue
from .params import ScalarOverride as ScalarOverride


def _frozen_rates(rates: Mapping[str, Decimal] | None) -> FrozenMap[Decimal]:
    return freeze(require_positive_rates(rates) if rates else rates)


def _frozen_overrides(overrides: Mapping[str, ParameterValue] | None) -> FrozenMap[ParameterValue]:
    return freeze(overrides)


@final
@attrs.frozen
class DeclarationItem:
    """One line of the import declaration, linked to the CO item it claims preference under."""

    certificate_item: int
    hs_code: str | None = None
    description: str | None = None
    quantity: Quantity | None = None


@final
@attrs.frozen
class Declaration:
    """The import declaration the CO is presented with: its lines, and its number and date where known."""

    items: tuple[DeclarationItem, ...] = ()
    exporter: str | None = None
    #: The declaration's number (NACCS's), by which earlier draw-downs on an e-CO name their declarations.
    number: str | None = None
    #: The date the declaration was lodged: draw-downs dated after it do not count against it.
    declared_on: date | None = None

    def for_item(self, number: int) -> tuple[DeclarationItem, ...]:
        """Declaration lines that claim preference under CO item ``number``."""
        return tuple(line for line in self.items if line.certificate_item == number)


@final
@attrs.frozen
class TransitStop:
    """A country the goods passed through, what happened there and why they went that way.

    ``operations`` is ``None`` when the data do not say what was done there (a rule that needs it is then
    not evaluated, naming it); ``()`` says that nothing was done but passing through.
    """

    country: str
    operations: tuple[str, ...] | None = None
    reason: str | None = None
    traded_or_consumed: bool | None = None


@final
@attrs.frozen
class Consignment:
    """How the goods travelled from the exporting Party (AJCEP Art 31, OCP Rule 3(3)).

    ``evidence`` is ``None`` when the data do not say which documents show the transit (a rule that needs
    them is then not evaluated, naming it); ``()`` says that none was presented.
    """

    direct: bool | None = None
    transit: tuple[TransitStop, ...] = ()
    evidence: tuple[str, ...] | None = None


class AccumulationDocumentKind(enum.StrEnum):
    """The kinds of evidence IR 8 lists for accumulated materials."""

    EXPORTER_DECLARATION = "exporter_declaration"
    PRODUCER_DECLARATION = "producer_declaration"
    INVOICE = "invoice"
    MATERIAL_CERTIFICATE = "material_certificate"
    OTHER = "other"


@final
@attrs.frozen
class AccumulationDocument:
    """A document offered to prove that a material accumulated under Art 29 originates in a Party (IR 8).

    ``certificate_item`` is the number of the CO item whose materials it
    concerns; ``exporting_party`` is, for a CO of the material, the Party that
    issued it; ``issued_retroactively`` whether that CO was issued
    retroactively.
    """

    kind: AccumulationDocumentKind
    certificate_item: int
    reference: str | None = None
    issued_retroactively: bool = False
    exporting_party: str | None = None


@final
@attrs.frozen
class Drawdown:
    """A quantity an import declaration claimed under one item of an e-CO (NACCS registers each portion used)."""

    declaration: str
    item: int
    quantity: Quantity
    declared_on: date | None = None


@final
@attrs.frozen
class Context:
    """Facts about the import, and overrides of dated parameters."""

    on: date | None = None
    customs_value: Money | None = attrs.field(default=None, validator=require_positive)
    exporting_value: Money | None = attrs.field(default=None, validator=require_positive)
    exchange_rates: FrozenMap[Decimal] = attrs.field(default=EMPTY, converter=_frozen_rates)
    declaration: Declaration | None = None
    related_certificates: tuple[Certificate, ...] = ()
    eco_data_copy: Certificate | None = None
    consignment: Consignment | None = None
    eco_drawdowns: tuple[Drawdown, ...] = ()
    accumulation_documents: tuple[AccumulationDocument, ...] = ()
    goods: tuple[_tables.ItemGood, ...] = ()
    product_rules: _tables.PsrTable | None = None
    parameters: FrozenMap[ParameterValue] = attrs.field(default=EMPTY, converter=_frozen_overrides)
    #: An HS correlation table (:func:`roo.hs.load_correlation`) to check a back-to-back CO's converted codes
    #: against (AJCEP IR 17(d)). Given from Python or with ``roo evaluate --hs-table``; JSON carries only null.
    hs_correlation: _tables.CorrelationTable | None = None
    #: The safeguard measures Indonesia applies (:mod:`roo.safeguard`, JSON ``roo.safeguard/1``), to tell whether a
    #: MoTR 16/2024 COO can exclude its goods from one (Art 2(3)). Also given with ``roo evaluate --safeguards``.
    safeguard_measures: _tables.SafeguardTable | None = None

    def parameter(self, name: str, on: date) -> Any:
        """The value of dated parameter ``name`` in force on ``on``, this context's override taking precedence.

        The value has the parameter's declared type: ``int`` (types ``int``,
        ``days``, ``months``), ``Decimal``, ``Money`` (in the parameter's
        currency), ``date``, ``str`` or ``bool``. An override in ``parameters``
        applies on every date and is read as that type (``"250000"`` -> an
        amount). See ``roo.params.value``.

        Raises:
            roo.params.ParameterNotInForce: no value is in force on ``on``
                (before the first, or after the parameter ended); a rule
                catches it and reports its check as not applicable or not
                evaluated, never as a failure.
            roo.params.UnknownParameter: no data file defines ``name``.
            roo.params.InvalidParameterOverride: the override cannot be read
                as the declared type (an ``InvalidContext``).
        """
        return _params.value(name, on, self.parameters)

    def parameter_verified(self, name: str, on: date) -> bool:
        """Whether the value :meth:`parameter` gives for ``name`` on ``on`` rests on a confirmed source.

        An override in ``parameters`` is the caller's own statement and counts
        as verified; a packaged value is verified when its data say so. A rule
        whose error would rest on an unverified value reports a warning
        instead. Raises as :meth:`parameter` does. See ``roo.params.verified``.
        """
        return _params.verified(name, on, self.parameters)

    def rate(self, source: str, target: str) -> Decimal | None:
        """Units of ``target`` per unit of ``source``, from ``exchange_rates`` only.

        ``"USD/JPY": "150.25"`` means 1 USD = 150.25 JPY; the inverse pair is
        used when only it is given. Returns ``None`` when the context has
        neither: roo never looks a rate up.
        """
        if source == target:
            return Decimal(1)
        direct = self.exchange_rates.get(f"{source}/{target}")
        if direct is not None:
            return direct
        inverse = self.exchange_rates.get(f"{target}/{source}")
        if inverse is not None and inverse != 0:
            return Decimal(1) / inverse
        return None

    def convert(self, money: Money, currency: str) -> Money | None:
        """``money`` in ``currency`` using only the context's rates, or ``None``."""
        rate = self.rate(money.currency, currency)
        if rate is None:
            return None
        return Money(money.amount * rate, currency)


class ContextFields(TypedDict, total=False):
    """The keyword arguments of :func:`roo.evaluate` that set a context field.

    Each takes the field's own type or its JSON form (``on="2024-03-20"``,
    ``customs_value={"amount": "150000", "currency": "JPY"}``); a JSON form is
    read exactly as :func:`roo.load_context` reads it, and a value it cannot
    read raises :class:`roo.InvalidContext` naming the field.
    """

    on: date | str | None
    customs_value: Money | Mapping[str, Any] | None
    exporting_value: Money | Mapping[str, Any] | None
    exchange_rates: Mapping[str, Decimal | int | str]
    declaration: Declaration | Mapping[str, Any] | None
    related_certificates: Sequence[Certificate | Mapping[str, Any]]
    eco_data_copy: Certificate | Mapping[str, Any] | None
    consignment: Consignment | Mapping[str, Any] | None
    eco_drawdowns: Sequence[Drawdown | Mapping[str, Any]]
    accumulation_documents: Sequence[AccumulationDocument | Mapping[str, Any]]
    goods: Sequence[_tables.ItemGood | Mapping[str, Any]]
    product_rules: _tables.PsrTable | Mapping[str, Any] | None
    parameters: Mapping[str, Any]
    hs_correlation: _tables.CorrelationTable | None
    safeguard_measures: _tables.SafeguardTable | Mapping[str, Any] | None
