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

import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from types import MappingProxyType
from typing import Final, final

import attrs

from ._exact import exact
from ._version import installed_version
from .evaluation import Check, Evaluation, Finding, ItemVerdict, Outcome, Severity, Status
from .model.certificate import Certificate, CertificateReference, Item, Medium, Party, Scheme
from .safeguard import verdict_words

__all__ = ["BOXES", "BOX_OF_CODE", "OTHER", "REFERENCE", "Box", "box_of", "html_report"]

#: The key of the form's header (reference number, form name, sheet), which has no box number.
REFERENCE: Final = 0
#: The key under which findings that concern no box are listed ("Other findings").
OTHER: Final = -1


@final
@attrs.frozen
class Box:
    """A box of the form: its number (``REFERENCE`` for the header) and its printed heading."""

    number: int
    title: str

    @property
    def label(self) -> str:
        """``"Box 7"``, or ``"Reference No."`` for the header."""
        return "Reference No." if self.number == REFERENCE else f"Box {self.number}"


#: The boxes of the AJCEP form as the ASEAN Member States print it, in order.
BOXES: Final = (
    Box(REFERENCE, "Reference No., form and sheet"),
    Box(1, "Goods consigned from (exporter's business name, address, country)"),
    Box(2, "Goods consigned to (importer's / consignee's name, address, country)"),
    Box(3, "Means of transport and route (as far as known)"),
    Box(4, "For official use"),
    Box(5, "Item number"),
    Box(6, "Marks and numbers on packages"),
    Box(7, "Number and type of packages, description of goods, HS code of the importing Party"),
    Box(8, "Origin criterion"),
    Box(9, "Gross weight or other quantity, and value (FOB)"),
    Box(10, "Number and date of invoices"),
    Box(11, "Declaration by the exporter"),
    Box(12, "Certification"),
    Box(13, "Third country invoicing, back-to-back CO, issued retroactively"),
)
_BOX: Final[Mapping[int, Box]] = MappingProxyType({box.number: box for box in BOXES})
#: The boxes filled in once per item.
ITEM_BOXES: Final = (5, 6, 7, 8, 9, 10)

#: The box each finding code concerns. Codes not listed here are placed by :func:`box_of` from their facts
#: (the box an alteration was made in, the Art 9 data element, the e-CO field) or listed under "Other findings".
BOX_OF_CODE: Final[Mapping[str, int]] = MappingProxyType(
    {
        # Reference number, sheet, medium (the form's header).
        "reference-number-missing": REFERENCE,
        "not-original": REFERENCE,
        "copy-not-indicated": REFERENCE,
        "paper-co-after-eco-only": REFERENCE,
        "eco-before-exchange": REFERENCE,
        "eco-data-copy-missing": REFERENCE,
        # Box 1: the exporter.
        "declared-exporter-differs": 1,
        "exporter-missing": 1,
        "consignee-missing": 2,
        "exporting-party-not-a-party": 1,
        "importing-party-not-a-party": 2,
        "exporting-party-is-importing-party": 2,
        "declared-exporter-differs-slightly": 1,
        # Box 3: transport and route.
        "retroactive-shipment-date-missing": 3,
        "transit-countries-differ-from-certificate": 3,
        "transit-evidence-missing": 3,
        "transit-operation-not-permitted": 3,
        "transit-operation-unrecognised": 3,
        "in-transit-co-not-retroactive": 3,
        "in-transit-co-not-retroactive-unverified": 3,
        "motr-traded-in-transit": 3,
        "motr-transit-inconsistent": 3,
        "motr-transit-not-proven": 3,
        "motr-transit-operation-not-permitted": 3,
        "motr-transit-operation-unrecognised": 3,
        "motr-transit-reason-not-accepted": 3,
        "motr-transit-reason-unknown": 3,
        "motr-transit-reason-unrecognised": 3,
        "motr-transit-reason-mixed": 3,
        "motr-consignment-departs-after-import": 3,
        "motr-transit-trading-unknown": 3,
        # Box 4: for official use in the importing Party (presentation, waiver, the agreement in force).
        "motr-coo-issued-after-import": 4,
        "motr-preferential-co-verified-under-agreement": 4,
        # MoTR 16/2024 Art 2(3): whether a safeguard measure covers the goods (by their HS code) and excludes them.
        "motr-country-not-excluded": 7,
        "motr-goods-outside-safeguard-measures": 7,
        "motr-safeguard-scope-uncertain": 7,
        "co-presented-after-validity": 4,
        "co-presented-before-issue": 4,
        "co-issued-before-agreement": 4,
        "co-waived": 4,
        "ajcep-not-in-force-on-import": 4,
        "ajcep-not-in-force-on-import-unverified": 4,
        "ajcep-not-in-force-for-exporting-party": 4,
        "ajcep-not-in-force-for-exporting-party-unverified": 4,
        "jiepa-issued-before-entry-into-force": 4,
        "motr-16-2024-not-in-force": 4,
        "motr-field-verification-possible": 4,
        # Box 5: the item number (of this CO, or of the original a back-to-back item draws from).
        "back-to-back-original-item-not-found": 5,
        "eco-drawdown-unknown-item": 5,
        "declared-item-not-on-certificate": 5,
        # Box 7: packages, description and HS code.
        "description-missing": 7,
        "description-not-substantially-identical": 7,
        "description-differs-slightly": 7,
        "hs-code-not-six-digits": 7,
        "hs-code-national-digits": 7,
        "declared-hs-subheading-differs": 7,
        "declared-hs-subheading-differs-across-editions": 7,
        "hs-conversion-not-verified": 7,
        "hs-conversion-not-correlated": 7,
        "hs-conversion-ambiguous": 7,
        "hs-conversion-unchecked": 7,
        "hs-edition-accepted-transitional": 7,
        "hs-edition-back-to-back-not-allowed": 7,
        "hs-edition-retroactive-not-amended": 7,
        "hs-edition-retroactive-old-accepted": 7,
        "hs-edition-superseded": 7,
        "hs-edition-back-to-back-not-allowed-unverified": 7,
        "hs-edition-retroactive-not-amended-unverified": 7,
        "hs-edition-superseded-unverified": 7,
        "third-country-invoicer-missing": 7,
        "third-country-invoicer-outside-its-box": 7,
        # Box 8: the origin criterion, with DMI and ACU.
        "origin-criterion-unreadable": 8,
        "origin-criterion-partly-unrecognised": 8,
        "rvc-below-general-rule": 8,
        "rvc-below-product-specific-rule": 8,
        "de-minimis-without-ctc": 8,
        "accumulation-document-reference-missing": 8,
        "accumulation-evidence-not-provided": 8,
        "accumulation-material-co-not-from-party": 8,
        "accumulation-material-co-party-missing": 8,
        "accumulation-material-co-retroactive": 8,
        "accumulation-other-document": 8,
        "motr-accumulation-not-recognised": 8,
        "motr-change-not-specified": 8,
        "motr-de-minimis-not-provided": 8,
        "motr-origin-criterion-not-recognised": 8,
        "motr-origin-criterion-unreadable": 8,
        "motr-origin-criterion-partly-unrecognised": 8,
        # Box 9: quantity and FOB value.
        "declared-quantity-below-certificate": 9,
        "declared-quantity-differs-slightly": 9,
        "declared-quantity-exceeds-certificate": 9,
        "declared-quantity-exceeds-certificate-unverified": 9,
        "item-quantity-missing": 9,
        "declared-quantity-matches-gross-weight": 9,
        "declared-quantity-unit-differs": 9,
        "back-to-back-partial-quantity-missing": 9,
        "back-to-back-partial-value-missing": 9,
        "back-to-back-quantity-exceeds-original": 9,
        "back-to-back-quantity-exceeds-original-same-day": 9,
        "back-to-back-quantity-unit-mismatch": 9,
        "eco-quantity-exceeded": 9,
        "eco-item-without-quantity": 9,
        "eco-drawdown-unit-mismatch": 9,
        # Box 10: invoices.
        "invoice-missing": 10,
        "invoice-date-missing": 10,
        "several-invoices": 10,
        # Box 11: the exporter's declaration.
        "exporter-declaration-missing": 11,
        "exporter-declaration-unsigned": 11,
        # Box 12: certification; a replacement's and a certified true copy's particulars go here too (AJCEP IR 5).
        "certification-unsigned": 12,
        "certification-not-stamped": 12,
        "certification-signatory-missing": 12,
        "replacement-original-date-missing": 12,
        "replacement-original-reference-missing": 12,
        "replacement-predates-original": 12,
        "replacement-reference-not-new": 12,
        "certified-true-copy-before-issue": 12,
        "certified-true-copy-date-missing": 12,
        "certified-true-copy-date-without-endorsement": 12,
        "certified-true-copy-issue-date-differs": 12,
        "certified-true-copy-too-late": 12,
        "replaced-co-presented": 12,
        "replaced-co-presented-before-replacement": 12,
        # Box 13: the tick boxes.
        "third-country-invoicing-not-indicated": 13,
        "back-to-back-box-not-ticked": 13,
        "back-to-back-original-missing": 13,
        "back-to-back-original-expired": 13,
        "back-to-back-original-details-differ": 13,
        "back-to-back-issuer-not-intermediate": 13,
        "back-to-back-original-before-entry-into-force": 13,
        "back-to-back-original-before-entry-into-force-unverified": 13,
        "back-to-back-original-is-itself": 13,
        "back-to-back-original-issued-later": 13,
        "back-to-back-original-not-ajcep": 13,
        "back-to-back-original-not-from-a-party": 13,
        "retroactive-box-not-ticked": 13,
        "retroactive-box-ticked-on-time": 13,
        "retroactive-issuance-too-late": 13,
        "issued-retroactively": 13,
        "replaced-original-issued-retroactively": 13,
        "replaced-original-issued-too-late": 13,
        "replaced-original-retroactive-box-not-ticked": 13,
        "replaced-original-retroactive-box-ticked-on-time": 13,
        # Checking box 8 against the good's bill of materials.
        "box8-bill-for-other-good": 8,
        "box8-criterion-not-supported": 8,
        "box8-flag-missing": 8,
        "box8-flag-unneeded": 8,
        "box8-not-determinable": 8,
        "box8-not-originating": 8,
        # JIEPA codes without an AJCEP twin (a twin, "jiepa-" + an AJCEP code, goes where the AJCEP code goes).
        "jiepa-accumulation-not-bilateral": 8,
        "jiepa-de-minimis-without-rule": 8,
        "jiepa-co-drawn-by-earlier-declarations": 4,
        "jiepa-third-country-invoicing-allowed": 13,
        # Codes added later, each in the box its facts concern.
        "eco-data-copy-missing-before-full-operation": REFERENCE,
        "eco-element-taken-from-copy": REFERENCE,
        "eco-issued-before-exchange": REFERENCE,
        "jiepa-co-sheet-not-original": REFERENCE,
        "jiepa-eco-certification-not-marked-signed": 12,
    }
)
#: The prefix of a scheme's code whose rest is the AJCEP code for the same defect.
_TWIN_PREFIXES: Final = ("jiepa-",)

#: Findings about an alteration name the box altered in their ``box`` fact.
_ALTERATION_CODES: Final = frozenset(
    {"alteration-by-erasure", "alteration-by-superimposition", "strike-out-not-approved", "strike-out-not-certified"}
)
#: MoTR 16/2024 Art 9 data elements (the ``element`` fact) and the box of the AJCEP form that holds each.
_MOTR_ELEMENT_BOX: Final[Mapping[str, int]] = MappingProxyType(
    {"a": 1, "b": 2, "c": 1, "d": 7, "e": REFERENCE, "f": 8, "g": 11, "h": 12, "i": 3, "j": 9}
)
_MOTR_ELEMENT_CODES: Final = frozenset({"motr-data-element-missing", "motr-item-data-element-missing"})
#: The first field of an e-CO discrepancy's ``path`` (after ``items[n].``) and its box.
_FIELD_BOX: Final[Mapping[str, int]] = MappingProxyType(
    {
        "scheme": REFERENCE,
        "reference_number": REFERENCE,
        "medium": REFERENCE,
        "copy": REFERENCE,
        "exporting_party": REFERENCE,
        "importing_party": REFERENCE,
        "issue_date": 12,
        "exporter": 1,
        "producer": 1,
        "consignee": 2,
        "transport": 3,
        "number": 5,
        "original_item": 5,
        "marks": 6,
        "packages": 7,
        "description": 7,
        "hs_code": 7,
        "hs_version": 7,
        "origin_criterion": 8,
        "quantity": 9,
        "gross_weight": 9,
        "fob_value": 9,
        "invoice": 10,
        "exporter_declaration": 11,
        "certification": 12,
        "certified_true_copy": 12,
        "certified_true_copy_date": 12,
        "replaces": 12,
        "third_country_invoicing": 13,
        "third_country_invoicer": 7,
        "back_to_back": 13,
        "original_certificate": 13,
        "issued_retroactively": 13,
    }
)
_ECO_CODES: Final = frozenset({"eco-copy-discrepancy-material", "eco-copy-discrepancy-minor"})
_FIELD: Final = re.compile(r"^(?:\$\.?)?(?:items\[[^\]]*\]\.?)?([a-z_]+)")

#: The party whose CO is on Japan's form, which numbers its boxes differently from the ASEAN form.
_JAPAN: Final = "JP"


def box_of(finding: Finding, co: Certificate | None = None) -> int:
    """The box of the form ``finding`` concerns, ``REFERENCE`` for the header, or ``OTHER``.

    An alteration's box is taken from the finding when the CO is on the ASEAN form (whose numbering
    the report follows); on Japan's form it is listed under "Other findings" with its own number.
    A JIEPA code that is ``jiepa-`` and an AJCEP code (``jiepa-invoice-missing``) goes where the AJCEP
    code goes.
    """
    facts = finding.facts
    if finding.code in _ALTERATION_CODES:
        box = facts.get("box")
        on_asean_form = co is None or co.exporting_party != _JAPAN
        if on_asean_form and isinstance(box, int) and not isinstance(box, bool) and box in _BOX and box > 0:
            return box
        return OTHER
    if finding.code in _MOTR_ELEMENT_CODES:
        element = facts.get("element")
        return _MOTR_ELEMENT_BOX.get(element, OTHER) if isinstance(element, str) else OTHER
    if finding.code in _ECO_CODES:
        path = facts.get("path")
        match = _FIELD.match(path) if isinstance(path, str) else None
        return _FIELD_BOX.get(match.group(1), OTHER) if match else OTHER
    box = BOX_OF_CODE.get(finding.code)
    if box is None:
        twin = next((finding.code[len(p) :] for p in _TWIN_PREFIXES if finding.code.startswith(p)), None)
        box = BOX_OF_CODE.get(twin, OTHER) if twin else OTHER
    return box


# --- the page --------------------------------------------------------------------------------------------

_STYLE: Final = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans JP", sans-serif;
  color: #1d1d1f; background: #f4f4f2; margin: 0; padding: 24px; }
main { max-width: 1040px; margin: 0 auto; background: #fff; padding: 28px 32px; border: 1px solid #d8d8d4; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 10px; border-bottom: 2px solid #1d1d1f; padding-bottom: 3px; }
h3 { font-size: 12px; margin: 0 0 6px; text-transform: uppercase; letter-spacing: .03em; color: #444; }
p { margin: 4px 0; }
.meta { color: #555; }
.status { font-size: 17px; font-weight: 700; padding: 8px 12px; border-left: 6px solid; margin: 12px 0; }
.status-accepted, .status-not_required { border-color: #1b7f3b; background: #eef8f0; }
.status-partially_accepted { border-color: #a05a00; background: #fdf5e8; }
.status-rejected { border-color: #b00020; background: #fcecee; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bdbdb8; padding: 5px 7px; text-align: left; vertical-align: top; }
th { background: #efefeb; font-weight: 600; font-size: 12px; }
.granted { color: #1b7f3b; font-weight: 700; }
.denied { color: #b00020; font-weight: 700; }
.sev { display: inline-block; min-width: 4.6em; font-size: 11px; font-weight: 700; text-transform: uppercase; }
.sev-error { color: #b00020; }
.sev-warning { color: #8a5a00; }
.sev-info { color: #3b5b92; }
.ref { font-weight: 700; color: #555; }
.cite { font-style: normal; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; color: #666; }
ul.findings { list-style: none; margin: 6px 0 0; padding: 0; }
ul.findings li { padding: 3px 0 3px 8px; border-left: 3px solid #ccc; margin: 3px 0; background: #fafaf8; }
ul.findings li.sev-error { border-color: #b00020; color: inherit; }
ul.findings li.sev-warning { border-color: #c88a00; color: inherit; }
ul.findings li.sev-info { border-color: #7f9cc9; color: inherit; }
.sheet { border: 2px solid #1d1d1f; }
.row { display: flex; border-top: 1px solid #1d1d1f; }
.row:first-child { border-top: 0; }
.box { flex: 1 1 0; padding: 8px 10px; min-width: 0; }
.box + .box, .col + .box { border-left: 1px solid #1d1d1f; }
.col { flex: 1 1 0; display: flex; flex-direction: column; min-width: 0; }
.col > .box + .box { border-left: 0; border-top: 1px solid #1d1d1f; }
.box.flag-error { box-shadow: inset 4px 0 0 #b00020; background: #fff8f8; }
.box.flag-warning { box-shadow: inset 4px 0 0 #c88a00; background: #fffcf3; }
.box.flag-info { box-shadow: inset 4px 0 0 #7f9cc9; }
.num { display: inline-block; min-width: 1.6em; font-weight: 700; color: #1d1d1f; }
.title { font-size: 15px; font-weight: 700; text-transform: none; letter-spacing: 0; color: #1d1d1f; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; }
dt { color: #666; }
dd { margin: 0; overflow-wrap: anywhere; }
.goods { border-top: 1px solid #1d1d1f; }
.goods table { width: 100%; }
.goods th, .goods td { border-width: 0 0 1px 1px; }
.goods th:first-child, .goods td:first-child { border-left: 0; }
.goods td.flag-error { box-shadow: inset 3px 0 0 #b00020; background: #fff8f8; }
.goods td.flag-warning { box-shadow: inset 3px 0 0 #c88a00; background: #fffcf3; }
.goods td.flag-info { box-shadow: inset 3px 0 0 #7f9cc9; }
.goods tr.item-findings td { background: #fcfcfa; border-bottom: 1px solid #1d1d1f; }
.marker { font-size: 11px; font-weight: 700; color: #555; }
.tick { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 700; }
.note { color: #555; font-size: 12px; }
.muted { color: #888; }
details { margin-top: 8px; }
summary { cursor: pointer; font-weight: 600; }
footer { margin-top: 28px; color: #666; font-size: 12px; }
@media print { body { background: #fff; padding: 0; } main { border: 0; padding: 0; } details { display: block; } }
"""

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
    where = f'<span class="ref">{_e(_BOX[placed.box].label)}</span> ' if show_box and placed.box in _BOX else ""
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

    def __init__(self, co: Certificate, evaluation: Evaluation, lang: str | None) -> None:
        self.co = co
        self.evaluation = evaluation
        self.lang = lang
        width = len(str(len(evaluation.findings)))
        self.placed = tuple(
            _Placed(f"F{n:0{width}d}", finding, box_of(finding, co))
            for n, finding in enumerate(evaluation.findings, start=1)
        )
        self.japan_form = co.scheme is Scheme.AJCEP and co.exporting_party == _JAPAN
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
            f"<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
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
        box = _BOX[number]
        heading = (
            f'<h3><span class="num">{number}</span>{_e(box.title)}</h3>'
            if number != REFERENCE
            else f"<h3>{_e(box.title)}</h3>"
        )
        return (
            f'<div class="box{_flag(placed)}" id="{_anchor(number)}">{heading}{content}'
            f"{_finding_list(placed, lang=self.lang)}</div>"
        )

    def form(self) -> str:
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
        return (
            '<section id="form"><h2>The certificate, box by box</h2>'
            f'{note}<div class="sheet">{top}{self.goods()}{bottom}</div></section>\n'
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
        granted = ", ".join(map(str, evaluation.granted))
        denied = ", ".join(map(str, evaluation.denied))
        reasons = [p for p in self.placed if p.finding.denies]
        words = verdict_words(self.co.scheme.value)
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
        head = "".join(f"<th>{_e(_BOX[n].label)}: {_e(_BOX[n].title)}</th>" for n in ITEM_BOXES)
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
