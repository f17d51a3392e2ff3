"""Comparing free text as printed on trade documents (internal)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Final

_NON_WORD: Final = re.compile(r"[^\w]+", re.UNICODE)
_SLIP_RATIO: Final = 0.8


def normalize_text(text: str) -> str:
    """Case-folded words separated by single spaces; punctuation dropped.

    >>> normalize_text("Frozen shrimp, PEELED.")
    'frozen shrimp peeled'
    """
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def similarity(a: str, b: str) -> float:
    """How alike two descriptions are, from 0 (nothing shared) to 1 (identical after normalising).

    The share of the shorter description's words that appear in the longer
    one, where a word also counts as appearing when it differs from a word
    there only by a typing slip (character ratio of at least 0.8, e.g.
    "shirmp" for "shrimp"; such a word counts for its ratio, not fully). A description that only adds detail still
    matches; one that names other goods does not, however alike its letters
    ("Frozen shrimp, peeled" against "Frozen squid, cleaned" gives 1/3).

    >>> similarity("Frozen shrimp, peeled", "FROZEN SHRIMP PEELED")
    1.0
    >>> round(similarity("Frozen shrimp, peeled", "Frozen squid, cleaned"), 2)
    0.33
    """
    left, right = normalize_text(a), normalize_text(b)
    if left == right:
        return 1.0
    if not left or not right:
        return 0.0
    shorter, longer = sorted((set(left.split()), set(right.split())), key=len)
    return sum(_credit(word, longer) for word in shorter) / len(shorter)


def _credit(word: str, words: set[str]) -> float:
    """1 for a word found as is; its character ratio for a typing slip; 0 otherwise."""
    if word in words:
        return 1.0
    if len(word) < 4:
        return 0.0
    best = max((SequenceMatcher(None, word, other, autojunk=False).ratio() for other in words if len(other) >= 4), default=0.0)
    return best if best >= _SLIP_RATIO else 0.0
