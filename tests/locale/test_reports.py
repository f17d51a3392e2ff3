"""Reports wholly in the reader's language: the frame of the text, Markdown and HTML reports and the notebook views.

A Japanese or Indonesian reader sees no English frame word: every phrase the report modules write through
:mod:`roo.locale.frame` is a msgid of the catalogue, translated in each language, and a report rendered in that
language contains none of the English words of any of them. Dates, amounts and countries are written as babel
writes them for the locale (the tests ask babel, never a CLDR literal). Without a locale the reports stay the
plain English ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.core import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

import roo
from roo.cli.reports import render, render_markdown
from roo.html import certificate_html
from roo.locale import SUPPORTED_LOCALES, gettext, ngettext
from roo.locale._extract import KEYWORDS, extract_roo
from roo.locale.frame import labels
from roo.report import html_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
#: The modules that write a report's frame; every phrase of theirs is a msgid.
FRAME_SOURCES = (
    ROOT / "src" / "roo" / "cli" / "reports.py",
    ROOT / "src" / "roo" / "locale" / "frame.py",
    ROOT / "src" / "roo" / "report.py",
    ROOT / "src" / "roo" / "report_boxes.py",
    ROOT / "src" / "roo" / "safeguard.py",
    ROOT / "src" / "roo" / "html.py",
)
#: Formatting locales of the languages, as roo picks them for a bare language tag.
CLDR = {"ja": "ja_JP", "id": "id_ID"}
READERS = ("ja", "id")
#: Certificates that between them reach every part of the frame: findings on the certificate and on items, a
#: certificate-wide denial, a waiver, the safeguard wording of MoTR 16/2024.
CASES = (
    "unsigned.json",
    "one_bad_item.json",
    "waived_small_consignment.json",
    "motr_country_not_excluded.json",
    "rvc_below_threshold.json",
    "third_country_invoicing.json",
)


def frame_msgids() -> tuple[str | tuple[str, str], ...]:
    """Every msgid the report modules write (a plural entry as ``(singular, plural)``)."""
    found: dict[str | tuple[str, str], None] = {}
    for source in FRAME_SOURCES:
        with source.open("rb") as fileobj:
            for _, function, messages, _ in extract_roo(fileobj, KEYWORDS, (), {"encoding": "utf-8"}):
                if function == "ngettext" and len(messages) >= 2 and messages[0] and messages[1]:
                    found[(messages[0], messages[1])] = None
                elif messages and messages[0]:
                    found[messages[0]] = None
    return tuple(found)


def english_words(msgid: str) -> tuple[str, ...]:
    """The English text of a msgid outside its placeholders that a translation must not keep: each run of
    text holding a word of three letters or more (``"certificate"``, ``"issued"``), stripped of punctuation.

    Citations (``AJCEP IR 5(b)``) and acronyms (``FOB``, ``HS``) are kept in every language (docs/locales.md).
    """
    runs = re.split(r"\{[^{}]*\}|\b(?:AJCEP|JIEPA) IR [0-9]+\([a-z]\)", msgid)
    words = []
    for run in runs:
        text = run.strip(" .,:;()-→>*`'")
        if re.search(r"[A-Za-z][a-z]{2,}", text):
            words.append(text)
    return tuple(words)


def _english_of(msgid: str | tuple[str, str]) -> tuple[str, ...]:
    return english_words(msgid) if isinstance(msgid, str) else english_words(msgid[0]) + english_words(msgid[1])


def _contains(report: str, words: str) -> bool:
    """Whether ``words`` appear in ``report`` as words: not inside a finding code (``hs-code-not-six-digits``) or
    a data path (``certificate.items.hs_code``), which are identifiers, not English."""
    return re.search(r"(?<![\w.-])" + re.escape(words) + r"(?![\w-]|\.\w)", report) is not None


def _data_strings(value: object) -> Iterator[str]:
    """Every string the example document holds (its certificate's own words)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for entry in value.values():
            yield from _data_strings(entry)
    elif isinstance(value, list):
        for entry in value:
            yield from _data_strings(entry)


def _case(name: str) -> tuple[roo.Certificate, roo.Context]:
    return roo.load_case((EXAMPLES / name).read_text(encoding="utf-8"))


def _reports(name: str, locale: str | None) -> Iterator[tuple[str, str]]:
    co, ctx = _case(name)
    evaluation = roo.evaluate(co, ctx, locale=locale)
    yield "text", render(evaluation, co, trace=True, locale=locale)
    yield "markdown", render_markdown(evaluation, co, trace=True, locale=locale)
    yield "html", _visible_text(html_report(co, evaluation, locale=locale))


class _Text(HTMLParser):
    """The text a reader sees on a page: text nodes outside ``<style>``, not tag names or class names."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_style = self.in_style or tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.parts.append(data)


def _visible_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    return "\n".join(parser.parts)


def test_the_frame_has_msgids() -> None:
    """The extraction finds the report phrases (a guard for the tests below, which would pass on none)."""
    msgids = frame_msgids()
    assert "(denied with the whole certificate: see the certificate's errors above)" in msgids
    assert any(isinstance(m, tuple) for m in msgids)


@pytest.mark.parametrize("locale", READERS)
def test_every_frame_phrase_is_translated(locale: str) -> None:
    """Each phrase with English words in it reads otherwise in the language (its catalogue entry is filled)."""
    untranslated = []
    for msgid in frame_msgids():
        if not _english_of(msgid):
            continue
        if isinstance(msgid, str):
            if gettext(msgid, locale) == msgid:
                untranslated.append(msgid)
        else:
            for count in (1, 2):
                english = msgid[0] if count == 1 else msgid[1]
                if ngettext(*msgid, count, locale) == english:
                    untranslated.append(english)
    assert untranslated == []


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("locale", READERS)
def test_no_english_frame_word_in_a_report(locale: str, name: str) -> None:
    """A Japanese or Indonesian reader sees no English frame: no English words of any frame msgid appear in the
    text, Markdown or HTML report (the certificate's own data, such as descriptions, stay as written)."""
    english = sorted({words for msgid in frame_msgids() for words in _english_of(msgid)}, key=len, reverse=True)
    data = sorted(_data_strings(json.loads((EXAMPLES / name).read_text(encoding="utf-8"))), key=len, reverse=True)
    for kind, report in _reports(name, locale):
        for written in data:  # the certificate's own words (names, addresses, remarks) are not the frame
            report = report.replace(written, " ")
        left = [words for words in english if _contains(report, words)]
        assert left == [], f"{kind} report in {locale} keeps English: {left}"


@pytest.mark.parametrize("locale", READERS)
def test_dates_and_countries_as_babel_writes_them(locale: str) -> None:
    """The issue date in the locale's long form and the Parties by their names in the language."""
    co, ctx = _case("unsigned.json")
    cldr = Locale.parse(CLDR[locale])
    issued = format_date(co.issue_date, "long", locale=cldr)
    exporting = cldr.territories[co.exporting_party]
    for kind, report in _reports("unsigned.json", locale):
        assert issued in report, kind
        assert exporting in report, kind


def test_without_a_locale_the_report_is_plain_english() -> None:
    """No locale: ISO dates, country codes, enum values, exactly as the reports have always printed."""
    co, ctx = _case("unsigned.json")
    evaluation = roo.evaluate(co, ctx)
    text = render(evaluation, co)
    assert text.splitlines()[0].endswith(f"{co.exporting_party} -> {co.importing_party}, issued {co.issue_date.isoformat()}, presented 2024-09-02")
    assert "status: rejected (0 of 2 items granted)" in text
    assert "(denied with the whole certificate: see the certificate's errors above)" in text


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_a_report_localizes_an_english_evaluation(locale: str) -> None:
    """The report functions translate the messages themselves: an evaluation made without a locale, reported in
    one, reads as the evaluation made in that locale."""
    co, ctx = _case("one_bad_item.json")
    english = roo.evaluate(co, ctx)
    localized = roo.evaluate(co, ctx, locale=locale)
    assert render(english, co, locale=locale) == render(localized, co, locale=locale)
    assert render_markdown(english, co, locale=locale) == render_markdown(localized, co, locale=locale)


def test_labels_without_a_locale_are_raw() -> None:
    """``labels(None)`` formats nothing: the frame without a locale is the one roo always printed."""
    words = labels(None)
    assert words.date(date(2024, 2, 29)) == "2024-02-29"
    assert words.country("ID") == "ID"
    assert words.word("partially_accepted") == "partially_accepted"
    assert words.lang == "en"


@pytest.mark.parametrize("locale", READERS)
def test_labels_format_with_babel(locale: str) -> None:
    """With a locale, a date and a country come from babel for that locale; ``lang`` is the language tag."""
    words = labels(locale)
    cldr = Locale.parse(CLDR[locale])
    assert words.date(date(2024, 2, 29)) == format_date(date(2024, 2, 29), "long", locale=cldr)
    assert words.country("ID") == cldr.territories["ID"]
    assert words.lang == locale


def test_an_unsupported_locale_is_refused() -> None:
    with pytest.raises(ValueError, match="supported"):
        labels("fr")


@pytest.mark.parametrize("locale", READERS)
def test_the_page_says_its_language(locale: str) -> None:
    """The root element carries the report's language, so browsers and screen readers read it right."""
    co, ctx = _case("unsigned.json")
    assert f'<html lang="{locale}">' in html_report(co, roo.evaluate(co, ctx), locale=locale)
    assert '<html lang="en">' in html_report(co, roo.evaluate(co, ctx))


@pytest.mark.parametrize("locale", READERS)
def test_amounts_and_quantities_on_the_page_as_babel_writes_them(locale: str) -> None:
    """Box 9 shows the FOB value as the locale writes that currency (every digit kept) and the quantities with
    the locale's separators; the page holds no raw ``26400 JPY``."""
    co, ctx = _case("waived_small_consignment.json")
    [item] = co.items
    assert item.fob_value is not None and item.quantity is not None and item.gross_weight is not None
    cldr = Locale.parse(CLDR[locale])
    page = html_report(co, roo.evaluate(co, ctx), locale=locale)
    fob = format_currency(item.fob_value.amount, item.fob_value.currency, locale=cldr, decimal_quantization=False)
    assert escape(fob) in page
    weight = format_decimal(item.gross_weight.value, locale=cldr, decimal_quantization=False)
    assert escape(f"{weight} {item.gross_weight.unit}") in page
    assert str(item.fob_value) not in _visible_text(page)


def test_without_a_locale_the_page_prints_raw_values() -> None:
    """No locale: the page writes amounts as ``Money`` prints them and dates in ISO, as it always did."""
    co, ctx = _case("waived_small_consignment.json")
    [item] = co.items
    page = html_report(co, roo.evaluate(co, ctx))
    assert f"FOB: {item.fob_value}" in page
    assert co.issue_date.isoformat() in page


@pytest.mark.parametrize("name", CASES[:3])
@pytest.mark.parametrize("locale", READERS)
def test_notebook_views_use_the_same_words(locale: str, name: str) -> None:
    """An evaluation made in a locale shows its notebook view in that language, frame and form included; a
    certificate's view takes the locale as an argument. No English frame word is left in either."""
    co, ctx = _case(name)
    english = sorted({words for msgid in frame_msgids() for words in _english_of(msgid)}, key=len, reverse=True)
    data = sorted(_data_strings(json.loads((EXAMPLES / name).read_text(encoding="utf-8"))), key=len, reverse=True)
    views = {
        "evaluation": roo.evaluate(co, ctx, locale=locale)._repr_html_(),
        "certificate": certificate_html(co, locale=locale),
    }
    for kind, view in views.items():
        text = _visible_text(view)
        for written in data:
            text = text.replace(written, " ")
        assert [words for words in english if _contains(text, words)] == [], kind
    cldr = Locale.parse(CLDR[locale])
    assert format_date(co.issue_date, "long", locale=cldr) in views["certificate"]


def test_the_evaluations_locale_is_not_part_of_its_json() -> None:
    """``Evaluation.locale`` tells the notebook view which language to write; the JSON contract does not change."""
    co, ctx = _case("unsigned.json")
    localized = roo.evaluate(co, ctx, locale="id")
    assert localized.locale == "id" and roo.evaluate(co, ctx).locale is None
    assert "locale" not in localized.to_dict()
    assert localized.localized("ja").locale == "ja"
