"""The one error hierarchy of the core.

Every error the core raises on purpose is a :class:`WalletError`. Its ``message`` is one
sentence a person understands (shown by the CLI and the GUI); ``details`` hold what an expert
or a bug report needs and never credential contents or keys. ``exit_code`` is what the
``kredo`` command returns for it.
"""

from __future__ import annotations

from wallet.translation import tr


class WalletError(Exception):
    """Base of every error the core raises deliberately."""

    exit_code: int = 2

    def __init__(self, message: str, *, details: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class UserCancelled(WalletError):
    """The user backed out; callers show nothing."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or tr("Cancelled."))


# --- storage and keys -------------------------------------------------------------------


class StoreError(WalletError):
    """The encrypted wallet could not be created, opened, read or written."""


class WalletNotFound(StoreError):
    """No wallet exists at the chosen location."""


class WalletAlreadyExists(StoreError):
    """``init`` on a location that already holds a wallet."""


class KeyUnavailable(StoreError):
    """The database key cannot be obtained (keyring gone, no passphrase given)."""


class WrongPassphrase(StoreError):
    """The passphrase does not unwrap the database key."""


class WalletLocked(StoreError):
    """An operation needs the wallet open, and it is locked."""


class SchemaTooNew(StoreError):
    """The database was written by a newer Kredo."""


class CredentialNotFound(StoreError):
    """No credential with that id."""


class BackupError(StoreError):
    """A backup file could not be written or read."""


# --- input and formats ------------------------------------------------------------------


class FormatError(WalletError):
    """Input that could not be read as a credential."""


class NotACredential(FormatError):
    """Well-formed input, but not a credential Kredo knows (exit code 2)."""


class InputTooLarge(FormatError):
    """Input above a documented size, depth or expansion cap."""


class MalformedCredential(FormatError):
    """Input that claims to be a known format but is broken (truncated, bad encoding ...)."""


# --- network and JSON-LD ----------------------------------------------------------------


class NetworkError(WalletError):
    """A network operation failed or was not allowed."""


class NetworkNotAllowed(NetworkError):
    """Something asked for the network while online access is off."""


class NetworkTimeout(NetworkError):
    """A server did not answer within the time allowed."""


class IssuanceError(WalletError):
    """Receiving a credential from an issuer failed: a broken offer, metadata or answer."""


class OfferExpired(IssuanceError):
    """The issuer says the offer (its pre-authorized code) has expired."""


class TransactionCodeRejected(IssuanceError):
    """The issuer did not accept the transaction code (PIN) the learner typed."""


class ContextNotAvailable(WalletError):
    """A JSON-LD context that is not bundled was requested; Kredo never fetches contexts."""


# --- verification and sharing ------------------------------------------------------------


class VerificationError(WalletError):
    """Verification could not even start (the input is not a credential at all)."""


class UnsupportedDidMethod(VerificationError):
    """A DID method Kredo cannot resolve (it knows did:key, did:jwk and did:web)."""


class TrustMaterialError(WalletError):
    """Trust material (the trusted-list snapshot, a trusted list, an issuer registry) is
    unreadable or invalid; nothing is trusted on its word."""

    exit_code = 1


class SharingError(WalletError):
    """A presentation, QR code or PDF could not be produced or read."""


class QrPayloadTooLarge(SharingError):
    """Data too large for the requested QR form, or a QR payload inflating past its cap."""


class ExportError(WalletError):
    """A Europass export (original files, CV XML, CV PDF) could not be produced."""


class NotExportable(ExportError):
    """The chosen credential cannot go where the learner asked (an unsealed one to Europass)."""


# --- answering verifiers (OpenID4VP) -----------------------------------------------------


class PresentationRequestError(WalletError):
    """A verifier's OpenID4VP request that Kredo refuses: unreadable, unsigned where it must
    be signed, from an identity it cannot check, or asking for something Kredo cannot do.
    Nothing is sent to the verifier."""


class VerifierRefused(WalletError):
    """The verifier answered Kredo's response with an error (OAuth ``error``)."""

    exit_code = 1
