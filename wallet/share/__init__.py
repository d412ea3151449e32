"""Sharing: holder profiles and presentations, QR codes (``wallet.qr.encode``), PDF export."""
