"""The JIEPA rule set, in the order the engine runs it: certificate rules, then item rules."""

from __future__ import annotations

from typing import Final

from roo.rules.base import Rule
from roo.rules.jiepa import art41_partial_use, eco04_data_copy, eco05_paper_from_indonesia

RULES: Final[tuple[Rule, ...]] = (
    *eco04_data_copy.RULES,
    *eco05_paper_from_indonesia.RULES,
    *art41_partial_use.RULES,
)
