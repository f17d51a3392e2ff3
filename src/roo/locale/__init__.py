"""Finding messages in English, Japanese and Indonesian, with amounts and dates formatted for the reader.

Every finding keeps the English template it was made from (its ``FindingSpec``
template, or one of the engine's own) and the facts that filled it in. The
template is the msgid of a gettext catalogue (``roo.pot``; ``ja`` and ``id``
catalogues beside this file, managed with babel), so a finding can be
rendered again in another language::

    ev = roo.evaluate(co, ctx, locale="ja")      # every Finding.message in Japanese
    ev.messages("id")                            # the messages in Indonesian
    finding.render("en")                         # English, formatted for English readers

``Finding.message`` as ``roo.evaluate`` returns it without a ``locale`` is the
canonical English text with plain values (ISO dates, ``200000 JPY``), stable
for logs and tests; rendering for a locale formats the facts with babel (CLDR):

* dates (``datetime.date``) in the long form: ``20 March 2024``,
  ``2024年3月20日``, ``20 Maret 2024``;
* amounts of money as currency: a :class:`roo.Money`, a pair ``(Decimal,
  "JPY")``, or a Decimal fact named ``*amount`` / ``*_value`` beside a fact holding its
  currency (``limit_amount`` + ``limit_currency``, ``x_value`` +
  ``x_currency``, or a plain ``currency``): ``JP¥200,000``, ``￥200,000``,
  ``US$52,000.00``, ``Rp1.500.000,00`` — never rounded (the US dollar is
  always ``US$``, even where CLDR writes a bare ``$``);
* other numbers (``int``, ``Decimal``) with the locale's separators, every
  digit kept; quantities (:class:`roo.Quantity`) as a number and their unit;
* countries (an ISO 3166 code in a fact such as ``party``, ``exporting_party``
  or ``countries``, see :data:`COUNTRY_FACTS`) by the locale's name for them;
* lists as the locale joins them (``PH, MM and TH``; ``PH、MM、TH``);
* a :class:`roo.model.phrase.Phrase` (English words a rule composed around
  data, such as ``"unrecognised '4'"`` or ``"general rule: RVC 40%"``) as its
  template, translated and filled with its own typed facts;
* a fact ``x`` with a fact ``x_template`` beside it (a phrase a rule composed,
  such as ``what``) as that template, translated and filled with the facts;
* ``True``/``False`` as yes/no; a string that is itself a msgid of the
  catalogue (a rule title, a phrase such as ``"aggregate customs value"``) is
  translated; any other string (HS codes, reference numbers, descriptions) is
  shown exactly as given. Rules give amounts, quantities and dates typed: a
  string is never parsed back into an amount.

A locale is ``"en"``, ``"ja"`` or ``"id"``, optionally with a region that
changes only the formatting (``"en_US"``, ``"en-GB"``, ``"id_ID"``). Plain
``"en"`` formats as international English (CLDR ``en_001``: ``20 March 2024``,
``US$``, ``JP¥``), which reads without ambiguity between ASEAN and Japan.

Catalogues are read once, on first use, behind a lock, and kept; rendering
never touches the disk afterwards, and an evaluation without a ``locale``
never loads them at all.
"""

from __future__ import annotations

import functools
import string
import threading
from collections.abc import Mapping, Sequence
from datetime import date, datetime
import decimal
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, final

import attrs

from ..model.money import Money, Quantity
from ..model.phrase import Phrase

if TYPE_CHECKING:
    from babel.core import Locale
    from babel.support import NullTranslations

    from ..evaluation import Evaluation, Finding

__all__ = [
    "DOMAIN",
    "ITEM_PREFIX",
    "NO",
    "SUPPORTED_LOCALES",
    "YES",
    "N_",
    "check_locale",
    "format_fact",
    "gettext",
    "localize",
    "ngettext",
    "render",
    "render_finding",
]

#: The gettext domain of roo's catalogues (``<lang>/LC_MESSAGES/roo.mo``).
DOMAIN: Final = "roo"

#: The languages roo's messages are available in; English is the source language.
SUPPORTED_LOCALES: Final = ("en", "ja", "id")

#: The CLDR locale used for formatting when a locale names only its language.
_FORMATTING: Final[Mapping[str, str]] = {"en": "en_001", "ja": "ja_JP", "id": "id_ID"}


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for extraction into the catalogue without translating it (returns it unchanged)."""
    return message


#: The prefix of a message about one item (msgid; ``{message}`` is the translated text).
ITEM_PREFIX: Final = N_("Item {item}: {message}")
#: How a true and a false fact read in a message.
YES: Final = N_("yes")
NO: Final = N_("no")


def check_locale(locale: str) -> str:
    """``locale`` in canonical form (``"ja"``, ``"en_US"``); raises ``ValueError`` naming the supported ones."""
    return _speaker(locale).tag


def gettext(message: str, locale: str) -> str:
    """``message`` (a msgid) in ``locale``'s language; the message itself when the catalogue lacks it.

    A :class:`~roo.model.phrase.Phrase` (words composed around data, such as the title of an origin criterion)
    is rendered from its template and typed facts.
    """
    return _speaker(locale).phrase(message)


def ngettext(singular: str, plural: str, count: int, locale: str) -> str:
    """The form of ``singular``/``plural`` (a plural msgid) that ``count`` calls for in ``locale``'s language."""
    return _speaker(locale).translations.ngettext(singular, plural, count)


def format_fact(value: Any, locale: str, *, key: str = "", facts: Mapping[str, Any] | None = None) -> str:
    """One fact value as a message shows it in ``locale`` (see the module documentation for the rules).

    ``key`` and ``facts`` let a Decimal ``*amount`` / ``*_value`` fact find its currency beside it.
    """
    return _speaker(locale).display(value, key, facts or {})


def render(template: str, item: int | None, facts: Mapping[str, Any], locale: str) -> str:
    """The message of ``template`` (an English msgid) in ``locale``, filled with ``facts``, item-prefixed.

    A placeholder without a fact stays visible as ``{name}``, as it does in English.
    """
    return _speaker(locale).render(template, item, facts)


def render_finding(finding: Finding, locale: str | None) -> str:
    """``finding``'s message in ``locale`` (``None``: the canonical English ``finding.message``).

    A finding built by hand without a template has nothing to translate: its ``message`` is returned.
    """
    if locale is None:
        return finding.message
    speaker = _speaker(locale)
    if not finding.template:
        return finding.message
    return speaker.render(finding.template, finding.item, finding.facts)


def localize(evaluation: Evaluation, locale: str | None) -> Evaluation:
    """``evaluation`` with every finding's ``message`` and every check's ``title`` in ``locale``.

    Everything else (codes, citations, facts, verdicts) is unchanged; ``None`` returns ``evaluation`` itself.
    """
    if locale is None:
        return evaluation
    speaker = _speaker(locale)
    done: dict[int, Finding] = {}

    def translated(finding: Finding) -> Finding:
        key = id(finding)
        if key not in done:
            message = speaker.render(finding.template, finding.item, finding.facts) if finding.template else None
            done[key] = attrs.evolve(finding, message=message) if message is not None else finding
        return done[key]

    findings = tuple(translated(f) for f in evaluation.findings)
    items = tuple(attrs.evolve(v, findings=tuple(translated(f) for f in v.findings)) for v in evaluation.items)
    checks = tuple(attrs.evolve(c, title=speaker.phrase(c.title)) if c.title else c for c in evaluation.checks)
    return attrs.evolve(evaluation, findings=findings, items=items, checks=checks, locale=speaker.tag)


# --- machinery ------------------------------------------------------------------------------------------

_LOCK: Final = threading.Lock()
_SPEAKERS: dict[str, _Speaker] = {}
#: Entries of ``_SPEAKERS`` past which a new spelling of a locale (``"ja-JP"``, ``" ja"``) is no longer kept, only
#: its canonical tag: spellings are endless (padding alone makes new ones), tags are the few babel knows.
_SPELLINGS_KEPT: Final = 256
_TRANSLATIONS: dict[str, NullTranslations] = {}

#: Facts that hold a country (an ISO 3166 code, or a tuple of codes): a message in a locale names the country
#: as the locale does (``ID`` -> ``Indonesia``, ``インドネシア``); a value that is no code CLDR knows stays as given.
COUNTRY_FACTS: Final = frozenset(
    {
        "country",
        "countries",
        "party",
        "parties",
        "exporting_party",
        "importing_party",
        "original_exporting_party",
        "original_importing_party",
        "stated_exporting_party",
        "origin_party",
        "other_party",
        "good_party",
        "invoicer_country",
        "consignment_countries",
        "certificate_countries",
    }
)


def _speaker(locale: str) -> _Speaker:
    """The renderer for ``locale``, built once (under the lock) and kept."""
    speaker = _SPEAKERS.get(locale) if isinstance(locale, str) else None
    if speaker is not None:
        return speaker
    language, tag = _parse(locale)
    with _LOCK:
        speaker = _SPEAKERS.get(tag)
        if speaker is None:
            speaker = _Speaker.build(language, tag)
            _SPEAKERS[tag] = speaker
        if len(_SPEAKERS) < _SPELLINGS_KEPT:
            _SPEAKERS[locale] = speaker
    return speaker


#: ``template -> (plural, count fact)`` of every finding whose words depend on a count. Each finding spec with
#: a plural form declares it when it is made (:func:`declare_plural`); entries are only ever added, each the
#: same for the same template.
_PLURAL_FORMS: Final[dict[str, tuple[str, str]]] = {}


def declare_plural(template: str, plural: str, count: str) -> None:
    """Record that ``template`` has the plural form ``plural``, chosen by the fact ``count``."""
    _PLURAL_FORMS[template] = (plural, count)


def count_of(value: object) -> int:
    """What a ``count`` fact counts: a number as it is, a tuple or list by its length (anything else: 0)."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, (tuple, list)):
        return len(value)
    return 0


def _parse(locale: object) -> tuple[str, str]:
    """``(language, canonical tag)`` of ``locale``, or ``ValueError`` naming the supported locales."""
    supported = ", ".join(SUPPORTED_LOCALES)
    if not isinstance(locale, str) or not locale.strip():
        raise ValueError(f"locale {locale!r} is not supported; roo's messages are available in: {supported}")
    parts = locale.strip().replace("-", "_").split("_")
    language = parts[0].lower()
    if language not in SUPPORTED_LOCALES:
        raise ValueError(f"locale {locale!r} is not supported; roo's messages are available in: {supported}")
    if len(parts) == 1:
        return language, language
    from babel.core import Locale, UnknownLocaleError

    try:
        parsed = Locale.parse("_".join([language, *parts[1:]]))
    except (ValueError, UnknownLocaleError) as error:
        raise ValueError(
            f"locale {locale!r} is not a locale babel knows; roo's messages are available in: {supported} "
            f"(with an optional region, e.g. 'en_US', 'ja_JP', 'id_ID')"
        ) from error
    return language, str(parsed)


def _translations(language: str) -> NullTranslations:
    """The compiled catalogue of ``language`` (English: none needed, the msgids are English). Caller holds the lock."""
    from importlib import resources  # here, not at import: it costs more to import than roo's engine

    from babel.support import NullTranslations, Translations

    if language == "en":
        return NullTranslations()
    catalogue = resources.files(__name__).joinpath(language, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with catalogue.open("rb") as fp:
            return Translations(fp, domain=DOMAIN)
    except FileNotFoundError as error:  # pragma: no cover - a packaging defect, caught by tests/locale
        raise RuntimeError(f"roo's {language!r} message catalogue is missing from the package") from error


class _Fact:
    """A fact as the formatter sees it: its name and raw value (for format specs and conversions)."""

    __slots__ = ("key", "value")

    def __init__(self, key: str, value: Any) -> None:
        self.key = key
        self.value = value


class _Missing:
    """A placeholder with no fact: shown as ``{name}``, as the English rendering does."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key


@final
class _Formatter(string.Formatter):
    """``str.format`` over facts, each formatted for the locale unless the template gives a format spec."""

    def __init__(self, speaker: _Speaker, facts: Mapping[str, Any]) -> None:
        self.speaker = speaker
        self.facts = facts

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        name = str(key)
        return _Fact(name, self.facts[name]) if name in self.facts else _Missing(name)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if isinstance(value, _Fact) and conversion is not None:
            return _Fact(value.key, super().convert_field(value.value, conversion))
        return value

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Missing):
            return "{" + value.key + (":" + format_spec if format_spec else "") + "}"
        assert isinstance(value, _Fact)
        if format_spec:
            return format(value.value, format_spec)
        return self.speaker.display(value.value, value.key, self.facts)


@final
class _Speaker:
    """Renders messages in one locale: its translations and its CLDR formatting locale."""

    def __init__(self, language: str, tag: str, translations: NullTranslations, formatting: Locale) -> None:
        self.language = language
        self.tag = tag
        self.translations = translations
        self.locale = formatting

    @classmethod
    def build(cls, language: str, tag: str) -> _Speaker:
        """Load the catalogue and the CLDR data once (caller holds the lock), so rendering never reads files."""
        from babel.core import Locale

        translations = _TRANSLATIONS.get(language)
        if translations is None:
            translations = _translations(language)
            _TRANSLATIONS[language] = translations
        formatting = Locale.parse(tag if "_" in tag else _FORMATTING[language])
        speaker = cls(language, tag, translations, formatting)
        # Warm babel's own caches (locale data, currency data) now rather than during an evaluation.
        speaker.display((Decimal("1"), Money(Decimal("1.5"), "JPY"), date(2000, 1, 1), True), "", {})
        return speaker

    def gettext(self, message: str) -> str:
        """``message`` translated; unchanged when it is empty or not in the catalogue."""
        if not message:
            return message
        return self.translations.gettext(message)

    def phrase(self, text: str) -> str:
        """A title or phrase: a :class:`Phrase` rendered from its template and facts, a msgid translated."""
        if isinstance(text, Phrase):
            return _Formatter(self, text.facts).format(self.gettext(text.template))
        return self.gettext(text)

    def translate(self, template: str, facts: Mapping[str, Any]) -> str:
        """``template`` translated; for a template with a plural form, the form its count fact calls for."""
        forms = _PLURAL_FORMS.get(template)
        if forms is None:
            return self.gettext(template)
        plural, count = forms
        return self.translations.ngettext(template, plural, count_of(facts.get(count)))

    def render(self, template: str, item: int | None, facts: Mapping[str, Any]) -> str:
        """``template`` translated and filled with ``facts``, prefixed with the item number when there is one."""
        text = _Formatter(self, facts).format(self.translate(template, facts))
        if item is None:
            return text
        return self.gettext(ITEM_PREFIX).format(item=item, message=text)

    def display(self, value: Any, key: str, facts: Mapping[str, Any]) -> str:
        """One fact value for a message."""
        from babel.dates import format_date, format_datetime
        from babel.lists import format_list

        if value is None:
            return "-"
        if isinstance(value, Phrase):
            # Words composed around data: the reader's language gets the template from the catalogue, filled with
            # the phrase's own typed facts (never the English words).
            return self.phrase(value)
        phrase = facts.get(key + "_template") if key and isinstance(value, str) else None
        if isinstance(phrase, str):
            # A phrase the rule composed in English (``what``) comes with its own msgid and typed facts: the
            # reader's language gets the phrase from the catalogue, never the English words.
            return _Formatter(self, facts).format(self.gettext(phrase))
        if isinstance(value, bool):
            return self.gettext(YES if value else NO)
        if isinstance(value, (int, Decimal, float)):
            currency = _currency_beside(key, facts) if isinstance(value, Decimal) else None
            return self.money(value, currency) if currency else self.number(value)
        if isinstance(value, datetime):
            return format_datetime(value, "medium", locale=self.locale)
        if isinstance(value, date):
            return format_date(value, "long", locale=self.locale)
        if isinstance(value, Money):
            return self.money(value.amount, value.currency)
        if isinstance(value, Quantity):
            return f"{self.number(value.value)} {value.unit}"
        if isinstance(value, str):
            return self.country(value) if key in COUNTRY_FACTS and _is_country_code(value) else self.text(value)
        if isinstance(value, (tuple, list)):
            if len(value) == 2 and isinstance(value[0], Decimal) and _is_currency(value[1]):
                return self.money(value[0], value[1])
            element = key if key in COUNTRY_FACTS else ""
            return format_list([self.display(v, element, facts) for v in value], locale=self.locale)
        return self.text(str(value))

    def text(self, value: str) -> str:
        """A string fact: a msgid (translated), or the text as given. Amounts, quantities and dates come typed
        (``Money``, ``Quantity``, ``date``) from the rules: a string is never parsed back into one."""
        return self.gettext(value) if value.strip() else value

    def country(self, code: str) -> str:
        """The locale's name of the country ``code`` (ISO 3166 alpha-2); the code itself when CLDR has no name."""
        name = self.locale.territories.get(code) if _is_country_code(code) else None
        return str(name) if name else code

    def number(self, value: int | Decimal | float) -> str:
        """A number with the locale's separators and every digit kept."""
        from babel.numbers import format_decimal

        if isinstance(value, Decimal) and not value.is_finite():
            return str(value)
        with _exact_enough(value):
            return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def money(self, amount: int | Decimal | float, currency: str) -> str:
        """An amount in ``currency`` as the locale writes it, never rounded."""
        from babel.numbers import format_currency

        if isinstance(amount, Decimal) and not amount.is_finite():
            return f"{amount} {currency}"
        with _exact_enough(amount):
            text = format_currency(amount, currency, locale=self.locale, decimal_quantization=False)
        if currency == "USD" and "US$" not in text:
            # CLDR's Japanese (and US English) symbol for the US dollar is a bare "$", which on a CO
            # traded between ASEAN and Japan could be read as another dollar; say which one.
            text = text.replace("$", "US$", 1)
        return text


def _is_country_code(value: str) -> bool:
    """Whether ``value`` has the form of an ISO 3166 alpha-2 code (``"ID"``), not a word such as ``"none"``."""
    return len(value) == 2 and value.isascii() and value.isalpha() and value.isupper()


def _is_currency(code: object) -> bool:
    """Whether ``code`` is an ISO 4217 currency code CLDR knows."""
    return isinstance(code, str) and code in _currency_codes()


@functools.cache
def _currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _currency_beside(key: str, facts: Mapping[str, Any]) -> str | None:
    """The currency of a Decimal fact named ``*amount`` or ``*_value``, from a fact beside it."""
    if not key:
        return None
    candidates: list[str] = []
    if key.endswith("amount"):
        candidates.append(key[: -len("amount")] + "currency")
    elif key.endswith("_value"):
        candidates.append(key[: -len("_value")] + "_currency")
    else:
        return None
    candidates += [key + "_currency", "currency"]
    for name in candidates:
        code = facts.get(name)
        if _is_currency(code):
            return str(code)
    return None


def _exact_enough(value: int | Decimal | float) -> AbstractContextManager[decimal.Context]:
    """A decimal context with precision for every digit of ``value``: babel rounds to the context's precision
    while it formats, which fails (InvalidOperation) for a number of more digits than roo's 28 (an item
    number of 10^27, an amount of 30 digits with two decimals)."""
    digits = 28
    if isinstance(value, Decimal):
        sign_digits_exponent = value.as_tuple()
        digits = len(sign_digits_exponent.digits) + abs(int(sign_digits_exponent.exponent))
    elif isinstance(value, int):
        digits = value.bit_length() // 3 + 1
    return decimal.localcontext(prec=max(28, digits + 10))
