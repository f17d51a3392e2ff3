"""Small strategies the others draw from: bounded integers, day offsets, booleans (internal to :mod:`roo.strategies`).

Each is built once per bound and reused, so that every strategy shrinks the same way.
"""

from __future__ import annotations

import functools
from datetime import timedelta
from typing import Final

from hypothesis import strategies as st


@functools.lru_cache(maxsize=256)
def _days(low: int, high: int) -> st.SearchStrategy[timedelta]:
    return st.integers(min_value=low, max_value=high).map(lambda n: timedelta(days=n))


@functools.lru_cache(maxsize=256)
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=low, max_value=high)


_BOOLEANS: Final = st.booleans()
