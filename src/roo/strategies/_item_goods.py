"""Goods behind a certificate's items (``Context.goods``) that back its box 8, or that deny it, for the box 8
cross-check (:func:`item_goods`).
"""

from __future__ import annotations

from decimal import ROUND_CEILING
from typing import Final

from hypothesis import strategies as st

from ..model import (
    Certificate,
    CriterionKind,
    Item,
    OriginCriterion,
    Scheme,
    is_six_digit_subheading,
)
from ..origin.model import (
    ItemGood,
)
from ._goods import _build, _scale, _Spec
from ._primitives import _ints
from ._product_tables import _GENERAL_RVC, _ORIGIN_PARTIES, _PRODUCT_BY_HS, _Product

# --------------------------------------------------------------------------------------------------------------------
# Goods behind a certificate's items (Context.goods, the box 8 cross-check).

_OTHER_INPUTS: Final = (("392690", "Plastic fittings"), ("731815", "Steel screws"), ("481910", "Cartons"))


def _product_of(item: Item) -> _Product:
    """The good roo knows by the item's HS code, or one made of inputs of other headings and the item's own."""
    digits = item.hs_digits
    known = _PRODUCT_BY_HS.get(digits)
    if known is not None:
        return known
    inputs = tuple(line for line in _OTHER_INPUTS if line[0][:4] != digits[:4])
    return _Product(digits, item.description or "Goods", inputs, (digits, f"{item.description or 'Goods'}, bought in"))


def _aim(scheme: Scheme, product: _Product, claim: OriginCriterion) -> tuple[str, int] | None:
    """What a good must be for roo to back ``claim`` exactly, with the RVC it must reach; None: no good can."""
    if claim.problem is not None or len(claim.criteria) != 1:
        return None
    kind = claim.criteria[0].kind
    flags = (claim.de_minimis, claim.accumulation)
    if kind in (CriterionKind.WO, CriterionKind.PE) and flags == (False, False):
        return kind.value, _GENERAL_RVC
    if scheme is not Scheme.AJCEP:
        return None
    if kind in (CriterionKind.CTH, CriterionKind.CTC):
        if flags == (False, False):
            return "CTH", _GENERAL_RVC
        if flags == (True, False) and product.de_minimis is not None:
            return "CTH, DMI", _GENERAL_RVC
        if flags == (False, True):
            return "CTH, ACU", _GENERAL_RVC
        return None
    if kind is CriterionKind.RVC and not claim.de_minimis:
        percent = claim.rvc_percent
        threshold = _GENERAL_RVC
        if percent is not None:
            threshold = max(threshold, min(100, int(percent.to_integral_value(rounding=ROUND_CEILING))))
        return ("RVC, ACU" if claim.accumulation else "RVC"), threshold
    return None


@st.composite
def _item_goods(draw: st.DrawFn, co: Certificate, supporting: bool) -> tuple[ItemGood, ...]:
    scheme = co.scheme
    if scheme not in _ORIGIN_PARTIES:
        return ()
    if supporting and co.exporting_party not in _ORIGIN_PARTIES[scheme]:
        return ()
    linked = []
    for item in co.items:
        if not is_six_digit_subheading(item.hs_code) or item.origin_criterion.problem is not None:
            continue
        if not item.origin_criterion.criteria:
            continue
        product = _product_of(item)
        aim = _aim(scheme, product, item.origin_criterion) if supporting else ("fail", _GENERAL_RVC)
        if aim is None:
            continue
        currency = item.fob_value.currency if item.fob_value is not None else "USD"
        weight = draw(_ints(10, 100_000)) if product.by_weight else None
        spec = _Spec(scheme, co.exporting_party, product, currency, draw(_scale()), weight)
        good = _build(draw, spec, aim[0], threshold=aim[1], exact=False)
        linked.append(ItemGood(item.number, good))
    return tuple(linked)


def item_goods(certificate: Certificate, *, supporting: bool = True) -> st.SearchStrategy[tuple[ItemGood, ...]]:
    """Goods behind the items of ``certificate``, for ``Context(goods=...)`` and the box 8 cross-check.

    Each :class:`roo.origin.ItemGood` links a good to an item by number; the
    good has the item's HS subheading, the certificate's scheme and exporting
    Party, and an FOB in the item's currency.

    ``supporting=True``: the good backs box 8 exactly — roo determines it
    originating under the criterion claimed, with the ``DMI`` or ``ACU`` the
    claim prints and no other (an ``RVC 45%`` claim gets a good of at least
    45 %), so the AJCEP cross-check (``roo.evaluate`` with these goods in the
    context) reports nothing. Items whose claim no bill of materials can
    back under the general rule get no good: ``CTH, DMI`` on a good of a
    chapter without de minimis (frozen shrimp, crude palm oil), ``PSR`` (it
    needs a product-specific rule table), claims combining criteria or both
    flags, and every item of a certificate from a state that is not a Party.

    ``supporting=False``: every item with a readable box 8 gets a good roo
    finds not originating, as :func:`goods` does with ``criterion="fail"``;
    the cross-check then denies each such item (``box8-not-originating``).

    Certificates of schemes roo does not determine origin under (MoTR
    16/2024) get no goods. Shrinks to the simplest such goods, one per item.
    """
    return _item_goods(certificate, supporting)
