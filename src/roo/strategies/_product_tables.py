"""Reference tables for goods: products with realistic bills of materials, material pools by role, operations,
de minimis chapters and thresholds (internal to :mod:`roo.strategies`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final, final

import attrs
from hypothesis import strategies as st

from ..model import (
    HsVersion,
    Scheme,
)
from ..origin.model import (
    MaterialRole,
    Operation,
    OperationKind,
    WhollyObtained,
)
from ._trade_tables import _ASEAN

# --------------------------------------------------------------------------------------------------------------------
# Goods and bills of materials (origin determination, roo.origin).

#: The schemes roo determines origin under, and their Parties; the first Party is what a good shrinks to.
_ORIGIN_PARTIES: Final[Mapping[Scheme, tuple[str, ...]]] = {
    Scheme.AJCEP: (*_ASEAN, "JP"),
    Scheme.JIEPA: ("ID", "JP"),
}

#: The general rule's value-content threshold (AJCEP Art 26.1(a)): the VNM may be at most 60 % of the FOB.
_GENERAL_RVC: Final = 40
_VNM_CAP: Final = 100 - _GENERAL_RVC

#: Material values are whole percentages of the FOB; their sum stays below it.
_BUDGET: Final = 99

#: Currencies without minor units (ISO 4217 exponent 0).
_ZERO_DECIMAL: Final = frozenset({"JPY", "KRW", "VND"})

#: AJCEP Art 28: chapters with a de minimis of 10 % of the FOB; 7 % or 10 % (Annex 2 says which); 10 % by weight.
_DMI_VALUE_CHAPTERS: Final = frozenset({16, 19, 20, 22, 23, *range(28, 50), *range(64, 98)})
_DMI_ANNEX2_CHAPTERS: Final = frozenset({18, 21})
_DMI_WEIGHT_CHAPTERS: Final = frozenset(range(50, 64))


@final
@attrs.frozen
class _Product:
    """A good roo can generate, with materials that change heading and one that does not."""

    hs_code: str
    description: str
    inputs: tuple[tuple[str, str], ...]
    same_heading: tuple[str, str]
    category: WhollyObtained | None = None

    @property
    def chapter(self) -> int:
        return int(self.hs_code[:2])

    @property
    def by_weight(self) -> bool:
        """Whether its de minimis is by weight (textiles), so that its materials carry weights."""
        return self.chapter in _DMI_WEIGHT_CHAPTERS

    @property
    def de_minimis(self) -> int | None:
        """The share (per cent of FOB, or of weight for textiles) a CTH tolerates without doubt; None: no de minimis."""
        if self.chapter in _DMI_VALUE_CHAPTERS or self.by_weight:
            return 10
        if self.chapter in _DMI_ANNEX2_CHAPTERS:
            return 7  # the lower of Annex 2's two percentages: met whichever the row specifies
        return None

    @property
    def pool(self) -> tuple[tuple[str, str], ...]:
        return (*self.inputs, self.same_heading)


_W = WhollyObtained
#: Goods with realistic bills of materials: made goods first (sweet biscuits being what a good shrinks to), then
#: goods that may be wholly obtained. Every input changes heading; ``same_heading`` shares the good's heading.
_PRODUCTS: Final = (
    _Product(
        "190531",
        "Sweet biscuits",
        (
            ("110100", "Wheat flour"),
            ("170199", "Cane sugar"),
            ("151190", "Refined palm oil"),
            ("180500", "Cocoa powder"),
            ("040510", "Butter"),
        ),
        ("190590", "Biscuit wafers, unfilled"),
    ),
    _Product(
        "180632",
        "Chocolate in bars, not filled",
        (
            ("180400", "Cocoa butter"),
            ("170199", "Cane sugar"),
            ("040221", "Whole milk powder"),
            ("180310", "Cocoa paste"),
        ),
        ("180620", "Chocolate couverture in blocks"),
    ),
    _Product(
        "160414",
        "Skipjack tuna in brine, canned",
        (("030343", "Frozen skipjack tuna"), ("250100", "Salt"), ("731021", "Tinplate cans")),
        ("160414", "Precooked tuna loins"),
    ),
    _Product(
        "151190",
        "Refined palm olein",
        (("250810", "Bleaching earth"), ("280920", "Phosphoric acid")),
        ("151110", "Crude palm oil"),
    ),
    _Product(
        "610910",
        "T-shirts of cotton, knitted",
        (("600622", "Dyed cotton knitted fabric"), ("520411", "Cotton sewing thread"), ("580710", "Woven labels")),
        ("610910", "Cotton T-shirt blanks"),
    ),
    _Product(
        "640399",
        "Footwear with leather uppers",
        (
            ("410799", "Finished bovine leather"),
            ("640610", "Uppers"),
            ("640620", "Rubber outsoles"),
            ("350691", "Adhesives"),
        ),
        ("640399", "Unfinished leather shoes"),
    ),
    _Product(
        "940360",
        "Wooden furniture",
        (("440799", "Sawn hardwood"), ("441231", "Plywood"), ("830242", "Furniture fittings"), ("320890", "Varnish")),
        ("940360", "Unassembled wooden cabinets"),
    ),
    _Product(
        "847130",
        "Portable computers, not more than 10 kg",
        (
            ("854231", "Processors"),
            ("854232", "Memory chips"),
            ("850760", "Lithium-ion batteries"),
            ("847330", "Mainboards"),
        ),
        ("847130", "Portable computers, unbranded"),
    ),
    _Product(
        "854231",
        "Electronic integrated circuits: processors and controllers",
        (("381800", "Doped silicon wafers"), ("710812", "Gold bonding wire")),
        ("854239", "Other integrated circuits"),
    ),
    _Product(
        "401110",
        "New pneumatic tyres of rubber, for motor cars",
        (
            ("400122", "Natural rubber (TSNR 20)"),
            ("400219", "Styrene-butadiene rubber"),
            ("280300", "Carbon black"),
            ("731210", "Steel tyre cord"),
        ),
        ("401190", "Tyre carcasses"),
    ),
    _Product(
        "870323",
        "Motor cars, cylinder capacity 1,500-3,000 cc",
        (("840734", "Spark-ignition engines"), ("870899", "Car parts"), ("870710", "Car bodies"), ("401110", "Tyres")),
        ("870323", "Motor cars in CKD kits"),
    ),
    _Product(
        "760110",
        "Aluminium, not alloyed, unwrought",
        (("281820", "Alumina"), ("854511", "Carbon electrodes")),
        ("760120", "Aluminium alloy ingots"),
    ),
    _Product(
        "400122",
        "Technically specified natural rubber (TSNR 20)",
        (("291511", "Formic acid"), ("283210", "Sodium metabisulphite")),
        ("400129", "Natural rubber cup lumps"),
    ),
    _Product(
        "151110",
        "Crude palm oil",
        (("120710", "Oil palm fruit bunches"), ("252100", "Limestone flux")),
        ("151110", "Crude palm oil, bought in"),
    ),
    _Product(
        "030617",
        "Frozen shrimp, peeled",
        (("230990", "Shrimp feed"), ("283531", "Sodium tripolyphosphate")),
        ("030617", "Frozen shrimp, shell-on"),
        _W.HUNTING_FISHING,
    ),
    _Product(
        "090111",
        "Coffee, not roasted, not decaffeinated",
        (("310520", "NPK fertiliser"), ("380891", "Insecticides")),
        ("090111", "Green coffee, bought in"),
        _W.PLANT,
    ),
    _Product(
        "180100",
        "Cocoa beans, whole, raw",
        (("310520", "NPK fertiliser"), ("380891", "Insecticides")),
        ("180100", "Cocoa beans, bought in"),
        _W.PLANT,
    ),
    _Product(
        "100630",
        "Rice, wholly milled",
        (("310520", "NPK fertiliser"), ("380893", "Herbicides")),
        ("100610", "Rice in the husk"),
        _W.FROM_WHOLLY_OBTAINED,
    ),
    _Product(
        "030343",
        "Skipjack tuna, frozen",
        (("250100", "Salt"), ("220190", "Ice")),
        ("030343", "Skipjack tuna, bought in"),
        _W.SEA_FISHING,
    ),
    _Product(
        "260300",
        "Copper ores and concentrates",
        (("360200", "Prepared explosives"), ("360300", "Detonators")),
        ("260300", "Copper ore, bought in"),
        _W.MINERAL,
    ),
    _Product(
        "720449",
        "Ferrous waste and scrap",
        (("730890", "Dismantled steel structures"), ("890800", "Vessels for breaking up")),
        ("720449", "Ferrous scrap, bought in"),
        _W.SCRAP_AND_WASTE,
    ),
)
_PRODUCT_BY_HS: Final = {p.hs_code: p for p in _PRODUCTS}
_MADE: Final = tuple(p for p in _PRODUCTS if p.category is None)
_WHOLLY_OBTAINED: Final = tuple(p for p in _PRODUCTS if p.category is not None)
_MATERIAL_POOL: Final = tuple(dict.fromkeys(line for p in _PRODUCTS for line in p.pool))

#: Materials by role other than an ordinary input (their HS codes do not matter for a change of classification).
_ROLE_POOL: Final[Mapping[MaterialRole, tuple[tuple[str, str], ...]]] = {
    MaterialRole.RETAIL_PACKAGING: (("481910", "Printed retail cartons"), ("392321", "Retail bags of polyethylene")),
    MaterialRole.ACCESSORY: (("491199", "User manual"), ("820540", "Screwdriver supplied with the good")),
    MaterialRole.SHIPPING_PACKING: (("441520", "Wooden pallets"), ("481910", "Shipping cartons")),
    MaterialRole.INDIRECT: (("271019", "Fuel oil for the boilers"), ("340319", "Machine lubricants")),
}
_ROLES: Final = st.sampled_from(
    (*(MaterialRole.INPUT,) * 3, *(role for role in MaterialRole if role is not MaterialRole.INPUT))
)
#: Roles a non-originating material may take that count in the VNM (AJCEP Arts 27, 32.3, 33.2).
_COUNTED_ROLES: Final = st.sampled_from((MaterialRole.INPUT, MaterialRole.RETAIL_PACKAGING, MaterialRole.ACCESSORY))

_PRODUCTION: Final = Operation(OperationKind.PRODUCTION, "manufacture in the exporting Party")
#: Operations lists that do not stop a change of classification (empty: roo assumes production took place).
_QUALIFYING_OPERATIONS: Final = (
    (),
    (_PRODUCTION,),
    (_PRODUCTION, Operation(OperationKind.SIMPLE_PACKING, "packing into cartons")),
    (Operation(OperationKind.PRODUCTION, "refining", "refining"),),
)
#: Operations lists that alone never confer origin under a change of classification (AJCEP Art 30, JIEPA Art 32).
_NON_QUALIFYING_OPERATIONS: Final = (
    (Operation(OperationKind.SIMPLE_PACKING, "repacking into retail cartons"),),
    (Operation(OperationKind.PACKAGING_CHANGE, "breaking up of bulk consignments"),),
    (Operation(OperationKind.PRESERVATION, "freezing for transport"), Operation(OperationKind.SET_MAKING, "gift sets")),
    (Operation(OperationKind.DISASSEMBLY, "disassembly"),),
)
_ANY_OPERATIONS: Final = st.sampled_from(_QUALIFYING_OPERATIONS + _NON_QUALIFYING_OPERATIONS)
_FISHING_VESSELS: Final = ("KM Bahari Jaya", "Kaiyo Maru No. 8", "FV Andaman Star", "Ocean Harvest 21")
_FLAGS_OF_CONVENIENCE: Final = ("PA", "LR", "MH")
_ON: Final = st.none() | st.dates(min_value=date(2019, 1, 1), max_value=date(2025, 12, 31))
_EDITION: Final = st.none() | st.sampled_from((HsVersion.HS2017, HsVersion.HS2022))
_FINAL_PROCESS: Final = st.sampled_from((True, None, False))
_ORIGINATING: Final = st.sampled_from((False, True, None))
