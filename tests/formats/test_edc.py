"""EDC files: sealed (JAdES), unsealed JSON-LD, upload wrapper; detection and typed errors."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from wallet.errors import MalformedCredential, NotACredential, WalletError
from wallet.formats import edc
from wallet.model import CredentialFormat

VECTORS = Path(__file__).resolve().parent.parent / "assets" / "vectors"
EDC = VECTORS / "edc"
SEALED_MC = EDC / "Sample-MC-Annex1-signed.jsonld"
SEALED_PARTICIPATION = EDC / "Sample-CertOfPart-signed.jsonld"
UNSIGNED_MC = EDC / "Sample-MC-Annex1-unsigned.jsonld"
UPLOAD_WRAPPER = EDC / "Sample-MC-Annex1-unsigned-uploadable.json"
SEALED_EMPTY_VP = EDC / "jades-baseline-lta-minimal-vp.json"

EDC_FILES = [
    SEALED_MC,
    SEALED_PARTICIPATION,
    UNSIGNED_MC,
    UPLOAD_WRAPPER,
    EDC / "elm-v3.2-credential-sample-minimal.jsonld",
    VECTORS / "cz" / "synthetic-muni-mc-unsigned.jsonld",
]
NOT_EDC_FILES = [
    EDC / "edc-ap-context-v3.2.jsonld",
    EDC / "edc-v1-xml-credential-xades-signed.xml",
    EDC / "europass2-cv-CandidateSample1.xml",
    VECTORS / "cz" / "edc-ui-labels-cs-en.json",
    VECTORS / "cz" / "cz-tl-2019-ca-qc-services.json",
    *sorted((VECTORS / "w3c").glob("*.json")),
]


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


# --- detection ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EDC_FILES, ids=lambda p: p.name)
def test_detect_claims_every_edc_shape(path: Path) -> None:
    assert edc.detect(path.read_bytes())


def test_detect_claims_the_sealed_presentation_so_it_gets_a_clear_sentence() -> None:
    assert edc.detect(SEALED_EMPTY_VP.read_bytes())


@pytest.mark.parametrize("path", NOT_EDC_FILES, ids=lambda p: p.name)
def test_detect_leaves_other_files_alone(path: Path) -> None:
    assert not edc.detect(path.read_bytes())


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"\xff\xfe{", b"[1, 2]", b'{"payload": 1, "signatures": "x"}', b"{" * 100_000],
)
def test_detect_never_raises_on_garbage(raw: bytes) -> None:
    assert edc.detect(raw) is False


# --- sealed ---------------------------------------------------------------------------------


def test_sealed_credential_keeps_file_bytes_and_payload_string_exactly() -> None:
    # GIVEN the EU sealed micro-credential as read from disk
    raw = SEALED_MC.read_bytes()
    # WHEN it is parsed
    credential = edc.parse(raw)
    # THEN raw is untouched, the payload string is the one in the file and the document its JSON
    envelope = json.loads(raw)
    assert credential.format is CredentialFormat.EDC_SEALED
    assert credential.raw == raw
    assert credential.content_hash == hashlib.sha256(raw).hexdigest()
    assert credential.extras["payload"] == envelope["payload"]
    assert credential.document == json.loads(envelope["payload"])
    assert credential.extras["payload_is_base64url"] is False
    assert credential.extras["protected_header"]["alg"] == "RS256"
    assert credential.extras["signature_count"] == 1


@pytest.mark.parametrize("path", [SEALED_MC, SEALED_PARTICIPATION], ids=lambda p: p.name)
def test_seal_signature_checks_out_over_the_kept_payload_and_x5c(path: Path) -> None:
    # GIVEN a parsed sealed EDC
    raw = path.read_bytes()
    credential = edc.parse(raw)
    # WHEN the signing input is rebuilt from what the parser kept
    protected = json.loads(raw)["signatures"][0]["protected"]
    signing_input = (protected + "." + credential.extras["payload"]).encode()
    signature = base64.urlsafe_b64decode(json.loads(raw)["signatures"][0]["signature"] + "==")
    certificate = x509.load_der_x509_certificate(credential.extras["x5c"][0])
    public_key = certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    # THEN the seal verifies (raises otherwise), proving the payload was kept byte-exact
    public_key.verify(signature, signing_input, padding.PKCS1v15(), hashes.SHA256())
    assert "TEST SEAL" in certificate.subject.rfc4514_string()


def test_sealed_empty_presentation_is_not_a_credential_and_says_so() -> None:
    with pytest.raises(NotACredential) as caught:
        edc.parse(SEALED_EMPTY_VP.read_bytes())
    assert caught.value.message == "This is a sealed presentation with no credentials in it."


def test_sealed_presentation_with_credentials_names_how_many() -> None:
    # GIVEN a JAdES-shaped presentation that wraps one EDC (signature irrelevant for parsing)
    envelope = json.loads(SEALED_EMPTY_VP.read_bytes())
    presentation = json.loads(envelope["payload"])
    presentation["verifiableCredential"] = [json.loads(UNSIGNED_MC.read_bytes())]
    envelope["payload"] = json.dumps(presentation)
    # WHEN parsed THEN a sentence explains that sealed presentations are not imported
    with pytest.raises(NotACredential, match=r"sealed presentation of 1 credential"):
        edc.parse(json.dumps(envelope).encode())


def _tampered(change: dict[str, object]) -> bytes:
    envelope = json.loads(SEALED_MC.read_bytes())
    envelope.update(change)
    return json.dumps(envelope).encode()


def test_truncated_sealed_file_is_malformed() -> None:
    raw = SEALED_MC.read_bytes()
    with pytest.raises(MalformedCredential, match="not valid JSON"):
        edc.parse(raw[: len(raw) // 2])


def test_payload_that_is_not_a_string_is_malformed() -> None:
    # GIVEN the payload as a JSON object instead of the signed string
    payload = json.loads(json.loads(SEALED_MC.read_bytes())["payload"])
    raw = _tampered({"payload": payload})
    assert edc.detect(raw)
    with pytest.raises(MalformedCredential, match="payload is not a text string"):
        edc.parse(raw)


def test_payload_that_is_not_json_is_malformed() -> None:
    raw = _tampered({"payload": '{"type": ["EuropeanDigitalCredential"], '})
    with pytest.raises(MalformedCredential, match="payload is not valid JSON"):
        edc.parse(raw)


def test_protected_header_that_is_not_base64url_json_is_malformed() -> None:
    envelope = json.loads(SEALED_MC.read_bytes())
    envelope["signatures"][0]["protected"] = _b64url(b"not json")
    with pytest.raises(MalformedCredential, match="seal header"):
        edc.parse(json.dumps(envelope).encode())


def test_empty_signature_list_is_malformed() -> None:
    with pytest.raises(MalformedCredential, match="carries no seal"):
        edc.parse(_tampered({"signatures": []}))


def test_broken_certificate_in_x5c_is_malformed() -> None:
    envelope = json.loads(SEALED_MC.read_bytes())
    header = json.loads(base64.urlsafe_b64decode(envelope["signatures"][0]["protected"] + "=="))
    header["x5c"] = ["***"]
    envelope["signatures"][0]["protected"] = _b64url(json.dumps(header).encode())
    with pytest.raises(MalformedCredential, match="x5c"):
        edc.parse(json.dumps(envelope).encode())


def test_base64url_payload_without_b64_false_is_read_too() -> None:
    # GIVEN a JWS JSON whose header omits b64:false, so its payload is base64url-encoded
    document_bytes = UNSIGNED_MC.read_bytes()
    header = {"alg": "RS256", "sigT": "2023-09-27T11:54:17Z"}
    envelope = {
        "payload": _b64url(document_bytes),
        "signatures": [{"protected": _b64url(json.dumps(header).encode()), "signature": "AA"}],
    }
    raw = json.dumps(envelope).encode()
    # WHEN detected and parsed THEN the decoded credential is the document
    assert edc.detect(raw)
    credential = edc.parse(raw)
    assert credential.extras["payload_is_base64url"] is True
    assert credential.document == json.loads(document_bytes)


def test_sealed_file_carrying_something_else_is_not_a_credential() -> None:
    raw = _tampered({"payload": '{"type": ["VerifiableCredential"], "credentialSubject": {}}'})
    with pytest.raises(NotACredential, match="does not carry a European Digital Credential"):
        edc.parse(raw)


# --- unsealed and upload wrapper --------------------------------------------------------------


def test_unsealed_credential_is_edc_jsonld_with_raw_bytes() -> None:
    raw = UNSIGNED_MC.read_bytes()
    credential = edc.parse(raw)
    assert credential.format is CredentialFormat.EDC_JSONLD
    assert credential.raw == raw
    assert credential.inner is None
    assert credential.signed_bytes == raw
    assert credential.document == json.loads(raw)


def test_upload_wrapper_keeps_the_inner_credential_bytes_as_written() -> None:
    # GIVEN the EDC issuer's {"credential": {...}} upload file
    raw = UPLOAD_WRAPPER.read_bytes()
    # WHEN parsed
    credential = edc.parse(raw)
    # THEN raw is the whole file and inner is the exact slice holding the credential
    assert credential.format is CredentialFormat.EDC_JSONLD
    assert credential.raw == raw
    assert credential.inner is not None
    assert credential.inner in raw
    assert credential.inner.startswith(b"{") and credential.inner.endswith(b"}")
    assert json.loads(credential.inner) == json.loads(raw)["credential"]
    assert credential.signed_bytes == credential.inner


def test_upload_wrapper_reads_like_the_unsealed_file_it_wraps() -> None:
    wrapped = edc.parse(UPLOAD_WRAPPER.read_bytes()).view
    plain = edc.parse(UNSIGNED_MC.read_bytes()).view
    assert wrapped == plain


def test_json_that_is_not_an_edc_is_not_a_credential() -> None:
    with pytest.raises(NotACredential):
        edc.parse((VECTORS / "cz" / "edc-ui-labels-cs-en.json").read_bytes())


def test_edc_without_a_learner_is_malformed() -> None:
    document = json.loads(UNSIGNED_MC.read_bytes())
    del document["credentialSubject"]
    with pytest.raises(MalformedCredential, match="names no learner"):
        edc.parse(json.dumps(document).encode())


def test_every_error_is_a_wallet_error_with_one_sentence() -> None:
    raw = SEALED_MC.read_bytes()
    for broken in (raw[:100], raw.replace(b'"payload"', b'"payload":1,"x"', 1)):
        with pytest.raises(WalletError) as caught:
            edc.parse(broken)
        assert caught.value.message.endswith(".")
        assert "Ana" not in caught.value.message
