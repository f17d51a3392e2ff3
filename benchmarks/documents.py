"""The documents the benchmarks time: realistic AJCEP certificates (Indonesia to Japan) of 2, 50 and 500 items.

Built from the clean certificate of ``tests/builders.py`` with varied goods,
HS codes (some printed with dots), origin criteria (``WO``, ``PE``, ``CTH``,
``RVC 45%``, ``CTH, DMI``, ``RVC 40%, ACU``, ...), quantities, FOB values and
several invoices, so that no two neighbouring items are alike.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

try:
    from tests.builders import PRESENTED_ON, certificate_data, item_data
except ModuleNotFoundError:  # run as a script from another directory
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.builders import PRESENTED_ON, certificate_data, item_data

#: The sizes timed: a small consignment, a large one, and an unusually large one.
SIZES: Final = (2, 50, 500)

#: (description, HS code as printed, HS edition, box 8, unit)
GOODS: Final[tuple[tuple[str, str, str, str, str], ...]] = (
    ("Frozen shrimp, peeled", "030617", "HS2017", "WO", "KGM"),
    ("Skipjack tuna, canned in brine", "1604.14", "HS2017", "CTH", "KGM"),
    ("Coffee beans, not roasted, not decaffeinated", "0901.11", "HS2017", "WO", "KGM"),
    ("Plywood, tropical hardwood face ply", "4412.31", "HS2017", "RVC 40%", "MTQ"),
    ("Natural rubber, technically specified (TSNR)", "400122", "HS2017", "WO", "KGM"),
    ("Men's cotton shirts, woven", "6205.20", "HS2017", "CTC", "PCE"),
    ("Sports footwear, rubber soles, textile uppers", "6404.11", "HS2017", "RVC 45%", "PR"),
    ("Wooden bedroom furniture", "9403.50", "HS2017", "CTH, DMI", "PCE"),
    ("Refined palm oil", "1511.90", "HS2017", "PE", "KGM"),
    ("Instant noodles", "1902.30", "HS2017", "RVC 40%, ACU", "KGM"),
    ("Wire harnesses for motor vehicles", "8544.30", "HS2017", "RVC 52.5%", "PCE"),
    ("Cocoa butter", "1804.00", "HS2017", "CTSH", "KGM"),
)

CRITERIA_NOTE: Final = "box 8 varies per good: WO, PE, CTH, CTSH, CTC, RVC nn%, with DMI/ACU flags"


def _item(number: int, invoices: int) -> dict[str, Any]:
    description, hs_code, hs_version, criterion, unit = GOODS[(number - 1) % len(GOODS)]
    quantity = Decimal(120 + 37 * number)
    unit_price = Decimal(13 + (number * 7) % 41) + Decimal((number * 17) % 100) / 100
    invoice = 1 + (number - 1) % invoices
    return item_data(
        number,
        marks=f"SJ/KF/{number:03d}",
        packages=f"{10 + number % 90} CTNS",
        description=description,
        hs_code=hs_code,
        hs_version=hs_version,
        origin_criterion=criterion,
        quantity={"value": str(quantity), "unit": unit},
        gross_weight={"value": str(quantity * Decimal("1.08")), "unit": "KGM"},
        fob_value={"amount": str((quantity * unit_price).quantize(Decimal("0.01"))), "currency": "USD"},
        invoice={"number": f"INV-24-{311 + invoice:04d}", "date": date(2024, 2, 20 + invoice % 8).isoformat()},
    )


def certificate(size: int) -> dict[str, Any]:
    """A clean AJCEP certificate with ``size`` varied items on ``min(size, 4)`` invoices (parsed JSON)."""
    return certificate_data(
        reference_number=f"ID/2024/AJ/{size:06d}",
        items=[_item(number, invoices=min(size, 4)) for number in range(1, size + 1)],
    )


def certificate_text(size: int) -> str:
    """The JSON text of :func:`certificate` as it arrives over the wire."""
    return json.dumps(certificate(size), ensure_ascii=False)


#: The date the certificates are presented at import (every evaluation uses it).
ON: Final[date] = PRESENTED_ON
