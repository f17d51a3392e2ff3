"""Mutation testing of the rules and origin packages: a sample of mutants, each run against its own tests.

A mutant is roo with one small change (``<`` for ``<=``, ``and`` for ``or``,
``None`` for a value, a string altered, an argument dropped) made by
mutmut's own mutation operators (``pip install -e '.[mutation]'``). A mutant
is *killed* when a test fails on it, and *survives* when every test still
passes: then a verdict, a fact or a message can change and no test notices.
The score is killed / (killed + survived), per area (``src/roo/rules/`` with ``src/roo/rule_kit.py``, and
``src/roo/origin/``). Mutants listed in ``EQUIVALENT`` below, each with the
reason it cannot change behaviour, are left out of the score.

A full ``mutmut run`` mutates every function and runs the whole suite for
each: days of CPU here. This script samples instead: it lists every mutant
mutmut would make in the functions of each module, draws a seeded sample,
and runs each mutant with only the tests of its module (:func:`tests_for`),
stopping at the first failure. The same seed gives the same sample, so a
score is reproducible::

    python scripts/mutation.py --sample 120 --seed 16           # both areas, 120 mutants each
    python scripts/mutation.py --area rules --sample 40 --jobs 2
    python scripts/mutation.py --module src/roo/rules/ajcep/ir04_modifications.py --all

It prints each surviving mutant as a diff, with the module's tests that ran,
and the score per area. Each mutant runs in a copy of ``src/`` (the working
tree is never changed), with a time limit; a mutant that times out counts
as killed (the tests noticed something).

The ``[mutmut]`` section of ``setup.cfg`` configures mutmut itself for a full
``mutmut run`` over the same paths, for whoever has the CPU for it.
"""

from __future__ import annotations

import argparse
import compileall
import difflib
import functools
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
#: The areas scored, each a tuple of folders and files under the repository root. The rule kit (``FindingSpec``,
#: ``Result``, the rule classes) is scored with the rules it serves; ``rules/base.py`` only re-exports it.
AREAS: Final = {"rules": ("src/roo/rules", "src/roo/rule_kit.py"), "origin": ("src/roo/origin",)}
#: Modules that hold no code of their own to mutate: re-exports under a former name.
SHIMS: Final = frozenset({"src/roo/rules/base.py"})
#: Tests run for every mutant of an area, besides those of its module: the snapshot of every finding's
#: message and facts, and the determinations that combine the origin modules.
AREA_TESTS: Final = {
    "rules": ("tests/test_snapshots.py",),
    "origin": ("tests/origin/test_determine.py", "tests/origin/test_accumulation.py", "tests/test_snapshots_origin.py"),
}
#: The tests that call every item rule's precheck and hold it to the rule's item check.
PRECHECK_TESTS: Final = "tests/test_prechecks.py"
#: Tests for modules whose name does not say which tests are theirs.
MODULE_TESTS: Final = {
    "src/roo/rule_kit.py": (
        "tests/test_catalogue_truth.py",
        "tests/rules/test_shared.py",
        "tests/test_engine.py",
        "tests/test_errors.py",
        "tests/test_prechecks.py",
    ),
    "src/roo/rules/__init__.py": ("tests/test_catalogue.py", "tests/test_engine.py"),
    "src/roo/rules/ajcep/art26_box8_cross_check.py": (
        "tests/rules/ajcep/test_mutants_art26_box8.py",
        "tests/origin/test_crosscheck.py",
    ),
    "src/roo/origin/determination.py": (
        "tests/origin/test_determine.py",
        "tests/origin/test_examples_and_cli.py",
        "tests/origin/test_mutants_determination.py",
        "tests/origin/test_mutants_parameters.py",
    ),
    "src/roo/origin/facts.py": (
        "tests/origin/test_determine.py",
        "tests/origin/test_rvc.py",
        "tests/origin/test_de_minimis.py",
    ),
    "src/roo/origin/decimals.py": (
        "tests/origin/test_mutants_decimals.py",
        "tests/test_hostile_context.py",
        "tests/origin/test_rvc.py",
        "tests/origin/test_de_minimis.py",
    ),
    "src/roo/origin/model.py": (
        "tests/origin/test_loading.py",
        "tests/origin/test_determine.py",
        "tests/origin/test_mutants_model.py",
    ),
    "src/roo/origin/specs.py": ("tests/test_catalogue_origin.py", "tests/origin/test_docs.py"),
    "src/roo/origin/parameters.py": (
        "tests/origin/test_determine.py",
        "tests/origin/test_rvc.py",
        "tests/origin/test_mutants_parameters.py",
    ),
    "src/roo/origin/de_minimis.py": (
        "tests/origin/test_de_minimis.py",
        "tests/origin/test_mutants_de_minimis.py",
        "tests/origin/test_determine.py",
    ),
    "src/roo/origin/wholly_obtained.py": (
        "tests/origin/test_wholly_obtained.py",
        "tests/origin/test_mutants_wholly_obtained.py",
        "tests/origin/test_determine.py",
    ),
    "src/roo/origin/__init__.py": ("tests/origin/test_package.py",),
}

#: A call of a finding spec (an upper-case constant): its first argument, the item, is None by default.
_SPEC_CALL: Final = re.compile(r"\b[A-Z][A-Z0-9_]*\(")
#: Why dropping a spec call's explicit ``None`` changes nothing (recognised by :meth:`Mutant.drops_none_item`).
DROPPED_ITEM: Final = "a finding spec's item is None by default: dropping an explicit None changes nothing"

#: Mutants that cannot change what roo does, by (module, mutated line); each says why.
EQUIVALENT: Final[dict[tuple[str, str], str]] = {
    ("src/roo/origin/crosscheck.py", "if claimed.problem is not None and not claimed.criteria:"): (
        "OriginCriterion.parse sets a problem only when it read no criterion, so a problem implies no criteria "
        "and 'or' and 'and' agree on every box 8 roo reads"
    ),
    ("src/roo/origin/accumulation.py", "description=None,"): (
        "a material settled from its own bill gives back only its origin, box 8, needs and VNM (Nested); the "
        "description of the good built for it shows nowhere, the notes quoting the material's own"
    ),
    (
        "src/roo/origin/determination.py",
        "met, key=lambda r: (len(r.flags), _RANK.get(r.criterion, 6), results.index(r)), default=None",
    ): "every rank in _RANK is below 5, so 5 and 6 both put a combination after every single criterion",
    ("src/roo/origin/decimals.py", "clamp=None,"): (
        "clamp only pads the coefficient of a result whose exponent passes Emax - prec + 1 (1 in EXACT): the value "
        "is unchanged and every figure shown goes through format 'f' or a two-decimal quantize; a DefaultContext "
        "changed before import (test_hostile_context) shows the same results"
    ),
    (
        "src/roo/origin/determination.py",
        'rule = self.rule.text or {RuleKind.MISSING: "none found", RuleKind.UNKNOWN: "unknown"}.get(self.rule.kind, "XXXX")',
    ): (
        "determine() gives the general rule its text and a product rule its row's text, which load_psr never "
        "leaves empty; only a missing or unknown rule reaches the default"
    ),
    ("src/roo/origin/accumulation.py", 'NOT_YET_IN_FORCE = "NOT_YET_IN_FORCE"'): (
        "Standing's members are compared by identity only; no output shows the value of this one"
    ),
    ("src/roo/rules/ajcep/ir03_form.py", "return form.check_reference_number(TERMS, co, None)"): (
        "the shared reference-number check reads only the certificate, never the context"
    ),
    (
        "src/roo/rules/id_motr_16_2024/arts03_08_consignment_criteria.py",
        "findings.append(OPERATION_UNRECOGNISED(country=stop.country, operations=unknown))",
    ): "a FindingSpec's item defaults to None, the value the mutant drops",
    (
        "src/roo/rules/shared/parties.py",
        "findings.append(terms.exporting_not_a_party(exporting_party=co.exporting_party, parties=parties))",
    ): "a FindingSpec's item defaults to None, the value the mutant drops",
    (
        "src/roo/rules/shared/hs_edition.py",
        "if version is not None and (back_to_back or (_YEARS.get(None) or edition_year(version)) < quiet):",
    ): "_YEARS only caches edition_year for every edition, so the fallback gives the same year",
    ("src/roo/origin/wholly_obtained.py", "return ARTICLES.get(scheme, None)[category]"): (
        "article() is called only by determine(), after it has returned for any scheme but AJCEP and JIEPA, "
        "both keys of ARTICLES: the default is never used"
    ),
    ("src/roo/origin/wholly_obtained.py", "return ARTICLES.get(scheme, )[category]"): (
        "article() is called only by determine(), after it has returned for any scheme but AJCEP and JIEPA, "
        "both keys of ARTICLES: the default is never used"
    ),
    (
        "src/roo/rules/shared/form.py",
        "invoicer=invoicer.name,",
    ): "a FindingSpec's item defaults to None, the value the mutant drops",
    (
        "src/roo/rules/ajcep/ir09_back_to_back.py",
        'ORIGINAL_DETAILS_DIFFER(original_reference=shown, stated=" and ".join(stated), actual=" and ".join(actual))',
    ): "a FindingSpec's item defaults to None, the value the mutant drops",
    (
        "src/roo/rules/shared/consignment.py",
        'findings.append(terms.evidence_missing(countries=passed_through, evidence=consignment.evidence or "none"))',
    ): "a FindingSpec's item defaults to None, the value the mutant drops",
    (
        "src/roo/rules/shared/form.py",
        "None, **_where(terms, co, None), certification_present=co.certification is not None",
    ): "_where tells the declaration (_DECLARATION) from anything else: None gives the certification's box, as "
    "_CERTIFICATION does",
    ("src/roo/rules/id_motr_16_2024/art02_scope.py", "return judged(NOT_YET_IN_FORCE(in_force=in_force, on=ctx.on))"): (
        "a FindingSpec's item defaults to None, the value the mutant drops"
    ),
    ("src/roo/rules/ajcep/ir09_back_to_back.py", "for item, number in zip(co.items, sources, strict=None):"): (
        "sources is built one per item of co.items just above: the lengths are always equal, strict or not"
    ),
    ("src/roo/rules/ajcep/ir09_back_to_back.py", "for item, number in zip(co.items, sources, strict=False):"): (
        "sources is built one per item of co.items just above: the lengths are always equal, strict or not"
    ),
    (
        "src/roo/rules/ajcep/ir04_modifications.py",
        "return judged(EXPORTER_DIFFERS(similarity=str(similarity), **facts))",
    ): "a FindingSpec's item defaults to None, the value the mutant drops",
    (
        "src/roo/rules/id_motr_16_2024/art09_data_elements.py",
        "findings: list[Finding] = [CERTIFICATE_ELEMENT_MISSING(element=e, what=w) for e, w in missing]",
    ): "a FindingSpec's item defaults to None, the value the mutant drops",
    ("src/roo/rules/jiepa/art41_form.py", "return form.check_item_invoice(TERMS, item, co, None)"): (
        "the shared invoice check reads only the item and the certificate, never the context"
    ),
    ("src/roo/rules/jiepa/art41_goods.py", "return classification.check_hs_code(TERMS, item, None, ctx)"): (
        "the shared HS-code check reads only the item, never the certificate"
    ),
    ("src/roo/rules/jiepa/art41_goods.py", "return classification.check_description(TERMS, item, None, ctx)"): (
        "the shared description check reads only the item and the declaration, never the certificate (an "
        "Indonesian e-CO's description lacking on the e-CO reaches it on the item, supplemented from the copy)"
    ),
    # A precheck only says when every item's check gives one result without findings; None tells the engine to
    # run the item check on every item instead (roo.engine), which tests/test_prechecks.py holds to the same
    # result. A precheck that returns None more often, or is dropped, changes the cost only, and stays linear.
    ("src/roo/rules/id_motr_16_2024/art09_data_elements.py", "or blank(None)"): (
        "in the precheck every_item_complete: blank(None) is true, so the precheck always answers None "
        "(check item by item); only the cost changes"
    ),
    (
        "src/roo/rules/jiepa/eco04_data_copy.py",
        "out.append(attrs.evolve(rule, check=_item_check(rule.check), precheck=_precheck(None)))",
    ): "the supplemented item rules lose their precheck, so every item is checked one by one; only the cost changes",
    (
        "src/roo/origin/ctc.py",
        "return Verdict(True, flags=frozenset({ACU}) if _non_originating(facts, accumulate=None) else frozenset())",
    ): (
        "accumulate is only read for its truth (Settled.counts_as_originating: `accumulate or not other_party`), "
        "and None is false exactly as False is"
    ),
    ("src/roo/origin/determination.py", "general: bool = None"): (
        "_Candidate.general is only read for its truth (rvc.evaluate: `if not general`), and None is false exactly "
        "as False is; candidates are never compared or shown"
    ),
    ("src/roo/origin/accumulation.py", 'hs_code=material.hs_code or "XXXX",'): (
        "the nested good's HS code is read only as hs_digits, and every use first requires six digits: '' and "
        "'XXXX' both fail that test and give the same need ('hs_code'); its other uses (finding facts of the nested "
        "determination) are dropped, since only originating, box 8, needed and VNM come back"
    ),
    ("src/roo/origin/accumulation.py", 'return f"originating ({nested.box8})" if nested.box8 else "ORIGINATING"'): (
        "an originating determination always recommends a box 8 (every criterion that can be met carries its code: "
        "WO, PE, CTH, RVC or the product-specific rule's), so the plain 'originating' is never reached"
    ),
    (
        "src/roo/origin/crosscheck.py",
        'if kind is CriterionKind.WO and result.rule.startswith(("AJCEP/ART/25", "XXJIEPA/ART/29(2)XX")):',
    ): (
        "only the WO criterion's result cites JIEPA Art 29.2, and it has kinds ('WO',) and criterion 'WO', which "
        "the last line of _supports accepts for a WO claim anyway"
    ),
    (
        "src/roo/origin/determination.py",
        'findings.append(specs.PARAMETER_NOT_IN_FORCE(None, criterion="RVC", parameter=error.name, on=on))',
    ): (
        "this branch is the general rule's, which exists only under AJCEP (JIEPA has no general rule); a SchemeSpec "
        "called with None picks its AJCEP spec, the one AJCEP picks"
    ),
    ("src/roo/origin/facts.py", "other_party: bool = True"): (
        "the default is kept only by indirect materials and packing for shipment settled as originating (every other "
        "originating material sets other_party); both are left out of every criterion that reads other_party or "
        "compares with and without accumulation (CTC and SP look at inputs, the VNM at inputs, retail packaging and "
        "accessories, PE and WO leave them out), so the second pass gives the first's verdict"
    ),
    ("src/roo/origin/de_minimis.py", "return Tolerance(DeMinimisBasis.VALUE, row.percent, )"): (
        "Tolerance.chapter is shown only by the findings of a tolerance without a basis (de minimis not available) "
        "or without a percentage (percentage unknown); this one has both"
    ),
    (
        "src/roo/origin/determination.py",
        'general = [_Candidate("CTH", ("CTH",), "general rule: CTH", "AJCEP/ART/26(1)(b)", "CTH", (cth,), False)]',
    ): (
        "_Candidate.general is read only when an RVC requirement is evaluated (the final process of Art 26.1(a)); "
        "this candidate's one requirement is CTH"
    ),
    ("src/roo/origin/accumulation.py", "NOT_YET_IN_FORCE = None"): (
        "Standing's members are compared by identity only; no output shows the value of this one"
    ),
    ("src/roo/origin/accumulation.py", "declared is None or (scheme is Scheme.JIEPA or produced_in in JIEPA_PARTIES)"): (
        "here the material is declared non-originating, so a nested determination is used only for JIEPA Art 30.2, "
        "whose own test (JIEPA and produced in a Party) is made again before it is used; the mutant only computes "
        "a determination it then discards"
    ),
    (
        "src/roo/origin/psr.py",
        "for chapter in range(int(rule.hs.low[:2]), int(rule.hs.high[:3]) + 1):",
    ): (
        "the chapter index may only grow (three digits read as a number are never below the two-digit chapter), "
        "and lookup keeps only the rows whose range covers the code, so the rows found are the same"
    ),
    (
        "src/roo/origin/de_minimis.py",
        'return Tolerance(DeMinimisBasis.WEIGHT, read.decimal("ajcep.de_minimis.weight_percent"), )',
    ): (
        "Tolerance.chapter is shown only by the findings of a tolerance without a basis (de minimis not available) "
        "or without a percentage (percentage unknown); this one has both"
    ),
    ("src/roo/origin/ctc.py", 'return "XX XX".join(text.casefold().split())'): (
        "_normal's result is only ever compared with another result of _normal: any separator keeps "
        "two texts equal exactly when their words are"
    ),
}


class Mutant:
    """One change to one module: where, and the module's text with the change made (rendered when first asked)."""

    def __init__(self, module: str, index: int, line: int, original: str, tree: object, mutation: object) -> None:
        self.module = module  # path relative to the repository root
        self.index = index  # the mutant's number among the module's mutants
        self.line = line
        self.original = original
        self._tree = tree
        self._mutation = mutation

    @functools.cached_property
    def mutated(self) -> str:
        from mutmut.mutation.file_mutation import deep_replace

        mutation = self._mutation
        return deep_replace(self._tree, mutation.original_node, mutation.mutated_node).code  # type: ignore

    @property
    def key(self) -> tuple[str, str]:
        """The module and the mutated line: what EQUIVALENT lists (stable when lines above move)."""
        return (self.module, self.changed_line())

    @property
    def equivalent(self) -> str | None:
        """Why this mutant cannot change what roo does, or None: listed in EQUIVALENT, or a dropped ``None`` item."""
        return EQUIVALENT.get(self.key) or (DROPPED_ITEM if self.drops_none_item() else None)

    def drops_none_item(self) -> bool:
        """Whether the change only drops the explicit ``None`` item of a finding spec's call in a rule module."""
        if not self.module.startswith(AREAS["rules"]):
            return False
        before, after = self.original.splitlines(), self.mutated.splitlines()
        for index, (old, new) in enumerate(zip(before, after, strict=False)):
            if old == new:
                continue
            if len(before) == len(after) + 1:  # the argument alone on its line: "SPEC(\n    None,\n ...)"
                opening = before[index - 1].rstrip() if index > 0 else ""
                calls = list(_SPEC_CALL.finditer(opening))
                dropped = old.strip() == "None," and bool(calls) and calls[-1].end() == len(opening)
                return dropped and before[index + 1 :] == after[index:]
            return len(before) == len(after) and any(
                new == old[: m.end()] + old[m.end() + len("None, ") :]
                for m in _SPEC_CALL.finditer(old)
                if old.startswith("None, ", m.end())
            )
        return False

    def changed_line(self) -> str:
        before, after = self.original.splitlines(), self.mutated.splitlines()
        for old, new in zip(before, after, strict=False):  # a mutant may add or drop a line
            if old != new:
                return new.strip()
        return after[len(before)].strip() if len(after) > len(before) else ""

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.mutated.splitlines(keepends=True),
                f"a/{self.module}",
                f"b/{self.module}",
                n=1,
            )
        )


def mutants_of(module: Path) -> list[Mutant]:
    """Every mutant mutmut makes inside the functions of ``module`` (module-level code is left alone)."""
    from libcst.metadata import MetadataWrapper, PositionProvider
    from mutmut.mutation.file_mutation import create_mutations

    code = module.read_text(encoding="utf-8")
    tree, mutations, _, _ = create_mutations(str(module), code)
    positions = MetadataWrapper(tree, unsafe_skip_copy=True).resolve(PositionProvider)
    relative = module.relative_to(ROOT).as_posix()
    found: list[Mutant] = []
    for mutation in mutations:
        if mutation.contained_by_top_level_function is None:
            continue
        position = positions.get(mutation.original_node)
        line = position.start.line if position is not None else 0
        found.append(Mutant(relative, len(found), line, code, tree, mutation))
    return found


def tests_for(module: str) -> list[str]:
    """The test files of ``module``: named in MODULE_TESTS, or those whose name holds the module's stem.

    ``src/roo/rules/ajcep/ir09_back_to_back.py`` has ``tests/rules/ajcep/test_ir09*.py`` and ``test_*_ir09*.py``
    (so ``art10_field_verification.py`` has ``test_art02_scope_and_art10.py``); ``src/roo/rules/shared/form.py`` has
    ``tests/rules/test_shared*.py`` and every test of the rule modules that use it. A rule module with a precheck
    also has ``tests/test_prechecks.py``, which calls each precheck and holds it to its item check.
    """
    if module in MODULE_TESTS:
        return [path for path in MODULE_TESTS[module] if (ROOT / path).exists()]
    path = Path(module)
    parts = path.relative_to("src/roo").parts
    stem = path.stem
    prefix = stem.split("_")[0]
    prechecks = [PRECHECK_TESTS] if "precheck" in (ROOT / module).read_text(encoding="utf-8") else []
    if parts[0] == "rules" and parts[1] == "shared":
        users = [
            user.relative_to(ROOT).as_posix()
            for user in sorted((ROOT / "src/roo/rules").rglob("*.py"))
            if "shared" not in user.parts
            and re.search(rf"\bshared import [^\n]*\b{stem}\b|shared\.{stem}\b", user.read_text(encoding="utf-8"))
        ]
        tests = [test for user in users for test in tests_for(user)]
        own = [
            *sorted((ROOT / "tests/rules").glob(f"test_{stem}*.py")),
            *sorted((ROOT / "tests/rules").glob(f"test_shared_{stem}*.py")),
            ROOT / "tests/rules/test_shared.py",
        ]
        own_tests = [p.relative_to(ROOT).as_posix() for p in own if p.exists()]
        return _prechecks_last([*own_tests, *tests, *prechecks])
    folder = ROOT / "tests" / Path(*parts[:-1])
    candidates = sorted(folder.glob(f"test_{prefix}*.py")) or sorted(folder.glob(f"test_*{stem}*.py"))
    # Tests that name the module after another word: test_mutants_art09.py, test_art02_scope_and_art10.py.
    candidates += sorted(folder.glob(f"test_*_{prefix}*.py"))
    found = [candidate.relative_to(ROOT).as_posix() for candidate in candidates]
    return _prechecks_last([*found, *prechecks])


def _prechecks_last(tests: Sequence[str]) -> list[str]:
    """``tests`` without repeats, the precheck tests last: the slowest, they run only when the others pass."""
    unique = list(dict.fromkeys(tests))
    return [test for test in unique if test != PRECHECK_TESTS] + [test for test in unique if test == PRECHECK_TESTS]


def area_of(module: str) -> str:
    return next(
        name for name, paths in AREAS.items() if any(module == path or module.startswith(path + "/") for path in paths)
    )


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    tests: tuple[str, ...]
    killed: bool
    seconds: float
    note: str = ""


class Sandbox:
    """A copy of the working tree in which one module at a time is replaced by a mutant.

    Tests and their data are copied too, so that editing the working tree during a run changes nothing;
    the folder ``shared`` beside the repository, which some tests read, is linked beside the copy.
    """

    def __init__(self) -> None:
        self.top = Path(tempfile.mkdtemp(prefix="roo-mutation-"))
        self.folder = self.top / "repo"
        ignored = shutil.ignore_patterns("__pycache__", ".git", ".venv", "mutants", ".mypy_cache", ".pytest_cache")
        shutil.copytree(ROOT, self.folder, ignore=ignored)
        if (ROOT.parent / "shared").exists():
            (self.top / "shared").symlink_to(ROOT.parent / "shared")
        # Hash-checked bytecode: a module whose text changed is compiled again, whatever its mtime.
        compileall.compile_dir(
            self.folder / "src", quiet=1, invalidation_mode=compileall.py_compile.PycInvalidationMode.CHECKED_HASH
        )

    def run(self, mutant: Mutant, tests: Sequence[str], timeout: float) -> tuple[bool, str]:
        """Whether the tests fail on ``mutant`` (killed), and a note."""
        target = self.folder / mutant.module
        target.write_text(mutant.mutated, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(self.folder / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
        command = [
            sys.executable, "-m", "pytest", "-x", "-q", "--no-header", "-p", "no:randomly", "-p", "no:cacheprovider",
            "-o", "addopts=", "-W", "error", *tests,
        ]  # fmt: skip
        try:
            done = subprocess.run(command, cwd=self.folder, env=env, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return True, "timed out"
        finally:
            target.write_text(mutant.original, encoding="utf-8")
        if done.returncode == 5:
            return False, "no tests ran"
        return done.returncode != 0, ""

    def close(self) -> None:
        shutil.rmtree(self.top, ignore_errors=True)


def check_sandbox(sandbox: Sandbox) -> None:
    """The tests import roo from the sandbox, not from the working tree."""
    env = {**os.environ, "PYTHONPATH": str(sandbox.folder / "src")}
    where = subprocess.run(
        [sys.executable, "-c", "import roo; print(roo.__file__)"],
        cwd=sandbox.folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if not where.startswith(str(sandbox.folder)):
        raise SystemExit(f"the mutants would not be tested: roo is imported from {where}")


def sample(modules: Sequence[Path], size: int | None, seed: int) -> tuple[list[Mutant], list[Mutant]]:
    """A seeded sample of ``size`` mutants over ``modules`` (all when ``size`` is None): (to run, equivalent)."""
    every = [mutant for module in modules for mutant in mutants_of(module)]
    if size is not None and size < len(every):
        every = sorted(random.Random(seed).sample(every, size), key=lambda m: (m.module, m.index))
    changed = [mutant for mutant in every if mutant.mutated != mutant.original]
    return (
        [mutant for mutant in changed if mutant.equivalent is None],
        [mutant for mutant in changed if mutant.equivalent is not None],
    )


def modules_in(paths: Sequence[str]) -> list[Path]:
    """The modules of an area: each file named, and every module in each folder named, shims left out."""
    found: list[Path] = []
    for path in paths:
        found += [ROOT / path] if path.endswith(".py") else sorted((ROOT / path).rglob("*.py"))
    return [
        module
        for module in found
        if "__pycache__" not in module.parts and module.relative_to(ROOT).as_posix() not in SHIMS
    ]


def run(mutants: Sequence[Mutant], jobs: int, timeout: float) -> Iterator[Outcome]:
    sandboxes = [Sandbox() for _ in range(jobs)]
    check_sandbox(sandboxes[0])
    free = list(sandboxes)

    def one(mutant: Mutant) -> Outcome:
        sandbox = free.pop()
        try:
            tests = tuple(dict.fromkeys((*tests_for(mutant.module), *AREA_TESTS[area_of(mutant.module)])))
            if not tests:
                return Outcome(mutant, (), False, 0.0, "no tests found for the module")
            start = time.monotonic()
            killed, note = sandbox.run(mutant, tests, timeout)
            return Outcome(mutant, tests, killed, time.monotonic() - start, note)
        finally:
            free.append(sandbox)

    try:
        with ThreadPoolExecutor(jobs) as pool:
            yield from pool.map(one, mutants)
    finally:
        for sandbox in sandboxes:
            sandbox.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--area", choices=sorted(AREAS), action="append", help="area to mutate (default: both)")
    parser.add_argument("--module", action="append", help="mutate only this module (a path)")
    parser.add_argument("--sample", type=int, default=120, help="mutants per area (default: 120)")
    parser.add_argument("--all", action="store_true", help="every mutant, no sample")
    parser.add_argument("--seed", type=int, default=16, help="sample seed (default: 16)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default: 1)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per mutant before it counts as killed")
    parser.add_argument("--list", action="store_true", help="list the sampled mutants and their tests, run nothing")
    args = parser.parse_args(argv)

    chosen: dict[str, list[Path]] = {}
    if args.module:
        for module in args.module:
            path = (ROOT / module).resolve()
            chosen.setdefault(area_of(path.relative_to(ROOT).as_posix()), []).append(path)
    else:
        for area in args.area or sorted(AREAS):
            chosen[area] = modules_in(AREAS[area])
    mutants: list[Mutant] = []
    equivalent: list[Mutant] = []
    for modules in chosen.values():
        to_run, same = sample(modules, None if args.all else args.sample, args.seed)
        mutants += to_run
        equivalent += same
    if args.list:
        for mutant in mutants:
            print(f"{mutant.module}:{mutant.line}: {mutant.changed_line()}  <- {' '.join(tests_for(mutant.module))}")
        return 0

    scores: dict[str, list[int]] = {area: [0, 0] for area in chosen}
    for n, outcome in enumerate(run(mutants, args.jobs, args.timeout), start=1):
        mutant = outcome.mutant
        area = area_of(mutant.module)
        scores[area][0 if outcome.killed else 1] += 1
        verdict = "killed" if outcome.killed else "SURVIVED"
        note = f" ({outcome.note})" if outcome.note else ""
        print(f"[{n}/{len(mutants)}] {verdict} {mutant.module}:{mutant.line} in {outcome.seconds:.0f}s{note}", flush=True)
        if not outcome.killed:
            print(mutant.diff(), end="")
            print(f"    tests run: {' '.join(outcome.tests) or '(none)'}", flush=True)
    print()
    print(f"seed {args.seed}; left out as equivalent (see EQUIVALENT): {len(equivalent)}")
    for mutant in equivalent:
        print(f"    {mutant.module}:{mutant.line}: {mutant.equivalent}")
    for area, (killed, survived) in scores.items():
        total = killed + survived
        score = 100.0 * killed / total if total else 0.0
        print(f"{' '.join(AREAS[area])}: {killed} of {total} mutants killed, score {score:.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
