"""The rule kit under its former name: every public name of :mod:`roo.rule_kit`, for code written against it."""

from __future__ import annotations

from ..rule_kit import (
    CITATION_PATTERN,
    CODE_PATTERN,
    NOT_APPLICABLE,
    PASSED,
    WITHOUT_DECLARATION,
    CertificateCheck,
    CertificatePrecheck,
    CertificateRule,
    FindingCase,
    FindingSpec,
    ItemCheck,
    ItemRule,
    Result,
    Rule,
    failed,
    judged,
    not_evaluated,
    passed,
    render,
    without_declaration,
)

__all__ = [
    "CITATION_PATTERN",
    "CODE_PATTERN",
    "NOT_APPLICABLE",
    "PASSED",
    "WITHOUT_DECLARATION",
    "CertificateCheck",
    "CertificatePrecheck",
    "CertificateRule",
    "FindingCase",
    "FindingSpec",
    "ItemCheck",
    "ItemRule",
    "Result",
    "Rule",
    "failed",
    "judged",
    "not_evaluated",
    "passed",
    "render",
    "without_declaration",
]
