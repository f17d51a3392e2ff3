"""The import declaration's lines by the CO item they claim preference under, found in constant time.

Item rules ask, for each CO item, which declaration lines claim it.
:meth:`roo.Declaration.for_item` scans every line, so asking it for every
item costs items x lines. Here the lines are grouped once per declaration,
and every later question is a dictionary lookup: the cost of the rules that
read the declaration grows with items plus lines.

The grouping of the last declaration asked about is remembered (with a weak
reference, so the declaration is not kept alive). It is a cache of a pure
function of an immutable value: what the rules conclude cannot depend on it,
and two threads that fill it at once each get a correct grouping.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping

from roo.context import Declaration, DeclarationItem
from roo.model.certificate import Certificate, Item

_Grouping = tuple["weakref.ReferenceType[Declaration]", Mapping[int, tuple[DeclarationItem, ...]]]

#: The last declaration grouped, and its grouping (replaced as a whole: a reader never sees half of one).
_last: list[_Grouping] = []


def lines_by_item(declaration: Declaration) -> Mapping[int, tuple[DeclarationItem, ...]]:
    """The declaration's lines grouped by the CO item number they claim, each group in declaration order."""
    if _last:
        reference, grouping = _last[0]
        if reference() is declaration:
            return grouping
    grouped: dict[int, list[DeclarationItem]] = {}
    for line in declaration.items:
        grouped.setdefault(line.certificate_item, []).append(line)
    frozen = {number: tuple(lines) for number, lines in grouped.items()}
    _last[:] = [(weakref.ref(declaration), frozen)]
    return frozen


def lines_for(declaration: Declaration, number: int) -> tuple[DeclarationItem, ...]:
    """The lines of ``declaration`` that claim preference under CO item ``number`` (as ``for_item``, indexed)."""
    return lines_by_item(declaration).get(number, ())


#: The last certificate whose item positions were asked for, and the positions by the items' identity.
_last_positions: list[tuple["weakref.ReferenceType[Certificate]", Mapping[int, int]]] = []


def item_path(co: Certificate, item: Item, field: str) -> str:
    """The JSON path of ``field`` of ``item`` on ``co`` (``certificate.items[3].hs_code``), in constant time.

    ``co.items.index(item)`` would compare the item with every item before it, on every item asked about.
    """
    positions: Mapping[int, int] | None = None
    if _last_positions:
        reference, remembered = _last_positions[0]
        if reference() is co:
            positions = remembered
    if positions is None:
        positions = {id(each): index for index, each in enumerate(co.items)}
        _last_positions[:] = [(weakref.ref(co), positions)]
    return f"certificate.items[{positions[id(item)]}].{field}"
