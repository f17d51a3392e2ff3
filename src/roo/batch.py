"""Evaluating a partition of certificates, as cluster engines hand them out: JSON lines in, JSON lines out.

Dask's ``Bag.map_partitions`` and Spark's ``RDD.mapPartitions`` call a
function with an iterable of input lines and expect an iterable of results.
:func:`evaluate_partition` is that function for roo: each line is a
certificate or a case (``{"certificate": ..., "context": ...}``) in JSON, as
``roo evaluate --jsonl`` reads them, and each result is one line of JSON:
``Evaluation.to_dict()``, or ``{"error": {"message": ..., "problems": [...]}}``
for a line that cannot be read. A bad line never stops the partition.

Everything it needs is picklable and it is pure, so a worker process or a
Spark executor computes exactly what :func:`roo.evaluate_many` computes in
one process; docs/integration.md shows the cluster code its tests run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ._json import JsonTextError, decode
from .api import evaluate
from .case import CaseError, read_case_data, read_case_text
from .context import Context
from .errors import Problem

__all__ = ["evaluate_partition"]


def evaluate_partition(
    lines: Iterable[str | bytes], ctx: Context | None = None, *, locale: str | None = None
) -> Iterator[str]:
    """One JSON result for each JSON line of ``lines``, lazily and in order (blank lines are skipped).

    ``ctx``, when given, is the context of every line and replaces a case's own (as ``roo evaluate
    --context`` does); without it, a case is evaluated with its own context and a bare certificate with an
    empty one. ``locale`` renders the messages as :func:`roo.evaluate` does.

    >>> [json.loads(result)["error"]["message"] for result in evaluate_partition(["{not json", "", "[]"])]
    ['not valid JSON', 'invalid certificate']
    """
    for line in lines:
        if not line.strip():
            continue
        yield _result(line, ctx, locale)


def _result(line: str | bytes, ctx: Context | None, locale: str | None) -> str:
    try:
        use_context = ctx is None
        co, own = read_case_text(line, use_context=use_context) or read_case_data(
            decode(line, lines=False), use_context=use_context
        )
    except JsonTextError as error:
        return json_line({"error": error_dict(error.what, [error.problem])})
    except CaseError as error:
        return json_line({"error": error_dict(error.what, error.problems)})
    return json_line(evaluate(co, ctx or own or Context(), locale=locale).to_dict())


def error_dict(what: str, problems: Iterable[Problem | str]) -> dict[str, Any]:
    """The ``"error"`` member of a result for an input that cannot be read (here, in streams and in batches)."""
    listed = [
        {"path": problem.path, "message": problem.message} if isinstance(problem, Problem) else {"path": "$", "message": problem}
        for problem in problems
    ]
    return {"message": what, "problems": listed}


def json_line(data: Any) -> str:
    """``data`` as one compact line of JSON, non-ASCII text kept as it is."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
