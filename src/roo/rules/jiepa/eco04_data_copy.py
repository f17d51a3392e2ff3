"""JIEPA e-CO arrangement §3-§5: the exchange's dates, and the e-CO read with the copy of its data.

Japan Customs and Indonesia's issuing body set a schedule for the exchange of
e-COs (§3): a pilot from 1 May 2023, full implementation from 26 June 2023.
From the pilot's first day an Indonesian exporter may ask for an e-CO or a
CO on paper (§4(a)); no e-CO was issued through the exchange before then,
so an e-CO that bears an earlier issue date is flagged for customs to verify
(a warning: the arrangement says nothing of such a certificate), and one
presented before that day is no e-CO that customs could receive (an error).

For declarations from 1 to 31 May 2023 the importer submits the e-CO together
with a copy of its data downloaded from the issuing body's system (§4(c));
without the copy the claim lacks a document it needed (an error). After that
month Japan Customs could ask for the e-CO alone once its review of the pilot
found no serious problems (§4(b)), which the arrangement leaves to a notice:
until full implementation an e-CO without its copy is a warning. From full
implementation the e-CO alone suffices (§5).

The e-CO, not the copy, is the basis for preference (§4(c)). A lacking data
element, or a discrepancy between the e-CO and the copy, is a minor defect on
which customs may check the e-CO's validity by referring to the copy: a
warning, never a denial on its own. Accordingly, whenever a copy is given:

* each discrepancy is a warning on the item it concerns (or the certificate),
  whether or not it touches what decides preference;
* an item only the copy shows, or only the e-CO shows, changes nothing about
  the e-CO's own items;
* a data element the e-CO lacks (absent or blank) is read from the copy, and a
  warning says so; every other JIEPA rule then sees the e-CO so supplemented
  (:func:`on_the_supplemented_e_co`), and never the copy's value where the
  e-CO has its own;
* customs refer to the copy "to grant": a value read from the copy may cure
  what the e-CO lacks, but never denies. Where a rule, reading the
  supplemented e-CO, reports an error that it does not report on the e-CO
  alone, that error rests on the copy: a warning names it with the values
  read from the copy (``eco-copy-value-does-not-deny``), and the rule's
  result is the one on the e-CO alone (or on the supplemented e-CO, where
  the copy cured an error of the e-CO's own).

*A copy of another e-CO's data is no copy.* The arrangement speaks of "a
copy of the e-CO data" downloaded for that e-CO. A copy whose reference
(certification) number, issue date or Parties differ from the e-CO's is the
copy of another e-CO's data (differences of form, such as case or spacing,
are none): roo reads nothing from it and lists no discrepancy with it, a
warning names the particulars that differ, and where the copy is required
(May 2023) it is missing.

*Read again and kept: a missing copy in May 2023 denies.* The dates are the
arrangement's: the schedule puts the pilot from 1 May to 25 June 2023 and full
implementation from 26 June (§3); the copy is required for declarations from
1 to 31 May ("need to submit" both the e-CO and the copy, §4(c); exporters
"are required to share" it in the same month, §4(b)); from 1 June Japan
Customs "may require only an e-CO" once its review finds no serious problem
(§4(b): a "may", hence a warning until 26 June); from 26 June it "no longer
requires" the copy (§5). A research note that puts the copy requirement until
25 June comes from secondary sources; the arrangement's own text says 31 May,
and that is what roo reads. "Need to submit" states what the declaration
must carry, not what customs may do, so the severity rule reads it as a
"shall": without the copy the claim in May lacks a document it needed. That
the e-CO is the basis (§4(c)) governs what the copy's *content* can do (never
deny), not whether the copy had to be there.

After full implementation the arrangement no longer speaks of the copy; roo
keeps reading a copy the importer still gives in the same way (warnings,
never a denial), the only handling the text gives.

The phase dates are dated parameters (``jiepa.eco.*``). The arrangement is
between Indonesia's issuing body and Japan Customs, so these checks apply to
e-COs exported from Indonesia to Japan; paper COs stay acceptable within their
own rules.

Source: the arrangement between Indonesia's Ministry of Trade and Japan Customs on the JIEPA e-CO pilot
(2023), §3, §4(a)-(c), §5.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date
from typing import Any, Final

import attrs

from ...context import Context
from ...eco.compare import Discrepancy, Materiality, Supplied, compare, other_eco, supplement
from ...evaluation import Finding, Outcome, Severity
from ...model.certificate import Certificate, Item, Medium
from ...rule_kit import (
    NOT_APPLICABLE,
    PASSED,
    CertificateCheck,
    CertificatePrecheck,
    CertificateRule,
    FindingSpec,
    ItemCheck,
    Result,
    Rule,
    failed,
    judged,
    not_evaluated,
    passed,
    wrap_rules,
)
from ..shared.dated import parameter_from_first

RULE: Final = "JIEPA/ECO/4(c)"
SCHEDULE: Final = "JIEPA/ECO/3"
ISSUANCE: Final = "JIEPA/ECO/4(a)"
REVIEW: Final = "JIEPA/ECO/4(b)"

PILOT_START: Final = "jiepa.eco.pilot_start"
COPY_REQUIRED_UNTIL: Final = "jiepa.eco.copy_required_until"
FULL_OPERATION: Final = "jiepa.eco.full_operation"
#: Every dated parameter of the e-CO phases (a test checks that each is read by a rule).
PHASE_PARAMETERS: Final = (PILOT_START, COPY_REQUIRED_UNTIL, FULL_OPERATION)

COPY_MISSING = FindingSpec(
    "eco-data-copy-missing",
    RULE,
    Severity.ERROR,
    "The e-CO was presented on {on} without the copy of its data downloaded from the issuing body's system, "
    "which importers had to present with it from {from_date} to {until}.",
)
COPY_MISSING_BEFORE_FULL_OPERATION = FindingSpec(
    "eco-data-copy-missing-before-full-operation",
    REVIEW,
    Severity.WARNING,
    "The e-CO was presented on {on} without the copy of its data. After {until} Japan Customs could ask for the "
    "e-CO alone once its review of the pilot found no serious problems; the e-CO alone suffices from full "
    "implementation on {full_operation}. Customs may still have asked for the copy.",
)
BEFORE_EXCHANGE = FindingSpec(
    "eco-before-exchange",
    SCHEDULE,
    Severity.ERROR,
    "The e-CO was presented on {on}, before Japan Customs began receiving Indonesian e-COs on {start}; "
    "a CO on paper was needed.",
)
ISSUED_BEFORE_EXCHANGE = FindingSpec(
    "eco-issued-before-exchange",
    ISSUANCE,
    Severity.WARNING,
    "The e-CO bears the issue date {issue_date}, but e-COs were issued through the exchange only from {start}; "
    "customs may verify the e-CO's issue date and authenticity.",
)
DISCREPANCY_MINOR = FindingSpec(
    "eco-copy-discrepancy-minor",
    RULE,
    Severity.WARNING,
    "The e-CO and the copy of its data differ at {path} ({eco} / {copy}); the e-CO is the basis for preference, "
    "and customs may check it by referring to the copy.",
)
DISCREPANCY_MATERIAL = FindingSpec(
    "eco-copy-discrepancy-material",
    RULE,
    Severity.WARNING,
    "The e-CO and the copy of its data disagree at {path} ({eco} / {copy}), on a particular that identifies the "
    "certificate or decides preference; the e-CO is the basis for preference, and customs may check it by "
    "referring to the copy.",
)
COPY_OF_ANOTHER_E_CO = FindingSpec(
    "eco-data-copy-of-another-e-co",
    RULE,
    Severity.WARNING,
    "The copy of e-CO data given is not of this e-CO ({fields}: {copy} on the copy, {eco} on the e-CO); roo reads "
    "nothing from it: it fills no gap of the e-CO and does not stand for the copy of this e-CO's data.",
)
COPY_VALUE_DOES_NOT_DENY = FindingSpec(
    "eco-copy-value-does-not-deny",
    RULE,
    Severity.WARNING,
    "Read with {paths} taken from the copy of the e-CO data, the e-CO would fail {codes} ({citation}); the e-CO "
    "is the basis for preference and the copy only lets customs check it, so roo denies nothing on the copy's "
    "values. Customs may verify.",
)
TAKEN_FROM_COPY = FindingSpec(
    "eco-element-taken-from-copy",
    RULE,
    Severity.WARNING,
    "The e-CO lacks {path}; roo read it from the copy of the e-CO data ({copy}), as customs may when they check "
    "the e-CO by referring to the copy.",
)

#: How a lacking value shows in a finding's facts (a sign, not a word, so that every language reads it).
_LACKING: Final = "-"


def _applies(co: Certificate) -> bool:
    return co.medium is Medium.ELECTRONIC and co.exporting_party == "ID" and co.importing_party == "JP"


def check_issued_after_exchange_began(co: Certificate, ctx: Context) -> Result:
    """An e-CO cannot have been issued through the exchange before the pilot's first day (§3, §4(a))."""
    if not _applies(co):
        return NOT_APPLICABLE
    start, _ = parameter_from_first(ctx, PILOT_START, co.issue_date)
    if co.issue_date < start:
        return passed(ISSUED_BEFORE_EXCHANGE(None, issue_date=co.issue_date, start=start))
    return PASSED


def check_copy_presented(co: Certificate, ctx: Context) -> Result:
    """From 1 to 31 May 2023 the e-CO comes with the copy of its data; until full implementation it may."""
    if not _applies(co):
        return NOT_APPLICABLE
    on = ctx.on
    if on is None:
        return not_evaluated("context.on")
    # The phase parameters are answerable from the Agreement's entry into force: before the pilot, no exchange.
    start, _ = parameter_from_first(ctx, PILOT_START, on)
    if on < start:
        return failed(BEFORE_EXCHANGE(None, on=on, start=start))
    copy = ctx.eco_data_copy
    if copy is not None and not _lookup(co, copy).other:
        return PASSED
    # Without a copy, or with the copy of another e-CO's data (named by check_copy_agrees), the copy is missing.
    until: date = ctx.parameter(COPY_REQUIRED_UNTIL, on)
    if on <= until:
        return failed(COPY_MISSING(None, on=on, from_date=start, until=until))
    full_operation, _ = parameter_from_first(ctx, FULL_OPERATION, on)
    if on < full_operation:
        return passed(COPY_MISSING_BEFORE_FULL_OPERATION(None, on=on, until=until, full_operation=full_operation))
    return PASSED


def check_copy_agrees(co: Certificate, ctx: Context) -> Result:
    """Where the e-CO and the copy differ, or the e-CO lacks an element, customs may check (warnings only)."""
    copy = ctx.eco_data_copy
    if not _applies(co) or copy is None:
        return NOT_APPLICABLE
    entry = _lookup(co, copy)
    if entry.other:
        # Not the copy of this e-CO's data: its particulars are no discrepancy of this e-CO, and none is listed.
        other = entry.other
        return judged(
            COPY_OF_ANOTHER_E_CO(
                None,
                fields=tuple(d.path for d in other),
                eco=tuple(_show(d.eco_value) for d in other),
                copy=tuple(_show(d.copy_value) for d in other),
            )
        )
    taken = entry.taken
    read_from_copy = tuple(supplied.path for supplied in taken)
    findings: list[Finding] = []
    for discrepancy in compare(co, copy):
        path = discrepancy.path
        if any(path == taken_path or path.startswith(taken_path + ".") for taken_path in read_from_copy):
            continue  # a lacking element: reported below, as read from the copy
        item = discrepancy.item if discrepancy.item is not None and co.item(discrepancy.item) else None
        spec = DISCREPANCY_MATERIAL if discrepancy.materiality is Materiality.MATERIAL else DISCREPANCY_MINOR
        shown = _within_item(path) if item is not None else path
        findings.append(spec(item, path=shown, eco=_show(discrepancy.eco_value), copy=_show(discrepancy.copy_value)))
    for supplied in taken:
        shown = _within_item(supplied.path) if supplied.item is not None else supplied.path
        findings.append(TAKEN_FROM_COPY(supplied.item, path=shown, copy=_show(supplied.value)))
    return judged(*findings)


_ITEM_PATH: Final = re.compile(r"items\[\d+\](?:\.(?P<field>.+))?")


def _within_item(path: str) -> str:
    """An item's field as its finding shows it: ``invoice.date``, not ``items[0].invoice.date``.

    The finding names the item by its number ("Item 1: ..."); the 0-based
    position of the e-CO's data would name another item to the reader. The
    item itself, missing from the copy, is shown by its ``number``.
    """
    match = _ITEM_PATH.fullmatch(path)
    if match is None:
        return path
    return match.group("field") or "number"


def _lacking(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _show(value: object) -> str:
    if _lacking(value):
        return _LACKING
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_show(entry)}" for key, entry in value.items() if not _lacking(entry))
    return str(value)


RULES: Final = (
    CertificateRule(
        ISSUANCE,
        "e-CO issued no earlier than the exchange began",
        check_issued_after_exchange_began,
        (ISSUED_BEFORE_EXCHANGE,),
    ),
    CertificateRule(
        RULE,
        "e-CO presented with the copy of its data during the pilot",
        check_copy_presented,
        (COPY_MISSING, COPY_MISSING_BEFORE_FULL_OPERATION, BEFORE_EXCHANGE),
        ("context.on", "context.eco_data_copy"),
    ),
    CertificateRule(
        RULE,
        "e-CO agrees with the copy of its data",
        check_copy_agrees,
        # COPY_VALUE_DOES_NOT_DENY is reported by the other JIEPA rules, read on the supplemented e-CO: the
        # reading this rule's paragraph (§4(c)) sets them, so it is catalogued here.
        (DISCREPANCY_MINOR, DISCREPANCY_MATERIAL, TAKEN_FROM_COPY, COPY_OF_ANOTHER_E_CO, COPY_VALUE_DOES_NOT_DENY),
        ("context.eco_data_copy",),
    ),
)


# --- Every other JIEPA rule reads the e-CO as supplemented from the copy -----------------------------------


@attrs.frozen
class _Supplemented:
    """The e-CO as supplemented from one copy, and its items by the identity of the e-CO's own items.

    ``taken`` lists what was read from the copy; ``other`` the particulars on which the copy is of another
    e-CO, in which case nothing is read from it (``certificate`` is the e-CO itself).
    """

    eco: Certificate
    copy: Certificate
    certificate: Certificate
    items: dict[int, Item]
    taken: tuple[Supplied, ...] = ()
    other: tuple[Discrepancy, ...] = ()


#: The last e-CO supplemented: rules ask for it once per rule and item of the same evaluation. It holds
#: the e-CO and the copy themselves, so the identities it is keyed by stay theirs. One entry: bounded.
_last: list[_Supplemented] = []


def supplemented(co: Certificate, ctx: Context) -> Certificate:
    """``co`` with the data elements it lacks read from the context's copy, when the copy counts (§4(c))."""
    copy = ctx.eco_data_copy
    if copy is None or not _applies(co):
        return co
    return _lookup(co, copy).certificate


def _lookup(co: Certificate, copy: Certificate) -> _Supplemented:
    last = _last[0] if _last else None
    if last is not None and last.eco is co and last.copy is copy:
        return last
    other = other_eco(co, copy)
    if other:
        entry = _Supplemented(co, copy, co, {}, (), other)  # the copy of another e-CO fills no gap of this one
    else:
        certificate, taken = supplement(co, copy)
        items = {id(own): filled for own, filled in zip(co.items, certificate.items, strict=True)}
        entry = _Supplemented(co, copy, certificate, items, taken)
    _last[:] = [entry]
    return entry


def _on_the_e_co(read: Result, own: Result, entry: _Supplemented) -> Result:
    """A rule's result ``read`` on the supplemented e-CO, with no denial that its result ``own`` on the e-CO alone lacks.

    The e-CO is the basis for preference and the copy lets customs check it in order to grant (§4(c)): a
    value the e-CO lacks, read from the copy, may cure a defect but never denies. Each error of ``read``
    that ``own`` does not report on the same item (by code) rests on the copy: it gives way to a warning
    naming the values read from the copy; what is left is the rule's result on the e-CO alone, or on the
    supplemented e-CO where the copy cured an error of the e-CO's own.
    """
    own_errors = {(f.code, f.item) for f in own.findings if f.severity is Severity.ERROR}
    from_copy = [f for f in read.findings if f.severity is Severity.ERROR and (f.code, f.item) not in own_errors]
    if not from_copy:
        return read
    kept = tuple(f for f in read.findings if all(f is not g for g in from_copy))
    notes = tuple(_not_denying(from_copy, entry))
    if any(f.severity is Severity.ERROR for f in kept):
        return attrs.evolve(read, findings=kept + notes)
    if own_errors or own.outcome is Outcome.NOT_APPLICABLE:
        return attrs.evolve(read, outcome=Outcome.PASSED, findings=kept + notes)
    return attrs.evolve(own, findings=own.findings + notes)


def _not_denying(errors: list[Finding], entry: _Supplemented) -> Iterable[Finding]:
    """One warning per item (or the certificate) for the errors that rest on values read from the copy."""
    by_item: dict[int | None, list[Finding]] = {}
    for finding in errors:
        by_item.setdefault(finding.item, []).append(finding)
    shown = [
        (supplied.item, _within_item(supplied.path) if supplied.item is not None else supplied.path)
        for supplied in entry.taken
    ]
    for item, findings in by_item.items():
        # What was read for the item (and the certificate); all that was read when none of it was the item's.
        paths = tuple(path for of, path in shown if item is None or of in (None, item)) or tuple(p for _, p in shown)
        yield COPY_VALUE_DOES_NOT_DENY(
            item,
            paths=paths,
            codes=tuple(dict.fromkeys(f.code for f in findings)),
            citation=tuple(dict.fromkeys(f.rule for f in findings)),
        )


def _denies(result: Result) -> bool:
    return any(finding.severity is Severity.ERROR for finding in result.findings)


def _certificate_check(check: CertificateCheck) -> CertificateCheck:
    @functools.wraps(check)
    def on_supplemented(co: Certificate, ctx: Context) -> Result:
        copy = ctx.eco_data_copy
        if copy is None or not _applies(co):
            return check(co, ctx)
        entry = _lookup(co, copy)
        if not entry.taken:  # nothing read from the copy: the e-CO as it is
            return check(co, ctx)
        read = check(entry.certificate, ctx)
        return _on_the_e_co(read, check(co, ctx), entry) if _denies(read) else read

    return on_supplemented


def _item_check(check: ItemCheck) -> ItemCheck:
    @functools.wraps(check)
    def on_supplemented(item: Item, co: Certificate, ctx: Context) -> Result:
        copy = ctx.eco_data_copy
        if copy is None or not _applies(co):
            return check(item, co, ctx)
        entry = _lookup(co, copy)
        if not entry.taken:  # nothing read from the copy: the e-CO as it is
            return check(item, co, ctx)
        read = check(entry.items.get(id(item), item), entry.certificate, ctx)
        return _on_the_e_co(read, check(item, co, ctx), entry) if _denies(read) else read

    return on_supplemented


def _precheck(precheck: CertificatePrecheck) -> CertificatePrecheck:
    @functools.wraps(precheck)
    def on_supplemented(co: Certificate, ctx: Context) -> Any:
        if ctx.eco_data_copy is None:
            return precheck(co, ctx)
        return precheck(supplemented(co, ctx), ctx)

    return on_supplemented


def on_the_supplemented_e_co(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """``rules`` that read an Indonesian e-CO with the data elements it lacks taken from its copy (§4(c)).

    Without a copy in the context, or for any other certificate, each rule
    sees the certificate exactly as given.
    """
    return wrap_rules(rules, _certificate_check, _item_check, _precheck)
