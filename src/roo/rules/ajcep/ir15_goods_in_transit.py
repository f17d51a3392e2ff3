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
parameter, the rule is not evaluated. A date that roo's data do not confirm
from an official source (Indonesia's) cannot deny: each finding is then a
``warning`` that says so, for customs to verify; a caller who knows the date
supplies it in the context's ``parameters`` and gets the finding at its own
severity. Whether the CO was issued within the retroactive window, and how
box 3 shows the shipment, is IR 7's concern. A replacement CO (IR 5(a)) keeps
the life of the CO it replaces: when the context's ``related_certificates``
hold that CO ticked "Issued Retroactively", the replacement is the CO issued
retroactively that this rule asks for, ticked or not (as IR 7 reads it).

**Which date is the import date** (kept, after reading the texts again).
``Context.on`` is the date the CO is presented with the import declaration
(docs/formats.md), and roo reads it as the date the goods are imported. The
texts tie the two together: the original CO goes to the importer "for
submission to the customs authority of the importing Party" (IR 3(g)), and
the claim is made at importation. IR 15 itself shows that "imported" is the
clearance, not the arrival: goods already "in temporary storage in bonded area
in the importing Party" have arrived, yet the Rule asks whether they are
"imported ... on or after" the entry into force, so they are imported when
they are declared and released. A case the model does not separate: a CO
provided after the declaration (IR 7 lets the importer provide a CO issued
retroactively "subject to the laws and regulations of the importing Party").
Then the evaluation's ``on`` should be the declaration's date for this rule
and Art 79; roo has one date, and the caller who evaluates such a CO as of its
later presentation is told so here.

Source: AJCEP Implementing Regulations, Rule 15; AJCEP Agreement, Article 79 (entry into force).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from ...context import Context
from ...evaluation import Severity
from ...model.certificate import Certificate
from ...params import ParameterNotInForce, UnknownParameter
from ...rule_kit import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, Result, judged, not_evaluated
from ..shared.dated import parameter_from_first
from ..shared.retroactive import replaced_original

RULE: Final = "AJCEP/IR/15"
RULE_ENTRY_INTO_FORCE: Final = "AJCEP/ART/79"

#: The dated parameter holding the Agreement's entry-into-force date for a Party: ``.format(party="JP")``.
ENTRY_INTO_FORCE: Final = "ajcep.entry_into_force.{party}"
#: The name of that parameter without its Party code (names are built by appending it, cheaper than ``format``).
_ENTRY_INTO_FORCE_PREFIX: Final = ENTRY_INTO_FORCE.removesuffix("{party}")

NOT_IN_FORCE_ON_IMPORT = FindingSpec(
    "ajcep-not-in-force-on-import",
    RULE_ENTRY_INTO_FORCE,
    Severity.ERROR,
    "The goods were imported on {on}, before the AJCEP Agreement entered into force for the importing Party "
    "({importing_party}) on {entry_into_force}; no preference can be given.",
)
NOT_IN_FORCE_ON_IMPORT_UNVERIFIED = FindingSpec(
    "ajcep-not-in-force-on-import-unverified",
    RULE_ENTRY_INTO_FORCE,
    Severity.WARNING,
    "The goods were imported on {on}, before {entry_into_force}, the date roo holds for the AJCEP Agreement's "
    "entry into force for the importing Party ({importing_party}); that date is not confirmed from an official "
    "source, so customs may verify whether preference can be given.",
)
IN_TRANSIT_NOT_RETROACTIVE = FindingSpec(
    "in-transit-co-not-retroactive",
    RULE,
    Severity.ERROR,
    "The goods were shipped on {departure_date}, before the AJCEP Agreement entered into force for the importing "
    "Party ({importing_party}) on {entry_into_force}; goods in transport or bonded storage on that date get "
    "preference only with a CO issued retroactively, and this CO's 'Issued Retroactively' box is not ticked.",
)
IN_TRANSIT_NOT_RETROACTIVE_UNVERIFIED = FindingSpec(
    "in-transit-co-not-retroactive-unverified",
    RULE,
    Severity.WARNING,
    "The goods were shipped on {departure_date}, before {entry_into_force}, the date roo holds for the AJCEP "
    "Agreement's entry into force for the importing Party ({importing_party}), and this CO's 'Issued "
    "Retroactively' box is not ticked; that date is not confirmed from an official source, so customs may verify "
    "whether the goods needed a CO issued retroactively.",
)


def entry_into_force(party: str, ctx: Context, on: date) -> tuple[date, date] | Result:
    """The Agreement's entry-into-force date for ``party`` and the date it was read on, or the not-evaluated result.

    A date is a fact, not a rate: asked before the data's first entry, the first entry is read. Whether the date
    is verified is asked of :func:`entry_into_force_verified` with the date read on, only when a finding needs it.
    """
    name = _ENTRY_INTO_FORCE_PREFIX + party
    try:
        value, read_on = parameter_from_first(ctx, name, on)
    except (ParameterNotInForce, UnknownParameter):
        return not_evaluated(f"context.parameters.{name}")
    if not isinstance(value, date):
        return not_evaluated(f"context.parameters.{name}")
    return value, read_on


def entry_into_force_verified(party: str, ctx: Context, read_on: date) -> bool:
    """Whether the entry-into-force date :func:`entry_into_force` read on ``read_on`` is verified.

    An override in the context counts as verified (see :meth:`roo.Context.parameter_verified`). It cannot
    raise once :func:`entry_into_force` has found the date.
    """
    return ctx.parameter_verified(_ENTRY_INTO_FORCE_PREFIX + party, read_on)


def _issued_retroactively(co: Certificate, ctx: Context) -> bool | None:
    """Whether the CO presented was issued retroactively: its own mark, or, for a replacement (IR 5(a)), the mark
    of the CO it replaces when the context holds it (the replacement keeps the original's life). None when the
    data do not say and no mark ticked says so."""
    marks = [co.issued_retroactively]
    if co.replaces is not None:
        original = replaced_original(co, ctx)
        if original is not None:
            marks.append(original.issued_retroactively)
    if True in marks:
        return True
    return None if None in marks else False


def check_goods_in_transit(co: Certificate, ctx: Context) -> Result:
    """Goods shipped before the Agreement entered into force for the importing Party come with a retroactive CO."""
    shipped = co.transport.departure_date if co.transport is not None else None
    when = ctx.on if ctx.on is not None else shipped
    if when is None:
        return not_evaluated("context.on")
    found = entry_into_force(co.importing_party, ctx, when)
    if isinstance(found, Result):
        return found
    entry, read_on = found
    if shipped is not None and shipped >= entry:
        return NOT_APPLICABLE
    if ctx.on is None:
        return not_evaluated("context.on")
    facts = {"importing_party": co.importing_party, "entry_into_force": entry}
    if ctx.on < entry:
        verified = entry_into_force_verified(co.importing_party, ctx, read_on)
        spec = NOT_IN_FORCE_ON_IMPORT if verified else NOT_IN_FORCE_ON_IMPORT_UNVERIFIED
        return judged(spec(None, on=ctx.on, **facts))
    if shipped is None:
        return not_evaluated("certificate.transport.departure_date")
    ticked = _issued_retroactively(co, ctx)
    if ticked:
        return PASSED
    if ticked is None:
        return not_evaluated("certificate.issued_retroactively")  # not stated is not "not ticked"
    verified = entry_into_force_verified(co.importing_party, ctx, read_on)
    spec = IN_TRANSIT_NOT_RETROACTIVE if verified else IN_TRANSIT_NOT_RETROACTIVE_UNVERIFIED
    return judged(spec(None, departure_date=shipped, **facts))


RULES: Final = (
    CertificateRule(
        RULE,
        "goods in transport or storage on entry into force: CO issued retroactively",
        check_goods_in_transit,
        (
            NOT_IN_FORCE_ON_IMPORT,
            NOT_IN_FORCE_ON_IMPORT_UNVERIFIED,
            IN_TRANSIT_NOT_RETROACTIVE,
            IN_TRANSIT_NOT_RETROACTIVE_UNVERIFIED,
        ),
        needs=("context.on",),
    ),
)
