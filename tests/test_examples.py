"""The bundled examples in examples/: what each one shows, held to its expected outcome.

Each example is a certificate, or a case ``{"certificate": ..., "context": ...}``
exactly as ``roo evaluate`` reads it. What each should give lives here, in
:data:`EXPECTED`: the status, the exit code of ``roo evaluate``, and the codes
of every ``error`` and ``warning`` finding (``info`` findings may come and go
as rules are added, so only the ones the example is about are required).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, final

import attrs
import pytest

import roo
from roo.evaluation import Severity
from roo.schema import context_schema, json_schema
from tests.test_schema import validate

#: Every test here runs on both paths of JSON text: roo[fast]'s msgspec reader and the standard one.
pytestmark = pytest.mark.usefixtures("text_reader")

EXAMPLES: Final = Path(__file__).resolve().parent.parent / "examples"


@final
@attrs.frozen
class Expected:
    """What an example gives: status (None: invalid input), exit code, error and warning codes, required notes."""

    status: str | None
    exit_code: int
    codes: frozenset[str] = frozenset()
    notes: frozenset[str] = frozenset()
    denied: tuple[int, ...] = ()


EXPECTED: Final[dict[str, Expected]] = {
    "clean_ajcep_id_jp.json": Expected("accepted", 0),
    "multi_invoice.json": Expected("accepted", 0, notes=frozenset({"several-invoices"})),
    "one_bad_item.json": Expected("partially_accepted", 1, frozenset({"hs-code-not-six-digits"}), denied=(2,)),
    "third_country_invoicing.json": Expected("accepted", 0),
    "unsigned.json": Expected("rejected", 1, frozenset({"certification-unsigned"}), denied=(1, 2)),
    "rvc_below_threshold.json": Expected("partially_accepted", 1, frozenset({"rvc-below-general-rule"}), denied=(2,)),
    "waived_small_consignment.json": Expected(
        "not_required", 0, frozenset({"exporter-declaration-unsigned"}), notes=frozenset({"co-waived"})
    ),
    "malformed.json": Expected(None, 2),
}

#: The problems malformed.json has, with their JSON paths.
MALFORMED_PROBLEMS: Final = (
    "issue_date: not a date: '2024-13-05'",
    "items[0].invoice.date: not a date: '2024-02-30'",
    "items[1].number: expected an integer, got a string: '2'",
    "items[1].quantity.value: expected a decimal number, got a boolean",
    "exporter_declaration.signed: expected true or false, got a string: 'yes'",
)


def read(name: str) -> Any:
    """An example parsed the way the CLI parses it: fractions as Decimal."""
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"), parse_float=Decimal)


def load_case(name: str) -> tuple[roo.Certificate, roo.Context]:
    """An example's certificate and context."""
    data = read(name)
    if "certificate" in data:
        return roo.load(data["certificate"]), roo.load_context(data.get("context") or {})
    return roo.load(data), roo.Context()


def test_every_example_has_an_expectation() -> None:
    """No example ships untested, and every expectation has its file (JIEPA and MoTR ones: their own table)."""
    from tests.test_examples_jiepa_motr import EXPECTED as JIEPA_MOTR

    assert sorted([*EXPECTED, *JIEPA_MOTR]) == sorted(path.name for path in EXAMPLES.glob("*.json"))


def test_at_least_six_examples() -> None:
    """The foundation promises at least six realistic examples."""
    assert len(EXPECTED) >= 6


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.status is not None))
def test_example_outcome(name: str) -> None:
    """The example gets its expected status, denied items, error and warning codes, and notes."""
    expected = EXPECTED[name]
    evaluation = roo.evaluate(*load_case(name))
    assert expected.status == evaluation.status.value
    assert expected.denied == evaluation.denied
    assert expected.codes == {f.code for f in evaluation.findings if f.severity is not Severity.INFO}
    assert expected.notes <= {f.code for f in evaluation.findings if f.severity is Severity.INFO}


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.status is not None))
def test_example_is_a_case_with_exactly_certificate_and_context(name: str) -> None:
    """Each evaluable example is a case of exactly a certificate and a context, both valid for the schemas."""
    data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    assert {"certificate", "context"} == set(data)
    assert [] == validate(data["certificate"], json_schema())
    assert [] == validate(data["context"], context_schema())


def test_findings_of_the_bad_item_stay_with_it() -> None:
    """one_bad_item.json: the HS fault is reported on item 2 only (AJCEP IR 3(j))."""
    evaluation = roo.evaluate(*load_case("one_bad_item.json"))
    (finding,) = [f for f in evaluation.findings if f.code == "hs-code-not-six-digits"]
    assert (2, "AJCEP/IR/12") == (finding.item, finding.rule)
    assert ("granted", "denied", "granted") == tuple(v.preference.value for v in evaluation.items)


def test_rvc_claim_below_the_general_rule() -> None:
    """rvc_below_threshold.json: 'RVC 35%' is below the 40% of Art 26; the 42% item passes."""
    evaluation = roo.evaluate(*load_case("rvc_below_threshold.json"))
    (finding,) = [f for f in evaluation.findings if f.code == "rvc-below-general-rule"]
    assert (2, Decimal("35"), Decimal("40")) == (finding.item, finding.facts["rvc_percent"], finding.facts["threshold"])


def test_third_country_invoicer_is_in_singapore() -> None:
    """third_country_invoicing.json: a Malaysian CO to Japan, invoiced from Singapore, with the box ticked."""
    co, _ = load_case("third_country_invoicing.json")
    assert (True, "SG") == (co.third_country_invoicing, co.third_country_invoicer and co.third_country_invoicer.country)


def test_malformed_lists_every_problem_with_its_path() -> None:
    """malformed.json: a bad date and wrong types, every one reported with its JSON path."""
    with pytest.raises(roo.InvalidCertificate) as raised:
        roo.load(read("malformed.json"))
    assert MALFORMED_PROBLEMS == tuple(str(p) for p in raised.value.problems)
    assert validate(json.loads((EXAMPLES / "malformed.json").read_text(encoding="utf-8")), json_schema())


def test_examples_are_evaluated_as_of_their_presentation_date() -> None:
    """Every case carries the date it is presented, so its outcome does not depend on when it is run."""
    for name, expected in EXPECTED.items():
        if expected.status is not None:
            _, ctx = load_case(name)
            assert ctx.on is not None, name
