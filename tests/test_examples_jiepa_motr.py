"""The JIEPA and MoTR 16/2024 examples in examples/, held to their expected outcome.

Each is a case ``{"certificate": ..., "context": ...}`` as ``roo evaluate``
reads it. :data:`EXPECTED` gives, per example, the status, the exit code of
``roo evaluate``, the codes of every ``error`` and ``warning`` finding, the
``info`` notes the example is about, and the denied items.
``examples/eco/jiepa_eco_id_jp_data_copy.json`` is the copy of the e-CO data
of ``jiepa_eco_id_jp.json``, for ``roo eco compare``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import pytest

import roo
from roo.evaluation import Severity
from roo.schema import context_schema, json_schema
from tests.test_examples import Expected
from tests.test_schema import validate

EXAMPLES: Final = Path(__file__).resolve().parent.parent / "examples"

EXPECTED: Final[dict[str, Expected]] = {
    "jiepa_eco_id_jp.json": Expected("accepted", 0, frozenset({"eco-copy-discrepancy-minor"})),
    "jiepa_paper_after_switch.json": Expected(
        "partially_accepted", 1, frozenset({"paper-co-after-eco-only", "jiepa-hs-edition-superseded"}), denied=(2,)
    ),
    "motr_ceramic_tiles_vn_id.json": Expected("accepted", 0),
    "motr_country_not_excluded.json": Expected("rejected", 1, frozenset({"motr-country-not-excluded"}), denied=(1,)),
    "motr_transit_not_proven.json": Expected(
        "rejected",
        1,
        frozenset({"motr-transit-not-proven"}),
        notes=frozenset({"motr-field-verification-possible"}),
        denied=(1,),
    ),
}

#: The e-CO data copy that goes with jiepa_eco_id_jp.json.
DATA_COPY: Final = EXAMPLES / "eco" / "jiepa_eco_id_jp_data_copy.json"


def read(path: Path) -> Any:
    """An example parsed the way the CLI parses it: fractions as Decimal."""
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def load_case(name: str) -> tuple[roo.Certificate, roo.Context]:
    """An example's certificate and context."""
    data = read(EXAMPLES / name)
    return roo.load(data["certificate"]), roo.load_context(data["context"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_outcome(name: str) -> None:
    """The example gets its expected status, denied items, error and warning codes, and notes."""
    expected = EXPECTED[name]
    evaluation = roo.evaluate(*load_case(name))
    actual = (
        evaluation.status.value,
        evaluation.denied,
        {f.code for f in evaluation.findings if f.severity is not Severity.INFO},
    )
    assert (expected.status, expected.denied, expected.codes) == actual
    assert expected.notes <= {f.code for f in evaluation.findings if f.severity is Severity.INFO}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_is_a_valid_dated_case(name: str) -> None:
    """Each example is a case of exactly a certificate and a context, valid for the schemas, with its date."""
    data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    assert {"certificate", "context"} == set(data)
    assert ([], [], True) == (
        validate(data["certificate"], json_schema()),
        validate(data["context"], context_schema()),
        bool(data["context"].get("on")),
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_exit_code(name: str) -> None:
    """``roo evaluate EXAMPLE`` exits with the expected code."""
    result = subprocess.run(
        [sys.executable, "-m", "roo", "evaluate", str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )
    assert (EXPECTED[name].exit_code, "") == (result.returncode, result.stderr)


def test_eco_example_is_presented_during_the_pilot_with_its_copy() -> None:
    """jiepa_eco_id_jp.json: an e-CO presented in May 2023 with the copy of its data, which the file also holds."""
    co, ctx = load_case("jiepa_eco_id_jp.json")
    expected = ("electronic", "ID", "JP", True, ctx.eco_data_copy)
    actual = (co.medium.value, co.exporting_party, co.importing_party, ctx.on is not None and ctx.on.month == 5)
    assert expected == (*actual, roo.load(read(DATA_COPY)))


def test_eco_example_keys() -> None:
    """The NACCS access keys of the e-CO example."""
    co, _ = load_case("jiepa_eco_id_jp.json")
    assert ("0004127/IJEPA/SBY/2023", "BMS/EXP/2305/0218") == roo.eco.access_keys(co)


def test_paper_after_switch_item_findings() -> None:
    """jiepa_paper_after_switch.json: the HS2002 item is denied under Art 29; the paper CO is only flagged."""
    evaluation = roo.evaluate(*load_case("jiepa_paper_after_switch.json"))
    found = sorted((f.code, f.rule, f.item) for f in evaluation.findings if f.severity is not Severity.INFO)
    expected = [
        ("jiepa-hs-edition-superseded", "JIEPA/ART/29(1)", 2),
        ("paper-co-after-eco-only", "JIEPA/ECO/5", None),
    ]
    assert expected == found


def test_motr_transit_example_goes_through_singapore() -> None:
    """motr_transit_not_proven.json: transit through Singapore for transport reasons, without any proof."""
    co, ctx = load_case("motr_transit_not_proven.json")
    assert ctx.consignment is not None
    assert (("SG",), ("SG",), ()) == (
        co.transport.transit_countries if co.transport else (),
        tuple(stop.country for stop in ctx.consignment.transit),
        ctx.consignment.evidence,
    )
