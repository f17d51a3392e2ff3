"""The keyword context fields of ``roo.evaluate`` are typed (``Unpack`` of ``roo.context.ContextFields``).

Type-checked, never run. Each ``# type: ignore[...]`` below is a call mypy
must refuse: ``--strict`` warns about an unused ignore, so a signature that
stopped refusing it fails the check.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import assert_type

import roo


def keyword_fields(co: roo.Certificate, ctx: roo.Context) -> None:
    """A field takes its own type or its JSON form; the result is an Evaluation with ``complete``."""
    assert_type(roo.evaluate(co, on=date(2024, 3, 20)), roo.Evaluation)
    assert_type(roo.evaluate(co, on="2024-03-20"), roo.Evaluation)
    assert_type(roo.evaluate(co, ctx, customs_value={"amount": "150000", "currency": "JPY"}), roo.Evaluation)
    assert_type(roo.evaluate(co, customs_value=roo.Money(Decimal("1"), "JPY")), roo.Evaluation)
    assert_type(roo.evaluate(co, {"on": "2024-03-20"}), roo.Evaluation)
    assert_type(roo.evaluate(co, consignment={"direct": True}, declaration={"items": []}), roo.Evaluation)
    assert_type(roo.evaluate(co).complete, bool)
    assert_type(roo.evaluate(co).unverified, tuple[roo.Check, ...])


def refused(co: roo.Certificate) -> None:
    """Calls the types refuse: an unknown field, a number for a date."""
    roo.evaluate(co, presented_on="2024-03-20")  # type: ignore[call-arg]
    roo.evaluate(co, on=20240320)  # type: ignore[arg-type]
