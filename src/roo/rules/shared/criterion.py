"""The origin criterion the CO states for each item: readable, and de minimis only where it can help.

The CO states, for each item, the origin criterion the good meets. Text that
names no criterion roo can read (empty, unknown words, only a flag such as
``DMI`` or ``ACU``) leaves the item without an origin claim, and the item is
denied. Text that names a criterion roo reads beside words it cannot read
(``CTH, see note``) still states a criterion: the rest is reported as a
warning for customs to look at (the terms' ``partly_unreadable``), never a
denial.

De minimis lets a good meet a rule despite a small share of non-originating
materials that do not meet it; it does nothing for a good claimed as wholly
obtained or produced entirely from originating materials. ``DMI`` beside
criteria none of which de minimis can help is flagged for customs to look at,
without denying the item. Which criteria de minimis can help is the scheme's
(its terms' ``de_minimis_helps``).
"""

from __future__ import annotations

from typing import final

import attrs

from ...context import Context
from ...evaluation import Finding
from ...model.certificate import Certificate, Item
from ...model.criterion import CriterionKind
from ...rule_kit import NOT_APPLICABLE, PASSED, FindingSpec, Result, judged


@final
@attrs.frozen
class CriterionTerms:
    """A scheme's findings for an unreadable criterion and a needless ``DMI``, and the criteria de minimis helps."""

    unreadable: FindingSpec
    de_minimis_without_effect: FindingSpec
    de_minimis_helps: frozenset[CriterionKind]
    partly_unreadable: FindingSpec | None = None


def partly_unreadable(spec: FindingSpec, item: Item) -> Finding | None:
    """The finding ``spec`` for parts of box 8 roo could not read beside a criterion it could, if there are any."""
    criterion = item.origin_criterion
    if criterion.problem is not None or not criterion.unrecognised:
        return None
    return spec(
        item.number,
        origin_criterion=criterion.text,
        criteria=tuple(str(c) for c in criterion.criteria),
        unrecognised=criterion.unrecognised,
    )


def check_criterion_readable(terms: CriterionTerms, item: Item, co: Certificate, ctx: Context) -> Result:
    """The CO states an origin criterion roo can read."""
    criterion = item.origin_criterion
    if criterion.problem is None:
        if terms.partly_unreadable is not None and criterion.unrecognised:
            rest = partly_unreadable(terms.partly_unreadable, item)
            if rest is not None:
                return judged(rest)
        return PASSED
    return judged(terms.unreadable(item.number, origin_criterion=criterion.text, problem=criterion.problem))


def every_criterion_read(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_criterion_readable`: ``PASSED`` when roo reads every item's box in full."""
    for item in co.items:
        criterion = item.origin_criterion
        if criterion.problem is not None or criterion.unrecognised:
            return None
    return PASSED


def check_de_minimis(terms: CriterionTerms, item: Item, co: Certificate, ctx: Context) -> Result:
    """``DMI`` accompanies a criterion de minimis can help."""
    criterion = item.origin_criterion
    if criterion.problem is not None or not criterion.de_minimis:
        return NOT_APPLICABLE
    if criterion.kinds & terms.de_minimis_helps:
        return PASSED
    claimed = tuple(str(c) for c in criterion.criteria)
    return judged(terms.de_minimis_without_effect(item.number, origin_criterion=criterion.text, criteria=claimed))


def no_de_minimis(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_de_minimis`: ``NOT_APPLICABLE`` when no readable box claims ``DMI``."""
    for item in co.items:
        criterion = item.origin_criterion
        if criterion.de_minimis and criterion.problem is None:
            return None
    return NOT_APPLICABLE
