"""From a converter's error tree to problems with JSON paths (internal to :mod:`roo.codec`).

The detailed converter collects every failure of a document in one round as a tree of exceptions; this module
flattens it into :class:`~roo.errors.Problem` entries (``items[1].invoice.date: not a date: '2024-13-45'``),
suggests the field a misspelt key stands for, and counts, without keeping, the problems past
:data:`roo.errors.MAX_PROBLEMS` in one array.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from .._json import show
from ..errors import MAX_PROBLEMS, InvalidInput, Problem


class IndexNote(str):
    position: int

    def __new__(cls, index: int) -> IndexNote:
        note = super().__new__(cls, f"@ index {index}")
        note.position = index
        return note


class KeyNote(str):
    key: str

    def __new__(cls, key: str) -> KeyNote:
        note = super().__new__(cls, f"@ key {show(key)}")
        note.key = key
        return note


class Omitted(Exception):
    """Stands for ``count`` problems found in an array past the first :data:`MAX_PROBLEMS` of them."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(f"{count} more problems")


def problems_of(error: BaseException, path: str = "") -> list[Problem]:
    """Flatten a cattrs error tree into problems with JSON paths (``items[1].invoice.date``).

    Problems counted but not kept (past :data:`MAX_PROBLEMS` in one array) are one problem whose
    ``value`` is their number and whose message says ``omitted``; :func:`split` takes them out.
    """
    import cattrs  # here, not at import: an error tree exists only once a converter has run (and imported it)
    from cattrs.errors import ForbiddenExtraKeysError

    step = path
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, cattrs.AttributeValidationNote):
            step = f"{path}.{note.name}" if path else note.name
        elif isinstance(note, cattrs.IterableValidationNote):
            step = f"{path}[{note.index}]"
        elif isinstance(note, IndexNote):
            step = f"{path}[{note.position}]"
        elif isinstance(note, KeyNote):
            step = f"{path}[{show(note.key)}]"
    if isinstance(error, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        found: list[Problem] = []
        for sub in error.exceptions:
            found.extend(problems_of(sub, step))
        return found
    where = step or "$"
    if isinstance(error, InvalidInput):  # a model's own check (a validator), its problems at their paths
        return [Problem(f"{step}.{p.path}" if step else p.path, p.message, p.value) for p in error.problems]
    if isinstance(error, Omitted):
        return [Problem(where, _OMITTED, _Count(error.count))]
    if isinstance(error, ForbiddenExtraKeysError):
        known = [field.alias or field.name for field in attrs.fields(error.cl)] if attrs.has(error.cl) else []
        keys = ", ".join(
            show(key) + _nearest(key, known) for key in sorted(error.extra_fields, key=str)[:MAX_PROBLEMS]
        )
        return [Problem(where, f"unknown field{'s' if len(error.extra_fields) > 1 else ''} {keys}")]
    if isinstance(error, KeyError):
        return [Problem(where, "required field is missing")]
    if isinstance(error, RecursionError):
        return [Problem(where, "nested too deeply to read")]
    message = str(error) or type(error).__name__
    return [Problem(where, message)]


_OMITTED: Final = "problems omitted"
#: Unknown keys longer than this get no suggestion (a suggestion is for a typo, not for a pasted text).
_SUGGESTED_KEY_LENGTH: Final = 64


def _nearest(key: object, known: Sequence[str]) -> str:
    """`` (did you mean 'hs_code'?)`` for an unknown key close to a known one (a typo, another case), else ``""``."""
    if not isinstance(key, str) or len(key) > _SUGGESTED_KEY_LENGTH:
        return ""
    folded = {name.casefold(): name for name in known}
    match = folded.get(key.casefold().replace("-", "_").replace(" ", "_"))
    if match is None:
        import difflib  # here, not at import: only a document with an unknown key needs it

        close = difflib.get_close_matches(key.casefold(), list(folded), n=1, cutoff=0.75)
        match = folded[close[0]] if close else None
    return f" (did you mean {match!r}?)" if match is not None else ""


class _Count(int):
    """The number of problems a :func:`problems_of` entry stands for (never a value from the input)."""


def split(problems: list[Problem]) -> tuple[list[Problem], int]:
    """The problems to list, and the number of those only counted."""
    listed = [p for p in problems if not isinstance(p.value, _Count)]
    return listed, sum(p.value for p in problems if isinstance(p.value, _Count))
