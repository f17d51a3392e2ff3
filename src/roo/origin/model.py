"""The good whose origin is determined, and its bill of materials (docs/origin.md).

A :class:`Good` is what an exporter or producer knows about one product: the
scheme and exporting Party, its HS subheading, FOB value, whether the final
process of production took place in the Party, whether it is wholly obtained
(and under which category), what was done to the materials, and the bill of
materials itself. A :class:`Material` may list its own materials; roo then
settles its origin bottom-up when its ``originating`` is not stated.

``originating`` of a material is three-valued: ``True``, ``False`` or
``None`` (unknown). Unknown materials are treated as non-originating, and the
determination says so in a finding.

Like the certificate model, this module holds data only: every judgement is
made by :func:`roo.origin.determine`.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Final, final

import attrs

from ..errors import InvalidGood as InvalidGood
from ..errors import Problem
from ..model.certificate import Scheme
from ..model.hs import HsVersion, normalize_hs
from ..model.money import Money, Quantity


class WhollyObtained(enum.StrEnum):
    """The category under which a good is wholly obtained or produced entirely in a Party.

    AJCEP Art 25 (a)-(k) and JIEPA Art 29.2 (a)-(l) list nearly the same
    categories in a different order; roo names them once. JIEPA's separate
    category of parts and raw materials recovered from scrapped articles
    (Art 29.2(k)) falls under AJCEP Art 25(k), goods obtained exclusively from
    the goods of (a)-(j).
    """

    PLANT = "plant"
    LIVE_ANIMAL = "live_animal"
    FROM_LIVE_ANIMAL = "from_live_animal"
    HUNTING_FISHING = "hunting_fishing"
    MINERAL = "mineral"
    SEABED_OUTSIDE_TERRITORY = "seabed_outside_territory"
    SEA_FISHING = "sea_fishing"
    FACTORY_SHIP = "factory_ship"
    COLLECTED_ARTICLES = "collected_articles"
    SCRAP_AND_WASTE = "scrap_and_waste"
    RECOVERED_PARTS = "recovered_parts"
    FROM_WHOLLY_OBTAINED = "from_wholly_obtained"

    @property
    def needs_vessel(self) -> bool:
        """Whether the category depends on the vessel or factory ship being one of the Party (AJCEP Art 23(b))."""
        return self in (WhollyObtained.SEA_FISHING, WhollyObtained.FACTORY_SHIP)


class OperationKind(enum.StrEnum):
    """What was done to the materials in the Party.

    ``production`` is any working or processing beyond the operations AJCEP
    Art 30 (JIEPA Art 32) lists; the other kinds are those operations, which
    alone never satisfy a change in tariff classification or a specific
    process.
    """

    PRODUCTION = "production"
    PRESERVATION = "preservation"
    PACKAGING_CHANGE = "packaging_change"
    DISASSEMBLY = "disassembly"
    SIMPLE_PACKING = "simple_packing"
    PARTS_COLLECTION = "parts_collection"
    SET_MAKING = "set_making"

    @property
    def qualifying(self) -> bool:
        """Whether the operation can confer origin under a CTC or specific-process rule."""
        return self is OperationKind.PRODUCTION


#: The paragraph of AJCEP Art 30 (and JIEPA Art 32, same lettering) each non-qualifying operation falls under.
NON_QUALIFYING_PARAGRAPH: Final = {
    OperationKind.PRESERVATION: "a",
    OperationKind.PACKAGING_CHANGE: "b",
    OperationKind.DISASSEMBLY: "c",
    OperationKind.SIMPLE_PACKING: "d",
    OperationKind.PARTS_COLLECTION: "e",
    OperationKind.SET_MAKING: "f",
}


class MaterialRole(enum.StrEnum):
    """How a material enters the good, which decides how each criterion counts it.

    * ``input``: an ordinary material, counted everywhere.
    * ``retail_packaging``: packing in which the good is sold by retail,
      classified with it: ignored for a change in tariff classification,
      counted in the RVC (AJCEP Art 32.2-32.3, JIEPA Art 38).
    * ``accessory``: accessories, spare parts, tools and manuals presented
      with the good, not invoiced separately and customary in quantity and
      value: ignored for a CTC or specific process, counted in the RVC (AJCEP
      Art 33, JIEPA Art 37). Choosing this role asserts both conditions.
    * ``shipping_packing``: packing and containers for transport: ignored for
      a CTC, and not counted as non-originating in the RVC (AJCEP Art 32.1,
      JIEPA Art 39).
    * ``indirect``: fuel, tools, moulds, catalysts and the like, not
      incorporated in the good: always originating (AJCEP Art 34, JIEPA Art 36).
    """

    INPUT = "input"
    RETAIL_PACKAGING = "retail_packaging"
    ACCESSORY = "accessory"
    SHIPPING_PACKING = "shipping_packing"
    INDIRECT = "indirect"


@final
@attrs.frozen
class Operation:
    """One operation performed on the materials in the Party.

    ``process`` names the specific manufacturing or processing operation a
    product-specific rule may require (``SP:refining`` is met by an
    operation whose ``process`` is ``"refining"``, compared without regard to
    case or spacing).
    """

    kind: OperationKind
    description: str = ""
    process: str | None = None


@final
@attrs.frozen
class Vessel:
    """The vessel or factory ship that took or processed a sea-fishing good (AJCEP Art 23(b), JIEPA Art 28(c)).

    ``ownership_percent`` is the share owned by nationals of the Parties (or
    by a qualifying juridical person, as the article defines it);
    ``crew_percent`` the share of master, officers and crew who are
    nationals of the Parties.
    """

    name: str | None = None
    registered_in: str | None = None
    flag: str | None = None
    ownership_percent: Decimal | None = None
    crew_percent: Decimal | None = None


@final
@attrs.frozen
class Material:
    """One line of the bill of materials.

    ``value`` is the value of the material as Art 27.4 (JIEPA Art 29.6)
    defines it, in the good's FOB currency. ``origin_party`` is the Party in
    which an originating material originates or, for a material with its own
    ``materials``, the Party in which it was produced (default: the good's
    exporting Party). ``weight`` and ``volume`` are needed only for de minimis
    by weight or volume.

    ``wholly_obtained_in`` says something else than ``origin_party``: the
    Party in which the material itself was wholly obtained or produced
    entirely (AJCEP Art 25, JIEPA Art 29.2), or ``None`` when it was not, or
    this is not known. A material wholly obtained in a Party originates there,
    so ``originating`` may then be left out and ``origin_party`` defaults to
    it. Only a material wholly obtained in the *exporting* Party makes a good
    produced from it wholly obtained (AJCEP Art 25(k), JIEPA Art 29.2(l)); one
    wholly obtained in another Party is an originating material of that Party,
    which at most makes the good ``PE`` (with ``ACU`` where accumulation is
    used), never ``WO``.
    """

    description: str
    hs_code: str | None = None
    value: Money | None = None
    originating: bool | None = None
    origin_party: str | None = None
    wholly_obtained_in: str | None = None
    weight: Quantity | None = None
    volume: Quantity | None = None
    role: MaterialRole = MaterialRole.INPUT
    operations: tuple[Operation, ...] = ()
    materials: tuple[Material, ...] = ()

    @property
    def hs_digits(self) -> str | None:
        """The HS code without separators, or ``None``."""
        return normalize_hs(self.hs_code) if self.hs_code is not None else None


@final
@attrs.frozen
class Good:
    """A good whose origin is to be determined, with its bill of materials (docs/origin.md).

    ``on`` is the date the determination speaks for (e.g. the date of
    exportation); dated parameters are read as in force then. When it is
    ``None`` the latest values are used. ``refunded_excise`` is the internal
    excise tax reduced, exempted or repaid on exportation, which JIEPA
    excludes from the FOB used for the qualifying value content (Art 29.4(b)).
    ``weight`` and ``volume`` of the good are needed only for de minimis by
    weight or volume.
    """

    scheme: Scheme
    exporting_party: str
    hs_code: str
    description: str = ""
    hs_version: HsVersion | None = None
    fob_value: Money | None = None
    refunded_excise: Money | None = None
    final_process_in_party: bool | None = None
    wholly_obtained: WhollyObtained | None = None
    vessel: Vessel | None = None
    operations: tuple[Operation, ...] = ()
    materials: tuple[Material, ...] = ()
    weight: Quantity | None = None
    volume: Quantity | None = None
    on: date | None = None

    @property
    def hs_digits(self) -> str:
        """The HS code without separators."""
        return normalize_hs(self.hs_code)


#: How deep bills of materials may nest: a good's materials are level 1, their materials level 2, and so on.
#: Real bills of materials stay far below it; deeper nesting is refused as an input error naming this limit,
#: so that settling materials bottom-up (which recurses once per level) can never exhaust the stack.
MAX_MATERIAL_DEPTH: Final = 64


def nesting_problem(good: Good) -> Problem | None:
    """The input problem of a bill of materials nested deeper than :data:`MAX_MATERIAL_DEPTH`, or ``None``.

    Walks the materials without recursion, once each, so the check itself is safe at any depth.
    """
    pending: list[tuple[tuple[Material, ...], str, int]] = [(good.materials, "", 1)]
    while pending:
        materials, prefix, level = pending.pop()
        for index, material in enumerate(materials):
            if not material.materials:
                continue
            path = f"{prefix}materials[{index}]"
            if level >= MAX_MATERIAL_DEPTH:
                return Problem(
                    f"{path}.materials",
                    f"bills of materials may nest at most {MAX_MATERIAL_DEPTH} levels deep",
                    f"more than {MAX_MATERIAL_DEPTH} levels",
                )
            pending.append((material.materials, f"{path}.", level + 1))
    return None


@final
@attrs.frozen
class ItemGood:
    """The good behind one item of a certificate, for comparing box 8 with a determination."""

    certificate_item: int
    good: Good
