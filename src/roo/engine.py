"""The engine: run the rules registered for a certificate's scheme, in a fixed order, and fold the results.

Certificate rules run once; item rules run once per item, so every item is
judged in its own right (AJCEP IR 3(i)) and its problems stay with it
(IR 3(j)). Each run adds one line to the trace. A rule that could not be
evaluated adds an ``info`` finding naming the facts it needed. A rule that
fails unexpectedly never takes the evaluation down and never denies: it is
reported as a ``warning`` and traced as not evaluated.
"""

from __future__ import annotations

from collections.abc import Sequence

from roo._frozen import FrozenMap
from roo.context import Context
from roo.evaluation import Check, Evaluation, FactValue, Finding, Outcome, Severity, fold
from roo.model.certificate import Certificate, Item
from roo.rules.base import CertificateRule, Result, Rule

NOT_EVALUATED_CODE = "check-not-evaluated"
RULE_CRASHED_CODE = "rule-crashed"


def run(co: Certificate, ctx: Context, rules: Sequence[Rule]) -> Evaluation:
    """Evaluate ``co`` in ``ctx`` against ``rules``; never raises."""
    findings: list[Finding] = []
    checks: list[Check] = []
    waived = False
    for rule in rules:
        if isinstance(rule, CertificateRule):
            result = _apply(rule, None, co, ctx)
            waived = _record(rule, None, result, findings, checks) or waived
        else:
            for item in co.items:
                _record(rule, item.number, _apply(rule, item, co, ctx), findings, checks)
    item_numbers = tuple(item.number for item in co.items)
    all_findings = tuple(findings)
    status, verdicts = fold(item_numbers, all_findings, waived=waived)
    return Evaluation(
        status=status,
        items=verdicts,
        findings=all_findings,
        checks=tuple(checks),
        scheme=co.scheme.value,
        reference_number=co.reference_number,
        on=ctx.on,
    )


def _apply(rule: Rule, item_obj: Item | None, co: Certificate, ctx: Context) -> Result:
    item = item_obj.number if item_obj is not None else None
    try:
        if isinstance(rule, CertificateRule):
            return rule.check(co, ctx)
        assert item_obj is not None
        return rule.check(item_obj, co, ctx)
    except Exception as error:  # noqa: BLE001 - a rule bug must not escape evaluate() nor deny
        crash = Finding(
            rule=rule.citation,
            code=RULE_CRASHED_CODE,
            severity=Severity.WARNING,
            item=item,
            message=(f"Item {item}: " if item is not None else "")
            + f"The check '{rule.title}' could not be completed ({type(error).__name__}); it was not applied.",
            facts=FrozenMap[FactValue]({"error": type(error).__name__}),
        )
        return Result(Outcome.NOT_EVALUATED, (crash,), ("rule-crashed",))


def _record(rule: Rule, item: int | None, result: Result, findings: list[Finding], checks: list[Check]) -> bool:
    findings.extend(result.findings)
    if result.outcome is Outcome.NOT_EVALUATED and result.needed and not result.findings:
        findings.append(
            Finding(
                rule=rule.citation,
                code=NOT_EVALUATED_CODE,
                severity=Severity.INFO,
                item=item,
                message=(f"Item {item}: " if item is not None else "")
                + f"Not evaluated: '{rule.title}' needs {', '.join(result.needed)}.",
                facts=FrozenMap[FactValue]({"title": rule.title, "needed": result.needed}),
            )
        )
    checks.append(Check(rule.citation, item, result.outcome, result.needed, rule.title))
    return result.waived
