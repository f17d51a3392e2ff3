"""AJCEP IR 8: evidence for accumulated materials of items claiming ACU."""

from __future__ import annotations

import attrs
import pytest

import roo
from roo.context import AccumulationDocument, Context
from roo.context import AccumulationDocumentKind as Kind
from roo.evaluation import Outcome, Severity
from roo.rules.ajcep import ir08_accumulation_evidence as ir08
from roo.rules.base import Result
from tests.builders import PRESENTED_ON, certificate, item_data

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

Seen = tuple[Outcome, list[tuple[str, Severity, int | None]]]


def seen(result: Result) -> Seen:
    """A rule result as (outcome, [(code, severity, item)])."""
    return result.outcome, [(f.code, f.severity, f.item) for f in result.findings]


ACU = certificate(items=[item_data(1, origin_criterion="CTH, ACU"), item_data(2, origin_criterion="WO")])


def documents(*docs: AccumulationDocument) -> Context:
    """A context carrying ``docs``."""
    return Context(accumulation_documents=docs)


def test_item_without_acu_is_not_applicable() -> None:
    """Only items whose box 8 claims accumulation are concerned."""
    assert Outcome.NOT_APPLICABLE == ir08.check_accumulation_evidence(ACU.items[1], ACU, Context()).outcome


def test_acu_without_documents_is_noted() -> None:
    """IR 8: documents "may" be used "if needed": none in the context is an info note; the item keeps preference."""
    assert (Outcome.PASSED, [("accumulation-evidence-not-provided", INFO, 1)]) == seen(
        ir08.check_accumulation_evidence(ACU.items[0], ACU, Context())
    )


MATERIAL_CO = AccumulationDocument(Kind.MATERIAL_CERTIFICATE, 1, "TH-2024-0042", exporting_party="TH")


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        pytest.param(MATERIAL_CO, (Outcome.PASSED, []), id="co-for-the-material-from-a-party"),
        pytest.param(
            attrs.evolve(MATERIAL_CO, exporting_party="JP"), (Outcome.PASSED, []), id="co-for-the-material-from-japan"
        ),
        pytest.param(
            attrs.evolve(MATERIAL_CO, issued_retroactively=True),
            (Outcome.PASSED, [("accumulation-material-co-retroactive", INFO, 1)]),
            id="retroactive-co-for-the-material-is-allowed",
        ),
        pytest.param(
            attrs.evolve(MATERIAL_CO, exporting_party="CN"),
            (Outcome.PASSED, [("accumulation-material-co-not-from-party", WARNING, 1)]),
            id="co-for-the-material-from-a-non-party",
        ),
        pytest.param(
            attrs.evolve(MATERIAL_CO, exporting_party=None),
            (Outcome.PASSED, [("accumulation-material-co-party-missing", WARNING, 1)]),
            id="co-for-the-material-without-issuing-party",
        ),
        pytest.param(
            attrs.evolve(MATERIAL_CO, reference=None),
            (Outcome.PASSED, [("accumulation-document-reference-missing", WARNING, 1)]),
            id="co-for-the-material-without-reference",
        ),
        pytest.param(AccumulationDocument(Kind.EXPORTER_DECLARATION, 1), (Outcome.PASSED, []), id="exporter-declaration"),
        pytest.param(AccumulationDocument(Kind.PRODUCER_DECLARATION, 1), (Outcome.PASSED, []), id="producer-declaration"),
        pytest.param(AccumulationDocument(Kind.INVOICE, 1, "INV-9"), (Outcome.PASSED, []), id="invoice"),
        pytest.param(
            AccumulationDocument(Kind.INVOICE, 1),
            (Outcome.PASSED, [("accumulation-document-reference-missing", WARNING, 1)]),
            id="invoice-without-number",
        ),
        pytest.param(
            AccumulationDocument(Kind.OTHER, 1, "Mill certificate 77"),
            (Outcome.PASSED, [("accumulation-other-document", INFO, 1)]),
            id="any-other-relevant-document",
        ),
    ],
)
def test_documents_are_checked(document: AccumulationDocument, expected: Seen) -> None:
    """Each kind of IR 8 evidence is accepted; problems with a document are warnings, never denials."""
    assert expected == seen(ir08.check_accumulation_evidence(ACU.items[0], ACU, documents(document)))


def test_documents_for_another_item_do_not_count() -> None:
    """Evidence tied to item 2 is no evidence for item 1."""
    ctx = documents(attrs.evolve(MATERIAL_CO, certificate_item=2))
    assert (Outcome.PASSED, [("accumulation-evidence-not-provided", INFO, 1)]) == seen(
        ir08.check_accumulation_evidence(ACU.items[0], ACU, ctx)
    )


def test_every_document_is_checked() -> None:
    """Several documents for one item are each looked at."""
    ctx = documents(MATERIAL_CO, AccumulationDocument(Kind.INVOICE, 1), AccumulationDocument(Kind.OTHER, 1))
    assert (
        Outcome.PASSED,
        [("accumulation-document-reference-missing", WARNING, 1), ("accumulation-other-document", INFO, 1)],
    ) == seen(ir08.check_accumulation_evidence(ACU.items[0], ACU, ctx))


def test_missing_evidence_never_denies() -> None:
    """Through roo.evaluate: an ACU item without evidence keeps preference, with the note on it."""
    evaluation = roo.evaluate(ACU, on=PRESENTED_ON)
    verdict = evaluation.item(1)
    assert verdict is not None
    assert (True, ["accumulation-evidence-not-provided"]) == (
        verdict.granted,
        [f.code for f in verdict.findings if f.code.startswith("accumulation-")],
    )


def test_documents_load_from_context_json() -> None:
    """The context JSON carries accumulation documents per CO item."""
    ctx = roo.load_context(
        {"accumulation_documents": [{"kind": "material_certificate", "certificate_item": 1, "reference": "JP-123",
                                     "exporting_party": "JP"}]}
    )
    assert (Outcome.PASSED, []) == seen(ir08.check_accumulation_evidence(ACU.items[0], ACU, ctx))
