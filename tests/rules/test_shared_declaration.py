"""roo.rules.shared.declaration: context records grouped by CO item once, so item rules cost items + records."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from roo.context import Declaration, DeclarationItem
from roo.model.money import Quantity
from roo.rules.shared.declaration import item_path, lines_by_item, lines_for
from tests.builders import certificate, item_data

NUMBERS = st.lists(st.integers(min_value=1, max_value=6), max_size=30)


def declaration_of(numbers: list[int]) -> Declaration:
    """A declaration with one line per number, each line's quantity its position (so lines are distinct)."""
    return Declaration(
        items=tuple(
            DeclarationItem(certificate_item=n, quantity=Quantity(Decimal(i), "KGM")) for i, n in enumerate(numbers)
        )
    )


@given(NUMBERS, st.integers(min_value=0, max_value=7))
def test_lines_for_agrees_with_for_item(numbers: list[int], number: int) -> None:
    """The indexed lookup gives what the declaration's own scan gives, in the same order."""
    declaration = declaration_of(numbers)
    assert declaration.for_item(number) == lines_for(declaration, number)


@given(NUMBERS, NUMBERS)
def test_a_second_declaration_is_grouped_afresh(first: list[int], second: list[int]) -> None:
    """The remembered grouping belongs to one declaration; asking about another never returns the first's."""
    one, other = declaration_of(first), declaration_of(second)
    lines_by_item(one)
    assert {n: other.for_item(n) for n in set(second)} == dict(lines_by_item(other))


def test_item_path_names_the_field_and_no_position() -> None:
    """The finding names the item by its number; a 0-based position beside it would name another item."""
    co = certificate(items=[item_data(5), item_data(2), item_data(9)])
    assert "certificate.items.quantity" == item_path(co, co.items[2], "quantity")
