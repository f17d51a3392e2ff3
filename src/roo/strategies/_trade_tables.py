"""Reference tables for certificates: the Parties' issuing authorities and companies, the Party pairs of each
scheme, issue-date ranges, signatories, vessels and the goods printed on certificates (internal to
:mod:`roo.strategies`).

Realistic values, each table's first row being the simplest: what a certificate shrinks to.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final, final

import attrs

from ..model import (
    Party,
    Scheme,
)

# --------------------------------------------------------------------------------------------------------------------
# Reference tables: realistic values, each table's first row being the simplest.


@final
@attrs.frozen
class _Country:
    authority: str
    city: str
    port: str
    companies: tuple[str, ...]
    street: str


_COUNTRIES: Final[Mapping[str, _Country]] = {
    "ID": _Country(
        "Ministry of Trade of Indonesia",
        "Surabaya",
        "IDSUB",
        ("PT Samudra Jaya", "PT Nusantara Makmur", "PT Kopi Gayo Lestari"),
        "Jl. Pelabuhan 1",
    ),
    "JP": _Country(
        "Japan Chamber of Commerce and Industry",
        "Tokyo",
        "JPTYO",
        ("Kaiyo Foods K.K.", "Yamato Trading Co., Ltd.", "Sakura Machinery K.K."),
        "1-2-3 Shiba, Minato-ku",
    ),
    "BN": _Country(
        "Ministry of Foreign Affairs and Trade", "Bandar Seri Begawan", "BNMUA", ("Borneo Seafood Sdn Bhd",), "Jalan Kota"
    ),
    "KH": _Country("Ministry of Commerce", "Phnom Penh", "KHPNH", ("Angkor Garments Co., Ltd.",), "Street 271"),
    "LA": _Country("Ministry of Industry and Commerce", "Vientiane", "LAVTE", ("Lao Coffee Export Co.",), "Lane Xang Avenue"),
    "MY": _Country(
        "Ministry of International Trade and Industry", "Port Klang", "MYPKG", ("Sinar Rubber Sdn Bhd",), "Jalan Pelabuhan"
    ),
    "MM": _Country("Ministry of Commerce", "Yangon", "MMRGN", ("Golden Delta Trading Co., Ltd.",), "Strand Road"),
    "PH": _Country("Bureau of Customs", "Manila", "PHMNL", ("Luzon Fruit Exporters Inc.",), "Port Area"),
    "SG": _Country("Singapore Customs", "Singapore", "SGSIN", ("Lion City Electronics Pte Ltd",), "1 Harbourfront Avenue"),
    "TH": _Country("Department of Foreign Trade", "Bangkok", "THBKK", ("Siam Agro Industry Co., Ltd.",), "Rama IV Road"),
    "VN": _Country(
        "Ministry of Industry and Trade", "Ho Chi Minh City", "VNSGN", ("Mekong Seafood JSC",), "Nguyen Tat Thanh Street"
    ),
    "CN": _Country(
        "China Council for the Promotion of International Trade", "Shanghai", "CNSHA", ("Shanghai Steel Products Co., Ltd.",),
        "Yangshupu Road",
    ),
    "IN": _Country("Export Inspection Council of India", "Chennai", "INMAA", ("Coromandel Textiles Pvt Ltd",), "Rajaji Salai"),
    "KR": _Country("Korea Chamber of Commerce and Industry", "Busan", "KRPUS", ("Hanbit Industrial Co., Ltd.",), "Jungang-daero"),
    "US": _Country("Chamber of Commerce of the United States", "Los Angeles", "USLAX", ("Pacific Export Inc.",), "Harbor Blvd"),
    "DE": _Country("Industrie- und Handelskammer Hamburg", "Hamburg", "DEHAM", ("Hanse Maschinenbau GmbH",), "Am Sandtorkai 1"),
}

_ASEAN: Final = ("ID", "BN", "KH", "LA", "MY", "MM", "PH", "SG", "TH", "VN")

#: (exporting Party, importing Party) pairs per scheme; the first is what a pair shrinks to.
_PAIRS: Final[Mapping[Scheme, tuple[tuple[str, str], ...]]] = {
    Scheme.AJCEP: (*((a, "JP") for a in _ASEAN), *(("JP", a) for a in _ASEAN)),
    Scheme.JIEPA: (("ID", "JP"), ("JP", "ID")),
    Scheme.ID_MOTR_16_2024: tuple((c, "ID") for c in ("CN", "VN", "TH", "IN", "KR", "JP", "MY", "US", "DE")),
}

#: First and last issue date per scheme: after the Agreement or regulation applies to every Party listed
#: (Indonesia joined AJCEP on 2018-03-01; Indonesia issues JIEPA COs electronically from 2024-02-05;
#: MoTR 16/2024 applies from 2024-07-12).
_ISSUE_RANGE: Final[Mapping[Scheme, tuple[date, date]]] = {
    Scheme.AJCEP: (date(2019, 1, 1), date(2025, 12, 31)),
    Scheme.JIEPA: (date(2024, 3, 1), date(2025, 12, 31)),
    Scheme.ID_MOTR_16_2024: (date(2024, 8, 1), date(2025, 12, 31)),
}

#: Companies in third countries that invoice goods they do not ship (AJCEP form, note 7).
_THIRD_COUNTRY_INVOICERS: Final = (
    Party("Harbour Trading Ltd.", "8 Connaught Road Central, Hong Kong", "HK"),
    Party("Alpine Commodities SA", "Rue du Rhone 12, Geneva", "CH"),
    Party("Pacific Export Inc.", "Harbor Blvd 100, Los Angeles", "US"),
)

_SIGNATORIES: Final = ("A. Wibowo", "T. Suzuki", "N. Chaiyaporn", "L. T. Hoa", "M. Santos")
_VESSELS: Final = ("MV OCEAN STAR", "MV JAKARTA EXPRESS", "MV SAKURA MARU", "MV MEKONG PEARL", "MV SIAM PRIDE")


@final
@attrs.frozen
class _Good:
    hs_code: str
    description: str
    unit: str
    wholly_obtained: bool


#: Goods in HS subheadings that are the same in HS2017 and HS2022.
_GOODS: Final = (
    _Good("030617", "Frozen shrimp, peeled", "KGM", True),
    _Good("090111", "Coffee, not roasted, not decaffeinated", "KGM", True),
    _Good("180100", "Cocoa beans, whole, raw", "KGM", True),
    _Good("100630", "Rice, wholly milled", "KGM", True),
    _Good("160414", "Skipjack tuna in brine, canned", "KGM", False),
    _Good("151110", "Crude palm oil", "KGM", False),
    _Good("400122", "Technically specified natural rubber (TSNR 20)", "KGM", False),
    _Good("190531", "Sweet biscuits", "KGM", False),
    _Good("760110", "Aluminium, not alloyed, unwrought", "KGM", False),
    _Good("610910", "T-shirts of cotton, knitted", "PCE", False),
    _Good("640399", "Footwear with leather uppers", "PCE", False),
    _Good("847130", "Portable computers, not more than 10 kg", "PCE", False),
    _Good("854231", "Electronic integrated circuits: processors and controllers", "PCE", False),
    _Good("401110", "New pneumatic tyres of rubber, for motor cars", "PCE", False),
    _Good("870323", "Motor cars, cylinder capacity 1,500-3,000 cc", "PCE", False),
    _Good("940360", "Wooden furniture", "PCE", False),
)
