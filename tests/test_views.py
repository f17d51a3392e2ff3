"""The notebook views' content, without a browser (issue 15, "views people would rather look at than read").

The Evaluation view shows, beside each item's verdict and findings, what the item is: its description, HS
code and box 8. The Certificate view lays out the whole form, box by box, as the evaluation report does.
Colours come from custom properties with a light and a dark palette; every text colour of each palette
reads at WCAG AA contrast (4.5:1) on its backgrounds. tests/test_browser.py checks the same pages rendered
by Chromium.
"""

from __future__ import annotations

import json
import pickle
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import roo
from roo import report_style
from roo.evaluation import Evaluation, ItemVerdict, Preference, Status
from roo.report_boxes import BOXES, REFERENCE
from tests.builders import certificate, item_data

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class _Text(HTMLParser):
    """The text of a page (what a reader sees, style sheets left out), and the ids of its elements."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag not in {"script", "link", "img", "iframe"}, tag
        self.tags.append(tag)
        self._in_style = tag == "style"
        self.ids.update(value for name, value in attrs if name == "id" and value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts))


def _read(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser


#: The prefix a view gives its ids (``roo-evaluation-1a2b3c4d-``), so that views on one page do not share one.
VIEW_ID_PREFIX = re.compile(r"^roo-[a-z]+-[0-9a-f]{8}-")


def page_text(html: str) -> tuple[str, set[str]]:
    """The text of ``html`` as a reader sees it (whitespace squeezed, style sheets left out), and its ids
    (a view's without their prefix)."""
    parsed = _read(html)
    return parsed.text, {VIEW_ID_PREFIX.sub("", found) for found in parsed.ids}


def _case(name: str) -> tuple[roo.Certificate, roo.Evaluation]:
    co, ctx = roo.load_case((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return co, roo.evaluate(co, ctx)


# --- the Evaluation view -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["one_bad_item", "multi_invoice", "rvc_below_threshold", "third_country_invoicing"])
def test_evaluation_view_shows_each_items_description_hs_code_and_box_8(name: str) -> None:
    """Issue 15: "The Evaluation view shows each item's description, HS code and box 8", in the item's row."""
    co, evaluation = _case(name)
    html = evaluation._repr_html_()
    for item in co.items:
        row = re.search(rf'<tr id="roo-evaluation-[0-9a-f]{{8}}-verdict-{item.number}">(.*?)</tr>', html, re.S)
        assert row is not None, item.number
        cells = _read(row.group(1)).text
        assert item.description in cells
        assert item.hs_code in cells
        assert item.origin_criterion.text in cells


def test_evaluation_view_has_every_finding_by_code_and_message() -> None:
    """Every finding is in the view: its code and its message (none hidden by the new columns)."""
    _, evaluation = _case("one_bad_item")
    text = _read(evaluation._repr_html_()).text
    assert evaluation.findings
    for finding in evaluation.findings:
        assert finding.code in text
        assert re.sub(r"\s+", " ", finding.message) in text


def test_an_item_denied_with_the_whole_certificate_says_so() -> None:
    """AJCEP IR 3(j): an error about the certificate itself denies every item; the item's row says why, since
    it has no finding of its own, and an item denied by its own error does not say it."""
    _, evaluation = _case("unsigned")
    assert not evaluation.granted
    html = evaluation._repr_html_()
    for verdict in evaluation.items:
        row = re.search(rf'-verdict-{verdict.number}">(.*?)</tr>', html, re.S)
        assert row is not None
        assert "denied with the whole certificate" in row.group(1)
    _, partly = _case("one_bad_item")
    assert "denied with the whole certificate" not in partly._repr_html_()


def test_evaluation_view_folds_the_form_with_findings_in_their_boxes() -> None:
    """Below the table, folded in ``<details>``, the certificate box by box as the report draws it."""
    _, evaluation = _case("one_bad_item")
    html = evaluation._repr_html_()
    _, ids = page_text(html)
    assert "details" in _read(html).tags
    assert {f"box-{n}" for n in range(1, 14) if n not in (5, 6, 7, 8, 9, 10)} <= ids
    assert "box-reference" in ids


def test_evaluation_view_without_its_certificate_still_renders() -> None:
    """An Evaluation built by hand carries no certificate: the item columns stay empty, nothing fails."""
    evaluation = Evaluation(
        status=Status.ACCEPTED, items=(ItemVerdict(1, Preference.GRANTED),), findings=(), scheme="AJCEP"
    )
    parsed = _read(evaluation._repr_html_())
    assert "granted" in parsed.text.lower()
    assert "details" not in parsed.tags


def test_the_certificate_an_evaluation_keeps_changes_neither_equality_nor_json() -> None:
    """The certificate rides along for the view only: equality, ``to_dict`` and pickling are as before."""
    co, evaluation = _case("one_bad_item")
    assert evaluation.certificate is co
    import attrs

    bare = attrs.evolve(evaluation, certificate=None)
    assert bare == evaluation and hash(bare) == hash(evaluation)
    assert "certificate" not in evaluation.to_dict()
    assert "certificate" not in repr(evaluation)
    assert pickle.loads(pickle.dumps(evaluation)).certificate == co


def test_localized_evaluation_keeps_its_certificate() -> None:
    """``evaluate(..., locale=)`` translates the messages; the view still knows what each item is."""
    co = certificate(items=[item_data(1, hs_code="03")])
    evaluation = roo.evaluate(co, locale="ja")
    assert evaluation.certificate is co
    assert "Frozen shrimp, peeled" in _read(evaluation._repr_html_()).text


# --- the Certificate view ------------------------------------------------------------------------------------


def test_certificate_view_lays_out_every_box_of_the_form() -> None:
    """Issue 15: "The Certificate view lays out the whole form": the header and boxes 1 to 13, each with its id."""
    co, _ = _case("one_bad_item")
    text, ids = page_text(co._repr_html_())
    for box in BOXES:
        if box.number == REFERENCE:
            assert "box-reference" in ids
        elif box.number in (5, 6, 7, 8, 9, 10):
            assert box.title in text  # a column of the goods table
        else:
            assert f"box-{box.number}" in ids, box.number
            assert box.title in text


def test_certificate_view_shows_the_forms_content() -> None:
    """Exporter, consignee, transport, every item's boxes, invoice, declaration, certification, issue date, reference."""
    co, _ = _case("one_bad_item")
    text = _read(co._repr_html_()).text
    assert co.reference_number and co.reference_number in text
    assert co.issue_date.isoformat() in text
    assert co.exporter is not None and co.exporter.name in text and co.exporter.address in text
    assert co.consignee is not None and co.consignee.name in text
    assert co.transport is not None
    for value in (co.transport.vessel_or_flight, co.transport.port_of_loading, co.transport.port_of_discharge):
        assert value and value in text
    for item in co.items:
        for value in (item.marks, item.packages, item.description, item.hs_code, item.origin_criterion.text):
            assert value and value in text
        assert item.quantity is not None and str(item.quantity) in text
        assert item.fob_value is not None and str(item.fob_value) in text
        assert item.invoice is not None and item.invoice.number in text
    assert co.exporter_declaration is not None and co.exporter_declaration.place
    assert co.exporter_declaration.place in text
    assert co.certification is not None and co.certification.authority and co.certification.signatory
    assert co.certification.authority in text and co.certification.signatory in text
    for tick in ("Third Country Invoicing", "Back-to-Back CO", "Issued Retroactively"):
        assert tick in text


def test_certificate_view_shows_third_country_invoicing_and_back_to_back() -> None:
    """Box 13's ticks as the certificate has them, the third-country invoicer, and the original of a back-to-back CO."""
    co = certificate(
        third_country_invoicing=True,
        third_country_invoicer={"name": "Singa Trading Pte Ltd", "address": "1 Raffles Place", "country": "SG"},
        back_to_back=True,
        original_certificate={"reference_number": "TH/2024/000777", "issue_date": "2024-02-01", "exporting_party": "TH"},
    )
    html = co._repr_html_()
    text = _read(html).text
    assert "Singa Trading Pte Ltd" in text
    assert "TH/2024/000777" in text
    assert "[X] Third Country Invoicing" in text
    assert "[X] Back-to-Back CO" in text


def test_certificate_view_leaves_box_4_blank_and_carries_no_verdict() -> None:
    """Box 4 is for the importing Party's customs: before an evaluation both its ticks are empty."""
    co = certificate(items=[item_data(1), item_data(2, hs_code="03")])
    text = _read(co._repr_html_()).text
    assert "[ ] Preferential treatment given" in text.replace("\xa0", " ")
    assert "granted" not in text and "denied" not in text


def test_views_escape_certificate_text() -> None:
    """Text from the certificate never becomes markup, in either view."""
    co = certificate(
        items=[item_data(1, description="<script>alert(1)</script>", marks="<b>x</b>")],
        exporter={"name": "<img src=x>", "address": "a", "country": "ID"},
    )
    for html in (co._repr_html_(), roo.evaluate(co)._repr_html_()):
        assert "<script>" not in html and "<img" not in html and "<b>x" not in html
        assert "&lt;script&gt;" in html


def test_views_are_scoped_and_self_contained() -> None:
    """Each view is one ``div.roo`` with its own style sheet, every rule of which is scoped under ``.roo``."""
    co = certificate()
    for html in (co._repr_html_(), roo.evaluate(co)._repr_html_()):
        assert html.startswith('<div class="roo ')
        assert html.count("<style>") == 1
    for selector in _selectors(report_style.VIEW_STYLE):
        assert ".roo" in selector, selector


def test_views_on_one_page_share_no_id_and_link_within_themselves() -> None:
    """A notebook shows many outputs in one page: a link to a finding or a box goes to the one in its own view.

    Each view prefixes its ids from its content, so the same certificate shown twice gives the same HTML.
    """
    co, evaluation = _case("one_bad_item")
    other_co, other_evaluation = _case("waived_small_consignment")
    views = [v._repr_html_() for v in (co, evaluation, other_co, other_evaluation)]
    ids = [_read(view).ids for view in views]
    for index, own in enumerate(ids):
        assert len(own) == len(re.findall(r'\bid="', views[index])), "an id repeated within a view"
        links = set(re.findall(r'href="#([^"]+)"', views[index]))
        assert links <= own, links - own
        for other in ids[index + 1 :]:
            assert not own & other
    assert co._repr_html_() == views[0]


def test_determination_view_marks_its_answer_by_class() -> None:
    """The Determination view uses the palette's classes, no colour of its own."""
    good = roo.load_good(json.loads((EXAMPLES / "goods" / "footwear_vn_ajcep.json").read_text(encoding="utf-8")))
    html = roo.determine(good)._repr_html_()
    assert "style=" not in html
    assert "Criterion" in _read(html).text


# --- colours -------------------------------------------------------------------------------------------------


def _selectors(css: str) -> list[str]:
    """Every selector of the rules in ``css`` (at-rules' own conditions left out)."""
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for head in re.findall(r"([^{};]+)\{", without_comments):
        head = head.strip()
        if head.startswith("@"):
            continue
        found.extend(part.strip() for part in head.split(","))
    return found


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("palette", [report_style.LIGHT, report_style.DARK], ids=["light", "dark"])
def test_every_text_colour_reads_on_every_background_of_its_palette(palette: dict[str, str]) -> None:
    """WCAG 2.1 AA: text at least 4.5:1 against its background; each text role on each background role."""
    for text in ("fg", "muted", "error", "warning", "info", "granted"):
        for background in ("bg", "page", "head", "soft"):
            assert contrast(palette[text], palette[background]) >= 4.5, (text, background)


def test_the_palettes_have_the_same_roles() -> None:
    """A role missing from one palette would fall back to the other scheme's colour."""
    assert list(report_style.LIGHT) == list(report_style.DARK)


def test_no_rule_hard_codes_a_colour() -> None:
    """Colours are only in the palettes: the rules use the custom properties, so both schemes read."""
    for css in (report_style.COMPONENTS, report_style.PAGE, report_style.VIEW):
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", css)
        assert not re.search(r"\b(white|black)\b", css)


def test_dark_scheme_and_notebook_themes_are_respected() -> None:
    """``prefers-color-scheme: dark``, JupyterLab's and VS Code's theme markers and variables are all in the sheet."""
    css = report_style.VIEW_STYLE
    assert "@media (prefers-color-scheme: dark)" in css
    assert 'data-jp-theme-light="false"' in css and "body.vscode-dark" in css
    assert "var(--jp-content-font-color1, var(--vscode-editor-foreground, var(--roo-fg-own)))" in css
    assert "var(--jp-layout-color0, var(--vscode-editor-background, var(--roo-bg-own)))" in css


def test_report_page_uses_the_same_sheet() -> None:
    """The HTML report and the views share one style sheet: the report's ``<body>`` is ``.roo``."""
    co, evaluation = _case("one_bad_item")
    from roo.report import html_report

    page = html_report(co, evaluation)
    assert '<body class="roo">' in page
    assert report_style.COMPONENTS in page
