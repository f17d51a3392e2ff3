"""Print what each registered rule costs, per certificate or per item, on the benchmark documents.

    python benchmarks/rule_costs.py              # AJCEP, 50 items
    python benchmarks/rule_costs.py --items 2 --top 10

Each item rule is timed the way the engine runs it: its ``precheck`` first,
and the item-by-item check only when the precheck leaves the items to it.
The engine's own overhead (trace, folding) is the difference between
``roo.evaluate`` and the sum of the rules. Use it to find the rule that
dominates an evaluation: work that depends only on the certificate (a
parameter looked up for the issue date, a parsed edition) belongs outside
the per-item loop.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roo
from benchmarks import documents
from roo.context import Context
from roo.model.certificate import Certificate
from roo.rules import rules_for
from roo.rules.base import CertificateRule, ItemRule


def _as_the_engine_runs(rule: ItemRule, co: Certificate, ctx: Context) -> object:
    """The precheck's shared result, or else the result for every item."""
    shared = rule.precheck(co, ctx) if rule.precheck is not None else None
    if shared is not None and not shared.findings:
        return shared
    return [rule.check(item, co, ctx) for item in co.items]


def main(argv: list[str] | None = None) -> None:
    """Time every rule of the scheme on the benchmark certificate and print the most expensive first."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50, help="items on the certificate")
    parser.add_argument("--top", type=int, default=0, help="print only the N most expensive rules")
    args = parser.parse_args(argv)
    co = roo.load(documents.certificate(args.items))
    ctx = Context(on=documents.ON)
    rows = []
    for rule in rules_for(co.scheme):
        if isinstance(rule, CertificateRule):
            run = lambda rule=rule: rule.check(co, ctx)  # noqa: E731
        else:
            run = lambda rule=rule: _as_the_engine_runs(rule, co, ctx)  # noqa: E731
        seconds = min(timeit.repeat(run, number=20, repeat=5)) / 20
        per_item = seconds / len(co.items) if not isinstance(rule, CertificateRule) else None
        rows.append((seconds, per_item, rule))
    total = sum(seconds for seconds, _, _ in rows)
    whole = min(timeit.repeat(lambda: roo.evaluate(co, ctx), number=20, repeat=5)) / 20
    rows.sort(key=lambda row: -row[0])
    print(f"{'us/CO':>9} {'us/item':>8}  {'kind':11} {'rule':18} title (module)")
    for seconds, per_item, rule in rows[: args.top or None]:
        kind = "certificate" if per_item is None else "item"
        item_cost = f"{per_item * 1e6:8.2f}" if per_item is not None else " " * 8
        module = rule.check.__module__.rsplit(".", 1)[-1]
        print(f"{seconds * 1e6:9.1f} {item_cost}  {kind:11} {rule.citation:18} {rule.title} ({module})")
    print(f"{total * 1e6:9.1f}           rules, in all ({len(rows)} rules, {len(co.items)} items)")
    print(f"{whole * 1e6:9.1f}           roo.evaluate, engine included ({(whole - total) * 1e6:.1f} us engine)")


if __name__ == "__main__":
    main()
