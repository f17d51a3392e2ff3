"""The AJCEP rule set, in the order the engine runs it.

Certificate-level rules come first, then item rules, each group in the order
of the Implementing Regulations. To add a rule: write its module beside this
file and add its ``RULES`` here.
"""

from __future__ import annotations

from typing import Final

from ...rule_kit import Rule
from . import (
    art26_box8_cross_check,
    art26_origin_criterion,
    art31_direct_consignment,
    art79_parties,
    ir03_form,
    ir04_modifications,
    ir05_replacement,
    ir06_waiver,
    ir07_retroactive_issuance,
    ir08_accumulation_evidence,
    ir09_back_to_back,
    ir12_tariff_classification,
    ir15_goods_in_transit,
    ir17_hs_transition,
    ocp_validity,
)

RULES: Final[tuple[Rule, ...]] = (
    *ir03_form.CERTIFICATE_RULES,
    *ir04_modifications.CERTIFICATE_RULES,
    *ir05_replacement.RULES,
    *ir06_waiver.RULES,
    *ir07_retroactive_issuance.RULES,
    *ir09_back_to_back.CERTIFICATE_RULES,
    *ir15_goods_in_transit.RULES,
    *art79_parties.RULES,
    *ocp_validity.RULES,
    *art31_direct_consignment.RULES,
    *ir03_form.ITEM_RULES,
    *ir04_modifications.ITEM_RULES,
    *ir08_accumulation_evidence.RULES,
    *ir09_back_to_back.ITEM_RULES,
    *ir12_tariff_classification.RULES,
    *ir17_hs_transition.RULES,
    *art26_origin_criterion.RULES,
    *art26_box8_cross_check.RULES,
)
