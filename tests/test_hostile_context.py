"""Exact whatever the caller's decimal settings (issue 16, part 5).

With ``decimal.getcontext().prec = 8`` in the calling thread a partially accepted CO came out accepted: rules
computed in the caller's context. Every public entry point now runs in roo's own context
(:mod:`roo._exact`). These tests evaluate the whole examples corpus in a thread whose context is hostile
(3 digits, rounding down, traps changed) and require results identical to the main thread's.
"""

from __future__ import annotations

import decimal
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import roo
from roo.cli.evaluate import render, render_markdown
from roo.report import html_report
from tests.builders import PRESENTED_ON

#: Every test here runs on both paths of JSON text: roo[fast]'s msgspec reader and the standard one.
pytestmark = pytest.mark.usefixtures("text_reader")

ROOT = Path(__file__).resolve().parent.parent


def _corpus() -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    cases = []
    for path in sorted((ROOT / "examples").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        certificate = data.get("certificate", data)
        if path.name == "malformed.json" or not isinstance(certificate, dict) or "items" not in certificate:
            continue
        cases.append((certificate, data.get("context")))
    return cases


def _results() -> list[Any]:
    """Every output of every example: loaded, evaluated (plain and in each locale), rendered, and the e-CO functions."""
    out: list[Any] = []
    for certificate, context in _corpus():
        co = roo.loads(json.dumps(certificate))
        ctx = roo.load_context(context) if context is not None else roo.Context()
        on = ctx.on or PRESENTED_ON
        out.append(roo.dump(co))
        for locale in (None, "ja", "id"):
            evaluation = roo.evaluate(co, ctx, on=on, locale=locale)
            out.append(evaluation.to_dict())
        evaluation = roo.evaluate(co, ctx, on=on)
        out.append(render(evaluation, co))
        out.append(render_markdown(evaluation, co))
        out.append(html_report(co, evaluation))
        out.append(roo.eco.digest(co))
    return out


def _in_thread(setup: Callable[[], None]) -> list[Any]:
    box: list[Any] = []

    def work() -> None:
        setup()
        try:
            box.append(_results())
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            box.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=600)
    (result,) = box
    if isinstance(result, BaseException):
        raise result
    return result  # type: ignore[no-any-return]


def _hostile() -> None:
    context = decimal.getcontext()
    context.prec = 3
    context.rounding = decimal.ROUND_DOWN
    context.Emax = 10
    context.Emin = -10
    context.traps[decimal.Inexact] = True
    context.traps[decimal.Rounded] = True
    context.traps[decimal.InvalidOperation] = False
    context.traps[decimal.DivisionByZero] = False


def test_a_hostile_ambient_context_changes_nothing() -> None:
    """prec=3, rounding down, Inexact and Rounded trapped, InvalidOperation not: identical results."""
    expected = _results()
    assert expected == _in_thread(_hostile)


def test_the_callers_context_is_left_as_it_was() -> None:
    """roo computes in a copy of its own context and restores the caller's: nothing leaks either way."""

    def check() -> None:
        decimal.getcontext().prec = 5

    seen: list[int] = []

    def work() -> None:
        check()
        roo.evaluate(roo.loads(json.dumps(_corpus()[0][0])), on=PRESENTED_ON)
        seen.append(decimal.getcontext().prec)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=900)
    assert [5] == seen


def test_a_changed_default_context_changes_nothing() -> None:
    """A program that changed ``decimal.DefaultContext`` (which new threads copy) gets the same results."""
    expected = _results()
    saved = decimal.DefaultContext.prec
    decimal.DefaultContext.prec = 4
    try:
        assert expected == _in_thread(lambda: None)
    finally:
        decimal.DefaultContext.prec = saved


_BEFORE_IMPORT = """
import decimal, json, sys
context = decimal.DefaultContext
context.prec, context.rounding, context.Emax, context.Emin, context.clamp = 3, decimal.ROUND_DOWN, 10, -10, 1
context.traps[decimal.InvalidOperation] = False
decimal.setcontext(decimal.Context())
sys.path.insert(0, sys.argv[1])
from tests.test_hostile_context import _determinations
print(json.dumps(_determinations()))
"""


def _determinations() -> list[Any]:
    """Every bundled good determined with and without its product-rule table, and a few goods whose figures
    only an exact context keeps (shares of 100 %, values past 28 digits, tenths of a cent)."""
    from roo.origin import determine, load_good, load_psr
    from tests.origin.helpers import good_data, material

    out: list[Any] = []
    for path in sorted((ROOT / "examples" / "goods").glob("*.json")):
        good = load_good(json.loads(path.read_text(encoding="utf-8")))
        scheme = "jiepa" if good.scheme is roo.Scheme.JIEPA else "ajcep"
        psr = load_psr(ROOT / "examples" / "psr" / f"{scheme}_example.json")
        out.extend((determine(good, psr).to_dict(), determine(good).to_text()))
    fob = {"amount": "1000000000000000000000000000000.000", "currency": "USD"}
    for materials, changes in (
        ((material("Flour", "110100", "0.00"),), {}),
        ((material("Flour", "190590", "1000.00"),), {"fob_value": {"amount": "1000.00", "currency": "USD"}}),
        ((material("Flour", "190590", "600000000000000000000000000000.001"),), {"fob_value": fob}),
    ):
        determination = determine(load_good(good_data(*materials, **changes)))
        out.extend((determination.to_dict(), determination.to_text()))
    return out


def test_a_default_context_changed_before_roo_is_imported_changes_nothing() -> None:
    """roo builds its decimal contexts when it is imported, every setting given: a program that changed
    ``decimal.DefaultContext`` first (3 digits, rounding down, clamping, small exponents) gets the same results."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", _BEFORE_IMPORT, str(ROOT)], capture_output=True, text=True, check=False, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout) == json.loads(json.dumps(_determinations()))
