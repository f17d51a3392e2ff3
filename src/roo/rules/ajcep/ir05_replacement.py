"""AJCEP IR 5: a CO stolen, lost or destroyed is replaced by a new CO or a certified true copy.

(a) **Replacement CO** (the CO's ``replaces`` is set). The issuing authority
issues a new CO on the basis of the export documents it holds, and the
original is invalidated. The new CO has a reference number of its own, so it
must differ from the original's; it shows the original's reference number and
date of issuance (box 12 of the ASEAN Member States' form, box 9 of Japan's
form), so both must be present. It is valid only during the original's
validity: that is checked at presentation by the validity rule
(``ocp_validity``), which counts from the original's date for a replacement:
the original's own issue date when the context's ``related_certificates``
hold it, else the date the replacement shows. A replacement showing another
date than the original's own is a ``warning``
(``replacement-original-date-differs``): the dates alone do not say whether
the replacement misprints the date or the context holds another CO, and the
validity already counts from the original's own date, so a wrong date gains
the importer nothing.
The replacement keeps the original's life, defects included: IR 7's timing
rule judges the original's issue date for it (``ir07_retroactive_issuance``),
so an original issued too late does not become good by being replaced. A replacement
dated before the CO it replaces is inconsistent; since the dates alone cannot
say which is wrong, it is a ``warning``.

**The replaced CO.** IR 5(a) invalidates the original once the new CO is
issued. A CO presented while the context's ``related_certificates`` hold a CO
that replaces it (from the same exporting Party, naming its reference number
in ``replaces``, with a reference number of its own) is rejected as a whole;
so is a certified true copy of it, which bears the same reference number.
When the import date precedes the replacement's issue date, the CO was
still valid when presented: a ``warning`` for customs to verify that the
preference is not claimed twice. Without related certificates nothing says
a replacement exists, and the check does not apply.

**A new CO that corrects an error (IR 4(b)(ii))** is read as a replacement
(kept, after reading the texts again). IR 4(b)(ii) lets an error be corrected
by "issuing a new CO to replace the erroneous one" and says nothing more; the
only text on a new CO that replaces another is IR 5(a), and the model's
``replaces`` does not say on which ground the new CO was issued. The two
readings of a correction roo could take differ thus, and roo takes the first:

* *Read with IR 5(a)*: the erroneous CO is replaced, so it no longer gives
  preference ("to replace" is to take its place: both may not be claimed);
  the new CO keeps the erroneous CO's timing (IR 7 judges the first CO's issue
  date, so a correction made weeks after shipment is not a late, unticked
  retroactive issuance) and its validity (counted from the first CO's issue
  date: today a ``warning`` only, see :mod:`roo.rules.ajcep.ocp_validity`).
* *Read as a CO of its own*: IR 7 would judge the correction's own date, and
  every correction issued more than three days after shipment without the
  "Issued Retroactively" tick would be denied, which no text supports.

What the first reading asks that IR 4(b)(ii) does not is that the new CO show
the reference number and date of the CO it corrects (IR 5(a)'s
``replacement-original-reference-missing`` and ``-date-missing``). roo cannot
meet a correction that shows neither, since ``replaces`` is how it knows the
CO is one; a correction that shows only the reference is held to IR 5(a).
Which ground a replacement was issued on is a fact the model does not yet
carry; until it does, this reading stands, and it is listed as a doubt for a
legal reviewer.

(b) **Certified true copy** (``certified_true_copy`` ticked: the words
"CERTIFIED TRUE COPY" in box 12). It is made on the basis of the exporter's
export documents, bears the date of issuance of the original CO (the copy's
``issue_date``), is valid for the original's period, and is issued no later
than ``ajcep.certified_true_copy.max_months`` (one year) after the original's
issuance. The date the copy was made (``certified_true_copy_date``) is part of
the endorsement: a copy made after the limit, or before the CO it copies was
issued, is a certificate error; when the context carries the original CO
(``related_certificates``, same reference number) the copy must bear its
issue date. The Rule does not say in terms that the endorsement is dated, so a
copy without the date gets a ``warning`` (the one-year limit cannot be
checked and customs may verify), as does a copy date on a CO whose endorsement
is not ticked. The limit is read as in force on the original's issue date.

Source: AJCEP Implementing Regulations, Rule 5; notes to the AJCEP CO form, note 10.
"""

from __future__ import annotations

from typing import Final

from ...context import Context
from ...dates import add_months
from ...evaluation import Finding, Severity
from ...model.certificate import Certificate
from ...params import ParameterNotInForce
from ...rule_kit import NOT_APPLICABLE, PASSED, CertificateRule, FindingSpec, Result, judged, not_evaluated
from ..shared.back_to_back import reference_key
from ..shared.retroactive import replaced_original

RULE_A: Final = "AJCEP/IR/5(a)"
RULE_B: Final = "AJCEP/IR/5(b)"

CTC_MAX_MONTHS: Final = "ajcep.certified_true_copy.max_months"

REPLACEMENT_REFERENCE_NOT_NEW = FindingSpec(
    "replacement-reference-not-new",
    RULE_A,
    Severity.ERROR,
    "The replacement CO carries the reference number '{reference_number}' of the CO it replaces; "
    "a replacement needs a new reference number.",
)
REPLACEMENT_ORIGINAL_REFERENCE_MISSING = FindingSpec(
    "replacement-original-reference-missing",
    RULE_A,
    Severity.ERROR,
    "The replacement CO does not show the reference number of the CO it replaces (box {box} of {form}).",
)
REPLACEMENT_ORIGINAL_DATE_MISSING = FindingSpec(
    "replacement-original-date-missing",
    RULE_A,
    Severity.ERROR,
    "The replacement CO does not show the date of issuance of the CO it replaces, '{original_reference}' "
    "(box {box} of {form}).",
)
REPLACEMENT_PREDATES_ORIGINAL = FindingSpec(
    "replacement-predates-original",
    RULE_A,
    Severity.WARNING,
    "The replacement CO is dated {issue_date}, before the CO it replaces ('{original_reference}', issued "
    "{original_issue_date}); customs may verify which date is right.",
)
REPLACEMENT_ORIGINAL_DATE_DIFFERS = FindingSpec(
    "replacement-original-date-differs",
    RULE_A,
    Severity.WARNING,
    "The replacement CO gives {stated_issue_date} as the date of issuance of the CO it replaces, "
    "'{original_reference}', but that CO was issued on {original_issue_date}; the replacement is valid only "
    "during the original's validity, counted from {original_issue_date}, and customs may verify.",
)
REPLACED_CO_PRESENTED = FindingSpec(
    "replaced-co-presented",
    RULE_A,
    Severity.ERROR,
    "The CO has been replaced by the CO '{replacement_reference}' issued on {replacement_issue_date}; a CO for "
    "which a new CO has been issued is invalidated and gives no preference.",
)
REPLACED_AFTER_PRESENTATION = FindingSpec(
    "replaced-co-presented-before-replacement",
    RULE_A,
    Severity.WARNING,
    "The CO was presented on {on}, before the CO '{replacement_reference}' that replaces it was issued on "
    "{replacement_issue_date}; it was invalidated from then on, so customs may verify that preference is not "
    "claimed twice.",
)
CTC_DATE_MISSING = FindingSpec(
    "certified-true-copy-date-missing",
    RULE_B,
    Severity.WARNING,
    "The certified true copy does not say when it was made, so roo cannot check that it was made within "
    "{max_months} months of the CO's issuance; customs may verify.",
)
CTC_DATE_WITHOUT_ENDORSEMENT = FindingSpec(
    "certified-true-copy-date-without-endorsement",
    RULE_B,
    Severity.WARNING,
    "The CO gives a certified-true-copy date ({certified_true_copy_date}) but does not bear the endorsement "
    "'CERTIFIED TRUE COPY' in box 12.",
)
CTC_BEFORE_ISSUE = FindingSpec(
    "certified-true-copy-before-issue",
    RULE_B,
    Severity.ERROR,
    "The certified true copy is dated {certified_true_copy_date}, before the issue date {issue_date} it bears; "
    "a copy cannot precede the CO it copies.",
)
CTC_TOO_LATE = FindingSpec(
    "certified-true-copy-too-late",
    RULE_B,
    Severity.ERROR,
    "The certified true copy was made on {certified_true_copy_date}, after {latest} ({max_months} months "
    "from the CO's issuance on {issue_date}).",
)
CTC_ISSUE_DATE_DIFFERS = FindingSpec(
    "certified-true-copy-issue-date-differs",
    RULE_B,
    Severity.ERROR,
    "The certified true copy bears the issue date {issue_date}, but the original CO '{reference_number}' "
    "was issued on {original_issue_date}; the copy must bear the original's date.",
)


def _form_box(co: Certificate) -> dict[str, object]:
    """Where the original's reference goes: box 9 of Japan's form, box 12 of the ASEAN Member States' form."""
    if co.exporting_party == "JP":
        return {"box": 9, "form": "Japan's form"}
    return {"box": 12, "form": "the ASEAN Member States' form"}


def _same_reference(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().casefold() == b.strip().casefold()


def check_replacement(co: Certificate, ctx: Context) -> Result:
    """A replacement CO has a new reference number and shows the original's reference and issue date."""
    original = co.replaces
    if original is None:
        return NOT_APPLICABLE
    findings: list[Finding] = []
    where = _form_box(co)
    if not original.reference_number.strip():
        findings.append(REPLACEMENT_ORIGINAL_REFERENCE_MISSING(None, **where))
    elif _same_reference(co.reference_number, original.reference_number):
        findings.append(REPLACEMENT_REFERENCE_NOT_NEW(None, reference_number=original.reference_number))
    replaced = replaced_original(co, ctx)
    if original.issue_date is None:
        findings.append(REPLACEMENT_ORIGINAL_DATE_MISSING(None, original_reference=original.reference_number, **where))
    elif replaced is not None and replaced.issue_date != original.issue_date:
        findings.append(
            REPLACEMENT_ORIGINAL_DATE_DIFFERS(
                None,
                stated_issue_date=original.issue_date,
                original_reference=original.reference_number,
                original_issue_date=replaced.issue_date,
            )
        )
    if original.issue_date is not None and co.issue_date < original.issue_date:
        findings.append(
            REPLACEMENT_PREDATES_ORIGINAL(
                None,
                issue_date=co.issue_date,
                original_reference=original.reference_number,
                original_issue_date=original.issue_date,
            )
        )
    return judged(*findings)


def replacements_of(co: Certificate, ctx: Context) -> tuple[Certificate, ...]:
    """The related certificates that replace ``co``: from its exporting Party, naming its reference number."""
    own = reference_key(co.reference_number)
    if own is None:
        return ()
    return tuple(
        related
        for related in ctx.related_certificates
        if related is not co
        and related.replaces is not None
        and related.exporting_party == co.exporting_party
        and reference_key(related.replaces.reference_number) == own
        and reference_key(related.reference_number) != own
    )


def check_not_replaced(co: Certificate, ctx: Context) -> Result:
    """A CO for which a replacement has been issued is invalidated (IR 5(a)); so is a certified true copy of it."""
    if not ctx.related_certificates:
        return NOT_APPLICABLE  # nothing says a replacement exists; roo does not ask for one
    replacements = replacements_of(co, ctx)
    if not replacements:
        return PASSED
    first = min(replacements, key=lambda replacement: replacement.issue_date)
    facts = {"replacement_reference": first.reference_number, "replacement_issue_date": first.issue_date}
    if ctx.on is not None and ctx.on < first.issue_date:
        return judged(REPLACED_AFTER_PRESENTATION(None, on=ctx.on, **facts))
    return judged(REPLACED_CO_PRESENTED(None, **facts))


def check_certified_true_copy(co: Certificate, ctx: Context) -> Result:
    """A certified true copy bears the original's issue date and was made within the limit after it."""
    if not co.certified_true_copy:
        if co.certified_true_copy_date is None:
            return NOT_APPLICABLE
        if co.certified_true_copy is None:
            return not_evaluated("certificate.certified_true_copy")  # not stated is not "not endorsed"
        return judged(CTC_DATE_WITHOUT_ENDORSEMENT(None, certified_true_copy_date=co.certified_true_copy_date))
    try:
        max_months = int(ctx.parameter(CTC_MAX_MONTHS, co.issue_date))
    except ParameterNotInForce:
        return not_evaluated(f"context.parameters[{CTC_MAX_MONTHS}]")
    findings: list[Finding] = []
    for related in ctx.related_certificates:
        if (
            not related.certified_true_copy
            and _same_reference(related.reference_number, co.reference_number)
            and related.issue_date != co.issue_date
        ):
            findings.append(
                CTC_ISSUE_DATE_DIFFERS(
                    None,
                    issue_date=co.issue_date,
                    reference_number=related.reference_number,
                    original_issue_date=related.issue_date,
                )
            )
            break
    made = co.certified_true_copy_date
    if made is None:
        findings.append(CTC_DATE_MISSING(None, max_months=max_months))
    elif made < co.issue_date:
        findings.append(CTC_BEFORE_ISSUE(None, certified_true_copy_date=made, issue_date=co.issue_date))
    else:
        latest = add_months(co.issue_date, max_months)
        if made > latest:
            findings.append(
                CTC_TOO_LATE(
                    None,
                    certified_true_copy_date=made,
                    latest=latest,
                    max_months=max_months,
                    issue_date=co.issue_date,
                )
            )
    return judged(*findings)


RULES: Final = (
    CertificateRule(
        RULE_A,
        "replacement CO: new reference number, original's reference and date shown",
        check_replacement,
        (
            REPLACEMENT_REFERENCE_NOT_NEW,
            REPLACEMENT_ORIGINAL_REFERENCE_MISSING,
            REPLACEMENT_ORIGINAL_DATE_MISSING,
            REPLACEMENT_PREDATES_ORIGINAL,
            REPLACEMENT_ORIGINAL_DATE_DIFFERS,
        ),
    ),
    CertificateRule(
        RULE_A,
        "a CO for which a replacement has been issued is invalidated",
        check_not_replaced,
        (REPLACED_CO_PRESENTED, REPLACED_AFTER_PRESENTATION),
        needs=("context.related_certificates",),
    ),
    CertificateRule(
        RULE_B,
        "certified true copy: original's issue date, made within the limit",
        check_certified_true_copy,
        (CTC_DATE_MISSING, CTC_DATE_WITHOUT_ENDORSEMENT, CTC_BEFORE_ISSUE, CTC_TOO_LATE, CTC_ISSUE_DATE_DIFFERS),
    ),
)
