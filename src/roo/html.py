"""Compact HTML for notebooks (``_repr_html_``): no scripts, no external assets (internal).

Every value roo puts in the page is escaped; styling is inline so the table
reads the same in Jupyter, VS Code and a saved notebook.

The value objects know nothing of HTML: this module, on the presentation
floor, attaches each view to its class as ``_repr_html_`` when it is imported
(``import roo`` imports it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from typing import Any, Final

from .evaluation import Evaluation, Finding
from .model.certificate import Certificate
from .origin.determination import Determination
from .safeguard import verdict_words

_COLOURS: Final = {"error": "#b00020", "warning": "#8a5a00", "info": "#3b5b92", "granted": "#1b7f3b", "denied": "#b00020"}
_CELL: Final = 'style="border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top"'


def _badge(word: str, text: str | None = None) -> str:
    colour = _COLOURS.get(word, "#444")
    return f'<span style="color:{colour};font-weight:600">{escape(text or word)}</span>'


def _findings(findings: Iterable[Finding]) -> str:
    rows = [
        f"<li>{_badge(f.severity.value)} <code>{escape(f.rule)}</code> {escape(f.message)} "
        f'<small style="color:#666">[{escape(f.code)}]</small></li>'
        for f in findings
    ]
    return f'<ul style="margin:0;padding-left:1.2em">{"".join(rows)}</ul>' if rows else ""


def evaluation_html(evaluation: Evaluation) -> str:
    """A summary line, certificate-level findings, then one row per item (its verdict in the scheme's words)."""
    words = verdict_words(evaluation.scheme)
    head = (
        f"<p><b>{escape(evaluation.scheme or '')}</b> {escape(evaluation.reference_number or '(no reference)')}: "
        f"{_badge(evaluation.status.value)}"
        f"{'' if evaluation.complete else ' ' + _badge('not complete: ' + str(len(evaluation.unverified_at)) + ' unverified')}"
        "</p>"
    )
    certificate_level = [f for f in evaluation.findings if f.item is None]
    general = f"<p>Certificate:</p>{_findings(certificate_level)}" if certificate_level else ""
    rows = "".join(
        f"<tr><td {_CELL}>{verdict.number}</td><td {_CELL}>{_badge(verdict.preference.value, words.of(verdict.granted))}</td>"
        f"<td {_CELL}>{_findings(verdict.findings)}</td></tr>"
        for verdict in evaluation.items
    )
    table = (
        f'<table style="border-collapse:collapse"><thead><tr><th {_CELL}>Item</th><th {_CELL}>{escape(words.heading)}</th>'
        f"<th {_CELL}>Findings</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return f'<div class="roo-evaluation">{head}{general}{table}</div>'


def certificate_html(co: Certificate) -> str:
    """The certificate's header and its items."""
    head = (
        f"<p><b>{escape(co.scheme.value)}</b> {escape(co.reference_number or '(no reference)')} "
        f"{escape(co.exporting_party)} &rarr; {escape(co.importing_party)}, issued {co.issue_date.isoformat()} "
        f"({escape(co.medium.value)})</p>"
    )
    rows = "".join(
        f"<tr><td {_CELL}>{item.number}</td><td {_CELL}>{escape(item.description)}</td>"
        f"<td {_CELL}><code>{escape(item.hs_code)}</code></td><td {_CELL}>{escape(item.origin_criterion.text)}</td>"
        f"<td {_CELL}>{escape(str(item.quantity) if item.quantity else '')}</td>"
        f"<td {_CELL}>{escape(item.invoice.number if item.invoice else '')}</td></tr>"
        for item in co.items
    )
    table = (
        f'<table style="border-collapse:collapse"><thead><tr><th {_CELL}>Item</th><th {_CELL}>Description</th>'
        f"<th {_CELL}>HS</th><th {_CELL}>Box 8</th><th {_CELL}>Quantity</th><th {_CELL}>Invoice</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return f'<div class="roo-certificate">{head}{table}</div>'


def determination_html(determination: Determination) -> str:
    """The answer, the recommended box 8, then one row per criterion tried, and the findings."""
    answer = {True: "originating", False: "not originating", None: "undetermined"}[determination.originating]
    colour = {True: "granted", False: "denied", None: "warning"}[determination.originating]
    rvc = f", RVC {escape(str(determination.rvc_percent))}%" if determination.rvc_percent is not None else ""
    head = (
        f"<p><b>{escape(determination.scheme.value)}</b> {escape(determination.exporting_party)} "
        f"<code>{escape(determination.hs_code)}</code>: "
        f'<span style="color:{_COLOURS[colour]};font-weight:600">{escape(answer)}</span>'
        f"{'; box 8 <b>' + escape(determination.box8) + '</b>' if determination.box8 else ''}{rvc}</p>"
    )
    met = {True: "met", False: "not met", None: "undetermined"}
    rows = "".join(
        f"<tr><td {_CELL}>{escape(c.title)}</td><td {_CELL}><code>{escape(c.rule)}</code></td>"
        f"<td {_CELL}>{escape(met[c.met])}</td><td {_CELL}>{escape(', '.join(c.flags))}</td></tr>"
        for c in determination.criteria
    )
    table = (
        f'<table style="border-collapse:collapse"><thead><tr><th {_CELL}>Criterion</th><th {_CELL}>Rule</th>'
        f"<th {_CELL}>Result</th><th {_CELL}>Flags</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return f'<div class="roo-determination">{head}{table}{_findings(determination.findings)}</div>'


#: Each class with a notebook view, and the view.
VIEWS: Final[tuple[tuple[type[Any], Callable[[Any], str]], ...]] = (
    (Certificate, certificate_html),
    (Evaluation, evaluation_html),
    (Determination, determination_html),
)

for _cls, _view in VIEWS:
    # A class attribute, so IPython and Jupyter find it as a method; the instances stay frozen and slotted.
    type.__setattr__(_cls, "_repr_html_", _view)
del _cls, _view
