"""The two cattrs converters between roo's value objects and JSON-ready data (internal to :mod:`roo.codec`).

``FAST`` structures a valid document with generated code (:mod:`roo.codec.fast_path`) and stops at the first
problem; ``DETAILED`` runs only when that fails and collects every problem with its path
(:mod:`roo.codec.problems`). Both read single values with the hooks of :mod:`roo.codec.hooks` and refuse
unknown keys; both unstructure to JSON types only (a dict per attrs class, in field order).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final, get_args

import attrs
import cattrs

from .._frozen import FrozenMap
from .._json import show
from ..errors import MAX_PROBLEMS
from ..model.criterion import OriginCriterion
from .fast_path import FastStructure
from .hooks import (
    embeds_itself,
    enum_value,
    is_correlation_table,
    is_frozen_map,
    is_tuple,
    json_type,
    structure_bool,
    structure_correlation,
    structure_criterion,
    structure_date,
    structure_decimal,
    structure_embedded,
    structure_enum,
    structure_int,
    structure_override,
    structure_str,
    text_problem,
    unstructure_override,
)
from .problems import IndexNote, KeyNote, Omitted, problems_of


def _make_converter(detailed: bool, generator: list[FastStructure] | None = None) -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    converter.register_structure_hook(Decimal, structure_decimal)
    converter.register_structure_hook(date, structure_date)
    # Registered by class: cattrs dispatches str and int by class before any predicate, so a
    # predicate hook would never run and "no" would become True, 123 the string "123".
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook(OriginCriterion, structure_criterion)
    # Registered on the enum bases so that every enum (also those of roo.eco, roo.origin) gets
    # the clear message; StrEnum comes before str in a StrEnum's MRO, so this wins over the str hook.
    converter.register_structure_hook(enum.StrEnum, structure_enum)
    converter.register_structure_hook(enum.Enum, structure_enum)

    def tuple_hook(cls: Any) -> Callable[[object, object], tuple[Any, ...]]:
        (element, *_rest) = get_args(cls) or (Any,)
        inner = converter.get_structure_hook(element) if element is not Any else None

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"expected an array, got {json_type(value)}")
            if inner is None:
                return tuple(value)
            if not detailed:
                return tuple([inner(v, element) for v in value])
            out: list[Any] = []
            errors: list[Exception] = []
            omitted = 0
            for index, v in enumerate(value):
                try:
                    out.append(inner(v, element))
                except Exception as error:  # noqa: BLE001 - collected and re-raised as a group
                    if len(errors) >= MAX_PROBLEMS:  # counted, not kept: a million bad items stay cheap
                        omitted += len(problems_of(error))
                        continue
                    error.__notes__ = [*getattr(error, "__notes__", []), IndexNote(index)]
                    errors.append(error)
            if omitted:
                errors.append(Omitted(omitted))
            if errors:
                raise cattrs.IterableValidationError("While structuring an array", errors, cls)
            return tuple(out)

        return structure

    converter.register_structure_hook_factory(is_tuple, tuple_hook)

    def map_hook(cls: Any) -> Callable[[object, object], FrozenMap[Any]]:
        args = get_args(cls)
        value_type = args[0] if args else Any
        inner: Callable[[object, object], Any] = (
            structure_decimal if value_type is Decimal else structure_override
        )

        def structure(value: object, _: object) -> FrozenMap[Any]:
            if not isinstance(value, Mapping):
                raise ValueError(f"expected an object, got {json_type(value)}")
            out: dict[str, Any] = {}
            errors: list[Exception] = []
            for key, v in value.items():
                try:
                    if not isinstance(key, str):
                        raise ValueError(f"keys must be strings, got {show(key)}")
                    if (problem := text_problem(key)) is not None:
                        raise ValueError(f"the key: {problem}")
                    out[key] = inner(v, value_type)
                except Exception as error:  # noqa: BLE001 - collected and re-raised as a group
                    error.__notes__ = [*getattr(error, "__notes__", []), KeyNote(str(key))]
                    errors.append(error)
            if errors:
                raise cattrs.IterableValidationError("While structuring an object", errors, cls)
            return FrozenMap(out)

        return structure

    converter.register_structure_hook_factory(is_frozen_map, map_hook)

    def attrs_hook(cls: type[Any]) -> Callable[[object, object], Any]:
        generated = cattrs.gen.make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
        )

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, Mapping):
                raise ValueError(f"expected an object, got {json_type(value)}")
            return generated(value, cls)

        return structure

    if detailed:
        converter.register_structure_hook_factory(attrs.has, attrs_hook)
    else:
        fast = FastStructure(converter)
        converter.register_structure_hook_factory(attrs.has, fast)
        if generator is not None:
            generator.append(fast)
    # After the attrs factories, which it must take precedence over: an embedded table is an attrs class too.
    converter.register_structure_hook_func(embeds_itself, structure_embedded)
    # By predicate, so that the table's module loads only with a table: likewise after the attrs factories.
    converter.register_structure_hook_func(is_correlation_table, structure_correlation)

    # Unstructuring: JSON types only.
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(OriginCriterion, lambda c: c.text)
    converter.register_unstructure_hook_func(embeds_itself, lambda table: table.to_dict())
    converter.register_unstructure_hook_func(is_correlation_table, lambda _: None)  # not JSON: see structure_correlation
    # By class, StrEnum first: cattrs passes str (and so a StrEnum member) through by class before any
    # predicate, which would leave enum members, not plain strings, in the JSON-ready output.
    converter.register_unstructure_hook(enum.StrEnum, enum_value)
    converter.register_unstructure_hook(enum.Enum, enum_value)
    converter.register_unstructure_hook_factory(
        is_frozen_map, lambda _: lambda m: {k: unstructure_override(v) for k, v in m.items()}
    )

    def tuple_unhook(cls: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        (element, *_rest) = get_args(cls) or (Any,)
        inner = converter.get_unstructure_hook(element) if element is not Any else None
        if inner is None:
            return list
        return lambda t: [inner(v) for v in t]

    converter.register_unstructure_hook_factory(is_tuple, tuple_unhook)
    return converter


_GENERATOR: Final[list[FastStructure]] = []
FAST: Final = _make_converter(detailed=False, generator=_GENERATOR)
#: The code generator behind ``FAST``, which also writes its counting functions (``FastStructure.counting``).
FAST_GENERATOR: Final = _GENERATOR[0]
DETAILED: Final = _make_converter(detailed=True)
