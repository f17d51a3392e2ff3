"""Direct consignment: goods travel directly, or pass through other countries with only permitted operations.

An originating good keeps its preference when it is transported directly
from the exporting Party to the importing Party, or through other countries
where it undergoes nothing but transit or temporary storage, unloading,
reloading and operations to keep it in good condition. For goods routed
through another country the importing Party may ask for a through bill of
lading, or a certificate or other information from the transit country's
customs or other entities.

roo reads the journey from the context (``consignment``); without it the
check is not evaluated. For the whole CO it checks:

* **operations at each transit stop**: each is read by
  :func:`read_operation`: compound text is split on "and", "/", "," (and
  ";", "&", "+"), case, hyphens and spaces do not matter, and each part is
  a permitted operation (transit, temporary storage or warehousing,
  unloading, reloading, transhipment, preservation such as refrigeration or
  cold storage, with words like "temporary", "bonded" or "warehouse"
  around them), a known operation that is not permitted (processing,
  repacking, relabelling, assembly, mixing, cutting, packing, ...: the
  goods are then out of direct consignment, an error), or something roo
  does not recognise (a warning: customs may verify what was done, and doubt
  never denies). "Processing" names work on the goods only when nothing
  beside it says it is the handling of a formality: "customs processing",
  "transhipment processing" or "processing of documents" is read as
  unrecognised (a warning), since passing through customs is part of any
  transit and none of the texts makes it an operation on the goods;
* **evidence of the transit**: one of :data:`TRANSIT_EVIDENCE` among the
  context's ``evidence``; its absence is for customs to follow up;
* **the route on the CO**: the transit countries printed in box 3 should be
  those the consignment passed through; a difference is for customs to verify.

A consignment marked ``direct`` with no transit stop passes (still subject to
the route check); one with no stop and ``direct`` false or unknown is not
evaluated, since roo does not know the route. The terms give each scheme's
findings.

**Operations not stated are not "nothing done".** Passage through another
country keeps the goods' status only *provided* they undergo nothing but the
operations the rule permits: that is a condition the data must show. A stop
whose ``operations`` the data leave out (``None``) says nothing about what
was done there, so the check is not evaluated, naming
``context.consignment.transit.operations`` (the other stops' findings are
still reported, and an operation not permitted at any stop still fails the
consignment). A stop whose operations are stated empty (``[]``) says that
nothing was done but passing through: it passes, as the form of the data
says elsewhere (docs/formats.md: a field left out is not stated, never "no").
"""

from __future__ import annotations

import re
from typing import Final, final

import attrs

from ...context import Consignment, Context
from ...evaluation import Finding, Outcome, Severity
from ...locale import N_
from ...model.certificate import Certificate
from ...rule_kit import FindingSpec, Result, judged, not_evaluated

#: The message templates of the transit findings in both schemes (each spec keeps its own code and citation).
EVIDENCE_MISSING_TEMPLATE: Final = N_(
    "The goods passed through {countries} but no through bill of lading or transit customs certificate is "
    "given (evidence: {evidence}); customs may require one."
)
ROUTE_DIFFERS_TEMPLATE: Final = N_(
    "The transit countries in box 3 of the CO ({certificate_countries}) are not those the consignment passed "
    "through ({consignment_countries}); customs may verify the route."
)

#: The operations permitted in transit, by the single-term spellings roo accepts (normalised).
PERMITTED_OPERATIONS: Final = {
    "transit": "transit",
    "temporary_storage": "temporary storage",
    "temporary_warehousing": "temporary storage",
    "warehousing": "temporary storage",
    "storage": "temporary storage",
    "unloading": "unloading",
    "unload": "unloading",
    "reloading": "reloading",
    "reload": "reloading",
    "transhipment": "unloading and reloading",
    "transshipment": "unloading and reloading",
    "preservation": "preservation",
    "preserve": "preservation",
    "refrigeration": "preservation",
}

#: Evidence of a transit, by the spellings roo accepts (normalised).
TRANSIT_EVIDENCE: Final = frozenset({"through_bill_of_lading", "transit_customs_certificate", "transit_certificate"})


#: The ``not_permitted`` words that name either work on the goods or the handling of a formality: which one,
#: the words beside them tell (:data:`FORMALITY_WORDS`).
AMBIGUOUS_WORDS: Final = frozenset({"processing"})

#: Words that make an ambiguous word the handling of a formality or of the transit itself, not work on the goods.
FORMALITY_WORDS: Final = frozenset(
    """
    customs clearance document documents documentation paperwork papers permit permits entry declaration
    declarations manifest administrative transit transhipment transshipment
    """.split()
)


@final
@attrs.frozen
class OperationVocabulary:
    """The words by which roo recognises what happened to goods in transit, for one scheme's rule.

    ``permitted``: words naming an operation the rule allows (``unloading``);
    ``qualifiers``: words that only say where or how (``temporary``,
    ``bonded``, ``warehouse``, ``in``), which make no operation of their own;
    ``not_permitted``: words naming an operation the rule does not allow
    (``repacking``). All lower case, without hyphens.
    """

    permitted: frozenset[str]
    qualifiers: frozenset[str]
    not_permitted: frozenset[str]
    #: Words of ``not_permitted`` that may also name the handling of a formality ("customs processing").
    ambiguous: frozenset[str] = AMBIGUOUS_WORDS
    #: Words that, beside an ``ambiguous`` word and no other word of ``not_permitted``, make it a formality.
    formalities: frozenset[str] = FORMALITY_WORDS


#: Words naming an operation that no direct-consignment rule permits in transit: working or processing the goods,
#: or changing their packing or labels. Only the names of the activities: "packed goods" or "original packaging"
#: describe the goods, not an operation on them.
NOT_PERMITTED_WORDS: Final = frozenset(
    """
    processing manufacturing manufacture repacking repackaging packing relabelling relabeling labelling labeling
    assembly assembling reassembly disassembly disassembling mixing blending cutting slicing bottling canning
    sorting grading painting
    """.split()
)

#: Words that say where or how an operation took place, without naming one.
QUALIFIER_WORDS: Final = frozenset(
    """
    temporary temporarily bonded bond warehouse warehouses cold chilled frozen customs port terminal yard
    container containers area zone free in at on onto into of the a an under for to from only by with
    vessel vessels ship another other next same truck trucks rail train aircraft goods cargo
    """.split()
)

#: What Art 31 of AJCEP and Art 33 of JIEPA permit: transit or temporary storage, unloading, reloading, and
#: operations to preserve the goods in good condition.
TRANSIT_VOCABULARY: Final = OperationVocabulary(
    permitted=frozenset(
        """
        transit storage storing stored warehousing warehoused unloading unload unloaded discharge discharging
        discharged reloading reload reloaded loading load loaded transhipment transshipment transhipped
        transshipped preservation preserve preserving preserved refrigeration refrigerated refrigerating
        chilling chilled frozen keeping
        """.split()
    ),
    qualifiers=QUALIFIER_WORDS,
    not_permitted=NOT_PERMITTED_WORDS,
)

_PARTS: Final = re.compile(r"\s*(?:[,;/&+]|\band\b)\s*", re.IGNORECASE)
_WORD: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@final
@attrs.frozen
class OperationReading:
    """How roo reads one operation as printed: its parts that are permitted, not permitted, or unrecognised."""

    text: str
    permitted: tuple[str, ...] = ()
    not_permitted: tuple[str, ...] = ()
    unrecognised: tuple[str, ...] = ()


def _words(part: str, vocabulary: OperationVocabulary) -> list[str]:
    """The words of ``part``, lower case; a hyphenated word is joined when that makes a known word (re-loading)."""
    known = vocabulary.permitted | vocabulary.not_permitted | vocabulary.qualifiers
    words: list[str] = []
    for word in _WORD.findall(part.lower().replace("_", " ")):
        joined = word.replace("-", "")
        words.extend([joined] if joined in known or "-" not in word else word.split("-"))
    return words


def read_operation(text: str, vocabulary: OperationVocabulary = TRANSIT_VOCABULARY) -> OperationReading:
    """Read an operation performed in transit, part by part.

    Compound text is split on "and", "/", ",", ";", "&" and "+". A part
    with a word of ``vocabulary.not_permitted`` is not permitted, unless its
    only such words are ``ambiguous`` and a word of ``formalities`` stands
    beside them (then it is unrecognised); a part whose
    words are all permitted or qualifiers, at least one permitted, is
    permitted; anything else is unrecognised.

    >>> read_operation("Unloading/Re-loading").permitted
    ('Unloading', 'Re-loading')
    >>> read_operation("temporary storage in bonded warehouse").permitted
    ('temporary storage in bonded warehouse',)
    >>> read_operation("unloading and repacking").not_permitted
    ('repacking',)
    >>> read_operation("fumigation").unrecognised
    ('fumigation',)
    >>> read_operation("customs processing").unrecognised, read_operation("processing").not_permitted
    (('customs processing',), ('processing',))
    """
    permitted: list[str] = []
    not_permitted: list[str] = []
    unrecognised: list[str] = []
    for part in _PARTS.split(text.strip()):
        part = part.strip()
        words = _words(part, vocabulary)
        if not words:
            if part:
                unrecognised.append(part)
            continue
        production = [word for word in words if word in vocabulary.not_permitted]
        if production and all(word in vocabulary.ambiguous for word in production) and any(
            word in vocabulary.formalities for word in words
        ):
            unrecognised.append(part)  # "customs processing": a formality roo cannot classify, for customs to verify
        elif production:
            not_permitted.append(part)
        elif any(word in vocabulary.permitted for word in words) and all(
            word in vocabulary.permitted or word in vocabulary.qualifiers for word in words
        ):
            permitted.append(part)
        else:
            unrecognised.append(part)
    return OperationReading(text, tuple(permitted), tuple(not_permitted), tuple(unrecognised))


@final
@attrs.frozen
class ConsignmentTerms:
    """A scheme's findings for an operation not permitted, missing transit evidence, and a route that differs.

    ``operation_unrecognised`` reports an operation roo does not recognise
    (a warning); without it such an operation is reported with
    ``operation_not_permitted`` at warning severity, which that spec must then
    declare among its ``cases`` (the catalogue lists every severity reported).
    """

    operation_not_permitted: FindingSpec
    evidence_missing: FindingSpec
    route_differs: FindingSpec
    operation_unrecognised: FindingSpec | None = None


def normalize_term(term: str) -> str:
    """A vocabulary term as roo compares it: lower case, words joined by underscores.

    >>> normalize_term("Through Bill-of-Lading")
    'through_bill_of_lading'
    """
    return "_".join(term.strip().lower().replace("-", " ").replace("/", " ").split())


def countries(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Country codes upper-cased, blanks and repeats dropped, in order."""
    return tuple(dict.fromkeys(code.strip().upper() for code in codes if code.strip()))


def _route_findings(terms: ConsignmentTerms, co: Certificate, consignment: Consignment) -> list[Finding]:
    """A finding when box 3's transit countries are not those the consignment passed through."""
    printed = countries(co.transport.transit_countries) if co.transport is not None else ()
    travelled = countries(tuple(stop.country for stop in consignment.transit))
    if set(printed) == set(travelled):
        return []
    return [
        terms.route_differs(None, certificate_countries=printed or "none", consignment_countries=travelled or "none")
    ]


def _operation_findings(terms: ConsignmentTerms, country: str, operation: str) -> list[Finding]:
    """What there is to say about one operation at a transit stop: nothing, an error, or a warning."""
    if normalize_term(operation) in PERMITTED_OPERATIONS:
        return []
    reading = read_operation(operation)
    if reading.not_permitted:
        return [terms.operation_not_permitted(None, country=country, operation=operation)]
    if not reading.unrecognised:
        return []
    facts = {"country": country, "operation": operation, "unrecognised": reading.unrecognised}
    if terms.operation_unrecognised is not None:
        return [terms.operation_unrecognised(None, **facts)]
    return [terms.operation_not_permitted.with_severity(Severity.WARNING, None, **facts)]


#: The fact a transit stop leaves unstated when the data do not say what was done there.
OPERATIONS_NOT_STATED: Final = "context.consignment.transit.operations"

#: The check's result when the context says nothing of how the goods travelled (the common case).
_WITHOUT_CONSIGNMENT: Final = not_evaluated("context.consignment")


def check_direct_consignment(terms: ConsignmentTerms, co: Certificate, ctx: Context) -> Result:
    """Goods consigned directly, or in transit with only permitted operations and with evidence."""
    consignment = ctx.consignment
    if consignment is None:
        return _WITHOUT_CONSIGNMENT
    if not consignment.transit:
        if consignment.direct is True:
            return judged(*_route_findings(terms, co, consignment))
        field = "context.consignment.transit" if consignment.direct is False else "context.consignment.direct"
        return not_evaluated(field)
    findings: list[Finding] = []
    operations_not_stated = False
    for stop in consignment.transit:
        if stop.operations is None:
            operations_not_stated = True
            continue
        for operation in stop.operations:
            findings.extend(_operation_findings(terms, stop.country, operation))
    # Evidence not stated warns as evidence not given: the Agreements only let customs require it (a warning).
    if not any(normalize_term(e) in TRANSIT_EVIDENCE for e in consignment.evidence or ()):
        passed_through = countries(tuple(stop.country for stop in consignment.transit))
        findings.append(terms.evidence_missing(None, countries=passed_through, evidence=consignment.evidence or "none"))
    findings.extend(_route_findings(terms, co, consignment))
    if operations_not_stated and not any(finding.severity is Severity.ERROR for finding in findings):
        # Only the permitted operations keep the goods' status in transit: unstated, that condition is unshown.
        return Result(Outcome.NOT_EVALUATED, tuple(findings), (OPERATIONS_NOT_STATED,))
    return judged(*findings)
