"""The installed version of roo, read from the package metadata on first use (internal)."""

from __future__ import annotations

import functools


@functools.cache
def installed_version() -> str:
    """roo's version ("0.0.0" when running from a source tree).

    Read on first use, not at import: importlib.metadata costs a fifth of ``import roo``.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        # The distribution of the package this module is in: "roo", or a vendored copy's, which has none.
        return version(__name__.rpartition(".")[0])
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"
