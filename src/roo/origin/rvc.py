"""AJCEP Art 27 / JIEPA Art 29.4: regional (qualifying) value content, by the build-down formula.

RVC = (FOB − VNM) / FOB × 100, where FOB is the free-on-board value of the
good and VNM the value of the non-originating materials used to produce it.
Under JIEPA the FOB excludes internal excise taxes reduced, exempted or
repaid on exportation (Art 29.4(b)). The VNM counts every non-originating
material, including those de minimis excused (AJCEP Art 28.2), retail
packaging (Art 32.3) and accessories (Art 33.2); it leaves out originating
materials whole, whatever non-originating inputs they contain (roll-up,
AJCEP Art 27.5, JIEPA Art 29.7), indirect materials and packing for
shipment. Materials of unknown origin count as non-originating. Under JIEPA
a non-originating material produced in either Party may count at the value
of the non-originating materials used to make it (Art 30.2).

roo computes with exact decimals. It decides by comparing the unrounded
value content with the threshold — (FOB − VNM) × 100 ≥ threshold × FOB —
so a good at exactly 40 % meets a 40 % rule; ``rvc_percent`` is the same
value rounded half-up to two decimals, for display. The general rule's RVC
route also needs the final process of production in the Party (Art 26.1(a)).

Source: AJCEP Agreement, Arts 26.1(a), 26.3, 27, 28.2, 32.3, 33.2; JIEPA Arts 29.4-29.7, 30.2.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from ..locale import N_
from ..model.money import Money
from . import specs
from .facts import ACU, Facts, Settled, Verdict, all_of, names, percent_of, show
from .model import MaterialRole

#: Roles whose non-originating value counts in the VNM.
COUNTED = frozenset({MaterialRole.INPUT, MaterialRole.RETAIL_PACKAGING, MaterialRole.ACCESSORY})


def vnm(facts: Facts, accumulate: bool = True) -> tuple[Decimal, tuple[Settled, ...]]:
    """The VNM of the materials whose values are known, and the non-originating materials without a usable value."""
    total = Decimal(0)
    missing: list[Settled] = []
    for settled in facts.materials:
        if settled.role not in COUNTED or settled.counts_as_originating(accumulate):
            continue
        value = settled.vnm_value(accumulate)
        if value is None:
            missing.append(settled)
        else:
            total += value
    return total, tuple(missing)


def value_content(facts: Facts) -> Decimal | None:
    """The good's RVC in per cent, rounded half-up to two decimals; None when the FOB or a value is unknown."""
    if facts.fob is None:
        return None
    total, missing = vnm(facts)
    if missing:
        return None
    return percent_of(facts.fob - total, facts.fob)


def meets(fob: Decimal, vnm_total: Decimal, threshold: Decimal) -> bool:
    """Whether (FOB − VNM) / FOB × 100 ≥ ``threshold``, compared exactly.

    >>> meets(Decimal("100"), Decimal("60"), Decimal("40"))
    True
    >>> meets(Decimal("100"), Decimal("60.01"), Decimal("40"))
    False
    """
    return (fob - vnm_total) * 100 >= threshold * fob


def evaluate(facts: Facts, threshold: Decimal, criterion: str, general: bool = False) -> Verdict:
    """Whether the good's value content reaches ``threshold`` (and, under the general rule, the final process)."""
    verdict = _with_accumulation(facts, threshold, criterion)
    if not general:
        return verdict
    return all_of((_final_process(facts, criterion), verdict))


def _with_accumulation(facts: Facts, threshold: Decimal, criterion: str) -> Verdict:
    first = _evaluate(facts, threshold, criterion, accumulate=True)
    accumulated = facts.has_accumulated or any(s.limited_value is not None for s in facts.materials)
    if first.met is not True or not accumulated:
        return first
    second = _evaluate(facts, threshold, criterion, accumulate=False)
    if second.met is True:
        return second
    return attrs.evolve(first, flags=first.flags | {ACU})


def _evaluate(facts: Facts, threshold: Decimal, criterion: str, accumulate: bool) -> Verdict:
    scheme, fob = facts.scheme, facts.fob
    if fob is None:
        return Verdict(None, findings=(specs.FOB_MISSING(scheme, criterion=criterion),), needed=("fob_value",))
    total, missing = vnm(facts, accumulate)
    if not meets(fob, total, threshold):
        share = percent_of(fob - total, fob)
        fob_value, vnm_value = amount(fob, facts.currency), amount(total, facts.currency)
        # With a material's value missing the figures are bounds: the fact keeps its English words (its JSON
        # form), and a phrase template with the typed bound beside it lets each language word it.
        bounds = (
            {
                "rvc_percent": f"at most {share}",
                "rvc_percent_template": N_("at most {rvc_percent_bound}"),
                "rvc_percent_bound": share,
                "vnm": f"at least {vnm_value}",
                "vnm_template": N_("at least {vnm_bound}"),
                "vnm_bound": vnm_value,
            }
            if missing
            else {"rvc_percent": share, "vnm": vnm_value}
        )
        return Verdict(
            False,
            findings=(
                specs.RVC_BELOW_THRESHOLD(
                    scheme, criterion=criterion, fob=fob_value, threshold=show(threshold), **bounds
                ),
            ),
        )
    if missing:
        return Verdict(
            None,
            findings=(specs.MATERIAL_VALUE_MISSING(scheme, criterion=criterion, materials=names(missing)),),
            needed=tuple(f"{s.path}.value" for s in missing),
        )
    return Verdict(True)


def _final_process(facts: Facts, criterion: str) -> Verdict:
    done = facts.good.final_process_in_party
    if done is True:
        return Verdict(True)
    if done is False:
        elsewhere = specs.FINAL_PROCESS_ELSEWHERE(facts.scheme, criterion=criterion, party=facts.party)
        return Verdict(False, findings=(elsewhere,))
    return Verdict(
        None,
        findings=(specs.FINAL_PROCESS_UNKNOWN(facts.scheme, criterion=criterion, party=facts.party),),
        needed=("final_process_in_party",),
    )


def amount(value: Decimal, currency: str | None) -> Money | Decimal:
    """``value`` as a fact: an amount of money in ``currency``, or the bare number when the currency is not known.

    Either prints as the message has always shown it (``4000 USD``, ``4000``); typed, every locale formats it.
    """
    return Money(value, currency) if currency else value
