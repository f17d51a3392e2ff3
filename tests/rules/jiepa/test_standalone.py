"""JIEPA rule modules of the e-CO and CO form stand alone: none imports an AJCEP rule module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import roo.rules.jiepa

MODULES = (
    "eco04_data_copy",
    "eco05_paper_from_indonesia",
    "art41_form",
    "art41_goods",
    "art41_partial_use",
    "art50_retroactive_issuance",
)


@pytest.mark.parametrize("name", MODULES)
def test_no_ajcep_rule_module_is_imported(name: str) -> None:
    """What two schemes share lives in roo.rules.shared; a JIEPA module reads and changes on its own."""
    path = Path(roo.rules.jiepa.__file__).parent / f"{name}.py"
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
            imported.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert not {module for module in imported if "rules.ajcep" in module or module.endswith(".ajcep")}
