"""Public names of a package that load their module on first use (internal).

``roo.eco`` and ``roo.origin`` keep their names where users import them from, but most programs never touch
them: each name is looked up in its module the first time it is read (PEP 562), then kept on the package.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, namespace: dict[str, Any], home: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose name ``N`` lives in submodule ``home[N]``."""

    def lookup(name: str) -> object:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        found = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = found
        return found

    def names() -> list[str]:
        return sorted({*namespace, *home})

    return lookup, names
