"""The rule kit: the anatomy every rule shares (internal; rule authors use it, callers do not).

A rule is a plain function wrapped with its citation:

* :class:`CertificateRule` runs once per certificate: ``check(co, ctx) -> Result``;
* :class:`ItemRule` runs once per item: ``check(item, co, ctx) -> Result``, so
  a problem with one item can only ever be reported against that item
  (AJCEP IR 3(j)).

A rule declares the findings it can produce as :class:`FindingSpec` values:
a stable kebab-case ``code``, the ``rule`` it cites, a default severity and an
English message template filled in from the finding's facts. The template is
also the key for translations.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias, final

import attrs

from ._frozen import FrozenMap
from .evaluation import FactValue, Finding, Outcome, Severity, make_finding
from .locale import count_of as count_of
from .locale import declare_plural
from .model.certificate import Certificate, Item

if TYPE_CHECKING:
    # Named in signatures only: the kit sits below the context, which holds origin's tables.
    from .context import Context

CODE_PATTERN: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CITATION_PATTERN: Final = re.compile(r"^(AJCEP|JIEPA|ID)/[A-Z0-9-]+/[0-9A-Za-z.]+(?:\([0-9A-Za-z.]+\))*$")


@final
@attrs.frozen
class FindingCase:
    """A case in which a kind of finding is reported otherwise than by default: at another severity, or citing
    a narrower provision than its spec's.

    ``when`` says in English when it applies (``"when the CO's only invoice
    number is printed on another item"``); ``severity`` and ``citation`` are
    ``None`` where the case keeps the spec's. The rule catalogue lists every
    case next to the default, so that what ``roo rules`` says is what roo
    reports.
    """

    when: str
    severity: Severity | None = None
    citation: str | None = None


@final
@attrs.frozen
class FindingSpec:
    """A kind of finding: its code, citation, default severity and message template.

    ``cases`` lists the other severities and citations the finding can have,
    and when: a rule reports one only through :meth:`with_severity` or
    :meth:`citing`, which refuse what the spec does not declare.

    Where a count decides the words, ``plural`` is the template's plural form
    and ``count`` names the fact that counts (a number, or a tuple counted by
    its length): the message is chosen as gettext's ``ngettext`` chooses it,
    in English and in every translation (``template`` stays the msgid).
    """

    code: str = attrs.field()
    rule: str = attrs.field()
    severity: Severity
    template: str
    cases: tuple[FindingCase, ...] = ()
    plural: str = ""
    count: str = ""

    @code.validator
    def _code_is_kebab(self, _: object, value: str) -> None:
        if not CODE_PATTERN.match(value):
            raise ValueError(f"finding code {value!r} is not kebab-case")

    @rule.validator
    def _rule_is_citation(self, _: object, value: str) -> None:
        if not CITATION_PATTERN.match(value):
            raise ValueError(f"citation {value!r} does not follow the citation form of docs/architecture.md#citations")

    def __attrs_post_init__(self) -> None:
        # The locale, on a floor below, learns each plural form from the spec that has it: a finding can only
        # exist once its spec does, so no translation ever meets a template whose plural form it lacks.
        if self.plural:
            declare_plural(self.template, self.plural, self.count)

    def __call__(self, item: int | None = None, /, **facts: Any) -> Finding:
        """A finding of this kind about ``item`` (None: the whole certificate)."""
        message = render(self.template, item, facts, self.plural, self.count)
        # The kwargs dict is this call's own: the finding may keep it rather than a copy.
        return make_finding(self.rule, self.code, self.severity, item, message, FrozenMap.adopt(facts), self.template)

    def with_severity(self, severity: Severity, item: int | None = None, /, **facts: Any) -> Finding:
        """A finding of this kind at a severity other than the default, one of its declared :attr:`cases`.

        Raises:
            ValueError: ``severity`` is neither the default nor a declared case's (the catalogue would not
                list it).
        """
        if severity is not self.severity and all(case.severity is not severity for case in self.cases):
            raise ValueError(f"{self.code}: severity {severity.value} is not declared in the spec's cases")
        message = render(self.template, item, facts, self.plural, self.count)
        return make_finding(self.rule, self.code, severity, item, message, FrozenMap.adopt(facts), self.template)

    def citing(self, citation: str, item: int | None = None, /, **facts: Any) -> Finding:
        """A finding of this kind citing a narrower provision, one of its declared :attr:`cases`.

        Raises:
            ValueError: ``citation`` is neither the spec's nor a declared case's.
        """
        if citation != self.rule and all(case.citation != citation for case in self.cases):
            raise ValueError(f"{self.code}: citation {citation} is not declared in the spec's cases")
        message = render(self.template, item, facts, self.plural, self.count)
        return make_finding(citation, self.code, self.severity, item, message, FrozenMap.adopt(facts), self.template)


def render(template: str, item: int | None, facts: Mapping[str, FactValue], plural: str = "", count: str = "") -> str:
    """Fill a message template with facts, prefixed with the item number when there is one.

    With a ``plural`` form, it is used instead of ``template`` unless the fact ``count`` counts exactly one
    (English plural rule, as ``ngettext`` applies it).
    """
    if plural and count_of(facts.get(count)) != 1:
        template = plural
    shown = _Display(facts)
    for key, value in shown.items():
        if value is None:
            shown[key] = "-"
        elif isinstance(value, tuple):
            shown[key] = ", ".join([str(v) for v in value])
    text = template.format_map(shown)
    return f"Item {item}: {text}" if item is not None else text


class _Display(dict[str, object]):
    """Facts as messages show them (tuples as comma lists, ``None`` as "-"); missing keys are left visible."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@final
@attrs.frozen
class Result:
    """What one rule concluded for one certificate or item.

    ``needed`` names missing facts when ``outcome`` is ``not_evaluated``;
    ``waived`` is set by the waiver rule (AJCEP IR 6) when no CO is required,
    with ``kept`` the finding codes whose denial stands under the waiver (the
    rules of origin, not the document's form).
    """

    outcome: Outcome
    findings: tuple[Finding, ...] = ()
    needed: tuple[str, ...] = ()
    waived: bool = False
    kept: frozenset[str] = frozenset()


# Enum members bound once: reading one from its class costs more than the rest of a small rule's work.
_PASSED: Final = Outcome.PASSED
_FAILED: Final = Outcome.FAILED
_ERROR: Final = Severity.ERROR
PASSED: Final = Result(_PASSED)
NOT_APPLICABLE: Final = Result(Outcome.NOT_APPLICABLE)


def passed(*findings: Finding) -> Result:
    """The rule holds; ``findings`` may still note minor matters (info, warning)."""
    return Result(_PASSED, findings) if findings else PASSED


def failed(*findings: Finding) -> Result:
    """The rule does not hold; ``findings`` say why."""
    return Result(_FAILED, findings)


def judged(*findings: Finding) -> Result:
    """``failed`` when any finding is an error, otherwise ``passed`` with the findings."""
    if not findings:
        return PASSED
    for finding in findings:
        if finding.severity is _ERROR:
            return Result(_FAILED, findings)
    return Result(_PASSED, findings)


def not_evaluated(*needed: str) -> Result:
    """The rule could not be evaluated for want of the named facts (``context.on``, ...)."""
    return _not_evaluated(needed)


@functools.lru_cache(maxsize=256)
def _not_evaluated(needed: tuple[str, ...]) -> Result:
    # A Result is an immutable value and rules ask for the same few on every item: built once each.
    return Result(Outcome.NOT_EVALUATED, (), needed)


CertificateCheck: TypeAlias = "Callable[[Certificate, Context], Result]"
ItemCheck: TypeAlias = "Callable[[Item, Certificate, Context], Result]"


@final
@attrs.frozen
class CertificateRule:
    """A rule about the certificate as a whole."""

    citation: str
    title: str
    check: CertificateCheck
    specs: tuple[FindingSpec, ...] = ()
    needs: tuple[str, ...] = ()


#: A look at the whole certificate before an item rule runs: a Result (without findings) that the rule's
#: check would give every item, so the engine can record it without running the check item by item; or
#: None to run the check for each item. It must agree with ``check`` item for item (a test guards this).
CertificatePrecheck: TypeAlias = "Callable[[Certificate, Context], Result | None]"


@final
@attrs.frozen
class ItemRule:
    """A rule applied to each item separately."""

    citation: str
    title: str
    check: ItemCheck
    specs: tuple[FindingSpec, ...] = ()
    needs: tuple[str, ...] = ()
    precheck: CertificatePrecheck | None = None


#: What a rule gives when it needs the import declaration and the context has none (a shared result).
WITHOUT_DECLARATION: Final = not_evaluated("context.declaration")


def without_declaration(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of item rules whose first need is the import declaration."""
    return WITHOUT_DECLARATION if ctx.declaration is None else None


Rule = CertificateRule | ItemRule


def wrap_rules(
    rules: Iterable[Rule],
    certificate_check: Callable[[CertificateCheck], CertificateCheck],
    item_check: Callable[[ItemCheck], ItemCheck],
    precheck: Callable[[CertificatePrecheck], CertificatePrecheck],
) -> tuple[Rule, ...]:
    """``rules`` with each check, and each item rule's precheck where it has one, passed through the wrapper
    of its kind: one condition (a date, a scope, a supplemented certificate) applied to a family of rules."""
    return tuple(
        attrs.evolve(rule, check=certificate_check(rule.check))
        if isinstance(rule, CertificateRule)
        else attrs.evolve(
            rule, check=item_check(rule.check), precheck=None if rule.precheck is None else precheck(rule.precheck)
        )
        for rule in rules
    )
