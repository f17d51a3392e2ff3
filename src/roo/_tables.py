"""The classes of the tables and goods a context can carry, each loaded when first named (internal).

A :class:`roo.Context` may carry goods for origin determination, a product-specific rule table, an HS
correlation table and safeguard measures. Most evaluations carry none of them, so ``import roo`` does not
load their modules: the context's annotations name them through this module (``_tables.PsrTable``), and
reading such a name (as resolving the annotations does, when a context is first read from JSON or its
schema is built) imports its module (PEP 562).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_names

if TYPE_CHECKING:
    from .hs.correlation import CorrelationTable as CorrelationTable
    from .origin.model import ItemGood as ItemGood
    from .origin.psr import PsrTable as PsrTable
    from .safeguard import SafeguardTable as SafeguardTable
else:
    __getattr__, __dir__ = lazy_names(
        __name__.rpartition(".")[0],
        globals(),
        {
            "CorrelationTable": "hs.correlation",
            "ItemGood": "origin.model",
            "PsrTable": "origin.psr",
            "SafeguardTable": "safeguard",
        },
    )
