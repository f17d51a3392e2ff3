"""The documentation site: it builds with ``mkdocs build --strict``, its examples run, its generated parts are current.

A ```python block in ``docs/`` preceded by the line ``<!-- runnable -->`` is an
example that must run. The runnable blocks of one page run in order, in one
namespace, from the project root (so ``examples/...`` paths work). As in the
README, a block's full-line ``# `` comments are what it prints, line by line;
a ``# e.g. ...`` comment stands for one printed line whose text is not compared.
"""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import io
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Final

import pytest

ROOT: Final = Path(__file__).resolve().parent.parent
DOCS: Final = ROOT / "docs"
MARKER: Final = "<!-- runnable -->"

_RUNNABLE = re.compile(r"^<!-- runnable -->\n```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_PYTHON_BLOCK = re.compile(r"^```python\n", re.MULTILINE)
_MARKER_LINE = re.compile(r"^<!-- runnable -->$", re.MULTILINE)

#: The pages this test holds to the "no internal references" rule (the others are generated or checked elsewhere).
OWN_PAGES: Final = (
    "index.md",
    "quickstart.md",
    "concepts.md",
    "formats.md",
    "cli.md",
    "integration.md",
    "architecture.md",
    "eco.md",
    "deadlines.md",
    "schemes/ajcep.md",
    "schemes/jiepa.md",
    "schemes/id-motr-16-2024.md",
    "adr/0001-tick-boxes-are-booleans.md",
)


def _generator() -> ModuleType:
    """scripts/generate_docs.py, imported from its path."""
    path = ROOT / "scripts" / "generate_docs.py"
    spec = importlib.util.spec_from_file_location("generate_docs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages() -> list[Path]:
    """Every Markdown page under docs/, sorted."""
    return sorted(DOCS.rglob("*.md"))


def runnable_blocks(text: str) -> list[str]:
    """The bodies of the runnable ```python blocks of a page, in order."""
    return [match.group(1) for match in _RUNNABLE.finditer(text)]


def expected_output(block: str) -> list[str | None]:
    """What a block says it prints: its full-line ``# `` comments (``# e.g.`` ones are not compared: None)."""
    lines = [line.strip() for line in block.splitlines()]
    return [None if line.startswith("# e.g.") else line[2:] for line in lines if line.startswith("# ")]


def _pages_with_examples() -> list[Path]:
    return [page for page in pages() if runnable_blocks(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page", _pages_with_examples(), ids=lambda page: str(page.relative_to(DOCS)))
def test_runnable_examples_run_and_print_what_they_say(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every runnable block of a page runs, in order, in one namespace, and prints its ``# `` comments."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs.{page.stem}"}
    for index, block in enumerate(runnable_blocks(page.read_text(encoding="utf-8")), start=1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(block, f"{page.relative_to(ROOT)} runnable block {index}", "exec"), namespace)  # noqa: S102
        expected = expected_output(block)
        shown = printed.getvalue().splitlines()
        assert len(expected) == len(shown), f"block {index} printed {shown}"
        assert expected == [None if want is None else line for want, line in zip(expected, shown, strict=True)], f"block {index}"


_CONSOLE = re.compile(r"^```text\n\$ (roo [^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def console_examples() -> list[tuple[str, str, str]]:
    """``(page, command, output)`` of every ```text block that opens with ``$ roo ...``."""
    return [
        (str(page.relative_to(DOCS)), match.group(1), match.group(2))
        for page in pages()
        for match in _CONSOLE.finditer(page.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize(("page", "command", "output"), console_examples(), ids=lambda value: str(value)[:60])
def test_console_examples_print_what_they_show(page: str, command: str, output: str, tmp_path: Path) -> None:
    """A shown ``$ roo ...`` session prints exactly that (stdout, then stderr), but for the tally of checks.

    A file the session writes (``-o FILE``) is written under a temporary directory, not into the checkout.
    """
    words = shlex.split(command)
    words = [str(tmp_path / word) if before in ("-o", "--output") else word for before, word in zip(["", *words[:-1]], words, strict=True)]
    result = subprocess.run(
        [sys.executable, "-m", "roo", *words[1:]], cwd=ROOT, capture_output=True, text=True, timeout=900, check=False
    )
    shown = (result.stdout + result.stderr).splitlines()
    expected = output.splitlines()
    assert len(expected) == len(shown), (page, shown)
    for want, got in zip(expected, shown, strict=True):
        if want.startswith("checks: "):  # the number of checks grows as rules are added
            assert got.startswith("checks: "), (page, got)
        else:
            assert want == got, page


def test_every_runnable_marker_is_followed_by_a_python_block() -> None:
    """A marker not directly followed by a ```python fence would silently exempt an example."""
    for page in pages():
        text = page.read_text(encoding="utf-8")
        assert len(_MARKER_LINE.findall(text)) == len(runnable_blocks(text)), page.relative_to(DOCS)


def test_the_core_pages_have_runnable_examples() -> None:
    """The pages a newcomer reads first show code that is run by this test."""
    for name in ("index.md", "quickstart.md", "concepts.md", "formats.md", "integration.md", "eco.md", "deadlines.md"):
        assert runnable_blocks((DOCS / name).read_text(encoding="utf-8")), name


def test_generated_parts_are_current() -> None:
    """The rule modules of the scheme pages and the JSON Schema files are what the code generates today."""
    generator = _generator()
    stale = [str(path.relative_to(ROOT)) for path in generator.stale_files()]
    assert [] == stale, f"run `{generator.REFRESH}`"


def test_scheme_pages_list_every_registered_rule_module() -> None:
    """Each scheme page names every module whose rules the engine runs for that scheme, and every finding code."""
    from roo import catalogue

    generator = _generator()
    for scheme, page in generator.SCHEME_PAGES.items():
        text = (DOCS / page).read_text(encoding="utf-8")
        for entry in catalogue.rules(scheme):
            assert f"Module `{entry.module}`." in text, (page, entry.module)
            for finding in entry.findings:
                assert f"`{finding.code}`" in text, (page, finding.code)


def test_schema_file_is_roo_json_schema() -> None:
    """docs/certificate.schema.json is roo.json_schema(), so the page that links it shows the real schema."""
    import json

    import roo

    assert roo.json_schema() == json.loads((DOCS / "certificate.schema.json").read_text(encoding="utf-8"))


def test_docstring_markdown_drops_source_and_converts_literals() -> None:
    """A module docstring becomes Markdown: title and Source paragraph dropped, ``x`` and :mod: roles as `x`."""
    doc = "Title line.\n\nUses ``ctx.on`` and :mod:`roo.dates`.\n\nSource: somewhere.\n"
    assert "Uses `ctx.on` and `roo.dates`." == _generator().markdown_of_docstring(doc)


def test_docstring_lettered_clauses_become_a_list() -> None:
    """Clauses ``(a) ...`` with indented continuation lines render as a list, not one run-on paragraph."""
    doc = "Title.\n\n(a) first clause\n    continues;\n(b) second clause.\n\n(a) A paragraph that\nmerely starts so.\n"
    expected = "- (a) first clause\n  continues;\n- (b) second clause.\n\n(a) A paragraph that\nmerely starts so."
    assert expected == _generator().markdown_of_docstring(doc)


@pytest.mark.parametrize("name", OWN_PAGES)
def test_pages_speak_only_of_roo(name: str) -> None:
    """The pages cite public instruments only: no internal notes, working documents or machine paths."""
    text = (DOCS / name).read_text(encoding="utf-8")
    for word in ("DESIGN", "seed 0", "legal.md", "/work/", "/shared/", "/home/", "/tmp/"):
        assert word not in text, (name, word)


def test_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    """``mkdocs build --strict`` succeeds: every nav page exists, every link and anchor resolves."""
    if any(importlib.util.find_spec(name) is None for name in ("mkdocs", "material", "mkdocstrings_handlers")):
        pytest.skip("mkdocs, mkdocs-material and mkdocstrings are not installed (pip install -e '.[docs]')")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert 0 == result.returncode, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "certificate.schema.json").is_file()
    reference = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert ('id="roo.api.evaluate"' in reference, ":func:`" in reference) == (True, False)


def _documented_modules() -> set[str]:
    """The modules the API reference pages render (``::: module`` or ``::: module.name``)."""
    found: set[str] = set()
    for page in (DOCS / "api").glob("*.md"):
        found.update(re.findall(r"^::: ([\w.]+)", page.read_text(encoding="utf-8"), flags=re.M))
    return found


def test_every_public_name_is_in_the_api_reference() -> None:
    """Each name ``roo`` exports is rendered by a page of the API reference: its own module, or a package
    above it, is named in a ``:::`` block (checked without building the site).
    """
    import roo

    documented = _documented_modules()
    missing = []
    for name in roo.__all__:
        if name == "__version__":
            continue
        value = getattr(roo, name)
        home = value.__name__ if inspect.ismodule(value) else value.__module__
        if not any(home == module or home.startswith(module + ".") or f"{home}.{name}" == module for module in documented):
            missing.append(f"{name} ({home})")
    assert [] == missing


def test_sphinx_roles_and_doctests_are_rendered_as_code() -> None:
    """The reference's griffe extension turns ``:func:`x``` into code and fences doctests."""
    pytest.importorskip("griffe")
    sys.path.insert(0, str(DOCS))
    try:
        from griffe_roles import _ROLE, _code, _fence_doctests
    finally:
        sys.path.remove(str(DOCS))
    text = "See :func:`roo.evaluate` and :class:`~roo.model.Certificate`.\n\n>>> 1 + 1\n2\n\nAfter."
    assert "See `roo.evaluate` and `Certificate`.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nAfter." == _fence_doctests(
        _ROLE.sub(_code, text)
    )
