"""ID MoTR 16/2024 Arts 3-8: the consignment criteria.

Goods must travel directly from the exporting country to Indonesia, or, when
they pass through another country, (a) the transit must be needed for
geographical reasons or for special considerations of transport, (b) the
goods must not be traded or consumed there, and (c) they must undergo no
production process there beyond loading, unloading and what keeps them in
good condition. The importer proves such a delivery to customs (DGCE) with
customs documents of the intermediary country or other related documents.
Our source joins (b) and (c) with "and/or"; roo reads the three as
conditions that must each hold, the reading that never grants what the
Regulation may refuse.

roo reads the journey from the context (``consignment``): without it the
criteria are not evaluated, nor when the goods did not travel directly but
no transit stop is recorded (``direct`` false or not stated, no stop).

The reason for a transit is free text that a broker writes, in English or
Indonesian. roo reads it word by word against :data:`REASON_VOCABULARY`,
which holds the Regulation's own words for the two grounds ("geographical
reasons"; "special considerations related to transportation requirements")
and their everyday and Indonesian equivalents ("no direct vessel", "alasan
geografis", "persyaratan pengangkutan", ...). A reason that names a ground
meets (a). Any other reason is a doubt about the data, which customs may
resolve by verification (Art 10): a warning naming the text, never a denial
on wording alone. That holds for a reason speaking of a purpose the
Regulation does not admit (a sale, trading, a buyer, a market, ...): roo
does not read negation or jargon ("not for sale in Singapore", "tidak dijual",
"trade lane rotation", "other customers' cargo"), so such words show no fact
that fails (a); they get a warning of their own, naming the words. Where the
data do state such a fact, the goods traded or consumed in the transit
country, criterion (b) denies on its own field. A transit with no recorded reason,
or with no answer on trading, is likewise a warning, and since (a) and (b)
are conditions the transit must meet, the check is then not evaluated
(naming ``context.consignment.transit.reason`` or ``.traded_or_consumed``):
no grant rests on a condition the data do not show. Goods traded or
consumed in transit, a production process there, or a transit without any
proof is an error for the whole consignment.

Operations are read as written, part by part, as for the agreements
(:func:`roo.rules.shared.consignment.read_operation`: "unloading and
reloading", "re-loading" and "Unloading/Reloading" are loading and
unloading). What (c) forbids is a "production process": one known to work
on the goods (processing, manufacturing, assembly, mixing, cutting, ...) is
an error. Changing their packing or labels, or sorting them (repacking,
relabelling, grading, ...), is not plainly a production process, and our
source does not say: that is a warning naming the doubt, as is any operation
roo does not recognise (storage, fumigation, ...), for customs to verify.
"Processing" beside a word of a formality ("customs processing",
"transhipment processing") is such an operation, not a production process:
a warning.
A stop whose operations the data leave out (``operations`` null or absent)
does not show (c): the check is then not evaluated, naming
``context.consignment.transit.operations``, as for (a) and (b); a stop whose
operations are stated empty says nothing was done there. Likewise the proof:
a transit whose documents are stated as none (``evidence`` empty) is not
proven, an error; a context that does not say which documents were presented
(``evidence`` null or absent) leaves the check not evaluated, naming
``context.consignment.evidence``, since the data cannot show that the
importer failed to prove the delivery. Transit countries
printed in box 3 but absent from the context's journey are reported as an
inconsistency.

**Why missing transit proof denies here and warns under the Agreements.**
The Regulation puts the proof on the importer: the delivery through another
country must be proven with the transit country's customs documents or other
related documents. AJCEP (OCP Rule 3(3)) and JIEPA (Art 40(3)) only let the
importing Party require such documents ("may"), so roo cannot tell whether
they were required and warns there (``transit-evidence-missing``,
``jiepa-transit-evidence-missing``). Likewise goods traded or consumed in
transit fail condition (b) here, a condition JIEPA Art 33 does not set
(``jiepa-transit-traded-or-consumed`` warns) and AJCEP Art 31 does not
mention.

Source: MoT Regulation 16/2024, Arts 3-8 (see ``citations.py`` on which article roo cites).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, final

import attrs

from ...context import Consignment, Context
from ...evaluation import Finding, Outcome, Severity
from ...model.certificate import Certificate
from ...rule_kit import PASSED, CertificateRule, FindingSpec, Result, judged, not_evaluated
from ..shared import consignment as shared_consignment
from .citations import CRITERIA

#: What may happen to the goods in a transit country (c).
PERMITTED_OPERATIONS: Final = frozenset({"loading", "unloading", "reloading", "preservation"})
#: How roo reads the operations of (c): loading, unloading and what keeps the goods in good condition are
#: permitted; storage is not named by our source and is read as unrecognised (a warning), never as an error.
VOCABULARY: Final = shared_consignment.OperationVocabulary(
    permitted=PERMITTED_OPERATIONS
    | frozenset(
        """
        transit load loaded unload unloaded reload reloaded discharge discharging discharged transhipment
        transshipment transhipped transshipped preserve preserving preserved refrigeration refrigerated
        refrigerating chilling chilled frozen keeping
        """.split()
    ),
    qualifiers=shared_consignment.QUALIFIER_WORDS,
    not_permitted=shared_consignment.NOT_PERMITTED_WORDS - frozenset(
        # Packing, labelling and sorting change no good: whether they are a "production process" is a doubt (warning).
        "repacking repackaging packing relabelling relabeling labelling labeling sorting grading".split()
    ),
)
#: Why a transit is acceptable (a): the two grounds the Regulation names, as roo reports them.
PERMITTED_REASONS: Final = frozenset({"geographical", "transport"})


class TransitGround(enum.StrEnum):
    """A ground of Art 3-8 (a) on which goods may pass through another country."""

    GEOGRAPHICAL = "geographical"
    """The Regulation's "geographical reasons"."""
    TRANSPORT = "transport"
    """The Regulation's "special considerations related to transportation requirements"."""


@final
@attrs.frozen
class ReasonVocabulary:
    """The words by which roo reads the reason a broker gives for a transit (lower case, one word each).

    ``grounds``: words naming a ground of (a), by ground; ``phrases``:
    patterns naming a ground in more than one word ("no direct vessel");
    ``not_admitted``: words naming a purpose the Regulation does not admit
    (a sale, trading, a buyer). Every other word is neutral: it neither meets
    nor fails (a).
    """

    grounds: Mapping[TransitGround, frozenset[str]]
    phrases: tuple[tuple[re.Pattern[str], TransitGround], ...]
    not_admitted: frozenset[str]


#: The Regulation's own words for the two grounds come first in each set; then everyday English, then
#: Indonesian (the language of the Regulation: "alasan geografis", "pertimbangan khusus terkait persyaratan
#: pengangkutan"). Negation is not read: "no transport reason" names the transport ground, and "not for sale"
#: names a sale; so a word never denies, and customs may verify any reason (Art 10).
REASON_VOCABULARY: Final = ReasonVocabulary(
    grounds=MappingProxyType(
        {
            TransitGround.GEOGRAPHICAL: frozenset(
                """
                geographical geographic geographically geography landlocked
                geografis geografi geografisnya
                """.split()
            ),
            TransitGround.TRANSPORT: frozenset(
                """
                transportation transport transporting transported
                shipping carrier carriers vessel vessels feeder liner hub transhipment transshipment transhipping
                connection connecting routing logistics logistical freight airline flight flights
                pengangkutan angkutan transportasi pengapalan pelayaran kapal penerbangan logistik
                """.split()
            ),
        }
    ),
    phrases=(
        (re.compile(r"\bno direct\b"), TransitGround.TRANSPORT),
        (re.compile(r"\bnot? (?:\w+ )?directly\b"), TransitGround.TRANSPORT),
        (re.compile(r"\btidak ada\b.*\blangsung\b"), TransitGround.TRANSPORT),
    ),
    not_admitted=frozenset(
        """
        commercial commerce trade trading traded sale sales sold selling resale resold reselling buyer buyers
        customer customers market marketing price prices pricing profit business
        komersial perdagangan dagang diperdagangkan penjualan dijual jual pembeli pasar harga bisnis keuntungan
        """.split()
    ),
)

_REASON_WORD: Final = re.compile(r"[^\W\d_]+")


@final
@attrs.frozen
class ReasonReading:
    """How roo reads a transit reason: the grounds it names, and the words naming a purpose not admitted."""

    text: str
    grounds: tuple[TransitGround, ...] = ()
    not_admitted: tuple[str, ...] = ()


def read_reason(text: str, vocabulary: ReasonVocabulary = REASON_VOCABULARY) -> ReasonReading:
    """Read a transit reason as a broker wrote it.

    >>> read_reason("special considerations related to transportation requirements").grounds
    (<TransitGround.TRANSPORT: 'transport'>,)
    >>> read_reason("Alasan geografis").grounds
    (<TransitGround.GEOGRAPHICAL: 'geographical'>,)
    >>> read_reason("sold to a buyer in Singapore").not_admitted
    ('sold', 'buyer')
    >>> read_reason("awaiting instructions")
    ReasonReading(text='awaiting instructions', grounds=(), not_admitted=())
    """
    lowered = text.lower()
    words = _REASON_WORD.findall(lowered)
    found: dict[TransitGround, None] = {}
    for ground, names in vocabulary.grounds.items():
        if any(word in names for word in words):
            found[ground] = None
    for pattern, ground in vocabulary.phrases:
        if pattern.search(lowered):
            found[ground] = None
    not_admitted = tuple(dict.fromkeys(word for word in words if word in vocabulary.not_admitted))
    ordered = tuple(ground for ground in TransitGround if ground in found)
    return ReasonReading(text, ordered, not_admitted)


REASON_NOT_ACCEPTED = FindingSpec(
    "motr-transit-reason-not-accepted",
    CRITERIA,
    Severity.WARNING,
    "The reason given for the transit through {country}, '{reason}', speaks of {purposes} and names neither "
    "geographical reasons nor special considerations related to transportation requirements; customs may verify "
    "why the goods did not travel directly.",
)
REASON_UNRECOGNISED = FindingSpec(
    "motr-transit-reason-unrecognised",
    CRITERIA,
    Severity.WARNING,
    "roo cannot tell whether the reason given for the transit through {country}, '{reason}', is a geographical "
    "reason or a special consideration related to transportation requirements; customs may verify it.",
)
REASON_MIXED = FindingSpec(
    "motr-transit-reason-mixed",
    CRITERIA,
    Severity.WARNING,
    "The reason given for the transit through {country}, '{reason}', names a ground the Regulation admits "
    "({grounds}) but also {purposes}; customs may verify why the goods did not travel directly.",
)
REASON_UNKNOWN = FindingSpec(
    "motr-transit-reason-unknown",
    CRITERIA,
    Severity.WARNING,
    "No reason is recorded for the transit through {country}; customs may ask why the goods did not travel "
    "directly.",
)
TRADED_IN_TRANSIT = FindingSpec(
    "motr-traded-in-transit",
    CRITERIA,
    Severity.ERROR,
    "The goods were traded or consumed in the transit country {country}.",
)
TRADING_UNKNOWN = FindingSpec(
    "motr-transit-trading-unknown",
    CRITERIA,
    Severity.WARNING,
    "It is not recorded whether the goods were traded or consumed in {country}; customs may verify it.",
)
OPERATION_NOT_PERMITTED = FindingSpec(
    "motr-transit-operation-not-permitted",
    CRITERIA,
    Severity.ERROR,
    "In {country} the goods underwent {operations}, beyond loading, unloading and keeping them in good condition.",
)
OPERATION_UNRECOGNISED = FindingSpec(
    "motr-transit-operation-unrecognised",
    CRITERIA,
    Severity.WARNING,
    "In {country} the goods underwent {operations}, which roo does not recognise as loading, unloading or keeping "
    "them in good condition, nor as a production process; customs may verify what was done.",
)
TRANSIT_NOT_PROVEN = FindingSpec(
    "motr-transit-not-proven",
    CRITERIA,
    Severity.ERROR,
    "The goods passed through {countries}, but no customs document of the transit country or other document "
    "proves the consignment criteria.",
)
TRANSIT_INCONSISTENT = FindingSpec(
    "motr-transit-inconsistent",
    CRITERIA,
    Severity.WARNING,
    "Box 3 shows transit through {countries}, which the recorded journey does not include.",
)


def _reason_findings(country: str, reason: str | None) -> list[Finding]:
    """What (a) says of one transit's recorded reason: nothing, or a warning of doubt (wording never denies)."""
    if reason is None or not reason.strip():
        return [REASON_UNKNOWN(None, country=country)]
    reading = read_reason(reason)
    if reading.grounds and not reading.not_admitted:
        return []
    if reading.grounds:
        grounds = tuple(ground.value for ground in reading.grounds)
        return [REASON_MIXED(None, country=country, reason=reason, grounds=grounds, purposes=reading.not_admitted)]
    if reading.not_admitted:
        return [REASON_NOT_ACCEPTED(None, country=country, reason=reason, purposes=reading.not_admitted)]
    return [REASON_UNRECOGNISED(None, country=country, reason=reason)]


def check_consignment(co: Certificate, ctx: Context) -> Result:
    """Direct consignment, or a transit meeting (a)-(c) and proven by documents."""
    consignment = ctx.consignment
    if consignment is None:
        return not_evaluated("context.consignment")
    findings: list[Finding] = []
    journey = {stop.country for stop in consignment.transit}
    unlisted = tuple(c for c in (co.transport.transit_countries if co.transport else ()) if c not in journey)
    if unlisted:
        findings.append(TRANSIT_INCONSISTENT(None, countries=unlisted))
    if not consignment.transit:
        if consignment.direct is not True:
            # Not delivered directly (or not said), yet no stop recorded: the route is unknown.
            field = "context.consignment.transit" if consignment.direct is False else "context.consignment.direct"
            return not_evaluated(field)
        return judged(*findings) if findings else PASSED
    for stop in consignment.transit:
        findings.extend(_reason_findings(stop.country, stop.reason))
        if stop.traded_or_consumed is None:
            findings.append(TRADING_UNKNOWN(None, country=stop.country))
        elif stop.traded_or_consumed:
            findings.append(TRADED_IN_TRANSIT(None, country=stop.country))
        readings = [shared_consignment.read_operation(op, VOCABULARY) for op in stop.operations or ()]
        extra = tuple(reading.text for reading in readings if reading.not_permitted)
        if extra:
            findings.append(OPERATION_NOT_PERMITTED(None, country=stop.country, operations=extra))
        unknown = tuple(reading.text for reading in readings if not reading.not_permitted and reading.unrecognised)
        if unknown:
            findings.append(OPERATION_UNRECOGNISED(None, country=stop.country, operations=unknown))
    if consignment.evidence is not None and not consignment.evidence:
        findings.append(TRANSIT_NOT_PROVEN(None, countries=tuple(sorted(journey))))
    needed = _facts_not_stated(consignment)
    if needed and not any(finding.severity is Severity.ERROR for finding in findings):
        # (a) and (b) are conditions of the transit: a stop whose reason or trading the data do not state leaves
        # them unshown. The warnings say so; no grant rests on them as if they were met.
        return Result(Outcome.NOT_EVALUATED, tuple(findings), needed)
    return judged(*findings)


def _facts_not_stated(consignment: Consignment) -> tuple[str, ...]:
    """The facts of (a), (b) and (c) that some transit stop leaves unstated, by their context path."""
    needed: list[str] = []
    if any(stop.reason is None or not stop.reason.strip() for stop in consignment.transit):
        needed.append("context.consignment.transit.reason")
    if any(stop.traded_or_consumed is None for stop in consignment.transit):
        needed.append("context.consignment.transit.traded_or_consumed")
    if any(stop.operations is None for stop in consignment.transit):
        needed.append(shared_consignment.OPERATIONS_NOT_STATED)  # (c) unshown: nothing said of what was done
    if consignment.evidence is None:
        needed.append("context.consignment.evidence")  # the proof the importer owes: not stated, not absent
    return tuple(needed)


RULES: Final = (
    CertificateRule(
        CRITERIA,
        "consignment criteria: direct, or a justified and proven transit",
        check_consignment,
        (
            REASON_NOT_ACCEPTED,
            REASON_UNRECOGNISED,
            REASON_MIXED,
            REASON_UNKNOWN,
            TRADED_IN_TRANSIT,
            TRADING_UNKNOWN,
            OPERATION_NOT_PERMITTED,
            OPERATION_UNRECOGNISED,
            TRANSIT_NOT_PROVEN,
            TRANSIT_INCONSISTENT,
        ),
        ("context.consignment",),
    ),
)
