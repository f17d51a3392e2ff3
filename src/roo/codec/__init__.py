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
* :mod:`roo.codec.fast_decode`: JSON text read by msgspec's typed decoder, with ``roo[fast]``.

This package re-exports the names the rest of roo uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .checks import check_certificate, check_context, context_problems
from .hooks import DECIMAL_RANGE, ENUMS, NUMBER_TEXT, text_problem
from .loading import load_certificate, structure, unstructure
from .problems import problems_of

if TYPE_CHECKING:
    from .converters import DETAILED, FAST
else:
    from .._lazy import lazy_names

    # Not imported with the package: cattrs and the converters load with the first document read or written
    # the standard way (roo.codec.loading), or when these names are first read.
    __getattr__, __dir__ = lazy_names(__name__, globals(), {"DETAILED": "converters", "FAST": "converters"})

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
