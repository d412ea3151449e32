"""A test trust service provider with its own OCSP responder and CRL on 127.0.0.1.

root → issuing CA → seal certificate, whose AIA names the responder (id-ad-ocsp) and the
issuing CA's certificate (id-ad-caIssuers) and whose CRL distribution point names the CRL
(the issuing CA may name the root's CRL too), all on a local http server the test starts. The
seal is a JAdES B-T seal (signature timestamp, no revocation data embedded) over the real EU
sample credential; what the server answers is the only thing that differs between the tests.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID

from tests.seal_building import der, jades_seal, timestamp_token
from tests.seal_building import pki_name as _name
from wallet.net import allow_loopback_http

EDC = Path(__file__).resolve().parents[1] / "assets" / "vectors" / "edc"
# Sealed ten days ago: answers fetched now are later than the proven time, as in life.
SEALED_AT = (datetime.now(UTC) - timedelta(days=10)).replace(microsecond=0)


def _certificate(subject: x509.Name, key: Any, issuer: x509.Name, signer: Any,
                 extensions: list[tuple[Any, bool]],
                 valid: tuple[datetime, datetime] | None = None) -> x509.Certificate:
    start, end = valid or (SEALED_AT - timedelta(days=365), SEALED_AT + timedelta(days=730))
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(end)
    )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical)
    return builder.sign(signer, hashes.SHA256())


_CA_USAGE = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
_SIGNING_USAGE = x509.KeyUsage(True, True, False, False, False, False, False, False, False)


class Provider:
    """The PKI, and what its status services answer (``mode``)."""

    def __init__(self, base_url: str) -> None:
        self.root_key = ec.generate_private_key(ec.SECP256R1())
        self.root = _certificate(_name("Test Root CA"), self.root_key, _name("Test Root CA"),
                                 self.root_key,
                                 [(x509.BasicConstraints(ca=True, path_length=None), True),
                                  (_CA_USAGE, True)])
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        self.ca = _certificate(_name("Test Qualified CA"), self.ca_key, self.root.subject,
                               self.root_key,
                               [(x509.BasicConstraints(ca=True, path_length=0), True),
                                (_CA_USAGE, True)])
        self.seal_key = ec.generate_private_key(ec.SECP256R1())
        self.seal = _certificate(_name("Test Seal"), self.seal_key, self.ca.subject, self.ca_key, [
            (_SIGNING_USAGE, True),
            (x509.AuthorityInformationAccess([
                x509.AccessDescription(AuthorityInformationAccessOID.OCSP,
                                       x509.UniformResourceIdentifier(f"{base_url}/ocsp")),
                x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS,
                                       x509.UniformResourceIdentifier(f"{base_url}/ca.crt")),
            ]), False),
            (x509.CRLDistributionPoints([x509.DistributionPoint(
                [x509.UniformResourceIdentifier(f"{base_url}/ca.crl")], None, None, None)]),
             False),
        ])
        self.tsa_key = ec.generate_private_key(ec.SECP256R1())
        self.tsa = _certificate(_name("Test TSA"), self.tsa_key, self.root.subject, self.root_key,
                                [(_SIGNING_USAGE, True),
                                 (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                                  True)])
        self.base_url = base_url
        # Who signs OCSP answers: the CA itself (None), or a delegated responder it issued
        # (see :meth:`delegate_ocsp`); ``responder_revoked`` lists the responder on the CRL.
        self.responder: x509.Certificate | None = None
        self.responder_key = ec.generate_private_key(ec.SECP256R1())
        self.responder_revoked = False
        # What the services answer: good, revoked-before, revoked-after, garbage, slow,
        # oversized, refused (HTTP 500); crl_mode likewise for the CRL.
        self.mode = "good"
        self.crl_mode = "good"
        self.root_crl_mode = "good"
        self.requests: list[str] = []

    def delegate_ocsp(self, *, nocheck: bool, crl_point: bool, expired: bool = False) -> None:
        """OCSP answers are signed from now on by a responder certificate the CA issues for
        id-kp-OCSPSigning: with id-pkix-ocsp-nocheck or not, naming the CA's CRL or not, and
        ``expired`` a day before it answers."""
        extensions: list[tuple[Any, bool]] = [
            (_SIGNING_USAGE, True),
            (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.OCSP_SIGNING]), False),
        ]
        if nocheck:
            extensions.append((x509.OCSPNoCheck(), False))
        if crl_point:
            extensions.append((x509.CRLDistributionPoints([x509.DistributionPoint(
                [x509.UniformResourceIdentifier(f"{self.base_url}/ca.crl")], None, None,
                None)]), False))
        now = datetime.now(UTC)
        valid = (now - timedelta(days=30), now - timedelta(days=1)) if expired else None
        self.responder = _certificate(_name("Test OCSP Responder"), self.responder_key,
                                      self.ca.subject, self.ca_key, extensions, valid=valid)

    # --- status answers --------------------------------------------------------------------

    def revocation_time(self, mode: str) -> datetime | None:
        if mode == "revoked-before":
            return SEALED_AT - timedelta(days=1)
        if mode == "revoked-after":
            return SEALED_AT + timedelta(days=2)
        return None

    def ocsp_response(self) -> bytes:
        """The OCSP answer ``mode`` asks for; besides the modes of :func:`_answer`:
        ``unknown`` (certStatus unknown), ``stale`` (nextUpdate passed) and ``wrong-key``
        (signed in the CA's name with another key)."""
        now = datetime.now(UTC)
        revoked = self.revocation_time(self.mode)
        status = ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD
        if self.mode == "unknown":
            status = ocsp.OCSPCertStatus.UNKNOWN
        this_update, next_update = now - timedelta(minutes=1), now + timedelta(days=1)
        if self.mode == "stale":
            this_update, next_update = now - timedelta(days=3), now - timedelta(days=1)
        response = (
            ocsp.OCSPResponseBuilder()
            .add_response(
                cert=self.seal, issuer=self.ca, algorithm=hashes.SHA1(),
                cert_status=status, this_update=this_update, next_update=next_update,
                revocation_time=revoked, revocation_reason=None,
            )
        )
        if self.mode == "wrong-key":
            signed = (response.responder_id(ocsp.OCSPResponderEncoding.HASH, self.ca)
                      .sign(self.responder_key, hashes.SHA256()))
        elif self.responder is not None:
            signed = (response.responder_id(ocsp.OCSPResponderEncoding.HASH, self.responder)
                      .certificates([self.responder])
                      .sign(self.responder_key, hashes.SHA256()))
        else:
            signed = (response.responder_id(ocsp.OCSPResponderEncoding.HASH, self.ca)
                      .sign(self.ca_key, hashes.SHA256()))
        return signed.public_bytes(Encoding.DER)

    def crl(self) -> bytes:
        now = datetime.now(UTC)
        builder = (
            x509.CertificateRevocationListBuilder().issuer_name(self.ca.subject)
            .last_update(now - timedelta(minutes=1)).next_update(now + timedelta(days=1))
        )
        revoked = self.revocation_time(self.crl_mode)
        if revoked is not None:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(self.seal.serial_number)
                .revocation_date(revoked).build())
        if self.responder is not None and self.responder_revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(self.responder.serial_number)
                .revocation_date(now - timedelta(hours=1)).build())
        return builder.sign(self.ca_key, hashes.SHA256()).public_bytes(Encoding.DER)

    def give_ca_a_crl_point(self) -> None:
        """Re-issue the issuing CA's certificate (same key and name, so the seal still chains
        to it) with a distribution point naming the root's CRL."""
        self.ca = _certificate(self.ca.subject, self.ca_key, self.root.subject, self.root_key, [
            (x509.BasicConstraints(ca=True, path_length=0), True), (_CA_USAGE, True),
            (x509.CRLDistributionPoints([x509.DistributionPoint(
                [x509.UniformResourceIdentifier(f"{self.base_url}/root.crl")], None, None,
                None)]), False)])

    def give_tsa_a_crl_point(self) -> None:
        """Re-issue the timestamp authority's certificate (same key and name) naming the
        root's CRL, so its revocation is asked online too."""
        self.tsa = _certificate(self.tsa.subject, self.tsa_key, self.root.subject, self.root_key, [
            (_SIGNING_USAGE, True),
            (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True),
            (x509.CRLDistributionPoints([x509.DistributionPoint(
                [x509.UniformResourceIdentifier(f"{self.base_url}/root.crl")], None, None,
                None)]), False)])

    def root_crl(self) -> bytes:
        """The root's CRL, speaking for the issuing CA: it lists nothing."""
        now = datetime.now(UTC)
        return (
            x509.CertificateRevocationListBuilder().issuer_name(self.root.subject)
            .last_update(now - timedelta(minutes=1)).next_update(now + timedelta(days=1))
            .sign(self.root_key, hashes.SHA256()).public_bytes(Encoding.DER)
        )

    # --- the seal --------------------------------------------------------------------------

    def timestamp(self, message: bytes) -> bytes:
        """An RFC 3161 token over ``message`` at :data:`SEALED_AT`."""
        return timestamp_token(message, at=SEALED_AT, tsa=self.tsa, tsa_key=self.tsa_key,
                               more_certificates=(self.root,))

    def jades(self, payload: str, *, with_ca: bool = True) -> bytes:
        """A JAdES B-T seal over ``payload``; ``with_ca=False`` leaves the issuing CA out."""
        chain = (self.seal, self.ca) if with_ca else (self.seal,)
        return jades_seal(payload, at=SEALED_AT, chain=chain, seal_key=self.seal_key,
                          timestamp=self.timestamp)


def _answer(provider: Provider, mode: str, body: bytes, handler: BaseHTTPRequestHandler,
            media_type: str) -> None:
    if mode == "slow":
        time.sleep(3)
    if mode == "refused":
        handler.send_response(500)
        handler.end_headers()
        return
    if mode == "garbage":
        body = b"this is no signed object"
    if mode == "oversized":
        body = b"\x00" * (5 * 1024 * 1024)
    handler.send_response(200)
    handler.send_header("Content-Type", media_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    with contextlib.suppress(OSError):  # the client gave up (too large, too slow): the point
        handler.wfile.write(body)


class StatusServer:
    """The provider's OCSP responder, CRL and CA certificate on 127.0.0.1."""

    def __init__(self) -> None:
        self.provider: Provider | None = None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                assert outer.provider is not None
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                outer.provider.requests.append("ocsp")
                _answer(outer.provider, outer.provider.mode, outer.provider.ocsp_response(),
                        self, "application/ocsp-response")

            def do_GET(self) -> None:
                assert outer.provider is not None
                if self.path == "/ca.crt":
                    outer.provider.requests.append("ca")
                    _answer(outer.provider, "good", der(outer.provider.ca), self,
                            "application/pkix-cert")
                    return
                if self.path == "/root.crl":
                    outer.provider.requests.append("root-crl")
                    _answer(outer.provider, outer.provider.root_crl_mode,
                            outer.provider.root_crl(), self,
                            "application/pkix-crl")
                    return
                outer.provider.requests.append("crl")
                _answer(outer.provider, outer.provider.crl_mode, outer.provider.crl(), self,
                        "application/pkix-crl")

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[StatusServer]:
    running = StatusServer()
    with allow_loopback_http():
        yield running
    running.stop()


@pytest.fixture
def provider(server: StatusServer) -> Provider:
    made = Provider(server.base_url)
    server.provider = made
    return made


@pytest.fixture(scope="session")
def payload() -> str:
    # The EU sample micro-credential, as its sealing service would receive it.
    sample = json.loads((EDC / "Sample-MC-Annex1-signed.jsonld").read_bytes())
    return str(sample["payload"])
