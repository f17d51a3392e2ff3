"""``roo.loads``: a certificate from JSON text, with every failure an ``InvalidCertificate`` naming where."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import roo
from roo.strategies import certificates

#: Every test here runs on both paths of JSON text: roo[fast]'s msgspec reader and the standard one.
pytestmark = pytest.mark.usefixtures("text_reader")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "clean_ajcep_id_jp.json"


def _text() -> str:
    """The certificate of the bundled clean AJCEP case, as indented JSON text."""
    return json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8"))["certificate"], indent=2, ensure_ascii=False)


def test_text_gives_the_certificate_load_gives() -> None:
    """``loads(text)`` equals ``load`` of the same text parsed with fractions as Decimal."""
    text = _text()
    assert roo.loads(text) == roo.load(json.loads(text, parse_float=Decimal))


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("utf-8"), id="utf-8 bytes"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), id="utf-8 bytes with a byte order mark"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16 bytes"),
        pytest.param(lambda t: bytearray(t.encode("utf-8")), id="a bytearray"),
    ],
)
def test_bytes_are_read_in_the_encoding_json_detects(encode: Any) -> None:
    """Bytes in any encoding JSON allows give the same certificate as the text."""
    text = _text()
    assert roo.loads(encode(text)) == roo.loads(text)


def test_numbers_with_a_fraction_are_exact_decimals() -> None:
    """A JSON number ``3166.69`` is the amount 3166.69 exactly, as the string ``"3166.69"`` would be."""
    data = json.loads(_text())
    data["items"][0]["fob_value"]["amount"] = "3166.69"
    as_string = roo.loads(json.dumps(data))
    text = json.dumps(data).replace('"amount": "3166.69"', '"amount": 3166.69')
    assert '"amount": 3166.69' in text
    as_number = roo.loads(text)
    assert as_number == as_string
    assert as_number.items[0].fob_value is not None
    assert as_number.items[0].fob_value.amount == Decimal("3166.69")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "line 1 column 1: Expecting value", id="empty text"),
        pytest.param('{"scheme": "AJCEP",\n "items": [}', "line 2 column 12: Expecting value", id="syntax error on line 2"),
        pytest.param('{"a": NaN}', "NaN is not a JSON number", id="NaN is not JSON"),
        pytest.param('{"a": -Infinity}', "-Infinity is not a JSON number", id="infinity is not JSON"),
        pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply: more than 100 levels (the limit)", id="nested too deeply"),
    ],
)
def test_text_that_is_not_json_is_an_invalid_certificate(text: str, message: str) -> None:
    """Not JSON: one problem at ``$`` saying where in the text and why; never a traceback of json's."""
    with pytest.raises(roo.InvalidCertificate) as raised:
        roo.loads(text)
    assert [(p.path, p.message) for p in raised.value.problems] == [("$", message)]


def test_bytes_that_are_not_text_are_an_invalid_certificate() -> None:
    """Bytes that are not UTF-8: the problem names the byte."""
    with pytest.raises(roo.InvalidCertificate) as raised:
        roo.loads(b'{"scheme": "\xff"}')
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("$", "not UTF-8 text (invalid start byte at byte 12)")
    ]


def test_json_that_is_not_a_certificate_fails_as_load_does() -> None:
    """Valid JSON with a bad field: the same problems, with the same paths, as ``roo.load``."""
    data = json.loads(_text())
    data["items"][0]["invoice"]["date"] = "2024-13-45"
    with pytest.raises(roo.InvalidCertificate) as from_text:
        roo.loads(json.dumps(data))
    with pytest.raises(roo.InvalidCertificate) as from_data:
        roo.load(data)
    assert from_text.value.problems == from_data.value.problems
    assert "items[0].invoice.date" in str(from_text.value)


@settings(max_examples=60, deadline=None)
@given(certificates())
def test_round_trip_through_text(co: roo.Certificate) -> None:
    """``loads(json.dumps(dump(co))) == co`` for every certificate."""
    assert roo.loads(json.dumps(roo.dump(co))) == co


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40) | st.binary(max_size=40))
def test_nothing_but_invalid_certificate_escapes(text: str | bytes) -> None:
    """Arbitrary text or bytes: a certificate or ``InvalidCertificate``, nothing else."""
    with contextlib.suppress(roo.InvalidCertificate):
        roo.loads(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"scheme": "AJCEP", "scheme": "AJCEP"} x', "$: line 1 column 40: Extra data"),
        ('{"scheme": "AJCEP", "scheme": NaN}', "$: NaN is not a JSON number"),
    ],
)
def test_a_repeated_key_beside_another_fault_is_an_error_not_a_traceback(text: str, message: str) -> None:
    """Bad input gives a clear error, never a traceback: a key given twice in text that is also no JSON at all
    once raised the parser's own exception from the pass that locates the repeated key."""
    with pytest.raises(roo.InvalidCertificate) as raised:
        roo.loads(text)
    assert [str(problem) for problem in raised.value.problems] == [message]
