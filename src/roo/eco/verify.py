"""Authenticity of a certificate, in separate fragments: integrity, status, issuer, signature.

Each fragment answers one question and is ``valid``, ``invalid`` or
``not_evaluated`` with a stable reason code and a message, so a caller can
tell "tampered with" from "cancelled" from "we were not given the registry":

* **integrity** — does the certificate's canonical digest equal the expected
  one (from the issuing body's message or ledger)?
* **status** — is the certificate issued and in force, or cancelled or
  replaced, according to a status registry the caller supplies?
* **issuer** — was the certifying authority, on the issue date, the exporting
  Party's competent governmental authority or one of its notified designees,
  and was the signatory among the specimen signatures exchanged for it? The
  caller supplies the registry of authorities and specimens. Data that leave
  the certification out, and a CO that names no signatory (an e-CO delivered
  by the issuing body's system need not), leave the fragment not evaluated:
  what the data do not state is not a certification or a signatory that fails.
* **signature** — optional, pluggable: roo has no crypto dependency and no
  network; a caller passes a function that checks a signature over the
  canonical bytes.

Each fragment cites the instrument of the certificate's own scheme
(:data:`CITATIONS`): for AJCEP its Implementing Regulations (IR 5(a)
replacement, IR 11 issuing authorities, IR 13 specimen signatures); for
JIEPA the Agreement (Art 41(1) and (3) issuing authority and notified
designees, Art 41(9) specimen signatures, Art 45(2) cancellation) and, for a
replacement, which the Agreement does not regulate, the Operational
Procedures adopted under Art 50 (not read by roo: unverified). Where roo does
not know the provision (MoTR 16/2024 says nothing roo has read on these
points), a fragment cites nothing rather than another scheme's text.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Final, final

import attrs

from .._exact import exact
from .._frozen import EMPTY, FrozenMap
from ..locale import N_
from ..model.certificate import Certificate, Scheme
from ..rule_kit import render as base_render
from ..text import normalize_text
from .digest import canonical, digest

#: The provision each fragment reason rests on, by the certificate's scheme (absent: none known).
CITATIONS: Final[Mapping[Scheme, Mapping[str, str]]] = MappingProxyType(
    {
        Scheme.AJCEP: MappingProxyType(
            {
                "replaced": "AJCEP/IR/5(a)",
                "authority-missing": "AJCEP/IR/11",
                "certification-not-stated": "AJCEP/IR/11",
                "unknown-authority": "AJCEP/IR/11",
                "authority-not-in-force": "AJCEP/IR/11",
                "specimen-matches": "AJCEP/IR/13",
                "unknown-signatory": "AJCEP/IR/13",
                "signatory-not-stated": "AJCEP/IR/13",
            }
        ),
        Scheme.JIEPA: MappingProxyType(
            {
                # The Agreement does not regulate replacement; the Operational Procedures (Art 50) do, unread.
                "replaced": "JIEPA/ART/50",
                "cancelled": "JIEPA/ART/45(2)",
                "authority-missing": "JIEPA/ART/41(1)",
                "certification-not-stated": "JIEPA/ART/41(1)",
                "unknown-authority": "JIEPA/ART/41(3)",
                "authority-not-in-force": "JIEPA/ART/41(1)",
                "specimen-matches": "JIEPA/ART/41(9)",
                "unknown-signatory": "JIEPA/ART/41(9)",
                "signatory-not-stated": "JIEPA/ART/41(9)",
            }
        ),
    }
)


def citation(scheme: Scheme, reason: str) -> str | None:
    """The provision of ``scheme``'s own instrument that a fragment with ``reason`` rests on, if roo knows one."""
    return CITATIONS.get(scheme, {}).get(reason)


class Validity(enum.StrEnum):
    """The answer of one fragment."""

    VALID = "valid"
    INVALID = "invalid"
    NOT_EVALUATED = "not_evaluated"


class CertificateState(enum.StrEnum):
    """The life-cycle state of a certificate in the issuing body's records."""

    ISSUED = "issued"
    CANCELLED = "cancelled"
    REPLACED = "replaced"


@final
@attrs.frozen
class Fragment:
    """One fragment of a verification: its name, answer, reason code and message.

    ``message`` is English; :meth:`render` gives it in another language from
    its ``template`` (a catalogue msgid) and ``facts``.
    """

    name: str
    validity: Validity
    reason: str
    message: str
    citation: str | None = None
    template: str = attrs.field(default="", eq=False, repr=False)
    facts: FrozenMap[str | date] = attrs.field(default=EMPTY, converter=FrozenMap[str | date], eq=False, repr=False)

    def render(self, locale: str | None = None) -> str:
        """The message in ``locale`` (``"en"``, ``"ja"``, ``"id"``; ``None``: :attr:`message`)."""
        if locale is None or not self.template:
            return self.message
        from ..locale import render

        return render(self.template, None, self.facts, locale)

    def to_dict(self) -> dict[str, str | None]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "validity": self.validity.value,
            "reason": self.reason,
            "message": self.message,
            "citation": self.citation,
        }


def _fragment(
    name: str, validity: Validity, reason: str, template: str, scheme: Scheme | None = None, **facts: str | date
) -> Fragment:
    """A fragment whose English message is ``template`` filled with ``facts``, citing ``scheme``'s provision.

    Dates stay ``date`` (the English message shows them as ISO dates, a rendering in a locale as that locale
    writes them)."""
    cited = None if scheme is None else citation(scheme, reason)
    return Fragment(name, validity, reason, base_render(template, None, facts), cited, template, facts)


@final
@attrs.frozen
class StatusRecord:
    """What the issuing body's records say about one certificate."""

    reference_number: str
    state: CertificateState
    changed_on: date | None = None
    replaced_by: str | None = None


@final
@attrs.frozen
class Signatory:
    """A specimen signature the issuing Party provided (AJCEP IR 13, JIEPA Art 41(9)), with its period of validity."""

    name: str
    valid_from: date
    valid_until: date | None = None

    def in_force(self, on: date) -> bool:
        """Whether this specimen was in force on ``on``."""
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)


@final
@attrs.frozen
class IssuingAuthority:
    """A Party's competent governmental authority or a notified designee, and its specimen signatories."""

    party: str
    name: str
    valid_from: date
    valid_until: date | None = None
    designee: bool = False
    signatories: tuple[Signatory, ...] = ()

    def in_force(self, on: date) -> bool:
        """Whether this authority could issue COs on ``on``."""
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)


SignatureCheck = Callable[[Certificate, bytes], bool | None]
"""A caller's signature check over the canonical bytes: True valid, False invalid, None cannot tell."""


@final
@attrs.frozen
class Verification:
    """The fragments of one verification, and whether together they say the certificate is authentic."""

    fragments: tuple[Fragment, ...]

    @property
    def valid(self) -> bool:
        """True when no fragment is invalid and at least one was evaluated."""
        evaluated = [f for f in self.fragments if f.validity is not Validity.NOT_EVALUATED]
        return bool(evaluated) and all(f.validity is Validity.VALID for f in evaluated)

    def fragment(self, name: str) -> Fragment:
        """The fragment called ``name``."""
        for fragment in self.fragments:
            if fragment.name == name:
                return fragment
        raise KeyError(name)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"valid": self.valid, "fragments": [f.to_dict() for f in self.fragments]}


@exact
def verify(
    co: Certificate,
    expected_digest: str | None = None,
    *,
    status_registry: Mapping[str, StatusRecord] | None = None,
    issuers: tuple[IssuingAuthority, ...] | None = None,
    signature_check: SignatureCheck | None = None,
) -> Verification:
    """Check ``co``'s integrity, status and issuer (and signature, when a check is given)."""
    fragments = [
        _integrity(co, expected_digest),
        _status(co, status_registry),
        _issuer(co, issuers),
    ]
    if signature_check is not None:
        fragments.append(_signature(co, signature_check))
    return Verification(tuple(fragments))


def _integrity(co: Certificate, expected: str | None) -> Fragment:
    if expected is None:
        return _fragment("integrity", Validity.NOT_EVALUATED, "no-expected-digest", N_("No expected digest was given."))
    actual = digest(co)
    if actual == expected.strip().lower():
        return _fragment("integrity", Validity.VALID, "digest-matches", N_("The certificate matches its digest."))
    return _fragment(
        "integrity",
        Validity.INVALID,
        "digest-mismatch",
        N_("The certificate's digest {actual} differs from the expected {expected}: its content was changed."),
        actual=actual,
        expected=expected,
    )


def _status(co: Certificate, registry: Mapping[str, StatusRecord] | None) -> Fragment:
    if registry is None:
        return _fragment("status", Validity.NOT_EVALUATED, "no-status-registry", N_("No status registry was given."))
    number = co.reference_number or ""
    record = registry.get(number)
    if record is None:
        return _fragment(
            "status",
            Validity.INVALID,
            "not-in-registry",
            N_("Certificate '{number}' is not in the issuing body's records."),
            number=number,
        )
    if record.state is CertificateState.ISSUED:
        return _fragment(
            "status", Validity.VALID, "issued", N_("Certificate '{number}' is issued and not withdrawn."), number=number
        )
    if record.state is CertificateState.REPLACED:
        return _fragment(
            "status",
            Validity.INVALID,
            "replaced",
            N_("Certificate '{number}' was replaced by '{replaced_by}'; the replacement must be presented."),
            co.scheme,
            number=number,
            replaced_by=record.replaced_by or "-",
        )
    return _fragment(
        "status",
        Validity.INVALID,
        "cancelled",
        N_("Certificate '{number}' was cancelled by its issuer."),
        co.scheme,
        number=number,
    )


def _issuer(co: Certificate, issuers: tuple[IssuingAuthority, ...] | None) -> Fragment:
    if issuers is None:
        return _fragment("issuer", Validity.NOT_EVALUATED, "no-issuer-registry", N_("No registry of issuers was given."))
    certification = co.certification
    if certification is None:
        # Data that leave the certification out do not say the CO lacks one (docs/formats.md: not stated).
        return _fragment(
            "issuer",
            Validity.NOT_EVALUATED,
            "certification-not-stated",
            N_("The data do not state the CO's certification, so its issuing authority cannot be checked."),
            co.scheme,
        )
    if not (certification.authority or "").strip():
        return _fragment(
            "issuer",
            Validity.INVALID,
            "authority-missing",
            N_("The CO does not name its issuing authority."),
            co.scheme,
        )
    wanted = normalize_text(certification.authority or "")
    candidates = [a for a in issuers if a.party == co.exporting_party and normalize_text(a.name) == wanted]
    if not candidates:
        return _fragment(
            "issuer",
            Validity.INVALID,
            "unknown-authority",
            N_("'{authority}' is not a notified issuing authority of {party}."),
            co.scheme,
            authority=certification.authority or "",
            party=co.exporting_party,
        )
    in_force = [a for a in candidates if a.in_force(co.issue_date)]
    if not in_force:
        return _fragment(
            "issuer",
            Validity.INVALID,
            "authority-not-in-force",
            N_("'{authority}' could not issue COs on {issue_date}."),
            co.scheme,
            authority=certification.authority or "",
            issue_date=co.issue_date,
        )
    signatory = normalize_text(certification.signatory or "")
    if not signatory:
        # Specimens are compared with a signatory; a CO that prints none (an e-CO delivered by the issuing body's
        # system need not) leaves the comparison unmade, not failed.
        return _fragment(
            "issuer",
            Validity.NOT_EVALUATED,
            "signatory-not-stated",
            N_("'{authority}' could issue COs on {issue_date}, but the CO names no signatory to compare with its "
               "specimen signatures."),
            co.scheme,
            authority=certification.authority or "",
            issue_date=co.issue_date,
        )
    for authority in in_force:
        for specimen in authority.signatories:
            if normalize_text(specimen.name) == signatory and specimen.in_force(co.issue_date):
                return _fragment(
                    "issuer",
                    Validity.VALID,
                    "specimen-matches",
                    N_("Signed by '{signatory}' of '{authority}', whose specimen was in force."),
                    co.scheme,
                    signatory=certification.signatory or "",
                    authority=authority.name,
                )
    return _fragment(
        "issuer",
        Validity.INVALID,
        "unknown-signatory",
        N_("No specimen signature of '{signatory}' was in force for '{authority}' on {issue_date}."),
        co.scheme,
        signatory=certification.signatory or "",
        authority=certification.authority or "",
        issue_date=co.issue_date,
    )


def _signature(co: Certificate, check: SignatureCheck) -> Fragment:
    try:
        answer = check(co, canonical(co))
    except Exception as error:  # noqa: BLE001 - a caller's check must not take verification down
        return _fragment(
            "signature",
            Validity.NOT_EVALUATED,
            "signature-check-failed",
            N_("The signature check could not run ({error})."),
            error=type(error).__name__,
        )
    if answer is None:
        return _fragment(
            "signature", Validity.NOT_EVALUATED, "signature-undetermined", N_("The signature check could not tell.")
        )
    if answer:
        return _fragment("signature", Validity.VALID, "signature-valid", N_("The signature is valid."))
    return _fragment("signature", Validity.INVALID, "signature-invalid", N_("The signature does not match the certificate."))
