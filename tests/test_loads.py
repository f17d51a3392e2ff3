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
from roo import _json, codec
from roo._json import BOM
from roo.codec import loading
from roo.codec.converters import FAST_GENERATOR
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


# The standard path's shortcut (roo.codec.loading.read_certificate_text): the text parsed without the pairs
# hook, and a key given twice detected by counting keys against colons. Each edge below must give what the
# pairs-hook parse and the usual loading give: the same certificate, or the same problems with the same paths
# and wording.


def _outcome(read: Any, text: str | bytes) -> Any:
    """What ``read(text)`` gives: the certificate, or the problems (path, wording, value) and the count omitted."""
    try:
        return read(text)
    except roo.InvalidCertificate as error:
        return ("invalid", error.problems, error.omitted, str(error))


def _pairs_hook_path(text: str | bytes) -> roo.Certificate:
    """How ``roo.loads`` read text before the shortcut: the parse that refuses a repeated key, then the loading."""
    try:
        data = _json.decode(text)
    except _json.JsonTextError as error:
        raise roo.InvalidCertificate([error.problem]) from None
    return codec.load_certificate(data)


def _same_as_the_pairs_hook_path(text: str | bytes) -> Any:
    expected = _outcome(_pairs_hook_path, text)
    assert _outcome(roo.loads, text) == expected
    return expected


def _shortcut_reads(text: str | bytes) -> bool:
    return loading.read_certificate_text(text) is not None


def _compact() -> str:
    """The example certificate as compact JSON text: every key followed at once by ``":``."""
    return json.dumps(json.loads(_text()), ensure_ascii=False)


def test_the_shortcut_reads_a_clean_certificate() -> None:
    """A clean certificate, compact or indented, is read by the shortcut, as the same certificate."""
    for text in (_text(), _compact()):
        assert _shortcut_reads(text)
        assert _same_as_the_pairs_hook_path(text) == roo.load(json.loads(text, parse_float=Decimal))


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        pytest.param('"scheme": "AJCEP"', '"scheme": "AJCEP", "scheme": "JIEPA"', "scheme", id="top level"),
        pytest.param('"scheme": "AJCEP"', '"scheme": "AJCEP", "scheme": "AJCEP"', "scheme", id="top level, equal values"),
        pytest.param('"hs_code": ', '"hs_code": "0306", "hs_code": ', "items[0].hs_code", id="in an item"),
        pytest.param('"currency": ', '"currency": "USD", "currency": ', "items[0].fob_value.currency", id="in fob_value"),
        pytest.param('"scheme": "AJCEP"', '"scheme" : "AJCEP", "scheme": "AJCEP"', "scheme", id="space before a colon"),
        pytest.param('"remarks": ', '"remarks": "a:b", "remarks": ', "remarks", id="with a colon in a value"),
    ],
)
def test_a_repeated_key_is_refused_as_the_pairs_hook_refuses_it(old: str, new: str, path: str) -> None:
    """A key given twice in one object: the shortcut declines, and the error names the key's path, as before."""
    text = _compact().replace(old, new, 1)
    assert text != _compact()
    assert not _shortcut_reads(text)
    outcome = _same_as_the_pairs_hook_path(text)
    assert outcome[0] == "invalid"
    assert [(p.path, p.message) for p in outcome[1]] == [(path, "this key is given more than once in its object")]


@pytest.mark.parametrize(
    ("old", "new", "shortcut"),
    [
        pytest.param('"scheme": "AJCEP"', '"scheme" : "AJCEP"', True, id="a space before one colon"),
        pytest.param('"scheme": "AJCEP"', '"scheme"\n:"AJCEP"', True, id="a line break before one colon"),
        pytest.param('"remarks": "R"', '"remarks": "a:b"', True, id="a colon in a value"),
        pytest.param('"remarks": "R"', '"remarks": "a:b:c\\":"', False, id="an escaped quote and a colon in a value"),
        pytest.param('"remarks": "R"', '"remarks" : "a:b"', False, id="a colon in a value and a loose key"),
        pytest.param('"remarks": "R"', '"remarks": "a:b", "remarks": "R"', False, id="a repeat beside a colon in a value"),
        pytest.param('"remarks": "R"', '"remarks": "R", "a:b": 1', False, id="a key holding a colon"),
        pytest.param('"remarks": "R"', '"remarks": "R", "x\\":": 1', False, id="a key ending in an escaped quote"),
        pytest.param('"remarks": "R"', '"remarks": "R", "colour": "red"', False, id="an unknown key"),
        pytest.param('"hs_code": ', '"hs_cod": "0306", "hs_code": ', False, id="an unknown key in an item"),
        pytest.param('"currency": ', '"cur": 1, "currency": ', False, id="an unknown key in fob_value"),
        pytest.param('"currency": ', '"amount": 1, "currency": ', False, id="a repeated amount in fob_value"),
    ],
)
def test_edges_of_the_count_give_what_the_pairs_hook_path_gives(old: str, new: str, shortcut: bool) -> None:
    """Colons in strings, keys with space before their colon, unknown keys: the shortcut reads the text only
    when the count proves no key repeated, and either way the result is the pairs-hook path's."""
    data = json.loads(_text())
    data["remarks"] = "R"
    base = json.dumps(data, ensure_ascii=False)
    assert base.count(":") == base.count('":')
    text = base.replace(old, new, 1)
    assert text != base
    outcome = _same_as_the_pairs_hook_path(text)
    assert _shortcut_reads(text) is shortcut
    if shortcut:
        assert isinstance(outcome, roo.Certificate)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("repeated", [False, True], ids=["clean", "a repeated key"])
def test_bytes_in_every_encoding_give_what_the_pairs_hook_path_gives(encoding: str, repeated: bool) -> None:
    """Bytes in UTF-8, -16 or -32, with a byte order mark (utf-8-sig, utf-16, utf-32) or without: the same
    certificate, or the same error, as the pairs-hook path; a clean certificate is read by the shortcut."""
    text = _compact()
    if repeated:
        text = text.replace('"hs_code": ', '"hs_code": "0306", "hs_code": ', 1)
    data = text.encode(encoding)
    outcome = _same_as_the_pairs_hook_path(data)
    assert _shortcut_reads(data) is not repeated
    assert isinstance(outcome, roo.Certificate) is not repeated


def test_a_text_byte_order_mark_and_a_second_one() -> None:
    """One byte order mark of text is skipped, a second one is no JSON; UTF-8 bytes lose one to their decoding
    first. Either way the result is the pairs-hook path's."""
    assert isinstance(_same_as_the_pairs_hook_path(BOM + _compact()), roo.Certificate)
    assert _same_as_the_pairs_hook_path(BOM + BOM + _compact())[0] == "invalid"
    assert isinstance(_same_as_the_pairs_hook_path((BOM + BOM + _compact()).encode("utf-8")), roo.Certificate)
    assert _same_as_the_pairs_hook_path((BOM * 3 + _compact()).encode("utf-8"))[0] == "invalid"


def test_every_object_of_a_certificate_is_counted() -> None:
    """The counting structure function counts every key of a full certificate: a certificate holds no object
    it leaves to another hook (which would make every text fall back)."""
    co = roo.loads(_text())
    full = roo.dump(co)
    full["alterations"] = [{"box": 7, "method": "strike_out", "approved_by_signatory": True}]
    full["transport"] = {"departure_date": "2024-03-04", "transit_countries": ["SG"]}
    full["original_certificate"] = {"reference_number": "A1", "issue_date": "2024-01-02"}
    text = json.dumps(full)
    assert text.count(":") == text.count('":')
    counting = FAST_GENERATOR.counting(roo.Certificate)
    assert counting is not None
    data, parsed = _json.decode_counted(text) or (None, "")
    certificate, keys, suspect = counting(data)
    assert keys == text.count(":")
    assert not suspect  # nothing watched
    assert _same_as_the_pairs_hook_path(text) == certificate


@st.composite
def _texts_with_repeats(draw: st.DrawFn) -> str:
    """A generated certificate as JSON text, some of whose keys are given again (with the same value or another)."""
    data = roo.dump(draw(certificates(max_items=3)))
    objects: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            objects.append(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    repeats = {
        index: draw(st.lists(st.sampled_from(sorted(objects[index])), max_size=2))
        for index in draw(st.lists(st.integers(0, len(objects) - 1), max_size=2, unique=True))
        if objects[index]
    }
    space = draw(st.sampled_from(["", " "]))

    def write(value: Any) -> str:
        if isinstance(value, dict):
            pairs = [(key, write(child)) for key, child in value.items()]
            for key in repeats.get(next(i for i, o in enumerate(objects) if o is value), ()):
                pairs.insert(draw(st.integers(0, len(pairs))), (key, draw(st.sampled_from([write(value[key]), '"x:y"', "1"]))))
            return "{" + ", ".join(f"{json.dumps(key)}{space}: {child}" for key, child in pairs) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(write(child) for child in value) + "]"
        return json.dumps(value)

    return write(data)


@settings(deadline=None)
@given(_texts_with_repeats())
def test_with_random_repeated_keys_both_paths_agree(text: str) -> None:
    """Generated certificates, some with keys given twice (equal or different values, in any object): the
    same certificate or the same error through ``roo.loads`` as through the pairs-hook path."""
    outcome = _same_as_the_pairs_hook_path(text)
    if _shortcut_reads(text):
        assert isinstance(outcome, roo.Certificate)


@pytest.mark.parametrize(
    ("description", "plain", "valid"),
    [
        pytest.param('"Frozen shrimp"', True, True, id="printable ASCII"),
        pytest.param('"Frozen shrimp \\u00e9"', False, True, id="an escape that writes a printable letter"),
        pytest.param('"Frozen shrimp é"', False, True, id="a letter outside ASCII"),
        pytest.param('"Frozen\\tshrimp"', False, True, id="an escaped tab (text may hold one)"),
        pytest.param('"Frozen\\u0001shrimp"', False, False, id="an escaped control character"),
        pytest.param('"Frozen\x7fshrimp"', False, False, id="a raw DEL"),
        pytest.param('"Frozen \\ud800 shrimp"', False, False, id="a lone surrogate"),
    ],
)
def test_plain_documents_skip_the_printable_test_and_no_other(description: str, plain: bool, valid: bool) -> None:
    """A document that is ASCII without a backslash or DEL holds printable text only and is read by the function
    that tests no string; any other is read testing every string, so text that is no text is still refused, with
    the error of the pairs-hook path."""
    data = json.loads(_text())
    data["items"][0]["description"] = "D"
    data["remarks"] = "R"
    text = json.dumps(data, ensure_ascii=True).replace('"description": "D"', f'"description": {description}', 1)
    assert _json.plain(text) is plain
    outcome = _same_as_the_pairs_hook_path(text)
    assert isinstance(outcome, roo.Certificate) is valid
    assert _shortcut_reads(text) is valid
    if not valid:
        assert [p.path for p in outcome[1]] == ["items[0].description"]
    # The same text in the remarks, a field read by the other branch of the generated code (a default).
    text = json.dumps(data, ensure_ascii=True).replace('"remarks": "R"', f'"remarks": {description}', 1)
    outcome = _same_as_the_pairs_hook_path(text)
    assert isinstance(outcome, roo.Certificate) is valid


def test_generating_a_plain_counting_function_leaves_the_converter_s_own_functions_testing_text() -> None:
    """A class met for the first time while the plain counting function is written gets the converter's usual
    function, which tests its strings."""
    from roo.codec.converters import FAST

    assert FAST_GENERATOR.counting(roo.Certificate, plain=True) is not None
    with pytest.raises(roo.InvalidCertificate):
        roo.load({**roo.dump(roo.loads(_text())), "remarks": "a\x01b"})
    assert not FAST_GENERATOR.printable_known
    assert FAST.structure({"name": "a", "address": "b"}, roo.model.certificate.Party) is not None


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        pytest.param('"exporting_party": "ID"', '"exporting_party": "XX"', "exporting_party", id="exporting Party"),
        pytest.param('"importing_party": "JP"', '"importing_party": "jp"', "importing_party", id="importing Party"),
        pytest.param('"currency": "USD"', '"currency": "US$"', "items[0].fob_value.currency", id="currency"),
        pytest.param('"amount": "', '"amount": "-', "items[0].fob_value.amount", id="negative amount"),
        pytest.param('"value": "', '"value": "-', "items[0].quantity.value", id="negative quantity"),
        pytest.param('"country": "ID"', '"country": "Indonesia"', "exporter.country", id="a party's country"),
        pytest.param('"number": 2', '"number": 1', "items[1].number", id="item number used twice"),
        pytest.param('"number": 1', '"number": 0', "items[0].number", id="item number 0"),
    ],
)
def test_a_content_problem_is_found_as_before(old: str, new: str, path: str) -> None:
    """What the types cannot say (ISO codes, amounts below zero, item numbers) is tested field by field while the
    shortcut reads; a certificate with such a problem is declined, and the problem is named as before."""
    text = _compact().replace(old, new, 1)
    assert text != _compact()
    assert not _shortcut_reads(text)
    outcome = _same_as_the_pairs_hook_path(text)
    assert outcome[0] == "invalid"
    assert path in [p.path for p in outcome[1]]
