"""Box 8 of the CO: the origin criterion as printed, and its structured reading.

The exporter writes the criterion the good meets in box 8 (AJCEP form, note 3):
``WO`` wholly obtained (Art 25), ``PE`` produced entirely from originating
materials (Art 24(c)), ``CTH`` or ``RVC 40%`` under the general rule (Art 26.1),
``CTC``, ``RVC`` or ``SP`` under a product-specific rule (Art 26.2), plus
``DMI`` when de minimis (Art 28) and ``ACU`` when accumulation (Art 29) was
needed. ``CTSH``, ``CC`` and JIEPA's ``PSR`` are read too.

Parsing never fails: text roo cannot read keeps ``problem`` set, and a rule
turns that into a finding on the item rather than a load error. Quotation
marks and brackets around a criterion do not matter (``"WO"``, ``“CTH”``,
``CTC (CTH)``), and the words of form note 3 read as their codes
(``Wholly Obtained`` as ``WO``, ``Produced entirely from originating
materials`` as ``PE``). When at least one criterion is read, parts roo cannot
read beside it are kept in ``unrecognised`` rather than making the whole box
unreadable: the box still states a criterion, and a rule reports the rest for
customs to look at.
"""

from __future__ import annotations

import enum
import functools
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
#: Quotation marks printed around a code ('"WO"', '“CTH”'): they say nothing, so they are dropped.
_QUOTES = str.maketrans("", "", "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a")
_BRACKETS = re.compile(r"[()\[\]{}]")
#: Criteria and flags written out in words (form note 3 and common variants), upper case, single spaces.
_WORDS = {
    "WHOLLY OBTAINED": "WO",
    "WHOLLY OBTAINED GOODS": "WO",
    "WHOLLY OBTAINED GOOD": "WO",
    "PRODUCED ENTIRELY": "PE",
    "PRODUCED ENTIRELY FROM ORIGINATING MATERIALS": "PE",
    "PRODUCED ENTIRELY FROM ORIGINATING MATERIAL": "PE",
    "CHANGE IN TARIFF HEADING": "CTH",
    "CHANGE IN TARIFF SUBHEADING": "CTSH",
    "CHANGE IN CHAPTER": "CC",
    "CHANGE IN TARIFF CLASSIFICATION": "CTC",
    "SPECIFIC PROCESS": "SP",
    "SPECIFIC PROCESSES": "SP",
    "DE MINIMIS": "DMI",
    "ACCUMULATION": "ACU",
}


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
    #: Parts of the box roo could not read, beside at least one criterion it could (``problem`` is then None).
    unrecognised: tuple[str, ...] = ()

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
            token = token.translate(_QUOTES).strip()
            if not token:
                continue
            for part, reading in _read_part(token):
                if reading is None:
                    unknown.append(part)
                elif isinstance(reading, str):
                    flags.add(reading)
                elif reading not in criteria:
                    criteria.append(reading)
        problem: str | None = None
        if unknown and not criteria:
            problem = "unrecognised " + ", ".join(repr(t) for t in unknown)
        elif not criteria:
            problem = "no origin criterion" + (", only " + ", ".join(sorted(flags)) if flags else "")
        return cls(
            text=text,
            criteria=tuple(criteria),
            de_minimis="DMI" in flags,
            accumulation="ACU" in flags,
            problem=problem,
            unrecognised=tuple(unknown) if criteria else (),
        )

    # Cached: rules read these for every item, and parse() hands out one shared value per printed text.
    @functools.cached_property
    def kinds(self) -> frozenset[CriterionKind]:
        """The kinds of criterion claimed."""
        return frozenset(c.kind for c in self.criteria)

    @functools.cached_property
    def rvc_percent(self) -> Decimal | None:
        """The RVC percentage printed with an RVC claim, if any."""
        for criterion in self.criteria:
            if criterion.kind is CriterionKind.RVC and criterion.percent is not None:
                return criterion.percent
        return None

    def __str__(self) -> str:
        return self.text


def _read_part(token: str) -> list[tuple[str, Criterion | str | None]]:
    """``token`` read as one criterion or flag, or, failing that, each of its bracketed parts on its own.

    A flag is given as its code (``"DMI"``); ``None`` marks a part roo cannot read.
    """
    whole = _read(" ".join(_BRACKETS.sub(" ", token).upper().split()))
    if whole is not None or not _BRACKETS.search(token):
        return [(token, whole)]
    parts = [part.strip() for part in _BRACKETS.split(token) if part.strip()]
    if not parts:
        return [(token, None)]
    return [(part, _read(" ".join(part.upper().split()))) for part in parts]


def _read(upper: str) -> Criterion | str | None:
    """One criterion or flag code (upper case, single spaces), or ``None``."""
    upper = _WORDS.get(upper.replace("CHANGE OF ", "CHANGE IN "), upper)
    if upper in _FLAGS:
        return upper
    if upper.startswith("REGIONAL VALUE CONTENT"):
        upper = "RVC" + upper[len("REGIONAL VALUE CONTENT") :]
    return _read_token(upper)


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
