"""What every criterion reads, and what it concludes (internal).

:class:`Facts` holds the good, its materials once settled (originating or
not, in which Party, at what value), the FOB and the parameters.
:class:`Verdict` is one criterion's three-valued conclusion: met, not met,
or ``None`` when a needed fact is unknown, with the flags it depends on
(``DMI``, ``ACU``), its findings and the facts it needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final, final

import attrs

from ..evaluation import Finding
from ..model.certificate import Scheme
from .decimals import EXACT, SHARE, plain
from .model import Good, Material, MaterialRole
from .parameters import Parameters
from .psr import ProductRule

DMI: Final = "DMI"
ACU: Final = "ACU"

#: The order flags are printed in box 8 (form note 3 lists DMI (e) before ACU (f)).
FLAG_ORDER: Final = (DMI, ACU)

CENT: Final = Decimal("0.01")



@final
@attrs.frozen
class Verdict:
    """One criterion's conclusion: ``met`` is True, False or None (a needed fact is unknown)."""

    met: bool | None
    flags: frozenset[str] = frozenset()
    findings: tuple[Finding, ...] = ()
    needed: tuple[str, ...] = ()


def all_of(verdicts: Iterable[Verdict]) -> Verdict:
    """Every verdict must hold (Kleene conjunction): False beats None beats True."""
    parts = tuple(verdicts)
    if any(v.met is False for v in parts):
        met: bool | None = False
    elif all(v.met is True for v in parts):
        met = True
    else:
        met = None
    return Verdict(
        met,
        frozenset().union(*(v.flags for v in parts)) if met else frozenset(),
        tuple(f for v in parts for f in v.findings),
        tuple(dict.fromkeys(n for v in parts for n in v.needed)),
    )


@final
@attrs.frozen
class Settled:
    """A material with its origin settled.

    ``originating`` is False also for materials of unknown origin (treated as
    non-originating). ``other_party`` is True for a material originating in
    a Party other than the good's: it counts as originating only through
    accumulation. ``value`` is in the FOB currency (None when missing or in
    another currency); ``limited_value`` is the lower value a non-originating
    material may count at under JIEPA Art 30.2, when it applies.
    """

    material: Material
    path: str
    originating: bool
    other_party: bool = False
    value: Decimal | None = None
    limited_value: Decimal | None = None

    @property
    def name(self) -> str:
        """How messages name the material."""
        return f"'{self.material.description}' ({self.path})"

    @property
    def role(self) -> MaterialRole:
        """The material's role in the good."""
        return self.material.role

    def counts_as_originating(self, accumulate: bool) -> bool:
        """Whether the material is originating, with or without accumulation (AJCEP Art 29, JIEPA Art 30)."""
        return self.originating and (accumulate or not self.other_party)

    def vnm_value(self, accumulate: bool) -> Decimal | None:
        """The value the material counts at in the VNM when non-originating."""
        if accumulate and self.limited_value is not None:
            return self.limited_value
        return self.value


@final
@attrs.frozen
class Facts:
    """Everything the criteria read about one good.

    ``fob_value`` is the FOB as given (for de minimis by value); ``fob`` the
    FOB of the value-content formula (JIEPA: less refunded excise taxes).
    Either is None when unknown or not above zero.
    """

    good: Good
    scheme: Scheme
    parameters: Parameters
    materials: tuple[Settled, ...]
    fob_value: Decimal | None
    fob: Decimal | None
    currency: str | None
    rule: ProductRule | None = None

    @property
    def party(self) -> str:
        """The exporting Party."""
        return self.good.exporting_party

    @property
    def has_accumulated(self) -> bool:
        """Whether any material is originating only through accumulation."""
        return any(s.originating and s.other_party for s in self.materials)


@final
@attrs.frozen
class Nested:
    """What settling a material from its own bill of materials gave: origin, box 8, missing facts, VNM."""

    originating: bool | None
    box8: str | None
    needed: tuple[str, ...]
    vnm: Decimal | None


def names(materials: Iterable[Settled]) -> tuple[str, ...]:
    """The materials as messages name them."""
    return tuple(s.name for s in materials)


def percent_of(part: Decimal, whole: Decimal) -> Decimal:
    """``part`` as a percentage of ``whole``, rounded half-up to two decimals (for display only)."""
    with localcontext(SHARE):
        share = part * 100 / whole
    with localcontext(EXACT):
        return share.quantize(CENT, rounding=ROUND_HALF_UP)


def show(number: Decimal) -> str:
    """A threshold or share as people write it: ``40``, ``52.5``, ``7``.

    >>> show(Decimal("40.00")), show(Decimal("52.50"))
    ('40', '52.5')
    """
    return plain(number)
