"""Which HS edition a CO's codes may be in while the product-specific rules move to a newer edition.

The product-specific rules (AJCEP Annex 2, JIEPA Annex 2) are written in one
edition of the Harmonized System and are amended, from a date, to a later
one. The edition in force for a Party on a date is a dated parameter (the
terms' ``parameter``; with a ``{party}`` placeholder when it can differ
between Parties, without one when both Parties move together). Per item, by
the CO's issue date:

* an item whose edition (``hs_version``) is no older than the older of the
  two Parties' editions on the issue date is accepted; an older one is an
  error on that item (``superseded``), or, when the CO was issued
  retroactively after the exporting Party's edition moved on for goods
  shipped before, the retroactive-CO error (``retroactive_not_amended``);
* a retroactive CO on the older edition that is accepted only because the
  importing Party has not moved on is a warning (``retroactive_old_accepted``);
* a CO on an older edition issued before the importing Party's edition moved
  on, presented after it did, is accepted and noted
  (``accepted_transitional``);
* where the scheme has back-to-back COs, such a CO may
  also keep its original's edition or use one in force for a Party concerned;
  a conversion from the original's edition is noted, not checked.

An item without ``hs_version`` is taken to be in the edition in force for the
importing Party on the issue date, so it always passes. Only older editions
are restrained: codes in a newer edition are outside this rule. Without the
parameter for a Party on the issue date the check is not evaluated.
"""

from __future__ import annotations

from datetime import date
from typing import final

import attrs

from roo.context import Context
from roo.evaluation import Finding
from roo.hs.editions import edition_year
from roo.model.certificate import Certificate, Item
from roo.model.hs import HsVersion
from roo.params import ParameterNotInForce, UnknownParameter
from roo.rules.base import PASSED, FindingSpec, Result, judged, not_evaluated


@final
@attrs.frozen
class HsEditionTerms:
    """A scheme's edition parameter (``{party}`` for per-Party editions) and its findings.

    ``retroactive_old_accepted`` matters only where the Parties' editions can
    differ. ``conversion_not_verified`` and ``back_to_back_edition`` are the
    findings of a scheme with back-to-back COs; a scheme without them leaves
    them unset, and a CO's back-to-back box is then not looked at here.
    """

    parameter: str
    superseded: FindingSpec
    retroactive_not_amended: FindingSpec
    accepted_transitional: FindingSpec
    retroactive_old_accepted: FindingSpec | None = None
    conversion_not_verified: FindingSpec | None = None
    back_to_back_edition: FindingSpec | None = None

    @property
    def per_party(self) -> bool:
        """Whether the edition can differ between the Parties (the parameter name depends on the Party)."""
        return "{party}" in self.parameter


def needed(terms: HsEditionTerms, party: str) -> str:
    """The context path naming the edition parameter of ``party``."""
    return f"context.parameters.{terms.parameter.format(party=party)}"


def edition(terms: HsEditionTerms, party: str, ctx: Context, on: date) -> HsVersion | None:
    """The edition of the product-specific rules in force for ``party`` on ``on``, or ``None`` when roo has none."""
    try:
        value = ctx.parameter(terms.parameter.format(party=party), on)
    except (ParameterNotInForce, UnknownParameter):
        return None
    try:
        return HsVersion(value)
    except ValueError:
        return None


def _older(version: HsVersion, than: HsVersion) -> bool:
    return edition_year(version) < edition_year(than)


def _amended_since_shipment(terms: HsEditionTerms, co: Certificate, ctx: Context, exporting: HsVersion) -> date | None:
    """The shipment date, when the CO was issued retroactively after the exporter's edition moved on."""
    if not co.issued_retroactively or co.transport is None or co.transport.departure_date is None:
        return None
    shipped = co.transport.departure_date
    at_shipment = edition(terms, co.exporting_party, ctx, shipped)
    if at_shipment is None or not _older(at_shipment, exporting):
        return None
    return shipped


def check_hs_edition(terms: HsEditionTerms, item: Item, co: Certificate, ctx: Context) -> Result:
    """The item's HS edition is one the transition accepts on the CO's issue date."""
    exporting = edition(terms, co.exporting_party, ctx, co.issue_date)
    importing = edition(terms, co.importing_party, ctx, co.issue_date)
    if exporting is None or importing is None:
        parties = [p for p, e in ((co.exporting_party, exporting), (co.importing_party, importing)) if e is None]
        paths = [needed(terms, party) for party in parties]
        return not_evaluated(*(paths if terms.per_party else dict.fromkeys(paths)))
    version = item.hs_version
    if version is None:
        return PASSED
    conversion, back_to_back_edition = terms.conversion_not_verified, terms.back_to_back_edition
    if co.back_to_back and conversion is not None and back_to_back_edition is not None:
        specs = (conversion, back_to_back_edition)
        return _back_to_back(terms, specs, item, co, ctx, version, (exporting, importing))
    facts = {
        "hs_code": item.hs_code,
        "hs_version": version.value,
        "issue_date": co.issue_date,
        "exporting_party": co.exporting_party,
        "importing_party": co.importing_party,
        "exporting_edition": exporting.value,
        "importing_edition": importing.value,
    }
    shipped = _amended_since_shipment(terms, co, ctx, exporting)
    floor = min(exporting, importing, key=edition_year)
    if _older(version, floor):
        if shipped is not None:
            return judged(terms.retroactive_not_amended(item.number, departure_date=shipped, **facts))
        return judged(terms.superseded(item.number, **facts))
    findings: list[Finding] = []
    old_accepted = terms.retroactive_old_accepted
    if shipped is not None and _older(version, exporting) and old_accepted is not None:
        findings.append(old_accepted(item.number, departure_date=shipped, **facts))
    if ctx.on is not None:
        on_import = edition(terms, co.importing_party, ctx, ctx.on)
        if on_import is not None and _older(version, on_import) and _older(importing, on_import):
            findings.append(
                terms.accepted_transitional(
                    item.number, on=ctx.on, importing_edition_on_import=on_import.value, **facts
                )
            )
    return judged(*findings)


def original_of(co: Certificate, ctx: Context) -> Certificate | None:
    """A back-to-back CO's original, when the context carries it."""
    if co.original_certificate is None:
        return None
    reference = co.original_certificate.reference_number
    for related in ctx.related_certificates:
        if related.reference_number == reference and related is not co:
            return related
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
    original = original_of(co, ctx)
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
    if original is not None and item.original_item is not None:
        original_item = original.item(item.original_item)
    original_version = original_item.hs_version if original_item is not None else None
    findings: list[Finding] = []
    if original is not None and original_item is not None and original_version not in (None, version):
        findings.append(
            conversion_not_verified(
                item.number,
                hs_code=item.hs_code,
                hs_version=version.value,
                original_hs_code=original_item.hs_code,
                original_hs_version=str(original_item.hs_version),
                original_item=original_item.number,
                original_reference=original.reference_number,
            )
        )
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
    return judged(
        back_to_back_edition(
            item.number,
            hs_code=item.hs_code,
            hs_version=version.value,
            issue_date=co.issue_date,
            original_hs_version=original_version.value,
            editions=editions,
        )
    )
