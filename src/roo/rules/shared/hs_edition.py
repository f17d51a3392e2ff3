"""Which HS edition a CO's codes may be in while the product-specific rules move to a newer edition.

The product-specific rules (AJCEP Annex 2, JIEPA Annex 2) are written in one
edition of the Harmonized System and are amended, from a date, to a later
one. The edition in force for a Party on a date is a dated parameter (the
terms' ``parameter``; with a ``{party}`` placeholder when it can differ
between Parties, without one when both Parties move together). Per item, by
the CO's issue date:

* an item whose edition (``hs_version``) is no older than the older of the
  two Parties' editions on the issue date is accepted; an older one is an
  error on that item (``superseded``; a warning instead when an edition it
  rests on is not confirmed in the data, as with every error here), or, when the CO was issued
  retroactively after the exporting Party's edition moved on for goods
  shipped before, the retroactive-CO error (``retroactive_not_amended``);
* where the scheme applies its product-specific rules only to goods made
  from non-originating materials (JIEPA Art 29(1)), an item whose box 8
  claims an origin that rests on none (``WO``, ``PE``) gets a warning in place
  of either error (``superseded_without_rules``,
  ``retroactive_not_amended_without_rules``);
* a retroactive CO on the older edition that is accepted only because the
  importing Party has not moved on is a warning (``retroactive_old_accepted``);
* a CO on an older edition issued before the importing Party's edition moved
  on, presented after it did, is accepted and noted
  (``accepted_transitional``);
* where the scheme has back-to-back COs, such a CO may
  also keep its original's edition or use one in force for a Party concerned;
  a code converted from the original's edition is checked against the
  correlation table the context carries (``Context.hs_correlation``): a code
  that is not a correlate of the original's is a warning (customs may
  verify; a table can be incomplete), one of several correlates is noted,
  and without a table the conversion is noted as not checked.

An item without ``hs_version`` is taken to be in the edition in force for the
importing Party on the issue date, so it always passes. Only older editions
are restrained: codes in a newer edition are outside this rule. Without the
parameter for a Party on the issue date the check is not evaluated.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, Final, final

import attrs

from ... import params as _params
from ...context import Context
from ...evaluation import Finding
from ...hs.editions import edition_year
from ...model.certificate import Certificate, Item
from ...model.criterion import CriterionKind
from ...model.hs import HsVersion, normalize_hs
from ...params import ParameterNotInForce, UnknownParameter
from ...rule_kit import PASSED, FindingSpec, Result, judged, not_evaluated
from . import back_to_back as _b2b


@final
@attrs.frozen
class HsEditionTerms:
    """A scheme's edition parameter (``{party}`` for per-Party editions) and its findings.

    ``retroactive_old_accepted`` matters only where the Parties' editions can
    differ. ``conversion_not_verified`` and ``back_to_back_edition`` are the
    findings of a scheme with back-to-back COs; a scheme without them leaves
    them unset, and a CO's back-to-back box is then not looked at here. The
    three ``conversion_*`` findings after them report the check of a converted
    code against the context's correlation table; without them a scheme says
    only that the conversion was not verified.
    """

    parameter: str
    superseded: FindingSpec
    retroactive_not_amended: FindingSpec
    accepted_transitional: FindingSpec
    retroactive_old_accepted: FindingSpec | None = None
    conversion_not_verified: FindingSpec | None = None
    back_to_back_edition: FindingSpec | None = None
    #: With a correlation table in the context: a converted code that is not a correlate of the original's,
    #: one of several correlates, or a conversion the table cannot check.
    conversion_not_correlated: FindingSpec | None = None
    conversion_ambiguous: FindingSpec | None = None
    conversion_unchecked: FindingSpec | None = None
    #: The warnings that stand in for ``superseded``, ``retroactive_not_amended`` and ``back_to_back_edition``
    #: when an edition they rest on is not confirmed in the data (doubt never denies). A scheme without them
    #: denies on its editions as they are.
    superseded_unverified: FindingSpec | None = None
    retroactive_not_amended_unverified: FindingSpec | None = None
    back_to_back_edition_unverified: FindingSpec | None = None
    #: The warnings that stand in for ``superseded`` and ``retroactive_not_amended`` on an item whose box 8
    #: claims an origin that no product-specific rule decides (wholly obtained, produced entirely from
    #: originating materials), where the scheme applies its product-specific rules only to the other goods
    #: (JIEPA Art 29(1)(c)). A scheme without them reports every item alike.
    superseded_without_rules: FindingSpec | None = None
    retroactive_not_amended_without_rules: FindingSpec | None = None

    @property
    def per_party(self) -> bool:
        """Whether the edition can differ between the Parties (the parameter name depends on the Party)."""
        return "{party}" in self.parameter


def needed(terms: HsEditionTerms, party: str) -> str:
    """The context path naming the edition parameter of ``party``."""
    return f"context.parameters.{terms.parameter.format(party=party)}"


def confirmed(terms: HsEditionTerms, ctx: Context, *reads: tuple[str, date]) -> bool:
    """Whether each Party's edition read on each date, as ``(party, date)``, rests on a confirmed source.

    An override in the context is the caller's own statement and counts as confirmed.
    """
    for party, on in reads:
        try:
            if not ctx.parameter_verified(terms.parameter.format(party=party), on):
                return False
        except (ParameterNotInForce, UnknownParameter):
            return False
    return True


#: Criteria under which a good originates without a product-specific rule (wholly obtained; produced entirely
#: from originating materials).
WITHOUT_RULES: Final = frozenset({CriterionKind.WO, CriterionKind.PE})


def without_rules(item: Item) -> bool:
    """Whether box 8 of ``item`` claims an origin that no product-specific rule decides (``WO`` or ``PE``).

    A box that also names a rule (``WO, PSR``) counts: the good may originate
    on the criterion that uses none. An unreadable box claims nothing.
    """
    criterion = item.origin_criterion
    return criterion.problem is None and not WITHOUT_RULES.isdisjoint(criterion.kinds)


def _spec(base: FindingSpec, unverified: FindingSpec | None, sure: Callable[[], bool]) -> FindingSpec:
    """``base``, or its warning ``unverified`` when the scheme has one and ``sure()`` says the editions are not confirmed."""
    return base if unverified is None or sure() else unverified


def edition(terms: HsEditionTerms, party: str, ctx: Context, on: date) -> HsVersion | None:
    """The edition of the product-specific rules in force for ``party`` on ``on``, or ``None`` when roo has none."""
    return _edition(ctx.parameter, terms.parameter.format(party=party), on)


#: How the check looks a parameter up: ``ctx.parameter``, or ``roo.params.value`` when nothing is overridden.
Lookup = Callable[[str, date], Any]


def _edition(parameter: Lookup, name: str, on: date) -> HsVersion | None:
    try:
        value = parameter(name, on)
    except (ParameterNotInForce, UnknownParameter):
        return None
    try:
        return HsVersion(value)
    except ValueError:
        return None


def _older(version: HsVersion, than: HsVersion) -> bool:
    return edition_year(version) < edition_year(than)


#: The year of each edition a certificate can state (what :func:`edition_year` gives, without parsing).
_YEARS: Final[dict[HsVersion, int]] = {version: edition_year(version) for version in HsVersion}


def _departure(co: Certificate) -> date | None:
    """The shipment date of a CO issued retroactively (``None`` for any other CO)."""
    transport = co.transport
    return transport.departure_date if co.issued_retroactively and transport is not None else None


def _amended_since(parameter: Lookup, name: str, departure: date | None, exporting: HsVersion) -> date | None:
    """``departure`` (a retroactive CO's shipment date), when the exporter's edition ``name`` has moved on since."""
    if departure is None:
        return None
    at_shipment = _edition(parameter, name, departure)
    if at_shipment is None or not _older(at_shipment, exporting):
        return None
    return departure


def _moved_on(parameter: Lookup, name: str, on: date | None, importing: HsVersion) -> HsVersion | None:
    """The importer's edition ``name`` on the import date ``on``, when it is newer than ``importing``."""
    if on is None:
        return None
    on_import = _edition(parameter, name, on)
    if on_import is None or not _older(importing, on_import):
        return None
    return on_import


@final
@attrs.frozen
class _Transition:
    """What the check reads for a CO, the same for every item: the Parties' editions and what follows from them.

    ``floor`` is the year of the older of the two editions on the issue date.
    When ``complete``, ``shipped`` is the departure date if the CO was issued
    retroactively after the exporting Party's edition moved on, ``on_import``
    the importing Party's edition on the import date if it is newer than on
    the issue date, and ``quiet`` the year from which on an item's edition
    has nothing to report. When the context overrides an edition they are not
    filled in: the check looks them up, item by item, only where it needs
    them.
    """

    exporting: HsVersion | None
    importing: HsVersion | None
    floor: int = 0
    exporting_year: int = 0
    complete: bool = False
    shipped: date | None = None
    on_import: HsVersion | None = None
    quiet: int = sys.maxsize


def _at_issue(
    parameter: Lookup, template: str, exporting_party: str, importing_party: str, issued: date
) -> _Transition:
    """The Parties' editions on the issue date (``template`` is the edition parameter's name)."""
    exporting = _edition(parameter, template.format(party=exporting_party), issued)
    importing = _edition(parameter, template.format(party=importing_party), issued)
    if exporting is None or importing is None:
        return _Transition(exporting, importing)
    exporting_year = edition_year(exporting)
    return _Transition(exporting, importing, min(exporting_year, edition_year(importing)), exporting_year)


@functools.lru_cache(maxsize=1024)
def _packaged(
    value: Lookup,
    template: str,
    exporting_party: str,
    importing_party: str,
    issued: date,
    departure: date | None,
    on: date | None,
) -> _Transition:
    # Every item of a CO, and every CO with the same Parties and dates, gives the same answer: worked out once.
    # Only for packaged editions (no override in the context). Keyed by the lookup itself (``roo.params.value``),
    # so that a lookup replaced in a test never sees the editions of another.
    transition = _at_issue(value, template, exporting_party, importing_party, issued)
    exporting, importing = transition.exporting, transition.importing
    if exporting is None or importing is None:
        return transition
    shipped = _amended_since(value, template.format(party=exporting_party), departure, exporting)
    on_import = _moved_on(value, template.format(party=importing_party), on, importing)
    quiet = max(
        transition.floor,
        transition.exporting_year if shipped is not None else 0,
        edition_year(on_import) if on_import is not None else 0,
    )
    return attrs.evolve(transition, complete=True, shipped=shipped, on_import=on_import, quiet=quiet)


def _transition(terms: HsEditionTerms, co: Certificate, ctx: Context) -> _Transition:
    """The :class:`_Transition` of ``co`` presented in ``ctx``."""
    template, exporting_party, importing_party = terms.parameter, co.exporting_party, co.importing_party
    overrides = ctx.parameters
    if overrides and (
        template.format(party=exporting_party) in overrides or template.format(party=importing_party) in overrides
    ):
        return _at_issue(ctx.parameter, template, exporting_party, importing_party, co.issue_date)
    transport = co.transport
    departure = transport.departure_date if co.issued_retroactively and transport is not None else None
    return _packaged(_params.value, template, exporting_party, importing_party, co.issue_date, departure, ctx.on)


def _facts(
    item: Item, co: Certificate, version: HsVersion, exporting: HsVersion, importing: HsVersion
) -> dict[str, object]:
    """The facts every finding of the check carries."""
    return {
        "hs_code": item.hs_code,
        "hs_version": version.value,
        "issue_date": co.issue_date,
        "exporting_party": co.exporting_party,
        "importing_party": co.importing_party,
        "exporting_edition": exporting.value,
        "importing_edition": importing.value,
    }


def _without_editions(terms: HsEditionTerms, co: Certificate, transition: _Transition) -> Result:
    """The check's result, for every item, when an edition on the issue date is unknown."""
    exporting, importing = transition.exporting, transition.importing
    parties = [p for p, e in ((co.exporting_party, exporting), (co.importing_party, importing)) if e is None]
    paths = [needed(terms, party) for party in parties]
    return not_evaluated(*(paths if terms.per_party else dict.fromkeys(paths)))


def same_for_every_item(terms: HsEditionTerms, co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_hs_edition`: its result when it is the same for every item without findings.

    That is "not evaluated" when an edition on the issue date is unknown, and ``PASSED`` when every item is
    without an edition or in one with nothing to report (as the check finds item by item); otherwise None.
    """
    transition = _transition(terms, co, ctx)
    if transition.exporting is None or transition.importing is None:
        return _without_editions(terms, co, transition)
    # Items of a back-to-back CO with an edition are compared with the original's: item by item.
    back_to_back = (
        _b2b.back_to_back(co) and terms.conversion_not_verified is not None and terms.back_to_back_edition is not None
    )
    quiet = transition.quiet
    accepted = None  # the edition of the item before, when it passed: items mostly share one, tested once
    for item in co.items:
        version = item.hs_version
        if version is not accepted and version is not None:
            if back_to_back or (_YEARS.get(version) or edition_year(version)) < quiet:
                return None
            accepted = version
    return PASSED


def check_hs_edition(terms: HsEditionTerms, item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's HS edition is one the transition accepts on the CO's issue date."""
    transition = _transition(terms, co, ctx)
    exporting, importing = transition.exporting, transition.importing
    if exporting is None or importing is None:
        return _without_editions(terms, co, transition)
    version = item.hs_version
    if version is None:
        return PASSED
    conversion, back_to_back_edition = terms.conversion_not_verified, terms.back_to_back_edition
    if conversion is not None and back_to_back_edition is not None and _b2b.back_to_back(co):
        specs = (conversion, back_to_back_edition)
        return _back_to_back(terms, specs, item, co, ctx, version, (exporting, importing))
    year = _YEARS.get(version) or edition_year(version)
    if year >= transition.quiet:
        return PASSED  # the common case: nothing to report, so no facts are gathered
    complete, shipped = transition.complete, transition.shipped
    if not complete:
        name = terms.parameter.format(party=co.exporting_party)
        shipped = _amended_since(ctx.parameter, name, _departure(co), exporting)
    if year < transition.floor:
        facts = _facts(item, co, version, exporting, importing)
        at_issue = ((co.exporting_party, co.issue_date), (co.importing_party, co.issue_date))
        outside = _without_rules_spec(terms, item, retroactive=shipped is not None)
        if outside is not None:
            # The edition of the rules cannot decide an origin that rests on none of them: at most a warning.
            extra = {"departure_date": shipped} if shipped is not None else {}
            return judged(outside(item.number, origin_criterion=item.origin_criterion.text, **extra, **facts))
        if shipped is not None:
            departed = shipped
            spec = _spec(
                terms.retroactive_not_amended,
                terms.retroactive_not_amended_unverified,
                lambda: confirmed(terms, ctx, *at_issue, (co.exporting_party, departed)),
            )
            return judged(spec(item.number, departure_date=shipped, **facts))
        spec = _spec(terms.superseded, terms.superseded_unverified, lambda: confirmed(terms, ctx, *at_issue))
        return judged(spec(item.number, **facts))
    old_accepted = terms.retroactive_old_accepted
    noted = old_accepted is not None and shipped is not None and year < transition.exporting_year
    on_import = transition.on_import
    if not complete:
        on_import = _moved_on(ctx.parameter, terms.parameter.format(party=co.importing_party), ctx.on, importing)
    transitional = on_import is not None and year < edition_year(on_import)
    if not noted and not transitional:
        return PASSED
    facts = _facts(item, co, version, exporting, importing)
    findings: list[Finding] = []
    if noted and old_accepted is not None:
        findings.append(old_accepted(item.number, departure_date=shipped, **facts))
    if transitional and on_import is not None:
        findings.append(
            terms.accepted_transitional(
                item.number, on=ctx.on, importing_edition_on_import=on_import.value, **facts
            )
        )
    return judged(*findings)


def _without_rules_spec(terms: HsEditionTerms, item: Item, *, retroactive: bool) -> FindingSpec | None:
    """The scheme's warning for an item whose claimed origin rests on no product-specific rule, if it has one."""
    spec = terms.retroactive_not_amended_without_rules if retroactive else terms.superseded_without_rules
    if spec is None or not without_rules(item):
        return None
    return spec


def original_of(co: Certificate, ctx: Context) -> Certificate | None:
    """A back-to-back CO's original, when the context carries it (see :mod:`roo.rules.shared.back_to_back`)."""
    return _b2b.find_original(co, ctx)


def _conversion(
    terms: HsEditionTerms,
    not_verified: FindingSpec,
    item: Item,
    version: HsVersion,
    original: Certificate,
    original_item: Item,
    ctx: Context,
) -> Finding | None:
    """What the check of ``item``'s code, converted from the original's, finds; None when the table confirms it.

    The six-digit subheadings are compared (national digits after them are no
    part of the HS). Without a correlation table in the context, or for a
    scheme without the findings, the conversion is noted as not verified.
    """
    original_version = original_item.hs_version
    assert original_version is not None  # the caller compares it with the item's
    facts: dict[str, Any] = {
        "hs_code": item.hs_code,
        "hs_version": version.value,
        "original_hs_code": original_item.hs_code,
        "original_hs_version": original_version.value,
        "original_item": original_item.number,
        "original_reference": original.reference_number,
    }
    table = ctx.hs_correlation
    not_correlated, ambiguous, unchecked = (
        terms.conversion_not_correlated,
        terms.conversion_ambiguous,
        terms.conversion_unchecked,
    )
    if table is None or not_correlated is None or ambiguous is None or unchecked is None:
        return not_verified(item.number, **facts)
    result = table.convert(normalize_hs(original_item.hs_code)[:6], original_version.value, version.value)
    if not result.found:
        # A conversion without a candidate always says why (an unknown code, edition or link), in the table's words.
        return unchecked(item.number, reason=result.reason, **facts)
    if normalize_hs(item.hs_code)[:6] not in result.candidates:
        return not_correlated(item.number, candidates=result.candidates, **facts)
    if result.ambiguous:
        return ambiguous(item.number, candidates=result.candidates, count=len(result.candidates), **facts)
    return None


def _back_to_back(
    terms: HsEditionTerms,
    specs: tuple[FindingSpec, FindingSpec],
    item: Item,
    co: Certificate,
    ctx: Context,
    version: HsVersion,
    parties: tuple[HsVersion, HsVersion],
) -> Result:
    """A back-to-back CO keeps the original's edition or uses one in force for a Party concerned."""
    conversion_not_verified, back_to_back_edition = specs
    in_force = set(parties)
    missing: list[str] = []
    basis = _b2b.basis(co, ctx)
    original, index = basis.original, basis.index
    other = co.original_certificate.exporting_party if co.original_certificate is not None else None
    if other is None and original is not None:
        other = original.exporting_party
    if other is not None and other not in (co.exporting_party, co.importing_party):
        other_edition = edition(terms, other, ctx, co.issue_date)
        if other_edition is None:
            missing.append(needed(terms, other))
        else:
            in_force.add(other_edition)
    original_item = None
    if index is not None and item.original_item is not None:
        original_item = index.item(item.original_item)
    original_version = original_item.hs_version if original_item is not None else None
    findings: list[Finding] = []
    if original is not None and original_item is not None and original_version not in (None, version):
        conversion = _conversion(terms, conversion_not_verified, item, version, original, original_item, ctx)
        if conversion is not None:
            findings.append(conversion)
    if not _older(version, min(in_force, key=edition_year)):
        return judged(*findings)
    if missing:
        return not_evaluated(*missing)
    if original is None:
        return not_evaluated("context.related_certificates")
    if original_item is None:
        return not_evaluated("certificate.items.original_item")
    if original_version is None:
        return not_evaluated("context.related_certificates.items.hs_version")
    if original_version is version:
        return PASSED
    editions = tuple(sorted((each.value for each in in_force), key=edition_year))
    concerned = dict.fromkeys(p for p in (co.exporting_party, co.importing_party, other) if p is not None)
    spec = _spec(
        back_to_back_edition,
        terms.back_to_back_edition_unverified,
        lambda: confirmed(terms, ctx, *((party, co.issue_date) for party in concerned)),
    )
    return judged(
        spec(
            item.number,
            hs_code=item.hs_code,
            hs_version=version.value,
            issue_date=co.issue_date,
            original_hs_version=original_version.value,
            editions=editions,
        )
    )
