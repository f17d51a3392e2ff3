"""The rule catalogue: every rule roo runs, its citation, the findings it can report and what it needs.

Generated from the registered rule sets (:data:`roo.rules.RULESETS`), so it is
always what the engine runs, in the order it runs it. :func:`rules` gives the
entries as value objects, :func:`to_dict` as JSON, :func:`text` for a
terminal and :func:`markdown` renders ``docs/rules.md``; a test fails when
that file is stale. Refresh it with::

    python -m roo.catalogue docs/rules.md

The same views are on the command line: ``roo rules [--scheme S] [--format
text|json|markdown]``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final, final

import attrs

from . import engine
from .evaluation import Severity
from .model.certificate import Scheme
from .rule_kit import CertificateRule, FindingCase, FindingSpec, Rule
from .rules import RULESETS

__all__ = ["FORMAT", "CodeEntry", "RuleEntry", "codes", "engine_findings", "markdown", "rules", "text", "to_dict"]

#: The shape of :func:`to_dict`.
FORMAT: Final = "roo.rules/1"

#: How ``docs/rules.md`` is refreshed (quoted in the file and in the staleness test).
REFRESH: Final = "python -m roo.catalogue docs/rules.md"


@final
@attrs.frozen
class CodeEntry:
    """A kind of finding: its stable code, default severity, citation and English message template.

    ``cases`` are where it is reported otherwise, at another severity or
    citing a narrower provision, each with when
    (:class:`~roo.rule_kit.FindingCase`); :attr:`severities` and
    :attr:`citations` are every severity and citation a finding of this code
    can have.
    """

    code: str
    severity: Severity
    citation: str
    template: str
    cases: tuple[FindingCase, ...] = ()

    @classmethod
    def of(cls, spec: FindingSpec) -> CodeEntry:
        """The entry of a rule's :class:`~roo.rule_kit.FindingSpec`."""
        return cls(spec.code, spec.severity, spec.rule, spec.template, spec.cases)

    @property
    def severities(self) -> frozenset[Severity]:
        """The default severity and every case's."""
        return frozenset((self.severity, *(case.severity or self.severity for case in self.cases)))

    @property
    def citations(self) -> frozenset[str]:
        """The default citation and every case's."""
        return frozenset((self.citation, *(case.citation or self.citation for case in self.cases)))

    def severity_text(self) -> str:
        """The default severity, then each case with another: ``"error; warning when ..."``."""
        others = [f"{case.severity.value} {case.when}" for case in self.cases if case.severity is not None]
        return "; ".join([self.severity.value, *others])

    def citation_text(self) -> str:
        """The default citation, then each case with another: ``"AJCEP/IR/6(a); AJCEP/IR/6(a)(i) for ..."``."""
        others = [f"`{case.citation}` {case.when}" for case in self.cases if case.citation is not None]
        return "; ".join([f"`{self.citation}`", *others])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; ``cases`` lists where it is reported otherwise, ``[{"when", "severity", "citation"}]``."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "citation": self.citation,
            "template": self.template,
            "cases": [
                {
                    "when": case.when,
                    "severity": (case.severity or self.severity).value,
                    "citation": case.citation or self.citation,
                }
                for case in self.cases
            ],
        }


@final
@attrs.frozen
class RuleEntry:
    """One registered rule: where it sits in its scheme's run order, what it cites and checks, what it reports."""

    scheme: Scheme
    order: int
    citation: str
    title: str
    applies_to: str
    module: str
    regulation: str
    findings: tuple[CodeEntry, ...]
    needs: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "scheme": self.scheme.value,
            "order": self.order,
            "citation": self.citation,
            "title": self.title,
            "applies_to": self.applies_to,
            "module": self.module,
            "regulation": self.regulation,
            "findings": [finding.to_dict() for finding in self.findings],
            "needs": list(self.needs),
        }


def _regulation(module: str) -> str:
    """The first line of a rule module's docstring (``"AJCEP IR 12: HS subheading at six digits, ..."``)."""
    doc = getattr(sys.modules.get(module), "__doc__", None) or ""
    first = doc.strip().splitlines()[0] if doc.strip() else module
    return first.rstrip(".")


def _entry(scheme: Scheme, order: int, rule: Rule) -> RuleEntry:
    module = getattr(rule.check, "__module__", None) or ""
    return RuleEntry(
        scheme=scheme,
        order=order,
        citation=rule.citation,
        title=rule.title,
        applies_to="certificate" if isinstance(rule, CertificateRule) else "item",
        module=module,
        regulation=_regulation(module),
        findings=tuple(CodeEntry.of(spec) for spec in rule.specs),
        needs=tuple(rule.needs),
    )


def rules(scheme: Scheme | str | None = None) -> tuple[RuleEntry, ...]:
    """Every registered rule of ``scheme`` (default: of every scheme), in the order the engine runs them.

    >>> rules("AJCEP")[0].applies_to
    'certificate'
    """
    schemes = list(RULESETS) if scheme is None else [Scheme(scheme)]
    return tuple(
        _entry(each, order, rule) for each in schemes for order, rule in enumerate(RULESETS[each], start=1)
    )


def engine_findings() -> tuple[CodeEntry, ...]:
    """The two findings the engine itself reports, citing the rule concerned (shown here as ``<rule>``)."""
    return (
        CodeEntry(
            engine.NOT_EVALUATED_CODE,
            Severity.INFO,
            "<rule>",
            engine.NOT_EVALUATED_TEMPLATE,
        ),
        CodeEntry(
            engine.RULE_CRASHED_CODE,
            Severity.ERROR,
            "<rule>",
            engine.RULE_CRASHED_TEMPLATE,
        ),
    )


def codes(entries: Iterable[RuleEntry] | None = None) -> tuple[tuple[CodeEntry, tuple[RuleEntry, ...]], ...]:
    """Every finding code once, sorted, with the rules that can report it."""
    by_code: dict[str, tuple[CodeEntry, list[RuleEntry]]] = {}
    for entry in rules() if entries is None else entries:
        for finding in entry.findings:
            by_code.setdefault(finding.code, (finding, []))[1].append(entry)
    return tuple((finding, tuple(users)) for _, (finding, users) in sorted(by_code.items()))


def to_dict(scheme: Scheme | str | None = None) -> dict[str, Any]:
    """The catalogue as JSON: ``{"format": "roo.rules/1", "rules": [...], "engine_findings": [...]}``."""
    return {
        "format": FORMAT,
        "rules": [entry.to_dict() for entry in rules(scheme)],
        "engine_findings": [finding.to_dict() for finding in engine_findings()],
    }


def _needs(entry: RuleEntry) -> str:
    return ", ".join(entry.needs) if entry.needs else "nothing"


def text(scheme: Scheme | str | None = None) -> str:
    """The catalogue for a terminal: one block per rule, one line per finding code."""
    lines: list[str] = []
    current: Scheme | None = None
    for entry in rules(scheme):
        if entry.scheme is not current:
            current = entry.scheme
            if lines:
                lines.append("")
            lines.append(f"{current.value} ({len(RULESETS[current])} rules, in the order they run)")
        lines.append("")
        lines.append(f"{entry.order:>3}. {entry.citation}  {entry.title}  [{entry.applies_to}; needs {_needs(entry)}]")
        for finding in entry.findings:
            cites = "" if finding.citation == entry.citation else f" ({finding.citation})"
            lines.append(f"       {finding.severity.value:<8}{finding.code}{cites}: {finding.template}")
            for case in finding.cases:
                severity = (case.severity or finding.severity).value
                cited = f" ({case.citation})" if case.citation else ""
                lines.append(f"       {severity:<8}{finding.code}{cited} {case.when}")
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _anchor(scheme: Scheme) -> str:
    return scheme.value.lower()


def markdown(scheme: Scheme | str | None = None) -> str:
    """``docs/rules.md``: every scheme's rules (or ``scheme``'s), by regulation, then an index of the finding codes."""
    schemes = list(RULESETS) if scheme is None else [Scheme(scheme)]
    every = rules(scheme)
    out: list[str] = [
        "# Rule catalogue",
        "",
        "<!-- Generated from the rule registry by `roo.catalogue`; do not edit by hand. -->",
        f"<!-- Refresh with `{REFRESH}`; a test fails when this file is stale. -->",
        "",
        "Every rule roo runs, in the order the engine runs it for each scheme, with its citation",
        "(see docs/concepts.md), what it applies to (the certificate as a whole, or each item in its own right),",
        "what it needs from the context, and every finding it can report: a stable code, the default",
        "severity and citation (and any other it has, with when) and the English message template",
        "(`{fact}` placeholders are filled in from the finding's facts).",
        "",
        "An `error` on an item denies that item only; an `error` on the certificate denies every item;",
        "`warning` and `info` never deny. A rule that lacks a fact it needs from the context reports",
        "`check-not-evaluated` and names the fact; it never guesses. Under a waiver only the denials",
        "of the rules of origin stand; a rule that fails unexpectedly (`rule-crashed`) denies what it covers.",
        "",
    ]
    for each in schemes:
        out.append(f"- [{each.value}](#{_anchor(each)}): {len(RULESETS[each])} rules")
    out.append(f"- [Finding codes](#finding-codes): {len(codes(every))} codes, plus the engine's own")
    for each in schemes:
        out.extend(["", f"## {each.value}"])
        regulation: str | None = None
        for entry in (e for e in every if e.scheme is each):
            if entry.regulation != regulation:
                regulation = entry.regulation
                out.extend(["", f"### {regulation}", "", f"Module `{entry.module}`."])
            out.extend(
                [
                    "",
                    f"#### {entry.order}. `{entry.citation}` {entry.title}",
                    "",
                    f"Applies to: {'the certificate' if entry.applies_to == 'certificate' else 'each item'}."
                    f" Needs from the context: {', '.join(f'`{n}`' for n in entry.needs) or 'nothing'}.",
                ]
            )
            if entry.findings:
                out.extend(["", "| code | severity | cites | message |", "|---|---|---|---|"])
                for finding in entry.findings:
                    out.append(
                        f"| `{finding.code}` | {_cell(finding.severity_text())} | {_cell(finding.citation_text())} "
                        f"| {_cell(finding.template)} |"
                    )
            else:
                out.extend(["", "Reports no finding of its own."])
    out.extend(
        [
            "",
            "## Finding codes",
            "",
            "Every code once, with its default severity and the rules that report it.",
            "",
            "| code | severity | cites | reported by |",
            "|---|---|---|---|",
        ]
    )
    for finding, users in codes(every):
        by = "; ".join(f"{u.scheme.value} {u.order}. {u.title}" for u in users)
        severity, cites = _cell(finding.severity_text()), _cell(finding.citation_text())
        out.append(f"| `{finding.code}` | {severity} | {cites} | {_cell(by)} |")
    out.extend(
        [
            "",
            "### Reported by the engine",
            "",
            "These cite the rule concerned.",
            "",
            "| code | severity | message |",
            "|---|---|---|",
        ]
    )
    for finding in engine_findings():
        out.append(f"| `{finding.code}` | {finding.severity.value} | {_cell(finding.template)} |")
    if scheme is None:
        out.extend(
            [
                "",
                "## Origin determination",
                "",
                "`roo.determine(good)` reports these findings (see docs/origin.md); a code used under both",
                "schemes appears once per citation.",
                "",
                "| code | severity | cites | message |",
                "|---|---|---|---|",
            ]
        )
        for spec in origin_specs():
            kind = CodeEntry.of(spec)
            severity, cites = _cell(kind.severity_text()), _cell(kind.citation_text())
            out.append(f"| `{spec.code}` | {severity} | {cites} | {_cell(spec.template)} |")
    return "\n".join(out) + "\n"


def origin_specs() -> tuple[FindingSpec, ...]:
    """Every finding of origin determination, once per (code, citation), in code order."""
    from .origin import SPECS

    unique = {(spec.code, spec.rule): spec for spec in SPECS}
    return tuple(unique[key] for key in sorted(unique))


def main(argv: list[str]) -> int:
    """``python -m roo.catalogue [PATH]``: print the Markdown catalogue, or write it to ``PATH``."""
    document = markdown()
    if not argv:
        sys.stdout.write(document)
    else:
        Path(argv[0]).write_text(document, encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through main()
    raise SystemExit(main(sys.argv[1:]))
