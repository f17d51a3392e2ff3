"""AJCEP Art 25 / JIEPA Art 29.2: goods wholly obtained or produced entirely in a Party (``WO``).

A good is wholly obtained when it falls in one of the listed categories:
plants grown and harvested in the Party, animals born and raised there, goods
from live animals, hunting and fishing, minerals, goods from the seabed
beyond territorial waters, sea fishing and factory-ship products, articles
collected for disposal or recovery, scrap and waste, and goods made
exclusively from these. The exporter states the category; roo checks what it
can: for sea fishing and factory ships, that the vessel is one of the
exporting Party (registered and flagged there, at least half owned by
nationals of the Parties, at least three quarters of master, officers and
crew nationals of the Parties, AJCEP Art 23(b), JIEPA Art 28(c)); for goods
made from wholly obtained goods, that every material listed is originating.

Source: AJCEP Agreement, Arts 23(b) and 25; JIEPA Arts 28(c) and 29.2.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from ..model.certificate import Scheme
from ..model.phrase import Phrase
from ..params import ParameterNotInForce
from . import specs
from .decimals import plain
from .facts import Facts, Settled, Verdict, names
from .model import MaterialRole, WhollyObtained

#: The paragraph of each scheme's list a category falls under.
ARTICLES: Final[dict[Scheme, dict[WhollyObtained, str]]] = {
    Scheme.AJCEP: {
        WhollyObtained.PLANT: "AJCEP/ART/25(a)",
        WhollyObtained.LIVE_ANIMAL: "AJCEP/ART/25(b)",
        WhollyObtained.FROM_LIVE_ANIMAL: "AJCEP/ART/25(c)",
        WhollyObtained.HUNTING_FISHING: "AJCEP/ART/25(d)",
        WhollyObtained.MINERAL: "AJCEP/ART/25(e)",
        WhollyObtained.SEABED_OUTSIDE_TERRITORY: "AJCEP/ART/25(f)",
        WhollyObtained.SEA_FISHING: "AJCEP/ART/25(g)",
        WhollyObtained.FACTORY_SHIP: "AJCEP/ART/25(h)",
        WhollyObtained.COLLECTED_ARTICLES: "AJCEP/ART/25(i)",
        WhollyObtained.SCRAP_AND_WASTE: "AJCEP/ART/25(j)",
        WhollyObtained.RECOVERED_PARTS: "AJCEP/ART/25(k)",
        WhollyObtained.FROM_WHOLLY_OBTAINED: "AJCEP/ART/25(k)",
    },
    Scheme.JIEPA: {
        WhollyObtained.LIVE_ANIMAL: "JIEPA/ART/29(2)(a)",
        WhollyObtained.HUNTING_FISHING: "JIEPA/ART/29(2)(b)",
        WhollyObtained.FROM_LIVE_ANIMAL: "JIEPA/ART/29(2)(c)",
        WhollyObtained.PLANT: "JIEPA/ART/29(2)(d)",
        WhollyObtained.MINERAL: "JIEPA/ART/29(2)(e)",
        WhollyObtained.SEA_FISHING: "JIEPA/ART/29(2)(f)",
        WhollyObtained.FACTORY_SHIP: "JIEPA/ART/29(2)(g)",
        WhollyObtained.SEABED_OUTSIDE_TERRITORY: "JIEPA/ART/29(2)(h)",
        WhollyObtained.COLLECTED_ARTICLES: "JIEPA/ART/29(2)(i)",
        WhollyObtained.SCRAP_AND_WASTE: "JIEPA/ART/29(2)(j)",
        WhollyObtained.RECOVERED_PARTS: "JIEPA/ART/29(2)(k)",
        WhollyObtained.FROM_WHOLLY_OBTAINED: "JIEPA/ART/29(2)(l)",
    },
}

#: How messages name each category.
LABELS: Final = {
    WhollyObtained.PLANT: "plants grown and harvested in the Party",
    WhollyObtained.LIVE_ANIMAL: "live animals born and raised in the Party",
    WhollyObtained.FROM_LIVE_ANIMAL: "goods obtained from live animals",
    WhollyObtained.HUNTING_FISHING: "goods of hunting, trapping, fishing or gathering in the Party",
    WhollyObtained.MINERAL: "minerals extracted in the Party",
    WhollyObtained.SEABED_OUTSIDE_TERRITORY: "goods taken from the seabed outside the Party's territorial waters",
    WhollyObtained.SEA_FISHING: "goods of sea fishing taken by a vessel of the Party",
    WhollyObtained.FACTORY_SHIP: "goods made on board a factory ship of the Party",
    WhollyObtained.COLLECTED_ARTICLES: "articles collected in the Party fit only for disposal or recovery",
    WhollyObtained.SCRAP_AND_WASTE: "scrap and waste",
    WhollyObtained.RECOVERED_PARTS: "parts or raw materials recovered from articles collected in the Party",
    WhollyObtained.FROM_WHOLLY_OBTAINED: "goods obtained exclusively from wholly obtained goods",
}


def article(scheme: Scheme, category: WhollyObtained) -> str:
    """The citation of ``category`` under ``scheme``."""
    return ARTICLES.get(scheme, ARTICLES[Scheme.AJCEP])[category]


def evaluate(facts: Facts) -> Verdict | None:
    """Whether the good is wholly obtained; ``None`` when it is not claimed to be."""
    category = facts.good.wholly_obtained
    if category is None:
        return None
    if category.needs_vessel:
        return _vessel(facts, category)
    if category is WhollyObtained.FROM_WHOLLY_OBTAINED:
        return _from_wholly_obtained(facts)
    return Verdict(True)


def _from_wholly_obtained(facts: Facts) -> Verdict:
    """AJCEP Art 25(k), JIEPA Art 29.2(l): obtained in the Party exclusively from goods wholly obtained *there*.

    The goods of (a) to (j) (JIEPA: (a) to (k)) are each obtained "in the Party", so a material wholly obtained
    in another Party does not qualify: it is an originating material of that Party, and the good made from it
    can be PE (with ACU where accumulation is used), never WO. Indirect materials and packing for shipment are
    not materials of the good for this purpose (AJCEP Arts 32.1 and 34, JIEPA Arts 36 and 39).
    """
    scheme, party = facts.scheme, facts.party
    counted = [s for s in facts.materials if s.role not in (MaterialRole.INDIRECT, MaterialRole.SHIPPING_PACKING)]
    not_originating = [s for s in counted if not s.counts_as_originating(accumulate=True)]
    if not_originating:
        return Verdict(False, findings=(specs.WO_MATERIALS_NOT_ORIGINATING(scheme, materials=names(not_originating)),))
    elsewhere = [s for s in counted if _obtained_in(s) != party and (s.other_party or _obtained_in(s) is not None)]
    if elsewhere:
        parties = tuple(dict.fromkeys(_obtained_in(s) or s.material.origin_party or "-" for s in elsewhere))
        finding = specs.WO_MATERIALS_OF_OTHER_PARTY(scheme, materials=names(elsewhere), parties=parties, party=party)
        return Verdict(False, findings=(finding,))
    unknown = [s for s in counted if _obtained_in(s) is None]
    if unknown:
        finding = specs.WO_MATERIALS_NOT_SHOWN(scheme, materials=names(unknown), party=party)
        return Verdict(None, findings=(finding,), needed=tuple(f"{s.path}.wholly_obtained_in" for s in unknown))
    return Verdict(True)


def _obtained_in(settled: Settled) -> str | None:
    """The Party in which a material was wholly obtained, as stated."""
    return settled.material.wholly_obtained_in


def _vessel(facts: Facts, category: WhollyObtained) -> Verdict:
    scheme, party, vessel = facts.scheme, facts.party, facts.good.vessel
    label = LABELS[category]
    prefix = "jiepa" if scheme is Scheme.JIEPA else "ajcep"
    try:
        ownership_min = facts.parameters.decimal(f"{prefix}.vessel.ownership_min_percent")
        crew_min = facts.parameters.decimal(f"{prefix}.vessel.crew_min_percent")
    except ParameterNotInForce as error:
        return Verdict(
            None,
            findings=(
                specs.PARAMETER_NOT_IN_FORCE(
                    scheme, criterion="WO", parameter=error.name, on=facts.parameters.shown_on
                ),
            ),
            needed=(Phrase("parameter {parameter}", {"parameter": error.name}),),
        )
    if vessel is None:
        return Verdict(
            None,
            findings=(specs.VESSEL_FACTS_MISSING(scheme, category=label, party=party, needed="vessel"),),
            needed=("vessel",),
        )
    reasons: list[str] = []
    missing: list[str] = []
    for field, value in (("registered_in", vessel.registered_in), ("flag", vessel.flag)):
        if value is None:
            missing.append(f"vessel.{field}")
        elif value != party:
            reasons.append(f"{'registered in' if field == 'registered_in' else 'flagged in'} {value}")
    for field, share, minimum, what in (
        ("ownership_percent", vessel.ownership_percent, ownership_min, "owned by nationals of the Parties"),
        ("crew_percent", vessel.crew_percent, crew_min, "of master, officers and crew nationals of the Parties"),
    ):
        if share is None:
            missing.append(f"vessel.{field}")
        elif share < minimum:
            reasons.append(f"{_pct(share)}% {what}, below {_pct(minimum)}%")
    name = f"'{vessel.name}'" if vessel.name else "(unnamed)"
    if reasons:
        return Verdict(
            False,
            findings=(
                specs.VESSEL_NOT_OF_PARTY(scheme, category=label, vessel=name, party=party, reason="; ".join(reasons)),
            ),
        )
    if missing:
        return Verdict(
            None,
            findings=(specs.VESSEL_FACTS_MISSING(scheme, category=label, party=party, needed=tuple(missing)),),
            needed=tuple(missing),
        )
    return Verdict(True)


def _pct(value: Decimal) -> str:
    return plain(value)
