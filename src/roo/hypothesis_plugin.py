"""roo's Hypothesis plug-in: the hook Hypothesis runs through the package's ``hypothesis`` entry point.

Hypothesis imports this module and calls :func:`_hypothesis_setup_hook` when it is first imported, in every
process where roo is installed. The hook registers a function for each of roo's types, not a strategy: Hypothesis
calls it only when a test asks for the type (``st.from_type(roo.Certificate)``, or ``@given`` with an inferred
type), and only then is :mod:`roo.strategies` imported. So a test run that never asks for a roo type never loads
the strategies, and this module imports nothing of Hypothesis until the hook runs.

Registered: :func:`roo.strategies.certificates` for :class:`roo.Certificate`, :func:`roo.strategies.contexts`
for :class:`roo.Context`, :func:`roo.strategies.goods` for :class:`roo.origin.Good` and
:func:`roo.strategies.materials` for :class:`roo.origin.Material`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _certificates(_: type[Any]) -> SearchStrategy[Any]:
    from .strategies import certificates

    return certificates()


def _contexts(_: type[Any]) -> SearchStrategy[Any]:
    from .strategies import contexts

    return contexts()


def _goods(_: type[Any]) -> SearchStrategy[Any]:
    from .strategies import goods

    return goods()


def _materials(_: type[Any]) -> SearchStrategy[Any]:
    from .strategies import materials

    return materials()


def _hypothesis_setup_hook() -> None:
    """Register roo's strategies for roo's types, to be resolved when a test first asks for one of them."""
    from hypothesis import strategies as st

    from .context import Context
    from .model.certificate import Certificate
    from .origin.model import Good, Material

    st.register_type_strategy(Certificate, _certificates)
    st.register_type_strategy(Context, _contexts)
    st.register_type_strategy(Good, _goods)
    st.register_type_strategy(Material, _materials)
