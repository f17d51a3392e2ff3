"""ID MoTR 16/2024 Art 2(3)-(4): whom the safeguard exclusion is for, a COO in every import, preferential COs.

Art 2(3) (read with Art 1(1)-(2)): goods originating in a developing country
may be excluded from a trade safeguard measure when the exporter provides a
certificate of origin in every import. A non-preferential COO therefore
serves only goods within a measure's scope (its HS codes, on the import
date), and only when the measure excludes the country the goods come from.
roo takes the measures from the context (``safeguard_measures``, a
:class:`roo.safeguard.SafeguardTable` the caller supplies; ``roo evaluate
--safeguards``). Without the table, or without the import date, the check is
not evaluated and says which fact it needs. For each item:

* a measure in force on the import date covers its HS code and does not
  exclude the COO's country: the COO cannot exclude the goods from that
  measure and the safeguard duty applies, an error on the item (a COO from a
  country the measure does not exclude never reads as if the duty were
  waived);
* no measure covers it: there is no safeguard duty for the COO to exclude
  the goods from, which roo notes (info) without denying anything;
* the COO prints a code too short to tell (``6907`` against a measure on
  ``6907.21``) and a measure that might cover it does not exclude the
  country: a warning, for customs to settle from the goods' full code;
  a measure covers the code and another, more precise one may cover it:
  the covering measure's finding and the doubt's warning both;
* the code cannot be compared with the table's (:func:`roo.safeguard.hs_digits`
  reads ``HS 6907.21``, ``ex 6907.21`` and ``6907,21`` as ``690721``, but not
  words, two codes or a range): any measure in force might cover the goods,
  so nothing shows that they are outside every measure. When a measure in
  force does not exclude the country, a warning names the code and the check
  is not evaluated (naming ``certificate.items.hs_code``): the item is
  neither granted nor denied on a code roo cannot read. When every measure
  in force excludes the country, the COO serves whichever covers the goods.

"In every import" and, in Art 9, "must be enclosed in every import": a COO
belongs to the import it is enclosed with, and identifies its consignment
(Art 9(i)). A COO issued after the import date, or whose consignment departs
after it, was not enclosed with this import: an error on the whole COO.

*Read again and kept.* Our source says when the COO is submitted (with
every import: "shall submit a Non-Preferred COO ... to DGCE", "must be
enclosed in every import") and says nothing of a COO issued retroactively or
submitted after the import. roo's ``on`` is the date the COO is presented with
the import declaration (docs/formats.md), so a COO issued after it could not
have been presented then: the date order is impossible and the "must" of
Art 9 is not met, an error. A COO issued after its consignment left but by the
day it is presented passes: nothing in the summary forbids a late issue, and a
requirement the text does not give never denies. Should the Regulation's own
text allow later submission (a guarantee, say), this reading must change; it is
unverified because only the summary is read.

*Issued by the exporting country: a documented gap.* The procedural
provisions ask for a COO "issued by the exporting country". The model holds
the exporting Party (``exporting_party``: the country the COO says the goods
are exported from, which the exclusion above reads) and the certifying body's
name as free text (``certification.authority``), but no issuing country.
Reading ``exporting_party`` as the issuing country would make the check pass by
construction, and a body's name does not tell its country, so roo does not
check it: no finding either way (a not-evaluated check naming a fact the data
cannot carry would leave every evaluation incomplete). Customs verify the
issuing agency against the country's notified agencies; a field for the
issuing country would let roo do so.

The Regulation's COO serves the safeguard exclusion and nothing else: its
data elements (Art 9), criteria (Arts 3-8) and field verification (Art 10)
are requirements of goods within a measure. An item that no measure in the
table covers, nor may cover, on the import date is therefore not read
against them (:func:`within_measures`: not applicable to that item); when no
item is within a measure, neither are the COO's certificate-level
requirements. Where some items are within a measure and others outside every
measure, the certificate-level requirements still bind the COO for the goods
within, and only for them: a certificate-level error (a missing data element,
a consignment criterion not met, a COO issued after the import) is reported on
each item within (or perhaps within) a measure, and denies those items; the
goods outside every measure owe no safeguard duty, so no requirement of the
Regulation can deny them (Art 2(3)). Warnings and notes stay on the COO as a
whole: they deny nothing.

Art 2(4): importers of goods under a safeguard measure that come with a
preferential certificate of origin verify the goods' origin and that
certificate under the law on preferential certificates of the agreement it
was issued under. This Regulation's own data elements and criteria do not
apply to such a certificate: roo evaluates an AJCEP or JIEPA CO under its own
scheme (``roo.evaluate`` of that CO). When a MoTR 16/2024 evaluation's
context carries a preferential CO of the same exporting country among its
``related_certificates``, roo says so (info), and evaluates neither under the
other's rules.

Source: MoT Regulation 16/2024, Art 1(1)-(2), Art 2(3)-(4), Art 9 (as summarised in the law-firm note on
the Regulation).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, Final

import attrs

from ...context import Context
from ...evaluation import Finding, Outcome, Severity
from ...model.certificate import Certificate, Item, Scheme
from ...rule_kit import (
    NOT_APPLICABLE,
    PASSED,
    CertificateCheck,
    CertificatePrecheck,
    CertificateRule,
    FindingSpec,
    ItemCheck,
    ItemRule,
    Result,
    Rule,
    judged,
    not_evaluated,
    wrap_rules,
)
from ...safeguard import hs_digits
from ..shared.form import blank
from .citations import EVERY_IMPORT, EXCLUSION, PREFERENTIAL

#: The schemes of preferential certificates roo knows, whose verification Art 2(4) leaves to their agreement.
PREFERENTIAL_SCHEMES: Final = frozenset({Scheme.AJCEP, Scheme.JIEPA})

COUNTRY_NOT_EXCLUDED = FindingSpec(
    "motr-country-not-excluded",
    EXCLUSION,
    Severity.ERROR,
    "The safeguard measure {measure} covers HS {hs_code} on {on} and excludes only goods from {excluded}; a COO "
    "from {country} cannot exclude these goods from it, and the safeguard duty applies.",
)
OUTSIDE_SAFEGUARD_SCOPE = FindingSpec(
    "motr-goods-outside-safeguard-measures",
    EXCLUSION,
    Severity.INFO,
    "No safeguard measure in the table given covers HS {hs_code} on {on}: there is no safeguard duty for this COO "
    "to exclude the goods from.",
)
SCOPE_UNCERTAIN = FindingSpec(
    "motr-safeguard-scope-uncertain",
    EXCLUSION,
    Severity.WARNING,
    "HS {hs_code} is too short to tell whether the safeguard measure {measure} (on {measure_codes}) covers these "
    "goods; it does not exclude goods from {country}, so customs may settle the goods' full code.",
)
CODE_NOT_COMPARABLE = FindingSpec(
    "motr-hs-code-not-comparable",
    EXCLUSION,
    Severity.WARNING,
    "HS {hs_code} cannot be read as one HS code, so roo cannot tell whether a safeguard measure in force on {on} "
    "covers these goods; {measures} do not exclude goods from {country}, and customs may settle the goods' code.",
)
ISSUED_AFTER_IMPORT = FindingSpec(
    "motr-coo-issued-after-import",
    EVERY_IMPORT,
    Severity.ERROR,
    "The COO was issued on {issued}, after the import on {on}: it cannot have been enclosed with this import, "
    "and every import needs its own COO.",
)
DEPARTS_AFTER_IMPORT = FindingSpec(
    "motr-consignment-departs-after-import",
    EVERY_IMPORT,
    Severity.ERROR,
    "The COO's consignment departs on {departure}, after the import on {on}: it identifies another consignment, "
    "and every import needs its own COO.",
)
PREFERENTIAL_CO_PRESENT = FindingSpec(
    "motr-preferential-co-verified-under-agreement",
    PREFERENTIAL,
    Severity.INFO,
    "A preferential CO under {scheme} ({reference}) accompanies goods from {country}: its origin and the CO are "
    "verified under {scheme}'s own rules (evaluate it under that scheme), not under MoTR 16/2024.",
)


def _measures_needed(co: Certificate, ctx: Context) -> Result | None:
    """The shared not-evaluated result when the table or the date is missing, else None."""
    if ctx.safeguard_measures is None:
        return not_evaluated("context.safeguard_measures")
    if ctx.on is None:
        return not_evaluated("context.on")
    return None


def check_exclusion(item: Item, co: Certificate, ctx: Context) -> Result:
    """Whether a measure covers the item and, if so, whether it excludes the COO's country."""
    table = ctx.safeguard_measures
    on = ctx.on
    if table is None or on is None:
        return _measures_needed(co, ctx) or PASSED
    if blank(item.hs_code):
        return not_evaluated("certificate.items.hs_code")  # the missing code is Art 9(d)'s finding
    country = co.exporting_party
    if hs_digits(item.hs_code) is None:
        # Any measure in force may cover goods whose code cannot be read: only those excluding the country are safe.
        open_measures = tuple(m.reference for m in table.in_force(on) if not m.excludes(country))
        if not open_measures:
            return PASSED
        finding = CODE_NOT_COMPARABLE(item.number, hs_code=item.hs_code, on=on, measures=open_measures, country=country)
        return Result(Outcome.NOT_EVALUATED, (finding,), ("certificate.items.hs_code",))
    covering = table.covering(item.hs_code, on)
    findings: list[Finding] = [
        COUNTRY_NOT_EXCLUDED(
            item.number,
            measure=measure.reference,
            hs_code=item.hs_code,
            on=on,
            excluded=measure.excluded_countries or "no country",
            country=country,
        )
        for measure in covering
        if not measure.excludes(country)
    ]
    may_cover = table.may_cover(item.hs_code, on)
    # A measure on a more precise code may cover the goods beside one that does: its doubt is reported too.
    findings.extend(
        SCOPE_UNCERTAIN(
            item.number, hs_code=item.hs_code, measure=measure.reference, measure_codes=measure.hs_codes, country=country
        )
        for measure in may_cover
        if not measure.excludes(country)
    )
    if findings or may_cover or covering:
        return judged(*findings)  # within (or perhaps within) a measure: an error, a doubt, or a COO that serves
    return judged(OUTSIDE_SAFEGUARD_SCOPE(item.number, hs_code=item.hs_code, on=on))


def check_every_import(co: Certificate, ctx: Context) -> Result:
    """The COO could have been enclosed with this import, and its consignment had left before it."""
    on = ctx.on
    if on is None:
        return not_evaluated("context.on")
    findings: list[Finding] = []
    if co.issue_date > on:
        findings.append(ISSUED_AFTER_IMPORT(None, issued=co.issue_date, on=on))
    departure = co.transport.departure_date if co.transport is not None else None
    if departure is not None and departure > on:
        findings.append(DEPARTS_AFTER_IMPORT(None, departure=departure, on=on))
    return judged(*findings)


def check_preferential_co(co: Certificate, ctx: Context) -> Result:
    """Art 2(4): a preferential CO for goods of the same country is verified under its own agreement."""
    findings = [
        PREFERENTIAL_CO_PRESENT(
            None, scheme=related.scheme.value, reference=related.reference_number, country=co.exporting_party
        )
        for related in ctx.related_certificates
        if related.scheme in PREFERENTIAL_SCHEMES and related.exporting_party == co.exporting_party
    ]
    return judged(*findings)


RULES: Final = (
    CertificateRule(
        EVERY_IMPORT,
        "a COO enclosed with this import, for its consignment",
        check_every_import,
        (ISSUED_AFTER_IMPORT, DEPARTS_AFTER_IMPORT),
        ("context.on",),
    ),
    CertificateRule(
        PREFERENTIAL,
        "a preferential CO is verified under its own agreement",
        check_preferential_co,
        (PREFERENTIAL_CO_PRESENT,),
    ),
    ItemRule(
        EXCLUSION,
        "goods within a safeguard measure, from a country it excludes",
        check_exclusion,
        (COUNTRY_NOT_EXCLUDED, OUTSIDE_SAFEGUARD_SCOPE, SCOPE_UNCERTAIN, CODE_NOT_COMPARABLE),
        ("context.safeguard_measures", "context.on"),
        precheck=_measures_needed,
    ),
)


# --- The Regulation's other requirements concern goods within a measure ----------------------------------


def outside_every_measure(item: Item, ctx: Context) -> bool:
    """Whether the context's table shows that no measure covers, nor may cover, the item on the import date.

    False whenever that cannot be told (no table, no import date, no HS code, a code that cannot be compared
    with the table's): the item is then read against every requirement, as goods within a measure would be.
    """
    table = ctx.safeguard_measures
    on = ctx.on
    if table is None or on is None or blank(item.hs_code) or hs_digits(item.hs_code) is None:
        return False
    return not table.covering(item.hs_code, on) and not table.may_cover(item.hs_code, on)


def _every_item_outside(co: Certificate, ctx: Context) -> bool:
    if ctx.safeguard_measures is None or ctx.on is None or not co.items:
        return False
    return all(outside_every_measure(item, ctx) for item in co.items)


def _some_item_outside(co: Certificate, ctx: Context) -> bool:
    if ctx.safeguard_measures is None or ctx.on is None:
        return False
    return any(outside_every_measure(item, ctx) for item in co.items)


def _on_items_within(result: Result, co: Certificate, ctx: Context) -> Result:
    """``result`` with each certificate-level error reported on every item within (or perhaps within) a measure.

    Goods outside every measure are not held to the Regulation (Art 2(3)): a defect of the COO as a whole
    concerns only the goods the COO must exclude from a measure. Linear: each error once per such item.
    """
    if not any(f.item is None and f.severity is Severity.ERROR for f in result.findings):
        return result
    within = [item.number for item in co.items if not outside_every_measure(item, ctx)]
    findings: list[Finding] = []
    for finding in result.findings:
        if finding.item is None and finding.severity is Severity.ERROR:
            findings.extend(attrs.evolve(finding, item=number) for number in within)
        else:
            findings.append(finding)
    return attrs.evolve(result, findings=tuple(findings))


def _certificate_check(check: CertificateCheck) -> CertificateCheck:
    @functools.wraps(check)
    def within(co: Certificate, ctx: Context) -> Result:
        if _every_item_outside(co, ctx):
            return NOT_APPLICABLE
        result = check(co, ctx)
        return _on_items_within(result, co, ctx) if _some_item_outside(co, ctx) else result

    return within


def _item_check(check: ItemCheck) -> ItemCheck:
    @functools.wraps(check)
    def within(item: Item, co: Certificate, ctx: Context) -> Result:
        return NOT_APPLICABLE if outside_every_measure(item, ctx) else check(item, co, ctx)

    return within


def _precheck(precheck: CertificatePrecheck) -> CertificatePrecheck:
    @functools.wraps(precheck)
    def within(co: Certificate, ctx: Context) -> Any:
        if _every_item_outside(co, ctx):
            return NOT_APPLICABLE
        if _some_item_outside(co, ctx):
            return None  # the items differ: check item by item
        return precheck(co, ctx)

    return within


def within_measures(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """``rules``, not applicable to an item outside every safeguard measure of the context's table.

    A certificate rule is not applicable when every item is outside; when some
    are, its errors are reported on each item within (or perhaps within) a
    measure instead of the whole COO; with no table, no import date, or no item
    outside, each rule reads the COO as given.
    """
    return wrap_rules(rules, _certificate_check, _item_check, _precheck)
