"""The outcome of checking one Data Integrity proof, for the verifier to turn into checks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProofVerification:
    """What one proof check found; never raised, always returned.

    ``signature_checked`` is False when the signature could not be computed offline (key
    published on the web, context not bundled, unsupported cryptosuite): the verifier shows
    that as skipped, never as passed or as forged. ``controller_matches_issuer`` is the
    reference verifiers' rule that the signing key's controller is the credential's issuer
    (the holder, for a presentation); None when the document names neither. ``problems``
    are sentences for a person, one per finding.
    """

    cryptosuite: str
    verification_method: str
    controller: str | None
    signature_checked: bool
    signature_valid: bool
    controller_matches_issuer: bool | None
    purpose_ok: bool
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Signature valid and nothing else wrong."""
        return self.signature_valid and self.purpose_ok and not self.problems
