"""ID MoTR 16/2024 Art 2: a non-preferential COO for goods under a safeguard measure, from 12 July 2024.

Indonesia excludes goods from developing countries from a trade safeguard
measure only when every import is accompanied by a non-preferential
certificate of origin issued in the exporting country; without it, customs
levy the safeguard duty. MoTR 16/2024 replaced MoTR 37/2008 and governs imports
from its entry into force (a dated parameter, 12 July 2024). roo evaluates
certificates against MoTR 16/2024 only; for an import presented before that
date it says so (MoTR 37/2008 governed it, and roo does not implement it),
without denying anything.

None of the Regulation's own requirements (Arts 2-10: the data elements, the
origin and consignment criteria, the safeguard exclusion) bound an import made
before it applied, so none of them may deny one. For such an import every other
MoTR 16/2024 rule is not evaluated (:func:`while_in_force`): the warning above
says why, nothing is denied under a regulation that did not yet govern, and
the evaluation is not complete, since the COO was not read against the rules
that did (MoTR 37/2008). A grant there is never a pass under MoTR 16/2024.

The Regulation is Indonesia's, for goods imported into Indonesia under its
safeguard measures (Art 2, read with Art 1(1)-(2)): a COO whose importing
Party is another country is not a COO the Regulation can give effect to, and
it can exclude no goods from an Indonesian measure: an error on the whole
COO, whatever the date.

Source: MoT Regulation 16/2024, Arts 1-2; in force 12 July 2024 (promulgated 2 July 2024, as announced by
the Ministry of Trade).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from typing import Any, Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate, Item
from ...rule_kit import (
    PASSED,
    CertificateCheck,
    CertificatePrecheck,
    CertificateRule,
    FindingSpec,
    ItemCheck,
    Result,
    Rule,
    judged,
    not_evaluated,
    wrap_rules,
)
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


#: The country whose imports the Regulation governs.
IMPORTING_PARTY: Final = "ID"

NOT_IMPORTED_INTO_INDONESIA = FindingSpec(
    "motr-importing-party-not-indonesia",
    SCOPE,
    Severity.ERROR,
    "The COO is for goods imported into {importing_party}; MoTR 16/2024 governs imports into Indonesia (ID) only, "
    "and this COO cannot exclude goods from an Indonesian safeguard measure.",
)


def check_importing_party(co: Certificate, ctx: Context) -> Result:
    """The goods are imported into Indonesia, the only country whose imports the Regulation governs."""
    if co.importing_party != IMPORTING_PARTY:
        return judged(NOT_IMPORTED_INTO_INDONESIA(None, importing_party=co.importing_party))
    return PASSED


def _in_force_on(ctx: Context) -> date | None:
    """The Regulation's entry into force when the import date is before it, else None."""
    on = ctx.on
    if on is None:
        return None
    # Looked up before the regulation existed, its date is the parameter's first value.
    in_force: date = parameter_from_first(ctx, IN_FORCE, on)[0]
    return in_force if on < in_force else None


def check_in_force(co: Certificate, ctx: Context) -> Result:
    """The regulation governs the import date."""
    if ctx.on is None:
        return not_evaluated("context.on")
    in_force = _in_force_on(ctx)
    if in_force is not None:
        return judged(NOT_YET_IN_FORCE(None, in_force=in_force, on=ctx.on))
    return PASSED


#: What every other rule gives for an import made before the Regulation applied: not evaluated. It needs no
#: fact the caller could add (the scope warning says why), so it names none, yet it leaves the evaluation
#: incomplete wherever the rule could have denied.
BEFORE_IN_FORCE: Final = not_evaluated()


def _certificate_check(check: CertificateCheck) -> CertificateCheck:
    @functools.wraps(check)
    def while_governed(co: Certificate, ctx: Context) -> Result:
        return BEFORE_IN_FORCE if _in_force_on(ctx) is not None else check(co, ctx)

    return while_governed


def _item_check(check: ItemCheck) -> ItemCheck:
    @functools.wraps(check)
    def while_governed(item: Item, co: Certificate, ctx: Context) -> Result:
        return BEFORE_IN_FORCE if _in_force_on(ctx) is not None else check(item, co, ctx)

    return while_governed


def _precheck(precheck: CertificatePrecheck) -> CertificatePrecheck:
    @functools.wraps(precheck)
    def while_governed(co: Certificate, ctx: Context) -> Any:
        if _in_force_on(ctx) is not None:
            return BEFORE_IN_FORCE  # what the wrapped check gives every item
        return precheck(co, ctx)

    return while_governed


def while_in_force(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """``rules``, each not evaluated for an import made before MoTR 16/2024 applied (and as given from then on)."""
    return wrap_rules(rules, _certificate_check, _item_check, _precheck)


RULES: Final = (
    CertificateRule(
        SCOPE, "MoTR 16/2024 in force on the import date", check_in_force, (NOT_YET_IN_FORCE,), ("context.on",)
    ),
    CertificateRule(
        SCOPE, "goods imported into Indonesia", check_importing_party, (NOT_IMPORTED_INTO_INDONESIA,)
    ),
)
