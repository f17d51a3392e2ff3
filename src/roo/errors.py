"""The exceptions roo raises: only for malformed input, each problem with its JSON path."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final, final

import attrs

#: How many problems an input error lists; the others are only counted (``omitted``). A document with a
#: fault repeated on 100,000 items says so in a hundred lines and a count, not in 100,000 lines.
MAX_PROBLEMS: Final = 100


class RooError(Exception):
    """Base class of every exception roo raises on purpose.

    Every one pickles intact, attributes and message alike, whatever its ``__init__`` takes: a worker
    process can hand it back (``evaluate_many(errors="return")`` in a process pool).
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # ``Exception`` pickles as ``cls(*args)``: ``args`` holds the message, which a subclass's
        # ``__init__`` would read as its own arguments (problems, a file name). Rebuild without ``__init__``.
        return (_rebuild, (type(self), self.args, dict(vars(self))))


def _rebuild(cls: type[RooError], args: tuple[Any, ...], state: dict[str, Any]) -> RooError:
    error = cls.__new__(cls)
    error.args = args
    vars(error).update(state)
    return error


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
    """Input that cannot be read as the expected document; ``problems`` lists the faults found.

    At most :data:`MAX_PROBLEMS` problems are kept, in document order; ``omitted`` counts the others.
    The exception pickles with its problems intact (a worker process can hand it back).
    """

    kind = "input"

    def __init__(self, problems: Iterable[Problem], omitted: int = 0) -> None:
        listed = list(problems)
        kept = listed[:MAX_PROBLEMS]
        self.problems: tuple[Problem, ...] = tuple(kept)
        #: Problems found but not listed in ``problems`` (beyond :data:`MAX_PROBLEMS`).
        self.omitted: int = omitted + len(listed) - len(kept)
        lines = "\n".join(f"  {p}" for p in self.problems)
        count = len(self.problems) + self.omitted
        more = f"\n  ... and {self.omitted} more" if self.omitted else ""
        super().__init__(f"invalid {self.kind} ({count} problem{'s' if count != 1 else ''}):\n{lines}{more}")

    @property
    def reported(self) -> tuple[Problem, ...]:
        """The problems to show a person: those listed, then one line counting those only counted."""
        if not self.omitted:
            return self.problems
        return (*self.problems, Problem("...", f"{self.omitted} more problem{'s' if self.omitted != 1 else ''} not listed"))


class InvalidCertificate(InvalidInput):
    """A certificate (or a case wrapping one) that is not well-formed."""

    kind = "certificate"


class InvalidContext(InvalidCertificate):
    """A context that is not well-formed.

    It subclasses :class:`InvalidCertificate` so that one ``except
    roo.InvalidCertificate`` catches every malformed roo document.
    """

    kind = "context"
