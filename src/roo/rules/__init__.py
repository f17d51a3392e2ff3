"""Rule sets by scheme (internal registry; the public entry point is :func:`roo.evaluate`)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ..model.certificate import Scheme
from ..rule_kit import FindingSpec, Rule
from . import ajcep, id_motr_16_2024, jiepa

RULESETS: Final[Mapping[Scheme, tuple[Rule, ...]]] = MappingProxyType(
    {
        Scheme.AJCEP: ajcep.RULES,
        Scheme.JIEPA: jiepa.RULES,
        Scheme.ID_MOTR_16_2024: id_motr_16_2024.RULES,
    }
)


def rules_for(scheme: Scheme) -> tuple[Rule, ...]:
    """The rules the engine runs for ``scheme``, in order."""
    return RULESETS[scheme]


def all_specs() -> tuple[FindingSpec, ...]:
    """Every kind of finding any registered rule can produce, each once."""
    seen: dict[str, FindingSpec] = {}
    for rules in RULESETS.values():
        for rule in rules:
            for spec in rule.specs:
                seen.setdefault(spec.code, spec)
    return tuple(seen.values())
