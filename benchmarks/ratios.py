"""Print roo / pydantic ratios for the benchmark documents, every figure measured in this one process.

    python benchmarks/ratios.py            # 2, 50 and 500 items
    python benchmarks/ratios.py --quick    # fewer repetitions (a smoke test)
    python benchmarks/ratios.py --markdown # a table for docs/performance.md
    python benchmarks/ratios.py --runs 3   # each figure the median of three runs (a busy machine)
    python benchmarks/ratios.py --sizes 50 500 --check 2.0   # exit 1 if a JSON text -> Evaluation ratio is above 2.0

Each time is the best of several ``timeit`` repeats (the least disturbed by
the rest of the machine). Absolute times depend on the machine; the ratios
are what to compare between runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roo
from benchmarks import documents, reference


def best(function: Callable[[], object], budget: float, repeat: int) -> float:
    """Best time of one call of ``function`` in seconds, over ``repeat`` runs of about ``budget`` seconds each."""
    once = timeit.timeit(function, number=1)
    number = max(1, int(budget / max(once, 1e-7)))
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number


def import_seconds(module: str, runs: int) -> float:
    """Best time of ``import module`` in a fresh interpreter, measured inside it."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
    return min(times)


def measure(size: int, budget: float, repeat: int) -> dict[str, float]:
    """Every stage of roo's path, and pydantic's, for the document of ``size`` items."""
    text = documents.certificate_text(size)
    data = json.loads(text, parse_float=Decimal)
    co = roo.load(data)
    model = reference.Certificate.model_validate_json(text)
    on = documents.ON
    stages: dict[str, Callable[[], object]] = {
        "json.loads": lambda: json.loads(text, parse_float=Decimal),
        "load": lambda: roo.load(data),
        "evaluate": lambda: roo.evaluate(co, on=on),
        "text->certificate": lambda: roo.loads(text),
        "text->evaluation": lambda: roo.evaluate(roo.loads(text), on=on),
        "pydantic": lambda: reference.Certificate.model_validate_json(text),
        "dump": lambda: roo.dump(co),
        "pydantic dump": lambda: model.model_dump(mode="json", by_alias=True),
    }
    return {name: best(function, budget, repeat) for name, function in stages.items()}


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each stage's median time over ``runs``; a ratio is then taken of two medians of the same runs."""
    return {stage: statistics.median(run[stage] for run in runs) for stage in runs[0]}


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter repeats")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(documents.SIZES), help="items per certificate")
    parser.add_argument("--runs", type=int, default=1, help="measure N times; print the median of each figure")
    parser.add_argument(
        "--check", type=float, metavar="LIMIT", help="exit 1 when a JSON text -> Evaluation ratio is above LIMIT"
    )
    args = parser.parse_args(argv)
    budget, repeat = (0.02, 3) if args.quick else (0.2, 7)
    runs = [{size: measure(size, budget, repeat) for size in args.sizes} for _ in range(max(1, args.runs))]
    results = {size: _medians([run[size] for run in runs]) for size in args.sizes}
    imports = {module: import_seconds(module, 2 if args.quick else 7) for module in ("roo", "pydantic")}

    us = lambda seconds: f"{seconds * 1e6:,.1f}"  # noqa: E731
    head = (
        "items", "json.loads us", "load us", "evaluate us", "text->Evaluation us", "pydantic us",
        "ratio", "text->Certificate ratio", "dump ratio",
    )  # fmt: skip
    rows = [
        (
            str(size),
            us(r["json.loads"]),
            us(r["load"]),
            us(r["evaluate"]),
            us(r["text->evaluation"]),
            us(r["pydantic"]),
            f"{r['text->evaluation'] / r['pydantic']:.2f}x",
            f"{r['text->certificate'] / r['pydantic']:.2f}x",
            f"{r['dump'] / r['pydantic dump']:.2f}x",
        )
        for size, r in results.items()
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
        f"import roo: {imports['roo'] * 1e3:.1f} ms; import pydantic: {imports['pydantic'] * 1e3:.1f} ms "
        f"(best of fresh interpreters, interpreter start excluded)"
    )
    print("ratio = roo's JSON text -> Evaluation / pydantic's model_validate_json of the same text (same run).")
    if args.check is not None:
        over = {size: r["text->evaluation"] / r["pydantic"] for size, r in results.items()}
        over = {size: ratio for size, ratio in over.items() if ratio > args.check}
        if over:
            sizes = ", ".join(f"{size} items: {ratio:.2f}x" for size, ratio in over.items())
            raise SystemExit(f"JSON text -> Evaluation is above {args.check}x pydantic ({sizes})")
        print(f"every ratio is at most {args.check}x")


if __name__ == "__main__":
    main()
