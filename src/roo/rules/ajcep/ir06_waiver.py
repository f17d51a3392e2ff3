"""AJCEP IR 6: no CO is needed for a low-value consignment.

Under OCP Rule 3(2), the importing Party waives the CO when the value of the
consignment does not exceed a set amount: for Japan, an aggregate customs
value of JPY 200,000 (``ajcep.waiver.japan.customs_value``); for an ASEAN
Member State, an exporting value of USD 200
(``ajcep.waiver.asean.exporting_value``). A Party may change its amount
(IR 6(b)), so both are dated parameters. "Does not exceed" means a value
exactly at the amount is waived.

roo reads the aggregate customs value (Japan) or the exporting value (ASEAN)
from the context. A value in another currency is converted only with a rate
the context supplies (``exchange_rates``); without one the rule is not
evaluated, never guessed. When the value exceeds the amount the waiver does
not apply (the check is ``not_applicable``).

**The waiver waives the document, not the rules of origin.** IR 6 serves
OCP Rule 3(2), under which the importing Party waives the CO for a
consignment of *originating* goods; the Agreement's conditions of preference
still apply. When the CO is waived the rule says so in an ``info`` finding,
and the CO's own defects (form, signature, validity, box 8 wording, HS
edition) are still reported but deny nothing. These keep their denial
(``TERMS.kept``):

* goods not originating: box 8 against the bill of materials (Art 26 cross
  check), an RVC below the general rule (Art 26.1) or below the
  product-specific rule of the context's table (Art 26.3);
* goods not consigned directly: an operation in transit the Agreement does
  not permit (Art 31);
* goods not of a Party, or to a non-Party: the exporting and importing
  countries (form notes 1 and 2, Art 79);
* the Agreement not in force on importation, for the importing Party (IR 15,
  Art 79) or for the exporting Party (Arts 1(i) and 79: its goods are not yet
  goods of a Party).

The evaluation's status is ``not_required`` when every item is then granted.

The amounts are read as in force on the date the CO is presented
(``context.on``). Without that date roo uses the CO's issue date, which
differs from the date of importation only by the time the goods travel; an
amount notified under IR 6(b) between the two would be missed, and the
``as_of`` fact of the finding shows which date was used. The check is
implemented once for AJCEP and JIEPA in :mod:`roo.rules.shared.waiver`.
The finding cites the paragraph whose amount applied: IR 6(a)(i) for Japan,
IR 6(a)(ii) for an ASEAN Member State.

Source: AJCEP Implementing Regulations, Rule 6; Annex 4 (OCP), Rule 3(2).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import CertificateRule, FindingCase, FindingSpec, Result
from ..shared import waiver
from . import (
    art26_box8_cross_check,
    art26_origin_criterion,
    art31_direct_consignment,
    art79_parties,
    ir15_goods_in_transit,
)

RULE: Final = "AJCEP/IR/6(a)"

JAPAN_LIMIT: Final = "ajcep.waiver.japan.customs_value"
ASEAN_LIMIT: Final = "ajcep.waiver.asean.exporting_value"

#: The ASEAN Member States (AJCEP Art 1(a)), as ISO 3166-1 alpha-2 codes.
ASEAN_MEMBER_STATES: Final = frozenset({"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"})

CO_WAIVED = FindingSpec(
    "co-waived",
    RULE,
    Severity.INFO,
    waiver.CO_WAIVED_TEMPLATE,
    cases=(
        FindingCase("for an import into Japan, whose limit is on the customs value", citation="AJCEP/IR/6(a)(i)"),
        FindingCase(
            "for an import into an ASEAN Member State, whose limit is on the exporting value",
            citation="AJCEP/IR/6(a)(ii)",
        ),
    ),
)

#: The findings whose denial stands under the waiver: origin, direct consignment, the Parties, entry into force.
KEPT: Final = waiver.denials(
    art26_box8_cross_check.RULES,
    art26_origin_criterion.RVC_BELOW_GENERAL_RULE,
    art26_origin_criterion.RVC_BELOW_PRODUCT_SPECIFIC_RULE,
    art31_direct_consignment.RULES,
    art79_parties.EXPORTING_NOT_A_PARTY,
    art79_parties.IMPORTING_NOT_A_PARTY,
    art79_parties.SAME_PARTY,
    art79_parties.NOT_IN_FORCE_FOR_EXPORTING_PARTY_ON_IMPORT,
    ir15_goods_in_transit.NOT_IN_FORCE_ON_IMPORT,
)


#: The amounts the waiver check shared with JIEPA (:mod:`roo.rules.shared.waiver`) reads under AJCEP.
TERMS: Final = waiver.WaiverTerms(
    limits=(
        waiver.WaiverLimit(frozenset({"JP"}), "customs_value", JAPAN_LIMIT, "AJCEP/IR/6(a)(i)"),
        waiver.WaiverLimit(ASEAN_MEMBER_STATES, "exporting_value", ASEAN_LIMIT, "AJCEP/IR/6(a)(ii)"),
    ),
    waived=CO_WAIVED,
    kept=KEPT,
)


def check_waiver(co: Certificate, ctx: Context) -> Result:
    """The CO is waived when the consignment's value does not exceed the importing Party's amount."""
    return waiver.check_waiver(TERMS, co, ctx)


RULES: Final = (
    CertificateRule(
        RULE,
        "waiver of the CO for a low-value consignment",
        check_waiver,
        (CO_WAIVED,),
        needs=("context.customs_value", "context.exporting_value"),
    ),
)
