"""The codec's fast path agrees with its detailed converter on every input.

``roo.load`` first runs a converter generated for speed (``codec.FAST``) and
only when that fails the detailed one (``codec.DETAILED``) that lists every
problem. The fast path must therefore accept exactly what the detailed
converter accepts and build an equal value; these tests compare the two on
valid documents, on documents damaged at random paths, and on the values the
fast path tests inline (decimal and date strings, enum values, exact types).
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import roo
from roo import codec
from roo.codec.checks import FIELD_TEST_NAMES, FIELD_TESTS, check_certificate, numbered_once
from roo.context import Context
from roo.model import Certificate, OriginCriterion, certificate, money
from roo.strategies import certificate_data, contexts
from tests.builders import certificate_data as clean_certificate_data
from tests.builders import item_data

#: Values chosen to sit on the edges of the fast path's inline tests.
TRICKY_VALUES: list[object] = (
    [
        "52000.00", ".5", "7.", ".", "", " 1", "1 ", "+1", "-1", "1e5", "1E-3", "1_000", "1..2", "١٢٣", "٣.٥",
        "²", "NaN", "Infinity", "-inf", "0x10",
        "1" + "0" * 30, "1" + "0" * 31, "9" * 31, "9" * 32, "." + "0" * 29 + "1", "." + "0" * 30 + "1",
        "0." + "0" * 29 + "1", "0." + "0" * 30 + "1", "1e30", "1e31", "1E-30", "1E-31", "0" * 40,
        "2024-03-05", "2024-02-29", "2023-02-29", "2024-13-45", "20240305", "2024-W10-2", " 2024-03-05",
        "2024-03-05T00:00", "٢٠٢٤-٠٣-٠٥", "0001-01-01", "9999-12-31", "0000-01-01",
        " 024-03-05", "+024-03-05", "2024-03-5 ", "2024-0١-05", "2024-W10-2",
        " 52000.00", "52000.00\n", "-0", "+0.0", "sNaN", "-Infinity", "1E+30", "-1E-30", "9.99E+30", "0E+31", "0e-70",
        "1." + "0" * 40, "0." + "0" * 40 + "1",
        "AJCEP", "ajcep", "JIEPA", "paper", "original", "HS2017", "strike_out",
        "WO", "CTH, DMI", "RVC 40%", "???",
        0, 1, -1, True, False, 1.5, float("nan"), float("inf"), Decimal("1.5"), Decimal("NaN"), 10**30,
        10**31, -(10**31), Decimal("-0"), Decimal("1E-31"), Decimal("0E+40"), Decimal("sNaN"), Decimal("-Infinity"),
        None, [], {}, ["ID"], {"value": "1", "unit": "KGM"}, {"amount": "1", "currency": "USD", "x": 1},
    ]
)  # fmt: skip
TRICKY = st.sampled_from(TRICKY_VALUES)

JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) | TRICKY,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=10,
)


def _paths(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON tree (keys and indices), the root excluded."""
    found: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        found.append((*prefix, key))
        found.extend(_paths(inner, (*prefix, key)))
    return found


def _damage(data: st.DataObject, document: Any) -> Any:
    """``document`` with one to three values replaced, deleted or given an unknown sibling key."""
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="damages")):
        paths = _paths(document)
        if not paths:
            break
        path = data.draw(st.sampled_from(paths), label="path")
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "add-key"]), label="action")
        if action == "replace":
            parent[path[-1]] = data.draw(JSON_LIKE, label="value")
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.text(max_size=6), label="key")] = None
    return document


def _dicts(value: object) -> list[dict[str, Any]]:
    """Every JSON object in a JSON tree, the root included."""
    found: list[dict[str, Any]] = [value] if isinstance(value, dict) else []
    inner = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    for child in inner:
        found.extend(_dicts(child))
    return found


def _outcome(converter: Any, document: object, cls: type[Any]) -> tuple[str, object]:
    """``("ok", value)`` or ``("refused", None)``: what ``converter`` makes of ``document``."""
    try:
        return ("ok", converter.structure(document, cls))
    except Exception:  # noqa: BLE001 - any refusal counts, whatever its type
        return ("refused", None)


def assert_paths_agree(document: object, cls: type[Any]) -> None:
    """The fast and the detailed converter both accept ``document`` with equal values, or both refuse it."""
    assert _outcome(codec.DETAILED, document, cls) == _outcome(codec.FAST, document, cls)


@given(certificate_data())
def test_valid_certificates_agree(document: dict[str, Any]) -> None:
    """Valid certificate data gives the same certificate on both paths."""
    assert _outcome(codec.DETAILED, document, Certificate)[0] == "ok"
    assert_paths_agree(document, Certificate)


@given(st.data())
def test_damaged_certificates_agree(data: st.DataObject) -> None:
    """Certificate data damaged at random paths is accepted by both paths alike, or refused by both."""
    assert_paths_agree(_damage(data, data.draw(certificate_data(), label="certificate")), Certificate)


@given(st.data())
def test_damaged_contexts_agree(data: st.DataObject) -> None:
    """Context data (related certificates, rates, parameters) damaged at random paths: both paths agree."""
    document = codec.unstructure(data.draw(contexts(), label="context"))
    assert_paths_agree(_damage(data, document), Context)


@given(st.data(), TRICKY)
def test_every_leaf_of_a_certificate_with_a_tricky_value(data: st.DataObject, value: object) -> None:
    """Any single value of certificate data replaced by an edge-case value: both paths agree."""
    document = data.draw(certificate_data(), label="certificate")
    path = data.draw(st.sampled_from(_paths(document)), label="path")
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    assert_paths_agree(document, Certificate)


def test_every_leaf_of_a_clean_certificate_with_every_tricky_value() -> None:
    """Each value of a clean two-item certificate replaced, in turn, by each edge-case value: both paths agree."""
    document = clean_certificate_data(
        items=[item_data(1), item_data(2, hs_version=None, origin_criterion="RVC 40%, ACU")],
        alterations=[{"box": 5, "method": "strike_out"}],
        transport={"departure_date": "2024-03-04", "transit_countries": ["SG"]},
    )
    for path in _paths(document):
        for value in TRICKY_VALUES:
            damaged = copy.deepcopy(document)
            parent = damaged
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = value
            assert _outcome(codec.DETAILED, damaged, Certificate) == _outcome(codec.FAST, damaged, Certificate), (
                path,
                value,
            )


def _full_document() -> dict[str, Any]:
    """A clean two-item certificate as ``roo.dump`` writes it: every object has every field of its class."""
    document = clean_certificate_data(
        items=[item_data(1), item_data(2, hs_version=None, origin_criterion="RVC 40%, ACU")],
        alterations=[{"box": 5, "method": "strike_out"}],
        transport={"departure_date": "2024-03-04", "transit_countries": ["SG"]},
        producer={"name": "PT Laut Biru", "country": "ID"},
    )
    full: dict[str, Any] = roo.dump(roo.load(document))
    return full


def test_an_unknown_key_in_place_of_a_field_is_refused_by_both_paths() -> None:
    """An object with as many keys as its class has fields, one of them unknown instead of a field: both refuse it."""
    for index, obj in enumerate(_dicts(_full_document())):
        for key in list(obj):
            document = _full_document()
            damaged = _dicts(document)[index]
            del damaged[key]
            damaged["unknown"] = None
            assert _outcome(codec.FAST, document, Certificate) == ("refused", None), key
            assert _outcome(codec.DETAILED, document, Certificate) == ("refused", None), key


def test_arrays_given_as_tuples_agree() -> None:
    """Python tuples where JSON has arrays (as a caller may pass them) take the converter's hook: both paths agree."""
    document = _full_document()
    document["items"] = tuple(document["items"])
    document["transport"]["transit_countries"] = ("SG", "MY")
    assert _outcome(codec.FAST, document, Certificate)[0] == "ok"
    assert_paths_agree(document, Certificate)


def test_the_fast_path_builds_instances_of_the_model_classes() -> None:
    """Every value object the fast path builds is of a model class itself, equal to and hashed as ``__init__``'s."""
    model_classes = {cls for module in (certificate, money) for cls in vars(module).values() if attrs.has(cls)}
    found: list[Any] = []

    def walk(value: Any) -> None:
        if attrs.has(type(value)) and not isinstance(value, OriginCriterion):  # box 8 is parsed, not structured
            found.append(value)
            for field in attrs.fields(type(value)):
                walk(getattr(value, field.name))
        elif isinstance(value, tuple):
            for element in value:
                walk(element)

    walk(codec.FAST.structure(_full_document(), Certificate))
    assert {type(value).__name__ for value in found} >= {"Certificate", "Item", "Quantity", "Money", "Invoice", "Party"}
    for value in found:
        cls: Any = type(value)
        assert cls in model_classes, cls
        rebuilt = cls(**{field.name: getattr(value, field.name) for field in attrs.fields(cls)})
        assert (rebuilt, hash(rebuilt), repr(rebuilt)) == (value, hash(value), repr(value))


def _keys_of(value: Any) -> int:
    """How many keys the objects of parsed JSON ``value`` hold, in all."""
    if isinstance(value, dict):
        return len(value) + sum(_keys_of(child) for child in value.values())
    if isinstance(value, list):
        return sum(_keys_of(child) for child in value)
    return 0


@given(certificate_data(), st.booleans())
def test_the_counting_function_structures_as_the_converter_and_counts_every_key(data: Any, plain: bool) -> None:
    """``FastStructure.counting`` gives what the converter's own function gives (or raises where it raises), and
    counts every key of a document it reads: a certificate holds no object another hook reads. The plain
    variant is given only printable ASCII documents."""
    from roo.codec.converters import FAST_GENERATOR

    if plain and not roo._json.plain(repr(data)):
        plain = False
    counting = FAST_GENERATOR.counting(Certificate, plain=plain)
    assert counting is not None
    try:
        expected = codec.FAST.structure(copy.deepcopy(data), Certificate)
    except Exception:  # noqa: BLE001 - the counting function must refuse it too
        try:
            counting(copy.deepcopy(data))
        except Exception:  # noqa: BLE001
            return
        raise AssertionError("the counting function read what the converter refuses") from None
    structured, keys, suspect = counting(copy.deepcopy(data))
    assert structured == expected
    assert keys == _keys_of(data)
    assert not suspect  # nothing watched
    # Watching check_certificate's field tests changes nothing of the structuring, and marks a certificate
    # suspect whenever check_certificate would find a problem in it.
    watching = FAST_GENERATOR.counting(Certificate, plain=plain, watched=FIELD_TESTS, watched_names=FIELD_TEST_NAMES)
    assert watching is not None
    watched, watched_keys, suspect = watching(copy.deepcopy(data))
    assert (watched, watched_keys) == (structured, keys)
    if check_certificate(watched):
        assert suspect or not numbered_once(watched)
