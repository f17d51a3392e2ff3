"""Words roo composes around data read in the reader's language: no English phrase inside a translated sentence.

Each case here was, until it became a :class:`roo.model.phrase.Phrase` (or a fragment template with typed
facts), English glued into a Japanese or Indonesian message: the fragments of ``roo.eco.verify``, the reason a
box 8 cannot be read (``unrecognised '4'``), the reason a correlation table gives for a code it cannot convert,
the titles of origin criteria (``general rule: CTH``) and the description of a missing fact (``(a six-digit
subheading)``). Each test renders in ``ja`` and ``id`` and checks that the English words of the phrase are gone
and the catalogue's words are there; dates are compared with what babel writes for the locale, never a literal.
The canonical English text (messages, facts, JSON) stays what it was.
"""

from __future__ import annotations

import io
import json
import pickle
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from babel.core import Locale
from babel.dates import format_date

import roo
from roo.eco import CertificateState, IssuingAuthority, Signatory, StatusRecord, verify
from roo.evaluation import to_json
from roo.hs.correlation import load_correlation
from roo.locale import gettext
from roo.model.phrase import Phrase
from roo.origin import determine, load_good
from roo.rules.ajcep.ir17_hs_transition import CONVERSION_UNCHECKED
from tests.builders import certificate, certificate_data, item_data
from tests.locale.test_reports import english_words

ROOT = Path(__file__).resolve().parents[2]
READERS = ("ja", "id")
#: Formatting locales of the languages, as roo picks them for a bare language tag.
CLDR = {"ja": "ja_JP", "id": "id_ID"}
PINNED_GOODS = json.loads((ROOT / "tests" / "snapshots" / "determinations.json").read_text(encoding="utf-8"))["codes"]


def _contains(text: str, words: str) -> bool:
    """Whether ``words`` appear in ``text`` as words (not inside a data path or a finding code)."""
    return re.search(r"(?<![\w.-])" + re.escape(words) + r"(?![\w-]|\.\w)", text) is not None


def assert_in_language(rendered: str, template: str, locale: str) -> None:
    """``rendered`` has none of the English words of ``template`` and every run of its translation's words."""
    left = [words for words in english_words(template) if _contains(rendered, words)]
    assert left == [], f"{locale} keeps English {left}: {rendered}"
    translation = gettext(template, locale)
    assert translation != template or not english_words(template), f"{template!r} is not translated into {locale}"
    for run in re.split(r"\{[^{}]*\}", translation):
        assert run.strip() in rendered, f"{run.strip()!r} of the {locale} catalogue missing from: {rendered}"


def _long_date(value: date, locale: str) -> str:
    return format_date(value, "long", locale=Locale.parse(CLDR[locale]))


# --- 1. the fragments of roo.eco.verify ------------------------------------------------------------------------

CO = certificate()
AUTHORITY = IssuingAuthority(
    party="ID",
    name="Ministry of Trade of Indonesia",
    valid_from=date(2018, 3, 1),
    signatories=(Signatory("A. Wibowo", date(2023, 1, 1)),),
)


def _every_fragment() -> list[Any]:
    """A fragment for every reason ``verify`` gives (integrity, status, issuer, signature)."""
    number = CO.reference_number or ""
    late = IssuingAuthority("ID", "Ministry of Trade of Indonesia", date(2030, 1, 1))
    stranger = IssuingAuthority("ID", "Ministry of Trade of Indonesia", date(2018, 3, 1), signatories=())

    def broken(co: roo.Certificate, data: bytes) -> bool:
        raise RuntimeError("offline")

    runs = [
        verify(CO),
        verify(CO, "0" * 64, signature_check=lambda co, data: None),
        verify(CO, roo.eco.digest(CO), signature_check=lambda co, data: True),
        verify(CO, signature_check=lambda co, data: False),
        verify(CO, signature_check=broken),
        verify(CO, status_registry={}),
        verify(CO, issuers=(AUTHORITY,)),
        verify(CO, issuers=()),
        verify(CO, issuers=(late,)),
        verify(CO, issuers=(stranger,)),
        verify(certificate(certification=None), issuers=(AUTHORITY,)),
    ]
    for state in CertificateState:
        runs.append(verify(CO, status_registry={number: StatusRecord(number, state, replaced_by="ID/2024/AJ/000999")}))
    fragments = {f.reason: f for run in runs for f in run.fragments}
    return list(fragments.values())


def test_every_reason_of_verify_is_reached() -> None:
    """The fragments below cover every reason (a guard: the tests would pass on none)."""
    assert len(_every_fragment()) == 18


@pytest.mark.parametrize("locale", READERS)
def test_every_fragment_message_is_in_the_language(locale: str) -> None:
    """Integrity, status, issuer and signature: each fragment's message comes from the catalogue."""
    for fragment in _every_fragment():
        assert fragment.template, fragment.reason
        assert_in_language(fragment.render(locale), fragment.template, locale)


@pytest.mark.parametrize("locale", READERS)
def test_a_fragment_writes_the_issue_date_as_the_locale_does(locale: str) -> None:
    """The issue date is a date, not ISO text: the reader sees the locale's long date (as babel writes it)."""
    late = IssuingAuthority("ID", "Ministry of Trade of Indonesia", date(2030, 1, 1))
    fragment = verify(CO, issuers=(late,)).fragment("issuer")
    assert fragment.facts["issue_date"] == CO.issue_date
    assert _long_date(CO.issue_date, locale) in fragment.render(locale)
    assert CO.issue_date.isoformat() not in fragment.render(locale)
    # The canonical English message and the JSON are as they were: ISO date.
    assert CO.issue_date.isoformat() in fragment.message
    assert fragment.to_dict()["message"] == fragment.message


# --- 2. phrases with data inside them: box 8 that cannot be read, a conversion the table cannot check ------


def _box8(text: str, locale: str | None) -> roo.Finding:
    co = roo.load(certificate_data(items=[item_data(1, origin_criterion=text)]))
    [finding] = [f for f in roo.evaluate(co, locale=locale).findings if f.code == "origin-criterion-unreadable"]
    return finding


@pytest.mark.parametrize("locale", READERS)
@pytest.mark.parametrize(
    ("box8", "phrase"),
    [("4", "unrecognised {parts}"), ("DMI ACU", "no origin criterion, only {flags}"), ("", "box 8 is empty")],
)
def test_the_reason_box_8_cannot_be_read_is_in_the_language(box8: str, phrase: str, locale: str) -> None:
    """AJCEP form note 3: box 8 states the criterion. Why roo cannot read it is worded in the reader's language,
    the part it could not read quoted as printed; the canonical message and the JSON fact stay English."""
    english = _box8(box8, None)
    rendered = english.render(locale)
    assert_in_language(rendered, phrase, locale)
    assert english.facts["problem"] == to_json(english.facts["problem"])  # JSON: the English text, a string
    assert english.facts["problem"] in english.message
    if box8 == "4":
        assert "unrecognised '4'" == english.facts["problem"]
        assert gettext("'{part}'", locale).format(part="4") in rendered


def _conversion_reason(table: str, code: str, old: str, new: str) -> str:
    header = "new_version,old_version,new_code,old_code,unsd_relationship\n"
    result = load_correlation(io.StringIO(header + table)).convert(code, old, new)
    assert not result.found and result.reason is not None
    return result.reason


@pytest.mark.parametrize("locale", READERS)
@pytest.mark.parametrize(
    ("table", "code", "old", "new", "phrase"),
    [
        ("HS2017,HS2012,030617,030617,1:1\n", "999999", "HS2012", "HS2017", "'{code}' is not an {edition} subheading in the table"),
        ("HS2017,HS2012,030617,030617,1:1\n", "030617", "HS2007", "HS2017", "the table holds no {edition} codes (it holds {held})"),
        (
            "HS2012,HS2007,030617,030617,1:1\nHS2017,HS2012,030618,030618,1:1\n",
            "030617",
            "HS2007",
            "HS2017",
            "the table links {gaps} to nothing in {edition}",
        ),
    ],
)
def test_the_reason_a_correlation_table_gives_is_in_the_language(
    table: str, code: str, old: str, new: str, phrase: str, locale: str
) -> None:
    """AJCEP IR 17(d): a code converted from the original CO's edition; when the table cannot check the
    conversion, its reason reads in the reader's language inside hs-conversion-unchecked."""
    reason = _conversion_reason(table, code, old, new)
    facts = {
        "hs_code": "030617",
        "hs_version": new,
        "original_hs_code": code,
        "original_hs_version": old,
        "original_item": 1,
        "original_reference": "ID/2024/AJ/000050",
    }
    finding = CONVERSION_UNCHECKED(1, reason=reason, **facts)
    assert f"the correlation table could not check the conversion: {reason}." in finding.message
    assert_in_language(finding.render(locale), phrase, locale)


def test_a_phrase_is_its_english_text_everywhere_but_a_rendering() -> None:
    """A Phrase equals, hashes, pickles and serialises as its English string; only a rendering in a locale uses
    its template."""
    phrase = _box8("4", None).facts["problem"]
    assert isinstance(phrase, Phrase)
    assert (phrase, hash(phrase), json.dumps(phrase)) == ("unrecognised '4'", hash("unrecognised '4'"), '"unrecognised \'4\'"')
    again = pickle.loads(pickle.dumps(phrase))
    assert (again, again.template, dict(again.facts)) == (phrase, phrase.template, dict(phrase.facts))


# --- 3. the titles of origin criteria inside origin-not-originating and box8-not-originating ------------------


def _determined(code: str) -> roo.origin.Determination:
    case = PINNED_GOODS[code]["case"]
    assert case["psr"] is None and case["parameters"] is None
    return determine(load_good(case["good"]))


@pytest.mark.parametrize("locale", READERS)
@pytest.mark.parametrize(
    ("code", "phrases"),
    [
        ("origin-rvc-below-threshold", ("produced entirely from originating materials", "general rule: {criterion}", "general rule: RVC {threshold}%")),
        ("origin-vessel-not-of-party", ("wholly obtained ({category})",)),
    ],
)
def test_the_titles_of_criteria_tried_are_in_the_language(code: str, phrases: tuple[str, ...], locale: str) -> None:
    """AJCEP Art 24 and 26: the criteria tried are named in the reader's language in the reasons of
    origin-not-originating; their JSON titles and the English message are unchanged."""
    determination = _determined(code)
    [finding] = [f for f in determination.findings if f.code == "origin-not-originating"]
    rendered = finding.render(locale)
    for phrase in phrases:
        assert_in_language(rendered, phrase, locale)
    titles = [c["title"] for c in determination.to_dict()["criteria"]]
    assert all(type(title) is str for title in json.loads(json.dumps(titles)))
    assert all(title in finding.message for title in titles)


@pytest.mark.parametrize("locale", READERS)
def test_box8_not_originating_names_the_criteria_in_the_language(locale: str) -> None:
    """Box 8 claims a criterion the bill of materials does not meet: the unmet criteria are named in the reader's
    language (the pinned case of box8-not-originating)."""
    pinned = json.loads((ROOT / "tests" / "snapshots" / "findings.json").read_text(encoding="utf-8"))["codes"]
    co, ctx = roo.load_case(pinned["box8-not-originating"]["case"])
    [finding] = [f for f in roo.evaluate(co, ctx).findings if f.code == "box8-not-originating"]
    rendered = finding.render(locale)
    for phrase in ("produced entirely from originating materials", "general rule: {criterion}", "general rule: RVC {threshold}%"):
        assert_in_language(rendered, phrase, locale)


# --- 4. the description of a missing fact --------------------------------------------------------------------


@pytest.mark.parametrize("locale", READERS)
def test_the_description_of_a_missing_fact_is_in_the_language(locale: str) -> None:
    """AJCEP IR 4(a): the declared subheading is compared with the CO's, which needs a six-digit code. The path
    stays as it is (data); the description beside it reads in the reader's language, in the finding and in the
    reports' trace."""
    co, ctx = roo.load_case((ROOT / "examples" / "one_bad_item.json").read_text(encoding="utf-8"))
    english = roo.evaluate(co, ctx)
    [note] = [f for f in english.findings if "(a six-digit subheading)" in f.message]
    assert "certificate.items.hs_code (a six-digit subheading)" in to_json(note.facts["needed"])
    rendered = note.render(locale)
    assert "certificate.items.hs_code" in rendered
    assert_in_language(rendered, "{path} (a six-digit subheading)", locale)
    from roo.cli.reports import render

    report = render(roo.evaluate(co, ctx, locale=locale), co, trace=True, locale=locale)
    assert "six-digit subheading" not in report
    assert "certificate.items.hs_code" in report


@pytest.mark.parametrize("locale", READERS)
def test_a_product_specific_rule_roo_lacks_is_named_in_the_language(locale: str) -> None:
    """AJCEP Art 26(2): a good whose rule is ambiguous needs the product-specific rule for its code."""
    case = PINNED_GOODS["origin-psr-ambiguous"]["case"]
    from roo.origin import load_psr

    determination = determine(load_good(case["good"]), load_psr(case["psr"]) if case["psr"] else None)
    [finding] = [f for f in determination.findings if f.code == "origin-undetermined"]
    assert_in_language(finding.render(locale), "product-specific rule for {hs_code}", locale)


@pytest.mark.parametrize("locale", READERS)
@pytest.mark.parametrize("on", [date(2024, 8, 22), None], ids=["dated", "latest"])
def test_the_date_parameters_are_read_on_is_in_the_language(on: date | None, locale: str) -> None:
    """A parameter without a value on the good's date: the date is a date (the locale's long form, as babel
    writes it), and without one "the latest values" reads in the language. English and JSON: as before."""
    from roo.origin import specs
    from roo.origin.parameters import Parameters

    shown = Parameters(on, {}).shown_on
    finding = specs.PARAMETER_NOT_IN_FORCE(roo.Scheme.AJCEP, criterion="RVC", parameter="x", on=shown)
    expected_english = on.isoformat() if on else "the latest values"
    assert to_json(finding.facts["on"]) == expected_english
    assert f"on {expected_english}" in finding.message
    rendered = finding.render(locale)
    if on is None:
        assert_in_language(rendered, "the latest values", locale)
    else:
        assert _long_date(on, locale) in rendered and on.isoformat() not in rendered


def _plain_types(value: object) -> bool:
    """Whether ``value`` is made of plain JSON types only (a str subclass such as Phrase is not one)."""
    if isinstance(value, dict):
        return all(type(k) is str and _plain_types(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain_types(v) for v in value)
    return type(value) in (str, int, float, bool, type(None))


def test_to_dict_gives_phrases_as_plain_strings() -> None:
    """``to_dict()`` is plain JSON: a phrase in a fact, a check's ``needed`` or a criterion's title is its English
    string there, of type ``str``, as it always was."""
    co, ctx = roo.load_case((ROOT / "examples" / "one_bad_item.json").read_text(encoding="utf-8"))
    evaluation = roo.evaluate(co, ctx)
    assert any(isinstance(n, Phrase) for c in evaluation.checks for n in c.needed)
    assert _plain_types(evaluation.to_dict())
    assert _plain_types(_box8("4", None).to_dict())
    for code in ("origin-rvc-below-threshold", "origin-psr-ambiguous"):
        case = PINNED_GOODS[code]["case"]
        from roo.origin import load_psr

        determination = determine(load_good(case["good"]), load_psr(case["psr"]) if case["psr"] else None)
        assert _plain_types(determination.to_dict())
