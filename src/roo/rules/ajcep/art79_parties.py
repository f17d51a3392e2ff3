"""AJCEP Art 79 and form notes 1-2: a CO is for goods of one Party exported to another, once the Agreement binds them.

The AJCEP CO is the form of the Parties to the Agreement: the ASEAN Member
States use the form of form note 1, Japan its own (IR 16), and the goods it
covers are "exported to any of the Parties" (form note 2). roo checks, for the
whole CO:

* **Two different Parties.** The exporting and the importing countries are
  each Japan or an ASEAN Member State, and not the same one. A CO from or to
  another country, or from a Party to itself, is not an AJCEP CO: a
  certificate error.
* **The Agreement in force for the exporting Party.** The Agreement enters
  into force for each Party on its own date (Art 79). Before that date the
  Party's issuing authority issues no AJCEP CO, so a CO issued earlier is not
  one (a certificate error); and since a CO is presented only after it is
  issued, its presentation is then early too. The dates are the dated
  parameters ``ajcep.entry_into_force.<PARTY>``. A date roo's data do not
  confirm from an official source (Indonesia's 2018-03-01) cannot deny: the
  finding is then a ``warning`` that says so, for customs to verify; a caller
  who knows the date supplies it in the context's ``parameters``. The
  importing Party's date is IR 15's concern.
* **The exporting Party a Party on importation.** "Party" means a country for
  which the Agreement has entered into force (Art 1(i)): goods imported
  before that date for the exporting country are not goods of a Party, and no
  preference applies, whatever the CO. This is a condition of the goods, not
  of the document, so its finding
  (``ajcep-not-in-force-for-exporting-party-on-import``) keeps its denial
  when the CO is waived (IR 6), where the issue-date finding, a defect of the
  document, does not. On an unconfirmed date the issue-date warning covers
  it.
* **A replacement of a CO issued before that date.** A replacement CO is
  valid only during the validity of the CO it replaces (IR 5(a)), so it
  cannot make good a CO that was never one under the Agreement. For a
  replacement roo judges the first CO of the chain as well, by the first
  issue date the data show (:func:`roo.rules.shared.retroactive.first_issue_date`:
  the replaced CO in ``related_certificates``, else the date the replacement
  gives for it), as the validity and retroactive-issuance rules do
  (``ajcep-replaced-co-not-in-force-for-exporting-party``; a ``warning`` on an
  unconfirmed date).

"On importation" is read on ``Context.on``, the date the CO is presented
with the import declaration, which is the date of importation for the claim;
:mod:`roo.rules.ajcep.ir15_goods_in_transit` gives the reasoning and the one
case (a CO provided after the declaration) where the two dates part.

The check of the Parties is shared with JIEPA (:mod:`roo.rules.shared.parties`).

Source: AJCEP Agreement, Arts 1(i) ("Party") and 79 (entry into force); Implementing Regulations, Rule 16;
notes to the AJCEP CO form, notes 1 and 2.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, Result, judged
from ..shared import parties
from ..shared.retroactive import first_issue_date
from .ir08_accumulation_evidence import AJCEP_PARTIES
from .ir15_goods_in_transit import entry_into_force, entry_into_force_verified

RULE: Final = "AJCEP/ART/79"
RULE_FORM_EXPORTING: Final = "AJCEP/FORM/1"
RULE_FORM_IMPORTING: Final = "AJCEP/FORM/2"

EXPORTING_NOT_A_PARTY = FindingSpec(
    "exporting-party-not-a-party",
    RULE_FORM_EXPORTING,
    Severity.ERROR,
    parties.EXPORTING_NOT_A_PARTY_TEMPLATE,
)
IMPORTING_NOT_A_PARTY = FindingSpec(
    "importing-party-not-a-party",
    RULE_FORM_IMPORTING,
    Severity.ERROR,
    parties.IMPORTING_NOT_A_PARTY_TEMPLATE,
)
SAME_PARTY = FindingSpec(
    "exporting-party-is-importing-party",
    RULE_FORM_IMPORTING,
    Severity.ERROR,
    parties.SAME_PARTY_TEMPLATE,
)
NOT_IN_FORCE_FOR_EXPORTING_PARTY = FindingSpec(
    "ajcep-not-in-force-for-exporting-party",
    RULE,
    Severity.ERROR,
    "The CO was issued on {issue_date}, before the AJCEP Agreement entered into force for the exporting Party "
    "({exporting_party}) on {entry_into_force}; it is not a CO under the Agreement.",
)
NOT_IN_FORCE_FOR_EXPORTING_PARTY_ON_IMPORT = FindingSpec(
    "ajcep-not-in-force-for-exporting-party-on-import",
    RULE,
    Severity.ERROR,
    "The goods were imported on {on}, before the AJCEP Agreement entered into force for the exporting Party "
    "({exporting_party}) on {entry_into_force}; {exporting_party} was not yet a Party, so its goods get no "
    "preference under the Agreement, with or without a CO.",
)
NOT_IN_FORCE_FOR_EXPORTING_PARTY_UNVERIFIED = FindingSpec(
    "ajcep-not-in-force-for-exporting-party-unverified",
    RULE,
    Severity.WARNING,
    "The CO was issued on {issue_date}, before {entry_into_force}, the date roo holds for the AJCEP Agreement's "
    "entry into force for the exporting Party ({exporting_party}); that date is not confirmed from an official "
    "source, so customs may verify whether the Agreement applied.",
)
REPLACED_NOT_IN_FORCE_FOR_EXPORTING_PARTY = FindingSpec(
    "ajcep-replaced-co-not-in-force-for-exporting-party",
    RULE,
    Severity.ERROR,
    "The CO replaces a CO first issued on {original_issue_date}, before the AJCEP Agreement entered into force for "
    "the exporting Party ({exporting_party}) on {entry_into_force}; a replacement is valid only during the validity "
    "of the CO it replaces, which is not a CO under the Agreement.",
)
REPLACED_NOT_IN_FORCE_FOR_EXPORTING_PARTY_UNVERIFIED = FindingSpec(
    "ajcep-replaced-co-not-in-force-for-exporting-party-unverified",
    RULE,
    Severity.WARNING,
    "The CO replaces a CO first issued on {original_issue_date}, before {entry_into_force}, the date roo holds for "
    "the AJCEP Agreement's entry into force for the exporting Party ({exporting_party}); that date is not confirmed "
    "from an official source, so customs may verify whether the Agreement applied.",
)

#: What the check shared with JIEPA (:mod:`roo.rules.shared.parties`) reports under AJCEP.
TERMS: Final = parties.PartiesTerms(AJCEP_PARTIES, EXPORTING_NOT_A_PARTY, IMPORTING_NOT_A_PARTY, SAME_PARTY)


def check_parties(co: Certificate, ctx: Context) -> Result:
    """The CO is for goods exported from one Party to another (form notes 1 and 2)."""
    return parties.check_parties(TERMS, co, ctx)


def check_in_force_for_exporting_party(co: Certificate, ctx: Context) -> Result:
    """The CO, and for a replacement the first CO of its chain, was issued on or after the Agreement entered into
    force for the exporting Party (Art 79; IR 5(a): a replacement lives only the life of the CO it replaces)."""
    if co.exporting_party not in AJCEP_PARTIES:
        return NOT_APPLICABLE  # the Parties rule reports it
    found = entry_into_force(co.exporting_party, ctx, co.issue_date)
    if isinstance(found, Result):
        return found
    entry, read_on = found
    imported_before = ctx.on is not None and ctx.on < entry
    # The first issue date the data show (the replaced CO in the context, else the date the replacement gives for
    # it); None when neither shows it, which the replacement rule reports.
    first = first_issue_date(co, ctx) if co.replaces is not None else co.issue_date
    replaced_before = co.issue_date >= entry and first is not None and first < entry
    if co.issue_date >= entry and not replaced_before and not imported_before:
        return PASSED
    verified = entry_into_force_verified(co.exporting_party, ctx, read_on)
    facts = {"exporting_party": co.exporting_party, "entry_into_force": entry, "on": ctx.on}
    findings = []
    if co.issue_date < entry:
        spec = NOT_IN_FORCE_FOR_EXPORTING_PARTY if verified else NOT_IN_FORCE_FOR_EXPORTING_PARTY_UNVERIFIED
        findings.append(spec(None, issue_date=co.issue_date, **facts))
    elif replaced_before:
        spec = (
            REPLACED_NOT_IN_FORCE_FOR_EXPORTING_PARTY
            if verified
            else REPLACED_NOT_IN_FORCE_FOR_EXPORTING_PARTY_UNVERIFIED
        )
        findings.append(spec(None, issue_date=co.issue_date, original_issue_date=first, **facts))
    if imported_before and verified:
        # Not a defect of the document but of the goods' Party: it stands when the CO is waived (IR 6).
        findings.append(NOT_IN_FORCE_FOR_EXPORTING_PARTY_ON_IMPORT(None, **facts))
    return judged(*findings)


RULES: Final = (
    CertificateRule(
        RULE_FORM_EXPORTING,
        "exported from one Party to another",
        check_parties,
        (EXPORTING_NOT_A_PARTY, IMPORTING_NOT_A_PARTY, SAME_PARTY),
    ),
    CertificateRule(
        RULE,
        "Agreement in force for the exporting Party when the CO was issued",
        check_in_force_for_exporting_party,
        (
            NOT_IN_FORCE_FOR_EXPORTING_PARTY,
            NOT_IN_FORCE_FOR_EXPORTING_PARTY_UNVERIFIED,
            NOT_IN_FORCE_FOR_EXPORTING_PARTY_ON_IMPORT,
            REPLACED_NOT_IN_FORCE_FOR_EXPORTING_PARTY,
            REPLACED_NOT_IN_FORCE_FOR_EXPORTING_PARTY_UNVERIFIED,
        ),
    ),
)
