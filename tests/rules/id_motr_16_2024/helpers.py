"""A clean non-preferential COO under MoTR 16/2024: ceramic tiles from Viet Nam to Indonesia."""

from __future__ import annotations

from datetime import date
from typing import Any

import roo
from tests.builders import certificate_data, item_data

ON = date(2024, 9, 2)


def motr_item(number: int = 1, **changes: Any) -> dict[str, Any]:
    """A clean item: glazed ceramic tiles, wholly obtained is wrong for tiles, so CC."""
    data = item_data(
        number,
        description="Glazed ceramic floor tiles 60x60 cm",
        hs_code="690721",
        hs_version="HS2022",
        origin_criterion="CC",
        quantity={"value": "12000", "unit": "MTK"},
        gross_weight={"value": "250000", "unit": "KGM"},
        fob_value={"amount": "84000.00", "currency": "USD"},
        invoice={"number": "VC-2024-0815", "date": "2024-08-12"},
    )
    data.update(changes)
    return data


def motr_data(**changes: Any) -> dict[str, Any]:
    """A clean MoTR 16/2024 certificate's data with top-level changes."""
    base = certificate_data(
        scheme="ID-MOTR-16-2024",
        reference_number="VN-COO-2024-55821",
        exporting_party="VN",
        importing_party="ID",
        issue_date="2024-08-14",
        exporter={"name": "Viet Ceramics JSC", "address": "Lot 5, My Xuan IZ, Ba Ria-Vung Tau", "country": "VN"},
        consignee={"name": "PT Keramik Nusantara", "address": "Jl. Raya Cikarang 88, Bekasi", "country": "ID"},
        producer={"name": "Viet Ceramics JSC", "address": "Lot 5, My Xuan IZ", "country": "VN"},
        transport={
            "departure_date": "2024-08-15",
            "vessel_or_flight": "MV SAIGON BRIDGE V.24S",
            "port_of_loading": "VNSGN",
            "port_of_discharge": "IDTPP",
            "transit_countries": [],
        },
        certification={
            "authority": "Viet Nam Chamber of Commerce and Industry",
            "signatory": "Nguyen Van An",
            "place": "Ho Chi Minh City",
            "signed": True,
            "sealed": True,
        },
        exporter_declaration={"place": "Vung Tau", "date": "2024-08-14", "signed": True},
        items=[motr_item(1)],
    )
    base.update(changes)
    return base


def motr(**changes: Any) -> roo.Certificate:
    """A loaded clean MoTR 16/2024 certificate."""
    return roo.load(motr_data(**changes))


def codes(evaluation: roo.Evaluation, item: int | None = None) -> list[str]:
    """Finding codes of an evaluation, for one item or the certificate level."""
    return [f.code for f in evaluation.findings if f.item == item]
