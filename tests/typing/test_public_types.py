"""The public types of roo, pinned with ``typing.assert_type``.

This file is type-checked (``mypy src tests/typing``) and never run: a
change to a public signature that would break users' type checking fails
mypy here. The functions are never called.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any, assert_type

from hypothesis.strategies import SearchStrategy

import roo
from roo.model import Criterion, CriterionKind, Item, Party
from roo.strategies import certificate_data, certificates, contexts, defective_certificates


def loading(data: dict[str, Any]) -> None:
    """``load``, ``dump``, ``load_context`` and ``json_schema``."""
    co = roo.load(data)
    assert_type(co, roo.Certificate)
    assert_type(roo.dump(co), dict[str, Any])
    ctx = roo.load_context(data)
    assert_type(ctx, roo.Context)
    assert_type(roo.dump_context(ctx), dict[str, Any])
    assert_type(roo.json_schema(), dict[str, Any])


def the_certificate(co: roo.Certificate) -> None:
    """Fields of the certificate and its items."""
    assert_type(co.scheme, roo.Scheme)
    assert_type(co.issue_date, date)
    assert_type(co.reference_number, str | None)
    assert_type(co.items, tuple[Item, ...])
    assert_type(co.exporter, Party | None)
    assert_type(co.item(1), Item | None)
    item = co.items[0]
    assert_type(item.number, int)
    assert_type(item.hs_code, str)
    assert_type(item.hs_digits, str)
    assert_type(item.origin_criterion, roo.OriginCriterion)
    assert_type(item.fob_value, roo.Money | None)
    assert_type(item.quantity, roo.Quantity | None)


def box_8(text: str) -> None:
    """The parsed origin criterion."""
    parsed = roo.OriginCriterion.parse(text)
    assert_type(parsed, roo.OriginCriterion)
    assert_type(parsed.criteria, tuple[Criterion, ...])
    assert_type(parsed.kinds, frozenset[CriterionKind])
    assert_type(parsed.rvc_percent, Decimal | None)
    assert_type(parsed.problem, str | None)
    assert_type(parsed.de_minimis, bool)


def money(amount: roo.Money, quantity: roo.Quantity) -> None:
    """Money and quantities carry Decimals."""
    assert_type(amount.amount, Decimal)
    assert_type(amount.currency, str)
    assert_type(quantity.value, Decimal)
    assert_type(quantity.unit, str)


def evaluating(co: roo.Certificate, data: dict[str, Any]) -> None:
    """``evaluate`` with a context, with keyword facts, with a Mapping; the Evaluation and what it holds."""
    ctx = roo.Context(on=date(2024, 3, 20), exchange_rates={"USD/JPY": Decimal("150.25")})
    ev = roo.evaluate(co, ctx)
    assert_type(ev, roo.Evaluation)
    assert_type(roo.evaluate(co), roo.Evaluation)
    assert_type(roo.evaluate(co, on=date(2024, 3, 20)), roo.Evaluation)
    assert_type(roo.evaluate(data), roo.Evaluation)
    assert_type(ev.status, roo.Status)
    assert_type(ev.items, tuple[roo.ItemVerdict, ...])
    assert_type(ev.findings, tuple[roo.Finding, ...])
    assert_type(ev.checks, tuple[roo.Check, ...])
    assert_type(ev.granted, tuple[int, ...])
    assert_type(ev.denied, tuple[int, ...])
    assert_type(ev.item(1), roo.ItemVerdict | None)
    assert_type(ev.to_dict(), dict[str, Any])
    verdict = ev.items[0]
    assert_type(verdict.number, int)
    assert_type(verdict.preference, roo.Preference)
    assert_type(verdict.granted, bool)
    finding = ev.findings[0]
    assert_type(finding.rule, str)
    assert_type(finding.code, str)
    assert_type(finding.severity, roo.Severity)
    assert_type(finding.item, int | None)
    assert_type(finding.message, str)
    assert_type(finding.denies, bool)
    check = ev.checks[0]
    assert_type(check.outcome, roo.Outcome)
    assert_type(check.needed, tuple[str, ...])


def the_context(ctx: roo.Context) -> None:
    """Context facts and helpers."""
    assert_type(ctx.on, date | None)
    assert_type(ctx.customs_value, roo.Money | None)
    assert_type(ctx.rate("USD", "JPY"), Decimal | None)
    assert_type(ctx.convert(roo.Money(Decimal(1), "USD"), "JPY"), roo.Money | None)
    assert_type(ctx.related_certificates, tuple[roo.Certificate, ...])


def errors(data: object) -> None:
    """The exception and its problems."""
    try:
        roo.load(data)
    except roo.InvalidCertificate as error:
        assert_type(error.problems, tuple[roo.Problem, ...])
        assert_type(error.problems[0].path, str)
        assert_type(error.problems[0].message, str)


def batches(cos: Iterator[roo.Certificate]) -> None:
    """``evaluate_many`` yields evaluations; with ``errors="return"`` also the errors in their place."""
    for result in roo.evaluate_many(cos):
        assert_type(result, roo.Evaluation)
    for either in roo.evaluate_many(cos, errors="return"):
        assert_type(either, roo.Evaluation | roo.InvalidCertificate)


def strategies(co: roo.Certificate) -> None:
    """The Hypothesis strategies of ``roo.strategies``."""
    assert_type(certificates(), SearchStrategy[roo.Certificate])
    assert_type(certificates(roo.Scheme.AJCEP, min_items=2), SearchStrategy[roo.Certificate])
    assert_type(certificates("JIEPA"), SearchStrategy[roo.Certificate])
    assert_type(certificate_data(), SearchStrategy[dict[str, Any]])
    assert_type(defective_certificates("unsigned"), SearchStrategy[tuple[roo.Certificate, int | None, str]])
    assert_type(contexts(), SearchStrategy[roo.Context])
    assert_type(contexts(co), SearchStrategy[roo.Context])
