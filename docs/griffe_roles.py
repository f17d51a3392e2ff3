"""Griffe extension for the API reference: Sphinx roles and doctests in docstrings rendered as code.

roo's docstrings name other objects the way Python's own documentation does
(``:func:`roo.evaluate```, ``:class:`Certificate```), which reads well in
``help()`` and in editors. mkdocstrings renders Markdown, where such a role
would show as literal text; this extension turns each role into inline code
(``roo.evaluate``) before the docstring is rendered. A leading ``~`` (show
the last name only) is honoured. A doctest (``>>>`` lines and their output)
becomes a fenced ``pycon`` block, as it reads in a terminal.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:func|meth|class|mod|data|attr|exc|obj|const):`~?([^`]+)`")


def _code(match: re.Match[str]) -> str:
    target = match.group(1)
    shown = target.rsplit(".", 1)[-1] if match.group(0).split("`", 1)[1].startswith("~") else target
    return f"`{shown}`"


def _fence_doctests(text: str) -> str:
    """Each run of doctest lines (a ``>>>`` line, its ``...`` continuations and its output) in a fence."""
    out: list[str] = []
    in_doctest = False
    for line in text.splitlines():
        starts = line.lstrip().startswith(">>>")
        if starts and not in_doctest:
            out.append("```pycon")
            in_doctest = True
        elif in_doctest and not line.strip():
            out.append("```")
            in_doctest = False
        out.append(line)
    if in_doctest:
        out.append("```")
    return "\n".join(out)


class SphinxRoles(griffe.Extension):
    """Rewrite ``:role:`target``` into ```target``` and fence doctests, in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _fence_doctests(_ROLE.sub(_code, obj.docstring.value))
