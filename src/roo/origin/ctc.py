"""Change in tariff classification, specific processes, and the operations that never confer origin.

A CTC requirement (``CC``, ``CTH``, ``CTSH``) is met when every
non-originating material changes chapter, heading or subheading in the
production of the good (AJCEP Art 26.1(b) and 26.4, JIEPA Art 29.3), and
comes from none of the codes the rule excepts; materials that do not change
may still be tolerated by de minimis (:mod:`roo.origin.de_minimis`). Retail
packaging classified with the good, accessories presented with it, packing
for shipment and indirect materials are left out (AJCEP Arts 32-34, JIEPA
Arts 36-39). A specific-process requirement (``SP:<process>``) is met when
that process was performed on the non-originating materials.

Operations listed in AJCEP Art 30 (JIEPA Art 32) — preservation, changes of
packaging, disassembly, simple packing, collecting parts of a good, making
up sets, or a combination of them — never satisfy a CTC or specific-process
requirement: when every operation the good lists is one of them, the
requirement is not met, whatever the classifications say. When the good
lists no operations roo assumes production took place (it does not deny for
want of the list), but it cannot then confirm a specific process.

A requirement met only because materials of another Party count as
originating is flagged ``ACU`` (AJCEP Art 29, JIEPA Art 30); one met only
thanks to de minimis is flagged ``DMI``.

Source: AJCEP Agreement, Arts 26, 29, 30, 32-34; JIEPA Arts 29.3, 30, 32, 36-39.
"""

from __future__ import annotations

from typing import Final

import attrs

from . import de_minimis, specs
from .facts import ACU, Facts, Settled, Verdict
from .model import MaterialRole
from .psr import CTC_DIGITS, Requirement, RequirementKind

#: How messages name the level each CTC requirement changes.
LEVELS: Final = {RequirementKind.CC: "chapter", RequirementKind.CTH: "heading", RequirementKind.CTSH: "subheading"}


def changes(requirement: Requirement, good_hs: str, material_hs: str | None) -> bool | None:
    """Whether a material of code ``material_hs`` meets the change ``requirement`` asks of a good of ``good_hs``.

    ``None`` when the material's code is missing or too short to tell.

    >>> changes(Requirement(RequirementKind.CTH), "190531", "110100")
    True
    >>> changes(Requirement(RequirementKind.CTH), "190531", "190590")
    False
    >>> changes(Requirement(RequirementKind.CTSH), "190531", "1905") is None
    True
    """
    digits = CTC_DIGITS[requirement.kind]
    if material_hs is None or not material_hs:
        return None
    shared = min(digits, len(material_hs))
    if material_hs[:shared] == good_hs[:shared]:
        return False if len(material_hs) >= digits else None
    for excepted in requirement.exceptions:
        if excepted.covers(material_hs):
            return False
        if excepted.may_cover(material_hs):
            return None
    return True


def blocked(facts: Facts, criterion: str) -> Verdict | None:
    """A failing verdict when only non-qualifying operations were performed (AJCEP Art 30, JIEPA Art 32)."""
    operations = facts.good.operations
    if not operations or any(op.kind.qualifying for op in operations):
        return None
    listed = tuple(dict.fromkeys(op.kind.value.replace("_", " ") for op in operations))
    return Verdict(
        False, findings=(specs.NON_QUALIFYING_OPERATIONS(facts.scheme, criterion=criterion, operations=listed),)
    )


def evaluate(facts: Facts, requirement: Requirement, criterion: str) -> Verdict:
    """Whether a CTC requirement is met, with ``DMI`` / ``ACU`` when it depends on them."""
    stop = blocked(facts, criterion)
    if stop is not None:
        return stop
    good_hs = facts.good.hs_digits
    if len(good_hs) != 6 or not good_hs.isdigit():
        return Verdict(None, needed=("hs_code",))
    first = _evaluate(facts, requirement, criterion, good_hs, accumulate=True)
    if first.met is not True or not facts.has_accumulated:
        return first
    second = _evaluate(facts, requirement, criterion, good_hs, accumulate=False)
    if second.met is True:
        return second
    return attrs.evolve(first, flags=first.flags | {ACU})


def _evaluate(facts: Facts, requirement: Requirement, criterion: str, good_hs: str, accumulate: bool) -> Verdict:
    failing: list[Settled] = []
    unknown: list[Settled] = []
    for settled in _non_originating(facts, accumulate):
        change = changes(requirement, good_hs, settled.material.hs_digits)
        if change is False:
            failing.append(settled)
        elif change is None:
            unknown.append(settled)
    if not failing and not unknown:
        return Verdict(True)
    return de_minimis.judge(facts, criterion, LEVELS[requirement.kind], failing, unknown)


def _non_originating(facts: Facts, accumulate: bool) -> list[Settled]:
    """The non-originating materials a CTC or specific process looks at (ordinary inputs only)."""
    return [
        s for s in facts.materials if s.role is MaterialRole.INPUT and not s.counts_as_originating(accumulate)
    ]


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def specific_process(facts: Facts, requirement: Requirement, criterion: str) -> Verdict:
    """Whether the specific process a product-specific rule names was performed (``SP:<process>``)."""
    stop = blocked(facts, criterion)
    if stop is not None:
        return stop
    wanted = _normal(requirement.process or "")
    if any(op.process is not None and _normal(op.process) == wanted for op in facts.good.operations):
        return Verdict(True)
    if not _non_originating(facts, accumulate=True):
        # The requirement applies only to non-originating materials (AJCEP Art 26.4, JIEPA Art 29.3).
        return Verdict(True, flags=frozenset({ACU}) if _non_originating(facts, accumulate=False) else frozenset())
    process = requirement.process
    if not facts.good.operations:
        return Verdict(
            None,
            findings=(specs.OPERATIONS_MISSING(facts.scheme, criterion=criterion, process=process),),
            needed=("operations",),
        )
    return Verdict(
        False, findings=(specs.SPECIFIC_PROCESS_NOT_PERFORMED(facts.scheme, criterion=criterion, process=process),)
    )
