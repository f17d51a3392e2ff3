"""Goods for origin determination and their materials (:func:`goods`, :func:`good_data`, :func:`materials`,
:func:`bills_of_materials`): any, or aimed at a criterion (:data:`GOOD_CRITERIA`) so that roo judges them so.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final, final

import attrs
from hypothesis import strategies as st

from ..model import (
    Money,
    Quantity,
    Scheme,
    normalize_hs,
)
from ..origin.loading import dump_good
from ..origin.model import (
    Good,
    Material,
    MaterialRole,
    Operation,
    Vessel,
    WhollyObtained,
)
from ._primitives import _BOOLEANS, _ints
from ._product_tables import (
    _ANY_OPERATIONS,
    _BUDGET,
    _COUNTED_ROLES,
    _EDITION,
    _FINAL_PROCESS,
    _FISHING_VESSELS,
    _FLAGS_OF_CONVENIENCE,
    _GENERAL_RVC,
    _MADE,
    _MATERIAL_POOL,
    _NON_QUALIFYING_OPERATIONS,
    _ON,
    _ORIGIN_PARTIES,
    _ORIGINATING,
    _PRODUCT_BY_HS,
    _PRODUCTION,
    _PRODUCTS,
    _QUALIFYING_OPERATIONS,
    _ROLE_POOL,
    _ROLES,
    _VNM_CAP,
    _WHOLLY_OBTAINED,
    _ZERO_DECIMAL,
    _Product,
)


def _minor_digits(currency: str) -> int:
    return 0 if currency in _ZERO_DECIMAL else 2


def _money_of(units: int, currency: str) -> Money:
    """``units`` of the currency's minor unit (cents; yen) as Money with its usual decimals (``1.00`` USD)."""
    return Money(Decimal(units).scaleb(-_minor_digits(currency)), currency)


def _kilograms(hundredths: int) -> Quantity:
    return Quantity(Decimal(hundredths).scaleb(-2), "KGM")


def _origin_scheme(scheme: Scheme | str | None) -> Scheme | None:
    if scheme is None:
        return None
    value = Scheme(scheme)
    if value not in _ORIGIN_PARTIES:
        raise ValueError(f"origin is determined under AJCEP or JIEPA, not {value.value}")
    return value


@final
@attrs.frozen
class _Spec:
    """What every material of one good shares: scheme, Party, product, currency, FOB and weight."""

    scheme: Scheme
    party: str
    product: _Product
    currency: str
    #: The FOB is ``scale`` x 100 minor units, so that a material of p % of it is worth ``scale`` x p exactly.
    scale: int
    #: The good's weight in kilograms, when its materials carry weights (textiles: de minimis by weight).
    weight: int | None

    @property
    def fob(self) -> Money:
        return _money_of(self.scale * 100, self.currency)

    def value(self, share: int) -> Money:
        return _money_of(self.scale * share, self.currency)

    def good_weight(self) -> Quantity | None:
        return _kilograms(self.weight * 100) if self.weight is not None else None

    def material_weight(self, share: int) -> Quantity | None:
        return _kilograms(self.weight * share) if self.weight is not None else None

    @property
    def others(self) -> tuple[str, ...]:
        """The other Parties, whose originating materials count only through accumulation."""
        return tuple(p for p in _ORIGIN_PARTIES[self.scheme] if p != self.party)


class _Bill:
    """The materials of one good as they are drawn, with the share of the FOB still free and the VNM so far."""

    def __init__(self, draw: st.DrawFn, spec: _Spec) -> None:
        self.draw = draw
        self.spec = spec
        self.used = 0
        self.vnm = 0
        self.lines: list[Material] = []

    @property
    def left(self) -> int:
        return _BUDGET - self.used

    def share(self, low: int, high: int, reserve: int = 0) -> int:
        """A share from ``low`` to ``high`` per cent of the FOB, leaving at least ``reserve`` for materials to come."""
        high = min(high, self.left - reserve)
        assert 1 <= low <= high, (low, high)
        return self.draw(_ints(low, high))

    def add(
        self,
        line: tuple[str, str],
        share: int,
        *,
        originating: bool | None,
        origin_party: str | None = None,
        role: MaterialRole = MaterialRole.INPUT,
        weight_share: tuple[int, int] = (1, 100),
        materials: tuple[Material, ...] = (),
        counted: bool = False,
    ) -> None:
        """A material worth ``share`` % of the FOB; ``counted``: it is in the VNM."""
        spec = self.spec
        weight = None
        if spec.weight is not None:
            weight = spec.material_weight(self.draw(_ints(*weight_share)))
        self.lines.append(
            Material(
                description=line[1],
                hs_code=line[0],
                value=spec.value(share),
                originating=originating,
                origin_party=origin_party,
                weight=weight,
                role=role,
                operations=(_PRODUCTION,) if materials else (),
                materials=materials,
            )
        )
        self.used += share
        if counted:
            self.vnm += share

    def non_originating(self, low: int, high: int = _BUDGET, *, unknown: bool = True, reserve: int = 0) -> None:
        """A material that changes heading (or is packing or an accessory), counted in the VNM."""
        draw = self.draw
        role = draw(_COUNTED_ROLES)
        pool = self.spec.product.inputs if role is MaterialRole.INPUT else _ROLE_POOL[role]
        originating = draw(st.sampled_from((False, None))) if unknown else False
        line = draw(st.sampled_from(pool))
        self.add(line, self.share(low, high, reserve), originating=originating, role=role, counted=True)

    def same_heading(self, low: int, high: int, *, weight_share: tuple[int, int]) -> None:
        """A non-originating input of the good's own heading: it fails the CTH unless de minimis excuses it."""
        share = self.share(low, high)
        self.add(self.spec.product.same_heading, share, originating=False, weight_share=weight_share, counted=True)

    def accumulated(
        self, line: tuple[str, str], low: int, *, reserve: int = 0, weight_share: tuple[int, int] = (1, 100)
    ) -> None:
        """An input originating in another Party: originating only through accumulation (AJCEP Art 29)."""
        party = self.draw(st.sampled_from(self.spec.others))
        share = self.share(low, _BUDGET, reserve)
        self.add(line, share, originating=True, origin_party=party, weight_share=weight_share)

    def local(self, reserve: int = 0) -> None:
        """An input originating in the exporting Party, stated or settled from its own originating materials."""
        draw, spec = self.draw, self.spec
        line = draw(st.sampled_from(spec.product.pool))
        share = self.share(1, _BUDGET, reserve)
        party = draw(st.sampled_from((None, spec.party)))
        if not draw(_BOOLEANS):
            self.add(line, share, originating=True, origin_party=party)
            return
        # Origin not stated: roo settles it bottom-up from the material's own (originating) materials.
        count = draw(_ints(1, 2))
        subs = []
        for _ in range(count):
            sub = draw(st.sampled_from(spec.product.inputs))
            subs.append(
                Material(sub[1], sub[0], _money_of(spec.scale * share // 4, spec.currency), True, None)
            )
        self.add(line, share, originating=None, origin_party=party, materials=tuple(subs))

    def extras(self, *kinds: str) -> None:
        """Up to three materials that do not change which criteria the good meets."""
        for _ in range(self.draw(_ints(0, 3))):
            if self.left < 1:
                return
            kind = self.draw(st.sampled_from(kinds))
            if kind == "local":
                self.local()
            elif kind == "other":
                self.accumulated(self.draw(st.sampled_from(self.spec.product.inputs)), 1)
            else:
                role = MaterialRole.INDIRECT if kind == "indirect" else MaterialRole.SHIPPING_PACKING
                line = self.draw(st.sampled_from(_ROLE_POOL[role]))
                self.add(line, self.share(1, _BUDGET), originating=self.draw(_ORIGINATING), role=role)

    def good(
        self,
        *,
        final_process: bool | None = True,
        operations: tuple[Operation, ...] = (),
        wholly_obtained: WhollyObtained | None = None,
        vessel: Vessel | None = None,
        on: date | None = None,
    ) -> Good:
        spec = self.spec
        return Good(
            scheme=spec.scheme,
            exporting_party=spec.party,
            hs_code=spec.product.hs_code,
            description=spec.product.description,
            fob_value=spec.fob,
            final_process_in_party=final_process,
            wholly_obtained=wholly_obtained,
            vessel=vessel,
            operations=operations,
            materials=tuple(self.lines),
            weight=spec.good_weight(),
            on=on,
        )


def _vessel(draw: st.DrawFn, party: str, *, of_party: bool) -> Vessel:
    """A fishing vessel of the Party (AJCEP Art 23(b)), or one that fails exactly one of its conditions."""
    name = draw(st.sampled_from(_FISHING_VESSELS))
    ownership, crew, flag = draw(_ints(50, 100)), draw(_ints(75, 100)), party
    if not of_party:
        fault = draw(_ints(0, 2))
        if fault == 0:
            flag = draw(st.sampled_from(_FLAGS_OF_CONVENIENCE))
        elif fault == 1:
            ownership = draw(_ints(0, 49))
        else:
            crew = draw(_ints(0, 74))
    return Vessel(name, party, flag, Decimal(ownership), Decimal(crew))


def _build(draw: st.DrawFn, spec: _Spec, criterion: str, *, threshold: int = _GENERAL_RVC, exact: bool = True) -> Good:
    """A good of ``spec`` that roo judges as ``criterion`` says (see GOOD_CRITERIA) under the general rule.

    ``threshold`` is the value content an RVC good reaches at least (a box 8 ``RVC 45%`` claim). ``exact``: the
    recommended box 8 is the criterion's (a CTH good that also reaches 40 % would be recommended ``CTH`` anyway; a
    good ``CTH, DMI`` must then fail the RVC), rather than only the criterion being met with its flags.
    """
    bill = _Bill(draw, spec)
    on = draw(_ON) if exact else None
    party = spec.party
    if criterion == "WO":
        category = spec.product.category or WhollyObtained.FROM_WHOLLY_OBTAINED
        vessel = _vessel(draw, party, of_party=True) if category.needs_vessel else None
        return bill.good(wholly_obtained=category, vessel=vessel, on=on)
    if criterion == "PE":
        count = draw(_ints(1, 3))
        for index in range(count):
            reserve = count - 1 - index
            if index and spec.scheme is Scheme.AJCEP and draw(_BOOLEANS):
                bill.accumulated(draw(st.sampled_from(spec.product.pool)), 1, reserve=reserve)
            else:
                bill.local(reserve)
        bill.extras("indirect", "shipping")
        return bill.good(final_process=draw(_FINAL_PROCESS), operations=draw(_ANY_OPERATIONS), on=on)
    operations = draw(st.sampled_from(_QUALIFYING_OPERATIONS))
    if criterion == "CTH":
        count = draw(_ints(1, 3))
        for index in range(count):
            bill.non_originating(1, reserve=count - 1 - index)
        bill.extras("local", "other", "indirect", "shipping")
        return bill.good(final_process=draw(_FINAL_PROCESS), operations=operations, on=on)
    if criterion in ("RVC", "RVC, ACU"):
        cap = 100 - threshold
        if exact:
            bill.same_heading(11, cap, weight_share=(11, 100))
        for _ in range(draw(_ints(0, 2))):
            if cap - bill.vnm >= 1:
                bill.non_originating(1, cap - bill.vnm)
        if not bill.lines and criterion == "RVC":
            bill.local()  # an RVC 100% claim: every material originating, but materials there must be
        if criterion == "RVC, ACU":
            bill.accumulated(draw(st.sampled_from(spec.product.inputs)), max(1, _VNM_CAP + 1 - bill.vnm))
        bill.extras("local", "indirect", "shipping")
        return bill.good(operations=operations, on=on)
    if criterion == "CTH, DMI":
        limit = spec.product.de_minimis
        assert limit is not None
        if spec.weight is not None:
            bill.same_heading(1, 40, weight_share=(1, limit))
        else:
            bill.same_heading(1, limit, weight_share=(1, 100))
        if exact:
            bill.non_originating(max(1, _VNM_CAP + 1 - bill.vnm))
        for _ in range(draw(_ints(0, 2))):
            if bill.left >= 1:
                bill.non_originating(1)
        bill.extras("local", "other", "indirect", "shipping")
        return bill.good(final_process=draw(_FINAL_PROCESS), operations=operations, on=on)
    if criterion == "CTH, ACU":
        bill.accumulated(spec.product.same_heading, 11, reserve=1, weight_share=(11, 100))
        # At least one non-originating material (else the good is PE), enough for the VNM to exceed 60 % without
        # accumulation (else the RVC is met without ACU, and box 8 would be that).
        bill.non_originating(max(1, _VNM_CAP + 1 - bill.used) if exact else 1)
        for _ in range(draw(_ints(0, 2))):
            if bill.left >= 1:
                bill.non_originating(1)
        bill.extras("local", "other", "indirect", "shipping")
        return bill.good(final_process=draw(_FINAL_PROCESS), operations=operations, on=on)
    assert criterion == "fail", criterion
    ways = ("rules", "operations", "vessel") if spec.scheme is Scheme.AJCEP else ("vessel",)
    way = draw(st.sampled_from(ways))
    if way == "vessel":
        category = draw(st.sampled_from((WhollyObtained.SEA_FISHING, WhollyObtained.FACTORY_SHIP)))
        if exact:  # a good of sea fishing, rather than sweet biscuits claimed to be one
            bill = _Bill(draw, attrs.evolve(spec, product=_PRODUCT_BY_HS["030343"], weight=None))
        return bill.good(wholly_obtained=category, vessel=_vessel(draw, party, of_party=False), on=on)
    # Materials that change heading first, then what the VNM still needs to exceed 60 %: a good with one material
    # is simpler than one with two, so the good shrinks to one material of 61 %.
    for _ in range(draw(_ints(0, 2))):
        bill.non_originating(1, 30, unknown=False)
    if way == "rules":
        # Of the good's own heading and over 10 %: the CTH fails, de minimis or not.
        bill.same_heading(max(11, _VNM_CAP + 1 - bill.vnm), _BUDGET, weight_share=(11, 100))
        operations = draw(_ANY_OPERATIONS)
    else:
        if bill.vnm <= _VNM_CAP:
            bill.non_originating(_VNM_CAP + 1 - bill.vnm, unknown=False)
        operations = draw(st.sampled_from(_NON_QUALIFYING_OPERATIONS))
    bill.extras("local", "other", "indirect", "shipping")
    return bill.good(final_process=draw(_FINAL_PROCESS), operations=operations, on=on)


#: The criteria :func:`goods` can aim at, each with the box 8 roo recommends for such a good (None: not originating).
GOOD_CRITERIA: Final[Mapping[str, str | None]] = {
    "WO": "WO",
    "PE": "PE",
    "CTH": "CTH",
    "RVC": "RVC",
    "CTH, DMI": "CTH, DMI",
    "CTH, ACU": "CTH, ACU",
    "RVC, ACU": "RVC, ACU",
    "fail": None,
}

#: Criteria a JIEPA good can be aimed at without a product-specific rule table (JIEPA has no general rule).
_JIEPA_CRITERIA: Final = frozenset({"WO", "PE", "fail"})


def _products_for(criterion: str) -> tuple[_Product, ...]:
    if criterion == "WO":
        return _WHOLLY_OBTAINED
    if criterion == "CTH, DMI":
        return tuple(p for p in _MADE if p.de_minimis is not None)
    return _MADE


def _scale() -> st.SearchStrategy[int]:
    """FOB values from 100 to 1,000,000 (x 100 minor units), so from 100.00 USD or 10,000 JPY."""
    return _ints(100, 1_000_000)


@st.composite
def _spec(draw: st.DrawFn, scheme: Scheme, products: tuple[_Product, ...], currency: str) -> _Spec:
    party = draw(st.sampled_from(_ORIGIN_PARTIES[scheme]))
    product = draw(st.sampled_from(products))
    scale = draw(_scale())
    weight = draw(_ints(10, 100_000)) if product.by_weight else None
    return _Spec(scheme, party, product, currency, scale, weight)


@st.composite
def _targeted_goods(draw: st.DrawFn, schemes: tuple[Scheme, ...], criterion: str, currency: str) -> Good:
    scheme = draw(st.sampled_from(schemes))
    spec = draw(_spec(scheme, _products_for(criterion), currency))
    return _build(draw, spec, criterion)


def _any_material(
    draw: st.DrawFn,
    pool: tuple[tuple[str, str], ...],
    parties: tuple[str, ...],
    units: int,
    currency: str,
    depth: int,
    weight: int | None,
) -> Material:
    """One material worth ``units`` minor units; ``weight`` (hundredths of a kg) None: weight drawn or left out."""
    role = draw(_ROLES)
    line = draw(st.sampled_from(pool if role is MaterialRole.INPUT else _ROLE_POOL[role]))
    originating = draw(_ORIGINATING)
    origin_party = draw(st.none() | st.sampled_from(parties))
    quantity = _kilograms(weight) if weight is not None else draw(st.none() | _ints(1, 10_000_000).map(_kilograms))
    subs: tuple[Material, ...] = ()
    operations: tuple[Operation, ...] = ()
    if depth > 0 and draw(_BOOLEANS):
        count = draw(_ints(1, 3))
        left = _BUDGET
        found = []
        for index in range(count):
            share = draw(_ints(1, left - (count - 1 - index)))
            left -= share
            found.append(_any_material(draw, _MATERIAL_POOL, parties, units * share // 100, currency, depth - 1, None))
        subs = tuple(found)
        operations = draw(st.sampled_from(_QUALIFYING_OPERATIONS[:2]))
    return Material(
        description=line[1],
        hs_code=line[0],
        value=_money_of(units, currency),
        originating=originating,
        origin_party=origin_party,
        weight=quantity,
        role=role,
        operations=operations,
        materials=subs,
    )


@st.composite
def _standalone_material(draw: st.DrawFn, parties: tuple[str, ...], depth: int, currency: str) -> Material:
    whole = draw(_ints(1, 100_000))
    cents = draw(_ints(0, 99)) if _minor_digits(currency) else 0
    units = whole * 10 ** _minor_digits(currency) + cents
    return _any_material(draw, _MATERIAL_POOL, parties, units, currency, depth, None)


def _check_currency(currency: str) -> None:
    if len(currency) != 3 or not currency.isascii() or not currency.isupper():
        raise ValueError(f"an ISO 4217 currency code, got {currency!r}")


def materials(
    scheme: Scheme | str | None = None, *, depth: int = 1, currency: str = "USD"
) -> st.SearchStrategy[Material]:
    """One line of a bill of materials (:class:`roo.origin.Material`), possibly with its own materials.

    Every material has a realistic HS code (wheat flour ``110100``, cocoa
    butter ``180400``, steel tyre cord ``731210``, ...) and a value in
    ``currency`` with its usual decimals (``1.00`` to ``100000.99`` USD);
    ``originating`` is ``False``, ``True`` or ``None`` (unknown);
    ``origin_party`` is ``None`` or a Party of ``scheme`` (of AJCEP, which
    includes JIEPA's two, when ``None``); the weight is given or not; the role
    is mostly an ordinary input, sometimes retail packaging, an accessory,
    packing for shipment or an indirect material. Up to ``depth`` levels of
    sub-materials (one to three each), worth together less than the material.

    Shrinks to: wheat flour, ``110100``, worth ``1.00`` USD, non-originating,
    origin Party, weight and sub-materials left out, an ordinary input.
    """
    if depth < 0:
        raise ValueError(f"depth is 0 or more, got {depth}")
    _check_currency(currency)
    return _materials_of(_origin_scheme(scheme) or Scheme.AJCEP, depth, currency)


@functools.lru_cache(maxsize=256)
def _materials_of(scheme: Scheme, depth: int, currency: str) -> st.SearchStrategy[Material]:
    return _standalone_material(_ORIGIN_PARTIES[scheme], depth, currency)


@st.composite
def _bill(
    draw: st.DrawFn,
    pool: tuple[tuple[str, str], ...],
    parties: tuple[str, ...],
    fob_units: int | None,
    currency: str,
    sizes: tuple[int, int],
    depth: int,
    weight: int | None,
) -> tuple[Material, ...]:
    units = fob_units if fob_units is not None else draw(_scale()) * 100
    count = draw(_ints(*sizes))
    left = _BUDGET
    found = []
    for index in range(count):
        share = draw(_ints(1, left - (count - 1 - index)))
        left -= share
        part = weight * draw(_ints(1, 100)) // 100 if weight is not None else None
        found.append(_any_material(draw, pool, parties, units * share // 100, currency, depth, part))
    return tuple(found)


def bills_of_materials(
    scheme: Scheme | str | None = None,
    *,
    fob: Money | None = None,
    hs_code: str | None = None,
    min_size: int = 1,
    max_size: int = 5,
    depth: int = 1,
) -> st.SearchStrategy[tuple[Material, ...]]:
    """A bill of materials for a good of your own: ``min_size`` to ``max_size`` materials worth less than ``fob``.

    Each material is worth a whole percentage (at least 1 %) of ``fob``,
    rounded down to the currency's minor unit, and together they are worth at
    most 99 % of it, so that ``fob`` stays above their sum. Without ``fob``
    the values are those of a good worth 100.00 to 1,000,000.00 USD. With
    ``hs_code`` of a good roo knows (those of :func:`goods`), the ordinary
    inputs are that good's (flour, sugar, cocoa powder for sweet biscuits
    ``190531``); otherwise they come from every good's. Materials and their
    sub-materials vary as :func:`materials` describes.

    Shrinks to: one material as :func:`materials` shrinks to, worth 1 % of
    the FOB (``1.00`` USD without ``fob``).
    """
    if not 1 <= min_size <= max_size <= _BUDGET:
        raise ValueError(f"need 1 <= min_size <= max_size <= {_BUDGET}, got {min_size} and {max_size}")
    if depth < 0:
        raise ValueError(f"depth is 0 or more, got {depth}")
    currency = fob.currency if fob is not None else "USD"
    _check_currency(currency)
    units = None
    if fob is not None:
        if fob.amount <= 0:
            raise ValueError(f"the FOB is above zero, got {fob}")
        units = int(fob.amount.scaleb(_minor_digits(currency)))
    product = _PRODUCT_BY_HS.get(normalize_hs(hs_code)) if hs_code is not None else None
    pool = product.pool if product is not None else _MATERIAL_POOL
    parties = _ORIGIN_PARTIES[_origin_scheme(scheme) or Scheme.AJCEP]
    return _bill(pool, parties, units, currency, (min_size, max_size), depth, None)


@st.composite
def _any_good(draw: st.DrawFn, schemes: tuple[Scheme, ...], currency: str) -> Good:
    scheme = draw(st.sampled_from(schemes))
    spec = draw(_spec(scheme, _PRODUCTS, currency))
    parties = _ORIGIN_PARTIES[scheme]
    weight = spec.weight  # always for textiles (de minimis by weight), sometimes for other goods
    if weight is None and draw(_BOOLEANS):
        weight = draw(_ints(10, 100_000))
    category = spec.product.category if draw(_BOOLEANS) else None
    vessel = None
    if category is not None and category.needs_vessel and draw(_BOOLEANS):
        vessel = _vessel(draw, spec.party, of_party=draw(_BOOLEANS))
    bill = draw(
        _bill(spec.product.pool, parties, spec.scale * 100, currency, (1, 5), 1, weight * 100 if weight else None)
    )
    refunded = None
    if scheme is Scheme.JIEPA and draw(_BOOLEANS):
        refunded = spec.value(draw(_ints(1, 20)))
    return Good(
        scheme=scheme,
        exporting_party=spec.party,
        hs_code=spec.product.hs_code,
        description=spec.product.description,
        hs_version=draw(_EDITION),
        fob_value=spec.fob,
        refunded_excise=refunded,
        final_process_in_party=draw(_FINAL_PROCESS),
        wholly_obtained=category,
        vessel=vessel,
        operations=draw(_ANY_OPERATIONS),
        materials=bill,
        weight=_kilograms(weight * 100) if weight is not None else None,
        on=draw(_ON),
    )


def goods(
    scheme: Scheme | str | None = None, *, criterion: str | None = None, currency: str = "USD"
) -> st.SearchStrategy[Good]:
    """Valid goods (:class:`roo.origin.Good`) of ``scheme`` (AJCEP or JIEPA; either when ``None``).

    Without ``criterion``: any well-formed good. A realistic six-digit HS
    subheading (sweet biscuits, chocolate, canned tuna, refined palm olein,
    T-shirts, footwear, furniture, laptops, processors, tyres, cars,
    aluminium, rubber, palm oil, shrimp, coffee, cocoa, rice, skipjack, copper
    ore, scrap), an exporting Party of the scheme, an FOB of 100.00 to
    1,000,000.00 in ``currency`` and one to five :func:`materials` from that
    good's recipe worth together at most 99 % of it; weights for textiles
    (de minimis by weight), sometimes for others; any answer to the final
    process, the wholly-obtained category (with a vessel of the Party or not),
    the operations (including ones that never confer origin), the date and
    the HS edition; under JIEPA sometimes a refunded excise tax.
    ``roo.determine`` may find such a good originating, not, or undetermined.

    With ``criterion``, a good ``roo.determine(good)`` (no product-specific
    rule table: the general rule of AJCEP Art 26.1) judges as aimed, with the
    box 8 of :data:`GOOD_CRITERIA`:

    * ``"WO"``: wholly obtained (plants, fishing with a vessel of the Party,
      minerals, scrap, ...), no materials; ``satisfied == ("WO",)``.
    * ``"PE"``: every material originating — stated, or settled from its own
      originating materials; under AJCEP some from other Parties.
    * ``"CTH"``: every non-originating material changes heading (or is
      packing or an accessory); ``PE`` fails; box 8 ``CTH``.
    * ``"RVC"``: a non-originating material of the good's own heading worth
      over 10 % of the FOB (so the CTH fails, de minimis or not), the VNM at
      most 60 % of the FOB, the final process in the Party;
      ``satisfied == ("RVC",)``, box 8 ``RVC`` (form note 3 gives no percentage).
    * ``"CTH, DMI"``: the CTH met only thanks to de minimis (a material of
      the same heading within 10 % of the FOB, 7 % for Chapters 18 and 21,
      10 % of the weight for textiles), the VNM over 60 %.
    * ``"CTH, ACU"``: the CTH met only thanks to a material of the same
      heading originating in another Party, worth over 10 %; without it the
      VNM would be over 60 %.
    * ``"RVC, ACU"``: as ``"RVC"``, but 40 % reached only by counting a
      material of another Party as originating.
    * ``"fail"``: not originating (``originating is False``): a
      same-heading material over 10 % and a VNM over 60 %, or only operations
      that never confer origin (simple packing, ...) and a VNM over 60 %, or
      a sea-fishing good from a vessel that is not of the Party (the only
      way under JIEPA, which has no general rule).

    Under JIEPA only ``"WO"``, ``"PE"`` and ``"fail"`` can be aimed at;
    every other criterion draws AJCEP goods. Targeted goods state every fact
    their verdict depends on, so it is never undetermined.

    Shrinks to: sweet biscuits (``190531``) from Indonesia under AJCEP, FOB
    100.00 USD, final process in Indonesia, one material of wheat flour
    (``110100``) worth 1.00 USD, non-originating (roo: originating, box 8
    ``CTH``). With a criterion, to the simplest good so judged (``"WO"``:
    frozen shrimp from Indonesia, no materials).
    """
    _check_currency(currency)
    fixed = _origin_scheme(scheme)
    schemes = (fixed,) if fixed is not None else tuple(_ORIGIN_PARTIES)
    if criterion is None:
        return _any_goods(schemes, currency)
    if criterion not in GOOD_CRITERIA:
        raise ValueError(f"unknown criterion {criterion!r}; known: {', '.join(GOOD_CRITERIA)}")
    if criterion not in _JIEPA_CRITERIA:
        if fixed is Scheme.JIEPA:
            raise ValueError(f"JIEPA has no general rule: without a product-specific rule no good meets {criterion!r}")
        schemes = (Scheme.AJCEP,)
    return _targeted_goods_of(schemes, criterion, currency)


@functools.lru_cache(maxsize=256)
def _any_goods(schemes: tuple[Scheme, ...], currency: str) -> st.SearchStrategy[Good]:
    return _any_good(schemes, currency)


@functools.lru_cache(maxsize=256)
def _targeted_goods_of(schemes: tuple[Scheme, ...], criterion: str, currency: str) -> st.SearchStrategy[Good]:
    return _targeted_goods(schemes, criterion, currency)


def good_data(
    scheme: Scheme | str | None = None, *, criterion: str | None = None, currency: str = "USD"
) -> st.SearchStrategy[dict[str, Any]]:
    """The JSON-ready dicts of :func:`goods` (what ``roo.origin.dump_good`` returns, and ``roo.load_good`` reads).

    Shrinks as :func:`goods` does.
    """
    return goods(scheme, criterion=criterion, currency=currency).map(dump_good)
