"""Cost of the back-to-back checks: linear in the items and the related certificates (issue 16).

A back-to-back CO whose items leave ``original_item`` blank once took cubic time (2,000 items 18 s, 4,000 items
135 s): each item looked for its original item by scanning the original, and added up the items before it by
scanning them too. The lookups are now indexed once per certificate. The test compares growth, never an absolute
time: ten times the input may cost at most fifteen times the thread CPU time (``benchmarks.growth.linear_growth``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import roo
from benchmarks.growth import MAX_RATIO, linear_growth
from roo.context import Context
from roo.rules.ajcep import ir09_back_to_back as ir09
from roo.rules.ajcep import ir17_hs_transition as ir17
from roo.rules.base import ItemRule
from tests.builders import CLEAN_CERTIFICATE, certificate, item_data

RULES = (*ir09.RULES, *ir17.RULES)


def _pair(count: int) -> tuple[roo.Certificate, roo.Certificate, roo.Certificate]:
    """An original of ``count`` items, a back-to-back CO drawing on each without ``original_item``, and a sibling."""
    items = [item_data(n, quantity={"value": "10", "unit": "KGM"}) for n in range(1, count + 1)]
    original = certificate(reference_number="ID/O/1", importing_party="SG", issue_date="2024-03-01", items=items)
    common: dict[str, Any] = {
        "exporting_party": "SG",
        "transport": dict(CLEAN_CERTIFICATE["transport"], departure_date="2024-04-01", port_of_loading="SGSIN"),
        "back_to_back": True,
        "original_certificate": {"reference_number": "ID/O/1", "issue_date": "2024-03-01", "exporting_party": "ID"},
    }
    halves = [dict(i, quantity={"value": "5", "unit": "KGM"}) for i in items]
    co = certificate(reference_number="SG/B/2", issue_date="2024-04-01", items=halves, **common)
    sibling = certificate(reference_number="SG/B/1", issue_date="2024-03-20", items=halves, **common)
    return original, co, sibling


def _checks(documents: tuple[roo.Certificate, roo.Certificate, roo.Certificate]) -> Callable[[], object]:
    """Run the back-to-back and HS-edition rules over every item, in a fresh context."""
    original, co, sibling = documents

    def run() -> None:
        ctx = Context(related_certificates=(original, sibling))
        for rule in RULES:
            if isinstance(rule, ItemRule):
                for item in co.items:
                    rule.check(item, co, ctx)
            else:
                rule.check(co, ctx)

    return run


def test_back_to_back_checks_grow_linearly_with_items() -> None:
    """×10 items cost at most ×15 time; the cubic path took ×1000."""
    small, large = _pair(200), _pair(2000)
    original, co, sibling = large
    # The path is the one that was cubic: every item's original item found without ``original_item``, and passing.
    last = ir09.check_total_quantity(co.items[-1], co, Context(related_certificates=(original, sibling)))
    assert roo.Outcome.PASSED == last.outcome
    growth = linear_growth(_checks(small), _checks(large))
    assert growth.ratio <= MAX_RATIO, f"×10 items cost ×{growth.ratio:.1f} time"
