"""The dated parameters a determination reads, as in force on the good's date (internal).

``roo.determine(good)`` takes no :class:`roo.Context`; it reads parameters as
in force on ``good.on``, or, when the good carries no date, the latest value
of each (the value of its last entry). Overrides passed to ``determine``
replace the packaged values by name, exactly as ``Context.parameters`` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import final

from .. import params
from ..model.phrase import Phrase
from ..params import ParameterNotInForce, Value


@final
class Parameters:
    """Parameter lookups for one determination."""

    __slots__ = ("on", "overrides")

    def __init__(self, on: date | None, overrides: Mapping[str, object] | None = None) -> None:
        self.on = on
        self.overrides: Mapping[str, object] = overrides or {}

    def value(self, name: str) -> Value:
        """The value of ``name``; raises ``ParameterNotInForce`` or ``UnknownParameter`` as ``params.value`` does."""
        if self.on is not None:
            return params.value(name, self.on, self.overrides)
        latest = params.get(name).values[-1]
        if latest.ends and name not in self.overrides:
            raise ParameterNotInForce(name, latest.effective_from, ended_on=latest.effective_from)
        return params.value(name, latest.effective_from, self.overrides)

    def decimal(self, name: str) -> Decimal:
        """A ``decimal`` parameter."""
        value = self.value(name)
        assert isinstance(value, Decimal), f"parameter {name} is not a decimal"
        return value

    def chapters(self, name: str) -> frozenset[int]:
        """A ``string`` parameter listing HS chapters and inclusive ranges (``"16,19,28-49"``)."""
        value = self.value(name)
        assert isinstance(value, str), f"parameter {name} is not a string"
        return parse_chapters(value)

    @property
    def shown_on(self) -> date | str:
        """The date for messages: the good's date (a date, so a message in a locale writes it as the locale does;
        the English message and the JSON show it as ISO text, as ever), or the phrase ``the latest values``."""
        return self.on if self.on is not None else Phrase("the latest values")


def parse_chapters(text: str) -> frozenset[int]:
    """Chapters from ``"16,19,28-49"``; raises ``ValueError`` on anything else.

    >>> sorted(parse_chapters("18, 21"))
    [18, 21]
    >>> len(parse_chapters("28-49"))
    22
    """
    found: set[int] = set()
    for part in text.split(","):
        piece = part.strip()
        if not piece:
            continue
        low, _, high = piece.partition("-")
        start, end = int(low), int(high or low)
        if not 1 <= start <= end <= 99:
            raise ValueError(f"not a chapter or chapter range: {piece!r}")
        found.update(range(start, end + 1))
    return frozenset(found)
