"""The extraction method behind ``pybabel extract``: what it finds in a module, and what it tells translators."""

from __future__ import annotations

from io import BytesIO

from babel.messages.extract import extract

from roo.locale._extract import KEYWORDS, extract_roo

SOURCE = b'''
from roo.locale import N_
from roo.rules.ajcep.ir12_tariff_classification import RULE as IMPORTED

RULE = "AJCEP/IR/7"

LATE = FindingSpec(
    "retroactive-too-late",
    RULE,
    Severity.ERROR,
    "The CO was issued on {issue_date}, "
    "after {latest}.",
)
BY_KEYWORD = FindingSpec("by-keyword", IMPORTED, Severity.INFO, template="Said by keyword.")
PAIR = _pair("pair-code", ERROR, "Shared {x}.", "AJCEP/ART/24", "JIEPA/ART/29(1)", jiepa_template="JIEPA only {x}.")
NOT_A_LITERAL = FindingSpec(code, rule, severity, template)
RULES = (ItemRule(RULE, "issued on time", check, (LATE,)),)
# TRANSLATORS: shown when nothing else applies
PHRASE = N_("nothing")
IGNORED = print("not a message")
'''


def _extracted() -> list[tuple[str, list[str]]]:
    found = extract(extract_roo, BytesIO(SOURCE), dict(KEYWORDS), ["TRANSLATORS:"])
    return [(message if isinstance(message, str) else message[0], comments) for _, message, comments, _ in found]


def test_finds_templates_titles_and_markers_in_source_order() -> None:
    """Templates (positional or keyword), an origin pair's two templates, rule titles and N_ markers are found."""
    expected = [
        "The CO was issued on {issue_date}, after {latest}.",
        "Said by keyword.",
        "Shared {x}.",
        "JIEPA only {x}.",
        "issued on time",
        "nothing",
    ]
    assert expected == [message for message, _ in _extracted()]


def test_comments_name_the_code_and_the_citation() -> None:
    """Each finding template says its code and rule; a citation given as a constant (even imported) is resolved."""
    comments = dict(_extracted())
    expected = {
        "The CO was issued on {issue_date}, after {latest}.": ["code: retroactive-too-late, rule: AJCEP/IR/7"],
        "Said by keyword.": ["code: by-keyword, rule: AJCEP/IR/12"],
        "Shared {x}.": ["code: pair-code, rule: AJCEP/ART/24, JIEPA/ART/29(1)"],
        "JIEPA only {x}.": ["code: pair-code, rule: AJCEP/ART/24, JIEPA/ART/29(1)"],
        "issued on time": ["rule title: AJCEP/IR/7"],
        "nothing": ["TRANSLATORS: shown when nothing else applies"],
    }
    assert expected == comments


def test_finding_spec_is_extracted_by_its_fourth_argument() -> None:
    """The keyword specification matches the brief's ``-k FindingSpec:4`` (and babel's 1-based convention)."""
    assert ((4,), (2,), (2,)) == (KEYWORDS["FindingSpec"], KEYWORDS["ItemRule"], KEYWORDS["CertificateRule"])
