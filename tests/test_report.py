"""The HTML report: valid, self-contained, escaped, every finding in the box it concerns (``roo.report``)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import roo
from roo import catalogue
from roo.evaluation import Evaluation, Finding, Severity, Status
from roo.locale.frame import labels
from roo.report import BOX_OF_CODE, BOXES, OTHER, REFERENCE, box_of, html_report, shared_notes
from roo.strategies import contexts, defective_certificates
from tests.builders import certificate, certificate_data, item_data
from tests.test_examples import EXAMPLES, load_case

#: Elements that have no end tag.
VOID: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class Page(HTMLParser):
    """Parses a page and records what the tests look at: nesting errors, tags, attributes, text, findings' places."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.errors: list[str] = []
        self.stack: list[tuple[str, str | None]] = []
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.ids: Counter[str] = Counter()
        self.chunks: list[str] = []
        #: For each finding (``<li id="fN">``): the ids of the elements around it, and its text.
        self.findings: dict[str, tuple[tuple[str, ...], list[str]]] = {}
        self.styles: list[str] = []
        self.declarations: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.errors.append(f"never closed: {[tag for tag, _ in self.stack]}")

    @property
    def text(self) -> str:
        """All the text of the page, references resolved."""
        return "".join(self.chunks)

    def handle_decl(self, decl: str) -> None:
        """Record ``<!DOCTYPE ...>``."""
        self.declarations.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element (a void one closes at once)."""
        self.tags[tag] += 1
        self.attributes.extend((tag, name, value) for name, value in attrs)
        element_id = dict(attrs).get("id")
        if element_id is not None:
            self.ids[element_id] += 1
        if tag == "li" and element_id and element_id.startswith("f"):
            self.findings[element_id] = (tuple(i for _, i in self.stack if i), [])
        if tag not in VOID:
            self.stack.append((tag, element_id))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """``<br/>``: allowed for void elements only."""
        if tag not in VOID:
            self.errors.append(f"self-closed <{tag}/>")
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost open element, which must be ``tag``."""
        if tag in VOID:
            self.errors.append(f"end tag for void element </{tag}>")
        elif not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        """Collect text, and the text of the finding being read."""
        if self.stack and self.stack[-1][0] == "style":
            self.styles.append(data)
            return
        self.chunks.append(data)
        for _, element_id in reversed(self.stack):
            if element_id in self.findings:
                self.findings[element_id][1].append(data)
                break

    def place_of(self, code: str) -> tuple[str, ...]:
        """The ids around the (first) finding with ``code``."""
        for around, text in self.findings.values():
            if f"[{code}]" in "".join(text):
                return around
        raise AssertionError(f"no finding {code} on the page")


def check_page(text: str, evaluation: Evaluation) -> Page:
    """Assert that ``text`` is a valid, self-contained page showing every finding of ``evaluation``; return it."""
    page = Page(text)
    assert [] == page.errors
    assert ["DOCTYPE html"] == page.declarations
    assert (1, 1, 1, 1) == (page.tags["html"], page.tags["head"], page.tags["body"], page.tags["title"])
    assert [] == [id_ for id_, n in page.ids.items() if n > 1]
    # Self-contained: no scripts, no links to stylesheets, nothing loaded from elsewhere.
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base", "form"):
        assert 0 == page.tags[tag], tag
    for tag, name, value in page.attributes:
        assert not name.startswith("on"), (tag, name)
        assert name not in ("src", "srcset", "action", "style"), (tag, name)
        if name == "href":
            assert value is not None and value.startswith("#"), (tag, value)
            assert value[1:] in page.ids, value
    style = "".join(page.styles)
    assert "url(" not in style and "@import" not in style
    # Every finding, with its message, citation and code.
    shown = page.text
    # A "not evaluated" note several items share is listed once, naming the items (docs/formats.md).
    shared = shared_notes(evaluation.findings)
    for finding in evaluation.findings:
        if shared.covers(finding):
            assert labels(None).message(finding) in shown
        else:
            assert finding.message in shown
        assert finding.rule in shown
        assert f"[{finding.code}]" in shown
    listed_once = sum(len(notes) for _, notes in shared.groups)
    covered = sum(1 for finding in evaluation.findings if shared.covers(finding))
    assert len(evaluation.findings) - covered + listed_once == len(page.findings)
    return page


def report_for(name: str) -> tuple[str, Evaluation]:
    """The report of an example, and its evaluation."""
    co, ctx = load_case(name)
    evaluation = roo.evaluate(co, ctx)
    return html_report(co, evaluation), evaluation


#: Every example in examples/: certificates and cases.
EXAMPLE_NAMES: Final = sorted(path.name for path in EXAMPLES.glob("*.json"))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_through_the_command(tmp_path: Path, name: str) -> None:
    """``roo evaluate EXAMPLE --format html -o report.html`` writes a valid, self-contained page with every finding.

    The exit code is the status's (0 accepted or not required, 1 otherwise); an example that is not a well-formed
    certificate exits 2 and leaves no file behind.
    """
    target = tmp_path / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "roo", "evaluate", str(EXAMPLES / name), "--format", "html", "-o", str(target)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )
    try:
        co, ctx = load_case(name)
    except roo.InvalidCertificate:
        assert (2, "", False) == (result.returncode, result.stdout, target.exists())
        return
    evaluation = roo.evaluate(co, ctx)
    expected_code = 0 if evaluation.status in (Status.ACCEPTED, Status.NOT_REQUIRED) else 1
    assert (expected_code, "", "") == (result.returncode, result.stdout, result.stderr)
    text = target.read_text(encoding="utf-8")
    page = check_page(text, evaluation)
    assert html_report(co, evaluation) == text
    for verdict in evaluation.items:
        assert f"item-{verdict.number}" in page.ids


def test_the_examples_include_a_malformed_one() -> None:
    """The sweep above covers the exit-2 path too."""
    assert "malformed.json" in EXAMPLE_NAMES


@pytest.mark.parametrize(
    "name, code, place",
    [
        ("unsigned.json", "certification-unsigned", "box-12"),
        ("one_bad_item.json", "hs-code-not-six-digits", "item-findings-2"),
        ("rvc_below_threshold.json", "rvc-below-general-rule", "item-findings-2"),
        ("waived_small_consignment.json", "co-waived", "box-4"),
        ("waived_small_consignment.json", "exporter-declaration-unsigned", "box-11"),
        ("multi_invoice.json", "several-invoices", "item-findings-all"),
    ],
    ids=[
        "unsigned certification in box 12",
        "item 2's HS code under item 2",
        "item 2's RVC under item 2",
        "waiver in box 4 (official use)",
        "unsigned declaration in box 11",
        "several invoices above the items",
    ],
)
def test_findings_sit_in_their_box(name: str, code: str, place: str) -> None:
    """Each finding is shown inside the box (or the item's row) it concerns."""
    text, evaluation = report_for(name)
    page = check_page(text, evaluation)
    assert place in page.place_of(code)


def test_item_cells_are_flagged_with_their_findings() -> None:
    """Item 2's box 7 cell carries the flag and a link to the finding; item 1's cells carry none."""
    text, _ = report_for("one_bad_item.json")
    row = text[text.index('<tr id="item-2">') : text.index("</tr>", text.index('<tr id="item-2">'))]
    cells = row.split("<td")[1:]
    assert 'class="flag-error"' in cells[2]
    assert '<a href="#f' in cells[2]
    first = text[text.index('<tr id="item-1">') : text.index("</tr>", text.index('<tr id="item-1">'))]
    assert "flag-" not in first


def test_summary_states_status_and_verdicts() -> None:
    """The summary gives the status in words and, per item, its verdict and the finding that denies it."""
    text, _ = report_for("one_bad_item.json")
    summary = text[text.index('<section id="summary">') : text.index("</section>")]
    page = Page(summary + "</section>")
    assert "Partially accepted: preference granted to 2 of 3 items." in page.text
    assert 'class="denied">denied<' in summary
    assert "hs-code-not-six-digits (AJCEP/IR/12)" in page.text


def test_certificate_level_error_explains_every_denied_item() -> None:
    """When the whole CO is denied, each item's row says so and names the certificate's error."""
    text, _ = report_for("unsigned.json")
    page = Page(text)
    assert page.text.count("with the whole certificate: ") == 2
    assert "Rejected: preference granted to 0 of 2 items." in page.text


def test_trace_is_folded_in_details() -> None:
    """Every check is a row of the table inside the <details> element."""
    text, evaluation = report_for("clean_ajcep_id_jp.json")
    details = text[text.index("<details>") : text.index("</details>")]
    assert len(evaluation.checks) == details.count("<tr>") - 1


def test_everything_is_escaped() -> None:
    """Markup in any field of the certificate comes out as text, never as markup."""
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;'
    co = certificate(
        reference_number=hostile,
        remarks=hostile,
        exporter={"name": hostile, "address": hostile, "country": "ID"},
        items=[item_data(1, description=hostile, marks=hostile, packages=hostile, hs_code="03<06>")],
    )
    evaluation = roo.evaluate(co, on=date(2024, 3, 20))
    text = html_report(co, evaluation)
    page = check_page(text, evaluation)
    assert hostile in page.text
    assert "<script" not in text and "<img" not in text


def test_unplaced_findings_go_to_other_findings() -> None:
    """A finding whose code the report does not know is listed under "Other findings"."""
    co = certificate()
    evaluation = roo.evaluate(co, on=date(2024, 3, 20))
    extra = Finding("AJCEP/IR/99", "brand-new-code", Severity.WARNING, 1, "Item 1: Something new.")
    evaluation = attrs.evolve(evaluation, findings=(*evaluation.findings, extra))
    page = check_page(html_report(co, evaluation), evaluation)
    assert "other-findings" in page.place_of("brand-new-code")


def test_many_boxes_at_once() -> None:
    """A certificate with every optional box filled: back-to-back, copy, replacement, alterations, invoicer."""
    data = certificate_data(
        back_to_back=True,
        original_certificate={"reference_number": "TH-0001", "issue_date": "2024-01-05", "exporting_party": "TH"},
        certified_true_copy=True,
        certified_true_copy_date="2024-03-10",
        replaces={"reference_number": "ID/2024/AJ/000001", "issue_date": "2024-03-01"},
        third_country_invoicing=True,
        third_country_invoicer={"name": "Trading Pte Ltd", "address": "1 Raffles Place", "country": "SG"},
        producer={"name": "PT Produsen", "address": "Jl. Industri 2", "country": "ID"},
        alterations=[
            {"box": 7, "method": "strike_out", "approved_by_signatory": False, "certified_by_authority": False},
            {"box": 9, "method": "erasure"},
        ],
        issued_retroactively=True,
        remarks="Shipped in two containers",
    )
    co = roo.load(data)
    evaluation = roo.evaluate(co, on=date(2024, 3, 20))
    page = check_page(html_report(co, evaluation), evaluation)
    assert "item-findings-all" in page.place_of("strike-out-not-approved")  # boxes 7 and 9 are the items'
    assert "item-findings-all" in page.place_of("alteration-by-erasure")
    for shown in ("TH-0001", "Trading Pte Ltd", "PT Produsen", "Shipped in two containers", "CERTIFIED TRUE COPY"):
        assert shown in page.text


def test_japan_form_is_noted_and_alterations_are_not_renumbered() -> None:
    """On Japan's form the boxes are numbered differently: the page says so, and alterations go to Other findings."""
    co = certificate(
        exporting_party="JP",
        importing_party="TH",
        exporter={"name": "Kaiyo K.K.", "address": "Tokyo", "country": "JP"},
        consignee={"name": "Siam Co.", "address": "Bangkok", "country": "TH"},
        copy=None,
        alterations=[{"box": 7, "method": "erasure"}],
    )
    evaluation = roo.evaluate(co, on=date(2024, 3, 20))
    page = check_page(html_report(co, evaluation), evaluation)
    assert "Japan's form" in page.text
    assert "other-findings" in page.place_of("alteration-by-erasure")


def test_messages_in_another_language_are_marked() -> None:
    """``--locale ja`` puts the Japanese messages on the page, marked lang="ja"."""
    co, ctx = load_case("unsigned.json")
    evaluation = roo.evaluate(co, ctx, locale="ja")
    text = html_report(co, evaluation, locale="ja")
    page = check_page(text, evaluation)
    assert ("span", "lang", "ja") in page.attributes


def test_the_same_input_gives_the_same_page() -> None:
    """The report reads no clock: two renderings are identical."""
    assert report_for("one_bad_item.json")[0] == report_for("one_bad_item.json")[0]


@given(defective_certificates(max_items=3).flatmap(lambda case: st.tuples(st.just(case), contexts(case[0]))),
       st.text(max_size=30))
def test_any_defective_certificate_gives_a_valid_page(case: Any, text: str) -> None:
    """For any certificate with a defect, any context and any remarks, the page is valid and shows every finding."""
    (co, _, _), ctx = case
    co = attrs.evolve(co, remarks=text)
    evaluation = roo.evaluate(co, ctx)
    check_page(html_report(co, evaluation), evaluation)


# The table of boxes.


def test_every_mapped_code_exists() -> None:
    """BOX_OF_CODE names only codes some rule can report, and only boxes of the form."""
    known = {entry.code for entry, _ in catalogue.codes()}
    boxes = {box.number for box in BOXES}
    assert [] == sorted(set(BOX_OF_CODE) - known)
    assert set(BOX_OF_CODE.values()) <= boxes


#: Codes the report lists under "Other findings" on purpose: about the whole form, or about the engine.
UNPLACED: Final = frozenset({"unused-spaces-not-crossed-out", "check-not-evaluated", "rule-crashed"})
#: Codes placed by a fact they carry (the box altered, the Art 9 element, the e-CO field), not by the table.
PLACED_BY_FACTS: Final = frozenset(
    {
        "alteration-by-erasure",
        "alteration-by-superimposition",
        "strike-out-not-approved",
        "strike-out-not-certified",
        "jiepa-alteration-not-authenticated",
        "motr-data-element-missing",
        "motr-item-data-element-missing",
        "eco-copy-discrepancy-material",
        "eco-copy-discrepancy-minor",
    }
)


def test_codes_not_placed_in_a_box() -> None:
    """Report which catalogue codes fall to "Other findings"; only the deliberate ones should.

    A code added to roo after the table was written lands in "Other findings", where it is still shown with its
    citation and message; this test names such codes so the table can be completed.
    """
    codes = {entry.code for entry, _ in catalogue.codes()} | {entry.code for entry in catalogue.engine_findings()}
    co = certificate()
    unplaced = {code for code in codes - PLACED_BY_FACTS if box_of(finding(code), co) == OTHER}
    assert [] == sorted(unplaced - UNPLACED)


def test_the_form_has_its_thirteen_boxes() -> None:
    """The reference header, then boxes 1 to 13 in order."""
    assert [REFERENCE, *range(1, 14)] == [box.number for box in BOXES]


def finding(code: str, item: int | None = None, **facts: Any) -> Finding:
    """A finding with ``code`` and ``facts``."""
    return Finding("X/Y/1", code, Severity.ERROR, item, "message", facts)


@pytest.mark.parametrize(
    "found, exporting_party, box",
    [
        (finding("alteration-by-erasure", box=3), "ID", 3),
        (finding("strike-out-not-certified", box=12), "TH", 12),
        (finding("jiepa-alteration-not-authenticated", box=7), "ID", 7),
        (finding("alteration-by-erasure", box=3), "JP", OTHER),
        (finding("alteration-by-erasure", box=14), "ID", OTHER),
        (finding("alteration-by-erasure", box=True), "ID", OTHER),
        (finding("motr-data-element-missing", element="a"), "CN", 1),
        (finding("motr-data-element-missing", element="e"), "CN", REFERENCE),
        (finding("motr-item-data-element-missing", 1, element="j"), "CN", 9),
        (finding("motr-item-data-element-missing", 1, element="z"), "CN", OTHER),
        (finding("eco-copy-discrepancy-material", 2, path="items[1].fob_value.amount"), "ID", 9),
        (finding("eco-copy-discrepancy-minor", path="exporter.address"), "ID", 1),
        (finding("eco-copy-discrepancy-minor", path="transport.port_of_loading"), "ID", 3),
        (finding("eco-copy-discrepancy-minor", path="something_else"), "ID", OTHER),
        (finding("eco-copy-discrepancy-minor"), "ID", OTHER),
        (finding("hs-code-not-six-digits", 1), "ID", 7),
        (finding("jiepa-invoice-missing", 1), "ID", 10),
        (finding("jiepa-co-drawn-by-earlier-declarations"), "ID", 4),
        (finding("jiepa-something-new"), "ID", OTHER),
        (finding("check-not-evaluated", 1), "ID", OTHER),
    ],
    ids=[
        "erasure in box 3, ASEAN form",
        "strike-out in box 12",
        "JIEPA alteration in box 7",
        "erasure on Japan's form",
        "no such box",
        "box fact not a number",
        "MoTR element (a): exporter",
        "MoTR element (e): COO number",
        "MoTR element (j): quantity",
        "MoTR unknown element",
        "e-CO item FOB value",
        "e-CO exporter address",
        "e-CO port of loading",
        "e-CO unknown field",
        "e-CO without path",
        "by code",
        "JIEPA twin of an AJCEP code",
        "JIEPA code of its own",
        "JIEPA code unknown",
        "engine note",
    ],
)
def test_box_of(found: Finding, exporting_party: str, box: int) -> None:
    """Where a finding goes: by its code, or by the box, element or field its facts name."""
    co = certificate(exporting_party=exporting_party)
    assert box == box_of(found, co)


def test_report_of_json_round_trip_is_the_same() -> None:
    """The page depends on the certificate's content only: a dumped and reloaded certificate gives the same page."""
    co, ctx = load_case("third_country_invoicing.json")
    again = roo.load(json.loads(json.dumps(roo.dump(co))))
    assert html_report(co, roo.evaluate(co, ctx)) == html_report(again, roo.evaluate(again, ctx))


# The checker the tests above rely on.


@pytest.mark.parametrize(
    "text, error",
    [
        ("<div><p>text</div>", "</div> closes p"),
        ("<div>text", "never closed: ['div']"),
        ("</p>", "</p> closes nothing"),
        ("<br></br>", "end tag for void element </br>"),
        ("<span/>", "self-closed <span/>"),
    ],
    ids=["crossed", "unclosed", "stray end tag", "void element closed", "self-closed element"],
)
def test_checker_finds_bad_nesting(text: str, error: str) -> None:
    """The page checker reports each way tags can be mis-nested."""
    assert error in Page(text).errors


def test_checker_accepts_void_elements() -> None:
    """``<br>`` and ``<meta>`` need no end tag."""
    assert [] == Page('<p>a<br>b<meta charset="utf-8"></p>').errors
