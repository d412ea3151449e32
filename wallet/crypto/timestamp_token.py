"""RFC 3161 timestamp tokens: the message imprint and the TSA's CMS signature (RFC 5652 §5.4).

A token proves that some bytes existed at ``genTime`` only if (1) its imprint is the hash of
exactly those bytes and (2) the TSA's signature covers the signed attributes, whose
``messageDigest`` is the hash of the TSTInfo that holds the imprint. Both are checked here;
whether the TSA itself is trusted is a question for the caller.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import asn1crypto.cms
import asn1crypto.tsp  # registers TSTInfo so encap_content_info parses (FACTS.md)
import asn1crypto.x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from wallet.crypto.timestamp_authority import AuthorityPath
from wallet.translation import tr

_ = asn1crypto.tsp  # imported for its side effect only

_HASHLIB_NAMES = {"sha256": "sha256", "sha384": "sha384", "sha512": "sha512", "sha1": "sha1"}
_CRYPTO_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
    "sha1": hashes.SHA1,
}


@dataclass(frozen=True)
class TimestampResult:
    """One token's verdict. ``kind`` is the JAdES name: ``sigTst``, ``adoTst`` or ``arcTst``.

    ``authority`` is the verdict on the TSA's own certificate path, when the caller checked
    it (:mod:`wallet.crypto.timestamp_authority`); its problems are among ``problems`` then.
    """

    kind: str
    imprint_ok: bool
    signature_ok: bool
    gen_time: datetime | None
    tsa_name: str | None
    problems: tuple[str, ...]
    certificates: tuple[asn1crypto.x509.Certificate, ...] = field(default=(), repr=False)
    signer: asn1crypto.x509.Certificate | None = field(default=None, repr=False)
    authority: AuthorityPath | None = None

    @property
    def valid(self) -> bool:
        return self.imprint_ok and self.signature_ok and not self.problems

    @property
    def authority_trusted(self) -> bool:
        """A trusted list vouches for the authority (checked, and anchored on a listed TSA)."""
        return self.authority is not None and self.authority.valid and self.authority.anchor_trusted


def verify_timestamp_token(
    kind: str,
    token_der: bytes,
    message: bytes,
    *,
    extra_certificates: Sequence[asn1crypto.x509.Certificate] = (),
) -> TimestampResult:
    """Check one token over ``message``; never raises for a broken token."""
    label = _label(kind)
    try:
        signed_data, tst_info = _open_token(token_der)
        return _check(kind, label, signed_data, tst_info, message, extra=extra_certificates)
    except (ValueError, TypeError, KeyError, AttributeError):
        # asn1crypto parses lazily, so damage can surface at any field access.
        unreadable = (tr("{label} is not a readable RFC 3161 token.", label=label),)
        return TimestampResult(kind, False, False, None, None, unreadable)


def _check(
    kind: str,
    label: str,
    signed_data: asn1crypto.cms.SignedData,
    tst_info: asn1crypto.tsp.TSTInfo,
    message: bytes,
    *,
    extra: Sequence[asn1crypto.x509.Certificate],
) -> TimestampResult:
    problems: list[str] = []
    gen_time: datetime | None = tst_info["gen_time"].native
    imprint_ok = _imprint_matches(tst_info, message)
    if not imprint_ok:
        problems.append(tr("{label} does not cover these exact bytes.", label=label))
    certificates = tuple(
        c.chosen for c in (signed_data["certificates"] or []) if c.name == "certificate"
    )
    signer = _find_signer(signed_data, (*certificates, *extra))
    signature_ok = False
    tsa_name = None
    if signer is None:
        problems.append(tr("{label} does not include its authority's certificate.", label=label))
    else:
        tsa_name = short_name(signer.subject)
        signature_ok = _signed_attributes_valid(signed_data, signer, problems, label)
        if gen_time is not None and not (
            signer.not_valid_before <= gen_time <= signer.not_valid_after
        ):
            problems.append(tr("{label} was issued outside its authority's certificate validity.",
                               label=label))
    if tst_info["tsa"].native is not None and tsa_name is None:
        tsa_name = short_name(tst_info["tsa"].chosen)
    return TimestampResult(
        kind, imprint_ok, signature_ok, gen_time, tsa_name, tuple(problems), certificates, signer
    )


def short_name(name: asn1crypto.x509.Name) -> str:
    """``CN (O, C)``: enough to recognise an authority without the whole distinguished name."""
    parts = name.native if isinstance(name.native, dict) else {}
    common = parts.get("common_name") or name.human_friendly
    extra = [str(parts[k]) for k in ("organization_name", "country_name") if parts.get(k)]
    return f"{common} ({', '.join(extra)})" if extra else str(common)


def _label(kind: str) -> str:
    """The token as the subject of a sentence; every one of them is a "razítko" in Czech."""
    if kind == "sigTst":
        return tr("The signature timestamp")
    if kind == "adoTst":
        return tr("The content timestamp")
    if kind == "arcTst":
        return tr("The archive timestamp")
    return tr("The timestamp {kind}", kind=kind)


def _open_token(token_der: bytes) -> tuple[asn1crypto.cms.SignedData, asn1crypto.tsp.TSTInfo]:
    info = asn1crypto.cms.ContentInfo.load(token_der)
    if info["content_type"].native != "signed_data":
        raise ValueError("not signed data")
    signed_data = info["content"]
    encap = signed_data["encap_content_info"]
    if encap["content_type"].native != "tst_info":
        raise ValueError("not a TSTInfo")
    tst_info = encap["content"].parsed
    if not isinstance(tst_info, asn1crypto.tsp.TSTInfo):
        raise ValueError("TSTInfo did not parse")
    tst_info.native  # noqa: B018 - force a full parse now, so damage shows here
    if len(signed_data["signer_infos"]) != 1:
        raise ValueError("a timestamp token has exactly one signer")
    return signed_data, tst_info


def _imprint_matches(tst_info: asn1crypto.tsp.TSTInfo, message: bytes) -> bool:
    imprint = tst_info["message_imprint"]
    name = _HASHLIB_NAMES.get(imprint["hash_algorithm"]["algorithm"].native)
    if name is None or name == "sha1":
        return False
    digest = hashlib.new(name, message).digest()
    return hmac.compare_digest(digest, imprint["hashed_message"].native)


def _find_signer(
    signed_data: asn1crypto.cms.SignedData,
    candidates: Sequence[asn1crypto.x509.Certificate],
) -> asn1crypto.x509.Certificate | None:
    sid = signed_data["signer_infos"][0]["sid"]
    for cert in candidates:
        if sid.name == "issuer_and_serial_number":
            if (
                cert.issuer == sid.chosen["issuer"]
                and cert.serial_number == sid.chosen["serial_number"].native
            ):
                return cert
        elif cert.key_identifier == sid.chosen.native:
            return cert
    return None


def _signed_attributes_valid(
    signed_data: asn1crypto.cms.SignedData,
    signer: asn1crypto.x509.Certificate,
    problems: list[str],
    label: str,
) -> bool:
    """RFC 5652 §5.4 and §11: content type, message digest, ESS signing certificate, signature."""
    signer_info = signed_data["signer_infos"][0]
    attributes = signer_info["signed_attrs"]
    # The signature is over the attributes' DER as received, retagged from [0] IMPLICIT to
    # SET OF. Take the bytes before reading any attribute: afterwards asn1crypto re-encodes
    # the set on dump (slow, and not necessarily byte-identical to what the TSA signed).
    signed_bytes = b"\x31" + attributes.dump()[1:]
    if not attributes:
        problems.append(tr("{label} has no signed attributes.", label=label))
        return False
    values = {attr["type"].native: attr["values"] for attr in attributes}
    digest_name = _HASHLIB_NAMES.get(signer_info["digest_algorithm"]["algorithm"].native)
    encap = signed_data["encap_content_info"]["content"]
    if digest_name is None or values.get("content_type", [None])[0] is None:
        problems.append(tr("{label} is signed in a way Kredo does not support.", label=label))
        return False
    if values["content_type"][0].native != "tst_info":
        problems.append(tr("{label}'s signature is not over a timestamp.", label=label))
        return False
    content_digest = hashlib.new(digest_name, encap.contents).digest()
    claimed = values.get("message_digest")
    if not claimed or not hmac.compare_digest(claimed[0].native, content_digest):
        problems.append(tr("{label}'s signature does not cover its content.", label=label))
        return False
    if not _signing_certificate_matches(values, signer):
        problems.append(tr(
            "{label} names a different authority certificate than the one that signed it.",
            label=label,
        ))
        return False
    if not _verify_cms_signature(signer, signer_info, signed_bytes, digest_name):
        problems.append(tr("{label}'s signature by its authority is not valid.", label=label))
        return False
    return True


def _signing_certificate_matches(
    values: dict[str, object], signer: asn1crypto.x509.Certificate
) -> bool:
    """ESS ``signingCertificateV2``/``signingCertificate`` (RFC 5035) must hash to the signer."""
    for attr_name, default_hash in (
        ("signing_certificate_v2", "sha256"),
        ("signing_certificate", "sha1"),
    ):
        found = values.get(attr_name)
        if not found:
            continue
        cert_ids = found[0]["certs"]  # type: ignore[index]
        if not cert_ids:
            return False
        first = cert_ids[0]
        hash_name = default_hash
        if attr_name == "signing_certificate_v2":
            hash_name = first["hash_algorithm"]["algorithm"].native
        if hash_name not in _HASHLIB_NAMES:
            return False
        digest = hashlib.new(hash_name, signer.dump()).digest()
        return hmac.compare_digest(digest, first["cert_hash"].native)
    # RFC 3161 §2.4.1 makes the attribute mandatory for timestamp tokens.
    return False


def _verify_cms_signature(
    signer: asn1crypto.x509.Certificate,
    signer_info: asn1crypto.cms.SignerInfo,
    signed_bytes: bytes,
    digest_name: str,
) -> bool:
    try:
        public_key = x509.load_der_x509_certificate(signer.dump()).public_key()
    except (ValueError, UnsupportedAlgorithm):
        return False
    signature = signer_info["signature"].native
    algorithm = signer_info["signature_algorithm"]
    digest = _CRYPTO_HASHES[digest_name]()
    try:
        if isinstance(public_key, rsa.RSAPublicKey):
            if algorithm.signature_algo == "rsassa_pss":
                params = algorithm["parameters"]
                pss_hash = _CRYPTO_HASHES[params["hash_algorithm"]["algorithm"].native]()
                pss = padding.PSS(
                    mgf=padding.MGF1(pss_hash), salt_length=params["salt_length"].native
                )
                public_key.verify(signature, signed_bytes, pss, pss_hash)
            else:
                public_key.verify(signature, signed_bytes, padding.PKCS1v15(), digest)
            return True
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, signed_bytes, ec.ECDSA(digest))
            return True
    except (InvalidSignature, KeyError, ValueError):
        return False
    return False
