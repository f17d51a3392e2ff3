"""The rule catalogue (roo.catalogue) and docs/rules.md, which is generated from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roo import catalogue
from roo.evaluation import Severity
from roo.model.certificate import Scheme
from roo.rules import RULESETS, all_specs
from roo.rules.base import CertificateRule

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_docs_rules_md_is_current() -> None:
    """docs/rules.md is exactly what the rule registry generates today."""
    assert DOC.exists(), f"docs/rules.md is missing: run `{catalogue.REFRESH}`"
    assert catalogue.markdown() == DOC.read_text(encoding="utf-8"), f"docs/rules.md is stale: run `{catalogue.REFRESH}`"


def test_every_registered_rule_is_listed_in_run_order() -> None:
    """Each scheme's entries are its registered rules, in the engine's order, with citation and title."""
    for scheme, registered in RULESETS.items():
        entries = catalogue.rules(scheme)
        assert [(r.citation, r.title) for r in registered] == [(e.citation, e.title) for e in entries]
        assert list(range(1, len(registered) + 1)) == [e.order for e in entries]
        assert [isinstance(r, CertificateRule) for r in registered] == [e.applies_to == "certificate" for e in entries]
        assert [tuple(r.needs) for r in registered] == [e.needs for e in entries]


def test_every_finding_code_is_in_the_docs() -> None:
    """Every code any rule can report appears in docs/rules.md with its severity and citation."""
    document = catalogue.markdown()
    for spec in all_specs():
        entry = catalogue.CodeEntry.of(spec)
        assert f"| `{spec.code}` | {entry.severity_text()} | {entry.citation_text()} |" in document, spec.code


def test_codes_are_unique_across_roo() -> None:
    """A code names one kind of finding: wherever it is declared, it has the same severity, citation and template."""
    seen: dict[str, catalogue.CodeEntry] = {}
    for entry in catalogue.rules():
        for finding in entry.findings:
            assert seen.setdefault(finding.code, finding) == finding, finding.code
    engine_codes = {finding.code for finding in catalogue.engine_findings()}
    assert not engine_codes & set(seen)


def test_index_lists_each_code_once_with_its_rules() -> None:
    """The code index has one row per code, sorted, naming every rule that reports it."""
    index = catalogue.codes()
    names = [finding.code for finding, _ in index]
    assert sorted(set(names)) == names
    assert {spec.code for spec in all_specs()} == set(names)
    for finding, users in index:
        assert users and all(finding in user.findings for user in users)


def test_regulation_is_the_module_docstring_title() -> None:
    """Rules are grouped under the first line of their module's docstring."""
    (entry,) = [e for e in catalogue.rules(Scheme.AJCEP) if e.title == "HS subheading at six digits"]
    assert "roo.rules.ajcep.ir12_tariff_classification" == entry.module
    assert entry.regulation.startswith("AJCEP IR 12: ")
    assert f"### {entry.regulation}" in catalogue.markdown()


def test_needs_are_shown() -> None:
    """A rule that needs context facts names them; others say 'nothing'."""
    document = catalogue.markdown()
    assert "Needs from the context: `context.declaration`." in document
    assert "Needs from the context: nothing." in document


def test_to_dict_is_json() -> None:
    """The JSON view carries its format, every rule, and the engine's own findings."""
    data = catalogue.to_dict()
    assert data == json.loads(json.dumps(data))
    assert catalogue.FORMAT == data["format"]
    assert sum(len(rules) for rules in RULESETS.values()) == len(data["rules"])
    assert {"check-not-evaluated", "rule-crashed"} == {f["code"] for f in data["engine_findings"]}
    first = data["rules"][0]
    assert {"scheme", "order", "citation", "title", "applies_to", "module", "regulation", "findings", "needs"} == set(first)
    assert {"code", "severity", "citation", "template", "cases"} == set(first["findings"][0])


@pytest.mark.parametrize("scheme", list(Scheme), ids=[s.value for s in Scheme])
def test_filter_by_scheme(scheme: Scheme) -> None:
    """Filtering by scheme keeps that scheme's rules only, in every view."""
    assert {scheme} == {entry.scheme for entry in catalogue.rules(scheme)}
    assert {scheme.value} == {rule["scheme"] for rule in catalogue.to_dict(scheme.value)["rules"]}
    others = [s for s in Scheme if s is not scheme]
    for view in (catalogue.text(scheme), catalogue.markdown(scheme)):
        assert scheme.value in view
        assert not any(f"{other.value} (" in view or f"## {other.value}\n" in view for other in others)


def test_text_lists_every_rule_and_code() -> None:
    """The terminal view has a line per rule and per finding code."""
    text = catalogue.text()
    for entry in catalogue.rules():
        assert f"{entry.order:>3}. {entry.citation}  {entry.title}" in text
        for finding in entry.findings:
            assert f"{finding.severity.value:<8}{finding.code}" in text


def test_default_severities_are_known() -> None:
    """Every entry's severity is one of error, warning, info."""
    assert {f.severity for e in catalogue.rules() for f in e.findings} <= set(Severity)


def test_pipes_in_templates_do_not_break_tables() -> None:
    """A '|' in a template is escaped in Markdown table cells."""
    assert "a \\| b" == catalogue._cell("a | b")


def test_main_prints_or_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m roo.catalogue` prints the Markdown; with a path it writes the file."""
    assert 0 == catalogue.main([])
    assert catalogue.markdown() == capsys.readouterr().out
    target = tmp_path / "rules.md"
    assert 0 == catalogue.main([str(target)])
    assert catalogue.markdown() == target.read_text(encoding="utf-8")
