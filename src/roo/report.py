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
from .evaluation import Check, Evaluation, Finding, ItemVerdict, Outcome, Preference, Severity, Status
from .locale import N_, localize
from .locale.frame import Labels, labels
from .model.certificate import Certificate, CertificateReference, Item, Medium, Party, Scheme
from .report_boxes import BOX_BY_NUMBER, BOX_OF_CODE, BOXES, ITEM_BOXES, JAPAN, OTHER, REFERENCE, Box, box_of
from .report_style import STYLE
from .safeguard import SAFEGUARD_WORDS, verdict_words

__all__ = ["BOXES", "BOX_OF_CODE", "OTHER", "REFERENCE", "Box", "box_of", "html_report"]


# --- the page --------------------------------------------------------------------------------------------


_STATUS_WORDS: Final[Mapping[Status, str]] = MappingProxyType(
    {
        Status.ACCEPTED: N_("Accepted"),
        Status.PARTIALLY_ACCEPTED: N_("Partially accepted"),
        Status.REJECTED: N_("Rejected"),
        Status.NOT_REQUIRED: N_("No certificate required"),
    }
)
_SEVERITY_ORDER: Final = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _severity_count(words: Labels, severity: Severity, count: int) -> str:
    """``"2 errors"``, ``"1 warning"``, ``"0 notes"``."""
    if severity is Severity.ERROR:
        return words.ngettext("{count} error", "{count} errors", count)
    if severity is Severity.WARNING:
        return words.ngettext("{count} warning", "{count} warnings", count)
    return words.ngettext("{count} note", "{count} notes", count)


#: What each instrument of a citation stands for, for the legend at the foot of the page.
_INSTRUMENTS: Final = (
    ("AJCEP/IR", N_("AJCEP Implementing Regulations (Rules 1-17)")),
    ("AJCEP/OCP", N_("AJCEP Annex 4, Operational Certification Procedures")),
    ("AJCEP/ART", N_("AJCEP Agreement, Chapter 3 (rules of origin)")),
    ("AJCEP/FORM", N_("notes on the back of the AJCEP certificate form")),
    ("JIEPA/ART", N_("Japan-Indonesia EPA, articles")),
    ("JIEPA/ECO", N_("JIEPA e-CO arrangement with Japan Customs")),
    ("ID/MOTR-16-2024", N_("Indonesia, Minister of Trade Regulation 16/2024")),
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


def _box_label(words: Labels, number: int) -> str:
    """``"Box 7"``, or ``"Reference No."`` for the header, in the report's language."""
    return words._("Reference No.") if number == REFERENCE else words._("Box {number}", number=number)


def _finding_li(words: Labels, placed: _Placed, *, show_box: bool = False, lang: str | None = None) -> str:
    f = placed.finding
    where = f'<span class="ref">{_e(_box_label(words, placed.box))}</span> ' if show_box and placed.box in BOX_BY_NUMBER else ""
    lang_attr = f' lang="{_e(lang)}"' if lang else ""
    return (
        f'<li class="sev-{_e(f.severity.value)}" id="{_e(placed.ref.lower())}">'
        f'<span class="ref">{_e(placed.ref)}</span> <span class="sev sev-{_e(f.severity.value)}">'
        f"{_e(words.word(f.severity))}</span> {where}<cite class=\"cite\">{_e(f.rule)}</cite> "
        f'<span class="msg"{lang_attr}>{_e(f.message)}</span> <span class="code">[{_e(f.code)}]</span></li>'
    )


def _finding_list(words: Labels, placed: Sequence[_Placed], *, show_box: bool = False, lang: str | None = None) -> str:
    if not placed:
        return ""
    return (
        '<ul class="findings">'
        + "".join(_finding_li(words, p, show_box=show_box, lang=lang) for p in placed)
        + "</ul>"
    )


_BLANK: Final = '<span class="muted">-</span>'


def _fields(words: Labels, pairs: Iterable[tuple[str, str | None]]) -> str:
    """A definition list of the fields (names are msgids), a dash for those without a value."""
    rows = "".join(f"<dt>{_e(words._(name))}</dt><dd>{_e(value) if value else _BLANK}</dd>" for name, value in pairs)
    return f"<dl>{rows}</dl>"


def _muted(words: Labels, message: str) -> str:
    return f'<p class="muted">{_e(words._(message))}</p>'


def _party(words: Labels, party: Party | None) -> str:
    if party is None:
        return _muted(words, N_("(not stated)"))
    return _fields(
        words,
        (
            (N_("Name"), party.name),
            (N_("Address"), party.address),
            (N_("Country"), words.country(party.country) if party.country else party.country),
        ),
    )


def _tick(ticked: bool | None) -> str:
    # None: the data do not say whether the box is ticked, which is not the same as an empty box.
    return f'<span class="tick">[{"X" if ticked else "?" if ticked is None else "&nbsp;"}]</span>'


def _reference(words: Labels, reference: CertificateReference | None) -> str | None:
    if reference is None:
        return None
    parts = [reference.reference_number]
    if reference.issue_date:
        parts.append(words._("issued {date}", date=reference.issue_date))
    if reference.exporting_party:
        parts.append(words._("in {country}", country=words.country(reference.exporting_party)))
    return words.join(parts)


def _yes(words: Labels, flag: bool | None) -> str:
    return words._("not stated") if flag is None else words._("yes") if flag else words._("no")


#: The code of the engine's own "not evaluated" note (``roo.engine.NOT_EVALUATED_CODE``), which reports group.
_NOT_EVALUATED_CODE: Final = "check-not-evaluated"


@final
@attrs.frozen
class SharedNotes:
    """The "not evaluated" notes that several items share, for a report to list once naming the items.

    An evaluation keeps one ``check-not-evaluated`` finding per item (each names its item, and an item's
    verdict is folded from its own findings; docs/formats.md#not-evaluated-notes); a report of a 50-item
    certificate evaluated with only a date would repeat the same note 50 times for each rule. ``groups``
    holds, by the items they concern (ascending), the notes of two or more items that are the same apart from
    the item (same rule, same facts), one finding standing for each, in the order the evaluation gives them.
    """

    groups: tuple[tuple[tuple[int, ...], tuple[Finding, ...]], ...]
    keys: frozenset[tuple[str, object]]

    def covers(self, finding: Finding) -> bool:
        """Whether ``finding`` is listed in one of the groups (a report then leaves it out of its item)."""
        return finding.code == _NOT_EVALUATED_CODE and finding.item is not None and (finding.rule, finding.facts) in self.keys


def shared_notes(findings: Iterable[Finding]) -> SharedNotes:
    """The notes among ``findings`` to list once for several items (see :class:`SharedNotes`); linear in findings."""
    items: dict[tuple[str, object], list[int]] = {}
    first: dict[tuple[str, object], Finding] = {}
    for finding in findings:
        if finding.code == _NOT_EVALUATED_CODE and finding.item is not None:
            key: tuple[str, object] = (finding.rule, finding.facts)
            items.setdefault(key, []).append(finding.item)
            first.setdefault(key, finding)
    by_items: dict[tuple[int, ...], list[Finding]] = {}
    keys = []
    for shared, numbers in items.items():
        if len(set(numbers)) > 1:
            keys.append(shared)
            by_items.setdefault(tuple(sorted(set(numbers))), []).append(first[shared])
    return SharedNotes(tuple((numbers, tuple(notes)) for numbers, notes in by_items.items()), frozenset(keys))


def item_ranges(numbers: Sequence[int]) -> str:
    """Ascending item numbers as runs: ``(1, 2, 3, 5, 7, 8)`` gives ``"1–3, 5, 7–8"``."""
    runs: list[str] = []
    start = previous = numbers[0] if numbers else 0
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        runs.append(str(start) if start == previous else f"{start}\u2013{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(runs) if numbers else ""


class _Page:
    """Builds the page for one certificate and its evaluation."""

    def __init__(
        self, co: Certificate, evaluation: Evaluation, lang: str | None, words: Labels, *, evaluated: bool = True
    ) -> None:
        self.co = co
        self.evaluation = evaluation
        # False for the form as filled in, before any evaluation (the certificate's notebook view).
        self.evaluated = evaluated
        self.lang = lang
        self.words = words
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
        # The "not evaluated" notes several items share are listed once, above the items: the first item's,
        # its message without the item, stands for each (its number is where every item's summary links).
        self.shared = shared_notes(evaluation.findings)
        self.shared_placed: dict[tuple[str, object], _Placed] = {}
        if self.shared.groups:
            for placed in self.placed:
                if self.shared.covers(placed.finding) and (placed.finding.rule, placed.finding.facts) not in self.shared_placed:
                    shown = attrs.evolve(placed.finding, message=words.message(placed.finding))  # without "Item n:"
                    self.shared_placed[(placed.finding.rule, placed.finding.facts)] = _Placed(placed.ref, shown, placed.box)

    # Findings by place.

    def certificate_box(self, box: int) -> list[_Placed]:
        """Findings placed in ``box``; for an item box, only those about no particular item."""
        if box in ITEM_BOXES:
            return [p for p in self.placed if p.box == box and p.finding.item is None]
        return [p for p in self.placed if p.box == box and not self.shared.covers(p.finding)]

    def item_findings(self, number: int) -> list[_Placed]:
        """The findings about item ``number`` placed in one of the item boxes, but for the notes it shares."""
        return [p for p in self.placed_by_item.get(number, ()) if p.box in ITEM_BOXES and not self.shared.covers(p.finding)]

    def own_or_shared(self, placed: Iterable[_Placed]) -> list[_Placed]:
        """``placed`` with each shared note replaced by the one that stands for it, each once."""
        shown: dict[str, _Placed] = {}
        for p in placed:
            if self.shared.covers(p.finding):
                p = self.shared_placed[(p.finding.rule, p.finding.facts)]
            shown.setdefault(p.ref, p)
        return list(shown.values())

    def refs(self, placed: Iterable[_Placed]) -> str:
        """Links to the findings ``placed`` (``F1, F3``), as HTML."""
        return ", ".join(_link(p) for p in placed)

    # Sections.

    def render(self) -> str:
        co, evaluation, words = self.co, self.evaluation, self.words
        title = words._(
            "{scheme} certificate of origin {reference}",
            scheme=co.scheme.value,
            reference=co.reference_number or words._("(no reference number)"),
        )
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
            f'<!DOCTYPE html>\n<html lang="{_e(words.lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}: {_e(words._(_STATUS_WORDS[evaluation.status]).lower())}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body class=\"roo\">\n<main>\n{body}\n</main>\n</body>\n</html>\n"
        )

    def header(self, title: str) -> str:
        co, evaluation, words = self.co, self.evaluation, self.words
        presented = (
            words._("presented {date}", date=evaluation.on)
            if evaluation.on
            else words._("presentation date not given (checks that need it were not evaluated)")
        )
        sheet = words.word(co.copy) if co.copy else words._("sheet not stated")
        medium = words._("electronic (e-CO)") if co.medium is Medium.ELECTRONIC else words._("paper, {sheet}", sheet=sheet)
        return (
            f"<header><h1>{_e(title)}</h1>"
            f'<p class="meta">{_e(words.country(co.exporting_party))} &rarr; {_e(words.country(co.importing_party))} '
            f"&middot; {_e(words._('issued {date}', date=co.issue_date))} &middot; {_e(presented)} &middot; "
            f"{_e(medium)}</p></header>\n"
        )

    def summary(self) -> str:
        evaluation, words = self.evaluation, self.words
        total = len(evaluation.items)
        granted = len(evaluation.granted)
        status = evaluation.status
        if status is Status.NOT_REQUIRED:
            verdict = words._("every item is granted ({total} of {total}) without a certificate", total=total)
        elif verdict_words(self.co.scheme.value) is SAFEGUARD_WORDS:
            verdict = words.ngettext(
                "the safeguard exclusion can apply to {granted} of {count} item",
                "the safeguard exclusion can apply to {granted} of {count} items",
                total,
                granted=granted,
            )
        else:
            verdict = words.ngettext(
                "preference granted to {granted} of {count} item",
                "preference granted to {granted} of {count} items",
                total,
                granted=granted,
            )
        counts = {s: sum(1 for p in self.placed if p.finding.severity is s) for s in _SEVERITY_ORDER}
        tally = words.join(_severity_count(words, s, n) for s, n in counts.items())
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
                why = _e(words._("with the whole certificate:")) + " " + "; ".join(_reason(p) for p in certificate_errors)
            notes = self.own_or_shared(p for p in own if not p.finding.denies)
            rows.append(
                "<tr>"
                f"<td>{verdict_.number}</td>"
                f"<td>{_e(item.description) if item else ''}</td>"
                f"<td>{_e(item.hs_code) if item else ''}</td>"
                f"<td>{_e(item.origin_criterion.text) if item else ''}</td>"
                f'<td class="{_e(verdict_.preference.value)}">{_e(words.word(verdict_.preference))}</td>'
                f"<td>{why}</td>"
                f"<td>{self.refs(notes) or '-'}</td>"
                "</tr>"
            )
        table = (
            f"<table><thead><tr>{_headings(words, _SUMMARY_COLUMNS)}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        return (
            f'<section id="summary"><h2>{_e(words._("Summary"))}</h2>'
            f'<p class="status status-{_e(status.value)}">'
            f"{_e(words._('{status}: {verdict}.', status=words._(_STATUS_WORDS[status]), verdict=verdict))}</p>"
            f"{_unverified_note(words, evaluation)}"
            f"<p>{_e(words._('Findings: {tally}.', tally=tally))} "
            f"{_e(words._('Errors deny preference (to their item, or to every item when they concern the certificate as a whole); warnings and notes do not.'))}</p>"
            f"{table}</section>\n"
        )

    def box(self, number: int, content: str) -> str:
        placed = self.certificate_box(number)
        box = BOX_BY_NUMBER[number]
        heading = (
            f'<h3><span class="num">{number}</span>{_e(self.words._(box.title))}</h3>'
            if number != REFERENCE
            else f"<h3>{_e(self.words._(box.title))}</h3>"
        )
        return (
            f'<div class="box{_flag(placed)}" id="{_anchor(number)}">{heading}{content}'
            f"{_finding_list(self.words, placed, lang=self.lang)}</div>"
        )

    def form(self, *, section: bool = True) -> str:
        co, words = self.co, self.words
        notes = []
        if self.japan_form:
            notes.append(
                words._(
                    "This certificate is on Japan's form, which puts the exporter's declaration in box 10, the "
                    "certification in box 11 and a replacement's particulars in box 9; the report follows the ASEAN "
                    "Member States' numbering, and the messages quote Japan's."
                )
            )
        elif co.scheme is not Scheme.AJCEP:
            notes.append(
                words._(
                    "The layout follows the AJCEP form; a {scheme} certificate's own form may place and "
                    "number its boxes differently.",
                    scheme=co.scheme.value,
                )
            )
        note = "".join(f'<p class="note">{_e(n)}</p>' for n in notes)
        top = (
            f'<div class="row"><div class="col">{self.box(1, self.box1())}{self.box(2, _party(words, co.consignee))}</div>'
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
            f'<section id="form"><h2>{_e(words._("The certificate, box by box"))}</h2>'
            f"{sheet}</section>\n"
        )

    def reference(self) -> str:
        co, words = self.co, self.words
        sheet = words._("e-CO (electronic)") if co.medium is Medium.ELECTRONIC else (words.word(co.copy) if co.copy else None)
        return (
            f'<p class="title">{_e(words._("Certificate of origin (combined declaration and certificate)"))}</p>'
            + _fields(
                words,
                (
                    (N_("Reference No."), co.reference_number),
                    (N_("Agreement"), co.scheme.value),
                    (N_("Issued in"), words.country(co.exporting_party)),
                    (N_("Importing Party"), words.country(co.importing_party)),
                    (N_("Sheet"), sheet),
                ),
            )
        )

    def box1(self) -> str:
        co, words = self.co, self.words
        producer = ""
        if co.producer is not None:
            producer = f'<p class="note">{_e(words._("Producer (where stated):"))}</p>' + _party(words, co.producer)
        return _party(words, co.exporter) + producer

    def box3(self) -> str:
        transport, words = self.co.transport, self.words
        if transport is None:
            return _muted(words, N_("(not stated)"))
        return _fields(
            words,
            (
                (N_("Departure date"), words.date(transport.departure_date) if transport.departure_date else None),
                (N_("Vessel / flight"), transport.vessel_or_flight),
                (N_("Port of loading"), transport.port_of_loading),
                (N_("Port of discharge"), transport.port_of_discharge),
                (N_("Transit"), words.countries(transport.transit_countries) or None),
            ),
        )

    def box4(self) -> str:
        evaluation, words = self.evaluation, self.words
        verdict = verdict_words(self.co.scheme.value)
        if not self.evaluated:
            # The blank box, as the importing Party's customs receive it.
            return (
                f"<p>{_tick(False)} {_e(words._(verdict.granted).capitalize())}</p>"
                f"<p>{_tick(False)} {_e(words._(verdict.denied).capitalize())}</p>"
            )
        granted = words.join(map(str, evaluation.granted))
        denied = words.join(map(str, evaluation.denied))
        reasons = [p for p in self.placed if p.finding.denies]

        def items(count: int, numbers: str) -> str:
            return words.ngettext("item {numbers}", "items {numbers}", count, numbers=numbers)

        given = (
            f"<p>{_tick(bool(granted))} {_e(words._(verdict.granted).capitalize())}"
            + (f": {_e(items(len(evaluation.granted), granted))}" if granted else "")
            + "</p>"
        )
        not_given = (
            f"<p>{_tick(bool(denied))} {_e(words._(verdict.denied).capitalize())}"
            + (
                f": {_e(items(len(evaluation.denied), denied))} "
                f"({_e(words._('reasons:'))} {self.refs(reasons)})"
                if denied
                else ""
            )
            + "</p>"
        )
        note = words._("As evaluated by roo; to be confirmed by the importing Party's customs.")
        return f'{given}{not_given}<p class="note">{_e(note)}</p>'

    def goods(self) -> str:
        co, words = self.co, self.words
        head = "".join(
            f"<th>{_e(_box_label(words, n))}: {_e(words._(BOX_BY_NUMBER[n].title))}</th>" for n in ITEM_BOXES
        )
        rows: list[str] = []
        general = [p for p in self.placed if p.box in ITEM_BOXES and p.finding.item is None]
        if general:
            rows.append(
                f'<tr class="item-findings" id="item-findings-all"><td colspan="{len(ITEM_BOXES)}">'
                f"<p>{_e(words._('About every item:'))}</p>"
                f"{_finding_list(words, general, show_box=True, lang=self.lang)}</td></tr>"
            )
        for group, (shared_by, notes) in enumerate(self.shared.groups, start=1):
            listed = [self.shared_placed[(note.rule, note.facts)] for note in notes]
            rows.append(
                f'<tr class="item-findings" id="item-findings-shared-{group}"><td colspan="{len(ITEM_BOXES)}">'
                f"<p>{_e(words._('About items {numbers}:', numbers=item_ranges(shared_by)))}</p>"
                f"{_finding_list(words, listed, show_box=True, lang=self.lang)}</td></tr>"
            )
        numbers = [v.number for v in self.evaluation.items]
        numbers += [number for number in self.item_by_number if number not in self.verdict_by_number]
        for number in numbers:
            item = self.item_by_number.get(number)
            verdict = self.verdict_by_number.get(number)
            own = self.item_findings(number)
            by_box = {n: [p for p in own if p.box == n] for n in ITEM_BOXES}
            cells = self.item_cells(item, number, verdict.preference if verdict else None)
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
                    f"{_finding_list(words, own, show_box=True, lang=self.lang)}</td></tr>"
                )
        invoicer = ""
        if co.third_country_invoicing or co.third_country_invoicer is not None:
            placed = [p for p in self.placed if p.box == 7 and p.finding.code == "third-country-invoicer-missing"]
            who = co.third_country_invoicer
            text = (
                words.join(part for part in (who.name, who.address, words.country(who.country or "")) if part)
                if who
                else words._("(not stated)")
            )
            invoicer = (
                f'<div class="box{_flag(placed)}" id="box-7-invoicer">'
                f'<h3><span class="num">7</span>{_e(words._("Invoice issued in a third country by"))}</h3>'
                f"<p>{_e(text)}</p></div>"
            )
        remarks = ""
        if co.remarks.strip():
            remarks = f'<div class="box"><h3>{_e(words._("Remarks"))}</h3><p>{_e(co.remarks)}</p></div>'
        return (
            f'<div class="goods"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"{invoicer}{remarks}</div>"
        )

    def markers(self, placed: Sequence[_Placed]) -> str:
        return f' <span class="marker">{self.refs(placed)}</span>'

    def item_cells(self, item: Item | None, number: int, preference: Preference | None) -> dict[int, str]:
        words = self.words
        verdict = (
            f' <span class="{_e(preference.value)}">{_e(words.word(preference))}</span>' if preference else ""
        )
        if item is None:
            return {5: f"{number}{verdict}", 6: "", 7: "", 8: "", 9: "", 10: ""}
        drawn = (
            f'<br><span class="note">{_e(words._("from item {number} of the original CO", number=item.original_item))}</span>'
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
                words._("Quantity: {quantity}", quantity=item.quantity) if item.quantity else None,
                words._("Gross weight: {weight}", weight=item.gross_weight) if item.gross_weight else None,
                words._("FOB: {value}", value=item.fob_value) if item.fob_value else None,
            ),
            10: lines(
                invoice.number if invoice else None,
                words.date(invoice.date) if invoice and invoice.date else None,
            ),
        }

    def box11(self) -> str:
        declaration, words = self.co.exporter_declaration, self.words
        if declaration is None:
            return _muted(words, N_("(not completed)"))
        return _fields(
            words,
            (
                (N_("Place"), declaration.place),
                (N_("Date"), words.date(declaration.date) if declaration.date else None),
                (N_("Signed"), _yes(words, declaration.signed)),
            ),
        )

    def box12(self) -> str:
        co, words = self.co, self.words
        certification = co.certification
        issued = (N_("Issue date"), words.date(co.issue_date))
        # One list with the issue date, so that its label lines up with the certification's.
        content = (
            _fields(
                words,
                (
                    (N_("Authority"), certification.authority),
                    (N_("Signatory"), certification.signatory),
                    (N_("Place"), certification.place),
                    (N_("Signed"), _yes(words, certification.signed)),
                    (N_("Sealed"), _yes(words, certification.sealed)),
                    issued,
                ),
            )
            if certification is not None
            else _muted(words, N_("(not certified)")) + _fields(words, (issued,))
        )
        if co.certified_true_copy or co.certified_true_copy_date is not None:
            made = words.date(co.certified_true_copy_date) if co.certified_true_copy_date else words._("date not stated")
            endorsed = words._("endorsed 'CERTIFIED TRUE COPY'") if co.certified_true_copy else words._("not endorsed")
            content += (
                f"<p>{_e(words._('Certified true copy: {endorsed}, made {made} (AJCEP IR 5(b)).', endorsed=endorsed, made=made))}</p>"
            )
        if co.replaces is not None:
            content += f"<p>{_e(words._('Replaces CO {reference} (AJCEP IR 5(a)).', reference=_reference(words, co.replaces)))}</p>"
        return content

    def box13(self) -> str:
        co, words = self.co, self.words
        original = _reference(words, co.original_certificate)
        return (
            f"<p>{_tick(co.third_country_invoicing)} {_e(words._('Third Country Invoicing'))}</p>"
            f"<p>{_tick(co.back_to_back)} {_e(words._('Back-to-Back CO'))}"
            + (f": {_e(words._('original CO {reference}', reference=original))}" if original else "")
            + "</p>"
            f"<p>{_tick(co.issued_retroactively)} {_e(words._('Issued Retroactively'))}</p>"
            f"{self.alterations()}"
        )

    def alterations(self) -> str:
        co, words = self.co, self.words
        lines = [
            "<li>"
            + _e(
                words._(
                    "Box {box}: {method}; approved by the signatory: {approved}; certified by the authority: {certified}",
                    box=str(a.box),
                    method=words.word(a.method) if words.locale else a.method.value.replace("_", " "),
                    approved=_yes(words, a.approved_by_signatory),
                    certified=_yes(words, a.certified_by_authority),
                )
            )
            + "</li>"
            for a in co.alterations
        ]
        crossed_out = words._("Unused spaces crossed out: {answer}.", answer=_yes(words, co.unused_spaces_crossed_out))
        crossed = f'<p class="note">{_e(crossed_out)}</p>'
        if not lines:
            return crossed
        return f'<p class="note">{_e(words._("Alterations on the form:"))}</p><ul>{"".join(lines)}</ul>{crossed}'

    def other(self) -> str:
        words = self.words
        placed = [p for p in self.placed if p.box == OTHER and not self.shared.covers(p.finding)]
        content = (
            _finding_list(words, placed, lang=self.lang)
            if placed
            else _muted(words, N_("None: every finding is shown in the box it concerns."))
        )
        return f'<section id="other-findings"><h2>{_e(words._("Other findings"))}</h2>{content}</section>\n'

    def trace(self) -> str:
        checks, words = self.evaluation.checks, self.words
        counts = {o: sum(1 for c in checks if c.outcome is o) for o in Outcome}
        tally = words.join(
            words._("{count} {outcome}", count=n, outcome=_outcome(words, o)) for o, n in counts.items()
        )
        rows = "".join(_check_row(words, check) for check in checks)
        summary = words._("Every check the engine ran ({count}: {tally})", count=len(checks), tally=tally)
        return (
            f'<section id="trace"><h2>{_e(words._("Checks"))}</h2>'
            f"<details><summary>{_e(summary)}</summary>"
            f"<table><thead><tr>{_headings(words, _TRACE_COLUMNS)}</tr></thead>"
            f"<tbody>{rows}</tbody></table></details></section>\n"
        )

    def footer(self) -> str:
        words = self.words
        legend = "".join(
            f"<dt>{_e(prefix)}</dt><dd>{_e(words._(meaning))}</dd>" for prefix, meaning in _INSTRUMENTS
        )
        produced = words._(
            "Report produced by roo {version} from the certificate and the facts of the import it was given; a check "
            "that lacked a fact says so and was not held against the importer.",
            version=installed_version(),
        )
        return (
            f"<footer><p>{_e(words._('Findings cite the rule they come from:'))}</p>"
            f"<dl>{legend}</dl>"
            f"<p>{_e(produced)}</p></footer>"
        )


#: The column headings of the summary's table and of the trace (msgids).
_SUMMARY_COLUMNS: Final = (
    N_("Item"), N_("Description"), N_("HS code"), N_("Box 8"), N_("Preference"), N_("Denied because"),
    N_("Other findings"),
)  # fmt: skip
_TRACE_COLUMNS: Final = (N_("Outcome"), N_("Applies to"), N_("Citation"), N_("Check"), N_("Needs"))


def _headings(words: Labels, columns: Iterable[str]) -> str:
    return "".join(f"<th>{_e(words._(column))}</th>" for column in columns)


def _outcome(words: Labels, outcome: Outcome) -> str:
    """An outcome as the trace names it (``not applicable``)."""
    return words.word(outcome) if words.locale else outcome.value.replace("_", " ")


def _where(words: Labels, item: int | None) -> str:
    return words._("certificate") if item is None else words._("item {number}", number=item)


def _check_row(words: Labels, check: Check) -> str:
    where = _where(words, check.item)
    return (
        f"<tr><td>{_e(_outcome(words, check.outcome))}</td><td>{_e(where)}</td>"
        f'<td><cite class="cite">{_e(check.rule)}</cite></td><td>{_e(check.title)}</td>'
        f"<td>{_e(words.texts(check.needed))}</td></tr>"
    )


@exact
def html_report(co: Certificate, evaluation: Evaluation, *, locale: str | None = None) -> str:
    """The report on ``evaluation`` of ``co`` as one self-contained HTML page (see the module docstring).

    ``locale`` (``"en"``, ``"ja"``, ``"id"``, optionally with a region) writes the whole page in that language:
    its headings, labels and status words, the findings' messages (the evaluation is localized here, so one
    made without a locale is reported in the locale too), and dates, amounts and countries as babel formats
    them there; the root element gets ``lang``. Without a locale the page is the plain English one (ISO dates,
    country codes), as it always was.
    """
    words = labels(locale)
    lang = words.lang if locale and words.lang != "en" else None
    return _Page(co, localize(evaluation, locale), lang, words).render()


def form_html(co: Certificate, evaluation: Evaluation | None = None, *, locale: str | None = None) -> str:
    """The certificate drawn box by box, as in the report, for the notebook views (:mod:`roo.html`).

    With ``evaluation``, each box carries the findings that concern it, each item its verdict, and box 4
    the items granted and denied; without, the form as filled in, box 4 blank. ``locale`` as for
    :func:`html_report`: every label, date, amount and country of the form in that language.
    """
    words = labels(locale)
    lang = words.lang if locale and words.lang != "en" else None
    if evaluation is None:
        blank = Evaluation(status=Status.ACCEPTED, items=(), findings=(), scheme=co.scheme.value)
        return _Page(co, blank, lang, words, evaluated=False).form(section=False)
    return _Page(co, localize(evaluation, locale), lang, words).form(section=False)


def _unverified_note(words: Labels, evaluation: Evaluation) -> str:
    """When the evaluation is not complete: the checks that could deny and were not made, under the status."""
    unverified = evaluation.unverified
    if not unverified:
        return ""
    rows = "".join(
        f"<li>{_e(check.rule)}: {_e(check.title)}"
        f"{' ' + _e(words._('(item {number})', number=check.item)) if check.item is not None else ''}"
        f" &mdash; {_e(words._('needs {facts}', facts=words.texts(check.needed) or '-'))}</li>"
        for check in unverified
    )
    note = words.ngettext(
        "Not complete: {count} check that could deny preference was not made.",
        "Not complete: {count} checks that could deny preference were not made.",
        len(unverified),
    )
    return f'<p class="status status-partially_accepted">{_e(note)}</p><ul>{rows}</ul>'
