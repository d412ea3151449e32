"""How credentials left the wallet, as its share log remembers each time (never the contents)."""

from __future__ import annotations

import enum


class ShareForm(enum.StrEnum):
    PRESENTATION = "presentation"  # a signed presentation file
    CLIPBOARD = "clipboard"  # the signed presentation, copied for pasting
    QR = "qr"  # a QR code (or an animated one) of a credential or a presentation
    PDF = "pdf"  # a readable PDF with the original attached
    EUROPASS = "europass"  # the sealed originals for the Europass wallet
    EUROPASS_CV = "europass-cv"  # a Europass CV built from the credentials
