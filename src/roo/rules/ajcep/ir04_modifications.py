"""AJCEP IR 4: minor errors are disregarded; alterations only by authenticated strike-out, never erasure.

(a) The importing customs disregard minor errors on a CO (slight discrepancies
or omissions, typing slips, information outside its box) as long as they affect
neither the CO's authenticity nor the accuracy of what it says. What is
disregarded is the error, not the information: a code printed with national
digits after its subheading, or a particular written outside the box meant for
it, is still read (IR 12's ``hs-code-national-digits`` note gives both parts).
roo compares the CO with the import declaration it is presented with (the
context's ``declaration``) and draws the line between "minor" and not as
follows:

* **Declaration lines and CO items** (the whole declaration): each line claims
  preference under a CO item (its ``certificate_item``). A line that names an
  item the CO does not have claims preference the CO does not cover: an error
  reported against that item number, which denies none of the CO's own items
  (IR 3(i), 3(j): each item declared on the CO qualifies, or fails, on its
  own).
* **HS subheading** (per item): the first six digits of the declared code
  should be the CO's six-digit subheading. Another subheading in the same HS
  edition is not a slip that IR 4(a) disregards: a different one affects the
  accuracy of what the CO says. What the CO then fails is form note 5 alone,
  and note 5 only says the CO "should" show the *importing* Party's
  classification. IR 12's mandatory requirement ("is to be indicated ... at the
  six-digit level") is about the level, and a CO showing a six-digit subheading
  meets it; a code that does not is IR 12's error ``hs-code-not-six-digits``
  (see :mod:`roo.rules.ajcep.ir12_tariff_classification` for why that one
  denies). IR 12 says nothing of a classification on which the Parties
  differ, and IR 4 creates no ground of denial of its own. The CO's subheading
  is stated, so the good it certifies and the rule of origin claimed under it
  stay verifiable against the declared one; origin is decided by Chapter 3
  under the good's true classification, which the difference puts in doubt
  without settling. So it is a ``warning`` on that item, for customs to verify
  the classification and the origin claimed under it (the OCP's verification). The declaration is presumed to be in the edition in
  force on the date of comparison
  (``ajcep.modifications.declaration_hs_edition``); an item without
  ``hs_version`` is in the edition in force on the CO's issue date (the same
  parameter, read on that date), so a CO issued in December 2021 and declared
  in January 2022 compares HS2017 with HS2022. When the CO's edition differs
  from the declaration's, a different subheading may come from the change of
  edition alone (which edition a CO may use is IR 17's question): roo has no
  correlation table in an evaluation and does not convert codes, so the
  difference is a ``warning``, not an error.
* **Quantity** (per item): the quantities declared under the item, added up,
  are compared with the CO quantity in the same unit. A difference of at most
  ``ajcep.modifications.quantity_tolerance_percent`` per cent of the CO
  quantity is a slight discrepancy (``info``, disregarded). Beyond it, a
  declared quantity *larger* than the CO's is an error on the item (the excess
  is not covered by the CO) only when the tolerance rests on a confirmed
  source: the packaged 5 % is roo's own figure, which no text gives, so with it
  the excess is a ``warning`` (customs may verify), and a caller who sets the
  tolerance in the context's ``parameters`` gets the error. Against a CO
  quantity of zero no tolerance makes any excess slight: an error. A declared
  quantity *smaller* than the CO's is a ``warning``: a short shipment or a
  clearance split over several declarations explains it as well as an
  inaccurate CO, and doubt never denies. A declared quantity that matches the
  CO's gross weight instead is noted (``info``). Quantities in different units
  are not compared (``warning``).
* **Exporter** (the whole CO): the declared exporter should be the CO's
  exporter. Names are compared after removing case, punctuation, word order
  and legal-form words (PT, Co., Ltd., K.K., ...): equal names pass; names at
  least ``ajcep.modifications.exporter_name_similarity`` alike are a typing
  slip (``info``). With third-country invoicing the importer may well declare
  the third-country invoicer as the party it bought from, so a declared name
  equal to the invoicer's named on the CO passes too (IR 3(d), form note 7),
  whether or not the box is ticked: the tick is IR 3's finding, and the name on
  the CO is information all the same.
  Any other name is a discrepancy IR 4(a) does not disregard, but IR 4 creates
  no ground of denial of its own and the similarity figure is roo's own,
  unverified choice: a ``warning``, customs may verify who exported the goods.
  A CO with no exporter in box 1 is IR 3's ``exporter-missing`` finding.
* Typing slips and slight differences in the **description** are IR 12's
  ``description-differs-slightly`` finding and are not repeated here.

Every finding here is one the importing customs make under the rule they
apply (IR 4(a), IR 3(i), form note 5), never a duty of the issuing authority
(IR 2). Parameters are read as in force on the presentation date
(``context.on``), or the CO's issue date when the context gives none. The
declaration's lines are grouped by item once
(:mod:`roo.rules.shared.declaration`), so the cost grows with items plus
lines.

(b) No erasure or superimposition is allowed on a CO. A box may be altered
only by striking out the error and adding what is needed, approved by the CO's
authorised signatory and certified by the issuing authority; otherwise the
error is corrected by issuing a new CO (IR 4(b)(ii)), and roo says so. An
erasure, a superimposition, or a strike-out lacking the signatory's approval or
the authority's certification is an error: of the whole CO, or, when the
alteration is on one item's line (its ``item``), of that item only (IR 3(j)).
An alteration whose approval or certification the data do not state
(``None``) leaves the check not evaluated, never failed. Unused spaces are to be
crossed out so that nothing can be added later; a paper CO whose unused spaces
are not crossed out gets a ``warning``, not an error: the omission makes a later
addition possible but is no sign that one was made, it does not by itself
affect authenticity or accuracy (the test of IR 4(a)), and customs may verify
the CO if they doubt it. A paper CO whose data do not say whether its unused
spaces are crossed out (``None``) leaves that check not evaluated, naming the
fact. An e-CO has no spaces to cross out.

Source: AJCEP Implementing Regulations, Rule 4; Rule 2(c) for quantity as gross or net weight; Rules 3(d),
3(i) and 3(j); notes to the AJCEP CO form, notes 5 and 7.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Final

from ...context import Context, Declaration, DeclarationItem
from ...evaluation import Finding, Outcome, Severity
from ...model.certificate import AlterationMethod, Certificate, Item, Medium
from ...model.hs import normalize_hs
from ...model.money import Quantity
from ...model.phrase import Phrase
from ...params import ParameterNotInForce
from ...rule_kit import (
    NOT_APPLICABLE,
    PASSED,
    WITHOUT_DECLARATION,
    CertificateRule,
    FindingSpec,
    ItemRule,
    Result,
    judged,
    not_evaluated,
    without_declaration,
)
from ...text import normalize_text
from ..shared.declaration import item_path, lines_for, lines_under_absent_items

RULE_A: Final = "AJCEP/IR/4(a)"
#: The importing Party's classification on the CO (form note 5): what a declared subheading is compared under.
RULE_CLASSIFICATION: Final = "AJCEP/FORM/5"
#: Items declared on one CO each qualify in their own right (IR 3(i)); a line must claim one the CO declares.
RULE_ITEMS: Final = "AJCEP/IR/3(i)"
RULE_B: Final = "AJCEP/IR/4(b)"
RULE_B_I: Final = "AJCEP/IR/4(b)(i)"

QUANTITY_TOLERANCE: Final = "ajcep.modifications.quantity_tolerance_percent"
NAME_SIMILARITY: Final = "ajcep.modifications.exporter_name_similarity"
DECLARATION_EDITION: Final = "ajcep.modifications.declaration_hs_edition"

#: Legal-form words that do not tell one exporter from another (after :func:`roo.text.normalize_text`).
LEGAL_FORMS: Final = frozenset(
    "bhd co company corp corporation cv gmbh inc incorporated jsc kabushiki kaisha kk limited llc ltd plc "
    "pt pte pty pvt sdn tbk tnhh".split()
)

_SINGLE_LETTERS: Final = re.compile(r"\b(?:[a-z] )+[a-z]\b")

DECLARED_ITEM_NOT_ON_CERTIFICATE = FindingSpec(
    "declared-item-not-on-certificate",
    RULE_ITEMS,
    Severity.ERROR,
    "{lines} import declaration line claims preference under item {item_number}, which the CO does not have; "
    "the CO covers no goods under that item.",
    plural="{lines} import declaration lines claim preference under item {item_number}, which the CO does not "
    "have; the CO covers no goods under that item.",
    count="lines",
)
HS_SUBHEADING_DIFFERS = FindingSpec(
    "declared-hs-subheading-differs",
    RULE_CLASSIFICATION,
    Severity.WARNING,
    "The import declaration classifies the good under '{declared_hs_code}' (subheading {declared_subheading}), "
    "not under the CO's subheading {certificate_subheading}; a different subheading is not a minor error to "
    "disregard, and customs may verify the classification and the origin claimed under it.",
)
HS_SUBHEADING_DIFFERS_ACROSS_EDITIONS = FindingSpec(
    "declared-hs-subheading-differs-across-editions",
    RULE_CLASSIFICATION,
    Severity.WARNING,
    "The import declaration classifies the good under '{declared_hs_code}' (subheading {declared_subheading}), "
    "not under the CO's subheading {certificate_subheading}; the CO is in {certificate_edition} and the "
    "declaration in {declaration_edition}, so the change of edition may explain it; customs may verify.",
)
QUANTITY_DIFFERS_SLIGHTLY = FindingSpec(
    "declared-quantity-differs-slightly",
    RULE_A,
    Severity.INFO,
    "Declared quantity {declared} differs from the CO's {certified} by {difference_percent}% "
    "(at most {tolerance_percent}%); the slight discrepancy is disregarded.",
)
QUANTITY_EXCEEDS = FindingSpec(
    "declared-quantity-exceeds-certificate",
    RULE_A,
    Severity.ERROR,
    "Declared quantity {declared} exceeds the CO's {certified} by {difference_percent}% "
    "(more than {tolerance_percent}%); the excess is not covered by the CO.",
)
QUANTITY_EXCEEDS_UNVERIFIED = FindingSpec(
    "declared-quantity-exceeds-certificate-unverified",
    RULE_A,
    Severity.WARNING,
    "Declared quantity {declared} exceeds the CO's {certified} by {difference_percent}% (more than "
    "{tolerance_percent}%, roo's own tolerance, which no text gives); customs may verify whether the excess is "
    "covered by the CO.",
)
QUANTITY_BELOW = FindingSpec(
    "declared-quantity-below-certificate",
    RULE_A,
    Severity.WARNING,
    "Declared quantity {declared} is {difference_percent}% below the CO's {certified} "
    "(more than {tolerance_percent}%); customs may ask whether the shipment was short or split.",
)
QUANTITY_MATCHES_GROSS_WEIGHT = FindingSpec(
    "declared-quantity-matches-gross-weight",
    RULE_A,
    Severity.INFO,
    "Declared quantity {declared} matches the CO's gross weight {gross_weight} rather than its quantity "
    "{certified}; the discrepancy is disregarded.",
)
QUANTITY_UNIT_DIFFERS = FindingSpec(
    "declared-quantity-unit-differs",
    RULE_A,
    Severity.WARNING,
    "Declared quantity {declared} is in another unit than the CO's {certified}; roo did not compare them "
    "and customs may verify.",
)
EXPORTER_DIFFERS_SLIGHTLY = FindingSpec(
    "declared-exporter-differs-slightly",
    RULE_A,
    Severity.INFO,
    "Declared exporter '{declared_exporter}' differs from the CO's '{certificate_exporter}' only by a typing "
    "slip; the discrepancy is disregarded.",
)
EXPORTER_DIFFERS = FindingSpec(
    "declared-exporter-differs",
    RULE_A,
    Severity.WARNING,
    "Declared exporter '{declared_exporter}' is not the CO's exporter '{certificate_exporter}'; customs may "
    "verify who exported the goods.",
)
ERASURE = FindingSpec(
    "alteration-by-erasure",
    RULE_B,
    Severity.ERROR,
    "Box {box} shows an erasure; erasures are not allowed on a CO and the error can only be corrected by "
    "a replacement CO (IR 4(b)(ii)).",
)
SUPERIMPOSITION = FindingSpec(
    "alteration-by-superimposition",
    RULE_B,
    Severity.ERROR,
    "Box {box} shows a superimposition; superimpositions are not allowed on a CO and the error can only be "
    "corrected by a replacement CO (IR 4(b)(ii)).",
)
STRIKE_OUT_NOT_APPROVED = FindingSpec(
    "strike-out-not-approved",
    RULE_B_I,
    Severity.ERROR,
    "The strike-out in box {box} is not approved by the CO's authorised signatory; "
    "without that approval a replacement CO is needed (IR 4(b)(ii)).",
)
STRIKE_OUT_NOT_CERTIFIED = FindingSpec(
    "strike-out-not-certified",
    RULE_B_I,
    Severity.ERROR,
    "The strike-out in box {box} is not certified by the issuing authority; "
    "without that certification a replacement CO is needed (IR 4(b)(ii)).",
)
UNUSED_SPACES = FindingSpec(
    "unused-spaces-not-crossed-out",
    RULE_B_I,
    Severity.WARNING,
    "Unused spaces on the CO are not crossed out, so later additions cannot be ruled out; customs may verify.",
)


def _parameter_date(co: Certificate, ctx: Context) -> date:
    """The date whose parameter values apply: presentation, or issuance when the context gives none."""
    return ctx.on if ctx.on is not None else co.issue_date


def _declaration_lines(item: Item, declaration: Declaration) -> tuple[DeclarationItem, ...] | Result:
    """The lines of ``declaration`` claiming under ``item``, or the Result to return when there are none."""
    lines = lines_for(declaration, item.number)
    if not lines:
        return NOT_APPLICABLE if declaration.items else not_evaluated("context.declaration.items")
    return lines


def check_declared_items(co: Certificate, ctx: Context) -> Result:
    """Every declaration line claims preference under an item the CO has (IR 3(i)).

    A line under an absent item is reported against that item number: it can deny none of the CO's own items.
    """
    declaration = ctx.declaration
    if declaration is None:
        return WITHOUT_DECLARATION
    if not declaration.items:
        return not_evaluated("context.declaration.items")
    return judged(
        *(
            DECLARED_ITEM_NOT_ON_CERTIFICATE(number, item_number=number, lines=len(lines))
            for number, lines in lines_under_absent_items(declaration, co).items()
        )
    )


def check_hs_subheading(item: Item, co: Certificate, ctx: Context) -> Result:
    """Each declaration line under the item is classified in the CO's six-digit subheading."""
    declaration = ctx.declaration
    if declaration is None:
        return WITHOUT_DECLARATION
    lines = _declaration_lines(item, declaration)
    if isinstance(lines, Result):
        return lines
    certified = item.hs_digits
    if not (len(certified) >= 6 and certified[:6].isdigit()):
        # The code is missing or shorter than a subheading: IR 12 reports the code itself.
        return not_evaluated(Phrase("{path} (a six-digit subheading)", {"path": item_path(co, item, "hs_code")}))
    comparable = [(line.hs_code, normalize_hs(line.hs_code)) for line in lines if line.hs_code]
    comparable = [(printed, digits) for printed, digits in comparable if len(digits) >= 6 and digits[:6].isdigit()]
    if not comparable:
        return not_evaluated("context.declaration.items.hs_code")
    differing = [(printed, digits) for printed, digits in comparable if digits[:6] != certified[:6]]
    if not differing:
        return PASSED
    try:
        declaration_edition = str(ctx.parameter(DECLARATION_EDITION, _parameter_date(co, ctx)))
        # An item without an edition is in the edition in force when the CO was issued.
        issued_in = item.hs_version.value if item.hs_version is not None else None
        certificate_edition = issued_in or str(ctx.parameter(DECLARATION_EDITION, co.issue_date))
    except ParameterNotInForce:
        return not_evaluated(f"context.parameters[{DECLARATION_EDITION}]")
    editions = {"certificate_edition": certificate_edition, "declaration_edition": declaration_edition}
    spec = HS_SUBHEADING_DIFFERS
    if certificate_edition != declaration_edition:
        spec = HS_SUBHEADING_DIFFERS_ACROSS_EDITIONS
    findings = [
        spec(
            item.number,
            declared_hs_code=printed,
            declared_subheading=digits[:6],
            certificate_subheading=certified[:6],
            **editions,
        )
        for printed, digits in differing
    ]
    return judged(*findings)


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit.strip().upper() == b.unit.strip().upper()


def _percent_difference(declared: Decimal, certified: Decimal) -> Decimal | None:
    """``|declared - certified|`` in per cent of ``certified`` (None when the CO quantity is zero and they differ)."""
    if declared == certified:
        return Decimal(0)
    if certified == 0:
        return None
    return abs(declared - certified) * 100 / certified


def _show_percent(value: Decimal) -> str:
    # Formatting rounds half-even to two places as quantize does, but with every digit: quantize would fail
    # (InvalidOperation) once the percentage has more digits than the context's precision (1e28 declared).
    return f"{value:.2f}"


def check_quantity(item: Item, co: Certificate, ctx: Context) -> Result:
    """The quantity declared under the item agrees with the CO's within the tolerance."""
    declaration = ctx.declaration
    if declaration is None:
        return WITHOUT_DECLARATION
    lines = _declaration_lines(item, declaration)
    if isinstance(lines, Result):
        return lines
    if item.quantity is None:
        return not_evaluated(item_path(co, item, "quantity"))
    quantities = [line.quantity for line in lines]
    if any(q is None for q in quantities):
        return not_evaluated("context.declaration.items.quantity")
    declared_quantities = [q for q in quantities if q is not None]
    certified = item.quantity
    if not all(_same_unit(q, certified) for q in declared_quantities):
        distinct: dict[str, Quantity] = {}
        for quantity in declared_quantities:
            distinct.setdefault(str(quantity), quantity)  # each quantity as printed once, in declaration order
        units = tuple(distinct.values())
        return judged(QUANTITY_UNIT_DIFFERS(item.number, declared=units, certified=certified))
    try:
        tolerance = Decimal(ctx.parameter(QUANTITY_TOLERANCE, _parameter_date(co, ctx)))
    except ParameterNotInForce:
        return not_evaluated(f"context.parameters[{QUANTITY_TOLERANCE}]")
    total = sum((q.value for q in declared_quantities), Decimal(0))
    declared = Quantity(total, certified.unit)
    difference = _percent_difference(total, certified.value)
    if difference == 0:
        return PASSED
    facts = {"declared": declared, "certified": certified, "tolerance_percent": tolerance}
    if difference is not None and difference <= tolerance:
        return judged(QUANTITY_DIFFERS_SLIGHTLY(item.number, difference_percent=_show_percent(difference), **facts))
    gross = item.gross_weight
    if gross is not None and _same_unit(gross, certified):
        gross_difference = _percent_difference(total, gross.value)
        if gross_difference is not None and gross_difference <= tolerance:
            return judged(QUANTITY_MATCHES_GROSS_WEIGHT(item.number, gross_weight=gross, **facts))
    shown = "n/a" if difference is None else _show_percent(difference)
    if total > certified.value:
        # An excess beyond the tolerance denies only when the tolerance is a confirmed figure, or when no
        # tolerance could make it slight (a CO quantity of zero).
        verified = difference is None or ctx.parameter_verified(QUANTITY_TOLERANCE, _parameter_date(co, ctx))
        spec = QUANTITY_EXCEEDS if verified else QUANTITY_EXCEEDS_UNVERIFIED
    else:
        spec = QUANTITY_BELOW
    return judged(spec(item.number, difference_percent=shown, **facts))


def exporter_key(name: str) -> str:
    """An exporter's name reduced to what identifies it: words sorted, legal forms and punctuation dropped.

    >>> exporter_key("PT. Samudra Jaya") == exporter_key("SAMUDRA JAYA, PT")
    True
    >>> exporter_key("Kaiyo Foods K.K.")
    'foods kaiyo'
    """
    text = _SINGLE_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), normalize_text(name))
    words = [word for word in text.split() if word not in LEGAL_FORMS]
    return " ".join(sorted(words))


def check_exporter(co: Certificate, ctx: Context) -> Result:
    """The exporter on the import declaration is the CO's exporter (box 1)."""
    if ctx.declaration is None:
        return WITHOUT_DECLARATION
    declared = ctx.declaration.exporter
    if declared is None or not declared.strip():
        return not_evaluated("context.declaration.exporter")
    if co.exporter is None or not co.exporter.name.strip():
        return not_evaluated("certificate.exporter")  # an empty box 1 is IR 3's exporter-missing finding
    facts = {"declared_exporter": declared, "certificate_exporter": co.exporter.name}
    declared_key = exporter_key(declared)
    names = [co.exporter.name]
    invoicer = co.third_country_invoicer
    if invoicer is not None and invoicer.name.strip():
        # The importer may declare the invoicer the CO names as the party it bought from; a missing tick is
        # IR 3's finding and does not make the name on the CO any less there.
        names.append(invoicer.name)
        facts["third_country_invoicer"] = invoicer.name
    keys = [exporter_key(name) for name in names]
    if declared_key in keys:
        return PASSED
    try:
        threshold = Decimal(ctx.parameter(NAME_SIMILARITY, _parameter_date(co, ctx)))
    except ParameterNotInForce:
        return not_evaluated(f"context.parameters[{NAME_SIMILARITY}]")
    ratios = [SequenceMatcher(None, declared_key, key, autojunk=False).ratio() if key else 0.0 for key in keys]
    similarity = Decimal(str(round(max(ratios), 4)))
    if declared_key and similarity >= threshold:
        return judged(EXPORTER_DIFFERS_SLIGHTLY(None, similarity=str(similarity), **facts))
    return judged(EXPORTER_DIFFERS(None, similarity=str(similarity), **facts))


def check_alterations(co: Certificate, ctx: Context) -> Result:
    """Alterations are authenticated strike-outs only, and a paper CO's unused spaces are crossed out.

    An alteration on one item's line is that item's problem only (IR 3(j)); one
    naming an item the CO does not have is reported against the whole CO.
    """
    alterations = co.alterations
    if not alterations and (co.unused_spaces_crossed_out or co.medium is not Medium.PAPER):
        return PASSED  # the common case: nothing altered, nothing left open
    findings: list[Finding] = []
    needed: list[str] = []
    numbers = {item.number for item in co.items} if alterations else set()
    for index, alteration in enumerate(alterations):
        item = alteration.item if alteration.item in numbers else None
        if alteration.method is AlterationMethod.ERASURE:
            findings.append(ERASURE(item, box=alteration.box))
        elif alteration.method is AlterationMethod.SUPERIMPOSITION:
            findings.append(SUPERIMPOSITION(item, box=alteration.box))
        else:
            if alteration.approved_by_signatory is None:
                needed.append(f"certificate.alterations[{index}].approved_by_signatory")
            elif not alteration.approved_by_signatory:
                findings.append(STRIKE_OUT_NOT_APPROVED(item, box=alteration.box))
            if alteration.certified_by_authority is None:
                needed.append(f"certificate.alterations[{index}].certified_by_authority")
            elif not alteration.certified_by_authority:
                findings.append(STRIKE_OUT_NOT_CERTIFIED(item, box=alteration.box))
    if co.medium is Medium.PAPER:
        if co.unused_spaces_crossed_out is None:
            needed.append("certificate.unused_spaces_crossed_out")  # not stated is not "not crossed out"
        elif not co.unused_spaces_crossed_out:
            findings.append(UNUSED_SPACES(None))
    if needed and not any(finding.severity is Severity.ERROR for finding in findings):
        return Result(Outcome.NOT_EVALUATED, tuple(findings), tuple(needed))
    return judged(*findings)


CERTIFICATE_RULES: Final = (
    CertificateRule(
        RULE_ITEMS,
        "each import declaration line claims an item the CO has",
        check_declared_items,
        (DECLARED_ITEM_NOT_ON_CERTIFICATE,),
        needs=("context.declaration",),
    ),
    CertificateRule(
        RULE_A,
        "exporter on the import declaration is the CO's exporter",
        check_exporter,
        (EXPORTER_DIFFERS_SLIGHTLY, EXPORTER_DIFFERS),
        needs=("context.declaration",),
    ),
    CertificateRule(
        RULE_B,
        "no erasure or superimposition; strike-outs approved and certified; unused spaces crossed out",
        check_alterations,
        (ERASURE, SUPERIMPOSITION, STRIKE_OUT_NOT_APPROVED, STRIKE_OUT_NOT_CERTIFIED, UNUSED_SPACES),
    ),
)

ITEM_RULES: Final = (
    ItemRule(
        RULE_A,
        "declared HS subheading is the CO's",
        check_hs_subheading,
        (HS_SUBHEADING_DIFFERS, HS_SUBHEADING_DIFFERS_ACROSS_EDITIONS),
        needs=("context.declaration",),
        precheck=without_declaration,
    ),
    ItemRule(
        RULE_A,
        "declared quantity agrees with the CO's within the tolerance",
        check_quantity,
        (
            QUANTITY_DIFFERS_SLIGHTLY,
            QUANTITY_EXCEEDS,
            QUANTITY_EXCEEDS_UNVERIFIED,
            QUANTITY_BELOW,
            QUANTITY_MATCHES_GROSS_WEIGHT,
            QUANTITY_UNIT_DIFFERS,
        ),
        needs=("context.declaration",),
        precheck=without_declaration,
    ),
)

RULES: Final = (*CERTIFICATE_RULES, *ITEM_RULES)
