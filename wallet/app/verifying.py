"""Verify: a credential kept in the wallet (and remember the verdict), a file or a presentation
someone sent, or many files at once.

Every verification starts from one :class:`VerifyRequest` (may Kredo go online; the challenge
and domain a presentation must answer; DID documents to use offline) and one source of trust:
the wallet's (its bundled material plus the issuers and registries the learner added,
:func:`wallet.app.trust_settings.wallet_verify_options`) when a wallet is at hand, else the
bundled material alone.

A stored credential is verified in three steps, so that the GUI can keep the database worker
free while the engine works (docs/adr/0007-two-worker-lanes.md): read
(:func:`prepare_stored_verification`), verify (:meth:`StoredVerification.verify`, no
database), remember (:func:`remember_verdict`). :func:`verify_stored` runs all three.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wallet.app.trust_settings import wallet_verify_options
from wallet.errors import FormatError, WalletError
from wallet.file_input import iter_input_files, read_limited
from wallet.formats import parse_credential
from wallet.json_input import load_json_object
from wallet.store.repository import CredentialRepository
from wallet.translation import tr
from wallet.trust import TrustStore
from wallet.trust.user_trust import SettingsStore
from wallet.verify.engine import verify_credential, verify_file_bytes
from wallet.verify.options import VerifyOptions
from wallet.verify.report import OverallStatus, VerificationReport
from wallet.verify.stored import check_mode, save_verdict
from wallet.verify.stored import verify_stored as verify_and_save


@dataclass(frozen=True)
class VerifyRequest:
    """What the person verifying asks for, beyond the trust material."""

    online: bool = False  # network look-ups (status lists, did:web, hosted keys) allowed
    challenge: str | None = None  # a presentation must answer this challenge …
    domain: str | None = None  # … for this domain
    documents: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # by id, offline


def read_documents(paths: Iterable[Path]) -> dict[str, Mapping[str, Any]]:
    """DID or controller documents from files, by their ``id``, to use offline."""
    documents: dict[str, Mapping[str, Any]] = {}
    for path in paths:
        document = load_json_object(
            read_limited(path), what=tr("The document {name}", name=path.name)
        )
        if not isinstance(document.get("id"), str):
            raise FormatError(tr("The document {name} has no id.", name=path.name))
        documents[document["id"]] = document
    return documents


def verify_options(
    request: VerifyRequest, *, settings: SettingsStore | None = None
) -> VerifyOptions:
    """The options for ``request``: the wallet's trust when ``settings`` (an open wallet's
    repository) is given, else the bundled trust material alone."""
    if settings is not None:
        options = wallet_verify_options(settings, online=request.online)
    else:
        options = VerifyOptions(online=request.online, trust=TrustStore.bundled())
    return replace(options, challenge=request.challenge, domain=request.domain,
                   documents=dict(request.documents))


# --- a credential in the wallet --------------------------------------------------------


@dataclass(frozen=True)
class StoredVerification:
    """A stored credential ready to verify away from the database: its bytes and options."""

    credential_id: int
    raw: bytes = field(repr=False)
    options: VerifyOptions = field(repr=False)

    def verify(self) -> StoredVerdict:
        """Parse and verify (no database; the network only when the request allowed it)."""
        report = verify_credential(parse_credential(self.raw), options=self.options)
        return StoredVerdict(self.credential_id, report, online=self.options.online)


@dataclass(frozen=True)
class StoredVerdict:
    """The report on a stored credential, not yet remembered by the wallet."""

    credential_id: int
    report: VerificationReport
    online: bool

    @property
    def mode(self) -> str:
        return check_mode(self.online)


def prepare_stored_verification(
    repository: CredentialRepository, credential_id: int, request: VerifyRequest | None = None
) -> StoredVerification:
    """Read credential ``credential_id`` and the wallet's trust for verifying it."""
    stored = repository.get(credential_id)
    options = verify_options(request or VerifyRequest(), settings=repository)
    return StoredVerification(stored.id, stored.raw, options)


def remember_verdict(repository: CredentialRepository, verdict: StoredVerdict) -> None:
    """Keep the report with the credential: the list's status chip and the detail show it."""
    save_verdict(repository, verdict.credential_id, verdict.report, online=verdict.online)


def verify_stored(
    repository: CredentialRepository, credential_id: int, request: VerifyRequest | None = None
) -> VerificationReport:
    """Verify a credential in the wallet with the wallet's trust, and remember the verdict."""
    options = verify_options(request or VerifyRequest(), settings=repository)
    return verify_and_save(repository, credential_id, options=options)


# --- something someone sent ------------------------------------------------------------


def verify_received(raw: bytes, options: VerifyOptions) -> VerificationReport:
    """A credential, or a presentation (its holder proof against the request's challenge and
    domain, then every credential it carries). Raises only for input that is no credential."""
    return verify_file_bytes(raw, options=options)


def verify_received_file(path: Path, options: VerifyOptions) -> VerificationReport:
    return verify_received(read_limited(path), options)


@dataclass(frozen=True)
class BatchOutcome:
    """One file of a batch: its report, or one sentence saying why it could not be verified."""

    path: Path
    raw: bytes = field(repr=False)
    report: VerificationReport | None = None
    problem: str | None = None


def verify_batch(
    paths: Iterable[Path], options: VerifyOptions, *, cancelled: Callable[[], bool] = lambda: False
) -> Iterator[BatchOutcome]:
    """Verify every file in ``paths`` (folders recursively), one outcome each, as they come;
    a file that is no credential never stops the files after it."""
    for path in iter_input_files(paths):
        if cancelled():
            return
        raw = b""
        try:
            raw = read_limited(path)
            report = verify_received(raw, options)
        except WalletError as exc:
            yield BatchOutcome(path, raw, problem=exc.message)
            continue
        yield BatchOutcome(path, raw, report=report)


def worst_status(reports: Sequence[VerificationReport]) -> OverallStatus | None:
    """The worst verdict among ``reports`` (None for none): failed, then indeterminate, then
    partially verified, then verified."""
    if not reports:
        return None
    return OverallStatus.worst(report.status for report in reports)
