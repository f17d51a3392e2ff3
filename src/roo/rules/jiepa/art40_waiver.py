"""JIEPA Art 40: no CO is needed for a consignment of low aggregate customs value.

The importing Party does not require a CO for an importation of a
consignment of originating goods whose aggregate customs value does not
exceed USD 200, or its equivalent in the Party's currency, or a higher amount
the Party establishes (Art 40(2)). Japan applies JPY 200,000
(``jiepa.waiver.japan.customs_value``); for imports into Indonesia roo uses
USD 200 (``jiepa.waiver.customs_value``). Both are dated parameters, so a
Party's change of amount is data. "Does not exceed" means a value exactly at
the amount is waived.

roo checks it as it does for AJCEP (the check is shared,
:mod:`roo.rules.shared.waiver`): the aggregate customs value comes from the
context; a value in another currency is converted only with a rate the
context supplies, otherwise the check is not evaluated.

Art 40(2) waives the CO for a consignment of *originating* goods: the
document, not the rules of origin. A waived CO is noted (``info``) and the
CO's own defects are reported but deny nothing; a good not of a Party or to a
non-Party (Art 29(1), Art 40), imported before the Agreement entered into
force, or not consigned directly (Art 33), keeps its denial (``TERMS.kept``). The evaluation's status is ``not_required`` when
every item is then granted.

Source: JIEPA Agreement Art 40(2); Japan Customs' EPA procedures (JPY 200,000).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import CertificateRule, FindingSpec, Result
from ..shared import waiver
from . import art29_parties, art33_consignment

RULE: Final = "JIEPA/ART/40(2)"

JAPAN_LIMIT: Final = "jiepa.waiver.japan.customs_value"
LIMIT: Final = "jiepa.waiver.customs_value"

CO_WAIVED = FindingSpec("jiepa-co-waived", RULE, Severity.INFO, waiver.CO_WAIVED_TEMPLATE)

#: The findings whose denial stands under the waiver: the Parties (goods imported before the Agreement's entry
#: into force are goods of no Party) and direct consignment. A CO dated before the entry into force is a defect
#: of the document, which the waiver lifts.
KEPT: Final = waiver.denials(
    art29_parties.IMPORTED_BEFORE_ENTRY_INTO_FORCE,
    art29_parties.EXPORTING_NOT_A_PARTY,
    art29_parties.IMPORTING_NOT_A_PARTY,
    art29_parties.SAME_PARTY,
    art33_consignment.RULES,
)

#: The amounts the waiver check shared with AJCEP (:mod:`roo.rules.shared.waiver`) reads under JIEPA.
TERMS: Final = waiver.WaiverTerms(
    limits=(
        waiver.WaiverLimit(frozenset({"JP"}), "customs_value", JAPAN_LIMIT),
        waiver.WaiverLimit(frozenset({"ID"}), "customs_value", LIMIT),
    ),
    waived=CO_WAIVED,
    kept=KEPT,
)


def check_waiver(co: Certificate, ctx: Context) -> Result:
    """The CO is waived when the consignment's aggregate customs value does not exceed the importing Party's amount."""
    return waiver.check_waiver(TERMS, co, ctx)


RULES: Final = (
    CertificateRule(
        RULE,
        "waiver of the CO for a low-value consignment",
        check_waiver,
        (CO_WAIVED,),
        needs=("context.customs_value",),
    ),
)
