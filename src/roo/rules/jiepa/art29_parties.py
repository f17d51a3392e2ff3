"""JIEPA Arts 29 and 40: a CO is for an originating good of one Party, Japan or Indonesia, imported into the other.

JIEPA is an agreement between two Parties: its rules of origin concern goods
originating in Japan or in Indonesia (Art 29(1)), and the importing Party
gives preference, on a CO, to goods of the other Party (Art 40). A JIEPA CO
exported from, or imported into, any other country, or naming the same Party
as both, is not a CO the Agreement provides for: a certificate error. The
check is shared with AJCEP (:mod:`roo.rules.shared.parties`).

Japan and Indonesia are Parties, and a competent authority issues COs under
the Agreement (Art 41(1)), only from its entry into force, 2008-07-01 (the
dated parameter ``jiepa.entry_into_force``, shared with origin
determination). A CO dated before that day was not issued under the
Agreement: a certificate error, as AJCEP's Art 79 check holds per Party. The
date is a fact, not a rate, so it is read for any issue date.

Goods imported before that day are not originating goods of a Party (there
were no Parties), so they get no preference with or without a CO: a
certificate error that the waiver of Art 40(2), which waives the document,
keeps. Without the import date it is not evaluated, unless the CO was issued
from the entry into force (it is then presented after it).

Source: JIEPA Agreement, Arts 29(1), 40 and 41(1).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...params import ParameterNotInForce, UnknownParameter
from ...rule_kit import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, Result, judged, not_evaluated
from ..shared import parties
from ..shared.dated import parameter_from_first
from .art29_origin_criterion import JIEPA_PARTIES

RULE_EXPORTING: Final = "JIEPA/ART/29(1)"
RULE_IMPORTING: Final = "JIEPA/ART/40"
RULE_IN_FORCE: Final = "JIEPA/ART/41(1)"

#: The dated parameter holding the date JIEPA entered into force for both Parties.
ENTRY_INTO_FORCE: Final = "jiepa.entry_into_force"

EXPORTING_NOT_A_PARTY = FindingSpec(
    "jiepa-exporting-party-not-a-party", RULE_EXPORTING, Severity.ERROR, parties.EXPORTING_NOT_A_PARTY_TEMPLATE
)
IMPORTING_NOT_A_PARTY = FindingSpec(
    "jiepa-importing-party-not-a-party", RULE_IMPORTING, Severity.ERROR, parties.IMPORTING_NOT_A_PARTY_TEMPLATE
)
SAME_PARTY = FindingSpec(
    "jiepa-exporting-party-is-importing-party", RULE_IMPORTING, Severity.ERROR, parties.SAME_PARTY_TEMPLATE
)

ISSUED_BEFORE_ENTRY_INTO_FORCE = FindingSpec(
    "jiepa-issued-before-entry-into-force",
    RULE_IN_FORCE,
    Severity.ERROR,
    "The CO was issued on {issue_date}, before {entry_into_force}, when the JIEPA Agreement entered into force; "
    "Japan and Indonesia were not yet Parties to it, so it is not a CO under the Agreement.",
)

IMPORTED_BEFORE_ENTRY_INTO_FORCE = FindingSpec(
    "jiepa-imported-before-entry-into-force",
    RULE_EXPORTING,
    Severity.ERROR,
    "The goods were imported on {on}, before {entry_into_force}, when the JIEPA Agreement entered into force; "
    "Japan and Indonesia were not yet Parties, so the goods are not originating goods of a Party and get no "
    "preference under the Agreement, with or without a CO.",
)

#: What the check shared with AJCEP (:mod:`roo.rules.shared.parties`) reports under JIEPA.
TERMS: Final = parties.PartiesTerms(JIEPA_PARTIES, EXPORTING_NOT_A_PARTY, IMPORTING_NOT_A_PARTY, SAME_PARTY)


def check_parties(co: Certificate, ctx: Context) -> Result:
    """The CO is for a good of one Party, Japan or Indonesia, imported into the other."""
    return parties.check_parties(TERMS, co, ctx)


def check_in_force(co: Certificate, ctx: Context) -> Result:
    """The CO was issued on or after the Agreement's entry into force (Art 41(1): COs are issued under it)."""
    if co.exporting_party not in JIEPA_PARTIES:
        return NOT_APPLICABLE  # the Parties rule reports it
    try:
        entry, _ = parameter_from_first(ctx, ENTRY_INTO_FORCE, co.issue_date)
    except (ParameterNotInForce, UnknownParameter):
        return not_evaluated(f"context.parameters.{ENTRY_INTO_FORCE}")
    if co.issue_date >= entry:
        return PASSED
    return judged(ISSUED_BEFORE_ENTRY_INTO_FORCE(None, issue_date=co.issue_date, entry_into_force=entry))


def check_in_force_on_import(co: Certificate, ctx: Context) -> Result:
    """The goods were imported on or after the Agreement's entry into force (Art 29(1): goods of a Party)."""
    if co.exporting_party not in JIEPA_PARTIES:
        return NOT_APPLICABLE  # the Parties rule reports it
    on = ctx.on
    try:
        entry, _ = parameter_from_first(ctx, ENTRY_INTO_FORCE, on if on is not None else co.issue_date)
    except (ParameterNotInForce, UnknownParameter):
        return not_evaluated(f"context.parameters.{ENTRY_INTO_FORCE}")
    if on is None:
        # A CO issued from the entry into force is presented after it; only an earlier one leaves the doubt.
        return NOT_APPLICABLE if co.issue_date >= entry else not_evaluated("context.on")
    if on >= entry:
        return PASSED
    return judged(IMPORTED_BEFORE_ENTRY_INTO_FORCE(None, on=on, entry_into_force=entry))


RULES: Final = (
    CertificateRule(
        RULE_EXPORTING,
        "exported from one Party to the other",
        check_parties,
        (EXPORTING_NOT_A_PARTY, IMPORTING_NOT_A_PARTY, SAME_PARTY),
    ),
    CertificateRule(
        RULE_IN_FORCE,
        "Agreement in force when the CO was issued",
        check_in_force,
        (ISSUED_BEFORE_ENTRY_INTO_FORCE,),
    ),
    CertificateRule(
        RULE_EXPORTING,
        "Agreement in force when the goods were imported",
        check_in_force_on_import,
        (IMPORTED_BEFORE_ENTRY_INTO_FORCE,),
    ),
)
