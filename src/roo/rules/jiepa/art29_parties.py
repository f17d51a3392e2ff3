"""JIEPA Arts 29 and 40: a CO is for an originating good of one Party, Japan or Indonesia, imported into the other.

JIEPA is an agreement between two Parties: its rules of origin concern goods
originating in Japan or in Indonesia (Art 29(1)), and the importing Party
gives preference, on a CO, to goods of the other Party (Art 40). A JIEPA CO
exported from, or imported into, any other country, or naming the same Party
as both, is not a CO the Agreement provides for: a certificate error. The
check is shared with AJCEP (:mod:`roo.rules.shared.parties`).

Source: JIEPA Agreement, Arts 29(1) and 40.
"""

from __future__ import annotations

from typing import Final

from roo.context import Context
from roo.evaluation import Severity
from roo.model.certificate import Certificate
from roo.rules.ajcep import art79_parties as ajcep
from roo.rules.base import CertificateRule, FindingSpec, Result
from roo.rules.jiepa.art29_origin_criterion import JIEPA_PARTIES
from roo.rules.shared import parties

RULE_EXPORTING: Final = "JIEPA/ART/29(1)"
RULE_IMPORTING: Final = "JIEPA/ART/40"

EXPORTING_NOT_A_PARTY = FindingSpec(
    "jiepa-exporting-party-not-a-party", RULE_EXPORTING, Severity.ERROR, ajcep.EXPORTING_NOT_A_PARTY.template
)
IMPORTING_NOT_A_PARTY = FindingSpec(
    "jiepa-importing-party-not-a-party", RULE_IMPORTING, Severity.ERROR, ajcep.IMPORTING_NOT_A_PARTY.template
)
SAME_PARTY = FindingSpec(
    "jiepa-exporting-party-is-importing-party", RULE_IMPORTING, Severity.ERROR, ajcep.SAME_PARTY.template
)

#: What the check shared with AJCEP (:mod:`roo.rules.shared.parties`) reports under JIEPA.
TERMS: Final = parties.PartiesTerms(JIEPA_PARTIES, EXPORTING_NOT_A_PARTY, IMPORTING_NOT_A_PARTY, SAME_PARTY)


def check_parties(co: Certificate, ctx: Context) -> Result:
    """The CO is for a good of one Party, Japan or Indonesia, imported into the other."""
    return parties.check_parties(TERMS, co, ctx)


RULES: Final = (
    CertificateRule(
        RULE_EXPORTING,
        "exported from one Party to the other",
        check_parties,
        (EXPORTING_NOT_A_PARTY, IMPORTING_NOT_A_PARTY, SAME_PARTY),
    ),
)
