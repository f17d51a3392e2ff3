"""An immutable, hashable, picklable mapping (internal, not part of the public API).

``types.MappingProxyType`` cannot be pickled and a plain ``dict`` can be
mutated, so frozen value objects that need a mapping (facts of a finding,
exchange rates, parameter overrides) hold a ``FrozenMap`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar, final

V = TypeVar("V")


@final
class FrozenMap(Mapping[str, V], Generic[V]):
    """A read-only ``Mapping[str, V]`` that keeps insertion order."""

    __slots__ = ("_data", "_hash")

    _data: dict[str, V]
    _hash: int | None

    def __init__(self, data: Mapping[str, V] | None = None) -> None:
        object.__setattr__(self, "_data", dict(data) if data else {})
        object.__setattr__(self, "_hash", None)

    def __getitem__(self, key: str) -> V:
        return self._data[key]

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
