"""Every finding code's message and facts are pinned in each locale (issue 16 part 6).

``tests/snapshots/findings.json`` holds, for every code of the rule
catalogue, a case that reports it (a certificate and context taken from
roo's own tests) and what roo reported: citation, severity, item, facts, the
canonical message and the message in en, ja and id. Each test evaluates its
case again and compares. A changed verdict, fact or word fails here, so it
is a reviewed change of the snapshot, never an unnoticed one.

Messages are compared with CLDR formatting switched off (numbers, amounts,
dates and lists as plain text): what is pinned is roo's wording, not babel's
data. A code that no test reaches through the engine is pinned from its
template, each placeholder filled with ``<name>``.

After an intended change of a message, its facts or a verdict, regenerate
and review the diff::

    python scripts/finding_snapshots.py
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any, Final

import pytest

ROOT: Final = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    """scripts/finding_snapshots.py, imported from its path."""
    path = ROOT / "scripts" / "finding_snapshots.py"
    spec = importlib.util.spec_from_file_location("finding_snapshots", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR: Final = _generator()
SNAPSHOT: Final[dict[str, Any]] = json.loads(GENERATOR.SNAPSHOT.read_text(encoding="utf-8"))
CODES: Final[dict[str, dict[str, Any]]] = SNAPSHOT["codes"]
HOW: Final = f"if the change is intended, regenerate with `{GENERATOR.REGENERATE}` and review the diff"


def test_every_code_of_the_catalogue_is_pinned() -> None:
    """A new finding code gets its snapshot; a removed one (a broken public contract) loses it visibly."""
    catalogue = set(GENERATOR.every_code())
    assert set(CODES) == catalogue, (
        f"not pinned: {sorted(catalogue - set(CODES))}; pinned but gone: {sorted(set(CODES) - catalogue)}; {HOW}"
    )


@pytest.mark.parametrize("code", sorted(CODES))
def test_message_and_facts_in_each_locale(code: str) -> None:
    entry = CODES[code]
    with GENERATOR.plain_formatting():
        if entry["case"] is not None:
            found = GENERATOR.evaluated(entry["case"], code)
        else:
            catalogue = GENERATOR.every_code()
            assert code in catalogue
            assert catalogue[code].template == entry["template"], f"{code}: its template changed; {HOW}"
            found = GENERATOR.from_template(catalogue[code])
    found = json.loads(json.dumps(found))  # compare as the snapshot holds it (JSON types)
    assert found == entry["findings"], f"{code}: what roo reports changed; {HOW}"
