"""The editions of the Harmonized System, by name and in order.

An edition is named ``HS`` followed by the year its amendments took effect:
``HS1992`` (the first revision roo's correlation format carries), ``HS1996``,
``HS2002``, ``HS2007``, ``HS2012``, ``HS2017`` and ``HS2022``. Editions are
ordered by that year, so "older" and "newer" are plain comparisons of
:func:`edition_year`.

:class:`roo.model.hs.HsVersion` lists the editions a certificate can state
(HS2002 onwards, the editions AJCEP's Annex 2 has been drawn up in or can be
transposed to); a correlation table may also hold the older ones, so the
functions here take any edition name of the form ``HS<year>``.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.hs import HsVersion

__all__ = ["EDITIONS", "edition_year", "parse_edition"]

#: Every HS edition from the 1992 revision on, oldest first.
EDITIONS: Final[tuple[str, ...]] = ("HS1992", "HS1996", *(version.value for version in HsVersion))

_EDITION: Final = re.compile(r"^\s*(?:HS)?\s*((?:19|20)\d\d)\s*$", re.IGNORECASE)

#: The year of each edition by its canonical name (an ``HsVersion`` is its name), looked up before any parsing.
_YEARS: Final[dict[str, int]] = {name: int(name[2:]) for name in EDITIONS}


def parse_edition(name: str) -> str:
    """The canonical name of an edition: ``"hs 2007"``, ``"2007"`` and ``HsVersion.HS2007`` give ``"HS2007"``.

    >>> parse_edition("hs 2007"), parse_edition("2017"), parse_edition(HsVersion.HS2022)
    ('HS2007', 'HS2017', 'HS2022')

    Raises:
        ValueError: ``name`` is not ``HS`` and a four-digit year.
    """
    if type(name) is str and name in _YEARS:
        return name
    match = _EDITION.match(str(name))
    if match is None:
        raise ValueError(f"{name!r} is not an HS edition (expected 'HS' and a year, e.g. 'HS2007')")
    return f"HS{match.group(1)}"


def edition_year(name: str) -> int:
    """The year of an edition, which orders editions: ``edition_year("HS2007") == 2007``.

    >>> edition_year("HS2002") < edition_year(HsVersion.HS2007)
    True

    Raises:
        ValueError: ``name`` is not an edition name.
    """
    year = _YEARS.get(name) if isinstance(name, str) else None
    return year if year is not None else int(parse_edition(name)[2:])
