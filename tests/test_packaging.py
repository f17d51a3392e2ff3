"""The package as users install it: its name, its metadata, and dependency ranges that CI tests at both ends."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOWEST = ROOT / "constraints" / "lowest.txt"
REQUIREMENT = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?P<spec>[^;#]*)")


def _project() -> dict[str, Any]:
    with PYPROJECT.open("rb") as fileobj:
        return dict(tomllib.load(fileobj)["project"])


def _normal(name: str) -> str:
    """The package index's normal form of a distribution name (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _lower_bounds(requirements: list[str]) -> dict[str, str]:
    """``{name: lowest allowed version}`` of requirements written ``name>=X`` or ``name==X`` (X may carry ``,<Y``)."""
    bounds = {}
    for requirement in requirements:
        match = REQUIREMENT.fullmatch(requirement.strip())
        assert match, requirement
        specs = [s.strip() for s in match["spec"].split(",") if s.strip()]
        lowest = [s[2:].strip() for s in specs if s.startswith((">=", "=="))]
        assert len(lowest) == 1, f"{requirement!r}: give exactly one lower bound (>= or ==), so CI can test it"
        bounds[_normal(match["name"])] = lowest[0]
    return bounds


def _constraints() -> dict[str, str]:
    pinned = {}
    for line in LOWEST.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints/lowest.txt: {line!r} is not name==version"
            pinned[_normal(name)] = version.strip()
    return pinned


def test_the_lowest_constraints_are_the_lower_bounds_of_pyproject() -> None:
    """constraints/lowest.txt pins every runtime, test and fast dependency at exactly the lowest version allowed."""
    project = _project()
    extras = project["optional-dependencies"]
    wanted = _lower_bounds(project["dependencies"]) | _lower_bounds(extras["test"]) | _lower_bounds(extras["fast"])
    assert wanted == _constraints()


def test_every_runtime_dependency_is_one_of_the_three() -> None:
    """roo's runtime needs attrs, cattrs and babel, and nothing else (python-dateutil is a test dependency only)."""
    assert {"attrs", "cattrs", "babel"} == set(_lower_bounds(_project()["dependencies"]))


def test_distribution_name_is_not_the_unrelated_roo() -> None:
    """On the package index "roo" is another project: roo is published as roo-origin, imported and run as roo."""
    project = _project()
    assert "roo-origin" == project["name"]
    assert {"roo": "roo.cli:main"} == project["scripts"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install roo-origin" in readme
    assert "import roo" in readme


@pytest.mark.parametrize("field", ["urls", "keywords", "classifiers", "license", "readme", "requires-python"])
def test_metadata_is_filled_in(field: str) -> None:
    """What the package index shows: links, keywords, classifiers, licence, description."""
    assert _project().get(field)


def test_classifiers_name_the_hypothesis_plugin_and_typing() -> None:
    """roo ships Hypothesis strategies (an entry point) and inline types (py.typed)."""
    classifiers = _project()["classifiers"]
    assert {"Framework :: Hypothesis", "Typing :: Typed"} <= set(classifiers)
    assert (ROOT / "src" / "roo" / "py.typed").is_file()
