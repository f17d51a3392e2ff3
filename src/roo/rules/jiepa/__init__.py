"""The JIEPA rule set, in the order the engine runs it: certificate rules, then item rules.

Each module is named by the Agreement article it applies (``art41_validity``)
or by the paragraph of the e-CO arrangement with Japan Customs
(``eco04_data_copy``). Where JIEPA and AJCEP say the same thing the check is
implemented once in :mod:`roo.rules.shared` and each scheme's module gives
its own terms: citations, severities, parameters. A JIEPA finding that is the
counterpart of an AJCEP one carries the AJCEP code prefixed with ``jiepa-``
(``jiepa-co-presented-after-validity``), so codes stay unique across roo.
"""

from __future__ import annotations

from typing import Final

from ...rule_kit import Rule
from . import (
    art29_origin_criterion,
    art29_parties,
    art29_psr_edition,
    art33_consignment,
    art40_waiver,
    art41_form,
    art41_goods,
    art41_partial_use,
    art41_validity,
    art50_retroactive_issuance,
    eco04_data_copy,
    eco05_paper_from_indonesia,
)

# The e-CO is the basis for preference: every rule but the arrangement's own reads it with the data elements
# it lacks taken from the copy of its data, when the context gives one (arrangement §4(c)).
_supplemented = eco04_data_copy.on_the_supplemented_e_co

RULES: Final[tuple[Rule, ...]] = (
    *_supplemented(art29_parties.RULES),
    *eco04_data_copy.RULES,
    *_supplemented(
        (
            *eco05_paper_from_indonesia.RULES,
            *art41_form.CERTIFICATE_RULES,
            *art40_waiver.RULES,
            *art41_validity.RULES,
            *art50_retroactive_issuance.RULES,
            *art33_consignment.RULES,
            *art41_partial_use.CERTIFICATE_RULES,
            *art41_form.ITEM_RULES,
            *art41_goods.RULES,
            *art29_psr_edition.RULES,
            *art29_origin_criterion.RULES,
            *art41_partial_use.RULES,
        )
    ),
)
