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

Many files (an employer's folder of applications) are verified by :func:`verify_batch` in this
process, or by :func:`verify_batch_in_workers` in worker processes that each load the engine
once; either gives one :class:`BatchOutcome` per file and never stops at a bad one.

Whether the wallet verifies what was just imported, and re-verifies itself online now and then
(status lists change), are the learner's choices: :mod:`wallet.app.verify_habits`.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wallet.app.trust_settings import wallet_verify_options
from wallet.errors import FormatError, WalletError
from wallet.file_input import iter_input_files, read_limited, read_stream_limited
from wallet.formats import parse_credential
from wallet.formats import presentation as presentation_format
from wallet.json_input import load_json_object
from wallet.model import MicroCredentialView
from wallet.status.revocation_cache import CachedRevocation, MemoryRevocationCache
from wallet.store.records import RevocationRecord
from wallet.store.repository import CredentialRepository
from wallet.translation import current_language, set_language, tr
from wallet.trust import TrustStore
from wallet.trust.user_trust import SettingsStore
from wallet.verify.engine import verify_credential, verify_file_bytes
from wallet.verify.list_state import ListState, list_state
from wallet.verify.options import VerifyOptions
from wallet.verify.report import OverallStatus, VerificationReport


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
    # Online, seals' OCSP responses and CRLs are kept for the session (a stored credential's
    # check loads the wallet's instead, prepare_stored_verification).
    cache = MemoryRevocationCache() if request.online else None
    return replace(options, challenge=request.challenge, domain=request.domain,
                   documents=dict(request.documents), revocation_cache=cache)


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
        cache = self.options.revocation_cache
        fetched = cache.new_entries() if isinstance(cache, MemoryRevocationCache) else ()
        return StoredVerdict(self.credential_id, report, online=self.options.online,
                             revocation_fetched=fetched)


@dataclass(frozen=True)
class StoredVerdict:
    """The report on a stored credential, not yet remembered by the wallet."""

    credential_id: int
    report: VerificationReport
    online: bool
    # OCSP responses and CRLs fetched online, for the wallet's cache.
    revocation_fetched: tuple[CachedRevocation, ...] = field(default=(), repr=False)

    @property
    def mode(self) -> str:
        """How the checks ran, as the wallet remembers it with the verdict."""
        return "network" if self.online else "offline"

    @property
    def state(self) -> ListState:
        """The status chip's word for this verdict, as the list shows it once remembered."""
        return list_state(self.report)


def prepare_stored_verification(
    repository: CredentialRepository, credential_id: int, request: VerifyRequest | None = None
) -> StoredVerification:
    """Read credential ``credential_id`` and the wallet's trust for verifying it."""
    stored = repository.get(credential_id)
    options = verify_options(request or VerifyRequest(), settings=repository)
    if options.online:
        records = repository.current_revocation_records(options.current_time())
        cache = MemoryRevocationCache(
            CachedRevocation(r.key, r.der, r.next_update) for r in records)
        options = replace(options, revocation_cache=cache)
    return StoredVerification(stored.id, stored.raw, options)


def remember_verdict(repository: CredentialRepository, verdict: StoredVerdict) -> None:
    """Keep the report with the credential: the list's status chip and the detail show it."""
    repository.save_verification(
        verdict.credential_id,
        status=list_state(verdict.report).value,
        report_json=json.dumps(verdict.report.to_json()),
        mode=verdict.mode,
    )
    if verdict.revocation_fetched:
        repository.keep_revocation_records(
            RevocationRecord(e.key, e.der, e.next_update) for e in verdict.revocation_fetched)


def verify_stored(
    repository: CredentialRepository, credential_id: int, request: VerifyRequest | None = None
) -> VerificationReport:
    """Verify a credential in the wallet with the wallet's trust, and remember the verdict."""
    verdict = prepare_stored_verification(repository, credential_id, request).verify()
    remember_verdict(repository, verdict)
    return verdict.report


# --- something someone sent ------------------------------------------------------------


def verify_received(raw: bytes, options: VerifyOptions) -> VerificationReport:
    """A credential, or a presentation (its holder proof against the request's challenge and
    domain, then every credential it carries). Raises only for input that is no credential."""
    return verify_file_bytes(raw, options=options)


def verify_received_file(path: Path, options: VerifyOptions) -> VerificationReport:
    return verify_received(read_limited(path), options)


@dataclass(frozen=True)
class ReceivedBytes:
    """Bytes that came without a file of their own (standard input), and the name to show."""

    name: str
    raw: bytes = field(repr=False)

    @classmethod
    def from_stream(cls, name: str, read: Callable[[int], bytes]) -> ReceivedBytes:
        """Everything ``read`` gives, up to the input cap (beyond it: :class:`InputTooLarge`)."""
        return cls(name, read_stream_limited(read))


BatchSource = Path | ReceivedBytes


@dataclass(frozen=True)
class BatchOutcome:
    """One file of a batch: its report, or one sentence saying why it could not be verified.

    ``views`` is what each credential says (one; a presentation's in the order it carries
    them; None for one that could not be read); ``sha256`` names the bytes that were checked
    (None when the file could not be read at all)."""

    path: Path
    raw: bytes = field(repr=False)
    report: VerificationReport | None = None
    problem: str | None = None
    views: tuple[MicroCredentialView | None, ...] = ()
    sha256: str | None = None

    @property
    def name(self) -> str:
        return str(self.path)


def batch_sources(sources: Iterable[BatchSource]) -> list[BatchSource]:
    """Every file to verify: files as named, folders' files (recursively, sorted), bytes."""
    found: list[BatchSource] = []
    for source in sources:
        if isinstance(source, ReceivedBytes):
            found.append(source)
        else:
            found.extend(iter_input_files([source]))
    return found


def verify_source(source: BatchSource, options: VerifyOptions) -> BatchOutcome:
    """One file (or the bytes of one): never raises for a file that is no credential or
    cannot be read, but says why in the outcome."""
    path = Path(source.name) if isinstance(source, ReceivedBytes) else source
    try:
        raw = source.raw if isinstance(source, ReceivedBytes) else _read_regular_file(source)
    except WalletError as exc:
        return BatchOutcome(path, b"", problem=exc.message)
    digest = hashlib.sha256(raw).hexdigest()
    try:
        report = verify_received(raw, options)
    except WalletError as exc:
        return BatchOutcome(path, raw, problem=exc.message, sha256=digest)
    return BatchOutcome(path, raw, report=report, views=credential_views(raw), sha256=digest)


def _read_regular_file(path: Path) -> bytes:
    """A pipe, a device or a socket would block the batch (or never end): only files."""
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = stat.S_IFREG  # read_limited says why it cannot be read
    if not stat.S_ISREG(mode):
        raise WalletError(tr(
            "{name} is not a regular file (it is a pipe, a device or a socket); Kredo reads "
            "only files.", name=path.name))
    return read_limited(path)


def credential_views(raw: bytes) -> tuple[MicroCredentialView | None, ...]:
    """What the credential in ``raw`` says, or each credential a presentation carries."""
    if presentation_format.detect(raw):
        return tuple(_view_or_none(part) for part in presentation_format.split(raw))
    return (_view_or_none(raw),)


def _view_or_none(raw: bytes) -> MicroCredentialView | None:
    try:
        return parse_credential(raw).view
    except WalletError:
        return None  # its report's format check says why


def verify_batch(
    sources: Iterable[BatchSource], options: VerifyOptions, *,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[BatchOutcome]:
    """Verify every file in ``sources`` (folders recursively), one outcome each, as they
    come, in this process; a file that is no credential never stops the files after it."""
    for source in batch_sources(sources):
        if cancelled():
            return
        yield verify_source(source, options)


def default_jobs() -> int:
    """How many processes verify side by side when not told: one per core this may use."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def verify_batch_in_workers(
    sources: Sequence[BatchSource], request: VerifyRequest, *, jobs: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[BatchOutcome]:
    """Verify ``sources`` (as :func:`batch_sources` lists them) with the bundled trust, in
    ``jobs`` worker processes (default: :func:`default_jobs`), outcomes in the order given.

    Each worker loads the engine and the trust material once, then takes file after file;
    one job, or a single file, runs here without starting any process."""
    workers = min(jobs or default_jobs(), len(sources))
    if workers <= 1:
        yield from verify_batch(sources, verify_options(request), cancelled=cancelled)
        return
    with multiprocessing.get_context().Pool(
        workers, initializer=_start_worker, initargs=(request, current_language())
    ) as pool:  # leaving the block stops the workers, also when the caller stops early
        for outcome in pool.imap(_verify_in_worker, sources, chunksize=2):
            if cancelled():
                return
            yield outcome


_WORKER_OPTIONS: dict[str, VerifyOptions] = {}  # in a worker process: its options, built once


def _start_worker(request: VerifyRequest, language: str) -> None:
    set_language(language)
    _WORKER_OPTIONS["options"] = verify_options(request)


def _verify_in_worker(source: BatchSource) -> BatchOutcome:
    return verify_source(source, _WORKER_OPTIONS["options"])


def worst_status(reports: Iterable[VerificationReport]) -> OverallStatus | None:
    """The worst verdict among ``reports`` (None for none): failed, then indeterminate, then
    partially verified, then verified."""
    statuses = [report.status for report in reports]
    return OverallStatus.worst(statuses) if statuses else None

