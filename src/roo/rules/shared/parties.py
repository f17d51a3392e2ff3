"""The Parties: a CO is for goods exported from one Party to the agreement and imported into another.

Preference under an agreement is for originating goods of a Party imported
into another Party. A CO whose exporting or importing country is not a Party,
or that names the same country as both, is not a CO the agreement provides
for: a certificate-level error. The terms give each scheme's Parties and
findings.
"""

from __future__ import annotations

from typing import Final, final

import attrs

from ...context import Context
from ...evaluation import Finding
from ...locale import N_
from ...model.certificate import Certificate
from ...rule_kit import PASSED, FindingSpec, Result, judged

#: The message templates of the Parties' findings in both schemes (each spec keeps its own code and citation).
EXPORTING_NOT_A_PARTY_TEMPLATE: Final = N_(
    "The CO is issued for goods exported from {exporting_party}, which is not a Party to the Agreement "
    "({parties}); it is not a CO under the Agreement."
)
IMPORTING_NOT_A_PARTY_TEMPLATE: Final = N_(
    "The CO is for goods imported into {importing_party}, which is not a Party to the Agreement ({parties}); "
    "the Agreement gives no preference there."
)
SAME_PARTY_TEMPLATE: Final = N_(
    "The CO names {party} as both the exporting and the importing Party; a CO is for goods exported from one "
    "Party to another."
)


@final
@attrs.frozen
class PartiesTerms:
    """A scheme's Parties (ISO 3166-1 alpha-2 codes) and its findings for a country outside them or a CO to itself."""

    parties: frozenset[str]
    exporting_not_a_party: FindingSpec
    importing_not_a_party: FindingSpec
    same_party: FindingSpec


def check_parties(terms: PartiesTerms, co: Certificate, ctx: Context) -> Result:
    """The exporting and importing countries are two different Parties."""
    exporting, importing, members = co.exporting_party, co.importing_party, terms.parties
    if exporting != importing and exporting in members and importing in members:
        return PASSED
    parties = tuple(sorted(members))
    findings: list[Finding] = []
    if co.exporting_party not in terms.parties:
        findings.append(terms.exporting_not_a_party(None, exporting_party=co.exporting_party, parties=parties))
    if co.importing_party not in terms.parties:
        findings.append(terms.importing_not_a_party(None, importing_party=co.importing_party, parties=parties))
    if co.exporting_party == co.importing_party:
        findings.append(terms.same_party(None, party=co.exporting_party))
    return judged(*findings)
