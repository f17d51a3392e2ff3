"""ID MoTR 16/2024 Arts 3-8: the origin criteria of non-preferential origin.

A good originates in one country either because it is wholly obtained or
produced there — minerals; agricultural and forestry goods; live animals;
goods from live animals; hunting, fishing and capture fisheries; goods
processed on board, or produced on board from raw materials, on the exporting
country's flagged ship; goods taken from the seabed or its subsoil outside its
territory; waste and scrap from operations or consumption; and goods produced
there entirely from its own raw materials — or because every non-originating
material changes chapter (the first two HS digits, CC).

So box 8 should claim ``WO`` (``PE``, production entirely from the country's
own materials, is the last wholly-obtained category) or ``CC``. What the text
says happens when it does not: if the COO "is insufficient to prove the
fulfilment of rules of origin", customs "may conduct a field/site visit
verification" (Art 10). A COO is evidence of origin, not origin itself. A
change of heading or subheading, a value-content or a specific-process
criterion, ``CTC`` (which does not say which change was made), accumulation
(``ACU``, which has no place in single-country origin) and de minimis
(``DMI``, not provided for) each leave the COO short of proving the
Regulation's criteria. That is a warning that customs may verify, not a
denial: the goods may well meet the criteria.

Art 9(f) asks that the COO contain the origin criteria, and a box 8 with
text in it does: words roo cannot read as a criterion ("100% Vietnam
origin", "Made in Vietnam", a flag alone such as ``ACU``) are the COO's own
statement, which customs may weigh and verify in the field (Art 10). roo
does not deny on its own failure to read them: a warning. Only an empty box
lacks the element, and that is Art 9(f)'s error (``motr-item-data-element-missing``);
this rule then says nothing more (not evaluated, naming the box). Words roo
cannot read beside a criterion it can are likewise a warning.

Source: MoT Regulation 16/2024, Arts 3-8, Art 9(f), Art 10 (see ``citations.py`` on which article roo cites).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Finding, Severity
from ...model.certificate import Certificate, Item
from ...model.criterion import CriterionKind
from ...rule_kit import PASSED, FindingSpec, ItemRule, Result, judged, not_evaluated
from ..shared.criterion import partly_unreadable
from ..shared.form import blank
from .citations import CRITERIA

RECOGNISED: Final = frozenset({CriterionKind.WO, CriterionKind.PE, CriterionKind.CC})
UNSPECIFIED_CHANGE: Final = frozenset({CriterionKind.CTC})

UNREADABLE = FindingSpec(
    "motr-origin-criterion-unreadable",
    CRITERIA,
    Severity.WARNING,
    "Box 8 '{text}' cannot be read as an origin criterion ({problem}); the COO does not prove the Regulation's "
    "criteria by itself, and customs may verify origin in the field.",
)
NOT_RECOGNISED = FindingSpec(
    "motr-origin-criterion-not-recognised",
    CRITERIA,
    Severity.WARNING,
    "Origin criterion '{text}' is not one the Regulation provides: the good must be wholly obtained (WO) or every "
    "non-originating material must change chapter (CC); the COO does not prove that by itself, and customs may "
    "verify origin in the field.",
)
CHANGE_NOT_SPECIFIED = FindingSpec(
    "motr-change-not-specified",
    CRITERIA,
    Severity.WARNING,
    "Origin criterion '{text}' does not say that the change of classification is a change of chapter (CC); "
    "customs may verify it.",
)
ACCUMULATION_NOT_RECOGNISED = FindingSpec(
    "motr-accumulation-not-recognised",
    CRITERIA,
    Severity.WARNING,
    "Accumulation (ACU) is claimed, but non-preferential origin is conferred by one country alone; the COO does "
    "not prove origin by itself, and customs may verify it in the field.",
)
PARTLY_UNRECOGNISED = FindingSpec(
    "motr-origin-criterion-partly-unrecognised",
    CRITERIA,
    Severity.WARNING,
    # The same words as the agreements' finding (one translation), written here: MoTR rules stand on their own.
    "Box 8 reads '{origin_criterion}': roo reads {criteria} but not {unrecognised}; the criterion stands, and "
    "customs may verify what the rest of the box means.",
)
DE_MINIMIS_NOT_PROVIDED = FindingSpec(
    "motr-de-minimis-not-provided",
    CRITERIA,
    Severity.WARNING,
    "De minimis (DMI) is claimed, but the regulation provides no de minimis tolerance; customs may verify the "
    "change of chapter of every non-originating material.",
)


def check_origin_criterion(item: Item, co: Certificate, ctx: Context) -> Result:
    """Box 8 claims WO (or PE) or CC, without accumulation."""
    criterion = item.origin_criterion
    if blank(criterion.text):
        return not_evaluated("certificate.items.origin_criterion")  # the empty box is Art 9(f)'s error
    findings: list[Finding] = []
    kinds = criterion.kinds
    if criterion.problem is not None:
        findings.append(UNREADABLE(item.number, text=criterion.text, problem=criterion.problem))
    elif not kinds & RECOGNISED:
        if kinds <= UNSPECIFIED_CHANGE:
            findings.append(CHANGE_NOT_SPECIFIED(item.number, text=criterion.text))
        else:
            findings.append(NOT_RECOGNISED(item.number, text=criterion.text))
    if criterion.accumulation:
        findings.append(ACCUMULATION_NOT_RECOGNISED(item.number, text=criterion.text))
    if criterion.de_minimis:
        findings.append(DE_MINIMIS_NOT_PROVIDED(item.number, text=criterion.text))
    rest = partly_unreadable(PARTLY_UNRECOGNISED, item)
    if rest is not None:
        findings.append(rest)
    return judged(*findings)


def every_criterion_recognised(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_origin_criterion`: ``PASSED`` when every box claims WO, PE or CC, and nothing else."""
    for item in co.items:
        criterion = item.origin_criterion
        if (
            criterion.problem is not None
            or criterion.accumulation
            or criterion.de_minimis
            or criterion.unrecognised
            or not criterion.kinds & RECOGNISED
        ):
            return None
    return PASSED


RULES: Final = (
    ItemRule(
        CRITERIA,
        "origin criterion: wholly obtained or change of chapter",
        check_origin_criterion,
        (
            UNREADABLE,
            NOT_RECOGNISED,
            CHANGE_NOT_SPECIFIED,
            ACCUMULATION_NOT_RECOGNISED,
            DE_MINIMIS_NOT_PROVIDED,
            PARTLY_UNRECOGNISED,
        ),
        precheck=every_criterion_recognised,
    ),
)
