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
template, each placeholder filled with ``<name>``. A code added since the
last regeneration is skipped, saying so, until the snapshot is regenerated;
a pinned code that disappears fails (codes are a public contract).

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


CATALOGUE: Final = GENERATOR.every_code()


def test_no_pinned_code_is_gone() -> None:
    """Finding codes are a public contract: a pinned code that the catalogue no longer lists was removed."""
    gone = sorted(set(CODES) - set(CATALOGUE))
    assert not gone, f"finding codes no rule reports any more: {gone}; codes are never removed, only added"


@pytest.mark.parametrize("code", sorted(set(CODES) | set(CATALOGUE)))
def test_message_and_facts_in_each_locale(code: str) -> None:
    entry = CODES.get(code)
    if entry is None:
        pytest.skip(f"{code} is new and not pinned yet: regenerate with `{GENERATOR.REGENERATE}`")
    if code not in CATALOGUE:
        pytest.fail(f"{code} is pinned but no rule reports it any more")
    with GENERATOR.plain_formatting():
        if entry["case"] is not None:
            found = GENERATOR.evaluated(entry["case"], code)
        else:
            assert CATALOGUE[code].template == entry["template"], f"{code}: its template changed; {HOW}"
            found = GENERATOR.from_template(CATALOGUE[code])
    found = json.loads(json.dumps(found))  # compare as the snapshot holds it (JSON types)
    assert found == entry["findings"], f"{code}: what roo reports changed; {HOW}"
