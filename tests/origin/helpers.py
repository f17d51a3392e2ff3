"""Builders for origin-determination tests: goods, materials and product-specific rule tables as parsed JSON.

``good_data(**changes)`` is a clean AJCEP good from Thailand (sweet biscuits,
HS 1905.31, FOB 100.00 USD, final process in Thailand, no materials yet);
``material(...)`` one bill-of-materials line; ``good(...)`` loads the data;
``table(rows, scheme)`` loads a product-specific rule table.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import roo
from roo.origin import Determination, Good, PsrTable, determine, load_psr

CLEAN_GOOD: dict[str, Any] = {
    "scheme": "AJCEP",
    "exporting_party": "TH",
    "hs_code": "190531",
    "description": "Sweet biscuits",
    "fob_value": {"amount": "100.00", "currency": "USD"},
    "final_process_in_party": True,
    "wholly_obtained": None,
    "operations": [],
    "materials": [],
}


def material(
    description: str = "material",
    hs_code: str | None = "110100",
    value: str | None = "10.00",
    originating: bool | None = False,
    origin_party: str | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """One line of a bill of materials, valued in USD."""
    data: dict[str, Any] = {
        "description": description,
        "hs_code": hs_code,
        "value": {"amount": value, "currency": "USD"} if value is not None else None,
        "originating": originating,
        "origin_party": origin_party,
    }
    data.update(changes)
    return data


def good_data(*materials: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A clean good's data with ``materials`` and top-level ``changes``."""
    data = copy.deepcopy(CLEAN_GOOD)
    data["materials"] = list(materials)
    data.update(copy.deepcopy(changes))
    return data


def good(*materials: dict[str, Any], **changes: Any) -> Good:
    """A loaded good with ``materials`` and ``changes``."""
    return roo.load_good(good_data(*materials, **changes))


def fob(amount: str) -> dict[str, str]:
    """An FOB value in USD."""
    return {"amount": amount, "currency": "USD"}


def table(*rows: dict[str, Any], scheme: str = "AJCEP", **changes: Any) -> PsrTable:
    """A product-specific rule table of ``rows``."""
    data: dict[str, Any] = {"format": "roo.psr/1", "scheme": scheme, "source": "test rows", "rows": list(rows)}
    data.update(changes)
    return load_psr(data)


def run(*materials: dict[str, Any], psr: PsrTable | None = None, **changes: Any) -> Determination:
    """Determine a good built from ``materials`` and ``changes``."""
    return determine(good(*materials, **changes), psr)


def criterion(determination: Determination, name: str) -> bool | None:
    """Whether the criterion called ``name`` (``"CTH"``, ``"RVC"``, ``"PE"``, ...) was met."""
    matches = [c.met for c in determination.criteria if c.criterion == name]
    assert len(matches) == 1, f"{name}: {[c.criterion for c in determination.criteria]}"
    return matches[0]


def codes(determination: Determination) -> list[str]:
    """The codes of the determination's findings, in order."""
    return [f.code for f in determination.findings]


def percent(text: str) -> Decimal:
    """A percentage as a Decimal."""
    return Decimal(text)
