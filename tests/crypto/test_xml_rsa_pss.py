"""RSASSA-PSS in XML signatures (RFC 9231 §2.3.10–11), the method of the German trusted list.

A real XAdES signature from the Commission's DSS test resources verifies; a real altered one is
called changed; signatures made by signxml (an independent implementation) with the SHA-256,
-384 and -512 identifiers verify; the parameterised ``#rsa-pss`` form is read as written and
its salt length is not guessed.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID
from lxml import etree

from wallet.crypto.xml_signature import (
    XML_CREDENTIAL,
    canonical_form,
    verify_enveloped_signature,
)

VECTORS = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "xades"
DS = "{http://www.w3.org/2000/09/xmldsig#}"
XADES = "{http://uri.etsi.org/01903/v1.3.2#}"
PSS = "http://www.w3.org/2007/05/xmldsig-more#"

signxml = pytest.importorskip("signxml", reason="signxml makes the fresh signatures")


def _without_counter_signature(name: str) -> etree._ElementTree:
    tree = etree.parse(str(VECTORS / name))
    unsigned = tree.find(f".//{XADES}UnsignedProperties")
    assert unsigned is not None
    unsigned.getparent().remove(unsigned)
    return tree


def test_a_real_rsassa_pss_xades_signature_verifies() -> None:
    # GIVEN DSS's enveloped XAdES signature (sha256-rsa-MGF1), its counter-signature taken out
    # of the unsigned properties, which the main signature does not cover
    tree = _without_counter_signature("dss-xades-rsassa-pss-counter-signed.xml")

    # WHEN its signature is checked
    result = verify_enveloped_signature(tree, profile=XML_CREDENTIAL)

    # THEN it verifies with the key of its certificate
    assert result.valid, result.problems
    assert result.signer is not None
    assert result.signer.subject.rfc4514_string() == "CN=trustedx"


def test_a_real_rsassa_pss_signature_over_changed_content_is_called_changed() -> None:
    # GIVEN D-Trust's RSASSA-PSS signature (DSS issue 2506) over a catalogue edited afterwards
    tree = etree.parse(str(VECTORS / "dss-2506-rsassa-pss-altered.xml"))

    # WHEN it is checked
    result = verify_enveloped_signature(tree, profile=XML_CREDENTIAL)

    # THEN the change is found, and the id-RSASSA-PSS certificate key is read as RSA
    assert not result.valid
    assert result.problems == ("The credential was changed after it was signed.",)
    assert result.signer is not None
    assert isinstance(result.signer.public_key(), rsa.RSAPublicKey)


def test_the_real_signature_value_changed_fails() -> None:
    # GIVEN the intact real signature, one bit of its value flipped
    tree = _without_counter_signature("dss-xades-rsassa-pss-counter-signed.xml")
    value = tree.find(f".//{DS}SignatureValue")
    assert value is not None and value.text
    raw = bytearray(base64.b64decode(value.text))
    raw[-5] ^= 1
    value.text = base64.b64encode(bytes(raw)).decode()

    # WHEN / THEN
    result = verify_enveloped_signature(tree, profile=XML_CREDENTIAL)
    assert result.problems == ("The credential's signature does not match its contents.",)


# --- fresh signatures ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def signer() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "German Trusted List Signer")])
    start = datetime(2026, 1, 1, tzinfo=UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=700))
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def _document() -> etree._Element:
    return etree.fromstring(
        b'<TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#">'
        b"<SchemeInformation><SchemeTerritory>DE</SchemeTerritory></SchemeInformation>"
        b"</TrustServiceStatusList>"
    )


def _signed_by_signxml(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate], method: str
) -> etree._ElementTree:
    key, certificate = signer
    signed = signxml.XMLSigner(
        method=signxml.methods.enveloped,
        signature_algorithm=signxml.SignatureMethod(method),
        digest_algorithm="sha256",
        c14n_algorithm="http://www.w3.org/2001/10/xml-exc-c14n#",
    ).sign(_document(), key=key, cert=[certificate])
    return etree.ElementTree(etree.fromstring(etree.tostring(signed)))


@pytest.mark.parametrize("digest", ["sha256", "sha384", "sha512"])
def test_signxml_rsassa_pss_signatures_verify(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate], digest: str
) -> None:
    # GIVEN a list signed by signxml with the implied-parameter identifier
    tree = _signed_by_signxml(signer, f"{PSS}{digest}-rsa-MGF1")

    # WHEN / THEN it verifies as a trusted list signature
    result = verify_enveloped_signature(tree)
    assert result.valid, result.problems


def _resigned(
    tree: etree._ElementTree,
    key: rsa.RSAPrivateKey,
    parameters: str,
    digest: hashes.HashAlgorithm,
    scheme: padding.PSS,
) -> etree._ElementTree:
    """The same signature with ``#rsa-pss`` and ``parameters``, signed again as they say."""
    signed_info = tree.find(f".//{DS}SignedInfo")
    assert signed_info is not None
    method = signed_info.find(f"{DS}SignatureMethod")
    assert method is not None
    method.set("Algorithm", f"{PSS}rsa-pss")
    for child in list(method):
        method.remove(child)
    if parameters:
        method.append(
            etree.fromstring(
                f'<pss:RSAPSSParams xmlns:pss="{PSS}" '
                f'xmlns:ds="http://www.w3.org/2000/09/xmldsig#">{parameters}</pss:RSAPSSParams>'
            )
        )
    canonical = canonical_form(signed_info, "http://www.w3.org/2001/10/xml-exc-c14n#")
    assert canonical is not None
    value = tree.find(f".//{DS}SignatureValue")
    assert value is not None
    value.text = base64.b64encode(key.sign(canonical, scheme, digest)).decode()
    return tree


SHA384 = '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#sha384"/>'
MGF1_SHA512 = (
    f'<pss:MaskGenerationFunction Algorithm="{PSS}MGF1">'
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha512"/>'
    "</pss:MaskGenerationFunction>"
)


def test_explicit_rsa_pss_parameters_are_used_as_written(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    # GIVEN #rsa-pss with SHA-384, MGF1 over SHA-512 and a 20-byte salt
    key = signer[0]
    tree = _resigned(
        _signed_by_signxml(signer, f"{PSS}sha256-rsa-MGF1"),
        key,
        f"{SHA384}{MGF1_SHA512}<pss:SaltLength>20</pss:SaltLength>"
        "<pss:TrailerField>1</pss:TrailerField>",
        hashes.SHA384(),
        padding.PSS(padding.MGF1(hashes.SHA512()), 20),
    )

    # WHEN / THEN it verifies
    assert verify_enveloped_signature(tree).valid


def test_rsa_pss_without_parameters_means_sha256_and_a_32_byte_salt(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    # GIVEN #rsa-pss with no RSAPSSParams, signed with the defaults of RFC 9231 §2.3.10
    tree = _resigned(
        _signed_by_signxml(signer, f"{PSS}sha256-rsa-MGF1"),
        signer[0],
        "",
        hashes.SHA256(),
        padding.PSS(padding.MGF1(hashes.SHA256()), 32),
    )

    # WHEN / THEN it verifies
    assert verify_enveloped_signature(tree).valid


def test_a_salt_length_other_than_declared_fails(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate],
) -> None:
    # GIVEN parameters declaring a 32-byte salt over a signature made with a 20-byte one
    tree = _resigned(
        _signed_by_signxml(signer, f"{PSS}sha256-rsa-MGF1"),
        signer[0],
        "<pss:SaltLength>32</pss:SaltLength>",
        hashes.SHA256(),
        padding.PSS(padding.MGF1(hashes.SHA256()), 20),
    )

    # WHEN / THEN the salt is not guessed: the signature does not match
    result = verify_enveloped_signature(tree)
    assert result.problems == ("The list's signature does not match its contents.",)


@pytest.mark.parametrize(
    "parameters",
    [
        '<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>',
        '<pss:MaskGenerationFunction Algorithm="urn:other"/>',
        "<pss:TrailerField>2</pss:TrailerField>",
        "<pss:SaltLength>-1</pss:SaltLength>",
        "<pss:SaltLength>20</pss:SaltLength><pss:SaltLength>20</pss:SaltLength>",
        "<pss:Unknown/>",
    ],
)
def test_unacceptable_rsa_pss_parameters_are_refused(
    signer: tuple[rsa.RSAPrivateKey, x509.Certificate], parameters: str
) -> None:
    # GIVEN #rsa-pss with parameters Kredo does not accept (SHA-1, another MGF, another
    # trailer, a malformed or repeated salt, an unknown element), signed with the defaults
    tree = _resigned(
        _signed_by_signxml(signer, f"{PSS}sha256-rsa-MGF1"),
        signer[0],
        parameters,
        hashes.SHA256(),
        padding.PSS(padding.MGF1(hashes.SHA256()), 32),
    )

    # WHEN / THEN the algorithm is refused, whatever the signature value
    result = verify_enveloped_signature(tree)
    assert result.problems == ("The list is signed with an algorithm Kredo does not accept.",)
