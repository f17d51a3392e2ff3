"""The engine and the fold: item isolation (AJCEP IR 3(i), 3(j)), certificate-level denial, the trace."""

from __future__ import annotations

from datetime import date
from typing import NoReturn

import attrs
import pytest

import roo
from roo import engine
from roo.context import Context
from roo.evaluation import Finding, Outcome, Preference, Severity, Status, fold
from roo.model.certificate import Certificate, Item
from roo.rules import RULESETS, ajcep, rules_for
from roo.rules.base import (
    NOT_APPLICABLE,
    PASSED,
    CertificateRule,
    FindingSpec,
    ItemRule,
    Result,
    failed,
    not_evaluated,
    passed,
)
from tests.builders import certificate, item_data

THREE_ITEMS = [
    item_data(1),
    item_data(2, description="Frozen squid, cleaned", hs_code="030743"),
    item_data(3, description="Frozen octopus", hs_code="030752"),
]

CERTIFICATE_ERROR = FindingSpec("test-certificate-error", "AJCEP/IR/3(c)", Severity.ERROR, "Certificate defect.")
CERTIFICATE_WARNING = FindingSpec("test-certificate-warning", "AJCEP/IR/3(c)", Severity.WARNING, "Certificate note.")
ITEM_ERROR = FindingSpec("test-item-error", "AJCEP/IR/12", Severity.ERROR, "Item defect {what}.")


def finding(severity: Severity, item: int | None) -> Finding:
    """A bare finding for fold tests."""
    return Finding("AJCEP/IR/3(c)", f"test-{severity.value}", severity, item, "x")


# --- fold: AJCEP IR 3(j) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("findings", "status", "preferences"),
    [
        pytest.param((), Status.ACCEPTED, "GGG", id="no-findings-every-item-granted"),
        pytest.param((finding(Severity.ERROR, 2),), Status.PARTIALLY_ACCEPTED, "GDG", id="item-error-denies-that-item"),
        pytest.param(
            (finding(Severity.ERROR, 1), finding(Severity.ERROR, 3)),
            Status.PARTIALLY_ACCEPTED,
            "DGD",
            id="two-problem-items-one-granted",
        ),
        pytest.param(
            tuple(finding(Severity.ERROR, n) for n in (1, 2, 3)), Status.REJECTED, "DDD", id="every-item-has-an-error"
        ),
        pytest.param((finding(Severity.ERROR, None),), Status.REJECTED, "DDD", id="certificate-error-denies-all"),
        pytest.param(
            (finding(Severity.WARNING, None), finding(Severity.INFO, 2), finding(Severity.WARNING, 3)),
            Status.ACCEPTED,
            "GGG",
            id="warnings-and-info-never-deny",
        ),
        pytest.param((finding(Severity.ERROR, 9),), Status.ACCEPTED, "GGG", id="error-on-an-unlisted-item-denies-none"),
    ],
)
def test_fold(findings: tuple[Finding, ...], status: Status, preferences: str) -> None:
    """An item error denies its item; a certificate error denies every item; warnings and info deny nothing."""
    folded_status, verdicts = fold((1, 2, 3), findings)
    letters = "".join("G" if v.preference is Preference.GRANTED else "D" for v in verdicts)
    assert (status, preferences) == (folded_status, letters)


def test_fold_keeps_each_items_own_findings_only() -> None:
    """A verdict lists the findings about its item; certificate-level findings stay on the evaluation."""
    item_two = finding(Severity.ERROR, 2)
    _, verdicts = fold((1, 2), (finding(Severity.WARNING, None), item_two))
    assert ((), (item_two,)) == tuple(v.findings for v in verdicts)


def test_fold_waived_grants_every_item_despite_errors_of_the_document() -> None:
    """When no CO is required (AJCEP IR 6) the document's defects do not matter: every item is granted."""
    status, verdicts = fold((1, 2), (finding(Severity.ERROR, None), finding(Severity.ERROR, 1)), waived=True)
    assert (Status.NOT_REQUIRED, (True, True)) == (status, tuple(v.granted for v in verdicts))


def test_fold_waived_keeps_the_denials_it_is_told_to_keep() -> None:
    """The waiver waives the document, not the rules of origin: a kept code still denies its item."""
    not_originating = finding(Severity.ERROR, 1)
    kept = frozenset({not_originating.code})
    status, verdicts = fold((1, 2), (not_originating,), waived=True, kept=kept)
    assert (Status.PARTIALLY_ACCEPTED, (False, True)) == (status, tuple(v.granted for v in verdicts))


def test_fold_waived_with_a_kept_certificate_denial_rejects() -> None:
    """A kept certificate-level denial (e.g. not from a Party) denies every item even under a waiver."""
    not_a_party = finding(Severity.ERROR, None)
    status, verdicts = fold((1, 2), (not_a_party,), waived=True, kept=frozenset({not_a_party.code}))
    assert (Status.REJECTED, (False, False)) == (status, tuple(v.granted for v in verdicts))


# --- The AJCEP rule set through roo.evaluate -----------------------------------------------------------------


def test_problem_with_one_item_does_not_affect_the_others() -> None:
    """AJCEP IR 3(j): item 2's bad HS code denies item 2; items 1 and 3 keep their preference."""
    items = [*THREE_ITEMS]
    items[1] = item_data(2, description="Frozen squid, cleaned", hs_code="0307")
    evaluation = roo.evaluate(certificate(items=items))
    verdict = evaluation.item(2)
    denied_findings = [f.code for f in verdict.findings if f.denies] if verdict else []
    expected = (Status.PARTIALLY_ACCEPTED, (1, 3), (2,), ["hs-code-not-six-digits"])
    assert expected == (evaluation.status, evaluation.granted, evaluation.denied, denied_findings)


def test_each_item_is_judged_in_its_own_right() -> None:
    """AJCEP IR 3(i): every item rule runs once for every item, and each run is traced."""
    evaluation = roo.evaluate(certificate(items=THREE_ITEMS))
    item_rules = [rule for rule in ajcep.RULES if isinstance(rule, ItemRule)]
    traced = [c for c in evaluation.checks if c.item is not None]
    assert (len(item_rules) * 3, {1, 2, 3}) == (len(traced), {c.item for c in traced})


def test_certificate_level_error_denies_every_item() -> None:
    """A defect of the CO itself (no reference number) denies all items, and is reported once, with no item."""
    evaluation = roo.evaluate(certificate(reference_number=None, items=THREE_ITEMS))
    errors = [(f.code, f.item) for f in evaluation.findings if f.severity is Severity.ERROR]
    item_errors = [[f for f in v.findings if f.denies] for v in evaluation.items]
    expected = (Status.REJECTED, (), [("reference-number-missing", None)], [[], [], []])
    assert expected == (evaluation.status, evaluation.granted, errors, item_errors)


def test_certificate_and_item_errors_together() -> None:
    """With a certificate-level error every item is denied, and the item's own error is still reported on it."""
    items = [item_data(1), item_data(2, hs_code="0307")]
    evaluation = roo.evaluate(certificate(copy="duplicate", items=items))
    expected = (Status.REJECTED, (1, 2), ["hs-code-not-six-digits"])
    item_two_errors = [f.code for f in evaluation.items[1].findings if f.denies]
    assert expected == (evaluation.status, evaluation.denied, item_two_errors)


def test_ajcep_certificate_rules_run_before_item_rules() -> None:
    """The registry lists every certificate rule before the first item rule."""
    kinds = ["certificate" if isinstance(rule, CertificateRule) else "item" for rule in rules_for(roo.Scheme.AJCEP)]
    first_item = kinds.index("item")
    assert [] == [n for n, kind in enumerate(kinds) if kind == "certificate" and n > first_item]


def test_ajcep_form_rules_come_before_tariff_classification() -> None:
    """IR 3's item rule runs before IR 12's, which runs before the Art 26 box 8 rules."""
    order = [rule.citation for rule in ajcep.RULES if isinstance(rule, ItemRule)]
    positions = [order.index(citation) for citation in ("AJCEP/FORM/6", "AJCEP/IR/12", "AJCEP/FORM/3")]
    assert sorted(positions) == positions


def test_finding_codes_are_unique_across_roo() -> None:
    """No two kinds of finding share a code, across every scheme's rules."""
    by_code: dict[str, set[tuple[str, str]]] = {}
    for rules in RULESETS.values():
        for rule in rules:
            for spec in rule.specs:
                by_code.setdefault(spec.code, set()).add((spec.rule, spec.template))
    assert [] == sorted(code for code, kinds in by_code.items() if len(kinds) > 1)


# --- Engine mechanics with rules made for the test -----------------------------------------------------------


def _cert_needs_on(co: Certificate, ctx: Context) -> Result:
    return not_evaluated("context.on") if ctx.on is None else PASSED


def _item_needs_declaration(item: Item, co: Certificate, ctx: Context) -> Result:
    return not_evaluated("context.declaration") if item.number == 2 else NOT_APPLICABLE


def _crash(co: Certificate, ctx: Context) -> NoReturn:
    raise ZeroDivisionError("a bug in a rule")


def _crash_on_item_two(item: Item, co: Certificate, ctx: Context) -> Result:
    if item.number == 2:
        raise KeyError("a bug in a rule")
    return PASSED


def _item_error_on_three(item: Item, co: Certificate, ctx: Context) -> Result:
    return failed(ITEM_ERROR(3, what="x")) if item.number == 3 else PASSED


def _not_evaluated_with_own_finding(co: Certificate, ctx: Context) -> Result:
    return Result(Outcome.NOT_EVALUATED, (CERTIFICATE_WARNING(None),), ("context.on",))


def _run(*rules: CertificateRule | ItemRule, ctx: Context | None = None) -> roo.Evaluation:
    return engine.run(certificate(items=THREE_ITEMS), ctx or Context(), rules)


def test_a_rule_list_changed_between_evaluations_runs_as_it_now_is() -> None:
    """The engine remembers how to run a tuple of rules; a list may change, so it is read afresh every time."""
    co = certificate(items=THREE_ITEMS)
    defect = CertificateRule("AJCEP/IR/3(c)", "defect", lambda co, ctx: failed(CERTIFICATE_ERROR(None)))
    rules: list[CertificateRule | ItemRule] = [defect]
    assert Status.REJECTED == engine.run(co, Context(), rules).status
    rules[0] = CertificateRule("AJCEP/IR/3(c)", "certificate", lambda co, ctx: PASSED)
    assert Status.ACCEPTED == engine.run(co, Context(), rules).status


def test_not_evaluated_certificate_check_produces_an_info_finding() -> None:
    """A rule missing a fact adds an info finding naming that fact; it never denies."""
    evaluation = _run(CertificateRule("AJCEP/IR/7", "issued on time", _cert_needs_on))
    [note] = evaluation.findings
    expected = (
        engine.NOT_EVALUATED_CODE,
        Severity.INFO,
        None,
        ("context.on",),
        "Not evaluated: 'issued on time' needs context.on.",
        Status.ACCEPTED,
    )
    assert expected == (note.code, note.severity, note.item, note.facts["needed"], note.message, evaluation.status)


def test_not_evaluated_is_traced_with_what_it_needed() -> None:
    """The trace says the check was not evaluated and which facts it needed."""
    evaluation = _run(CertificateRule("AJCEP/IR/7", "issued on time", _cert_needs_on))
    [check] = evaluation.checks
    assert (Outcome.NOT_EVALUATED, ("context.on",), None) == (check.outcome, check.needed, check.item)


def test_evaluated_once_the_fact_is_given() -> None:
    """With the fact in the context the same rule passes and adds no finding."""
    rule = CertificateRule("AJCEP/IR/7", "issued on time", _cert_needs_on)
    evaluation = _run(rule, ctx=Context(on=date(2024, 3, 20)))
    assert ((), Outcome.PASSED) == (evaluation.findings, evaluation.checks[0].outcome)


def test_not_evaluated_item_check_names_the_item() -> None:
    """An item rule missing a fact adds the info finding to that item only."""
    evaluation = _run(ItemRule("AJCEP/IR/12", "description", _item_needs_declaration))
    [note] = evaluation.findings
    verdict_findings = [len(v.findings) for v in evaluation.items]
    expected = (2, "Item 2: Not evaluated: 'description' needs context.declaration.", [0, 1, 0], Status.ACCEPTED)
    assert expected == (note.item, note.message, verdict_findings, evaluation.status)


def test_not_evaluated_with_its_own_finding_adds_no_generic_note() -> None:
    """A rule that explains itself with a finding is not noted a second time."""
    evaluation = _run(CertificateRule("AJCEP/IR/3(c)", "explains itself", _not_evaluated_with_own_finding))
    assert ["test-certificate-warning"] == [f.code for f in evaluation.findings]


def test_crashing_certificate_rule_withholds_every_item() -> None:
    """A rule that raises never escapes evaluate() and never leaves a grant: a certificate error, not evaluated."""
    evaluation = _run(CertificateRule("AJCEP/IR/3(c)", "buggy check", _crash))
    [error] = evaluation.findings
    [check] = evaluation.checks
    expected = (
        engine.RULE_CRASHED_CODE,
        Severity.ERROR,
        None,
        "ZeroDivisionError",
        Outcome.NOT_EVALUATED,
        ("rule-crashed",),
        Status.REJECTED,
        False,
        (check,),
    )
    actual = (
        error.code,
        error.severity,
        error.item,
        error.facts["error"],
        check.outcome,
        check.needed,
        evaluation.status,
        evaluation.complete,
        evaluation.unverified,
    )
    assert expected == actual


def test_crashing_item_rule_withholds_that_item_and_the_rest_still_run() -> None:
    """A crash on item 2 withholds item 2 only; the rule still runs for items 1 and 3, and later rules run."""
    evaluation = _run(
        ItemRule("AJCEP/IR/12", "buggy item check", _crash_on_item_two),
        ItemRule("AJCEP/IR/12", "item three check", _item_error_on_three),
    )
    findings = [(f.code, f.severity, f.item) for f in evaluation.findings]
    expected_findings = [(engine.RULE_CRASHED_CODE, Severity.ERROR, 2), ("test-item-error", Severity.ERROR, 3)]
    outcomes = [(c.title, c.item, c.outcome) for c in evaluation.checks]
    expected_outcomes = [
        ("buggy item check", 1, Outcome.PASSED),
        ("buggy item check", 2, Outcome.NOT_EVALUATED),
        ("buggy item check", 3, Outcome.PASSED),
        ("item three check", 1, Outcome.PASSED),
        ("item three check", 2, Outcome.PASSED),
        ("item three check", 3, Outcome.FAILED),
    ]
    assert (expected_findings, expected_outcomes, (1,), (2, 3), (1,)) == (
        findings,
        outcomes,
        evaluation.granted,
        evaluation.denied,
        evaluation.unverified_at,
    )


def test_crash_message_names_the_check() -> None:
    """The error says which check could not be completed, without a traceback."""
    evaluation = _run(ItemRule("AJCEP/IR/12", "buggy item check", _crash_on_item_two))
    expected = (
        "Item 2: The check 'buggy item check' could not be completed (KeyError); preference is withheld until it "
        "is made."
    )
    assert expected == evaluation.findings[0].message


def test_certificate_error_from_a_rule_denies_every_item_and_warning_none() -> None:
    """Through the engine: a certificate-level error rejects; a certificate-level warning alone accepts."""
    rejecting = _run(CertificateRule("AJCEP/IR/3(c)", "defect", lambda co, ctx: failed(CERTIFICATE_ERROR(None))))
    noting = _run(CertificateRule("AJCEP/IR/3(c)", "note", lambda co, ctx: passed(CERTIFICATE_WARNING(None))))
    assert (Status.REJECTED, Status.ACCEPTED) == (rejecting.status, noting.status)


def test_trace_lists_every_rule_once_per_certificate_or_item() -> None:
    """One certificate rule and one item rule on three items: four trace lines, in run order."""
    evaluation = _run(
        CertificateRule("AJCEP/IR/3(c)", "certificate", lambda co, ctx: PASSED),
        ItemRule("AJCEP/IR/12", "item", lambda item, co, ctx: PASSED),
    )
    assert [None, 1, 2, 3] == [c.item for c in evaluation.checks]


# --- the fast constructors the engine and the rules use -------------------------------------------------------


def test_a_spec_builds_the_same_finding_as_the_constructor() -> None:
    """A FindingSpec's finding (built slot by slot) equals ``Finding(...)`` field for field, template included."""
    spec = FindingSpec("test-item-error", "AJCEP/IR/12", Severity.ERROR, "Item defect {what} in {where}; {none}.")
    made = spec(2, what=("a", "b"), where="box 5", none=None)
    expected = Finding(
        "AJCEP/IR/12",
        "test-item-error",
        Severity.ERROR,
        2,
        "Item 2: Item defect a, b in box 5; -.",
        {"what": ("a", "b"), "where": "box 5", "none": None},
        spec.template,
    )
    assert (expected, expected.template, hash(expected)) == (made, made.template, hash(made))
    assert [(a.name, getattr(expected, a.name)) for a in attrs.fields(Finding)] == [
        (a.name, getattr(made, a.name)) for a in attrs.fields(Finding)
    ]


def test_a_missing_fact_stays_visible_in_the_message() -> None:
    """A template placeholder without a fact is shown as it is, never a KeyError."""
    assert "Item defect {what}." == ITEM_ERROR(None).message


def test_verdicts_built_by_fold_equal_the_constructor() -> None:
    """fold's verdicts (built slot by slot) equal ``ItemVerdict(...)``."""
    from roo.evaluation import ItemVerdict

    error = finding(Severity.ERROR, 2)
    _, verdicts = fold((1, 2), (error,))
    assert (ItemVerdict(1, Preference.GRANTED, ()), ItemVerdict(2, Preference.DENIED, (error,))) == verdicts


def test_an_evaluation_built_by_slots_equals_the_constructor() -> None:
    """make_evaluation (slot by slot, as the engine builds one) equals ``Evaluation(...)`` field for field."""
    from roo.evaluation import Check, Evaluation, ItemVerdict, make_evaluation

    error = finding(Severity.ERROR, 2)
    verdicts = (ItemVerdict(1, Preference.GRANTED, ()), ItemVerdict(2, Preference.DENIED, (error,)))
    checks = (Check("AJCEP/IR/12", 1, Outcome.PASSED, (), "item"),)
    fields = (Status.PARTIALLY_ACCEPTED, verdicts, (error,), checks, "AJCEP", "X-1", date(2024, 3, 20), (0,))
    made = make_evaluation(*fields, None)
    expected = Evaluation(*fields, certificate=None)
    assert (expected, hash(expected)) == (made, hash(made))
    assert [(a.name, getattr(expected, a.name)) for a in attrs.fields(Evaluation)] == [
        (a.name, getattr(made, a.name)) for a in attrs.fields(Evaluation)
    ]


def test_the_trace_built_on_first_read_equals_one_given_whole() -> None:
    """A trace recorded compactly and built when read: the same lines, equality, hash and pickle as a tuple given whole.

    The rules below give every item the same result, different results item by item, and a crash, so that every
    compact form of a rule's conclusions is built.
    """
    import pickle

    def differs(item: Item, co: Certificate, ctx: Context) -> Result:
        if item.number == 2:
            raise RuntimeError("boom")
        return PASSED if item.number == 1 else not_evaluated("context.declaration")

    lazy = _run(
        CertificateRule("AJCEP/IR/3(c)", "certificate", lambda co, ctx: not_evaluated("context.on")),
        ItemRule("AJCEP/IR/12", "shared", lambda item, co, ctx: not_evaluated("context.declaration")),
        ItemRule("AJCEP/IR/13", "each its own", differs),
    )
    lines = lazy.checks
    assert lines is lazy.checks  # built once
    given = roo.Evaluation(
        lazy.status, lazy.items, lazy.findings, lines, lazy.scheme, lazy.reference_number, lazy.on, lazy.unverified_at
    )
    again = _run(
        CertificateRule("AJCEP/IR/3(c)", "certificate", lambda co, ctx: not_evaluated("context.on")),
        ItemRule("AJCEP/IR/12", "shared", lambda item, co, ctx: not_evaluated("context.declaration")),
        ItemRule("AJCEP/IR/13", "each its own", differs),
    )
    assert (given, hash(given)) == (again, hash(again))  # ``again`` compared before its trace was read
    assert [(c.rule, c.item, c.outcome) for c in lines] == [
        ("AJCEP/IR/3(c)", None, Outcome.NOT_EVALUATED),
        *[("AJCEP/IR/12", n, Outcome.NOT_EVALUATED) for n in (1, 2, 3)],
        ("AJCEP/IR/13", 1, Outcome.PASSED),
        ("AJCEP/IR/13", 2, Outcome.NOT_EVALUATED),
        ("AJCEP/IR/13", 3, Outcome.NOT_EVALUATED),
    ]
    unread = _run(CertificateRule("AJCEP/IR/3(c)", "certificate", lambda co, ctx: PASSED))
    copy = pickle.loads(pickle.dumps(unread))
    assert (copy, copy.to_dict()) == (unread, unread.to_dict())
    assert attrs.evolve(unread, status=Status.REJECTED).checks == unread.checks


def test_not_evaluated_notes_share_their_facts_and_equal_a_rendered_finding() -> None:
    """Every item's note of one rule shares one facts object; each equals the finding ``render`` would build."""
    from roo.rule_kit import render

    notes = [engine._not_evaluated("AJCEP/IR/12", "HS subheading", item, ("context.declaration",)) for item in (None, 1, 2)]
    facts = {"title": "HS subheading", "needed": ("context.declaration",)}
    assert notes == [
        Finding(
            "AJCEP/IR/12",
            engine.NOT_EVALUATED_CODE,
            Severity.INFO,
            item,
            render(engine.NOT_EVALUATED_TEMPLATE, item, facts),
            facts,
            engine.NOT_EVALUATED_TEMPLATE,
        )
        for item in (None, 1, 2)
    ]
    assert notes[1].facts is notes[2].facts


def test_a_remembered_conclusion_serves_only_the_same_results() -> None:
    """What the engine makes of the rules' results is remembered by their identity: a certificate whose rules
    hand out the same shared results gets the same findings and verdicts (its own certificate in the
    evaluation), and one whose results differ (a defect on item 2, AJCEP IR 3(j)) gets its own conclusion,
    equal to the one made from an empty memo."""
    clean = certificate(items=THREE_ITEMS)
    first = roo.evaluate(clean, on=date(2024, 3, 20))
    twin = certificate(items=THREE_ITEMS)
    again = roo.evaluate(twin, on=date(2024, 3, 20))
    assert again == first
    assert again.findings is first.findings
    assert again.certificate is twin
    defective = certificate(items=[THREE_ITEMS[0], {**THREE_ITEMS[1], "hs_code": "0307"}, THREE_ITEMS[2]])
    warm = roo.evaluate(defective, on=date(2024, 3, 20))
    engine._CONCLUDED.clear()
    cold = roo.evaluate(defective, on=date(2024, 3, 20))
    assert (warm, warm.to_dict(), warm.checks) == (cold, cold.to_dict(), cold.checks)
    assert [v.preference for v in warm.items] == [Preference.GRANTED, Preference.DENIED, Preference.GRANTED]


def test_the_written_out_plan_runs_each_kind_of_rule_as_a_loop_over_the_rules_would() -> None:
    """Each rule's check, precheck and crash give the evaluation a rule-by-rule reading gives (AJCEP IR 3(j)):
    a precheck's shared result stands for every item; a precheck that crashes, or gives findings, leaves the
    items to the check; a crashing certificate rule withholds preference from every item."""
    item_rule_checked = ItemRule("AJCEP/IR/12", "checked", _item_error_on_three, (ITEM_ERROR,))
    crashing_precheck = attrs.evolve(item_rule_checked, title="crashing precheck", precheck=_crash)
    noting_precheck = attrs.evolve(
        item_rule_checked, title="noting precheck", precheck=lambda co, ctx: passed(CERTIFICATE_WARNING(None))
    )
    shared_precheck = ItemRule("AJCEP/IR/12", "shared", _crash_on_item_two, precheck=lambda co, ctx: NOT_APPLICABLE)
    certificate_rule = CertificateRule("AJCEP/IR/3(c)", "certificate", lambda co, ctx: PASSED)
    evaluation = _run(certificate_rule, crashing_precheck, noting_precheck, shared_precheck, item_rule_checked)
    lines = [(c.rule, c.title, c.item, c.outcome) for c in evaluation.checks]
    assert lines == [
        ("AJCEP/IR/3(c)", "certificate", None, Outcome.PASSED),
        *[("AJCEP/IR/12", "crashing precheck", n, Outcome.FAILED if n == 3 else Outcome.PASSED) for n in (1, 2, 3)],
        *[("AJCEP/IR/12", "noting precheck", n, Outcome.FAILED if n == 3 else Outcome.PASSED) for n in (1, 2, 3)],
        *[("AJCEP/IR/12", "shared", n, Outcome.NOT_APPLICABLE) for n in (1, 2, 3)],
        *[("AJCEP/IR/12", "checked", n, Outcome.FAILED if n == 3 else Outcome.PASSED) for n in (1, 2, 3)],
    ]
    assert [v.preference for v in evaluation.items] == [Preference.GRANTED, Preference.GRANTED, Preference.DENIED]
    crashed = _run(CertificateRule("AJCEP/IR/3(c)", "buggy", _crash), shared_precheck)
    assert [f.code for f in crashed.findings] == [engine.RULE_CRASHED_CODE]
    assert {v.preference for v in crashed.items} == {Preference.DENIED}
