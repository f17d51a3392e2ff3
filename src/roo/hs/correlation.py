"""Correlation tables between HS editions, and converting a subheading from one edition to another.

A correlation table lists, for pairs of editions, which subheading of the
newer edition covers which subheadings of the older one: one row per link.
Splits (one old code becoming several new ones), merges and many-to-many
regroupings are all just several rows, so a conversion yields a *set* of
candidate codes, never a single "target".

roo ships no such table: the UN Statistics Division's tables (built from the
WCO's) carry no clear open licence. The caller supplies one in this CSV
format (see docs/hs.md)::

    new_version,old_version,new_code,old_code,unsd_relationship
    HS2007,HS2002,030194,030199,n:1
    HS2007,HS2002,030195,030199,n:1

``new_version`` / ``old_version`` name the editions (``HS2007``), the codes
are six-digit subheadings (``030199`` or ``0301.99``; leading zeros kept),
and ``unsd_relationship`` is UNSD's label (``1:1``, ``1:n``, ``n:1``,
``n:n``, newer:older), checked for form but not used: labels are sometimes
given for a whole group rather than the pair, so roo works out every
relationship from the links themselves. The column may be left out. Rows
whose code is ``999999`` (UN Comtrade's "commodities not specified", not an
HS subheading) are skipped.

:func:`load_correlation` reads and indexes the table once;
:meth:`CorrelationTable.convert` then answers from dictionaries, in either
direction and across as many editions as the table chains together.
"""

from __future__ import annotations

import csv
import enum
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import IO, Final, final

import attrs

from ..errors import CorrelationTableError as CorrelationTableError
from ..model.hs import normalize_hs
from ..model.phrase import Phrase
from .editions import edition_year, parse_edition

__all__ = [
    "Conversion",
    "CorrelationTable",
    "CorrelationTableError",
    "Link",
    "Relationship",
    "load_correlation",
]

#: The columns a table must have; ``unsd_relationship`` may be left out.
REQUIRED_COLUMNS: Final = ("new_version", "old_version", "new_code", "old_code")
LABEL_COLUMN: Final = "unsd_relationship"
UNSD_LABELS: Final = frozenset({"1:1", "1:n", "n:1", "n:n"})

#: UN Comtrade's residual code ("commodities not specified"): not an HS subheading; rows with it are skipped.
RESIDUAL_CODE: Final = "999999"

Source = str | os.PathLike[str] | IO[str] | Iterable[str]
"""What :func:`load_correlation` reads: a path, or a text file object (any iterable of lines)."""


class Relationship(enum.StrEnum):
    """How the code converted relates to its candidates, read in the direction of conversion (from:to).

    Unlike UNSD's labels (newer:older), the left side is always the edition
    converted *from*: converting a split code forwards is ``one_to_many``,
    and converting one of the split codes back is ``many_to_one``.
    """

    ONE_TO_ONE = "one_to_one"
    """One candidate, and it corresponds to this code only (unchanged or renumbered)."""
    ONE_TO_MANY = "one_to_many"
    """Several candidates, each corresponding to this code only: the code was split. Ambiguous."""
    MANY_TO_ONE = "many_to_one"
    """One candidate, which also covers other codes of the source edition: a merge. Exact."""
    MANY_TO_MANY = "many_to_many"
    """Several candidates, some also covering other source codes: a regrouping. Ambiguous."""
    UNKNOWN = "unknown"
    """No candidate: the code, an edition or a link is missing from the table (``reason`` says which)."""


@final
@attrs.frozen
class Conversion:
    """The result of converting one subheading between editions.

    ``candidates`` are every code of ``to_version`` the table links the code
    to, sorted; when there are several (a split or regrouping), ``ambiguous``
    is true and the goods' description must settle which one applies, which
    a correlation table cannot do. ``path`` lists the editions passed
    through, ``from_version`` first. ``known`` says whether the table knows
    the code in ``from_version`` at all. ``unlinked`` names codes on the way,
    as ``(edition, code)``, that the table links to nothing in the next
    edition (a gap in the table), and ``reason`` explains an empty or
    incomplete result in words.
    """

    code: str
    from_version: str
    to_version: str
    candidates: tuple[str, ...]
    relationship: Relationship
    path: tuple[str, ...] = ()
    known: bool = True
    unlinked: tuple[tuple[str, str], ...] = ()
    reason: str | None = None
    ambiguous: bool = attrs.field(init=False)

    @ambiguous.default
    def _ambiguous(self) -> bool:
        return len(self.candidates) > 1

    @property
    def found(self) -> bool:
        """Whether the conversion yielded at least one candidate."""
        return bool(self.candidates)

    @property
    def exact(self) -> bool:
        """Whether the conversion yielded exactly one candidate (1:1, or a merge)."""
        return len(self.candidates) == 1

    @property
    def unchanged(self) -> bool:
        """Whether the code stays the same code and nothing else corresponds to it."""
        return self.relationship is Relationship.ONE_TO_ONE and self.candidates == (self.code,)


@final
@attrs.frozen
class Link:
    """One row of a correlation table: ``new_code`` (in ``new_version``) covers ``old_code`` (in ``old_version``)."""

    new_version: str
    old_version: str
    new_code: str
    old_code: str


_Index = Mapping[str, frozenset[str]]

#: Where each field sits in the row :meth:`CorrelationTable.from_links` checks a link as.
_LINK_FIELDS: Final[Mapping[str, int]] = MappingProxyType(
    {"new_version": 0, "old_version": 1, "new_code": 2, "old_code": 3}
)


@final
@attrs.frozen(eq=False)
class CorrelationTable:
    """An indexed, immutable correlation table. Build it with :func:`load_correlation` or :meth:`from_links`.

    Every link is indexed in both directions when the table is built, so
    :meth:`convert` only looks codes up.
    """

    source: str
    link_count: int
    skipped: int
    _steps: Mapping[tuple[str, str], _Index] = attrs.field(alias="steps")
    _codes: Mapping[str, frozenset[str]] = attrs.field(alias="codes")
    _paths: Mapping[tuple[str, str], tuple[str, ...]] = attrs.field(alias="paths")

    @classmethod
    def from_links(cls, links: Iterable[Link], source: str = "<links>") -> CorrelationTable:
        """A table of ``links``; duplicates count once, links with the residual code ``999999`` are skipped.

        Raises:
            CorrelationTableError: a link with a bad edition or code, or an older ``new_version``
                (the error names the link's position, counting from 1, as its line).
        """
        checked: list[Link] = []
        skipped = 0
        for position, link in enumerate(links, start=1):
            row = [link.new_version, link.old_version, link.new_code, link.old_code]
            good = _link(row, _LINK_FIELDS, source, position)
            if good is None:
                skipped += 1
            else:
                checked.append(good)
        return _index(checked, source, skipped)

    @property
    def editions(self) -> tuple[str, ...]:
        """The editions the table holds codes of, oldest first."""
        return tuple(sorted(self._codes, key=edition_year))

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The pairs of editions the table links directly, as ``(older, newer)``, oldest first."""
        pairs = {(a, b) for a, b in self._steps if edition_year(a) < edition_year(b)}
        return tuple(sorted(pairs, key=lambda pair: (edition_year(pair[0]), edition_year(pair[1]))))

    def codes(self, edition: str) -> frozenset[str]:
        """Every subheading of ``edition`` the table mentions (empty for an edition it does not hold)."""
        return self._codes.get(parse_edition(edition), frozenset())

    def knows(self, code: str, edition: str) -> bool:
        """Whether the table mentions subheading ``code`` (separators allowed) in ``edition``."""
        return normalize_hs(code) in self.codes(edition)

    def path(self, from_version: str, to_version: str) -> tuple[str, ...] | None:
        """The editions a conversion passes through, both ends included, or ``None`` when the table links no chain."""
        start, end = parse_edition(from_version), parse_edition(to_version)
        if start == end:
            return (start,) if start in self._codes else None
        return self._paths.get((start, end))

    def convert(self, code: str, from_version: str, to_version: str) -> Conversion:
        """Convert subheading ``code`` of ``from_version`` to ``to_version``, in either direction.

        Editions are chained through the table's pairs (HS2002 -> HS2017 goes
        through HS2007 and HS2012); the candidates are the union over the
        chain, so they only widen. An unknown code, an edition the table does
        not hold, or a gap in the chain gives a result with no candidates and
        a ``reason``, never an exception.

        Raises:
            ValueError: an edition name that is not ``HS`` and a year.
        """
        digits = normalize_hs(str(code))
        start, end = parse_edition(from_version), parse_edition(to_version)

        def unknown(
            reason: str, path: tuple[str, ...] = (), known: bool = True, unlinked: tuple[tuple[str, str], ...] = ()
        ) -> Conversion:
            return Conversion(digits, start, end, (), Relationship.UNKNOWN, path, known, unlinked, reason)

        # Each reason is a Phrase: its English text as always, its words translatable around the typed parts.
        for edition in (start, end):
            if edition not in self._codes:
                held: str | tuple[str, ...] = tuple(self.editions) or Phrase("none")
                facts = {"edition": edition, "held": held}
                return unknown(Phrase("the table holds no {edition} codes (it holds {held})", facts), known=edition != start)
        if digits not in self._codes[start]:
            text = f"{code!r} is not an {start} subheading in the table"
            facts = {"code": str(code), "edition": start}
            return unknown(Phrase("'{code}' is not an {edition} subheading in the table", facts, text), known=False)
        path = self.path(start, end)
        if path is None:
            links = {"from_edition": start, "to_edition": end}
            return unknown(Phrase("the table links no chain of editions from {from_edition} to {to_edition}", links))
        current: set[str] = {digits}
        unlinked: list[tuple[str, str]] = []
        for here, there in pairwise(path):
            step = self._steps[(here, there)]
            following: set[str] = set()
            for found in sorted(current):
                targets = step.get(found)
                if targets:
                    following.update(targets)
                else:
                    unlinked.append((here, found))
            current = following
            if not current:
                chain = {"gaps": _gaps(unlinked), "edition": there}
                reason = Phrase("the table links {gaps} to nothing in {edition}", chain, _gaps_text(unlinked, there))
                return unknown(reason, path, unlinked=tuple(unlinked))
        candidates = tuple(sorted(current))
        sources = self._back(candidates, path)
        if len(candidates) == 1:
            relationship = Relationship.ONE_TO_ONE if sources == {digits} else Relationship.MANY_TO_ONE
        else:
            relationship = Relationship.ONE_TO_MANY if sources == {digits} else Relationship.MANY_TO_MANY
        incomplete: Phrase | None = None
        if unlinked:
            text = "incomplete: " + _gaps_text(unlinked, "the next edition")
            gaps = {"gaps": _gaps(unlinked)}
            incomplete = Phrase("incomplete: the table links {gaps} to nothing in the next edition", gaps, text)
        return Conversion(digits, start, end, candidates, relationship, path, True, tuple(unlinked), incomplete)

    def _back(self, candidates: tuple[str, ...], path: tuple[str, ...]) -> set[str]:
        """The codes of the path's first edition that any of ``candidates`` (in its last) corresponds to."""
        current = set(candidates)
        backwards = path[::-1]
        for here, there in pairwise(backwards):
            step = self._steps[(here, there)]
            current = {code for found in current for code in step.get(found, ())}
        return current


def _index(links: Iterable[Link], source: str, skipped: int) -> CorrelationTable:
    """Index checked links in both directions, with the chain of editions between every two editions."""
    steps: dict[tuple[str, str], dict[str, set[str]]] = {}
    seen: set[Link] = set()
    for link in links:
        if link in seen:
            continue
        seen.add(link)
        forward = steps.setdefault((link.old_version, link.new_version), {})
        forward.setdefault(link.old_code, set()).add(link.new_code)
        backward = steps.setdefault((link.new_version, link.old_version), {})
        backward.setdefault(link.new_code, set()).add(link.old_code)
    codes: dict[str, set[str]] = {}
    for (start, _), index in steps.items():
        codes.setdefault(start, set()).update(index)
    frozen_steps = MappingProxyType(
        {pair: MappingProxyType({code: frozenset(to) for code, to in index.items()}) for pair, index in steps.items()}
    )
    return CorrelationTable(
        source=source,
        link_count=len(seen),
        skipped=skipped,
        steps=frozen_steps,
        codes=MappingProxyType({edition: frozenset(found) for edition, found in codes.items()}),
        paths=MappingProxyType(_all_paths(frozen_steps.keys())),
    )


def _all_paths(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """The shortest chain of directly linked editions between every two editions (ties: oldest neighbour first)."""
    neighbours: dict[str, list[str]] = {}
    for start, end in pairs:
        neighbours.setdefault(start, []).append(end)
    for linked in neighbours.values():
        linked.sort(key=edition_year)
    paths: dict[tuple[str, str], tuple[str, ...]] = {}
    for origin in neighbours:
        previous: dict[str, str | None] = {origin: None}
        queue = deque([origin])
        while queue:
            here = queue.popleft()
            for there in neighbours.get(here, ()):
                if there not in previous:
                    previous[there] = here
                    queue.append(there)
        for target in previous:
            if target == origin:
                continue
            chain = [target]
            step = previous[target]
            while step is not None:
                chain.append(step)
                step = previous[step]
            paths[(origin, target)] = tuple(reversed(chain))
    return paths


def load_correlation(source: Source) -> CorrelationTable:
    """Read a correlation table (the format in this module's docstring) from a path or a text file object.

    The table is checked and indexed once; a row roo cannot read raises
    :class:`CorrelationTableError` naming its line. A path is read as UTF-8
    (a byte-order mark is allowed); a file object must be opened in text
    mode, ideally with ``newline=""``.

    >>> import io
    >>> table = load_correlation(io.StringIO(
    ...     "new_version,old_version,new_code,old_code,unsd_relationship\\n"
    ...     "HS2007,HS2002,030194,030199,n:1\\n"
    ...     "HS2007,HS2002,030195,030199,n:1\\n"))
    >>> result = table.convert("0301.99", "HS2002", "HS2007")
    >>> result.candidates, result.ambiguous, result.relationship.value
    (('030194', '030195'), True, 'one_to_many')

    Raises:
        CorrelationTableError: the table is empty, lacks a column, or has a row
            with a bad edition, code or label.
        OSError: the path cannot be read.
    """
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _read(handle, str(path))
    name = getattr(source, "name", None)
    return _read(source, name if isinstance(name, str) else "<correlation table>")


def _lines(lines: Iterable[str], name: str) -> Iterator[str]:
    for line in lines:
        if not isinstance(line, str):
            raise CorrelationTableError(name, None, "expected text, got bytes: open the file in text mode")
        yield line


def _read(lines: Iterable[str], name: str) -> CorrelationTable:
    reader = csv.reader(_lines(lines, name), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise CorrelationTableError(name, 1, "the table is empty; expected a header row") from None
    except csv.Error as error:
        raise CorrelationTableError(name, reader.line_num, f"not readable as CSV ({error})") from None
    columns = [column.strip().lstrip("\ufeff").lower() for column in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise CorrelationTableError(
            name,
            reader.line_num,
            f"the header lacks column(s) {', '.join(missing)}; "
            f"expected {','.join((*REQUIRED_COLUMNS, LABEL_COLUMN))}",
        )
    known = (*REQUIRED_COLUMNS, LABEL_COLUMN)
    where: dict[str, int] = {column: columns.index(column) for column in known if column in columns}
    links: list[Link] = []
    skipped = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise CorrelationTableError(name, reader.line_num, f"not readable as CSV ({error})") from None
        line = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise CorrelationTableError(name, line, f"expected {len(columns)} fields, found {len(row)}")
        link = _link(row, where, name, line)
        if link is None:
            skipped += 1
        else:
            links.append(link)
    if not links:
        raise CorrelationTableError(name, None, "the table has no correlation rows")
    return _index(links, name, skipped)


def _link(row: list[str], where: Mapping[str, int], name: str, line: int) -> Link | None:
    """The link a row states, ``None`` for a residual-code row; raises on a malformed row."""
    editions = []
    for column in ("new_version", "old_version"):
        cell = row[where[column]]
        try:
            editions.append(parse_edition(cell))
        except ValueError:
            detail = f"{column} {cell.strip()!r} is not an HS edition (e.g. HS2007)"
            raise CorrelationTableError(name, line, detail) from None
    new_version, old_version = editions
    if edition_year(new_version) <= edition_year(old_version):
        raise CorrelationTableError(
            name, line, f"new_version {new_version} must be a later edition than old_version {old_version}"
        )
    codes = []
    for column in ("new_code", "old_code"):
        cell = row[where[column]].strip()
        digits = normalize_hs(cell)
        if not (digits.isascii() and digits.isdigit()):
            raise CorrelationTableError(name, line, f"{column} {cell!r} is not a six-digit HS subheading")
        if len(digits) != 6:
            hint = " (were leading zeros lost?)" if len(digits) < 6 else ""
            raise CorrelationTableError(
                name, line, f"{column} {cell!r} has {len(digits)} digits, expected a six-digit subheading{hint}"
            )
        codes.append(digits)
    if LABEL_COLUMN in where:
        label = row[where[LABEL_COLUMN]].strip().lower()
        if label and label not in UNSD_LABELS:
            raise CorrelationTableError(
                name, line, f"{LABEL_COLUMN} {label!r} is not one of {', '.join(sorted(UNSD_LABELS))} (or empty)"
            )
    new_code, old_code = codes
    if RESIDUAL_CODE in (new_code, old_code):
        return None
    return Link(new_version, old_version, new_code, old_code)


def _gaps(unlinked: list[tuple[str, str]]) -> tuple[str, ...]:
    """Each code the table links to nothing, after its edition (``HS2012 030617``): data, no words."""
    return tuple(f"{edition} {code}" for edition, code in unlinked)


def _gaps_text(unlinked: list[tuple[str, str]], there: str) -> str:
    """The English words of a gap in the table's chain of editions, as they have always read."""
    gaps = "; ".join(f"{edition} {gap}" for edition, gap in unlinked)
    return f"the table links {gaps} to nothing in {there}"
