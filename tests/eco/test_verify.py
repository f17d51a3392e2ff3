"""Authenticity fragments: integrity, status, issuer, pluggable signature; each citing its CO's own instrument."""

from __future__ import annotations

from datetime import date

import pytest

from roo import Certificate
from roo.eco import CertificateState, IssuingAuthority, Signatory, StatusRecord, Validity, digest, verify
from tests.builders import certificate

CO = certificate()
AUTHORITY = IssuingAuthority(
    party="ID",
    name="Ministry of Trade of Indonesia",
    valid_from=date(2018, 3, 1),
    signatories=(Signatory("A. Wibowo", date(2023, 1, 1)), Signatory("B. Santoso", date(2018, 3, 1), date(2022, 12, 31))),
)
REGISTRY = {"ID/2024/AJ/000123": StatusRecord("ID/2024/AJ/000123", CertificateState.ISSUED)}


def test_everything_given_and_right_is_valid() -> None:
    """Integrity, status and issuer all valid: the certificate is authentic."""
    result = verify(CO, digest(CO), status_registry=REGISTRY, issuers=(AUTHORITY,))
    assert [Validity.VALID] * 3 == [f.validity for f in result.fragments]
    assert result.valid


def test_nothing_given_is_not_evaluated_and_not_valid() -> None:
    """Without registries or digest nothing can be said; that is not 'valid'."""
    result = verify(CO)
    assert [Validity.NOT_EVALUATED] * 3 == [f.validity for f in result.fragments]
    assert not result.valid


def test_tampered_content_fails_integrity_only() -> None:
    """A changed field breaks integrity; the other fragments answer their own questions."""
    tampered = certificate(remarks="changed after issue")
    result = verify(tampered, digest(CO), status_registry=REGISTRY, issuers=(AUTHORITY,))
    assert ("digest-mismatch", Validity.VALID, Validity.VALID) == (
        result.fragment("integrity").reason,
        result.fragment("status").validity,
        result.fragment("issuer").validity,
    )
    assert not result.valid


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        pytest.param(StatusRecord("ID/2024/AJ/000123", CertificateState.CANCELLED), "cancelled", id="cancelled"),
        pytest.param(
            StatusRecord("ID/2024/AJ/000123", CertificateState.REPLACED, replaced_by="ID/2024/AJ/000200"),
            "replaced",
            id="replaced",
        ),
    ],
)
def test_withdrawn_certificate_fails_status(record: StatusRecord, reason: str) -> None:
    """Cancelled or replaced certificates are not valid."""
    result = verify(CO, status_registry={record.reference_number: record})
    assert (Validity.INVALID, reason) == (result.fragment("status").validity, result.fragment("status").reason)


def test_certificate_unknown_to_the_registry_fails_status() -> None:
    """A registry that does not know the certificate says so."""
    assert "not-in-registry" == verify(CO, status_registry={}).fragment("status").reason


@pytest.mark.parametrize(
    ("co", "issuers", "reason"),
    [
        pytest.param(
            certificate(certification={"authority": "Chamber of Commerce", "signatory": "A. Wibowo", "signed": True}),
            (AUTHORITY,),
            "unknown-authority",
            id="not-a-notified-authority",
        ),
        pytest.param(
            certificate(issue_date="2018-02-28"),
            (AUTHORITY,),
            "authority-not-in-force",
            id="issued-before-designation",
        ),
        pytest.param(
            certificate(
                certification={"authority": "Ministry of Trade of Indonesia", "signatory": "B. Santoso", "signed": True}
            ),
            (AUTHORITY,),
            "unknown-signatory",
            id="specimen-withdrawn-before-issue",
        ),
        pytest.param(
            certificate(certification={"authority": " ", "signatory": "A. Wibowo", "signed": True}),
            (AUTHORITY,),
            "authority-missing",
            id="certification-without-authority",
        ),
    ],
)
def test_issuer_checks(co: Certificate, issuers: tuple[IssuingAuthority, ...], reason: str) -> None:
    """The authority must be notified and in force, the signatory's specimen in force on the issue date."""
    fragment = verify(co, issuers=issuers).fragment("issuer")
    assert (Validity.INVALID, reason) == (fragment.validity, fragment.reason)


def test_specimen_in_force_on_its_last_day() -> None:
    """A specimen valid until the issue date itself still counts."""
    co = certificate(
        issue_date="2022-12-31",
        certification={"authority": "Ministry of Trade of Indonesia", "signatory": "B. Santoso", "signed": True},
    )
    assert Validity.VALID == verify(co, issuers=(AUTHORITY,)).fragment("issuer").validity


@pytest.mark.parametrize(
    ("answer", "validity"),
    [(True, Validity.VALID), (False, Validity.INVALID), (None, Validity.NOT_EVALUATED)],
)
def test_pluggable_signature_check(answer: bool | None, validity: Validity) -> None:
    """The caller's check receives the canonical bytes; its answer becomes the signature fragment."""
    seen: list[bytes] = []

    def check(co: Certificate, data: bytes) -> bool | None:
        seen.append(data)
        return answer

    result = verify(CO, signature_check=check)
    assert validity == result.fragment("signature").validity
    assert 1 == len(seen)


def test_failing_signature_check_does_not_escape() -> None:
    """A signature check that raises is reported, not propagated."""

    def broken(co: Certificate, data: bytes) -> bool:
        raise RuntimeError("hsm offline")

    assert "signature-check-failed" == verify(CO, signature_check=broken).fragment("signature").reason


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        pytest.param("ja", "原産地証明書「ID/2024/AJ/000123」は発給機関により取り消されました。", id="japanese"),
        pytest.param("id", "SKA 'ID/2024/AJ/000123' telah dibatalkan oleh instansi penerbitnya.", id="indonesian"),
        pytest.param(None, "Certificate 'ID/2024/AJ/000123' was cancelled by its issuer.", id="english"),
    ],
)
def test_fragment_messages_are_translated(locale: str | None, expected: str) -> None:
    """Fragment messages come from the catalogue like finding messages."""
    record = StatusRecord("ID/2024/AJ/000123", CertificateState.CANCELLED)
    fragment = verify(CO, status_registry={record.reference_number: record}).fragment("status")
    assert expected == fragment.render(locale)


def _every_fragment(co: Certificate) -> list[tuple[str, str | None]]:
    """(reason, citation) of every fragment that cites, over registries that make each reason occur."""
    number = co.reference_number or ""
    out = []
    for state in (CertificateState.REPLACED, CertificateState.CANCELLED):
        record = StatusRecord(number, state, replaced_by="X")
        out.append(verify(co, status_registry={number: record}).fragment("status"))
    out.append(verify(co, issuers=(AUTHORITY,)).fragment("issuer"))
    out.append(verify(co, issuers=()).fragment("issuer"))
    stranger = IssuingAuthority("ID", "Ministry of Trade of Indonesia", date(2018, 3, 1), signatories=())
    out.append(verify(co, issuers=(stranger,)).fragment("issuer"))
    late = IssuingAuthority("ID", "Ministry of Trade of Indonesia", date(2030, 1, 1))
    out.append(verify(co, issuers=(late,)).fragment("issuer"))
    return [(f.reason, f.citation) for f in out]


def test_a_jiepa_e_co_cites_the_jiepa_agreement() -> None:
    """JIEPA Art 41(1)-(3): the competent governmental authority or its notified designees issue the CO;
    Art 41(9): it provides specimen signatures; Art 45(2): a cancelled CO is notified to customs, who may deny.
    The Agreement does not regulate replacement (Operational Procedures under Art 50, unread)."""
    jiepa = certificate(scheme="JIEPA", medium="electronic", copy=None)
    assert [
        ("replaced", "JIEPA/ART/50"),
        ("cancelled", "JIEPA/ART/45(2)"),
        ("specimen-matches", "JIEPA/ART/41(9)"),
        ("unknown-authority", "JIEPA/ART/41(3)"),
        ("unknown-signatory", "JIEPA/ART/41(9)"),
        ("authority-not-in-force", "JIEPA/ART/41(1)"),
    ] == _every_fragment(jiepa)


def test_an_ajcep_co_cites_the_implementing_regulations() -> None:
    """AJCEP IR 5(a) replacement, IR 11 issuing authorities, IR 13 specimen signatures."""
    assert [
        ("replaced", "AJCEP/IR/5(a)"),
        ("cancelled", None),
        ("specimen-matches", "AJCEP/IR/13"),
        ("unknown-authority", "AJCEP/IR/11"),
        ("unknown-signatory", "AJCEP/IR/13"),
        ("authority-not-in-force", "AJCEP/IR/11"),
    ] == _every_fragment(CO)


def test_no_fragment_cites_another_schemes_instrument() -> None:
    """Every e-CO message cites the instrument of its own CO, or nothing."""
    from roo.model.certificate import Scheme

    for scheme in Scheme:
        prefix = {"AJCEP": "AJCEP/", "JIEPA": "JIEPA/"}.get(scheme.value, "ID/")
        co = certificate(scheme=scheme.value)
        assert all(c is None or c.startswith(prefix) for _, c in _every_fragment(co)), scheme


@pytest.mark.parametrize(
    ("co", "reason"),
    [
        pytest.param(certificate(certification=None), "certification-not-stated", id="certification-left-out"),
        pytest.param(
            certificate(certification={"authority": "Ministry of Trade of Indonesia", "signed": True}),
            "signatory-not-stated",
            id="no-signatory-printed",
        ),
        pytest.param(
            certificate(
                certification={"authority": "Ministry of Trade of Indonesia", "signatory": "  ", "signed": True}
            ),
            "signatory-not-stated",
            id="blank-signatory",
        ),
    ],
)
def test_what_the_data_do_not_state_is_not_evaluated(co: Certificate, reason: str) -> None:
    """AJCEP IR 13 / JIEPA Art 41(9): the issuing Party provides specimen signatures of its offices, which the
    importing side compares with the signatory of a CO. Data that leave the certification out, or a CO that
    names no signatory to compare (an e-CO delivered by the issuing body's system need not print one), give
    nothing to compare: the issuer fragment is not evaluated, never invalid, and does not make the
    certificate invalid when integrity and status hold."""
    result = verify(co, digest(co), status_registry=REGISTRY, issuers=(AUTHORITY,))
    fragment = result.fragment("issuer")
    assert (Validity.NOT_EVALUATED, reason) == (fragment.validity, fragment.reason)
    assert result.valid


def test_an_authority_not_in_force_is_invalid_even_without_a_signatory() -> None:
    """The authority could not issue COs on the issue date: that fails whatever the signatory."""
    co = certificate(issue_date="2018-02-28", certification={"authority": "Ministry of Trade of Indonesia"})
    assert "authority-not-in-force" == verify(co, issuers=(AUTHORITY,)).fragment("issuer").reason


@pytest.mark.parametrize(
    ("co", "citation"),
    [
        pytest.param(certificate(certification=None), "AJCEP/IR/11", id="ajcep-certification"),
        pytest.param(certificate(certification={"authority": "Ministry of Trade of Indonesia"}), "AJCEP/IR/13", id="ajcep-signatory"),
    ],
)
def test_not_stated_fragments_cite_the_certificates_instrument(co: Certificate, citation: str) -> None:
    """Each fragment cites the instrument of its CO's own scheme."""
    assert citation == verify(co, issuers=(AUTHORITY,)).fragment("issuer").citation
