"""roo's own fuzz target (issue 16, part 7): hostile documents through every reader and every writer.

Hypothesis builds well-formed certificates, contexts and goods (``roo.strategies``), damages them at random
paths with values chosen to break things (lone surrogates, control characters, digits of other scripts, huge
and negative numbers, deep nesting, repeated keys, a byte order mark, codes with a newline), and runs the
result through ``roo.loads``, ``roo.load_context``, ``roo.evaluate`` in each locale, ``roo.determine``, the
``roo.eco`` functions and every writer: ``to_dict`` as JSON, the text, Markdown and HTML reports, and the
stream's JSON Lines output. It requires that

* nothing raises but the documented input errors (each document's own subclass of ``roo.InvalidInput``), and
* every output is writable as UTF-8 JSON (or UTF-8 text, for the reports).

In CI it runs briefly, as a normal test. ``docs/testing.md`` says how to run it for an hour
(``ROO_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import roo
from roo.cli.evaluate import FORMATS, LineEvaluator, render_as
from roo.strategies import certificate_data, contexts, good_data

#: Every test here runs on both paths of JSON text: roo[fast]'s msgspec reader and the standard one.
pytestmark = pytest.mark.usefixtures("text_reader")

#: Examples per test: small in CI; raise it to fuzz for longer (docs/testing.md).
EXAMPLES = int(os.environ.get("ROO_FUZZ_EXAMPLES", "25"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

#: Values that broke roo before, or sit on the edge of what it reads.
HOSTILE_SCALARS: list[Any] = [
    "\ud800", "a\udfffb", "\x00", "\x1b[31mred\x1b[0m", "\x9b", "\r", "\u202e", "ID\n", "USD\n", "１２３", "٣",
    "-1", "0", "-150", "1e28", "1e30", "1e31", "-1e-31", "9" * 40, "0" * 100, "NaN", "Infinity", "", " ",
    "2024-02-29", "0001-01-01", "9999-12-31", "2024-13-45", "ZZZ", "XX", "Indonesia", "k" * 5000,
    "RVC 40%", "CTH" + " " * 2000 + "x", -1, 0, 10**27, 10**40, -(10**30), True, None, 1.5,
    Decimal("-0"), Decimal("1E-40"), [], {}, [[[[[]]]]], {"a": {"b": {"c": {}}}},
]  # fmt: skip

SCALARS = st.sampled_from(HOSTILE_SCALARS) | st.text(max_size=12) | st.integers() | st.booleans() | st.none()


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


VALUES = SCALARS | st.integers(min_value=50, max_value=400).map(_deep) | st.lists(SCALARS, max_size=3)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_paths(child, (*prefix, index)))
    return found


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return document


@st.composite
def damaged(draw: st.DrawFn, documents: st.SearchStrategy[Any]) -> Any:
    """A document from ``documents`` with up to three values replaced (or keys added) by hostile ones."""
    document = draw(documents)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        path = draw(st.sampled_from(_paths(document)))
        target = document
        for step in path:
            target = target[step]
        if isinstance(target, dict) and draw(st.booleans()):
            target[draw(st.sampled_from(["unknown", "k" * 300, "\ud800", *target.keys()] if target else ["x"]))] = draw(VALUES)
        else:
            document = _replace(document, path, draw(VALUES))
    return document


def _as_text(draw: st.DrawFn, data: Any) -> str | bytes:
    """``data`` as JSON text, sometimes with a key repeated, a byte order mark, or as UTF-8/16 bytes."""
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), default=str)
    if draw(st.booleans()) and text.startswith('{"'):
        key = text[1 : text.index('"', 2) + 1]
        text = "{" + key + ": false, " + text[1:]  # the first key, given twice
    if draw(st.booleans()):
        text = "\ufeff" + text
    encoding = draw(st.sampled_from([None, "utf-8", "utf-16"]))
    return text if encoding is None else text.encode(encoding, "surrogatepass")


def _writable(data: Any) -> None:
    """``data`` serialises as JSON and encodes as UTF-8 (a lone surrogate would fail here)."""
    json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _check_outputs(co: roo.Certificate, ctx: roo.Context, locale: str | None) -> None:
    _writable(roo.dump(co))
    evaluation = roo.evaluate(co, ctx, locale=locale)
    _writable(evaluation.to_dict())
    for format in FORMATS:
        render_as(format, evaluation, co, trace=True, locale=locale).encode("utf-8")
    _writable(roo.eco.digest(co))
    _writable(roo.eco.verify(co, roo.eco.digest(co)).to_dict())
    _writable([discrepancy.to_dict() for discrepancy in roo.eco.compare(co, co)])
    try:
        keys = roo.eco.access_keys(co)
    except roo.InvalidCertificate:
        pass
    else:
        _writable(str(keys))


@FUZZ
@given(st.data())
def test_no_certificate_escapes(data: st.DataObject) -> None:
    """Damaged certificates as text: an input error, or a certificate every writer can write."""
    document = data.draw(damaged(certificate_data()), label="certificate")
    text = _as_text(data.draw, document)
    try:
        co = roo.loads(text)
    except roo.InvalidCertificate as error:
        _writable([[p.path, p.message] for p in error.problems])
        str(error).encode("utf-8")
        return
    locale = data.draw(st.sampled_from([None, "en", "ja", "id"]), label="locale")
    _check_outputs(co, roo.Context(on=co.issue_date), locale)


@FUZZ
@given(st.data())
def test_no_context_escapes(data: st.DataObject) -> None:
    """Damaged contexts: an input error, or a context any certificate can be evaluated in."""
    ctx_data = data.draw(damaged(contexts().map(roo.dump_context)), label="context")
    try:
        ctx = roo.load_context(ctx_data)
    except roo.InvalidContext as error:
        _writable([[p.path, p.message] for p in error.problems])
        return
    co = roo.load(data.draw(certificate_data(), label="certificate"))
    _check_outputs(co, ctx, data.draw(st.sampled_from([None, "ja"]), label="locale"))


@FUZZ
@given(st.data())
def test_no_stream_line_escapes(data: st.DataObject) -> None:
    """A JSON Lines line, however damaged, gives one JSON line out: a result or an error."""
    document = data.draw(damaged(certificate_data()), label="certificate")
    raw = _as_text(data.draw, document)
    line = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
    result = LineEvaluator(locale=data.draw(st.sampled_from([None, "id"]), label="locale"))((1, line))
    parsed = json.loads(result.json)
    assert 1 == parsed["line"]
    result.json.encode("utf-8")


@FUZZ
@given(st.data())
def test_no_good_escapes(data: st.DataObject) -> None:
    """Damaged goods (bills of materials): an input error, or a determination every writer can write."""
    document = data.draw(damaged(good_data()), label="good")
    try:
        good = roo.load_good(document)
    except roo.InvalidGood as error:
        _writable([[p.path, p.message] for p in error.problems])
        return
    determination = roo.determine(good)
    _writable(determination.to_dict())
    determination.to_text().encode("utf-8")
