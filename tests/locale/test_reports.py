"""Reports wholly in the reader's language: the frame of the text, Markdown and HTML reports and the notebook views.

A Japanese or Indonesian reader sees no English frame word: every phrase the report modules write through
:mod:`roo.locale.frame` is a msgid of the catalogue, translated in each language, and a report rendered in that
language contains none of the English words of any of them. Dates, amounts and countries are written as babel
writes them for the locale (the tests ask babel, never a CLDR literal). Without a locale the reports stay the
plain English ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.core import Locale
from babel.dates import format_date

import roo
from roo.cli.reports import render, render_markdown
from roo.locale import SUPPORTED_LOCALES, gettext, ngettext
from roo.locale._extract import KEYWORDS, extract_roo
from roo.locale.frame import labels

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
#: The modules that write a report's frame; every phrase of theirs is a msgid.
FRAME_SOURCES = (
    ROOT / "src" / "roo" / "cli" / "reports.py",
    ROOT / "src" / "roo" / "locale" / "frame.py",
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
    text holding a word of three letters or more (``"certificate"``, ``"issued"``), stripped of punctuation."""
    runs = re.split(r"\{[^{}]*\}", msgid)
    words = []
    for run in runs:
        text = run.strip(" .,:;()-→>*`'")
        if re.search(r"[A-Za-z]{3,}", text):
            words.append(text)
    return tuple(words)


def _english_of(msgid: str | tuple[str, str]) -> tuple[str, ...]:
    return english_words(msgid) if isinstance(msgid, str) else english_words(msgid[0]) + english_words(msgid[1])


def _contains(report: str, words: str) -> bool:
    """Whether ``words`` appear in ``report`` as words: not inside a finding code (``hs-code-not-six-digits``) or
    a data path (``certificate.items.hs_code``), which are identifiers, not English."""
    return re.search(r"(?<![\w.-])" + re.escape(words) + r"(?![\w-]|\.\w)", report) is not None


def _case(name: str) -> tuple[roo.Certificate, roo.Context]:
    return roo.load_case((EXAMPLES / name).read_text(encoding="utf-8"))


def _reports(name: str, locale: str | None) -> Iterator[tuple[str, str]]:
    co, ctx = _case(name)
    evaluation = roo.evaluate(co, ctx, locale=locale)
    yield "text", render(evaluation, co, trace=True, locale=locale)
    yield "markdown", render_markdown(evaluation, co, trace=True, locale=locale)


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
    for kind, report in _reports(name, locale):
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
