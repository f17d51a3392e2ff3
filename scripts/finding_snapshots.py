"""Regenerate tests/snapshots/findings.json: one pinned case per finding code, its message and facts per locale.

For every finding code of the rule catalogue (:func:`roo.catalogue.codes`)
the snapshot holds a case (certificate and context as JSON) that makes roo
report that code, and what roo reports for it: citation, severity, item,
facts, and the message in each locale (en, ja, id). ``tests/test_snapshots.py``
evaluates every case again and fails when a verdict, a fact or a word of a
message changed, so a change of wording is always a reviewed change of this
file.

Cases come from roo's own test suite: the script runs the rule tests with a
hook on the engine and keeps, for each code, the smallest certificate and
context that reported it. A code no test reaches through ``roo.evaluate``
(some are only reached by calling a rule directly) is pinned from its
message template, filled with a marker for each placeholder.

The same run pins origin determinations in tests/snapshots/determinations.json:
for every finding code of ``roo.origin.determine``, the smallest good of the
origin tests that gives it, and its whole determination
(``tests/test_snapshots_origin.py``).

Messages are rendered with CLDR formatting switched off (numbers, amounts,
dates and lists as roo's own plain text), so the snapshot does not change
when babel's data does; what it pins is roo's wording and its facts.

Regenerate after an intended change of message, facts or verdict::

    python scripts/finding_snapshots.py

and review the diff of tests/snapshots/findings.json.
"""

from __future__ import annotations

import contextlib
import functools
import json
import string
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import roo  # noqa: E402
from roo import catalogue, engine  # noqa: E402
from roo.evaluation import Finding, to_json  # noqa: E402

#: Where the snapshot lives.
SNAPSHOT: Final = ROOT / "tests" / "snapshots" / "findings.json"
#: Where the origin determinations are pinned: one good per finding code of ``roo.origin.determine``.
DETERMINATIONS: Final = ROOT / "tests" / "snapshots" / "determinations.json"
#: The locales every message is pinned in.
LOCALES: Final = ("en", "ja", "id")
#: The tests run to find a case per code (those that evaluate whole certificates).
CASE_SOURCES: Final = (
    "tests/rules",
    "tests/test_examples.py",
    "tests/test_examples_jiepa_motr.py",
    "tests/test_engine.py",
    "tests/test_prechecks.py",
    "tests/origin",
)
FORMAT: Final = "roo.finding-snapshots/1"
REGENERATE: Final = "python scripts/finding_snapshots.py"


# --- rendering without CLDR data ----------------------------------------------------------------------------


def _plain(value: Any) -> str:
    """A fact value as plain text, the same with every babel release."""
    if isinstance(value, (tuple, list)):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


@contextlib.contextmanager
def plain_formatting() -> Iterator[None]:
    """Render localised messages with numbers, amounts, dates, lists and countries as plain text (no CLDR data)."""
    import babel.dates
    import babel.lists

    from roo.locale import _Speaker

    saved = (
        _Speaker.number,
        _Speaker.money,
        _Speaker.country,
        babel.dates.format_date,
        babel.dates.format_datetime,
        babel.lists.format_list,
    )
    _Speaker.number = lambda self, value: _plain(value)  # type: ignore[method-assign]
    _Speaker.money = lambda self, amount, currency: f"{_plain(amount)} {currency}"  # type: ignore[method-assign]
    _Speaker.country = lambda self, code: code  # type: ignore[method-assign]
    babel.dates.format_date = lambda value, *args, **kwargs: _plain(value)
    babel.dates.format_datetime = lambda value, *args, **kwargs: _plain(value)
    babel.lists.format_list = lambda values, *args, **kwargs: ", ".join(values)
    try:
        yield
    finally:
        (
            _Speaker.number,
            _Speaker.money,
            _Speaker.country,
            babel.dates.format_date,
            babel.dates.format_datetime,
            babel.lists.format_list,
        ) = saved  # type: ignore[method-assign]


# --- what is pinned -----------------------------------------------------------------------------------------


def pinned(findings: Sequence[Finding], messages: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    """The pinned form of the findings of one code: citation, severity, item, facts, message per locale."""
    return [
        {
            "rule": finding.rule,
            "severity": finding.severity.value,
            "item": finding.item,
            "facts": {key: to_json(value) for key, value in finding.facts.items()},
            "message": finding.message,
            "messages": {locale: messages[locale][index] for locale in LOCALES},
        }
        for index, finding in enumerate(findings)
    ]


def evaluated(case: Mapping[str, Any], code: str) -> list[dict[str, Any]]:
    """What roo reports for ``code`` on ``case``, pinned (call inside :func:`plain_formatting`)."""
    co = roo.load(case["certificate"])
    ctx = roo.load_context(case["context"])
    findings = [f for f in roo.evaluate(co, ctx).findings if f.code == code]
    messages = {
        locale: [f.message for f in roo.evaluate(co, ctx, locale=locale).findings if f.code == code]
        for locale in LOCALES
    }
    return pinned(findings, messages)


def placeholders(template: str) -> list[str]:
    """The names of a template's placeholders, in order, once each."""
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    return list(dict.fromkeys(names))


def from_template(entry: catalogue.CodeEntry) -> list[dict[str, Any]]:
    """A code no case reaches, pinned from its template: every placeholder filled with ``<name>``, about item 1."""
    from roo.locale import render
    from roo.rules.base import render as render_english

    facts = {name: f"<{name}>" for name in placeholders(entry.template)}
    item = 1
    message = render_english(entry.template, item, facts)
    finding = Finding(entry.citation, entry.code, entry.severity, item, message, facts, entry.template)
    messages = {locale: [render(entry.template, item, facts, locale)] for locale in LOCALES}
    return pinned([finding], messages)


def every_code() -> dict[str, catalogue.CodeEntry]:
    """Every finding code of the catalogue (rules and the engine's own), by code."""
    entries = {entry.code: entry for entry, _ in catalogue.codes()}
    for entry in catalogue.engine_findings():
        entries.setdefault(entry.code, entry)
    return dict(sorted(entries.items()))


# --- finding cases ------------------------------------------------------------------------------------------


class CaseCollector:
    """A pytest plugin that records every certificate and context the tests evaluate or hand a rule.

    It wraps :func:`roo.engine.run` and, in every rule module, each function the rule sets register, so a
    test that calls a rule directly gives its certificate and context as a case too.
    """

    #: Larger certificates (the tests of cost growth) make no useful case and cost time to record.
    MAX_ITEMS: Final = 20

    def __init__(self) -> None:
        self.cases: dict[str, dict[str, Any]] = {}
        self.goods: dict[str, dict[str, Any]] = {}
        self.seen: dict[tuple[int, int], tuple[Any, Any]] = {}

    def record(self, args: Sequence[Any]) -> None:
        co = next((arg for arg in args if isinstance(arg, roo.Certificate)), None)
        ctx = next((arg for arg in args if isinstance(arg, roo.Context)), None)
        if co is None or ctx is None or len(co.items) > self.MAX_ITEMS:
            return
        import hypothesis  # imported once pytest runs: earlier, pytest could not rewrite its plugin's asserts

        if hypothesis.currently_in_test_context():
            return  # generated data: neither stable between runs nor meant as an example
        # A rule is called once per item with the same pair: record each pair once (kept, so ids stay unique).
        if (id(co), id(ctx)) in self.seen:
            return
        self.seen[(id(co), id(ctx))] = (co, ctx)
        try:
            case = {"certificate": roo.dump(co), "context": roo.dump_context(ctx)}
            text = json.dumps(case, sort_keys=True, ensure_ascii=False)
        except Exception:  # noqa: BLE001 - a context that is not JSON (a correlation table) gives no case
            return
        self.cases.setdefault(text, case)

    def record_good(self, args: Sequence[Any], kwargs: Mapping[str, Any]) -> None:
        """A ``determine(good, psr, parameters=...)`` call, as JSON, when its parameters are JSON too."""
        import hypothesis

        from roo.origin import Good, PsrTable, dump_good
        from roo.origin.psr import unstructure_psr

        if hypothesis.currently_in_test_context() or not args or not isinstance(args[0], Good):
            return
        psr = args[1] if len(args) > 1 else kwargs.get("psr")
        parameters = kwargs.get("parameters")
        try:
            case = {
                "good": dump_good(args[0]),
                "psr": unstructure_psr(psr) if isinstance(psr, PsrTable) else None,
                "parameters": dict(parameters) if parameters else None,
            }
            text = json.dumps(case, sort_keys=True, ensure_ascii=False)
        except Exception:  # noqa: BLE001 - parameters that are not JSON give no case
            return
        self.goods.setdefault(text, case)

    def wrapped(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def recording(*args: Any, **kwargs: Any) -> Any:
            self.record(args)
            return function(*args, **kwargs)

        return recording

    def pytest_sessionstart(self) -> None:
        from roo.rules import RULESETS

        engine.run = self.wrapped(engine.run)  # type: ignore[assignment]
        import roo.origin
        import roo.origin.determination

        original_determine = roo.origin.determination.determine

        @functools.wraps(original_determine)
        def determining(*args: Any, **kwargs: Any) -> Any:
            self.record_good(args, kwargs)
            return original_determine(*args, **kwargs)

        roo.origin.determination.determine = determining  # type: ignore[assignment]
        roo.origin.determine = determining  # type: ignore[attr-defined]
        # By name: the rule sets may hold their own copy of a module's function.
        registered: set[tuple[str, str]] = set()
        for rules in RULESETS.values():
            for rule in rules:
                for function in (rule.check, getattr(rule, "precheck", None)):
                    function = getattr(function, "func", function)  # a functools.partial's function
                    name = (getattr(function, "__module__", None), getattr(function, "__qualname__", None))
                    if all(name):
                        registered.add(name)  # type: ignore[arg-type]
        for module_name, module in list(sys.modules.items()):
            if module_name.startswith("roo.rules") and module is not None:
                for name, value in list(vars(module).items()):
                    key = (getattr(value, "__module__", None), getattr(value, "__qualname__", None))
                    if key in registered and callable(value):
                        setattr(module, name, self.wrapped(value))


def collect_cases() -> dict[str, dict[str, Any]]:
    """Run the tests of :data:`CASE_SOURCES` with the collector; for each code, the smallest case reporting it."""
    import pytest

    collector = CaseCollector()
    # In this process (-n 0): the collector hooks the engine here, which test workers would not see.
    arguments = [
        "-q", "-n", "0", "-p", "no:randomly", "-p", "no:cacheprovider", "--hypothesis-seed=0", "--no-header",
        "--continue-on-collection-errors",
    ]  # fmt: skip
    status = pytest.main([*arguments, *(str(ROOT / source) for source in CASE_SOURCES)], plugins=[collector])
    if status not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise SystemExit(f"the tests that give the cases did not run (pytest exit {status})")
    smallest: dict[str, tuple[int, str]] = {}
    for text, case in collector.cases.items():
        try:
            evaluation = roo.evaluate(roo.load(case["certificate"]), roo.load_context(case["context"]))
        except Exception:  # noqa: BLE001 - a case that does not load again (a test's hand-made object) is skipped
            continue
        for code in {finding.code for finding in evaluation.findings}:
            if code not in smallest or (len(text), text) < smallest[code]:
                smallest[code] = (len(text), text)
    cases = {code: collector.cases[text] for code, (_, text) in smallest.items()}
    smallest_goods: dict[str, tuple[int, str]] = {}
    for text, case in collector.goods.items():
        try:
            determination = determined(case)
        except Exception:  # noqa: BLE001 - a good that does not load again is skipped
            continue
        for code in {finding.code for finding in determination.findings} or {"(no finding)"}:
            if code not in smallest_goods or (len(text), text) < smallest_goods[code]:
                smallest_goods[code] = (len(text), text)
    global GOOD_CASES
    GOOD_CASES = {code: collector.goods[text] for code, (_, text) in smallest_goods.items()}
    return cases


#: For each finding code of an origin determination, the smallest good (with its table) that gave it.
GOOD_CASES: dict[str, dict[str, Any]] = {}


def determined(case: Mapping[str, Any]) -> Any:
    """The determination of a pinned good case."""
    from roo.origin import determine, load_good
    from roo.origin.psr import load_psr

    good = load_good(case["good"])
    psr = load_psr(case["psr"]) if case["psr"] is not None else None
    return determine(good, psr, parameters=case["parameters"])


def determination_pinned(case: Mapping[str, Any]) -> dict[str, Any]:
    """A determination as pinned: its JSON form, its text report, and each finding's message per locale (plain
    formatting)."""
    from roo.locale import render_finding

    determination = determined(case)
    return {
        "determination": json.loads(json.dumps(determination.to_dict(), ensure_ascii=False)),
        "messages": [{locale: render_finding(f, locale) for locale in LOCALES} for f in determination.findings],
        "text": determination.to_text(),
    }


def build(cases: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The snapshot for every code of the catalogue, from ``cases`` where one reports the code."""
    snapshot: dict[str, Any] = {}
    with plain_formatting():
        for code, entry in every_code().items():
            case = cases.get(code)
            if case is not None:
                found = evaluated(case, code)
                if found:  # the case reports the code again (it did during the tests)
                    snapshot[code] = {"case": case, "findings": found}
                    continue
            snapshot[code] = {"case": None, "template": entry.template, "findings": from_template(entry)}
    return {"format": FORMAT, "regenerate": REGENERATE, "codes": snapshot}


def main(argv: Sequence[str] | None = None) -> int:
    cases = collect_cases()
    snapshot = build(cases)
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    with plain_formatting():
        goods = {code: {"case": case, **determination_pinned(case)} for code, case in sorted(GOOD_CASES.items())}
    DETERMINATIONS.write_text(
        json.dumps({"format": FORMAT, "regenerate": REGENERATE, "codes": goods}, ensure_ascii=False, indent=1, sort_keys=True)
        + "\n",
        encoding="utf-8",
    )
    print(f"{DETERMINATIONS.relative_to(ROOT)}: {len(goods)} origin finding codes")
    pinned_by_case = sum(1 for entry in snapshot["codes"].values() if entry["case"] is not None)
    print(f"{SNAPSHOT.relative_to(ROOT)}: {len(snapshot['codes'])} codes, {pinned_by_case} from a case")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

