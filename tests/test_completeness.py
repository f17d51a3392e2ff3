"""An evaluation never reads "accepted" by accident (issue 11 §1).

Three guarantees, tested where each holds, each way it fails, and at its edges:

* keyword context fields of ``roo.evaluate`` are read as ``roo.load_context``
  reads them, or refused with ``InvalidContext`` naming the field;
* a rule that crashes never leaves its item (or, for a certificate rule, any
  item) granted;
* a check that could deny a granted item and was not made for want of a fact
  makes the evaluation not ``complete`` and is listed in ``unverified``; the
  CLI exits 4 for it.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import roo
from roo import engine
from roo.context import Context
from roo.evaluation import Outcome, Severity, Status
from roo.model.certificate import Certificate, Item
from roo.rules import rules_for
from roo.rules.base import PASSED, CertificateRule, ItemRule, Result
from roo.strategies import certificates, contexts
from tests.builders import PRESENTED_ON, certificate, certificate_data, complete_case, complete_context_data

EXAMPLES = Path(__file__).parent.parent / "examples"

CO = certificate()


# --- keyword context fields go through load_context's converter ------------------------------------------------


def test_a_date_given_as_text_is_read_as_that_date() -> None:
    """``on="2026-10-20"`` is the same presentation date as ``on=date(2026, 10, 20)``: both are after the CO's
    twelve months' validity (OCP Rule 4(1)), so both are rejected, never accepted on a skipped check."""
    as_text = roo.evaluate(CO, on="2026-10-20")
    as_date = roo.evaluate(CO, on=date(2026, 10, 20))
    assert (Status.REJECTED, as_date.to_dict()) == (as_text.status, as_text.to_dict())


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        pytest.param({"on": "2024-13-45"}, "on", id="impossible-date"),
        pytest.param({"on": "20 March 2024"}, "on", id="date-not-iso"),
        pytest.param({"on": 20240320}, "on", id="date-as-number"),
        pytest.param({"customs_value": {"amount": "x", "currency": "JPY"}}, "customs_value.amount", id="amount"),
        pytest.param({"customs_value": {"amount": "1", "currency": "yen"}}, "customs_value.currency", id="currency"),
        pytest.param({"declaration": {"items": [{"certificate_item": "one"}]}}, "declaration.items[0]", id="decl"),
        pytest.param({"consignment": {"direct": "yes"}}, "consignment.direct", id="consignment"),
        pytest.param({"related_certificates": None}, "related_certificates", id="null-list"),
        pytest.param({"presented_on": "2024-03-20"}, "$", id="unknown-field"),
    ],
)
def test_a_field_that_cannot_be_read_is_refused_naming_its_path(fields: dict[str, Any], path: str) -> None:
    """Bad input is an ``InvalidContext`` naming the JSON path, never a value handed raw to the rules."""
    with pytest.raises(roo.InvalidContext) as raised:
        roo.evaluate(CO, **fields)
    assert [p.path for p in raised.value.problems][0].startswith(path)


def test_a_datetime_is_not_a_date() -> None:
    """A ``datetime`` carries a time the rules do not compare: refused as ``load_context`` refuses it."""
    from datetime import datetime

    with pytest.raises(roo.InvalidContext):
        roo.evaluate(CO, on=datetime(2024, 3, 20, 9, 0))  # type: ignore[arg-type]


def test_json_fields_as_keywords_equal_the_loaded_context() -> None:
    """Dicts for customs_value, declaration and consignment give what ``load_context`` of the same JSON gives."""
    data = complete_context_data(certificate_data())
    data["customs_value"] = {"amount": "10950000", "currency": "JPY"}
    by_keywords = roo.evaluate(CO, **data)
    loaded = roo.evaluate(CO, roo.load_context(data))
    as_mapping = roo.evaluate(CO, data)
    assert by_keywords.to_dict() == loaded.to_dict() == as_mapping.to_dict()
    assert by_keywords.complete


def test_keywords_override_a_given_context() -> None:
    """A keyword (read from text) overrides the context's field; the others stay."""
    ctx = roo.load_context(complete_context_data(certificate_data()))
    evaluation = roo.evaluate(CO, ctx, on="2025-03-05")
    assert (date(2025, 3, 5), Status.ACCEPTED, True) == (evaluation.on, evaluation.status, evaluation.complete)


def test_typed_values_are_taken_as_they_are() -> None:
    """Values already of the field's type (a date, a Money, a tuple of certificates) need no reading."""
    evaluation = roo.evaluate(CO, on=PRESENTED_ON, customs_value=roo.Money(Decimal("10"), "JPY"), related_certificates=())
    assert PRESENTED_ON == evaluation.on


def test_evaluate_many_reads_keywords_once() -> None:
    """``evaluate_many`` reads the keyword fields as ``evaluate`` does, and refuses a bad one."""
    [evaluation] = roo.evaluate_many([CO], on="2026-10-20")
    assert Status.REJECTED == evaluation.status
    with pytest.raises(roo.InvalidContext):
        list(roo.evaluate_many([CO], on="not a date"))


# --- a crashed rule never leaves a grant -------------------------------------------------------------------------


def _crash(co: Certificate, ctx: Context) -> NoReturn:
    raise RuntimeError("a bug in a rule")


def _crash_on_item(item: Item, co: Certificate, ctx: Context) -> Result:
    raise RuntimeError("a bug in a rule")


def _with(*extra: CertificateRule | ItemRule) -> tuple[CertificateRule | ItemRule, ...]:
    return (*rules_for(CO.scheme), *extra)


def test_a_crashed_certificate_rule_denies_every_item_and_is_unverified() -> None:
    """A certificate rule that raises withholds preference from every item; the result is not complete."""
    ctx = roo.load_context(complete_context_data(certificate_data()))
    evaluation = engine.run(CO, ctx, _with(CertificateRule("AJCEP/IR/3(c)", "buggy", _crash)))
    crashed = [f for f in evaluation.findings if f.code == engine.RULE_CRASHED_CODE]
    assert (Status.REJECTED, False, [Severity.ERROR]) == (
        evaluation.status,
        evaluation.complete,
        [f.severity for f in crashed],
    )
    assert [("AJCEP/IR/3(c)", ("rule-crashed",))] == [(c.rule, c.needed) for c in evaluation.unverified]


def test_a_crashed_item_rule_denies_its_items_only() -> None:
    """An item rule that raises on every item denies each item (IR 3(j): each item's problem stays with it)."""
    co = certificate(items=[certificate_data()["items"][0], {**certificate_data()["items"][0], "number": 2}])
    ctx = roo.load_context(complete_context_data(roo.dump(co)))
    evaluation = engine.run(co, ctx, _with(ItemRule("AJCEP/IR/12", "buggy", _crash_on_item)))
    assert ((), (1, 2), 2) == (evaluation.granted, evaluation.denied, len(evaluation.unverified))


def test_a_crashed_rule_keeps_its_denial_under_a_waiver() -> None:
    """A waived consignment with a crashed rule is not ``not_required``: roo cannot vouch for the check."""
    ctx = roo.load_context({**complete_context_data(certificate_data()), "customs_value": {"amount": "1000", "currency": "JPY"}})
    plain = engine.run(CO, ctx, _with())
    crashed = engine.run(CO, ctx, _with(CertificateRule("AJCEP/IR/3(c)", "buggy", _crash)))
    assert (Status.NOT_REQUIRED, Status.REJECTED) == (plain.status, crashed.status)


# --- complete / unverified ---------------------------------------------------------------------------------------


def test_a_bare_co_is_not_an_unqualified_accepted() -> None:
    """A Form AJ with no context: accepted on what could be checked, but not complete; the checks that could deny
    and were not made (validity needs the presentation date) are listed with what they needed."""
    evaluation = roo.evaluate(CO)
    needed = {need for check in evaluation.unverified for need in check.needed}
    assert (Status.ACCEPTED, False) == (evaluation.status, evaluation.complete)
    assert {"context.on", "context.consignment", "context.declaration"} <= needed
    assert all(check.outcome is Outcome.NOT_EVALUATED for check in evaluation.unverified)


def test_a_complete_case_is_complete() -> None:
    """With the date, the consignment and the declaration every check is made: complete, nothing unverified."""
    case = complete_case()
    evaluation = roo.evaluate(case["certificate"], case["context"])
    assert (Status.ACCEPTED, True, ()) == (evaluation.status, evaluation.complete, evaluation.unverified)


def test_a_check_that_cannot_deny_does_not_make_it_incomplete() -> None:
    """The waiver (IR 6) can only lift a requirement: without the customs value it is not evaluated, and that
    leaves no grant resting on a check not made."""
    case = complete_case()
    evaluation = roo.evaluate(case["certificate"], case["context"])
    waiver = [c for c in evaluation.checks if c.rule == "AJCEP/IR/6(a)"]
    assert ([Outcome.NOT_EVALUATED], True) == ([c.outcome for c in waiver], evaluation.complete)


def test_a_check_not_made_on_a_denied_item_is_not_listed() -> None:
    """Item 2's HS code is not six digits (IR 12: denied); the IR 4(a) comparison it prevents cannot change a
    grant, so the evaluation is complete and only the granted item counts."""
    data = certificate_data(items=[certificate_data()["items"][0], {**certificate_data()["items"][0], "number": 2, "hs_code": "0306"}])
    evaluation = roo.evaluate(data, complete_context_data(data))
    assert (Status.PARTIALLY_ACCEPTED, True) == (evaluation.status, evaluation.complete)


def test_a_missing_fact_on_a_granted_item_is_listed() -> None:
    """Boundary: the same CO with the declaration line of item 1 missing leaves item 1's IR 4(a)/IR 12
    comparisons unmade; item 1 is granted, so they are unverified."""
    data = certificate_data(items=[certificate_data()["items"][0], {**certificate_data()["items"][0], "number": 2}])
    context = complete_context_data(data)
    context["declaration"] = None
    evaluation = roo.evaluate(data, context)
    assert not evaluation.complete
    assert {1, 2} <= {c.item for c in evaluation.unverified}


def test_a_rejected_co_lists_nothing_for_want_of_facts() -> None:
    """An unsigned CO is rejected (IR 2(a)) whatever else is missing: no grant rests on anything."""
    evaluation = roo.evaluate(certificate_data(certification={"authority": "M", "signatory": "A", "signed": False}))
    assert (Status.REJECTED, True) == (evaluation.status, evaluation.complete)


def test_the_json_carries_complete_and_unverified() -> None:
    """``complete`` and ``unverified`` (trace lines) extend roo.evaluation/1; its existing fields keep their meaning."""
    document = roo.evaluate(CO).to_dict()
    assert ("roo.evaluation/1", False) == (document["format"], document["complete"])
    assert document["unverified"] and all(line in document["checks"] for line in document["unverified"])
    json.dumps(document)


def test_unverified_titles_follow_the_locale() -> None:
    """The unverified lines are the trace's own lines, so they are rendered in the asked locale as the trace is."""
    english = roo.evaluate(CO)
    japanese = roo.evaluate(CO, locale="ja")
    assert english.unverified_at == japanese.unverified_at
    assert [c.title for c in japanese.unverified] == [japanese.checks[i].title for i in japanese.unverified_at]


# --- Hypothesis: no crashed rule or missing fact yields an unqualified "accepted" ---------------------------------


def _granted_on_unmade_check(evaluation: roo.Evaluation, rules: tuple[Any, ...]) -> bool:
    """Whether a granted item rests on a not-evaluated check of a rule that can deny (outside a waiver)."""
    denying = {(r.citation, r.title) for r in rules if any(s.severity is Severity.ERROR for s in r.specs)}
    granted = set(evaluation.granted)
    return any(
        check.outcome is Outcome.NOT_EVALUATED
        and (check.rule, check.title) in denying
        and (check.item in granted if check.item is not None else bool(granted))
        for check in evaluation.checks
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_missing_fact_yields_an_unqualified_accepted(data: st.DataObject) -> None:
    """Property: whatever the certificate and context, an accepted evaluation that is ``complete`` has no grant
    resting on a check that could deny and was not made; and one that has such a check is not complete."""
    co = data.draw(certificates())
    ctx = data.draw(st.one_of(st.just(Context()), contexts(co), contexts()))
    evaluation = roo.evaluate(co, ctx)
    rules = rules_for(co.scheme)
    if evaluation.status is not Status.NOT_REQUIRED and _granted_on_unmade_check(evaluation, rules):
        assert not evaluation.complete
    if evaluation.complete and evaluation.status is Status.ACCEPTED:
        assert not _granted_on_unmade_check(evaluation, rules)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_crashed_rule_yields_a_grant_it_covers(data: st.DataObject) -> None:
    """Property: a rule inserted anywhere in the rule list that crashes (on the certificate, or on some items)
    leaves none of the items it covers granted, and the evaluation is never complete."""
    co = data.draw(certificates())
    ctx = data.draw(st.one_of(st.just(Context()), contexts(co)))
    rules = list(rules_for(co.scheme))
    numbers = [item.number for item in co.items]
    crashing_items = data.draw(st.one_of(st.none(), st.sets(st.sampled_from(numbers), min_size=1)))

    def crash_some(item: Item, co: Certificate, ctx: Context) -> Result:
        if crashing_items is not None and item.number in crashing_items:
            raise ValueError("bug")
        return PASSED

    rule: CertificateRule | ItemRule = (
        CertificateRule("AJCEP/IR/3(c)", "buggy", _crash)
        if crashing_items is None
        else ItemRule("AJCEP/IR/12", "buggy", crash_some)
    )
    rules.insert(data.draw(st.integers(0, len(rules))), rule)
    evaluation = engine.run(co, ctx, tuple(rules))
    covered = set(numbers) if crashing_items is None else crashing_items
    assert not covered & set(evaluation.granted)
    assert not evaluation.complete
    assert evaluation.status not in (Status.ACCEPTED, Status.NOT_REQUIRED)


# --- the command line ----------------------------------------------------------------------------------------------


def _run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from roo.cli import main

    code = main(list(args))
    return code, capsys.readouterr().out


def test_cli_exits_4_for_a_bare_co(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bare Form AJ: status accepted but not complete; exit 4, and the report lists the checks not made."""
    path = tmp_path / "co.json"
    path.write_text(json.dumps(certificate_data()), encoding="utf-8")
    code, out = _run_cli(capsys, "evaluate", str(path))
    assert 4 == code
    assert out.splitlines()[2].startswith("not complete: ")
    assert "AJCEP/OCP/4(1)" in out and "(needs context.on)" in out


def test_cli_exits_0_for_the_readme_example(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's first command: a complete, clean case, accepted with exit 0 and no qualifier."""
    code, out = _run_cli(capsys, "evaluate", str(EXAMPLES / "clean_ajcep_id_jp.json"))
    assert (0, False) == (code, "not complete" in out)


def test_cli_json_says_complete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` carries ``complete`` and ``unverified`` beside the status."""
    path = tmp_path / "co.json"
    path.write_text(json.dumps(certificate_data()), encoding="utf-8")
    code, out = _run_cli(capsys, "evaluate", str(path), "--format", "json")
    document = json.loads(out)
    assert (4, "accepted", False) == (code, document["status"], document["complete"])


def test_cli_markdown_and_html_show_the_qualifier(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Markdown and HTML reports say the evaluation is not complete."""
    path = tmp_path / "co.json"
    path.write_text(json.dumps(certificate_data()), encoding="utf-8")
    _, markdown = _run_cli(capsys, "evaluate", str(path), "--format", "markdown")
    _, html = _run_cli(capsys, "evaluate", str(path), "--format", "html")
    assert "not complete" in markdown and "Not complete" in html


def test_every_context_field_is_a_typed_keyword() -> None:
    """``ContextFields`` names exactly the fields of ``Context``, so a new field is typed as a keyword too."""
    import attrs

    from roo.context import ContextFields

    assert {field.name for field in attrs.fields(Context)} == set(ContextFields.__annotations__)
