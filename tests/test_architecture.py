"""roo's floors: every module imports only from its own floor or the floors below, and no import is a cycle.

The floors are written down here and in docs/architecture.md (a test below keeps the two the same). The
imports are read from the source with ``ast``: nothing is imported. An import of ``roo.a.b`` counts as an
import of the package ``roo.a`` too, since Python runs ``roo/a/__init__.py`` first; imports a type checker
alone reads (under ``if TYPE_CHECKING:``) are left out, since they never run.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "roo"

#: The floors, bottom first. A name ending in ``.*`` is a package with every module in it.
FLOORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("roo.errors", "roo._exact", "roo._frozen", "roo._lazy", "roo._json", "roo._version", "roo.dates", "roo.text")),
    ("value objects", ("roo.model.*", "roo.hs.*", "roo.params.*", "roo.deadlines")),
    ("findings", ("roo.locale.*", "roo.evaluation")),
    ("rule kit", ("roo.rule_kit",)),
    ("converter", ("roo.codec.*",)),
    ("tables and origin", ("roo.safeguard", "roo._tables", "roo.origin.*")),
    ("context", ("roo.context",)),
    ("e-CO", ("roo.eco.*",)),
    ("rule sets", ("roo.rules.*",)),
    ("engine", ("roo.engine",)),
    ("API", ("roo.api", "roo.case", "roo.batch", "roo.schema", "roo.catalogue")),
    ("presentation", ("roo.html", "roo.report", "roo.report_boxes", "roo.report_style", "roo.strategies.*", "roo.hypothesis_plugin")),
    ("package", ("roo",)),
    ("CLI", ("roo.cli.*", "roo.__main__")),
)


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every module of the package: its dotted name, its file, and whether it is a package's ``__init__``."""
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = (path, is_package)
    return found


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that runs, at any depth (a deferred import in a function counts too)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for branch in node.orelse:
                yield from _import_nodes(branch)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _import_nodes(node)


def imports_of(module: str) -> frozenset[str]:
    """The modules of the package that importing ``module`` runs directly (its own packages excepted)."""
    path, is_package = MODULES[module]
    own_packages = {".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 1)}
    targets: set[str] = set()
    explicit: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module or ""
            names = []
            for alias in node.names:
                submodule = f"{origin}.{alias.name}"
                if submodule in MODULES:
                    names.append(submodule)
                else:
                    names.append(origin)
                    explicit.add(origin)  # a name taken from the module itself
        for name in names:
            parts = name.split(".")
            for depth in range(1, len(parts) + 1):
                prefix = ".".join(parts[:depth])
                if prefix not in MODULES or prefix == module:
                    continue
                # A package this module lives in is running already; naming it for a name it defines still counts.
                if prefix in own_packages and prefix not in explicit:
                    continue
                targets.add(prefix)
    return frozenset(targets)


GRAPH = {module: imports_of(module) for module in MODULES}


def floor_of(module: str) -> int:
    """The index in :data:`FLOORS` of the floor ``module`` lives on (the most specific pattern wins)."""
    best: tuple[int, int] | None = None
    for index, (_, patterns) in enumerate(FLOORS):
        for pattern in patterns:
            if pattern.endswith(".*"):
                package = pattern[:-2]
                matches = module == package or module.startswith(package + ".")
                weight = package.count(".") + 1
            else:
                matches = module == pattern
                weight = 100
            if matches and (best is None or weight > best[1]):
                best = (index, weight)
    if best is None:
        raise LookupError(module)
    return best[0]


def test_every_module_has_a_floor() -> None:
    unplaced = []
    for module in MODULES:
        try:
            floor_of(module)
        except LookupError:
            unplaced.append(module)
    assert not unplaced, f"modules on no floor (add them to FLOORS and docs/architecture.md): {unplaced}"


def test_no_import_climbs_a_floor() -> None:
    climbing = [
        f"{module} ({FLOORS[floor_of(module)][0]}) imports {target} ({FLOORS[floor_of(target)][0]})"
        for module, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if floor_of(target) > floor_of(module)
    ]
    assert not climbing, "\n".join(climbing)


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_no_import_cycle() -> None:
    assert _cycles(GRAPH) == []


def test_cycle_finder_sees_a_cycle_through_a_package() -> None:
    # The shape of the cycle this test was written against: a module, the kit it imports, the package the kit
    # lives in (its __init__ runs first), and a rule set the package imports, which imports the module again.
    graph = {
        "roo.eco.ledger": frozenset({"roo.rules", "roo.rules.base"}),
        "roo.rules.base": frozenset(),
        "roo.rules": frozenset({"roo.rules.jiepa"}),
        "roo.rules.jiepa": frozenset({"roo.eco.ledger"}),
    }
    assert _cycles(graph) == [["roo.eco.ledger", "roo.rules", "roo.rules.jiepa"]]


def test_architecture_page_lists_the_floors() -> None:
    page = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- floors -->\n(.*?)<!-- /floors -->", page, re.DOTALL)
    assert table is not None, "docs/architecture.md lost its floors table"
    rows = [line for line in table.group(1).splitlines() if line.startswith("| ") and not line.startswith("| Floor")]
    listed = []
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        listed.append((cells[1], tuple(re.findall(r"`([^`]+)`", cells[2]))))
    assert tuple(reversed(listed)) == FLOORS


# --- each module imports alone ------------------------------------------------------------------------------


#: Run in a fresh interpreter: make ``roo`` a package whose ``__init__`` has not run (so that the module imports
#: only what it needs itself, as it would if the package's own imports changed order), then import the module.
_ALONE = """\
import importlib.util, sys
name, src = sys.argv[1], sys.argv[2]
if name != "roo":
    spec = importlib.util.spec_from_file_location("roo", src + "/roo/__init__.py", submodule_search_locations=[src + "/roo"])
    sys.modules["roo"] = importlib.util.module_from_spec(spec)
sys.path.insert(0, src)
importlib.import_module(name)
"""


def _import_alone(module: str) -> tuple[str, int, str]:
    """Import ``module`` first and alone in a fresh interpreter."""
    run = subprocess.run(
        [sys.executable, "-I", "-c", _ALONE, module, str(SRC)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return module, run.returncode, run.stderr[-2000:]


def test_every_module_imports_alone_in_a_fresh_interpreter() -> None:
    # One interpreter per module, a few at a time: clearing sys.modules inside one process would keep what
    # modules leave behind elsewhere (registries, hooks of other libraries) and could hide an order dependency.
    modules = [m for m in sorted(MODULES) if not m.endswith("__main__")]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        failures = [f"{m}: {err}" for m, code, err in pool.map(_import_alone, modules) if code != 0]
    assert not failures, "\n".join(failures)


def test_no_scheme_imports_another_schemes_rules() -> None:
    """A rule module reads, and changes, on its own: what two schemes share lives in ``roo.rules.shared``."""
    schemes = {name for name in MODULES if name.count(".") == 2 and name.startswith("roo.rules.")} - {
        "roo.rules.base",
        "roo.rules.shared",
    }
    crossing = [
        f"{module} imports {target}"
        for module, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        for scheme in schemes
        if module.startswith(scheme + ".")
        and target.startswith("roo.rules.")
        and any(target == other or target.startswith(other + ".") for other in schemes - {scheme})
    ]
    assert not crossing, "\n".join(crossing)


def test_imports_inside_the_package_are_relative() -> None:
    """A vendored copy (``acme/_vendor/roo``) must import itself, never an installed ``roo`` (docs/integration.md)."""
    absolute = []
    for module, (path, _) in sorted(MODULES.items()):
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if (isinstance(node, ast.Import) or node.level == 0) and any(
                name == PACKAGE or name.startswith(PACKAGE + ".") for name in names
            ):
                absolute.append(f"{module}:{node.lineno}")
    assert not absolute, absolute


# --- memo caches --------------------------------------------------------------------------------------------


def _cache_kind(node: ast.expr) -> str | None:
    """``"bounded"`` or ``"unbounded"`` when ``node`` is ``functools.cache`` or ``functools.lru_cache(...)``, else None."""
    call = node if isinstance(node, ast.Call) else None
    target = call.func if call is not None else node
    name = target.attr if isinstance(target, ast.Attribute) else target.id if isinstance(target, ast.Name) else None
    if name == "cache" and call is None:
        return "unbounded"
    if name != "lru_cache":
        return None
    if call is None:  # a bare @lru_cache keeps 128 entries
        return "bounded"
    size = next((k.value for k in call.keywords if k.arg == "maxsize"), call.args[0] if call.args else None)
    if size is None:  # lru_cache() keeps 128 entries
        return "bounded"
    return "unbounded" if isinstance(size, ast.Constant) and size.value is None else "bounded"


def _unbounded_caches(tree: ast.AST) -> Iterator[int]:
    """The lines of every memo cache in ``tree`` that can grow without bound.

    A cache without a size limit is allowed only on a function without parameters, which it can remember one
    value of.
    """
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parameters = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            takes_arguments = bool(parameters) or node.args.vararg is not None or node.args.kwarg is not None
            for decorator in node.decorator_list:
                if _cache_kind(decorator) == "unbounded" and takes_arguments:
                    yield decorator.lineno
        elif isinstance(node, ast.Call) and _cache_kind(node.func) == "unbounded":
            yield node.lineno  # functools.cache(f), functools.lru_cache(maxsize=None)(f): a function of arguments


def test_every_memo_cache_is_bounded() -> None:
    """A module-level memo cache holds a bounded number of values, so that no input can grow it without end.

    Each memoises a pure function; tests/test_evaluation_stability.py empties every one of them and checks that
    no evaluation changes.
    """
    unbounded = [
        f"{module}:{line}"
        for module, (path, _) in sorted(MODULES.items())
        for line in _unbounded_caches(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not unbounded, unbounded


def test_the_cache_finder_tells_bounded_from_unbounded() -> None:
    source = """
import functools
from functools import cache, lru_cache

@functools.cache
def table() -> dict: ...

@functools.cache
def grows(key): ...

@cache
def grows_too(key): ...

@functools.lru_cache(maxsize=None)
def grows_as_well(key): ...

@lru_cache(maxsize=64)
def kept(key): ...

@functools.lru_cache
def kept_too(key): ...

parse = functools.lru_cache(maxsize=None)(str.strip)
parse_kept = functools.lru_cache(maxsize=512)(str.strip)
"""
    assert [8, 11, 14, 23] == sorted(_unbounded_caches(ast.parse(source)))
