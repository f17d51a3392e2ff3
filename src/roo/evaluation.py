"""What an evaluation returns: findings, per-item verdicts, the trace of checks, and the status.

The folding of findings into verdicts lives here because it *is* AJCEP IR
3(j): an ``error`` that names an item denies that item only; an ``error``
with no item (a defect of the certificate itself) denies every item;
``warning`` and ``info`` never deny.

An evaluation also says whether it is **complete**: every check that could
have denied a granted item was made. A check left ``not_evaluated`` for want
of a fact, or one whose rule failed unexpectedly, is listed in
:attr:`Evaluation.unverified`; an integrator gates on
:attr:`Evaluation.complete` (``"complete"`` in the JSON) so that no grant
rests on a check roo did not make.
"""

from __future__ import annotations

import abc
import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, final

import attrs

from ._frozen import EMPTY, FrozenMap, freeze
from .locale import check_locale, localize, render_finding
from .model.money import Money, Quantity

if TYPE_CHECKING:
    from .model.certificate import Certificate

FORMAT: Final = "roo.evaluation/1"

_new: Final = object.__new__

#: A value a finding can carry in ``facts``; ``to_dict`` turns it into JSON (a ``Money`` or ``Quantity`` as it prints).
FactValue = str | int | bool | None | Decimal | date | Money | Quantity | tuple[Any, ...]


class Severity(enum.StrEnum):
    """How much a finding weighs: ``error`` denies, ``warning`` and ``info`` do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Status(enum.StrEnum):
    """The outcome for the certificate as a whole."""

    ACCEPTED = "accepted"
    PARTIALLY_ACCEPTED = "partially_accepted"
    REJECTED = "rejected"
    NOT_REQUIRED = "not_required"


class Preference(enum.StrEnum):
    """Whether an item gets preferential tariff treatment."""

    GRANTED = "granted"
    DENIED = "denied"


class Outcome(enum.StrEnum):
    """What one rule concluded for one certificate or item."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"
    NOT_EVALUATED = "not_evaluated"


def _facts(data: Mapping[str, FactValue] | None) -> FrozenMap[FactValue]:
    """``Finding.facts`` as a ``FrozenMap`` (typed for the converter; see :func:`roo._frozen.freeze`)."""
    return freeze(data)


@final
@attrs.frozen
class Finding:
    """One cited observation about the certificate or one of its items."""

    rule: str
    code: str
    severity: Severity
    item: int | None
    message: str
    facts: FrozenMap[FactValue] = attrs.field(default=EMPTY, converter=_facts)
    #: The English message template (a msgid of roo's catalogues) ``message`` was rendered from; "" if none.
    template: str = attrs.field(default="", eq=False, repr=False)

    @property
    def denies(self) -> bool:
        """Whether this finding denies preference (to its item, or to all items when ``item`` is None)."""
        return self.severity is Severity.ERROR

    def render(self, locale: str | None = None) -> str:
        """The message in ``locale`` (``"en"``, ``"ja"``, ``"id"``; ``None``: :attr:`message`), see :mod:`roo.locale`."""
        return render_finding(self, locale)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (docs/formats.md#evaluation)."""
        return {
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity.value,
            "item": self.item,
            "message": self.message,
            "facts": {key: to_json(value) for key, value in self.facts.items()},
        }


def make_finding(
    rule: str, code: str, severity: Severity, item: int | None, message: str, facts: FrozenMap[FactValue], template: str
) -> Finding:
    """``Finding(rule, code, severity, item, message, facts, template)`` built slot by slot, for facts already frozen.

    Rules build a finding for every problem on every item; this skips what
    ``Finding.__init__`` sets up per call (its converter would keep ``facts``
    as it is anyway). tests/test_engine.py checks it equals the constructor.
    """
    finding = _new(Finding)
    _set_rule(finding, rule)
    _set_code(finding, code)
    _set_severity(finding, severity)
    _set_item(finding, item)
    _set_message(finding, message)
    _set_facts(finding, facts)
    _set_template(finding, template)
    return finding


_set_rule: Final = Finding.__dict__["rule"].__set__
_set_code: Final = Finding.__dict__["code"].__set__
_set_severity: Final = Finding.__dict__["severity"].__set__
_set_item: Final = Finding.__dict__["item"].__set__
_set_message: Final = Finding.__dict__["message"].__set__
_set_facts: Final = Finding.__dict__["facts"].__set__
_set_template: Final = Finding.__dict__["template"].__set__


@final
@attrs.frozen
class Check:
    """One line of the trace: a rule run once for the certificate (``item`` None) or one item."""

    rule: str
    item: int | None
    outcome: Outcome
    needed: tuple[str, ...] = ()
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "rule": self.rule,
            "title": str(self.title),
            "item": self.item,
            "outcome": self.outcome.value,
            "needed": [str(fact) for fact in self.needed],  # a fact named by a Phrase as its plain string
        }


@final
@attrs.frozen
class ItemVerdict:
    """Whether one item gets preference, with the findings about it."""

    number: int
    preference: Preference
    findings: tuple[Finding, ...] = ()

    @property
    def granted(self) -> bool:
        """Shorthand for ``preference is Preference.GRANTED``."""
        return self.preference is Preference.GRANTED

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "number": self.number,
            "preference": self.preference.value,
            "findings": [f.to_dict() for f in self.findings],
        }


class Trace(abc.ABC):
    """A trace kept in the compact form an evaluation recorded it in, its :class:`Check` lines built on first read.

    Most callers read the verdicts and findings, not the trace: the engine
    hands :class:`Evaluation` one of these (what each rule concluded, not one
    line per rule and item) and :attr:`Evaluation.checks` builds the lines
    when first asked. A subclass implements :meth:`build`, which must give
    the same lines every time. It pickles as the built tuple.
    """

    __slots__ = ()

    @abc.abstractmethod
    def build(self) -> tuple[Check, ...]:
        """The trace's lines, in order."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self.build(),))


def _built(trace: tuple[Check, ...] | Trace) -> tuple[Check, ...]:
    """The lines of ``trace``: what evaluations are compared and hashed by, whichever form they hold."""
    return trace.build() if isinstance(trace, Trace) else trace


@final
@attrs.frozen(repr=False)
class Evaluation:
    """The result of :func:`roo.evaluate`."""

    status: Status
    items: tuple[ItemVerdict, ...]
    findings: tuple[Finding, ...]
    #: The trace: its lines, or a :class:`Trace` that builds them on first read of :attr:`checks` (the
    #: argument is ``checks``; equality, hashing and pickling see the lines either way).
    _trace: tuple[Check, ...] | Trace = attrs.field(default=(), alias="checks", eq=_built)
    scheme: str | None = None
    reference_number: str | None = None
    on: date | None = None
    #: Positions in ``checks`` of the checks that could have denied and were not made (see :attr:`unverified`).
    unverified_at: tuple[int, ...] = ()
    #: The certificate evaluated, for the notebook view (each item's description, HS code and box 8). Not
    #: compared, not in :meth:`to_dict`: two evaluations are equal when their results are.
    certificate: Certificate | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    #: The locale the messages are in (``evaluate(..., locale=...)``, :meth:`localized`), so the notebook view
    #: writes its own words in the same language; ``None``: the canonical English. Not compared, not in
    #: :meth:`to_dict`.
    locale: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @property
    def checks(self) -> tuple[Check, ...]:
        """The trace: one line per rule run for the certificate, and per item rule and item, in order."""
        trace = self._trace
        if isinstance(trace, Trace):
            # Built once, on first read; a race at worst builds equal lines twice.
            trace = trace.build()
            _set_trace(self, trace)
        return trace

    @property
    def unverified(self) -> tuple[Check, ...]:
        """The checks that could have denied a granted item and were not made, in trace order.

        Each is ``not_evaluated``: its ``needed`` names the facts it lacked, or
        is ``("rule-crashed",)`` when its rule failed unexpectedly. A check that
        can only note or warn, whose denial a waiver lifts, or that concerns
        only an item denied anyway, is not listed; a crashed rule's check
        always is (its item, or every item, is denied by roo's failure, not by
        the text).
        """
        checks = self.checks
        return tuple([checks[position] for position in self.unverified_at])

    @property
    def complete(self) -> bool:
        """Whether every rule ran and every check that could have denied a granted item was made (no :attr:`unverified`)."""
        return not self.unverified_at

    def item(self, number: int) -> ItemVerdict | None:
        """The verdict for item ``number``, or ``None``."""
        for verdict in self.items:
            if verdict.number == number:
                return verdict
        return None

    @property
    def granted(self) -> tuple[int, ...]:
        """Numbers of the items that get preference."""
        return tuple(v.number for v in self.items if v.granted)

    @property
    def denied(self) -> tuple[int, ...]:
        """Numbers of the items that do not."""
        return tuple(v.number for v in self.items if not v.granted)

    def __repr__(self) -> str:
        counts = {s: sum(1 for f in self.findings if f.severity is s) for s in Severity}
        # "info" is a mass noun; an error and a warning are counted ("2 errors", "1 warning").
        tally = ", ".join(
            f"{n} {s.value}{'s' if n != 1 and s is not Severity.INFO else ''}" for s, n in counts.items() if n
        ) or "no findings"
        granted = ",".join(map(str, self.granted)) or "-"
        denied = ",".join(map(str, self.denied)) or "-"
        unverified = f" ({len(self.unverified_at)} unverified)" if self.unverified_at else ""
        return (
            f"<Evaluation {self.scheme} {self.reference_number}: {self.status.value}{unverified}; "
            f"granted {granted}; denied {denied}; {tally}>"
        )

    def messages(self, locale: str | None = None) -> tuple[str, ...]:
        """Every finding's message in ``locale`` (``"en"``, ``"ja"``, ``"id"``; ``None``: as they are), in order."""
        if locale is None:
            return tuple(f.message for f in self.findings)
        check_locale(locale)
        return tuple(render_finding(f, locale) for f in self.findings)

    def localized(self, locale: str | None) -> Evaluation:
        """This evaluation with its messages (and trace titles) in ``locale``; ``None`` returns it unchanged."""
        return localize(self, locale)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (docs/formats.md#evaluation); ``"format": "roo.evaluation/1"``."""
        return {
            "format": FORMAT,
            "scheme": self.scheme,
            "reference_number": self.reference_number,
            "on": self.on.isoformat() if self.on else None,
            "status": self.status.value,
            "complete": self.complete,
            "unverified": [c.to_dict() for c in self.unverified],
            "items": [v.to_dict() for v in self.items],
            "findings": [f.to_dict() for f in self.findings],
            "checks": [c.to_dict() for c in self.checks],
        }


def fold(
    item_numbers: tuple[int, ...],
    findings: tuple[Finding, ...],
    *,
    waived: bool = False,
    kept: frozenset[str] = frozenset(),
) -> tuple[Status, tuple[ItemVerdict, ...]]:
    """Fold findings into item verdicts and a status (AJCEP IR 3(j)).

    A certificate-level error denies every item; an item-level error denies
    its own item only. When the CO is waived (AJCEP IR 6) the waiver lifts the
    requirement of the document, not the rules of origin: only an error whose
    code is in ``kept`` (goods not originating, not consigned directly, not
    from a Party, the Agreement not in force) still denies; every other
    finding is reported but denies nothing. A waived consignment whose items
    are all granted is ``not_required``; otherwise its status counts its
    grants as for any CO.
    """
    # This runs on every evaluation, over rules x items findings: one pass over the findings, and the
    # verdicts built slot by slot (what ItemVerdict's own __init__ does, without its per-call set-up). The
    # enum members are module constants: reading one from its class costs more than the rest of a small fold.
    certificate_denied = False
    denied_items: set[int] = set()
    by_item: dict[int, list[Finding]] = {n: [] for n in item_numbers}
    findings_of = by_item.get
    for finding in findings:
        item = finding.item
        denies = finding.severity is _ERROR and (not waived or finding.code in kept)
        if item is None:
            if denies:
                certificate_denied = True
            continue
        found = findings_of(item)
        if found is not None:
            found.append(finding)
            if denies:
                denied_items.add(item)
    verdicts: list[ItemVerdict] = []
    granted = 0
    for number in item_numbers:
        verdict = _new(ItemVerdict)
        _set_number(verdict, number)
        if certificate_denied or number in denied_items:
            _set_preference(verdict, _DENIED)
        else:
            _set_preference(verdict, _GRANTED)
            granted += 1
        _set_findings(verdict, tuple(by_item[number]))
        verdicts.append(verdict)
    if granted == len(verdicts):
        status = _NOT_REQUIRED if waived else _ACCEPTED
    else:
        status = _REJECTED if granted == 0 else _PARTIALLY_ACCEPTED
    return status, tuple(verdicts)


_ERROR: Final = Severity.ERROR
_GRANTED: Final = Preference.GRANTED
_DENIED: Final = Preference.DENIED
_ACCEPTED: Final = Status.ACCEPTED
_PARTIALLY_ACCEPTED: Final = Status.PARTIALLY_ACCEPTED
_REJECTED: Final = Status.REJECTED
_NOT_REQUIRED: Final = Status.NOT_REQUIRED


def make_evaluation(
    status: Status,
    items: tuple[ItemVerdict, ...],
    findings: tuple[Finding, ...],
    trace: tuple[Check, ...] | Trace,
    scheme: str | None,
    reference_number: str | None,
    on: date | None,
    unverified_at: tuple[int, ...],
    certificate: Certificate | None,
) -> Evaluation:
    """``Evaluation(...)`` (``locale`` None) built slot by slot, as the engine builds one per certificate.

    A frozen attrs ``__init__`` sets each of the ten slots through a per-call set-up; the engine's arguments
    need no conversion, so plain slot stores give the same object. tests/test_engine.py checks it equals the
    constructor.
    """
    evaluation = _new(Evaluation)
    _set_status(evaluation, status)
    _set_items(evaluation, items)
    _set_evaluation_findings(evaluation, findings)
    _set_trace(evaluation, trace)
    _set_scheme(evaluation, scheme)
    _set_reference_number(evaluation, reference_number)
    _set_on(evaluation, on)
    _set_unverified_at(evaluation, unverified_at)
    _set_certificate(evaluation, certificate)
    _set_locale(evaluation, None)
    return evaluation


_set_trace: Final = Evaluation.__dict__["_trace"].__set__
_set_status: Final = Evaluation.__dict__["status"].__set__
_set_items: Final = Evaluation.__dict__["items"].__set__
_set_evaluation_findings: Final = Evaluation.__dict__["findings"].__set__
_set_scheme: Final = Evaluation.__dict__["scheme"].__set__
_set_reference_number: Final = Evaluation.__dict__["reference_number"].__set__
_set_on: Final = Evaluation.__dict__["on"].__set__
_set_unverified_at: Final = Evaluation.__dict__["unverified_at"].__set__
_set_certificate: Final = Evaluation.__dict__["certificate"].__set__
_set_locale: Final = Evaluation.__dict__["locale"].__set__
_set_number: Final = ItemVerdict.__dict__["number"].__set__
_set_preference: Final = ItemVerdict.__dict__["preference"].__set__
_set_findings: Final = ItemVerdict.__dict__["findings"].__set__


def to_json(value: Any) -> Any:
    """A fact value as JSON: Decimals and dates become strings, tuples become lists."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, str):
        return str(value)  # a subclass (a Phrase) as the plain string it reads as; a str itself as it is
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    return str(value)
