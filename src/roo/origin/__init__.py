"""Origin determination (Chapter 3 of AJCEP and JIEPA): does a good originate, and what goes in box 8?

::

    good = roo.load_good(data)          # Mapping -> roo.origin.Good
    det = roo.determine(good)           # -> roo.origin.Determination
    det = roo.determine(good, roo.origin.load_psr("annex2.json"))
    det.to_dict()                       # "format": "roo.determination/1"

See docs/origin.md. The value objects of :mod:`roo.origin.model` are
imported here at once; the rest loads on first use, so that modules roo
itself imports early (the context, the converter) may use the model without
an import cycle.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from roo.origin.model import (
    Good,
    InvalidGood,
    ItemGood,
    Material,
    MaterialRole,
    Operation,
    OperationKind,
    Vessel,
    WhollyObtained,
)

if TYPE_CHECKING:
    from roo.origin.crosscheck import compare, cross_check
    from roo.origin.determination import AppliedRule, CriterionResult, Determination, RuleKind, determine
    from roo.origin.loading import dump_good, load_good
    from roo.origin.psr import (
        DeMinimis,
        DeMinimisBasis,
        InvalidPsrTable,
        ProductRule,
        PsrTable,
        Requirement,
        RequirementKind,
        load_psr,
        parse_rule,
    )
    from roo.origin.specs import SPECS

_LAZY = {
    "compare": "roo.origin.crosscheck",
    "cross_check": "roo.origin.crosscheck",
    "AppliedRule": "roo.origin.determination",
    "CriterionResult": "roo.origin.determination",
    "Determination": "roo.origin.determination",
    "RuleKind": "roo.origin.determination",
    "determine": "roo.origin.determination",
    "dump_good": "roo.origin.loading",
    "load_good": "roo.origin.loading",
    "DeMinimis": "roo.origin.psr",
    "DeMinimisBasis": "roo.origin.psr",
    "InvalidPsrTable": "roo.origin.psr",
    "ProductRule": "roo.origin.psr",
    "PsrTable": "roo.origin.psr",
    "Requirement": "roo.origin.psr",
    "RequirementKind": "roo.origin.psr",
    "load_psr": "roo.origin.psr",
    "parse_rule": "roo.origin.psr",
    "SPECS": "roo.origin.specs",
}


def __getattr__(name: str) -> Any:
    """Load the names of the determination modules on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'roo.origin' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Every public name, loaded or not."""
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "SPECS",
    "AppliedRule",
    "CriterionResult",
    "DeMinimis",
    "DeMinimisBasis",
    "Determination",
    "Good",
    "InvalidGood",
    "InvalidPsrTable",
    "ItemGood",
    "Material",
    "MaterialRole",
    "Operation",
    "OperationKind",
    "ProductRule",
    "PsrTable",
    "Requirement",
    "RequirementKind",
    "RuleKind",
    "Vessel",
    "WhollyObtained",
    "compare",
    "cross_check",
    "determine",
    "dump_good",
    "load_good",
    "load_psr",
    "parse_rule",
]
