"""JIEPA Art 29: HS edition of the product-specific rules — HS2002 until 2024-02-04, HS2017 from 2024-02-05.

A good made with non-originating materials qualifies by meeting its
product-specific rule in Annex 2 (Art 29(1)(c)). Annex 2 was written in
HS2002; from 5 February 2024 it is in HS2017, for both Parties at once, and
the Operational Procedures were revised the same day. The transition, as
Japan Customs states it: a CO issued before 5 February 2024 under the HS2002
rules stays valid for import within its validity; a CO issued retroactively
after that date for goods exported before it uses the HS2017 rules.

roo reads the edition from the dated parameter ``jiepa.psr.hs_version`` and
checks each item's edition (``hs_version``) against it on the CO's issue
date, as it does for AJCEP IR 17 (the check is shared,
:mod:`roo.rules.shared.hs_edition`):

* a CO issued up to 4 February 2024 may be in HS2002; presented from
  5 February 2024 it is accepted and noted (``info``) — its validity is the
  validity rule's concern;
* a CO issued from 5 February 2024 with an item in an edition older than
  HS2017 is an error on that item; when it was issued retroactively for goods
  shipped before 5 February 2024, the finding says so;
* except for an item whose box 8 claims a wholly obtained good (``WO``,
  Art 29(1)(a)) or one produced exclusively from originating materials
  (``PE``, Art 29(1)(b)): only Art 29(1)(c) applies the product-specific
  rules of Annex 2, so their edition cannot decide that good's origin. Such
  an item gets a warning naming the older code (customs may ask for the
  HS2017 one), never a denial; a box that names a rule beside ``WO`` or
  ``PE`` counts too, since the good may originate on the criterion that
  uses none;
* an item without ``hs_version`` is taken to be in the edition in force,
  and codes in a newer edition than the rules' are not restrained.

**Why errors here, while AJCEP IR 17 only warns.** Every paragraph of AJCEP
IR 17 is worded "should", and it moves Annex 2 Party by Party, with
transitional acceptance of the pre-amended edition spelled out; roo reads
those as warnings (:mod:`roo.rules.ajcep.ir17_hs_transition`). JIEPA has no
such transitional text: Annex 2 moved to HS2017 for both Parties on one date,
and from that date the product-specific rules Art 29(1)(c) applies are the
HS2017 ones. Japan Customs, the importing customs for goods from Indonesia,
states which COs stay acceptable in HS2002 (those issued before the date) and
that retroactive COs issued after it use HS2017; a CO issued after the date
in HS2002 is outside what it accepts. roo keeps these errors for goods whose
origin rests on Annex 2. Doubts left for a legal reviewer: that notice is
known to roo only as summarised in the project's research notes, not in its
own words; if its wording is advisory rather than a condition of acceptance,
these findings should warn as under AJCEP. And the notice is Japan Customs':
for goods imported into Indonesia roo applies the same reading without an
Indonesian text that states it.

Source: JIEPA Agreement Art 29(1)(a)-(c), Annex 2; Japan Customs' notice on the JIEPA product-specific rules in
HS2017 from 5 February 2024.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Item
from ...rule_kit import FindingSpec, ItemRule, Result
from ..shared import hs_edition

RULE: Final = "JIEPA/ART/29(1)"

#: The dated parameter holding the edition of Annex 2 (the same for both Parties).
HS_VERSION: Final = "jiepa.psr.hs_version"

EDITION_SUPERSEDED = FindingSpec(
    "jiepa-hs-edition-superseded",
    RULE,
    Severity.ERROR,
    "HS code '{hs_code}' is in {hs_version}, but the CO was issued on {issue_date}, when the product-specific "
    "rules were in {importing_edition}; a CO issued then uses {importing_edition}.",
)
RETROACTIVE_NOT_AMENDED = FindingSpec(
    "jiepa-hs-edition-retroactive-not-amended",
    RULE,
    Severity.ERROR,
    "HS code '{hs_code}' is in {hs_version}; the goods were shipped on {departure_date}, before the "
    "product-specific rules moved to {exporting_edition}, and a CO issued retroactively after that ({issue_date}) "
    "uses {exporting_edition}.",
)
EDITION_SUPERSEDED_WITHOUT_RULES = FindingSpec(
    "jiepa-hs-edition-superseded-without-psr",
    RULE,
    Severity.WARNING,
    "HS code '{hs_code}' is in {hs_version}, but the CO was issued on {issue_date}, when the product-specific "
    "rules were in {importing_edition}; the item claims '{origin_criterion}', an origin that rests on no "
    "product-specific rule (Art 29(1)(a) or (b)), so the edition does not decide it: customs may ask for the "
    "{importing_edition} code.",
)
RETROACTIVE_NOT_AMENDED_WITHOUT_RULES = FindingSpec(
    "jiepa-hs-edition-retroactive-not-amended-without-psr",
    RULE,
    Severity.WARNING,
    "HS code '{hs_code}' is in {hs_version}; the goods were shipped on {departure_date}, before the "
    "product-specific rules moved to {exporting_edition}, and a CO issued retroactively after that ({issue_date}) "
    "uses {exporting_edition}; the item claims '{origin_criterion}', an origin that rests on no product-specific "
    "rule (Art 29(1)(a) or (b)), so the edition does not decide it: customs may ask for the {exporting_edition} "
    "code.",
)
ACCEPTED_TRANSITIONAL = FindingSpec(
    "jiepa-hs-edition-accepted-transitional",
    RULE,
    Severity.INFO,
    "HS code '{hs_code}' is in {hs_version}, while the product-specific rules are in {importing_edition_on_import} "
    "on the import date {on}; it is accepted because the CO was issued on {issue_date}, before the rules moved to "
    "that edition, and such a CO stays valid within its validity.",
)

#: What the edition check shared with AJCEP (:mod:`roo.rules.shared.hs_edition`) reads and reports under JIEPA.
TERMS: Final = hs_edition.HsEditionTerms(
    parameter=HS_VERSION,
    superseded=EDITION_SUPERSEDED,
    retroactive_not_amended=RETROACTIVE_NOT_AMENDED,
    accepted_transitional=ACCEPTED_TRANSITIONAL,
    superseded_without_rules=EDITION_SUPERSEDED_WITHOUT_RULES,
    retroactive_not_amended_without_rules=RETROACTIVE_NOT_AMENDED_WITHOUT_RULES,
)


def check_psr_edition(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's HS edition is the one the product-specific rules were in on the CO's issue date, or newer."""
    return hs_edition.check_hs_edition(TERMS, item, co, ctx)


def precheck_psr_edition(co: Certificate, ctx: Context) -> Result | None:
    """The result :func:`check_psr_edition` gives every item, when it is the same for all without findings."""
    return hs_edition.same_for_every_item(TERMS, co, ctx)


RULES: Final = (
    ItemRule(
        RULE,
        "HS edition of the product-specific rules on the issue date",
        check_psr_edition,
        (
            EDITION_SUPERSEDED,
            RETROACTIVE_NOT_AMENDED,
            ACCEPTED_TRANSITIONAL,
            EDITION_SUPERSEDED_WITHOUT_RULES,
            RETROACTIVE_NOT_AMENDED_WITHOUT_RULES,
        ),
        precheck=precheck_psr_edition,
    ),
)
