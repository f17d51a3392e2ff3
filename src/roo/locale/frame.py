"""The words and formats around the findings of a report: headings, labels, status words, dates, amounts.

A report (text, Markdown, HTML, a notebook view) asks :func:`labels` for the
frame of one locale and writes every word of its own through it::

    words = labels("ja")
    words._("status: {status} ({granted})", status=words.status(ev.status), granted=...)
    words.date(co.issue_date)              # 2024年8月22日
    words.country("PH")                    # フィリピン

Each phrase is an English msgid of roo's catalogue (extracted like a finding
template, translated in ``ja``/``id``). Without a locale (``labels(None)``)
nothing is translated and nothing is formatted for a reader: a phrase is its
msgid filled in with :func:`str.format`, a date is ISO (``2024-08-22``), an
amount prints as :class:`roo.Money` does (``29700.00 USD``), a country as its
code, a status or an outcome as its enum value. So a report without a locale
reads exactly as it always has, and one with a locale reads wholly in that
language, with amounts, dates and countries as babel (CLDR) writes them there.

String facts given to a phrase are data (a reference number, a description):
they are shown as given, never looked up in the catalogue; a
:class:`~roo.model.phrase.Phrase` (words roo composed around data, such as the
title of an origin criterion) is rendered in the locale from its template.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date as Date
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, final

from ..model.money import Money, Quantity
from ..model.phrase import Phrase
from . import ITEM_PREFIX, N_, _speaker, _Speaker

if TYPE_CHECKING:
    from ..evaluation import Finding

__all__ = ["ENUM_WORDS", "Labels", "labels"]

#: How a report names each value of roo's enums (status, preference, severity, outcome, sheet, alteration) for a reader: the
#: msgid of the word. Without a locale a report prints the enum's own value (``partially_accepted``), as ever.
ENUM_WORDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        # Status of the certificate.
        "accepted": N_("accepted"),
        "partially_accepted": N_("partially accepted"),
        "rejected": N_("rejected"),
        "not_required": N_("not required"),
        # Preference of an item.
        "granted": N_("granted"),
        "denied": N_("denied"),
        # Severity of a finding.
        "error": N_("error"),
        "warning": N_("warning"),
        "info": N_("info"),
        # Outcome of a check.
        "passed": N_("passed"),
        "failed": N_("failed"),
        "not_applicable": N_("not applicable"),
        "not_evaluated": N_("not evaluated"),
        # The sheet of a paper certificate.
        "original": N_("original"),
        "duplicate": N_("duplicate"),
        "triplicate": N_("triplicate"),
        # How a box of the form was altered.
        "strike_out": N_("struck out"),
        "erasure": N_("erasure"),
        "superimposition": N_("superimposition"),
    }
)

# TRANSLATORS: the separator between the parts of a tally ("29 passed, 1 failed"); Japanese "、".
SEPARATOR: Final = N_(", ")


@final
class Labels:
    """The frame of a report in one locale, or in plain English when the locale is ``None`` (see the module)."""

    __slots__ = ("locale", "_speaker")

    def __init__(self, locale: str | None) -> None:
        self._speaker: _Speaker | None = None if locale is None else _speaker(locale)
        #: The canonical locale tag (``"ja"``, ``"en_US"``), or ``None`` for the plain English frame.
        self.locale: str | None = None if self._speaker is None else self._speaker.tag

    @property
    def lang(self) -> str:
        """The BCP 47 language tag for an HTML ``lang`` attribute: ``"en"`` without a locale, else ``"ja"``, ``"en-US"``."""
        return "en" if self.locale is None else self.locale.replace("_", "-")

    def _(self, message: str, /, **facts: object) -> str:
        """``message`` (an English msgid) in this locale, filled with ``facts`` formatted for it."""
        if self._speaker is None:
            return message.format(**facts) if facts else message
        return self._fill(self._speaker.gettext(message), facts)

    def ngettext(self, singular: str, plural: str, count: int, /, **facts: object) -> str:
        """The form of ``singular``/``plural`` that ``count`` calls for in this language, filled with ``facts``.

        ``count`` is also a fact (``{count}``) unless ``facts`` gives one by that name.
        """
        values = {"count": count, **facts}
        if self._speaker is None:
            return (singular if count == 1 else plural).format(**values)
        return self._fill(self._speaker.translations.ngettext(singular, plural, count), values)

    def _fill(self, template: str, facts: Mapping[str, object]) -> str:
        speaker = self._speaker
        assert speaker is not None
        shown = {
            key: value if isinstance(value, str) and not isinstance(value, Phrase) else speaker.display(value, key, facts)
            for key, value in facts.items()
        }
        return template.format(**shown)

    def join(self, parts: Iterable[str]) -> str:
        """Parts of a tally joined: with ``", "`` in English, as the language separates such parts otherwise."""
        separator = ", " if self._speaker is None else self._speaker.gettext(SEPARATOR)
        return separator.join(parts)

    # Values.

    def text(self, value: str) -> str:
        """A string of roo's own: a :class:`~roo.model.phrase.Phrase` (a criterion's title, the description of a
        missing fact) in this language; any other string (a data path, a code) as given. Without a locale, as given."""
        if self._speaker is None or not isinstance(value, Phrase):
            return value
        return self._speaker.phrase(value)

    def texts(self, values: Iterable[str]) -> str:
        """Strings of roo's own (:meth:`text`) joined with ``", "``, as a list of facts needed reads."""
        return ", ".join(self.text(value) for value in values)

    def word(self, value: str) -> str:
        """An enum value (a status, preference, severity or outcome) as a reader's word; without a locale, the value."""
        if self._speaker is None:
            return str(value)
        key = value.value if isinstance(value, enum.Enum) else value
        return self._speaker.gettext(ENUM_WORDS.get(str(key), str(key)))

    def date(self, value: Date) -> str:
        """A date: ISO without a locale, else the locale's long form."""
        return value.isoformat() if self._speaker is None else self._speaker.display(value, "", {})

    def money(self, value: Money) -> str:
        """An amount: ``29700.00 USD`` without a locale, else as the locale writes the currency (never rounded)."""
        return str(value) if self._speaker is None else self._speaker.money(value.amount, value.currency)

    def quantity(self, value: Quantity) -> str:
        """A quantity: ``1200 NO`` without a locale, else the number with the locale's separators and the unit."""
        return str(value) if self._speaker is None else f"{self._speaker.number(value.value)} {value.unit}"

    def number(self, value: int | Decimal) -> str:
        """A number: as Python prints it without a locale, else with the locale's separators, every digit kept."""
        return str(value) if self._speaker is None else self._speaker.number(value)

    def country(self, code: str) -> str:
        """A country (ISO 3166 code): the code without a locale, else the locale's name for it (the code if none)."""
        if self._speaker is None or not code:
            return code
        return self._speaker.country(code)

    def countries(self, codes: tuple[str, ...]) -> str:
        """Countries joined: ``"TH, MY"`` without a locale, else names joined as the locale joins a list."""
        if self._speaker is None:
            return ", ".join(codes)
        return self._speaker.display(tuple(self._speaker.country(code) for code in codes), "", {})

    def message(self, finding: Finding) -> str:
        """``finding``'s message without its ``Item n:`` prefix, for a line already under its item.

        Without a locale, the finding's message with the English prefix taken off; with one, the finding's
        template rendered again without the item (a finding without a template keeps its own message).
        """
        if self._speaker is not None and finding.template:
            return self._speaker.render(finding.template, None, finding.facts)
        message = finding.message
        if finding.item is not None:
            prefix = ITEM_PREFIX.format(item=finding.item, message="")
            if message.startswith(prefix):
                return message[len(prefix) :]
        return message


def labels(locale: str | None) -> Labels:
    """The frame of a report in ``locale`` (``"en"``, ``"ja"``, ``"id"``, with an optional region), or ``None``
    for the plain English frame (ISO dates, raw amounts and codes, as roo's reports print without a locale).

    Raises ``ValueError`` naming the supported locales for any other locale.
    """
    return Labels(locale)
