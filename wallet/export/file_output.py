"""Writing an exported file: whole or not at all, and one sentence when it fails."""

from __future__ import annotations

import os
from pathlib import Path

from wallet.errors import ExportError
from wallet.translation import tr


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, then rename, so a
    crash never leaves half a file under the chosen name."""
    tmp = path.with_name(f".{path.name}.kredo-partial")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(
            tr(
                "{name} could not be written: {reason}.",
                name=path.name,
                reason=exc.strerror or tr("the system refused"),
            ),
            details=f"{type(exc).__name__}: {exc}",
        ) from exc


def prepare_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) unless it exists; refuse a file of that name."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(
            tr("{folder} is a file, not a folder; choose a folder for the export.", folder=folder)
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            tr(
                "The folder {folder} could not be created: {reason}.",
                folder=folder,
                reason=exc.strerror or tr("the system refused"),
            ),
            details=f"{type(exc).__name__}: {exc}",
        ) from exc
