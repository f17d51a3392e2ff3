"""Origin determination of a good with 200 materials: ``roo.determine`` alone, and from JSON text.

The good: welded steel structures (HS 7308.90) made in Thailand from 200
materials — Japanese sections and truss segments (originating only through
accumulation), Chinese bolts, Thai paint and welding wire, one in five
settled bottom-up from a bill of materials of its own — judged under the
AJCEP example table (no row for 7308: the general rule, CTH or RVC 40 %).

Run: ``pytest benchmarks/test_bench_origin.py`` (timed) or with
``--benchmark-disable`` (each function once).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import roo
from roo.origin import Determination, Good, determine, load_psr

ROOT: Final = Path(__file__).resolve().parent.parent
MATERIALS: Final = 200

#: (description, HS code, originating, origin Party) cycled through the bill of materials.
LINES: Final = (
    ("Hot-rolled H-sections", "721633", True, "JP"),
    ("Prefabricated truss segment", "730890", True, "JP"),
    ("High-strength bolts", "731815", False, "CN"),
    ("Welding wire", "831110", True, "TH"),
    ("Anti-corrosion primer", "320890", None, "TH"),
)


def good_data(count: int = MATERIALS) -> dict[str, Any]:
    """The benchmark good with ``count`` materials, as parsed JSON."""
    materials: list[dict[str, Any]] = []
    for index in range(count):
        description, hs_code, originating, party = LINES[index % len(LINES)]
        line: dict[str, Any] = {
            "description": f"{description} #{index + 1}",
            "hs_code": hs_code,
            "value": {"amount": str(Decimal(100 + (index * 37) % 400) / 4), "currency": "USD"},
            "originating": originating,
            "origin_party": party,
        }
        if originating is None:
            line["materials"] = [
                {"description": "Pigment", "hs_code": "320611", "value": {"amount": "3.50", "currency": "USD"},
                 "originating": False, "origin_party": "CN"},
                {"description": "Resin", "hs_code": "390730", "value": {"amount": "5.25", "currency": "USD"},
                 "originating": True, "origin_party": "TH"},
            ]
        materials.append(line)
    return {
        "scheme": "AJCEP",
        "exporting_party": "TH",
        "hs_code": "7308.90",
        "description": "Welded steel structures",
        "fob_value": {"amount": "60000.00", "currency": "USD"},
        "final_process_in_party": True,
        "operations": [{"kind": "production", "description": "cutting, welding, painting"}],
        "materials": materials,
    }


GOOD: Final[Good] = roo.load_good(good_data())
TABLE: Final = load_psr(ROOT / "examples" / "psr" / "ajcep_example.json")
TEXT: Final = json.dumps(good_data())


def text_to_determination(text: str) -> Determination:
    """JSON text -> determination: parse, load, determine."""
    return determine(roo.load_good(json.loads(text, parse_float=Decimal)), TABLE)


def test_determine_200_materials(benchmark: Any) -> None:
    """``roo.determine`` of a loaded good with 200 materials."""
    benchmark.group = "origin: 200 materials"
    result = benchmark(determine, GOOD, TABLE)
    assert (True, MATERIALS) == (result.originating, len(GOOD.materials))


def test_text_to_determination_200_materials(benchmark: Any) -> None:
    """JSON text of a good with 200 materials -> determination."""
    benchmark.group = "origin: 200 materials"
    result = benchmark(text_to_determination, TEXT)
    assert result.originating is True
