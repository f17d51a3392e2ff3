"""Origin determination (Chapter 3 of AJCEP and JIEPA): does a good originate, and what goes in box 8?

::

    good = roo.load_good(data)          # Mapping -> roo.origin.Good
    det = roo.determine(good)           # -> roo.origin.Determination
    det = roo.determine(good, roo.origin.load_psr("annex2.json"))
    det.to_dict()                       # "format": "roo.determination/1"

See docs/origin.md.
"""

from __future__ import annotations

from .crosscheck import compare, cross_check
from .determination import AppliedRule, CriterionResult, Determination, RuleKind, determine
from .loading import dump_good, load_good
from .model import (
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
from .psr import (
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
from .specs import SPECS

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
