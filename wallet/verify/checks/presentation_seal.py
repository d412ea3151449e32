"""``signature`` of a Europass XML presentation: the seal its issuer put around the credentials.

The Commission's ELM v2 presentations are sealed with an enveloped XAdES signature in
``vp:proof``; the credentials inside are judged on their own (each its own report). The
verdict never says more than was proven:

1. no seal at all: the presentation proves nothing about who put it together; the check is
   skipped as *unsigned* (like a W3C presentation without a holder proof), and each
   credential's own report decides;
2. credentials with seals of their own besides the presentation's: Kredo verifies the
   presentation's seal only over credentials without one (its XPath filter removes every
   signature inside, not only its own), so the seal is skipped as *not checked*
   (indeterminate), never called broken;
3. otherwise the XAdES seal is verified as a credential's is (ETSI EN 319 132-1 / 319 102-1).
"""

from __future__ import annotations

from lxml import etree

from wallet.formats.europass_presentation import carries_own_seals, own_signature
from wallet.translation import tr
from wallet.verify.checks.base import CheckContext
from wallet.verify.checks.evidence import SignerEvidence
from wallet.verify.checks.signature_formats import verify_xml_seal
from wallet.verify.report import CheckStatus

SIGNATURE = "signature"


def presentation_seal(raw: bytes, root: etree._Element, context: CheckContext) -> SignerEvidence:
    """What the presentation's own seal proves; never raises for a bad seal."""
    # 1. No seal: nothing proven about the presentation itself, nothing disproven.
    if own_signature(root) is None:
        return SignerEvidence(
            CheckStatus.SKIPPED,
            tr(
                "The presentation carries no seal: nothing proves who put it together or that "
                "it is unchanged. Each credential in it is judged by its own seal."
            ),
            details={"unsigned": True},
        )
    # 2. Seals inside the sealed presentation: not a combination Kredo verifies.
    if carries_own_seals(root):
        return SignerEvidence(
            CheckStatus.SKIPPED,
            tr(
                "The presentation's seal could not be checked: Kredo checks a Europass "
                "presentation's seal only when the credentials in it carry no seal of their "
                "own. Each credential in it is judged by its own seal."
            ),
        )
    # 3. The XAdES seal over the whole presentation.
    return verify_xml_seal(raw, context)
