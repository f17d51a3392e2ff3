"""An item rule's precheck must say, for the whole certificate, exactly what its check says for every item."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import roo
from roo.rules import RULESETS
from roo.rules.base import ItemRule
from roo.strategies import certificates, contexts

PRECHECKED = [rule for rules in RULESETS.values() for rule in rules if isinstance(rule, ItemRule) and rule.precheck]
EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.json"))


def _agrees(rule: ItemRule, co: roo.Certificate, ctx: roo.Context) -> None:
    assert rule.precheck is not None
    shared = rule.precheck(co, ctx)
    if shared is None:
        return
    assert () == shared.findings
    for item in co.items:
        result = rule.check(item, co, ctx)
        assert (shared.outcome, shared.needed, ()) == (result.outcome, result.needed, result.findings), rule.title


def test_some_rules_have_prechecks() -> None:
    """The rules that skip their item loop when the context lacks what they need."""
    assert len(PRECHECKED) >= 6


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_prechecks_agree_on_the_examples(path: Path) -> None:
    """On every bundled example, with and without its context."""
    data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    try:
        co = roo.load(data.get("certificate", data))
        ctx = roo.load_context(data.get("context") or {})
    except roo.InvalidCertificate:
        pytest.skip("a malformed example has nothing to evaluate")
    for rule in PRECHECKED:
        _agrees(rule, co, ctx)
        _agrees(rule, co, roo.Context())


@given(st.data())
def test_prechecks_agree_on_generated_certificates(data: st.DataObject) -> None:
    """On generated certificates with consistent and arbitrary contexts."""
    co = data.draw(certificates())
    ctx = data.draw(contexts(co) | contexts() | st.just(roo.Context()))
    for rule in PRECHECKED:
        _agrees(rule, co, ctx)
