"""The engine: run the rules registered for a certificate's scheme, in a fixed order, and fold the results.

Certificate rules run once; item rules run once per item, so every item is
judged in its own right (AJCEP IR 3(i)) and its problems stay with it
(IR 3(j)). Each run adds one line to the trace. A rule that could not be
evaluated adds an ``info`` finding naming the facts it needed.

A rule that fails unexpectedly never takes the evaluation down, and never
leaves a grant behind it: roo cannot tell what the check would have found, so
preference is withheld from what the rule covers until the check is made. The
failure is an ``error`` (``rule-crashed``) on the item for an item rule, and
on the certificate (every item) for a certificate rule, a waiver included; it
is traced as not evaluated with ``needed`` ``("rule-crashed",)``.

A check that could have denied a granted item (its rule declares an
``error`` finding, and it concerns that item or the whole certificate) and was
not made, for want of a fact or because its rule failed, makes the evaluation
incomplete: its position is listed in
:attr:`~roo.evaluation.Evaluation.unverified_at`. Under a waiver only the
checks whose denial the waiver keeps (the rules of origin) count.

Running the rules is the hot path of :func:`roo.evaluate` (rules x items), so
it does nothing per run that can be done once: each list of rules is written
out as one function, rule after rule (see :func:`_collector`), enum members
are bound to module constants. That function only collects what each rule
concluded; what follows from that (findings, verdicts,
completeness, trace) is worked out afterwards and remembered by the identity
of the rules' results, which are mostly shared (see :func:`_concluded`). The
trace is recorded as each rule concluded (one entry per rule) and its lines
are built only when :attr:`~roo.evaluation.Evaluation.checks` is first read:
most callers read the verdicts and findings only. The
trace lines (:class:`~roo.evaluation.Check`) and "not evaluated" findings the
engine builds itself are immutable values fully determined by their fields,
so the engine reuses them from a small memo keyed by exactly those fields
(see :class:`_Memo`): a 50-item certificate repeats the same few hundred
of them on every evaluation. Item rules mostly return a shared result
without findings (``PASSED``, ``NOT_APPLICABLE``, one ``not_evaluated(...)``),
so for such a result the engine keeps its lines by item number and looks
them up by the number alone. The memos are bounded and never change a result
(tests/test_evaluation_stability.py compares evaluations from empty and from
full memos).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import repeat
from operator import is_
from typing import Final, Generic, TypeAlias, TypeVar, final

from ._frozen import FrozenMap
from .context import Context
from .evaluation import (
    Check,
    Evaluation,
    FactValue,
    Finding,
    ItemVerdict,
    Outcome,
    Preference,
    Severity,
    Status,
    Trace,
    fold,
    make_evaluation,
    make_finding,
)
from .locale import N_
from .model.certificate import Certificate, Item
from .rule_kit import (
    CertificateRule,
    ItemCheck,
    Result,
    Rule,
    render,
)

NOT_EVALUATED_CODE = "check-not-evaluated"
RULE_CRASHED_CODE = "rule-crashed"
#: What the trace line of a crashed rule names as needed.
RULE_CRASHED_NEEDED: Final = ("rule-crashed",)
#: Message templates (msgids of roo's catalogues) of the two findings the engine makes itself.
NOT_EVALUATED_TEMPLATE: Final = N_("Not evaluated: '{title}' needs {needed}.")
RULE_CRASHED_TEMPLATE: Final = N_(
    "The check '{title}' could not be completed ({error}); preference is withheld until it is made."
)

_NOT_EVALUATED: Final = Outcome.NOT_EVALUATED
_GRANTED: Final = Preference.GRANTED

K = TypeVar("K")
V = TypeVar("V")


class _Memo(dict[K, V], Generic[K, V]):
    """A bounded memo of immutable values built by the engine, keyed by every field the value holds.

    Equal keys give equal values, so handing out a value built for an earlier
    evaluation is indistinguishable from building it again; the only effect is
    speed. When full it is emptied, so memory stays bounded whatever the input
    (``limit`` entries of a few hundred bytes). Safe across threads: a race
    can at worst build a value twice.
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


#: Trace lines by (citation, title, item, outcome, needed).
_CHECKS: Final[_Memo[tuple[str, str, int | None, Outcome, tuple[str, ...]], Check]] = _Memo(8192)
#: "Not evaluated" findings by (citation, title, item, needed).
_NOT_EVALUATED_FINDINGS: Final[_Memo[tuple[str, str, int | None, tuple[str, ...]], Finding]] = _Memo(4096)


def run(co: Certificate, ctx: Context, rules: Sequence[Rule]) -> Evaluation:
    """Evaluate ``co`` in ``ctx`` against ``rules``; never raises."""
    plan = _plan_of(rules)
    # What each rule concluded, in order: its Result (a certificate rule, or an item rule that gave every item
    # the same result without findings) or its list of results item by item; and the positions of such lists.
    entries, lists = plan.collect(co, ctx)
    items = co.items
    numbers = tuple([item.number for item in items])
    findings, status, verdicts, unverified_at, trace = _concluded(plan, numbers, entries, lists)
    return make_evaluation(
        status,
        verdicts,
        findings,
        trace,
        co.scheme._value_,  # the member's value as stored: ``.value`` is a descriptor that costs more
        co.reference_number,
        ctx.on,
        unverified_at,
        co,
    )


def _concluded(
    plan: _Plan, numbers: tuple[int, ...], entries: list[Result | list[Result]], lists: list[int]
) -> _Conclusion:
    """:func:`_conclude`, remembered by the plan, the item numbers and the identity of every rule's result.

    Rules hand out shared results (``PASSED``, ``NOT_APPLICABLE``, one ``not_evaluated(...)``, a memoised
    note), so a clean certificate's rules give the very objects the previous one's gave, and what the
    engine makes of them (findings, fold, completeness, trace) is the same value again. The memo keeps,
    for a plan and item numbers, the last few lists of results with their conclusions, and serves one
    whose results are the very objects of this evaluation's, rule by rule (for a rule's results item by
    item, item by item). Identity, not equality: equal findings may still differ in what equality leaves
    out (a message's template, ``Decimal("1.0")`` against ``Decimal("1")`` in the facts). A result built
    afresh (findings of this certificate's own) only misses. ``lists`` are the positions of the entries that
    are lists of results item by item.
    """
    global _concluded_items
    key = (id(plan), numbers)
    known = _CONCLUDED.get(key)
    if known is not None and known[0] is plan:
        for held, concluded in known[1]:
            # the lists have one entry per rule of the plan: equally long
            if _same_entries(held, entries, lists) if lists else all(map(is_, held, entries)):
                return concluded
    concluded = _conclude(plan, numbers, entries)
    if _concluded_items >= _CONCLUDED_ITEMS_LIMIT:
        _CONCLUDED.clear()
        _concluded_items = 0
        known = None
    if known is None or known[0] is not plan:
        known = _CONCLUDED.keep(key, (plan, []))
    held_conclusions = known[1]
    held_conclusions.insert(0, (entries, concluded))
    del held_conclusions[_CONCLUSIONS_PER_KEY:]
    _concluded_items += len(numbers)
    return concluded


def _same_entries(
    held: list[Result | list[Result]], entries: list[Result | list[Result]], lists: list[int]
) -> bool:
    """Whether each of ``entries`` is the entry ``held`` for its rule, or both are lists of the very same
    results item by item (``lists``: the positions of the lists in ``entries``).

    The entries are compared in one pass of ``is_`` in C (both lists have one entry per rule of the plan:
    equally long); each list, once its results are found to be the held ones, is replaced in that pass by
    the held list, so that a Python call is made per list rather than per rule.
    """
    probe = entries.copy()
    for position in lists:
        kept, entry = held[position], entries[position]
        assert isinstance(entry, list)  # the collector says so
        if not isinstance(kept, list) or len(kept) != len(entry) or not all(map(is_, kept, entry)):
            return False
        probe[position] = kept
    return all(map(is_, held, probe))


#: What :func:`_conclude` gives: the findings, the status and verdicts, the positions of the checks that leave
#: the evaluation incomplete, and the trace.
_Conclusion: TypeAlias = "tuple[tuple[Finding, ...], Status, tuple[ItemVerdict, ...], tuple[int, ...], _Trace]"
#: By (id of the plan, item numbers): the plan (held, so that its id cannot be reused while remembered) and the
#: last lists of results met with their conclusions, newest first. Holding the results keeps them alive.
_CONCLUDED: Final[
    _Memo[tuple[int, tuple[int, ...]], tuple[_Plan, list[tuple[list[Result | list[Result]], _Conclusion]]]]
] = _Memo(256)
#: How many lists of results :data:`_CONCLUDED` keeps for one plan and numbering.
_CONCLUSIONS_PER_KEY: Final = 8
#: How many item verdicts :data:`_CONCLUDED` may hold in all before it is emptied (a conclusion grows with items).
_CONCLUDED_ITEMS_LIMIT: Final = 20000
_concluded_items = 0


def _conclude(plan: _Plan, numbers: tuple[int, ...], entries: list[Result | list[Result]]) -> _Conclusion:
    """What the rules' results (``entries``, one per step of ``plan``) make of a certificate of items ``numbers``.

    The findings in rule order (a rule's own, then the engine's "not evaluated" notes for the facts a
    result lacked), the verdicts folded from them, the trace positions of the checks that leave the
    evaluation incomplete, and the trace.
    """
    findings: list[Finding] = []
    waived = False
    kept: frozenset[str] = frozenset()
    count = len(numbers)
    position = 0  # in the trace, of the first line of the rule at hand
    blocks: dict[tuple[str, str, Outcome, tuple[str, ...]], _Block] | None = None
    # The checks not made, for the completeness pass, which then reads these few instead of the whole trace:
    # (position of the first, the rule's denying codes, needed, the item numbers, or (None,) for the certificate);
    # only those that can count: of a rule that declares an error, or of a crash.
    not_made: list[_NotMade] = []
    for (certificate, citation, title, denying), entry in zip(plan.steps, entries, strict=True):
        if certificate:
            assert not isinstance(entry, list)
            if entry.waived:
                waived = True
                kept = kept | entry.kept
            if entry.findings:
                findings.extend(entry.findings)
            if entry.outcome is _NOT_EVALUATED:
                needed = entry.needed
                if denying or needed == RULE_CRASHED_NEEDED:
                    not_made.append((position, denying, needed, _CERTIFICATE))
                if needed and not entry.findings:
                    findings.append(_not_evaluated(citation, title, None, needed))
            position += 1
        elif not isinstance(entry, list):  # every item's result, without findings
            if entry.outcome is _NOT_EVALUATED and count:
                needed = entry.needed
                if denying or needed == RULE_CRASHED_NEEDED:
                    not_made.append((position, denying, needed, numbers))
                if needed:
                    if blocks is None:
                        blocks = _blocks_of(numbers)
                    key = (citation, title, _NOT_EVALUATED, needed)
                    findings.extend((blocks.get(key) or _block(blocks, citation, title, _NOT_EVALUATED, needed, numbers))[1])
            position += count
        else:
            for number, result in zip(numbers, entry, strict=True):
                if result.findings:
                    findings.extend(result.findings)
                if result.outcome is _NOT_EVALUATED:
                    needed = result.needed
                    if denying or needed == RULE_CRASHED_NEEDED:
                        not_made.append((position, denying, needed, (number,)))
                    if needed and not result.findings:
                        findings.append(_not_evaluated(citation, title, number, needed))
                position += 1
    all_findings = tuple(findings)
    status, verdicts = fold(numbers, all_findings, waived=waived, kept=kept | _CRASHED_CODES if waived else _CRASHED_CODES)
    unverified_at = _unverified(not_made, kept if waived else None, verdicts)
    return all_findings, status, verdicts, unverified_at, _Trace(plan.rules, numbers, tuple(entries))


@final
class _Plan:
    """How :func:`run` goes through a list of rules, worked out once per list rather than once per certificate.

    ``collect`` runs the rules on a certificate (see :func:`_collector`). ``steps`` holds, per rule, what
    :func:`_conclude` reads of each: whether it is a certificate rule, its citation and title, and the codes of
    the ``error`` findings declared by the rules of that citation and title (what makes a check of it not
    made count against completeness).
    """

    __slots__ = ("collect", "rules", "steps")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        denying = _denying_codes(rules)
        self.collect = _collector(rules)
        self.steps: tuple[_Step, ...] = tuple(
            (isinstance(rule, CertificateRule), rule.citation, rule.title, denying[(rule.citation, rule.title)])
            for rule in rules
        )


#: What :attr:`_Plan.collect` gives: each rule's entry (its result, or its results item by item), and the
#: positions of the entries that are such lists.
_Collected: TypeAlias = "tuple[list[Result | list[Result]], list[int]]"


def _collector(rules: tuple[Rule, ...]) -> Callable[[Certificate, Context], _Collected]:
    """A function that runs ``rules`` in order on a certificate in a context and gives what each concluded.

    It is written out rule by rule from the three templates below and compiled once per plan: a loop over
    the rules spent more on its own bookkeeping (unpacking each step, testing its kind) than most rules
    spend on their check. The source holds nothing but the templates and the rules' positions; the rules
    and their checks are names in the function's namespace. Each step does what a loop's iteration did:
    a certificate rule's result, or its crash, is its entry; an item rule's precheck result without
    findings is its entry (a precheck that fails leaves the items to the check); otherwise
    :func:`_item_results` runs the check item by item.
    """
    lines = ["def collect(co, ctx):", "    lists = []"]
    namespace: dict[str, object] = {"crashed": _crashed, "item_results": _item_results}
    for index, rule in enumerate(rules):
        namespace[f"rule_{index}"] = rule
        namespace[f"check_{index}"] = rule.check
        if isinstance(rule, CertificateRule):
            template = _CERTIFICATE_STEP
        elif rule.precheck is not None:
            namespace[f"precheck_{index}"] = rule.precheck
            template = _PRECHECKED_ITEM_STEP
        else:
            template = _ITEM_STEP
        lines.append(template.format(index=index))
    # Each entry is a local variable until the end, where the list is built in one go: appending them one by
    # one cost a call per rule.
    lines.append(f"    return [{', '.join(f'entry_{index}' for index in range(len(rules)))}], lists")
    exec(compile("\n".join(lines), f"<roo.engine: {len(rules)} rules>", "exec"), namespace)  # noqa: S102
    collect: Callable[[Certificate, Context], _Collected] = namespace["collect"]  # type: ignore[assignment]
    return collect


_CERTIFICATE_STEP: Final = """\
    try:
        entry_{index} = check_{index}(co, ctx)
    except Exception as error:  # a rule bug must not escape evaluate() nor grant
        entry_{index} = crashed(rule_{index}, None, error)"""
_ITEM_STEP: Final = """\
    entry_{index} = item_results(rule_{index}, check_{index}, co, ctx)
    if entry_{index}.__class__ is list:
        lists.append({index})"""
_PRECHECKED_ITEM_STEP: Final = """\
    try:
        shared = precheck_{index}(co, ctx)
    except Exception:  # the item-by-item checks then report any problem
        shared = None
    if shared is not None and not shared.findings:
        entry_{index} = shared
    else:
""" + "\n".join("    " + line for line in _ITEM_STEP.splitlines())


def _item_results(rule: Rule, check: ItemCheck, co: Certificate, ctx: Context) -> Result | list[Result]:
    """An item rule's results item by item, or the one result it gave every item when that has no findings."""
    items = co.items
    try:  # rules are pure: after a crash, running them again item by item is safe
        results = [check(item, co, ctx) for item in items]
    except Exception:  # noqa: BLE001 - isolated item by item just below
        results = [_checked(check, rule, item, co, ctx) for item in items]
    # Most item rules give every item the same shared result (PASSED, NOT_APPLICABLE, one not_evaluated(...)):
    # then the rule's entry is that result, as after a precheck. The test stops at the first other result.
    first = results[0] if results else None
    if first is not None and not first.findings and all(map(is_, results, repeat(first))):
        return first
    return results

#: One rule as :func:`_conclude` reads its result: whether it is a certificate rule, its citation and title,
#: and its denying codes.
_Step: TypeAlias = "tuple[bool, str, str, frozenset[str]]"

#: Plans by rule tuple: the tuple itself (held, so that its id cannot be reused while remembered) and its plan.
_PLANS: Final[_Memo[int, tuple[tuple[Rule, ...], _Plan]]] = _Memo(64)


def _plan_of(rules: Sequence[Rule]) -> _Plan:
    """The plan of ``rules``: remembered for a tuple (a scheme's registered rules); worked out afresh for any
    other sequence, which may have changed since it was last seen."""
    if type(rules) is not tuple:
        return _Plan(tuple(rules))
    known = _PLANS.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    return _PLANS.keep(id(rules), (rules, _Plan(rules)))[1]


#: Where the checks of a certificate rule concern: no item.
_CERTIFICATE: Final[tuple[int | None, ...]] = (None,)
#: A run of checks not made: the position of its first in the trace, the codes of the errors its rule declares,
#: the facts needed, and the items the checks concern in trace order (``(None,)`` for a certificate rule's check).
_NotMade = tuple[int, frozenset[str], tuple[str, ...], tuple[int | None, ...]]


class _Trace(Trace):
    """The trace of one evaluation as its rules concluded; the lines are the memos' values (see :func:`run`)."""

    __slots__ = ("entries", "numbers", "rules")

    def __init__(self, rules: tuple[Rule, ...], numbers: tuple[int, ...], entries: tuple[Result | list[Result], ...]) -> None:
        self.rules = rules
        self.numbers = numbers
        self.entries = entries

    def build(self) -> tuple[Check, ...]:
        checks: list[Check] = []
        add_check = checks.append
        known_check = _CHECKS.get
        numbers = self.numbers
        blocks: dict[tuple[str, str, Outcome, tuple[str, ...]], _Block] | None = None
        for rule, entry in zip(self.rules, self.entries, strict=True):
            citation, title = rule.citation, rule.title
            if isinstance(entry, list):
                for number, result in zip(numbers, entry, strict=True):
                    key: tuple[str, str, int | None, Outcome, tuple[str, ...]] = (
                        citation, title, number, result.outcome, result.needed,
                    )  # fmt: skip
                    add_check(known_check(key) or _CHECKS.keep(key, Check(citation, number, result.outcome, result.needed, title)))
            elif isinstance(rule, CertificateRule):
                key = (citation, title, None, entry.outcome, entry.needed)
                add_check(known_check(key) or _CHECKS.keep(key, Check(citation, None, entry.outcome, entry.needed, title)))
            elif numbers:
                if blocks is None:
                    blocks = _blocks_of(numbers)
                outcome, needed = entry.outcome, entry.needed
                block = blocks.get((citation, title, outcome, needed)) or _block(blocks, citation, title, outcome, needed, numbers)
                checks.extend(block[0])
        return tuple(checks)


_CRASHED_CODES: Final = frozenset({RULE_CRASHED_CODE})


def _denying_codes(rules: Sequence[Rule]) -> dict[tuple[str, str], frozenset[str]]:
    """For each rule of ``rules`` by (citation, title), the codes of the ``error`` findings it can make."""
    codes: dict[tuple[str, str], frozenset[str]] = {}
    for rule in rules:
        key = (rule.citation, rule.title)
        denying = frozenset(spec.code for spec in rule.specs if spec.severity is Severity.ERROR)
        codes[key] = codes.get(key, frozenset()) | denying
    return codes


def _unverified(
    not_made: list[_NotMade],
    kept: frozenset[str] | None,
    verdicts: tuple[ItemVerdict, ...],
) -> tuple[int, ...]:
    """The positions of the checks of crashed rules, and of the checks not made that could have denied a granted item.

    ``not_made`` holds the checks of the trace whose outcome is "not evaluated" and whose rule declares an
    ``error`` or crashed, in order, as runs of one rule's checks with the same needed facts, each with the
    position of its first check in the trace and its rule's denying codes.
    A check not made for want of a fact counts when its rule declares an
    ``error`` (under a waiver, ``kept`` not None, one the waiver keeps) and it
    concerns a granted item: its own, or for a certificate check any; a denied
    item's grant cannot rest on it. A crashed rule's check always counts: the
    denial it caused is roo's failure, not a finding of the text.
    """
    if not not_made:
        return ()
    granted = {verdict.number for verdict in verdicts if verdict.preference is _GRANTED}
    positions: list[int] = []
    for offset, codes, needed, concerned in not_made:
        if needed == RULE_CRASHED_NEEDED:
            positions.extend(range(offset, offset + len(concerned)))
            continue
        if not codes or (kept is not None and codes.isdisjoint(kept)):
            continue
        for position, item in enumerate(concerned, offset):
            if granted if item is None else item in granted:
                positions.append(position)
    return tuple(positions)


def _checked(check: ItemCheck, rule: Rule, item: Item, co: Certificate, ctx: Context) -> Result:
    """``rule``'s result for ``item`` (``check``, its check), or the error that it crashed."""
    try:
        return check(item, co, ctx)
    except Exception as error:  # noqa: BLE001 - a rule bug must not escape evaluate() nor grant
        return _crashed(rule, item.number, error)


#: Per item rule and result without findings, (citation, title, outcome, needed): by item number, the trace
#: line and, for a result "not evaluated" that names what it needed, the finding saying so.
_LINES: Final[_Memo[tuple[str, str, Outcome, tuple[str, ...]], dict[int, tuple[Check, Finding | None]]]] = _Memo(1024)
#: How many lines :data:`_LINES` may hold in all before it is emptied.
_LINES_LIMIT: Final = 16384
_lines_held = 0


def _lines(citation: str, title: str, outcome: Outcome, needed: tuple[str, ...]) -> dict[int, tuple[Check, Finding | None]]:
    """The lines by item number of a rule (``citation``, ``title``) giving a result of ``outcome`` without findings."""
    key = (citation, title, outcome, needed)
    lines = _LINES.get(key)
    if lines is None:
        lines = _LINES.keep(key, {})
    return lines


def _line(
    lines: dict[int, tuple[Check, Finding | None]],
    citation: str,
    title: str,
    number: int,
    outcome: Outcome,
    needed: tuple[str, ...],
) -> tuple[Check, Finding | None]:
    """Build, remember in ``lines`` and return the line of item ``number``; the same values the generic path gives."""
    global _lines_held
    if _lines_held >= _LINES_LIMIT:
        _LINES.clear()  # ``lines`` itself stays usable by the caller: it only leaves the memo
        _lines_held = 0
    key = (citation, title, number, outcome, needed)
    check = _CHECKS.get(key) or _CHECKS.keep(key, Check(citation, number, outcome, needed, title))
    missing = _not_evaluated(citation, title, number, needed) if needed and outcome is _NOT_EVALUATED else None
    line = lines[number] = (check, missing)
    _lines_held += 1
    return line


#: The trace lines and "not evaluated" findings of an item rule that gave every item the same result.
_Block = tuple[tuple[Check, ...], tuple[Finding, ...]]
#: Such blocks by item numbers, then by rule and result (citation, title, outcome, needed): the numbers of a
#: certificate's items are hashed once per evaluation, not once per rule.
_BLOCKS: Final[_Memo[tuple[int, ...], dict[tuple[str, str, Outcome, tuple[str, ...]], _Block]]] = _Memo(256)
#: How many blocks :data:`_BLOCKS` may hold for one numbering before that numbering's blocks are emptied.
_BLOCKS_PER_NUMBERING: Final = 512


def _blocks_of(numbers: tuple[int, ...]) -> dict[tuple[str, str, Outcome, tuple[str, ...]], _Block]:
    """The blocks of a certificate whose items are numbered ``numbers``."""
    blocks = _BLOCKS.get(numbers)
    if blocks is None:
        blocks = _BLOCKS.keep(numbers, {})
    return blocks


def _block(
    blocks: dict[tuple[str, str, Outcome, tuple[str, ...]], _Block],
    citation: str,
    title: str,
    outcome: Outcome,
    needed: tuple[str, ...],
    numbers: tuple[int, ...],
) -> _Block:
    """Build, remember in ``blocks`` and return the block of a rule that gave every item the same result."""
    if len(blocks) >= _BLOCKS_PER_NUMBERING:
        blocks.clear()
    lines = _lines(citation, title, outcome, needed)
    made = [lines.get(n) or _line(lines, citation, title, n, outcome, needed) for n in numbers]
    block = blocks[(citation, title, outcome, needed)] = (tuple(c for c, _ in made), tuple(f for _, f in made if f is not None))
    return block


def _crashed(rule: Rule, item: int | None, error: Exception) -> Result:
    """A rule that raised: an ``error`` withholding preference from what it covers, traced as not evaluated.

    The finding names only the exception's class; the traceback, which a finding cannot carry, is logged to
    this module's logger, a child of the ``roo`` logger (of the package's own name when vendored).
    """
    import logging  # here, not at import: only a crash logs, and logging costs more to import than the engine

    where = "the certificate" if item is None else f"item {item}"
    logging.getLogger(__name__).error("rule %s (%s) crashed on %s", rule.citation, rule.title, where, exc_info=error)
    facts = FrozenMap({"error": type(error).__name__, "title": rule.title})
    crash = Finding(
        rule=rule.citation,
        code=RULE_CRASHED_CODE,
        severity=Severity.ERROR,
        item=item,
        message=render(RULE_CRASHED_TEMPLATE, item, facts),
        facts=facts,
        template=RULE_CRASHED_TEMPLATE,
    )
    return Result(_NOT_EVALUATED, (crash,), RULE_CRASHED_NEEDED)


#: By rule and facts needed (citation, title, needed): the facts and the message without an item, which every
#: item's "not evaluated" note shares (a 50-item certificate evaluated with only a date has 150 such notes).
_NOT_EVALUATED_PARTS: Final[_Memo[tuple[str, str, tuple[str, ...]], tuple[FrozenMap[FactValue], str]]] = _Memo(1024)


def _not_evaluated(citation: str, title: str, item: int | None, needed: tuple[str, ...]) -> Finding:
    """The ``info`` finding of a rule (``citation``, ``title``) that lacked the facts ``needed``."""
    key = (citation, title, item, needed)
    finding = _NOT_EVALUATED_FINDINGS.get(key)
    if finding is None:
        shared = (citation, title, needed)
        parts = _NOT_EVALUATED_PARTS.get(shared)
        if parts is None:
            facts: FrozenMap[FactValue] = FrozenMap({"title": title, "needed": needed})
            parts = _NOT_EVALUATED_PARTS.keep(shared, (facts, render(NOT_EVALUATED_TEMPLATE, None, facts)))
        facts, message = parts
        # The item's prefix as render() writes it, on the message rendered once for every item.
        message = message if item is None else f"Item {item}: {message}"
        finding = _NOT_EVALUATED_FINDINGS.keep(
            key, make_finding(citation, NOT_EVALUATED_CODE, Severity.INFO, item, message, facts, NOT_EVALUATED_TEMPLATE)
        )
    return finding
