"""Fetch a certificate's revocation data online: OCSP first, then its CRLs (and a missing
issuer's certificate from ``caIssuers``), through :mod:`wallet.net` and a cache. When the
OCSP answer turns out unusable, the verifier asks for the CRLs alone (:meth:`crl_data`).

This is the :class:`wallet.crypto.revocation_lookup.RevocationLookup` the seal verifier is
handed when the person allowed going online. It only fetches and caches: every answer is
validated by the crypto floor (:mod:`wallet.crypto.revocation_status`), so a server that
sends garbage, nothing, too much or too slowly leaves the status unknown, never decided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID

from wallet import net
from wallet.crypto.revocation_lookup import FetchedRevocation
from wallet.crypto.revocation_status import key_hash
from wallet.errors import WalletError
from wallet.status.revocation_cache import CachedRevocation, RevocationCache
from wallet.translation import tr

OCSP_MAX_BYTES = 64 * 1024
CRL_MAX_BYTES = 4 * 1024 * 1024
CERTIFICATE_MAX_BYTES = 64 * 1024
TIMEOUT = 8.0  # seconds for one answer; a seal asks two or three


@dataclass
class OnlineRevocationLookup:
    """Status answers for the certificates of one verification, cached until ``nextUpdate``."""

    cache: RevocationCache
    now: Callable[[], datetime]
    timeout: float | None = None  # None: TIMEOUT, read when fetching
    # One verification asks about a certificate once, whichever paths it tries.
    _answers: dict[str, FetchedRevocation] = field(default_factory=dict, repr=False)
    _crl_answers: dict[bytes, FetchedRevocation] = field(default_factory=dict, repr=False)
    # Cache keys this verification fetched itself: found again in the cache, they still
    # count as fetched online, not as the wallet's cache.
    _fetched: set[str] = field(default_factory=set, repr=False)

    @property
    def _seconds(self) -> float:
        return self.timeout if self.timeout is not None else TIMEOUT

    def status_data(
        self, certificate: x509.Certificate, issuer: x509.Certificate
    ) -> FetchedRevocation:
        asked = f"{key_hash(issuer).hex()}:{certificate.serial_number:x}"
        if asked not in self._answers:
            self._answers[asked] = self._status_data(certificate, issuer)
        return self._answers[asked]

    def _status_data(
        self, certificate: x509.Certificate, issuer: x509.Certificate
    ) -> FetchedRevocation:
        problems: list[str] = []
        answer, cached = self._ocsp(certificate, issuer, problems)
        if answer is not None:
            return FetchedRevocation(ocsp_responses=(answer,), from_cache=cached)
        return self._crls(certificate, problems)

    def crl_data(self, certificate: x509.Certificate) -> FetchedRevocation:
        """The CRLs alone, asked when the OCSP answer could not be used (a bad signature, a
        responder not proven unrevoked, status unknown, out of date): RFC 5280's own source
        before giving up."""
        asked = certificate.fingerprint(hashes.SHA256())
        if asked not in self._crl_answers:
            self._crl_answers[asked] = self._crls(certificate, [])
        return self._crl_answers[asked]

    def _crls(self, certificate: x509.Certificate, problems: list[str]) -> FetchedRevocation:
        crls: list[bytes] = []
        all_cached = True
        for url in _uris(_crl_points(certificate)):
            crl, cached = self._crl(url, problems)
            if crl is not None:
                crls.append(crl)
                all_cached = all_cached and cached
        return FetchedRevocation(crls=tuple(crls), problems=tuple(problems),
                                 from_cache=bool(crls) and all_cached)

    def issuer_certificates(self, certificate: x509.Certificate) -> tuple[bytes, ...]:
        found: list[bytes] = []
        for url in _uris(_access(certificate, AuthorityInformationAccessOID.CA_ISSUERS)):
            try:
                body = net.fetch(url, allowed=True, max_bytes=CERTIFICATE_MAX_BYTES,
                                 timeout=self._seconds, signed_object=True).body
            except WalletError:
                continue
            found.extend(_certificates_in(body))
        return tuple(found)

    # --- OCSP (RFC 6960 A.1: a POST of the DER request) -------------------------------------

    def _ocsp(
        self, certificate: x509.Certificate, issuer: x509.Certificate, problems: list[str]
    ) -> tuple[bytes | None, bool]:
        key = f"ocsp:{key_hash(issuer).hex()}:{certificate.serial_number:x}"
        cached = self.cache.get(key, self.now())
        if cached is not None:
            return cached, key not in self._fetched
        request = (
            ocsp.OCSPRequestBuilder()
            .add_certificate(certificate, issuer, hashes.SHA1())  # noqa: S303 - RFC 5019 CertID
            .build()
            .public_bytes(Encoding.DER)
        )
        for url in _uris(_access(certificate, AuthorityInformationAccessOID.OCSP)):
            try:
                body = net.post(url, allowed=True, body=request,
                                content_type="application/ocsp-request",
                                accept="application/ocsp-response", max_bytes=OCSP_MAX_BYTES,
                                timeout=self._seconds, signed_object=True).body
            except WalletError as exc:
                problems.append(exc.message)
                continue
            next_update = _ocsp_next_update(body, certificate.serial_number)
            if next_update is None:
                problems.append(tr("The OCSP responder sent no usable answer."))
                continue
            if next_update > self.now():
                self.cache.put(CachedRevocation(key, body, next_update))
                self._fetched.add(key)
            return body, False
        return None, False

    # --- CRLs ------------------------------------------------------------------------------

    def _crl(self, url: str, problems: list[str]) -> tuple[bytes | None, bool]:
        key = f"crl:{url}"
        cached = self.cache.get(key, self.now())
        if cached is not None:
            return cached, key not in self._fetched
        try:
            body = net.fetch(url, allowed=True, max_bytes=CRL_MAX_BYTES, timeout=self._seconds,
                             signed_object=True).body
            next_update = x509.load_der_x509_crl(body).next_update_utc
        except WalletError as exc:
            problems.append(exc.message)
            return None, False
        except ValueError:
            problems.append(tr("The certificate authority's CRL is not a readable CRL."))
            return None, False
        if next_update is not None and next_update > self.now():
            self.cache.put(CachedRevocation(key, body, next_update))
            self._fetched.add(key)
        return body, False


def _ocsp_next_update(body: bytes, serial: int) -> datetime | None:
    """A successful answer about ``serial`` and until when it holds (None: not usable)."""
    try:
        response = ocsp.load_der_ocsp_response(body)
        if response.response_status is not ocsp.OCSPResponseStatus.SUCCESSFUL:
            return None
        for single in response.responses:
            if single.serial_number == serial:
                return single.next_update_utc or single.this_update_utc
    except ValueError:
        return None
    return None


def _access(certificate: x509.Certificate, method: x509.ObjectIdentifier) -> list[x509.GeneralName]:
    try:
        access = certificate.extensions.get_extension_for_class(
            x509.AuthorityInformationAccess).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    return [d.access_location for d in access if d.access_method == method]


def _crl_points(certificate: x509.Certificate) -> list[x509.GeneralName]:
    try:
        points = certificate.extensions.get_extension_for_class(
            x509.CRLDistributionPoints).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    return [name for point in points for name in (point.full_name or [])]


def _uris(names: list[x509.GeneralName]) -> list[str]:
    """http and https addresses only (ldap is not fetched), at most three."""
    uris = [n.value for n in names if isinstance(n, x509.UniformResourceIdentifier)]
    return [u for u in uris if u.lower().startswith(("http://", "https://"))][:3]


def _certificates_in(body: bytes) -> list[bytes]:
    """A DER certificate, or a certs-only CMS bundle (RFC 5280 §4.2.2.1)."""
    try:
        return [x509.load_der_x509_certificate(body).public_bytes(Encoding.DER)]
    except ValueError:
        pass
    try:
        return [c.public_bytes(Encoding.DER) for c in pkcs7.load_der_pkcs7_certificates(body)]
    except ValueError:
        return []
