"""The one converter between roo's value objects and JSON-ready data (internal).

Loading runs a fast converter first; only when that fails does a second, detailed converter run to collect
every problem with its JSON path (``items[1].invoice.date: not a date: '2024-13-45'``). A final pass checks what
types cannot say (ISO codes, item numbers, amounts that must be positive, HS code lengths). Each job has its
module:

* :mod:`roo.codec.hooks`: how a single value is read and written (decimals, dates, text, enums, box 8);
* :mod:`roo.codec.fast_path`: the code generator behind the fast converter;
* :mod:`roo.codec.converters`: the two converters, ``FAST`` and ``DETAILED``, built on first use (cattrs with them);
* :mod:`roo.codec.problems`: a converter's error tree flattened into problems with JSON paths;
* :mod:`roo.codec.checks`: the content checks of a certificate and of a context;
* :mod:`roo.codec.loading`: :func:`structure`, :func:`load_certificate`, :func:`unstructure`;
* :mod:`roo.codec.fast_decode`: JSON text read by msgspec's typed decoder, with ``roo[fast]`` (loaded on first use).

This package re-exports the names the rest of roo uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .checks import check_certificate, check_context, context_problems
from .hooks import DECIMAL_RANGE, ENUMS, NUMBER_TEXT, text_problem
from .loading import load_certificate, structure, unstructure
from .problems import problems_of

if TYPE_CHECKING:
    from . import fast_decode  # noqa: F401 - read as codec.fast_decode (roo.api, roo.case)
    from .converters import DETAILED, FAST
else:
    import importlib

    def __getattr__(name: str) -> object:
        # Not imported with the package, so that ``import roo`` does not pay for them: cattrs and the two
        # converters load with the first document read or written the standard way (roo.codec.loading), and
        # roo[fast]'s reader with the first JSON text read. Each is kept here once imported, so this runs once.
        if name == "fast_decode":
            return importlib.import_module(f"{__name__}.fast_decode")  # which binds it here
        if name in ("DETAILED", "FAST"):
            found = getattr(importlib.import_module(f"{__name__}.converters"), name)
            globals()[name] = found
            return found
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__, "fast_decode"})


__all__ = [
    "DECIMAL_RANGE",
    "DETAILED",
    "ENUMS",
    "FAST",
    "NUMBER_TEXT",
    "check_certificate",
    "check_context",
    "context_problems",
    "load_certificate",
    "problems_of",
    "structure",
    "text_problem",
    "unstructure",
]
