"""Benchmark fixtures, and the ratio table (roo / pydantic) printed at the end of a timed run.

Every benchmark records its best time under a (measure, document) key with
:func:`record`; the terminal summary then divides roo's time by pydantic's
for the same document, both measured in this same process run. With
``--benchmark-disable`` (the quick mode CI uses) each benchmark runs its
function once as a smoke test and no table is printed.
"""

from __future__ import annotations

from typing import Any, Final

import pytest

#: (measure, document) -> best time in seconds, filled by :func:`record`.
TIMES: Final[dict[tuple[str, str], float]] = {}

#: The rows of the ratio table: (label, roo's measure, pydantic's measure).
RATIOS: Final = (
    ("JSON text -> Evaluation", "roo:text->evaluation", "pydantic:model_validate_json"),
    ("JSON text -> Certificate", "roo:text->certificate", "pydantic:model_validate_json"),
    ("Certificate -> JSON-ready dict", "roo:dump", "pydantic:model_dump_json-mode"),
)


def record(benchmark: Any, measure: str, document: str) -> None:
    """Keep the best time of a finished benchmark for the ratio table (nothing when timing is disabled)."""
    metadata = getattr(benchmark, "stats", None)
    stats = getattr(metadata, "stats", None)
    if stats is not None and stats.rounds:
        TIMES[(measure, document)] = stats.min


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print roo / pydantic ratios for every document both were timed on."""
    documents = sorted({document for (_, document) in TIMES}, key=lambda d: (len(d), d))
    rows = []
    for label, ours, theirs in RATIOS:
        for document in documents:
            mine, reference = TIMES.get((ours, document)), TIMES.get((theirs, document))
            if mine is not None and reference:
                rows.append((label, document, mine, reference))
    if not rows:
        return
    write = terminalreporter.write_line
    terminalreporter.section("roo / pydantic v2 (best times, this run)")
    write(f"{'measure':34} {'document':10} {'roo':>12} {'pydantic':>12} {'ratio':>7}")
    for label, document, mine, reference in rows:
        write(f"{label:34} {document:10} {mine * 1e6:10.1f}us {reference * 1e6:10.1f}us {mine / reference:6.2f}x")
    for measure in ("import roo", "import pydantic"):
        seconds = TIMES.get((measure, "-"))
        if seconds is not None:
            write(f"{measure:34} {'':10} {seconds * 1e3:10.1f}ms")


@pytest.fixture(scope="session")
def texts() -> dict[int, str]:
    """The JSON text of the benchmark certificate of each size."""
    from benchmarks import documents

    return {size: documents.certificate_text(size) for size in documents.SIZES}
