"""Evaluating a stream of JSON Lines for ``roo evaluate --stream``: one result per line, in order, in worker processes when asked."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Final, TextIO, TypeVar, final

import attrs

from .._json import DEFAULT_LIMITS, JsonTextError, Limits, decode
from ..api import evaluate
from ..batch import error_dict, json_line
from ..case import CaseError, read_case_text
from ..case import read_case_data as load_case
from ..context import Context
from ..errors import Problem
from ..evaluation import Status
from ..hs.correlation import CorrelationTable
from ..safeguard import SafeguardTable
from ._common import (
    INVALID,
    NOT_ACCEPTED,
    OK,
    UNVERIFIED,
    terminal_text,
    with_options,
)

#: The statuses that exit 0.
ACCEPTING: Final = frozenset({Status.ACCEPTED, Status.NOT_REQUIRED})
#: Lines sent to a worker process at a time with ``--jobs``.
CHUNKSIZE: Final = 32
#: Chunks in flight per worker process: enough to keep every worker busy, few enough to bound memory.
CHUNKS_IN_FLIGHT: Final = 4
#: Inputs that could not be read named in a batch's summary; the others are counted.
NAMED_UNREADABLE: Final = 20
#: Seconds between two redraws of the progress line.
PROGRESS_INTERVAL: Final = 0.1


# --- streams ----------------------------------------------------------------------------------------------


@final
@attrs.frozen
class LineResult:
    """What one line of a stream gave: its number, its status (``None``: it could not be read) and JSON text."""

    line: int
    status: Status | None
    json: str
    complete: bool = True

    @property
    def malformed(self) -> bool:
        """Whether the line could not be read as a certificate or case."""
        return self.status is None


@final
@attrs.frozen
class LineEvaluator:
    """Evaluates one numbered line of a stream; picklable, so worker processes can run it.

    ``context`` (from ``--context``) replaces each case's own context, as it
    does for a single file; ``on`` and ``locale`` apply to every line.
    """

    context: Context | None = None
    on: date | None = None
    locale: str | None = None
    hs_correlation: CorrelationTable | None = None
    safeguard_measures: SafeguardTable | None = None
    limits: Limits = DEFAULT_LIMITS

    def __call__(self, numbered: tuple[int, bytes | str]) -> LineResult:
        """The result of line ``numbered = (number, text)``; never raises for bad input."""
        number, raw = numbered
        if len(raw) > self.limits.max_line:
            problem = Problem("$", f"a line of more than {self.limits.max_line} bytes: the limit")
            return self.error(number, "too large", [problem])
        try:
            text = raw if isinstance(raw, str) else raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            problem = Problem("$", f"not UTF-8 text ({error.reason} at byte {error.start})")
            return self.error(number, "unreadable", [problem])
        use_context = self.context is None
        try:
            co, case_ctx = read_case_text(text, use_context=use_context, limits=self.limits) or load_case(
                decode(text, lines=False, limits=self.limits), use_context=use_context
            )
        except JsonTextError as error:
            return self.error(number, error.what, [error.problem])
        except CaseError as error:
            return self.error(number, error.what, error.problems)
        ctx = with_options(
            self.context or case_ctx or Context(),
            on=self.on,
            hs_correlation=self.hs_correlation,
            safeguard_measures=self.safeguard_measures,
        )
        evaluation = evaluate(co, ctx, locale=self.locale)
        document = json_line({"line": number, **evaluation.to_dict()})
        return LineResult(number, evaluation.status, document, evaluation.complete)

    @staticmethod
    def error(number: int, what: str, problems: Iterable[Problem]) -> LineResult:
        """The result of a line that cannot be read: what is wrong, and every problem with its JSON path."""
        return LineResult(number, None, json_line({"line": number, "error": error_dict(what, problems)}))


def numbered_lines(stream: Iterable[bytes], max_line: int = DEFAULT_LIMITS.max_line) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of ``stream``, each with its line number (counting from 1), read one at a time.

    A line longer than ``max_line`` bytes is never held whole: its first ``max_line + 1`` bytes stand for it
    (the evaluator refuses them as too large) and the rest is read past in small pieces.
    """
    readline = getattr(stream, "readline", None)
    if readline is None:  # any iterable of lines (a list in a test)
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield number, line[: max_line + 1]
        return
    number = 0
    while line := readline(max_line + 1):
        number += 1
        if len(line) > max_line and not line.endswith(b"\n"):
            while (rest := readline(1 << 16)) and not rest.endswith(b"\n"):
                pass
        if line.strip():
            yield number, line


_T = TypeVar("_T")


def _bounded(source: Iterable[_T], slots: threading.Semaphore, stop: threading.Event) -> Iterator[_T]:
    """``source``, taking a slot for every value it hands out; stops early once ``stop`` is set."""
    for value in source:
        while not slots.acquire(timeout=0.05):
            if stop.is_set():
                return
        if stop.is_set():
            return
        yield value


def evaluate_stream(
    lines: Iterable[tuple[int, bytes | str]],
    evaluator: Callable[[tuple[int, bytes | str]], LineResult],
    *,
    jobs: int = 1,
    chunksize: int = CHUNKSIZE,
) -> Iterator[LineResult]:
    """Evaluate numbered ``lines`` lazily, in order, with ``jobs`` processes; one :class:`LineResult` per line.

    With one job, each line is read only when its result is asked for.
    With several, ``multiprocessing.Pool.imap`` spreads chunks of
    ``chunksize`` lines over the workers and gives the results back in input
    order; at most ``jobs * chunksize * CHUNKS_IN_FLIGHT`` lines are read
    ahead of the result being asked for, so memory stays bounded however
    long the stream.
    """
    if jobs <= 1:
        yield from map(evaluator, lines)
        return
    slots = threading.Semaphore(jobs * chunksize * CHUNKS_IN_FLIGHT)
    stop = threading.Event()
    with multiprocessing.Pool(jobs) as pool:
        try:
            for result in pool.imap(evaluator, _bounded(lines, slots, stop), chunksize):
                slots.release()
                yield result
            # The whole stream is read: the workers finish and exit on their own. Leaving the block terminates
            # (SIGTERM) only the workers of a stream abandoned part way, which may be busy.
            pool.close()
            pool.join()
        finally:
            stop.set()


@final
class Tally:
    """What a batch or a stream gave so far: the count of each status, and which inputs could not be read.

    Only the first :data:`NAMED_UNREADABLE` unreadable inputs are named, so that a long stream is summed up
    in constant memory.
    """

    def __init__(self) -> None:
        self.counts: dict[Status | None, int] = {}
        self.total = 0
        self.unreadable: list[str] = []
        self.incomplete = 0
        self.declined = False

    def add(self, status: Status | None, label: str, *, complete: bool = True) -> None:
        """Count one input: its ``status`` (None: it could not be read), named ``label`` (a file, ``line 3``)."""
        self.total += 1
        self.counts[status] = self.counts.get(status, 0) + 1
        if status is None:
            if len(self.unreadable) < NAMED_UNREADABLE:
                self.unreadable.append(label)
            return
        self.incomplete += not complete
        self.declined = self.declined or status not in ACCEPTING

    def line(self) -> str:
        """``1234 certificates: 1100 accepted, 56 rejected, ...`` (only the kinds seen)."""
        kinds = [(status.value.replace("_", " "), self.counts.get(status, 0)) for status in Status]
        kinds.append(("malformed", self.counts.get(None, 0)))
        seen = ", ".join(f"{n} {word}" for word, n in kinds if n)
        return f"{self.total} certificate{'s' if self.total != 1 else ''}" + (f": {seen}" if seen else "")

    def summary(self) -> str:
        """:meth:`line`, how many evaluations are not complete, and the inputs that could not be read:
        ``5 certificates: 2 accepted, 1 rejected, 2 malformed; 1 not complete; not read: line 2, line 4``.
        """
        parts = [self.line()]
        if self.incomplete:
            parts.append(f"{self.incomplete} not complete (a grant rests on a check not made)")
        malformed = self.counts.get(None, 0)
        if malformed:
            more = malformed - len(self.unreadable)
            parts.append("not read: " + ", ".join(self.unreadable) + (f" and {more} more" if more else ""))
        return "; ".join(parts)

    def summarize(self, out: TextIO) -> None:
        """Write ``roo: `` and the :meth:`summary` as one line on ``out`` (standard error)."""
        out.write(terminal_text(f"roo: {self.summary()}") + "\n")
        out.flush()

    def exit_code(self) -> int:
        """2 if any input could not be read, else 4 if any is not complete, 1 if any is declined, else 0."""
        if self.counts.get(None):
            return INVALID
        return UNVERIFIED if self.incomplete else NOT_ACCEPTED if self.declined else OK


@final
class Progress:
    """A one-line view of a stream's :class:`Tally`, redrawn on ``out`` at most every PROGRESS_INTERVAL s."""

    def __init__(self, out: TextIO, tally: Tally, clock: Callable[[], float] = time.monotonic) -> None:
        self.out = out
        self.tally = tally
        self.clock = clock
        self.drawn = -PROGRESS_INTERVAL

    def update(self) -> None:
        """Redraw the line if it is time to."""
        now = self.clock()
        if now - self.drawn >= PROGRESS_INTERVAL:
            self.drawn = now
            self.draw()

    def draw(self) -> None:
        """Rewrite the progress line in place."""
        self.out.write("\r" + self.tally.line() + "\x1b[K")
        self.out.flush()

    def finish(self) -> None:
        """Erase the progress line: the summary takes its place."""
        self.out.write("\r\x1b[K")
        self.out.flush()


