"""Sharing: holder profiles and presentations, QR codes (``wallet.share.qr``), PDF export."""
