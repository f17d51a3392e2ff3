"""Count the machine instructions of roo's path and of pydantic's, per certificate, under valgrind.

    python benchmarks/instructions.py                  # 2 and 50 items, with and without roo[fast]
    python benchmarks/instructions.py --sizes 2        # only these sizes
    python benchmarks/instructions.py --stages whole   # only these stages (whole, loads, evaluate)

Timings on a shared machine move by a fifth between runs, which hides the
effect of a change worth a few per cent. An instruction count does not
move: valgrind's ``cachegrind`` tool (without its cache simulation) counts
every instruction the interpreter executes, whatever else the machine is
doing. Each stage is run in a fresh interpreter twice, once with a few
calls and once with many more, after the same warm-up (imports, generated
functions, memos); the difference, divided by the extra calls, is the cost
of one call, with start-up and warm-up taken out.

An instruction is not a nanosecond: pydantic's compiled core does more per
instruction than Python's interpreter at small sizes, so the time ratio of
``ratios.py`` (what issue targets are stated in) is higher than the
instruction ratio there. Use this to compare two versions of roo, and
``ratios.py`` for what a user will see. Needs valgrind (``apt install
valgrind``); it is not needed for anything else.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Final

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: The stages counted: roo's whole path, its two parts, and the reference.
STAGES = ("whole", "loads", "evaluate", "pydantic")
#: Each stage as benchmarks/ratios.py names it (the same functions are counted as timed there).
_STAGE_IN_RATIOS: Final = {"whole": "text->evaluation", "loads": "text->certificate", "evaluate": "evaluate", "pydantic": "pydantic"}
#: Calls made in the short and the long run of a stage (after the same warm-up).
FEW, MANY = 20, 220
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _worker(size: int, stage: str, calls: int, fast: bool) -> None:
    """Run ``stage`` ``calls`` times on the document of ``size`` items, after a warm-up (in valgrind)."""
    from benchmarks.ratios import stages
    from roo.codec import fast_decode

    fast_decode.ENABLED = fast
    function = stages(size)[_STAGE_IN_RATIOS[stage]]
    for _ in range(5):  # warm: generated functions, memos, lazily imported modules
        function()
    for _ in range(calls):
        function()


def _instructions(size: int, stage: str, calls: int, fast: bool) -> int:
    """Instructions of a fresh interpreter that runs ``stage`` ``calls`` times, as valgrind counts them."""
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, str(Path(__file__).resolve()), "--worker", str(size), stage, str(calls), str(int(fast)),
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = _REFS.search(run.stderr)
    if found is None:  # pragma: no cover - valgrind's summary changed
        raise SystemExit(f"no instruction count in valgrind's output:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_call(size: int, stage: str, fast: bool) -> float:
    """Instructions of one call of ``stage`` on the document of ``size`` items."""
    return (_instructions(size, stage, MANY, fast) - _instructions(size, stage, FEW, fast)) / (MANY - FEW)


def main(argv: list[str] | None = None) -> None:
    """Count and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2, 50], help="items per certificate")
    parser.add_argument("--stages", nargs="*", default=["whole", "loads", "evaluate"], choices=STAGES[:3])
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        size, stage, calls, fast = args.worker
        _worker(int(size), stage, int(calls), fast == "1")
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: this benchmark counts instructions with it")
    from roo.codec import fast_decode

    paths = [True, False] if fast_decode.available() else [False]
    print(f"{'items':>5}  {'stage':10} {'path':8} {'instructions':>13} {'pydantic':>11} {'ratio':>6}")
    for size in args.sizes:
        reference = per_call(size, "pydantic", False)
        for stage in args.stages:
            for fast in paths if stage != "evaluate" else [True]:
                count = per_call(size, stage, fast)
                path = "-" if stage == "evaluate" else "fast" if fast else "standard"
                print(f"{size:>5}  {stage:10} {path:8} {count:>13,.0f} {reference:>11,.0f} {count / reference:5.2f}x")


if __name__ == "__main__":
    main()
