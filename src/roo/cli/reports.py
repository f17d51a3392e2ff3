"""The text and Markdown reports of ``roo evaluate`` (``--format text`` and ``--format markdown``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final

from ..evaluation import Check, Evaluation, Finding, Outcome
from ..locale import N_, localize
from ..locale.frame import Labels, labels
from ..model.certificate import Certificate, Item
from ..report import item_ranges, shared_notes
from ..safeguard import SAFEGUARD_SCHEME
from ._common import terminal_text


def _granted_count(words: Labels, scheme: str | None, granted: int, total: int) -> str:
    """"2 of 3 items granted", or under MoTR 16/2024 what a granted item means there."""
    if scheme == SAFEGUARD_SCHEME:
        return words.ngettext(
            "safeguard exclusion can apply to {granted} of {count} item",
            "safeguard exclusion can apply to {granted} of {count} items",
            total,
            granted=granted,
        )
    return words.ngettext("{granted} of {count} item granted", "{granted} of {count} items granted", total, granted=granted)


def _localized(evaluation: Evaluation, locale: str | None) -> tuple[Evaluation, Labels]:
    """The evaluation with its messages and check titles in ``locale`` (as ``evaluate(..., locale=)`` gives
    them; rendering again is harmless), and the report's frame in that locale."""
    return localize(evaluation, locale), labels(locale)


def _header(words: Labels, co: Certificate, evaluation: Evaluation, *, cli: bool) -> tuple[str, str]:
    """The certificate's reference and its route, issue and presentation (text and Markdown share the words)."""
    reference = co.reference_number or words._("(no reference number)")
    if evaluation.on:
        presented = words._("presented {date}", date=evaluation.on)
    elif cli:
        presented = words._("presentation date not given (--on)")
    else:
        presented = words._("presentation date not given")
    return reference, presented


# --- the text report --------------------------------------------------------------------------------------


def render(evaluation: Evaluation, co: Certificate, *, trace: bool = False, locale: str | None = None) -> str:
    """The text report of ``evaluation``: header, certificate findings, items with their findings, tally.

    ``locale`` (``"en"``, ``"ja"``, ``"id"``) writes the whole report in that language, with dates, amounts and
    countries formatted for it; without one the report is the plain English one (ISO dates, codes).
    """
    evaluation, words = _localized(evaluation, locale)
    granted = len(evaluation.granted)
    total = len(evaluation.items)
    reference, presented = _header(words, co, evaluation, cli=True)
    lines = [
        words._(
            "{scheme} certificate {reference}: {exporting} -> {importing}, issued {issued}, {presented}",
            scheme=co.scheme.value,
            reference=reference,
            exporting=words.country(co.exporting_party),
            importing=words.country(co.importing_party),
            issued=co.issue_date,
            presented=presented,
        ),
        words._(
            "status: {status} ({granted})",
            status=words.word(evaluation.status),
            granted=_granted_count(words, evaluation.scheme, granted, total),
        ),
        *_unverified_lines(words, evaluation),
        "",
    ]
    own = [f for f in evaluation.findings if f.item is None]
    lines.append(words._("certificate") if own else words._("certificate: no findings"))
    lines.extend(_finding_line(words, f) for f in own)
    shared = shared_notes(evaluation.findings)
    for numbers, notes in shared.groups:  # the "not evaluated" notes several items share, once
        lines.append(words._("items {numbers}", numbers=item_ranges(numbers)))
        lines.extend(_finding_line(words, f) for f in notes)
    item_of = _items_by_number(co).get
    for verdict in evaluation.items:
        item = item_of(verdict.number)
        about = (
            "  " + words._("{description} (HS {hs_code}, {criterion})", description=item.description,
                           hs_code=item.hs_code, criterion=item.origin_criterion.text)
            if item
            else ""
        )  # fmt: skip
        lines.append(f"{words._('item {number}:', number=verdict.number)} {_pad(words.word(verdict.preference), 7)}{about}")
        lines.extend(_finding_line(words, f) for f in verdict.findings if not shared.covers(f))
        if not verdict.granted and not any(f.denies for f in verdict.findings):
            lines.append("  " + words._("(denied with the whole certificate: see the certificate's errors above)"))
    lines.append("")
    lines.append(words._("checks: {tally}", tally=_tally(words, evaluation.checks)))
    if trace:
        lines.extend(_check_line(words, check) for check in evaluation.checks)
    return "\n".join(map(terminal_text, lines)) + "\n"


def _pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns: a wide (CJK) character takes two, so the
    columns of a Japanese report line up as an English one's do (for ASCII text, ``f"{text:<{width}}"``)."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - columns)


def _items_by_number(co: Certificate) -> dict[int, Item]:
    """The items by number (the first of a repeated number, as ``co.item`` gives), for lookups in constant time.

    A report looks every verdict's item up: ``co.item`` scans the items, which made reports quadratic in items.
    """
    items: dict[int, Item] = {}
    for item in co.items:
        items.setdefault(item.number, item)
    return items


def _where(words: Labels, item: int | None) -> str:
    """What a check applies to: the certificate, or one item."""
    return words._("certificate") if item is None else words._("item {number}", number=item)


def _needs(words: Labels, needed: tuple[str, ...]) -> str:
    return words._("(needs {facts})", facts=words.texts(needed) or "-")


def _unverified_lines(words: Labels, evaluation: Evaluation) -> list[str]:
    """Under the status, when the evaluation is not complete: the checks that could deny and were not made."""
    unverified = evaluation.unverified
    if not unverified:
        return []
    lines = [
        words.ngettext(
            "not complete: {count} check that could deny was not made",
            "not complete: {count} checks that could deny were not made",
            len(unverified),
        )
    ]
    for check in unverified:
        lines.append(f"  {_pad(_where(words, check.item), 11)} {check.rule:<16} {check.title} {_needs(words, check.needed)}")
    return lines


def _finding_line(words: Labels, finding: Finding) -> str:
    return f"  {_pad(words.word(finding.severity), 7)} {finding.rule:<16} {words.message(finding)} [{finding.code}]"


def _outcome(words: Labels, outcome: Outcome) -> str:
    """An outcome as the tally and the trace name it (``not applicable``)."""
    return words.word(outcome) if words.locale else outcome.value.replace("_", " ")


def _tally(words: Labels, checks: tuple[Check, ...]) -> str:
    counts = {outcome: sum(1 for c in checks if c.outcome is outcome) for outcome in Outcome}
    return words.join(
        words._("{count} {outcome}", count=n, outcome=_outcome(words, outcome)) for outcome, n in counts.items()
    )


def _check_line(words: Labels, check: Check) -> str:
    needed = " " + _needs(words, check.needed) if check.needed else ""
    return f"  {_pad(words.word(check.outcome), 14)} {_pad(_where(words, check.item), 11)} {check.rule:<16} {check.title}{needed}"


# --- the Markdown report ----------------------------------------------------------------------------------

#: Characters that mean something in Markdown (CommonMark and GitHub tables); escaped with a backslash.
_MARKDOWN_SPECIAL: Final = frozenset("\\`*_[]<>|#")


_MARKDOWN_LITERAL: Final = str.maketrans({**{char: "\\" + char for char in _MARKDOWN_SPECIAL}, "\r": " ", "\n": " "})


def md(text: object) -> str:
    """``text`` as literal Markdown inline text: special characters escaped, line breaks as spaces."""
    return str(text).translate(_MARKDOWN_LITERAL)


#: The columns of the Markdown tables (msgids).
_FINDING_COLUMNS: Final = (N_("severity"), N_("rule"), N_("message"), N_("code"))
_ITEM_COLUMNS: Final = (N_("item"), N_("preference"), N_("description"), N_("HS code"), N_("box 8"), N_("findings"))
_CHECK_COLUMNS: Final = (N_("outcome"), N_("applies to"), N_("rule"), N_("check"), N_("needs"))


def _md_row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_findings(words: Labels, findings: Iterable[Finding]) -> list[str]:
    rows = [
        f"| {words.word(finding.severity)} | {md(finding.rule)} | {md(words.message(finding))} | `{finding.code}` |"
        for finding in findings
    ]
    if not rows:
        return []
    head = _md_row(md(words._(name)) for name in _FINDING_COLUMNS)
    return [head, "|---|---|---|---|", *rows, ""]


def render_markdown(
    evaluation: Evaluation, co: Certificate, *, trace: bool = False, locale: str | None = None
) -> str:
    """The report of ``evaluation`` as Markdown: heading, status, item table, findings, checks.

    ``locale`` writes it wholly in that language, as :func:`render` does.
    """
    evaluation, words = _localized(evaluation, locale)
    granted = len(evaluation.granted)
    total = len(evaluation.items)
    reference, presented = _header(words, co, evaluation, cli=False)
    route = words._(
        "{exporting} → {importing}, issued {issued}, {presented}.",
        exporting=md(words.country(co.exporting_party)),
        importing=md(words.country(co.importing_party)),
        issued=co.issue_date,
        presented=presented,
    )
    lines = [
        "# " + words._("{scheme} certificate {reference}", scheme=md(co.scheme.value), reference=md(reference)),
        "",
        route,
        "",
        f"**{words._('Status:')} `{words.word(evaluation.status)}`** "
        f"({_granted_count(words, evaluation.scheme, granted, total)})",
        "",
        *[md(line) + "  " for line in _unverified_lines(words, evaluation)],
        *([""] if not evaluation.complete else []),
        _md_row(md(words._(name)) for name in _ITEM_COLUMNS),
        "|---:|---|---|---|---|---:|",
    ]
    item_of = _items_by_number(co).get
    for verdict in evaluation.items:
        item = item_of(verdict.number)
        preference = words.word(verdict.preference)
        lines.append(
            f"| {verdict.number} | {f'**{preference}**' if not verdict.granted else preference} | "
            f"{md(item.description) if item else ''} | {md(item.hs_code) if item else ''} | "
            f"{md(item.origin_criterion.text) if item else ''} | {len(verdict.findings)} |"
        )
    lines.append("")
    own = [f for f in evaluation.findings if f.item is None]
    lines.append("## " + words._("Certificate"))
    lines.append("")
    lines.extend(_md_findings(words, own) or [words._("No findings about the certificate as a whole."), ""])
    shared = shared_notes(evaluation.findings)
    for numbers, notes in shared.groups:  # the "not evaluated" notes several items share, once
        lines.extend(["## " + words._("Items {numbers}", numbers=item_ranges(numbers)), ""])
        lines.extend(_md_findings(words, notes))
    for verdict in evaluation.items:
        lines.append(
            "## " + words._("Item {number}: {preference}", number=verdict.number, preference=words.word(verdict.preference))
        )
        lines.append("")
        listed = [f for f in verdict.findings if not shared.covers(f)]
        if not listed:
            lines.extend([words._("No findings."), ""])
        lines.extend(_md_findings(words, listed))
        if not verdict.granted and not any(f.denies for f in verdict.findings):
            lines.extend([words._("Denied with the whole certificate: see the certificate's errors above."), ""])
    lines.extend(["## " + words._("Checks"), "", words._("{tally}.", tally=_tally(words, evaluation.checks)), ""])
    if trace:
        lines.extend(
            [_md_row(md(words._(name)) for name in _CHECK_COLUMNS), "|---|---|---|---|---|"]
        )
        for check in evaluation.checks:
            lines.append(
                f"| {_outcome(words, check.outcome)} | {_where(words, check.item)} | {md(check.rule)} | "
                f"{md(check.title)} | {md(words.texts(check.needed))} |"
            )
        lines.append("")
    return "\n".join(map(terminal_text, lines))
