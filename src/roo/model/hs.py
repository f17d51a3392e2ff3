"""HS codes as printed on a certificate, and the HS editions roo knows."""

from __future__ import annotations

import enum
import re

_SEPARATORS = re.compile(r"[\s.\-]")


class HsVersion(enum.StrEnum):
    """An edition of the Harmonized System nomenclature."""

    HS2002 = "HS2002"
    HS2007 = "HS2007"
    HS2012 = "HS2012"
    HS2017 = "HS2017"
    HS2022 = "HS2022"


def normalize_hs(printed: str) -> str:
    """The code without dots, spaces or dashes: ``"0306.17"`` -> ``"030617"``.

    Nothing else is changed, so a code that is not digits stays recognisably wrong.

    >>> normalize_hs("0306.17")
    '030617'
    """
    return _SEPARATORS.sub("", printed)


def is_six_digit_subheading(printed: str) -> bool:
    """Whether the printed code is exactly an HS subheading (six digits, separators allowed)."""
    digits = normalize_hs(printed)
    return len(digits) == 6 and digits.isascii() and digits.isdigit()
