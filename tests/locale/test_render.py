"""Rendering findings in English, Japanese and Indonesian: every message, the formatting of facts, the API."""

from __future__ import annotations

import pickle
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import get_currency_symbol, get_group_symbol, parse_decimal

import roo
import roo.locale
from roo import engine
from roo.evaluation import Finding, Severity
from roo.locale import SUPPORTED_LOCALES, format_fact, render
from roo.model.money import Money, Quantity
from roo.rules.ajcep.ir06_waiver import CO_WAIVED
from roo.rules.ajcep.ir07_retroactive_issuance import TOO_LATE
from roo.rules.ajcep.ir12_tariff_classification import HS_NOT_SIX_DIGITS
from roo.rules.base import FindingSpec
from tests.builders import PRESENTED_ON, certificate, item_data
from tests.locale.messages import extracted, finding_specs, placeholders, typed_sample

LOCALES = ("en", "ja", "id")


def _templates() -> list[str]:
    """Every message template: each FindingSpec's, the engine's two, and every other extracted msgid."""
    return sorted({spec.template for spec in finding_specs()} | set(extracted()))


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("item", [None, 2], ids=["certificate", "item-2"])
def test_every_message_renders_with_every_fact_in_its_place(locale: str, item: int | None) -> None:
    """Every message renders in each locale with each fact it names shown, and nothing left in braces."""
    problems = []
    for template in _templates():
        facts = {name: f"«{name}»" for name in placeholders(template)}
        text = render(template, item, facts, locale)
        lost = [value for value in facts.values() if value not in text]
        if lost or "{" in text or "}" in text or (item is not None and "2" not in text):
            problems.append((template, text, lost))
    assert [] == problems


@pytest.mark.parametrize("locale", LOCALES)
def test_every_finding_spec_renders_with_typed_facts(locale: str) -> None:
    """Every FindingSpec, given facts of the types rules use (dates, Decimals, lists, amounts), renders cleanly."""
    problems = []
    for spec in finding_specs():
        finding = spec(3, **{name: typed_sample(name) for name in placeholders(spec.template)})
        text = finding.render(locale)
        if "{" in text or "}" in text or not text.strip():
            problems.append((spec.code, text))
    assert [] == problems


def test_english_rendering_without_locale_is_the_canonical_message() -> None:
    """``render(None)`` is ``message`` as the rule made it: plain ISO dates and amounts."""
    finding = TOO_LATE(
        3, issue_date=date(2025, 3, 20), latest=date(2025, 3, 4), max_months=12, shipment_date=date(2024, 3, 4)
    )
    expected = (
        "Item 3: The CO was issued on 2025-03-20, after 2025-03-04 (12 months from shipment on 2024-03-04); "
        "a CO can be issued retroactively only within that period."
    )
    assert (expected, expected) == (finding.message, finding.render(None))


# What CLDR prints (month names, currency symbols, separators, list words) changes with babel releases. The
# tests below assert what roo decides: the locale, the template, which value is a date or an amount in which
# currency, and that every digit is kept. The printed form of each value is asked of babel in the test.


# roo's decision: which CLDR locale writes the values of each language it speaks. English is international
# English (day before month), not American, unless the caller names a region.
FORMATTING_LOCALE = {"en": "en_001", "ja": "ja_JP", "id": "id_ID"}


def _cldr(locale: str) -> str:
    return locale if "_" in locale else FORMATTING_LOCALE[locale]


def test_each_language_is_written_with_the_locale_roo_chose() -> None:
    """English facts are written as international English, Japanese as in Japan, Indonesian as in Indonesia."""
    assert FORMATTING_LOCALE == dict(roo.locale._FORMATTING)


def _long_date(value: date, locale: str) -> str:
    return format_date(value, "long", locale=_cldr(locale))


def _currency_symbol(currency: str, locale: str) -> str:
    """The symbol babel gives ``currency`` in ``locale``; roo always says which dollar a US dollar is."""
    return "US$" if currency == "USD" else get_currency_symbol(currency, locale=_cldr(locale))


def assert_amount(text: str, amount: Decimal, currency: str, locale: str) -> None:
    """``text`` is ``amount`` in ``currency``: the locale's symbol, the locale's grouping, every digit kept."""
    symbol = _currency_symbol(currency, locale)
    assert symbol in text, (text, symbol)
    number = text.replace(symbol, "").strip(" \u00a0\u202f")
    # strict parsing refuses a number grouped otherwise than as the locale groups it
    assert amount == parse_decimal(number, locale=_cldr(locale), strict=True), (text, amount)
    if amount >= 1000:
        assert get_group_symbol(_cldr(locale)) in number, (text, "grouped")


def assert_number(text: str, value: Decimal | int, locale: str) -> None:
    """``text`` is ``value`` exactly, written with the locale's separators."""
    assert Decimal(value) == parse_decimal(text, locale=_cldr(locale), strict=True), (text, value)
    if abs(value) >= 1000:
        assert get_group_symbol(_cldr(locale)) in text, (text, "grouped")


RETROACTIVE_TEMPLATES = {
    "en": "Item 3: The CO was issued on {issued}, after {latest} (12 months from shipment on {shipped}); "
    "a CO can be issued retroactively only within that period.",
    "ja": "品目3：原産地証明書は{issued}に発給されており、{latest}（船積日{shipped}から12か月）より後です。"
    "原産地証明書の遡及発給はこの期間内に限り認められます。",
    "id": "Barang nomor 3: SKA diterbitkan pada {issued}, setelah {latest} (12 bulan sejak pengapalan pada "
    "{shipped}); SKA hanya dapat diterbitkan secara retroaktif dalam jangka waktu itu.",
}


@pytest.mark.parametrize("locale", ["en", "ja", "id"], ids=["english", "japanese", "indonesian"])
def test_retroactive_issuance_too_late_in_each_language(locale: str) -> None:
    """A CO issued retroactively after 12 months, told in each language with its dates written for the reader."""
    finding = TOO_LATE(
        3, issue_date=date(2025, 3, 20), latest=date(2025, 3, 4), max_months=12, shipment_date=date(2024, 3, 4)
    )
    expected = RETROACTIVE_TEMPLATES[locale].format(
        issued=_long_date(date(2025, 3, 20), locale),
        latest=_long_date(date(2025, 3, 4), locale),
        shipped=_long_date(date(2024, 3, 4), locale),
    )
    assert expected == finding.render(locale)


WAIVER_OPENINGS = {
    "en": ("No CO is required: the consignment's aggregate customs value ", " does not exceed "),
    "ja": ("原産地証明書は不要です：貨物の課税価格の総額（", "）は"),
    "id": ("SKA tidak diperlukan: nilai pabean keseluruhan kiriman sebesar ", " tidak melebihi "),
}


@pytest.mark.parametrize("locale", ["en", "ja", "id"], ids=["english", "japanese", "indonesian"])
def test_waiver_at_exactly_200000_yen_shows_amounts_as_currency(locale: str) -> None:
    """Exactly ¥200,000 against a US$200 limit: amounts as currency, the value kind translated too."""
    finding = CO_WAIVED(
        None,
        value_kind="aggregate customs value",
        value=Money(Decimal("200000"), "JPY"),
        limit=Money(Decimal("200"), "USD"),
        importing_party="JP",
        as_of=date(2024, 3, 20),
    )
    text = finding.render(locale)
    opening, between = WAIVER_OPENINGS[locale]
    assert text.startswith(opening)
    value, rest = text[len(opening) :].split(between, 1)
    assert_amount(value, Decimal(200000), "JPY", locale)
    limit = re.search(r"US\$[0-9.,\u00a0\u202f]*[0-9]", rest)
    assert limit is not None, rest
    assert_amount(limit.group(), Decimal(200), "USD", locale)


@pytest.mark.parametrize(
    ("value", "locale", "expected"),
    [
        (("PH", "MM", "TH"), "ja", None),
        (True, "ja", "はい"),
        (False, "id", "tidak"),
        (None, "ja", "-"),
        ("none", "ja", "なし"),
        ("Japan's form", "id", "formulir Jepang"),
        ("Frozen shrimp, peeled", "ja", "Frozen shrimp, peeled"),
        ("030617", "id", "030617"),
        ("0306.17", "id", "0306.17"),
    ],
    ids=lambda value: repr(value) if not isinstance(value, str) or len(value) < 20 else value[:20],
)
def test_fact_formatting_of_roo_words_and_data(value: Any, locale: str, expected: str | None) -> None:
    """roo's own words are translated from its catalogue; data (codes, descriptions) stays exactly as given."""
    if expected is None:  # a list: babel joins the items, roo keeps each code as it is
        expected = format_list(list(value), locale=_cldr(locale))
    assert expected == format_fact(value, locale)


@pytest.mark.parametrize(
    ("value", "locale"),
    [
        (date(2024, 3, 20), "en"),
        (date(2024, 3, 20), "ja"),
        (date(2024, 3, 20), "id"),
        (date(2024, 2, 29), "en_US"),
    ],
    ids=repr,
)
def test_dates_are_written_in_the_locales_long_form(value: date, locale: str) -> None:
    """A date fact is the locale's long date (ISO only in the canonical English message)."""
    assert _long_date(value, locale) == format_fact(value, locale)


@pytest.mark.parametrize(
    ("value", "locale", "amount", "currency"),
    [
        (Money(Decimal("200000"), "JPY"), "en", Decimal("200000"), "JPY"),
        (Money(Decimal("200000"), "JPY"), "ja", Decimal("200000"), "JPY"),
        (Money(Decimal("1500000"), "IDR"), "id", Decimal("1500000"), "IDR"),
        (Money(Decimal("52000.00"), "USD"), "ja", Decimal("52000"), "USD"),
        (Money(Decimal("52000.00"), "USD"), "en_US", Decimal("52000"), "USD"),
        (Money(Decimal("1000.5"), "JPY"), "en", Decimal("1000.5"), "JPY"),
        (Money(Decimal("0.125"), "USD"), "id", Decimal("0.125"), "USD"),
        ((Decimal("200"), "USD"), "id", Decimal("200"), "USD"),
    ],
    ids=repr,
)
def test_amounts_are_currency_exact_and_grouped(value: Any, locale: str, amount: Decimal, currency: str) -> None:
    """An amount shows its currency as the locale writes it, grouped as the locale groups, never rounded.

    The yen has no minor unit in CLDR, yet ``1000.5 JPY`` keeps its half; a US dollar is always "US$".
    """
    assert_amount(format_fact(value, locale), amount, currency, locale)


@pytest.mark.parametrize(
    ("value", "locale", "number", "unit"),
    [
        (Quantity(Decimal("4000"), "KGM"), "id", Decimal("4000"), "KGM"),
        (Quantity(Decimal("4000.5"), "KGM"), "en", Decimal("4000.5"), "KGM"),
        (Decimal("150.2512"), "id", Decimal("150.2512"), ""),
        (12345, "ja", 12345, ""),
    ],
    ids=repr,
)
def test_numbers_and_quantities_keep_every_digit(value: Any, locale: str, number: Decimal | int, unit: str) -> None:
    """A number or quantity has the locale's separators and every digit; a unit code stays as written."""
    text = format_fact(value, locale)
    if unit:
        assert text.endswith(f" {unit}")
        text = text[: -len(unit) - 1]
    assert_number(text, number, locale)


@pytest.mark.parametrize(
    ("facts", "key", "currency"),
    [
        ({"limit_amount": Decimal("200"), "limit_currency": "USD"}, "limit_amount", "USD"),
        ({"fob_value": Decimal("52000"), "fob_currency": "USD"}, "fob_value", "USD"),
        ({"amount": Decimal("200000"), "currency": "JPY"}, "amount", "JPY"),
        ({"amount": Decimal("200000"), "currency": "KGM"}, "amount", None),
        ({"threshold": Decimal("40"), "currency": "USD"}, "threshold", None),
    ],
    ids=["prefix-currency", "value-currency", "plain-currency", "not-a-currency", "not-an-amount"],
)
def test_decimal_amount_finds_its_currency_beside_it(facts: dict[str, Any], key: str, currency: str | None) -> None:
    """A Decimal named ``*amount``/``*_value`` is shown as currency when a currency fact sits beside it."""
    text = format_fact(facts[key], "en", key=key, facts=facts)
    if currency is None:
        assert_number(text, facts[key], "en")
    else:
        assert_amount(text, facts[key], currency, "en")


def test_format_spec_in_a_template_is_honoured() -> None:
    """A template that formats a fact itself (``{x:.2f}``) keeps that format in every locale."""
    assert "Share 0.50." == render("Share {x:.2f}.", None, {"x": Decimal("0.5")}, "id")


def test_missing_fact_stays_visible() -> None:
    """A placeholder without a fact is shown as ``{name}``, as in English, never a KeyError."""
    assert "HS番号「{hs_code}」は6桁の号ではありません。" == render(HS_NOT_SIX_DIGITS.template, None, {}, "ja")


def test_unknown_template_is_shown_in_english() -> None:
    """A template not in the catalogue (a caller's own FindingSpec) is rendered in English, formatted for the locale."""
    spec = FindingSpec("callers-own-check", "AJCEP/IR/7", Severity.INFO, "Checked on {on}.")
    assert "Checked on 2024年3月20日." == spec(None, on=date(2024, 3, 20)).render("ja")


def test_finding_without_template_keeps_its_message() -> None:
    """A finding built by hand, with no template, has nothing to translate: its message is returned."""
    finding = Finding("AJCEP/IR/7", "hand-made", Severity.INFO, None, "Made by hand.")
    assert "Made by hand." == finding.render("ja")


@pytest.mark.parametrize("bad", ["fr", "", "zz_ZZ", "ja_XX", "english"])
def test_unsupported_locale_is_a_clear_value_error(bad: str) -> None:
    """An unsupported locale raises ValueError naming the locales roo speaks."""
    with pytest.raises(ValueError, match="en, ja, id"):
        HS_NOT_SIX_DIGITS(1, hs_code="0306").render(bad)


@pytest.mark.parametrize("tag", ["ja", "ja_JP", "ja-JP", "JA", "id_ID", "en_GB", "en-US"])
def test_locale_tags_with_region_are_accepted(tag: str) -> None:
    """A language with or without a region (underscore or hyphen, any case of the language) is accepted."""
    assert roo.locale.check_locale(tag).split("_")[0] in SUPPORTED_LOCALES


def _two_items() -> roo.Certificate:
    return certificate(items=[item_data(1), item_data(2, hs_code="0306")])


def test_evaluate_with_locale_translates_every_message_and_nothing_else() -> None:
    """``evaluate(co, locale="ja")`` differs from the English evaluation only in messages and trace titles."""
    english = roo.evaluate(_two_items(), on=PRESENTED_ON)
    japanese = roo.evaluate(_two_items(), on=PRESENTED_ON, locale="ja")

    def shape(ev: roo.Evaluation) -> Any:
        return (
            ev.status,
            [(v.number, v.preference, [(f.code, f.rule, f.severity, f.item, dict(f.facts)) for f in v.findings]) for v in ev.items],
            [(f.code, f.rule, f.severity, f.item, dict(f.facts)) for f in ev.findings],
            [(c.rule, c.item, c.outcome, c.needed) for c in ev.checks],
        )

    assert shape(english) == shape(japanese)
    [hs] = [f for f in japanese.findings if f.code == "hs-code-not-six-digits"]
    assert "品目2：HS番号「0306」は6桁の号ではありません。" == hs.message


def test_item_verdicts_carry_the_same_translated_findings() -> None:
    """Each item's findings are the very findings listed at the top, translated once."""
    evaluation = roo.evaluate(_two_items(), on=PRESENTED_ON, locale="id")
    by_identity = {id(f) for f in evaluation.findings}
    assert all(id(f) in by_identity for verdict in evaluation.items for f in verdict.findings)


def test_messages_in_a_locale_match_evaluate_with_that_locale() -> None:
    """``Evaluation.messages("id")`` gives what ``evaluate(..., locale="id")`` puts in ``message``."""
    english = roo.evaluate(_two_items(), on=PRESENTED_ON)
    indonesian = roo.evaluate(_two_items(), on=PRESENTED_ON, locale="id")
    assert [f.message for f in indonesian.findings] == list(english.messages("id"))


def test_messages_without_locale_are_the_messages() -> None:
    """``Evaluation.messages()`` without a locale lists the canonical English messages."""
    evaluation = roo.evaluate(_two_items(), on=PRESENTED_ON)
    assert [f.message for f in evaluation.findings] == list(evaluation.messages())


def test_unknown_locale_fails_before_evaluating() -> None:
    """``evaluate`` and ``messages`` reject an unsupported locale with ValueError, even with no findings."""
    evaluation = roo.evaluate(_two_items(), on=PRESENTED_ON)
    empty = roo.Evaluation(roo.Status.ACCEPTED, (), ())
    with pytest.raises(ValueError, match="en, ja, id"):
        roo.evaluate(_two_items(), on=PRESENTED_ON, locale="fr")
    with pytest.raises(ValueError, match="en, ja, id"):
        evaluation.messages("xx")
    with pytest.raises(ValueError, match="en, ja, id"):
        empty.messages("de")


def test_engine_findings_are_translated() -> None:
    """The engine's "not evaluated" finding is translated, with the rule title inside it translated too."""
    finding = engine._not_evaluated("AJCEP/IR/12", "HS subheading at six digits", 2, ("context.declaration",))
    expected = "品目2：未評価：「6桁の号によるHS番号」の審査には context.declaration が必要です。"
    assert (engine.NOT_EVALUATED_TEMPLATE, expected) == (finding.template, finding.render("ja"))


def test_localized_evaluation_pickles_and_serialises_as_before() -> None:
    """A translated evaluation stays picklable and keeps the JSON shape (only ``message`` text changes)."""
    evaluation = roo.evaluate(_two_items(), on=PRESENTED_ON, locale="ja")
    english = roo.evaluate(_two_items(), on=PRESENTED_ON).to_dict()
    again = pickle.loads(pickle.dumps(evaluation))
    assert (evaluation, sorted(english["findings"][0])) == (again, sorted(evaluation.to_dict()["findings"][0]))


def test_evaluate_without_locale_never_touches_the_catalogues(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a locale nothing in roo.locale runs: the engine stays as cheap and pure as before."""

    def refuse(locale: str) -> None:
        raise AssertionError(f"catalogue used for {locale!r}")

    monkeypatch.setattr(roo.locale, "_speaker", refuse)
    roo.evaluate(_two_items(), on=PRESENTED_ON)


def test_catalogues_load_once_and_rendering_reads_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loaded catalogues are kept: after the first use, rendering works with package resources unreachable."""
    HS_NOT_SIX_DIGITS(1, hs_code="0306").render("ja")

    def unreachable(*_: object) -> None:
        raise AssertionError("catalogue read again")

    import importlib.resources  # roo.locale imports it when it first reads a catalogue

    monkeypatch.setattr(importlib.resources, "files", unreachable)
    assert HS_NOT_SIX_DIGITS(1, hs_code="0306").render("ja_JP").startswith("品目1：")


def test_first_use_from_many_threads_loads_each_catalogue_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads racing to the first use of a locale get the same text, and the catalogue is read once."""
    monkeypatch.setattr(roo.locale, "_SPEAKERS", {})
    monkeypatch.setattr(roo.locale, "_TRANSLATIONS", {})
    loads = []
    real = roo.locale._translations

    def counted(language: str) -> Any:
        loads.append((language, threading.get_ident()))
        return real(language)

    monkeypatch.setattr(roo.locale, "_translations", counted)
    finding = HS_NOT_SIX_DIGITS(4, hs_code="0306")
    with ThreadPoolExecutor(max_workers=16) as pool:
        texts = set(pool.map(lambda _: finding.render("id"), range(64)))
    assert ({"Barang nomor 4: Kode HS '0306' bukan subpos enam digit."}, 1) == (texts, len(loads))


def test_spellings_of_a_locale_do_not_grow_the_speakers_without_end() -> None:
    """Padding alone makes endless spellings of one locale (" ja", "  ja", ...): each renders as "ja" does, and
    the table of speakers stops keeping new spellings at its bound."""
    finding = TOO_LATE(
        3, issue_date=date(2025, 3, 20), latest=date(2025, 3, 4), max_months=12, shipment_date=date(2024, 3, 4)
    )
    expected = finding.render("ja")
    for padding in range(1, 2 * roo.locale._SPELLINGS_KEPT):
        assert expected == finding.render(" " * padding + "ja")
    assert len(roo.locale._SPEAKERS) <= roo.locale._SPELLINGS_KEPT
