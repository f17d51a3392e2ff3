"""Rule sets by scheme (internal registry; the public entry point is :func:`roo.evaluate`).

A scheme's rules are imported when first asked for (the first certificate of that scheme, or the
catalogue), not with roo: a caller who evaluates AJCEP certificates never loads the JIEPA or MoTR rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Final

from ..model.certificate import Scheme
from ..rule_kit import FindingSpec, Rule

#: The package of each scheme's rules, which defines ``RULES`` (in run order).
PACKAGES: Final[Mapping[Scheme, str]] = {
    Scheme.AJCEP: f"{__name__}.ajcep",
    Scheme.JIEPA: f"{__name__}.jiepa",
    Scheme.ID_MOTR_16_2024: f"{__name__}.id_motr_16_2024",
}

#: The rules of each scheme imported so far (the same tuple every time: the engine memoises by it).
_LOADED: Final[dict[Scheme, tuple[Rule, ...]]] = {}


def rules_for(scheme: Scheme) -> tuple[Rule, ...]:
    """The rules the engine runs for ``scheme``, in order."""
    rules = _LOADED.get(scheme)
    if rules is None:
        rules = _LOADED.setdefault(scheme, importlib.import_module(PACKAGES[scheme]).RULES)
    return rules


class _RuleSets(Mapping[Scheme, tuple[Rule, ...]]):
    """Every scheme's rules, each scheme's imported on first look-up, in the order of :class:`Scheme`."""

    def __getitem__(self, scheme: Scheme) -> tuple[Rule, ...]:
        if scheme not in PACKAGES:
            raise KeyError(scheme)
        return rules_for(scheme)

    def __iter__(self) -> Iterator[Scheme]:
        return iter(PACKAGES)

    def __len__(self) -> int:
        return len(PACKAGES)


RULESETS: Final[Mapping[Scheme, tuple[Rule, ...]]] = _RuleSets()


def all_specs() -> tuple[FindingSpec, ...]:
    """Every kind of finding any registered rule can produce, each once."""
    seen: dict[str, FindingSpec] = {}
    for rules in RULESETS.values():
        for rule in rules:
            for spec in rule.specs:
                seen.setdefault(spec.code, spec)
    return tuple(seen.values())
