"""A back-to-back CO and the original it rests on: which CO is which, and which original item each item draws from.

A CO is back-to-back in substance when it names the original CO it is based
on (``original_certificate`` with a reference number), whatever its box 13
says; a ticked box without a named original is back-to-back by its own
statement. Both are given every back-to-back check (the missing tick is a
finding of its own).

The original, when the context carries it, is the related certificate with
the named reference number (compared stripped and case-folded) that is not
itself back-to-back and is not the CO presented. Which original item an item
draws from is ``original_item`` when given; otherwise the original's item
with the same number if it is the same good (the same six-digit subheading,
or a code that cannot be compared); otherwise the one original item in the
same subheading; otherwise roo cannot tell (``None``).

Every lookup here is indexed once per certificate and context
(:func:`index`), so that the rules that use it cost time linear in the
items and related certificates, however many items draw on the original.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping
from typing import Final, TypeVar, final

import attrs

from ...context import Context
from ...model.certificate import Certificate, Item


def reference_key(reference: str | None) -> str | None:
    """A reference number for comparison: stripped, case-folded; None when blank."""
    if reference is None or not reference.strip():
        return None
    return reference.strip().casefold()


def original_key(co: Certificate) -> str | None:
    """The key of the original CO that ``co`` names, or None when it names none."""
    reference = co.original_certificate
    return reference_key(reference.reference_number) if reference is not None else None


def based_on_original(co: Certificate) -> bool:
    """Whether ``co`` names an original CO it is based on, ticked 'Back-to-Back CO' or not."""
    reference = co.original_certificate  # None on most COs: told without a further call
    return reference is not None and reference_key(reference.reference_number) is not None


def back_to_back(co: Certificate) -> bool:
    """Whether ``co`` is back-to-back: ticked so, or based on an original (the substance, whatever the box says)."""
    return co.back_to_back or (co.original_certificate is not None and based_on_original(co))


def names_itself(co: Certificate) -> bool:
    """Whether ``co`` names itself as its original: the same reference number and no other exporting Party."""
    wanted = original_key(co)
    if wanted is None or wanted != reference_key(co.reference_number):
        return False
    stated = co.original_certificate.exporting_party if co.original_certificate is not None else None
    return stated is None or stated == co.exporting_party


def subheading(item: Item) -> str | None:
    """The item's six-digit subheading, or None when its code is not at least six digits."""
    digits = item.hs_digits
    head = digits[:6]
    return head if len(head) == 6 and head.isascii() and head.isdigit() else None


@final
class OriginalIndex:
    """The original CO's items by number and by subheading, to find what an item draws from in constant time."""

    __slots__ = ("by_number", "by_subheading", "original")

    def __init__(self, original: Certificate) -> None:
        self.original = original
        by_number: dict[int, Item] = {}
        by_subheading: dict[str, int | None] = {}
        for item in original.items:
            by_number.setdefault(item.number, item)  # the first, as Certificate.item finds it
            head = subheading(item)
            if head is not None:
                # One item in a subheading is a match; a second makes the subheading ambiguous (None).
                by_subheading[head] = item.number if head not in by_subheading else None
        self.by_number: Mapping[int, Item] = by_number
        self.by_subheading: Mapping[str, int | None] = by_subheading

    def item(self, number: int) -> Item | None:
        """The original's item with this number, or None."""
        return self.by_number.get(number)

    def source(self, item: Item) -> int | None:
        """The number of the original's item that ``item`` draws from, or None when roo cannot tell."""
        if item.original_item is not None:
            return item.original_item
        wanted = subheading(item)
        same = self.by_number.get(item.number)
        if same is not None:
            printed = subheading(same)
            if wanted is None or printed is None or printed == wanted:
                return same.number
        if wanted is None:
            return None
        return self.by_subheading.get(wanted)


@final
@attrs.frozen
class Basis:
    """What a back-to-back CO rests on in a context: its original (when the context has it) and its siblings.

    ``siblings`` are the other related certificates based on the same original
    (not the CO itself, not one with its reference number), in the context's
    order.
    """

    original: Certificate | None
    index: OriginalIndex | None
    siblings: tuple[Certificate, ...]


_NO_BASIS: Final = Basis(None, None, ())


def _basis(co: Certificate, ctx: Context) -> Basis:
    wanted = original_key(co)
    if wanted is None or names_itself(co):
        return _NO_BASIS
    own = reference_key(co.reference_number)
    original: Certificate | None = None
    siblings: list[Certificate] = []
    for related in ctx.related_certificates:
        if related is co:
            continue
        if original_key(related) == wanted:
            if own is None or reference_key(related.reference_number) != own:
                siblings.append(related)
        elif (
            original is None
            and not related.back_to_back
            and reference_key(related.reference_number) == wanted
            and not based_on_original(related)
        ):
            original = related
    index = OriginalIndex(original) if original is not None else None
    return Basis(original, index, tuple(siblings))


_T = TypeVar("_T")


def per_certificate(compute: Callable[[Certificate, Context], _T]) -> Callable[[Certificate, Context], _T]:
    """``compute``, remembered per thread for the last certificate and context only, compared by identity.

    The item rules of one evaluation ask the same question once per item; the
    answer is worked out once. A result never depends on the memory, only the
    cost does: another certificate or context, or another thread, computes
    afresh.
    """
    last = threading.local()

    @functools.wraps(compute)
    def remembered(co: Certificate, ctx: Context) -> _T:
        entry: tuple[Certificate, Context, _T] | None = getattr(last, "entry", None)
        if entry is not None and entry[0] is co and entry[1] is ctx:
            return entry[2]
        found = compute(co, ctx)
        last.entry = (co, ctx, found)
        return found

    return remembered


#: The :class:`Basis` of a CO in a context, worked out once for the rules that each ask for it.
basis: Final = per_certificate(_basis)


def find_original(co: Certificate, ctx: Context) -> Certificate | None:
    """The original CO named by ``co``, when the context carries it."""
    return basis(co, ctx).original
