"""Box 8 of the CO: the origin criterion as printed, and its structured reading.

The exporter writes the criterion the good meets in box 8 (AJCEP form, note 3):
``WO`` wholly obtained (Art 25), ``PE`` produced entirely from originating
materials (Art 24(c)), ``CTH`` or ``RVC 40%`` under the general rule (Art 26.1),
``CTC``, ``RVC`` or ``SP`` under a product-specific rule (Art 26.2), plus
``DMI`` when de minimis (Art 28) and ``ACU`` when accumulation (Art 29) was
needed. ``CTSH``, ``CC`` and JIEPA's ``PSR`` are read too.

Parsing never fails: text roo cannot read keeps ``problem`` set, and a rule
turns that into a finding on the item rather than a load error.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal, InvalidOperation
from typing import final

import attrs


class CriterionKind(enum.StrEnum):
    """One origin criterion that can be claimed in box 8."""

    WO = "WO"
    PE = "PE"
    RVC = "RVC"
    CTH = "CTH"
    CTSH = "CTSH"
    CC = "CC"
    CTC = "CTC"
    SP = "SP"
    PSR = "PSR"


@final
@attrs.frozen
class Criterion:
    """A claimed criterion; ``percent`` is the RVC threshold printed with it, if any."""

    kind: CriterionKind
    percent: Decimal | None = None

    def __str__(self) -> str:
        if self.percent is None:
            return self.kind.value
        return f"{self.kind.value} {self.percent}%"


_SPLIT = re.compile(r"\s*(?:[,;+/&]|\band\b|\bor\b)\s*", re.IGNORECASE)
_RVC = re.compile(r"^(?:RVC|QVC)\s*(?:(\d{1,3}(?:\.\d+)?)\s*%?)?$", re.IGNORECASE)
_PERCENT_FIRST = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*%\s*(?:RVC|QVC)$", re.IGNORECASE)
_FLAGS = {"DMI", "ACU"}


@final
@attrs.frozen
class OriginCriterion:
    """Box 8 as printed (``text``) with its structured reading.

    >>> OriginCriterion.parse("CTH, DMI").criteria
    (Criterion(kind=<CriterionKind.CTH: 'CTH'>, percent=None),)
    >>> OriginCriterion.parse("RVC 40%").rvc_percent
    Decimal('40')
    """

    text: str
    criteria: tuple[Criterion, ...] = ()
    de_minimis: bool = False
    accumulation: bool = False
    problem: str | None = None

    @classmethod
    def parse(cls, text: str) -> OriginCriterion:
        """Read box 8; never raises."""
        stripped = text.strip()
        if not stripped:
            return cls(text=text, problem="box 8 is empty")
        criteria: list[Criterion] = []
        flags: set[str] = set()
        unknown: list[str] = []
        for token in _SPLIT.split(stripped):
            if not token:
                continue
            upper = " ".join(token.upper().split())
            if upper in _FLAGS:
                flags.add(upper)
                continue
            criterion = _read_token(upper)
            if criterion is None:
                unknown.append(token)
            elif criterion not in criteria:
                criteria.append(criterion)
        problem: str | None = None
        if unknown:
            problem = "unrecognised " + ", ".join(repr(t) for t in unknown)
        elif not criteria:
            problem = "no origin criterion, only " + ", ".join(sorted(flags))
        return cls(
            text=text,
            criteria=tuple(criteria),
            de_minimis="DMI" in flags,
            accumulation="ACU" in flags,
            problem=problem,
        )

    @property
    def kinds(self) -> frozenset[CriterionKind]:
        """The kinds of criterion claimed."""
        return frozenset(c.kind for c in self.criteria)

    @property
    def rvc_percent(self) -> Decimal | None:
        """The RVC percentage printed with an RVC claim, if any."""
        for criterion in self.criteria:
            if criterion.kind is CriterionKind.RVC and criterion.percent is not None:
                return criterion.percent
        return None

    def __str__(self) -> str:
        return self.text


def _read_token(upper: str) -> Criterion | None:
    match = _RVC.match(upper) or _PERCENT_FIRST.match(upper)
    if match:
        number = match.group(1)
        if number is None:
            return Criterion(CriterionKind.RVC)
        try:
            percent = Decimal(number)
        except InvalidOperation:  # pragma: no cover - the pattern only admits digits
            return None
        if percent > 100:
            return None
        if percent == percent.to_integral_value():
            percent = percent.quantize(Decimal(1))
        return Criterion(CriterionKind.RVC, percent)
    try:
        return Criterion(CriterionKind(upper))
    except ValueError:
        return None
