"""The exceptions roo raises: only for malformed input, each problem with its JSON path."""

from __future__ import annotations

from typing import Any, final

import attrs


class RooError(Exception):
    """Base class of every exception roo raises on purpose."""


@final
@attrs.frozen
class Problem:
    """One thing wrong with the input: where (``items[1].invoice.date``), what, and the offending value."""

    path: str
    message: str
    value: Any = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InvalidInput(RooError, ValueError):
    """Input that cannot be read as the expected document; ``problems`` lists every fault found."""

    kind = "input"

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        count = len(self.problems)
        super().__init__(f"invalid {self.kind} ({count} problem{'s' if count != 1 else ''}):\n{lines}")


class InvalidCertificate(InvalidInput):
    """A certificate (or a case wrapping one) that is not well-formed."""

    kind = "certificate"


class InvalidContext(InvalidCertificate):
    """A context that is not well-formed.

    It subclasses :class:`InvalidCertificate` so that one ``except
    roo.InvalidCertificate`` catches every malformed roo document.
    """

    kind = "context"
