"""An immutable, hashable, picklable mapping (internal, not part of the public API).

``types.MappingProxyType`` cannot be pickled and a plain ``dict`` can be
mutated, so frozen value objects that need a mapping (facts of a finding,
exchange rates, parameter overrides) hold a ``FrozenMap`` instead.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping
from typing import Any, Generic, TypeVar, final, overload

V = TypeVar("V")
T = TypeVar("T")


@final
class FrozenMap(Mapping[str, V], Generic[V]):
    """A read-only ``Mapping[str, V]`` that keeps insertion order."""

    __slots__ = ("_data", "_hash")

    _data: dict[str, V]
    _hash: int | None

    def __init__(self, data: Mapping[str, V] | None = None) -> None:
        object.__setattr__(self, "_data", dict(data) if data else {})
        object.__setattr__(self, "_hash", None)

    @classmethod
    def adopt(cls, data: dict[str, V]) -> FrozenMap[V]:
        """A map of ``data`` itself, not a copy: for a dict that nothing else holds (a call's ``**kwargs``)."""
        frozen: FrozenMap[V] = object.__new__(cls)
        object.__setattr__(frozen, "_data", data)
        object.__setattr__(frozen, "_hash", None)
        return frozen

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    # The Mapping mixins would go through __getitem__ and KeyError; rules ask these on every item.
    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __bool__(self) -> bool:
        return bool(self._data)

    @overload
    def get(self, key: str, /) -> V | None: ...

    @overload
    def get(self, key: str, /, default: V | T) -> V | T: ...

    def get(self, key: str, /, default: object = None) -> object:
        """The value of ``key``, or ``default``."""
        return self._data.get(key, default)

    def items(self) -> ItemsView[str, V]:
        """A read-only view of the pairs."""
        return self._data.items()

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("FrozenMap is immutable")

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(_hashable(self._data).items())))
        assert self._hash is not None
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))

    def to_dict(self) -> dict[str, V]:
        """A fresh, mutable copy."""
        return dict(self._data)


def _hashable(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items()}


EMPTY: FrozenMap[Any] = FrozenMap()


def freeze(data: Mapping[str, V] | None) -> FrozenMap[V]:
    """``data`` as a ``FrozenMap``; one that already is is kept as it is (an attrs converter, so cheap)."""
    return data if isinstance(data, FrozenMap) else FrozenMap(data)
