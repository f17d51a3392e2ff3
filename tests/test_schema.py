"""roo.json_schema() and roo.schema.context_schema(): generated from the model, and in step with the loader.

The schemas are checked with a small validator written here for the keywords
roo's schemas use (``validate``), so the test suite needs no JSON Schema
library; it refuses any other keyword, so a schema that grows a new keyword
fails here until the validator learns it.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import roo
from roo.context import Context
from roo.model.certificate import Certificate, Item, Scheme
from roo.schema import DIALECT, context_schema, json_schema
from tests.builders import CLEAN_CERTIFICATE, certificate_data, item_data

#: Keywords that only annotate.
ANNOTATIONS = frozenset({"$schema", "title", "description", "$defs"})
#: Keywords ``validate`` checks.
ASSERTIONS = frozenset(
    {
        "$ref",
        "type",
        "enum",
        "pattern",
        "format",
        "minimum",
        "minItems",
        "properties",
        "required",
        "additionalProperties",
        "propertyNames",
        "items",
        "anyOf",
    }
)


def _is_type(value: Any, kind: str) -> bool:
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    raise AssertionError(f"unknown type {kind!r}")


def validate(value: Any, schema: dict[str, Any], root: dict[str, Any] | None = None, path: str = "$") -> list[str]:
    """The JSON paths at which ``value`` breaks ``schema`` (draft 2020-12, the keywords roo uses)."""
    root = schema if root is None else root
    unknown = set(schema) - ANNOTATIONS - ASSERTIONS
    assert not unknown, f"validate() does not know {sorted(unknown)}"
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        errors = validate(value, root["$defs"][name], root, path)
        if errors:
            return errors
    if "anyOf" in schema:
        if all(validate(value, branch, root, path) for branch in schema["anyOf"]):
            return [f"{path}: matches no branch of anyOf"]
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is_type(value, kind) for kind in kinds):
            return [f"{path}: not of type {schema['type']}"]
    errors: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: not one of {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{path}: does not match {schema['pattern']}")
        if schema.get("format") == "date":
            try:
                date.fromisoformat(value)
            except ValueError:
                errors.append(f"{path}: not a date")
    if "minimum" in schema and _is_type(value, "number") and value < schema["minimum"]:
        errors.append(f"{path}: below {schema['minimum']}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        if "items" in schema:
            for index, element in enumerate(value):
                errors.extend(validate(element, schema["items"], root, f"{path}[{index}]"))
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", ()):
            if name not in value:
                errors.append(f"{path}.{name}: required")
        for key, element in value.items():
            where = f"{path}.{key}"
            if "propertyNames" in schema:
                errors.extend(validate(key, schema["propertyNames"], root, where))
            if key in properties:
                errors.extend(validate(element, properties[key], root, where))
            elif schema.get("additionalProperties") is False:
                errors.append(f"{where}: not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors.extend(validate(element, schema["additionalProperties"], root, where))
    return errors


def _objects(schema: Any) -> Iterator[dict[str, Any]]:
    """Every object schema nested in ``schema``."""
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            yield schema
        for value in schema.values():
            yield from _objects(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _objects(value)


def _loads(data: Any) -> bool:
    try:
        roo.load(data)
    except roo.InvalidCertificate:
        return False
    return True


def test_schema_is_a_draft_2020_12_document() -> None:
    """The certificate schema names its dialect and title, and is plain JSON."""
    schema = roo.json_schema()
    assert DIALECT == schema["$schema"]
    assert "object" == schema["type"]
    assert schema == json.loads(json.dumps(schema))


def test_json_schema_is_exported() -> None:
    """roo.json_schema is the generator of roo.schema, part of the public contract."""
    assert roo.schema.json_schema is roo.json_schema
    assert "json_schema" in roo.__all__


def test_each_call_returns_a_fresh_copy() -> None:
    """Changing a returned schema does not change the next one."""
    schema = roo.json_schema()
    schema["properties"].clear()
    assert roo.json_schema()["properties"]


@pytest.mark.parametrize(
    "cls, where",
    [(Certificate, lambda s: s), (Item, lambda s: s["$defs"]["Item"])],
    ids=["certificate", "item"],
)
def test_required_are_the_fields_without_default(cls: type[Any], where: Any) -> None:
    """A field is required exactly when the model gives it no default."""
    expected = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
    assert expected == where(roo.json_schema())["required"]


def test_properties_are_the_model_fields() -> None:
    """Every field of every class appears, in field order, and nothing else does."""
    schema = roo.json_schema()
    assert [f.name for f in attrs.fields(Certificate)] == list(schema["properties"])
    assert [f.name for f in attrs.fields(Item)] == list(schema["$defs"]["Item"]["properties"])


def test_every_object_forbids_unknown_keys() -> None:
    """additionalProperties is false on every class, as the loader refuses unknown fields."""
    for schema in (json_schema(), context_schema()):
        for node in _objects(schema):
            if "properties" in node:
                assert node["additionalProperties"] is False, node["description"]


def test_enums_list_their_values() -> None:
    """Scheme, medium, copy, HS edition and alteration method list their accepted values."""
    schema = roo.json_schema()
    assert [s.value for s in Scheme] == schema["properties"]["scheme"]["enum"]
    assert ["paper", "electronic"] == schema["properties"]["medium"]["enum"]
    assert {"type": "null"} in schema["properties"]["copy"]["anyOf"]
    assert ["strike_out", "erasure", "superimposition"] == schema["$defs"]["Alteration"]["properties"]["method"]["enum"]


def test_decimals_dates_tuples_and_box_8() -> None:
    """Amounts are decimal strings or numbers, dates ISO strings, tuples arrays, box 8 any string."""
    schema = roo.json_schema()
    amount = schema["$defs"]["Money"]["properties"]["amount"]
    assert ["string", "number"] == [branch["type"] for branch in amount["anyOf"]]
    assert {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"} == schema["properties"]["issue_date"]
    assert {"type": "array", "items": {"$ref": "#/$defs/Item"}, "minItems": 1} == schema["properties"]["items"]
    assert "string" == schema["$defs"]["Item"]["properties"]["origin_criterion"]["type"]


def test_context_schema_has_every_field_optional() -> None:
    """Every context field is optional; related certificates use the certificate schema."""
    schema = context_schema()
    assert "required" not in schema
    assert [f.name for f in attrs.fields(Context)] == list(schema["properties"])
    assert {"type": "array", "items": {"$ref": "#/$defs/Certificate"}} == schema["properties"]["related_certificates"]
    assert ["number", "string", "boolean", "null", "array"] == [
        branch["type"] for branch in schema["properties"]["parameters"]["additionalProperties"]["anyOf"]
    ]


def test_clean_certificate_and_context_validate() -> None:
    """The clean test certificate, its dump, and a full context are valid."""
    schema = roo.json_schema()
    assert [] == validate(CLEAN_CERTIFICATE, schema)
    assert [] == validate(json.loads(json.dumps(roo.dump(roo.load(CLEAN_CERTIFICATE)))), schema)
    ctx = {
        "on": "2024-03-20",
        "customs_value": {"amount": "5000000", "currency": "JPY"},
        "exchange_rates": {"USD/JPY": "150.25"},
        "declaration": {"items": [{"certificate_item": 1, "hs_code": "030617"}]},
        "related_certificates": [CLEAN_CERTIFICATE],
        "consignment": {"direct": True, "transit": []},
        "parameters": {"ajcep.waiver.japan.customs_value": "250000"},
    }
    assert [] == validate(ctx, context_schema())
    roo.load_context(ctx)


@pytest.mark.parametrize(
    "changes, path",
    [
        ({"issue_date": "05/03/2024"}, "$.issue_date"),
        ({"issue_date": "2024-13-45"}, "$.issue_date"),
        ({"scheme": "CPTPP"}, "$.scheme"),
        ({"exporting_party": "Indonesia"}, "$.exporting_party"),
        ({"items": []}, "$.items"),
        ({"items": [item_data(0)]}, "$.items[0].number"),
        ({"items": [item_data(1, fob_value={"amount": "1", "currency": "usd"})]}, "$.items[0].fob_value"),
        ({"items": [item_data(1, quantity={"value": "four", "unit": "KGM"})]}, "$.items[0].quantity"),
        ({"third_country_invoicing": "yes"}, "$.third_country_invoicing"),
        ({"colour": "blue"}, "$.colour"),
    ],
    ids=[
        "date not ISO",
        "date impossible",
        "unknown scheme",
        "party not an ISO code",
        "no items",
        "item numbered 0",
        "currency not ISO",
        "quantity not a number",
        "tick box not a boolean",
        "unknown field",
    ],
)
def test_schema_and_loader_refuse_the_same_faults(changes: dict[str, Any], path: str) -> None:
    """Each fault is refused by the schema at its path, and by roo.load."""
    data = certificate_data(**changes)
    errors = validate(data, roo.json_schema())
    assert [e for e in errors if e.startswith(path)], errors
    assert not _loads(data)


def test_missing_required_field_is_refused() -> None:
    """Without issue_date the schema and the loader both refuse the certificate."""
    data = certificate_data()
    del data["issue_date"]
    assert ["$.issue_date: required"] == validate(data, roo.json_schema())
    assert not _loads(data)


#: Values to put anywhere in a certificate: each JSON type, and strings of each special kind.
REPLACEMENTS = (
    None,
    True,
    0,
    7,
    Decimal("1.5"),
    "",
    "x",
    "ID",
    "USD",
    "12.50",
    "2024-02-29",
    "2023-02-29",
    "AJCEP",
    "paper",
    "original",
    "HS2017",
    "erasure",
    [],
    {},
    {"name": "PT Samudra Jaya"},
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


_CLEAN_PATHS = [path for path in _paths(CLEAN_CERTIFICATE) if path]


@given(st.sampled_from(_CLEAN_PATHS), st.sampled_from(REPLACEMENTS))
def test_schema_accepts_exactly_what_the_loader_accepts(path: tuple[Any, ...], replacement: Any) -> None:
    """Replacing any one value of a clean certificate: valid for the schema if and only if roo.load accepts it."""
    data = copy.deepcopy(CLEAN_CERTIFICATE)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = copy.deepcopy(replacement)
    assert _loads(data) == (validate(data, roo.json_schema()) == [])


def test_generated_certificates_validate() -> None:
    """Every certificate roo's own Hypothesis strategy makes, dumped to JSON, is valid for the schema."""
    strategies = pytest.importorskip("roo.strategies")
    schema = roo.json_schema()

    @given(strategies.certificate_data())
    def check(data: dict[str, Any]) -> None:
        assert [] == validate(json.loads(json.dumps(data)), schema)

    check()
