"""Print roo / pydantic ratios for the benchmark documents, every figure measured in this one process.

    python benchmarks/ratios.py                 # 1, 2, 10, 50, 500 and 5,000 items, and the import time
    python benchmarks/ratios.py --quick         # fewer, shorter rounds (a smoke test)
    python benchmarks/ratios.py --markdown      # a table for docs/performance.md
    python benchmarks/ratios.py --sizes 2 50    # only these sizes
    python benchmarks/ratios.py --sizes 50 500 --check 2.0   # exit 1 if a JSON text -> Evaluation ratio is above 2.0

How it measures, so that a busy machine moves the ratios as little as possible:

- the time is the CPU time of this thread (``time.thread_time``), not the
  wall clock: time spent waiting for a core does not count;
- every stage of every size is timed in rounds; within a round the stages run
  in a shuffled order, one block of calls each, so that a slow moment hits
  roo and pydantic alike;
- a ratio is the median, over the rounds, of the ratio of roo's block to
  pydantic's block in the same round (and a time is the median of its
  blocks);
- the garbage collector stays on, as in a real program (its cost is part of
  both sides);
- ``import roo`` and ``import pydantic`` are timed in fresh interpreters, as
  CPU time from compiled bytecode, in interleaved rounds, and compared as
  the median of per-round ratios.

With roo[fast] installed (``pip install -e '.[fast]'``), ``ratio`` reads the text with msgspec and ``ratio
without roo[fast]`` the standard way, in the same rounds; without it, both read it the standard way.

``--runs N`` multiplies the rounds by N. Absolute times depend on the machine;
the ratios are what to compare between runs and machines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roo
from benchmarks import documents, reference
from roo.codec import fast_decode

#: Whether roo[fast] (msgspec) is installed; without it both columns measure the standard path.
FAST = fast_decode.available()

#: The sizes reported by default: items per certificate.
SIZES = (1, 2, 10, 50, 500, 5000)


def best(function: Callable[[], object], budget: float, repeat: int) -> float:
    """Best time of one call of ``function`` in seconds, over ``repeat`` runs of about ``budget`` seconds each."""
    once = timeit.timeit(function, number=1)
    number = max(1, int(budget / max(once, 1e-7)))
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number


def import_seconds(modules: tuple[str, ...], rounds: int) -> tuple[dict[str, float], float]:
    """Median CPU time of ``import module`` in a fresh interpreter (measured inside it, start-up excluded), the
    modules in a shuffled order round by round; and the median over the rounds of the first module's time
    divided by the second's.

    CPU time (``time.process_time``), not the wall clock: on a busy machine the wall clock counts the time
    spent waiting for a core. Each module is imported once first, untimed, so that both are timed from
    compiled bytecode (as an installed package is), never while Python compiles them.
    """
    code = "import time; t = time.process_time(); import {}; print(time.process_time() - t)"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    for module in modules:
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True, capture_output=True, env=env)
    times: dict[str, list[float]] = {module: [] for module in modules}
    for _ in range(rounds):
        for module in random.sample(modules, len(modules)):
            run = subprocess.run(
                [sys.executable, "-c", code.format(module)], check=True, capture_output=True, text=True, env=env
            )
            times[module].append(float(run.stdout))
    first, second = (times[module] for module in modules[:2])
    ratio = statistics.median(a / b for a, b in zip(first, second, strict=True))
    return {module: statistics.median(values) for module, values in times.items()}, ratio


def stages(size: int) -> dict[str, Callable[[], object]]:
    """Every stage of roo's path, and pydantic's, for the document of ``size`` items."""
    text = documents.certificate_text(size)
    data = json.loads(text, parse_float=Decimal)
    co = roo.load(data)
    model = reference.Certificate.model_validate_json(text)
    on = documents.ON
    return {
        "json.loads": lambda: json.loads(text, parse_float=Decimal),
        "load": lambda: roo.load(data),
        "evaluate": lambda: roo.evaluate(co, on=on),
        "text->certificate": lambda: roo.loads(text),
        "text->evaluation": lambda: roo.evaluate(roo.loads(text), on=on),
        "text->evaluation standard": lambda: _standard(lambda: roo.evaluate(roo.loads(text), on=on)),
        "pydantic": lambda: reference.Certificate.model_validate_json(text),
        "dump": lambda: roo.dump(co),
        "pydantic dump": lambda: model.model_dump(mode="json", by_alias=True),
    }


def _standard(function: Callable[[], object]) -> object:
    """``function()`` with JSON text read the standard way, as without roo[fast]."""
    fast_decode.ENABLED = False
    try:
        return function()
    finally:
        fast_decode.ENABLED = True


def _block(function: Callable[[], object], number: int) -> float:
    """CPU seconds of this thread for one call of ``function``, over ``number`` calls."""
    start = time.thread_time()
    for _ in range(number):
        function()
    return (time.thread_time() - start) / number


def interleaved(
    functions: dict[str, Callable[[], object]], reference_of: dict[str, str], budget: float, rounds: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Each function's median time per call, and its median per-round ratio to its reference function
    (``reference_of[name]``), the functions timed as blocks of calls in shuffled order, round by round."""
    for function in functions.values():  # warm: generated structure functions, memos, imports
        function()
    numbers = {name: max(1, int(budget / max(_block(function, 1), 1e-7))) for name, function in functions.items()}
    blocks: dict[str, list[float]] = {name: [] for name in functions}
    names = list(functions)
    for _ in range(rounds):
        random.shuffle(names)
        for name in names:
            blocks[name].append(_block(functions[name], numbers[name]))
    times = {name: statistics.median(values) for name, values in blocks.items()}
    ratios = {
        name: statistics.median(a / b for a, b in zip(values, blocks[reference_of[name]], strict=True))
        for name, values in blocks.items()
    }
    return times, ratios


def measure(size: int, budget: float, rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """For ``size`` items: each stage's median time, and each stage's median per-round ratio to its reference
    (pydantic's ``model_validate_json``, or its ``model_dump`` for ``dump``)."""
    functions = stages(size)
    reference_of = {name: "pydantic dump" if name == "dump" else "pydantic" for name in functions}
    return interleaved(functions, reference_of, budget, rounds)


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="items per certificate")
    parser.add_argument("--runs", type=int, default=1, help="N times the rounds")
    parser.add_argument("--no-import", action="store_true", help="leave out the import times")
    parser.add_argument(
        "--check",
        nargs="+",
        metavar="LIMIT",
        help="exit 1 when a JSON text -> Evaluation ratio is above LIMIT (one for every size, or SIZE=LIMIT each)",
    )
    args = parser.parse_args(argv)
    budget, rounds = (0.005, 7) if args.quick else (0.02, 25)
    rounds *= max(1, args.runs)
    results = {size: measure(size, budget, rounds) for size in args.sizes}

    us = lambda seconds: f"{seconds * 1e6:,.1f}"  # noqa: E731
    head = (
        "items", "pydantic us", "text->Evaluation us", "us per item", "ratio", "ratio without roo[fast]",
        "text->Certificate ratio", "evaluate ratio", "dump ratio",
    )  # fmt: skip
    rows = [
        (
            f"{size:,}",
            us(times["pydantic"]),
            us(times["text->evaluation"]),
            us(times["text->evaluation"] / size),
            f"{ratios['text->evaluation']:.2f}x",
            f"{ratios['text->evaluation standard']:.2f}x",
            f"{ratios['text->certificate']:.2f}x",
            f"{ratios['evaluate']:.2f}x",
            f"{ratios['dump']:.2f}x",
        )
        for size, (times, ratios) in results.items()
    ]
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---:" for _ in head) + "|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(head[i]), *(len(row[i]) for row in rows)) for i in range(len(head))]
        print("  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
        for row in rows:
            print("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)))
    print()
    print(
        f"ratio = roo's JSON text -> Evaluation / pydantic's model_validate_json of the same text: thread CPU time, "
        f"median of {rounds} interleaved shuffled rounds of per-round ratios, GC on. roo[fast] (msgspec) is "
        + ("installed: 'ratio' reads the text with it." if FAST else "not installed: both ratios are without it.")
    )
    print(machine_line())
    if not args.no_import:
        rounds_of_imports = (3 if args.quick else 15) * max(1, args.runs)
        imports, import_ratio = import_seconds(("roo", "pydantic"), rounds_of_imports)
        print(
            f"import roo: {imports['roo'] * 1e3:.1f} ms; import pydantic: {imports['pydantic'] * 1e3:.1f} ms "
            f"({import_ratio:.2f}x; CPU time in fresh interpreters, start-up excluded, median of {rounds_of_imports} "
            "interleaved rounds of per-round ratios)"
        )
    if args.check is not None:
        limits = _limits(args.check, args.sizes)
        over = {
            size: ratios["text->evaluation"]
            for size, (_, ratios) in results.items()
            if size in limits and ratios["text->evaluation"] > limits[size]
        }
        if over:
            sizes = ", ".join(f"{size} items: {ratio:.2f}x, limit {limits[size]}x" for size, ratio in over.items())
            raise SystemExit(f"JSON text -> Evaluation is above its limit ({sizes})")
        print("every ratio is within its limit: " + ", ".join(f"{size} items {limit}x" for size, limit in limits.items()))


def processor() -> str:
    """The processor's model name as the system reports it: ratios differ between processors (an interpreter's
    dispatch and a compiled parser gain unequally from a better branch predictor), so each run says where it ran."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown processor"


def machine_line() -> str:
    """Where and with what the figures were measured."""
    from importlib.metadata import version

    fast = f", msgspec {version('msgspec')}" if FAST else ""
    return (
        f"measured on: {processor()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"pydantic {version('pydantic')}{fast}"
    )


def _limits(given: list[str], sizes: list[int]) -> dict[int, float]:
    """``--check``'s limits by size: ``["2.0"]`` for every size, or ``["50=3.4", "500=2.1"]``."""
    if len(given) == 1 and "=" not in given[0]:
        return dict.fromkeys(sizes, float(given[0]))
    pairs = [entry.split("=", 1) for entry in given]
    return {int(size): float(limit) for size, limit in pairs}


if __name__ == "__main__":
    main()
