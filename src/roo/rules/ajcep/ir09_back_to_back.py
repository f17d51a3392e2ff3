"""AJCEP IR 9: a back-to-back CO for a partial shipment shows partial value and quantity, within the original's.

An intermediate Party may issue a back-to-back CO for an originating good it
re-exports to another Party, on the basis of the valid original CO presented
to it (OCP Rule 3(4)(a)); the box "Back-to-Back CO" in box 13 is ticked (form
note 8). For partial export shipments the back-to-back CO shows the partial
export value and the partial quantity, and the issuing Party ensures that the
total quantity exported under the partial shipments does not exceed the total
quantity shown in the original CO.

**Whatever box 13 says.** A CO that names the original it is based on
(``original_certificate``) is back-to-back in substance: it gets every check
below, ticked or not, and the missing tick is a finding of its own (a
``warning``: form note 8 says the box "should" be ticked). A ticked CO that
names no original is not evaluated (``certificate.original_certificate``),
with a ``warning`` saying so: the texts roo can read (IR 9, IR 17(d), form
note 8) say the back-to-back CO rests on a valid original CO, but none of them
says the back-to-back CO must name it, and the rule that may (OCP Rule
3(4)) has not been read. What the missing reference takes away is the fact
the checks below need, so they cannot be made: the evaluation is incomplete,
never accepted as if the original had been checked, and never denied on a
requirement roo cannot cite. See
:mod:`roo.rules.shared.back_to_back` for how the original and the other
back-to-back COs of it are found in ``related_certificates``.

roo checks:

* **The reference to the original** (the whole CO). The original must be a
  possible basis, or the CO rests on nothing (certificate errors): a CO that
  names itself as its original (same reference number, no other exporting
  Party); an original issued after the back-to-back CO (it cannot have been
  presented before it existed; issued the same day is possible); an original
  in the context issued under another agreement, or for goods from a country
  that is not a Party (also when only the reference names that country); an
  original issued before the Agreement entered into force for its exporting
  Party (Art 79; a ``warning`` when roo's date for that Party is not
  confirmed), judged on the original in the context, else on the Party and
  date the reference on the CO states (the same facts, wherever they are
  written); an original in the context that is itself a replacement of a CO
  issued before that date, by the first issue date of its chain the data show
  (IR 5(a): a replacement lives the life of the CO it replaces). When the original's issue date is known (from the original in
  ``related_certificates``, else from the reference), the back-to-back CO must
  be issued within the original's validity (``ajcep.co.validity_months``, as
  in force on the original's issue date), since only a valid original
  supports it. An original in the context that is itself a replacement CO is
  valid only during the validity of the CO it replaces (IR 5(a)), counted
  from that CO's issue date.
  When neither gives that date, whether the original was valid cannot be
  told: the check is not evaluated (``certificate.original_certificate.issue_date``),
  never passed.
  **An original already replaced.** IR 5(a) invalidates a CO once a new CO
  replaces it, and a back-to-back CO rests on a *valid* original (OCP Rule
  3(4)(a)). When ``related_certificates`` hold a replacement of the original
  (from the original's exporting Party, naming its reference number in
  ``replaces``), the earliest one decides: issued before the back-to-back CO,
  the original was invalid when the back-to-back CO rested on it (a
  certificate error, ``back-to-back-original-replaced``); issued the same
  day, the dates do not say which came first (a ``warning``); issued later,
  the original was valid then, and the ``warning`` asks customs to verify
  that the same goods are not claimed twice. Without related certificates
  nothing says a replacement exists, and nothing is reported.
  Details of the reference that disagree with the original in the context are
  a ``warning``. The back-to-back CO is issued by the intermediate Party, the
  one the original CO was issued for: when the original in the context names
  another importing Party than this CO's exporting Party, that is a
  ``warning`` for customs to verify (the goods may have moved on in ways the
  COs do not show).
* **Which original item an item draws from**: ``original_item`` when given;
  otherwise the original's item with the same number, provided it is the same
  good (the same six-digit HS subheading, or a code that cannot be compared);
  otherwise the one item of the original in the same subheading. When no
  single item matches, the checks that need it are not evaluated
  (``certificate.items.original_item``): roo does not guess.
* **Partial value and quantity** (each item): every item shows its quantity
  (an error on that item otherwise); a gross weight shows it too, since IR
  2(c) gives gross and net weight as a good's quantity. The FOB value is required "in the case
  of partial export shipments": when the items of this CO drawing from an
  original item take less than that item's quantity, the shipment is partial
  and a missing FOB value is an error on the item; when they take the whole
  quantity it is not, and the value may be left out. Without the original in
  the context, or when the item shows only its gross weight (which roo does
  not compare with the original item's quantity), roo cannot tell, and the
  value check is not evaluated; so is the total below.
* **Total quantity** (each item): the quantities drawn from the original item
  by the other back-to-back COs in ``related_certificates`` naming the same
  original (ticked or not) and issued *before* this one, by the items listed before this one
  on this CO, and by this item, added up, must not exceed the original item's
  quantity; otherwise this item is denied. Quantities are allocated in order,
  so the item that goes past the original's quantity is the one denied, and
  a problem with a later item never denies an earlier one (IR 3(j)); later
  COs are left out for the same reason. A back-to-back CO issued on the same
  day as this one cannot be put before or after it from the dates alone: when
  only such a CO takes the total past the original's quantity, the item gets
  a ``warning`` for customs to verify, not a denial. An earlier item of this
  CO without a quantity counts as nothing here (its own missing quantity is
  reported against it). Quantities are compared only in the same unit; a
  different unit is a ``warning`` and the total is not evaluated. Without the
  original in the context the total is not evaluated.

Who the text speaks to: IR 9 puts the duty to keep the total within the
original's quantity on the Party issuing the back-to-back CO. The importing
customs deny the excess on another ground: a back-to-back CO is issued on
the basis of the original CO (OCP Rule 3(4)(a)), and what goes past the
original's quantity has no original behind it. The finding keeps IR 9's
citation, where the cap is written.

Every lookup is indexed once per certificate and context, so the checks cost
time linear in the items and the related certificates.

Source: AJCEP Implementing Regulations, Rule 9; Annex 4 (OCP), Rule 3(4)(a); notes to the AJCEP CO form, note 8.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final, final

import attrs

from ...context import Context
from ...dates import add_months
from ...evaluation import Finding, Outcome, Severity
from ...locale import N_
from ...model.certificate import Certificate, CertificateReference, Item, Scheme
from ...model.money import Quantity
from ...params import ParameterNotInForce
from ...rule_kit import (
    NOT_APPLICABLE,
    PASSED,
    CertificateRule,
    FindingSpec,
    ItemRule,
    Result,
    failed,
    judged,
    not_evaluated,
)
from ..shared import back_to_back
from ..shared.back_to_back import reference_key
from ..shared.retroactive import first_issue_date
from .ir08_accumulation_evidence import AJCEP_PARTIES
from .ir15_goods_in_transit import entry_into_force, entry_into_force_verified

RULE: Final = "AJCEP/IR/9"
RULE_OCP: Final = "AJCEP/OCP/3(4)"
RULE_FORM: Final = "AJCEP/FORM/8"
#: A replacement invalidates the CO it replaces (IR 5(a)): an original replaced is no valid original (OCP 3(4)(a)).
RULE_REPLACED: Final = "AJCEP/IR/5(a)"

VALIDITY_MONTHS: Final = "ajcep.co.validity_months"

ORIGINAL_MISSING = FindingSpec(
    "back-to-back-original-missing",
    RULE_OCP,
    Severity.WARNING,
    "The CO is ticked 'Back-to-Back CO' but does not name the original CO it is based on; whether that original "
    "was a valid CO of a Party cannot be checked, and customs may verify.",
)
ORIGINAL_EXPIRED = FindingSpec(
    "back-to-back-original-expired",
    RULE_OCP,
    Severity.ERROR,
    "The back-to-back CO was issued on {issue_date}, after the original CO '{original_reference}' "
    "(issued {original_issue_date}) ceased to be valid on {original_valid_until}.",
)
ORIGINAL_IS_ITSELF = FindingSpec(
    "back-to-back-original-is-itself",
    RULE_OCP,
    Severity.ERROR,
    "The CO names itself ('{original_reference}') as the original CO it is based on; a back-to-back CO rests on "
    "another CO.",
)
ORIGINAL_ISSUED_LATER = FindingSpec(
    "back-to-back-original-issued-later",
    RULE_OCP,
    Severity.ERROR,
    "The back-to-back CO was issued on {issue_date}, before the original CO '{original_reference}' it is based on "
    "(issued {original_issue_date}); it cannot rest on a CO that did not exist yet.",
)
ORIGINAL_NOT_UNDER_AGREEMENT = FindingSpec(
    "back-to-back-original-not-ajcep",
    RULE_OCP,
    Severity.ERROR,
    "The original CO '{original_reference}' was issued under {original_scheme}, not under the AJCEP Agreement; a "
    "back-to-back CO rests on an original CO issued under the Agreement.",
)
ORIGINAL_NOT_FROM_PARTY = FindingSpec(
    "back-to-back-original-not-from-a-party",
    RULE_OCP,
    Severity.ERROR,
    "The original CO '{original_reference}' is for goods exported from {original_exporting_party}, which is not a "
    "Party to the Agreement; a back-to-back CO rests on an original CO issued by a Party.",
)
ORIGINAL_BEFORE_ENTRY_INTO_FORCE = FindingSpec(
    "back-to-back-original-before-entry-into-force",
    RULE_OCP,
    Severity.ERROR,
    "The original CO '{original_reference}' was issued on {original_issue_date}, before the AJCEP Agreement entered "
    "into force for its exporting Party ({original_exporting_party}) on {entry_into_force}; it is not a CO under the "
    "Agreement.",
)
ORIGINAL_BEFORE_ENTRY_INTO_FORCE_UNVERIFIED = FindingSpec(
    "back-to-back-original-before-entry-into-force-unverified",
    RULE_OCP,
    Severity.WARNING,
    "The original CO '{original_reference}' was issued on {original_issue_date}, before {entry_into_force}, the date "
    "roo holds for the AJCEP Agreement's entry into force for its exporting Party ({original_exporting_party}); that "
    "date is not confirmed from an official source, so customs may verify.",
)
ORIGINAL_REPLACES_BEFORE_ENTRY_INTO_FORCE = FindingSpec(
    "back-to-back-original-replaces-co-before-entry-into-force",
    RULE_OCP,
    Severity.ERROR,
    "The original CO '{original_reference}' replaces a CO first issued on {first_issue_date}, before the AJCEP "
    "Agreement entered into force for its exporting Party ({original_exporting_party}) on {entry_into_force}; a "
    "replacement is valid only during the validity of the CO it replaces, which is not a CO under the Agreement.",
)
ORIGINAL_REPLACES_BEFORE_ENTRY_INTO_FORCE_UNVERIFIED = FindingSpec(
    "back-to-back-original-replaces-co-before-entry-into-force-unverified",
    RULE_OCP,
    Severity.WARNING,
    "The original CO '{original_reference}' replaces a CO first issued on {first_issue_date}, before "
    "{entry_into_force}, the date roo holds for the AJCEP Agreement's entry into force for its exporting Party "
    "({original_exporting_party}); that date is not confirmed from an official source, so customs may verify.",
)
ORIGINAL_DETAILS_DIFFER = FindingSpec(
    "back-to-back-original-details-differ",
    RULE_OCP,
    Severity.WARNING,
    "The back-to-back CO gives the original CO '{original_reference}' as {stated}, but the original "
    "shows {actual}; customs may verify.",
)
ISSUER_NOT_INTERMEDIATE = FindingSpec(
    "back-to-back-issuer-not-intermediate",
    RULE_OCP,
    Severity.WARNING,
    "The back-to-back CO is issued in {exporting_party}, but the original CO '{original_reference}' was issued for "
    "goods imported into {original_importing_party}; a back-to-back CO is issued by the intermediate Party, so "
    "customs may verify the route of the goods.",
)
ORIGINAL_REPLACED = FindingSpec(
    "back-to-back-original-replaced",
    RULE_REPLACED,
    Severity.ERROR,
    "The original CO '{original_reference}' was replaced by the CO '{replacement_reference}' issued on "
    "{replacement_issue_date}, before this back-to-back CO was issued on {issue_date}; a CO for which a new CO has "
    "been issued is invalidated, so it was no valid original to rest on.",
)
ORIGINAL_REPLACED_SAME_DAY = FindingSpec(
    "back-to-back-original-replaced-same-day",
    RULE_REPLACED,
    Severity.WARNING,
    "The original CO '{original_reference}' was replaced by the CO '{replacement_reference}' issued on "
    "{replacement_issue_date}, the day this back-to-back CO was issued; the dates do not say which came first, so "
    "customs may verify that the original was still valid.",
)
ORIGINAL_REPLACED_LATER = FindingSpec(
    "back-to-back-original-replaced-later",
    RULE_REPLACED,
    Severity.WARNING,
    "The original CO '{original_reference}' was replaced by the CO '{replacement_reference}' issued on "
    "{replacement_issue_date}, after this back-to-back CO was issued on {issue_date}; the original was valid then, "
    "so customs may verify that preference is not claimed twice for the same goods.",
)
BOX_NOT_TICKED = FindingSpec(
    "back-to-back-box-not-ticked",
    RULE_FORM,
    Severity.WARNING,
    "The CO names an original CO ('{original_reference}') but the box 'Back-to-Back CO' in box 13 is not ticked.",
)
PARTIAL_VALUE_MISSING = FindingSpec(
    "back-to-back-partial-value-missing",
    RULE,
    Severity.ERROR,
    "The back-to-back CO does not show the item's (partial) FOB value.",
)
PARTIAL_QUANTITY_MISSING = FindingSpec(
    "back-to-back-partial-quantity-missing",
    RULE,
    Severity.ERROR,
    "The back-to-back CO does not show the item's (partial) quantity.",
)
QUANTITY_EXCEEDS_ORIGINAL = FindingSpec(
    "back-to-back-quantity-exceeds-original",
    RULE,
    Severity.ERROR,
    "Back-to-back COs draw {total} in all from item {original_item} of the original CO "
    "'{original_reference}', more than its {original_quantity} (this CO: {this_certificate}; earlier: "
    "{earlier}).",
)
ORIGINAL_ITEM_NOT_FOUND = FindingSpec(
    "back-to-back-original-item-not-found",
    RULE,
    Severity.ERROR,
    "The item draws from item {original_item} of the original CO '{original_reference}', which has no such item.",
)
QUANTITY_EXCEEDS_ORIGINAL_SAME_DAY = FindingSpec(
    "back-to-back-quantity-exceeds-original-same-day",
    RULE,
    Severity.WARNING,
    "Back-to-back COs draw {total} in all from item {original_item} of the original CO '{original_reference}', "
    "more than its {original_quantity}, counting {same_day}, issued on the same day as this CO; the dates do "
    "not say which came first, so customs may verify.",
)
UNIT_MISMATCH = FindingSpec(
    "back-to-back-quantity-unit-mismatch",
    RULE,
    Severity.WARNING,
    "Quantities drawn from item {original_item} of the original CO '{original_reference}' are not all in its "
    "unit {original_unit} ({units}); roo did not add them up and customs may verify.",
)


def find_original(co: Certificate, ctx: Context) -> Certificate | None:
    """The original CO named by ``co``, if the context carries it (a related CO with its reference, not back-to-back)."""
    return back_to_back.find_original(co, ctx)


#: What the reference check needs when a CO ticked 'Back-to-Back CO' names no original.
ORIGINAL_NEEDED: Final = "certificate.original_certificate"

#: What the reference check needs when neither the reference nor the context gives the original's issue date.
ORIGINAL_DATE_NEEDED: Final = "certificate.original_certificate.issue_date"


def _original_findings(co: Certificate, ctx: Context, reference: CertificateReference) -> list[Finding]:
    """What is wrong with the original CO ``co`` rests on: not an AJCEP CO, not from a Party, or differing details."""
    findings: list[Finding] = []
    shown = reference.reference_number
    original = find_original(co, ctx)
    stated_party = reference.exporting_party
    if original is None:
        if stated_party is not None and stated_party not in AJCEP_PARTIES:
            findings.append(ORIGINAL_NOT_FROM_PARTY(None, original_reference=shown, original_exporting_party=stated_party))
        elif stated_party is not None and reference.issue_date is not None:
            # The reference on the CO states the original's Party and date: the same facts, judged the same way.
            findings.extend(_original_in_force(stated_party, reference.issue_date, None, ctx, shown))
        return findings
    if original.scheme is not Scheme.AJCEP:
        findings.append(ORIGINAL_NOT_UNDER_AGREEMENT(None, original_reference=shown, original_scheme=original.scheme.value))
    if original.exporting_party not in AJCEP_PARTIES:
        findings.append(
            ORIGINAL_NOT_FROM_PARTY(None, original_reference=shown, original_exporting_party=original.exporting_party)
        )
    else:
        # An original that is itself a replacement lives the life of the first CO of its chain (IR 5(a)).
        first = first_issue_date(original, ctx) if original.replaces is not None else None
        findings.extend(_original_in_force(original.exporting_party, original.issue_date, first, ctx, shown))
    date_differs = reference.issue_date is not None and reference.issue_date != original.issue_date
    party_differs = stated_party is not None and stated_party != original.exporting_party
    if date_differs or party_differs:
        findings.append(_details_differ(shown, reference, original, date_differs, party_differs))
    if original.importing_party != co.exporting_party:
        findings.append(
            ISSUER_NOT_INTERMEDIATE(
                None,
                exporting_party=co.exporting_party,
                original_reference=shown,
                original_importing_party=original.importing_party,
            )
        )
    return findings


#: How the back-to-back CO's details of its original read, by (issue date differs, exporting Party differs).
_DETAILS: Final = {
    (True, True): (
        N_("issued {stated_issue_date} and exported from {stated_exporting_party}"),
        N_("issued {original_issue_date} and exported from {original_exporting_party}"),
    ),
    (True, False): (N_("issued {stated_issue_date}"), N_("issued {original_issue_date}")),
    (False, True): (N_("exported from {stated_exporting_party}"), N_("exported from {original_exporting_party}")),
}


def _details_differ(
    shown: str, reference: CertificateReference, original: Certificate, date_differs: bool, party_differs: bool
) -> Finding:
    """The back-to-back CO's details of its original against the original's own, as typed facts.

    ``stated`` and ``actual`` keep the English phrases; ``stated_template`` and ``actual_template`` are their
    msgids, so a Japanese or Indonesian message takes the words from the catalogue and the dates and Parties
    from the typed facts.
    """
    stated_template, actual_template = _DETAILS[(date_differs, party_differs)]
    typed = {
        "stated_issue_date": reference.issue_date,
        "original_issue_date": original.issue_date,
        "stated_exporting_party": reference.exporting_party,
        "original_exporting_party": original.exporting_party,
    }
    plain = {key: value.isoformat() if isinstance(value, date) else value for key, value in typed.items()}
    return ORIGINAL_DETAILS_DIFFER(
        None,
        original_reference=shown,
        stated=stated_template.format_map(plain),
        actual=actual_template.format_map(plain),
        stated_template=stated_template,
        actual_template=actual_template,
        **typed,
    )


def _replaced_findings(
    co: Certificate, ctx: Context, reference: CertificateReference, original: Certificate | None
) -> list[Finding]:
    """What the replacements of the original in ``related_certificates`` say of it when ``co`` was issued.

    A replacement is a related CO from the original's exporting Party naming the original's reference number in
    ``replaces`` (IR 5(a)), under a reference number of its own. The earliest counts: issued before ``co``, the
    original was invalidated before ``co`` rested on it (an error); the same day, the order is unknown (a
    warning); later, the original was valid then (a warning: the same goods may be claimed twice). The
    original's exporting Party is the one in the context, else the one the reference states; without either,
    roo does not match replacements across Parties.
    """
    wanted = reference_key(reference.reference_number)
    party = original.exporting_party if original is not None else reference.exporting_party
    if wanted is None or party is None or not ctx.related_certificates:
        return []
    replacements = [
        related
        for related in ctx.related_certificates
        if related is not co
        and related is not original
        and related.replaces is not None
        and related.exporting_party == party
        and reference_key(related.replaces.reference_number) == wanted
        and reference_key(related.reference_number) != wanted
    ]
    if not replacements:
        return []
    first = min(replacements, key=lambda replacement: replacement.issue_date)
    facts = {
        "original_reference": reference.reference_number,
        "replacement_reference": first.reference_number,
        "replacement_issue_date": first.issue_date,
        "issue_date": co.issue_date,
    }
    if first.issue_date < co.issue_date:
        return [ORIGINAL_REPLACED(None, **facts)]
    if first.issue_date == co.issue_date:
        return [ORIGINAL_REPLACED_SAME_DAY(None, **facts)]
    return [ORIGINAL_REPLACED_LATER(None, **facts)]


def _original_in_force(party: str, issued: date, first: date | None, ctx: Context, shown: str) -> list[Finding]:
    """An error (a warning on an unconfirmed date) when the original predates the Agreement for its exporting Party.

    ``issued`` is the original's issue date (its own, or the one the reference gives); ``first``, for an original
    that is a replacement, the first issue date of its chain the data show (None when not shown or not one).
    """
    found = entry_into_force(party, ctx, issued)
    if isinstance(found, Result):
        return []  # the date is not known: the original's own evaluation reports that
    entry, read_on = found
    facts = {"original_reference": shown, "original_exporting_party": party, "entry_into_force": entry}
    if issued < entry:
        verified = entry_into_force_verified(party, ctx, read_on)
        spec = ORIGINAL_BEFORE_ENTRY_INTO_FORCE if verified else ORIGINAL_BEFORE_ENTRY_INTO_FORCE_UNVERIFIED
        return [spec(None, original_issue_date=issued, **facts)]
    if first is not None and first < entry:
        verified = entry_into_force_verified(party, ctx, read_on)
        spec = (
            ORIGINAL_REPLACES_BEFORE_ENTRY_INTO_FORCE
            if verified
            else ORIGINAL_REPLACES_BEFORE_ENTRY_INTO_FORCE_UNVERIFIED
        )
        return [spec(None, original_issue_date=issued, first_issue_date=first, **facts)]
    return []


def check_original_reference(co: Certificate, ctx: Context) -> Result:
    """A back-to-back CO names its original, a valid AJCEP CO of a Party issued before it and valid when it was issued.

    Whatever box 13 says: a CO that names an original is checked as a
    back-to-back CO, and the missing tick is a finding of its own. Data that
    do not say whether the box is ticked (``None``) leave that part not
    evaluated, never reported as unticked.
    """
    result = _check_original_reference(co, ctx)
    if co.back_to_back is None and back_to_back.based_on_original(co) and result.outcome is Outcome.PASSED:
        return Result(Outcome.NOT_EVALUATED, result.findings, ("certificate.back_to_back",))
    return result


def _check_original_reference(co: Certificate, ctx: Context) -> Result:
    reference = co.original_certificate
    if not back_to_back.based_on_original(co):
        if not co.back_to_back:
            return NOT_APPLICABLE
        # The checks of the original need its reference: not evaluated, naming it, with the warning that says why.
        return Result(Outcome.NOT_EVALUATED, (ORIGINAL_MISSING(None),), (ORIGINAL_NEEDED,))
    assert reference is not None  # based on an original
    findings: list[Finding] = []
    if co.back_to_back is False:
        findings.append(BOX_NOT_TICKED(None, original_reference=reference.reference_number))
    if back_to_back.names_itself(co):
        findings.append(ORIGINAL_IS_ITSELF(None, original_reference=reference.reference_number))
        return judged(*findings)
    findings.extend(_original_findings(co, ctx, reference))
    original = find_original(co, ctx)
    original_issue_date = original.issue_date if original is not None else reference.issue_date
    if original_issue_date is None:
        if any(finding.severity is Severity.ERROR for finding in findings):
            return judged(*findings)
        # Whether the original was valid when the back-to-back CO was issued needs its date of issuance.
        return Result(Outcome.NOT_EVALUATED, tuple(findings), (ORIGINAL_DATE_NEEDED,))
    if original_issue_date > co.issue_date:
        findings.append(
            ORIGINAL_ISSUED_LATER(
                None,
                issue_date=co.issue_date,
                original_reference=reference.reference_number,
                original_issue_date=original_issue_date,
            )
        )
        return judged(*findings)
    findings.extend(_replaced_findings(co, ctx, reference, original))
    # An original that is itself a replacement is valid only during the validity of the CO it replaces (IR 5(a)).
    valid_from = original_issue_date
    if original is not None and original.replaces is not None:
        valid_from = first_issue_date(original, ctx) or original_issue_date
    try:
        months = int(ctx.parameter(VALIDITY_MONTHS, valid_from))
    except ParameterNotInForce:
        return Result(Outcome.NOT_EVALUATED, tuple(findings), (f"context.parameters[{VALIDITY_MONTHS}]",))
    valid_until = add_months(valid_from, months)
    if co.issue_date > valid_until:
        findings.append(
            ORIGINAL_EXPIRED(
                None,
                issue_date=co.issue_date,
                original_reference=reference.reference_number,
                original_issue_date=original_issue_date,
                original_valid_until=valid_until,
            )
        )
    return judged(*findings)


#: What the checks say when they cannot tell which item of the original an item draws from.
ORIGINAL_ITEM_NEEDED: Final = "certificate.items.original_item"


def source_item(item: Item, original: Certificate) -> int | None:
    """The number of the original's item that ``item`` draws from, or None when roo cannot tell.

    ``original_item`` when given (whether the original has it is for the
    total-quantity check to say); otherwise the original's item with the same
    number if it is the same good (same six-digit subheading, or a code that
    cannot be compared); otherwise the one original item in the same
    subheading.
    """
    return back_to_back.OriginalIndex(original).source(item)


def _same_unit(a: str, b: str) -> bool:
    return a.strip().upper() == b.strip().upper()


def _unit_key(unit: str) -> str:
    return unit.strip().upper()


@final
class _Tally:
    """Quantities drawn from one original item: their sum and their units, as written, in order of appearance."""

    __slots__ = ("total", "units")

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.units: tuple[str, ...] = ()

    def add(self, quantity: Quantity) -> None:
        self.total += quantity.value
        if quantity.unit not in self.units:
            self.units = (*self.units, quantity.unit)  # a new tuple only for a new unit: a handful per item


@final
@attrs.frozen
class _Draws:
    """How the items of a back-to-back CO, and of the other back-to-back COs of its original, draw on the original.

    Worked out once per certificate and context (items and related
    certificates read once each), so that every item's checks are lookups.
    ``before[p]`` is what the items before position ``p`` of this CO draw
    from the same original item as item ``p`` (quantities given only), and
    ``whole`` what the whole CO draws from each original item. ``earlier`` and
    ``same_day`` are what the other back-to-back COs of the original issued
    before, and on the same day as, this one draw from each original item;
    ``earlier_unknown`` the original items an earlier CO draws from without a
    quantity, and ``undetermined`` the subheadings of earlier items whose
    original item roo cannot tell.
    """

    sources: tuple[int | None, ...]
    positions: Mapping[int, int]
    before: tuple[_Tally | None, ...]
    whole: Mapping[int, _Tally]
    earlier: Mapping[int, _Tally]
    earlier_unknown: frozenset[int]
    undetermined: frozenset[str]
    same_day: Mapping[int, Mapping[str, Decimal]]
    earlier_references: tuple[str, ...]
    same_day_references: tuple[str, ...]


def _snapshot(tally: _Tally | None) -> _Tally | None:
    if tally is None:
        return None
    copy = _Tally()
    copy.total, copy.units = tally.total, tally.units
    return copy


def _draws(co: Certificate, ctx: Context) -> _Draws | None:
    """The :class:`_Draws` of ``co`` in ``ctx``, or None when the context does not carry its original."""
    basis = back_to_back.basis(co, ctx)
    index = basis.index
    if index is None:
        return None
    sources = tuple([index.source(i) for i in co.items])
    running: dict[int, _Tally] = {}
    before: list[_Tally | None] = []
    for item, number in zip(co.items, sources, strict=True):
        before.append(_snapshot(running.get(number)) if number is not None else None)
        if number is not None and item.quantity is not None:
            running.setdefault(number, _Tally()).add(item.quantity)
    earlier: dict[int, _Tally] = {}
    earlier_unknown: set[int] = set()
    undetermined: set[str] = set()
    same_day: dict[int, dict[str, Decimal]] = {}
    earlier_references: list[str] = []
    same_day_references: list[str] = []
    for sibling in basis.siblings:
        if sibling.issue_date > co.issue_date:
            continue  # a later CO cannot make this one exceed the original
        is_earlier = sibling.issue_date < co.issue_date
        (earlier_references if is_earlier else same_day_references).append(sibling.reference_number or "(no reference)")
        for item in sibling.items:
            number = index.source(item)
            if number is None:
                head = back_to_back.subheading(item)
                if is_earlier and head is not None:
                    undetermined.add(head)
                continue
            quantity = item.quantity
            if is_earlier:
                if quantity is None:
                    earlier_unknown.add(number)
                else:
                    earlier.setdefault(number, _Tally()).add(quantity)
            elif quantity is not None:
                by_unit = same_day.setdefault(number, {})
                key = _unit_key(quantity.unit)
                by_unit[key] = by_unit.get(key, Decimal(0)) + quantity.value
    return _Draws(
        sources=sources,
        positions={id(item): position for position, item in enumerate(co.items)},
        before=tuple(before),
        whole=running,
        earlier=earlier,
        earlier_unknown=frozenset(earlier_unknown),
        undetermined=frozenset(undetermined),
        same_day=same_day,
        earlier_references=tuple(earlier_references),
        same_day_references=tuple(same_day_references),
    )


#: The :class:`_Draws` of a CO in a context, worked out once for all its items.
draws: Final = back_to_back.per_certificate(_draws)


def _original_quantity_needed(reference: str, number: int) -> str:
    """The needed fact when the original CO's item gives no quantity: the item by its number, not a position."""
    return f"context.related_certificates (the quantity of item {number} of the original CO '{reference}')"


def _position(item: Item, co: Certificate, found: _Draws) -> int | None:
    """Where ``item`` stands on ``co`` (None for an item that is not one of its items)."""
    position = found.positions.get(id(item))
    return position if position is not None and co.items[position] is item else None


def _source_of(item: Item, co: Certificate, ctx: Context, found: _Draws) -> int | None:
    position = _position(item, co, found)
    if position is not None:
        return found.sources[position]
    index = back_to_back.basis(co, ctx).index
    return index.source(item) if index is not None else None


def _is_partial(item: Item, co: Certificate, ctx: Context) -> bool | Result:
    """Whether this CO ships less than the original item ``item`` draws from, or the not-evaluated result."""
    found = draws(co, ctx)
    basis = back_to_back.basis(co, ctx)
    if found is None or basis.index is None:
        return not_evaluated("context.related_certificates")
    number = _source_of(item, co, ctx, found)
    source = basis.index.item(number) if number is not None else None
    if number is None or source is None:
        return not_evaluated(ORIGINAL_ITEM_NEEDED)
    if source.quantity is None:
        return not_evaluated(_original_quantity_needed(_reference(co), number))
    drawn = found.whole.get(number)
    if drawn is None:
        return True  # nothing of this CO with a quantity draws from it
    if not all(_same_unit(unit, source.quantity.unit) for unit in drawn.units):
        return not_evaluated("quantities in the original item's unit")
    return drawn.total < source.quantity.value


def _reference(co: Certificate) -> str:
    return co.original_certificate.reference_number if co.original_certificate is not None else ""


def _precheck_back_to_back(co: Certificate, ctx: Context) -> Result | None:
    """Item rules of back-to-back COs apply to a CO ticked so or based on an original."""
    return None if back_to_back.back_to_back(co) else NOT_APPLICABLE


def _precheck_based_on_original(co: Certificate, ctx: Context) -> Result | None:
    """The total quantity concerns a CO that names its original (ticked or not), and not one naming itself."""
    if not back_to_back.based_on_original(co) or back_to_back.names_itself(co):
        return NOT_APPLICABLE
    return None


def check_partial_value_and_quantity(item: Item, co: Certificate, ctx: Context) -> Result:
    """Each item of a back-to-back CO shows its quantity, and its FOB value when the shipment is partial."""
    if not back_to_back.back_to_back(co):
        return NOT_APPLICABLE
    if item.quantity is None and item.gross_weight is None:
        return failed(PARTIAL_QUANTITY_MISSING(item.number))  # without it, whether the shipment is partial is unknown
    if item.fob_value is not None or not back_to_back.based_on_original(co) or back_to_back.names_itself(co):
        return PASSED  # without an original named, the reference rule reports the CO
    if item.quantity is None:
        # The gross weight shows the quantity (IR 2(c)), but not in terms of the original item's quantity.
        return not_evaluated("certificate.items.quantity")
    partial = _is_partial(item, co, ctx)
    if isinstance(partial, Result):
        return partial
    return failed(PARTIAL_VALUE_MISSING(item.number)) if partial else PASSED


def check_total_quantity(item: Item, co: Certificate, ctx: Context) -> Result:
    """The quantities drawn from one original item by all back-to-back COs do not exceed it."""
    if _precheck_based_on_original(co, ctx) is not None:
        return NOT_APPLICABLE
    return _total_quantity(item, co, ctx, _reference(co))


def _total_quantity(item: Item, co: Certificate, ctx: Context, reference: str) -> Result:
    """:func:`check_total_quantity` for an item of a back-to-back CO naming the original ``reference``."""
    found = draws(co, ctx)
    if item.quantity is None:
        return not_evaluated("certificate.items.quantity")  # reported as missing above
    index = back_to_back.basis(co, ctx).index
    if found is None or index is None:
        return not_evaluated("context.related_certificates")
    position = _position(item, co, found)
    number = found.sources[position] if position is not None else index.source(item)
    if number is None:
        return not_evaluated(ORIGINAL_ITEM_NEEDED)
    source = index.item(number)
    if source is None:
        return failed(ORIGINAL_ITEM_NOT_FOUND(item.number, original_item=number, original_reference=reference))
    if source.quantity is None:
        return not_evaluated(_original_quantity_needed(reference, number))
    # Items before this one on this CO; an item that is not one of the CO's items comes after them all.
    before = found.before[position] if position is not None else found.whole.get(number)
    earlier = found.earlier.get(number)
    if number in found.earlier_unknown:
        return not_evaluated("context.related_certificates (quantities of earlier back-to-back COs)")
    subheading = back_to_back.subheading(source)
    if subheading is not None and subheading in found.undetermined:
        return not_evaluated("context.related_certificates (original items of earlier back-to-back COs)")
    unit = source.quantity.unit
    units = tuple(
        dict.fromkeys(
            (*(before.units if before is not None else ()), item.quantity.unit, *(earlier.units if earlier else ()))
        )
    )
    if not all(_same_unit(each, unit) for each in units):
        finding = UNIT_MISMATCH(
            item.number, original_item=number, original_reference=reference, original_unit=unit, units=units
        )
        return Result(Outcome.NOT_EVALUATED, (finding,), ("quantities in the original item's unit",))
    this_total = (before.total if before is not None else Decimal(0)) + item.quantity.value
    total = this_total + (earlier.total if earlier is not None else Decimal(0))
    facts = {"original_item": number, "original_reference": reference, "original_quantity": source.quantity}
    if total > source.quantity.value:
        return failed(
            QUANTITY_EXCEEDS_ORIGINAL(
                item.number,
                total=Quantity(total, unit),
                this_certificate=Quantity(this_total, unit),
                earlier=found.earlier_references or "none",
                **facts,
            )
        )
    same_day = found.same_day.get(number)
    with_same_day = total + (same_day.get(_unit_key(unit), Decimal(0)) if same_day is not None else Decimal(0))
    if with_same_day <= source.quantity.value:
        return PASSED
    return judged(
        QUANTITY_EXCEEDS_ORIGINAL_SAME_DAY(
            item.number,
            total=Quantity(with_same_day, unit),
            same_day=found.same_day_references,
            **facts,
        )
    )


CERTIFICATE_RULES: Final = (
    CertificateRule(
        RULE_OCP,
        "back-to-back CO names a valid original",
        check_original_reference,
        (
            ORIGINAL_MISSING,
            ORIGINAL_EXPIRED,
            ORIGINAL_DETAILS_DIFFER,
            ISSUER_NOT_INTERMEDIATE,
            BOX_NOT_TICKED,
            ORIGINAL_IS_ITSELF,
            ORIGINAL_ISSUED_LATER,
            ORIGINAL_NOT_UNDER_AGREEMENT,
            ORIGINAL_NOT_FROM_PARTY,
            ORIGINAL_BEFORE_ENTRY_INTO_FORCE,
            ORIGINAL_BEFORE_ENTRY_INTO_FORCE_UNVERIFIED,
            ORIGINAL_REPLACES_BEFORE_ENTRY_INTO_FORCE,
            ORIGINAL_REPLACES_BEFORE_ENTRY_INTO_FORCE_UNVERIFIED,
            ORIGINAL_REPLACED,
            ORIGINAL_REPLACED_SAME_DAY,
            ORIGINAL_REPLACED_LATER,
        ),
    ),
)

ITEM_RULES: Final = (
    ItemRule(
        RULE,
        "back-to-back CO shows partial value and quantity",
        check_partial_value_and_quantity,
        (PARTIAL_VALUE_MISSING, PARTIAL_QUANTITY_MISSING),
        needs=("context.related_certificates",),
        precheck=_precheck_back_to_back,
    ),
    ItemRule(
        RULE,
        "partial quantities within the original's",
        check_total_quantity,
        (QUANTITY_EXCEEDS_ORIGINAL, QUANTITY_EXCEEDS_ORIGINAL_SAME_DAY, ORIGINAL_ITEM_NOT_FOUND, UNIT_MISMATCH),
        needs=("context.related_certificates",),
        precheck=_precheck_based_on_original,
    ),
)

RULES: Final = (*CERTIFICATE_RULES, *ITEM_RULES)
