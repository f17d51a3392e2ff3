"""Small valid product-specific rule tables (``roo.psr/1``) for the products the goods strategies make
(:func:`psr_tables`).
"""

from __future__ import annotations

import functools
from typing import Any, Final

from hypothesis import strategies as st

from ..model import (
    Scheme,
)
from ..origin.psr import PsrTable, load_psr
from ._goods import _origin_scheme
from ._primitives import _BOOLEANS, _ints
from ._product_tables import _DMI_ANNEX2_CHAPTERS, _EDITION, _MADE, _ORIGIN_PARTIES, _Product

# --------------------------------------------------------------------------------------------------------------------
# Product-specific rule tables (roo.psr/1).

_PSR_SOURCE: Final = "Example rows generated for property tests; not the Agreement's Annex 2"


@st.composite
def _requirement(draw: st.DrawFn, scheme: Scheme, product: _Product) -> str:
    kind = draw(_ints(0, 6))
    if kind == 3:
        percent = draw(st.sampled_from((40, 35, 45, 50)))
        return f"{'QVC' if scheme is Scheme.JIEPA else 'RVC'} {percent}"
    if kind == 4:
        return f"CTH except {product.inputs[0][0][:4]}"
    return ("CTH", "CC", "CTSH", "", "", "SP:[refining]", "WO")[kind]


@st.composite
def _psr_table(draw: st.DrawFn, schemes: tuple[Scheme, ...]) -> PsrTable:
    scheme = draw(st.sampled_from(schemes))
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index in range(draw(_ints(1, 4))):
        product = draw(st.sampled_from(_MADE))
        level = draw(st.sampled_from((4, 6, 2)))
        code = product.hs_code[:level]
        if code in seen:
            continue
        seen.add(code)
        row: dict[str, Any] = {"hs": code}
        if index == 0 and level == 2 and draw(_BOOLEANS):
            row["to"] = f"{min(int(code) + 1, 97):02d}"
        alternatives = []
        for _ in range(draw(_ints(1, 2))):
            parts = [draw(_requirement(scheme, product)) for _ in range(draw(_ints(1, 2)))]
            alternatives.append(" and ".join(parts))
        row["rule"] = " or ".join(alternatives)
        if scheme is Scheme.JIEPA and draw(_BOOLEANS):
            basis = draw(st.sampled_from(("value", "weight")))
            row["de_minimis"] = {"percent": str(draw(st.sampled_from((10, 7)))), "basis": basis}
        elif scheme is Scheme.AJCEP and product.chapter in _DMI_ANNEX2_CHAPTERS and draw(_BOOLEANS):
            row["de_minimis"] = {"percent": str(draw(st.sampled_from((7, 10))))}
        rows.append(row)
    data: dict[str, Any] = {"format": "roo.psr/1", "scheme": scheme.value, "source": _PSR_SOURCE, "rows": rows}
    edition = draw(_EDITION)
    if edition is not None:
        data["hs_version"] = edition.value
    return load_psr(data)


def psr_tables(scheme: Scheme | str | None = None) -> st.SearchStrategy[PsrTable]:
    """Small valid product-specific rule tables (``roo.psr/1``) for ``scheme`` (AJCEP or JIEPA; either when ``None``).

    One to four rows for chapters, headings or subheadings of the goods of
    :func:`goods` (at most one row a range of two chapters; never two
    equally narrow rows for one good, so no rule is ambiguous), each rule
    one or two alternatives of one or two requirements: ``CTH``, ``CC``,
    ``CTSH``, ``RVC 35``-``RVC 50`` (``QVC`` under JIEPA), ``CTH except
    <heading of an input>``, ``SP:[refining]``, ``WO``; de minimis
    percentages where the scheme lets a row set one; sometimes an HS
    edition. ``table.to_dict()`` is its JSON; pass the table to
    ``roo.determine(good, table)`` or as ``Context.product_rules``.

    Shrinks to: an AJCEP table with one row, heading ``1905`` (biscuits):
    ``CTH``.
    """
    fixed = _origin_scheme(scheme)
    return _psr_tables_of((fixed,) if fixed is not None else tuple(_ORIGIN_PARTIES))


@functools.lru_cache(maxsize=256)
def _psr_tables_of(schemes: tuple[Scheme, ...]) -> st.SearchStrategy[PsrTable]:
    return _psr_table(schemes)
