"""``roo.load_case``: a certificate together with its context, from parsed JSON or JSON text, as the CLI reads it."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import roo
from roo.case import CaseError, read_case_data
from tests.builders import PRESENTED_ON, certificate_data

#: Every test here runs on both paths of JSON text: roo[fast]'s msgspec reader and the standard one.
pytestmark = pytest.mark.usefixtures("text_reader")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_a_case_gives_its_certificate_and_context() -> None:
    data = {"certificate": certificate_data(), "context": {"on": PRESENTED_ON.isoformat()}}
    co, ctx = roo.load_case(data)
    assert co == roo.load(certificate_data())
    assert ctx == roo.load_context({"on": PRESENTED_ON.isoformat()})


def test_json_text_reads_as_the_parsed_data_does_with_exact_amounts() -> None:
    text = (EXAMPLES / "one_bad_item.json").read_text(encoding="utf-8")
    parsed = json.loads(text, parse_float=Decimal)
    assert roo.load_case(text) == roo.load_case(parsed) == roo.load_case(text.encode("utf-8"))
    assert roo.load_case(text) == (roo.load(parsed["certificate"]), roo.load_context(parsed["context"]))


def test_a_case_without_a_context_and_a_bare_certificate_get_an_empty_context() -> None:
    assert roo.load_case({"certificate": certificate_data()})[1] == roo.Context()
    assert roo.load_case(certificate_data()) == (roo.load(certificate_data()), roo.Context())


def test_a_bad_case_lists_every_problem_under_certificate_and_context() -> None:
    data = {"certificate": certificate_data(issue_date="2024-13-45"), "context": {"on": "soon"}}
    with pytest.raises(roo.InvalidCase) as raised:
        roo.load_case(data)
    paths = [p.path for p in raised.value.problems]
    assert paths == ["certificate.issue_date", "context.on"]
    assert not isinstance(raised.value, (roo.InvalidCertificate, roo.InvalidContext))


def test_unknown_keys_of_a_case_are_refused() -> None:
    with pytest.raises(roo.InvalidCase) as raised:
        roo.load_case({"certificate": certificate_data(), "contxt": {}})
    assert [p.path for p in raised.value.problems] == ["$"]


def test_a_bare_certificate_fails_as_roo_load_does() -> None:
    bad = certificate_data(issue_date="2024-13-45")
    with pytest.raises(roo.InvalidCertificate) as raised:
        roo.load_case(bad)
    with pytest.raises(roo.InvalidCertificate) as directly:
        roo.load(bad)
    assert raised.value.problems == directly.value.problems


def test_text_that_is_not_json_names_line_and_column() -> None:
    with pytest.raises(roo.InvalidCase) as raised:
        roo.load_case('{"certificate": ')
    assert "line 1" in str(raised.value)


def test_the_cli_reads_cases_with_the_same_function() -> None:
    """The CLI's reader gives the problems the public function raises (it keeps the 'invalid case' label)."""
    data = {"certificate": certificate_data(issue_date="2024-13-45"), "context": {"on": "soon"}}
    with pytest.raises(CaseError) as cli:
        read_case_data(data)
    with pytest.raises(roo.InvalidCase) as public:
        roo.load_case(data)
    assert cli.value.what == "invalid case"
    assert cli.value.problems == public.value.problems
