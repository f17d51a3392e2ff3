"""roo against pydantic v2: JSON text to an evaluation, and each stage alone.

Documents: the clean AJCEP certificate of ``tests/builders.py`` with 2, 50
and 500 varied items (see :mod:`benchmarks.documents`). The reference is
``Certificate.model_validate_json(text)`` of the same text into the
equivalent pydantic model (:mod:`benchmarks.reference`), timed in the same
run; the terminal summary prints roo / pydantic.

Run: ``pytest benchmarks`` (timed, with the ratio table at the end), or
``pytest benchmarks --benchmark-disable -q`` (quick: each function once, as CI does).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import roo
from benchmarks import documents, reference
from benchmarks.conftest import TIMES, record

SIZES = pytest.mark.parametrize("size", documents.SIZES, ids=[f"{n}-items" for n in documents.SIZES])


def text_to_evaluation(text: str) -> roo.Evaluation:
    """roo's public path from JSON text to an evaluation."""
    return roo.evaluate(roo.loads(text), on=documents.ON)


def text_to_certificate(text: str) -> roo.Certificate:
    """roo's public path from JSON text to a certificate."""
    return roo.loads(text)


@SIZES
def test_roo_text_to_evaluation(benchmark: Any, texts: dict[int, str], size: int) -> None:
    """JSON text -> ``roo.Evaluation``: parse, load, evaluate against every AJCEP rule."""
    benchmark.group = f"text->evaluation {size:>3} items"
    evaluation = benchmark(text_to_evaluation, texts[size])
    record(benchmark, "roo:text->evaluation", f"{size} items")
    assert size == len(evaluation.items)
    assert roo.Status.REJECTED != evaluation.status


@SIZES
def test_pydantic_model_validate_json(benchmark: Any, texts: dict[int, str], size: int) -> None:
    """The reference: pydantic v2 ``model_validate_json`` of the same text into the equivalent model."""
    benchmark.group = f"text->evaluation {size:>3} items"
    model = benchmark(reference.Certificate.model_validate_json, texts[size])
    record(benchmark, "pydantic:model_validate_json", f"{size} items")
    assert size == len(model.items)


@SIZES
def test_roo_text_to_certificate(benchmark: Any, texts: dict[int, str], size: int) -> None:
    """JSON text -> ``roo.Certificate`` (``roo.loads``: the JSON parser, then ``roo.load``), no evaluation."""
    benchmark.group = f"load {size:>3} items"
    co = benchmark(text_to_certificate, texts[size])
    record(benchmark, "roo:text->certificate", f"{size} items")
    assert size == len(co.items)


@SIZES
def test_roo_load(benchmark: Any, texts: dict[int, str], size: int) -> None:
    """``roo.load`` alone, from data already parsed by ``json.loads``."""
    benchmark.group = f"load {size:>3} items"
    data = json.loads(texts[size], parse_float=Decimal)
    co = benchmark(roo.load, data)
    record(benchmark, "roo:load", f"{size} items")
    assert size == len(co.items)


@SIZES
def test_json_loads(benchmark: Any, texts: dict[int, str], size: int) -> None:
    """``json.loads`` alone: the share of roo's path that is the standard library's JSON parser."""
    benchmark.group = f"load {size:>3} items"
    data = benchmark(json.loads, texts[size], parse_float=Decimal)
    record(benchmark, "json.loads", f"{size} items")
    assert size == len(data["items"])


@SIZES
def test_roo_evaluate(benchmark: Any, texts: dict[int, str], size: int) -> None:
    """``roo.evaluate`` alone, of a loaded certificate."""
    benchmark.group = f"evaluate {size:>3} items"
    co = text_to_certificate(texts[size])
    evaluation = benchmark(roo.evaluate, co, on=documents.ON)
    record(benchmark, "roo:evaluate", f"{size} items")
    assert size == len(evaluation.items)


@SIZES
def test_roo_dump(benchmark: Any, texts: dict[int, str], size: int) -> None:
    """``roo.dump`` alone: a certificate to a JSON-ready dict."""
    benchmark.group = f"dump {size:>3} items"
    co = text_to_certificate(texts[size])
    data = benchmark(roo.dump, co)
    record(benchmark, "roo:dump", f"{size} items")
    assert json.loads(texts[size]) == data


@SIZES
def test_pydantic_model_dump(benchmark: Any, texts: dict[int, str], size: int) -> None:
    """The reference for ``dump``: pydantic ``model_dump(mode="json")`` of the equivalent model."""
    benchmark.group = f"dump {size:>3} items"
    model = reference.Certificate.model_validate_json(texts[size])
    data = benchmark(model.model_dump, mode="json", by_alias=True)
    record(benchmark, "pydantic:model_dump_json-mode", f"{size} items")
    assert size == len(data["items"])


def import_seconds(module: str) -> float:
    """Seconds ``import module`` takes in a fresh interpreter (measured inside it, without interpreter start)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(done.stdout)


@pytest.mark.parametrize("module", ["roo", "pydantic"])
def test_import_time(benchmark: Any, module: str) -> None:
    """``import roo`` (and ``import pydantic`` for scale) in a fresh interpreter, five times."""
    benchmark.group = "import"
    seen: list[float] = []
    run: Callable[[], None] = lambda: seen.append(import_seconds(module))  # noqa: E731
    benchmark.pedantic(run, rounds=5, iterations=1)
    if benchmark.enabled:
        TIMES[(f"import {module}", "-")] = min(seen)
    assert seen and all(seconds > 0 for seconds in seen)
