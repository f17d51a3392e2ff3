"""roo: which goods on a Certificate of Origin get preferential tariff treatment, and why not the others.

The public contract (docs/architecture.md#the-contract): ``load``, ``dump``, ``load_context``,
``evaluate``, ``json_schema`` and the types they return.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import (
    eco,
    html,  # noqa: F401 - attaches the notebook views (_repr_html_) to the value objects
)
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
from .origin import determine, load_good
from .schema import json_schema

if TYPE_CHECKING:
    #: The installed version of roo ("0.0.0" when running from a source tree).
    __version__: str
else:

    def __getattr__(name: str) -> str:
        # ``__version__`` is read from the package metadata on first use, not at import. Defined for the
        # interpreter only, so that type checkers still report any other missing attribute of roo.
        if name != "__version__":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        found = installed_version()
        globals()["__version__"] = found
        return found

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
