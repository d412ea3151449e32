"""Import files, folders, a stream (standard input) and pasted text into the wallet: the one
pipeline the CLI and GUI share.

Each credential is stored in its own transaction, so an import that is interrupted keeps every
credential stored before the interruption. A bad file yields an ``error`` outcome with one
sentence and never stops the files after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from wallet.app.list_fields import stored_view_kind
from wallet.errors import WalletError
from wallet.file_input import iter_input_files, read_limited, read_stream_limited
from wallet.formats import parse_credentials
from wallet.model import Credential

ImportStatus = Literal["imported", "duplicate", "error"]


class CredentialSink(Protocol):
    """What the importer needs from the store (``CredentialRepository`` satisfies it)."""

    def add(self, credential: Credential, *, source: str,
            view_kind: str | None = None) -> AddResultLike: ...


class AddResultLike(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def duplicate(self) -> bool: ...


@dataclass(frozen=True)
class ImportOutcome:
    source: str
    status: ImportStatus
    id: int | None = None
    format: str | None = None
    title: str | None = None
    error: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "status": self.status,
            "format": self.format,
            "title": self.title,
            "error": self.error,
            "source": self.source,
        }


def import_bytes(sink: CredentialSink, raw: bytes, *, source: str) -> list[ImportOutcome]:
    """Parse and store every credential in ``raw``; a parse error stores nothing of it."""
    try:
        credentials = parse_credentials(raw)
    except WalletError as exc:
        return [ImportOutcome(source=source, status="error", error=exc.message)]
    outcomes: list[ImportOutcome] = []
    for credential in credentials:
        try:
            result = sink.add(credential, source=source,
                              view_kind=stored_view_kind(credential))
        except WalletError as exc:
            outcomes.append(
                ImportOutcome(
                    source=source, status="error", error=exc.message, format=credential.format.value
                )
            )
            continue
        outcomes.append(
            ImportOutcome(
                source=source,
                status="duplicate" if result.duplicate else "imported",
                id=result.id,
                format=credential.format.value,
                title=credential.title,
            )
        )
    return outcomes


def import_text(sink: CredentialSink, text: str, *, source: str) -> list[ImportOutcome]:
    """Pasted text (a JSON credential, a JWT): the text as UTF-8, without surrounding space."""
    return import_bytes(sink, text.strip().encode("utf-8"), source=source)


def import_stream(
    sink: CredentialSink, read: Callable[[int], bytes], *, source: str = "stdin"
) -> list[ImportOutcome]:
    """A stream such as standard input, read up to the input cap (above it: an error)."""
    return import_bytes(sink, read_stream_limited(read), source=source)


def _no_progress(_done: int, _total: int) -> None:
    pass


def import_paths(
    sink: CredentialSink,
    paths: Iterable[Path],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = _no_progress,
) -> Iterator[ImportOutcome]:
    """Import every file in ``paths`` (folders recursively), yielding outcomes as they come;
    ``progress(done, total)`` counts files, ``cancelled`` is asked before each one."""
    files = list(iter_input_files(paths))
    progress(0, len(files))
    for number, path in enumerate(files, start=1):
        if cancelled():
            return
        try:
            raw = read_limited(path)
        except WalletError as exc:
            yield ImportOutcome(source=str(path), status="error", error=exc.message)
        else:
            yield from import_bytes(sink, raw, source=str(path))
        progress(number, len(files))
