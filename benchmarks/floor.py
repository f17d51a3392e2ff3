"""How much of roo's time is the rules, and what the path would cost if every rule were free.

    python benchmarks/floor.py            # 2, 50 and 500 items
    python benchmarks/floor.py --quick

Each registered rule is swapped for a stub that returns, at once, the very
result the real rule gives for this certificate (its ``precheck`` too), so
the engine records the same trace and folds the same findings into the same
verdicts; the stubbed evaluation is checked equal to the real one. What the
stubbed path costs is the floor that making rules cheaper can approach but
never pass: JSON parsing, loading, the engine's dispatch and trace, the
folding, building the ``Evaluation``. Every figure is a ratio to pydantic's
``model_validate_json`` of the same text, measured in the same run, as
``ratios.py`` measures: the thread's CPU time, stages timed as blocks in a
shuffled order round by round, the median of the per-round ratios, GC on.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import attrs

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roo
from benchmarks import documents, reference
from benchmarks.ratios import interleaved
from roo import engine
from roo.context import Context
from roo.model.certificate import Certificate, Item
from roo.rules import rules_for
from roo.rules.base import CertificateRule, Result, Rule


def stubbed(co: Certificate, ctx: Context) -> tuple[Rule, ...]:
    """The scheme's rules, each answering for ``co`` in ``ctx`` with its precomputed result."""
    stubs: list[Rule] = []
    for rule in rules_for(co.scheme):
        if isinstance(rule, CertificateRule):
            result = rule.check(co, ctx)
            stubs.append(attrs.evolve(rule, check=lambda co, ctx, result=result: result))
            continue
        by_number = {item.number: rule.check(item, co, ctx) for item in co.items}
        shared = rule.precheck(co, ctx) if rule.precheck is not None else None

        def check(item: Item, co: Certificate, ctx: Context, by_number: dict[int, Result] = by_number) -> Result:
            return by_number[item.number]

        def precheck(co: Certificate, ctx: Context, shared: Result | None = shared) -> Result | None:
            return shared

        stubs.append(attrs.evolve(rule, check=check, precheck=precheck if rule.precheck is not None else None))
    return tuple(stubs)


def measure(size: int, budget: float, rounds: int) -> tuple[float, dict[str, float]]:
    """For the document of ``size`` items: pydantic's median seconds per call, and each stage's median ratio to
    it over interleaved rounds."""
    text = documents.certificate_text(size)
    co = roo.loads(text)
    ctx = Context(on=documents.ON)
    rules = rules_for(co.scheme)
    stubs = stubbed(co, ctx)
    if engine.run(co, ctx, stubs) != engine.run(co, ctx, rules):  # pragma: no cover - a stub out of step
        raise SystemExit("the stubbed rules do not reproduce the evaluation")
    stages: dict[str, Callable[[], object]] = {
        "pydantic": lambda: reference.Certificate.model_validate_json(text),
        "loads": lambda: roo.loads(text),
        "engine, free rules": lambda: engine.run(co, ctx, stubs),
        "engine, real rules": lambda: engine.run(co, ctx, rules),
        "text->evaluation": lambda: roo.evaluate(roo.loads(text), on=documents.ON),
        "text->evaluation, free rules": lambda: engine.run(roo.loads(text), Context(on=documents.ON), stubs),
    }
    # Interleaved rounds as in ratios.py: a busy moment then slows every stage of its round alike, instead of
    # moving whichever stage happened to run in it (timed one after another, pydantic's time alone could
    # double and halve every ratio).
    times, ratios = interleaved(stages, dict.fromkeys(stages, "pydantic"), budget, rounds)
    return times["pydantic"], ratios


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(documents.SIZES), help="items per certificate")
    args = parser.parse_args(argv)
    budget, rounds = (0.005, 7) if args.quick else (0.02, 25)
    print("items  pydantic us  roo.loads  engine (free rules)  rules  text->Evaluation  floor (free rules)")
    for size in args.sizes:
        pydantic, r = measure(size, budget, rounds)
        ratio = lambda stage, r=r: f"{r[stage]:.2f}x"  # noqa: E731
        rules_share = r["engine, real rules"] - r["engine, free rules"]
        print(
            f"{size:>5}  {pydantic * 1e6:>11,.1f}  {ratio('loads'):>9}  {ratio('engine, free rules'):>19}"
            f"  {rules_share:>4.2f}x  {ratio('text->evaluation'):>16}  {ratio('text->evaluation, free rules'):>18}"
        )
    print()
    print(
        "Every column but the first is a ratio to pydantic's model_validate_json of the same text: thread CPU time, "
        f"median of {rounds} interleaved shuffled rounds of per-round ratios, GC on."
    )
    print("floor: JSON text -> Evaluation with every rule answering at once (parse, load, engine, fold).")


if __name__ == "__main__":
    main()
