"""ID MoTR 16/2024 Art 2: a non-preferential COO for goods under a safeguard measure, from 12 July 2024.

Indonesia excludes goods from developing countries from a trade safeguard
measure only when every import is accompanied by a non-preferential
certificate of origin issued in the exporting country; without it, customs
levy the safeguard duty. MoTR 16/2024 replaced MoTR 37/2008 and governs imports
from its entry into force (a dated parameter, 12 July 2024). roo evaluates
certificates against MoTR 16/2024 only; for an import presented before that
date it says so (MoTR 37/2008 governed it, and roo does not implement it),
without denying anything.

Source: MoT Regulation 16/2024, Arts 1-2; in force 12 July 2024 (promulgated 2 July 2024, as announced by
the Ministry of Trade).
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...rule_kit import PASSED, CertificateRule, FindingSpec, Result, judged, not_evaluated
from ..shared.dated import parameter_from_first
from .citations import SCOPE

IN_FORCE: Final = "id.motr_16_2024.in_force"

NOT_YET_IN_FORCE = FindingSpec(
    "motr-16-2024-not-in-force",
    SCOPE,
    Severity.WARNING,
    "MoTR 16/2024 applies to imports from {in_force}; on {on} MoTR 37/2008 governed this import, "
    "and roo does not evaluate certificates under it.",
)


def check_in_force(co: Certificate, ctx: Context) -> Result:
    """The regulation governs the import date."""
    if ctx.on is None:
        return not_evaluated("context.on")
    # Looked up before the regulation existed, its date is the parameter's first value.
    in_force, _ = parameter_from_first(ctx, IN_FORCE, ctx.on)
    if ctx.on < in_force:
        return judged(NOT_YET_IN_FORCE(None, in_force=in_force, on=ctx.on))
    return PASSED


RULES: Final = (
    CertificateRule(SCOPE, "MoTR 16/2024 in force on the import date", check_in_force, (NOT_YET_IN_FORCE,), ("context.on",)),
)
