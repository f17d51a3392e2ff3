"""A clean JIEPA certificate: Indonesian coffee to Japan, as an e-CO or on paper."""

from __future__ import annotations

from typing import Any

import roo
from tests.builders import certificate_data, item_data


def jiepa_item(number: int = 1, **changes: Any) -> dict[str, Any]:
    """A clean JIEPA item: green coffee beans, wholly obtained."""
    data = item_data(
        number,
        description="Coffee, not roasted, not decaffeinated (Arabica Gayo)",
        hs_code="090111",
        hs_version="HS2017",
        origin_criterion="WO",
        quantity={"value": "19200", "unit": "KGM"},
        gross_weight={"value": "19392", "unit": "KGM"},
        fob_value={"amount": "96000.00", "currency": "USD"},
        invoice={"number": "INV/GYO/2023/0042", "date": "2023-05-08"},
    )
    data.update(changes)
    return data


def jiepa_data(**changes: Any) -> dict[str, Any]:
    """A clean electronic JIEPA certificate's data with top-level changes."""
    base = certificate_data(
        scheme="JIEPA",
        reference_number="0000123/JIEPA/2023",
        medium="electronic",
        copy=None,
        issue_date="2023-05-10",
        exporter={"name": "PT Kopi Gayo Lestari", "address": "Jl. Takengon 7, Aceh Tengah", "country": "ID"},
        consignee={"name": "Yamato Coffee Trading K.K.", "address": "2-4-1 Kaigan, Minato-ku, Tokyo", "country": "JP"},
        transport={
            "departure_date": "2023-05-09",
            "vessel_or_flight": "MV JAKARTA EXPRESS V.118N",
            "port_of_loading": "IDBLW",
            "port_of_discharge": "JPTYO",
            "transit_countries": [],
        },
        items=[jiepa_item(1)],
    )
    base.update(changes)
    return base


def jiepa(**changes: Any) -> roo.Certificate:
    """A loaded clean JIEPA certificate."""
    return roo.load(jiepa_data(**changes))
