"""A case's JSON text read the standard way without the parser's pairs hook (``roo.case._read_counted``).

Without roo[fast], ``roo.load_case``, the CLI and JSON Lines read a case's text as ``roo.loads`` reads a
certificate's: parsed all in C, the certificate's keys counted as it is read, the case's own keys and its
context's counted beside, and the text read only when they are all the keys of the text (no key was given
twice). Every edge below must give what the pairs-hook parse followed by ``read_case_data`` gives: the same
certificate and context, or the same problems with the same paths and wording.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import roo
from roo import case as case_module
from roo._json import DEFAULT_LIMITS
from roo.batch import evaluate_partition
from roo.codec import fast_decode
from roo.strategies import certificates, contexts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(autouse=True)
def _standard_reader() -> Iterator[None]:
    """Text is read the standard way, as without roo[fast]; the setting found is restored after each test (another
    module's reader fixture, module-scoped, may have set it on this worker)."""
    found, fast_decode.ENABLED = fast_decode.ENABLED, False
    try:
        yield
    finally:
        fast_decode.ENABLED = found


def _outcome(read: Callable[[Any], Any], text: str | bytes) -> Any:
    """What ``read(text)`` gives: its result, or the problems (path, wording, value) and the count omitted."""
    try:
        return read(text)
    except (roo.InvalidCase, roo.InvalidCertificate) as error:
        return (type(error).__name__, error.problems, error.omitted, str(error))


def _without_counting(read: Callable[[Any], Any], text: str | bytes) -> Any:
    """``_outcome`` with the counted reading turned off: the pairs-hook parse, then ``read_case_data``."""
    counted = case_module._read_counted
    case_module._read_counted = lambda text, limits: None  # type: ignore[assignment]
    try:
        return _outcome(read, text)
    finally:
        case_module._read_counted = counted


def _same_as_the_pairs_hook_path(text: str | bytes) -> Any:
    expected = _without_counting(roo.load_case, text)
    assert _outcome(roo.load_case, text) == expected
    return expected


def _counted(text: str | bytes) -> bool:
    return case_module._read_counted(text, DEFAULT_LIMITS) is not None


def _case(**context: Any) -> dict[str, Any]:
    """The bundled clean AJCEP case, with ``context`` as its context's fields when given."""
    data: dict[str, Any] = json.loads((EXAMPLES / "clean_ajcep_id_jp.json").read_text(encoding="utf-8"))
    if context:
        data["context"] = context
    return data


def _text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


DECLARATION = {"exporter": "PT Samudra Jaya", "items": [{"certificate_item": 1, "hs_code": "030617"}]}


def test_a_clean_case_is_read_by_counting_as_the_pairs_hook_path_reads_it() -> None:
    """A case with its context, without one, with a null one, and a bare certificate: read by counting, to the
    certificate and context the pairs-hook path gives."""
    base = _case()
    documents = [
        base,
        {"certificate": base["certificate"]},
        {"certificate": base["certificate"], "context": None},
        base["certificate"],
        _case(on="2024-03-20", declaration=DECLARATION),
    ]
    for data in documents:
        text = _text(data)
        assert _counted(text), text[:80]
        outcome = _same_as_the_pairs_hook_path(text)
        assert isinstance(outcome[0], roo.Certificate)
        assert outcome == roo.load_case(data)


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        pytest.param('{"certificate": ', '{"certificate": {}, "certificate": ', "certificate", id="certificate twice"),
        pytest.param('"context": {', '"context": {"on": "2024-03-20"}, "context": {', "context", id="context twice"),
        pytest.param('"on": ', '"on": "2024-03-21", "on": ', "context.on", id="a key of the context"),
        pytest.param('"exporter": "PT', '"exporter": "X", "exporter": "PT', "context.declaration.exporter", id="nested in the context"),
        pytest.param('"certificate_item": 1', '"certificate_item": 2, "certificate_item": 1', "context.declaration.items[0].certificate_item", id="in a list in the context"),
        pytest.param('"scheme": ', '"scheme": "JIEPA", "scheme": ', "certificate.scheme", id="in the certificate"),
        pytest.param('"hs_code": "0306', '"hs_code": "1", "hs_code": "0306', "certificate.items[0].hs_code", id="in an item"),
    ],
)
def test_a_repeated_key_anywhere_in_a_case_is_refused_as_the_pairs_hook_refuses_it(old: str, new: str, path: str) -> None:
    """A key given twice in any object of a case: counting declines, and the error names the key's path."""
    base = _text(_case(on="2024-03-20", declaration=DECLARATION))
    text = base.replace(old, new, 1)
    assert text != base
    assert not _counted(text)
    outcome = _same_as_the_pairs_hook_path(text)
    assert outcome[0] == "InvalidCase"
    assert [(p.path, p.message) for p in outcome[1]] == [(path, "this key is given more than once in its object")]


@pytest.mark.parametrize(
    ("change", "counted"),
    [
        pytest.param(lambda d: d.update(remarks="x"), False, id="an unknown key beside certificate and context"),
        pytest.param(lambda d: d["context"].update(on="20 March 2024"), True, id="a context that does not load"),
        pytest.param(lambda d: d["context"].update(colour="red"), True, id="an unknown key in the context"),
        pytest.param(lambda d: d["certificate"].update(scheme="XYZ"), False, id="a certificate that does not load"),
        pytest.param(lambda d: d["certificate"].update(scheme="XYZ") or d["context"].update(on=1), False, id="both"),
        pytest.param(lambda d: d.update(context=[]), True, id="a context that is no object"),
        pytest.param(lambda d: d.update(certificate=[]), False, id="a certificate that is no object"),
        pytest.param(lambda d: d["context"]["declaration"].update({"a:b": 1}), True, id="a colon in an unknown key"),
    ],
)
def test_a_case_with_problems_gives_the_problems_the_pairs_hook_path_gives(change: Callable[[dict[str, Any]], Any], counted: bool) -> None:
    """Problems of the case, of its context or of its certificate: the same problems, paths and wording. The
    certificate is read by counting whenever it loads (the context's problems are then read from it as before)."""
    data = _case(on="2024-03-20", declaration=json.loads(json.dumps(DECLARATION)))
    change(data)
    text = _text(data)
    assert _counted(text) is counted
    outcome = _same_as_the_pairs_hook_path(text)
    assert outcome[0] == "InvalidCase"


def test_a_colon_in_a_context_value_is_counted_by_its_keys() -> None:
    """More colons than keys (one in a string): the ``":`` pairs count the keys instead, as for a certificate."""
    text = _text(_case(on="2024-03-20", declaration={**DECLARATION, "exporter": "PT A: B"}))
    assert text.count(":") > text.count('":')
    assert _counted(text)
    assert isinstance(_same_as_the_pairs_hook_path(text)[0], roo.Certificate)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32-be"])
def test_bytes_of_a_case_in_any_encoding(encoding: str) -> None:
    text = _text(_case(on="2024-03-20", declaration=DECLARATION))
    for data in (text.encode(encoding), text.replace('"on": ', '"on": 1, "on": ').encode(encoding)):
        _same_as_the_pairs_hook_path(data)
    assert _counted(text.encode(encoding))


def test_every_example_reads_as_before() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        _same_as_the_pairs_hook_path(text)


def test_json_lines_give_the_lines_they_gave() -> None:
    """JSON Lines (``roo.batch``, as ``roo evaluate --jsonl`` and the cluster helpers read them): every result line
    as before, clean or not."""
    clean = _text(_case(on="2024-03-20"))
    lines = [clean, clean.replace('"on": ', '"on": 1, "on": '), _text(_case(on="2024-03-20", colour="red")), "{not json"]
    counted = list(evaluate_partition(lines))
    assert counted == _without_counting(lambda _: list(evaluate_partition(lines)), "")
    assert json.loads(counted[0])["status"] == "accepted"


@st.composite
def _case_texts(draw: st.DrawFn) -> str:
    """A generated certificate and context as a case's JSON text, some of whose keys are given again."""
    co = draw(certificates(max_items=2))
    data = {"certificate": roo.dump(co), "context": roo.dump_context(draw(contexts(co)))}
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

    def write(value: Any) -> str:
        if isinstance(value, dict):
            pairs = [(key, write(child)) for key, child in value.items()]
            for key in repeats.get(next(i for i, o in enumerate(objects) if o is value), ()):
                pairs.insert(draw(st.integers(0, len(pairs))), (key, draw(st.sampled_from([write(value[key]), '"x:y"', "1"]))))
            return "{" + ", ".join(f"{json.dumps(key)}: {child}" for key, child in pairs) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(write(child) for child in value) + "]"
        return json.dumps(value, default=str)

    return write(data)


@settings(deadline=None)
@given(_case_texts())
def test_with_random_repeated_keys_both_readings_agree(text: str) -> None:
    """Generated cases, some with keys given twice (equal or different values, in any object): the same
    certificate and context, or the same error, with counting as without."""
    outcome = _same_as_the_pairs_hook_path(text)
    if _counted(text):
        assert not isinstance(outcome[0], str)
