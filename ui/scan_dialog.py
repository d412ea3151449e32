"""“Verify someone else's credential”: the verification desk (:mod:`ui.verification_desk`).

The main window and older callers know it by this name.
"""

from __future__ import annotations

from ui.verification_desk import VerificationDesk, qimage_to_pil

ScanDialog = VerificationDesk

__all__ = ["ScanDialog", "VerificationDesk", "qimage_to_pil"]
