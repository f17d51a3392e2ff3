"""An origin determination in the reader's language: ``determine(..., locale=)``, its text report, its notebook
view and ``roo determine --locale``.

AJCEP Arts 24-26 and JIEPA Art 29 say when a good originates; roo's determination reports which criteria it
tried. A Japanese or Indonesian reader sees no English frame word in the report: every word of the report is a
msgid of the catalogue (the labels, the answer, the marks, the kinds of rule, the criteria's titles), translated
in each language. The Party is named as babel names it for the locale. Without a locale the report is the
plain English one it always was (the snapshot of determinations pins it).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from babel.core import Locale

from roo.cli import main
from roo.html import determination_html
from roo.locale import gettext
from roo.locale._extract import KEYWORDS, extract_roo
from roo.origin import Determination, determine, load_good, load_psr
from tests.locale.test_phrases import _contains
from tests.locale.test_reports import _visible_text, english_words

ROOT = Path(__file__).resolve().parents[2]
READERS = ("ja", "id")
CLDR = {"ja": "ja_JP", "id": "id_ID"}
PINNED = json.loads((ROOT / "tests" / "snapshots" / "determinations.json").read_text(encoding="utf-8"))["codes"]
#: Goods that between them reach every line of the report: met and unmet criteria, box 8, the RVC figures,
#: a product-specific rule, a missing rule, facts needed, findings of each severity.
CODES = (
    "origin-rvc-below-threshold",
    "origin-vessel-not-of-party",
    "origin-psr-ambiguous",
    "origin-psr-wo-not-met",
    "origin-specific-process-not-performed",
)
SOURCES = (ROOT / "src" / "roo" / "origin" / "determination.py",)


def _determined(code: str, locale: str | None = None) -> Determination:
    case = PINNED[code]["case"]
    table = load_psr(case["psr"]) if case["psr"] else None
    return determine(load_good(case["good"]), table, parameters=case["parameters"], locale=locale)


def report_msgids() -> tuple[str, ...]:
    """Every msgid of the determination module: the report's words and the criteria's titles."""
    found: dict[str, None] = {}
    for source in SOURCES:
        with source.open("rb") as fileobj:
            for _, _, messages, _ in extract_roo(fileobj, KEYWORDS, (), {"encoding": "utf-8"}):
                if messages and messages[0]:
                    found[messages[0]] = None
    return tuple(found)


def test_the_report_has_msgids() -> None:
    """A guard for the tests below, which would pass on none."""
    msgids = report_msgids()
    assert {"Result:", "NOT originating", "general rule: {criterion}", "Findings:"} <= set(msgids)


@pytest.mark.parametrize("locale", READERS)
def test_every_word_of_the_report_is_translated(locale: str) -> None:
    untranslated = [m for m in report_msgids() if english_words(m) and gettext(m, locale) == m]
    assert untranslated == []


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("locale", READERS)
def test_no_english_frame_word_in_the_text_report_or_the_view(locale: str, code: str) -> None:
    """The text report and the notebook view of a determination made in a locale are wholly in its language;
    the good's own description stays as written."""
    determination = _determined(code, locale)
    assert determination.locale == locale
    english = sorted({w for m in report_msgids() for w in english_words(m)}, key=len, reverse=True)
    description = PINNED[code]["case"]["good"]["description"]
    for kind, text in (("text", determination.to_text()), ("html", _visible_text(determination_html(determination)))):
        text = text.replace(description, " ")
        left = [words for words in english if _contains(text, words)]
        assert left == [], f"{kind} report of {code} in {locale} keeps English: {left}\n{text}"
        name = Locale.parse(CLDR[locale]).territories[determination.exporting_party]
        assert name in text


@pytest.mark.parametrize("code", CODES)
def test_without_a_locale_the_report_is_the_plain_english_one(code: str) -> None:
    """No locale: the pinned English report, byte for byte; ``to_text("en")`` is English too."""
    determination = _determined(code)
    assert determination.locale is None
    assert determination.to_text() == PINNED[code]["text"]
    assert determination.to_dict() == PINNED[code]["determination"]
    assert "Result:" in determination.to_text("en")


@pytest.mark.parametrize("locale", READERS)
def test_a_locale_changes_only_the_messages_and_titles(locale: str) -> None:
    """Like ``roo.evaluate(..., locale=)``: the verdict, criteria, box 8 and facts are the same; the findings'
    messages are the English template rendered in the language."""
    english, translated = _determined("origin-rvc-below-threshold"), _determined("origin-rvc-below-threshold", locale)
    assert [f.render(locale) for f in english.findings] == [f.message for f in translated.findings]
    assert [gettext(c.title, locale) for c in english.checks] == [c.title for c in translated.checks]
    plain, localized = english.to_dict(), translated.to_dict()
    for data in (plain, localized):
        for finding in data["findings"]:
            del finding["message"]
        for check in data["checks"]:
            del check["title"]
    assert plain == localized
    assert english.localized(locale).to_text() == translated.to_text() == english.to_text(locale)


def test_an_unsupported_locale_is_refused_before_determining() -> None:
    case = PINNED["origin-rvc-below-threshold"]["case"]
    with pytest.raises(ValueError, match="not supported"):
        determine(load_good(case["good"]), locale="fr")


@pytest.mark.parametrize("locale", READERS)
def test_roo_determine_prints_the_report_in_the_language(locale: str, tmp_path: Path) -> None:
    """``roo determine FILE --locale ja``: the text report of ``determine(..., locale="ja")``; ``--format json``
    carries the findings' messages in that language."""
    case = PINNED["origin-rvc-below-threshold"]["case"]
    good = tmp_path / "good.json"
    good.write_text(json.dumps(case["good"]), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["determine", str(good), "--locale", locale])
    assert code == 1
    assert out.getvalue() == _determined("origin-rvc-below-threshold", locale).to_text() + "\n"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["determine", str(good), "--locale", locale, "--format", "json"])
    messages = [f["message"] for f in json.loads(out.getvalue())["findings"]]
    assert messages == [f.message for f in _determined("origin-rvc-below-threshold", locale).findings]
