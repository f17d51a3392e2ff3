"""benchmarks/instructions.py: every stage it counts runs on both paths, and a call's count is the difference of
the long and the short run per extra call (valgrind itself is not needed here)."""

from __future__ import annotations

import pytest

from benchmarks import instructions


@pytest.mark.parametrize("stage", instructions.STAGES)
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "standard"])
def test_every_stage_runs(stage: str, fast: bool) -> None:
    instructions._worker(2, stage, 1, fast)


def test_a_call_is_the_difference_per_extra_call(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = {instructions.FEW: 1_000_000, instructions.MANY: 1_000_000 + 300 * (instructions.MANY - instructions.FEW)}
    monkeypatch.setattr(instructions, "_instructions", lambda size, stage, calls, fast: counts[calls])
    assert instructions.per_call(2, "whole", True) == 300


def test_the_count_is_read_from_valgrinds_summary() -> None:
    found = instructions._REFS.search("==123== \n==123== I   refs:      1,329,844,048\n")
    assert found is not None and found.group(1) == "1,329,844,048"
