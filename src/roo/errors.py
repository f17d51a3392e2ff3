"""Every exception roo raises on purpose, in one tree.

::

    RooError
    ├── InvalidInput (ValueError)        input that cannot be read; ``problems`` with JSON paths
    │   ├── InvalidCertificate           a certificate
    │   ├── InvalidCase                  a case: a certificate with its context
    │   ├── InvalidContext               a context
    │   │   └── InvalidParameterOverride a parameter override in it
    │   ├── InvalidGood                  a good for origin determination
    │   ├── InvalidPsrTable              a product-specific rule table
    │   ├── InvalidSafeguardTable        a safeguard-measure table
    │   └── InvalidMessage               an e-CO exchange message
    ├── CorrelationTableError (ValueError)  an HS correlation table roo cannot use
    ├── ParameterError (ValueError)         a parameter data file roo cannot use
    ├── ParameterNotInForce (LookupError)   a parameter with no value on the date asked
    └── UnknownParameter (KeyError)         a parameter name no data file defines

The kinds of document are siblings: ``except roo.InvalidCertificate`` catches
a certificate's problems only, ``except roo.InvalidInput`` any document's.
The modules that raise them re-export them under their former homes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
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
    """A certificate that is not well-formed."""

    kind = "certificate"


class InvalidCase(InvalidInput):
    """A case (a certificate with its context) that is not well-formed; paths start ``certificate.``/``context.``."""

    kind = "case"


class InvalidContext(InvalidInput):
    """A context that is not well-formed."""

    kind = "context"


class InvalidParameterOverride(InvalidContext):
    """A value in ``Context.parameters`` that cannot be read as the parameter's declared type.

    It is an :class:`InvalidContext` (and so a ``ValueError``): the
    context is malformed, exactly as a bad date in it would be.
    """


class InvalidGood(InvalidInput):
    """A good (origin determination input) that is not well-formed."""

    kind = "good"


class InvalidPsrTable(InvalidInput):
    """A product-specific rule table that is not well-formed; ``problems`` lists every fault with its path."""

    kind = "product-specific rule table"


class InvalidSafeguardTable(InvalidInput):
    """A safeguard-measure table that is not well-formed; ``problems`` lists every fault with its path."""

    kind = "safeguard-measure table"


class InvalidMessage(InvalidInput):
    """A data-exchange message that is not well-formed."""

    kind = "message"


class CorrelationTableError(RooError, ValueError):
    """A correlation table that roo cannot use; names the source, the line and the fault."""

    def __init__(self, source: str, line: int | None, detail: str) -> None:
        self.source = source
        self.line = line
        self.detail = detail
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {detail}")


class ParameterError(RooError, ValueError):
    """A parameter data file that roo cannot use; names the file, the parameter and the fault.

    Raised while ``roo.params`` is imported (the packaged data is checked then,
    once) and by :func:`roo.params.parse` for data a caller supplies.
    """

    def __init__(self, file: str, parameter: str | None, detail: str) -> None:
        self.file = file
        self.parameter = parameter
        self.detail = detail
        where = f"{file}: parameter {parameter!r}" if parameter else file
        super().__init__(f"{where}: {detail}")


class ParameterNotInForce(RooError, LookupError):
    """A parameter has no value on the date asked: the date is before its first value, or after it ended.

    Rules catch it and report the check as not applicable or not evaluated;
    it never means the certificate is wrong. ``name`` and ``on`` say what was
    asked, ``first_effective`` when the parameter starts and ``ended_on`` when
    it stopped (one of the two is set; neither when an override of ``null``
    switched it off).
    """

    def __init__(self, name: str, on: date, first_effective: date | None = None, ended_on: date | None = None) -> None:
        self.name = name
        self.on = on
        self.first_effective = first_effective
        self.ended_on = ended_on
        if ended_on is not None:
            why = f"it ended on {ended_on.isoformat()}"
        elif first_effective is not None:
            why = f"its first value takes effect on {first_effective.isoformat()}"
        else:
            why = "the context's parameters set it to null"
        super().__init__(f"parameter {name!r} is not in force on {on.isoformat()}: {why}")


class UnknownParameter(RooError, KeyError):
    """A parameter name that no data file defines (a typo in a rule, or an override of nothing)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)

    def __str__(self) -> str:
        return f"unknown parameter {self.name!r}; roo.params.catalogue() lists every parameter"
