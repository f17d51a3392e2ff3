"""Waiver of the CO for a low-value consignment.

The importing Party does not require a CO for a consignment whose value does
not exceed an amount it sets. "Does not exceed" means a value exactly at the
amount is waived. Which value is compared (the aggregate customs value, or
an exporting value) and which amount applies depend on the scheme and the
importing Party: the terms list them, each amount a dated parameter so that a
Party's change of amount is data.

A value in another currency than the amount's is converted only with a rate
the context supplies (``exchange_rates``); without one the check is not
evaluated, never guessed. When the value exceeds the amount the waiver does
not apply (the check is ``not_applicable``).

**What a waiver waives.** The text waives the certificate, the document that
proves origin, for a consignment of *originating* goods: it does not make
goods originating, nor lift the other conditions of preference. When the CO
is waived an ``info`` finding says so, and the document's own defects (its
form, signature, validity, box 8 wording, ...) are still reported but deny
nothing. The terms list, as ``kept``, the findings whose denial stands under
the waiver: goods not originating, not consigned directly, not of a Party,
or imported where the Agreement is not in force. The evaluation's status is
``not_required`` when every item is then granted.

The amount is read as in force on the date the CO is presented
(``context.on``), or, without it, on the CO's issue date (the ``as_of`` fact
says which).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final, Literal, final

import attrs

from ...context import Context
from ...evaluation import Outcome, Severity
from ...locale import N_
from ...model.certificate import Certificate
from ...model.money import Money
from ...params import ParameterNotInForce
from ...rule_kit import NOT_APPLICABLE, FindingSpec, Result, Rule, not_evaluated

#: The message template of the waiver finding in both schemes (each spec keeps its own code and citation).
CO_WAIVED_TEMPLATE: Final = N_(
    "No CO is required: the consignment's {value_kind} {value} does not exceed {limit} ({importing_party}, "
    "as of {as_of}); the CO's own defects do not affect preference, but the rules of origin still apply."
)

#: The context fields a waiver can compare.
ValueField = Literal["customs_value", "exporting_value"]

#: What each value is called in the finding.
VALUE_KINDS: Final[dict[str, str]] = {
    "customs_value": "aggregate customs value",
    "exporting_value": "exporting value",
}

#: What the check gives when the context lacks the value to compare, by value field.
_WITHOUT_VALUE: Final[dict[str, Result]] = {field: not_evaluated(f"context.{field}") for field in VALUE_KINDS}


@final
@attrs.frozen
class WaiverLimit:
    """For imports into ``parties``: compare the context's ``value`` with the dated amount ``parameter``.

    ``citation``, when set, is the provision that sets this amount; the
    finding then cites it instead of its spec's more general citation.
    """

    parties: frozenset[str]
    value: ValueField
    parameter: str
    citation: str | None = None


@final
@attrs.frozen
class WaiverTerms:
    """A scheme's waiver amounts by importing Party (the first limit naming the Party applies) and its finding.

    ``kept`` are the codes of the findings whose denial stands under the waiver (see :func:`denials`).
    """

    limits: tuple[WaiverLimit, ...]
    waived: FindingSpec
    kept: frozenset[str] = frozenset()


def denials(*sources: Iterable[Rule] | FindingSpec) -> frozenset[str]:
    """The codes of the ``error`` findings of ``sources``: rules (every error spec they declare) or single specs."""
    codes: set[str] = set()
    for source in sources:
        specs = (source,) if isinstance(source, FindingSpec) else tuple(spec for rule in source for spec in rule.specs)
        codes.update(spec.code for spec in specs if spec.severity is Severity.ERROR)
    return frozenset(codes)


def limit_for(terms: WaiverTerms, importing_party: str) -> WaiverLimit | None:
    """The limit that applies to imports into ``importing_party``, if any."""
    for limit in terms.limits:
        if importing_party in limit.parties:
            return limit
    return None


def check_waiver(terms: WaiverTerms, co: Certificate, ctx: Context) -> Result:
    """The CO is waived when the consignment's value does not exceed the importing Party's amount."""
    limit_rule = limit_for(terms, co.importing_party)
    if limit_rule is None:
        return NOT_APPLICABLE
    value = ctx.customs_value if limit_rule.value == "customs_value" else ctx.exporting_value
    if value is None:
        return _WITHOUT_VALUE[limit_rule.value]
    as_of: date = ctx.on if ctx.on is not None else co.issue_date
    try:
        limit: Money = ctx.parameter(limit_rule.parameter, as_of)
    except ParameterNotInForce:
        return not_evaluated(f"context.parameters[{limit_rule.parameter}]")
    converted = ctx.convert(value, limit.currency)
    if converted is None:
        return not_evaluated("context.exchange_rates")
    if converted.amount > limit.amount:
        return NOT_APPLICABLE
    facts = {
        "value_kind": VALUE_KINDS[limit_rule.value],
        "value": value,
        "value_in_limit_currency": converted.amount,
        "limit": limit,
        "importing_party": co.importing_party,
        "as_of": as_of,
    }
    # The paragraph whose amount applied, one of the cases the spec declares for the catalogue.
    citation = limit_rule.citation
    finding = terms.waived(None, **facts) if citation is None else terms.waived.citing(citation, None, **facts)
    return Result(Outcome.PASSED, (finding,), waived=True, kept=terms.kept)
