"""``roo.batch.evaluate_partition`` on plain partitions, on a Dask cluster and on Spark in local mode.

Each run is compared with :func:`roo.evaluate_many` over the same input in
this process: a cluster must compute exactly what one process computes. The
Dask and Spark tests need the ``cluster`` extra (``pip install -e
'.[cluster]'``; Spark also needs Java) and skip with the reason otherwise;
CI installs the extra and runs them. docs/integration.md shows this code.
"""

from __future__ import annotations

import functools
import json
import pickle
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

import roo
from roo.batch import evaluate_partition
from tests.test_examples import EXAMPLES, EXPECTED


def cases() -> list[dict[str, Any]]:
    """Every well-formed example case."""
    return [
        json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        for name in sorted(EXPECTED)
        if EXPECTED[name].status is not None
    ]


#: A partition's lines: every example certificate, one malformed line, and the examples as cases.
LINES: list[str] = [
    *(json.dumps(case["certificate"]) for case in cases()),
    "{not json",
    *(json.dumps(case) for case in cases()),
]
ON = date(2024, 12, 2)


def expected(ctx: roo.Context | None = None) -> list[dict[str, Any]]:
    """What one process computes for :data:`LINES`: ``evaluate_many``, certificate by certificate."""
    results: list[dict[str, Any]] = []
    for line in LINES:
        try:
            data = json.loads(line)
        except ValueError:
            results.append({"error": "not valid JSON"})
            continue
        co, own = roo.load_case(data)
        (evaluation,) = roo.evaluate_many([co], ctx or own)
        results.append(evaluation.to_dict())
    return results


def comparable(results: list[str]) -> list[dict[str, Any]]:
    """Results parsed, an error reduced to its message."""
    parsed = [json.loads(result) for result in results]
    return [{"error": result["error"]["message"]} if "error" in result else result for result in parsed]


def test_a_partition_gives_what_evaluate_many_gives() -> None:
    """Cases with their own context, bare certificates with an empty one, a bad line as an error result."""
    assert expected() == comparable(list(evaluate_partition(LINES)))


def test_a_shared_context_replaces_each_case_s_own() -> None:
    """As ``roo evaluate --context``: the context given is every line's."""
    ctx = roo.Context(on=ON)
    assert expected(ctx) == comparable(list(evaluate_partition(LINES, ctx)))


def test_lines_as_bytes_and_blank_lines() -> None:
    """Engines hand out bytes or text; a blank line (a file's last newline) gives no result."""
    as_bytes = [line.encode() for line in LINES[:3]] + [b"", b"\n"]
    assert comparable(list(evaluate_partition(LINES[:3]))) == comparable(list(evaluate_partition(as_bytes)))


def test_partitions_are_lazy() -> None:
    """Nothing is read ahead: the first result comes before the second line is read."""
    read: list[int] = []

    def lines() -> Iterator[str]:
        for number, line in enumerate(LINES):
            read.append(number)
            yield line

    results = evaluate_partition(lines())
    next(results)
    assert [0] == read


def test_a_partition_in_japanese() -> None:
    """``locale`` renders the messages as ``roo.evaluate`` does."""
    co, ctx = roo.load_case(cases()[0])
    (result,) = evaluate_partition([LINES[0]], ctx, locale="ja")
    assert roo.evaluate(co, ctx, locale="ja").to_dict() == json.loads(result)


def test_dask_local_cluster() -> None:
    """``Bag.map_partitions`` on a ``distributed.LocalCluster`` gives ``evaluate_many``'s results, in order.

    The workers run in threads of this process (worker processes cannot be spawned in every sandbox CI runs
    in); the function they run is the one a worker process would receive, having been through pickle.
    """
    pytest.importorskip("dask.bag", reason="needs the cluster extra: pip install -e '.[cluster]'")
    distributed = pytest.importorskip("distributed", reason="needs the cluster extra: pip install -e '.[cluster]'")
    import dask.bag as db

    ctx = roo.Context(on=ON)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        bag = db.from_sequence(LINES, npartitions=3)
        shipped = pickle.loads(pickle.dumps(functools.partial(evaluate_partition, ctx=ctx)))
        results = bag.map_partitions(shipped).compute()
    assert expected(ctx) == comparable(list(results))


def test_spark_local_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """``RDD.mapPartitions`` on Spark in local mode, the context broadcast, gives ``evaluate_many``'s results."""
    pytest.importorskip("pyspark", reason="needs the cluster extra: pip install -e '.[cluster]'")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    from pyspark.sql import SparkSession

    # Spark's Python workers run this interpreter, where roo is installed (by default they run `python3`).
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)

    spark = SparkSession.builder.master("local[2]").appName("roo-test").config("spark.ui.enabled", "false").getOrCreate()
    try:
        shared = spark.sparkContext.broadcast(roo.Context(on=ON))

        def partition(lines: Iterator[str]) -> Iterator[str]:
            return evaluate_partition(lines, shared.value)

        results = spark.sparkContext.parallelize(LINES, 3).mapPartitions(partition).collect()
    finally:
        spark.stop()
    assert expected(roo.Context(on=ON)) == comparable(results)
