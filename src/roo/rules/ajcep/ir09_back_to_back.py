"""AJCEP IR 9: a back-to-back CO for a partial shipment shows partial value and quantity, within the original's.

An intermediate Party may issue a back-to-back CO for an originating good it
re-exports to another Party, on the basis of the valid original CO presented
to it (OCP Rule 3(4)(a)); the box "Back-to-Back CO" in box 13 is ticked (form
note 8). For partial export shipments the back-to-back CO shows the partial
export value and the partial quantity, and the issuing Party ensures that the
total quantity exported under the partial shipments does not exceed the total
quantity shown in the original CO.

roo checks:

* **The reference to the original** (the whole CO): with box 13 ticked the CO
  names its original (``original_certificate``), otherwise a certificate error.
  When the original's issue date is known (from the reference, or from the
  original in ``related_certificates``), the back-to-back CO must be issued
  within the original's validity (``ajcep.co.validity_months``, as in force on
  the original's issue date), since only a valid original supports it.
  Details of the reference that disagree with the original in the context are
  a ``warning``. The back-to-back CO is issued by the intermediate Party, the
  one the original CO was issued for: when the original in the context names
  another importing Party than this CO's exporting Party, that is a
  ``warning`` for customs to verify (the goods may have moved on in ways the
  COs do not show). An original reference without the box ticked is a
  ``warning`` (form note 8).
* **Which original item an item draws from**: ``original_item`` when given;
  otherwise the original's item with the same number, provided it is the same
  good (the same six-digit HS subheading, or a code that cannot be compared);
  otherwise the one item of the original in the same subheading. When no
  single item matches, the checks that need it are not evaluated
  (``certificate.items.original_item``): roo does not guess.
* **Partial value and quantity** (each item): every item shows its quantity
  (an error on that item otherwise). The FOB value is required "in the case
  of partial export shipments": when the items of this CO drawing from an
  original item take less than that item's quantity, the shipment is partial
  and a missing FOB value is an error on the item; when they take the whole
  quantity it is not, and the value may be left out. Without the original in
  the context, roo cannot tell, and the value check is not evaluated.
* **Total quantity** (each item): the quantities drawn from the original item
  by the other back-to-back COs in ``related_certificates`` naming the same
  original and issued *before* this one, by the items listed before this one
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

Source: AJCEP Implementing Regulations, Rule 9; Annex 4 (OCP), Rule 3(4)(a); notes to the AJCEP CO form, note 8.
"""

from __future__ import annotations

from decimal import Decimal
from datetime import date
from typing import Final

from roo.context import Context
from roo.dates import add_months
from roo.evaluation import Finding, Outcome, Severity
from roo.model.certificate import Certificate, Item
from roo.params import ParameterNotInForce
from roo.rules.base import (
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

RULE: Final = "AJCEP/IR/9"
RULE_OCP: Final = "AJCEP/OCP/3(4)"
RULE_FORM: Final = "AJCEP/FORM/8"

VALIDITY_MONTHS: Final = "ajcep.co.validity_months"

ORIGINAL_MISSING = FindingSpec(
    "back-to-back-original-missing",
    RULE_OCP,
    Severity.ERROR,
    "The CO is ticked 'Back-to-Back CO' but does not name the original CO it is based on.",
)
ORIGINAL_EXPIRED = FindingSpec(
    "back-to-back-original-expired",
    RULE_OCP,
    Severity.ERROR,
    "The back-to-back CO was issued on {issue_date}, after the original CO '{original_reference}' "
    "(issued {original_issue_date}) ceased to be valid on {original_valid_until}.",
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


def _key(reference: str | None) -> str | None:
    """A reference number for comparison: stripped, case-folded; None when blank."""
    if reference is None or not reference.strip():
        return None
    return reference.strip().casefold()


def find_original(co: Certificate, ctx: Context) -> Certificate | None:
    """The original CO named by ``co``, if the context carries it (a related CO with its reference, not back-to-back)."""
    if co.original_certificate is None:
        return None
    wanted = _key(co.original_certificate.reference_number)
    if wanted is None:
        return None
    for related in ctx.related_certificates:
        if _key(related.reference_number) == wanted and not related.back_to_back:
            return related
    return None


def check_original_reference(co: Certificate, ctx: Context) -> Result:
    """A back-to-back CO names its original, and was issued while that original was valid."""
    reference = co.original_certificate
    if not co.back_to_back:
        if reference is not None and _key(reference.reference_number) is not None:
            return judged(BOX_NOT_TICKED(None, original_reference=reference.reference_number))
        return NOT_APPLICABLE
    if reference is None or _key(reference.reference_number) is None:
        return failed(ORIGINAL_MISSING(None))
    findings: list[Finding] = []
    original = find_original(co, ctx)
    if original is not None:
        stated = []
        actual = []
        if reference.issue_date is not None and reference.issue_date != original.issue_date:
            stated.append(f"issued {reference.issue_date.isoformat()}")
            actual.append(f"issued {original.issue_date.isoformat()}")
        if reference.exporting_party is not None and reference.exporting_party != original.exporting_party:
            stated.append(f"exported from {reference.exporting_party}")
            actual.append(f"exported from {original.exporting_party}")
        if stated:
            findings.append(
                ORIGINAL_DETAILS_DIFFER(
                    None,
                    original_reference=reference.reference_number,
                    stated=" and ".join(stated),
                    actual=" and ".join(actual),
                )
            )
        if original.importing_party != co.exporting_party:
            findings.append(
                ISSUER_NOT_INTERMEDIATE(
                    None,
                    exporting_party=co.exporting_party,
                    original_reference=reference.reference_number,
                    original_importing_party=original.importing_party,
                )
            )
    original_issue_date = original.issue_date if original is not None else reference.issue_date
    if original_issue_date is None:
        return judged(*findings)
    try:
        months = int(ctx.parameter(VALIDITY_MONTHS, original_issue_date))
    except ParameterNotInForce:
        return Result(Outcome.NOT_EVALUATED, tuple(findings), (f"context.parameters[{VALIDITY_MONTHS}]",))
    valid_until = add_months(original_issue_date, months)
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


def _subheading(item: Item) -> str | None:
    """The item's six-digit subheading, or None when its code is not at least six digits."""
    digits = item.hs_digits
    return digits[:6] if len(digits) >= 6 and digits[:6].isascii() and digits[:6].isdigit() else None


def source_item(item: Item, original: Certificate) -> int | None:
    """The number of the original's item that ``item`` draws from, or None when roo cannot tell.

    ``original_item`` when given (whether the original has it is for the
    total-quantity check to say); otherwise the original's item with the same
    number if it is the same good (same six-digit subheading, or a code that
    cannot be compared); otherwise the one original item in the same
    subheading.
    """
    if item.original_item is not None:
        return item.original_item
    wanted = _subheading(item)
    same = original.item(item.number)
    if same is not None:
        printed = _subheading(same)
        if wanted is None or printed is None or printed == wanted:
            return same.number
    if wanted is None:
        return None
    matches = [candidate.number for candidate in original.items if _subheading(candidate) == wanted]
    return matches[0] if len(matches) == 1 else None


def _drawn_from(items: tuple[Item, ...], original: Certificate, number: int) -> tuple[Item, ...]:
    """Those of ``items`` that draw from item ``number`` of ``original``."""
    return tuple(i for i in items if source_item(i, original) == number)


def _same_unit(a: str, b: str) -> bool:
    return a.strip().upper() == b.strip().upper()


def _is_partial(item: Item, co: Certificate, ctx: Context) -> bool | Result:
    """Whether this CO ships less than the original item ``item`` draws from, or the not-evaluated result."""
    original = find_original(co, ctx)
    if original is None:
        return not_evaluated("context.related_certificates")
    number = source_item(item, original)
    source = original.item(number) if number is not None else None
    if number is None or source is None:
        return not_evaluated(ORIGINAL_ITEM_NEEDED)
    if source.quantity is None:
        reference = co.original_certificate.reference_number if co.original_certificate is not None else ""
        return not_evaluated(f"context.related_certificates[{reference}].items[{number}].quantity")
    quantities = [i.quantity for i in _drawn_from(co.items, original, number) if i.quantity is not None]
    if not all(_same_unit(q.unit, source.quantity.unit) for q in quantities):
        return not_evaluated("quantities in the original item's unit")
    return sum((q.value for q in quantities), Decimal(0)) < source.quantity.value


def check_partial_value_and_quantity(item: Item, co: Certificate, ctx: Context) -> Result:
    """Each item of a back-to-back CO shows its quantity, and its FOB value when the shipment is partial."""
    if not co.back_to_back:
        return NOT_APPLICABLE
    if item.quantity is None:
        return failed(PARTIAL_QUANTITY_MISSING(item.number))  # without it, whether the shipment is partial is unknown
    if item.fob_value is not None or co.original_certificate is None:
        return PASSED  # without the original named, the reference rule reports the CO
    partial = _is_partial(item, co, ctx)
    if isinstance(partial, Result):
        return partial
    return failed(PARTIAL_VALUE_MISSING(item.number)) if partial else PASSED


def check_total_quantity(item: Item, co: Certificate, ctx: Context) -> Result:
    """The quantities drawn from one original item by all back-to-back COs do not exceed it."""
    if not co.back_to_back or co.original_certificate is None:
        return NOT_APPLICABLE
    # Apart, so that the items of every other CO do not pay for setting up the comprehensions' variables.
    return _total_quantity(item, co, ctx, co.original_certificate.reference_number)


def _total_quantity(item: Item, co: Certificate, ctx: Context, reference: str) -> Result:
    """:func:`check_total_quantity` for an item of a back-to-back CO naming the original ``reference``."""
    if item.quantity is None:
        return not_evaluated(f"certificate.items[{co.items.index(item)}].quantity")  # reported as missing above
    original = find_original(co, ctx)
    if original is None:
        return not_evaluated("context.related_certificates")
    number = source_item(item, original)
    if number is None:
        return not_evaluated(ORIGINAL_ITEM_NEEDED)
    source = original.item(number)
    if source is None:
        return failed(ORIGINAL_ITEM_NOT_FOUND(item.number, original_item=number, original_reference=reference))
    if source.quantity is None:
        return not_evaluated(f"context.related_certificates[{reference}].items[{number}].quantity")
    wanted = _key(reference)
    own = _key(co.reference_number)
    siblings = [
        related
        for related in ctx.related_certificates
        if related.back_to_back
        and related.original_certificate is not None
        and _key(related.original_certificate.reference_number) == wanted
        and (own is None or _key(related.reference_number) != own)
        and related.issue_date <= co.issue_date
    ]
    earlier = [related for related in siblings if related.issue_date < co.issue_date]
    same_day = [related for related in siblings if related.issue_date == co.issue_date]
    position = co.items.index(item) if item in co.items else len(co.items)
    before = tuple(i for i in _drawn_from(co.items[:position], original, number) if i.quantity is not None)
    this_items = (*before, item)
    earlier_items = [i for related in earlier for i in _drawn_from(related.items, original, number)]
    if any(i.quantity is None for i in earlier_items):
        return not_evaluated("context.related_certificates (quantities of earlier back-to-back COs)")
    subheading = _subheading(source)
    undetermined = [
        i
        for related in earlier
        for i in related.items
        if source_item(i, original) is None and subheading is not None and _subheading(i) == subheading
    ]
    if undetermined:
        return not_evaluated("context.related_certificates (original items of earlier back-to-back COs)")
    quantities = [i.quantity for i in (*this_items, *earlier_items) if i.quantity is not None]
    unit = source.quantity.unit
    if not all(_same_unit(q.unit, unit) for q in quantities):
        units = tuple(dict.fromkeys(q.unit for q in quantities))
        finding = UNIT_MISMATCH(
            item.number, original_item=number, original_reference=reference, original_unit=unit, units=units
        )
        return Result(Outcome.NOT_EVALUATED, (finding,), ("quantities in the original item's unit",))
    total = sum((q.value for q in quantities), Decimal(0))
    this_total = sum((i.quantity.value for i in this_items if i.quantity is not None), Decimal(0))
    facts = {"original_item": number, "original_reference": reference, "original_quantity": str(source.quantity)}
    if total > source.quantity.value:
        return failed(
            QUANTITY_EXCEEDS_ORIGINAL(
                item.number,
                total=f"{total} {unit}",
                this_certificate=f"{this_total} {unit}",
                earlier=tuple(r.reference_number or "(no reference)" for r in earlier) or "none",
                **facts,
            )
        )
    same_day_quantities = [
        i.quantity
        for related in same_day
        for i in _drawn_from(related.items, original, number)
        if i.quantity is not None and _same_unit(i.quantity.unit, unit)
    ]
    with_same_day = total + sum((q.value for q in same_day_quantities), Decimal(0))
    if with_same_day <= source.quantity.value:
        return PASSED
    return judged(
        QUANTITY_EXCEEDS_ORIGINAL_SAME_DAY(
            item.number,
            total=f"{with_same_day} {unit}",
            same_day=tuple(r.reference_number or "(no reference)" for r in same_day),
            **facts,
        )
    )


CERTIFICATE_RULES: Final = (
    CertificateRule(
        RULE_OCP,
        "back-to-back CO names a valid original",
        check_original_reference,
        (ORIGINAL_MISSING, ORIGINAL_EXPIRED, ORIGINAL_DETAILS_DIFFER, ISSUER_NOT_INTERMEDIATE, BOX_NOT_TICKED),
    ),
)

ITEM_RULES: Final = (
    ItemRule(
        RULE,
        "back-to-back CO shows partial value and quantity",
        check_partial_value_and_quantity,
        (PARTIAL_VALUE_MISSING, PARTIAL_QUANTITY_MISSING),
        needs=("context.related_certificates",),
        precheck=lambda co, ctx: None if co.back_to_back else NOT_APPLICABLE,
    ),
    ItemRule(
        RULE,
        "partial quantities within the original's",
        check_total_quantity,
        (QUANTITY_EXCEEDS_ORIGINAL, QUANTITY_EXCEEDS_ORIGINAL_SAME_DAY, ORIGINAL_ITEM_NOT_FOUND, UNIT_MISMATCH),
        needs=("context.related_certificates",),
        precheck=lambda co, ctx: None if co.back_to_back and co.original_certificate is not None else NOT_APPLICABLE,
    ),
)

RULES: Final = (*CERTIFICATE_RULES, *ITEM_RULES)
