"""The text and Markdown reports of ``roo evaluate`` (``--format text`` and ``--format markdown``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from ..evaluation import Check, Evaluation, Finding, Outcome
from ..model.certificate import Certificate, Item
from ..safeguard import SAFEGUARD_SCHEME, SAFEGUARD_WORDS
from ._common import terminal_text


def _granted_count(scheme: str | None, granted: int, total: int) -> str:
    """"2 of 3 items granted", or under MoTR 16/2024 what a granted item means there."""
    items = f"{granted} of {total} item{'s' if total != 1 else ''}"
    return f"{SAFEGUARD_WORDS.granted} to {items}" if scheme == SAFEGUARD_SCHEME else f"{items} granted"



# --- the text report --------------------------------------------------------------------------------------


def render(evaluation: Evaluation, co: Certificate, *, trace: bool = False) -> str:
    """The text report of ``evaluation``: header, certificate findings, items with their findings, tally."""
    granted = len(evaluation.granted)
    total = len(evaluation.items)
    presented = f"presented {evaluation.on.isoformat()}" if evaluation.on else "presentation date not given (--on)"
    lines = [
        f"{co.scheme.value} certificate {co.reference_number or '(no reference number)'}: "
        f"{co.exporting_party} -> {co.importing_party}, issued {co.issue_date.isoformat()}, {presented}",
        f"status: {evaluation.status.value} ({_granted_count(evaluation.scheme, granted, total)})",
        *_unverified_lines(evaluation),
        "",
    ]
    own = [f for f in evaluation.findings if f.item is None]
    lines.append("certificate" if own else "certificate: no findings")
    lines.extend(_finding_line(f) for f in own)
    item_of = _items_by_number(co).get
    for verdict in evaluation.items:
        item = item_of(verdict.number)
        about = f"  {item.description} (HS {item.hs_code}, {item.origin_criterion.text})" if item else ""
        lines.append(f"item {verdict.number}: {verdict.preference.value:<7}{about}")
        lines.extend(_finding_line(f) for f in verdict.findings)
        if not verdict.granted and not any(f.denies for f in verdict.findings):
            lines.append("  (denied with the whole certificate: see the certificate's errors above)")
    lines.append("")
    lines.append("checks: " + _tally(evaluation.checks))
    if trace:
        lines.extend(_check_line(check) for check in evaluation.checks)
    return "\n".join(map(terminal_text, lines)) + "\n"


def _items_by_number(co: Certificate) -> dict[int, Item]:
    """The items by number (the first of a repeated number, as ``co.item`` gives), for lookups in constant time.

    A report looks every verdict's item up: ``co.item`` scans the items, which made reports quadratic in items.
    """
    items: dict[int, Item] = {}
    for item in co.items:
        items.setdefault(item.number, item)
    return items


def _unverified_lines(evaluation: Evaluation) -> list[str]:
    """Under the status, when the evaluation is not complete: the checks that could deny and were not made."""
    unverified = evaluation.unverified
    if not unverified:
        return []
    count = len(unverified)
    lines = [f"not complete: {count} check{'s' if count != 1 else ''} that could deny {'were' if count != 1 else 'was'} not made"]
    for check in unverified:
        where = "certificate" if check.item is None else f"item {check.item}"
        lines.append(f"  {where:<11} {check.rule:<16} {check.title} (needs {', '.join(check.needed) or '-'})")
    return lines


def _item_message(finding: Finding) -> str:
    """The message without its ``Item n:`` prefix, for a line already under its item."""
    message = finding.message
    prefix = f"Item {finding.item}: "
    if finding.item is not None and message.startswith(prefix):
        message = message[len(prefix) :]
    return message


def _finding_line(finding: Finding) -> str:
    return f"  {finding.severity.value:<7} {finding.rule:<16} {_item_message(finding)} [{finding.code}]"


def _tally(checks: tuple[Check, ...]) -> str:
    counts = {outcome: sum(1 for c in checks if c.outcome is outcome) for outcome in Outcome}
    return ", ".join(f"{n} {outcome.value.replace('_', ' ')}" for outcome, n in counts.items())


def _check_line(check: Check) -> str:
    where = "certificate" if check.item is None else f"item {check.item}"
    needed = f" (needs {', '.join(check.needed)})" if check.needed else ""
    return f"  {check.outcome.value:<14} {where:<11} {check.rule:<16} {check.title}{needed}"


# --- the Markdown report ----------------------------------------------------------------------------------

#: Characters that mean something in Markdown (CommonMark and GitHub tables); escaped with a backslash.
_MARKDOWN_SPECIAL: Final = frozenset("\\`*_[]<>|#")


_MARKDOWN_LITERAL: Final = str.maketrans({**{char: "\\" + char for char in _MARKDOWN_SPECIAL}, "\r": " ", "\n": " "})


def md(text: object) -> str:
    """``text`` as literal Markdown inline text: special characters escaped, line breaks as spaces."""
    return str(text).translate(_MARKDOWN_LITERAL)


def _md_findings(findings: Iterable[Finding]) -> list[str]:
    rows = [
        f"| {finding.severity.value} | {md(finding.rule)} | {md(_item_message(finding))} | `{finding.code}` |"
        for finding in findings
    ]
    if not rows:
        return []
    return ["| severity | rule | message | code |", "|---|---|---|---|", *rows, ""]


def render_markdown(evaluation: Evaluation, co: Certificate, *, trace: bool = False) -> str:
    """The report of ``evaluation`` as Markdown: heading, status, item table, findings, checks."""
    granted = len(evaluation.granted)
    total = len(evaluation.items)
    presented = f"presented {evaluation.on.isoformat()}" if evaluation.on else "presentation date not given"
    lines = [
        f"# {md(co.scheme.value)} certificate {md(co.reference_number or '(no reference number)')}",
        "",
        f"{md(co.exporting_party)} → {md(co.importing_party)}, issued {co.issue_date.isoformat()}, {presented}.",
        "",
        f"**Status: `{evaluation.status.value}`** ({_granted_count(evaluation.scheme, granted, total)})",
        "",
        *[md(line) + "  " for line in _unverified_lines(evaluation)],
        *([""] if not evaluation.complete else []),
        "| item | preference | description | HS code | box 8 | findings |",
        "|---:|---|---|---|---|---:|",
    ]
    item_of = _items_by_number(co).get
    for verdict in evaluation.items:
        item = item_of(verdict.number)
        lines.append(
            f"| {verdict.number} | {'**denied**' if not verdict.granted else 'granted'} | "
            f"{md(item.description) if item else ''} | {md(item.hs_code) if item else ''} | "
            f"{md(item.origin_criterion.text) if item else ''} | {len(verdict.findings)} |"
        )
    lines.append("")
    own = [f for f in evaluation.findings if f.item is None]
    lines.append("## Certificate")
    lines.append("")
    lines.extend(_md_findings(own) or ["No findings about the certificate as a whole.", ""])
    for verdict in evaluation.items:
        lines.append(f"## Item {verdict.number}: {verdict.preference.value}")
        lines.append("")
        if not verdict.findings:
            lines.extend(["No findings.", ""])
        lines.extend(_md_findings(verdict.findings))
        if not verdict.granted and not any(f.denies for f in verdict.findings):
            lines.extend(["Denied with the whole certificate: see the certificate's errors above.", ""])
    lines.extend(["## Checks", "", _tally(evaluation.checks) + ".", ""])
    if trace:
        lines.extend(["| outcome | applies to | rule | check | needs |", "|---|---|---|---|---|"])
        for check in evaluation.checks:
            where = "certificate" if check.item is None else f"item {check.item}"
            lines.append(
                f"| {check.outcome.value.replace('_', ' ')} | {where} | {md(check.rule)} | {md(check.title)} | "
                f"{md(', '.join(check.needed))} |"
            )
        lines.append("")
    return "\n".join(map(terminal_text, lines))


