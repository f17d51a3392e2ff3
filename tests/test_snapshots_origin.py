"""Origin determinations are pinned: for every finding code of ``roo.origin.determine``, a good that gives it.

``tests/snapshots/determinations.json`` holds, per finding code (and one good
with no finding), a good from roo's own origin tests with its product-rule
table, and what ``determine`` returned: the whole JSON form (criteria, flags,
box 8, value content, findings with their facts), its text report, and each finding's
message in en, ja and id, with CLDR formatting off. A changed answer, fact or word fails
here. Regenerate after an intended change, and review the diff::

    python scripts/finding_snapshots.py
"""

from __future__ import annotations

import json
from typing import Any, Final

import pytest

from tests.test_snapshots import GENERATOR, HOW

PINNED: Final[dict[str, Any]] = json.loads(GENERATOR.DETERMINATIONS.read_text(encoding="utf-8"))["codes"]


def test_origin_findings_are_pinned() -> None:
    assert len(PINNED) >= 5, "the snapshot of origin determinations is missing; " + HOW


@pytest.mark.parametrize("code", sorted(PINNED))
def test_determination_and_messages(code: str) -> None:
    entry = PINNED[code]
    with GENERATOR.plain_formatting():
        found = GENERATOR.determination_pinned(entry["case"])
    assert found["determination"] == entry["determination"], f"{code}: the determination changed; {HOW}"
    assert found["messages"] == entry["messages"], f"{code}: a message changed; {HOW}"
    assert found["text"] == entry["text"], f"{code}: the text report changed; {HOW}"
