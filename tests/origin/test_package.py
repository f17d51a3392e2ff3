"""The roo.origin package: every public name resolves, and unknown names fail as attributes do."""

from __future__ import annotations

import pytest

import roo
import roo.origin


@pytest.mark.parametrize("name", roo.origin.__all__)
def test_every_public_name_resolves(name: str) -> None:
    """Each name of ``roo.origin.__all__`` is importable, whether loaded at once or on first use."""
    assert getattr(roo.origin, name) is not None
    assert name in dir(roo.origin)


def test_unknown_name() -> None:
    """An unknown name raises AttributeError."""
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        roo.origin.nothing  # noqa: B018 - the access is the test


def test_top_level_names() -> None:
    """``roo.load_good`` and ``roo.determine`` are the functions of roo.origin (docs/architecture.md#the-contract)."""
    assert (roo.origin.load_good, roo.origin.determine) == (roo.load_good, roo.determine)
    assert {"load_good", "determine"} <= set(roo.__all__)
