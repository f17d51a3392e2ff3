"""How roo's cost grows with each input size: time against size (10, 10², 10³, 10⁴, 10⁵) for every path.

roo promises cost linear in every input size (issue 16): the number of items,
declaration lines and related certificates, the length of a description and
of a product-rule text, and the length of a report. A quadratic path hides at
the sizes the other benchmarks time (2 to 500 items) and shows at 10⁴ or 10⁵,
where one report took over a minute against seconds for the evaluation.

Each :class:`GrowthPath` builds its input for a size outside the timing and
hands back the call to time. This script times each call at every size and
prints, per path, the time and the ratio to the size before: a linear path
gives a ratio near 10 per step, a quadratic one near 100.
``tests/test_growth.py`` asserts the same ratio on small sizes (x10 input at
most x15 time), so a quadratic path fails a test, not only a benchmark.

Run (a full run up to 10⁵ takes minutes; ``--max`` caps the size)::

    python benchmarks/growth.py                    # every path, sizes 10 .. 10^4
    python benchmarks/growth.py --max 100000       # up to 10^5 (slow paths stop after their budget)
    python benchmarks/growth.py report-html items-evaluate

Times are the thread's CPU time (``time.thread_time``), so other processes on
the machine do not count; the garbage collector stays on, as in real use.
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import math
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final

import attrs

try:
    from benchmarks.documents import ON, certificate
except ModuleNotFoundError:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.documents import ON, certificate

import roo
from roo.cli.evaluate import LineEvaluator, evaluate_stream, render, render_markdown
from roo.context import Declaration, DeclarationItem
from roo.model.certificate import CertificateReference
from roo.origin.psr import parse_rule
from roo.report import html_report

#: The sizes the benchmark times.
SIZES: Final = (10, 100, 1_000, 10_000, 100_000)

#: A timed call: builds nothing, only does the work whose cost is measured.
Call = Callable[[], object]


@attrs.frozen
class GrowthPath:
    """One input size roo's cost must grow linearly with.

    ``build(n)`` makes the input of size ``n`` and returns the call to time.
    ``test_sizes`` are the two sizes (the second ten times the first) the test
    compares: large enough that the size, not the fixed cost, dominates, and
    small enough to run in a fraction of a second. ``pending`` names the issue
    part that makes the path linear while it is not yet on main; the test
    expects such a path to fail (strictly), so it turns green when the fix lands.
    """

    name: str
    grows: str
    build: Callable[[int], Call]
    test_sizes: tuple[int, int]
    pending: str | None = None


# --- inputs -----------------------------------------------------------------------------------------------


def _certificate(size: int) -> roo.Certificate:
    return roo.load(certificate(size))


def _evaluated(size: int) -> tuple[roo.Certificate, roo.Evaluation]:
    co = _certificate(size)
    return co, roo.evaluate(co, roo.Context(on=ON))


def _words(count: int, salt: str) -> str:
    """``count`` distinct words of at least four letters, different for each ``salt`` but alike letter by letter.

    Alike enough that no word of one text is in the other and every pair is a candidate typing slip, the
    case that makes a word-by-word comparison costly.
    """
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = []
    for index in range(count):
        stem = "".join(letters[(index // 26**k) % 26] for k in range(4))
        words.append(f"{stem}{salt}")
    return " ".join(words)


def _declared(co: roo.Certificate, description: str | None = None) -> Declaration:
    """An import declaration with one line per CO item, repeating its code, description and quantity."""
    return Declaration(
        items=tuple(
            DeclarationItem(
                certificate_item=item.number,
                hs_code=item.hs_code,
                description=description if description is not None else item.description,
                quantity=item.quantity,
            )
            for item in co.items
        )
    )


# --- paths ------------------------------------------------------------------------------------------------


def items_evaluate(size: int) -> Call:
    """``roo.evaluate`` of a clean CO with ``size`` items."""
    co = _certificate(size)
    ctx = roo.Context(on=ON)
    return lambda: roo.evaluate(co, ctx)


def items_loads(size: int) -> Call:
    """``roo.loads`` of the JSON text of a CO with ``size`` items."""
    text = json.dumps(certificate(size))
    return lambda: roo.loads(text)


def items_json(size: int) -> Call:
    """An evaluation of ``size`` items to JSON text (``to_dict`` then ``json.dumps``), as ``--format json`` writes."""
    _, evaluation = _evaluated(size)
    return lambda: json.dumps(evaluation.to_dict(), ensure_ascii=False)


def report_html(size: int) -> Call:
    """The HTML report (``--format html``) of a CO with ``size`` items."""
    co, evaluation = _evaluated(size)
    return lambda: html_report(co, evaluation)


def report_text(size: int) -> Call:
    """The text report (the default format), with the trace, of a CO with ``size`` items."""
    co, evaluation = _evaluated(size)
    return lambda: render(evaluation, co, trace=True)


def report_markdown(size: int) -> Call:
    """The Markdown report (``--format markdown``), with the trace, of a CO with ``size`` items."""
    co, evaluation = _evaluated(size)
    return lambda: render_markdown(evaluation, co, trace=True)


def report_notebook(size: int) -> Call:
    """The notebook view (``Evaluation._repr_html_``) of an evaluation of ``size`` items."""
    _, evaluation = _evaluated(size)
    return evaluation._repr_html_


def jsonl_lines(size: int) -> Call:
    """``roo evaluate --jsonl`` on ``size`` lines (one job), each a CO of two items, every result consumed."""
    line = json.dumps(certificate(2)).encode()
    lines = [(number, line) for number in range(1, size + 1)]
    evaluator = LineEvaluator(on=ON)
    return lambda: collections.deque(evaluate_stream(lines, evaluator), maxlen=0)


def batch_certificates(size: int) -> Call:
    """``roo.evaluate_many`` over ``size`` COs of two items, every evaluation consumed."""
    co = _certificate(2)
    certificates = [co] * size
    return lambda: collections.deque(roo.evaluate_many(certificates, on=ON), maxlen=0)


def declaration_lines(size: int) -> Call:
    """``roo.evaluate`` of a CO of ``size`` items presented with a declaration of ``size`` lines, one per item."""
    co = _certificate(size)
    ctx = roo.Context(on=ON, declaration=_declared(co))
    return lambda: roo.evaluate(co, ctx)


def related_certificates(size: int) -> Call:
    """A back-to-back CO of ten items whose context holds ``size`` related COs, its original among them.

    The others are back-to-back COs drawn from the same original, whose quantities IR 9 adds up.
    """
    original = _certificate(10)
    reference = CertificateReference(
        reference_number=original.reference_number,
        issue_date=original.issue_date,
        exporting_party=original.exporting_party,
    )

    def back_to_back(number: int, items: int) -> roo.Certificate:
        co = _certificate(items)
        return attrs.evolve(
            co,
            reference_number=f"SG/2024/B2B/{number:06d}",
            exporting_party="SG",
            back_to_back=True,
            original_certificate=reference,
            items=tuple(attrs.evolve(item, original_item=item.number) for item in co.items),
        )

    co = back_to_back(0, 10)
    others = tuple(back_to_back(number, 1) for number in range(1, size))
    ctx = roo.Context(on=ON, related_certificates=(*others, original))
    return lambda: roo.evaluate(co, ctx)


def back_to_back_items(size: int) -> Call:
    """A back-to-back CO of ``size`` items that do not name their original item, with its original of ``size``."""
    original = _certificate(size)
    reference = CertificateReference(
        reference_number=original.reference_number,
        issue_date=original.issue_date,
        exporting_party=original.exporting_party,
    )
    co = attrs.evolve(
        _certificate(size),
        reference_number="SG/2024/B2B/000001",
        exporting_party="SG",
        back_to_back=True,
        original_certificate=reference,
    )
    ctx = roo.Context(on=ON, related_certificates=(original,))
    return lambda: roo.evaluate(co, ctx)


def description_length(size: int) -> Call:
    """``roo.evaluate`` of a one-item CO whose description and declared description are ``size`` words each."""
    co = _certificate(1)
    item = attrs.evolve(co.items[0], description=_words(size, "q"))
    co = attrs.evolve(co, items=(item,))
    ctx = roo.Context(on=ON, declaration=_declared(co, _words(size, "z")))
    return lambda: roo.evaluate(co, ctx)


def product_rule_text(size: int) -> Call:
    """Parsing a product-specific rule ``SP: a`` + ``size`` spaces + ``b`` (a row of a PSR table)."""
    text = "SP: a" + " " * size + "b"

    def parse() -> object:
        try:
            return parse_rule(text)
        except ValueError:  # a rule the parser refuses is as good an answer, if given in linear time
            return None

    return parse


#: Every path, in the order the benchmark prints them.
PATHS: Final = (
    GrowthPath("items-evaluate", "items", items_evaluate, (100, 1_000)),
    GrowthPath("items-loads", "items", items_loads, (50, 500)),
    GrowthPath("items-json", "items", items_json, (100, 1_000)),
    GrowthPath("report-html", "items", report_html, (100, 1_000)),
    GrowthPath("report-text", "items", report_text, (100, 1_000)),
    GrowthPath("report-markdown", "items", report_markdown, (100, 1_000)),
    GrowthPath("report-notebook", "items", report_notebook, (100, 1_000)),
    GrowthPath("jsonl-lines", "lines", jsonl_lines, (20, 200)),
    GrowthPath("batch-certificates", "certificates", batch_certificates, (20, 200)),
    GrowthPath("declaration-lines", "declaration lines", declaration_lines, (100, 1_000)),
    GrowthPath("related-certificates", "related certificates", related_certificates, (20, 200)),
    GrowthPath("back-to-back-items", "items", back_to_back_items, (30, 300)),
    GrowthPath("description-length", "words", description_length, (30, 300)),
    GrowthPath("product-rule-text", "characters", product_rule_text, (300, 3_000)),
)
PATH_BY_NAME: Final = {path.name: path for path in PATHS}


# --- timing -----------------------------------------------------------------------------------------------


def cpu_time(call: Call, loops: int = 1) -> float:
    """The thread CPU time of ``loops`` calls of ``call``, in seconds (garbage collection stays on and counts)."""
    start = time.thread_time()
    for _ in range(loops):
        call()
    return time.thread_time() - start


#: x10 input may cost at most this many times the time: linear with room for noise and fixed costs (quadratic is x100).
MAX_RATIO: Final = 15.0
#: The least thread CPU time, in seconds, one timing of the small size should take.
MIN_TIMED: Final = 0.002


@attrs.frozen
class Growth:
    """The best thread CPU time at a small and at a ten times larger input, and their ratio."""

    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / max(self.small, 1e-9)


def measure_growth(small_call: Call, large_call: Call, *, rounds: int = 5) -> Growth:
    """The best of ``rounds`` interleaved timings of each call (small, large, small, large, ...).

    The best time is the one least disturbed by the machine: other work only ever adds time, so the minimum
    is the stable estimate (as ``timeit`` advises), and interleaving lets a slow spell hit both sizes alike.
    """
    small_call(), large_call()  # warm caches (parameter lookups, compiled patterns) before timing
    # Both sizes run the same number of calls, enough for the small one to take a few milliseconds, so that
    # the clock's resolution and the call overhead do not decide the ratio.
    loops = max(1, math.ceil(MIN_TIMED / max(cpu_time(small_call), 1e-7)))
    gc.collect()  # the garbage of building the inputs is not billed to the first timing
    # The collector stays on, but what the process held before (a test runner's whole heap, in the suite) is
    # frozen out of its scans: otherwise each full collection that the larger size triggers costs in
    # proportion to that unrelated heap, and the ratio measures the host process, not roo.
    gc.freeze()
    try:
        small_times, large_times = [], []
        for _ in range(rounds):
            small_times.append(cpu_time(small_call, loops))
            large_times.append(cpu_time(large_call, loops))
    finally:
        gc.unfreeze()
    return Growth(min(small_times) / loops, min(large_times) / loops)


def linear_growth(small_call: Call, large_call: Call, *, bound: float = MAX_RATIO, attempts: int = 5) -> Growth:
    """The growth from the best time of each size over up to ``attempts`` measurements, stopping once within ``bound``.

    Other work on the machine only ever adds time, and it may slow the larger size more than the smaller (the
    larger input leaves the processor's caches, which other processes share). So each size keeps its best time
    over every measurement so far: a quiet moment for the small size and one for the large need not fall in the
    same measurement. A linear path settles within the bound; a quadratic one (x100) stays far above it however
    often it is measured, so the bound need not widen.
    """
    small = large = math.inf
    for _ in range(attempts):
        growth = measure_growth(small_call, large_call)
        small, large = min(small, growth.small), min(large, growth.large)
        if large / max(small, 1e-9) <= bound:
            break
    return Growth(small, large)


def path_growth(path: GrowthPath) -> Growth:
    """The growth of ``path`` between its two test sizes."""
    small, large = path.test_sizes
    return linear_growth(path.build(small), path.build(large))


def _series(path: GrowthPath, sizes: Sequence[int], budget: float) -> Iterator[tuple[int, float]]:
    """(size, best of three times) for each size, stopping once one size took longer than ``budget`` seconds."""
    for size in sizes:
        call = path.build(size)
        call()
        gc.collect()
        best = min(cpu_time(call) for _ in range(3 if size <= 10_000 else 1))
        yield size, best
        if best > budget:
            return


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", help=f"paths to time (default: all): {', '.join(PATH_BY_NAME)}")
    parser.add_argument("--max", type=int, default=10_000, help="largest size timed (default: 10^4)")
    parser.add_argument("--budget", type=float, default=20.0, help="stop a path after a size took this many s")
    args = parser.parse_args(argv)
    unknown = [name for name in args.paths if name not in PATH_BY_NAME]
    if unknown:
        parser.error(f"no path {', '.join(unknown)}; the paths are {', '.join(PATH_BY_NAME)}")
    chosen = [PATH_BY_NAME[name] for name in args.paths] or list(PATHS)
    sizes = [size for size in SIZES if size <= args.max]
    print(f"{'path':<22} {'grows with':<21} " + " ".join(f"{size:>16,}" for size in sizes))
    for path in chosen:
        cells = []
        previous: float | None = None
        for _, seconds in _series(path, sizes, args.budget):
            ratio = f"x{seconds / previous:.0f}" if previous else ""
            cells.append(f"{seconds * 1000:>10.1f}ms{ratio:>5}")
            previous = max(seconds, 1e-6)
        note = "  (pending: " + path.pending + ")" if path.pending else ""
        print(f"{path.name:<22} {path.grows:<21} " + " ".join(cells) + note, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

