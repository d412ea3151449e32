"""What a higher floor hands the seal verifier when the person allowed going online.

The crypto floor never opens a connection: a :class:`RevocationLookup` (built in
``wallet.status.revocation_fetch``) fetches, or finds in its cache, the OCSP responses and
CRLs for one certificate, and the certificates an ``caIssuers`` address names; the seal
verifier only validates what comes back, as plain DER bytes
(:mod:`wallet.crypto.revocation_status`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from cryptography import x509


@dataclass(frozen=True)
class FetchedRevocation:
    """What the status services said about one certificate, not yet validated.

    ``ocsp_responses`` and ``crls`` are DER as served; ``problems`` say, in a sentence, why a
    service gave nothing usable (unreachable, too slow, too large); ``from_cache`` is true when
    nothing was fetched because the wallet's cache still held a fresh answer.
    """

    ocsp_responses: tuple[bytes, ...] = ()
    crls: tuple[bytes, ...] = ()
    problems: tuple[str, ...] = ()
    from_cache: bool = False


class RevocationLookup(Protocol):
    """Revocation data and missing issuer certificates, fetched online on the person's word."""

    def status_data(
        self, certificate: x509.Certificate, issuer: x509.Certificate
    ) -> FetchedRevocation: ...

    def crl_data(self, certificate: x509.Certificate) -> FetchedRevocation:
        """The certificate's CRLs alone: the second chance when the OCSP answer that
        :meth:`status_data` found (and stopped at) cannot be used."""
        ...

    def issuer_certificates(self, certificate: x509.Certificate) -> tuple[bytes, ...]: ...
