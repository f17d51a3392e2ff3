"""HTML for notebooks (``_repr_html_``): no scripts, no external assets (internal).

Every value roo puts in the page is escaped. Each view is one ``<div
class="roo">`` carrying its own ``<style>`` (:data:`roo.report_style.VIEW_STYLE`,
every rule scoped under ``.roo``), so it reads the same in JupyterLab, VS Code
and a saved notebook, on a light or a dark theme, and leaves the rest of the
notebook alone. Where a notebook drops ``<style>`` elements, the views are
still plain tables and lists.

* A :class:`~roo.Certificate` shows the whole form, box by box, as the
  evaluation report draws it (:func:`roo.report.form_html`).
* An :class:`~roo.Evaluation` shows its status, the findings about the
  certificate, then one row per item: number, description, HS code, box 8,
  verdict and findings; below, folded, the form with each finding in its box.
* A :class:`~roo.origin.Determination` shows its answer and the criteria tried.

The value objects know nothing of HTML: this module, on the presentation
floor, attaches each view to its class as ``_repr_html_`` when it is imported
(``import roo`` imports it).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from html import escape
from typing import Any, Final

from .evaluation import Evaluation, Finding
from .locale import N_
from .locale.frame import Labels, labels
from .model.certificate import Certificate, Item, Medium
from .origin.determination import Determination
from .report import form_html
from .report_style import VIEW_STYLE
from .safeguard import verdict_words

_STYLE: Final = f"<style>{VIEW_STYLE}</style>"


def _e(value: object) -> str:
    """``value`` as escaped HTML text (quotes too, so it is safe in attributes)."""
    return escape(str(value), quote=True)


#: Where an element's id, or a link to one, begins (values from the certificate are escaped, quotes too, so
#: no text of the certificate can match).
_ID_OR_LINK: Final = re.compile(r'(\bid="|\bhref="#)')


def _view(kind: str, body: str) -> str:
    """A view: its own style sheet, scoped under ``.roo``, and its body.

    A notebook shows many outputs in one page: each view's ids (boxes, findings, items) and the links to them
    get a prefix of their own, taken from the view's content, so that a link to finding F2 goes to this
    view's F2 and the same certificate shown again gives the same HTML.
    """
    prefix = f"roo-{kind}-{hashlib.blake2s(body.encode(), digest_size=4).hexdigest()}-"
    return f'<div class="roo roo-{kind}">{_STYLE}{_ID_OR_LINK.sub(lambda m: m.group(1) + prefix, body)}</div>'


def _findings(findings: Iterable[Finding], words: Labels | None = None) -> str:
    """Each finding: severity, citation, message and code, marked by severity as in the report."""
    words = words or labels(None)
    rows = [
        f'<li class="sev-{_e(f.severity.value)}"><span class="sev sev-{_e(f.severity.value)}">{_e(words.word(f.severity))}</span> '
        f'<cite class="cite">{_e(f.rule)}</cite> <span class="msg">{_e(f.message)}</span> '
        f'<span class="code">[{_e(f.code)}]</span></li>'
        for f in findings
    ]
    return f'<ul class="findings">{"".join(rows)}</ul>' if rows else ""


def _header(co: Certificate, words: Labels) -> str:
    """Scheme, reference number, the Parties, the issue date and the medium, on one line."""
    medium = words._("electronic (e-CO)") if co.medium is Medium.ELECTRONIC else words._("paper")
    return (
        f'<p class="meta"><b>{_e(co.scheme.value)}</b> {_e(co.reference_number or words._("(no reference number)"))} '
        f"&middot; {_e(words.country(co.exporting_party))} &rarr; {_e(words.country(co.importing_party))} &middot; "
        f"{_e(words._('issued {date}', date=co.issue_date))} &middot; {_e(medium)}</p>"
    )


#: Beside an item denied by an error of the certificate as a whole (the text report's words).
_DENIED_WITH_CERTIFICATE: Final = N_("(denied with the whole certificate: see the certificate's errors above)")


def evaluation_html(evaluation: Evaluation, *, locale: str | None = None) -> str:
    """The status, the certificate's own findings, one row per item (with what the item is), then the form.

    Its words are in ``locale``, by default the one the evaluation's messages are in (:attr:`Evaluation.locale`).
    """
    locale = locale or evaluation.locale
    evaluation = evaluation.localized(locale)
    text = labels(locale)
    words = verdict_words(evaluation.scheme)
    co = evaluation.certificate
    unverified = len(evaluation.unverified_at)
    status = evaluation.status
    head = (
        f'<p class="status status-{_e(status.value)}">{_e(evaluation.scheme or "")} '
        f'{_e(evaluation.reference_number or text._("(no reference number)"))}: '
        f'{_e(text.word(status) if text.locale else status.value.replace("_", " "))}'
        f"{'' if evaluation.complete else ' ' + _e(text._('(not complete: {count} unverified)', count=unverified))}</p>"
    )
    certificate_level = [f for f in evaluation.findings if f.item is None]
    general = f"<h3>{_e(text._('Certificate'))}</h3>{_findings(certificate_level, text)}" if certificate_level else ""
    items: dict[int, Item] = {}
    if co is not None:
        for listed in co.items:
            items.setdefault(listed.number, listed)  # the first of a repeated number, as co.item()
    rows = []
    for verdict in evaluation.items:
        item = items.get(verdict.number)
        preference = verdict.preference.value
        # An item denied by an error of the certificate as a whole has no finding of its own to show why.
        why = (
            f'<p class="note">{_e(text._(_DENIED_WITH_CERTIFICATE))}</p>'
            if not verdict.granted and not any(f.denies for f in verdict.findings)
            else ""
        )
        rows.append(
            f'<tr id="verdict-{verdict.number}"><td>{verdict.number}</td>'
            f"<td>{_e(item.description) if item else ''}</td>"
            f"<td><code>{_e(item.hs_code) if item else ''}</code></td>"
            f"<td>{_e(item.origin_criterion.text) if item else ''}</td>"
            f'<td class="{_e(preference)}">{_e(text._(words.of(verdict.granted)))}</td>'
            f"<td>{why}{_findings(verdict.findings, text)}</td></tr>"
        )
    columns = (N_("Item"), N_("Description"), N_("HS code"), N_("Box 8"), words.heading, N_("Findings"))
    table = (
        f"<table><thead><tr>{''.join(f'<th>{_e(text._(column))}</th>' for column in columns)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    form = (
        f"<details><summary>{_e(text._('The certificate, box by box'))}</summary>"
        f"{form_html(co, evaluation, locale=locale)}</details>"
        if co is not None
        else ""
    )
    return _view("evaluation", f"{head}{general}{table}{form}")


def certificate_html(co: Certificate, *, locale: str | None = None) -> str:
    """The certificate's header line, then the whole form box by box, as the evaluation report draws it.

    ``locale`` writes its labels, dates, amounts and countries in that language (:func:`roo.locale.frame.labels`).
    """
    return _view("certificate", f"{_header(co, labels(locale))}{form_html(co, locale=locale)}")


def determination_html(determination: Determination) -> str:
    """The answer, the recommended box 8, then one row per criterion tried, and the findings.

    In the language the determination was made in (``determine(..., locale=...)``, :attr:`Determination.locale`):
    its words, the criteria's titles and the Party's name; without one, in plain English as ever.
    """
    words = labels(determination.locale)
    answer = {True: N_("originating"), False: N_("not originating"), None: N_("undetermined")}[determination.originating]
    colour = {True: "granted", False: "denied", None: "undetermined"}[determination.originating]
    rvc = f", RVC {_e(words.number(determination.rvc_percent))}%" if determination.rvc_percent is not None else ""
    box8 = f"; {_e(words._('box 8'))} <b>{_e(determination.box8)}</b>" if determination.box8 else ""
    head = (
        f"<p><b>{_e(determination.scheme.value)}</b> {_e(words.country(determination.exporting_party))} "
        f"<code>{_e(determination.hs_code)}</code>: "
        f'<span class="{colour}">{_e(words._(answer))}</span>'
        f"{box8}{rvc}</p>"
    )
    met = {True: N_("met"), False: N_("not met"), None: N_("undetermined")}
    met_class = {True: "granted", False: "denied", None: "undetermined"}
    rows = "".join(
        f"<tr><td>{_e(words.text(c.title))}</td><td><code>{_e(c.rule)}</code></td>"
        f'<td class="{met_class[c.met]}">{_e(words._(met[c.met]))}</td><td>{_e(", ".join(c.flags))}</td></tr>'
        for c in determination.criteria
    )
    columns = "".join(f"<th>{_e(words._(name))}</th>" for name in (N_("Criterion"), N_("Rule"), N_("Result"), N_("Flags")))
    table = f"<table><thead><tr>{columns}</tr></thead><tbody>{rows}</tbody></table>"
    return _view("determination", f"{head}{table}{_findings(determination.findings, words)}")


#: Each class with a notebook view, and the view.
VIEWS: Final[tuple[tuple[type[Any], Callable[[Any], str]], ...]] = (
    (Certificate, certificate_html),
    (Evaluation, evaluation_html),
    (Determination, determination_html),
)

for _cls, _view_of in VIEWS:
    # A class attribute, so IPython and Jupyter find it as a method; the instances stay frozen and slotted.
    type.__setattr__(_cls, "_repr_html_", _view_of)
del _cls, _view_of
