"""Origin determination: does a good originate under AJCEP or JIEPA, by which criteria, and what goes in box 8.

:func:`determine` tries every criterion the good could meet and reports
each: wholly obtained (``WO``), produced entirely from originating
materials (``PE``), and the rule for its HS code — under AJCEP the
product-specific rule from the caller's table or, where the table has no row,
the general rule (``CTH``, or ``RVC 40 %`` with the final process in the
Party, the exporter's choice, Art 26.1); under JIEPA only the
product-specific rule (Art 29.1(c)), JIEPA having no general rule. Each
alternative of a product-specific rule is a criterion of its own.

The answer is three-valued: ``originating`` is True when any criterion is
met, False when every criterion is not met, and None when none is met and at
least one could not be evaluated for want of a fact (``needed`` names them).
``satisfied`` lists every criterion met; ``box8`` recommends one, preferring
the criterion that needs no flag, then ``WO``, ``PE``, a change in tariff
classification, RVC, a specific process, and combinations last; ``flags``
are the flags that criterion needs (``DMI``, ``ACU``). Box 8 is written as
AJCEP form note 3 prescribes: the codes ``WO``, ``PE``, ``CTH``, ``CTC``,
``RVC``, ``SP`` and the flags, never a percentage.

Source: AJCEP Agreement, Chapter 3 (Arts 24-34) and form note 3; JIEPA Chapter 3 (Arts 29-39).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, localcontext
from typing import Any, Final, final

import attrs

from .._exact import exact
from ..evaluation import Check, Finding, Outcome
from ..locale import N_, check_locale, gettext
from ..model.certificate import Scheme
from ..model.money import Money
from ..model.phrase import Phrase
from ..params import ParameterNotInForce
from . import accumulation, ctc, rvc, specs, wholly_obtained
from .accumulation import Standing, membership
from .decimals import EXACT
from .facts import FLAG_ORDER, Facts, Nested, Verdict, all_of, names, show
from .model import Good, InvalidGood, MaterialRole, nesting_problem
from .parameters import Parameters
from .psr import Alternative, ProductRule, PsrTable, Requirement, RequirementKind

FORMAT: Final = "roo.determination/1"

#: The order ``satisfied`` lists criteria in (docs/origin.md).
CRITERIA_ORDER: Final = ("WO", "PE", "RVC", "CTH", "CTSH", "CC", "CTC", "SP")

#: Preference among criteria met, for the recommended box 8 (lower first).
_RANK: Final = {"WO": 0, "PE": 1, "CC": 2, "CTH": 2, "CTSH": 2, "RVC": 3, "SP": 4}

_GENERAL_RULE_PARAMETER: Final = "ajcep.general_rule.rvc_percent"


class RuleKind(enum.StrEnum):
    """Where the rule applied to the good came from."""

    GENERAL = "general"
    PRODUCT_SPECIFIC = "product_specific"
    MISSING = "missing"
    UNKNOWN = "unknown"


@final
@attrs.frozen
class AppliedRule:
    """The rule applied to the good's HS code: the general rule, a product-specific rule, or none known."""

    kind: RuleKind
    text: str | None = None
    hs: str | None = None
    source: str | None = None
    hs_version: str | None = None
    row: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "kind": self.kind.value,
            "text": None if self.text is None else str(self.text),
            "hs": self.hs,
            "source": self.source,
            "hs_version": self.hs_version,
            "row": self.row,
        }


@final
@attrs.frozen
class CriterionResult:
    """One criterion tried: met (True / False / None), the flags it needs and the box 8 text it would print."""

    criterion: str
    kinds: tuple[str, ...]
    title: str
    rule: str
    met: bool | None
    flags: tuple[str, ...] = ()
    box8: str = ""
    needed: tuple[str, ...] = ()

    @property
    def outcome(self) -> Outcome:
        """The trace outcome."""
        if self.met is True:
            return Outcome.PASSED
        if self.met is False:
            return Outcome.FAILED
        return Outcome.NOT_EVALUATED

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "criterion": self.criterion,
            "title": str(self.title),
            "rule": self.rule,
            "met": self.met,
            "flags": list(self.flags),
            "box8": self.box8,
            "needed": [str(fact) for fact in self.needed],
        }


@final
@attrs.frozen(repr=False)
class Determination:
    """The result of :func:`roo.determine` (docs/origin.md)."""

    scheme: Scheme
    exporting_party: str
    hs_code: str
    originating: bool | None
    satisfied: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    box8: str | None = None
    rvc_percent: Decimal | None = None
    fob: Money | None = None
    vnm: Money | None = None
    rule: AppliedRule = AppliedRule(RuleKind.UNKNOWN)
    criteria: tuple[CriterionResult, ...] = ()
    needed: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    checks: tuple[Check, ...] = ()
    description: str = ""
    on: date | None = None
    #: The locale its findings' messages are in (``determine(..., locale=...)``, :meth:`localized`), so the text
    #: report and the notebook view are written in the same language; ``None`` for canonical English.
    locale: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def localized(self, locale: str | None) -> Determination:
        """This determination with its findings' messages and its trace titles in ``locale`` (``"ja"``, ``"id"``,
        ``"en"``, with an optional region); ``None`` returns it unchanged. The JSON form changes only in those
        messages and titles, as ``roo.evaluate(..., locale=...)`` does."""
        if locale is None:
            return self
        tag = check_locale(locale)
        findings = tuple(attrs.evolve(f, message=f.render(tag)) if f.template else f for f in self.findings)
        checks = tuple(attrs.evolve(c, title=gettext(c.title, tag)) if c.title else c for c in self.checks)
        return attrs.evolve(self, findings=findings, checks=checks, locale=tag)

    def __repr__(self) -> str:
        answer = {True: "originating", False: "not originating", None: "undetermined"}[self.originating]
        rvc = f", RVC {self.rvc_percent}%" if self.rvc_percent is not None else ""
        box8 = f", box 8 '{self.box8}'" if self.box8 else ""
        return f"<Determination {self.scheme.value} {self.exporting_party} {self.hs_code}: {answer}{box8}{rvc}>"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (docs/origin.md); ``"format": "roo.determination/1"``."""
        return {
            "format": FORMAT,
            "scheme": self.scheme.value,
            "exporting_party": self.exporting_party,
            "hs_code": self.hs_code,
            "description": self.description,
            "on": self.on.isoformat() if self.on else None,
            "originating": self.originating,
            "satisfied": list(self.satisfied),
            "flags": list(self.flags),
            "box8": self.box8,
            "rvc_percent": str(self.rvc_percent) if self.rvc_percent is not None else None,
            "value_content": {
                "fob": str(self.fob.amount) if self.fob else None,
                "vnm": str(self.vnm.amount) if self.vnm else None,
                "currency": self.fob.currency if self.fob else (self.vnm.currency if self.vnm else None),
            },
            "rule": self.rule.to_dict(),
            "criteria": [c.to_dict() for c in self.criteria],
            "needed": [str(fact) for fact in self.needed],
            "findings": [f.to_dict() for f in self.findings],
            "checks": [c.to_dict() for c in self.checks],
        }

    def to_text(self, locale: str | None = None) -> str:
        """A short report for people: the answer, box 8, each criterion, then the findings.

        ``locale`` (default: the locale the determination was made in, :attr:`locale`) writes it wholly in that
        language: its labels, the answer, the criteria's titles, the findings' messages, the Party's name and the
        figures as the locale writes them. Without one it is the plain English report it always was.
        """
        from ..locale.frame import labels

        words = labels(locale or self.locale)
        plain = words.locale is None

        def line(label: str, value: str) -> str:
            # The English labels are padded to one column (11 characters), as the report has always been.
            shown = words._(label)
            if plain:
                return f"  {shown:<11}{value}"
            return f"  {shown}{value}" if shown.endswith("：") else f"  {shown} {value}"  # a full-width colon spaces itself

        head = f"{self.scheme.value} {words.country(self.exporting_party)} {self.hs_code}"
        lines = [f"{head} {self.description}".rstrip(), line(N_("Result:"), words._(_ANSWERS[self.originating]))]
        if self.box8:
            lines.append(line(N_("Box 8:"), self.box8))
        if self.satisfied:
            lines.append(line(N_("Satisfied:"), ", ".join(self.satisfied)))
        if self.rvc_percent is not None:
            name = "QVC:" if self.scheme is Scheme.JIEPA else "RVC:"
            percent = words.number(self.rvc_percent)
            if self.fob and self.vnm:
                figures = words._(
                    N_("{percent} % (FOB {fob}, VNM {vnm})"), percent=percent, fob=words.money(self.fob), vnm=words.money(self.vnm)
                )
            else:
                figures = words._(N_("{percent} %"), percent=percent)
            lines.append(f"  {name:<11}{figures}" if plain else f"  {name} {figures}")
        kind = words._(_RULE_KINDS[self.rule.kind])
        rule = words.text(self.rule.text) if self.rule.text else words._(_NO_RULE.get(self.rule.kind, ""))
        lines.append(line(N_("Rule:"), words._(N_("{kind}: {rule}"), kind=kind, rule=rule)))
        if self.needed:
            lines.append(line(N_("Needed:"), words.texts(self.needed)))
        lines.append(f"  {words._(N_('Criteria:'))}")
        for result in self.criteria:
            mark = words._(_MARKS[result.met])
            flags = f" [{', '.join(result.flags)}]" if result.flags else ""
            lines.append(f"    {mark:<8} {words.text(result.title)}{flags}  ({result.rule})")
        if self.findings:
            lines.append(f"  {words._(N_('Findings:'))}")
            lines.extend(
                f"    {words.word(f.severity):<8} {f.rule}: {f.message if plain else words.message(f)}"
                for f in self.findings
            )
        return "\n".join(lines)


#: The words of the text report (msgids): the answer, each criterion's mark, the kind of rule applied.
_ANSWERS: Final[Mapping[bool | None, str]] = {
    True: N_("originating"),
    False: N_("NOT originating"),
    None: N_("undetermined"),
}
_MARKS: Final[Mapping[bool | None, str]] = {True: N_("met"), False: N_("not met"), None: N_("unknown")}
_RULE_KINDS: Final[Mapping[RuleKind, str]] = {
    RuleKind.GENERAL: N_("general"),
    RuleKind.PRODUCT_SPECIFIC: N_("product-specific"),
    RuleKind.MISSING: N_("missing"),
    RuleKind.UNKNOWN: N_("unknown"),
}
_NO_RULE: Final[Mapping[RuleKind, str]] = {RuleKind.MISSING: N_("none found"), RuleKind.UNKNOWN: N_("unknown")}


@final
@attrs.frozen
class _Candidate:
    """One way the good may qualify, before evaluation."""

    criterion: str
    kinds: tuple[str, ...]
    title: str
    rule: str
    box8: str
    requirements: Alternative
    general: bool = False


@exact
def determine(
    good: Good,
    psr: PsrTable | None = None,
    *,
    parameters: Mapping[str, object] | None = None,
    locale: str | None = None,
) -> Determination:
    """Whether ``good`` originates under its scheme, which criteria it meets, and the box 8 roo recommends.

    ``psr`` is the caller's product-specific rule table (see
    :func:`roo.origin.load_psr`); without one, AJCEP goods are judged under
    the general rule and JIEPA goods only as WO or PE. ``parameters``
    overrides dated parameters by name, as ``Context.parameters`` does.
    Pure: the same input gives the same result; nothing is read from the
    clock, files or environment, and every decimal operation runs in roo's
    own context, whatever the caller's thread has set.

    Raises :class:`~roo.origin.InvalidGood` only for a good that
    :func:`~roo.load_good` would refuse for its depth: materials nested more
    than :data:`~roo.origin.model.MAX_MATERIAL_DEPTH` levels deep.

    ``locale`` (``"ja"``, ``"id"``, ``"en"``, with an optional region) writes the findings' messages in that
    language, as ``roo.evaluate`` does, and makes it the language of :meth:`Determination.to_text` and the
    notebook view; an unsupported locale raises ``ValueError`` before anything is determined.
    """
    if locale is not None:
        check_locale(locale)
    too_deep = nesting_problem(good)
    if too_deep is not None:
        raise InvalidGood([too_deep])
    with localcontext(EXACT):
        return _determine(good, psr, dict(parameters or {})).localized(locale)


def _determine(good: Good, psr: PsrTable | None, overrides: Mapping[str, object]) -> Determination:
    scheme = good.scheme
    base = Determination(
        scheme=scheme,
        exporting_party=good.exporting_party,
        hs_code=good.hs_code,
        originating=None,
        description=good.description,
        on=good.on,
    )
    if scheme not in (Scheme.AJCEP, Scheme.JIEPA):
        finding = specs.SCHEME_NOT_SUPPORTED(scheme=scheme.value)
        return attrs.evolve(base, findings=(finding,), needed=("scheme",))
    parameters = Parameters(good.on, overrides)
    party = membership(scheme, good.exporting_party, parameters)
    if party.standing is not Standing.PARTY:
        return _not_a_party(base, good, party, parameters)

    findings: list[Finding] = []
    currency = good.fob_value.currency if good.fob_value is not None else None
    fob_value = good.fob_value.amount if good.fob_value is not None and good.fob_value.amount > 0 else None
    fob = _value_content_fob(good, fob_value, findings)
    rule_kind, row, rule_findings = _select_rule(good, psr, parameters)
    findings.extend(rule_findings)
    settled, notes = accumulation.settle(
        good, scheme, parameters, currency, lambda sub: _nested(sub, psr, overrides)
    )
    findings.extend(notes)
    facts = Facts(good, scheme, parameters, settled, fob_value, fob, currency, row)

    results: list[CriterionResult] = []
    wo = wholly_obtained.evaluate(facts)
    if wo is not None and good.wholly_obtained is not None:
        category = good.wholly_obtained
        title = Phrase("wholly obtained ({category})", {"category": wholly_obtained.LABELS[category]})
        results.append(_result("WO", ("WO",), title, wholly_obtained.article(scheme, category), "WO", wo, findings))
    if good.materials or good.wholly_obtained is None:
        if not good.materials:
            findings.append(specs.GOOD_WITHOUT_MATERIALS(scheme))
        pe_rule = "JIEPA/ART/29(1)(b)" if scheme is Scheme.JIEPA else "AJCEP/ART/24(c)"
        title = Phrase("produced entirely from originating materials")
        results.append(_result("PE", ("PE",), title, pe_rule, "PE", _produced_entirely(facts), findings))
        candidates, missing = _candidates(facts, rule_kind, row, findings)
        for c in candidates:
            verdict = _evaluate_candidate(facts, c, wo)
            results.append(_result(c.criterion, c.kinds, c.title, c.rule, c.box8, verdict, findings))
        results.extend(missing)

    return _conclude(base, good, facts, rule_kind, row, results, findings)


def _not_a_party(
    base: Determination, good: Good, party: accumulation.Membership, parameters: Parameters
) -> Determination:
    scheme = good.scheme
    if party.standing is Standing.NOT_A_PARTY:
        finding = specs.EXPORTING_PARTY_NOT_A_PARTY(scheme, party=good.exporting_party, scheme=scheme.value)
    else:
        finding = specs.AGREEMENT_NOT_IN_FORCE(
            scheme, party=good.exporting_party, scheme=scheme.value, in_force=party.in_force, on=parameters.shown_on
        )
    check = Check(finding.rule, None, Outcome.FAILED, (), f"{good.exporting_party} is a Party to {scheme.value}")
    return attrs.evolve(base, originating=False, findings=(finding,), checks=(check,))


def _value_content_fob(good: Good, fob_value: Decimal | None, findings: list[Finding]) -> Decimal | None:
    """The FOB of the value-content formula: JIEPA leaves out excise taxes refunded on exportation."""
    if fob_value is None or good.scheme is not Scheme.JIEPA or good.refunded_excise is None:
        return fob_value
    assert good.fob_value is not None
    if good.refunded_excise.currency != good.fob_value.currency:
        findings.append(
            specs.CURRENCY_MISMATCH(
                good.scheme,
                what="The refunded excise tax",
                what_template=N_("The refunded excise tax"),
                currency=good.refunded_excise.currency,
                fob_currency=good.fob_value.currency,
            )
        )
        return None
    net = fob_value - good.refunded_excise.amount
    return net if net > 0 else None


def _select_rule(
    good: Good, psr: PsrTable | None, parameters: Parameters
) -> tuple[RuleKind, ProductRule | None, list[Finding]]:
    scheme, hs = good.scheme, good.hs_digits
    findings: list[Finding] = []
    table = psr
    if table is not None and table.scheme is not scheme:
        findings.append(specs.PSR_TABLE_OTHER_SCHEME(scheme, table_scheme=table.scheme.value, scheme=scheme.value))
        table = None
    fallback = RuleKind.GENERAL if scheme is Scheme.AJCEP else RuleKind.MISSING
    threshold = _general_threshold_text(parameters)
    if table is None:
        findings.append(specs.PSR_TABLE_NOT_SUPPLIED(scheme, hs_code=good.hs_code, threshold=threshold))
        return fallback, None, findings
    if len(hs) != 6 or not hs.isdigit():
        findings.append(specs.HS_CODE_UNUSABLE(scheme, hs_code=good.hs_code))
        return RuleKind.UNKNOWN, None, findings
    rows = table.lookup(hs)
    if not rows:
        findings.append(specs.PSR_NOT_FOUND(scheme, hs_code=good.hs_code, threshold=threshold))
        return fallback, None, findings
    if len(rows) > 1:
        findings.append(specs.PSR_AMBIGUOUS(scheme, rows=tuple(str(r.row) for r in rows), hs_code=good.hs_code))
        return RuleKind.UNKNOWN, None, findings
    row = rows[0]
    if row.hs_version is not None and good.hs_version is not None and row.hs_version is not good.hs_version:
        findings.append(
            specs.PSR_HS_EDITION_DIFFERS(
                scheme,
                hs_code=good.hs_code,
                row=row.row,
                rule_edition=row.hs_version.value,
                good_edition=good.hs_version.value,
            )
        )
    return RuleKind.PRODUCT_SPECIFIC, row, findings


def _general_threshold_text(parameters: Parameters) -> str:
    try:
        return show(parameters.decimal(_GENERAL_RULE_PARAMETER))
    except ParameterNotInForce:
        return "-"


def _candidates(
    facts: Facts, kind: RuleKind, row: ProductRule | None, findings: list[Finding]
) -> tuple[list[_Candidate], list[CriterionResult]]:
    """The criteria the rule offers, and placeholders for a rule roo could not find."""
    scheme = facts.scheme
    if kind is RuleKind.GENERAL:
        cth = Requirement(RequirementKind.CTH)
        # Each title is a Phrase: English as always, translatable around the criterion and its figures.
        cth_title = Phrase("general rule: {criterion}", {"criterion": "CTH"})
        general = [_Candidate("CTH", ("CTH",), cth_title, "AJCEP/ART/26(1)(b)", "CTH", (cth,), True)]
        try:
            threshold = facts.parameters.decimal(_GENERAL_RULE_PARAMETER)
        except ParameterNotInForce as error:
            on = facts.parameters.shown_on
            findings.append(specs.PARAMETER_NOT_IN_FORCE(scheme, criterion="RVC", parameter=error.name, on=on))
            needed = (Phrase("parameter {parameter}", {"parameter": error.name}),)
            rvc_title = Phrase("general rule: {criterion}", {"criterion": "RVC"})
            missing = CriterionResult("RVC", ("RVC",), rvc_title, "AJCEP/ART/26(1)(a)", None, needed=needed)
            return general, [missing]
        rvc40 = Requirement(RequirementKind.RVC, percent=threshold)
        shown = show(threshold)
        title = Phrase("general rule: RVC {threshold}%", {"threshold": Decimal(shown)}, f"general rule: RVC {shown}%")
        # Form note 3(c): "RVC" is inserted in box 8, without the percentage.
        general.append(_Candidate("RVC", ("RVC",), title, "AJCEP/ART/26(1)(a)", "RVC", (rvc40,), True))
        return general, []
    citation = "JIEPA/ART/29(1)(c)" if scheme is Scheme.JIEPA else "AJCEP/ART/26(2)"
    if kind is RuleKind.PRODUCT_SPECIFIC:
        assert row is not None
        candidates = []
        for alternative in row.alternatives:
            kinds = tuple(dict.fromkeys(r.kind.value for r in alternative))
            labels = tuple(_label(scheme, r) for r in alternative)
            title = Phrase(
                "product-specific rule {hs}: {requirements}",
                {"hs": row.hs, "requirements": labels},
                f"product-specific rule {row.hs}: {' and '.join(labels)}",
            )
            box8 = _box8(scheme, alternative)
            candidates.append(_Candidate("+".join(kinds), kinds, title, citation, box8, alternative))
        return candidates, []
    hs = facts.good.hs_digits
    need = Phrase("product-specific rule for {hs_code}", {"hs_code": hs}) if len(hs) == 6 and hs.isdigit() else "hs_code"
    title = Phrase("product-specific rule (not known)")
    return [], [CriterionResult("PSR", (), title, citation, None, needed=(need,))]


def _label(scheme: Scheme, requirement: Requirement) -> str:
    """A requirement as the scheme words it: JIEPA calls value content QVC."""
    text = str(requirement)
    return "QVC" + text[3:] if scheme is Scheme.JIEPA and requirement.kind is RequirementKind.RVC else text


def _box8(scheme: Scheme, alternative: Alternative) -> str:
    """Box 8 for one alternative of a product-specific rule.

    AJCEP form note 3(d) gives one code per kind of rule: "CTC" for any change in tariff classification, "RVC"
    (no percentage) and "SP". An alternative that needs more than one of them (``CTH and RVC 40``) is met only
    when each is, so roo writes each code the alternative needs, in the rule's order (``CTC, RVC``); the note
    has no code for such a combination.
    """
    if scheme is Scheme.JIEPA:
        return "WO" if all(r.kind is RequirementKind.WO for r in alternative) else "PSR"
    parts = ["CTC" if requirement.is_ctc else requirement.kind.value for requirement in alternative]
    return ", ".join(dict.fromkeys(parts))


def _evaluate_candidate(facts: Facts, candidate: _Candidate, wo: Verdict | None) -> Verdict:
    if not facts.good.materials:
        return Verdict(None, needed=("materials",))
    verdicts = []
    for requirement in candidate.requirements:
        criterion = candidate.criterion if len(candidate.requirements) == 1 else _label(facts.scheme, requirement)
        if requirement.is_ctc:
            verdicts.append(ctc.evaluate(facts, requirement, criterion))
        elif requirement.kind is RequirementKind.RVC:
            assert requirement.percent is not None
            verdicts.append(rvc.evaluate(facts, requirement.percent, criterion, general=candidate.general))
        elif requirement.kind is RequirementKind.SP:
            verdicts.append(ctc.specific_process(facts, requirement, criterion))
        elif wo is not None and wo.met is not False:
            verdicts.append(attrs.evolve(wo, findings=()))
        else:
            verdicts.append(Verdict(False, findings=(specs.PSR_WO_NOT_MET(facts.scheme, criterion=criterion),)))
    return all_of(verdicts)


def _produced_entirely(facts: Facts) -> Verdict:
    """AJCEP Art 24(c) / JIEPA Art 29.1(b): every material is originating."""
    if not facts.good.materials:
        return Verdict(None, needed=("materials",))
    counted = [s for s in facts.materials if s.role not in (MaterialRole.INDIRECT, MaterialRole.SHIPPING_PACKING)]
    failing = [s for s in counted if not s.counts_as_originating(accumulate=True)]
    if failing:
        return Verdict(False, findings=(specs.PE_NOT_MET(facts.scheme, materials=names(failing)),))
    # AJCEP Art 24(c) admits originating materials of any Party; JIEPA Art 29.1(b) only through Art 30.1.
    if facts.scheme is Scheme.JIEPA and any(s.other_party for s in counted):
        return Verdict(True, flags=frozenset({"ACU"}))
    return Verdict(True)


def _result(
    criterion: str,
    kinds: tuple[str, ...],
    title: str,
    rule: str,
    box8: str,
    verdict: Verdict,
    findings: list[Finding],
) -> CriterionResult:
    findings.extend(verdict.findings)
    flags = tuple(f for f in FLAG_ORDER if f in verdict.flags) if verdict.met else ()
    text = ", ".join((box8, *flags)) if box8 else ""
    return CriterionResult(criterion, kinds, title, rule, verdict.met, flags, text, verdict.needed)


def _conclude(
    base: Determination,
    good: Good,
    facts: Facts,
    rule_kind: RuleKind,
    row: ProductRule | None,
    results: list[CriterionResult],
    findings: list[Finding],
) -> Determination:
    scheme = good.scheme
    met = [r for r in results if r.met is True]
    originating: bool | None
    if met:
        originating = True
    elif results and all(r.met is False for r in results):
        originating = False
    else:
        originating = None
    needed = tuple(dict.fromkeys(n for r in results if r.met is None for n in r.needed)) if not met else ()
    facts_of_good = {"hs_code": good.hs_code, "party": good.exporting_party, "scheme": scheme.value}
    if originating is False:
        findings.append(specs.NOT_ORIGINATING(scheme, tried=tuple(r.title for r in results), **facts_of_good))
    elif originating is None:
        findings.append(specs.UNDETERMINED(scheme, needed=needed or ("more facts",), **facts_of_good))
    recommended = min(
        met, key=lambda r: (len(r.flags), _RANK.get(r.criterion, 5), results.index(r)), default=None
    )
    kinds = {k for r in met for k in r.kinds}
    satisfied = tuple(k for k in CRITERIA_ORDER if k in kinds)
    percent = rvc.value_content(facts) if good.materials else None
    vnm_total, vnm_missing = rvc.vnm(facts)
    currency = facts.currency
    rule = _applied(rule_kind, row, facts)
    checks = tuple(Check(r.rule, None, r.outcome, r.needed, r.title) for r in results)
    return attrs.evolve(
        base,
        originating=originating,
        satisfied=satisfied,
        flags=recommended.flags if recommended else (),
        box8=recommended.box8 if recommended else None,
        rvc_percent=percent,
        fob=Money(facts.fob, currency) if facts.fob is not None and currency else None,
        vnm=Money(vnm_total, currency) if currency and not vnm_missing and good.materials else None,
        rule=rule,
        criteria=tuple(results),
        needed=needed,
        findings=tuple(findings),
        checks=checks,
    )


def _applied(kind: RuleKind, row: ProductRule | None, facts: Facts) -> AppliedRule:
    if kind is RuleKind.PRODUCT_SPECIFIC and row is not None:
        return AppliedRule(
            kind,
            row.text,
            str(row.hs),
            row.source,
            row.hs_version.value if row.hs_version else None,
            row.row,
        )
    if kind is RuleKind.GENERAL:
        shown = _general_threshold_text(facts.parameters)
        threshold = Decimal(shown) if shown != "-" else shown
        text = Phrase("CTH or RVC {threshold}% (Art 26.1)", {"threshold": threshold}, f"CTH or RVC {shown}% (Art 26.1)")
        return AppliedRule(kind, text, source="AJCEP Agreement, Art 26.1")
    return AppliedRule(kind)


def _nested(good: Good, psr: PsrTable | None, overrides: Mapping[str, object]) -> Nested:
    result = _determine(good, psr, overrides)
    vnm_total: Decimal | None = None
    if result.vnm is not None:
        vnm_total = result.vnm.amount
    return Nested(result.originating, result.box8, result.needed, vnm_total)
