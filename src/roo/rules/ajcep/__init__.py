"""The AJCEP rule set, in the order the engine runs it.

Certificate-level rules come first, then item rules, each group in the order
of the Implementing Regulations. To add a rule: write its module beside this
file and add its ``RULES`` here.
"""

from __future__ import annotations

from typing import Final

from roo.rules.ajcep import art26_origin_criterion, ir03_form, ir12_tariff_classification
from roo.rules.base import Rule

RULES: Final[tuple[Rule, ...]] = (
    *ir03_form.CERTIFICATE_RULES,
    *ir03_form.ITEM_RULES,
    *ir12_tariff_classification.RULES,
    *art26_origin_criterion.RULES,
)
