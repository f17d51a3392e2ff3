"""AJCEP IR 17: which HS edition a CO's codes may be in while Annex 2 moves to an amended edition.

Annex 2 (the product-specific rules) was drawn up in HS2002 and is amended to
later editions Party by Party. IR 17 says which edition a CO may use while the
amendment is in force for some Parties only:

(a) in trade where the amendment is not in force for one or both of the
    Parties, a CO on the pre-amended edition is accepted;
(b) a CO on the pre-amended edition issued before the amendment entered into
    force for the importing Party is accepted there after it has;
(c) for goods exported before the amendment entered into force for the
    exporting Party, a CO issued retroactively after that date should be on
    the amended edition;
(d) the Party issuing a back-to-back CO may convert the original CO's codes
    according to the amendment's status for itself or the other Party.

How roo applies it, per item, by the CO's issue date: the edition of Annex 2
in force for each Party on a date is the dated parameter
``ajcep.annex2.hs_version.<PARTY>`` (ISO 3166 code). An item's edition
(``hs_version``) no older than the older of the two Parties' editions on the
issue date is accepted (a); with the amendment in force for both Parties, an
older edition is a ``warning`` on that item, cited to (c) when the CO was
issued retroactively for goods shipped before the amendment entered into
force for the exporting Party and to (a) otherwise. When the importing Party's edition
has moved on between issuance and import, an accepted older edition is noted
(``info``, (b)). A retroactive CO on the older edition that (a) still accepts
because the importing Party has not amended is a ``warning`` under (c): the
two paragraphs pull apart there, and doubt never denies. A back-to-back CO
may also be in the edition in force for the original CO's exporting Party,
or keep the original's edition (d); another edition is a ``warning``. Where the original is among the
context's related certificates in another edition, the item's code must be
one the original item's code converts to: with an HS correlation table in
the context (``hs_correlation``, e.g. ``roo evaluate --hs-table``) roo
converts the original's six-digit subheading to the item's edition and
warns when the item's code is not among the correlates (customs may verify;
a table can be incomplete, so this never denies), notes when it is one of
several (the description of the goods settles which), and notes when the
table cannot convert the code. Without a table it notes that the conversion
was not checked; roo does not guess.

A CO based on an original CO is back-to-back whatever its box 13 says
(:mod:`roo.rules.shared.back_to_back`), so (d) applies to it ticked or not.

**Why these are warnings, not denials.** Every paragraph of IR 17 is
worded "should": (a) and (b) say when a CO on the pre-amended edition
should be accepted, (c) that a retroactive CO should be based on the amended
edition, (d) that the issuing Party may convert the codes. No sentence says
that a CO outside those cases is invalid, or that its goods lose their
preference: the edition of the codes is a matter of form, and whether the
good meets the product-specific rule in force is a question of origin that
customs may verify (OCP Rules 6 to 8). Where no sentence decides, the
reviewer's method prefers a warning that names the doubt; roo denies
nothing under IR 17 on its own.

**Unconfirmed editions.** The dates on which Annex 2 moved to a
later edition for each Party are not in the texts roo could read (see
``ajcep_hs.toml``): the packaged values are marked unverified. An error of
this rule that rests on an edition not confirmed in the data (a packaged
value marked ``verified = false``; an edition the caller states in the
context counts as confirmed) is reported with a ``-unverified`` code that
says so as well, with the same facts.

An item without ``hs_version`` is taken to be in the edition in force for
the importing Party on the issue date, so it always passes. IR 17 only
restrains older editions: codes in a newer edition than Annex 2 (common
where a Party's tariff has moved on) are outside it. Without the parameter
for a Party on the issue date, the rule is not evaluated. The check is
implemented once for AJCEP and JIEPA (whose product-specific rules moved from
HS2002 to HS2017) in :mod:`roo.rules.shared.hs_edition`.

Source: AJCEP Implementing Regulations, Rule 17; OCP Rule 3(4)(a) (back-to-back COs).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Item
from ...model.hs import HsVersion
from ...rule_kit import FindingSpec, ItemRule, Result
from ..shared import hs_edition

RULE: Final = "AJCEP/IR/17"

#: The dated parameter holding the edition of Annex 2 in force for a Party: ``.format(party="JP")``.
HS_VERSION: Final = "ajcep.annex2.hs_version.{party}"

_AT_ISSUE = (
    "on the issue date {issue_date} Annex 2 was in {exporting_edition} for the exporting Party ({exporting_party}) "
    "and in {importing_edition} for the importing Party ({importing_party})"
)

_SUPERSEDED = (
    "HS code '{hs_code}' is in {hs_version}, but " + _AT_ISSUE + "; IR 17(a) provides for a CO on an older "
    "edition while the amended Annex 2 is not in force for one of the Parties, so customs may verify the good's "
    "origin under the Annex 2 in force."
)
EDITION_SUPERSEDED = FindingSpec(
    "hs-edition-superseded",
    "AJCEP/IR/17(a)",
    Severity.WARNING,
    _SUPERSEDED,
)
_RETROACTIVE_NOT_AMENDED = (
    "HS code '{hs_code}' is in {hs_version}; the goods were shipped on {departure_date}, before Annex 2 in "
    "{exporting_edition} entered into force for the exporting Party ({exporting_party}), and a CO issued "
    "retroactively after that ({issue_date}) should be based on {exporting_edition}; customs may verify the good's "
    "origin under it."
)
RETROACTIVE_NOT_AMENDED = FindingSpec(
    "hs-edition-retroactive-not-amended",
    "AJCEP/IR/17(c)",
    Severity.WARNING,
    _RETROACTIVE_NOT_AMENDED,
)
RETROACTIVE_OLD_ACCEPTED = FindingSpec(
    "hs-edition-retroactive-old-accepted",
    "AJCEP/IR/17(c)",
    Severity.WARNING,
    "HS code '{hs_code}' is in {hs_version}; the goods were shipped on {departure_date}, before Annex 2 in "
    "{exporting_edition} entered into force for the exporting Party ({exporting_party}), so a CO issued "
    "retroactively after that ({issue_date}) should use {exporting_edition}. It is accepted because Annex 2 is "
    "still in {importing_edition} for the importing Party ({importing_party}) (IR 17(a)); customs may ask for "
    "the {exporting_edition} code.",
)
ACCEPTED_TRANSITIONAL = FindingSpec(
    "hs-edition-accepted-transitional",
    "AJCEP/IR/17(b)",
    Severity.INFO,
    "HS code '{hs_code}' is in {hs_version}, while Annex 2 is in {importing_edition_on_import} for the importing "
    "Party ({importing_party}) on the import date {on}; it is accepted because the CO was issued on {issue_date}, "
    "before that edition entered into force for the importing Party.",
)
CONVERSION_NOT_VERIFIED = FindingSpec(
    "hs-conversion-not-verified",
    "AJCEP/IR/17(d)",
    Severity.INFO,
    "HS code '{hs_code}' ({hs_version}) stands for code '{original_hs_code}' ({original_hs_version}) of item "
    "{original_item} on the original CO {original_reference}, converted as IR 17(d) allows; the conversion was "
    "not checked against a correlation table.",
)
CONVERSION_NOT_CORRELATED = FindingSpec(
    "hs-conversion-not-correlated",
    "AJCEP/IR/17(d)",
    Severity.WARNING,
    "HS code '{hs_code}' ({hs_version}) does not correspond to code '{original_hs_code}' ({original_hs_version}) "
    "of item {original_item} on the original CO {original_reference}: the correlation table gives {candidates} "
    "in {hs_version}. Customs may verify the conversion.",
)
CONVERSION_AMBIGUOUS = FindingSpec(
    "hs-conversion-ambiguous",
    "AJCEP/IR/17(d)",
    Severity.INFO,
    "HS code '{hs_code}' ({hs_version}) is one of the {count} codes ({candidates}) that code '{original_hs_code}' "
    "({original_hs_version}) of item {original_item} on the original CO {original_reference} corresponds to; "
    "the description of the goods settles which one applies.",
)
CONVERSION_UNCHECKED = FindingSpec(
    "hs-conversion-unchecked",
    "AJCEP/IR/17(d)",
    Severity.INFO,
    "HS code '{hs_code}' ({hs_version}) stands for code '{original_hs_code}' ({original_hs_version}) of item "
    "{original_item} on the original CO {original_reference}; the correlation table could not check the "
    "conversion: {reason}.",
)
_BACK_TO_BACK_EDITION = (
    "HS code '{hs_code}' is in {hs_version}, which is neither the edition of the original CO "
    "({original_hs_version}) nor one no older than Annex 2 in force on the issue date {issue_date} "
    "for the Parties concerned ({editions}); IR 17(d) provides for neither, so customs may verify."
)
BACK_TO_BACK_EDITION = FindingSpec(
    "hs-edition-back-to-back-not-allowed",
    "AJCEP/IR/17(d)",
    Severity.WARNING,
    _BACK_TO_BACK_EDITION,
)


#: What an unconfirmed edition adds: doubt never denies (docs/architecture.md: a figure the text does not give may warn).
_UNCONFIRMED = " The dates roo holds for Annex 2's editions are not confirmed from an official source either."
EDITION_SUPERSEDED_UNVERIFIED = FindingSpec(
    "hs-edition-superseded-unverified", "AJCEP/IR/17(a)", Severity.WARNING, _SUPERSEDED + _UNCONFIRMED
)
RETROACTIVE_NOT_AMENDED_UNVERIFIED = FindingSpec(
    "hs-edition-retroactive-not-amended-unverified",
    "AJCEP/IR/17(c)",
    Severity.WARNING,
    _RETROACTIVE_NOT_AMENDED + _UNCONFIRMED,
)
BACK_TO_BACK_EDITION_UNVERIFIED = FindingSpec(
    "hs-edition-back-to-back-not-allowed-unverified",
    "AJCEP/IR/17(d)",
    Severity.WARNING,
    _BACK_TO_BACK_EDITION + _UNCONFIRMED,
)


#: What the edition check shared with JIEPA (:mod:`roo.rules.shared.hs_edition`) reads and reports under AJCEP.
TERMS: Final = hs_edition.HsEditionTerms(
    parameter=HS_VERSION,
    superseded=EDITION_SUPERSEDED,
    retroactive_not_amended=RETROACTIVE_NOT_AMENDED,
    retroactive_old_accepted=RETROACTIVE_OLD_ACCEPTED,
    accepted_transitional=ACCEPTED_TRANSITIONAL,
    conversion_not_verified=CONVERSION_NOT_VERIFIED,
    back_to_back_edition=BACK_TO_BACK_EDITION,
    conversion_not_correlated=CONVERSION_NOT_CORRELATED,
    conversion_ambiguous=CONVERSION_AMBIGUOUS,
    conversion_unchecked=CONVERSION_UNCHECKED,
    superseded_unverified=EDITION_SUPERSEDED_UNVERIFIED,
    retroactive_not_amended_unverified=RETROACTIVE_NOT_AMENDED_UNVERIFIED,
    back_to_back_edition_unverified=BACK_TO_BACK_EDITION_UNVERIFIED,
)


def annex2_edition(party: str, ctx: Context, on: date) -> HsVersion | None:
    """The edition of Annex 2 in force for ``party`` on ``on``, or ``None`` when roo has no such value."""
    return hs_edition.edition(TERMS, party, ctx, on)


def check_hs_transition(item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's HS edition is one IR 17 accepts on the CO's issue date."""
    return hs_edition.check_hs_edition(TERMS, item, co, ctx)


def precheck_hs_transition(co: Certificate, ctx: Context) -> Result | None:
    """The result :func:`check_hs_transition` gives every item, when it is the same for all without findings."""
    return hs_edition.same_for_every_item(TERMS, co, ctx)


RULES: Final = (
    ItemRule(
        RULE,
        "HS edition accepted during the transition to an amended Annex 2",
        check_hs_transition,
        (
            EDITION_SUPERSEDED,
            RETROACTIVE_NOT_AMENDED,
            RETROACTIVE_OLD_ACCEPTED,
            ACCEPTED_TRANSITIONAL,
            CONVERSION_NOT_VERIFIED,
            CONVERSION_NOT_CORRELATED,
            CONVERSION_AMBIGUOUS,
            CONVERSION_UNCHECKED,
            BACK_TO_BACK_EDITION,
            EDITION_SUPERSEDED_UNVERIFIED,
            RETROACTIVE_NOT_AMENDED_UNVERIFIED,
            BACK_TO_BACK_EDITION_UNVERIFIED,
        ),
        needs=("context.related_certificates", "context.hs_correlation"),
        precheck=precheck_hs_transition,
    ),
)
