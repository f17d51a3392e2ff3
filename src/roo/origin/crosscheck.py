"""Box 8 of a CO item compared with the origin roo determines from the good's bill of materials.

When customs (or the exporter, before applying) holds the bill of materials
behind a CO item, roo determines the good's origin and compares it with the
criterion box 8 claims. A good the materials show not to originate is an
error on that item (AJCEP Art 24, JIEPA Art 29.1) — unless materials of
unknown origin, had they been originating, would have made it originate:
doubt never denies, so that is only noted. A good that originates,
but under criteria other than the one claimed, is a warning; so is a claim
missing the ``DMI`` or ``ACU`` its criterion depends on (form note 3). A flag
no claimed criterion needs is noted. When the determination cannot be made
for want of facts, that is noted and never denies.

Source: AJCEP Agreement, Arts 24-29, notes to the AJCEP CO form, note 3; JIEPA Arts 29-31 and 41.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from ..evaluation import Finding
from ..locale import N_
from ..model.certificate import Certificate, Item
from ..model.criterion import Criterion, CriterionKind
from ..model.hs import normalize_hs
from . import specs
from .determination import CriterionResult, Determination, determine
from .facts import ACU, DMI, FLAG_ORDER
from .model import Good, nesting_problem
from .psr import PsrTable

#: Why a good does not originate when no criterion applies to it: it is not of a Party (a msgid).
NOT_OF_A_PARTY: Final = N_("it is not of a Party")

_CTC_KINDS = frozenset({"CC", "CTH", "CTSH"})
_PSR_CITATIONS = frozenset({"JIEPA/ART/29(1)(c)", "AJCEP/ART/26(2)"})


def cross_check(
    item: Item,
    good: Good,
    psr: PsrTable | None = None,
    *,
    certificate: Certificate | None = None,
    parameters: Mapping[str, object] | None = None,
) -> tuple[Finding, ...]:
    """Findings on ``item`` from comparing its box 8 with the determination of ``good``.

    ``certificate``, when given, must be the item's CO: its scheme and
    exporting Party are compared with the good's. An unreadable box 8 gives
    no finding here (AJCEP Art 26's box 8 rule reports it).
    """
    scheme = good.scheme
    claimed = item.origin_criterion
    other_certificate = certificate is not None and (
        certificate.scheme is not scheme or certificate.exporting_party != good.exporting_party
    )
    mismatch = normalize_hs(item.hs_code) != good.hs_digits or other_certificate
    if mismatch:
        return (
            specs.BOX8_GOOD_DIFFERS(
                scheme,
                item.number,
                good_hs_code=good.hs_code,
                good_scheme=scheme.value,
                good_party=good.exporting_party,
                item_hs_code=item.hs_code,
                scheme=certificate.scheme.value if certificate else scheme.value,
                party=certificate.exporting_party if certificate else good.exporting_party,
            ),
        )
    if claimed.problem is not None or not claimed.criteria:
        return ()
    too_deep = nesting_problem(good)
    if too_deep is not None:
        # A context's bill of materials too deep to settle is no evidence either way: noted, never a denial.
        needed = (f"{too_deep.path} ({too_deep.message})",)
        return (specs.BOX8_NOT_DETERMINABLE(scheme, item.number, claimed=claimed.text.strip(), needed=needed),)
    determination = determine(good, psr, parameters=parameters)
    if determination.originating is False:
        unknown = tuple(f"materials[{i}].originating" for i, m in enumerate(good.materials) if m.originating is None)
        if unknown:
            # Doubt never denies: when the materials of unknown origin alone could make the good originate,
            # the bill of materials does not show that it does not.
            hopeful = attrs.evolve(
                good,
                materials=tuple(
                    attrs.evolve(m, originating=True) if m.originating is None else m for m in good.materials
                ),
            )
            if determine(hopeful, psr, parameters=parameters).originating is not False:
                return (specs.BOX8_NOT_DETERMINABLE(scheme, item.number, claimed=claimed.text.strip(), needed=unknown),)
    return compare(item, determination)


def compare(item: Item, determination: Determination) -> tuple[Finding, ...]:
    """Findings on ``item`` from comparing its box 8 with an existing determination of its good."""
    scheme = determination.scheme
    claimed = item.origin_criterion
    text = claimed.text.strip()
    if determination.originating is False:
        unmet = tuple(r.title for r in determination.criteria)
        if not unmet:
            return (specs.BOX8_NOT_ORIGINATING(scheme, item.number, claimed=text, reasons=NOT_OF_A_PARTY),)
        # ``reasons`` keeps its English text (its JSON form); the phrase template and the criteria beside it let
        # a translated message word it in the reader's language.
        return (
            specs.BOX8_NOT_ORIGINATING(
                scheme,
                item.number,
                claimed=text,
                reasons="; ".join(f"{title} not met" for title in unmet),
                reasons_template=N_("not met: {unmet_criteria}"),
                unmet_criteria=unmet,
            ),
        )
    if determination.originating is None:
        needed = determination.needed or ("more facts",)
        return (specs.BOX8_NOT_DETERMINABLE(scheme, item.number, claimed=text, needed=needed),)
    met = [r for r in determination.criteria if r.met is True]
    findings: list[Finding] = []
    supporting: list[CriterionResult] = []
    unsupported: list[str] = []
    for criterion in claimed.criteria:
        matches = [r for r in met if _supports(criterion, r)]
        if matches:
            supporting.extend(matches)
        else:
            unsupported.append(str(criterion))
    if unsupported:
        findings.append(
            specs.BOX8_CRITERION_NOT_SUPPORTED(
                scheme,
                item.number,
                unsupported=tuple(unsupported),
                satisfied=determination.satisfied,
                box8=determination.box8,
            )
        )
    if not supporting:
        return tuple(findings)
    best = min(supporting, key=lambda r: len(r.flags))
    required = set(best.flags)
    printed = {flag for flag, present in ((DMI, claimed.de_minimis), (ACU, claimed.accumulation)) if present}
    missing = tuple(f for f in FLAG_ORDER if f in required - printed)
    extra = tuple(f for f in FLAG_ORDER if f in printed and not any(f in r.flags for r in supporting))
    if missing:
        findings.append(specs.BOX8_FLAG_MISSING(scheme, item.number, claimed=text, flags=missing, box8=best.box8))
    if extra:
        findings.append(specs.BOX8_FLAG_UNNEEDED(scheme, item.number, claimed=text, flags=extra))
    return tuple(findings)


def _supports(criterion: Criterion, result: CriterionResult) -> bool:
    """Whether a criterion met in the determination backs a criterion printed in box 8."""
    kind = criterion.kind
    if kind is CriterionKind.CTC:
        return bool(_CTC_KINDS & set(result.kinds))
    if kind is CriterionKind.PSR:
        return result.rule in _PSR_CITATIONS
    if kind is CriterionKind.WO and result.rule.startswith(("AJCEP/ART/25", "JIEPA/ART/29(2)")):
        return True
    return kind.value in result.kinds and (kind is not CriterionKind.WO or result.criterion == "WO")

