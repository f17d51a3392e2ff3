"""Comparing free text as printed on trade documents (internal)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Final

_NON_WORD: Final = re.compile(r"[^\w]+", re.UNICODE)


def normalize_text(text: str) -> str:
    """Case-folded words separated by single spaces; punctuation dropped.

    >>> normalize_text("Frozen shrimp, PEELED.")
    'frozen shrimp peeled'
    """
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def similarity(a: str, b: str) -> float:
    """How alike two descriptions are, from 0 (nothing shared) to 1 (identical after normalising).

    The larger of two measures: the share of the shorter text's words found in
    the longer one (a description that only adds detail still matches), and
    the character-level ratio (typographical errors still match).
    """
    left, right = normalize_text(a), normalize_text(b)
    if left == right:
        return 1.0
    if not left or not right:
        return 0.0
    words_left, words_right = set(left.split()), set(right.split())
    shorter, longer = sorted((words_left, words_right), key=len)
    containment = len(shorter & longer) / len(shorter)
    ratio = SequenceMatcher(None, left, right, autojunk=False).ratio()
    return max(containment, ratio)
