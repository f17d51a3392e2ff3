"""Comparing free text as printed on trade documents (internal).

Every function here costs time in proportion to the length of its input:
descriptions come from uploaded documents, and a comparison that grew with the
product of two descriptions' lengths would let one long line stall a stream.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

_NON_WORD: Final = re.compile(r"[^\w]+", re.UNICODE)
#: A word that differs from another by a typing slip still shares at least this character ratio with it.
_SLIP_RATIO: Final = 0.8
#: Words shorter than this are never typing slips of another word: one letter changes their meaning.
_SLIP_MIN_LENGTH: Final = 4
#: Words longer than this are compared whole only: no description word is this long, and a slip index for
#: one grows with the square of its length.
_SLIP_MAX_LENGTH: Final = 32


def normalize_text(text: str) -> str:
    """Case-folded words separated by single spaces; punctuation dropped.

    >>> normalize_text("Frozen shrimp, PEELED.")
    'frozen shrimp peeled'
    """
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def similarity(a: str, b: str) -> float:
    """How alike two descriptions are, from 0 (nothing shared) to 1 (identical after normalising).

    The share of the shorter description's distinct words that appear in the
    longer one, where a word also counts as appearing when it differs from a
    word there by one typing slip (a letter left out, added or changed, or two
    neighbouring letters swapped: "shirmp" for "shrimp") and the two still
    share a character ratio of at least 0.8; such a word counts for that ratio
    (twice the letters they share over the letters of both), not fully. A
    description that only adds detail still matches; one that names other
    goods does not, however alike its letters ("Frozen shrimp, peeled"
    against "Frozen squid, cleaned" gives 1/3).

    The cost is linear in the length of the two texts: words are matched
    through sets, and typing slips through an index of each word's one-letter
    deletions (two words one slip apart have such a deletion in common), so no
    word is ever compared with every word of the other text.

    >>> similarity("Frozen shrimp, peeled", "FROZEN SHRIMP PEELED")
    1.0
    >>> round(similarity("Frozen shrimp, peeled", "Frozen squid, cleaned"), 2)
    0.33
    >>> round(similarity("Frozen shirmp, peeled", "Frozen shrimp, peeled"), 2)
    0.94
    """
    left, right = normalize_text(a), normalize_text(b)
    if left == right:
        return 1.0
    if not left or not right:
        return 0.0
    shorter, longer = sorted((frozenset(left.split()), frozenset(right.split())), key=len)
    unmatched = [word for word in shorter if word not in longer]
    credit = float(len(shorter) - len(unmatched))
    slips = [word for word in unmatched if _SLIP_MIN_LENGTH <= len(word) <= _SLIP_MAX_LENGTH]
    if slips:
        index = _slip_index(longer)
        credit += sum(_slip_credit(word, index) for word in slips)
    return credit / len(shorter)


#: An index key: the word itself (``True``) or one of its one-letter deletions (``False``), with its length.
_Source = tuple[bool, int]


def _slip_index(vocabulary: Iterable[str]) -> dict[str, set[_Source]]:
    """For every word of ``vocabulary`` that can have a typing slip: the word and its one-letter deletions."""
    index: dict[str, set[_Source]] = {}
    for word in vocabulary:
        length = len(word)
        if _SLIP_MIN_LENGTH <= length <= _SLIP_MAX_LENGTH:
            index.setdefault(word, set()).add((True, length))
            for position in range(length):
                index.setdefault(word[:position] + word[position + 1 :], set()).add((False, length))
    return index


def _slip_credit(word: str, index: dict[str, set[_Source]]) -> float:
    """The character ratio of ``word`` with the closest word one slip away in ``index``, if at least 0.8; else 0.

    Twice the letters the two words share, over the letters of both: a word
    with one letter more shares all of ``word``'s letters, a word with one
    letter less or one letter changed (or two swapped) all but one.
    """
    length = len(word)
    best = 0.0
    # ``word`` is a deletion of a longer word: one letter added.
    if any(not whole for whole, _ in index.get(word, ())):
        best = 2 * length / (2 * length + 1)
    for position in range(length):
        for whole, other in index.get(word[:position] + word[position + 1 :], ()):
            if whole:  # a word one letter shorter
                best = max(best, 2 * other / (length + other))
            elif other == length:  # a word of the same length: one letter changed, or two swapped
                best = max(best, (length - 1) / length)
    return best if best >= _SLIP_RATIO else 0.0
