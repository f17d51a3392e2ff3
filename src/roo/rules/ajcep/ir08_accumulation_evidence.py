"""AJCEP IR 8: documents that prove accumulated materials originate in a Party.

When an item's origin rests on accumulation (Art 29: box 8 shows ``ACU``),
the issuing authority or the importing customs may need evidence that the
materials accumulated are originating materials of a Party. Any of these may
serve: (a) a declaration by the exporter or the producer of the good; (b) an
invoice of the good; (c) a copy of the CO for the material issued by the
material's exporting Party, including one issued retroactively; (d) any other
relevant document.

roo applies this to each item claiming ``ACU``. The documents come from the
context (``accumulation_documents``, each tied to a CO item). When the context
carries none for the item, an ``info`` note says that customs may request
them: the Rule says the documents *may* be used *if* evidence is needed, so
their absence is no defect of the CO and never denies. When documents are
given they are checked, and each problem is a ``warning``, since a document
offered may not show what it is offered for:

* a CO for a material must be issued by a Party to the Agreement (Japan or an
  ASEAN Member State), and should name its reference number so it can be
  traced; a material CO issued retroactively is expressly allowed (IR 8(c))
  and is noted as ``info``;
* an invoice should name its number;
* an "other" document is accepted as IR 8(d) allows, and noted as ``info``:
  its relevance is for customs to judge.

Items without ``ACU`` are not concerned.

Source: AJCEP Implementing Regulations, Rule 8; Agreement Art 29; notes to the AJCEP CO form, note 3(f).
"""

from __future__ import annotations

import functools
from typing import Final

from ...context import AccumulationDocument, AccumulationDocumentKind, Context
from ...evaluation import Finding, Severity
from ...model.certificate import Certificate, Item
from ...rule_kit import NOT_APPLICABLE, FindingSpec, ItemRule, Result, judged
from ..shared.declaration import context_grouping

RULE: Final = "AJCEP/IR/8"

#: The Parties to the Agreement (Japan and the ASEAN Member States, Art 1), as ISO 3166-1 alpha-2 codes.
AJCEP_PARTIES: Final = frozenset({"JP", "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"})


EVIDENCE_NOT_PROVIDED = FindingSpec(
    "accumulation-evidence-not-provided",
    RULE,
    Severity.INFO,
    "Box 8 claims accumulation (ACU) but no evidence that the accumulated materials originate in a Party "
    "was provided; customs may request an exporter's or producer's declaration, an invoice or a CO for the "
    "materials.",
)
MATERIAL_CO_NOT_FROM_PARTY = FindingSpec(
    "accumulation-material-co-not-from-party",
    RULE,
    Severity.WARNING,
    "The CO for the material{reference_text} was issued by '{exporting_party}', which is not a Party to "
    "AJCEP; it does not show the material originates in a Party.",
)
MATERIAL_CO_PARTY_MISSING = FindingSpec(
    "accumulation-material-co-party-missing",
    RULE,
    Severity.WARNING,
    "The CO for the material{reference_text} does not say which Party issued it; customs may verify.",
)
DOCUMENT_REFERENCE_MISSING = FindingSpec(
    "accumulation-document-reference-missing",
    RULE,
    Severity.WARNING,
    "The {kind} offered as evidence of accumulation has no reference number, so it cannot be traced; "
    "customs may verify.",
)
MATERIAL_CO_RETROACTIVE = FindingSpec(
    "accumulation-material-co-retroactive",
    RULE,
    Severity.INFO,
    "The CO for the material{reference_text} was issued retroactively, which IR 8(c) allows.",
)
OTHER_DOCUMENT = FindingSpec(
    "accumulation-other-document",
    RULE,
    Severity.INFO,
    "A document of another kind{reference_text} is offered as evidence of accumulation (IR 8(d)); "
    "its relevance is for customs to judge.",
)

_KIND_NAMES: Final = {
    AccumulationDocumentKind.EXPORTER_DECLARATION: "exporter's declaration",
    AccumulationDocumentKind.PRODUCER_DECLARATION: "producer's declaration",
    AccumulationDocumentKind.INVOICE: "invoice",
    AccumulationDocumentKind.MATERIAL_CERTIFICATE: "CO for the material",
    AccumulationDocumentKind.OTHER: "document",
}


#: The context's accumulation documents by CO item number, grouped once per context (linear in items + documents).
_documents_by_item: Final = context_grouping(
    lambda ctx: ctx.accumulation_documents, lambda document: document.certificate_item
)


def documents_for(ctx: Context, number: int) -> tuple[AccumulationDocument, ...]:
    """The accumulation documents the context carries for CO item ``number``."""
    return _documents_by_item(ctx, number)


def _document_findings(item: int, document: AccumulationDocument) -> list[Finding]:
    """What there is to say about one document offered for ``item``."""
    reference_text = f" '{document.reference}'" if document.reference else ""
    findings: list[Finding] = []
    kind = document.kind
    if kind in (AccumulationDocumentKind.MATERIAL_CERTIFICATE, AccumulationDocumentKind.INVOICE):
        if not (document.reference and document.reference.strip()):
            findings.append(DOCUMENT_REFERENCE_MISSING(item, kind=_KIND_NAMES[kind]))
    if kind is AccumulationDocumentKind.MATERIAL_CERTIFICATE:
        party = document.exporting_party
        if party is None or not party.strip():
            findings.append(MATERIAL_CO_PARTY_MISSING(item, reference_text=reference_text))
        elif party.strip().upper() not in AJCEP_PARTIES:
            findings.append(
                MATERIAL_CO_NOT_FROM_PARTY(item, reference_text=reference_text, exporting_party=party)
            )
        if document.issued_retroactively:
            findings.append(MATERIAL_CO_RETROACTIVE(item, reference_text=reference_text))
    elif kind is AccumulationDocumentKind.OTHER:
        findings.append(OTHER_DOCUMENT(item, reference_text=reference_text))
    return findings


@functools.lru_cache(maxsize=1024, typed=True)
def _without_evidence(number: int) -> Result:
    # The note depends on the item number alone, and items claiming ACU without documents are the common case
    # (the importer rarely holds them): built once per number, not once per item of every CO.
    return judged(EVIDENCE_NOT_PROVIDED(number))


def check_accumulation_evidence(item: Item, co: Certificate, ctx: Context) -> Result:
    """An item claiming ACU has evidence for its accumulated materials, or customs may request it."""
    if not item.origin_criterion.accumulation:
        return NOT_APPLICABLE
    number = item.number
    documents = ctx.accumulation_documents
    if documents:
        documents = documents_for(ctx, number)
    if not documents:
        return _without_evidence(number)
    findings = [finding for document in documents for finding in _document_findings(number, document)]
    return judged(*findings)


def no_accumulation(co: Certificate, ctx: Context) -> Result | None:
    """Precheck of :func:`check_accumulation_evidence`: ``NOT_APPLICABLE`` when no item claims ``ACU``."""
    for item in co.items:
        if item.origin_criterion.accumulation:
            return None
    return NOT_APPLICABLE


RULES: Final = (
    ItemRule(
        RULE,
        "evidence for accumulated materials",
        check_accumulation_evidence,
        (
            EVIDENCE_NOT_PROVIDED,
            MATERIAL_CO_NOT_FROM_PARTY,
            MATERIAL_CO_PARTY_MISSING,
            DOCUMENT_REFERENCE_MISSING,
            MATERIAL_CO_RETROACTIVE,
            OTHER_DOCUMENT,
        ),
        precheck=no_accumulation,
    ),
)
