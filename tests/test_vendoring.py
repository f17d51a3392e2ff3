"""roo vendors as brokers vendor it: a copy under another package name works without any module named ``roo``.

Every import inside the package is relative and package data is read through ``importlib.resources`` of the
package itself, so a copy at ``acme/_vendor/roo`` never reaches for whatever top-level ``roo`` is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHECK = """\
import json, sys
from decimal import Decimal
sys.path.insert(0, sys.argv[1])
from acme._vendor import roo as vendored
with open(sys.argv[2], encoding="utf-8") as file:
    case = json.load(file, parse_float=Decimal)
co = vendored.load(case.get("certificate", case))
ctx = vendored.load_context(case.get("context", {}))
evaluation = vendored.evaluate(co, ctx)
print(evaluation.status.value)
print(len(evaluation.messages("ja")) == len(evaluation.findings))
print(vendored.params.catalogue()[0].name != "")
print(vendored.Certificate.__module__)
print(sorted(name for name in sys.modules if name == "roo" or name.startswith("roo.")))
"""


def test_a_vendored_copy_imports_and_evaluates_without_a_module_named_roo(tmp_path: Path) -> None:
    vendor = tmp_path / "acme" / "_vendor"
    vendor.mkdir(parents=True)
    (tmp_path / "acme" / "__init__.py").write_text("", encoding="utf-8")
    (vendor / "__init__.py").write_text("", encoding="utf-8")
    shutil.copytree(ROOT / "src" / "roo", vendor / "roo", ignore=shutil.ignore_patterns("__pycache__"))
    example = ROOT / "examples" / "clean_ajcep_id_jp.json"
    run = subprocess.run(
        [sys.executable, "-I", "-c", _CHECK, str(tmp_path), str(example)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    status, translated, parameters, module, roo_modules = run.stdout.splitlines()
    assert status == "accepted"
    assert translated == "True"
    assert parameters == "True"
    assert module == "acme._vendor.roo.model.certificate"
    assert roo_modules == "[]"
