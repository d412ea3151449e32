"""XAdES seals on legacy Europass XML credentials.

The one real sample does not verify, and the first tests show exactly why: it was re-indented
after sealing. Seals made here by an independent implementation (signxml, RSA and ECDSA) over
the same credential verify, and every kind of tampering fails.
"""

from __future__ import annotations

import base64
import copy
import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from lxml import etree

from wallet.crypto.timestamp_token import verify_timestamp_token
from wallet.crypto.xades import verify_xades_seal
from wallet.crypto.xml_signature import canonical_form
from wallet.errors import MalformedCredential
from wallet.formats import parse_credential
from wallet.model import CredentialFormat
from wallet.verify.engine import verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import CheckStatus, OverallStatus

SAMPLE = (
    Path(__file__).resolve().parents[1]
    / "assets"
    / "vectors"
    / "edc"
    / "edc-v1-xml-credential-xades-signed.xml"
)
DS = "{http://www.w3.org/2000/09/xmldsig#}"
XADES = "{http://uri.etsi.org/01903/v1.3.2#}"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
INCLUSIVE_C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"


# --- the real sample ------------------------------------------------------------------------


def test_real_sample_fails_because_its_content_changed_after_sealing() -> None:
    result = verify_xades_seal(SAMPLE.read_bytes(), now=NOW)

    assert not result.signature_valid and not result.valid
    assert result.problems == ("The credential was changed after it was signed.",)
    # Who sealed it is still read from the certificate, for the report.
    assert result.seal_subject is not None
    assert result.seal_subject.organisation == "ANTHONY FISHER CAMILLERI S.P."

    report = verify_file_bytes(SAMPLE.read_bytes())
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.FAILED
    assert signature.message == "The credential was changed after it was signed."
    assert report.status is OverallStatus.FAILED


def _compacted(element: etree._Element) -> etree._Element:
    """``element`` with the indentation a pretty-printer adds taken out again."""
    element = copy.deepcopy(element)
    for node in element.iter():
        if node.text is not None:
            node.text = node.text.strip() or None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    return element


def test_the_sample_was_reindented_after_sealing() -> None:
    # GIVEN the sample's signature, with the whitespace a pretty-printer adds removed again
    root = etree.fromstring(SAMPLE.read_bytes())
    signature = root.find(f".//{DS}Signature")
    assert signature is not None
    signed_info = _compacted(signature.find(f"{DS}SignedInfo"))
    certificate = x509.load_der_x509_certificate(
        base64.b64decode("".join(signature.find(f".//{DS}X509Certificate").text.split()))
    )
    value = signature.find(f"{DS}SignatureValue")
    signature_value = base64.b64decode("".join(value.text.split()))

    # THEN the signature value verifies over that SignedInfo (exclusive C14N, as it says) ...
    public_key = certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    public_key.verify(
        signature_value,
        canonical_form(signed_info, EXCLUSIVE_C14N),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )
    # ... the compacted SignedProperties match their signed digest ...
    properties = signature.find(f".//{XADES}SignedProperties")
    digest = hashlib.sha256(
        canonical_form(_compacted(properties), "http://www.w3.org/2001/10/xml-exc-c14n#")
    ).digest()
    assert base64.b64encode(digest).decode() == "fchQXKutRs9tHhJq+u8AXv990zFM7sY61p1UCJP4TWM="
    # ... and the real SignatureTimeStamp covers the compacted SignatureValue, not the file's
    stamp = signature.find(f".//{XADES}SignatureTimeStamp")
    token = base64.b64decode("".join(stamp.find(f"{XADES}EncapsulatedTimeStamp").text.split()))
    c14n = stamp.find(f"{DS}CanonicalizationMethod").get("Algorithm")
    as_filed = verify_timestamp_token("sigTst", token, canonical_form(value, c14n))
    compacted = verify_timestamp_token("sigTst", token, canonical_form(_compacted(value), c14n))
    assert not as_filed.imprint_ok and as_filed.signature_ok
    assert compacted.valid
    assert compacted.gen_time == datetime(2020, 11, 12, 9, 53, 37, tzinfo=UTC)
    assert compacted.tsa_name is not None and compacted.tsa_name.startswith(
        "ZetesConfidens EC Qualified TSU11"
    )
    # The credential content itself cannot be restored this way: its digest stays different,
    # so the verdict "changed after it was signed" is the only honest one.


# --- seals made here with signxml ------------------------------------------------------------

signxml_xades = pytest.importorskip("signxml.xades", reason="signxml makes the test seals")


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Vysoká škola Test"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CZ"),
        ]
    )


class _Sealer:
    """A test CA and a seal certificate it issued, RSA or EC."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        start = datetime(2025, 1, 1, tzinfo=UTC)
        self.ca = (
            x509.CertificateBuilder()
            .subject_name(_name("Test CA"))
            .issuer_name(_name("Test CA"))
            .public_key(self.ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(self.ca_key, hashes.SHA256())
        )
        self.key: Any = (
            rsa.generate_private_key(public_exponent=65537, key_size=2048)
            if kind == "rsa"
            else ec.generate_private_key(ec.SECP256R1())
        )
        self.certificate = self._seal_certificate(self.key)

    def _seal_certificate(self, key: Any) -> x509.Certificate:
        start = datetime(2025, 1, 1, tzinfo=UTC)
        return (
            x509.CertificateBuilder()
            .subject_name(_name("Test Seal"))
            .issuer_name(self.ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + timedelta(days=1000))
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True,
            )
            .sign(self.ca_key, hashes.SHA256())
        )

    def seal(self, document: etree._Element, *, c14n: str = INCLUSIVE_C14N) -> bytes:
        # signxml digests references that name no transform with its c14n_algorithm, where
        # XMLDSig §4.4.3.2 says inclusive C14N 1.0 (signxml issue #217): with inclusive
        # C14N chosen, both agree and the seal is what any XMLDSig verifier expects.
        signer = signxml_xades.XAdESSigner(
            signature_algorithm=f"{'rsa' if self.kind == 'rsa' else 'ecdsa'}-sha256",
            digest_algorithm="sha256",
            c14n_algorithm=c14n,
        )
        signed = signer.sign(document, key=self.key, cert=[self.certificate, self.ca])
        return etree.tostring(signed, xml_declaration=True, encoding="UTF-8")


def _credential_without_its_seal() -> etree._Element:
    """The real sample's credential, its broken seal removed: a realistic thing to seal."""
    root = etree.fromstring(SAMPLE.read_bytes())
    signature = root.find(f".//{DS}Signature")
    signature.getparent().remove(signature)
    return root


@pytest.fixture(scope="module", params=["rsa", "ec"])
def sealed(request: pytest.FixtureRequest) -> tuple[_Sealer, bytes]:
    sealer = _Sealer(request.param)
    return sealer, sealer.seal(_credential_without_its_seal())


def test_fresh_seal_verifies(sealed: tuple[_Sealer, bytes]) -> None:
    sealer, raw = sealed

    result = verify_xades_seal(raw, now=NOW)

    assert result.problems == ()
    assert result.valid and result.signature_valid
    assert result.algorithm == f"{'rsa' if sealer.kind == 'rsa' else 'ecdsa'}-sha256"
    assert result.path is not None and result.path.valid
    assert result.path.validated_at == NOW  # no timestamp: checked as of now, and said so
    assert not result.path.anchor_trusted
    assert any("checked at the current time" in note for note in result.notes)
    assert result.seal_subject is not None
    assert result.seal_subject.organisation == "Vysoká škola Test"


def test_fresh_seal_through_the_engine(sealed: tuple[_Sealer, bytes]) -> None:
    _, raw = sealed
    assert parse_credential(raw).format is CredentialFormat.EDC_XML

    report = verify_file_bytes(raw)

    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.OK
    assert signature.message.endswith("no timestamp proves when it was sealed.")
    assert report.check("issuer").status is CheckStatus.WARNING  # type: ignore[union-attr]
    assert report.status is OverallStatus.PARTIALLY_VERIFIED


def test_a_trusted_ca_anchors_the_fresh_seal(sealed: tuple[_Sealer, bytes]) -> None:
    sealer, raw = sealed

    result = verify_xades_seal(raw, trusted_roots=[sealer.ca], now=NOW)

    assert result.valid
    assert result.path is not None and result.path.anchor_trusted


def test_an_expired_seal_certificate_without_timestamp_is_indeterminate(
    sealed: tuple[_Sealer, bytes],
) -> None:
    # GIVEN an intact seal without a timestamp whose certificate expired on 2027-09-28
    sealer, raw = sealed

    # WHEN it is checked in 2029
    result = verify_xades_seal(raw, now=datetime(2029, 1, 1, tzinfo=UTC))

    # THEN neither valid nor failed (EN 319 102-1 OUT_OF_BOUNDS_NO_POE): it may have been made
    # while the certificate was valid, but nothing proves when; the chain held at its end
    assert result.signature_valid and not result.valid and not result.problems
    assert result.revocation_unknown
    assert result.path is not None
    assert result.path.expired_on == sealer.certificate.not_valid_after_utc
    assert result.path.validated_at == datetime(2029, 1, 1, tzinfo=UTC)
    assert "expired on 2027-09-28, and no timestamp proves" in " ".join(result.notes)


def test_an_expired_seal_certificate_without_timestamp_is_indeterminate_in_the_report(
    sealed: tuple[_Sealer, bytes],
) -> None:
    # GIVEN the same seal, checked through the engine in 2029
    _, raw = sealed

    # WHEN
    report = verify_file_bytes(raw, options=VerifyOptions(now=datetime(2029, 1, 1, tzinfo=UTC)))

    # THEN "could not be checked", with the reason in a plain sentence
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.SKIPPED
    assert "its certificate expired on 2027-09-28 and no timestamp proves" in signature.message
    assert report.status is OverallStatus.INDETERMINATE


def test_a_seal_whose_chain_was_broken_even_before_expiry_still_fails() -> None:
    # GIVEN a seal certificate issued by a CA other than the one the file carries
    sealer, other = _Sealer("rsa"), _Sealer("rsa")
    sealer.certificate = other.certificate
    sealer.key = other.key
    raw = sealer.seal(_credential_without_its_seal())

    # WHEN it is checked after the certificate expired
    result = verify_xades_seal(raw, now=datetime(2029, 1, 1, tzinfo=UTC))

    # THEN the broken chain fails it, as it would have at any time
    assert result.signature_valid and not result.valid and not result.revocation_unknown
    assert result.problems


def _edited(raw: bytes, change: Any) -> bytes:
    root = etree.fromstring(raw)
    change(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _first_text(root: etree._Element) -> None:
    target = next(
        e
        for e in root.iter()
        if isinstance(e.tag, str)
        and e.text
        and e.text.strip()
        and not any(a.tag == f"{DS}Signature" for a in e.iterancestors())
    )
    target.text = target.text + "X"


def _signing_time(root: etree._Element) -> None:
    root.find(f".//{XADES}SigningTime").text = "2020-01-01T00:00:00+00:00"


def _other_certificate(root: etree._Element) -> None:
    sealer = _Sealer("rsa")
    der = sealer.certificate.public_bytes(Encoding.DER)
    for element in root.findall(f".//{DS}X509Certificate")[:1]:
        element.text = base64.b64encode(der).decode()


def _second_signature(root: etree._Element) -> None:
    signature = root.find(f".//{DS}Signature")
    root.append(copy.deepcopy(signature))


def _reindent(root: etree._Element) -> None:
    etree.indent(root, space="    ")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (_first_text, "The credential was changed after it was signed."),
        (_reindent, "The credential was changed after it was signed."),
        (_signing_time, "The credential's signed properties were changed after it was signed."),
        (_other_certificate, None),
        (_second_signature, "The credential must carry exactly one signature."),
    ],
    ids=["content", "pretty-printed", "signing-time", "other-certificate", "two-signatures"],
)
def test_tampering_fails(sealed: tuple[_Sealer, bytes], change: Any, problem: str | None) -> None:
    _, raw = sealed

    result = verify_xades_seal(_edited(raw, change), now=NOW)

    assert not result.signature_valid and not result.valid
    if problem is not None:
        assert result.problems == (problem,)
    else:  # a swapped certificate breaks the signature value or the certificate reference
        assert result.problems[0] in {
            "The credential's signature does not match its contents.",
            "The credential's signature does not match its key information.",
            "The credential's signed properties name a different signing certificate.",
            "The credential's signing key does not fit its signature algorithm.",
        }


def test_references_without_transforms_are_canonicalized_as_xmldsig_says() -> None:
    # GIVEN a seal whose signed-properties reference names no transform, digested by the
    # signer with exclusive C14N instead of XMLDSig's default (inclusive C14N 1.0)
    raw = _Sealer("rsa").seal(_credential_without_its_seal(), c14n=EXCLUSIVE_C14N)

    result = verify_xades_seal(raw, now=NOW)

    # THEN Kredo follows the standard, and the seal does not verify
    assert result.problems == (
        "The credential's signed properties were changed after it was signed.",
    )


def test_a_doctype_is_refused_before_anything_is_read() -> None:
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><europassCredential/>'
    with pytest.raises(MalformedCredential):
        verify_xades_seal(hostile)


class _SealerWithCrl(_Sealer):
    """Like a qualified seal certificate: it names where its CRL is published."""

    def _seal_certificate(self, key: Any) -> x509.Certificate:
        start = datetime(2025, 1, 1, tzinfo=UTC)
        return (
            x509.CertificateBuilder()
            .subject_name(_name("Test Seal"))
            .issuer_name(self.ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + timedelta(days=1000))
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                critical=True,
            )
            .add_extension(
                x509.CRLDistributionPoints([x509.DistributionPoint(
                    [x509.UniformResourceIdentifier("http://crl.kredo.test/ca.crl")],
                    None, None, None)]),
                critical=False,
            )
            .sign(self.ca_key, hashes.SHA256())
        )


def test_an_enveloped_seal_without_its_revocation_data_is_indeterminate_not_failed() -> None:
    # GIVEN an enveloped XAdES seal whose certificate names a CRL, none of it embedded
    sealer = _SealerWithCrl("ec")
    raw = sealer.seal(_credential_without_its_seal())
    # WHEN it is verified offline, its CA trusted
    seal = verify_xades_seal(raw, trusted_roots=[sealer.ca], now=NOW)
    report = verify_file_bytes(raw, options=VerifyOptions(now=NOW, trusted_roots=(sealer.ca,)))
    # THEN the seal is intact and only its revocation is unknown
    assert seal.signature_valid and seal.problems == () and seal.revocation_unknown
    signature = report.check("signature")
    assert signature is not None and signature.status is CheckStatus.SKIPPED
    assert "is intact; whether its certificate was revoked could not be checked offline" in (
        signature.message
    )
    # AND the verdict is "could not be checked", and the issuer line does not call it unverified
    assert report.status is OverallStatus.INDETERMINATE
    assert "did not verify" not in report.check("issuer").message  # type: ignore[union-attr]
