"""roo's cost grows linearly with every input size (issue 16 part 4): x10 input costs at most x15 time.

Each path of ``benchmarks/growth.py`` (items in ``evaluate``, in each report
format and in JSON; lines of a JSONL stream; certificates in a batch;
declaration lines; related certificates; description length; product-rule
text length) is timed at two sizes ten times apart. The test asserts the
ratio of the times, never a time: a linear path gives about x10, a quadratic
one about x100, whatever the machine's speed.

To hold on a busy machine it measures the thread's CPU time
(``time.thread_time``, so other processes do not count), interleaves the two
sizes round by round (a slow spell hits both alike) and compares the best
time of each size (other work only adds time). A linear path that a busy
moment pushes over the bound is measured afresh, up to five times, each size
keeping its best time over every measurement (other processes slow the larger
input more, as it leaves the caches they share); a quadratic one stays far
above the bound every time. The garbage collector stays on, as in real use.

A path still waiting for its fix is marked ``xfail(strict=True)`` with the
part of the issue that fixes it, so the test fails the day the fix lands
and the mark must go.

The benchmark itself, with sizes up to 10⁵: ``python benchmarks/growth.py --max 100000``.
"""

from __future__ import annotations

import pytest

from benchmarks.growth import MAX_RATIO, PATHS, GrowthPath, path_growth

pytestmark = pytest.mark.slow


def _case(path: GrowthPath) -> object:
    if path.pending is None:
        return pytest.param(path, id=path.name)
    return pytest.param(path, id=path.name, marks=pytest.mark.xfail(strict=True, reason=path.pending))


@pytest.mark.parametrize("path", [_case(path) for path in PATHS])
def test_cost_grows_linearly(path: GrowthPath) -> None:
    small, large = path.test_sizes
    assert large == 10 * small
    growth = path_growth(path)
    assert growth.ratio <= MAX_RATIO, (
        f"{path.name}: {path.grows} x10 ({small} -> {large}) took x{growth.ratio:.1f} the time "
        f"({growth.small * 1000:.1f} ms -> {growth.large * 1000:.1f} ms); linear allows x{MAX_RATIO:.0f}"
    )
