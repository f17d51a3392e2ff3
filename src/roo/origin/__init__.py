"""Origin determination (Chapter 3 of AJCEP and JIEPA): does a good originate, and what goes in box 8?

::

    good = roo.load_good(data)          # Mapping -> roo.origin.Good
    det = roo.determine(good)           # -> roo.origin.Determination
    det = roo.determine(good, roo.origin.load_psr("annex2.json"))
    det.to_dict()                       # "format": "roo.determination/1"

See docs/origin.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
else:
    from .._lazy import lazy_names

    # The public names are imported on first use (``import roo`` does not run the determination), each from
    # its module; the classes the context needs (roo.origin.model, roo.origin.psr) are imported by it directly.
    _HOME = {
        "compare": "crosscheck",
        "cross_check": "crosscheck",
        "AppliedRule": "determination",
        "CriterionResult": "determination",
        "Determination": "determination",
        "RuleKind": "determination",
        "determine": "determination",
        "dump_good": "loading",
        "load_good": "loading",
        "Good": "model",
        "InvalidGood": "model",
        "ItemGood": "model",
        "Material": "model",
        "MaterialRole": "model",
        "Operation": "model",
        "OperationKind": "model",
        "Vessel": "model",
        "WhollyObtained": "model",
        "DeMinimis": "psr",
        "DeMinimisBasis": "psr",
        "InvalidPsrTable": "psr",
        "ProductRule": "psr",
        "PsrTable": "psr",
        "Requirement": "psr",
        "RequirementKind": "psr",
        "load_psr": "psr",
        "parse_rule": "psr",
        "SPECS": "specs",
    }

    __getattr__, __dir__ = lazy_names(__name__, globals(), _HOME)

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
