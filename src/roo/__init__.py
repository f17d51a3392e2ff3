"""roo: which goods on a Certificate of Origin get preferential tariff treatment, and why not the others.

The public contract (docs/architecture.md#the-contract): ``load``, ``dump``, ``load_context``,
``evaluate``, ``json_schema`` and the types they return.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import eco  # the package only: its tools load on first use
from ._version import installed_version
from .api import dump, dump_context, evaluate, evaluate_many, load, load_context, loads
from .case import load_case
from .context import Context
from .errors import (
    InvalidCase,
    InvalidCertificate,
    InvalidContext,
    InvalidGood,
    InvalidInput,
    InvalidMessage,
    InvalidPsrTable,
    InvalidSafeguardTable,
    Problem,
    RooError,
)
from .evaluation import Check, Evaluation, Finding, ItemVerdict, Outcome, Preference, Severity, Status
from .model import Certificate, Item, Money, OriginCriterion, Quantity, Scheme

if TYPE_CHECKING:
    from .origin import determine, load_good
    from .schema import json_schema

    #: The installed version of roo ("0.0.0" when running from a source tree).
    __version__: str
else:
    #: Public names whose modules load on first use (origin determination, the JSON schema), by their module.
    _HOME = {"determine": ".origin", "load_good": ".origin", "json_schema": ".schema"}

    def __getattr__(name: str) -> Any:
        # Defined for the interpreter only, so that type checkers still report any other missing attribute.
        if name == "__version__":
            found = installed_version()  # read from the package metadata on first use, not at import
        elif name in _HOME:
            if name == "determine":
                from . import html  # noqa: F401 - a Determination's notebook view
            found = getattr(importlib.import_module(_HOME[name], __name__), name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = found
        return found

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})


def _notebook_view(value: object) -> str:
    """A certificate's or evaluation's notebook view (``_repr_html_``), from roo.html imported on first use.

    roo.html then attaches its own views to the classes, so this runs once.
    """
    from . import html

    view: Callable[[Any], str] = dict(html.VIEWS)[type(value)]
    return view(value)


for _cls in (Certificate, Evaluation):
    # A class attribute, so IPython and Jupyter find it as a method; the instances stay frozen and slotted.
    type.__setattr__(_cls, "_repr_html_", _notebook_view)
del _cls

__all__ = [
    "Certificate",
    "Check",
    "Context",
    "Evaluation",
    "Finding",
    "InvalidCase",
    "InvalidCertificate",
    "InvalidContext",
    "InvalidGood",
    "InvalidInput",
    "InvalidMessage",
    "InvalidPsrTable",
    "InvalidSafeguardTable",
    "Item",
    "ItemVerdict",
    "Money",
    "OriginCriterion",
    "Outcome",
    "Preference",
    "Problem",
    "Quantity",
    "RooError",
    "Scheme",
    "Severity",
    "Status",
    "__version__",
    "determine",
    "dump",
    "eco",
    "dump_context",
    "evaluate",
    "evaluate_many",
    "json_schema",
    "load",
    "load_case",
    "load_context",
    "load_good",
    "loads",
]
