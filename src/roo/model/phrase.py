"""A phrase composed around data: English text that carries the template and typed facts it was filled from.

Some facts and some titles are words a rule (or roo's reading of box 8, or the
origin determination) composes with data inside them: ``"unrecognised '4'"``,
``"general rule: RVC 40%"``, ``"certificate.items[1].hs_code (a six-digit
subheading)"``. As plain strings they could only ever be shown in English. A
:class:`Phrase` *is* that English string, so a finding's canonical message,
its ``to_dict()`` and its JSON read exactly as before, and it also keeps the
template it was made from (a msgid of roo's catalogues) and the typed facts
(dates stay ``date``, lists stay tuples), so :mod:`roo.locale` renders it in
the reader's language with the facts formatted for that locale.

A phrase is extracted into the catalogues wherever it is made
(``Phrase("general rule: {criterion}", {"criterion": "CTH"})``: the first
argument is the msgid).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, final

_EMPTY: Final[Mapping[str, Any]] = MappingProxyType({})


@final
class Phrase(str):
    """English text (the string itself) with the ``template`` and ``facts`` a translation is made from.

    ``text`` gives the English words when they are not exactly ``template`` filled with ``facts`` the way a
    message fills them (tuples joined with ``", "``, ``None`` as ``-``): a phrase keeps the English it always had.
    Equality and hashing are those of the string.
    """

    __slots__ = ("facts", "template")

    template: str
    facts: Mapping[str, Any]

    def __new__(cls, template: str, facts: Mapping[str, Any] = _EMPTY, text: str | None = None) -> Phrase:
        frozen = MappingProxyType(dict(facts)) if facts else _EMPTY
        english = text if text is not None else fill(template, frozen)
        phrase = super().__new__(cls, english)
        object.__setattr__(phrase, "template", template)
        object.__setattr__(phrase, "facts", frozen)
        return phrase

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Phrase is immutable; cannot set {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Phrase, (self.template, dict(self.facts), str(self)))

    def __repr__(self) -> str:
        return f"Phrase({str(self)!r}, template={self.template!r})"


class _Shown(dict[str, object]):
    """Facts as English messages show them; a placeholder without a fact stays visible."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, facts: Mapping[str, Any]) -> str:
    """``template`` filled with ``facts`` as a canonical English message is (tuples as comma lists, None as "-")."""
    shown = _Shown()
    for key, value in facts.items():
        if value is None:
            shown[key] = "-"
        elif isinstance(value, tuple):
            shown[key] = ", ".join([str(v) for v in value])
        else:
            shown[key] = value
    return template.format_map(shown)
