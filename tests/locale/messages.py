"""Every message roo can show, gathered from the running code and from the sources (helpers for tests/locale).

* :func:`finding_specs` — every ``FindingSpec`` reachable from a module of
  ``roo`` (module constants, tuples, mappings, the origin module's
  per-scheme pairs) plus ``roo.rules.all_specs()``;
* :func:`rule_titles` — the title of every registered rule;
* :func:`extracted` — what ``pybabel extract`` finds with ``babel.cfg`` and
  ``roo.locale._extract.KEYWORDS``, computed in memory;
* :func:`catalogue` — a language's ``roo.po``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

import roo
import roo.rules
from roo.locale._extract import extract_msgids
from roo.rules.base import FindingSpec

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "src" / "roo" / "locale"
LANGUAGES = ("ja", "id")
PLACEHOLDER = re.compile(r"\{([^{}:!]*)[^{}]*\}")


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in ``text``."""
    return set(PLACEHOLDER.findall(text))


@cache
def modules() -> tuple[Any, ...]:
    """Every module of the ``roo`` package, imported (``__main__`` modules excepted: they run the CLI)."""
    found = [roo]
    for info in pkgutil.walk_packages(roo.__path__, "roo."):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue
        found.append(importlib.import_module(info.name))
    return tuple(found)


def _specs_in(value: Any, depth: int = 0) -> Iterator[FindingSpec]:
    if isinstance(value, FindingSpec):
        yield value
    elif depth > 3 or isinstance(value, (str, bytes, type)):
        return
    elif isinstance(value, (tuple, list, frozenset, set)):
        for each in value:
            yield from _specs_in(each, depth + 1)
    elif isinstance(value, dict):
        for each in value.values():
            yield from _specs_in(each, depth + 1)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _specs_in(getattr(value, field.name), depth + 1)


@cache
def finding_specs() -> tuple[FindingSpec, ...]:
    """Every FindingSpec defined anywhere in roo, each (code, rule, template) once."""
    seen: dict[tuple[str, str, str], FindingSpec] = {}
    for spec in roo.rules.all_specs():
        seen.setdefault((spec.code, spec.rule, spec.template), spec)
    for module in modules():
        for value in vars(module).values():
            for spec in _specs_in(value):
                seen.setdefault((spec.code, spec.rule, spec.template), spec)
    return tuple(seen.values())


@cache
def rule_titles() -> frozenset[str]:
    """The title of every rule the engine runs, for any scheme."""
    return frozenset(rule.title for rules in roo.rules.RULESETS.values() for rule in rules)


@cache
def extracted() -> frozenset[str]:
    """Every msgid ``pybabel extract`` finds in src/roo (in memory, with the project's babel.cfg and keywords)."""
    return extract_msgids(ROOT / "src" / "roo", ROOT / "babel.cfg")


@cache
def catalogue(language: str) -> Catalog:
    """The ``roo.po`` of ``language``."""
    with (LOCALES / language / "LC_MESSAGES" / "roo.po").open("rb") as fileobj:
        return read_po(fileobj, locale=language)


@cache
def template() -> Catalog:
    """``roo.pot``."""
    with (LOCALES / "roo.pot").open("rb") as fileobj:
        return read_po(fileobj)


def translated(language: str) -> dict[str, str]:
    """msgid -> translation for every non-fuzzy, non-empty entry of ``language``'s catalogue."""
    found: dict[str, str] = {}
    for m in catalogue(language):
        if not m.id or m.fuzzy:
            continue
        if isinstance(m.id, (tuple, list)):
            # A plural message (ngettext): its singular and plural msgids, each with the last form translating it.
            forms = tuple(m.string)
            if forms and all(forms):
                found[m.id[0]] = forms[0]
                found[m.id[1]] = forms[-1]
        elif m.string:
            found[m.id] = m.string
    return found


_DATES = re.compile(r"(date|^on$|_on$|^as_of$|^start$|^ends$|until$|in_force$|^latest$|^presented$|_from$)")
_NUMBERS = re.compile(r"(percent|threshold|^share$|^limit$|^lower$|^higher$|^rvc)")
_COUNTS = re.compile(r"(^box$|^count$|months$|days|^item_number$|^original_item$|^chapter$|^row$)")
_LISTS = re.compile(r"(^needed$|^materials$|countries$|^invoices$|^units$|^editions$|^rows$|^reasons$|^criteria$|^flags$)")


def typed_sample(name: str) -> Any:
    """A plausible value for the fact ``name``, of the type rules give it, to exercise locale formatting."""
    if _DATES.search(name):
        return date(2024, 2, 29)
    if _NUMBERS.search(name):
        return Decimal("1234.5")
    if _COUNTS.search(name):
        return 12
    if _LISTS.search(name):
        return ("PH", "MM", "TH")
    if name in ("value", "fob", "vnm"):
        return "200000 JPY"
    return f"«{name}»"
