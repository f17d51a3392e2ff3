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


#: The most digits a printed HS code has: a six-digit subheading and a national tariff line's digits
#: (Indonesia's BTKI uses 8, Japan's statistical code 9; 12 leaves room for every Party).
MAX_HS_DIGITS = 12


def hs_code_problem(printed: str) -> str | None:
    """Why ``printed`` cannot be an HS code at all (too long), or ``None``.

    A code that is merely wrong (five digits, letters) is the certificate's
    fault and a finding of the rules; only a length no code can have is
    refused when the certificate is read.
    """
    if len(printed) <= MAX_HS_DIGITS:
        return None
    digits = normalize_hs(printed)
    if len(digits) > MAX_HS_DIGITS:
        return f"an HS code has at most {MAX_HS_DIGITS} digits, this one {len(digits)} characters"
    return None
