"""AJCEP Art 26: origin criterion in box 8 under the general rule.

Box 8 states, for each item, the origin criterion the good meets, in the
notation of form note 3: ``PE``, ``WO``, ``CTH`` or ``RVC`` under the general
rule (Art 26.1), ``CTC``, ``RVC`` or ``SP`` under a product-specific rule
(Art 26.2), with ``DMI`` or ``ACU`` added where de minimis (Art 28) or
accumulation (Art 29) was needed. Text that names no criterion roo can read
(an empty box, unknown words, only ``DMI`` or ``ACU``) leaves the item without
an origin claim, and the item is denied. Quotation marks, brackets and the
criteria written out in words (``"WO"``, ``CTC (CTH)``, ``Wholly Obtained``)
read as their codes; words roo cannot read beside a criterion it can
(``CTH, see note``) leave the criterion claimed and are a ``warning`` for
customs to look at, not a denial.

Under the general rule a good is originating if its regional value content
is not less than 40 per cent, or if it meets a change in tariff heading; the
exporter chooses which. An RVC claim printed with a percentage below that
threshold therefore does not show an originating good. Box 8 does not say
whether an RVC claim rests on the general rule or on a product-specific rule
that may set another percentage, and roo's certificate evaluation has no
table of product-specific rules; roo therefore measures a printed RVC
against the general rule. When the same box also claims another criterion
(``RVC 35%, CTH``) the item's origin does not rest on the RVC alone, so the
low percentage is a warning rather than a denial. The threshold is the dated
parameter ``ajcep.general_rule.rvc_percent``, taken as in force on the CO's
issue date.

When the context carries the caller's AJCEP product-specific rule table
(``product_rules``) and it has exactly one row for the item's subheading,
that rule applies instead of the general rule ("notwithstanding paragraph 1",
Art 26.2), and an RVC rule requires the percentage it specifies (Art 26.3).
If the row offers an RVC route, a printed percentage is measured against the
lowest RVC percentage among its alternatives (the exporter chooses, Art 26.2):
one below it is ``rvc-below-product-specific-rule``, and one at or above it
passes even when it is below the general rule's 40. A row without an RVC
route, or no usable row, leaves the general rule's threshold, as before.
Note 3 prescribes ``RVC`` without a percentage; roo reads one because
exporters print one, and only then measures it. A percentage read beside text
roo does not recognise (``RVC 4O%``, ``RVC 4 5%``: box 8 read only in part,
``origin-criterion-partly-unrecognised``) may be a typing error, which IR 4(a)
disregards, or a figure read short: below the threshold it is a ``warning``
that names the doubt (``rvc-partly-read-below-threshold``), never a denial
on a figure roo read only in part. Unread words that hold nothing a figure is
written with (no digit, point, comma, per cent sign, nor O, I or l typed for a
digit: ``RVC 35% XYZ``) leave the figure read in full, and it still denies.

**Why a low RVC claimed alone is denied without a table** (read again, and
kept). Art 26.1 sets 40 per cent for every good, and Art 26.2 lets a rule of
Annex 2 replace that for the goods it lists. Annex 2 is not in a text roo
reads, so the reading rests on what is known of its rules, not on their
wording: as far as the project knows, its value routes ask for a regional
value content of 40 per cent, the general rule's figure, and none for less. A claim below 40 per cent
resting on the RVC alone therefore meets no rule the Agreement gives, and is
denied (``rvc-below-general-rule``). Leaving it not evaluated would show an
officer an accepted certificate for a claim no rule supports. A caller whose
table gives the good a rule with a lower figure gets that rule applied, as
above, and this reading stays among those a legal reviewer should confirm
against Annex 2.

De minimis lets a good pass a change-in-tariff-classification requirement
despite a small share of non-qualifying materials (Art 28); it does nothing
for a good claimed as wholly obtained, produced entirely from originating
materials, by RVC or by a specific process. ``DMI`` beside such a criterion
is flagged for customs to look at, without denying the item. The readability
and de minimis checks are implemented once for AJCEP and JIEPA in
:mod:`roo.rules.shared.criterion`.

Source: AJCEP Agreement, Articles 26(1)-(3) and 28; notes to the AJCEP CO form, note 3.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Item, Scheme
from ...model.criterion import CriterionKind
from ...model.hs import is_six_digit_subheading
from ...origin.psr import ProductRule, RequirementKind
from ...params import ParameterNotInForce
from ...rule_kit import (
    NOT_APPLICABLE,
    PASSED,
    FindingCase,
    FindingSpec,
    ItemRule,
    Result,
    failed,
    not_evaluated,
    passed,
)
from ..shared import criterion as criterion_checks

RULE: Final = "AJCEP/ART/26"
RVC_THRESHOLD: Final = "ajcep.general_rule.rvc_percent"

#: Criteria that are, or may be, a change in tariff classification: the only ones de minimis can help.
#: JIEPA's ``PSR`` is included because the rule it stands for may be a change in tariff classification.
CHANGE_IN_TARIFF_CLASSIFICATION: Final = frozenset(
    {CriterionKind.CTH, CriterionKind.CTSH, CriterionKind.CC, CriterionKind.CTC, CriterionKind.PSR}
)

ORIGIN_CRITERION_UNREADABLE = FindingSpec(
    "origin-criterion-unreadable",
    "AJCEP/FORM/3",
    Severity.ERROR,
    "Box 8 reads '{origin_criterion}': {problem}; it does not state an origin criterion "
    "(WO, PE, CTH, RVC, CTC or SP).",
)
ORIGIN_CRITERION_PARTLY_UNRECOGNISED = FindingSpec(
    "origin-criterion-partly-unrecognised",
    "AJCEP/FORM/3",
    Severity.WARNING,
    "Box 8 reads '{origin_criterion}': roo reads {criteria} but not {unrecognised}; the criterion stands, and "
    "customs may verify what the rest of the box means.",
)
#: An RVC below the threshold warns, not denies, when box 8 also claims another criterion.
_ALSO_ANOTHER_CRITERION: Final = FindingCase(
    "when box 8 also claims another criterion, on which the item's origin may rest instead", Severity.WARNING
)
RVC_BELOW_GENERAL_RULE = FindingSpec(
    "rvc-below-general-rule",
    RULE,
    Severity.ERROR,
    "Box 8 claims a regional value content of {rvc_percent}%, below the {threshold}% the general rule requires.",
    cases=(_ALSO_ANOTHER_CRITERION,),
)
RVC_BELOW_PRODUCT_SPECIFIC_RULE = FindingSpec(
    "rvc-below-product-specific-rule",
    "AJCEP/ART/26(3)",
    Severity.ERROR,
    "Box 8 claims a regional value content of {rvc_percent}%, below the {threshold}% that the product-specific "
    "rule for {hs_code} ('{rule}', row {row} of the context's table) requires.",
    cases=(_ALSO_ANOTHER_CRITERION,),
)
RVC_PARTLY_READ_BELOW_THRESHOLD = FindingSpec(
    "rvc-partly-read-below-threshold",
    RULE,
    Severity.WARNING,
    "Box 8 reads '{origin_criterion}': roo reads a regional value content of {rvc_percent}%, below the threshold "
    "of {threshold}%, but not {unrecognised} beside it; the figure may be mistyped or only partly read, so it does "
    "not deny, and customs may verify the percentage.",
)
DE_MINIMIS_WITHOUT_CTC = FindingSpec(
    "de-minimis-without-ctc",
    "AJCEP/ART/28",
    Severity.WARNING,
    "Box 8 '{origin_criterion}' adds DMI to {criteria}; de minimis applies only to a change in tariff "
    "classification.",
)


#: What the checks shared with JIEPA (:mod:`roo.rules.shared.criterion`) report under AJCEP.
TERMS: Final = criterion_checks.CriterionTerms(
    unreadable=ORIGIN_CRITERION_UNREADABLE,
    de_minimis_without_effect=DE_MINIMIS_WITHOUT_CTC,
    de_minimis_helps=CHANGE_IN_TARIFF_CLASSIFICATION,
    partly_unreadable=ORIGIN_CRITERION_PARTLY_UNRECOGNISED,
)


def check_criterion_readable(item: Item, co: Certificate, ctx: Context) -> Result:
    """Box 8 states an origin criterion roo can read (form note 3)."""
    return criterion_checks.check_criterion_readable(TERMS, item, co, ctx)


def check_rvc_threshold(item: Item, co: Certificate, ctx: Context) -> Result:
    """A printed RVC percentage reaches the general rule's threshold (Art 26.1)."""
    criterion = item.origin_criterion
    percent = criterion.rvc_percent
    if criterion.problem is not None or percent is None:
        return NOT_APPLICABLE
    # The product-specific rule for the item, when the context's table gives one with an RVC route, replaces
    # the general rule (Art 26.2) and sets the percentage (Art 26.3). Otherwise the general rule's threshold
    # applies: box 8 does not say under which rule the claim is made.
    row = _product_rule(item, co, ctx) if ctx.product_rules is not None else None  # most contexts carry no table
    spec = RVC_BELOW_GENERAL_RULE
    facts: dict[str, object] = {}
    if row is not None:
        threshold = min(r.percent for a in row.alternatives for r in a if r.percent is not None)
        spec = RVC_BELOW_PRODUCT_SPECIFIC_RULE
        facts = {"hs_code": item.hs_code, "rule": row.text, "row": row.row}
    else:
        try:
            threshold = ctx.parameter(RVC_THRESHOLD, co.issue_date)
        except ParameterNotInForce:
            return not_evaluated(f"context.parameters[{RVC_THRESHOLD}]")
    if percent >= threshold:
        return PASSED
    others = tuple(str(c) for c in criterion.criteria if c.kind is not CriterionKind.RVC)
    facts |= {
        "origin_criterion": criterion.text,
        "rvc_percent": percent,
        "threshold": threshold,
        "other_criteria": others,
    }
    if others:
        # The item is also claimed under another criterion, so its origin does not rest on this RVC.
        return passed(spec.with_severity(Severity.WARNING, item.number, **facts))
    if any(map(_may_be_part_of_a_figure, criterion.unrecognised)):
        # Text roo cannot read beside the figure ("RVC 4O%", "RVC 4 5%") may be part of it: a typing error IR 4(a)
        # disregards, or a figure read short. A percentage roo read only in part does not deny. Words that hold
        # nothing a figure is written with ("RVC 35% XYZ") leave the figure read in full: it still denies.
        return passed(RVC_PARTLY_READ_BELOW_THRESHOLD(item.number, unrecognised=criterion.unrecognised, **facts))
    return failed(spec(item.number, **facts))


#: What a percentage is written with, and the letters typed for digits (O for 0, l and I for 1).
_FIGURE_CHARACTERS: Final = frozenset("0123456789.,%OoIl")


def _may_be_part_of_a_figure(text: str) -> bool:
    """Whether unread text beside box 8's percentage could belong to it: a digit, a point or comma, a per cent
    sign, or a letter typed for a digit."""
    return not _FIGURE_CHARACTERS.isdisjoint(text)


def _product_rule(item: Item, co: Certificate, ctx: Context) -> ProductRule | None:
    """The one row of the context's AJCEP product-specific rule table for the item, if it offers an RVC route."""
    table = ctx.product_rules
    if table is None or table.scheme is not Scheme.AJCEP or not is_six_digit_subheading(item.hs_code):
        return None
    rows = table.lookup(item.hs_code)
    if len(rows) != 1:
        return None  # no row (the general rule applies) or an ambiguous table (roo does not guess)
    row = rows[0]
    has_rvc = any(r.kind is RequirementKind.RVC and r.percent is not None for a in row.alternatives for r in a)
    return row if has_rvc else None


def no_rvc_claim(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_rvc_threshold`: ``NOT_APPLICABLE`` when no readable box 8 prints an RVC percentage."""
    for item in co.items:
        criterion = item.origin_criterion
        if criterion.problem is None and criterion.rvc_percent is not None:
            return None
    return NOT_APPLICABLE


def check_de_minimis(item: Item, co: Certificate, ctx: Context) -> Result:
    """``DMI`` accompanies a change-in-tariff-classification criterion (Art 28)."""
    if not item.origin_criterion.de_minimis:
        return NOT_APPLICABLE  # as the shared check says, without its call: most boxes claim no DMI
    return criterion_checks.check_de_minimis(TERMS, item, co, ctx)


RULES: Final = (
    ItemRule(
        "AJCEP/FORM/3",
        "origin criterion readable in box 8",
        check_criterion_readable,
        (ORIGIN_CRITERION_UNREADABLE, ORIGIN_CRITERION_PARTLY_UNRECOGNISED),
        precheck=criterion_checks.every_criterion_read,
    ),
    ItemRule(
        RULE,
        "printed RVC not less than the threshold of the rule for the good",
        check_rvc_threshold,
        (RVC_BELOW_GENERAL_RULE, RVC_BELOW_PRODUCT_SPECIFIC_RULE, RVC_PARTLY_READ_BELOW_THRESHOLD),
        precheck=no_rvc_claim,
    ),
    ItemRule(
        "AJCEP/ART/28",
        "de minimis only with a change in tariff classification",
        check_de_minimis,
        (DE_MINIMIS_WITHOUT_CTC,),
        precheck=criterion_checks.no_de_minimis,
    ),
)
