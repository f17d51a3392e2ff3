"""AJCEP IR 15: goods in transport or bonded storage when the Agreement entered into force need a retroactive CO.

An originating good that was already on its way from the exporting Party, or
waiting in a bonded area of the importing Party, when the Agreement entered
into force for the importing Party gets preference if it is imported on or
after that date, provided the CO presented was issued retroactively. roo
reads "already on its way" from the shipment date in box 3: shipped before
the importing Party's entry-into-force date and imported (``Context.on``) on
or after it, the CO must have the "Issued Retroactively" box ticked;
otherwise this is a defect of the whole CO. Goods imported before the
Agreement entered into force for the importing Party get no preference at
all. Goods shipped on or after that date are outside this rule.

The entry-into-force dates are the dated parameters
``ajcep.entry_into_force.<PARTY>`` (ISO 3166 code of the importing Party);
without the import date, the shipment date (where it matters) or the
parameter, the rule is not evaluated. Whether the CO was issued within the
retroactive window, and how box 3 shows the shipment, is IR 7's concern.

Source: AJCEP Implementing Regulations, Rule 15; AJCEP Agreement, Article 79 (entry into force).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from roo.context import Context
from roo.evaluation import Severity
from roo.model.certificate import Certificate
from roo.params import ParameterNotInForce, UnknownParameter
from roo.rules.base import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, Result, failed, not_evaluated

RULE: Final = "AJCEP/IR/15"

#: The dated parameter holding the Agreement's entry-into-force date for a Party: ``.format(party="JP")``.
ENTRY_INTO_FORCE: Final = "ajcep.entry_into_force.{party}"

NOT_IN_FORCE_ON_IMPORT = FindingSpec(
    "ajcep-not-in-force-on-import",
    RULE,
    Severity.ERROR,
    "The goods were imported on {on}, before the AJCEP Agreement entered into force for the importing Party "
    "({importing_party}) on {entry_into_force}; no preference can be given.",
)
IN_TRANSIT_NOT_RETROACTIVE = FindingSpec(
    "in-transit-co-not-retroactive",
    RULE,
    Severity.ERROR,
    "The goods were shipped on {departure_date}, before the AJCEP Agreement entered into force for the importing "
    "Party ({importing_party}) on {entry_into_force}; goods in transport or bonded storage on that date get "
    "preference only with a CO issued retroactively, and this CO's 'Issued Retroactively' box is not ticked.",
)


def _entry_into_force(party: str, ctx: Context, on: date) -> date | Result:
    """The Agreement's entry-into-force date for ``party``, or the not-evaluated result naming the parameter."""
    name = ENTRY_INTO_FORCE.format(party=party)
    try:
        try:
            value = ctx.parameter(name, on)
        except ParameterNotInForce as early:
            # A date is a fact, not a rate: asked before the data's first entry, read that entry.
            if early.first_effective is None:
                raise
            value = ctx.parameter(name, early.first_effective)
    except (ParameterNotInForce, UnknownParameter):
        return not_evaluated(f"context.parameters.{name}")
    if not isinstance(value, date):
        return not_evaluated(f"context.parameters.{name}")
    return value


def check_goods_in_transit(co: Certificate, ctx: Context) -> Result:
    """Goods shipped before the Agreement entered into force for the importing Party come with a retroactive CO."""
    shipped = co.transport.departure_date if co.transport is not None else None
    when = ctx.on if ctx.on is not None else shipped
    if when is None:
        return not_evaluated("context.on")
    entry = _entry_into_force(co.importing_party, ctx, when)
    if isinstance(entry, Result):
        return entry
    if shipped is not None and shipped >= entry:
        return NOT_APPLICABLE
    if ctx.on is None:
        return not_evaluated("context.on")
    facts = {"importing_party": co.importing_party, "entry_into_force": entry}
    if ctx.on < entry:
        return failed(NOT_IN_FORCE_ON_IMPORT(None, on=ctx.on, **facts))
    if shipped is None:
        return not_evaluated("certificate.transport.departure_date")
    if co.issued_retroactively:
        return PASSED
    return failed(IN_TRANSIT_NOT_RETROACTIVE(None, departure_date=shipped, **facts))


RULES: Final = (
    CertificateRule(
        RULE,
        "goods in transport or storage on entry into force: CO issued retroactively",
        check_goods_in_transit,
        (NOT_IN_FORCE_ON_IMPORT, IN_TRANSIT_NOT_RETROACTIVE),
        needs=("context.on",),
    ),
)
