"""roo's cost grows linearly with every input size (issue 16 part 4): x10 input costs at most x15 time.

Each path of ``benchmarks/growth.py`` (items in ``evaluate``, in each report
format and in JSON; lines of a JSONL stream; certificates in a batch;
declaration lines; related certificates; description length; product-rule
text length) is timed at two sizes ten times apart. The test asserts the
ratio of the times, never a time: a linear path gives about x10, a quadratic
one about x100, whatever the machine's speed.

To hold on a busy machine it measures the thread's CPU time
(``time.thread_time``, so other processes do not count), interleaves the two
sizes round by round (a slow spell hits both alike) and takes the median of
the per-round ratios. The garbage collector stays on, as in real use.

A path still waiting for its fix is marked ``xfail(strict=True)`` with the
part of the issue that fixes it, so the test fails the day the fix lands
and the mark must go.

The benchmark itself, with sizes up to 10⁵: ``python benchmarks/growth.py --max 100000``.
"""

from __future__ import annotations

from typing import Final

import pytest

from benchmarks.growth import PATHS, GrowthPath, growth_ratio

pytestmark = pytest.mark.slow

#: x10 input may cost at most this many times the time (linear, with room for noise and the fixed cost).
MAX_RATIO: Final = 15.0
#: Rounds of (small, large) timings; the median ratio is compared.
ROUNDS: Final = 5


def _case(path: GrowthPath) -> object:
    if path.pending is None:
        return pytest.param(path, id=path.name)
    return pytest.param(path, id=path.name, marks=pytest.mark.xfail(strict=True, reason=path.pending))


@pytest.mark.parametrize("path", [_case(path) for path in PATHS])
def test_cost_grows_linearly(path: GrowthPath) -> None:
    small, large = path.test_sizes
    assert large == 10 * small
    small_time, large_time, ratio = growth_ratio(path, small, large, rounds=ROUNDS)
    assert ratio <= MAX_RATIO, (
        f"{path.name}: {path.grows} x10 ({small} -> {large}) took x{ratio:.1f} the time "
        f"({small_time * 1000:.1f} ms -> {large_time * 1000:.1f} ms); linear allows x{MAX_RATIO:.0f}"
    )
