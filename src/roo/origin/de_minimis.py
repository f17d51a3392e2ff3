"""AJCEP Art 28 / JIEPA Art 31: de minimis, a small share of materials that need not change classification.

A good that fails a change-in-tariff-classification rule only because of a
few non-originating materials still originates when those materials stay
within a tolerance. Under AJCEP the tolerance depends on the good's chapter:
10 % of the FOB for Chapters 16, 19, 20, 22, 23, 28-49 and 64-97; 10 % or 7 %
of the FOB, as the product-specific rule specifies, for Chapters 18 and 21;
10 % of the good's weight for Chapters 50-63; none for the other chapters
(1-15, 17, 24-27). Under JIEPA only the product-specific rule sets a
tolerance, by value, weight or volume. De minimis helps only a change in
tariff classification, never an RVC rule, and the materials it excuses
still count in the VNM (AJCEP Art 28.2).

roo compares exactly, without rounding: materials worth exactly 10 % of the
FOB are within a 10 % de minimis. For Chapters 18 and 21, when the table does
not say which percentage applies, a share up to 7 % passes, a share above
10 % fails, and a share in between is left undetermined.

Source: AJCEP Agreement, Art 28; JIEPA Art 31.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final, final

import attrs

from ..evaluation import Finding
from ..model.certificate import Scheme
from ..model.phrase import Phrase
from ..params import ParameterNotInForce
from . import specs
from .facts import DMI, Facts, Settled, Verdict, names, percent_of, show
from .psr import DeMinimisBasis

#: How messages name what a de minimis share is taken of.
BASIS_LABELS: Final = {
    DeMinimisBasis.VALUE: "FOB value",
    DeMinimisBasis.WEIGHT: "weight",
    DeMinimisBasis.VOLUME: "volume",
}


@final
@attrs.frozen
class Tolerance:
    """The de minimis a good gets.

    ``basis`` None: no de minimis. ``percent`` None with ``choices`` set:
    one of two percentages applies and the product-specific rule table does
    not say which (AJCEP Art 28.1(b)).
    """

    basis: DeMinimisBasis | None
    percent: Decimal | None = None
    choices: tuple[Decimal, Decimal] | None = None
    chapter: str = ""


def tolerance(facts: Facts) -> Tolerance:
    """The de minimis for the good under its scheme and product-specific rule.

    Raises:
        ParameterNotInForce: a de minimis parameter has no value on the good's date.
    """
    chapter_text = facts.good.hs_digits[:2]
    row = facts.rule.de_minimis if facts.rule is not None else None
    if facts.scheme is Scheme.JIEPA:
        if row is None:
            return Tolerance(None, chapter=chapter_text)
        return Tolerance(row.basis, row.percent, chapter=chapter_text)
    chapter = int(chapter_text)
    read = facts.parameters
    if chapter in read.chapters("ajcep.de_minimis.value_chapters"):
        return Tolerance(DeMinimisBasis.VALUE, read.decimal("ajcep.de_minimis.value_percent"), chapter=chapter_text)
    if chapter in read.chapters("ajcep.de_minimis.annex2_chapters"):
        if row is not None:
            return Tolerance(DeMinimisBasis.VALUE, row.percent, chapter=chapter_text)
        choices = (
            read.decimal("ajcep.de_minimis.annex2_lower_percent"),
            read.decimal("ajcep.de_minimis.annex2_higher_percent"),
        )
        return Tolerance(DeMinimisBasis.VALUE, None, choices, chapter=chapter_text)
    if chapter in read.chapters("ajcep.de_minimis.weight_chapters"):
        return Tolerance(DeMinimisBasis.WEIGHT, read.decimal("ajcep.de_minimis.weight_percent"), chapter=chapter_text)
    return Tolerance(None, chapter=chapter_text)


def judge(
    facts: Facts,
    criterion: str,
    level: str,
    failing: Sequence[Settled],
    unknown: Sequence[Settled],
) -> Verdict:
    """Whether a change-in-tariff-classification requirement is met despite materials that did not change.

    ``failing`` did not change ``level``; for ``unknown`` roo cannot tell.
    """
    scheme = facts.scheme
    try:
        allowed = tolerance(facts)
    except ParameterNotInForce as error:
        return Verdict(
            None,
            findings=(
                specs.PARAMETER_NOT_IN_FORCE(
                    scheme, criterion=criterion, parameter=error.name, on=facts.parameters.shown_on
                ),
            ),
            needed=(Phrase("parameter {parameter}", {"parameter": error.name}),),
        )
    hs_findings, hs_needed = _hs_missing(facts, criterion, level, unknown)
    common = {"criterion": criterion, "level": level}
    if allowed.basis is None:
        if failing:
            return Verdict(
                False,
                findings=(
                    specs.DE_MINIMIS_NOT_AVAILABLE(scheme, materials=names(failing), chapter=allowed.chapter, **common),
                ),
            )
        return Verdict(None, findings=hs_findings, needed=hs_needed)
    basis = allowed.basis
    total = _total(facts, basis)
    if total is None:
        fact = "fob_value" if basis is DeMinimisBasis.VALUE else basis.value
        finding = (
            specs.FOB_MISSING(scheme, criterion=criterion)
            if basis is DeMinimisBasis.VALUE
            else specs.DE_MINIMIS_MEASURE_MISSING(
                scheme, criterion=criterion, basis=BASIS_LABELS[basis], missing="the good"
            )
        )
        return Verdict(None, findings=(finding, *hs_findings), needed=(fact, *hs_needed))
    unit = _unit(facts, basis)
    lower = sum((m for s in failing if (m := _measure(s, basis, unit)) is not None), Decimal(0))
    unknown_sum = sum((m for s in unknown if (m := _measure(s, basis, unit)) is not None), Decimal(0))
    missing = [s for s in (*failing, *unknown) if _measure(s, basis, unit) is None]
    if allowed.percent is not None:
        pass_limit = fail_limit = allowed.percent
    else:
        assert allowed.choices is not None
        pass_limit, fail_limit = allowed.choices
    label = BASIS_LABELS[basis]
    if lower * 100 > fail_limit * total:
        return Verdict(
            False,
            findings=(
                specs.DE_MINIMIS_EXCEEDED(
                    scheme,
                    materials=names(failing),
                    share=percent_of(lower, total),
                    basis=label,
                    limit=show(fail_limit),
                    **common,
                ),
            ),
        )
    worst = lower + unknown_sum
    if not missing and worst * 100 <= pass_limit * total:
        return Verdict(
            True,
            flags=frozenset({DMI}),
            findings=(
                specs.DE_MINIMIS_APPLIED(
                    scheme,
                    materials=names((*failing, *unknown)),
                    share=percent_of(worst, total),
                    basis=label,
                    limit=show(pass_limit),
                    **common,
                ),
            ),
        )
    findings: list[Finding] = list(hs_findings)
    needed: list[str] = list(hs_needed)
    if missing:
        if basis is DeMinimisBasis.VALUE:
            findings.append(specs.MATERIAL_VALUE_MISSING(scheme, criterion=criterion, materials=names(missing)))
            needed.extend(f"{s.path}.value" for s in missing)
        else:
            findings.append(
                specs.DE_MINIMIS_MEASURE_MISSING(scheme, criterion=criterion, basis=label, missing=names(missing))
            )
            needed.extend(f"{s.path}.{basis.value}" for s in missing)
    if allowed.percent is None and allowed.choices is not None and worst * 100 > pass_limit * total:
        findings.append(
            specs.DE_MINIMIS_PERCENT_UNKNOWN(
                scheme,
                materials=names((*failing, *unknown)),
                share=percent_of(worst, total),
                chapter=allowed.chapter,
                lower=show(allowed.choices[0]),
                higher=show(allowed.choices[1]),
                **common,
            )
        )
        needed.append(f"de minimis percentage of the product-specific rule for {facts.good.hs_digits}")
    return Verdict(None, findings=tuple(findings), needed=tuple(dict.fromkeys(needed)))


def _hs_missing(
    facts: Facts, criterion: str, level: str, unknown: Sequence[Settled]
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    if not unknown:
        return (), ()
    finding = specs.MATERIAL_HS_MISSING(facts.scheme, criterion=criterion, level=level, materials=names(unknown))
    return (finding,), tuple(f"{s.path}.hs_code" for s in unknown)


def _total(facts: Facts, basis: DeMinimisBasis) -> Decimal | None:
    if basis is DeMinimisBasis.VALUE:
        return facts.fob_value
    quantity = facts.good.weight if basis is DeMinimisBasis.WEIGHT else facts.good.volume
    if quantity is None or quantity.value <= 0:
        return None
    return quantity.value


def _unit(facts: Facts, basis: DeMinimisBasis) -> str | None:
    quantity = facts.good.weight if basis is DeMinimisBasis.WEIGHT else facts.good.volume
    return quantity.unit if basis is not DeMinimisBasis.VALUE and quantity is not None else None


def _measure(settled: Settled, basis: DeMinimisBasis, unit: str | None) -> Decimal | None:
    if basis is DeMinimisBasis.VALUE:
        return settled.value
    quantity = settled.material.weight if basis is DeMinimisBasis.WEIGHT else settled.material.volume
    if quantity is None or quantity.unit != unit:
        return None
    return quantity.value
