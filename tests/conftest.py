"""Hypothesis profiles: ``ci`` (default, thorough), ``fast`` and ``deep`` (``HYPOTHESIS_PROFILE=...``); the slow tiers.

``deep`` draws twenty times the examples of ``ci``: run it before a release, or after changing a parser or a
strategy, to find the rare counterexample that one CI draw would meet only now and then.

``pytest -m "not slow"`` leaves out the slow tiers listed in :data:`SLOW_TIERS` for a quick loop; the plain
``pytest`` of the README runs everything.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fast", max_examples=20, deadline=None)
settings.register_profile("deep", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TESTS = Path(__file__).resolve().parent

#: Modules that are slow as a whole: the strategies' own tests (shrinking), long property runs over generated
#: or wild input, the stream run in process pools, and the growth measurements.
SLOW_TIERS = frozenset(
    {
        "test_strategies.py",
        "test_strategies_origin.py",
        "test_properties.py",
        "origin/test_properties.py",
        "test_evaluation_stability.py",
        "test_codec_fast_path.py",
        "test_cli_stream.py",
        "test_growth.py",
    }
)
#: Tests that start roo in a subprocess (the console script, the HS conversions, help texts).
SLOW_TESTS = (
    "test_cli.py::test_hs_convert",
    "test_cli.py::test_help_",
    "test_cli.py::test_exit_codes_are_documented",
    "test_architecture.py::test_every_module_imports_alone",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tiers ``slow`` (``-m "not slow"`` skips them)."""
    for item in items:
        try:
            relative = item.path.resolve().relative_to(TESTS).as_posix()
        except ValueError:  # a doctest in src/roo: quick
            continue
        if relative in SLOW_TIERS or f"{relative}::{item.name}".startswith(SLOW_TESTS):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module", params=["msgspec", "standard"])
def text_reader(request: pytest.FixtureRequest) -> Iterator[str]:
    """Runs a module's tests twice: JSON text read by ``roo[fast]``'s msgspec reader, and the standard way.

    A loading module asks for it with ``pytestmark = pytest.mark.usefixtures("text_reader")``, so that each of
    its expectations holds on both paths. The msgspec run is skipped when the extra is not installed (CI's
    ``roo[fast]`` step installs it and requires that nothing is skipped). Module-scoped: Hypothesis's tests
    may use it.
    """
    from roo.codec import fast_decode

    if request.param == "msgspec" and not fast_decode.available():
        pytest.skip("needs the fast extra (msgspec): pip install -e '.[test,fast]'")
    fast_decode.ENABLED = request.param == "msgspec"
    try:
        yield request.param
    finally:
        fast_decode.ENABLED = True
