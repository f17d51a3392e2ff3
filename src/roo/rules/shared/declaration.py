"""Context records by the CO item they concern, found in constant time.

Item rules ask, for each CO item, which declaration lines claim it, which
accumulation documents concern it, which bills of materials describe it.
Scanning the whole list for every item costs items x records
(:meth:`roo.Declaration.for_item` does); here each list is grouped once, and
every later question is a dictionary lookup, so the cost of those rules grows
with items plus records.

A grouping is remembered for the last object asked about (by a weak
reference, so that object is not kept alive). It is a cache of a pure
function of an immutable value: what the rules conclude cannot depend on it,
and two threads that fill it at once each get a correct grouping.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

from ...context import Context, Declaration, DeclarationItem
from ...model.certificate import Certificate, Item

_Owner = TypeVar("_Owner")
_Value = TypeVar("_Value")


class _LastGrouping(Generic[_Owner, _Value]):
    """The grouping of one owner's records, rebuilt when asked about another owner."""

    __slots__ = ("_build", "_last")

    def __init__(self, build: Callable[[_Owner], Mapping[Any, _Value]]) -> None:
        self._build = build
        self._last: tuple[Any, Mapping[Any, _Value]] | None = None

    def __call__(self, owner: _Owner) -> Mapping[Any, _Value]:
        last = self._last  # one read: another thread may replace it, never half of it
        if last is not None and last[0]() is owner:
            return last[1]
        grouping = self._build(owner)
        self._last = (weakref.ref(owner), grouping)
        return grouping


def group_by_item(records: Iterable[_Value], item_of: Callable[[_Value], int]) -> dict[int, tuple[_Value, ...]]:
    """``records`` grouped by the CO item number ``item_of`` gives for each, each group in the records' order."""
    grouped: dict[int, list[_Value]] = {}
    for record in records:
        grouped.setdefault(item_of(record), []).append(record)
    return {number: tuple(group) for number, group in grouped.items()}


def _group_lines(declaration: Declaration) -> Mapping[int, tuple[DeclarationItem, ...]]:
    return group_by_item(declaration.items, lambda line: line.certificate_item)


_lines: _LastGrouping[Declaration, tuple[DeclarationItem, ...]] = _LastGrouping(_group_lines)


def lines_by_item(declaration: Declaration) -> Mapping[int, tuple[DeclarationItem, ...]]:
    """The declaration's lines grouped by the CO item number they claim, each group in declaration order."""
    return _lines(declaration)


def lines_under_absent_items(declaration: Declaration, co: Certificate) -> dict[int, tuple[DeclarationItem, ...]]:
    """The declaration's lines under item numbers ``co`` does not have, by that number (declaration order)."""
    numbers = {item.number for item in co.items}
    return {number: lines for number, lines in lines_by_item(declaration).items() if number not in numbers}


def lines_for(declaration: Declaration, number: int) -> tuple[DeclarationItem, ...]:
    """The lines of ``declaration`` that claim preference under CO item ``number`` (as ``for_item``, indexed)."""
    return _lines(declaration).get(number, ())


def context_grouping(
    records_of: Callable[[Context], Iterable[_Value]], item_of: Callable[[_Value], int]
) -> Callable[[Context, int], tuple[_Value, ...]]:
    """A lookup ``(ctx, number) -> records`` of the context records ``records_of`` gives, grouped once per context."""
    grouping: _LastGrouping[Context, tuple[_Value, ...]] = _LastGrouping(
        lambda ctx: group_by_item(records_of(ctx), item_of)
    )

    def records_for(ctx: Context, number: int) -> tuple[_Value, ...]:
        return grouping(ctx).get(number, ())

    return records_for


def item_path(co: Certificate, item: Item, field: str) -> str:
    """The name of ``field`` of a CO item as a needed fact: ``certificate.items.hs_code``.

    It names no position: the check that needs it is about one item, which the
    finding names by its number ("Item 2: ..."), and a 0-based position
    beside that number would name another item to the reader.
    """
    return f"certificate.items.{field}"
