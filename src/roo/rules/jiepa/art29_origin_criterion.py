"""JIEPA Arts 29-31: the origin criterion on the CO — readable; de minimis only under a rule; bilateral accumulation.

A good originates in a Party when it is wholly obtained or produced entirely
there (``WO``, Art 29(1)(a)), produced there exclusively from originating
materials (``PE``, Art 29(1)(b)), or meets its product-specific rule in Annex
2 (Art 29(1)(c)): the CO states ``PSR``, or the form of the rule met — a
change in tariff classification (``CTC``, ``CC``, ``CTH``, ``CTSH``), a
qualifying value content (``QVC 40%``, read as ``RVC``) or a specific process
(``SP``). JIEPA has no general rule, so every percentage comes from the rule
for the good. roo checks, per item:

* **readable**: text that names no criterion roo can read leaves the item
  without an origin claim, and the item is denied (the check is shared with
  AJCEP, :mod:`roo.rules.shared.criterion`); words roo cannot read beside a
  criterion it can are a warning, not a denial. A printed QVC percentage is not
  measured against any threshold: only the good's rule in Annex 2 sets one,
  and the certificate evaluation does not carry Annex 2.
* **de minimis** (Art 31): non-originating materials that do not satisfy the
  rule are disregarded only within percentages *set out in the product-specific
  rule for the good*. ``DMI`` beside ``WO``, ``PE`` or a value content alone
  can have no effect and is flagged for customs to look at (a warning);
  beside a rule that may set a percentage (``PSR``, a change in tariff
  classification, ``SP``) it passes — whether that good's rule sets one needs
  Annex 2, which roo does not have here.
* **accumulation** (Art 30(1)): only originating goods of the *other* Party
  count as originating materials; there is no diagonal accumulation with third
  countries. For an item claiming ``ACU``, the context's
  ``accumulation_documents`` for the item show where the materials' COs come
  from; a material CO from a country that is neither Japan nor Indonesia
  does not make its material originating, which is a warning (the good may
  still qualify without it; customs may verify). Without documents for the
  item the check is not evaluated.

How the CO writes the criterion is set by the format the Parties adopted in
the Operational Procedures for Rules of Origin (Art 41(4), Art 50), which roo
has not read: the codes above (``WO``, ``PE``, ``PSR`` and the forms of a
rule) are what roo reads and writes, **unverified** against that format. A
code roo does not know is therefore never read as a criterion, but words it
cannot read beside one it can only warn.

Source: JIEPA Agreement Arts 29(1), 30(1), 31 and 41(4).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Item
from ...model.criterion import CriterionKind
from ...rule_kit import NOT_APPLICABLE, PASSED, FindingSpec, ItemRule, Result, judged, not_evaluated
from ..shared import criterion as criterion_checks

RULE: Final = "JIEPA/ART/29(1)"
RULE_DE_MINIMIS: Final = "JIEPA/ART/31"
RULE_ACCUMULATION: Final = "JIEPA/ART/30(1)"

#: The Parties to JIEPA, as ISO 3166-1 alpha-2 codes.
JIEPA_PARTIES: Final = frozenset({"JP", "ID"})

#: Criteria under which a product-specific rule may set a de minimis percentage (Art 31).
DE_MINIMIS_HELPS: Final = frozenset(
    {
        CriterionKind.PSR,
        CriterionKind.CTC,
        CriterionKind.CC,
        CriterionKind.CTH,
        CriterionKind.CTSH,
        CriterionKind.SP,
    }
)

ORIGIN_CRITERION_UNREADABLE = FindingSpec(
    "jiepa-origin-criterion-unreadable",
    RULE,
    Severity.ERROR,
    "The origin criterion reads '{origin_criterion}': {problem}; it does not state an origin criterion "
    "(WO, PE, or the product-specific rule met: PSR, CTC, CC, CTH, CTSH, QVC or SP).",
)
ORIGIN_CRITERION_PARTLY_UNRECOGNISED = FindingSpec(
    "jiepa-origin-criterion-partly-unrecognised",
    RULE,
    Severity.WARNING,
    "The origin criterion reads '{origin_criterion}': roo reads {criteria} but not {unrecognised}; the criterion "
    "stands, and customs may verify what the rest means.",
)
DE_MINIMIS_WITHOUT_RULE = FindingSpec(
    "jiepa-de-minimis-without-rule",
    RULE_DE_MINIMIS,
    Severity.WARNING,
    "The origin criterion '{origin_criterion}' adds DMI to {criteria}; under JIEPA de minimis applies only "
    "within a percentage set by the good's product-specific rule for a change in tariff classification or a "
    "specific process.",
)
ACCUMULATION_NOT_BILATERAL = FindingSpec(
    "jiepa-accumulation-not-bilateral",
    RULE_ACCUMULATION,
    Severity.WARNING,
    "The origin criterion '{origin_criterion}' claims accumulation (ACU), but COs for the materials come from "
    "{countries}; JIEPA accumulates only originating goods of the other Party ({other_party}), so those materials "
    "count as non-originating; customs may verify that the good still qualifies.",
)

#: What the checks shared with AJCEP (:mod:`roo.rules.shared.criterion`) report under JIEPA.
TERMS: Final = criterion_checks.CriterionTerms(
    unreadable=ORIGIN_CRITERION_UNREADABLE,
    de_minimis_without_effect=DE_MINIMIS_WITHOUT_RULE,
    de_minimis_helps=DE_MINIMIS_HELPS,
    partly_unreadable=ORIGIN_CRITERION_PARTLY_UNRECOGNISED,
)


def check_criterion_readable(item: Item, co: Certificate, ctx: Context) -> Result:
    """The CO states an origin criterion roo can read (Art 29(1))."""
    return criterion_checks.check_criterion_readable(TERMS, item, co, ctx)


def check_de_minimis(item: Item, co: Certificate, ctx: Context) -> Result:
    """``DMI`` accompanies a criterion under which the product-specific rule may set a percentage (Art 31)."""
    if not item.origin_criterion.de_minimis:
        return NOT_APPLICABLE  # as the shared check says, without its call: most boxes claim no DMI
    return criterion_checks.check_de_minimis(TERMS, item, co, ctx)


def check_accumulation(item: Item, co: Certificate, ctx: Context) -> Result:
    """Materials accumulated under ``ACU`` originate in a Party to JIEPA (Art 30(1))."""
    criterion = item.origin_criterion
    if criterion.problem is not None or not criterion.accumulation:
        return NOT_APPLICABLE
    documents = [doc for doc in ctx.accumulation_documents if doc.certificate_item == item.number]
    if not documents:
        return not_evaluated("context.accumulation_documents")
    parties = [(doc.exporting_party or "").strip().upper() for doc in documents]
    parties = [party for party in parties if party]
    if not parties:
        return not_evaluated("context.accumulation_documents.exporting_party")
    outside = tuple(dict.fromkeys(party for party in parties if party not in JIEPA_PARTIES))
    if not outside:
        return PASSED
    other = co.importing_party if co.importing_party in JIEPA_PARTIES else "-"
    return judged(
        ACCUMULATION_NOT_BILATERAL(item.number, origin_criterion=criterion.text, countries=outside, other_party=other)
    )


def no_accumulation(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_accumulation`: ``NOT_APPLICABLE`` when no readable box claims ``ACU``."""
    for item in co.items:
        criterion = item.origin_criterion
        if criterion.accumulation and criterion.problem is None:
            return None
    return NOT_APPLICABLE


RULES: Final = (
    ItemRule(
        RULE,
        "origin criterion readable",
        check_criterion_readable,
        (ORIGIN_CRITERION_UNREADABLE, ORIGIN_CRITERION_PARTLY_UNRECOGNISED),
        precheck=criterion_checks.every_criterion_read,
    ),
    ItemRule(
        RULE_DE_MINIMIS,
        "de minimis only within a product-specific rule",
        check_de_minimis,
        (DE_MINIMIS_WITHOUT_RULE,),
        precheck=criterion_checks.no_de_minimis,
    ),
    ItemRule(
        RULE_ACCUMULATION,
        "accumulation only of the other Party's originating materials",
        check_accumulation,
        (ACCUMULATION_NOT_BILATERAL,),
        needs=("context.accumulation_documents",),
        precheck=no_accumulation,
    ),
)
