"""JSON Schemas of roo's input documents, generated from the value objects themselves.

:func:`json_schema` describes the certificate format (docs/formats.md#certificate) and
:func:`context_schema` the context format (§3.2). Both are built by walking
the attrs classes and their type hints, so they cannot drift from what
:func:`roo.load` and :func:`roo.load_context` accept:

* a field without a default is ``required``; no other key is allowed
  (``additionalProperties: false``);
* ``X | None`` also admits ``null``;
* enums list their values;
* amounts and quantities (``Decimal``) are a decimal string or a JSON number;
* dates are ISO ``YYYY-MM-DD`` strings (``format: date`` and a pattern);
* tuples are arrays; mappings are objects;
* box 8 (``OriginCriterion``) is the text as printed: any string, parsed by roo
  and flagged by a rule when it cannot be read, never refused at load time.

A few constraints that types cannot say, and that the loader checks, are
added too: ISO country and currency codes, item numbers from 1, at least one
item, exchange rates keyed ``SOURCE/TARGET``.

The schemas follow JSON Schema draft 2020-12; every class is one entry of
``$defs``, described by the first line of its docstring.
"""

from __future__ import annotations

import copy
import enum
import functools
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any, Final, get_args, get_origin

import attrs

from ._frozen import FrozenMap
from .codec import NUMBER_TEXT
from .context import Context
from .hs.correlation import CorrelationTable
from .model.certificate import Certificate, CertificateReference, Item, Party, Transport
from .model.codes import COUNTRIES, CURRENCIES
from .model.criterion import OriginCriterion
from .model.money import Money
from .origin.psr import PsrTable, PsrTableData

__all__ = ["DIALECT", "context_schema", "json_schema"]

#: The JSON Schema dialect of both schemas.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

DATE_PATTERN: Final = r"^\d{4}-\d{2}-\d{2}$"
COUNTRY_PATTERN: Final = r"^[A-Z]{2}$"
CURRENCY_PATTERN: Final = r"^[A-Z]{3}$"
#: A country code in any letter case (the loader then checks it is an ISO 3166-1 code).
ANY_CASE_COUNTRY_PATTERN: Final = r"^[A-Za-z]{2}$"
RATE_KEY_PATTERN: Final = r"^[A-Z]{3}/[A-Z]{3}$"

#: Constraints the loader checks beyond the types, by (class, field).
_REFINEMENTS: Final[dict[tuple[type[Any], str], dict[str, Any]]] = {
    (Certificate, "exporting_party"): {"enum": sorted(COUNTRIES), "description": "ISO 3166-1 alpha-2 code"},
    (Certificate, "importing_party"): {"enum": sorted(COUNTRIES), "description": "ISO 3166-1 alpha-2 code"},
    (Certificate, "items"): {"minItems": 1},
    (Item, "number"): {"minimum": 1, "description": "item number as printed, unique on the CO"},
    (Money, "currency"): {"enum": sorted(CURRENCIES), "description": "ISO 4217 currency code"},
    (Party, "country"): {"pattern": ANY_CASE_COUNTRY_PATTERN, "description": "ISO 3166-1 alpha-2 code, any case"},
    (Transport, "transit_countries"): {
        "items": {"type": "string", "pattern": ANY_CASE_COUNTRY_PATTERN},
        "description": "ISO 3166-1 alpha-2 codes, any case",
    },
    (CertificateReference, "exporting_party"): {
        "pattern": ANY_CASE_COUNTRY_PATTERN,
        "description": "ISO 3166-1 alpha-2 code, any case",
    },
    (Context, "exchange_rates"): {
        "propertyNames": {"pattern": RATE_KEY_PATTERN},
        "description": "units of TARGET per unit of SOURCE, keyed 'SOURCE/TARGET', e.g. 'USD/JPY'",
    },
    (Context, "parameters"): {"description": "overrides of dated parameters by name (see docs/parameters.md)"},
}

_DECIMAL: Final[dict[str, Any]] = {
    "anyOf": [{"type": "string", "pattern": NUMBER_TEXT.pattern}, {"type": "number"}],
    "description": "a decimal number, preferably as a string ('52000.00')",
}
_DATE: Final[dict[str, Any]] = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
_ORIGIN_CRITERION: Final[dict[str, Any]] = {
    "type": "string",
    "description": "box 8 as printed, e.g. 'WO', 'CTH, DMI', 'RVC 40%'",
}
_SCALARS: Final[dict[Any, dict[str, Any]]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the certificate format, docs/formats.md#certificate.

    A fresh dict on every call, so callers may change it freely.

    >>> schema = json_schema()
    >>> schema["required"]
    ['scheme', 'exporting_party', 'importing_party', 'issue_date', 'items']
    """
    return copy.deepcopy(_certificate_schema())


def context_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the context format, docs/formats.md#context; every field is optional."""
    return copy.deepcopy(_context_schema())


@functools.cache
def _certificate_schema() -> dict[str, Any]:
    return _document(Certificate, "roo certificate of origin (interchange format v1)")


@functools.cache
def _context_schema() -> dict[str, Any]:
    return _document(Context, "roo context of an import")


def _document(root: type[Any], title: str) -> dict[str, Any]:
    defs: dict[str, dict[str, Any]] = {}
    body = _class_schema(root, defs)
    defs.pop(root.__name__)
    document: dict[str, Any] = {"$schema": DIALECT, "title": title, **body}
    if defs:
        document["$defs"] = dict(sorted(defs.items()))
    return document


def _summary(cls: type[Any]) -> str:
    doc = cls.__doc__ or ""
    return doc.strip().splitlines()[0] if doc.strip() else cls.__name__


def _class_schema(cls: type[Any], defs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The object schema of attrs class ``cls``; every class it refers to is added to ``defs``."""
    defs[cls.__name__] = {}  # placeholder: stops recursion through self-referring classes
    attrs.resolve_types(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        schema = _type_schema(field.type, defs)
        refinement = _REFINEMENTS.get((cls, field.name))
        if refinement:
            schema = _refine(schema, refinement)
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema = {
        "type": "object",
        "description": _summary(cls),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if not required:
        del schema["required"]
    defs[cls.__name__] = schema
    return schema


def _refine(schema: dict[str, Any], refinement: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with extra constraints; on ``X | null`` they go to the ``X`` branch."""
    if "anyOf" in schema and {"type": "null"} in schema["anyOf"]:
        branches = [b if b == {"type": "null"} else _refine(b, refinement) for b in schema["anyOf"]]
        return {**schema, "anyOf": branches}
    return {**schema, **refinement}


def _type_schema(hint: Any, defs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The schema of a field's type hint."""
    if hint in _SCALARS:
        return dict(_SCALARS[hint])
    if hint is Decimal:
        return copy.deepcopy(_DECIMAL)
    if hint is date:
        return dict(_DATE)
    if hint is OriginCriterion:
        return dict(_ORIGIN_CRITERION)
    if hint is CorrelationTable:
        # A correlation table is too large for a context document: Python and the CLI (--hs-table) give it.
        return {"type": "null"}
    if hint is PsrTable:
        # A product-rule table is written in its own roo.psr/1 form, which PsrTableData describes.
        return _type_schema(PsrTableData, defs)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if isinstance(hint, type) and attrs.has(hint):
        if hint.__name__ not in defs:
            _class_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _union([_type_schema(arg, defs) for arg in get_args(hint)])
    if origin is tuple:
        (element, *_) = get_args(hint) or (Any,)
        return {"type": "array", "items": _type_schema(element, defs)} if element is not Any else {"type": "array"}
    if hint is FrozenMap or origin is FrozenMap:
        args = get_args(hint)
        values = _type_schema(args[0], defs) if args else {}
        return {"type": "object", "additionalProperties": values} if values else {"type": "object"}
    raise TypeError(f"no JSON Schema for the type {hint!r}")  # pragma: no cover - a new type needs a rule here


def _union(members: list[dict[str, Any]]) -> dict[str, Any]:
    """``anyOf`` the members, flattened, without branches another branch already admits.

    A bare ``{"type": "string"}`` admits every constrained string (a decimal
    or date pattern), and ``{"type": "number"}`` every integer.
    """
    described: list[dict[str, Any]] = []
    description: str | None = None
    branches: list[dict[str, Any]] = []
    for member in members:
        if "anyOf" in member:
            if "description" in member and description is None:
                description, described = member["description"], member["anyOf"]
            candidates = member["anyOf"]
        else:
            candidates = [member]
        for branch in candidates:
            if branch not in branches:
                branches.append(branch)
    bare = {b["type"] for b in branches if set(b) == {"type"}}
    if "number" in bare:
        bare.add("integer")

    def subsumed(branch: dict[str, Any]) -> bool:
        if branch == {"type": "integer"}:
            return "number" in bare
        return set(branch) != {"type"} and branch.get("type") in bare

    kept = [b for b in branches if not subsumed(b)]
    if len(kept) == 1:
        return kept[0]
    schema: dict[str, Any] = {"anyOf": kept}
    if description is not None and all(b in described or b == {"type": "null"} for b in kept):
        schema["description"] = description  # e.g. "a decimal number" for ``Decimal | None``
    return schema
