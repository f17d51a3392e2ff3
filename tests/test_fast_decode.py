"""``roo[fast]``: JSON text read by msgspec gives what the standard path gives, and every error is the same.

The extra promises the same results, only sooner: a document the standard path reads gives an equal
certificate (and context), and one it refuses is refused with the same problems, paths and wording, because
the msgspec reader hands every document it does not read exactly to the standard path. Each test here reads
the same text both ways and compares. The whole module is skipped when msgspec is not installed; CI
installs the extra in one step and requires that nothing here is skipped.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import roo
from benchmarks import documents as bench_documents
from roo.batch import evaluate_partition
from roo.cli.evaluate import LineEvaluator
from roo.codec import fast_decode
from roo.codec.checks import FIELD_TEST_NAMES, FIELD_TESTS
from roo.strategies import certificates, contexts
from tests.builders import certificate_data

pytestmark = pytest.mark.skipif(
    not fast_decode.available(), reason="needs the fast extra (msgspec): pip install -e '.[test,fast]'"
)

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))


@contextlib.contextmanager
def standard_path() -> Iterator[None]:
    """Within it, JSON text is read the standard way (as without msgspec); the setting found is restored after."""
    found, fast_decode.ENABLED = fast_decode.ENABLED, False
    try:
        yield
    finally:
        fast_decode.ENABLED = found


def outcome(read: Callable[[], object]) -> tuple[str, Any]:
    """What ``read()`` gives: its value, or its error's class, message and problems (with their values)."""
    try:
        return "value", read()
    except roo.InvalidInput as error:
        return type(error).__name__, (str(error), error.reported, [(p.path, p.message, p.value) for p in error.reported])


def both_ways(read: Callable[[], object]) -> tuple[tuple[str, Any], tuple[str, Any]]:
    fast = outcome(read)
    with standard_path():
        standard = outcome(read)
    return fast, standard


def assert_same_everywhere(text: str | bytes) -> None:
    """``roo.loads``, ``roo.load_case``, a batch line and a stream line read ``text`` alike on both paths."""
    for read in (
        lambda: roo.loads(text),
        lambda: roo.load_case(text),
        lambda: list(evaluate_partition([text])),
        lambda: LineEvaluator()((1, text)),
        lambda: LineEvaluator(context=roo.Context())((1, text)),
    ):
        fast, standard = both_ways(read)
        assert fast == standard


def test_the_reader_reads_the_benchmark_documents_and_every_well_formed_example() -> None:
    """The reader is no dead code: it reads what the standard path reads, to equal objects."""
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text, parse_float=Decimal)
        decoded = fast_decode.read_case(text)
        if path.name == "malformed.json":
            assert decoded is None
            continue
        assert decoded is not None, path.name
        assert decoded.certificate == roo.load(data["certificate"])
        assert decoded.context == data["context"]
    for items in (1, 2, 50):
        text = bench_documents.certificate_text(items)
        assert fast_decode.read_certificate(text) == roo.load(json.loads(text, parse_float=Decimal))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_every_example_reads_the_same_both_ways(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert_same_everywhere(text)
    assert_same_everywhere(text.encode("utf-8"))
    assert_same_everywhere("\ufeff" + text)
    case = json.loads(text, parse_float=Decimal)
    if "certificate" in case:
        assert_same_everywhere(json.dumps(case["certificate"], default=str, ensure_ascii=False))


# --- a corpus of valid and damaged documents ------------------------------------------------------------------


class Pairs(list[tuple[str, Any]]):
    """A JSON object as its key/value pairs in order, so that a key can be given twice."""


def as_pairs(value: Any) -> Any:
    if isinstance(value, dict):
        return Pairs((key, as_pairs(child)) for key, child in value.items())
    if isinstance(value, list):
        return [as_pairs(child) for child in value]
    return value


def write(value: Any, ensure_ascii: bool, spaced: bool) -> str:
    """``value`` as JSON text: numbers are written as their text, a :class:`Pairs` keeps every pair."""
    colon = " : " if spaced else ": "
    if isinstance(value, Pairs):
        return "{" + ", ".join(json.dumps(k, ensure_ascii=ensure_ascii) + colon + write(v, ensure_ascii, spaced) for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(write(v, ensure_ascii, spaced) for v in value) + "]"
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value, ensure_ascii=ensure_ascii)


class Raw:
    """Text written into the document as it is (a number form, a constant JSON has no name for, a broken token)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text!r})"


#: Values a damage puts in place of another: every JSON type, and the forms roo reads in its own way.
REPLACEMENTS = st.sampled_from(
    [
        None, True, False, 0, -1, 1, 2**63, 10**40, "", " ", "x", "1_57", "１２３", " 12.5 ", "12.5", "-0", "1e5", "1E31",
        "NaN", "Infinity", "0x10", "2024-02-29", "2023-02-29", "2024-1-05", "２０２４-01-01", "jiepa", "AJCEP", "HS2017",
        "hs2017", "paper", "PAPER", "WO", "RVC 40%", "\x00", "a\x7fb", "\u0085", "\ud800", "\t", "a:b", '":', "\\",
        Decimal("12.50"), Decimal("1E+400"), Decimal("-0.0"), Raw("1.0"), Raw("1e2"), Raw("-0"), Raw("NaN"), Raw("1E-31"),
        Raw("12345678901234567890.5"), [], {}, ["x"], {"a": 1}, [[[[[[]]]]]],
    ]
).map(lambda value: as_pairs(copy.deepcopy(value)))  # a fresh copy: a later damage may change it


def paths(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield where
    if isinstance(value, Pairs):
        for index, (_, child) in enumerate(value):
            yield from paths(child, (*where, index))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*where, index))


@st.composite
def damaged(draw: st.DrawFn, document: Any) -> Any:
    """``document`` (as :func:`as_pairs` gives it) with one to three damages at places drawn from its tree."""
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.sampled_from(list(paths(document))))
        if not where:
            continue
        *parent_path, last = where
        parent = document
        for index in parent_path:
            parent = parent[index][1] if isinstance(parent, Pairs) else parent[index]
        kind = draw(st.sampled_from(["replace", "delete", "repeat", "unknown key", "rename"]))
        if isinstance(parent, Pairs):
            key, child = parent[last]
            if kind == "replace":
                parent[last] = (key, draw(REPLACEMENTS))
            elif kind == "delete":
                del parent[last]
            elif kind == "repeat":
                parent.insert(draw(st.integers(0, len(parent))), (key, draw(st.one_of(st.just(child), REPLACEMENTS))))
            elif kind == "unknown key":
                parent.append((draw(st.sampled_from(["extra", "Scheme", "hs code", "", "a:b", '"'])), 1))
            else:
                parent[last] = (key.upper(), child)
        elif kind in ("replace", "repeat"):
            parent[last] = draw(REPLACEMENTS)
        elif kind == "delete":
            del parent[last]
    return document


@st.composite
def documents(draw: st.DrawFn) -> str | bytes:
    """A certificate or a case as JSON text, valid or damaged, written in one of several ways."""
    co = draw(certificates(max_items=3))
    data: Any = roo.dump(co)
    if draw(st.booleans()):  # amounts as JSON numbers rather than strings
        for item in data["items"]:
            for field, member in (("fob_value", "amount"), ("quantity", "value"), ("gross_weight", "value")):
                if item.get(field) is not None and draw(st.booleans()):
                    item[field][member] = Decimal(item[field][member])
    shape = draw(st.sampled_from(["certificate", "case", "case without context", "case with null context"]))
    if shape == "case":
        data = {"certificate": data, "context": roo.dump_context(draw(contexts(co)))}
    elif shape == "case without context":
        data = {"certificate": data}
    elif shape == "case with null context":
        data = {"certificate": data, "context": None}
    document = as_pairs(data)
    if draw(st.booleans()):
        document = draw(damaged(document))
    text = write(document, ensure_ascii=draw(st.booleans()), spaced=draw(st.integers(0, 9)) == 0)
    if draw(st.integers(0, 9)) == 0:  # damage to the text itself
        cut = draw(st.integers(0, len(text)))
        text = draw(st.sampled_from([text[:cut], text[:cut] + text[cut + 1 :], text + " x", "\ufeff" + text, text + "\n"]))
    if draw(st.booleans()):
        return text.encode("utf-8", "surrogatepass")
    return text


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents())
def test_valid_and_damaged_documents_read_the_same_both_ways(text: str | bytes) -> None:
    """Equal certificates and contexts, or equal errors: the class, the message and every problem with its path."""
    assume(not isinstance(text, bytes) or len(text) < 200_000)
    assert_same_everywhere(text)



@given(certificates(max_items=4), st.booleans())
def test_a_valid_certificate_is_read_by_msgspec(co: roo.Certificate, ensure_ascii: bool) -> None:
    """What roo writes, the reader reads (unless text holds a colon the key count cannot tell from a key's)."""
    data = roo.dump(co)
    read = fast_decode.read_certificate(json.dumps(data, ensure_ascii=ensure_ascii))
    assert read == co or (read is None and any(":" in text for text in strings(data)))


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from strings(child)


def test_a_repeated_key_is_refused_as_the_standard_path_refuses_it() -> None:
    data = certificate_data()
    text = json.dumps(data)
    repeated = text.replace('"exporting_party": "ID"', '"exporting_party": "ID", "exporting_party": "JP"', 1)
    assert repeated != text
    assert fast_decode.read_certificate(repeated) is None
    fast, standard = both_ways(lambda: roo.loads(repeated))
    assert fast == standard
    assert fast[0] == "InvalidCertificate"
    # the same with the key written apart from its colon, which the colon count does not see
    spaced = text.replace('"exporting_party": "ID"', '"exporting_party": "ID", "exporting_party" : "JP"', 1)
    assert fast_decode.read_certificate(spaced) is None


def test_an_amount_roo_refuses_is_refused_though_python_would_read_it() -> None:
    """``Decimal("1_57")`` is 157 and ``Decimal("１２３")`` is 123; roo refuses both as amounts."""
    data = certificate_data()
    for amount in ("1_57", "１２３", "NaN", "1e400"):
        data["items"][0]["fob_value"]["amount"] = amount
        text = json.dumps(data, ensure_ascii=False)
        assert fast_decode.read_certificate(text) is None
        fast, standard = both_ways(lambda text=text: roo.loads(text))
        assert fast == standard
        assert fast[0] == "InvalidCertificate"


# --- the shortcuts' edges -----------------------------------------------------------------------------------------

#: Text at the edge of the plain-document shortcut (a document that is ASCII, without a backslash nor DEL,
#: tests no string): non-ASCII text, escapes of every kind, DEL raw and escaped, a colon, a quote.
EDGE_TEXTS = (
    "plain ASCII",
    "Kaiyō Foods 株式会社",
    "Ｆｕｌｌ-width",
    "tab\there",
    "line\nfeed",
    "NUL\x00",
    "escape\x1b",
    "DEL\x7fraw",
    "C1 \x85 next line",
    "lone \ud800 surrogate",
    "lone low \udc00",
    "pair 😀",
    'a "quoted" word',
    "back\\slash",
    "a:colon",
    "",
)


def texts_of(data: Any) -> Iterator[str]:
    """``data`` written in every way the shortcut tells apart: ASCII with escapes, raw UTF-8, as bytes."""
    for ensure_ascii in (True, False):
        try:
            text = json.dumps(data, ensure_ascii=ensure_ascii)
        except UnicodeEncodeError:  # pragma: no cover - json.dumps writes a lone surrogate raw only as str
            continue
        yield text
        yield text.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("value", EDGE_TEXTS, ids=repr)
@pytest.mark.parametrize(
    "where",
    ["description", "marks", "origin_criterion", "unit", "currency", "exporter name", "remarks", "transit country"],
)
def test_text_at_the_plain_shortcut_edge_reads_the_same_both_ways(value: str, where: str) -> None:
    """Text is Unicode text: a control character or a lone surrogate is refused on both paths, whether the
    document writes it raw or as an escape, and every other text is read to equal objects."""
    data = certificate_data()
    item = data["items"][0]
    if where in ("description", "marks", "origin_criterion"):
        item[where] = value
    elif where == "unit":
        item["quantity"]["unit"] = value
    elif where == "currency":
        item["fob_value"]["currency"] = value
    elif where == "exporter name":
        data["exporter"]["name"] = value
    elif where == "remarks":
        data["remarks"] = value
    else:
        data["transport"]["transit_countries"] = ["SG", value]
    for text in texts_of(data):
        assert_same_everywhere(text)
        read = outcome(lambda text=text: roo.loads(text))
        if read[0] == "value" and ":" not in value:  # what the standard path reads, the reader reads
            assert fast_decode.read_certificate(text) == read[1]


def test_the_plain_shortcut_is_taken_only_for_printable_ascii_documents() -> None:
    """ASCII without a backslash or DEL: no string of it can hold anything but printable ASCII."""
    assert roo._json.plain('{"a": "b c"}')
    assert roo._json.plain(b'{"a": "b c"}')
    for text in ('{"a": "\\u0000"}', '{"a": "\\ud800"}', '{"a": "\\t"}', '{"a": "\x7f"}', '{"a": "é"}', '{"a": "\\""}'):
        assert not roo._json.plain(text)
        assert not roo._json.plain(text.encode("utf-8"))


@pytest.mark.parametrize(
    "amount",
    ["1_57", "１２３", " 12.5 ", "-12.50", "-0", "-0.00", "0", "1e5", "1E31", "1E-31", "NaN", "-Infinity", "sNaN", "0x10", ""],
)
def test_amount_at_the_shortcut_edge_reads_the_same_both_ways(amount: str) -> None:
    """Amounts in strings and as JSON numbers, in every form roo reads in its own way (negative ones too)."""
    data = certificate_data()
    data["items"][0]["fob_value"]["amount"] = amount
    data["items"][0]["quantity"]["value"] = amount
    for text in texts_of(data):
        assert_same_everywhere(text)
    if amount.strip() and amount.strip().lstrip("+-").replace(".", "").replace("e", "").replace("E", "").isascii():
        as_number = json.dumps(data).replace(json.dumps(amount), amount.strip())
        assert_same_everywhere(as_number)


@pytest.mark.parametrize(
    "change",
    [
        {"exporting_party": "XX"},
        {"importing_party": "jp"},
        {"exporter": {"name": "A", "country": "Thailand"}},
        {"transport": {"transit_countries": ["sg", "ZZ"]}},
        {"items": []},
    ],
    ids=repr,
)
def test_a_certificate_the_checks_refuse_reads_the_same_both_ways(change: dict[str, Any]) -> None:
    for text in texts_of(certificate_data(**change)):
        assert_same_everywhere(text)


@pytest.mark.parametrize(
    "item_change",
    [
        {"number": 0},
        {"number": -1},
        {"hs_code": "0306.17.10.00.11"},
        {"fob_value": {"amount": "1", "currency": "US$"}},
        {"fob_value": {"amount": "1", "currency": "usd"}},
        {"quantity": {"value": "-1", "unit": "KGM"}},
        {"gross_weight": {"value": "-0.5", "unit": "KGM"}},
        {"fob_value": None, "quantity": None, "gross_weight": None, "invoice": None},
        {"unknown": 1},
    ],
    ids=repr,
)
def test_an_item_the_checks_refuse_reads_the_same_both_ways(item_change: dict[str, Any]) -> None:
    """A wrong item among clean ones: the second of three items, and every item."""
    clean = certificate_data()["items"][0]
    items = [dict(clean, number=1), {**clean, "number": 2, **item_change}, dict(clean, number=3)]
    for text in texts_of(certificate_data(items=items)):
        assert_same_everywhere(text)
    everywhere = [{**clean, "number": index + 1, **item_change} for index in range(3)]
    for text in texts_of(certificate_data(items=everywhere)):
        assert_same_everywhere(text)


def test_repeated_item_numbers_and_keys_read_the_same_both_ways() -> None:
    clean = certificate_data()["items"][0]
    data = certificate_data(items=[dict(clean, number=1), dict(clean, number=1)])
    for text in texts_of(data):
        assert_same_everywhere(text)
    text = json.dumps(certificate_data())
    for key, value in (('"hs_code": "030617"', '"1604.14"'), ('"amount": "52000.00"', '"1"'), ('"unit": "KGM"', '"PCE"')):
        field = key.split(":")[0]
        repeated = text.replace(key, f"{key}, {field}: {value}", 1)
        assert repeated != text
        assert fast_decode.read_certificate(repeated) is None
        assert_same_everywhere(repeated)


def test_a_watched_fields_default_is_never_suspect() -> None:
    """The reader tests a field only when the document gives it: the model's defaults must pass every test."""
    for (cls, name), test in FIELD_TESTS.items():
        field = attrs.fields_dict(cls)[name]
        if field.default is attrs.NOTHING or field.default is None:
            continue
        default = field.default.factory() if isinstance(field.default, attrs.Factory) else field.default  # type: ignore[arg-type]
        assert not eval(test.format(value="value"), dict(FIELD_TEST_NAMES), {"value": default}), (cls, name)  # noqa: S307
