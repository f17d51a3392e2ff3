"""The rule set of Indonesia's non-preferential COO for goods under safeguard measures (MoTR 16/2024).

Certificate rules first (scope, a COO in every import, preferential COs,
data elements, consignment, field verification), then item rules (the
safeguard exclusion, data elements, origin criteria). For an import made
before the Regulation applied, every rule but the scope rule is not evaluated
(:func:`roo.rules.id_motr_16_2024.art02_scope.while_in_force`); for an item
that the context's safeguard table shows outside every measure, every rule
but the exclusion rule is not applicable
(:func:`roo.rules.id_motr_16_2024.art02_exclusion.within_measures`).
"""

from __future__ import annotations

from typing import Final

from ...rule_kit import Rule
from . import (
    art02_exclusion,
    art02_scope,
    art09_data_elements,
    art10_field_verification,
    arts03_08_consignment_criteria,
    arts03_08_origin_criteria,
)

# The Regulation binds imports from its entry into force: before it, its other rules are not evaluated.
_governed = art02_scope.while_in_force
# Its requirements concern goods within a safeguard measure: the exclusion rule itself says when none is.
_within_measures = art02_exclusion.within_measures

RULES: Final[tuple[Rule, ...]] = (
    *art02_scope.RULES,
    *_governed(
        (
            *_within_measures(art02_exclusion.RULES[:2]),
            *_within_measures((art09_data_elements.RULES[0], art09_data_elements.STATEMENT_RULE)),
            *_within_measures(arts03_08_consignment_criteria.RULES),
            *_within_measures(art10_field_verification.RULES),
            art02_exclusion.RULES[2],
            *_within_measures((art09_data_elements.RULES[1],)),
            *_within_measures(arts03_08_origin_criteria.RULES),
        )
    ),
)
