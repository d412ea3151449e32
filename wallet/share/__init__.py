"""Sharing: holder profiles and presentations, PDF export, and answering online verifiers
(OpenID4VP, ``wallet.share.oid4vp``); QR codes are drawn by ``wallet.qr``."""
