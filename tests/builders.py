"""Builders for test documents: a clean AJCEP certificate (Indonesia to Japan) and variations of it.

``certificate_data(**changes)`` returns parsed-JSON data (a dict) with
top-level fields replaced; ``item_data(number, **changes)`` an item.
``certificate(**changes)`` loads it into a :class:`roo.Certificate`.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import roo

CLEAN_ITEM: dict[str, Any] = {
    "number": 1,
    "marks": "SJ/KF",
    "packages": "200 CTNS",
    "description": "Frozen shrimp, peeled",
    "hs_code": "030617",
    "hs_version": "HS2017",
    "origin_criterion": "WO",
    "quantity": {"value": "4000", "unit": "KGM"},
    "gross_weight": {"value": "4300", "unit": "KGM"},
    "fob_value": {"amount": "52000.00", "currency": "USD"},
    "invoice": {"number": "INV-24-0311", "date": "2024-02-28"},
    "original_item": None,
}

CLEAN_CERTIFICATE: dict[str, Any] = {
    "scheme": "AJCEP",
    "reference_number": "ID/2024/AJ/000123",
    "medium": "paper",
    "copy": "original",
    "exporting_party": "ID",
    "importing_party": "JP",
    "issue_date": "2024-03-05",
    "exporter": {"name": "PT Samudra Jaya", "address": "Jl. Pelabuhan 1, Surabaya", "country": "ID"},
    "consignee": {"name": "Kaiyo Foods K.K.", "address": "1-2-3 Shiba, Minato-ku, Tokyo", "country": "JP"},
    "producer": None,
    "transport": {
        "departure_date": "2024-03-04",
        "vessel_or_flight": "MV OCEAN STAR V.12",
        "port_of_loading": "IDSUB",
        "port_of_discharge": "JPTYO",
        "transit_countries": [],
    },
    "items": [CLEAN_ITEM],
    "third_country_invoicing": False,
    "third_country_invoicer": None,
    "back_to_back": False,
    "original_certificate": None,
    "issued_retroactively": False,
    "certified_true_copy": False,
    "certified_true_copy_date": None,
    "replaces": None,
    "exporter_declaration": {"place": "Surabaya", "date": "2024-03-04", "signed": True},
    "certification": {
        "authority": "Ministry of Trade of Indonesia",
        "signatory": "A. Wibowo",
        "place": "Surabaya",
        "signed": True,
        "sealed": True,
    },
    "alterations": [],
    "unused_spaces_crossed_out": True,
    "remarks": "",
}

PRESENTED_ON = date(2024, 3, 20)


def item_data(number: int = 1, **changes: Any) -> dict[str, Any]:
    """A clean item numbered ``number`` with ``changes`` applied."""
    data = copy.deepcopy(CLEAN_ITEM)
    data["number"] = number
    data.update(changes)
    return data


def certificate_data(**changes: Any) -> dict[str, Any]:
    """A clean certificate's data with top-level ``changes`` applied (``items`` replaces the item list)."""
    data = copy.deepcopy(CLEAN_CERTIFICATE)
    data.update(copy.deepcopy(changes))
    return data


def certificate(**changes: Any) -> roo.Certificate:
    """A loaded clean certificate with ``changes`` applied."""
    return roo.load(certificate_data(**changes))


def complete_context_data(co_data: dict[str, Any], on: date = PRESENTED_ON) -> dict[str, Any]:
    """A context that lets every check on ``co_data`` be made: the date, a direct consignment, and one
    declaration line per item, as the CO has it (so that the evaluation is ``complete``)."""
    lines = [
        {
            "certificate_item": item["number"],
            "hs_code": item["hs_code"],
            "description": item["description"],
            "quantity": item["quantity"],
        }
        for item in co_data["items"]
    ]
    exporter = (co_data.get("exporter") or {}).get("name")
    return {
        "on": on.isoformat(),
        "declaration": {"exporter": exporter, "items": lines},
        "consignment": {"direct": True, "transit": [], "evidence": []},
    }


def complete_case(**changes: Any) -> dict[str, Any]:
    """A case (certificate and context) whose evaluation is complete; ``changes`` apply to the certificate."""
    data = certificate_data(**changes)
    return {"certificate": data, "context": complete_context_data(data)}
