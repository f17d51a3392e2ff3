"""One exception tree in ``roo.errors``: a public base for invalid input, one sibling subclass per kind of document.

Catching the certificate's error catches only the certificate's problems; every exception pickles intact; the
old import locations name the same classes; a crashing rule's traceback is logged under the ``roo`` logger.
"""

from __future__ import annotations

import logging
import pickle
from datetime import date

import pytest

import roo
import roo.eco
import roo.errors
import roo.hs.correlation
import roo.origin
import roo.origin.model
import roo.origin.psr
import roo.params
import roo.safeguard
from roo import engine
from roo.errors import Problem
from roo.rule_kit import CertificateRule
from tests.builders import PRESENTED_ON, certificate_data

DOCUMENT_ERRORS = (
    roo.errors.InvalidCertificate,
    roo.errors.InvalidCase,
    roo.errors.InvalidContext,
    roo.errors.InvalidGood,
    roo.errors.InvalidPsrTable,
    roo.errors.InvalidSafeguardTable,
    roo.errors.InvalidMessage,
)


def test_the_base_is_public_and_a_value_error() -> None:
    assert roo.InvalidInput is roo.errors.InvalidInput
    assert issubclass(roo.InvalidInput, ValueError)
    assert issubclass(roo.InvalidInput, roo.RooError)


@pytest.mark.parametrize("error", DOCUMENT_ERRORS, ids=lambda cls: cls.__name__)
def test_each_kind_of_document_is_a_direct_child_of_the_base(error: type[roo.InvalidInput]) -> None:
    assert error.__bases__ == (roo.InvalidInput,)
    others = [other for other in DOCUMENT_ERRORS if other is not error]
    assert not any(issubclass(error, other) for other in others)


def test_except_invalid_certificate_catches_only_the_certificate() -> None:
    """A bad product-rule table, context or good passes an ``except roo.InvalidCertificate`` by."""
    for load, document in (
        (roo.origin.load_psr, {"format": "roo.psr/1"}),
        (roo.load_context, {"on": "not a date"}),
        (roo.load_good, {"scheme": "AJCEP"}),
        (roo.eco.load_message, {}),
    ):
        with pytest.raises(roo.InvalidInput) as raised:
            load(document)
        assert not isinstance(raised.value, roo.InvalidCertificate), load
    with pytest.raises(roo.InvalidCertificate):
        roo.load({"scheme": "AJCEP"})


def test_a_bad_parameter_override_is_a_context_problem() -> None:
    with pytest.raises(roo.InvalidContext) as raised:
        roo.load_context({"parameters": {"ajcep.retroactive.grace_days": "four"}})
    assert [p.path for p in raised.value.problems] == ["parameters['ajcep.retroactive.grace_days']"]


def test_the_former_homes_name_the_same_classes() -> None:
    assert roo.origin.InvalidGood is roo.origin.model.InvalidGood is roo.errors.InvalidGood is roo.InvalidGood
    assert roo.origin.InvalidPsrTable is roo.origin.psr.InvalidPsrTable is roo.errors.InvalidPsrTable
    assert roo.eco.InvalidMessage is roo.errors.InvalidMessage is roo.InvalidMessage
    assert roo.safeguard.InvalidSafeguardTable is roo.errors.InvalidSafeguardTable
    assert roo.hs.correlation.CorrelationTableError is roo.errors.CorrelationTableError
    assert roo.params.ParameterError is roo.errors.ParameterError
    assert roo.params.ParameterNotInForce is roo.errors.ParameterNotInForce
    assert roo.params.UnknownParameter is roo.errors.UnknownParameter
    assert roo.params.InvalidParameterOverride is roo.errors.InvalidParameterOverride


@pytest.mark.parametrize(
    "error",
    [
        *(cls([Problem("a.b", "broken", 1)], omitted=2) for cls in DOCUMENT_ERRORS),
        roo.errors.InvalidParameterOverride([Problem("parameters['x']", "bad", "y")]),
        roo.errors.CorrelationTableError("table.csv", 3, "not a code"),
        roo.errors.ParameterError("data.toml", "x.y", "no value"),
        roo.errors.ParameterNotInForce("x.y", date(2024, 1, 1), first_effective=date(2025, 1, 1)),
        roo.errors.UnknownParameter("x.y"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_every_error_pickles_intact(error: roo.RooError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert vars(back) == vars(error)


def _boom(co: object, ctx: object) -> object:
    raise ZeroDivisionError("a bug in a rule")


def test_a_crashing_rule_logs_its_traceback_under_the_roo_logger(caplog: pytest.LogCaptureFixture) -> None:
    """The finding names the exception's class; the log keeps the traceback that a finding cannot carry."""
    rule = CertificateRule("AJCEP/IR/3", "A rule with a bug", _boom)  # type: ignore[arg-type]
    co = roo.load(certificate_data())
    with caplog.at_level(logging.ERROR, logger="roo"):
        evaluation = engine.run(co, roo.Context(on=PRESENTED_ON), (rule,))
    crashed = [f for f in evaluation.findings if f.code == "rule-crashed"]
    assert [f.facts["error"] for f in crashed] == ["ZeroDivisionError"]
    [record] = [r for r in caplog.records if r.name == "roo" or r.name.startswith("roo.")]
    assert record.name == "roo.engine"
    assert record.levelno == logging.ERROR
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError
    assert "AJCEP/IR/3" in record.getMessage()
