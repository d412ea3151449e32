"""Answering online verifiers: OpenID4VP 1.0 with DCQL (see ``docs/openid4vp.md``).

Reading a verifier's link into a checked request is :mod:`wallet.share.oid4vp.request_reader`; who
asks, as a certificate or DID proves it, is :mod:`wallet.share.oid4vp.verifier_identity`; what is
asked is :mod:`wallet.share.oid4vp.dcql`.
"""
