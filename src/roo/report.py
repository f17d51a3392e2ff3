"""The evaluation report: one self-contained HTML page laying the certificate out box by box.

:func:`html_report` is what ``roo evaluate FILE --format html -o report.html``
writes: a page a customs officer can hand to a broker. At the top, the status
and one line per item with its verdict and the findings that deny it; then the
certificate drawn like the AJCEP form (the ASEAN Member States' "Form AJ"):
the reference number, boxes 1 to 4, the goods in boxes 5 to 10 one row per
item, the declaration (11), the certification (12) and the tick boxes (13).
Each box carries the findings that concern it, with severity, citation, code
and message; :data:`BOX_OF_CODE` says which box each finding code belongs to,
and a finding it does not place goes to "Other findings". Last, the trace of
every check the engine ran, folded in a ``<details>`` element.

The page has its styles inline, no scripts, no links and no external assets,
so it can be mailed, archived and printed as it is; every value taken from
the certificate or the evaluation is escaped. It reads no clock: the same
certificate and evaluation always give the same page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from types import MappingProxyType
from typing import Final, final

import attrs

from ._exact import exact
from ._version import installed_version
from .evaluation import Check, Evaluation, Finding, ItemVerdict, Outcome, Severity, Status
from .model.certificate import Certificate, CertificateReference, Item, Medium, Party, Scheme
from .report_boxes import BOX_BY_NUMBER, BOX_OF_CODE, BOXES, ITEM_BOXES, JAPAN, OTHER, REFERENCE, Box, box_of
from .report_style import STYLE
from .safeguard import verdict_words

__all__ = ["BOXES", "BOX_OF_CODE", "OTHER", "REFERENCE", "Box", "box_of", "html_report"]


# --- the page --------------------------------------------------------------------------------------------


_STATUS_WORDS: Final[Mapping[Status, str]] = MappingProxyType(
    {
        Status.ACCEPTED: "Accepted",
        Status.PARTIALLY_ACCEPTED: "Partially accepted",
        Status.REJECTED: "Rejected",
        Status.NOT_REQUIRED: "No certificate required",
    }
)
_SEVERITY_ORDER: Final = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_NOUNS: Final[Mapping[Severity, str]] = MappingProxyType(
    {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
)

#: What each instrument of a citation stands for, for the legend at the foot of the page.
_INSTRUMENTS: Final = (
    ("AJCEP/IR", "AJCEP Implementing Regulations (Rules 1-17)"),
    ("AJCEP/OCP", "AJCEP Annex 4, Operational Certification Procedures"),
    ("AJCEP/ART", "AJCEP Agreement, Chapter 3 (rules of origin)"),
    ("AJCEP/FORM", "notes on the back of the AJCEP certificate form"),
    ("JIEPA/ART", "Japan-Indonesia EPA, articles"),
    ("JIEPA/ECO", "JIEPA e-CO arrangement with Japan Customs"),
    ("ID/MOTR-16-2024", "Indonesia, Minister of Trade Regulation 16/2024"),
)


def _e(value: object) -> str:
    """``value`` as escaped HTML text (quotes too, so it is safe in attributes)."""
    return escape(str(value), quote=True)


@final
@attrs.frozen
class _Placed:
    """A finding with its number on the page (F1, F2, ...) and the box it concerns."""

    ref: str
    finding: Finding
    box: int


def _link(placed: _Placed) -> str:
    """A link to the finding on the page: ``<a href="#f3">F3</a>``."""
    return f'<a href="#{_e(placed.ref.lower())}">{_e(placed.ref)}</a>'


def _reason(placed: _Placed) -> str:
    """Why an item is denied, as HTML: the link to the finding, its code and its citation."""
    return f'{_link(placed)} <span class="code">{_e(placed.finding.code)}</span> ({_e(placed.finding.rule)})'


def _anchor(number: int) -> str:
    """The ``id`` of a box on the page."""
    return "box-reference" if number == REFERENCE else f"box-{number}"


def _worst(placed: Iterable[_Placed]) -> Severity | None:
    severities = {p.finding.severity for p in placed}
    return next((s for s in _SEVERITY_ORDER if s in severities), None)


def _flag(placed: Sequence[_Placed]) -> str:
    worst = _worst(placed)
    return f" flag-{worst.value}" if worst else ""


def _finding_li(placed: _Placed, *, show_box: bool = False, lang: str | None = None) -> str:
    f = placed.finding
    where = f'<span class="ref">{_e(BOX_BY_NUMBER[placed.box].label)}</span> ' if show_box and placed.box in BOX_BY_NUMBER else ""
    lang_attr = f' lang="{_e(lang)}"' if lang else ""
    return (
        f'<li class="sev-{_e(f.severity.value)}" id="{_e(placed.ref.lower())}">'
        f'<span class="ref">{_e(placed.ref)}</span> <span class="sev sev-{_e(f.severity.value)}">'
        f"{_e(f.severity.value)}</span> {where}<cite class=\"cite\">{_e(f.rule)}</cite> "
        f'<span class="msg"{lang_attr}>{_e(f.message)}</span> <span class="code">[{_e(f.code)}]</span></li>'
    )


def _finding_list(placed: Sequence[_Placed], *, show_box: bool = False, lang: str | None = None) -> str:
    if not placed:
        return ""
    return (
        '<ul class="findings">'
        + "".join(_finding_li(p, show_box=show_box, lang=lang) for p in placed)
        + "</ul>"
    )


_BLANK: Final = '<span class="muted">-</span>'


def _fields(pairs: Iterable[tuple[str, str | None]]) -> str:
    """A definition list of the fields, a dash for those without a value."""
    rows = "".join(f"<dt>{_e(name)}</dt><dd>{_e(value) if value else _BLANK}</dd>" for name, value in pairs)
    return f"<dl>{rows}</dl>"


def _party(party: Party | None) -> str:
    if party is None:
        return '<p class="muted">(not stated)</p>'
    return _fields((("Name", party.name), ("Address", party.address), ("Country", party.country)))


def _tick(ticked: bool | None) -> str:
    # None: the data do not say whether the box is ticked, which is not the same as an empty box.
    return f'<span class="tick">[{"X" if ticked else "?" if ticked is None else "&nbsp;"}]</span>'


def _reference(reference: CertificateReference | None) -> str | None:
    if reference is None:
        return None
    parts = [reference.reference_number]
    if reference.issue_date:
        parts.append(f"issued {reference.issue_date.isoformat()}")
    if reference.exporting_party:
        parts.append(f"in {reference.exporting_party}")
    return ", ".join(parts)


def _yes(flag: bool | None) -> str:
    return "not stated" if flag is None else "yes" if flag else "no"


class _Page:
    """Builds the page for one certificate and its evaluation."""

    def __init__(self, co: Certificate, evaluation: Evaluation, lang: str | None, *, evaluated: bool = True) -> None:
        self.co = co
        self.evaluation = evaluation
        # False for the form as filled in, before any evaluation (the certificate's notebook view).
        self.evaluated = evaluated
        self.lang = lang
        width = len(str(len(evaluation.findings)))
        self.placed = tuple(
            _Placed(f"F{n:0{width}d}", finding, box_of(finding, co))
            for n, finding in enumerate(evaluation.findings, start=1)
        )
        self.japan_form = co.scheme is Scheme.AJCEP and co.exporting_party == JAPAN
        # Indexes built once, so that each item's row looks its item, verdict and findings up in constant
        # time: scanning the items or the findings once per item made the page quadratic in items.
        self.item_by_number: dict[int, Item] = {}
        for item in co.items:
            self.item_by_number.setdefault(item.number, item)  # the first of a repeated number, as co.item()
        self.verdict_by_number: dict[int, ItemVerdict] = {}
        for verdict in evaluation.items:
            self.verdict_by_number.setdefault(verdict.number, verdict)
        self.placed_by_item: dict[int | None, list[_Placed]] = {}
        for placed in self.placed:
            self.placed_by_item.setdefault(placed.finding.item, []).append(placed)

    # Findings by place.

    def certificate_box(self, box: int) -> list[_Placed]:
        """Findings placed in ``box``; for an item box, only those about no particular item."""
        if box in ITEM_BOXES:
            return [p for p in self.placed if p.box == box and p.finding.item is None]
        return [p for p in self.placed if p.box == box]

    def item_findings(self, number: int) -> list[_Placed]:
        """The findings about item ``number`` placed in one of the item boxes."""
        return [p for p in self.placed_by_item.get(number, ()) if p.box in ITEM_BOXES]

    def refs(self, placed: Iterable[_Placed]) -> str:
        """Links to the findings ``placed`` (``F1, F3``), as HTML."""
        return ", ".join(_link(p) for p in placed)

    # Sections.

    def render(self) -> str:
        co, evaluation = self.co, self.evaluation
        title = f"{co.scheme.value} certificate of origin {co.reference_number or '(no reference number)'}"
        body = "".join(
            (
                self.header(title),
                self.summary(),
                self.form(),
                self.other(),
                self.trace(),
                self.footer(),
            )
        )
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}: {_e(_STATUS_WORDS[evaluation.status].lower())}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body class=\"roo\">\n<main>\n{body}\n</main>\n</body>\n</html>\n"
        )

    def header(self, title: str) -> str:
        co, evaluation = self.co, self.evaluation
        presented = (
            f"presented {evaluation.on.isoformat()}"
            if evaluation.on
            else "presentation date not given (checks that need it were not evaluated)"
        )
        sheet = co.copy.value if co.copy else "sheet not stated"
        medium = "electronic (e-CO)" if co.medium is Medium.ELECTRONIC else f"paper, {sheet}"
        return (
            f"<header><h1>{_e(title)}</h1>"
            f'<p class="meta">{_e(co.exporting_party)} &rarr; {_e(co.importing_party)} &middot; '
            f"issued {_e(co.issue_date.isoformat())} &middot; {_e(presented)} &middot; {_e(medium)}</p></header>\n"
        )

    def summary(self) -> str:
        evaluation = self.evaluation
        total = len(evaluation.items)
        granted = len(evaluation.granted)
        status = evaluation.status
        if status is Status.NOT_REQUIRED:
            verdict = f"every item is granted ({total} of {total}) without a certificate"
        else:
            words = verdict_words(self.co.scheme.value)
            verdict = f"{words.granted_to} to {granted} of {total} item{'s' if total != 1 else ''}"
        counts = {s: sum(1 for p in self.placed if p.finding.severity is s) for s in _SEVERITY_ORDER}
        tally = ", ".join(f"{n} {_NOUNS[s]}{'s' if n != 1 else ''}" for s, n in counts.items())
        rows = []
        certificate_errors = [p for p in self.placed if p.finding.item is None and p.finding.denies]
        for verdict_ in evaluation.items:
            item = self.item_by_number.get(verdict_.number)
            own = self.placed_by_item.get(verdict_.number, [])
            denying = [p for p in own if p.finding.denies]
            if verdict_.granted:
                why = "-"
            elif denying:
                why = "; ".join(_reason(p) for p in denying)
            else:
                why = "with the whole certificate: " + "; ".join(_reason(p) for p in certificate_errors)
            notes = [p for p in own if not p.finding.denies]
            rows.append(
                "<tr>"
                f"<td>{verdict_.number}</td>"
                f"<td>{_e(item.description) if item else ''}</td>"
                f"<td>{_e(item.hs_code) if item else ''}</td>"
                f"<td>{_e(item.origin_criterion.text) if item else ''}</td>"
                f'<td class="{_e(verdict_.preference.value)}">{_e(verdict_.preference.value)}</td>'
                f"<td>{why}</td>"
                f"<td>{self.refs(notes) or '-'}</td>"
                "</tr>"
            )
        table = (
            "<table><thead><tr><th>Item</th><th>Description</th><th>HS code</th><th>Box 8</th>"
            "<th>Preference</th><th>Denied because</th><th>Other findings</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        return (
            '<section id="summary"><h2>Summary</h2>'
            f'<p class="status status-{_e(status.value)}">{_e(_STATUS_WORDS[status])}: {_e(verdict)}.</p>'
            f"{_unverified_note(evaluation)}"
            f"<p>Findings: {_e(tally)}. Errors deny preference (to their item, or to every item when they concern "
            "the certificate as a whole); warnings and notes do not.</p>"
            f"{table}</section>\n"
        )

    def box(self, number: int, content: str) -> str:
        placed = self.certificate_box(number)
        box = BOX_BY_NUMBER[number]
        heading = (
            f'<h3><span class="num">{number}</span>{_e(box.title)}</h3>'
            if number != REFERENCE
            else f"<h3>{_e(box.title)}</h3>"
        )
        return (
            f'<div class="box{_flag(placed)}" id="{_anchor(number)}">{heading}{content}'
            f"{_finding_list(placed, lang=self.lang)}</div>"
        )

    def form(self, *, section: bool = True) -> str:
        co = self.co
        notes = []
        if self.japan_form:
            notes.append(
                "This certificate is on Japan's form, which puts the exporter's declaration in box 10, the "
                "certification in box 11 and a replacement's particulars in box 9; the report follows the ASEAN "
                "Member States' numbering, and the messages quote Japan's."
            )
        elif co.scheme is not Scheme.AJCEP:
            notes.append(
                f"The layout follows the AJCEP form; a {co.scheme.value} certificate's own form may place and "
                "number its boxes differently."
            )
        note = "".join(f'<p class="note">{_e(n)}</p>' for n in notes)
        top = (
            f'<div class="row"><div class="col">{self.box(1, self.box1())}{self.box(2, _party(co.consignee))}</div>'
            f"{self.box(REFERENCE, self.reference())}</div>"
            f'<div class="row">{self.box(3, self.box3())}{self.box(4, self.box4())}</div>'
        )
        bottom = (
            f'<div class="row">{self.box(11, self.box11())}{self.box(12, self.box12())}</div>'
            f'<div class="row">{self.box(13, self.box13())}</div>'
        )
        sheet = f'{note}<div class="sheet">{top}{self.goods()}{bottom}</div>'
        if not section:
            return sheet
        return (
            '<section id="form"><h2>The certificate, box by box</h2>'
            f"{sheet}</section>\n"
        )

    def reference(self) -> str:
        co = self.co
        sheet = "e-CO (electronic)" if co.medium is Medium.ELECTRONIC else (co.copy.value if co.copy else None)
        return (
            '<p class="title">Certificate of origin (combined declaration and certificate)</p>'
            + _fields(
                (
                    ("Reference No.", co.reference_number),
                    ("Agreement", co.scheme.value),
                    ("Issued in", co.exporting_party),
                    ("Importing Party", co.importing_party),
                    ("Sheet", sheet),
                )
            )
        )

    def box1(self) -> str:
        co = self.co
        producer = ""
        if co.producer is not None:
            producer = '<p class="note">Producer (where stated):</p>' + _party(co.producer)
        return _party(co.exporter) + producer

    def box3(self) -> str:
        transport = self.co.transport
        if transport is None:
            return '<p class="muted">(not stated)</p>'
        return _fields(
            (
                ("Departure date", transport.departure_date.isoformat() if transport.departure_date else None),
                ("Vessel / flight", transport.vessel_or_flight),
                ("Port of loading", transport.port_of_loading),
                ("Port of discharge", transport.port_of_discharge),
                ("Transit", ", ".join(transport.transit_countries) or None),
            )
        )

    def box4(self) -> str:
        evaluation = self.evaluation
        words = verdict_words(self.co.scheme.value)
        if not self.evaluated:
            # The blank box, as the importing Party's customs receive it.
            return f"<p>{_tick(False)} {_e(words.granted.capitalize())}</p><p>{_tick(False)} {_e(words.denied.capitalize())}</p>"
        granted = ", ".join(map(str, evaluation.granted))
        denied = ", ".join(map(str, evaluation.denied))
        reasons = [p for p in self.placed if p.finding.denies]
        given = (
            f"<p>{_tick(bool(granted))} {_e(words.granted.capitalize())}"
            + (f": item{'s' if len(evaluation.granted) != 1 else ''} {_e(granted)}" if granted else "")
            + "</p>"
        )
        not_given = (
            f"<p>{_tick(bool(denied))} {_e(words.denied.capitalize())}"
            + (
                f": item{'s' if len(evaluation.denied) != 1 else ''} {_e(denied)} "
                f"(reasons: {self.refs(reasons)})"
                if denied
                else ""
            )
            + "</p>"
        )
        note = "As evaluated by roo; to be confirmed by the importing Party's customs."
        return f'{given}{not_given}<p class="note">{_e(note)}</p>'

    def goods(self) -> str:
        co = self.co
        head = "".join(f"<th>{_e(BOX_BY_NUMBER[n].label)}: {_e(BOX_BY_NUMBER[n].title)}</th>" for n in ITEM_BOXES)
        rows: list[str] = []
        general = [p for p in self.placed if p.box in ITEM_BOXES and p.finding.item is None]
        if general:
            rows.append(
                f'<tr class="item-findings" id="item-findings-all"><td colspan="{len(ITEM_BOXES)}">'
                "<p>About every item:</p>"
                f"{_finding_list(general, show_box=True, lang=self.lang)}</td></tr>"
            )
        numbers = [v.number for v in self.evaluation.items]
        numbers += [number for number in self.item_by_number if number not in self.verdict_by_number]
        for number in numbers:
            item = self.item_by_number.get(number)
            verdict = self.verdict_by_number.get(number)
            own = self.item_findings(number)
            by_box = {n: [p for p in own if p.box == n] for n in ITEM_BOXES}
            cells = self.item_cells(item, number, verdict.preference.value if verdict else None)
            row = "".join(
                f'<td class="{_flag(by_box[n]).strip()}">{cells[n]}{self.markers(by_box[n])}</td>'
                if by_box[n]
                else f"<td>{cells[n]}</td>"
                for n in ITEM_BOXES
            )
            rows.append(f'<tr id="item-{number}">{row}</tr>')
            if own:
                rows.append(
                    f'<tr class="item-findings" id="item-findings-{number}"><td colspan="{len(ITEM_BOXES)}">'
                    f"{_finding_list(own, show_box=True, lang=self.lang)}</td></tr>"
                )
        invoicer = ""
        if co.third_country_invoicing or co.third_country_invoicer is not None:
            placed = [p for p in self.placed if p.box == 7 and p.finding.code == "third-country-invoicer-missing"]
            who = co.third_country_invoicer
            text = (
                ", ".join(part for part in (who.name, who.address, who.country) if part)
                if who
                else "(not stated)"
            )
            invoicer = (
                f'<div class="box{_flag(placed)}" id="box-7-invoicer">'
                f'<h3><span class="num">7</span>Invoice issued in a third country by</h3><p>{_e(text)}</p></div>'
            )
        remarks = ""
        if co.remarks.strip():
            remarks = f'<div class="box"><h3>Remarks</h3><p>{_e(co.remarks)}</p></div>'
        return (
            f'<div class="goods"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"{invoicer}{remarks}</div>"
        )

    def markers(self, placed: Sequence[_Placed]) -> str:
        return f' <span class="marker">{self.refs(placed)}</span>'

    def item_cells(self, item: Item | None, number: int, preference: str | None) -> dict[int, str]:
        verdict = f' <span class="{_e(preference)}">{_e(preference)}</span>' if preference else ""
        if item is None:
            return {5: f"{number}{verdict}", 6: "", 7: "", 8: "", 9: "", 10: ""}
        drawn = (
            f'<br><span class="note">from item {item.original_item} of the original CO</span>'
            if self.co.back_to_back and item.original_item is not None
            else ""
        )

        def lines(*parts: str | None) -> str:
            shown = [_e(part) for part in parts if part]
            return "<br>".join(shown) if shown else '<span class="muted">-</span>'

        hs = f"HS {item.hs_code}" + (f" ({item.hs_version.value})" if item.hs_version else "")
        invoice = item.invoice
        return {
            5: f"{item.number}{verdict}{drawn}",
            6: lines(item.marks),
            7: lines(item.packages, item.description, hs),
            8: lines(item.origin_criterion.text),
            9: lines(
                f"Quantity: {item.quantity}" if item.quantity else None,
                f"Gross weight: {item.gross_weight}" if item.gross_weight else None,
                f"FOB: {item.fob_value}" if item.fob_value else None,
            ),
            10: lines(
                invoice.number if invoice else None,
                invoice.date.isoformat() if invoice and invoice.date else None,
            ),
        }

    def box11(self) -> str:
        declaration = self.co.exporter_declaration
        if declaration is None:
            return '<p class="muted">(not completed)</p>'
        return _fields(
            (
                ("Place", declaration.place),
                ("Date", declaration.date.isoformat() if declaration.date else None),
                ("Signed", _yes(declaration.signed)),
            )
        )

    def box12(self) -> str:
        co = self.co
        certification = co.certification
        content = (
            _fields(
                (
                    ("Authority", certification.authority),
                    ("Signatory", certification.signatory),
                    ("Place", certification.place),
                    ("Signed", _yes(certification.signed)),
                    ("Sealed", _yes(certification.sealed)),
                )
            )
            if certification is not None
            else '<p class="muted">(not certified)</p>'
        )
        content += _fields((("Issue date", co.issue_date.isoformat()),))
        if co.certified_true_copy or co.certified_true_copy_date is not None:
            made = co.certified_true_copy_date.isoformat() if co.certified_true_copy_date else "date not stated"
            endorsed = "endorsed 'CERTIFIED TRUE COPY'" if co.certified_true_copy else "not endorsed"
            content += f"<p>Certified true copy: {_e(endorsed)}, made {_e(made)} (AJCEP IR 5(b)).</p>"
        if co.replaces is not None:
            content += f"<p>Replaces CO {_e(_reference(co.replaces))} (AJCEP IR 5(a)).</p>"
        return content

    def box13(self) -> str:
        co = self.co
        original = _reference(co.original_certificate)
        return (
            f"<p>{_tick(co.third_country_invoicing)} Third Country Invoicing</p>"
            f"<p>{_tick(co.back_to_back)} Back-to-Back CO"
            + (f": original CO {_e(original)}" if original else "")
            + "</p>"
            f"<p>{_tick(co.issued_retroactively)} Issued Retroactively</p>"
            f"{self.alterations()}"
        )

    def alterations(self) -> str:
        co = self.co
        lines = [
            f"<li>Box {a.box}: {_e(a.method.value.replace('_', ' '))}; approved by the signatory: "
            f"{_yes(a.approved_by_signatory)}; certified by the authority: {_yes(a.certified_by_authority)}</li>"
            for a in co.alterations
        ]
        crossed = f"<p class=\"note\">Unused spaces crossed out: {_yes(co.unused_spaces_crossed_out)}.</p>"
        if not lines:
            return crossed
        return f'<p class="note">Alterations on the form:</p><ul>{"".join(lines)}</ul>{crossed}'

    def other(self) -> str:
        placed = [p for p in self.placed if p.box == OTHER]
        content = (
            _finding_list(placed, lang=self.lang)
            if placed
            else '<p class="muted">None: every finding is shown in the box it concerns.</p>'
        )
        return f'<section id="other-findings"><h2>Other findings</h2>{content}</section>\n'

    def trace(self) -> str:
        checks = self.evaluation.checks
        counts = {o: sum(1 for c in checks if c.outcome is o) for o in Outcome}
        tally = ", ".join(f"{n} {o.value.replace('_', ' ')}" for o, n in counts.items())
        rows = "".join(_check_row(check) for check in checks)
        return (
            '<section id="trace"><h2>Checks</h2>'
            f"<details><summary>Every check the engine ran ({len(checks)}: {_e(tally)})</summary>"
            "<table><thead><tr><th>Outcome</th><th>Applies to</th><th>Citation</th><th>Check</th>"
            f"<th>Needs</th></tr></thead><tbody>{rows}</tbody></table></details></section>\n"
        )

    def footer(self) -> str:
        legend = "".join(f"<dt>{_e(prefix)}</dt><dd>{_e(meaning)}</dd>" for prefix, meaning in _INSTRUMENTS)
        return (
            "<footer><p>Findings cite the rule they come from:</p>"
            f"<dl>{legend}</dl>"
            f"<p>Report produced by roo {_e(installed_version())} from the certificate and the facts of the import it was "
            "given; a check that lacked a fact says so and was not held against the importer.</p></footer>"
        )


def _check_row(check: Check) -> str:
    where = "certificate" if check.item is None else f"item {check.item}"
    return (
        f"<tr><td>{_e(check.outcome.value.replace('_', ' '))}</td><td>{_e(where)}</td>"
        f'<td><cite class="cite">{_e(check.rule)}</cite></td><td>{_e(check.title)}</td>'
        f"<td>{_e(', '.join(check.needed))}</td></tr>"
    )


@exact
def html_report(co: Certificate, evaluation: Evaluation, *, locale: str | None = None) -> str:
    """The report on ``evaluation`` of ``co`` as one self-contained HTML page (see the module docstring).

    ``locale`` is the language the evaluation's messages are in (``evaluate(..., locale=...)``); it marks
    them with ``lang`` so browsers and screen readers read them right. The page's own labels are English,
    as the form's are.
    """
    lang = locale.replace("_", "-") if locale and locale != "en" else None
    return _Page(co, evaluation, lang).render()


def form_html(co: Certificate, evaluation: Evaluation | None = None, *, locale: str | None = None) -> str:
    """The certificate drawn box by box, as in the report, for the notebook views (:mod:`roo.html`).

    With ``evaluation``, each box carries the findings that concern it, each item its verdict, and box 4
    the items granted and denied; without, the form as filled in, box 4 blank. ``locale`` as for
    :func:`html_report`.
    """
    lang = locale.replace("_", "-") if locale and locale != "en" else None
    if evaluation is None:
        blank = Evaluation(status=Status.ACCEPTED, items=(), findings=(), scheme=co.scheme.value)
        return _Page(co, blank, lang, evaluated=False).form(section=False)
    return _Page(co, evaluation, lang).form(section=False)


def _unverified_note(evaluation: Evaluation) -> str:
    """When the evaluation is not complete: the checks that could deny and were not made, under the status."""
    unverified = evaluation.unverified
    if not unverified:
        return ""
    rows = "".join(
        f"<li>{_e(check.rule)}: {_e(check.title)}"
        f"{' (item ' + str(check.item) + ')' if check.item is not None else ''}"
        f" &mdash; needs {_e(', '.join(check.needed) or '-')}</li>"
        for check in unverified
    )
    return (
        f'<p class="status status-partially_accepted">Not complete: {len(unverified)} check'
        f"{'s' if len(unverified) != 1 else ''} that could deny preference {'were' if len(unverified) != 1 else 'was'}"
        f" not made.</p><ul>{rows}</ul>"
    )
