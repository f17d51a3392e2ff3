"""HS editions, and converting subheadings between them with a correlation table the caller supplies.

roo ships no correlation table (the UN Statistics Division's tables, built
from the WCO's, carry no clear open licence); :func:`load_correlation` reads
one in the documented CSV format from a path or file object, once, and
:meth:`CorrelationTable.convert` converts codes in either direction and
across several editions. See docs/hs.md.

>>> import io
>>> table = load_correlation(io.StringIO(
...     "new_version,old_version,new_code,old_code,unsd_relationship\\n"
...     "HS2007,HS2002,010594,010592,1:n\\n"
...     "HS2007,HS2002,010594,010593,1:n\\n"))
>>> table.convert("010592", "HS2002", "HS2007").candidates
('010594',)
>>> table.convert("010594", "HS2007", "HS2002").candidates
('010592', '010593')
"""

from ..model.hs import HsVersion, is_six_digit_subheading, normalize_hs
from .correlation import (
    Conversion,
    CorrelationTable,
    CorrelationTableError,
    Link,
    Relationship,
    load_correlation,
)
from .editions import EDITIONS, edition_year, parse_edition

__all__ = [
    "EDITIONS",
    "Conversion",
    "CorrelationTable",
    "CorrelationTableError",
    "HsVersion",
    "Link",
    "Relationship",
    "edition_year",
    "is_six_digit_subheading",
    "load_correlation",
    "normalize_hs",
    "parse_edition",
]
